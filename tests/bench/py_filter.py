#!/usr/bin/env python3
"""py_filter.py - the baseline for tests/bench/import.sh: Python's csv module
doing the same filter as `costplan pricing import` does on an AmazonEC2
file (OnDemand, USD, the region, family "NAT Gateway", usage type
^([A-Z0-9]+-)?NatGateway-(Hours|Bytes)$), writing the kept rows with the
metadata lines and header, every field quoted.

  py_filter.py IN OUT REGION
"""
import csv
import re
import sys

src, dst, region = sys.argv[1], sys.argv[2], sys.argv[3]
usage = re.compile(r"^([A-Z0-9]+-)?NatGateway-(Hours|Bytes)$")
with open(src, newline="") as f, open(dst, "w", newline="") as o:
    r = csv.reader(f)
    w = csv.writer(o, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for _ in range(5):
        w.writerow(next(r))
    hdr = next(r)
    w.writerow(hdr)
    it, cur, reg, fam, ut = (hdr.index(c) for c in
                             ("TermType", "Currency", "Region Code", "Product Family", "usageType"))
    for row in r:
        if (row[it] == "OnDemand" and row[cur] == "USD" and row[reg] in ("", region)
                and row[fam] == "NAT Gateway" and usage.match(row[ut])):
            w.writerow(row)
