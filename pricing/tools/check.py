#!/usr/bin/env python3
"""check.py [-v] [--regen FACTS_DIR] - verify the shipped snapshot, pricing/aws/<region>/<Offer>.csv.

Checks every file's bulk-CSV shape (5 metadata lines, header on line 6, every field quoted, LF, trailing
newline), every row (OnDemand, USD, 10-decimal price, contiguous tiers from 0 to Inf, unique rate codes,
placeholder SKUs recognisable), and every row's provenance: costplanSource names an https:// AWS page and a
public capture with its commit ("capture github.com/<owner>/<repo> @ <12 hex>, <path>"), or says that no
capture is stored for a figure quoted from the page; costplanValidDate is a YYYY-MM-DD date, not in the
future, no later than the file's publication date, and exactly the date pricing/README.md's source table
gives for that capture (or, for a figure without a stored capture, for that page). Rows without a stored
capture must be exactly the documented ones (NO_CAPTURE_OK). Every file under pricing/ must be free of
references to the team's private notes (the words in PRIVATE); --scan-all also lists such references in
src/ and scenarios/ (printed, not failed: those files belong to other changes). With --regen FACTS_DIR,
runs gen.py into a scratch copy and requires identical bytes.
Python 3 standard library only. Exit 1 on the first failure.
"""
import csv
import datetime
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
    ("AmazonEC2", "NatGateway-Hours"): {"eu-west-1"},
    ("AmazonEC2", "NatGateway-Bytes"): {"eu-west-1"},
}
README = os.path.join(HERE, "..", "README.md")
ROOT = os.path.join(HERE, "..", "..")
# References to the team's private notes, which users cannot follow: the notes file, its folder and its
# source tags (spelled in pieces so that this file does not match itself).
PRIVATE = re.compile("FACTS" + r"\.md|pricing" + "-reference|" + r"\bQ" + r"PW\b|\[un" + r"v\]|\[in" + r"f\]")


def source_table(path=README):
    """pricing/README.md's source table: rows whose first cell is a `capture key` and whose
    fourth cell is the costplanValidDate of every row citing it. Key: "github.com/<repo> @ <commit>,
    <path prefix>" (or just "... @ <commit>"), or "none stored, <page URL prefix>"."""
    keys, on = {}, False
    for line in open(path, encoding="utf-8"):
        if line.startswith("## "):
            on = line.strip() == "## Sources and dates"
            continue
        if not on or not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        key = cells[0].strip("`")
        date = cells[3].strip("`")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
            fail(f"{path}: source table row {key!r}: date {date!r} is not YYYY-MM-DD")
        if key in keys:
            fail(f"{path}: source table lists {key!r} twice")
        keys[key] = date
    if not keys:
        fail(f"{path}: no '## Sources and dates' table")
    return keys


def source_key(src):
    """The key a row's costplanSource is looked up by in the source table."""
    page, _, cap = src.partition("; capture ")
    if cap.startswith("none stored"):
        return "none stored, " + page
    return cap.split(";")[0]


def table_date(keys, src):
    """The date the source table gives for src (longest matching key), or None."""
    k = source_key(src)
    best = max((key for key in keys if k.startswith(key)), key=len, default=None)
    return keys[best] if best else None


def scan_private(dirs):
    """Files under dirs (relative to the repository) that cite the private notes: [(path, line no, text)]."""
    hits = []
    for d in dirs:
        for dp, dns, fns in os.walk(os.path.join(ROOT, d)):
            dns.sort()
            for fn in sorted(fns):
                p = os.path.join(dp, fn)
                try:
                    text = open(p, encoding="utf-8").read()
                except (UnicodeDecodeError, OSError):
                    continue
                for i, line in enumerate(text.splitlines(), 1):
                    if PRIVATE.search(line):
                        hits.append((os.path.relpath(p, ROOT), i, line.strip()[:100]))
    return hits


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
    keys = source_table()
    today = datetime.date.today().isoformat()
    undated = set()
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
            if date > today:
                fail(f"{where}: date {date} is in the future (today is {today})")
            want = table_date(keys, src)
            if want is None:
                undated.add(source_key(src))
            elif want != date:
                fail(f"{where}: date {date}, but pricing/README.md's source table gives {want} for "
                     f"{source_key(src)!r}")
            if NO_CAPTURE in src:
                no_capture.setdefault((offer, strip(g("usageType"))), set()).add(region)
            elif not CAPTURE.search(src):
                fail(f"{where}: capture in {src!r} has no repository @ commit, path")
            if PRIVATE.search(src) or PRIVATE.search(g("PriceDescription")):
                fail(f"{where}: cites the team's private notes")
            skus.setdefault(sku, []).append((g("StartingRange"), g("EndingRange")))
            table.append((region, offer, g("usageType"), g("StartingRange"), g("EndingRange"), g("Unit"),
                          str(Decimal(p).normalize()), g("Product Family"), src, date))
        for sku, t in skus.items():
            t.sort(key=lambda x: Decimal(x[0]))
            if t[0][0] != "0" or t[-1][1] != "Inf" or any(a[1] != b[0] for a, b in zip(t, t[1:])):
                fail(f"{fn}: tiers of {sku} are not contiguous from 0 to Inf: {t}")
    if undated:
        fail(f"captures missing from pricing/README.md's source table: {sorted(undated)[:5]}")
    if no_capture != NO_CAPTURE_OK:
        fail(f"rows without a stored capture differ from the documented list: {sorted(no_capture.items())}")
    print(f"{len(files)} files OK, {sum(counts.values())} rows; every row has a public source and a date "
          f"that the source table gives ({len(keys)} sources); "
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
    hits = scan_private(["pricing"])
    if hits:
        fail("pricing/ cites the team's private notes: " + "; ".join(f"{p}:{n}: {t}" for p, n, t in hits[:5]))
    print("pricing/ cites no private notes")
    if "--scan-all" in args:
        for p, n, t in scan_private(["src", "scenarios"]):
            print(f"# still cited outside pricing/: {p}:{n}: {t}")
    if "--regen" in args:
        regen(args[args.index("--regen") + 1])
