/*
 * lambda_function.c - AWS Lambda functions (on-demand invocations).
 *
 * How AWS bills a function (AWS Lambda pricing page,
 * https://aws.amazon.com/lambda/pricing/): each request, and its duration
 * in GB-seconds: the memory configured (memory_size MB / 1024) times the
 * time the code runs, rounded up to the millisecond. Arm (Graviton)
 * functions have their own, lower duration price. Duration is tiered by
 * the month's total GB-seconds (x86: 6 and 15 billion; Arm: 7.5 and 18.75
 * billion); here each function goes through the tiers on its own, which
 * equals AWS's bill unless several functions together pass the first
 * tier. Ephemeral storage above the 512 MB every function gets is billed
 * per GB-second of duration. The always-free allowance, 1 million requests
 * and 400,000 GB-seconds a month for x86 and Arm together, is deducted in
 * the free-tier block (free_tier.c).
 *
 * Usage figures are Infracost's keys: monthly_requests and
 * request_duration_ms (the average duration of a request). Without them
 * every line is $0 and says so. Provisioned concurrency is its own
 * resource (aws_lambda_provisioned_concurrency_config), not priced here.
 */
#include <string.h>

#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "function_name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "runtime", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "memory_size", .kind = ATTR_INT, .def = "128", .min = 128, .max = 10240,
	 .doc = "MB of memory (Terraform's default 128)", .unit = "MB"},
	{.name = "architectures", .kind = ATTR_LIST, .def = "", .max = 1,
	 .doc = "[\"x86_64\"] (the default) or [\"arm64\"]"},
	{.name = "ephemeral_storage.size", .kind = ATTR_INT, .def = "512", .min = 512, .max = 10240,
	 .doc = "MB of /tmp (512 included)", .unit = "MB"},
	{.name = "timeout", .kind = ATTR_INT, .def = "3", .min = 1, .max = 900, .doc = "seconds",
	 .info = true},
	{.name = "package_type", .kind = ATTR_STRING, .def = "Zip", .doc = "", .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_requests", "requests/month", "invocations a month"},
	{"request_duration_ms", "ms", "average duration of an invocation, in milliseconds"},
	USAGE_END,
};

static bool arm64(const struct resource *r)
{
	json_t *a = json_object_get(r->attrs, "architectures");
	const char *s = json_string_value(json_array_get(a, 0));
	return s && !strcmp(s, "arm64");
}

static void check(struct check_ctx *c, const struct resource *r)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(r->attrs, "architectures"), i, v) {
		const char *s = json_string_value(v);
		if (strcmp(s, "x86_64") && strcmp(s, "arm64"))
			check_fail(c, "architectures", "architectures takes \"x86_64\" or \"arm64\"");
	}
}

static void plan_check(struct plan_map *m)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(plan_map_values(m), "architectures"), i, v) {
		const char *s = json_string_value(v);
		if (s && strcmp(s, "x86_64") && strcmp(s, "arm64"))
			plan_map_not_priced(m, "architecture \"%.40s\" is not x86_64 or arm64", s);
	}
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	bool arm = arm64(r);
	const char *arch = arm ? "Arm" : "x86";
	char name[96];
	const struct qty *req = q_usage(p, r, "monthly_requests");
	/* requests x ms x MB / (1000 ms x 1024 MB) = GB-seconds */
	const struct qty *ms = q_mul(p, req, q_usage(p, r, "request_duration_ms"));
	const struct qty *gbs = q_div(p, q_mul(p, ms, q_attr(p, r, "memory_size")),
				      q_int(p, 1024000));

	pq_set(&q, "AWSLambda", "Serverless", arm ? "Request-ARM" : "Request");
	pq_attr(&q, "Group", arm ? "AWS-Lambda-Requests-ARM" : "AWS-Lambda-Requests");
	snprintf(name, sizeof(name), "Requests (%s)", arch);
	struct cost_line *l = pricer_line(p, name, "requests", req, &q);
	pricer_pool(l, POOL_LAMBDA_REQUESTS);

	pq_set(&q, "AWSLambda", "Serverless", arm ? "Lambda-GB-Second-ARM" : "Lambda-GB-Second");
	pq_attr(&q, "Group", arm ? "AWS-Lambda-Duration-ARM" : "AWS-Lambda-Duration");
	snprintf(name, sizeof(name), "Duration (%s)", arch);
	l = pricer_line(p, name, "GB-seconds", gbs, &q);
	pricer_pool(l, POOL_LAMBDA_GB_SECONDS);
	if (l && l->has_usage && !json_object_get(r->usage, "request_duration_ms"))
		pricer_note(l, "set request_duration_ms: $0 until then");
	else if (l && l->has_usage)
		pricer_note(l, "AWS rounds each invocation up to the millisecond; the month's "
			       "tiers apply to all functions together, here to this one alone");

	if (res_int(r, "ephemeral_storage.size") > 512) {
		const struct qty *above = q_sub(p, q_attr(p, r, "ephemeral_storage.size"),
						q_int(p, 512));
		pq_set(&q, "AWSLambda", "Serverless",
		       arm ? "Lambda-Storage-GB-Second-ARM" : "Lambda-Storage-GB-Second");
		pq_attr(&q, "Group",
			arm ? "AWS-Lambda-Storage-Duration-ARM" : "AWS-Lambda-Storage-Duration");
		snprintf(name, sizeof(name), "Ephemeral storage above 512 MB (%s)", arch);
		pricer_line(p, name, "GB-seconds",
			    q_div(p, q_mul(p, ms, above), q_int(p, 1024000)), &q);
	}
}

const struct type_spec aws_lambda_function_type = {
	.type = "aws_lambda_function",
	.title = "Lambda function",
	.category = CAT_COMPUTE,
	.attrs = ATTRS,
	.usage = USAGE,
	.check = check,
	.plan_check = plan_check,
	.price = price,
};
