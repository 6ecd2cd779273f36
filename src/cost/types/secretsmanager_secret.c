/*
 * secretsmanager_secret.c - Secrets Manager secrets: per secret-month and
 * per 10,000 API calls (AWS Secrets Manager pricing page).
 */
#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_requests", "requests/month", "API requests a month"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	pq_set(&q, "AWSSecretsManager", "Secret", NULL);
	pricer_line(p, "Secret", "months", q_int(p, 1), &q);
	pq_set(&q, "AWSSecretsManager", "API Request", NULL);
	pricer_line(p, "API requests", "requests", q_usage(p, r, "monthly_requests"), &q);
}

const struct type_spec aws_secretsmanager_secret_type = {
	.type = "aws_secretsmanager_secret",
	.title = "Secrets Manager secret",
	.category = CAT_SECURITY,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
};
