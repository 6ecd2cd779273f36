import csv, glob, os
from decimal import Decimal
import os
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "aws")
REG = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1"]
OFFERS = ["AmazonECS","AmazonEC2","AmazonVPC","AWSELB","AmazonRDS","AmazonElastiCache","AmazonCloudWatch",
          "AWSSecretsManager","AmazonS3","AmazonECR","awswaf","AWSSystemsManager","AWSDataTransfer"]
PFX = ("USE1-", "USW2-", "EU-", "APS1-")
def sfx(u):
    for p in PFX:
        if u.startswith(p): return u[len(p):]
    return u
NAME = {"Fargate-vCPU-Hours:perCPU": "Fargate vCPU, Linux/x86", "Fargate-GB-Hours": "Fargate memory, Linux/x86",
 "Fargate-ARM-vCPU-Hours:perCPU": "Fargate vCPU, Linux/ARM", "Fargate-ARM-GB-Hours": "Fargate memory, Linux/ARM",
 "Fargate-EphemeralStorage-GB-Hours": "Fargate ephemeral storage > 20 GB", "NatGateway-Hours": "NAT gateway hour",
 "NatGateway-Bytes": "NAT gateway data processed", "PublicIPv4:InUseAddress": "Public IPv4, in use",
 "PublicIPv4:IdleAddress": "Public IPv4, idle", "VpcEndpoint-Hours": "Interface endpoint, per AZ-hour",
 "VpcEndpoint-Bytes": "Interface endpoint data", "LoadBalancerUsage": "ALB hour", "LCUUsage": "ALB LCU-hour",
 "RDS:GP2-Storage": "gp2 storage", "RDS:Multi-AZ-GP2-Storage": "gp2 storage", "RDS:GP3-Storage": "gp3 storage",
 "RDS:Multi-AZ-GP3-Storage": "gp3 storage", "RDS:GP3-PIOPS": "gp3 IOPS above baseline",
 "RDS:Multi-AZ-GP3-PIOPS": "gp3 IOPS above baseline", "RDS:ChargedBackupUsage": "Backup beyond free allocation",
 "CPUCredits:db.t3": "db.t3 surplus CPU credits", "BackupUsage": "Backup (snapshot) storage",
 "DataProcessing-Bytes": "Logs ingestion, Standard", "TimedStorage-ByteHrs": "Storage",
 "DataScanned-Bytes": "Logs Insights data scanned", "DashboardsUsageHour": "Dashboard (global)",
 "AlarmMonitorUsage": "Metric alarm", "CW:MetricMonitorUsage": "Custom metrics",
 "AWSSecretsManager-Secrets": "Secret-month", "AWSSecretsManager-APIRequest": "API request",
 "Requests-Tier1": "PUT/COPY/POST/LIST request", "Requests-Tier2": "GET and other requests",
 "WebACLV2": "Web ACL-month", "RuleV2": "Rule-month", "RequestV2-Tier1": "Request (<= 1,500 WCU)",
 "PS-Advanced-Param-Tier1": "Advanced parameter", "PS-Param-Processed-Tier2": "Higher-throughput API interaction",
 "DataTransfer-Out-Bytes": "Data out to internet", "DataTransfer-Regional-Bytes": "Inter-AZ, each direction"}
def name(u):
    if u.startswith(("InstanceUsage:", "Multi-AZUsage:")): return "PostgreSQL instance"
    if u.startswith("NodeUsage:"): return "Cache node"
    return NAME[u]
def s(p): return format(Decimal(p).normalize(), "f")
out = []
for offer in OFFERS:
    items = {}  # key -> {region: row list}
    order = []
    for reg in REG:
        fn = f"{base}/{reg}/{offer}.csv"
        rows = list(csv.DictReader(open(fn, newline="").readlines()[5:]))
        for r in rows:
            attrs = "/".join(x for x in (r["Product Family"], r["Instance Type"], r["Database Engine"] if r["Database Engine"] not in ("", "Any") else "", r["Deployment Option"], r["Cache Engine"], r["Volume Type"], r["Alarm Type"], r["Transfer Type"]) if x)
            key = (sfx(r["usageType"]), attrs)
            if key not in items: items[key] = {}; order.append(key)
            items[key].setdefault(reg, []).append(r)
    out.append(f"### {offer}\n")
    out.append("| Item | Family / filters | usageType in us-east-1 | Unit | us-east-1 | us-west-2 | eu-west-1 | ap-southeast-1 | Source |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    for key in sorted(order, key=lambda k: (k[1], k[0])):
        cells = []; srcs = []; unit = ""; ue1 = ""; per = {}
        for reg in REG:
            rs = items[key].get(reg)
            if not rs: cells.append("-"); continue
            rs = sorted(rs, key=lambda r: int(r["StartingRange"]))
            unit = rs[0]["Unit"]
            if reg == "us-east-1": ue1 = rs[0]["usageType"]
            cells.append(" / ".join(s(r["PricePerUnit"]) for r in rs))
            for r in rs:
                if r["costplanSource"] not in srcs: srcs.append(r["costplanSource"])
                per[reg] = r["costplanSource"]
        tiers = ""
        rs0 = sorted(next(iter(items[key].values())), key=lambda r: int(r["StartingRange"]))
        if len(rs0) > 1:
            tiers = " (tiers " + "-".join([rs0[0]["StartingRange"]] + [r["EndingRange"] for r in rs0]) + ")"
        out.append(f"| {name(key[0])} | {key[1]}{tiers} | `{ue1 or key[0]}` | {unit} | " + " | ".join(cells) + " | " + (srcs[0] if len(srcs) == 1 else "; ".join(f"{k}: {v}" for k, v in per.items())) + " |")
    out.append("")
print("\n".join(out))
