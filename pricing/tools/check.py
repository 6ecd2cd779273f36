import csv, glob, os, sys
from decimal import Decimal
import os
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "aws")
HEADER = ["SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange",
          "EndingRange","Unit","PricePerUnit","Currency","Product Family","serviceCode","Location",
          "Location Type","Instance Type","Database Engine","Deployment Option","Cache Engine","Volume Type",
          "Alarm Type","Transfer Type","From Location","Group","usageType","operation","Region Code",
          "serviceName","costplanSource"]
files = sorted(glob.glob(f"{base}/*/*.csv"))
assert len(files) == 52, len(files)
table = []; counts = {}
for fn in files:
    region = fn.split("/")[-2]; offer = os.path.basename(fn)[:-4]
    raw = open(fn, "rb").read()
    assert b"\r" not in raw and raw.endswith(b"\n"), fn
    rows = list(csv.reader(open(fn, newline="")))
    meta = [r[0] for r in rows[:5]]
    assert meta == ["FormatVersion","Disclaimer","Publication Date","Version","OfferCode"], (fn, meta)
    assert all(len(r) == 2 for r in rows[:5]) and rows[4][1] == offer and rows[0][1] == "v1.0"
    assert rows[5] == HEADER, fn
    # every field quoted
    for line in raw.decode().splitlines():
        assert line.startswith('"') and line.endswith('"'), line
    data = rows[6:]; assert data, fn
    counts[(region, offer)] = len(data)
    H = {h: i for i, h in enumerate(HEADER)}
    skus = {}
    for r in data:
        assert len(r) == len(HEADER), (fn, r)
        assert r[H["TermType"]] == "OnDemand" and r[H["OfferTermCode"]] == "JRTCKXETXF" and r[H["Currency"]] == "USD"
        sku = r[H["SKU"]]; assert len(sku) == 16 and sku.startswith("CP") and sku == sku.upper() and sku.isalnum(), sku
        assert r[H["RateCode"]].startswith(sku + ".JRTCKXETXF.") and len(r[H["RateCode"]].split(".")[2]) == 10
        p = Decimal(r[H["PricePerUnit"]]); assert p >= 0 and len(r[H["PricePerUnit"]].split(".")[1]) == 10
        assert r[H["serviceCode"]] == offer and r[H["costplanSource"]]
        assert r[H["Region Code"]] in (region, "") and len(r[H["EffectiveDate"]]) == 10
        ut = r[H["usageType"]]
        skus.setdefault(sku, []).append((r[H["StartingRange"]], r[H["EndingRange"]]))
        table.append((region, offer, ut, r[H["StartingRange"]], r[H["EndingRange"]], r[H["Unit"]], str(p.normalize()) if p else "0",
                      "/".join(x for x in (r[H["Instance Type"]], r[H["Deployment Option"]], r[H["Cache Engine"]], r[H["Alarm Type"]], r[H["Volume Type"]]) if x),
                      r[H["costplanSource"]]))
    # tiers contiguous, start at 0, end at Inf
    for sku, t in skus.items():
        assert t[0][0] == "0" and t[-1][1] == "Inf", (fn, sku, t)
        for a, b in zip(t, t[1:]): assert a[1] == b[0], (fn, sku, t)
    assert len(set(r[H["RateCode"]] for r in data)) == len(data)
print(f"{len(files)} files OK, {sum(counts.values())} rows")
for k in sorted(counts): print(f"  {k[0]:15} {k[1]:18} {counts[k]}")
if "-v" in sys.argv:
    for t in sorted(table, key=lambda t: (t[1], t[2].split("-",1)[-1] if t[2].startswith(("USE1-","USW2-","EU-","APS1-")) else t[2], t[7], t[0], int(t[3]))):
        print(" | ".join(t))
