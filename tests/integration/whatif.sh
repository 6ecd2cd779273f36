#!/bin/sh
# whatif.sh - `breakdown --set` and `--patch` price exactly what a hand-
# edited scenario file prices: for each case, the same change is made once
# with jq on a copy of scenarios/baseline.json and once as an overlay, and
# the two JSON breakdowns must be identical (every resource, line and
# total), apart from the notes that name the overlay.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
BASE=scenarios/baseline.json

# same NAME JQ-EDIT OVERLAY-ARGS...
same() {
	name=$1 edit=$2
	shift 2
	jq "$edit" "$BASE" >"$TMPD/edited.json" || { fail "whatif: $name" "jq edit failed"; return; }
	$CP breakdown "$TMPD/edited.json" --format json >"$TMPD/a.json" 2>"$TMPD/a.err"
	ra=$?
	$CP breakdown "$BASE" "$@" --format json >"$TMPD/b.json" 2>"$TMPD/b.err"
	rb=$?
	if [ $ra -ne 0 ] || [ $rb -ne 0 ]; then
		fail "whatif: $name" "exit $ra/$rb: $(cat "$TMPD/a.err" "$TMPD/b.err" | head -3 | tr '\n' ' ')"
		return
	fi
	jq -S 'del(.notes)' "$TMPD/a.json" >"$TMPD/a.n"
	jq -S 'del(.notes)' "$TMPD/b.json" >"$TMPD/b.n"
	ta=$(jq '.total_monthly_cost' "$TMPD/a.json")
	tb=$(jq '.total_monthly_cost' "$TMPD/b.json")
	t0=$(jq '.total_monthly_cost' "$TMPD/base.json")
	if ! cmp -s "$TMPD/a.n" "$TMPD/b.n"; then
		fail "whatif: $name" "breakdowns differ: $(diff "$TMPD/a.n" "$TMPD/b.n" | head -4 | tr '\n' ' ')"
	elif [ "$ta" = "$t0" ] && [ "${SAME_TOTAL_OK:-}" != 1 ]; then
		fail "whatif: $name" "the change did not change the total ($ta): the case proves nothing"
	elif ! jq -e '.notes | map(select(startswith("what-if:"))) | length > 0' "$TMPD/b.json" >/dev/null; then
		fail "whatif: $name" "the output does not say which override was applied"
	else
		ok "whatif: $name ($t0 -> $tb, same as the hand-edited file)"
	fi
}

$CP breakdown "$BASE" --format json >"$TMPD/base.json"

same "task count" '.resource.aws_ecs_service.api.desired_count = 2' \
	--set resource.aws_ecs_service.api.desired_count=2
same "NAT data (usage)" '.usage["aws_nat_gateway.main"].monthly_data_processed_gb = 120' \
	--set usage.aws_nat_gateway.main.monthly_data_processed_gb=120
same "nested block attribute" '.resource.aws_ecs_task_definition.api.runtime_platform = {cpu_architecture: "ARM64"}' \
	--set resource.aws_ecs_task_definition.api.runtime_platform.cpu_architecture=ARM64
same "nested usage key" '.usage["aws_s3_bucket.app_files"].standard.storage_gb = 500' \
	--set usage.aws_s3_bucket.app_files.standard.storage_gb=500
same "boolean" '.resource.aws_db_instance.main.multi_az = true' \
	--set resource.aws_db_instance.main.multi_az=true
same "fractional usage" '.usage["aws_cloudwatch_log_group.api"].monthly_data_ingested_gb = 12.5' \
	--set usage.aws_cloudwatch_log_group.api.monthly_data_ingested_gb=12.5
same "top-level free_tier" '.free_tier = false' --set free_tier=false
same "region" '.region = "eu-west-1"' --set region=eu-west-1
same "remove a resource (null)" 'del(.resource.aws_nat_gateway.main) | del(.usage["aws_nat_gateway.main"])' \
	--set resource.aws_nat_gateway.main=null
same "two --set in order (last wins)" '.resource.aws_ecs_service.worker.desired_count = 3' \
	--set resource.aws_ecs_service.worker.desired_count=5 --set resource.aws_ecs_service.worker.desired_count=3

# --patch: a merge patch file and the same edit by hand
cat >"$TMPD/patch.json" <<'P'
{ "resource": { "aws_elasticache_replication_group": { "redis": { "num_cache_clusters": 2, "automatic_failover_enabled": true, "multi_az_enabled": true } },
                "aws_eip": { "nat": null }, "aws_nat_gateway": { "main": { "allocation_id": "" } } },
  "usage": { "aws_lb.main": { "processed_bytes_gb": 0.5 } } }
P
same "--patch merge patch" '.resource.aws_elasticache_replication_group.redis += {num_cache_clusters: 2, automatic_failover_enabled: true, multi_az_enabled: true} | del(.resource.aws_eip.nat) | .usage["aws_lb.main"].processed_bytes_gb = 0.5 | .resource.aws_nat_gateway.main.allocation_id = ""' \
	--patch "$TMPD/patch.json"
same "--patch then --set, in order" '.resource.aws_db_instance.main.multi_az = true | .resource.aws_db_instance.main.allocated_storage = 50' \
	--patch scenarios/upgrades/03-rds-multi-az.json --set resource.aws_db_instance.main.allocated_storage=50
same "--patch upgrade step with assumptions" '.resource.aws_ecs_service.worker.capacity_provider = "FARGATE_SPOT" | .resource.aws_ecs_service.worker.spot_discount = 0.7' \
	--patch scenarios/upgrades/12-fargate-spot-worker.json

# What-ifs compose: all overlays first, then one validation of the final
# document, so a pair that is only valid together works in either order.
T=resource.aws_ecs_task_definition.api
same "cpu then memory (valid only together)" ".resource.aws_ecs_task_definition.api.cpu = 1024 | .resource.aws_ecs_task_definition.api.memory = 2048" \
	--set $T.cpu=1024 --set $T.memory=2048
same "cpu 4096 then memory 8192" ".resource.aws_ecs_task_definition.api.cpu = 4096 | .resource.aws_ecs_task_definition.api.memory = 8192" \
	--set $T.cpu=4096 --set $T.memory=8192
same "memory 8192 then cpu 4096" ".resource.aws_ecs_task_definition.api.cpu = 4096 | .resource.aws_ecs_task_definition.api.memory = 8192" \
	--set $T.memory=8192 --set $T.cpu=4096
# a --patch that is only valid with a later --set
printf '{"resource":{"aws_ecs_task_definition":{"worker":{"cpu":2048}}}}' >"$TMPD/cpu.json"
same "--patch cpu then --set memory" ".resource.aws_ecs_task_definition.worker.cpu = 2048 | .resource.aws_ecs_task_definition.worker.memory = 4096" \
	--patch "$TMPD/cpu.json" --set resource.aws_ecs_task_definition.worker.memory=4096

# a problem is reported once, for the final document, naming the overlay
$CP breakdown --set $T.cpu=1024 >/dev/null 2>"$TMPD/e1"
rc=$?
expect_eq "whatif: an invalid final document is exit 3" 3 "$rc"
n=$(grep -c 'costplan: ' "$TMPD/e1")
expect_eq "whatif: one message for one problem" 1 "$n"
check "whatif: the message names the overlay that made it" grep -q "(after --set $T.cpu=1024)" "$TMPD/e1"
check "whatif: the message describes the final document (cpu 1024)" grep -q "cpu 1024 with memory 512" "$TMPD/e1"
$CP breakdown --set $T.cpu=4096 --set $T.memory=4096 >/dev/null 2>"$TMPD/e2"
check "whatif: a bad value an overlay set is reported against that overlay" \
	grep -q "^costplan: --set $T.memory=4096: " "$TMPD/e2"
printf '{\n  "resource": {\n    "aws_ecs_service": { "api": { "desired_count": 2.5 } }\n  }\n}\n' >"$TMPD/frac.json"
$CP breakdown --patch "$TMPD/frac.json" >/dev/null 2>"$TMPD/e3"
check "whatif: a bad value in a --patch file is located in that file" grep -q "^costplan: $TMPD/frac.json:3:" "$TMPD/e3"

# traffic paths: --set reaches the traffic profile of every command that
# simulates; the same edit by hand gives the same simulation
jq '.traffic.services.api.requests_per_second = 10' "$BASE" >"$TMPD/rps.json"
a=$($CP simulate "$TMPD/rps.json" --runs 5 --format json 2>/dev/null | jq -c '.bill[0].total')
b=$($CP simulate --runs 5 --set traffic.services.api.requests_per_second=10 --format json 2>/dev/null | jq -c '.bill[0].total')
c=$($CP simulate --runs 5 --format json 2>/dev/null | jq -c '.bill[0].total')
if [ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" != "$c" ]; then
	ok "whatif: --set traffic.services.api.requests_per_second simulates as the edited file"
else
	fail "whatif: --set traffic.services.api.requests_per_second" "edited $a, --set $b, baseline $c"
fi
$CP simulate --runs 2 --set traffic.services.api.requests_per_second=10 >/dev/null 2>"$TMPD/e4"
check "whatif: simulate says which traffic override was applied" \
	grep -q "what-if: --set traffic.services.api.requests_per_second=10 applied" "$TMPD/e4"
$CP simulate --set traffic.services.apii.requests_per_second=10 >/dev/null 2>"$TMPD/e5"
rc=$?
expect_eq "whatif: a traffic path naming no service is exit 2" 2 "$rc"
check "whatif: ... and names the nearest valid path" grep -q "nearest valid path: traffic.services.api.requests_per_second" "$TMPD/e5"

# --scale-usage multiplies every usage figure: same as scaling them by hand
SCALE='.usage |= with_entries(.value |= walk(if type == "number" then . * 3 else . end))'
same "--scale-usage 3" "$SCALE" --scale-usage 3
jq "$SCALE"' | .usage["aws_nat_gateway.main"].monthly_data_processed_gb = 300' "$BASE" >"$TMPD/scaled-set.json"
a=$($CP breakdown "$TMPD/scaled-set.json" --format json | jq '.total_monthly_cost')
b=$($CP breakdown --set usage.aws_nat_gateway.main.monthly_data_processed_gb=100 --scale-usage 3 --format json | jq '.total_monthly_cost')
expect_eq "whatif: --scale-usage applies after --set (a set figure is scaled too)" "$a" "$b"
# a plan's usage file is scaled too
p0=$($CP -q breakdown --plan tests/data/plans/guide-change.json --usage tests/data/plans/usage.json --format json | jq '.total_monthly_cost')
p2=$($CP -q breakdown --plan tests/data/plans/guide-change.json --usage tests/data/plans/usage.json --scale-usage 2 --format json | jq '.total_monthly_cost')
jq '.resource_usage |= with_entries(.value |= walk(if type == "number" then . * 2 else . end)) | .resource_type_default_usage |= (if . then with_entries(.value |= walk(if type == "number" then . * 2 else . end)) else . end)' \
	tests/data/plans/usage.json >"$TMPD/usage2.json"
p2b=$($CP -q breakdown --plan tests/data/plans/guide-change.json --usage "$TMPD/usage2.json" --format json | jq '.total_monthly_cost')
if [ "$p2" = "$p2b" ] && [ "$p2" != "$p0" ]; then
	ok "whatif: --scale-usage scales a usage file ($p0 -> $p2)"
else
	fail "whatif: --scale-usage scales a usage file" "scaled $p2, by hand $p2b, unscaled $p0"
fi
# every command that prices a scenario takes it, and says so
for c in "breakdown" "upgrades" "export --format csv" "simulate --runs 2" "compare --vary resource.aws_ecs_service.api.desired_count=2"; do
	# shellcheck disable=SC2086
	$CP $c --scale-usage 2 >/dev/null 2>"$TMPD/sc.err"
	rc=$?
	# shellcheck disable=SC2086
	out=$($CP $c --scale-usage 2 --format json 2>/dev/null)
	if [ $rc -eq 0 ] && { grep -q 'what-if: --scale-usage 2 applied' "$TMPD/sc.err" || echo "$out" | grep -q 'what-if: --scale-usage 2 applied'; }; then
		ok "whatif: $c --scale-usage 2 applies it and says so"
	else
		fail "whatif: $c --scale-usage 2" "exit $rc: $(head -c 300 "$TMPD/sc.err")"
	fi
done
# overlays on a plan apply (the plan priced as one scenario), never silently
# ignored: one more api task moves the total by one task's price
P=tests/data/plans/guide-change.json
before=$($CP breakdown --plan $P --set resource.aws_ecs_service.api.desired_count=2 --format json 2>/dev/null | jq -r .total_monthly_cost)
after=$($CP breakdown --plan $P --set resource.aws_ecs_service.api.desired_count=3 --format json 2>/dev/null | jq -r .total_monthly_cost)
task=$($CP breakdown --plan $P --set resource.aws_ecs_service.api.desired_count=1 --format json 2>/dev/null |
	jq -r '.resources[] | select(.address == "aws_ecs_service.api") | .monthly_cost')
expect_eq "whatif: breakdown --plan --set applies (one more task, one task's price more)" \
	"$(awk "BEGIN { printf \"%.2f\", $before + $task }")" "$(awk "BEGIN { printf \"%.2f\", $after }")"
# a path that names nothing in the plan is refused with exit 2
$CP breakdown --plan $P --set resource.aws_ecs_service.nope.desired_count=3 >/dev/null 2>&1
expect_eq "whatif: breakdown --plan --set on a resource the plan lacks is refused (exit 2)" 2 "$?"
