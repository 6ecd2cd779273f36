/*
 * nat_gateway.c - NAT gateways: billed per hour and per GB processed (in
 * both directions), on top of any data transfer charges (AWS VPC pricing
 * page). NAT prices sit in the AmazonEC2 price list. The gateway's Elastic
 * IP is its own resource (eip.c).
 */
#include <string.h>

#include "cost/types/common.h"

static const char *const NAT_CONN[] = {"public", "private", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "connectivity_type", .kind = ATTR_ENUM, .def = "public", .choices = NAT_CONN,
	 .doc = ""},
	{.name = "allocation_id", .kind = ATTR_REF, .def = "", .ref_type = "aws_eip",
	 .doc = "its Elastic IP"},
	{.name = "subnet_id", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_data_processed_gb", "GB/month", "GB a month processed by the gateway"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	if (strcmp(res_str(r, "connectivity_type"), "private") == 0)
		breakdown_warn(p->b, "%s is a private NAT gateway: priced like a public one",
			       r->address);
	pq_set(&q, "AmazonEC2", "NAT Gateway", "NatGateway-Hours");
	pricer_line(p, "NAT gateway", "hours", q_hours(p), &q);
	pq_set(&q, "AmazonEC2", "NAT Gateway", "NatGateway-Bytes");
	pricer_line(p, "Data processed", "GB", q_usage(p, r, "monthly_data_processed_gb"), &q);
}

/* allocation_id holds an AWS id in a plan, not a scenario name. */
static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	(void)m;
	return !strcmp(a->name, "allocation_id");
}

const struct type_spec aws_nat_gateway_type = {
	.type = "aws_nat_gateway",
	.title = "NAT gateway",
	.category = CAT_NETWORK,
	.attrs = ATTRS,
	.usage = USAGE,
	.plan_attr = plan_attr,
	.price = price,
	.sim_role = SIM_NAT,
	.sim_usage = "monthly_data_processed_gb",
};
