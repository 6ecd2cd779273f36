#!/bin/sh
# export.sh - `costplan export` checked by its real consumers.
#
# gnumeric's ssconvert --recalc recomputes every formula of the workbook;
# each formula's recomputed value must equal the value costplan wrote
# beside it (the engine's), to the cent for money. Then a finance lead's
# edits: one input on the Assumptions sheet is changed, the workbook
# recomputed, and its total must equal the engine's total for the scenario
# with the same change. The XML is checked for the promised structure, the
# CSV is read by a strict RFC 4180 reader and matched against the JSON
# breakdown, and the error paths must exit 4 leaving no file behind.
. "$(dirname "$0")/../lib.sh"

CHECK="python3 $ROOT/tests/integration/xlsx_check.py"
# export builds its workbook in $TMPDIR first: keep ours private, to check it is cleaned up
TMPDIR=$TMPD/tmp
export TMPDIR
mkdir "$TMPDIR"
DATA=$ROOT/tests/data/export
BASE=$ROOT/scenarios/baseline.json

if ! command -v ssconvert >/dev/null 2>&1; then
	fail "export: ssconvert (gnumeric) is not installed" "apt-get install gnumeric"
	exit 0
fi

# recalc NAME BOOK: recompute with gnumeric into $TMPD/NAME.d
recalc() {
	rm -rf "$TMPD/$1.d"
	mkdir "$TMPD/$1.d"
	ssconvert --recalc -S "$2" "$TMPD/$1.d/s.csv" >"$TMPD/$1.ss.log" 2>&1
}

engine_total() {
	$CP -q breakdown "$@" --format json | python3 -c 'import json,sys; print("%.2f" % json.load(sys.stdin)["total_monthly_cost"])'
}

# 1. every formula agrees with the engine: the baseline, --set and --patch
#    variants (upgrade steps with new pricers: Container Insights, Spot,
#    Savings Plan, endpoints) and variant scenario files
# variant NAME ARGS...: export with ARGS, recompute, compare
variant() {
	vn=$1 # not "name": lib.sh's check() sets that
	shift
	book=$TMPD/$vn.xlsx
	if ! $CP -q export "$@" -o "$book" 2>"$TMPD/err"; then
		fail "export $vn: writes a workbook" "$(cat "$TMPD/err")"
		return
	fi
	if ! recalc "$vn" "$book"; then
		fail "export $vn: ssconvert reads it" "$(head -c 300 "$TMPD/$vn.ss.log")"
		return
	fi
	check "export $vn: every formula recomputed by gnumeric equals costplan's value" \
		$CHECK recalc "$book" "$TMPD/$vn.d"
	check "export $vn: structure (formulas over Assumptions and Prices, SUM total, frozen headers, autofilter, print width, charts)" \
		$CHECK structure "$book"
	expect_eq "export $vn: recomputed total equals costplan breakdown" \
		"$(engine_total "$@")" "$($CHECK total "$book" "$TMPD/$vn.d")"
	[ -s "$TMPD/err" ] && fail "export $vn: warnings" "$(cat "$TMPD/err")" ||
		ok "export $vn: every line has a quantity formula"
}
variant baseline "$BASE"
variant set-tasks "$BASE" --set resource.aws_ecs_service.api.desired_count=6 \
	--set resource.aws_ecs_task_definition.api.memory=1024 --set resource.aws_ecs_task_definition.api.cpu=512
variant set-usage "$BASE" --set usage.aws_data_transfer.this.monthly_outbound_internet_gb=52000 \
	--set usage.aws_nat_gateway.main.monthly_data_processed_gb=777.7 \
	--set usage.aws_lb.main.new_connections=160
variant set-rds "$BASE" --set resource.aws_db_instance.main.storage_type=gp3 \
	--set resource.aws_db_instance.main.allocated_storage=400 --set resource.aws_db_instance.main.iops=16000
variant no-free-tier "$BASE" --no-free-tier
variant step-insights "$BASE" --patch "$ROOT/scenarios/upgrades/01-container-insights.json"
variant step-autoscaling "$BASE" --patch "$ROOT/scenarios/upgrades/05-ecs-autoscaling.json"
variant step-endpoints "$BASE" --patch "$ROOT/scenarios/upgrades/10-vpc-endpoints.json"
variant step-spot "$BASE" --patch "$ROOT/scenarios/upgrades/12-fargate-spot-worker.json"
variant step-savings "$BASE" --patch "$ROOT/scenarios/upgrades/13-compute-savings-plan.json"
for v in scale heavy nofree formula-names; do
	variant $v "$DATA/$v.json"
done
check "export: the Upgrade path sheet is there by default" $CHECK cell "$TMPD/baseline.xlsx" \
	"$TMPD/baseline.d" "Upgrade path" B5
prod=$($CP -q upgrades --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.2f" % d["production"]["total_monthly_cost"])' 2>/dev/null)
row=$(awk -F, '$2 ~ /^"?Production total/ {print NR; exit}' "$TMPD/baseline.d/s.csv.4")
got=$($CHECK cell "$TMPD/baseline.xlsx" "$TMPD/baseline.d" "Upgrade path" "G$row")
expect_eq "upgrade path: recomputed production total equals costplan upgrades" "$prod" "$(printf '%.2f' "$got")"

# 2. a finance lead edits an input; the recomputed workbook must follow
#    edit NAME RESOURCE KEY VALUE EXPORT-ARGS... -- ENGINE-ARGS...
edit() {
	en=$1 res=$2 key=$3 val=$4
	shift 4
	args=""
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		args="$args $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	$CP -q export $args -o "$TMPD/e.xlsx" &&
		$CHECK edit "$TMPD/e.xlsx" "$TMPD/$en.xlsx" "$res" "$key" "$val" >"$TMPD/err" 2>&1 &&
		recalc "$en" "$TMPD/$en.xlsx" || {
		fail "edit $en" "$(cat "$TMPD/err")"
		return
	}
	expect_eq "edit $en: recomputed total follows the input ($res $key = $val)" \
		"$(engine_total "$@")" "$($CHECK total "$TMPD/$en.xlsx" "$TMPD/$en.d")"
}
R=resource U=usage
edit tasks aws_ecs_service.api desired_count 3 "$BASE" -- "$BASE" --set $R.aws_ecs_service.api.desired_count=3
edit memory aws_ecs_task_definition.worker memory 2048 "$BASE" -- "$BASE" --set $R.aws_ecs_task_definition.worker.memory=2048
edit data-out aws_data_transfer.this monthly_outbound_internet_gb 15000 "$BASE" -- \
	"$BASE" --set $U.aws_data_transfer.this.monthly_outbound_internet_gb=15000
edit s3-tiers aws_s3_bucket.app_files standard.storage_gb 700000 "$BASE" -- \
	"$BASE" --set $U.aws_s3_bucket.app_files.standard.storage_gb=700000
edit logs aws_cloudwatch_log_group.api monthly_data_ingested_gb 0.25 "$BASE" -- \
	"$BASE" --set $U.aws_cloudwatch_log_group.api.monthly_data_ingested_gb=0.25
edit retention aws_cloudwatch_log_group.api retention_in_days 30 "$BASE" -- \
	"$BASE" --set $R.aws_cloudwatch_log_group.api.retention_in_days=30
edit lcu aws_lb.main active_connections 90000 "$BASE" -- "$BASE" --set $U.aws_lb.main.active_connections=90000
edit unset-usage aws_elasticache_replication_group.redis snapshot_storage_size_gb 3 "$BASE" -- \
	"$BASE" --set $U.aws_elasticache_replication_group.redis.snapshot_storage_size_gb=3
edit free-off "(stack)" free_tier FALSE "$BASE" -- "$BASE" --no-free-tier
edit free-on "(stack)" free_tier TRUE "$DATA/nofree.json" -- "$DATA/nofree.json" --set free_tier=true
edit iops aws_db_instance.main allocated_storage 300 "$DATA/scale.json" -- \
	"$DATA/scale.json" --set $R.aws_db_instance.main.allocated_storage=300
edit nodes aws_elasticache_replication_group.redis replicas_per_node_group 2 "$DATA/scale.json" -- \
	"$DATA/scale.json" --set $R.aws_elasticache_replication_group.redis.replicas_per_node_group=2
edit copies aws_secretsmanager_secret.oauth count 5 "$DATA/scale.json" -- \
	"$DATA/scale.json" --set $R.aws_secretsmanager_secret.oauth.count=5
SPOT=$ROOT/scenarios/upgrades/12-fargate-spot-worker.json
edit spot-discount aws_ecs_service.worker spot_discount 0.55 "$BASE" --patch "$SPOT" -- \
	"$BASE" --patch "$SPOT" --set $R.aws_ecs_service.worker.spot_discount=0.55
CI=$ROOT/scenarios/upgrades/01-container-insights.json
edit insights aws_ecs_cluster.main container_insights_metrics_per_service 400 "$BASE" --patch "$CI" -- \
	"$BASE" --patch "$CI" --set $U.aws_ecs_cluster.main.container_insights_metrics_per_service=400
edit insights-tasks aws_ecs_service.frontend desired_count 9 "$BASE" --patch "$CI" -- \
	"$BASE" --patch "$CI" --set $R.aws_ecs_service.frontend.desired_count=9

# 3. the projection: month 1 is this month's bill; with no growth every month is.
#    Without --growth the rate is the traffic profile's (baseline: 15% a month)
g=$($CHECK cell "$TMPD/baseline.xlsx" "$TMPD/baseline.d" Projection B3)
expect_eq "projection: growth defaults to the traffic profile's monthly_growth" 0.15 "$g"
$CP -q export -o "$TMPD/flat.xlsx" --growth 0% && recalc flat "$TMPD/flat.xlsx"
total=$(engine_total "$BASE")
m1=$($CHECK cell "$TMPD/flat.xlsx" "$TMPD/flat.d" Projection F5)
m24=$($CHECK cell "$TMPD/flat.xlsx" "$TMPD/flat.d" Projection F28)
expect_eq "projection: month 1 equals the monthly total" "$total" "$(printf '%.2f' "$m1")"
expect_eq "projection: with 0% growth month 24 equals month 1" "$total" "$(printf '%.2f' "$m24")"
y2=$($CHECK cell "$TMPD/flat.xlsx" "$TMPD/flat.d" Projection F31)
expect_eq "projection: 24-month total is 24 x the month at 0% growth" \
	"$(python3 -c "print('%.2f' % (24 * $total))")" "$(printf '%.2f' "$y2")"
g=$($CHECK cell "$TMPD/baseline.xlsx" "$TMPD/baseline.d" Projection F28)
python3 -c "import sys; sys.exit(0 if $g > $total else 1)" &&
	ok "projection: 15% growth raises month 24 above month 1 ($total -> $g)" ||
	fail "projection: growth" "month 24 $g, month 1 $total"

# 3b. simulation bands (issue 4's Monte Carlo): the same figures costplan simulate reports
if $CP -q export --simulate --runs 5 --threads 2 --no-progress -o "$TMPD/sim.xlsx" 2>"$TMPD/err" &&
	recalc sim "$TMPD/sim.xlsx"; then
	check "simulate: every formula still agrees" $CHECK recalc "$TMPD/sim.xlsx" "$TMPD/sim.d"
	$CP -q simulate --runs 5 --months 24 --threads 2 --no-progress --format json >"$TMPD/sim.json"
	for m in 1 12 24; do
		for q in p5 p50 p95; do
			col=$(case $q in p5) echo H ;; p50) echo I ;; p95) echo J ;; esac)
			want=$(python3 -c "import json; d=json.load(open('$TMPD/sim.json')); print('%.2f' % d['bill'][$m-1]['total']['$q'])")
			got=$($CHECK cell "$TMPD/sim.xlsx" "$TMPD/sim.d" Projection "$col$((m + 4))")
			expect_eq "simulate: month $m $q band equals costplan simulate" "$want" "$(printf '%.2f' "$got")"
		done
	done
	n=$(unzip -p "$TMPD/sim.xlsx" xl/charts/chart4.xml | grep -o '<c:ser>' | wc -l)
	expect_eq "simulate: the projection chart has the total and three bands" 4 "$n"
else
	fail "simulate: export --simulate" "$(cat "$TMPD/err")"
fi
$CP export --runs 5 -o "$TMPD/x.xlsx" >/dev/null 2>&1
expect_eq "simulate: --runs without --simulate is a usage error" 2 $?

# 4. deterministic bytes
$CP -q export -o "$TMPD/again.xlsx"
check "export: the same input gives the same bytes" cmp "$TMPD/baseline.xlsx" "$TMPD/again.xlsx"
created=$(unzip -p "$TMPD/baseline.xlsx" docProps/core.xml | sed -n 's/.*<dcterms:created[^>]*>\([^<]*\)<.*/\1/p')
expect_eq "export: creation date is the price snapshot's publication date" "2026-05-03T12:00:00Z" "$created"

# 5. text from inputs stays text
unzip -p "$TMPD/formula-names.xlsx" xl/sharedStrings.xml >"$TMPD/sst.xml"
check "safety: a scenario name that is a formula is stored as text" grep -q '=HYPERLINK(' "$TMPD/sst.xml"
if unzip -p "$TMPD/formula-names.xlsx" 'xl/worksheets/*.xml' | grep -q '<f>[^<]*HYPERLINK'; then
	fail "safety: no input text in any formula"
else
	ok "safety: no input text in any formula"
fi
name=$($CHECK cell "$TMPD/formula-names.xlsx" "$TMPD/formula-names.d" Summary B4)
expect_eq "safety: gnumeric shows the name as text" '=HYPERLINK("http://example.com","click")' "$name"

# 6. CSV: strict RFC 4180, matches the JSON, neutralised text
for v in baseline scale heavy formula-names; do
	if [ $v = baseline ]; then src=$BASE; else src=$DATA/$v.json; fi
	$CP -q export "$src" --format csv -o "$TMPD/$v.csv" &&
		$CP -q breakdown "$src" --format json >"$TMPD/$v.json" &&
		check "csv $v: strict RFC 4180 parse matches the JSON breakdown" \
			$CHECK csvjson "$TMPD/$v.csv" "$TMPD/$v.json" ||
		fail "csv $v: export"
done
$CP -q export --format csv >"$TMPD/stdout.csv"
check "csv: to stdout when no -o is given" cmp "$TMPD/stdout.csv" "$TMPD/baseline.csv"
$CP -q export -o "$TMPD/by-name.csv"
check "csv: chosen by the .csv file name" cmp "$TMPD/by-name.csv" "$TMPD/baseline.csv"

# 7. errors: exit 4, a clear message, nothing left behind
err_case() { # err_case NAME WANT-IN-MESSAGE ARGS...
	cn=$1 want=$2
	shift 2
	$CP export "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	expect_eq "error $cn: exit 4" 4 "$rc"
	if grep -q "costplan: .*$want" "$TMPD/err" && ! grep -q '\[ERROR\]' "$TMPD/err"; then
		ok "error $cn: says why"
	else
		fail "error $cn: message" "$(cat "$TMPD/err")"
	fi
}
err_case "missing folder" "folder .* does not exist" -o "$TMPD/no/such/dir/b.xlsx"
[ ! -e "$TMPD/no" ] && ok "error missing folder: nothing created" || fail "error missing folder: something created"
: >"$TMPD/plainfile"
err_case "folder is a file" "is not a folder" -o "$TMPD/plainfile/b.xlsx"
mkdir "$TMPD/adir"
err_case "target is a folder" "it is a folder" -o "$TMPD/adir"
err_case "full disk (xlsx)" "No space left on device" -o /dev/full
err_case "full disk (csv)" "No space left on device" --format csv -o /dev/full
check "error full disk: /dev/full is still a device" test -c /dev/full
if [ "$(id -u)" != 0 ]; then
	mkdir "$TMPD/ro" && chmod 555 "$TMPD/ro"
	err_case "read-only folder" "not writable" -o "$TMPD/ro/b.xlsx"
	chmod 755 "$TMPD/ro"
else
	# root writes anywhere: use a read-only file system instead when there is one
	if [ -d /proc/self ] && ! touch /proc/costplan-probe 2>/dev/null; then
		$CP export -o /proc/budget.xlsx >/dev/null 2>"$TMPD/err"
		expect_eq "error read-only file system: exit 4" 4 $?
	fi
fi
left=$(find "$TMPD" -name '.*.tmp.*' | wc -l)
expect_eq "errors: no temporary files left behind" 0 "$left"
expect_eq "errors: no private temporary workbooks left behind" 0 "$(ls "$TMPDIR" | wc -l)"

# 8. usage errors
$CP export >/dev/null 2>"$TMPD/err"
expect_eq "usage: xlsx without -o is exit 2" 2 $?
$CP export -o "$TMPD/x.xlsx" --growth 300% >/dev/null 2>"$TMPD/err"
expect_eq "usage: growth out of range is exit 2" 2 $?
[ ! -e "$TMPD/x.xlsx" ] && ok "usage: nothing written on a usage error" || fail "usage: file written"
