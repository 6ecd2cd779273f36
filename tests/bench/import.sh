#!/bin/sh
# import.sh - `costplan pricing import` on a generated ~1 GB offer file in
# the AmazonEC2 column layout (BENCH_IMPORT_MB to change the size), from a
# warm page cache, next to `wc -l` and to Python's csv module doing the same
# filter (tests/bench/py_filter.py), with peak memory. Prints figures only.
# Aims (issue 7): >= 1/4 of wc -l, >= 10x Python, peak RSS < 32 MB.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
CP=$ROOT/costplan
MB=${BENCH_IMPORT_MB:-1024}
D=$(mktemp -d "${TMPDIR:-/tmp}/costplan-bench.XXXXXX") || exit 1
trap 'rm -rf "$D"' EXIT INT TERM
free=$(df -Pk "$D" | awk 'NR==2 {print int($4 / 1024)}')
if [ "$free" -lt $((MB * 2 + 100)) ]; then
	echo "import: skipped, $free MB free in $D (need $((MB * 2 + 100)))"
	exit 0
fi
now() { date +%s.%N; }
secs() { python3 -c "print('%.3f' % ($2 - $1))"; }
# best of N runs of a command, in seconds
best() {
	n=$1; shift
	b=
	i=0
	while [ $i -lt "$n" ]; do
		t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
		t=$(secs "$t0" "$t1")
		if [ -z "$b" ] || python3 -c "import sys; sys.exit(0 if $t < $b else 1)"; then b=$t; fi
		i=$((i + 1))
	done
	echo "$b"
}
python3 "$ROOT/tests/gen_offer.py" --size-mb "$MB" --region eu-west-1 >"$D/ec2.csv"
bytes=$(wc -c <"$D/ec2.csv")
rows=$(($(wc -l <"$D/ec2.csv") - 6))
cat "$D/ec2.csv" >/dev/null # warm the page cache
cat "$D/ec2.csv" >/dev/null

t_wc=$(best 3 wc -l "$D/ec2.csv")
t_cp=$(best 3 "$CP" -q pricing import "$D/ec2.csv" --region eu-west-1 --out "$D/out")
t_py=$(best 1 python3 "$ROOT/tests/bench/py_filter.py" "$D/ec2.csv" "$D/py.csv" eu-west-1)
kept=$(($(wc -l <"$D/out/aws/eu-west-1/AmazonEC2.csv") - 6))
pykept=$(($(wc -l <"$D/py.csv") - 6))

# peak RSS
if [ -x /usr/bin/time ]; then
	/usr/bin/time -v "$CP" -q pricing import "$D/ec2.csv" --region eu-west-1 --out "$D/out" 2>"$D/time" >/dev/null
	rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$D/time")
	how="/usr/bin/time -v"
else
	"$CP" -q pricing import "$D/ec2.csv" --region eu-west-1 --out "$D/out" &
	pid=$!
	rss=0
	while kill -0 $pid 2>/dev/null; do
		r=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null)
		[ -n "$r" ] && [ "$r" -gt "$rss" ] && rss=$r
		sleep 0.02
	done
	how="/proc/PID/status VmHWM"
fi

python3 - "$bytes" "$rows" "$t_wc" "$t_cp" "$t_py" "$rss" "$kept" "$pykept" "$how" <<'PY'
import sys
b, rows, twc, tcp, tpy, rss, kept, pykept, how = sys.argv[1:]
b, twc, tcp, tpy, rss = int(b), float(twc), float(tcp), float(tpy), int(rss)
mb = b / 1e6
print("import: %.0f MB generated AmazonEC2-layout file, %s rows, warm page cache" % (mb, rows))
print("  wc -l                    %7.3f s  %8.0f MB/s" % (twc, mb / twc))
print("  costplan pricing import  %7.3f s  %8.0f MB/s  = %.2f x wc -l   (aim >= 0.25)" % (tcp, mb / tcp, twc / tcp))
print("  python3 csv filter       %7.3f s  %8.0f MB/s  costplan is %.1f x faster (aim >= 10)" % (tpy, mb / tpy, tpy / tcp))
print("  peak RSS (costplan)      %7.1f MB  (%s; aim < 32 MB)" % (rss / 1024, how))
print("  rows kept: costplan %s, python %s%s" % (kept, pykept, "" if kept == pykept else "  MISMATCH"))
PY
