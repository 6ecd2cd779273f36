# docs.sh - every command in `costplan --help` is documented in the man page
# and the README, every command answers --help with exit 0, and the man
# page formats without warnings.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
cmds=$($COSTPLAN --help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p')
[ -n "$cmds" ] || fail "costplan --help lists commands"
for c in $cmds; do
	grep -q "^\.BR $c " src/costplan.1 && ok "man page documents $c" || fail "man page documents $c"
	grep -q "costplan $c" README.md && ok "README documents $c" || fail "README documents $c"
	$COSTPLAN $c --help >"$TMPD/h" 2>&1 && grep -q "usage: costplan $c" "$TMPD/h" &&
		ok "costplan $c --help" || fail "costplan $c --help" "$(head -2 "$TMPD/h")"
done
if need groff; then
	warn=$(groff -man -ww -z src/costplan.1 2>&1)
	expect_eq "man page formats without warnings" "" "$warn"
fi
