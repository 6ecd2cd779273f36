#!/bin/sh
# tests/integration/simulate.sh - `costplan simulate` end to end:
# byte-identical output for any thread count, the --series file read back
# by Python's csv module and checked against ECS's alarm rules minute by
# minute (3 points above target before a scale-out, 15 below 0.9 x target
# before a scale-in), atomic -o, and the progress bar only on a terminal.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
AS=scenarios/autoscaling.json

for fmt in table json csv; do
	$CP simulate $AS --runs 6 --months 2 --seed 99 --threads 1 --format $fmt >"$TMPD/t1.$fmt" 2>"$TMPD/e1"
	$CP simulate $AS --runs 6 --months 2 --seed 99 --threads 2 --format $fmt >"$TMPD/t2.$fmt" 2>"$TMPD/e2"
	check "simulate $fmt: same seed, 1 and 2 threads, same bytes" cmp "$TMPD/t1.$fmt" "$TMPD/t2.$fmt"
done
$CP simulate $AS --runs 6 --months 2 --seed 100 --format json >"$TMPD/t3.json"
if cmp -s "$TMPD/t1.json" "$TMPD/t3.json"; then
	fail "simulate: another seed gives another result"
else
	ok "simulate: another seed gives another result"
fi
check "simulate json parses" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['simulation']['seed']==99 and len(d['bill'])==2" "$TMPD/t1.json"

# the series, hour by hour: one row per service-hour and one per database hour
$CP simulate $AS --runs 2 --months 1 --seed 4 --series "$TMPD/h.csv" >/dev/null
check "series hourly: rows and columns" python3 - "$TMPD/h.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
svc = [r for r in rows if r["service"].startswith("aws_ecs_service.")]
db = [r for r in rows if r["service"] == "aws_db_instance.main"]
assert len(svc) == 3 * 730, len(svc)
assert len(db) == 730, len(db)
assert all(int(r["tasks_desired"]) >= 1 for r in svc)
assert all(0 <= float(r["db_credit_balance"]) <= 288 for r in db)
PY

# minute by minute: every scale-out follows 3 points above the threshold,
# every scale-in 15 below, except where a scheduled action moved the minimum
$CP simulate $AS --runs 2 --months 1 --seed 4 --series-run 2 --series-step minute \
	--series "$TMPD/m.csv" >/dev/null
check "series minute: alarms hold (3 above to add, 15 below to remove)" python3 - "$TMPD/m.csv" <<'PY'
import csv, sys
by = {}
for r in csv.DictReader(open(sys.argv[1])):
    if r["service"].startswith("aws_ecs_service."):
        by.setdefault(r["service"], []).append((int(r["minute"]), int(r["tasks_desired"]), float(r["cpu_percent"]), int(r["tasks_serving"])))
rules = {"aws_ecs_service.api": (70, 63), "aws_ecs_service.frontend": (70, 63), "aws_ecs_service.worker": (70, 40)}
outs = ins = 0
for svc, rows in by.items():
    assert len(rows) == 43800, (svc, len(rows))
    hi, lo = rules[svc]
    for i in range(1, len(rows)):
        t, d, _, _ = rows[i]
        prev = rows[i - 1][1]
        scheduled = svc.endswith(".api") and t % 1440 in (780, 1380)
        if d > prev and not scheduled:
            outs += 1
            assert all(rows[j][2] > hi for j in range(i - 2, i + 1)), (svc, t, "scale-out without 3 points")
        if d < prev:
            ins += 1
            assert all(rows[j][2] < lo for j in range(i - 14, i + 1)), (svc, t, "scale-in without 15 points")
    # capacity arrives after the start-up delay: serving never exceeds desired of 2 minutes before
    for i in range(3, len(rows)):
        assert rows[i][3] <= max(rows[j][1] for j in range(i - 3, i + 1)), (svc, rows[i][0])
assert outs > 10 and ins > 10, (outs, ins)
PY

# -o writes the file whole and nothing to stdout
$CP simulate --runs 3 --months 1 -o "$TMPD/report.txt" >"$TMPD/stdout"
check "simulate -o: file written" grep -q '^TOTAL ' "$TMPD/report.txt"
expect_eq "simulate -o: stdout empty" "0" "$(wc -c <"$TMPD/stdout" | tr -d ' ')"
# no progress bar when stderr is not a terminal
$CP simulate --runs 40 --months 1 >/dev/null 2>"$TMPD/err"
expect_eq "simulate: no progress bar off a terminal" "0" "$(wc -c <"$TMPD/err" | tr -d ' ')"
# and one on a terminal (script(1) gives the command a pty)
if need script; then
	script -qec "$COSTPLAN simulate --runs 120 --months 1 -o $TMPD/r2.txt" "$TMPD/tty.log" >/dev/null 2>&1
	check "simulate: progress bar on a terminal" grep -q 'simulating \[' "$TMPD/tty.log"
fi
