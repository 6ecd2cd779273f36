# usage-yaml.sh - Infracost's YAML usage files read as they are: a YAML
# file prices exactly as the same figures in JSON (converted by an
# independent reader, Python's yaml module), keys and types costplan does
# not use are located warnings and never fatal, addresses in no plan are
# warnings after pricing, and a bad figure for a key costplan uses is exit
# 3 located at its line and column.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
need python3 jq || exit 0
PLAN=tests/data/plans/guide-change.json
Y=tests/data/usage/infracost-usage.yml
python3 -c 'import yaml' 2>/dev/null || { fail "usage-yaml: python3-yaml is not installed" "apt-get install python3-yaml"; exit 0; }

# 1. YAML = the same document as JSON, converted by Python's YAML reader
python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"))' "$Y" "$TMPD/conv.json"
$CP breakdown --plan $PLAN --usage "$Y" --format json >"$TMPD/y.json" 2>"$TMPD/y.err"
ry=$?
$CP -q breakdown --plan $PLAN --usage "$TMPD/conv.json" --format json >"$TMPD/j.json" 2>/dev/null
rj=$?
expect_eq "usage-yaml: an Infracost YAML file with unused keys is not fatal" "0 0" "$ry $rj"
if cmp -s "$TMPD/y.json" "$TMPD/j.json" ||
	[ "$(jq -S 'del(.notes)' "$TMPD/y.json")" = "$(jq -S 'del(.notes)' "$TMPD/j.json")" ]; then
	ok "usage-yaml: YAML prices as the same figures in JSON (Python's reader)"
else
	fail "usage-yaml: YAML prices as the same figures in JSON" "$(diff "$TMPD/y.json" "$TMPD/j.json" | head -5 | tr '\n' ' ')"
fi
# ... and the figures reached the bill (the check could fail)
$CP -q breakdown --plan $PLAN --format json >"$TMPD/none.json" 2>/dev/null
[ "$(jq .total_monthly_cost "$TMPD/y.json")" != "$(jq .total_monthly_cost "$TMPD/none.json")" ] &&
	ok "usage-yaml: the YAML figures change the bill" || fail "usage-yaml: the YAML figures change the bill"
# the hand-written JSON twin prices the same
$CP -q breakdown --plan $PLAN --usage tests/data/usage/usage-equivalent.json --format json >"$TMPD/e.json"
expect_eq "usage-yaml: same total as the hand-written JSON twin" \
	"$(jq .total_monthly_cost "$TMPD/e.json")" "$(jq .total_monthly_cost "$TMPD/y.json")"
# anchors and merge keys: the worker's log group got its figures from *logs
got=$(jq -r '[.resources[] | select(.address == "aws_cloudwatch_log_group.api") | .components[] | select(.name == "Log ingestion") | .quantity][0]' "$TMPD/y.json")
expect_eq "usage-yaml: an alias (*logs) gives its figures" 10 "$got"

# 2. warnings, located, for what costplan does not use
check "usage-yaml: reserved_instance_term: 1_year is a located warning" \
	grep -q 'warning: tests/data/usage/infracost-usage.yml:3[0-9]:5: usage key "reserved_instance_term" is not used for aws_db_instance; ignored' "$TMPD/y.err"
check "usage-yaml: a type costplan does not price is a located warning" \
	grep -q 'warning: tests/data/usage/infracost-usage.yml:[0-9]*:3: costplan does not price aws_sfn_state_machine' "$TMPD/y.err"
check "usage-yaml: an address in no plan is a located warning" \
	grep -q 'warning: tests/data/usage/infracost-usage.yml:21:3: aws_nat_gateway.old is not a resource' "$TMPD/y.err"
$CP -q breakdown --plan $PLAN --usage "$Y" >/dev/null 2>"$TMPD/q.err"
expect_eq "usage-yaml: --quiet mutes those warnings" "" "$(cat "$TMPD/q.err" | grep -v 'not priced' | head -1)"

# 3. detection: content when the name says nothing; extension otherwise
cp "$Y" "$TMPD/usage.txt"
$CP -q breakdown --plan $PLAN --usage "$TMPD/usage.txt" --format json 2>/dev/null | jq .total_monthly_cost >"$TMPD/t1"
expect_eq "usage-yaml: YAML told by content (no extension)" "$(jq .total_monthly_cost "$TMPD/y.json")" "$(cat "$TMPD/t1")"
t2=$($CP -q breakdown --plan $PLAN --usage - --format json <"$Y" 2>/dev/null | jq .total_monthly_cost)
expect_eq "usage-yaml: YAML on stdin" "$(jq .total_monthly_cost "$TMPD/y.json")" "$t2"
cp tests/data/usage/usage-equivalent.json "$TMPD/u.yaml"
t3=$($CP -q breakdown --plan $PLAN --usage "$TMPD/u.yaml" --format json 2>/dev/null | jq .total_monthly_cost)
expect_eq "usage-yaml: JSON is YAML too (a .yaml file holding JSON)" "$(jq .total_monthly_cost "$TMPD/e.json")" "$t3"

# 4. a bad figure for a key costplan uses: exit 3, located
printf 'version: 0.1\nresource_usage:\n  aws_lb.main:\n    new_connections: 10\n    processed_bytes_gb: lots\n' >"$TMPD/bad.yml"
$CP breakdown --plan $PLAN --usage "$TMPD/bad.yml" >/dev/null 2>"$TMPD/bad.err"
expect_eq "usage-yaml: a text figure for a used key is exit 3" 3 "$?"
check "usage-yaml: ... located at its line and column" grep -q "$TMPD/bad.yml:5:5: usage figure processed_bytes_gb" "$TMPD/bad.err"
# the same through diff
$CP diff --plan $PLAN --usage "$Y" --format json >/dev/null 2>"$TMPD/d.err"
expect_eq "usage-yaml: diff --plan --usage file.yml works" 0 "$?"
