#!/bin/sh
# diff-markdown.sh - the PR comment as GitHub would show it: rendered by
# Debian's cmark-gfm with GitHub's extensions and raw HTML allowed
# (--unsafe, so anything a plan smuggled in would survive to the HTML),
# then checked: tables present, no tag, link, image or emphasis that came
# from the plan. Also the hidden marker and the collapsed sections.
. "$(dirname "$0")/../lib.sh"
P=$ROOT/tests/data/plans
render() { cmark-gfm --unsafe -e table -e autolink -e strikethrough -e tasklist "$1"; }

# 1. hostile for_each keys
$CP diff --plan "$P/injection.json" --format markdown >"$TMPD/inj.md" 2>"$TMPD/inj.err"
expect_eq "injection plan: exit 0" 0 $?
render "$TMPD/inj.md" >"$TMPD/inj.html"
check "injection: rendered a table" grep -q '<table>' "$TMPD/inj.html"
expect_eq "injection: one table row per resource whose cost changes, plus total" 6 \
	"$(awk '/<tbody>/{on=1} on && /<tr>/{n++} /<\/tbody>/{print n; exit}' "$TMPD/inj.html")"
for bad in '<img' '<script' '<a ' '<strong>bold' 'onerror=alert(1)>'; do
	if grep -qF "$bad" "$TMPD/inj.html"; then
		fail "injection: no '$bad' in the HTML" "$(grep -F "$bad" "$TMPD/inj.html" | head -2)"
	else
		ok "injection: no '$bad' in the HTML"
	fi
done
expect_eq "injection: no tag carries href, src or on* attributes" "" \
	"$(grep -Eo '<[a-zA-Z]+[^>]* (href|src|on[a-z]+)=' "$TMPD/inj.html" | head -1)"
check "injection: the text itself stays visible, escaped" grep -qF '&lt;img src=x onerror=alert(1)&gt;' "$TMPD/inj.html"
check "injection: table pipes in a key do not split cells" grep -qF '| x | y |' "$TMPD/inj.html"
check "injection: unpriced list escaped too" grep -qF '&lt;a href=https://evil.example&gt;x&lt;/a&gt;' "$TMPD/inj.html"
check "injection: marker kept as an HTML comment" grep -qF '<!-- costplan-diff -->' "$TMPD/inj.html"
expect_eq "injection: markdown columns are 5 on every table line" "" \
	"$(sed -n '/^| aws/p' "$TMPD/inj.md" | sed 's/\\|//g' | awk -F'|' 'NF != 7 {print}' | head -1)"

# 2. the guide's PR: headline, tables, details
$CP diff --plan "$P/guide-change.json" --usage "$P/usage.json" --format markdown >"$TMPD/pr.md" 2>/dev/null
render "$TMPD/pr.md" >"$TMPD/pr.html"
check "pr: headline is an h3 with the increase" grep -q '<h3>Monthly cost will increase by \$71.91 (+61.5%)</h3>' "$TMPD/pr.html"
expect_eq "pr: two tables (changes, components)" 2 "$(grep -c '<table>' "$TMPD/pr.html")"
expect_eq "pr: everything priced, so one collapsed section (components)" 1 "$(grep -c '<details>' "$TMPD/pr.html")"
check "pr: first line is the marker" sh -c "head -1 '$TMPD/pr.md' | grep -qx '<!-- costplan-diff -->'"
check "pr: footer names the snapshot date" grep -q 'snapshot published 2024-07-01 to 2026-05-03' "$TMPD/pr.html"
check "pr: the new lambda listed in the changes" grep -q 'aws_lambda_function.thumbnails' "$TMPD/pr.html"
expect_eq "pr: no links at all" 0 "$(grep -c '<a ' "$TMPD/pr.html")"

# not priced: a collapsed section naming each resource and its reason
$CP diff --plan "$P/compute-ec2.json" --format markdown 2>/dev/null | render /dev/stdin >"$TMPD/np.html"
check "not priced: collapsed with the count" grep -q '<summary>Not priced: 3 resources</summary>' "$TMPD/np.html"
check "not priced: names the resource and the reason" grep -q 'aws\(_\|\\_\)instance.*typo.*m7g.lrage' "$TMPD/np.html"

# unknowns: the warnings section names each attribute
$CP diff --plan "$P/unknowns.json" --format markdown | render /dev/stdin >"$TMPD/u.html"
check "unknowns: warnings collapsed" grep -q '<summary>Warnings: 4</summary>' "$TMPD/u.html"
check "unknowns: warning names the attribute" grep -q 'allocated_storage is known only after apply' "$TMPD/u.html"

# 3. the guardrail shows in the comment and the exit code
$CP diff --plan "$P/guide-change.json" --budget 100 --format markdown >"$TMPD/g.md" 2>"$TMPD/g.err"
expect_eq "guardrail: exit 1" 1 $?
render "$TMPD/g.md" >"$TMPD/g.html"
check "guardrail: reason in a blockquote" grep -q 'Cost guardrail failed' "$TMPD/g.html"
expect_eq "guardrail: one-line reason on stderr" 1 "$(wc -l <"$TMPD/g.err" | tr -d ' ')"

# 4. hostile plans never crash (exit 3, one message, no signal)
for f in "$P"/hostile-*.json; do
	$CP diff --plan "$f" >/dev/null 2>"$TMPD/h.err"
	expect_eq "hostile $(basename "$f"): exit 3" 3 $?
	check "hostile $(basename "$f"): message names the file" grep -q "$(basename "$f")" "$TMPD/h.err"
done
