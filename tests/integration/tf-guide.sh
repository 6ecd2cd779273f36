# tf-guide.sh - the guide's own Terraform (tests/data/guide), priced as a
# directory with no terraform and no credentials, gives the same bill as
# scenarios/baseline.json: resource by resource, component by component,
# cost by cost (`--format json`), and the same free-tier credits and total.
#
# Addresses differ only where the guide itself names a resource
# differently from the scenario; those five are renamed before comparing,
# and listed here. Free resources (no components, $0) are compared by type:
# the differences are the guide's own (it passes the certificate ARN in as
# a variable instead of declaring aws_acm_certificate, and declares role
# policies, a policy attachment and a secret version the scenario leaves
# out) and are listed too, so any other difference fails.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 2

G=$TMPD/guide.json
B=$TMPD/base.json
if ! $CP breakdown tests/data/guide --usage tests/data/guide/infracost-usage.json --format json >"$G" 2>"$TMPD/g.err"; then
	fail "guide: costplan breakdown tests/data/guide" "$(head -c 400 "$TMPD/g.err")"
	exit 0
fi
ok "guide: costplan breakdown tests/data/guide"
$CP breakdown scenarios/baseline.json --format json >"$B"

RENAME='{
  "aws_elasticache_replication_group.main": "aws_elasticache_replication_group.redis",
  "aws_s3_bucket.app": "aws_s3_bucket.app_files",
  "aws_ecr_repository.app": "aws_ecr_repository.backend",
  "aws_secretsmanager_secret.oauth_credentials": "aws_secretsmanager_secret.oauth",
  "aws_cloudwatch_log_group.app": "aws_cloudwatch_log_group.api"
}'
# priced resources: address, type, count, cost and every component, sorted
priced() {
	jq -S --argjson rename "$2" '[.resources[] | select(.category != "free" or .address == "free_tier")
		| .address = ($rename[.address] // .address)
		| {address, type, count, monthly_cost, components}] | sort_by(.address)' "$1"
}
priced "$G" "$RENAME" >"$TMPD/g.priced"
priced "$B" '{}' >"$TMPD/b.priced"
if cmp -s "$TMPD/g.priced" "$TMPD/b.priced"; then
	ok "guide: every priced resource and component equals the baseline's ($(jq length "$TMPD/b.priced") resources)"
else
	fail "guide: priced resources differ from the baseline" "$(diff "$TMPD/b.priced" "$TMPD/g.priced" | head -20 | tr '\n' ' ')"
fi
n=$(jq '[.[] | select(.address != "free_tier")] | length' "$TMPD/b.priced")
expect_eq "guide: the free-tier credits are compared too" "1" "$(jq '[.[] | select(.address == "free_tier")] | length' "$TMPD/b.priced")"
expect_eq "guide: the baseline has priced resources to compare" "yes" "$([ "$n" -ge 20 ] && echo yes || echo no)"
expect_eq "guide: same total" "$(jq .total_monthly_cost "$B")" "$(jq .total_monthly_cost "$G")"
expect_eq "guide: no warnings" "[]" "$(jq -c .warnings "$G")"

# free resources: every one $0 without components; types as listed above
expect_eq "guide: free resources cost nothing" "[]" \
	"$(jq -c '[.resources[] | select(.category == "free" and .address != "free_tier" and (.monthly_cost != 0 or (.components | length) != 0)) | .address]' "$G")"
types() { jq -r '[.resources[] | select(.category == "free" and .address != "free_tier") | .type] | unique | .[]' "$1"; }
types "$G" >"$TMPD/g.types"
types "$B" >"$TMPD/b.types"
expect_eq "guide: free types only in the baseline" "aws_acm_certificate" "$(comm -13 "$TMPD/g.types" "$TMPD/b.types" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "guide: free types only in the guide" \
	"aws_iam_role_policy aws_iam_role_policy_attachment aws_secretsmanager_secret_version" \
	"$(comm -23 "$TMPD/g.types" "$TMPD/b.types" | tr '\n' ' ' | sed 's/ $//')"
