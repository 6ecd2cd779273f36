/*
 * ssm_parameter.c - Systems Manager Parameter Store parameters. Standard
 * parameters and standard throughput are free; an advanced parameter is
 * billed per parameter-month, and higher-throughput API interactions per
 * 10,000 (AWS Systems Manager pricing page).
 */
#include <string.h>

#include "cost/types/common.h"

static const char *const SSM_TIER[] = {"Standard", "Advanced", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "type", .kind = ATTR_STRING, .def = "SecureString", .doc = "", .info = true},
	{.name = "tier", .kind = ATTR_ENUM, .def = "Standard", .choices = SSM_TIER,
	 .doc = "Standard (free) or Advanced"},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_api_interactions", "requests/month", "higher-throughput API interactions a month"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	pricer_selects(p, r, "tier");
	pq_set(&q, "AWSSystemsManager", NULL, "PS-Advanced-Param-Tier1");
	if (strcmp(res_str(r, "tier"), "Advanced") == 0)
		pricer_line(p, "Advanced parameter", "hours", q_hours(p), &q);
	else
		pricer_free_line(p, "Standard parameter", "standard parameters are free");
	q.usage = "PS-Param-Processed-Tier2";
	struct cost_line *l = pricer_line(p, "Higher-throughput API interactions", "requests",
					  q_usage(p, r, "monthly_api_interactions"), &q);
	if (l && !l->has_usage)
		pricer_note(l, "standard throughput is free");
}

const struct type_spec aws_ssm_parameter_type = {
	.type = "aws_ssm_parameter",
	.title = "SSM Parameter Store parameter",
	.category = CAT_SECURITY,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
};
