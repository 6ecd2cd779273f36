#!/bin/sh
# upgrades.sh - invariants of `costplan upgrades` and `costplan compare`
# that must hold whatever the prices: the table fits 80 columns, each
# step's total is the baseline plus its delta, the cumulative deltas add up
# to the production total, compare's deltas are column minus first column,
# and the CSV parses strictly with the same figures as the JSON.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2

for args in "upgrades" "upgrades --region eu-west-1" "upgrades --assume spot_discount=0.55" \
	"compare scenarios/baseline.json scenarios/upgrades/10-vpc-endpoints.json --vary resource.aws_ecs_service.api.desired_count=2"; do
	# shellcheck disable=SC2086
	$CP $args >"$TMPD/t.out" 2>&1
	w=$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$TMPD/t.out")
	if [ "$w" -le 80 ]; then ok "width: $args fits 80 columns ($w)"; else fail "width: $args" "$w columns"; fi
done

$CP upgrades --format json >"$TMPD/u.json"
check "upgrades json: step totals are baseline + delta" jq -e '
	.baseline.total_monthly_cost as $b
	| [.steps[], .alternatives[]] | all(((.alone.total_monthly_cost - $b - .alone.monthly_delta) | fabs) < 0.001)' "$TMPD/u.json"
check "upgrades json: cumulative deltas add up to production" jq -e '
	((.baseline.total_monthly_cost + ([.steps[].cumulative.monthly_delta] | add)) - .production.total_monthly_cost | fabs) < 0.001
	and ((.steps[-1].cumulative.total_monthly_cost - .production.total_monthly_cost) | fabs) < 0.001' "$TMPD/u.json"
check "upgrades json: nine steps in the guide's order" jq -e '[.steps[].order] == [1,2,3,4,5,6,7,8,9]' "$TMPD/u.json"
check "upgrades json: every assumption has a source" jq -e '[.steps[], .alternatives[] | .assumptions[] | (.source | length) > 0] | all' "$TMPD/u.json"
check "upgrades json: changes add up to each delta" jq -e '
	[.steps[], .alternatives[]] | all(((([.alone.changes[].monthly_delta] | add) // 0) - .alone.monthly_delta | fabs) < 0.001)' "$TMPD/u.json"
check "upgrades json: the VPC endpoint verdict is shown" jq -e '.alternatives[] | select(.id == "vpc-endpoints") | .verdict.breakeven_gb_per_month > 0 and (.verdict.text | test("NAT"))' "$TMPD/u.json"

$CP compare scenarios/baseline.json scenarios/upgrades/03-rds-multi-az.json scenarios/upgrades/11-graviton.json --format json >"$TMPD/c.json"
check "compare json: deltas are column minus first" jq -e '
	.resources | all(. as $r | [range(0; $r.monthly_costs | length)] | all(. as $k |
		((($r.monthly_costs[$k] // 0) - ($r.monthly_costs[0] // 0) - $r.monthly_deltas[$k]) | fabs) < 0.001))' "$TMPD/c.json"
check "compare json: columns add up to their totals" jq -e '
	. as $d | [range(0; $d.scenarios | length)] | all(. as $k |
		((([$d.resources[].monthly_costs[$k] // 0] | add) - $d.scenarios[$k].total_monthly_cost) | fabs) < 0.001)' "$TMPD/c.json"

$CP upgrades --format csv >"$TMPD/u.csv"
check "upgrades csv: strict parse, figures equal the JSON" python3 - "$TMPD/u.csv" "$TMPD/u.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline=''), strict=True))
j = json.load(open(sys.argv[2]))
steps = {s['id']: s for s in j['steps'] + j['alternatives']}
for r in rows:
    if r['section'] in ('step', 'alternative'):
        s = steps[r['id']]
        assert abs(float(r['total_monthly_cost']) - s['alone']['total_monthly_cost']) < 1e-9, r
        assert abs(float(r['monthly_delta']) - s['alone']['monthly_delta']) < 1e-9, r
    if r['section'] == 'cumulative':
        assert abs(float(r['total_monthly_cost']) - steps[r['id']]['cumulative']['total_monthly_cost']) < 1e-9, r
assert sum(1 for r in rows if r['section'] == 'step') == 9
PY
