#!/bin/sh
# layers.sh - the include graph of src/ follows the layers (src/README.md):
# tests/tools/layers.py on the real tree, then on copies with a planted
# upward include and a planted loop between peers, which it must catch and
# locate (file and line).
. "$(dirname "$0")/../lib.sh"
L="python3 $ROOT/tests/tools/layers.py"

if out=$($L "$ROOT/src" 2>&1); then
	ok "layers: src/ includes only its own and lower layers, no peer loops"
else
	fail "layers: src/ breaks the layering" "$(echo "$out" | head -5 | tr '\n' ' ')"
fi

cp -R "$ROOT/src" "$TMPD/up"
printf '#include "report/jsonw.h"\n' >>"$TMPD/up/model/usage.h"
n=$(wc -l <"$TMPD/up/model/usage.h" | tr -d ' ')
out=$($L "$TMPD/up" 2>&1)
case "$out" in
*"model/usage.h:$n: includes report/jsonw.h (layer model may not include the higher layer report)"*)
	ok "layers: an upward include is named with file and line" ;;
*) fail "layers: a planted upward include went unnoticed" "$(echo "$out" | head -3 | tr '\n' ' ')" ;;
esac

cp -R "$ROOT/src" "$TMPD/loop"
printf '#include "diff/diff.h"\n' >>"$TMPD/loop/report/report.h"
out=$($L "$TMPD/loop" 2>&1)
case "$out" in
*"report/report.h:"*"peers diff and report include each other"*)
	ok "layers: a loop between peers (report <-> diff) is named" ;;
*) fail "layers: a planted peer loop went unnoticed" "$(echo "$out" | head -3 | tr '\n' ' ')" ;;
esac
