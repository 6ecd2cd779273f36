#!/bin/sh
# import.sh - `costplan pricing import` (CSV and JSON offer files) and
# `costplan pricing diff` on real files: the shipped snapshot goes through
# the filter unchanged, a generated AmazonEC2-layout file keeps only its
# NAT rows, bad files leave the snapshot untouched, and diff reports the
# price change and what it moves in the baseline scenario.
. "$(dirname "$0")/../lib.sh"

OUT=$TMPD/snap
# real AWS files, copied from shared/pricing-reference/aws-price-list-bulk-samples
SAMPLES=$ROOT/tests/data

# ---- the shipped snapshot is exactly what the filter keeps -----------------
same=1
for r in us-east-1 us-west-2 eu-west-1 ap-southeast-1; do
	$CP -q pricing import "$ROOT/pricing/aws/$r"/*.csv --out "$OUT" || same=0
	for f in "$ROOT/pricing/aws/$r"/*.csv; do
		cmp -s "$f" "$OUT/aws/$r/$(basename "$f")" || { same=0; echo "# differs: $f"; }
	done
done
expect_eq "import: shipped snapshot passes the filter byte for byte" 1 "$same"

# ---- a big AmazonEC2-layout file -------------------------------------------
python3 "$ROOT/tests/gen_offer.py" --size-mb 16 --region eu-west-1 --nat-hour 0.0480000000 >"$TMPD/ec2.csv"
$CP pricing import "$TMPD/ec2.csv" --region eu-west-1 --out "$OUT" >"$TMPD/o" 2>"$TMPD/e"
expect_eq "import ec2: exit 0" 0 "$?"
grep -q "AmazonEC2 eu-west-1 (version 20260415120000): kept 2 of [0-9]* rows" "$TMPD/o" && ok "import ec2: summary" || fail "import ec2: summary" "$(cat "$TMPD/o" "$TMPD/e")"
expect_eq "import ec2: 2 NAT rows kept" 2 "$(($(wc -l <"$OUT/aws/eu-west-1/AmazonEC2.csv") - 6))"
$CP --pricing "$OUT" breakdown --region eu-west-1 >/dev/null 2>"$TMPD/e"
expect_eq "import ec2: catalog still prices the baseline" 0 "$?"

# several regions without --region: a usage error, nothing written
before=$(cd "$OUT" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum)
$CP pricing import "$TMPD/ec2.csv" --out "$OUT" >/dev/null 2>"$TMPD/e"
expect_eq "import multi-region: exit 2" 2 "$?"
grep -q 'several regions.*pass --region' "$TMPD/e" && ok "import multi-region: says pass --region" || fail "import multi-region: message" "$(cat "$TMPD/e")"
# an offer costplan does not price, a savings-plan file, a broken file
$CP pricing import "$SAMPLES/service-comprehend-ap-south-1-20260116160258.csv" --out "$OUT" >/dev/null 2>"$TMPD/e"
expect_eq "import comprehend: exit 3" 3 "$?"
grep -q "'comprehend' is not an offer costplan prices" "$TMPD/e" && ok "import comprehend: says why" || fail "import comprehend: says why" "$(cat "$TMPD/e")"
$CP pricing import "$SAMPLES/AWSDatabaseSavingsPlans-ap-south-2-index.csv" --out "$OUT" >/dev/null 2>"$TMPD/e"
expect_eq "import savings plan: exit 3" 3 "$?"
head -n 20 "$ROOT/pricing/aws/eu-west-1/AmazonRDS.csv" >"$TMPD/bad.csv"
printf '"X","JRTCKXETXF","X.1","OnDemand","unterminated,"2026-01-01"\n' >>"$TMPD/bad.csv"
$CP pricing import "$TMPD/bad.csv" --out "$OUT" >/dev/null 2>"$TMPD/e"
expect_eq "import malformed: exit 3" 3 "$?"
grep -q 'malformed CSV' "$TMPD/e" && ok "import malformed: says malformed CSV" || fail "import malformed: message" "$(cat "$TMPD/e")"
after=$(cd "$OUT" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum)
expect_eq "import failures: snapshot byte-identical" "$before" "$after"
expect_eq "import failures: no temporary left" 0 "$(find "$OUT" -name '*.tmp.*' | wc -l)"
$CP pricing import "$TMPD/missing.csv" --out "$OUT" >/dev/null 2>&1
expect_eq "import missing file: exit 4" 4 "$?"

# ---- JSON offer file -------------------------------------------------------
cat >"$TMPD/ecs.json" <<'JSON'
{"formatVersion":"v1.0","disclaimer":"d","offerCode":"AmazonECS","version":"20260301000000",
 "publicationDate":"2026-03-01T00:00:00Z",
 "products":{
  "SKUVCPU":{"sku":"SKUVCPU","productFamily":"Compute","attributes":{"servicecode":"AmazonECS",
    "location":"US West (Oregon)","locationType":"AWS Region","usagetype":"USW2-Fargate-vCPU-Hours:perCPU",
    "operation":"","regionCode":"us-west-2","servicename":"Amazon Elastic Container Service"}},
  "SKUWIN":{"sku":"SKUWIN","productFamily":"Compute","attributes":{"usagetype":"USW2-Fargate-Windows-vCPU-Hours:perCPU",
    "regionCode":"us-west-2"}}},
 "terms":{"OnDemand":{
  "SKUVCPU":{"SKUVCPU.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","sku":"SKUVCPU","effectiveDate":"2026-03-01T00:00:00Z",
    "priceDimensions":{"SKUVCPU.JRTCKXETXF.6YS6EN2CT7":{"rateCode":"SKUVCPU.JRTCKXETXF.6YS6EN2CT7",
      "description":"per vCPU-hour","beginRange":"0","endRange":"Inf","unit":"hours","pricePerUnit":{"USD":"0.0450000000"}}}}},
  "SKUWIN":{"SKUWIN.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","sku":"SKUWIN","effectiveDate":"2026-03-01T00:00:00Z",
    "priceDimensions":{"SKUWIN.JRTCKXETXF.1":{"rateCode":"r","description":"win","beginRange":"0","endRange":"Inf",
      "unit":"hours","pricePerUnit":{"USD":"0.09"}}}}}}}}
JSON
$CP pricing import "$TMPD/ecs.json" --out "$TMPD/j" >"$TMPD/o" 2>"$TMPD/e"
expect_eq "import json: exit 0" 0 "$?"
grep -q "AmazonECS us-west-2 (version 20260301000000): kept 1 rows of 2 products" "$TMPD/o" && ok "import json: summary" || fail "import json: summary" "$(cat "$TMPD/o" "$TMPD/e")"
$CP --pricing "$TMPD/j" pricing list --region us-west-2 --offer AmazonECS --format csv >"$TMPD/l" 2>/dev/null
grep -q 'USW2-Fargate-vCPU-Hours:perCPU,Compute,,0,,hours,0.045,2026-03-01' "$TMPD/l" && ok "import json: price readable as CSV" || fail "import json: price readable" "$(cat "$TMPD/l")"

# a big JSON file (AmazonEC2 layout) streams in bounded memory
python3 "$ROOT/tests/gen_offer.py" --json --size-mb 24 --region eu-west-1 --nat-hour 0.0490000000 >"$TMPD/ec2.json"
# (not with a sanitizer build: ASan shadow memory inflates RSS)
[ -x /usr/bin/time ] || fail "GNU time is installed (.ci/install-deps: time)"
if [ -x /usr/bin/time ] && ! ldd "$COSTPLAN" 2>/dev/null | grep -q libasan; then
	/usr/bin/time -v $COSTPLAN pricing import "$TMPD/ec2.json" --region eu-west-1 --out "$TMPD/j" >"$TMPD/o" 2>"$TMPD/e"
	rc=$?
	rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$TMPD/e")
	[ "${rss:-99999}" -lt 32768 ] && ok "import big json: peak RSS ${rss} kB < 32 MB" || fail "import big json: peak RSS" "$rss kB"
else
	$CP pricing import "$TMPD/ec2.json" --region eu-west-1 --out "$TMPD/j" >"$TMPD/o" 2>"$TMPD/e"
	rc=$?
fi
expect_eq "import big json: exit 0" 0 "$rc"
grep -q '"EU-NatGateway-Hours"' "$TMPD/j/aws/eu-west-1/AmazonEC2.csv" && grep -q '"0.0490000000"' "$TMPD/j/aws/eu-west-1/AmazonEC2.csv" &&
	ok "import big json: NAT price kept" || fail "import big json: NAT price kept" "$(cat "$TMPD/o" "$TMPD/e")"
expect_eq "import big json: only the 2 NAT rows" 2 "$(($(wc -l <"$TMPD/j/aws/eu-west-1/AmazonEC2.csv") - 6))"
# terms before products, offerCode last: still read
cat >"$TMPD/order.json" <<'JSON'
{"terms":{"Reserved":{"X":{}},"OnDemand":{"S1":{"S1.JRTCKXETXF":{"offerTermCode":"JRTCKXETXF","effectiveDate":"2026-03-01T00:00:00Z",
 "priceDimensions":{"d":{"rateCode":"r","description":"per \"vCPU\" hour","beginRange":"0","endRange":"Inf","unit":"hours","pricePerUnit":{"USD":"0.05"}}}}}}},
 "products":{"S1":{"sku":"S1","productFamily":"Compute","attributes":{"usagetype":"EU-Fargate-vCPU-Hours:perCPU","regionCode":"eu-west-1"}}},
 "offerCode":"AmazonECS","version":"v2","publicationDate":"2026-03-01T00:00:00Z","formatVersion":"v1.0","disclaimer":"d"}
JSON
$CP -q pricing import "$TMPD/order.json" --out "$TMPD/j2"
expect_eq "import json any key order: exit 0" 0 "$?"
grep -q '"per ""vCPU"" hour"' "$TMPD/j2/aws/eu-west-1/AmazonECS.csv" && ok "import json any key order: row written, quotes escaped" || fail "import json any key order"
head -c 300000 "$TMPD/ec2.json" >"$TMPD/trunc.json"
before=$(cd "$TMPD/j" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum)
$CP pricing import "$TMPD/trunc.json" --region eu-west-1 --out "$TMPD/j" >/dev/null 2>"$TMPD/e"
expect_eq "import truncated json: exit 3" 3 "$?"
grep -q 'not an AWS Price List JSON offer file' "$TMPD/e" && ok "import truncated json: says why" || fail "import truncated json: says why" "$(cat "$TMPD/e")"
expect_eq "import truncated json: snapshot byte-identical" "$before" "$(cd "$TMPD/j" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum)"

# ---- diff --------------------------------------------------------------------
NEW=$TMPD/new
cp -R "$ROOT/pricing" "$NEW"
sed -i 's/"0.0450000000","USD","NAT Gateway"/"0.0520000000","USD","NAT Gateway"/' "$NEW/aws/us-east-1/AmazonEC2.csv"
$CP pricing diff "$ROOT/pricing" "$NEW" --scenario scenarios/baseline.json --region us-east-1 >"$TMPD/d" 2>"$TMPD/e"
expect_eq "diff: exit 0" 0 "$?"
grep -q 'NatGateway-Hours .* 0.045 *0.052  +0.007 (+15.56%)' "$TMPD/d" && ok "diff: NAT hour change with percent" || fail "diff: NAT hour change" "$(cat "$TMPD/d" "$TMPD/e")"
grep -q '^2 prices changed, 0 added, 0 removed' "$TMPD/d" && ok "diff: counts" || fail "diff: counts" "$(cat "$TMPD/d")"
grep -q '^aws_nat_gateway.main .* +\$5.32$' "$TMPD/d" && ok "diff: scenario resource that moves ((730 h + 30 GB) x 0.007)" || fail "diff: scenario resource" "$(cat "$TMPD/d")"
$CP pricing diff "$ROOT/pricing" "$NEW" --scenario scenarios/baseline.json --region us-east-1 --format json >"$TMPD/d.json"
jq -e '.prices | length == 2' "$TMPD/d.json" >/dev/null && ok "diff json: 2 prices" || fail "diff json: 2 prices"
delta=$(jq -r '.scenario.change' "$TMPD/d.json")
old=$(jq -r '.scenario.old_total_monthly_cost' "$TMPD/d.json")
new=$(jq -r '.scenario.new_total_monthly_cost' "$TMPD/d.json")
expect_eq "diff json: total change = new - old" "$delta" "$(python3 -c "print('%.2f' % (round($new - $old, 2)))")"
$CP pricing diff "$ROOT/pricing" "$ROOT/pricing" --region eu-west-1 >"$TMPD/d"
grep -q '^0 prices changed, 0 added, 0 removed' "$TMPD/d" && ok "diff: identical snapshots" || fail "diff: identical snapshots" "$(cat "$TMPD/d")"
rm "$NEW/aws/us-east-1/awswaf.csv"
$CP pricing diff "$ROOT/pricing" "$NEW" --region us-east-1 >"$TMPD/d"
grep -q 'awswaf .*removed' "$TMPD/d" && ok "diff: removed offer listed" || fail "diff: removed offer listed" "$(cat "$TMPD/d")"
$CP pricing diff "$ROOT/pricing" >/dev/null 2>&1
expect_eq "diff: one folder is a usage error" 2 "$?"
