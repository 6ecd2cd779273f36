# any-input.sh - every command that prices a scenario takes any input: a
# scenario, a Terraform plan, a state or a directory of .tf files. For each
# non-scenario input, the bill that `breakdown` prints (its own path:
# cost/side.c) must be the bill that export (CSV TOTAL), compare (its
# column), upgrades (the baseline), report (the headline) and simulate
# (JSON, the fixed part on a stack with no traffic-driven line) price
# through model/input.c's single-scenario path, cent for cent, with and
# without a usage file, --var and a what-if. Resources keep their
# Terraform addresses in every output. Negative controls: a plan over
# three regions is refused with the way out; a scenario document that
# carries a malformed "from_plan" is refused, located.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
need jq || exit 0

# total INPUT [ARGS...] -> the breakdown's total
bd_total() { $CP breakdown "$@" --format json 2>/dev/null | jq -r '.total_monthly_cost'; }
csv_total() { $CP export "$@" --format csv --no-upgrades 2>/dev/null | sed -n 's/.*,TOTAL,,,,,,,\([-0-9.]*\),.*/\1/p'; }
cmp_total() { $CP compare scenarios/baseline.json "$@" --format json 2>/dev/null | jq -r '.scenarios[1].total_monthly_cost'; }
upg_total() { $CP upgrades "$@" --steps tests/data/guide-upgrades --format json 2>/dev/null | jq -r '.baseline.total_monthly_cost'; }
rep_total() {
	$CP report "$@" --no-upgrades 2>/dev/null |
		sed -n 's/.*id="headline-total">\$\([0-9,.]*\)<.*/\1/p' | tr -d ,
}
# money as jq prints it: 119.9 -> 119.90
cents() { printf '%.2f' "$1"; }

consistent() { # NAME ARGS...
	name=$1
	shift
	want=$(bd_total "$@")
	if [ -z "$want" ] || [ "$want" = null ]; then
		fail "$name: breakdown prices it" "$($CP breakdown "$@" 2>&1 | head -3 | tr '\n' ' ')"
		return
	fi
	want=$(cents "$want")
	expect_eq "$name: export's CSV total is breakdown's" "$want" "$(csv_total "$@")"
	got=$(cmp_total "$@")
	expect_eq "$name: compare's column is breakdown's" "$want" "$(cents "${got:-0}")"
	expect_eq "$name: report's headline is breakdown's" "$want" "$(rep_total "$@")"
}

G=tests/data/guide
U=tests/data/guide/infracost-usage.json
consistent "directory" $G
consistent "directory with a usage file" $G --usage $U
consistent "directory with a what-if" $G --usage $U --set resource.aws_ecs_service.api.desired_count=2 --scale-usage 2
consistent "directory with --var" tests/data/tf/missing-var --var db_class=db.r6g.large
consistent "plan" tests/data/plans/guide-change.json
consistent "plan with a usage file" tests/data/plans/guide-change.json --usage tests/data/usage/infracost-usage.yml
consistent "state" tests/data/plans/state.json
consistent "plan over regions, put in one" tests/data/plans/regions.json --region eu-west-1

# upgrades: the baseline is the directory's bill, and a step written for
# the guide's Terraform names moves it by the step's own price
want=$(cents "$(bd_total $G)")
got=$(upg_total $G)
expect_eq "upgrades on a directory: the baseline is breakdown's" "$want" "$(cents "${got:-0}")"
step=$(cents "$(bd_total $G --patch tests/data/guide-upgrades/02-rds-multi-az.json)")
got=$($CP upgrades $G --steps tests/data/guide-upgrades --format json 2>/dev/null |
	jq -r '.steps[] | select(.title == "RDS Multi-AZ") | .alone.total_monthly_cost')
expect_eq "upgrades on a directory: a step alone is breakdown --patch" "$step" "$(cents "${got:-0}")"

# simulate: a directory's stack with traffic from a patch; the simulated
# month's bill is priced by the same engine, so its lines not driven by
# traffic equal breakdown's
printf '{"traffic": {"services": {"api": {"requests_per_second": 2}}}}\n' >"$TMPD/traffic.json"
if $CP simulate $G --patch "$TMPD/traffic.json" --runs 2 --months 1 --threads 1 --format json \
	>"$TMPD/sim.json" 2>"$TMPD/sim.err"; then
	ok "simulate takes a directory with a traffic patch"
	n=$(jq '[.. | objects | select(has("address")) | .address | select(test("\\[|_0$"))] | length' "$TMPD/sim.json")
	expect_eq "simulate keeps Terraform addresses (no scenario names)" 0 "$n"
else
	fail "simulate takes a directory with a traffic patch" "$(head -c 300 "$TMPD/sim.err")"
fi

# Terraform addresses, not the scenario's flattened names
$CP export tests/data/plans/guide-change.json --format csv --no-upgrades >"$TMPD/plan.csv" 2>/dev/null
if grep -q '^guide-change,aws_nat_gateway.main\[1\],' "$TMPD/plan.csv" &&
	! grep -q 'aws_nat_gateway.main_1' "$TMPD/plan.csv"; then
	ok "export shows a plan's resources by their Terraform address"
else
	fail "export shows a plan's resources by their Terraform address" "$(grep -m2 nat_gateway "$TMPD/plan.csv")"
fi
# what the plan reader could not map is listed, not dropped
$CP export tests/data/plans/unknowns.json --format csv --no-upgrades >/dev/null 2>"$TMPD/unk.err"
if grep -q 'aws_ecs_service.orphan' "$TMPD/unk.err"; then
	ok "export of a plan says which resources it could not price"
else
	fail "export of a plan says which resources it could not price" "$(head -c 300 "$TMPD/unk.err")"
fi

# negative controls
$CP export tests/data/plans/regions.json --format csv --no-upgrades >"$TMPD/r.out" 2>"$TMPD/r.err"
rc=$?
if [ $rc -eq 3 ] && grep -q 'choose\|--region R' "$TMPD/r.err" && [ ! -s "$TMPD/r.out" ]; then
	ok "a plan over three regions is refused (exit 3) with the way out"
else
	fail "a plan over three regions is refused (exit 3) with the way out" "exit $rc: $(cat "$TMPD/r.err")"
fi
jq '. + {"from_plan": {"kind": "plan", "not_priced": [{"address": 1}], "warnings": [], "addresses": {}}}' \
	scenarios/baseline.json >"$TMPD/fake.json"
$CP breakdown "$TMPD/fake.json" >/dev/null 2>"$TMPD/f.err"
rc=$?
if [ $rc -eq 3 ] && grep -q 'fake.json:[0-9]*:[0-9]*: .*not-priced entry' "$TMPD/f.err"; then
	ok "a malformed from_plan in a scenario is refused, located"
else
	fail "a malformed from_plan in a scenario is refused, located" "exit $rc: $(cat "$TMPD/f.err")"
fi

# a plan above the scenario size cap (8 MiB) is still a plan: export and
# compare take it as breakdown --plan does, and a file that big that is not
# a plan gets the scenario reader's message
python3 tests/bench/gen-plan.py 14000 1 "$TMPD/big.json"
if [ "$(wc -c <"$TMPD/big.json")" -gt 8388608 ]; then
	want=$(cents "$($CP breakdown --plan "$TMPD/big.json" --format json 2>/dev/null | jq -r .total_monthly_cost)")
	expect_eq "a plan over 8 MiB: export's CSV total is breakdown's" "$want" "$(csv_total "$TMPD/big.json")"
	got=$(cmp_total "$TMPD/big.json")
	expect_eq "a plan over 8 MiB: compare's column is breakdown's" "$want" "$(cents "${got:-0}")"
else
	fail "the generated plan is over 8 MiB" "$(wc -c <"$TMPD/big.json") bytes"
fi
head -c 9000000 /dev/zero | tr '\0' ' ' >"$TMPD/spaces.json"
$CP export "$TMPD/spaces.json" --format csv >/dev/null 2>"$TMPD/sp.err"
rc=$?
if [ $rc -eq 3 ] && grep -q 'larger than 8 MiB; is this really a scenario' "$TMPD/sp.err"; then
	ok "a 9 MB file that is not a plan: the scenario reader's message, exit 3"
else
	fail "a 9 MB file that is not a plan: the scenario reader's message, exit 3" "exit $rc: $(cat "$TMPD/sp.err")"
fi
