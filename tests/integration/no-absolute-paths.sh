# no-absolute-paths.sh - outputs show relative or base names only: run every
# command and format from another folder, with the data found beside the
# executable and files named by absolute paths, and no output (stdout, -o
# files, the workbook's XML, the HTML page) may contain the checkout's
# absolute path. A control proves the check sees such a path.
. "$(dirname "$0")/../lib.sh"
need unzip || exit 0
work=$TMPD/elsewhere
mkdir -p "$work"
R=$ROOT
scan() { # NAME FILE: fail when FILE holds $ROOT (or is empty: nothing checked)
	if [ ! -s "$2" ]; then
		fail "no absolute path: $1" "no output to check: $(head -c 200 "$2.err" 2>/dev/null)"
	elif grep -q "$R/" "$2"; then
		fail "no absolute path: $1" "$(grep -o ".\{0,40\}$R/.\{0,40\}" "$2" | head -2 | tr '\n' ' ')"
	else
		ok "no absolute path: $1"
	fi
}
# control: the scan sees an absolute path
printf 'x %s/pricing y\n' "$R" >"$TMPD/control"
grep -q "$R/" "$TMPD/control" && ok "no absolute path: the scan sees one (control)" ||
	fail "no absolute path: the scan sees one (control)"
i=0
run() { # NAME ARGS...: stdout of costplan run from $work
	n=$1
	shift
	i=$((i + 1))
	(cd "$work" && $CP "$@" >"$TMPD/run$i" 2>"$TMPD/run$i.err")
	scan "$n" "$TMPD/run$i"
}
P=$R/tests/data/plans/guide-change.json
S=$R/scenarios/baseline.json
for fmt in table json csv markdown; do
	run "breakdown $fmt" breakdown --format $fmt
	run "breakdown $S $fmt" breakdown "$S" --format $fmt
	run "breakdown --plan (absolute) $fmt" breakdown --plan "$P" --usage "$R/tests/data/usage/infracost-usage.yml" --format $fmt
	run "upgrades $fmt" upgrades --format $fmt
	run "simulate $fmt" simulate --runs 3 --format $fmt
	run "diff $fmt" diff "$S" "$R/scenarios/autoscaling.json" --format $fmt
	run "diff --plan $fmt" diff --plan "$P" --format $fmt
	run "compare $fmt" compare "$S" "$R/scenarios/upgrades/04-waf.json" --format $fmt
done
run "breakdown --simulate json" breakdown --simulate --runs 3 --format json
run "pricing list" pricing list --region us-east-1
run "pricing list json" pricing list --region us-east-1 --format json
run "pricing diff" pricing diff "$R/pricing" "$R/pricing" --region us-east-1 --scenario "$S"
run "pricing diff json" pricing diff "$R/pricing" "$R/pricing" --region us-east-1 --format json
run "export csv" export "$S" --format csv
(cd "$work" && $CP -q export "$S" -o "$TMPD/b.xlsx") && mkdir -p "$TMPD/x" && (cd "$TMPD/x" && unzip -q "$TMPD/b.xlsx") &&
	cat "$TMPD"/x/xl/*.xml "$TMPD"/x/xl/worksheets/*.xml >"$TMPD/xlsx.txt" && scan "export xlsx (every sheet)" "$TMPD/xlsx.txt" ||
	fail "no absolute path: export xlsx" "the workbook was not written"
(cd "$work" && $CP -q report "$S" -o "$TMPD/r.html") && scan "report html" "$TMPD/r.html" ||
	fail "no absolute path: report html" "the page was not written"
