# tests/lib.sh - shared by the shell test scripts (sourced, POSIX sh).
#
# A script calls `ok NAME` or `fail NAME [why]` once per check, or
# `check NAME COMMAND...` which runs COMMAND and reports by its status.
# Each prints one TAP-style line; tests/run-all counts them. The repo root
# is $ROOT, the binary $COSTPLAN, a private scratch folder $TMPD (removed
# on exit).
set -u
LC_ALL=C
export LC_ALL
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
case $ROOT in */tests) ROOT=$(dirname "$ROOT") ;; esac
COSTPLAN=${COSTPLAN:-$ROOT/costplan}
export ROOT COSTPLAN
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/costplan-test.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT INT TERM
NO_COLOR=1
export NO_COLOR
# no staleness warning: its "N days ago" changes every day (the warning is
# tested on its own, with COSTPLAN_TODAY fixed: tests/integration/stale.sh)
COSTPLAN_STALE_DAYS=0
export COSTPLAN_STALE_DAYS
# valgrind wrapper when asked (tests/run-all --valgrind)
if [ -n "${COSTPLAN_VALGRIND:-}" ]; then
	CP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect $COSTPLAN"
else
	CP=$COSTPLAN
fi
export CP

ok() { echo "ok - $1"; }
fail() {
	echo "not ok - $1${2:+: $2}"
}
check() {
	name=$1
	shift
	if "$@" >"$TMPD/check.out" 2>&1; then
		ok "$name"
	else
		fail "$name" "$(head -c 600 "$TMPD/check.out" | tr '\n' ' ')"
	fi
}
# need TOOL...: true when every tool is installed; otherwise a failure
# naming the missing one (.ci/install-deps installs them all): a check is
# never skipped in silence.
need() {
	for t in "$@"; do
		if ! command -v "$t" >/dev/null 2>&1; then
			fail "$t is not installed" "run .ci/install-deps"
			return 1
		fi
	done
	return 0
}
# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "expected '$2', got '$3'"; fi
}
