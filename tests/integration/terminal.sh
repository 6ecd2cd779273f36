# terminal.sh - colour only on a terminal, and never with NO_COLOR; the
# table fits 80 columns. `script` gives costplan a real pseudo-terminal.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
esc=$(printf '\033')
script -qfec "env -u NO_COLOR TERM=xterm $COSTPLAN breakdown" /dev/null >"$TMPD/tty.out" 2>&1
if grep -q "$esc\[1m" "$TMPD/tty.out"; then ok "colour on a terminal"; else fail "colour on a terminal"; fi
script -qfec "env NO_COLOR=1 TERM=xterm $COSTPLAN breakdown" /dev/null >"$TMPD/tty2.out" 2>&1
if grep -q "$esc" "$TMPD/tty2.out"; then fail "NO_COLOR on a terminal" "escape found"; else ok "NO_COLOR on a terminal"; fi
script -qfec "env -u NO_COLOR TERM=xterm $COSTPLAN --no-color breakdown" /dev/null >"$TMPD/tty3.out" 2>&1
if grep -q "$esc" "$TMPD/tty3.out"; then fail "--no-color on a terminal" "escape found"; else ok "--no-color on a terminal"; fi
env -u NO_COLOR $COSTPLAN breakdown >"$TMPD/pipe.out"
if grep -q "$esc" "$TMPD/pipe.out"; then fail "no colour into a pipe"; else ok "no colour into a pipe"; fi
for r in us-east-1 eu-west-1 ap-southeast-1; do
	w=$($COSTPLAN breakdown --region $r | awk '{ if (length($0) > m) m = length($0) } END { print m }')
	if [ "$w" -le 80 ]; then ok "table fits 80 columns ($r: $w)"; else fail "table fits 80 columns ($r)" "$w columns"; fi
done
