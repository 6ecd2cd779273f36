# stale.sh - the staleness warning: once per run, on stderr, when the newest
# price in use is older than COSTPLAN_STALE_DAYS days (default 180; 0 turns
# it off), with a refresh command that works for the snapshot in use.
# COSTPLAN_TODAY fixes today so the figures are exact.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
unset COSTPLAN_STALE_DAYS
newest=$($CP breakdown --format json 2>/dev/null | sed -n 's/^    "published": "\(.*\)",$/\1/p')
[ -n "$newest" ] && ok "stale: the baseline's newest price date ($newest)" || fail "stale: the baseline's newest price date"
# today = newest + 200 days, computed independently
today=$(date -u -d "$newest + 200 days" +%F)
COSTPLAN_TODAY=$today $CP breakdown >/dev/null 2>"$TMPD/e"
check "stale: the warning names the date and the age" \
	grep -q "warning: the newest price used is from $newest, 200 days ago (more than 180)" "$TMPD/e"
check "stale: ... and the refresh command" grep -q 'refresh them with `costplan pricing fetch`' "$TMPD/e"
COSTPLAN_TODAY=$today $CP upgrades >/dev/null 2>"$TMPD/e2"
expect_eq "stale: once per run, however many breakdowns (upgrades prices 14)" 1 \
	"$(grep -c 'newest price used' "$TMPD/e2")"
COSTPLAN_TODAY=$(date -u -d "$newest + 180 days" +%F) $CP breakdown >/dev/null 2>"$TMPD/e3"
expect_eq "stale: not at exactly 180 days" 0 "$(grep -c 'newest price used' "$TMPD/e3")"
COSTPLAN_STALE_DAYS=0 COSTPLAN_TODAY=$today $CP breakdown >/dev/null 2>"$TMPD/e4"
expect_eq "stale: COSTPLAN_STALE_DAYS=0 turns it off" 0 "$(grep -c 'newest price used' "$TMPD/e4")"
COSTPLAN_STALE_DAYS=30 COSTPLAN_TODAY=$(date -u -d "$newest + 31 days" +%F) $CP breakdown >/dev/null 2>"$TMPD/e5"
check "stale: COSTPLAN_STALE_DAYS=30 sets the age" grep -q "31 days ago (more than 30)" "$TMPD/e5"
COSTPLAN_TODAY=$today $CP -q breakdown >/dev/null 2>"$TMPD/e6"
expect_eq "stale: --quiet mutes it" "" "$(cat "$TMPD/e6")"
# the stdout of a format is never touched by it
a=$($CP breakdown --format json 2>/dev/null | md5sum)
b=$(COSTPLAN_TODAY=$today $CP breakdown --format json 2>/dev/null | md5sum)
expect_eq "stale: stdout is the same with the warning" "$a" "$b"
# a snapshot chosen with --pricing: the command repeats it
COSTPLAN_TODAY=$today $CP --pricing pricing breakdown >/dev/null 2>"$TMPD/e7"
check "stale: with --pricing DIR the refresh command names DIR" \
	grep -q 'refresh them with `costplan --pricing pricing pricing fetch`' "$TMPD/e7"
COSTPLAN_STALE_DAYS=soon $CP breakdown >/dev/null 2>"$TMPD/e8"
check "stale: a bad COSTPLAN_STALE_DAYS is said, not fatal" grep -q "COSTPLAN_STALE_DAYS 'soon' is not a number of days" "$TMPD/e8"
