/*
 * lb.c - Application Load Balancers.
 *
 * An ALB is billed per hour and per load balancer capacity unit (LCU): each
 * hour's LCUs are the maximum of four dimensions, new connections per
 * second / 25, active connections per minute / 3,000, GB processed per
 * hour / 1 and rule evaluations per second / 1,000 (AWS Elastic Load
 * Balancing pricing page). From hourly averages that is max(averages) x
 * 730; monthly_lcu_hours (from `costplan simulate`, the sum of each hour's
 * maximum) replaces it. Since 2024-02-01 AWS charges every public IPv4
 * address ($0.005/h): an internet-facing ALB has one per subnet.
 */
#include <string.h>

#include "cost/types/common.h"

static const char *const LB_TYPE[] = {"application", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "load_balancer_type", .kind = ATTR_ENUM, .def = "application",
	 .choices = LB_TYPE, .doc = ""},
	{.name = "internal", .kind = ATTR_BOOL, .def = "false",
	 .doc = "internal ALBs have no public IPs"},
	{.name = "subnets", .kind = ATTR_LIST, .min = 2, .max = 16,
	 .doc = "one node and public IPv4 per subnet", .unit = "subnets"},
	{.name = "enable_deletion_protection", .kind = ATTR_BOOL, .def = "false", .doc = "free",
	 .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"new_connections", "per second", "new connections per second (hourly average)"},
	{"active_connections", "per minute", "active connections per minute (hourly average)"},
	{"processed_bytes_gb", "GB/hour", "GB processed per hour (hourly average)"},
	{"rule_evaluations", "per second", "rule evaluations per second (hourly average)"},
	{"monthly_lcu_hours", "LCU-hours", "LCU-hours the month used (simulated)"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	const struct qty *lcu;

	pq_set(&q, "AWSELB", "Load Balancer-Application", "LoadBalancerUsage");
	pricer_line(p, "Application load balancer", "hours", q_hours(p), &q);

	if (json_object_get(r->usage, "monthly_lcu_hours")) {
		/* the sum over hours of each hour's maximum (costplan simulate) */
		lcu = q_usage(p, r, "monthly_lcu_hours");
	} else {
		/* the hourly maximum of the four dimensions (usage are hourly averages) */
		const struct qty *d[4] = {
			q_div(p, q_usage(p, r, "new_connections"), q_int(p, 25)),
			q_div(p, q_usage(p, r, "active_connections"), q_int(p, 3000)),
			q_usage(p, r, "processed_bytes_gb"),
			q_div(p, q_usage(p, r, "rule_evaluations"), q_int(p, 1000)),
		};
		lcu = q_mul(p, q_max(p, d, 4), q_hours(p));
	}
	pq_set(&q, "AWSELB", "Load Balancer-Application", "LCUUsage");
	pricer_line(p, "Load balancer capacity units", "LCU-hours", lcu, &q);
	if (!res_bool(r, "internal")) {
		pq_public_ipv4(&q);
		pricer_line(p, "Public IPv4 (one per subnet)", "IP-hours",
			    q_mul(p, q_len(p, r, "subnets"), q_hours(p)), &q);
	}
}

/* subnets, or subnet_mapping blocks; 2 when unknown (the ALB minimum). */
static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	if (strcmp(a->name, "subnets"))
		return 0;
	long len = plan_map_list_len(m, a->name);
	if (len == 0) {
		long k = plan_map_list_len(m, "subnet_mapping");
		len = k >= 0 ? k : len;
	}
	if (len <= -2) {
		len = -2 - len;
		plan_map_warn(m, "%s: %s is known only after apply; priced with its current %ld",
			      plan_map_address(m), a->name, len);
	}
	if (len <= 0) {
		plan_map_assume(m, a->name, "2 subnets (2 availability zones, the ALB minimum)");
		len = 2;
	}
	plan_map_put_placeholders(m, a, (size_t)len);
	return 1;
}

const struct type_spec aws_lb_type = {
	.type = "aws_lb",
	.title = "Application Load Balancer",
	.category = CAT_NETWORK,
	.attrs = ATTRS,
	.usage = USAGE,
	.plan_attr = plan_attr,
	.price = price,
	.sim_role = SIM_LOAD_BALANCER,
	.sim_usage = "monthly_lcu_hours",
};
