#!/usr/bin/env python3
"""check.py [-v] [--regen FACTS_DIR] - verify the shipped snapshot, pricing/aws/<region>/<Offer>.csv.

Checks every file's bulk-CSV shape (5 metadata lines, header on line 6, every field quoted, LF, trailing
newline), every row (OnDemand, USD, 10-decimal price, contiguous tiers from 0 to Inf, unique rate codes,
placeholder SKUs recognisable), and every row's provenance: costplanSource names an https:// AWS page and a
public capture with its commit ("capture github.com/<owner>/<repo> @ <12 hex>, <path>"), or says that no
capture is stored for a figure quoted from the page; costplanValidDate is a YYYY-MM-DD date, no later than
the file's publication date. Rows without a stored capture are listed and must be exactly the documented
ones (NO_CAPTURE_OK). With --regen FACTS_DIR, runs gen.py into a scratch copy and requires identical bytes.
Python 3 standard library only. Exit 1 on the first failure.
"""
import csv
import filecmp
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "aws")
REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1",
           "eu-north-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-south-1", "ca-central-1",
           "sa-east-1"]
FIXED = ["SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange",
         "EndingRange", "Unit", "PricePerUnit", "Currency", "Product Family", "serviceCode", "Location",
         "Location Type"]
TAIL = ["usageType", "operation", "Region Code", "serviceName", "costplanSource", "costplanValidDate"]
CAPTURE = re.compile(r"capture github\.com/[\w.-]+/[\w.-]+ @ [0-9a-f]{12}, \S")
NO_CAPTURE = "capture none stored (figure quoted from the page)"
# (offer, usage type without prefix) -> regions whose figure has no stored capture (pricing/README.md)
NO_CAPTURE_OK = {
    ("AmazonRDS", "CPUCredits:db.t3"): set(REGIONS) - {"us-east-1"},
    ("AmazonEC2", "NatGateway-Hours"): {"us-west-2", "eu-west-1"},
    ("AmazonEC2", "NatGateway-Bytes"): {"us-west-2", "eu-west-1"},
    ("AWSDataTransfer", "DataTransfer-Regional-Bytes"): {"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1"},
}


def strip(ut):
    m = re.match(r"([A-Z0-9]+|[a-z]{2}(?:-[a-z]+)+-\d+)-(.+)$", ut)
    return m.group(2) if m else ut


def fail(msg):
    print("check.py: " + msg, file=sys.stderr)
    sys.exit(1)


def check(base, verbose=False):
    files = sorted(glob.glob(f"{base}/*/*.csv"))
    if not files:
        fail(f"no files under {base}")
    counts, no_capture, table = {}, {}, []
    for fn in files:
        region, offer = fn.split("/")[-2], os.path.basename(fn)[:-4]
        if region not in REGIONS:
            fail(f"{fn}: region {region} is not one of the 14")
        raw = open(fn, "rb").read()
        if b"\r" in raw or not raw.endswith(b"\n") or raw.startswith(b"\xef\xbb\xbf"):
            fail(f"{fn}: CR, BOM or no trailing newline")
        for line in raw.decode().splitlines():
            if not (line.startswith('"') and line.endswith('"')):
                fail(f"{fn}: a field is not quoted: {line[:80]}")
        rows = list(csv.reader(open(fn, newline="")))
        meta = [r[0] for r in rows[:5]]
        if meta != ["FormatVersion", "Disclaimer", "Publication Date", "Version", "OfferCode"] \
                or any(len(r) != 2 for r in rows[:5]) or rows[4][1] != offer or rows[0][1] != "v1.0":
            fail(f"{fn}: metadata lines {meta}")
        pub = rows[2][1]
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", pub) or rows[3][1] != pub[:10].replace("-", "") + "000000":
            fail(f"{fn}: publication date/version {pub} {rows[3][1]}")
        hdr = rows[5]
        if hdr[:len(FIXED)] != FIXED or hdr[-len(TAIL):] != TAIL or len(set(hdr)) != len(hdr):
            fail(f"{fn}: header {hdr}")
        H = {h: i for i, h in enumerate(hdr)}
        data = rows[6:]
        if not data:
            fail(f"{fn}: no rows")
        counts[(region, offer)] = len(data)
        skus, rates = {}, set()
        for r in data:
            where = f"{fn}: row {r[:3]}"
            if len(r) != len(hdr):
                fail(f"{where}: {len(r)} fields")
            g = lambda c: r[H[c]]  # noqa: E731
            if g("TermType") != "OnDemand" or g("OfferTermCode") != "JRTCKXETXF" or g("Currency") != "USD":
                fail(f"{where}: not an OnDemand USD row")
            sku = g("SKU")
            if not re.fullmatch(r"[0-9A-Z]{16}", sku):
                fail(f"{where}: SKU {sku}")
            if not re.fullmatch(re.escape(sku) + r"\.JRTCKXETXF\.[0-9A-Z]{10}", g("RateCode")) or g("RateCode") in rates:
                fail(f"{where}: rate code {g('RateCode')}")
            rates.add(g("RateCode"))
            p = g("PricePerUnit")
            if not re.fullmatch(r"\d+\.\d{10}", p):
                fail(f"{where}: price {p}")
            if g("serviceCode") != offer or g("Region Code") not in (region, ""):
                fail(f"{where}: serviceCode/Region Code")
            # provenance
            src, date = g("costplanSource"), g("costplanValidDate")
            if not src.startswith("https://") or "; capture " not in src:
                fail(f"{where}: source {src!r} names no https:// page and capture")
            if not re.fullmatch(r"\d{4}-\d\d-\d\d", date) or date > pub[:10] or g("EffectiveDate") != date:
                fail(f"{where}: date {date!r} (file published {pub[:10]})")
            if NO_CAPTURE in src:
                no_capture.setdefault((offer, strip(g("usageType"))), set()).add(region)
            elif not CAPTURE.search(src):
                fail(f"{where}: capture in {src!r} has no repository @ commit, path")
            for bad in ("FACTS", "QPW", "pricing-reference", "[unv]", "[inf]"):
                if bad in src or bad in g("PriceDescription"):
                    fail(f"{where}: cites {bad}")
            skus.setdefault(sku, []).append((g("StartingRange"), g("EndingRange")))
            table.append((region, offer, g("usageType"), g("StartingRange"), g("EndingRange"), g("Unit"),
                          str(Decimal(p).normalize()), g("Product Family"), src, date))
        for sku, t in skus.items():
            t.sort(key=lambda x: Decimal(x[0]))
            if t[0][0] != "0" or t[-1][1] != "Inf" or any(a[1] != b[0] for a, b in zip(t, t[1:])):
                fail(f"{fn}: tiers of {sku} are not contiguous from 0 to Inf: {t}")
    if no_capture != NO_CAPTURE_OK:
        fail(f"rows without a stored capture differ from the documented list: {sorted(no_capture.items())}")
    print(f"{len(files)} files OK, {sum(counts.values())} rows; every row has a public source and a date; "
          f"{sum(len(v) for v in no_capture.values())} figures without a stored capture, as documented")
    if verbose:
        for k in sorted(counts):
            print(f"  {k[0]:15} {k[1]:28} {counts[k]}")
    return table


def regen(facts):
    """gen.py into a scratch copy of pricing/: the same bytes, file for file."""
    tmp = tempfile.mkdtemp()
    try:
        shutil.copytree(os.path.join(HERE, "..", "tools"), os.path.join(tmp, "pricing", "tools"))
        os.makedirs(os.path.join(tmp, "pricing", "aws"))
        subprocess.run([sys.executable, os.path.join(tmp, "pricing", "tools", "gen.py"), facts], check=True,
                       stdout=subprocess.DEVNULL)
        new = os.path.join(tmp, "pricing", "aws")
        a = sorted(os.path.relpath(p, BASE) for p in glob.glob(f"{BASE}/*/*.csv"))
        b = sorted(os.path.relpath(p, new) for p in glob.glob(f"{new}/*/*.csv"))
        if a != b:
            fail(f"regenerating gives other files: {sorted(set(a) ^ set(b))[:5]}")
        for rel in a:
            if not filecmp.cmp(os.path.join(BASE, rel), os.path.join(new, rel), shallow=False):
                fail(f"regenerating changes {rel}: run pricing/tools/gen.py {facts}")
        print(f"regenerated {len(a)} files from {facts}: identical bytes")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    args = sys.argv[1:]
    check(BASE, "-v" in args)
    if "--regen" in args:
        regen(args[args.index("--regen") + 1])
