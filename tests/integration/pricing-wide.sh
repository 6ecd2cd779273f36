#!/bin/sh
# pricing-wide.sh - the 14-region snapshot: every row's provenance (public
# page, capture with commit, date; pricing/tools/check.py), and bills for
# configurations outside the guide's stack, computed by hand from the rows
# of the public captures the snapshot was built from.
. "$(dirname "$0")/../lib.sh"
W=$ROOT/tests/data/scenarios/wide

check "provenance: every shipped row names a public page, a capture with commit and a date" \
	python3 "$ROOT/pricing/tools/check.py"

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

# the baseline where the snapshot has no NAT gateway price: an error naming it, never a silent $0
$CP breakdown --region sa-east-1 >/dev/null 2>"$TMPD/sa.err"
rc=$?
expect_eq "wide: baseline in sa-east-1 stops (no NAT gateway price there)" "3" "$rc"
check "wide: ... and says which price is missing" grep -q "AmazonEC2, usage type NatGateway-Hours" "$TMPD/sa.err"
