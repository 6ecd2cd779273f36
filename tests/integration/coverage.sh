#!/bin/sh
# coverage.sh - through the real commands, every resource type the shipped
# examples and golden plans use is priced or free with a reason: a plan in
# tests/data/plans/ (and tests/data/guide/ when present) never reports
# "not priced: ADDRESS: costplan has no price for TYPE" unless TYPE is one
# of the expected gaps listed in docs/coverage.md (the list lives in
# tests/unit/test_types_coverage.c, which writes that file and fails when
# it is stale); every scenario and upgrade step loads and prices.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2

[ -f docs/coverage.md ] && ok "coverage: docs/coverage.md exists" ||
	fail "coverage: docs/coverage.md exists" "UPDATE_COVERAGE=1 tests/unit/test_types_coverage writes it"
gaps=$(sed -n 's/^| `\([a-z0-9_]*\)` | costplan has no price for .*(expected gap: .*$/\1/p' docs/coverage.md)

# unpriced PLAN: prints " ADDRESS (TYPE)" for each type costplan has no
# price for that is no expected gap; returns 2 when PLAN is no plan at all
unpriced() {
	$CP breakdown --plan "$1" >"$TMPD/out" 2>&1
	rc=$?
	[ $rc -eq 0 ] || [ $rc -eq 1 ] || return 2
	# "warning: not priced: ADDRESS: costplan has no price for TYPE" (an
	# address may hold spaces and quotes: the type is the last word)
	sed -n 's/^.*not priced: \(.*\): costplan has no price for \([a-z0-9_]*\)$/\2 \1/p' \
		"$TMPD/out" | sort -u >"$TMPD/gaps"
	while read -r type addr; do
		if printf '%s\n' $gaps | grep -qx "$type"; then
			echo "# $1: $addr: $type is an expected gap (docs/coverage.md)" >&2
		else
			printf ' %s (%s)' "$addr" "$type"
		fi
	done <"$TMPD/gaps"
	return 0
}

n=0
for f in tests/data/plans/*.json tests/data/guide/*.json; do
	[ -f "$f" ] || continue
	# the hostile fixtures are no plans at all: they fail to load, by design
	bad=$(unpriced "$f") || continue
	n=$((n + 1))
	if [ -z "$bad" ]; then
		ok "coverage: $f: every type priced or free"
	else
		fail "coverage: $f" "costplan has no price for:$bad"
	fi
done
[ "$n" -gt 0 ] && ok "coverage: $n plans read" || fail "coverage: plans read" "none"

for f in scenarios/*.json; do
	check "coverage: $f prices" $CP breakdown "$f"
done
for f in scenarios/upgrades/*.json; do
	check "coverage: step $f prices on the baseline" $CP breakdown --patch "$f"
done

# a planted negative control: an unknown type in a plan is caught, by address
sed 's/aws_sqs_queue/aws_not_a_type/g' tests/data/plans/guide-change.json >"$TMPD/probe.json"
bad=$(unpriced "$TMPD/probe.json" 2>/dev/null)
expect_eq "coverage: an unknown type is reported with its address" \
	" aws_not_a_type.jobs (aws_not_a_type)" "$bad"
