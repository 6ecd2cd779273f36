#!/bin/sh
# output-errors.sh - every way an output can fail exits 4 with a message
# and leaves no partial file: a full device (/dev/full, as stdout and as
# -o), a closed stdout, a folder that does not exist, a path through a
# file, a folder in the way, a file-size limit hit halfway (the write
# fails after some bytes went out), and a read-only place.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2

# expect_io NAME CMD...: exit 4, one "costplan: ..." message on stderr
expect_io() {
	name=$1
	shift
	"$@" >/dev/null 2>"$TMPD/err"
	rc=$?
	msg=$(grep -v '^==[0-9]*==' "$TMPD/err")
	if [ "$rc" -eq 4 ] && [ "$(printf '%s\n' "$msg" | grep -c '^costplan: ')" -eq 1 ]; then
		ok "$name"
	else
		fail "$name" "exit $rc, stderr: $(printf '%s' "$msg" | head -c 300)"
	fi
}
# leftovers DIR: no costplan temporary file left behind
no_leftovers() { ! ls -A "$1" | grep -q '\.tmp\.'; }

for fmt in table json csv markdown; do
	expect_io "breakdown --format $fmt > /dev/full" sh -c "$CP breakdown --format $fmt >/dev/full"
	expect_io "breakdown --format $fmt -o /dev/full" $CP breakdown --format $fmt -o /dev/full
	expect_io "breakdown --format $fmt, stdout closed" sh -c "$CP breakdown --format $fmt >&-"
done
for args in "pricing list" "pricing list --format json" "pricing list --format csv" "types" \
	"--help" "--version" "breakdown --help"; do
	expect_io "$args > /dev/full" sh -c "$CP $args >/dev/full"
done
check "/dev/full is still a device" test -c /dev/full

expect_io "-o into a missing folder" $CP breakdown -o "$TMPD/no/such/dir/out.txt"
: >"$TMPD/plain"
expect_io "-o through a file" $CP breakdown -o "$TMPD/plain/out.txt"
mkdir "$TMPD/adir"
expect_io "-o onto a folder" $CP breakdown -o "$TMPD/adir"
check "-o onto a folder: no temporary file left" no_leftovers "$TMPD"
expect_io "-o into /proc (read-only)" $CP breakdown -o /proc/costplan-test.txt

# the write fails halfway: a 1-block file size limit (SIGXFSZ ignored, so
# write() returns EFBIG); the old file must survive untouched
echo "old content" >"$TMPD/keep.txt"
expect_io "-o hits a file-size limit" sh -c \
	"trap '' XFSZ; ulimit -f 1; exec $COSTPLAN breakdown -o '$TMPD/keep.txt'"
expect_eq "file-size limit: the old file is untouched" "old content" "$(cat "$TMPD/keep.txt")"
expect_io "-o new file hits a file-size limit" sh -c \
	"trap '' XFSZ; ulimit -f 1; exec $COSTPLAN breakdown --format json -o '$TMPD/new.json'"
check "file-size limit: no partial new file" test ! -e "$TMPD/new.json"
check "file-size limit: no temporary file left" no_leftovers "$TMPD"

if [ "$(id -u)" -ne 0 ]; then
	mkdir "$TMPD/ro" && chmod 555 "$TMPD/ro"
	expect_io "-o into an unwritable folder" $CP breakdown -o "$TMPD/ro/out.txt"
	chmod 755 "$TMPD/ro"
else
	echo "# running as root: the unwritable-folder check is covered by /proc above"
fi

# and the success path still writes the whole file
check "-o writes the file" $CP breakdown --format csv -o "$TMPD/ok.csv"
expect_eq "-o file is complete" "TOTAL" "$(tail -1 "$TMPD/ok.csv" | cut -d, -f1)"
