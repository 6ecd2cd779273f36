/*
 * price_security.c - Secrets Manager, WAF and SSM Parameter Store.
 */
#include <stdlib.h>
#include <string.h>

#include "cost/pricer.h"
#include "util/error.h"

void price_secret(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	(void)r;
	memset(&q, 0, sizeof(q));
	q.offer = "AWSSecretsManager";
	q.family = "Secret";
	pricer_line(p, "Secret", "months", dec_from_int(1), &q);
	q.family = "API Request";
	pricer_usage_line(p, "API requests", "requests", "monthly_requests", dec_from_int(1), &q);
}

void price_waf(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	memset(&q, 0, sizeof(q));
	q.offer = "awswaf";
	q.family = "Web Application Firewall";
	q.usage = "WebACLV2";
	q.exclude = "ShieldProtected";
	pricer_line(p, "Web ACL", "months", dec_from_int(1), &q);
	q.usage = "RuleV2";
	pricer_line(p, "Rules", "rule-months", dec_from_int((long)res_len(r, "rule")), &q);
	q.usage = "RequestV2-Tier1";
	pricer_usage_line(p, "Requests inspected", "requests", "monthly_requests", dec_from_int(1),
			  &q);
}

void price_ssm_parameter(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	memset(&q, 0, sizeof(q));
	q.offer = "AWSSystemsManager";
	if (strcmp(res_str(r, "tier"), "Advanced") == 0) {
		q.usage = "PS-Advanced-Param-Tier1";
		pricer_line(p, "Advanced parameter", "hours", hours_month(), &q);
	} else {
		pricer_free_line(p, "Standard parameter", "standard parameters are free");
	}
	q.usage = "PS-Param-Processed-Tier2";
	struct cost_line *l = pricer_usage_line(p, "Higher-throughput API interactions", "requests",
						"monthly_api_interactions", dec_from_int(1), &q);
	if (l && !l->has_usage) {
		free(l->note);
		l->note = xstrdup("standard throughput is free");
	}
}
