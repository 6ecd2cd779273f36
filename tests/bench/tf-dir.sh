#!/bin/sh
# tf-dir.sh - `costplan breakdown DIR` on a generated Terraform
# configuration of about 5,000 resource instances in 200 files (modules
# with for_each, count, locals, functions; tests/bench/tf-gen.py), timed
# next to `jq .` reading the same configuration written as .tf.json, in the
# same run: the issue's aim is within 2x of jq and under 64 MB of peak
# memory. Whole-process figures, best of 5: wall clock, CPU (user + sys)
# and peak RSS (getrusage ru_maxrss). Prints figures; never fails on them.
. "$(dirname "$0")/../lib.sh"
python3 "$ROOT/tests/bench/tf-gen.py" "$TMPD/hcl" "$TMPD/json"
files=$(find "$TMPD/hcl" -name '*.tf' | wc -l)
kib=$(du -sk "$TMPD/hcl" | cut -f1)
jkib=$(du -sk "$TMPD/json" | cut -f1)
# timeit LABEL CMD...: best wall and CPU seconds of 5 runs, and peak RSS
timeit() {
	python3 - "$@" <<'PY'
import os, subprocess, sys, time
label, cmd = sys.argv[1], sys.argv[2:]
best_wall = best_cpu = None
rss = 0
for _ in range(5):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    if status != 0:
        print(f"{label}: exit status {status}")
        sys.exit(1)
    cpu = ru.ru_utime + ru.ru_stime
    best_wall = wall if best_wall is None else min(best_wall, wall)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    rss = max(rss, ru.ru_maxrss)
print(f"{label:<44} {best_wall:6.3f} s wall {best_cpu:6.3f} s cpu {rss / 1024:7.1f} MB peak")
PY
}
echo "bench tf-dir: $files .tf files ($kib KiB; $jkib KiB as .tf.json)"
jsonfiles=$(find "$TMPD/json" -name '*.tf.json' | sort | tr '\n' ' ')
# shellcheck disable=SC2086
timeit "jq . (all the .tf.json files)" jq . $jsonfiles | tee "$TMPD/jq"
timeit "costplan breakdown DIR (.tf)" "$COSTPLAN" breakdown "$TMPD/hcl" --format json | tee "$TMPD/cp"
timeit "costplan breakdown DIR (.tf.json)" "$COSTPLAN" breakdown "$TMPD/json" --format json
awk 'NR==FNR {jw=$(NF-8); jc=$(NF-5); next} {printf "ratio costplan breakdown DIR / jq: %.2fx wall, %.2fx cpu (aim <= 2x); peak %s MB (aim < 64)\n", $(NF-8)/jw, $(NF-5)/jc, $(NF-2)}' "$TMPD/jq" "$TMPD/cp"
"$COSTPLAN" breakdown "$TMPD/hcl" --format json >"$TMPD/out.json" 2>/dev/null
echo "resources priced: $(jq '[.resources[] | select(.address != "free_tier")] | length' "$TMPD/out.json"), total \$$(jq .total_monthly_cost "$TMPD/out.json")"
"$COSTPLAN" breakdown "$TMPD/json" --format json >"$TMPD/out2.json" 2>/dev/null
if [ "$(jq -c '[.resources, .total_monthly_cost]' "$TMPD/out.json")" = "$(jq -c '[.resources, .total_monthly_cost]' "$TMPD/out2.json")" ]; then
	echo "same bill from both syntaxes"
else
	echo "the two syntaxes give different bills"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
