/*
 * autoscaling.c - ECS service auto scaling (Application Auto Scaling):
 * scalable targets, scaling policies and scheduled actions.
 *
 * Application Auto Scaling itself is free; each target-tracking policy
 * creates two CloudWatch alarms (one to scale out, one to scale in), billed
 * as standard alarms, and a step-scaling policy needs two alarms too. The
 * simulation (src/sim/) reads all three types to scale the services.
 */
#include <string.h>

#include "cost/types/common.h"

/* ---- scalable target ------------------------------------------------------ */

static const struct attr_spec TARGET_ATTRS[] = {
	COUNT_ATTR,
	{.name = "service", .kind = ATTR_REF, .ref_type = "aws_ecs_service",
	 .doc = "the ECS service scaled"},
	{.name = "min_capacity", .kind = ATTR_INT, .max = 5000, .doc = "fewest tasks",
	 .unit = "tasks"},
	{.name = "max_capacity", .kind = ATTR_INT, .max = 5000, .doc = "most tasks",
	 .unit = "tasks"},
	ATTR_END,
};

static void target_check(struct check_ctx *c, const struct resource *r)
{
	if (res_int(r, "min_capacity") > res_int(r, "max_capacity"))
		check_fail(c, NULL, "min_capacity %ld is above max_capacity %ld",
			   res_int(r, "min_capacity"), res_int(r, "max_capacity"));
}

/* resource_id "service/<cluster>/<service>", else the configuration. */
static struct plan_inst *target_service(struct plan_map *m)
{
	int unk;
	const char *rid = json_string_value(plan_map_get(m, "resource_id", &unk));
	if (rid && !strncmp(rid, "service/", 8)) {
		struct plan_inst *t =
			plan_map_find(m, "aws_ecs_service", "name", strrchr(rid, '/') + 1, 0);
		if (t)
			return t;
	}
	return plan_map_config_ref(m, "resource_id", "aws_ecs_service");
}

static int target_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	char s[128];
	if (strcmp(a->name, "service"))
		return 0;
	const char *ns = json_string_value(json_object_get(plan_map_values(m), "service_namespace"));
	if (ns && strcmp(ns, "ecs")) {
		plan_map_not_priced(m, "service_namespace %s: only ECS service scaling is modelled",
				    cp_sanitize(ns, s, sizeof(s)));
		return 1;
	}
	plan_map_link(m, a->name, target_service(m), "ECS service");
	return 1;
}

static void target_plan_check(struct plan_map *m)
{
	if (plan_map_body_int(m, "min_capacity") > plan_map_body_int(m, "max_capacity"))
		plan_map_not_priced(m, "min_capacity is above max_capacity");
}

static const char *const TARGET_INDEX[] = {"resource_id", NULL};

const struct type_spec aws_appautoscaling_target_type = {
	.type = "aws_appautoscaling_target",
	.title = "ECS service auto scaling target",
	.category = CAT_FREE,
	.attrs = TARGET_ATTRS,
	.free_reason = "Application Auto Scaling is free; the policies' alarms are billed",
	.check = target_check,
	.plan_rank = 2,
	.plan_index = TARGET_INDEX,
	.plan_attr = target_plan_attr,
	.plan_check = target_plan_check,
	.sim_role = SIM_SCALING_TARGET,
};

/* ---- scaling policy --------------------------------------------------------- */

static const char *const POLICY_TYPE[] = {"TargetTrackingScaling", "StepScaling", NULL};
static const char *const METRIC_TYPE[] = {"ECSServiceAverageCPUUtilization",
					  "ECSServiceAverageMemoryUtilization",
					  "ALBRequestCountPerTarget", NULL};

static const struct attr_spec POLICY_ATTRS[] = {
	COUNT_ATTR,
	{.name = "target", .kind = ATTR_REF, .ref_type = "aws_appautoscaling_target",
	 .doc = "the scalable target"},
	{.name = "policy_type", .kind = ATTR_ENUM, .def = "TargetTrackingScaling",
	 .choices = POLICY_TYPE, .doc = ""},
	{.name = "target_tracking_scaling_policy_configuration.target_value",
	 .kind = ATTR_NUMBER, .def = "70", .min = 1, .max = 100,
	 .doc = "target metric value (percent)"},
	{.name = "target_tracking_scaling_policy_configuration.predefined_metric_type",
	 .kind = ATTR_ENUM, .def = "ECSServiceAverageCPUUtilization", .choices = METRIC_TYPE,
	 .doc = ""},
	{.name = "target_tracking_scaling_policy_configuration.scale_in_cooldown",
	 .kind = ATTR_INT, .def = "300", .max = 86400, .doc = "seconds"},
	{.name = "target_tracking_scaling_policy_configuration.scale_out_cooldown",
	 .kind = ATTR_INT, .def = "300", .max = 86400, .doc = "seconds"},
	{.name = "target_tracking_scaling_policy_configuration.disable_scale_in",
	 .kind = ATTR_BOOL, .def = "false", .doc = ""},
	{.name = "step_scaling.scale_out_threshold", .kind = ATTR_NUMBER, .def = "70", .min = 1,
	 .max = 100, .doc = "CPU percent that adds tasks"},
	{.name = "step_scaling.scale_in_threshold", .kind = ATTR_NUMBER, .def = "40", .max = 100,
	 .doc = "CPU percent that removes tasks"},
	{.name = "step_scaling.adjustment", .kind = ATTR_INT, .def = "1", .min = 1, .max = 100,
	 .doc = "tasks per step"},
	ATTR_END,
};

static void policy_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	(void)r;
	pq_alarm(&q, 0);
	struct cost_line *l = pricer_line(p, "CloudWatch alarms the policy creates", "alarms",
					  q_int(p, 2), &q);
	pricer_pool(l, POOL_ALARMS);
	pricer_note(l, "2 per policy; the first 10 alarms a month are free");
}

static struct plan_inst *policy_target(struct plan_map *m)
{
	int unk;
	const char *rid = json_string_value(plan_map_get(m, "resource_id", &unk));
	struct plan_inst *t =
		rid ? plan_map_find(m, "aws_appautoscaling_target", "resource_id", rid, 0) : NULL;
	return t ? t : plan_map_config_ref(m, "resource_id", "aws_appautoscaling_target");
}

static int policy_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	const char *n = a->name;
	int unk;
	if (!strcmp(n, "target")) {
		plan_map_link(m, n, policy_target(m), "scalable target");
		return 1;
	}
	if (!strcmp(n, "target_tracking_scaling_policy_configuration.predefined_metric_type")) {
		json_t *v = plan_map_get(m,
					 "target_tracking_scaling_policy_configuration."
					 "predefined_metric_specification.predefined_metric_type",
					 &unk);
		if (v)
			plan_map_put(m, a, v);
		return 1;
	}
	return !strncmp(n, "step_scaling.", 13);
}

const struct type_spec aws_appautoscaling_policy_type = {
	.type = "aws_appautoscaling_policy",
	.title = "ECS service auto scaling policy",
	.category = CAT_OBSERVABILITY,
	.attrs = POLICY_ATTRS,
	.plan_rank = 3,
	.plan_attr = policy_plan_attr,
	.price = policy_price,
	.sim_role = SIM_SCALING_POLICY,
};

/* ---- scheduled action ---------------------------------------------------------- */

/* Scheduled scaling sets min/max at a time; free. */
static const struct attr_spec SCHEDULED_ATTRS[] = {
	COUNT_ATTR,
	{.name = "target", .kind = ATTR_REF, .ref_type = "aws_appautoscaling_target",
	 .doc = "the scalable target"},
	{.name = "schedule", .kind = ATTR_STRING,
	 .doc = "cron(minute hour ? * day-of-week *) in UTC, e.g. cron(0 8 ? * MON-FRI *)"},
	{.name = "timezone", .kind = ATTR_STRING, .def = "UTC", .doc = "only UTC is simulated"},
	{.name = "scalable_target_action.min_capacity", .kind = ATTR_INT, .def = "-1", .min = -1,
	 .max = 5000, .doc = "new min_capacity (-1 = unchanged)"},
	{.name = "scalable_target_action.max_capacity", .kind = ATTR_INT, .def = "-1", .min = -1,
	 .max = 5000, .doc = "new max_capacity (-1 = unchanged)"},
	ATTR_END,
};

const struct type_spec aws_appautoscaling_scheduled_action_type = {
	.type = "aws_appautoscaling_scheduled_action",
	.title = "ECS service scheduled scaling",
	.category = CAT_FREE,
	.attrs = SCHEDULED_ATTRS,
	.free_reason = "Application Auto Scaling charges nothing for scheduled actions",
	.plan_rank = 0,
	.sim_role = SIM_SCHEDULED_ACTION,
};
