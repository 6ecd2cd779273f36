#!/bin/sh
# fetch.sh - `costplan pricing fetch` against a real HTTP server on
# 127.0.0.1 (tests/pricing_server.py) serving the Bulk API layout, with one
# large generated AmazonEC2 file (real column layout) and injected faults.
# Every failure must exit 4 with a clear message and leave the snapshot
# byte-identical; transient faults must succeed after retries.
. "$(dirname "$0")/../lib.sh"

need python3 || exit 0
SRV=$TMPD/srv
OUT=$TMPD/out
LOG=$TMPD/requests.log
V=20260415120000
REG=eu-central-1
OFFERS="AmazonECS AmazonEC2 AmazonVPC AWSELB AmazonRDS AmazonElastiCache AmazonCloudWatch AWSSecretsManager AmazonS3 AmazonECR awswaf AWSSystemsManager AWSDataTransfer AWSLambda AmazonDynamoDB AmazonCloudFront AmazonRoute53 AWSQueueService AmazonSNS awskms AmazonApiGateway AmazonS3GlacierDeepArchive"
base=/offers/v1.0/aws
csvpath() { echo "$base/$1/$V/$REG/index.csv"; }

# ---- the served tree -------------------------------------------------------
mkdir -p "$SRV$base"
python3 - "$SRV" "$V" "$REG" $OFFERS <<'PY'
import json, os, sys
root, v, reg, offers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
base = "/offers/v1.0/aws"
idx = {"formatVersion": "v1.0", "disclaimer": "test", "publicationDate": "2026-04-15T12:00:00Z",
       "offers": {}}
for o in offers:
    idx["offers"][o] = {"offerCode": o, "versionIndexUrl": "%s/%s/index.json" % (base, o),
                        "currentVersionUrl": "%s/%s/current/index.json" % (base, o),
                        "currentRegionIndexUrl": "%s/%s/current/region_index.json" % (base, o)}
    ri = {"formatVersion": "v1.0", "disclaimer": "test", "publicationDate": "2026-04-15T12:00:00Z",
          "regions": {r: {"regionCode": r, "currentVersionUrl": "%s/%s/%s/%s/index.json" % (base, o, v, r)}
                      for r in (reg, "us-east-1")}}
    os.makedirs(root + base + "/" + o + "/current", exist_ok=True)
    json.dump(ri, open(root + base + "/" + o + "/current/region_index.json", "w"), indent=1)
json.dump(idx, open(root + base + "/index.json", "w"), indent=1)
# an endpoint whose service index lacks awswaf (a wrong OfferCode)
del idx["offers"]["awswaf"]
os.makedirs(root + "/alt" + base, exist_ok=True)
json.dump(idx, open(root + "/alt" + base + "/index.json", "w"), indent=1)
PY
# offer CSVs: the shipped eu-west-1 files moved to eu-central-1, plus rows
# the filter must drop (Reserved, another family)
for o in $OFFERS; do
	[ "$o" = AmazonEC2 ] && continue
	d=$SRV$base/$o/$V/$REG
	mkdir -p "$d"
	sed -e 's/eu-west-1/eu-central-1/g; s/EU (Ireland)/EU (Frankfurt)/g; s/"EU-/"EUC1-/g' \
	    -e "s/\"20250617000000\"/\"$V\"/; s/2025-06-17T00:00:00Z/2026-04-15T12:00:00Z/" \
	    "$ROOT/pricing/aws/eu-west-1/$o.csv" >"$d/index.csv"
	python3 - "$d/index.csv" <<'PY'
import csv, io, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
hdr, last = rows[5], rows[-1]
out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
r = list(last); r[hdr.index("SKU")] = "RESERVEDSKU00001"; r[hdr.index("TermType")] = "Reserved"
w.writerow(r)
r = list(last); r[hdr.index("SKU")] = "OTHERFAMILY00001"; r[hdr.index("Product Family")] = "Some Other Family"
r[hdr.index("usageType")] = "EUC1-SomeOtherUsage"
w.writerow(r)
open(sys.argv[1], "a").write(out.getvalue())
PY
done
mkdir -p "$SRV$base/AmazonEC2/$V/$REG"
EC2=$SRV$(csvpath AmazonEC2)
python3 "$ROOT/tests/gen_offer.py" --size-mb 24 --region $REG --version $V --nat-hour 0.0520000000 >"$EC2"
python3 "$ROOT/tests/gen_offer.py" --size-mb 24 --region $REG --version $V --nat-hour 0.0610000000 >"$TMPD/ec2-b.csv"
python3 "$ROOT/tests/gen_offer.py" --size-mb 24 --region $REG --version $V --nat-hour 0.0700000000 >"$TMPD/ec2-c.csv"

# ---- the server ------------------------------------------------------------
python3 "$ROOT/tests/pricing_server.py" "$SRV" "$TMPD/port" "$LOG" 240 6 &
SPID=$!
trap 'kill $SPID 2>/dev/null; rm -rf "$TMPD"' EXIT INT TERM
i=0
while [ ! -s "$TMPD/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
PORT=$(cat "$TMPD/port" 2>/dev/null)
[ -n "$PORT" ] || { fail "fetch: test server did not start"; exit 0; }
EP=http://127.0.0.1:$PORT
COSTPLAN_FETCH_BACKOFF_MS=50
COSTPLAN_FETCH_ATTEMPTS=3
COSTPLAN_FETCH_TIMEOUT=2
COSTPLAN_FETCH_CONNECT_TIMEOUT=3
export COSTPLAN_FETCH_BACKOFF_MS COSTPLAN_FETCH_ATTEMPTS COSTPLAN_FETCH_TIMEOUT COSTPLAN_FETCH_CONNECT_TIMEOUT

fetch() { $CP pricing fetch --endpoint "$EP" --out "$OUT" "$@"; }
faults() { printf '%s\n' "$1" >"$SRV/_faults.json"; }
snapsum() { (cd "$OUT" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum); }
# expect_fail NAME PATTERN: last command's rc is 4, stderr matches, snapshot unchanged, no temp left
expect_fail() {
	expect_eq "fetch $1: exit 4" 4 "$rc"
	if grep -q "$2" "$TMPD/err"; then ok "fetch $1: says why"; else fail "fetch $1: says why" "$(head -c 400 "$TMPD/err")"; fi
	expect_eq "fetch $1: snapshot byte-identical" "$before" "$(snapsum)"
	left=$(find "$OUT" -name '*.tmp.*' | wc -l)
	expect_eq "fetch $1: no temporary left" 0 "$left"
}
stage() { cp "$1" "$EC2"; touch -d "@$(( $(date +%s) + $2 ))" "$EC2"; }

# ---- 1. a fresh fetch gives a working catalog ------------------------------
fetch --region $REG >"$TMPD/stdout1" 2>"$TMPD/err"
rc=$?
expect_eq "fetch: fresh fetch exits 0" 0 "$rc"
n=$(ls "$OUT/aws/$REG"/*.csv 2>/dev/null | wc -l)
expect_eq "fetch: 22 offer files written" 22 "$n"
expect_eq "fetch: nothing on stderr without a terminal" "" "$(cat "$TMPD/err")"
grep -q "AmazonEC2 $REG: version $V, kept 2 of" "$TMPD/stdout1" && ok "fetch: summary line" || fail "fetch: summary line" "$(cat "$TMPD/stdout1")"
rows=$(($(wc -l <"$OUT/aws/$REG/AmazonEC2.csv") - 6))
expect_eq "fetch: AmazonEC2 keeps only the 2 NAT rows of $REG" 2 "$rows"
grep -q RegionalNatGateway "$OUT/aws/$REG/AmazonEC2.csv" && fail "fetch: look-alike NAT rows dropped" || ok "fetch: look-alike NAT rows dropped"
head -5 "$OUT/aws/$REG/AmazonEC2.csv" >"$TMPD/meta1"; head -5 "$EC2" >"$TMPD/meta2"
check "fetch: original metadata lines kept" cmp "$TMPD/meta1" "$TMPD/meta2"
grep -q '"Reserved"\|Some Other Family' "$OUT/aws/$REG"/*.csv && fail "fetch: Reserved and foreign rows dropped" || ok "fetch: Reserved and foreign rows dropped"
$CP --pricing "$OUT" breakdown --region $REG --format json >"$TMPD/bd.json" 2>"$TMPD/bd.err"
expect_eq "fetch: breakdown works on the fetched $REG catalog" 0 "$?"
total=$(jq -r .total_monthly_cost "$TMPD/bd.json" 2>/dev/null)
case $total in [0-9]*) ok "fetch: breakdown has a total ($total)" ;; *) fail "fetch: breakdown total" "$(head -c 300 "$TMPD/bd.err")" ;; esac
jq -e '[.resources[].components[] | select(.name=="NAT gateway") | .unit_price] == [0.052]' "$TMPD/bd.json" >/dev/null &&
	ok "fetch: NAT price comes from the fetched file" || fail "fetch: NAT price comes from the fetched file"
test -f "$OUT/aws/$REG/.AmazonEC2.http" && grep -q '^etag ' "$OUT/aws/$REG/.AmazonEC2.http" &&
	ok "fetch: validators stored beside the snapshot" || fail "fetch: validators stored beside the snapshot"

# ---- 2. unchanged offers are not downloaded again --------------------------
: >"$LOG"
fetch --region $REG >"$TMPD/stdout2" 2>"$TMPD/err"
expect_eq "fetch: refetch exits 0" 0 "$?"
n304=$(grep -c 'index.csv 304' "$LOG")
n200=$(grep -c 'index.csv 200' "$LOG")
expect_eq "fetch: refetch gets 22 x 304" 22 "$n304"
expect_eq "fetch: refetch downloads no offer file" 0 "$n200"
grep -q "AmazonEC2 $REG: unchanged" "$TMPD/stdout2" && ok "fetch: says unchanged" || fail "fetch: says unchanged" "$(head -3 "$TMPD/stdout2")"

# ---- 3. 500 twice, then success --------------------------------------------
stage "$TMPD/ec2-b.csv" 10
faults "{\"$(csvpath AmazonEC2)\": \"500x2\"}"
: >"$LOG"
fetch --region $REG --offer AmazonEC2 >"$TMPD/stdout" 2>"$TMPD/err"
expect_eq "fetch 500-then-ok: exit 0 after retries" 0 "$?"
expect_eq "fetch 500-then-ok: two 500s seen" 2 "$(grep -c 'index.csv 500' "$LOG")"
grep -q '"0.0610000000"' "$OUT/aws/$REG/AmazonEC2.csv" && ok "fetch 500-then-ok: new price written" || fail "fetch 500-then-ok: new price written"
grep -q 'retrying in' "$TMPD/err" && ok "fetch 500-then-ok: retries announced" || fail "fetch 500-then-ok: retries announced" "$(cat "$TMPD/err")"

# ---- 4. faults that must fail cleanly --------------------------------------
stage "$TMPD/ec2-c.csv" 20
before=$(snapsum)
run_fault() { # NAME FAULT PATTERN [extra fetch args]
	name=$1 f=$2 pat=$3
	shift 3
	faults "{\"$(csvpath AmazonEC2)\": \"$f\"}"
	fetch --region $REG --offer AmazonEC2 "$@" >"$TMPD/stdout" 2>"$TMPD/err"
	rc=$?
	expect_fail "$name" "$pat"
}
run_fault "503-forever" 503 'server error HTTP 503.*\|gave up after 3 attempts'
grep -q 'gave up after 3 attempts' "$TMPD/err" && ok "fetch 503-forever: bounded attempts" || fail "fetch 503-forever: bounded attempts"
run_fault "404" 404 'unknown offer or region'
run_fault "dropped-connection" drop 'connection broke'
run_fault "short-body" short 'connection broke'
run_fault "cut-without-length" cut 'ends in the middle of a line'
t0=$(date +%s)
COSTPLAN_FETCH_ATTEMPTS=2 run_fault "stall" stall 'timed out'
t1=$(date +%s)
[ $((t1 - t0)) -lt 20 ] && ok "fetch stall: bounded by the timeout" || fail "fetch stall: bounded by the timeout" "$((t1 - t0)) s"
grep -q 'not updated;.*AmazonEC2.csv is unchanged' "$TMPD/err" && ok "fetch: failure says the snapshot is unchanged" || fail "fetch: failure says the snapshot is unchanged"

# dropped once, then fine
faults "{\"$(csvpath AmazonEC2)\": \"dropx1\"}"
fetch --region $REG --offer AmazonEC2 >"$TMPD/stdout" 2>"$TMPD/err"
expect_eq "fetch drop-then-ok: exit 0" 0 "$?"
grep -q '"0.0700000000"' "$OUT/aws/$REG/AmazonEC2.csv" && ok "fetch drop-then-ok: new price written" || fail "fetch drop-then-ok: new price written"
faults '{}'

# malformed CSV (unterminated quote inside a NAT row) and a wrong offer
ECS=$SRV$(csvpath AmazonECS)
cp "$ECS" "$TMPD/ecs.orig"
before=$(snapsum)
sed '7s/"Compute"/"Compute,/' "$TMPD/ecs.orig" >"$ECS"
fetch --region $REG --offer AmazonECS >"$TMPD/stdout" 2>"$TMPD/err"
rc=$?
expect_fail "malformed-csv" 'malformed CSV\|row has'
head -c 20000 "$TMPD/ecs.orig" | head -n 6 >"$ECS"
printf '"BROKEN","JRTCKXETXF","x","OnDemand","Fargate-GB-Hours"\n' >>"$ECS"
fetch --region $REG --offer AmazonECS >"$TMPD/stdout" 2>"$TMPD/err"
rc=$?
expect_fail "short-row" 'index.csv:7: row has 5 fields'
cp "$SRV$(csvpath AmazonS3)" "$ECS"
fetch --region $REG --offer AmazonECS >"$TMPD/stdout" 2>"$TMPD/err"
rc=$?
expect_fail "wrong-offer" "is the 'AmazonS3' offer, not AmazonECS"
printf '<html>Service Unavailable</html>\n' >"$ECS"
fetch --region $REG --offer AmazonECS >"$TMPD/stdout" 2>"$TMPD/err"
rc=$?
expect_fail "html-page" 'not an AWS Price List CSV file'
cp "$TMPD/ecs.orig" "$ECS"

# unknown region, unknown OfferCode, DNS, TLS, plain http elsewhere
fetch --region ap-south-2 --offer AmazonECS >"$TMPD/stdout" 2>"$TMPD/err"
rc=$?
expect_fail "region-not-published" 'AWS publishes no AmazonECS prices for region ap-south-2'
$CP pricing fetch --endpoint "$EP/alt" --out "$OUT" --region $REG --offer awswaf >"$TMPD/stdout" 2>"$TMPD/err"
rc=$?
expect_fail "unknown-offercode" "has no offer 'awswaf' (unknown OfferCode)"
$CP pricing fetch --endpoint "https://costplan-test.invalid" --out "$OUT" --region $REG --offer AmazonECS >"$TMPD/stdout" 2>"$TMPD/err"
rc=$?
expect_fail "dns" 'cannot resolve the host name'
$CP pricing fetch --endpoint "https://127.0.0.1:$PORT" --out "$OUT" --region $REG --offer AmazonECS >"$TMPD/stdout" 2>"$TMPD/err"
rc=$?
expect_fail "tls" 'TLS error'
$CP pricing fetch --endpoint "http://example.com" --out "$OUT" --region $REG >"$TMPD/stdout" 2>"$TMPD/err"
expect_eq "fetch: plain http to another host is refused (exit 2)" 2 "$?"
grep -q 'use https' "$TMPD/err" && ok "fetch: says use https" || fail "fetch: says use https"

# ---- 5. two fetches at once into one folder --------------------------------
OUT2=$TMPD/out2
$CP pricing fetch --endpoint "$EP" --out "$OUT2" --region $REG >"$TMPD/c1" 2>"$TMPD/c1e" &
p1=$!
$CP pricing fetch --endpoint "$EP" --out "$OUT2" --region $REG >"$TMPD/c2" 2>"$TMPD/c2e" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
expect_eq "fetch concurrent: both exit 0" "0 0" "$r1 $r2"
$CP pricing fetch --endpoint "$EP" --out "$TMPD/serial" --region $REG >/dev/null 2>&1
same=1
for f in "$TMPD/serial/aws/$REG"/*.csv; do cmp -s "$f" "$OUT2/aws/$REG/$(basename "$f")" || same=0; done
expect_eq "fetch concurrent: every file equals a serial fetch" 1 "$same"
left=$(find "$OUT2" -name '*.tmp.*' | wc -l)
expect_eq "fetch concurrent: no temporary left" 0 "$left"
$CP --pricing "$OUT2" breakdown --region $REG >/dev/null 2>&1
expect_eq "fetch concurrent: catalog works" 0 "$?"

# ---- 6. memory stays bounded while the big file streams ------------------
# (not with a sanitizer build: ASan shadow memory inflates RSS)
[ -x /usr/bin/time ] || fail "GNU time is installed (.ci/install-deps: time)"
if [ -x /usr/bin/time ] && ! ldd "$COSTPLAN" 2>/dev/null | grep -q libasan; then
	/usr/bin/time -v $COSTPLAN pricing fetch --endpoint "$EP" --out "$TMPD/mem" --region $REG --offer AmazonEC2 >/dev/null 2>"$TMPD/time"
	rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$TMPD/time")
	[ "${rss:-99999}" -lt 32768 ] && ok "fetch: 24 MB AmazonEC2 file in ${rss} kB peak RSS (< 32 MB)" || fail "fetch: peak RSS" "$rss kB"
fi

# ---- 7. progress bar only on a terminal ------------------------------------
if need script; then
	rm -rf "$TMPD/tty"
	script -qec "$CP pricing fetch --endpoint $EP --out $TMPD/tty --region $REG --offer AmazonEC2" /dev/null >"$TMPD/tty.out" 2>&1
	grep -q 'ETA' "$TMPD/tty.out" && ok "fetch: progress bar on a terminal" || fail "fetch: progress bar on a terminal" "$(head -c 300 "$TMPD/tty.out")"
	rm -rf "$TMPD/tty"
	script -qec "$CP pricing fetch --quiet --endpoint $EP --out $TMPD/tty --region $REG --offer AmazonEC2" /dev/null >"$TMPD/tty.out" 2>&1
	expect_eq "fetch: --quiet prints nothing on a terminal" "" "$(cat "$TMPD/tty.out")"
fi
kill $SPID 2>/dev/null
