/*
 * autoscaling_group.c - EC2 Auto Scaling groups and the launch templates
 * they launch from.
 *
 * Auto Scaling itself is free: the group is billed for the EC2 instances
 * it runs and their EBS volumes, as instances launched by hand would be
 * (Amazon EC2 Auto Scaling pricing page,
 * https://aws.amazon.com/ec2/autoscaling/pricing/). A launch template is a
 * description, free in itself; the group that uses it carries its cost.
 *
 * A group runs desired_capacity instances (min_size when desired_capacity
 * is not set: AWS starts it there), or the average the usage figure
 * instances (Infracost's key) gives. Each instance is priced as an
 * on-demand Linux instance of the template's instance_type (instance.c),
 * with the template's block_device_mappings as EBS volumes; a template
 * without them boots from its AMI's root volume, taken as 8 GB gp2
 * (Infracost's default) and said so on the line.
 *
 * mixed_instances_policy: the template is its launch_template's
 * launch_template_specification, the instance type the first override's
 * (as Infracost reads it). Spot instances have no price in the on-demand
 * snapshot, so a distribution that puts instances on Spot is refused
 * (scenario) or not priced (plan), as are weighted overrides (AWS counts
 * capacity units, not instances, then). Launch configurations, which AWS
 * is retiring, are not priced.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost/types/compute.h"

/* ---- aws_launch_template -------------------------------------------------- */

static const struct attr_spec LT_ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "image_id", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "instance_type", .kind = ATTR_STRING, .def = "",
	 .doc = "any instance type priced in the region (a mixed instances policy may override it)"},
	{.name = "block_device_mappings", .kind = ATTR_BLOCKS, .def = "", .max = 64,
	 .doc = "volumes each instance gets: ebs { volume_size, volume_type, iops, throughput }"},
	{.name = "monitoring.enabled", .kind = ATTR_BOOL, .def = "false",
	 .doc = "detailed monitoring: 7 CloudWatch metrics per instance"},
	{.name = "credit_specification.cpu_credits", .kind = ATTR_STRING, .def = "",
	 .doc = "T-family: unlimited (T3/T4g default) or standard", .info = true},
	ATTR_END,
};

static const char *const LT_INDEX[] = {"id", "name", NULL};

static void lt_check(struct check_ctx *c, const struct resource *r)
{
	ebs_check_blocks(c, r, "block_device_mappings", "ebs");
}

static int lt_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	if (!strcmp(a->name, "block_device_mappings"))
		return ebs_plan_blocks(m, "block_device_mappings", "ebs");
	return 0;
}

const struct type_spec aws_launch_template_type = {
	.type = "aws_launch_template",
	.title = "EC2 launch template",
	.category = CAT_FREE,
	.attrs = LT_ATTRS,
	.free_reason = "a description of instances: the auto scaling group (or instance) that "
		       "launches them is billed",
	.check = lt_check,
	.plan_index = LT_INDEX,
	.plan_attr = lt_plan_attr,
};

/* ---- aws_autoscaling_group ------------------------------------------------- */

static const struct attr_spec ASG_ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "min_size", .kind = ATTR_INT, .def = "0", .max = 10000,
	 .doc = "instances at least (the count when desired_capacity is not set)",
	 .unit = "instances"},
	{.name = "max_size", .kind = ATTR_INT, .def = "0", .max = 10000,
	 .doc = "instances at most", .unit = "instances"},
	{.name = "desired_capacity", .kind = ATTR_INT, .def = "0", .max = 10000,
	 .doc = "instances running (0 or unset: min_size)", .unit = "instances"},
	{.name = "launch_template.id", .kind = ATTR_REF, .def = "",
	 .ref_type = "aws_launch_template", .doc = "the launch template (a scenario: its name)"},
	{.name = "mixed_instances_policy", .kind = ATTR_BLOCKS, .def = "", .max = 1,
	 .doc = "Terraform's block (launch_template { launch_template_specification, override }, "
		"instances_distribution), written as a list of one block"},
	ATTR_END,
};

static const struct usage_spec ASG_USAGE[] = {
	{"instances", "instances", "average instances running over the month"},
	USAGE_END,
};

/* A nested block, written as an object or (Terraform JSON) a list of one. */
static json_t *blk(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_array(v) ? json_array_get(v, 0) : v;
}

static json_t *mip(const struct resource *r)
{
	return json_array_get(json_object_get(r->attrs, "mixed_instances_policy"), 0);
}

/* The mixed instances policy's parts, as far as they are written. */
struct mixed {
	json_t *policy;
	const char *template_name; /* launch_template_specification: id or name */
	const char *override_type; /* the first override's instance_type, or NULL */
	double weight;             /* its weighted_capacity (1 when not written) */
	double base, pct;          /* on_demand_base_capacity, ..._percentage_above_... */
};

static struct mixed mixed_of(json_t *policy)
{
	struct mixed x = {policy, NULL, NULL, 1, 0, 100};
	json_t *lt = blk(policy, "launch_template");
	json_t *spec = blk(lt, "launch_template_specification");
	json_t *ov = blk(lt, "override");
	json_t *dist = blk(policy, "instances_distribution");
	json_t *v;
	x.template_name = json_string_value(json_object_get(spec, "launch_template_id"));
	if (!x.template_name || !x.template_name[0])
		x.template_name = json_string_value(json_object_get(spec, "launch_template_name"));
	x.override_type = json_string_value(json_object_get(ov, "instance_type"));
	if (x.override_type && !x.override_type[0])
		x.override_type = NULL;
	if ((v = json_object_get(ov, "weighted_capacity")) && !json_is_null(v))
		x.weight = json_is_string(v) ? atof(json_string_value(v)) : json_number_value(v);
	if ((v = json_object_get(dist, "on_demand_base_capacity")) && json_is_number(v))
		x.base = json_number_value(v);
	if ((v = json_object_get(dist, "on_demand_percentage_above_base_capacity")) &&
	    json_is_number(v))
		x.pct = json_number_value(v);
	return x;
}

/* Instances the distribution puts on Spot, out of n (AWS: the base on
 * demand, then the percentage above it rounded up). */
static long spot_instances(const struct mixed *x, long n)
{
	long base = (long)x->base < n ? (long)x->base : n;
	long od = base + (long)ceil((double)(n - base) * x->pct / 100.0);
	return od < n ? n - od : 0;
}

static long group_instances(const struct resource *r)
{
	long d = res_int(r, "desired_capacity"), m = res_int(r, "min_size");
	return d > m ? d : m;
}

static void asg_check(struct check_ctx *c, const struct resource *r)
{
	json_t *policy = mip(r);
	struct mixed x = mixed_of(policy);
	bool lt = res_str(r, "launch_template.id")[0] != '\0';
	/* a policy may leave its template to launch_template.id (a plan's does) */
	if (lt && x.template_name)
		check_fail(c, "mixed_instances_policy",
			   "set launch_template or mixed_instances_policy's template, not both");
	if (!lt && !policy)
		check_fail(c, NULL, "an auto scaling group needs launch_template.id (the name of an "
				    "aws_launch_template) or a mixed_instances_policy");
	if (res_int(r, "max_size") < group_instances(r))
		check_fail(c, "max_size", "max_size %ld is below the %ld instances the group runs",
			   res_int(r, "max_size"), group_instances(r));
	if (policy) {
		if (!lt && (!x.template_name || !x.template_name[0]))
			check_fail(c, "mixed_instances_policy",
				   "mixed_instances_policy needs launch_template { "
				   "launch_template_specification { launch_template_id } }");
		if (x.weight != 1)
			check_fail(c, "mixed_instances_policy",
				   "weighted_capacity is not priced (the group then counts capacity "
				   "units, not instances); remove it");
		long spot = spot_instances(&x, group_instances(r));
		if (spot > 0)
			check_fail(c, "mixed_instances_policy",
				   "%ld of the %ld instances would run on Spot, which has no price in "
				   "the on-demand snapshot; set on_demand_percentage_above_base_capacity "
				   "to 100 to price them all on demand",
				   spot, group_instances(r));
	}
}

static void asg_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	char usage[96], name[160];
	json_t *policy = mip(r);
	struct mixed x = mixed_of(policy);
	const struct resource *lt = res_ref(p->s, r, "launch_template.id");
	const char *where = lt ? "launch_template.id" : "mixed_instances_policy";

	if (!lt && x.template_name)
		lt = scenario_find(p->s, "aws_launch_template", x.template_name);
	if (!lt) {
		pricer_error_at(p, r, where, CP_EXIT_DATA,
				"mixed_instances_policy names launch template \"%.80s\", which is not "
				"an aws_launch_template of this scenario",
				x.template_name ? x.template_name : "");
		return;
	}
	const char *type = x.override_type ? x.override_type : res_str(lt, "instance_type");
	/* instances: the usage figure, else desired_capacity (min_size when unset) */
	const struct qty *n = json_object_get(r->usage, "instances")
				      ? q_usage(p, r, "instances")
				      : q_max2(p, q_attr(p, r, "desired_capacity"),
					       q_attr(p, r, "min_size"));

	pq_ec2_instance(&q, usage, sizeof(usage), type);
	if (!type[0]) {
		pricer_unpriceable(p, r, where,
				   "its launch template %s sets no instance_type (and no override "
				   "does)",
				   lt->address);
		return;
	}
	if (!ec2_instance_offered(p, r, where, type, &q))
		return;
	if (!x.override_type)
		pricer_selects(p, lt, "instance_type");
	snprintf(name, sizeof(name), "%s (Linux, on-demand)", type);
	struct cost_line *l = pricer_line(p, name, "hours", q_mul(p, n, q_hours(p)), &q);
	if (strcmp(res_str(lt, "credit_specification.cpu_credits"), "standard"))
		ec2_burstable_note(l, type);

	if (res_len(lt, "block_device_mappings") == 0) {
		struct ebs_volume root = {"Root volume", "gp2", r, where, q_int(p, 8), q_int(p, 0),
					  q_int(p, 0), n};
		if (!ebs_price_volume(p, &root))
			return;
		l = &p->item->lines[p->item->n - 1];
		pricer_note(l, "the AMI's root volume, taken as 8 GB gp2 (Infracost's default): "
			       "write the template's block_device_mappings to price yours");
	} else if (!ebs_price_blocks(p, lt, "block_device_mappings", "ebs", n)) {
		return;
	}
	if (res_bool(lt, "monitoring.enabled")) {
		pq_set(&q, "AmazonCloudWatch", "Metric", "CW:MetricMonitorUsage");
		l = pricer_line(p, "Detailed monitoring (7 metrics per instance)", "metrics",
				q_mul(p, q_int(p, 7), n), &q);
		pricer_pool(l, POOL_METRICS);
	}
}

/* The launch template a plan's group uses: the configuration's reference,
 * else the id or name the plan gives. */
static struct plan_inst *plan_template(struct plan_map *m, const char *cfg, json_t *spec,
				       const char *id_key, const char *name_key)
{
	struct plan_inst *t = plan_map_config_ref(m, cfg, "aws_launch_template");
	const char *id = json_string_value(json_object_get(spec, id_key));
	const char *nm = json_string_value(json_object_get(spec, name_key));
	if (!t && id && id[0])
		t = plan_map_find(m, "aws_launch_template", "id", id, 0);
	if (!t && nm && nm[0])
		t = plan_map_find(m, "aws_launch_template", "name", nm, 0);
	return t;
}

static int asg_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	json_t *v = plan_map_values(m);
	if (!strcmp(a->name, "launch_template.id")) {
		json_t *spec = blk(v, "launch_template");
		if (spec) {
			plan_map_link(m, a->name,
				      plan_template(m, "launch_template.id", spec, "id", "name"),
				      "launch template");
		} else if (!blk(v, "mixed_instances_policy")) {
			const char *lc = json_string_value(json_object_get(v, "launch_configuration"));
			plan_map_not_priced(m, lc && lc[0] ? "launch configurations are not priced "
							     "(use a launch template)"
							   : "it has no launch template");
		}
		return 1;
	}
	if (strcmp(a->name, "mixed_instances_policy"))
		return 0;
	json_t *policy = blk(v, "mixed_instances_policy");
	if (!policy)
		return 1;
	/* the template goes to launch_template.id; the rest is kept as written */
	json_t *spec = blk(blk(policy, "launch_template"), "launch_template_specification");
	plan_map_link(m, "launch_template.id",
		      plan_template(m,
				    "mixed_instances_policy.launch_template."
				    "launch_template_specification.launch_template_id",
				    spec, "launch_template_id", "launch_template_name"),
		      "launch template");
	struct mixed x = mixed_of(policy);
	json_t *ov = json_object(), *dist = json_object();
	if (x.override_type)
		json_object_set_new(ov, "instance_type", json_string(x.override_type));
	json_object_set_new(dist, "on_demand_base_capacity", json_integer((json_int_t)x.base));
	json_object_set_new(dist, "on_demand_percentage_above_base_capacity",
			    json_integer((json_int_t)x.pct));
	if (x.weight != 1)
		plan_map_not_priced(m, "a weighted override (capacity units, not instances)");
	plan_map_set(m, "mixed_instances_policy",
		     json_pack("[{s:{s:[o]},s:o}]", "launch_template", "override", ov,
			       "instances_distribution", dist));
	return 1;
}

static void asg_plan_check(struct plan_map *m)
{
	long d = plan_map_body_int(m, "desired_capacity"), mn = plan_map_body_int(m, "min_size");
	long n = d > mn ? d : mn;
	json_t *policy = blk(plan_map_values(m), "mixed_instances_policy");
	if (!policy)
		return;
	struct mixed x = mixed_of(policy);
	long spot = spot_instances(&x, n);
	if (spot > 0)
		plan_map_not_priced(m, "%ld of its %ld instances run on Spot, which has no price in "
				       "the on-demand snapshot",
				    spot, n);
}

const struct type_spec aws_autoscaling_group_type = {
	.type = "aws_autoscaling_group",
	.title = "EC2 Auto Scaling group",
	.category = CAT_COMPUTE,
	.attrs = ASG_ATTRS,
	.usage = ASG_USAGE,
	.check = asg_check,
	.plan_rank = 1,
	.plan_attr = asg_plan_attr,
	.plan_check = asg_plan_check,
	.price = asg_price,
};
