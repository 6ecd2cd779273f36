#!/bin/sh
# checkers-catch.sh - the CI layers that run costplan under valgrind and
# ASan/UBSan must fail on a real report, not just run. Each check builds a
# tiny program with a known defect, makes it the binary under test
# (COSTPLAN), and runs the golden CLI harness (tests/cli/run) on a case
# whose expected output the program produces: only the checker can make
# the case fail.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
CASES=$TMPD/cases
mkdir -p "$CASES/defect"
echo '$CP' >"$CASES/defect/cmd"
: >"$CASES/defect/err"
echo 0 >"$CASES/defect/rc"

cat >"$TMPD/leak.c" <<'C'
#include <stdlib.h>
#include <string.h>
int main(void) { char *p = malloc(64); strcpy(p, "lost"); p = NULL; return 0; }
C
cat >"$TMPD/overflow.c" <<'C'
#include <stdlib.h>
int main(void) { volatile char *p = malloc(8); p[8] = 1; int r = p[8]; free((void *)p); return r - 1; }
C
cat >"$TMPD/ub.c" <<'C'
#include <limits.h>
int main(int argc, char **argv) { (void)argv; int x = INT_MAX - 1 + argc; return x + argc > 0 ? 0 : 1; }
C
cat >"$TMPD/clean.c" <<'C'
#include <stdlib.h>
int main(void) { free(malloc(8)); return 0; }
C
CC=${CC:-cc}
for p in leak overflow clean; do
	$CC -g -O0 -o "$TMPD/$p" "$TMPD/$p.c" || fail "build $p"
done

# valgrind layer (tests/run-all valgrind): same wrapper as lib.sh's $CP
if need valgrind; then
	for p in leak overflow; do
		out=$(CLI_CASES=$CASES COSTPLAN=$TMPD/$p COSTPLAN_VALGRIND=1 sh tests/cli/run 2>&1)
		case $out in
		*"not ok - cli defect: valgrind reported errors"*) ok "valgrind layer fails on $p" ;;
		*) fail "valgrind layer fails on $p" "$out" ;;
		esac
	done
	out=$(CLI_CASES=$CASES COSTPLAN=$TMPD/clean COSTPLAN_VALGRIND=1 sh tests/cli/run 2>&1)
	expect_eq "valgrind layer passes a clean program" "ok - cli defect" "$out"
else
	fail "valgrind layer" "valgrind is not installed"
fi

# asan layer (tests/run-all asan): a report goes to stderr and exits non-zero
for p in leak overflow ub; do
	if ! $CC -g -O0 -fsanitize=address,undefined -fno-sanitize-recover=all \
		-o "$TMPD/asan-$p" "$TMPD/$p.c" 2>"$TMPD/cc.err"; then
		fail "asan layer fails on $p" "cannot build: $(head -3 "$TMPD/cc.err")"
		continue
	fi
	out=$(CLI_CASES=$CASES COSTPLAN=$TMPD/asan-$p ASAN_OPTIONS=detect_leaks=1 sh tests/cli/run 2>&1)
	case $out in
	"not ok - cli defect"*) ok "asan layer fails on $p" ;;
	*) fail "asan layer fails on $p" "$out" ;;
	esac
done

# the golden harness refuses a case that pipes costplan's output into
# another program (its exit code would be lost)
mkdir -p "$TMPD/pipecase/pipe"
echo '$CP --version | head -1' >"$TMPD/pipecase/pipe/cmd"
echo 0 >"$TMPD/pipecase/pipe/rc"
out=$(CLI_CASES=$TMPD/pipecase sh tests/cli/run 2>&1)
case "$out" in
*"not ok - cli pipe: cmd pipes costplan's output"*) ok "golden harness: a case piping costplan's output is refused" ;;
*) fail "golden harness: a case piping costplan's output was run" "$out" ;;
esac
