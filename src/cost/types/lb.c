/*
 * lb.c - Elastic Load Balancing v2: Application, Network and Gateway Load
 * Balancers (aws_lb, and aws_alb, the provider's old name for the same
 * resource).
 *
 * Each is billed per hour and per capacity unit-hour (AWS Elastic Load
 * Balancing pricing page, https://aws.amazon.com/elasticloadbalancing/pricing/).
 * An hour's capacity units are the largest of its dimensions, from hourly
 * averages (so max(averages) x 730):
 *
 *   ALB  LCU:  new connections per second / 25, active connections per
 *              minute / 3,000, GB processed per hour / 1, rule evaluations
 *              per second / 1,000. monthly_lcu_hours (from `costplan
 *              simulate`, the sum of each hour's maximum) replaces it.
 *   NLB  NLCU: per protocol, TCP: new connections / 800, active
 *              connections / 100,000, GB / 1; UDP: new flows / 400, active
 *              flows / 50,000, GB / 1; TLS: new connections / 50, active
 *              connections / 3,000, GB / 1. An NLB carrying several
 *              protocols pays each protocol's NLCUs (their sum: each
 *              dimension counts that protocol's traffic only).
 *   GWLB GLCU: new flows / 600, active flows / 60,000, GB / 1.
 *
 * The TCP (and GWLB) dimensions take Infracost's keys, new_connections,
 * active_connections and processed_bytes_gb, so its usage files work; UDP
 * and TLS have keys of their own. Since 2024-02-01 AWS charges every public
 * IPv4 address ($0.005/h): an internet-facing ALB or NLB has one per subnet,
 * except NLB subnets given an Elastic IP (subnet_mapping.allocation_id),
 * whose address is billed on the aws_eip. Gateway Load Balancers are never
 * internet-facing.
 *
 * The simulation computes ALB LCUs for every load balancer; for an NLB or a
 * GWLB monthly_lcu_hours is ignored with a warning and the capacity units
 * come from the dimensions.
 */
#include <string.h>

#include "cost/types/common.h"

static const char *const LB_TYPE[] = {"application", "network", "gateway", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "load_balancer_type", .kind = ATTR_ENUM, .def = "application",
	 .choices = LB_TYPE, .doc = ""},
	{.name = "internal", .kind = ATTR_BOOL, .def = "false",
	 .doc = "internal ALBs have no public IPs"},
	{.name = "subnets", .kind = ATTR_LIST, .min = 1, .max = 16,
	 .doc = "one node and public IPv4 per subnet", .unit = "subnets"},
	{.name = "elastic_ips", .kind = ATTR_LIST, .def = "", .max = 16,
	 .doc = "network: subnets whose address is an Elastic IP (billed on the aws_eip)",
	 .unit = "subnets"},
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
	{"tls_new_connections", "per second",
	 "network: new TLS connections per second (hourly average)"},
	{"tls_active_connections", "per minute",
	 "network: active TLS connections, sampled per minute (hourly average)"},
	{"tls_processed_bytes_gb", "GB/hour", "network: TLS GB processed per hour (hourly average)"},
	{"udp_new_flows", "per second", "network: new UDP flows per second (hourly average)"},
	{"udp_active_flows", "per minute",
	 "network: active UDP flows, sampled per minute (hourly average)"},
	{"udp_processed_bytes_gb", "GB/hour", "network: UDP GB processed per hour (hourly average)"},
	USAGE_END,
};

static bool given(const struct resource *r, const char *key)
{
	return json_object_get(r->usage, key) != NULL;
}

/* One protocol's capacity units an hour: the largest of new / per_new,
 * active / per_active and GB / 1. */
static const struct qty *units(struct pricer_ctx *p, const struct resource *r, const char *nk,
			       long per_new, const char *ak, long per_active, const char *gk)
{
	const struct qty *d[3] = {
		q_div(p, q_usage(p, r, nk), q_int(p, per_new)),
		q_div(p, q_usage(p, r, ak), q_int(p, per_active)),
		q_usage(p, r, gk),
	};
	return q_max(p, d, 3);
}

static void price_alb(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	const struct qty *lcu;

	pq_set(&q, "AWSELB", "Load Balancer-Application", "LoadBalancerUsage");
	pricer_line(p, "Application load balancer", "hours", q_hours(p), &q);

	if (given(r, "monthly_lcu_hours")) {
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

static void ignore_simulated(struct pricer_ctx *p, const struct resource *r, const char *unit)
{
	if (given(r, "monthly_lcu_hours"))
		breakdown_warn(p->b,
			       "%s: monthly_lcu_hours counts Application Load Balancer LCUs; this "
			       "%s load balancer's %ss come from its connection, flow and GB "
			       "figures instead",
			       r->address, res_str(r, "load_balancer_type"), unit);
}

static void price_nlb(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;

	pq_set(&q, "AWSELB", "Load Balancer-Network", "LoadBalancerUsage");
	pricer_line(p, "Network load balancer", "hours", q_hours(p), &q);

	ignore_simulated(p, r, "NLCU");
	const struct qty *n = units(p, r, "new_connections", 800, "active_connections", 100000,
				    "processed_bytes_gb");
	if (given(r, "udp_new_flows") || given(r, "udp_active_flows") ||
	    given(r, "udp_processed_bytes_gb"))
		n = q_add(p, n, units(p, r, "udp_new_flows", 400, "udp_active_flows", 50000,
				      "udp_processed_bytes_gb"));
	if (given(r, "tls_new_connections") || given(r, "tls_active_connections") ||
	    given(r, "tls_processed_bytes_gb"))
		n = q_add(p, n, units(p, r, "tls_new_connections", 50, "tls_active_connections",
				      3000, "tls_processed_bytes_gb"));
	pq_set(&q, "AWSELB", "Load Balancer-Network", "LCUUsage");
	pricer_line(p, "NLB capacity units", "NLCU-hours",
		    q_mul(p, n, q_hours(p)), &q);

	if (!res_bool(r, "internal")) {
		const struct qty *ips = q_len(p, r, "subnets");
		if (res_len(r, "elastic_ips"))
			ips = q_sub(p, ips, q_len(p, r, "elastic_ips"));
		pq_public_ipv4(&q);
		l = pricer_line(p, "Public IPv4 (one per subnet)", "IP-hours",
				q_mul(p, ips, q_hours(p)), &q);
		if (l && res_len(r, "elastic_ips"))
			pricer_note(l, "subnets with an Elastic IP are billed on the aws_eip");
	}
}

static void price_gwlb(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;

	pq_set(&q, "AWSELB", "Load Balancer-Gateway", "LoadBalancerUsage");
	pricer_line(p, "Gateway load balancer", "hours", q_hours(p), &q);
	ignore_simulated(p, r, "GLCU");
	const struct qty *g = units(p, r, "new_connections", 600, "active_connections", 60000,
				    "processed_bytes_gb");
	pq_set(&q, "AWSELB", "Load Balancer-Gateway", "LCUUsage");
	pricer_line(p, "GWLB capacity units", "GLCU-hours",
		    q_mul(p, g, q_hours(p)), &q);
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	const char *t = res_str(r, "load_balancer_type");
	if (!strcmp(t, "network")) {
		pricer_selects(p, r, "load_balancer_type");
		price_nlb(p, r);
	} else if (!strcmp(t, "gateway")) {
		pricer_selects(p, r, "load_balancer_type");
		price_gwlb(p, r);
	} else {
		price_alb(p, r);
	}
}

static void check(struct check_ctx *c, const struct resource *r)
{
	const char *t = res_str(r, "load_balancer_type");
	if (!strcmp(t, "application") && res_len(r, "subnets") < 2)
		check_fail(c, "subnets", "an Application Load Balancer needs at least 2 subnets "
			   "(2 availability zones)");
	if (res_len(r, "elastic_ips") && strcmp(t, "network"))
		check_fail(c, "elastic_ips", "only a Network Load Balancer takes Elastic IPs");
	else if (res_len(r, "elastic_ips") > res_len(r, "subnets"))
		check_fail(c, "elastic_ips", "%zu Elastic IPs for %zu subnets: at most one a subnet",
			   res_len(r, "elastic_ips"), res_len(r, "subnets"));
}

static bool is_application(struct plan_map *m)
{
	json_t *t = json_object_get(plan_map_values(m), "load_balancer_type");
	return !json_is_string(t) || !json_string_value(t)[0] ||
	       !strcmp(json_string_value(t), "application");
}

/* subnet_mapping blocks with an allocation_id: a Network Load Balancer's
 * Elastic IPs (no other type takes one), at most one a subnet. */
static int plan_elastic_ips(struct plan_map *m, const struct attr_spec *a)
{
	json_t *maps = json_object_get(plan_map_values(m), "subnet_mapping"), *e;
	json_t *t = json_object_get(plan_map_values(m), "load_balancer_type");
	size_t i, n = 0;
	if (!json_is_string(t) || strcmp(json_string_value(t), "network")) {
		plan_map_put_placeholders(m, a, 0);
		return 1;
	}
	json_array_foreach(maps, i, e) {
		json_t *id = json_object_get(e, "allocation_id");
		if (json_is_string(id) && json_string_value(id)[0])
			n++;
	}
	long subnets = plan_map_list_len(m, "subnets");
	if (subnets > 0 && n > (size_t)subnets)
		n = (size_t)subnets;
	plan_map_put_placeholders(m, a, n);
	return 1;
}

/* subnets, or subnet_mapping blocks; 2 when unknown (the ALB minimum). */
static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	if (!strcmp(a->name, "elastic_ips"))
		return plan_elastic_ips(m, a);
	if (strcmp(a->name, "subnets"))
		return 0;
	long len = plan_map_list_len(m, a->name);
	long k = plan_map_list_len(m, "subnet_mapping");
	if (len == 0 || (len == -1 && k > 0))
		len = k >= 0 ? k : len;
	if (len == 1 && is_application(m)) {
		plan_map_not_priced(m, "an Application Load Balancer with 1 subnet: AWS requires 2");
		return 1;
	}
	if (len <= -2) {
		len = -2 - len;
		plan_map_warn(m, "%s: %s is known only after apply; priced with its current %ld",
			      plan_map_address(m), a->name, len);
	}
	if (len <= 0) {
		plan_map_assume(m, a->name,
				is_application(m)
					? "2 subnets (2 availability zones, the ALB minimum)"
					: "2 subnets (2 availability zones)");
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
	.check = check,
	.plan_attr = plan_attr,
	.price = price,
	.sim_role = SIM_LOAD_BALANCER,
	.sim_usage = "monthly_lcu_hours",
};

/* The same resource under the AWS provider's old name. */
const struct type_spec aws_alb_type = {
	.type = "aws_alb",
	.title = "Load balancer (aws_alb)",
	.category = CAT_NETWORK,
	.attrs = ATTRS,
	.usage = USAGE,
	.check = check,
	.plan_attr = plan_attr,
	.price = price,
	.sim_role = SIM_LOAD_BALANCER,
	.sim_usage = "monthly_lcu_hours",
};

/* ---- free companions ------------------------------------------------------ */

/* Settings and attachments that cost nothing themselves: listed so a plan
 * or scenario can name them (shown as considered and free, never as "not
 * priced"). Any attribute is accepted. */
#define COMPANION(t, title_, why) \
	{.type = t, .title = title_, .category = CAT_FREE, .open = true, .free_reason = why}

#define LB_BILLED "billed through the load balancer's hours and capacity units"

const struct type_spec aws_alb_listener_type =
	COMPANION("aws_alb_listener", "ALB listener (aws_alb_listener)", LB_BILLED);
const struct type_spec aws_alb_listener_rule_type = {
	.type = "aws_alb_listener_rule", .title = "ALB listener rule (aws_alb_listener_rule)",
	.category = CAT_FREE, .open = true,
	.free_reason = "billed through the load balancer's LCUs (rule evaluations)",
	.sim_role = SIM_LB_RULE};
const struct type_spec aws_alb_target_group_type =
	COMPANION("aws_alb_target_group", "target group (aws_alb_target_group)", LB_BILLED);
const struct type_spec aws_lb_target_group_attachment_type =
	COMPANION("aws_lb_target_group_attachment", "target group attachment",
		  "an attachment: the targets and the load balancer carry the cost");
