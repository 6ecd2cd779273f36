#!/bin/sh
# tests/integration/report_html.sh - `costplan report` opened in a real
# headless browser (Debian's chromium), from disk:
#   - nothing in the file could load or run (static scan), and the browser
#     confirms it: no request from the page in its net log (a resolver rule
#     and a dead proxy make sure nothing could leave anyway), no console
#     message at all (the page has no script, so any message is a problem:
#     a blocked load, a CSP violation);
#   - the figures in the page's text, as the browser parsed it, equal those
#     of `breakdown --format json` (total, every resource, every line);
#   - screenshots at desktop and phone width are not blank; at phone width
#     nothing overflows sideways and chart text stays >= 9 CSS px;
#   - the page prints (PDF);
#   - a hostile scenario name, description and note stay text.
# Negative controls prove the console, net-log and overflow checks can fail.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
PY="python3 $ROOT/tests/integration/report_html.py"

if ! command -v chromium >/dev/null 2>&1; then
	fail "report-html chromium" "chromium is not installed (.ci/install-deps installs it)"
	exit 0
fi

# browser NAME ARGS... : run chromium on a file:// URL with every network path
# trapped; stdout to $TMPD/NAME.out, stderr (with console messages) to
# $TMPD/NAME.err, net log to $TMPD/NAME.net
browser() {
	name=$1
	shift
	timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--disable-extensions --hide-scrollbars \
		--host-resolver-rules="MAP * ~NOTFOUND" --proxy-server="http://127.0.0.1:9" \
		--user-data-dir="$TMPD/profile-$name" \
		--enable-logging=stderr --v=0 --log-net-log="$TMPD/$name.net" \
		"$@" >"$TMPD/$name.out" 2>"$TMPD/$name.err"
}
console_lines() { grep -c ':CONSOLE' "$TMPD/$1.err"; }
page_requests() { $PY netlog "$TMPD/$1.net" 2>&1; }

# --- negative controls: the checks below can see what they look for ---------
cat >"$TMPD/bad.html" <<'EOF'
<!DOCTYPE html><html><body><p>control</p><img src="http://control.invalid/x.png">
<script>console.error("control-error")</script></body></html>
EOF
browser control --dump-dom "file://$TMPD/bad.html"
n=$(console_lines control)
[ "$n" -ge 1 ] && ok "report-html control: console messages are seen" ||
	fail "report-html control: console messages are seen" "no CONSOLE line in chromium's log"
page_requests control | grep -q 'control.invalid' && ok "report-html control: page requests are seen" ||
	fail "report-html control: page requests are seen" "$(page_requests control | head -3)"

# Phone width: headless chromium will not make its window narrower than
# 500 px, so the page is shown in a 390 px wide iframe (a phone's viewport;
# media queries follow the iframe). measure() makes a harness copy of a page:
# without its CSP, plus a script that records sideways overflow, the
# smallest chart text in CSS px and the viewport width on <body>;
# phone_frame() wraps a page in the iframe and copies those attributes out.
measure() {
	sed '/Content-Security-Policy/d' "$1" | sed 's|</body>|<script>(function(){var d=document.documentElement,m=99;document.querySelectorAll("svg.chart").forEach(function(s){var k=s.getBoundingClientRect().width/s.viewBox.baseVal.width;s.querySelectorAll("text").forEach(function(t){var f=parseFloat(getComputedStyle(t).fontSize)*k;if(f<m)m=f;});});document.body.setAttribute("data-overflow",String(d.scrollWidth>window.innerWidth));document.body.setAttribute("data-minfont",m.toFixed(1));document.body.setAttribute("data-vw",String(window.innerWidth));})();</script></body>|' >"$2"
}
phone_frame() { # PAGE OUT HEIGHT
	printf '<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="%s" style="width:390px;height:%spx;border:0"></iframe><script>window.addEventListener("load",function(){var b=document.getElementById("f").contentDocument.body;["data-overflow","data-minfont","data-vw"].forEach(function(k){var v=b.getAttribute(k);if(v!==null)document.body.setAttribute(k,v);});});</script></body></html>\n' "$1" "$3" >"$2"
}
printf '<!DOCTYPE html><html><body><div style="width:2000px">wide</div></body></html>\n' >"$TMPD/wide.html"
measure "$TMPD/wide.html" "$TMPD/wide-m.html"
phone_frame wide-m.html "$TMPD/wide-f.html" 844
browser widectl --allow-file-access-from-files --window-size=500,900 --dump-dom "file://$TMPD/wide-f.html"
grep -q 'data-overflow="true"' "$TMPD/widectl.out" && ok "report-html control: sideways overflow is seen" ||
	fail "report-html control: sideways overflow is seen" "$(head -c 300 "$TMPD/widectl.out")"

# --- the baseline report -------------------------------------------------------
R=$TMPD/report.html
check "report-html writes the page" $CP report -o "$R"
check "report-html static: nothing that loads or runs" $PY static "$R"
expect_eq "report-html one file, no folder of assets" "0" "$(grep -c 'file:' "$R")"

browser base --window-size=1280,900 --dump-dom "file://$R"
expect_eq "report-html no console messages" "0" "$(console_lines base)"
expect_eq "report-html no network requests" "" "$(page_requests base)"
grep -q '</html>' "$TMPD/base.out" && ok "report-html browser parsed the page" ||
	fail "report-html browser parsed the page" "empty DOM dump"

$CP breakdown --format json >"$TMPD/base.json"
check "report-html figures equal --format json" $PY figures "$TMPD/base.out" "$TMPD/base.json"
check "report-html reasons add up to the total" $PY reasons "$TMPD/base.out"
$CP upgrades --format json >"$TMPD/upgrades.json"
check "report-html upgrade path equals upgrades --format json" $PY upgrades "$TMPD/base.out" "$TMPD/upgrades.json"
grep -q 'id="chart-category-t"' "$TMPD/base.out" && grep -q 'id="chart-resource-t"' "$TMPD/base.out" &&
	grep -q 'id="chart-claim-t"' "$TMPD/base.out" && grep -q 'id="chart-upgrades-t"' "$TMPD/base.out" && ok "report-html charts have titles" ||
	fail "report-html charts have titles" "a chart <title> is missing"
grep -q '<pre id="command"><code>costplan report -o ' "$TMPD/base.out" &&
	ok "report-html shows the command" || fail "report-html shows the command" "$(grep -o '<pre id="command">.\{0,80\}' "$TMPD/base.out")"

browser shot --window-size=1280,1400 --screenshot="$TMPD/desktop.png" "file://$R"
check "report-html desktop screenshot is not blank" $PY png "$TMPD/desktop.png"

measure "$R" "$TMPD/phone.html"
phone_frame phone.html "$TMPD/phone-f.html" 844
browser phone --allow-file-access-from-files --window-size=500,900 --dump-dom "file://$TMPD/phone-f.html"
expect_eq "report-html phone: viewport is a phone's" "390" "$(sed -n 's/.*data-vw="\([0-9]*\)".*/\1/p' "$TMPD/phone.out" | head -1)"
grep -q 'data-overflow="false"' "$TMPD/phone.out" && ok "report-html phone: no sideways overflow" ||
	fail "report-html phone: no sideways overflow" "$(grep -o 'data-overflow="[a-z]*"' "$TMPD/phone.out")"
minf=$(sed -n 's/.*data-minfont="\([0-9.]*\)".*/\1/p' "$TMPD/phone.out" | head -1)
if [ -n "$minf" ] && python3 -c "import sys; sys.exit(0 if float('$minf') >= 9.5 else 1)"; then
	ok "report-html phone: chart text >= 9.5px ($minf)"
else
	fail "report-html phone: chart text >= 9.5px" "smallest ${minf:-?}px"
fi
cp "$R" "$TMPD/plain.html"
phone_frame plain.html "$TMPD/phone-shot.html" 1400
browser phoneshot --window-size=500,1400 --screenshot="$TMPD/phone.png" "file://$TMPD/phone-shot.html"
check "report-html phone screenshot is not blank" $PY png "$TMPD/phone.png"

browser pdf --no-pdf-header-footer --print-to-pdf="$TMPD/report.pdf" "file://$R"
if head -c 5 "$TMPD/report.pdf" 2>/dev/null | grep -q '%PDF-' && [ "$(wc -c <"$TMPD/report.pdf")" -gt 20000 ]; then
	ok "report-html prints to PDF"
else
	fail "report-html prints to PDF" "no PDF or too small"
fi

# --- with the simulation --------------------------------------------------------
SIMOPTS="--runs 24 --months 3 --seed 7 --threads 2"
S=$TMPD/sim.html
# shellcheck disable=SC2086
check "report-html --simulate writes the page" $CP report --simulate $SIMOPTS --no-progress -o "$S"
check "report-html --simulate static: nothing that loads or runs" $PY static "$S"
browser sim --dump-dom "file://$S"
expect_eq "report-html --simulate no console messages" "0" "$(console_lines sim)"
expect_eq "report-html --simulate no network requests" "" "$(page_requests sim)"
# shellcheck disable=SC2086
$CP simulate $SIMOPTS --no-progress --format json >"$TMPD/sim.json"
check "report-html simulation equals simulate --format json" $PY simulation "$TMPD/sim.out" "$TMPD/sim.json"
check "report-html --simulate breakdown still equals --format json" $PY figures "$TMPD/sim.out" "$TMPD/base.json"
n=0
for c in chart-week-rate chart-week-tasks chart-bills chart-months chart-signals; do
	grep -q "id=\"$c-t\"" "$TMPD/sim.out" && n=$((n + 1))
done
expect_eq "report-html --simulate has its five charts, titled" "5" "$n"
# same seed, same page, whatever the thread count
# shellcheck disable=SC2086
$CP report --simulate --runs 24 --months 3 --seed 7 --threads 1 --no-progress -o "$TMPD/sim1.html"
grep -v '<pre id="command">' "$S" >"$TMPD/a.html"
grep -v '<pre id="command">' "$TMPD/sim1.html" >"$TMPD/b.html"
cmp -s "$TMPD/a.html" "$TMPD/b.html" && ok "report-html --simulate is reproducible (1 and 2 threads)" ||
	fail "report-html --simulate is reproducible (1 and 2 threads)" "$(diff "$TMPD/a.html" "$TMPD/b.html" | head -4 | tr '\n' ' ')"
measure "$S" "$TMPD/simphone.html"
phone_frame simphone.html "$TMPD/simphone-f.html" 844
browser simphone --allow-file-access-from-files --window-size=500,900 --dump-dom "file://$TMPD/simphone-f.html"
grep -q 'data-overflow="false"' "$TMPD/simphone.out" && ok "report-html --simulate phone: no sideways overflow" ||
	fail "report-html --simulate phone: no sideways overflow" "$(grep -o 'data-[a-z]*="[^"]*"' "$TMPD/simphone.out" | tr '\n' ' ')"
minf=$(sed -n 's/.*data-minfont="\([0-9.]*\)".*/\1/p' "$TMPD/simphone.out" | head -1)
if [ -n "$minf" ] && python3 -c "import sys; sys.exit(0 if float('$minf') >= 9.5 else 1)"; then
	ok "report-html --simulate phone: chart text >= 9.5px ($minf)"
else
	fail "report-html --simulate phone: chart text >= 9.5px" "smallest ${minf:-?}px"
fi

# --- the committed example (tests/make-reports writes it; tests/integration/
# reports.sh checks that it is current) quotes the command that made it
grep -q '<pre id="command"><code>costplan --pricing pricing report scenarios/baseline.json --simulate --no-progress</code>' reports/report.html &&
	ok "report-html reports/report.html quotes its command" ||
	fail "report-html reports/report.html quotes its command"

# --- other options: same figures as JSON ---------------------------------------
for variant in "--no-free-tier" "--region eu-west-1"; do
	# shellcheck disable=SC2086
	$CP report $variant -o "$TMPD/v.html" && $CP breakdown $variant --format json >"$TMPD/v.json"
	browser variant --dump-dom "file://$TMPD/v.html"
	check "report-html figures equal --format json ($variant)" $PY figures "$TMPD/variant.out" "$TMPD/v.json"
done

$CP report --no-upgrades -o "$TMPD/nu.html"
expect_eq "report-html --no-upgrades leaves the section out" "0" "$(grep -c 'id="upgrades-path"' "$TMPD/nu.html")"

# many resources: the resource chart keeps 24 bars, the smallest summed into one
python3 - "$ROOT/scenarios/baseline.json" "$TMPD/many.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for i in range(30):
    d['resource']['aws_secretsmanager_secret']['extra%02d' % i] = {'name': 'app/x%d' % i}
json.dump(d, open(sys.argv[2], 'w'))
EOF
$CP report "$TMPD/many.json" --no-upgrades -o "$TMPD/many.html"
$CP breakdown "$TMPD/many.json" --format json >"$TMPD/many-b.json"
got=$(python3 - "$TMPD/many.html" "$TMPD/many-b.json" <<'EOF'
import json, re, sys
from decimal import Decimal as D
s = open(sys.argv[1]).read()
m = re.search(r'<figure id="by-resource">(.*?)</figure>', s, re.S).group(1)
vals = [D(x.replace('$', '').replace(',', '')) for x in re.findall(r'class="ch-value">([^<]*)', m)]
total = json.load(open(sys.argv[2]), parse_float=D)['total_monthly_cost']
print(len(vals), 'other resources' in m, sum(vals) == total)
EOF
)
expect_eq "report-html many resources: 24 bars, the rest summed, adding up to the total" "24 True True" "$got"

# --- hostile names ----------------------------------------------------------------
python3 - "$ROOT/scenarios/baseline.json" "$TMPD/hostile.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d['name'] = '</title><script>alert(1)</script><img src=x onerror=alert(2)>"\'&amp;'
d['description'] = '<a href="https://evil.invalid/">click</a><style>body{display:none}</style>'
d['notes'].append('<svg onload=alert(3)><iframe src="http://evil.invalid/"></iframe>')
json.dump(d, open(sys.argv[2], 'w'))
EOF
H=$TMPD/hostile.html
check "report-html hostile: page written" $CP report "$TMPD/hostile.json" -o "$H"
check "report-html hostile: nothing that loads or runs" $PY static "$H"
browser hostile --dump-dom "file://$H"
expect_eq "report-html hostile: no console messages" "0" "$(console_lines hostile)"
expect_eq "report-html hostile: no network requests" "" "$(page_requests hostile)"
tags=$(python3 -c "
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    seen = set()
    def handle_starttag(self, t, a):
        a = dict(a)
        if t == 'a' and not (a.get('href') or '').startswith('#'): t = 'a-link'
        self.seen.add(t)
p = P(); p.feed(open(sys.argv[1]).read())
print(' '.join(sorted(p.seen & {'script', 'img', 'iframe', 'a-link', 'svg', 'style'})))" "$TMPD/hostile.out")
expect_eq "report-html hostile: no script/img/iframe/link element (only our svg and style)" "style svg" "$tags"
grep -qF '&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;' "$TMPD/hostile.out" &&
	ok "report-html hostile: the name is shown as text" ||
	fail "report-html hostile: the name is shown as text" "literal name not found in the DOM"
