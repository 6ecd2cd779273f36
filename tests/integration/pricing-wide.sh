#!/bin/sh
# pricing-wide.sh - the 14-region snapshot: every row's provenance (public
# page, capture with 12-hex commit or the documented "none stored" list, a
# date that is not in the future and is the one pricing/README.md's source
# table gives; pricing/tools/check.py), no reference to private notes under
# pricing/, the README's lookup table current, and bills for configurations
# outside the guide's stack, computed by hand from rows cited in comments
# (region, usage type, price, public capture).
. "$(dirname "$0")/../lib.sh"
W=$ROOT/tests/data/wide

check "provenance: every shipped row names a public page, a capture with commit and the source table's date" \
	python3 "$ROOT/pricing/tools/check.py"
check "provenance: pricing/README.md's lookup table matches the shipped files" \
	python3 "$ROOT/pricing/tools/tables.py" --check
# negative controls: a row dated other than its source table says, a future date, a capture not listed
mkdir -p "$TMPD/neg"
cp -R "$ROOT/pricing/tools" "$ROOT/pricing/README.md" "$TMPD/neg/"
mkdir -p "$TMPD/neg/aws/eu-north-1"
for case in "wrongdate:source table gives" "future:is in the future" "unlisted:missing from pricing/README.md"; do
	bad=${case%%:*}
	why=${case#*:}
	rm -f "$TMPD/neg/aws/eu-north-1/"*.csv
	python3 - "$ROOT/pricing/aws/eu-north-1/AmazonCloudWatch.csv" "$TMPD/neg/aws/eu-north-1/AmazonCloudWatch.csv" "$bad" <<'PY'
import sys
src, dst, bad = sys.argv[1:]
t = open(src).read()
if bad == "wrongdate":
    t = t.replace('"2025-12-06"', '"2025-12-05"').replace("2025-12-06T", "2025-12-05T").replace('"20251206', '"20251205')
elif bad == "future":
    t = t.replace('"2025-12-06"', '"2999-01-01"').replace("2025-12-06T", "2999-01-01T").replace('"20251206', '"29990101')
else:
    t = t.replace("v0rts/aws-price-watcher @ c4a0470f6340", "someone/else @ 0123456789ab")
open(dst, "w").write(t)
PY
	if python3 "$TMPD/neg/tools/check.py" >"$TMPD/neg.out" 2>&1; then
		fail "provenance: check.py rejects a $bad row" "it passed"
	elif grep -q "$why" "$TMPD/neg.out"; then
		ok "provenance: check.py rejects a $bad row"
	else
		fail "provenance: check.py rejects a $bad row" "for another reason: $(head -c 300 "$TMPD/neg.out")"
	fi
done

# total_monthly_cost of a scenario, from --format json
total() { $CP breakdown "$1" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["total_monthly_cost"])'; }

# eu-central-1 PostgreSQL db.r7g.large Multi-AZ, 100 GB gp3 Multi-AZ:
#   v0rts/aws-price-watcher@c4a0470f6340 processed/rds-postgresql-ondemand.json,
#   row "eu-central-1,db.r7g.large,PostgreSQL,Multi-AZ,hour,0.5820000000": 730 x 0.582 = 424.86
#   processed/rds-storage.json, row "eu-central-1,Database Storage Multi AZ General Purpose-GP3,
#   ...,0.2740000000": 100 x 0.274 = 27.40                                total 452.26
expect_eq "wide: PostgreSQL db.r7g.large Multi-AZ in eu-central-1" "452.26" "$(total "$W/pg-r7g-eu-central-1.json")"

# ap-south-1 Valkey cache.t4g.small x 2 (aws_elasticache_replication_group, engine "valkey"):
#   processed/elasticache.json, row "ap-south-1,cache.t4g.small,Valkey,,node-hour,0.0328000000":
#   2 x 730 x 0.0328 = 47.888 -> 47.89
expect_eq "wide: Valkey cache.t4g.small x 2 in ap-south-1" "47.89" "$(total "$W/valkey-ap-south-1.json")"

# us-east-2 PostgreSQL db.t3.medium Single-AZ, 20 GB gp2:
#   row "us-east-2,db.t3.medium,PostgreSQL,Single-AZ,hour,0.0720000000": 730 x 0.072 = 52.56
#   row "us-east-2,Database Storage Single AZ General Purpose,...,0.1150000000": 20 x 0.115 = 2.30
#   CPU credits: no usage given, $0                                        total 54.86
expect_eq "wide: PostgreSQL db.t3.medium in us-east-2" "54.86" "$(total "$W/pg-t3-medium-us-east-2.json")"

# eu-central-1: ALB (internet-facing, 2 subnets, no traffic) + 2 Fargate tasks of 0.5 vCPU / 1 GB:
#   AWSELB EUC1-LoadBalancerUsage 0.027/h (v0rts/aws-price-watcher@c4a0470f6340 processed/elb.json):
#     730 x 0.027 = 19.71
#   AmazonVPC EUC1-PublicIPv4:InUseAddress 0.005/h (QuinnyPig/aws-price-watcher@a6645eb2e53e processed/vpc.json):
#     2 x 730 x 0.005 = 7.30
#   AmazonECS EUC1-Fargate-vCPU-Hours:perCPU 0.04656, EUC1-Fargate-GB-Hours 0.00511 (processed/ecs.json):
#     2 x 0.5 x 730 x 0.04656 = 33.9888 -> 33.99; 2 x 1 x 730 x 0.00511 = 7.4606 -> 7.46   total 68.46
expect_eq "wide: ALB + Fargate in eu-central-1" "68.46" "$(total "$W/alb-fargate-eu-central-1.json")"

# ap-northeast-1: ALB processing 2 GB an hour (2 LCU) + 1 task of 1 vCPU / 2 GB:
#   APN1-LoadBalancerUsage 0.0243: 730 x 0.0243 = 17.739 -> 17.74
#   APN1-LCUUsage 0.008 (processed/elb.json): 2 x 730 x 0.008 = 11.68
#   APN1-PublicIPv4:InUseAddress 0.005: 2 x 730 x 0.005 = 7.30
#   APN1-Fargate-vCPU-Hours:perCPU 0.05056: 730 x 0.05056 = 36.9088 -> 36.91
#   APN1-Fargate-GB-Hours 0.00553: 2 x 730 x 0.00553 = 8.0738 -> 8.07             total 81.70
expect_eq "wide: ALB + Fargate in ap-northeast-1" "81.7" "$(total "$W/alb-fargate-ap-northeast-1.json")"

# ca-central-1: internal ALB (no public IPv4) + 3 tasks of 0.25 vCPU / 0.5 GB:
#   CAN1-LoadBalancerUsage 0.02475: 730 x 0.02475 = 18.0675 -> 18.07
#   CAN1-Fargate-vCPU-Hours:perCPU 0.04456: 3 x 0.25 x 730 x 0.04456 = 24.3966 -> 24.40
#   CAN1-Fargate-GB-Hours 0.004865: 3 x 0.5 x 730 x 0.004865 = 5.327175 -> 5.33     total 47.80
expect_eq "wide: internal ALB + Fargate in ca-central-1" "47.8" "$(total "$W/alb-fargate-ca-central-1.json")"

# eu-west-1: NAT gateway processing 100 GB + internal ALB + 1 task of 0.25 vCPU / 0.5 GB:
#   AmazonEC2 EU-NatGateway-Hours and EU-NatGateway-Bytes 0.048 (AWS Price List AmazonEC2
#     20260925174521 eu-west-1, publicationDate 2026-09-25): 730 x 0.048 = 35.04; 100 x 0.048 = 4.80
#   EU-LoadBalancerUsage 0.0252: 730 x 0.0252 = 18.396 -> 18.40
#   EU-Fargate-vCPU-Hours:perCPU 0.04048: 0.25 x 730 x 0.04048 = 7.3876 -> 7.39
#   EU-Fargate-GB-Hours 0.004445: 0.5 x 730 x 0.004445 = 1.622425 -> 1.62              total 67.25
expect_eq "wide: NAT + internal ALB + Fargate in eu-west-1" "67.25" "$(total "$W/nat-alb-fargate-eu-west-1.json")"

# sa-east-1: 60,000 GB of S3 Standard, crossing the 50 TB tier:
#   AmazonS3 SAE1-TimedStorage-ByteHrs (General Purpose / Standard), processed/s3.json @ c4a0470f6340:
#   tiers 0-51200 at 0.0405, 51200-512000 at 0.039: 51200 x 0.0405 = 2073.60; 8800 x 0.039 = 343.20
#                                                                                  total 2416.80
expect_eq "wide: S3 Standard 60,000 GB in sa-east-1 (two tiers)" "2416.8" "$(total "$W/s3-standard-tiers-sa-east-1.json")"

# eu-north-1: one log group ingesting 40 GB a month, kept 30 days (free tier off):
#   AmazonCloudWatch EUN1-DataProcessing-Bytes 0.54 (processed/cloudwatch.json @ c4a0470f6340): 40 x 0.54 = 21.60
#   EUN1-TimedStorage-ByteHrs 0.028: stored GB = 40 x 30 / (365 / 12) = 39.452; x 0.028 = 1.1047 -> 1.10
#                                                                                  total 22.70
expect_eq "wide: CloudWatch logs in eu-north-1" "22.7" "$(total "$W/logs-eu-north-1.json")"

# ap-southeast-2: 2 secrets (100,000 API calls on one) + a web ACL with 3 rules inspecting 5M requests:
#   AWSSecretsManager APS2-AWSSecretsManager-Secrets 0.40, APS2-AWSSecretsManager-APIRequest 0.000005
#     (QuinnyPig/aws-price-watcher@a6645eb2e53e processed/secretsmanager.json): 2 x 0.40 + 100000 x 0.000005 = 1.30
#   awswaf APS2-WebACLV2 5.00, APS2-RuleV2 1.00, APS2-RequestV2-Tier1 0.0000006 (processed/waf.json):
#     5.00 + 3 x 1.00 + 5000000 x 0.0000006 = 11.00                                 total 12.30
expect_eq "wide: Secrets Manager + WAF in ap-southeast-2" "12.3" "$(total "$W/secrets-waf-ap-southeast-2.json")"

# the baseline where the snapshot has no NAT gateway price: an error naming it, never a silent $0
$CP breakdown --region sa-east-1 >/dev/null 2>"$TMPD/sa.err"
rc=$?
expect_eq "wide: baseline in sa-east-1 stops (no NAT gateway price there)" "3" "$rc"
check "wide: ... and says which price is missing" grep -q "AmazonEC2, usage type NatGateway-Hours" "$TMPD/sa.err"
