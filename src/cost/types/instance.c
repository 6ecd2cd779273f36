/*
 * instance.c - EC2 instances (aws_instance): Linux, on-demand, shared
 * tenancy.
 *
 * An instance is billed per second (60 s minimum) while it runs, at the
 * hourly on-demand price of its instance type in the region (Amazon EC2
 * on-demand pricing page, https://aws.amazon.com/ec2/pricing/on-demand/):
 * 730 hours a month, or the usage figure monthly_hrs (Infracost's key).
 * The type is any the snapshot prices in the region (offered.h); dedicated
 * and host tenancy, other operating systems, Spot and reservations have no
 * price here and are refused (scenario) or not priced (plan).
 *
 * Its EBS volumes are billed as volumes whether it runs or not (compute.h):
 * root_block_device (8 GB gp2 when not written, Infracost's default, as a
 * plan leaves it unknown when the AMI decides) and each ebs_block_device.
 * A public IPv4 address (associate_public_ip_address) is billed per hour
 * since 2024-02-01 (Amazon VPC pricing page). Detailed monitoring sends 7
 * metrics a minute, billed as CloudWatch metrics (CloudWatch pricing page,
 * "EC2 Detailed Monitoring" example), inside the always-free 10 metrics.
 *
 * Burstable T3/T3a/T4g instances run in unlimited mode unless told
 * otherwise: CPU above the baseline is billed as surplus CPU credits
 * (EC2 user guide, "Unlimited mode"). The snapshot has no EC2 CPU-credit
 * price, so that charge is named on the line and left out.
 */
#include <stdio.h>
#include <string.h>

#include "cost/choices.h"
#include "cost/types/compute.h"
#include "cost/types/offered.h"

static const char *const TENANCY[] = {"default", NULL};

/* CloudWatch pricing page: EC2 detailed monitoring sends 7 metrics. */
#define DETAILED_METRICS 7

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "ami", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "instance_type", .kind = ATTR_STRING,
	 .doc = "any instance type priced in the region (costplan types aws_instance --region R)"},
	{.name = "tenancy", .kind = ATTR_ENUM, .def = "default", .choices = TENANCY,
	 .doc = "shared tenancy only (dedicated and host are not priced)"},
	{.name = "associate_public_ip_address", .kind = ATTR_BOOL, .def = "false",
	 .doc = "a public IPv4 address, billed per hour"},
	{.name = "monitoring", .kind = ATTR_BOOL, .def = "false",
	 .doc = "detailed monitoring: 7 CloudWatch metrics"},
	{.name = "ebs_optimized", .kind = ATTR_BOOL, .def = "false",
	 .doc = "free on current-generation types", .info = true},
	{.name = "credit_specification.cpu_credits", .kind = ATTR_STRING, .def = "",
	 .doc = "T-family: unlimited (T3/T4g default) or standard", .info = true},
	{.name = "root_block_device.volume_size", .kind = ATTR_INT, .def = "8", .min = 1,
	 .max = 65536, .doc = "root volume GB (8 when not written)", .unit = "GB"},
	{.name = "root_block_device.volume_type", .kind = ATTR_ENUM, .def = "gp2",
	 .choices = EBS_VOLUME_TYPES, .doc = "root volume type"},
	{.name = "root_block_device.iops", .kind = ATTR_INT, .def = "0", .max = 256000,
	 .doc = "root volume IOPS (io1/io2; gp3 above 3,000)", .unit = "IOPS"},
	{.name = "root_block_device.throughput", .kind = ATTR_INT, .def = "0", .max = 4000,
	 .doc = "root volume gp3 MiBps (above 125)", .unit = "MiBps"},
	{.name = "ebs_block_device", .kind = ATTR_BLOCKS, .def = "", .max = 64,
	 .doc = "extra EBS volumes: volume_size, volume_type, iops, throughput"},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_hrs", "hours", "hours the instance runs a month (730 when not set)"},
	USAGE_END,
};

/* ---- shared with autoscaling_group.c (compute.h) ------------------------- */

void pq_ec2_instance(struct price_query *q, char *buf, size_t size, const char *instance_type)
{
	snprintf(buf, size, "BoxUsage:%s", instance_type);
	pq_set(q, "AmazonEC2", "Compute Instance", buf);
	pq_attr(q, "Instance Type", instance_type);
	pq_attr(q, "Operating System", "Linux");
	pq_attr(q, "Tenancy", "Shared");
	pq_attr(q, "Pre Installed S/W", "NA");
}

bool ec2_instance_offered(struct pricer_ctx *p, const struct resource *r, const char *attr,
			  const char *instance_type, const struct price_query *q)
{
	static const struct offered_rows rows = {"AmazonEC2", "Compute Instance", "BoxUsage:",
						 "Instance Type", NULL, NULL};
	return offered(p, r, attr, instance_type, "Linux on-demand", q, &rows);
}

void ec2_instance_choices(struct choice_list *l)
{
	static const char *const COLS[] = {"Instance Type", NULL};
	l->heading = "instance_type";
	choices_add_prices(l, "AmazonEC2", "Compute Instance", "BoxUsage:", COLS);
}

void ec2_burstable_note(struct cost_line *l, const char *instance_type)
{
	if (strncmp(instance_type, "t3.", 3) && strncmp(instance_type, "t3a.", 4) &&
	    strncmp(instance_type, "t4g.", 4))
		return;
	pricer_note(l, "unlimited mode by default: CPU above the baseline adds surplus CPU "
		       "credits, which the price snapshot does not hold (not included)");
}

/* ---- aws_instance ---------------------------------------------------------- */

/* st1 and sc1 cannot boot an instance (EBS user guide, "Amazon EBS volume types"). */
static bool bootable(const char *t)
{
	return strcmp(t, "st1") && strcmp(t, "sc1");
}

static void check(struct check_ctx *c, const struct resource *r)
{
	if (!bootable(res_str(r, "root_block_device.volume_type")))
		check_fail(c, "root_block_device.volume_type",
			   "root_block_device: %s volumes cannot be boot volumes; use gp3 or gp2",
			   res_str(r, "root_block_device.volume_type"));
	const char *why = ebs_volume_problem(res_str(r, "root_block_device.volume_type"),
					     res_int(r, "root_block_device.volume_size"),
					     res_int(r, "root_block_device.iops"),
					     res_int(r, "root_block_device.throughput"));
	if (why)
		check_fail(c, "root_block_device.volume_type", "root_block_device: %s", why);
	ebs_check_blocks(c, r, "ebs_block_device", NULL);
}

static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	if (!strcmp(a->name, "ebs_block_device"))
		return ebs_plan_blocks(m, "ebs_block_device", NULL);
	return 0;
}

static void plan_check(struct plan_map *m)
{
	json_t *rb = json_object_get(plan_map_values(m), "root_block_device");
	const char *t = json_string_value(
		json_object_get(json_is_array(rb) ? json_array_get(rb, 0) : rb, "volume_type"));
	long size = plan_map_body_int(m, "root_block_device.volume_size");
	/* 0: unknown until apply, the default (8) is assumed */
	const char *why = ebs_volume_problem(t && t[0] ? t : "gp2", size ? size : 8,
					     plan_map_body_int(m, "root_block_device.iops"),
					     plan_map_body_int(m, "root_block_device.throughput"));
	if (why)
		plan_map_not_priced(m, "root_block_device: %s", why);
	if (t && !bootable(t))
		plan_map_not_priced(m, "root_block_device: %s cannot be a boot volume", t);
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	char usage[96], name[128];
	const char *type = res_str(r, "instance_type");
	/* monthly_hrs, when given, replaces the 730 hours of a month */
	const struct qty *hours = json_object_get(r->usage, "monthly_hrs")
					  ? q_usage(p, r, "monthly_hrs")
					  : q_hours(p);

	pq_ec2_instance(&q, usage, sizeof(usage), type);
	if (!ec2_instance_offered(p, r, "instance_type", type, &q))
		return;
	pricer_selects(p, r, "instance_type");
	snprintf(name, sizeof(name), "%s (Linux, on-demand)", type);
	struct cost_line *l = pricer_line(p, name, "hours", hours, &q);
	if (strcmp(res_str(r, "credit_specification.cpu_credits"), "standard"))
		ec2_burstable_note(l, type);

	struct ebs_volume root = {"Root volume", res_str(r, "root_block_device.volume_type"), r,
				  "root_block_device.volume_type",
				  q_attr(p, r, "root_block_device.volume_size"),
				  q_attr(p, r, "root_block_device.iops"),
				  q_attr(p, r, "root_block_device.throughput"), NULL};
	if (!ebs_price_volume(p, &root) || !ebs_price_blocks(p, r, "ebs_block_device", NULL, NULL))
		return;

	if (res_bool(r, "associate_public_ip_address")) {
		pq_public_ipv4(&q);
		pricer_line(p, "Public IPv4 address", "IP-hours", hours, &q);
	}
	if (res_bool(r, "monitoring")) {
		pq_set(&q, "AmazonCloudWatch", "Metric", "CW:MetricMonitorUsage");
		l = pricer_line(p, "Detailed monitoring (7 metrics)", "metrics",
				q_int(p, DETAILED_METRICS), &q);
		pricer_pool(l, POOL_METRICS);
	}
}

static void choices(struct choice_list *l)
{
	ec2_instance_choices(l);
}

const struct type_spec aws_instance_type = {
	.type = "aws_instance",
	.title = "EC2 instance",
	.category = CAT_COMPUTE,
	.attrs = ATTRS,
	.usage = USAGE,
	.check = check,
	.plan_attr = plan_attr,
	.plan_check = plan_check,
	.price = price,
	.choices = choices,
};
