/*
 * vpc_endpoint.c - VPC endpoints. Gateway endpoints (S3, DynamoDB) are
 * free (Amazon VPC pricing page: "there is no additional charge for using
 * gateway endpoints"); an interface endpoint is billed per hour in each
 * availability zone it has a network interface in (one per subnet), and
 * per GB processed, in tiers (AWS PrivateLink pricing page).
 */
#include <string.h>

#include "cost/types/common.h"

static const char *const ENDPOINT_TYPE[] = {"Gateway", "Interface", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "service_name", .kind = ATTR_STRING, .doc = "com.amazonaws.<region>.<service>",
	 .info = true},
	{.name = "vpc_endpoint_type", .kind = ATTR_ENUM, .def = "Gateway",
	 .choices = ENDPOINT_TYPE, .doc = "Gateway (free) or Interface (per AZ-hour)"},
	{.name = "subnet_ids", .kind = ATTR_LIST, .def = "", .max = 16,
	 .doc = "interface endpoints: one per AZ", .unit = "AZs"},
	{.name = "private_dns_enabled", .kind = ATTR_BOOL, .def = "false", .doc = "",
	 .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_data_processed_gb", "GB/month", "GB a month processed by the endpoint"},
	USAGE_END,
};

static void check(struct check_ctx *c, const struct resource *r)
{
	if (strcmp(res_str(r, "vpc_endpoint_type"), "Interface") == 0 &&
	    res_len(r, "subnet_ids") == 0)
		check_fail(c, NULL, "an Interface endpoint needs subnet_ids (one per AZ)");
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	if (strcmp(res_str(r, "vpc_endpoint_type"), "Gateway") == 0) {
		pricer_free_line(p, "Gateway endpoint", "S3 and DynamoDB gateway endpoints are free");
		return;
	}
	pq_set(&q, "AmazonVPC", "VpcEndpoint", "VpcEndpoint-Hours");
	pricer_line(p, "Interface endpoint (per AZ)", "endpoint-hours",
		    q_mul(p, q_len(p, r, "subnet_ids"), q_hours(p)), &q);
	pq_set(&q, "AmazonVPC", "VpcEndpoint", "VpcEndpoint-Bytes");
	pricer_line(p, "Data processed", "GB", q_usage(p, r, "monthly_data_processed_gb"), &q);
}

/*
 * subnet_ids: an interface endpoint's AZs (one network interface each).
 * A Gateway endpoint (Terraform's default type) is free whatever its
 * subnets: nothing to warn about, nothing to assume.
 */
static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	int unk;
	if (strcmp(a->name, "subnet_ids"))
		return 0;
	const char *et = json_string_value(plan_map_get(m, "vpc_endpoint_type", &unk));
	if (!et || strcmp(et, "Interface"))
		return 1;
	long len = plan_map_list_len(m, a->name);
	if (len <= -2) {
		len = -2 - len;
		plan_map_warn(m,
			      "%s: subnet_ids is known only after apply; priced with its current %ld "
			      "(an interface endpoint is billed per availability zone it has a "
			      "network interface in)",
			      plan_map_address(m), len);
	}
	if (len < 0) {
		plan_map_assume(m, a->name,
				"2 subnets (an interface endpoint is billed per availability zone "
				"it has a network interface in; set subnet_ids to price yours)");
		len = 2;
	} else if (len == 0) {
		plan_map_warn(m,
			      "%s: an Interface endpoint with no subnet_ids; priced in 2 availability "
			      "zones (it is billed per zone it has a network interface in)",
			      plan_map_address(m));
		len = 2;
	}
	plan_map_put_placeholders(m, a, (size_t)len);
	return 1;
}

const struct type_spec aws_vpc_endpoint_type = {
	.type = "aws_vpc_endpoint",
	.title = "VPC endpoint",
	.category = CAT_NETWORK,
	.attrs = ATTRS,
	.usage = USAGE,
	.check = check,
	.plan_attr = plan_attr,
	.price = price,
	.sim_role = SIM_ENDPOINT,
};
