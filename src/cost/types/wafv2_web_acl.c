/*
 * wafv2_web_acl.c - AWS WAF web ACLs: per web ACL-month, per rule-month
 * and per million requests inspected (AWS WAF pricing page). Shield
 * Advanced variants of the usage types are not the ones billed here.
 */
#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "scope", .kind = ATTR_STRING, .def = "REGIONAL", .doc = "", .info = true},
	{.name = "rule", .kind = ATTR_BLOCKS, .def = "", .max = 100, .doc = "one entry per rule",
	 .unit = "rules"},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_requests", "requests/month", "requests inspected a month"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	pq_set(&q, "awswaf", "Web Application Firewall", "WebACLV2");
	q.exclude = "ShieldProtected";
	pricer_line(p, "Web ACL", "months", q_int(p, 1), &q);
	q.usage = "RuleV2";
	pricer_line(p, "Rules", "rule-months", q_len(p, r, "rule"), &q);
	q.usage = "RequestV2-Tier1";
	pricer_line(p, "Requests inspected", "requests", q_usage(p, r, "monthly_requests"), &q);
}

const struct type_spec aws_wafv2_web_acl_type = {
	.type = "aws_wafv2_web_acl",
	.title = "WAF web ACL",
	.category = CAT_SECURITY,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
};
