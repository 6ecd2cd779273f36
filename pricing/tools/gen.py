#!/usr/bin/env python3
"""Generate costplan's shipped price snapshot (AWS Bulk API CSV layout) from
shared/pricing-reference beside the repository (QPW JSON extracts + FACTS.md section 3 values)."""
import base64, csv, hashlib, json, os
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.environ.get("PRICING_REFERENCE", os.path.join(HERE, "../../../shared/pricing-reference")) + "/aws-website-pricing-extracts"
OUT = os.path.join(HERE, "../aws")
PUB = "2025-06-17T00:00:00Z"
VER = "20250617000000"
EFF = "2025-06-17"
DISCLAIMER = ("This pricing list is for informational purposes only. All prices are subject to the additional "
              "terms included in the pricing pages on http://aws.amazon.com. All Free Tier prices are also "
              "subject to the terms included at https://aws.amazon.com/free/")
HEADER = ["SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange",
          "EndingRange","Unit","PricePerUnit","Currency","Product Family","serviceCode","Location",
          "Location Type","Instance Type","Database Engine","Deployment Option","Cache Engine","Volume Type",
          "Alarm Type","Transfer Type","From Location","Group","usageType","operation","Region Code",
          "serviceName","costplanSource"]
REGIONS = {"us-east-1": ("US East (N. Virginia)", "USE1"), "us-west-2": ("US West (Oregon)", "USW2"),
           "eu-west-1": ("EU (Ireland)", "EU"), "ap-southeast-1": ("Asia Pacific (Singapore)", "APS1")}
SERVICE_NAME = {"AmazonECS": "Amazon Elastic Container Service", "AmazonEC2": "Amazon Elastic Compute Cloud",
    "AmazonVPC": "Amazon Virtual Private Cloud", "AWSELB": "Elastic Load Balancing",
    "AmazonRDS": "Amazon Relational Database Service", "AmazonElastiCache": "Amazon ElastiCache",
    "AmazonCloudWatch": "AmazonCloudWatch", "AWSSecretsManager": "AWS Secrets Manager",
    "AmazonS3": "Amazon Simple Storage Service", "AmazonECR": "Amazon EC2 Container Registry (ECR)",
    "awswaf": "AWS WAF", "AWSSystemsManager": "AWS Systems Manager", "AWSDataTransfer": "AWS Data Transfer"}
OFFERS = list(SERVICE_NAME)

_json = {}
def qpw(fname, metric, region, suffix=None):
    """Price string from a QPW extract for the region's location (optionally with attribute suffix)."""
    if fname not in _json:
        with open(os.path.join(REF, fname)) as f:
            _json[fname] = json.load(f)
    loc = REGIONS[region][0] if region != "Any" else "Any"
    key = loc if suffix is None else f"{loc} ({suffix})"
    return _json[fname][metric].get(key)

def ut(region, suffix, legacy):
    """usageType per FACTS 2.1: us-east-1 legacy types unprefixed, else billing-code prefix."""
    if region == "us-east-1" and legacy:
        return suffix
    return f"{REGIONS[region][1]}-{suffix}"

def b32(s, n):
    return base64.b32encode(hashlib.sha256(s.encode()).digest()).decode()[:n]

def fmt(p):
    return f"{Decimal(p):.10f}"

def short(p):
    s = format(Decimal(p).normalize(), "f")
    return s

rows = {}  # (region, offer) -> list of dicts
def add(region, offer, family, usage, unit, tiers, desc, src, **attrs):
    """tiers: list of (start, end, price_string). desc: template with {p} for price."""
    loc = attrs.pop("location", REGIONS[region][0])
    rcode = attrs.pop("region_code", region)
    ltype = attrs.pop("location_type", "AWS Region")
    key_attrs = "|".join(f"{k}={v}" for k, v in sorted(attrs.items()))
    sku = "CP" + b32(f"{offer}|{region}|{usage}|{family}|{key_attrs}", 14)
    for start, end, price in tiers:
        assert price is not None, (region, offer, usage)
        rc = f"{sku}.JRTCKXETXF.{b32(sku + '|' + str(start), 10)}"
        r = {h: "" for h in HEADER}
        r.update({"SKU": sku, "OfferTermCode": "JRTCKXETXF", "RateCode": rc, "TermType": "OnDemand",
                  "PriceDescription": desc.format(p=short(price), loc=loc), "EffectiveDate": EFF,
                  "StartingRange": str(start), "EndingRange": str(end), "Unit": unit,
                  "PricePerUnit": fmt(price), "Currency": "USD", "Product Family": family,
                  "serviceCode": offer, "Location": loc, "Location Type": ltype, "usageType": usage,
                  "Region Code": rcode, "serviceName": SERVICE_NAME[offer], "costplanSource": src})
        for k, v in attrs.items():
            col = {"instance_type": "Instance Type", "database_engine": "Database Engine",
                   "deployment_option": "Deployment Option", "cache_engine": "Cache Engine",
                   "volume_type": "Volume Type", "alarm_type": "Alarm Type", "transfer_type": "Transfer Type",
                   "from_location": "From Location", "group": "Group"}[k]
            r[col] = v
        rows.setdefault((region, offer), []).append(r)

def flat(p):
    return [(0, "Inf", p)]

Q = "QPW {} 2025-06"
for region in REGIONS:
    loc = REGIONS[region][0]
    # ---- AmazonECS (Fargate) ----
    src = Q.format("ecs.json")
    for usage, metric, unit, d in [
        ("Fargate-vCPU-Hours:perCPU", "perCPU per hour", "hours", "${p} per hour per vCPU for Fargate Linux/x86 in {loc}"),
        ("Fargate-GB-Hours", "perGB per hour", "hours", "${p} per hour per GB for Fargate Linux/x86 memory in {loc}"),
        ("Fargate-ARM-vCPU-Hours:perCPU", "ARM perCPU per hour", "hours", "${p} per hour per vCPU for Fargate Linux/ARM in {loc}"),
        ("Fargate-ARM-GB-Hours", "ARM perGB per hour", "hours", "${p} per hour per GB for Fargate Linux/ARM memory in {loc}"),
        ("Fargate-EphemeralStorage-GB-Hours", "Storage per GB-Hours", "GB-Hours", "${p} per GB-hour for Fargate ephemeral storage above 20 GB in {loc}")]:
        add(region, "AmazonECS", "Compute", ut(region, usage, False), unit, flat(qpw("ecs.json", metric, region)), d, src)

    # ---- AmazonEC2 NAT Gateway (FACTS.md section 3 only) ----
    nat = {"us-east-1": ("0.045", "FACTS.md s3 (INF golden 2024-07; AWS pricing page VPC, 2026)"),
           "us-west-2": ("0.045", "FACTS.md s3 (AWS pricing page VPC, 2026)"),
           "eu-west-1": ("0.048", "FACTS.md s3 [unv] (AWS pricing page VPC, 2026)"),
           "ap-southeast-1": ("0.059", "FACTS.md s3 (DocParser sample bill, 2025-05)")}[region]
    add(region, "AmazonEC2", "NAT Gateway", ut(region, "NatGateway-Hours", True), "Hrs", flat(nat[0]),
        "${p} per NAT Gateway Hour in {loc}", nat[1])
    add(region, "AmazonEC2", "NAT Gateway", ut(region, "NatGateway-Bytes", True), "GB", flat(nat[0]),
        "${p} per GB Data Processed by NAT Gateways in {loc}", nat[1])

    # ---- AmazonVPC ----
    src = Q.format("vpc.json")
    add(region, "AmazonVPC", "VPC Public IPv4 Address", ut(region, "PublicIPv4:InUseAddress", False), "Hrs",
        flat(qpw("vpc.json", "Hourly charge for In use Public IPv4 Addresses per Hrs", region)),
        "${p} per In-use public IPv4 address per hour in {loc}", src)
    add(region, "AmazonVPC", "VPC Public IPv4 Address", ut(region, "PublicIPv4:IdleAddress", False), "Hrs",
        flat(qpw("vpc.json", "Hourly charge for Idle Public IPv4 Addresses per Hrs", region)),
        "${p} per Idle public IPv4 address per hour in {loc}", src)
    add(region, "AmazonVPC", "VpcEndpoint", ut(region, "VpcEndpoint-Hours", False), "Hrs",
        flat(qpw("vpc.json", "Hourly charge for VPC Endpoints per Hrs", region)),
        "${p} per VPC Endpoint Hour in {loc}", src)
    add(region, "AmazonVPC", "VpcEndpoint", ut(region, "VpcEndpoint-Bytes", False), "GB",
        [(0, 1048576, qpw("vpc.json", "Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576", region)),
         (1048576, 5242880, qpw("vpc.json", "Charge for per GB data processed by VPC Endpoints per GB from 1048576 to 5242880", region)),
         (5242880, "Inf", qpw("vpc.json", "Charge for per GB data processed by VPC Endpoints per GB from 5242880 to Inf", region))],
        "${p} per GB Data Processed by VPC Endpoints in {loc}", src)

    # ---- AWSELB (ALB) ----
    src = Q.format("elb.json")
    add(region, "AWSELB", "Load Balancer-Application", ut(region, "LoadBalancerUsage", True), "Hrs",
        flat(qpw("elb.json", "Application Load Balancer Hours", region)),
        "${p} per Application LoadBalancer-hour (or partial hour) in {loc}", src)
    add(region, "AWSELB", "Load Balancer-Application", ut(region, "LCUUsage", True), "LCU-Hrs",
        flat(qpw("elb.json", "Application Load Balancer LCU Hours", region)),
        "${p} per used Application load balancer capacity unit-hour (or partial hour) in {loc}", src)

    # ---- AmazonRDS ----
    src = Q.format("rds-postgresql-ondemand.t3-t4g-micro-small.subset.json")
    for cls, mem, net in [("db.t3.micro", "1 GiB", "Low to Moderate"), ("db.t3.small", "2 GiB", "Low to Moderate"),
                          ("db.t4g.micro", "1 GiB", "Up to 5 Gigabit"), ("db.t4g.small", "2 GiB", "Up to 5 Gigabit")]:
        fam = cls.split(".", 1)[1]
        for dep, pre in [("Single-AZ", "InstanceUsage"), ("Multi-AZ", "Multi-AZUsage")]:
            metric = f"Database Instance PostgreSQL No license required db {fam} General purpose {dep} Current Generation"
            p = qpw("rds-postgresql-ondemand.t3-t4g-micro-small.subset.json", metric, region,
                    f"Instance Type: {cls}, Memory: {mem}, vCPU: 2, Network Performance: {net}")
            add(region, "AmazonRDS", "Database Instance", ut(region, f"{pre}:{cls}", True), "Hrs", flat(p),
                "${p} per RDS " + cls + " " + dep + " instance hour (or partial hour) running PostgreSQL in {loc}", src,
                instance_type=cls, database_engine="PostgreSQL", deployment_option=dep)
    src = Q.format("rds-storage.json")
    for vt, sfx, single_m, multi_m, nm in [
            ("General Purpose", "GP2", "Database Storage Single AZ General Purpose", "Database Storage Multi AZ General Purpose", "gp2"),
            ("General Purpose-GP3", "GP3", "Database Storage Single AZ General Purpose-GP3", "Database Storage Multi AZ General Purpose-GP3", "gp3")]:
        add(region, "AmazonRDS", "Database Storage", ut(region, f"RDS:{sfx}-Storage", True), "GB-Mo",
            flat(qpw("rds-storage.json", single_m, region)),
            "${p} per GB-month of provisioned " + nm + " storage running Single-AZ in {loc}", src,
            database_engine="Any", deployment_option="Single-AZ", volume_type=vt)
        add(region, "AmazonRDS", "Database Storage", ut(region, f"RDS:Multi-AZ-{sfx}-Storage", True), "GB-Mo",
            flat(qpw("rds-storage.json", multi_m, region)),
            "${p} per GB-month of provisioned " + nm + " storage running Multi-AZ in {loc}", src,
            database_engine="Any", deployment_option="Multi-AZ", volume_type=vt)
    add(region, "AmazonRDS", "Provisioned IOPS", ut(region, "RDS:GP3-PIOPS", True), "IOPS-Mo",
        flat(qpw("rds-storage.json", "Provisioned GP3 IOPS Single AZ", region)),
        "${p} per IOPS-month of gp3 provisioned IOPS above baseline running Single-AZ in {loc}", src,
        database_engine="Any", deployment_option="Single-AZ", volume_type="General Purpose-GP3")
    add(region, "AmazonRDS", "Provisioned IOPS", ut(region, "RDS:Multi-AZ-GP3-PIOPS", True), "IOPS-Mo",
        flat(qpw("rds-storage.json", "Provisioned GP3 IOPS Multi AZ", region)),
        "${p} per IOPS-month of gp3 provisioned IOPS above baseline running Multi-AZ in {loc}", src,
        database_engine="Any", deployment_option="Multi-AZ", volume_type="General Purpose-GP3")
    add(region, "AmazonRDS", "Storage Snapshot", ut(region, "RDS:ChargedBackupUsage", True), "GB-Mo",
        flat(qpw("rds-storage.json", "Storage Snapshot", region)),
        "${p} per additional GB-month of backup storage exceeding free allocation in {loc}", src,
        database_engine="Any")
    add(region, "AmazonRDS", "CPU Credits", ut(region, "CPUCredits:db.t3", True), "vCPU-Hours", flat("0.075"),
        "${p} per vCPU-Hour for RDS db.t3 CPU credits in {loc}",
        "FACTS.md s3 (AWS pricing page RDS, all regions, 2026; INF golden 2026-05)")

    # ---- AmazonElastiCache ----
    src = Q.format("elasticache.t3-t4g-micro-small.subset.json")
    for node, mem in [("cache.t3.micro", "0.5 GiB"), ("cache.t3.small", "1.37 GiB"),
                      ("cache.t4g.micro", "0.5 GiB"), ("cache.t4g.small", "1.37 GiB")]:
        for eng in ["Redis", "Valkey"]:
            fam = node.split(".", 1)[1]
            metric = (f"[OnDemand Cache Instance Standard {eng} Current Generation] OnDemand Cache Instance "
                      f"Standard cache {fam} {eng} Current Generation")
            p = qpw("elasticache.t3-t4g-micro-small.subset.json", metric, region,
                    f"Instance Type: {node}, vCPU: 2, Memory: {mem}, Network Performance: Up to 5 Gigabit")
            add(region, "AmazonElastiCache", "Cache Instance", ut(region, f"NodeUsage:{node}", True), "Hrs", flat(p),
                "${p} per On Demand " + eng + " " + node + " Instance Hour in {loc}", src,
                instance_type=node, cache_engine=eng)
    if region == "us-east-1":
        add(region, "AmazonElastiCache", "Storage Snapshot", ut(region, "BackupUsage", True), "GB-Mo", flat("0.085"),
            "${p} per GB-month of snapshot storage in {loc}", "FACTS.md s3 (INF golden 2024-07)")

    # ---- AmazonCloudWatch ----
    src = Q.format("cloudwatch.json")
    add(region, "AmazonCloudWatch", "Data Payload", ut(region, "DataProcessing-Bytes", False), "GB",
        flat(qpw("cloudwatch.json", "Logs Collected Data Ingestion", region)),
        "${p} per GB custom log data ingested (Standard class) in {loc}", src, group="Ingested Logs")
    add(region, "AmazonCloudWatch", "Storage Snapshot", ut(region, "TimedStorage-ByteHrs", False), "GB-Mo",
        flat(qpw("cloudwatch.json", "Stored Data", region)),
        "${p} per GB-mo of log storage in {loc}", src)
    add(region, "AmazonCloudWatch", "Data Payload", ut(region, "DataScanned-Bytes", False), "GB",
        flat(qpw("cloudwatch.json", "Queried Logs Insights", region)),
        "${p} per GB of log data scanned by CloudWatch Logs Insights queries in {loc}", src, group="Logs Insights")
    add(region, "AmazonCloudWatch", "Dashboard", "DashboardsUsageHour", "Dashboards",
        flat(qpw("cloudwatch.json", "Dashboard Basic Dashboard", "Any")),
        "${p} per dashboard per month (global, location Any)", src,
        location="Any", region_code="", location_type="")
    add(region, "AmazonCloudWatch", "Alarm", ut(region, "AlarmMonitorUsage", False), "Alarms",
        flat(qpw("cloudwatch.json", "Alarm Standard", region)),
        "${p} per standard resolution alarm metric per month in {loc}", src, alarm_type="Standard")
    add(region, "AmazonCloudWatch", "Alarm", ut(region, "AlarmMonitorUsage", False), "Alarms",
        flat(qpw("cloudwatch.json", "Alarm High Resolution", region)),
        "${p} per high resolution alarm metric per month in {loc}", src, alarm_type="High Resolution")
    add(region, "AmazonCloudWatch", "Metric", ut(region, "CW:MetricMonitorUsage", False), "Metrics",
        [(0, 10000, qpw("cloudwatch.json", "Metric for the first 10000", region)),
         (10000, 250000, qpw("cloudwatch.json", "Metric for the next 240000", region)),
         (250000, 1000000, qpw("cloudwatch.json", "Metric for the next 750000", region)),
         (1000000, "Inf", qpw("cloudwatch.json", "Metric for over 1000000", region))],
        "${p} per metric-month in {loc}", src)

    # ---- AWSSecretsManager ----
    src = Q.format("secretsmanager.json")
    add(region, "AWSSecretsManager", "Secret", ut(region, "AWSSecretsManager-Secrets", False), "Secrets",
        flat(qpw("secretsmanager.json", "Secret", region)), "${p} per secret per month in {loc}", src)
    add(region, "AWSSecretsManager", "API Request", ut(region, "AWSSecretsManager-APIRequest", False), "API Requests",
        flat(qpw("secretsmanager.json", "API Request", region)),
        "${p} per API request ($0.05 per 10,000) in {loc}", src)

    # ---- AmazonS3 (FACTS.md section 3, from QPW processed/s3.json, not copied locally) ----
    src = "FACTS.md s3 (QPW processed/s3.json 2025-06)"
    s3 = ("0.025", "0.024", "0.023") if region == "ap-southeast-1" else ("0.023", "0.022", "0.021")
    add(region, "AmazonS3", "Storage", ut(region, "TimedStorage-ByteHrs", True), "GB-Mo",
        [(0, 51200, s3[0]), (51200, 512000, s3[1]), (512000, "Inf", s3[2])],
        "${p} per GB-Month of S3 Standard storage in {loc}", src, volume_type="Standard")
    add(region, "AmazonS3", "API Request", ut(region, "Requests-Tier1", True), "Requests",
        flat(str(Decimal("0.005") / 1000)),
        "${p} per PUT, COPY, POST, or LIST request ($0.005 per 1,000) in {loc}", src)
    add(region, "AmazonS3", "API Request", ut(region, "Requests-Tier2", True), "Requests",
        flat(str(Decimal("0.0004") / 1000)),
        "${p} per GET and all other requests ($0.0004 per 1,000) in {loc}", src)

    # ---- AmazonECR ----
    add(region, "AmazonECR", "EC2 Container Registry", ut(region, "TimedStorage-ByteHrs", True), "GB-Mo",
        flat(qpw("ecr.json", "EC2 Container Registry", region)),
        "${p} per GB-month of data storage in {loc}", Q.format("ecr.json"))

    # ---- awswaf ----
    src = Q.format("waf.json")
    add(region, "awswaf", "Web Application Firewall", ut(region, "WebACLV2", False), "WebACL-Mo",
        flat(qpw("waf.json", "Web ACL Activated per Month", region)), "${p} per web ACL per month in {loc}", src)
    add(region, "awswaf", "Web Application Firewall", ut(region, "RuleV2", False), "Rule-Mo",
        flat(qpw("waf.json", "Rule Activated per Month", region)), "${p} per rule per web ACL per month in {loc}", src)
    add(region, "awswaf", "Web Application Firewall", ut(region, "RequestV2-Tier1", False), "Requests",
        flat(qpw("waf.json", "Request Processed Tier1 per Request", region)),
        "${p} per web request processed, up to 1,500 WCU ($0.60 per 1M) in {loc}", src)

    # ---- AWSSystemsManager ----
    src = Q.format("systemsmanager.json")
    add(region, "AWSSystemsManager", "AWS Systems Manager", ut(region, "PS-Advanced-Param-Tier1", False), "Hrs",
        flat(qpw("systemsmanager.json", "Advanced Parameter", region)),
        "${p} per advanced parameter per hour (page: $0.05 per parameter-month, prorated hourly) in {loc}", src)
    add(region, "AWSSystemsManager", "API Request", ut(region, "PS-Param-Processed-Tier2", False), "API Requests",
        flat(qpw("systemsmanager.json", "Parameter Higher Throughputper API Request", region)),
        "${p} per Parameter Store API interaction, higher throughput ($0.05 per 10,000) in {loc}", src)

    # ---- AWSDataTransfer (FACTS.md section 3) ----
    src = "FACTS.md s3 (QPW processed/datatransfer.json 2025-06)"
    dt = ("0.12", "0.085", "0.082", "0.08") if region == "ap-southeast-1" else ("0.09", "0.085", "0.07", "0.05")
    add(region, "AWSDataTransfer", "Data Transfer", ut(region, "DataTransfer-Out-Bytes", True), "GB",
        [(0, 10240, dt[0]), (10240, 51200, dt[1]), (51200, 153600, dt[2]), (153600, "Inf", dt[3])],
        "${p} per GB - data transfer out of {loc} to the internet", src,
        transfer_type="AWS Outbound", from_location=loc)
    add(region, "AWSDataTransfer", "Data Transfer", ut(region, "DataTransfer-Regional-Bytes", True), "GB", flat("0.01"),
        "${p} per GB - data transfer between Availability Zones in {loc}, each direction",
        "FACTS.md s3 (AWS pricing page EC2, 2026)" + ("" if region == "us-east-1" else " [unv]"),
        transfer_type="IntraRegion", from_location=loc)

def startkey(r):
    return int(r["StartingRange"])

for (region, offer), rs in rows.items():
    rs.sort(key=lambda r: (r["SKU"], startkey(r)))
    d = os.path.join(OUT, region)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"{offer}.csv"), "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(["FormatVersion", "v1.0"])
        w.writerow(["Disclaimer", DISCLAIMER])
        w.writerow(["Publication Date", PUB])
        w.writerow(["Version", VER])
        w.writerow(["OfferCode", offer])
        w.writerow(HEADER)
        for r in rs:
            w.writerow([r[h] for h in HEADER])
assert len(rows) == 4 * len(OFFERS), len(rows)
print("wrote", len(rows), "files")
