#!/bin/sh
# reports.sh - the committed reports/ are current (regenerated from the
# shipped data they match byte for byte), render as GitHub-flavoured
# markdown (cmark-gfm), and the CSV parses strictly and agrees with the
# JSON output.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2

if COSTPLAN=$COSTPLAN tests/make-reports "$TMPD/reports" >"$TMPD/mk.out" 2>&1; then
	ok "reports: make-reports runs"
else
	fail "reports: make-reports runs" "$(cat "$TMPD/mk.out")"
fi
for f in baseline.md upgrade-path.md upgrade-path.csv report.html; do
	if [ ! -f "reports/$f" ]; then
		fail "reports: $f committed" "reports/$f is missing: run make reports"
	elif cmp -s "reports/$f" "$TMPD/reports/$f"; then
		ok "reports: $f is current"
	else
		fail "reports: $f is current" "stale, run make reports: $(diff "reports/$f" "$TMPD/reports/$f" | head -4 | tr '\n' ' ')"
	fi
done

# GitHub-flavoured markdown: the tables must come out as tables
for f in baseline.md upgrade-path.md; do
	if need cmark-gfm; then
		cmark-gfm -e table "reports/$f" >"$TMPD/$f.html" 2>"$TMPD/err"
		n=$(grep -c '<table>' "$TMPD/$f.html")
		if [ "$n" -ge 1 ] && ! grep -q '|---' "$TMPD/$f.html"; then
			ok "reports: $f renders $n table(s) with cmark-gfm"
		else
			fail "reports: $f renders with cmark-gfm" "$n tables; raw pipes left"
		fi
	else
		fail "reports: cmark-gfm" "cmark-gfm is not installed (make deps)"
	fi
done
if grep -q 'Production' "$TMPD/upgrade-path.md.html" 2>/dev/null; then
	ok "reports: upgrade path names the production total"
else
	fail "reports: upgrade path names the production total"
fi

# CSV: strict RFC 4180 parse, same column count everywhere, and the
# production row equals the JSON output's production total
$CP upgrades --format json >"$TMPD/up.json"
expect=$(jq -r '.production.total_monthly_cost' "$TMPD/up.json")
got=$(python3 - "reports/upgrade-path.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=''), strict=True))
head = rows[0]
assert all(len(r) == len(head) for r in rows), "ragged rows"
prod = [r for r in rows if r[0] == 'production']
assert len(prod) == 1
print(prod[0][head.index('total_monthly_cost')])
PY
)
expect_eq "reports: CSV production total equals JSON" "$(printf '%.2f' "$expect")" "$got"
