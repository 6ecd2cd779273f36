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
