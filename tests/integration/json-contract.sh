# json-contract.sh - `--format json` keeps the DESIGN.md contract: the keys and
# types other tools rely on, money rounded to cents, and every total equal to
# the sum of its lines, checked with Python's Decimal (not floats), for
# several regions and options. Also: CSV parses strictly and agrees.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2
for args in "" "--region eu-west-1" "--region ap-southeast-1 --no-free-tier" "--region us-east-1 --no-free-tier"; do
	$CP breakdown $args --format json >"$TMPD/b.json" 2>"$TMPD/err"
	$CP breakdown $args --format csv >"$TMPD/b.csv" 2>>"$TMPD/err"
	python3 - "$TMPD/b.json" "$TMPD/b.csv" <<'PY' >"$TMPD/res" 2>&1
import csv, json, sys
from decimal import Decimal
doc = json.load(open(sys.argv[1]), parse_float=Decimal)
def need(obj, key, typ):
    assert key in obj, "missing key " + key
    assert isinstance(obj[key], typ), "%s is %r" % (key, type(obj[key]))
for k, t in [("version", int), ("scenario", str), ("region", str), ("currency", str),
             ("hours_per_month", int), ("pricing", dict), ("resources", list),
             ("total_monthly_cost", (Decimal, int)), ("warnings", list)]:
    need(doc, k, t)
assert doc["version"] == 1 and doc["currency"] == "USD" and doc["hours_per_month"] == 730
need(doc["pricing"], "source", str); need(doc["pricing"], "published", str)
assert len(doc["pricing"]["published"]) == 10
def cents(x):
    return Decimal(x).as_tuple().exponent >= -2
total = Decimal(0)
for r in doc["resources"]:
    for k, t in [("address", str), ("type", str), ("monthly_cost", (Decimal, int)), ("components", list)]:
        need(r, k, t)
    assert cents(r["monthly_cost"]), r["address"]
    s = Decimal(0)
    for c in r["components"]:
        for k, t in [("name", str), ("unit", str), ("quantity", (Decimal, int)), ("unit_price", (Decimal, int)),
                     ("monthly_cost", (Decimal, int)), ("usage_based", bool)]:
            need(c, k, t)
        assert cents(c["monthly_cost"])
        s += c["monthly_cost"]
    assert s == r["monthly_cost"], "%s: lines sum to %s, shown %s" % (r["address"], s, r["monthly_cost"])
    total += r["monthly_cost"]
assert total == doc["total_monthly_cost"], "resources sum to %s, total %s" % (total, doc["total_monthly_cost"])
rows = list(csv.reader(open(sys.argv[2], newline=""), strict=True))
assert rows[0][:8] == ["resource", "type", "category", "component", "quantity", "unit", "unit_price", "monthly_cost"]
assert rows[-1][0] == "TOTAL" and Decimal(rows[-1][7]) == doc["total_monthly_cost"]
assert sum(Decimal(r[7]) for r in rows[1:-1]) == doc["total_monthly_cost"]
print("ok")
PY
	if [ "$(cat "$TMPD/res")" = ok ]; then
		ok "json contract and sums: breakdown $args"
	else
		fail "json contract and sums: breakdown $args" "$(tail -2 "$TMPD/res" | tr '\n' ' ')"
	fi
done
