#!/usr/bin/env python3
"""gen_offer.py - write a synthetic AWS Price List bulk CSV in the real
AmazonEC2 column layout (88 columns, 5 metadata lines, header on line 6).

Used by tests/integration/fetch.sh (tens of MB) and tests/bench/import.sh
(~1 GB). Most rows are EC2 instance prices (OnDemand and Reserved) that
costplan drops; NAT gateway rows, and their look-alikes that must be
dropped too (RegionalNatGateway, NatGateway-Prvd, another region), are
spread through the file.

  gen_offer.py --size-mb N --region R [--version V] [--nat-hour P]
               [--offer-code C] [--json] > file

--json writes the same prices as a JSON offer file (products, then
terms.OnDemand and terms.Reserved), AWS's other format.
"""
import argparse
import csv
import io
import json
import random
import sys

COLUMNS = [
    "SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate",
    "StartingRange", "EndingRange", "Unit", "PricePerUnit", "Currency", "RelatedTo",
    "LeaseContractLength", "PurchaseOption", "OfferingClass", "Product Family", "serviceCode",
    "Location", "Location Type", "Instance Type", "Current Generation", "Instance Family",
    "vCPU", "Physical Processor", "Clock Speed", "Memory", "Storage", "Network Performance",
    "Processor Architecture", "Storage Media", "Volume Type", "Max Volume Size",
    "Max IOPS/volume", "Max IOPS Burst Performance", "Max throughput/volume", "Provisioned",
    "Tenancy", "Operating System", "License Model", "Group", "Group Description",
    "To Location", "usageType", "operation", "Availability Zone", "CapacityStatus",
    "ClassicNetworkingSupport", "Dedicated EBS Throughput",
    "Dedicated EBS Throughput Description", "ECU", "Enhanced Networking Supported", "GPU",
    "GPU Memory", "Instance", "Instance Capacity - 10xlarge", "Instance Capacity - 12xlarge",
    "Instance Capacity - 16xlarge", "Instance Capacity - 18xlarge",
    "Instance Capacity - 24xlarge", "Instance Capacity - 2xlarge",
    "Instance Capacity - 32xlarge", "Instance Capacity - 4xlarge",
    "Instance Capacity - 8xlarge", "Instance Capacity - 9xlarge", "Instance Capacity - large",
    "Instance Capacity - medium", "Instance Capacity - metal", "Instance Capacity - xlarge",
    "Instance Family Category", "instanceSKU", "Intel AVX2 Available", "Intel AVX Available",
    "Intel Turbo Available", "MarketOption", "Normalization Size Factor", "Physical Cores",
    "Pre Installed S/W", "Processor Features", "Product Type", "Region Code",
    "Resource Type", "serviceName", "SnapshotArchiveFeeType", "To Region Code",
    "Volume API Name", "VPCNetworkingSupport",
]
IDX = {c: i for i, c in enumerate(COLUMNS)}
LOCATIONS = {"us-east-1": ("US East (N. Virginia)", ""), "eu-west-1": ("EU (Ireland)", "EU-"),
             "eu-central-1": ("EU (Frankfurt)", "EUC1-"), "us-west-2": ("US West (Oregon)", "USW2-"),
             "ap-southeast-1": ("Asia Pacific (Singapore)", "APS1-")}
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def q(v):
    return '"' + v.replace('"', '""') + '"'


def line(fields):
    return ",".join(q(f) for f in fields) + "\n"


def sku(rng):
    return "".join(rng.choice(B32) for _ in range(16))


def row(**kw):
    f = [""] * len(COLUMNS)
    for k, v in kw.items():
        f[IDX[k]] = v
    return f


def instance_rows(rng, region, loc, pre, n):
    out = []
    types = ["m5.large", "m5.xlarge", "c6g.2xlarge", "r6i.4xlarge", "t3.micro", "m7i.metal-48xl"]
    oses = ["Linux", "Windows", "RHEL", "SUSE"]
    for _ in range(n):
        it = rng.choice(types)
        s = sku(rng)
        term = rng.choice(["OnDemand", "OnDemand", "Reserved"])
        tc = "JRTCKXETXF" if term == "OnDemand" else "4NA7Y494T4"
        price = "%.10f" % (rng.random() * 3)
        os_ = rng.choice(oses)
        f = row(SKU=s, OfferTermCode=tc, RateCode=s + "." + tc + ".6YS6EN2CT7", TermType=term,
                PriceDescription="$%s per On Demand %s %s Instance Hour" % (price[:6], os_, it),
                EffectiveDate="2026-04-01", StartingRange="0", EndingRange="Inf", Unit="Hrs",
                PricePerUnit=price, Currency="USD", **{
                    "Product Family": "Compute Instance", "serviceCode": "AmazonEC2",
                    "Location": loc, "Location Type": "AWS Region", "Instance Type": it,
                    "Current Generation": "Yes", "Instance Family": "General purpose",
                    "vCPU": str(rng.choice([2, 4, 8, 16])),
                    "Physical Processor": "Intel Xeon Platinum 8175", "Clock Speed": "3.1 GHz",
                    "Memory": "%d GiB" % rng.choice([8, 16, 32]), "Storage": "EBS only",
                    "Network Performance": "Up to 10 Gigabit", "Processor Architecture": "64-bit",
                    "Tenancy": "Shared", "Operating System": os_, "License Model": "No License required",
                    "usageType": pre + "BoxUsage:" + it, "operation": "RunInstances",
                    "CapacityStatus": "Used", "ClassicNetworkingSupport": "false",
                    "Dedicated EBS Throughput": "Up to 4750 Mbps", "ECU": "10",
                    "Enhanced Networking Supported": "Yes", "GPU": "", "Instance": "",
                    "Intel AVX2 Available": "Yes", "Intel AVX Available": "Yes",
                    "Intel Turbo Available": "Yes", "MarketOption": "OnDemand",
                    "Normalization Size Factor": "4", "Physical Cores": "48",
                    "Pre Installed S/W": "NA",
                    "Processor Features": "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo",
                    "Region Code": region, "serviceName": "Amazon Elastic Compute Cloud",
                    "VPCNetworkingSupport": "true", "instanceSKU": sku(rng)})
        if term == "Reserved":
            f[IDX["LeaseContractLength"]] = "1yr"
            f[IDX["PurchaseOption"]] = "No Upfront"
            f[IDX["OfferingClass"]] = "standard"
        out.append(line(f))
    return out


def nat_rows(rng, region, loc, pre, hour, gb):
    out = []

    def nat(ut, price, unit, desc, reg=region, lc=loc):
        s = sku(rng)
        out.append(line(row(SKU=s, OfferTermCode="JRTCKXETXF", RateCode=s + ".JRTCKXETXF.6YS6EN2CT7",
                            TermType="OnDemand", PriceDescription=desc, EffectiveDate="2026-04-01",
                            StartingRange="0", EndingRange="Inf", Unit=unit, PricePerUnit=price,
                            Currency="USD", **{"Product Family": "NAT Gateway",
                                               "serviceCode": "AmazonEC2", "Location": lc,
                                               "Location Type": "AWS Region", "Group": "NGW:NatGateway",
                                               "usageType": ut, "operation": "NatGateway",
                                               "Region Code": reg,
                                               "serviceName": "Amazon Elastic Compute Cloud"})))
    nat(pre + "NatGateway-Hours", hour, "Hrs", "$%s per NAT Gateway Hour" % hour)
    nat(pre + "NatGateway-Bytes", gb, "GB", "$%s per GB Data Processed by NAT Gateways" % gb)
    # look-alikes the filter must drop
    nat(pre + "RegionalNatGateway-Hours", "0.0900000000", "Hrs", "Regional NAT gateway hour")
    nat(pre + "NatGateway-Prvd-Hours", "0.0200000000", "Hrs", "Provisioned NAT gateway hour")
    other = "us-west-2" if region != "us-west-2" else "eu-west-1"
    nat(LOCATIONS[other][1] + "NatGateway-Hours", "0.0990000000", "Hrs", "another region",
        other, LOCATIONS[other][0])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=float, default=10)
    ap.add_argument("--region", default="eu-central-1")
    ap.add_argument("--version", default="20260415120000")
    ap.add_argument("--offer-code", default="AmazonEC2")
    ap.add_argument("--nat-hour", default="0.0520000000")
    ap.add_argument("--nat-gb", default="0.0520000000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    loc, pre = LOCATIONS.get(a.region, (a.region, ""))
    v = a.version
    pub = "%s-%s-%sT%s:%s:%sZ" % (v[0:4], v[4:6], v[6:8], v[8:10], v[10:12], v[12:14])
    out = sys.stdout
    if a.json:
        return write_json(a, rng, loc, pre, pub, out)
    out.write(line(["FormatVersion", "v1.0"]))
    out.write(line(["Disclaimer", "This pricing list is for informational purposes only. All prices are subject to the additional terms included in the pricing pages on http://aws.amazon.com. All Free Tier prices are also subject to the terms included at https://aws.amazon.com/free/"]))
    out.write(line(["Publication Date", pub]))
    out.write(line(["Version", v]))
    out.write(line(["OfferCode", a.offer_code]))
    out.write(line(COLUMNS))
    block = "".join(instance_rows(rng, a.region, loc, pre, 2000))
    nat = nat_rows(rng, a.region, loc, pre, a.nat_hour, a.nat_gb)
    target = int(a.size_mb * 1024 * 1024)
    written = 0
    blocks = max(1, target // len(block))
    for b in range(blocks):
        out.write(block)
        written += len(block)
        # NAT rows in the middle and at the end (never in the first block)
        if b == blocks // 2:
            out.write("".join(nat[:3]))
        if b == blocks - 1:
            out.write("".join(nat[3:]))


def write_json(a, rng, loc, pre, pub, out):
    """Rows -> products and terms; written piecewise, never held whole."""
    rows = instance_rows(rng, a.region, loc, pre, 2000)
    nat = nat_rows(rng, a.region, loc, pre, a.nat_hour, a.nat_gb)
    attr_cols = COLUMNS[IDX["serviceCode"]:]
    keymap = {"usageType": "usagetype", "Region Code": "regionCode", "Location Type": "locationType",
              "Instance Type": "instanceType", "serviceCode": "servicecode", "Location": "location",
              "serviceName": "servicename", "operation": "operation"}

    def key(c):
        return keymap.get(c, c[0].lower() + c[1:].replace(" ", ""))

    def parse(l):
        return next(csv.reader(io.StringIO(l)))

    def product(f, suffix):
        sku = f[0] + suffix
        attrs = {key(c): f[IDX[c]] for c in attr_cols if f[IDX[c]]}
        return sku, {"sku": sku, "productFamily": f[IDX["Product Family"]], "attributes": attrs}

    def term(f, sku):
        t = f[IDX["OfferTermCode"]]
        return {sku + "." + t: {"offerTermCode": t, "sku": sku, "effectiveDate": f[IDX["EffectiveDate"]] + "T00:00:00Z",
                                "termAttributes": {}, "priceDimensions": {sku + "." + t + ".6YS6EN2CT7": {
                                    "rateCode": sku + "." + t + ".6YS6EN2CT7", "description": f[IDX["PriceDescription"]],
                                    "beginRange": f[IDX["StartingRange"]], "endRange": f[IDX["EndingRange"]],
                                    "unit": f[IDX["Unit"]], "pricePerUnit": {"USD": f[IDX["PricePerUnit"]]}, "appliesTo": []}}}}
    base = [parse(l) for l in rows]
    natf = [parse(l) for l in nat]
    one = sum(len(json.dumps(product(f, "")[1])) * 2 + 600 for f in base)
    copies = max(1, int(a.size_mb * 1024 * 1024 / one))
    out.write('{\n"formatVersion":"v1.0","disclaimer":"test","offerCode":%s,"version":%s,"publicationDate":%s,\n"products":{\n'
              % (json.dumps(a.offer_code), json.dumps(a.version), json.dumps(pub)))
    first = True
    allrows = [(c, f) for c in range(copies) for f in base] + [(0, f) for f in natf]
    for c, f in allrows:
        sku, p = product(f, "%04d" % c)
        out.write(("" if first else ",\n") + json.dumps(sku) + ":" + json.dumps(p))
        first = False
    out.write('\n},\n"terms":{\n')
    for kind in ("OnDemand", "Reserved"):
        out.write('"%s":{\n' % kind)
        first = True
        for c, f in allrows:
            if (f[IDX["TermType"]] == "OnDemand") != (kind == "OnDemand"):
                continue
            sku = f[0] + "%04d" % c
            out.write(("" if first else ",\n") + json.dumps(sku) + ":" + json.dumps(term(f, sku)))
            first = False
        out.write("\n}" + ("," if kind == "OnDemand" else "") + "\n")
    out.write("}\n}\n")


if __name__ == "__main__":
    main()
