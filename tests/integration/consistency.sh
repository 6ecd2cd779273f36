# consistency.sh - one vocabulary across commands: every command that
# writes a report offers the formats that make sense for it, with the same
# names; units are shown one way (AWS's raw spelling kept in JSON); counts
# and units read right for 1; a diff's HEAD may be an upgrade step, priced
# as compare prices it; a PR comment never hides a new or removed resource
# and lists every type not priced.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
need jq || exit 0

# 1. formats: each command's list, exercised (exit 0 and some output)
fmt_ok() { # NAME FORMAT ARGS...
	n=$1 fm=$2
	shift 2
	if $CP -q "$@" --format "$fm" >"$TMPD/f.out" 2>"$TMPD/f.err" && [ -s "$TMPD/f.out" ]; then
		ok "formats: $n --format $fm"
	else
		fail "formats: $n --format $fm" "$(head -c 200 "$TMPD/f.err")"
	fi
}
for fm in table json csv markdown; do
	fmt_ok breakdown $fm breakdown
	fmt_ok "breakdown --simulate" $fm breakdown --simulate --runs 3
	fmt_ok upgrades $fm upgrades
	fmt_ok compare $fm compare --vary resource.aws_ecs_service.api.desired_count=2
	fmt_ok simulate $fm simulate --runs 3
	fmt_ok diff $fm diff --plan tests/data/plans/guide-change.json
	fmt_ok "pricing list" $fm pricing list --region us-east-1 --offer AWSELB
	fmt_ok "pricing diff" $fm pricing diff pricing pricing --region us-east-1
	fmt_ok types $fm types
done
fmt_ok export csv export
fmt_ok report html report --no-upgrades
# a format a command does not have is a usage error naming the ones it has
$CP report --format json >/dev/null 2>"$TMPD/e"
expect_eq "formats: report --format json is exit 2" 2 "$?"
check "formats: ... naming html" grep -q "html" "$TMPD/e"

# 2. units: one spelling in the tables (time spelled out), AWS's kept in JSON
$CP -q pricing list --region us-east-1 >"$TMPD/pl.txt"
$CP -q pricing list --region us-east-1 --format csv >"$TMPD/pl.csv"
$CP -q pricing list --region us-east-1 --format json >"$TMPD/pl.json"
# the CSV's unit column, read by a CSV reader
python3 -c 'import csv, sys; [print(r["unit"]) for r in csv.DictReader(open(sys.argv[1], newline=""))]' "$TMPD/pl.csv" |
	sort -u >"$TMPD/units"
if grep -Eq '^(Hrs|GB-Mo|Requests|.*-Hrs|.*-Hr|.*-Mo|.*-mo|.*-Months)$' "$TMPD/units"; then
	fail "units: pricing list CSV spells units one way" "$(grep -E 'Hrs|Mo$|mo$|Months' "$TMPD/units" | head -3 | tr '\n' ' ')"
else
	ok "units: pricing list CSV spells units one way ($(wc -l <"$TMPD/units") units)"
fi
check "units: the table has hours and GB-months" sh -c "grep -q ' hours ' '$TMPD/pl.txt' && grep -q ' GB-months ' '$TMPD/pl.txt'"
raw=$(jq -r '[.prices[] | select(.unit == "Hrs")] | length' "$TMPD/pl.json")
disp=$(jq -r '[.prices[] | select(.unit == "Hrs" and .unit_display == "hours")] | length' "$TMPD/pl.json")
[ "$raw" -gt 0 ] && [ "$raw" = "$disp" ] && ok "units: JSON keeps AWS's unit ($raw Hrs rows) beside unit_display" ||
	fail "units: JSON keeps AWS's unit beside unit_display" "raw $raw, with display $disp"
# 1 month, not "1 months"; -1 month for an allowance
$CP -q breakdown >"$TMPD/b.txt"
if grep -Eq ' -?1 (months|hours|requests) ' "$TMPD/b.txt"; then
	fail "units: 1 reads singular" "$(grep -E ' -?1 (months|hours) ' "$TMPD/b.txt" | head -2 | tr '\n' ' ')"
else
	ok "units: 1 reads singular"
fi
check "units: ... the secrets' 1 month is there (the check can see it)" grep -q 'Secret  *1 month ' "$TMPD/b.txt"
check "units: ... and the dashboards allowance's -1 month" grep -q -- '-1 month ' "$TMPD/b.txt"

# 3. a usage-based line without usage says what a figure would cost
$CP -q breakdown --plan tests/data/plans/guide-change.json >"$TMPD/p.txt"
check "usage: the table's note gives the unit price" grep -q 'depends on usage: \$0.045 per GB' "$TMPD/p.txt"
$CP -q diff --plan tests/data/plans/guide-change.json --format markdown >"$TMPD/pr.md"
check "usage: the PR comment gives the unit price" grep -q 'depends on usage\\: \\$0\\.045 per GB' "$TMPD/pr.md"

# 4. diff BASE STEP = compare BASE STEP
d=$($CP -q diff scenarios/baseline.json scenarios/upgrades/04-waf.json --format json | jq '.totals.after')
c=$($CP -q compare scenarios/baseline.json scenarios/upgrades/04-waf.json --format json | jq '.scenarios[1].total_monthly_cost')
b=$($CP -q breakdown --format json | jq '.total_monthly_cost')
if [ -n "$c" ] && [ "$c" = "$d" ] && [ "$c" != "$b" ]; then
	ok "diff: an upgrade step as HEAD prices as compare does ($b -> $c)"
else
	fail "diff: an upgrade step as HEAD prices as compare does" "diff $d, compare $c, baseline $b"
fi

# 5. the PR comment: new $0 resources listed, every not-priced type named
$CP -q diff tests/data/scenarios/nat-only.json tests/data/scenarios/nat-plus-free.json --format markdown >"$TMPD/free.md"
check "PR comment: a new \$0 resource is listed as added" grep -q '^| aws\\_security\\_group\\.nat | added |' "$TMPD/free.md"
if grep -q '^| aws\\_security\\_group\\.nat | added |' "$TMPD/free.md" && grep -q '^1 other resource keeps its cost' "$TMPD/free.md"; then
	ok "PR comment: ... and not counted among those that keep their cost"
else
	fail "PR comment: ... and not counted among those that keep their cost" "$(grep 'keep' "$TMPD/free.md")"
fi
# a diff whose BASE has the unpriced types HEAD removes: every type named
$CP -q diff tests/data/plans/compute-ec2.json tests/data/plans/destroy.json --format markdown >"$TMPD/np.md" 2>/dev/null
n=$($CP -q diff tests/data/plans/compute-ec2.json tests/data/plans/destroy.json --format json 2>/dev/null | jq -r '[.not_priced.resources[].type] | unique | join(",")')
for t in $(echo "$n" | tr ',' ' '); do
	grep '^By type: ' "$TMPD/np.md" | grep -q "$(echo "$t" | sed 's/_/\\\\_/g')" ||
		{ fail "PR comment: not-priced type $t is in 'By type'" "$(grep -i 'by type' "$TMPD/np.md")"; continue; }
	ok "PR comment: not-priced type $t is in 'By type'"
done
[ -n "$n" ] && ok "PR comment: a diff with not-priced types on the base side ($n)" ||
	fail "PR comment: a diff with not-priced types on the base side" "none found: the check proves nothing"
