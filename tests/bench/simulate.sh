#!/bin/sh
# tests/bench/simulate.sh - `make bench`: the simulator's speed.
# Simulated service-minutes per second on 1 and 2 threads, next to the
# floor measured in the same process (the same number of bare GSL uniform
# draws; and one gsl_ran_poisson variate per service-minute), then the
# issue's yardstick: 1,000 runs of one month for the baseline's three
# services, end to end (simulate + price + report). Prints figures only.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$ROOT" || exit 2
CP=./costplan
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
$CP simulate --bench --runs 1000 --months 1 --seed 1 || exit 1
$CP simulate --bench scenarios/autoscaling.json --runs 100 --months 1 --seed 1 || exit 1
for t in 1 2; do
	start=$(date +%s.%N)
	$CP simulate --runs 1000 --months 1 --threads $t --no-progress >/dev/null || exit 1
	end=$(date +%s.%N)
	echo "costplan simulate --runs 1000 --months 1 --threads $t (end to end): $(echo "$end - $start" | bc) s"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
