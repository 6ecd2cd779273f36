#!/bin/sh
# diff.sh - `costplan diff` on two generated plans of 5,000 resources each,
# timed next to `jq . plan.json >/dev/null` on the same files in the same
# run (the issue's aim: no more than 2x jq merely parsing the plans).
# Whole-process times, best of 5: wall clock, and CPU (user + sys), which
# is steadier on a shared machine. Prints figures; never fails on time.
. "$(dirname "$0")/../lib.sh"
N=${N:-5000}
python3 "$ROOT/tests/bench/gen-plan.py" "$N" 1 "$TMPD/base.json"
python3 "$ROOT/tests/bench/gen-plan.py" "$N" 2 "$TMPD/head.json"
# timeit LABEL CMD...: best wall and CPU seconds of 5 runs (python3 for rusage)
timeit() {
	python3 - "$@" <<'PY'
import os, subprocess, sys, time
label, cmd = sys.argv[1], sys.argv[2:]
best_wall = best_cpu = None
for _ in range(5):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    cpu = ru.ru_utime + ru.ru_stime
    best_wall = wall if best_wall is None else min(best_wall, wall)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
print(f"{label:<38} {best_wall:6.3f} s wall {best_cpu:6.3f} s cpu")
PY
}
kib=$(du -k "$TMPD/base.json" | cut -f1)
echo "bench diff: two generated plans of $N resources each ($kib KiB each)"
timeit "jq . base.json; jq . head.json" sh -c "jq . '$TMPD/base.json' >/dev/null && jq . '$TMPD/head.json' >/dev/null" | tee "$TMPD/jq"
timeit "costplan diff base.json head.json" "$COSTPLAN" diff "$TMPD/base.json" "$TMPD/head.json" --format json | tee "$TMPD/cp"
timeit "costplan diff --plan head.json" "$COSTPLAN" diff --plan "$TMPD/head.json" --format json
awk 'NR==FNR {jw=$(NF-5); jc=$(NF-2); next} {printf "ratio costplan diff / jq: %.2fx wall, %.2fx cpu (aim <= 2x)\n", $(NF-5)/jw, $(NF-2)/jc}' "$TMPD/jq" "$TMPD/cp"
"$COSTPLAN" diff "$TMPD/base.json" "$TMPD/head.json" --format json >"$TMPD/out.json" 2>/dev/null
echo "resources in the diff: $(jq '.resources | length' "$TMPD/out.json"), not priced: $(jq .not_priced.count "$TMPD/out.json")"
