# claim.sh - the claim belongs to the scenario that makes it: the baseline
# carries the guide's "around $100/month" as data, so its workbook and HTML
# page compare with it; a user's own stack carries none, and its workbook
# and page say nothing of the guide or of $100 unless --claim is given.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
need python3 || exit 0
TWO=tests/data/scenarios/two-resources.json
# xlsx_text BOOK: every string of the workbook (shared strings and inline)
xlsx_text() {
	python3 -c '
import sys, zipfile, re, html
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(".xml"):
        for t in re.findall(r"<(?:t|a:t|c:v)[^>]*>([^<]*)<", z.read(n).decode()):
            print(html.unescape(t))
' "$1"
}
# page_text FILE: the HTML page's text, tags removed, entities decoded
page_text() {
	python3 -c '
import sys, re, html
t = open(sys.argv[1]).read()
t = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", t, flags=re.S)
print(html.unescape(re.sub(r"<[^>]+>", " ", t)))
' "$1"
}
# a check that it can fail: the text helpers see the words they look for
printf '<p>the guide: &quot;around $100/month&quot;</p>' >"$TMPD/control.html"
page_text "$TMPD/control.html" | grep -q 'the guide: "around \$100/month"' &&
	ok "claim control: page_text sees a claim" || fail "claim control: page_text sees a claim"

# the baseline: the claim is the scenario's, shown in both outputs
$CP -q export -o "$TMPD/base.xlsx" 2>"$TMPD/err" || fail "claim: export the baseline" "$(cat "$TMPD/err")"
xlsx_text "$TMPD/base.xlsx" >"$TMPD/base.txt"
check "claim: the baseline workbook shows the guide's claim" grep -qx 'the guide: "around \$100/month"' "$TMPD/base.txt"
check "claim: the baseline workbook has the difference" grep -qx 'Difference (costplan - the claim)' "$TMPD/base.txt"
$CP -q report --no-upgrades -o "$TMPD/base.html" || fail "claim: report the baseline"
page_text "$TMPD/base.html" >"$TMPD/base.ptxt"
check "claim: the baseline page shows the guide's claim" grep -q 'the guide: "around \$100/month"' "$TMPD/base.ptxt"
check "claim: the baseline page says why the bill differs from the claim" grep -q 'Why it differs from the claim of \$100' "$TMPD/base.ptxt"

# a two-resource stack of one's own: no guide, no $100, no claim at all
$CP -q export "$TWO" --no-upgrades -o "$TMPD/two.xlsx" 2>"$TMPD/err" || fail "claim: export a two-resource stack" "$(cat "$TMPD/err")"
xlsx_text "$TMPD/two.xlsx" >"$TMPD/two.txt"
check "claim: the two-resource workbook has text (the check can see)" grep -q 'costplan budget: mystack' "$TMPD/two.txt"
if grep -qi 'guide\|\$100\|claim' "$TMPD/two.txt"; then
	fail "claim: the two-resource workbook says nothing of the guide or a claim" "$(grep -i 'guide\|\$100\|claim' "$TMPD/two.txt" | head -3 | tr '\n' ' ')"
else
	ok "claim: the two-resource workbook says nothing of the guide or a claim"
fi
# even with the upgrade sheet tried (the guide's steps do not fit it)
$CP -q export "$TWO" -o "$TMPD/two-up.xlsx" 2>/dev/null
xlsx_text "$TMPD/two-up.xlsx" | grep -qi 'guide\|\$100' &&
	fail "claim: the two-resource workbook with upgrades tried names no guide" ||
	ok "claim: the two-resource workbook with upgrades tried names no guide"
$CP -q report "$TWO" --no-upgrades -o "$TMPD/two.html" || fail "claim: report a two-resource stack"
page_text "$TMPD/two.html" >"$TMPD/two.ptxt"
check "claim: the two-resource page has its total (the check can see)" grep -q '\$37.85' "$TMPD/two.ptxt"
if grep -qi 'guide\|\$100\|claim' "$TMPD/two.ptxt"; then
	fail "claim: the two-resource page says nothing of the guide or a claim" "$(grep -io '.\{30\}\(guide\|\$100\|claim\).\{30\}' "$TMPD/two.ptxt" | head -3 | tr '\n' ' ')"
else
	ok "claim: the two-resource page says nothing of the guide or a claim"
fi

# --claim on both commands: the user's estimate, and the difference from it
$CP -q export "$TWO" --no-upgrades --claim 30 -o "$TMPD/mine.xlsx" || fail "claim: export --claim"
xlsx_text "$TMPD/mine.xlsx" >"$TMPD/mine.txt"
check "claim: export --claim shows your estimate" grep -qx 'your estimate' "$TMPD/mine.txt"
check "claim: export --claim shows the difference" grep -qx 'Difference (costplan - the claim)' "$TMPD/mine.txt"
$CP -q report "$TWO" --no-upgrades --claim 30 -o "$TMPD/mine.html" || fail "claim: report --claim"
page_text "$TMPD/mine.html" >"$TMPD/mine.ptxt"
check "claim: report --claim shows your estimate" grep -q 'your estimate' "$TMPD/mine.ptxt"
# $37.85 against a claim of $30: +$7.85, 26% above
check "claim: report --claim shows the difference from it" grep -q '26% above the claim' "$TMPD/mine.ptxt"
# --claim overrides the scenario's own
$CP -q report --no-upgrades --claim 250 -o "$TMPD/over.html" && page_text "$TMPD/over.html" >"$TMPD/over.ptxt"
if grep -q 'your estimate' "$TMPD/over.ptxt" && ! grep -q 'the guide: "around' "$TMPD/over.ptxt"; then
	ok "claim: --claim replaces the scenario's claim"
else
	fail "claim: --claim replaces the scenario's claim"
fi
