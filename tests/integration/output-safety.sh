#!/bin/sh
# output-safety.sh - text from inputs cannot act in any output format.
#
# The scenario tests/data/hostile/scenarios/injection-name.json has a name
# holding a spreadsheet formula, HTML, a markdown link and emphasis, a table
# pipe, ANSI/OSC escape sequences (clear screen, a hyperlink), the C1 CSI
# U+009B and a bidi override; the snapshot tests/data/hostile/pricing/
# source-injection gives price rows a formula and an escape in their
# source column. Each format is read by a real consumer: cmark-gfm (GFM
# with autolinks) for markdown, Python's csv module for CSV, jq for JSON,
# and the bytes of the terminal table.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
S=tests/data/hostile/scenarios/injection-name.json
NAME=$(jq -r .name "$S")

# bytes that would act on a terminal: ESC, the UTF-8 C1 range, bidi controls
no_terminal_controls() { # FILE
	! LC_ALL=C grep -q "$(printf '\033')" "$1" &&
		! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" &&
		! LC_ALL=C grep -q "$(printf '\342\200[\252-\256]')" "$1" &&
		! LC_ALL=C grep -q "$(printf '\342\201[\246-\251]')" "$1"
}

# table
$CP breakdown "$S" >"$TMPD/t.txt" 2>"$TMPD/err"
check "table: no terminal control in the output" no_terminal_controls "$TMPD/t.txt"
check "table: escapes shown as text" grep -q 'x1b\[2J.*U+009B1m U+202Egnp' "$TMPD/t.txt"

# markdown, rendered the way GitHub renders a comment
$CP breakdown "$S" --format markdown >"$TMPD/m.md"
if need cmark-gfm; then
	cmark-gfm --extension table --extension autolink --extension strikethrough \
		"$TMPD/m.md" >"$TMPD/m.html"
	check "markdown: no HTML element from the name" sh -c \
		"! grep -qi '<script\|<img\|<a \|<strong>b\|<em>' '$TMPD/m.html'"
	check "markdown: the name is one heading's text" grep -q \
		'<h2>Monthly cost: =HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;) &lt;script&gt;alert(1)&lt;/script&gt; | \[a\](http://e) \*\*b\*\*' \
		"$TMPD/m.html"
	check "markdown: one table, 6 cells in every row" python3 - "$TMPD/m.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding='utf-8').read()
assert html.count('<table>') == 1, html.count('<table>')
rows = re.findall(r'<tr>(.*?)</tr>', html, re.S)
assert rows and all(len(re.findall(r'<t[dh][ >]', r)) == 6 for r in rows), rows
PY
else
	fail "markdown: cmark-gfm" "not installed"
fi
check "markdown: no terminal control" no_terminal_controls "$TMPD/m.md"

# JSON: lossless (jq gives back the exact name) and inert on a terminal
$CP breakdown "$S" --format json >"$TMPD/j.json"
expect_eq "json: name round-trips exactly" "$NAME" "$(jq -r .scenario "$TMPD/j.json")"
check "json: no terminal control in the raw text" no_terminal_controls "$TMPD/j.json"

# CSV: formulas neutralised in every text cell, no control characters
P=tests/data/hostile/pricing/source-injection
$CP --pricing "$P" breakdown tests/data/scenarios/nat-only.json --format csv >"$TMPD/c.csv"
check "csv: no terminal control" no_terminal_controls "$TMPD/c.csv"
check "csv: no cell a spreadsheet would run as a formula" python3 - "$TMPD/c.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
bad = [c for r in rows[1:] for c in r if c[:1] in ('=', '+', '@', '\t', '\r')
       or (c[:1] == '-' and not c[1:2].isdigit())]
sources = [r[11] for r in rows[1:-1]]
assert not bad, bad
assert sources == ["'=cmd|' /C calc'!A0 \\x1b[31m", "'@SUM(1+1) <b>x</b>"], sources
PY
if need ssconvert; then
	# what a spreadsheet program makes of it: the formula stays text
	ssconvert --export-type=Gnumeric_stf:stf_csv "$TMPD/c.csv" "$TMPD/c2.csv" >/dev/null 2>&1
	check "csv: gnumeric keeps the formula as text" grep -q "=cmd|" "$TMPD/c2.csv"
fi

# messages on stderr (a terminal too): the ESC in a type name is shown as text
$CP breakdown tests/data/hostile/scenarios/type-escape-injection.json >/dev/null 2>"$TMPD/e.txt"
check "stderr: no terminal control in an error quoting input" no_terminal_controls "$TMPD/e.txt"

# HTML report: the name is text; the page has no script at all
$CP report "$S" -o "$TMPD/r.html" 2>/dev/null
check "html: no script element" sh -c "! grep -qi '<script' '$TMPD/r.html'"
check "html: the name's markup is escaped" grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$TMPD/r.html"
check "html: no terminal control" no_terminal_controls "$TMPD/r.html"

# xlsx workbook: well-formed XML in every part (control characters in the
# document title broke docProps/core.xml), the name only ever a text cell
$CP export "$S" -o "$TMPD/b.xlsx" 2>/dev/null
check "xlsx: every part is well-formed XML, the name is never a formula" python3 - "$TMPD/b.xlsx" <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith('.xml') or n.endswith('.rels'):
        xml.dom.minidom.parseString(z.read(n))  # raises when ill-formed
text = z.read('xl/sharedStrings.xml').decode()
assert '=HYPERLINK("http://evil","x")' in text, 'name missing from the text cells'
for n in z.namelist():
    if n.startswith('xl/worksheets/'):
        assert 'HYPERLINK' not in z.read(n).decode(), n + ' has the name in a formula'
PY
if need ssconvert; then
	check "xlsx: gnumeric opens it undamaged" sh -c \
		"ssconvert '$TMPD/b.xlsx' '$TMPD/b.csv' 2>&1 | grep -q damaged && exit 1; exit 0"
fi
