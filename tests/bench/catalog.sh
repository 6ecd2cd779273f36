#!/bin/sh
# catalog.sh - the price catalog's lookups, indexed (the default) next to
# the linear scan it replaced (COSTPLAN_CATALOG_SCAN=1), in the same run:
#  (a) `costplan breakdown` of the baseline as a whole process, best of
#      $RUNS wall-clock ms (the issue's aim: under 20 ms);
#  (b) a lookup-heavy plan: tests/bench/gen-plan.py ... wide, 5,000
#      resources over the 14 regions, priced with `costplan breakdown
#      --plan`, best of 3 wall seconds and peak RSS (GNU time's %M).
# Prints figures; never fails on time.
. "$(dirname "$0")/../lib.sh"
RUNS=${RUNS:-20}
N=${N:-5000}
# best LABEL ENV_SCAN RUNS CMD...: best wall ms and the peak RSS of the runs
best() {
	python3 - "$@" <<'PY'
import os, subprocess, sys, time
label, scan, runs, cmd = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
env = dict(os.environ)
env.pop("COSTPLAN_CATALOG_SCAN", None)
if scan == "1":
    env["COSTPLAN_CATALOG_SCAN"] = "1"
walls, rss = [], 0
for _ in range(runs):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    walls.append((time.monotonic() - t0) * 1000)
    rss = max(rss, ru.ru_maxrss)
    if status != 0:
        print(f"{label}: exited {status >> 8}")
        sys.exit(0)
walls.sort()
print(f"{label:<44} best {walls[0]:8.1f} ms  median {walls[len(walls) // 2]:8.1f} ms  peak RSS {rss / 1024:6.1f} MB")
PY
}
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(a) costplan breakdown (scenarios/baseline.json, us-east-1), whole process, best of $RUNS"
best "indexed" 0 "$RUNS" "$COSTPLAN" breakdown --format json
best "COSTPLAN_CATALOG_SCAN=1 (linear scan)" 1 "$RUNS" "$COSTPLAN" breakdown --format json
echo "    aim: the indexed baseline breakdown under 20 ms"

python3 "$ROOT/tests/bench/gen-plan.py" "$N" 1 "$TMPD/wide.json" wide
"$COSTPLAN" breakdown --plan "$TMPD/wide.json" --format json >"$TMPD/wide.out" 2>"$TMPD/wide.err" || {
	echo "(b) skipped: costplan breakdown --plan exited $?: $(head -c 300 "$TMPD/wide.err")"
	exit 0
}
python3 - "$TMPD/wide.out" "$TMPD/wide.json" <<'PY'
import collections, json, os, sys
d = json.load(open(sys.argv[1]))
plan = json.load(open(sys.argv[2]))
regions = collections.Counter(rc["change"]["after"].get("region", "?") for rc in plan["resource_changes"])
types = collections.Counter(r["type"] for r in d["resources"])
lines = sum(len(r["components"]) for r in d["resources"])
print(f"(b) costplan breakdown --plan: {len(plan['resource_changes'])} resources "
      f"({os.path.getsize(sys.argv[2]) // 1024} KiB) over {len(regions)} regions; priced {len(d['resources'])} "
      f"resources, {lines} price lines, total ${d['total_monthly_cost']:,.2f}/month")
print("    priced: " + ", ".join(f"{n} {t}" for t, n in sorted(types.items())))
np = [w for w in d.get("warnings", []) if w.startswith("not priced")]
print(f"    not priced: {np[0] if np else 'none'}")
PY
best "indexed" 0 3 "$COSTPLAN" breakdown --plan "$TMPD/wide.json" --format json
best "COSTPLAN_CATALOG_SCAN=1 (linear scan)" 1 3 "$COSTPLAN" breakdown --plan "$TMPD/wide.json" --format json
if [ -x /usr/bin/time ]; then
	for m in 0 1; do
		if [ $m = 1 ]; then COSTPLAN_CATALOG_SCAN=1; export COSTPLAN_CATALOG_SCAN; fi
		/usr/bin/time -f %M -o "$TMPD/rss" "$COSTPLAN" breakdown --plan "$TMPD/wide.json" --format json >/dev/null 2>&1
		echo "    peak RSS, /usr/bin/time -f %M, $([ $m = 1 ] && echo scan || echo indexed): $(cat "$TMPD/rss") KB"
	done
	unset COSTPLAN_CATALOG_SCAN
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
