# readme.sh - the documentation shows real output. Every example in a plain
# ``` block of README.md and of every docs/*.md ("$ CMD", then its output;
# a last output line "..." means "starts with these lines"; "$ echo $?"
# then the exit code) is run from a scratch folder linking to the repo's
# data, and must print what the page says: one line per example, named
# with the file. tests/tools/examples-update.py runs them (--check here;
# without it, it rewrites the outputs for review). Every page of a command
# (docs/<command>.md) has at least one example.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
need python3 || exit 0
python3 tests/tools/examples-update.py --check "$COSTPLAN" README.md docs/*.md >"$TMPD/results" 2>&1
cat "$TMPD/results"
grep -q '^ok - README.md: ' "$TMPD/results" && ok "README.md has runnable examples" ||
	fail "README.md has runnable examples"
for c in $($COSTPLAN --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p'); do
	grep -q "^ok - docs/$c.md: \|^not ok - docs/$c.md: " "$TMPD/results" &&
		ok "docs/$c.md has runnable examples" || fail "docs/$c.md has runnable examples"
done
# negative control: an example whose output is wrong must fail
printf '# x\n\n```\n$ costplan --version\ncostplan 0.0.0-not-this\n```\n' >"$TMPD/wrong.md"
if python3 tests/tools/examples-update.py --check "$COSTPLAN" "$TMPD/wrong.md" >"$TMPD/neg" 2>&1; then
	fail "an example with the wrong output fails" "$(cat "$TMPD/neg")"
else
	grep -q '^not ok - ' "$TMPD/neg" && ok "an example with the wrong output fails" ||
		fail "an example with the wrong output fails" "$(cat "$TMPD/neg")"
fi
