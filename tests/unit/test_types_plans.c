/*
 * test_types_plans.c - the billing family's types in Terraform plans. ECS:
 * where a service's tasks run (launch_type, capacity provider strategies,
 * nothing said), task sets of an EXTERNAL-controller service, a task
 * definition family two definitions share (fixtures
 * tests/data/plans/ecs-*.json, written by tests/data/ecs/make-plans.py;
 * prices as in test_types_ecs.c). VPC endpoints: what a plan's unknown
 * subnets mean for each endpoint type. WAF: rule groups in a plan's rule
 * blocks, priced with the waf_rules_per_rule_group assumption.
 *
 * (A file of its own: model/plan.h and report/budget.h both name an enum
 * input_kind, so one test file cannot include both.)
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost/engine.h"
#include "cost/types/registry.h"
#include "model/plan.h"
#include "model/scenario.h"
#include "util/error.h"

#include "test_catalog_util.h"

static const char *total_of(const struct breakdown *b, const char *addr)
{
	const struct cost_item *it = breakdown_item(b, addr);
	if (!it)
		fail_msg("no item %s", addr);
	return cents(it->total);
}

static const char *unpriced_why(const struct unpriced *u, size_t n, const char *addr)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(u[i].address, addr) == 0)
			return u[i].why;
	return NULL;
}

#define EC2_WHY \
	"runs on EC2 instances (launch_type EC2): its cost is in those instances, priced as " \
	"aws_instance / aws_autoscaling_group"

static struct plan *load_plan(const char *path, struct plan *p)
{
	json_t *root;
	assert_int_equal(plan_read_json(path, &root), 0);
	assert_int_equal(plan_from_json(root, path, NULL, p), 0);
	json_decref(root);
	return p;
}

static bool plan_warned(const struct plan_side *s, const char *needle)
{
	for (size_t i = 0; i < s->nwarn; i++)
		if (strstr(s->warnings[i], needle))
			return true;
	return false;
}

/* A plan: launch_type EC2 or EXTERNAL, or an Auto Scaling group capacity
 * provider, is not priced with the reason (before the EC2-style task
 * definition's own reason); nothing said is AWS's rule, in a warning. */
static void plan_launch_types(void **state)
{
	struct plan p;
	(void)state;
	load_plan("tests/data/plans/ecs-launch-types.json", &p);
	const struct plan_side *a = &p.after;
	assert_string_equal(unpriced_why(a->unpriced, a->nunpriced, "aws_ecs_service.on_ec2"),
			    EC2_WHY);
	assert_string_equal(unpriced_why(a->unpriced, a->nunpriced, "aws_ecs_service.asg"),
			    "runs on EC2 instances (capacity provider \"app-asg\", an Auto Scaling "
			    "group): its cost is in those instances, priced as aws_instance / "
			    "aws_autoscaling_group");
	assert_non_null(strstr(unpriced_why(a->unpriced, a->nunpriced, "aws_ecs_service.anywhere"),
			       "ECS Anywhere"));
	assert_null(unpriced_why(a->unpriced, a->nunpriced, "aws_ecs_service.fargate"));
	assert_null(unpriced_why(a->unpriced, a->nunpriced, "aws_ecs_service.unsaid"));
	assert_true(plan_warned(a, "aws_ecs_service.unsaid: launch_type is known only after apply"));
	assert_true(plan_warned(a, "or the EC2 launch type when the cluster has none"));
	assert_false(plan_warned(a, "aws_ecs_service.fargate:"));
	plan_release(&p);
}

/* Task sets: their share of the EXTERNAL service's tasks, rounded up. */
static void plan_task_sets(void **state)
{
	struct plan p;
	(void)state;
	load_plan("tests/data/plans/ecs-task-set.json", &p);
	assert_int_equal(p.after.nunpriced, 0);
	json_t *doc = json_object_get(p.after.docs, "us-east-1");
	json_t *res = json_object_get(doc, "resource");
	json_t *web = json_object_get(json_object_get(res, "aws_ecs_service"), "web");
	assert_string_equal(json_string_value(json_object_get(web, "deployment_controller.type")),
			    "EXTERNAL");
	assert_null(json_object_get(web, "task_definition"));
	json_t *green = json_object_get(json_object_get(res, "aws_ecs_task_set"), "green");
	assert_string_equal(json_string_value(json_object_get(green, "service")), "web");
	assert_string_equal(json_string_value(json_object_get(green, "task_definition")), "green");

	struct scenario s;
	struct breakdown b;
	struct cost_options o = {NULL, true};
	assert_int_equal(scenario_from_json(doc, "plan", NULL, &s), 0);
	assert_int_equal(cost_breakdown(&s, cat, &o, &b), 0);
	scenario_release(&s);
	/* the service runs nothing itself */
	assert_string_equal(total_of(&b, "aws_ecs_service.web"), "0.00");
	/* blue: 100% of 3 = 3 tasks of 0.25 vCPU: 547.5 vCPU-h, 1095 GB-h */
	assert_string_equal(total_of(&b, "aws_ecs_task_set.blue"),
			    cents(dec_add(hand("0.04048", "547.5"), hand("0.004445", "1095"))));
	/* green: 50% of 3 = 1.5, rounded up to 2 tasks of 0.5 vCPU / 1 GB */
	assert_string_equal(cents(line(&b, "aws_ecs_task_set.green", "Fargate vCPU (x86)")
				      ->quantity),
			    "730.00");
	assert_string_equal(total_of(&b, "aws_ecs_task_set.green"), "36.04");
	breakdown_release(&b);
	plan_release(&p);
}

/* One family, two definitions: the reference decides, else a warning naming both. */
static void plan_family_twice(void **state)
{
	struct plan p;
	(void)state;
	load_plan("tests/data/plans/ecs-family.json", &p);
	json_t *svcs = json_object_get(
		json_object_get(json_object_get(p.after.docs, "us-east-1"), "resource"),
		"aws_ecs_service");
	assert_string_equal(json_string_value(json_object_get(json_object_get(svcs, "by_ref"),
							      "task_definition")),
			    "api_big");
	assert_false(plan_warned(&p.after, "aws_ecs_service.by_ref:"));
	assert_true(plan_warned(&p.after,
				"aws_ecs_service.by_name: task definition family \"api\" is both "
				"aws_ecs_task_definition.api_big and aws_ecs_task_definition.api_small"));
	plan_release(&p);
}

/* A plan of one resource change (after, after_unknown: JSON texts). */
static void plan_of(const char *type, const char *after, const char *unknown, struct plan *p)
{
	char *text = xasprintf(
		"{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"%s.this\","
		"\"mode\":\"managed\",\"type\":\"%s\",\"name\":\"this\",\"provider_name\":"
		"\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":[\"create\"],"
		"\"before\":null,\"after\":%s,\"after_unknown\":%s}}],\"configuration\":{"
		"\"provider_config\":{\"aws\":{\"name\":\"aws\",\"expressions\":{\"region\":"
		"{\"constant_value\":\"us-east-1\"}}}}}}",
		type, type, after, unknown);
	json_error_t e;
	json_t *j = json_loads(text, 0, &e);
	if (!j)
		fail_msg("bad test JSON: %s", e.text);
	free(text);
	assert_int_equal(plan_from_json(j, "t.json", NULL, p), 0);
	json_decref(j);
}

/* Gateway endpoints are free: their subnets, known or not, say nothing. */
static void plan_endpoint_subnets(void **state)
{
	struct plan p;
	(void)state;
	plan_of("aws_vpc_endpoint",
		"{\"service_name\":\"com.amazonaws.us-east-1.s3\",\"vpc_endpoint_type\":\"Gateway\"}",
		"{\"subnet_ids\":true,\"id\":true}", &p);
	assert_int_equal(p.after.nwarn, 0);
	assert_int_equal(p.after.nunpriced, 0);
	plan_release(&p);
	/* Terraform's default type is Gateway */
	plan_of("aws_vpc_endpoint", "{\"service_name\":\"com.amazonaws.us-east-1.s3\"}",
		"{\"subnet_ids\":true}", &p);
	assert_int_equal(p.after.nwarn, 0);
	plan_release(&p);
	/* an interface endpoint: per AZ, so the unknown count is assumed, about endpoints */
	plan_of("aws_vpc_endpoint",
		"{\"service_name\":\"com.amazonaws.us-east-1.logs\",\"vpc_endpoint_type\":"
		"\"Interface\"}",
		"{\"subnet_ids\":true}", &p);
	assert_int_equal(p.after.nwarn, 1);
	assert_non_null(strstr(p.after.warnings[0], "subnet_ids is known only after apply"));
	assert_non_null(strstr(p.after.warnings[0], "an interface endpoint is billed per "
						    "availability zone"));
	assert_null(strstr(p.after.warnings[0], "ALB"));
	json_t *ep = json_object_get(
		json_object_get(json_object_get(json_object_get(p.after.docs, "us-east-1"),
						"resource"),
				"aws_vpc_endpoint"),
		"this");
	assert_int_equal(json_array_size(json_object_get(ep, "subnet_ids")), 2);
	plan_release(&p);
	/* known and empty: said as such, not as "known after apply" */
	plan_of("aws_vpc_endpoint",
		"{\"service_name\":\"com.amazonaws.us-east-1.logs\",\"vpc_endpoint_type\":"
		"\"Interface\",\"subnet_ids\":[]}",
		"{}", &p);
	assert_int_equal(p.after.nwarn, 1);
	assert_non_null(strstr(p.after.warnings[0], "an Interface endpoint with no subnet_ids"));
	plan_release(&p);
}

/* A web ACL's rule blocks: rule groups are told apart and priced. */
static void plan_waf_rule_groups(void **state)
{
	struct plan p;
	(void)state;
	plan_of("aws_wafv2_web_acl",
		"{\"name\":\"app\",\"scope\":\"REGIONAL\",\"rule\":["
		"{\"name\":\"common\",\"priority\":1,\"statement\":[{\"managed_rule_group_statement\":"
		"[{\"name\":\"AWSManagedRulesCommonRuleSet\",\"vendor_name\":\"AWS\"}]}]},"
		"{\"name\":\"bots\",\"priority\":2,\"statement\":[{\"managed_rule_group_statement\":"
		"[{\"name\":\"AWSManagedRulesBotControlRuleSet\",\"vendor_name\":\"AWS\"}]}]},"
		"{\"name\":\"mine\",\"priority\":3,\"statement\":[{\"rule_group_reference_statement\":"
		"[{\"arn\":\"arn:aws:wafv2:us-east-1:1:regional/rulegroup/mine/x\"}]}]},"
		"{\"name\":\"rate\",\"priority\":4,\"statement\":[{\"rate_based_statement\":"
		"[{\"limit\":2000}]}]}]}",
		"{\"id\":true,\"arn\":true}", &p);
	assert_int_equal(p.after.nunpriced, 0);
	json_t *doc = json_object_get(p.after.docs, "us-east-1");
	json_t *acl = json_object_get(
		json_object_get(json_object_get(doc, "resource"), "aws_wafv2_web_acl"), "this");
	json_t *rules = json_object_get(acl, "rule");
	assert_int_equal(json_array_size(rules), 4);
	assert_string_equal(
		json_string_value(json_object_get(
			json_object_get(json_object_get(json_array_get(rules, 1), "statement"),
					"managed_rule_group_statement"),
			"name")),
		"AWSManagedRulesBotControlRuleSet");
	assert_non_null(json_object_get(json_object_get(json_array_get(rules, 2), "statement"),
					"rule_group_reference_statement"));

	struct scenario s;
	struct breakdown b;
	struct cost_options o = {NULL, true};
	/* three groups, 2 more rules each */
	json_object_set_new(acl, "rules_per_rule_group", json_integer(2));
	assert_int_equal(scenario_from_json(doc, "plan", NULL, &s), 0);
	assert_int_equal(cost_breakdown(&s, cat, &o, &b), 0);
	scenario_release(&s);
	const struct cost_line *l = line(&b, "aws_wafv2_web_acl.this", "Rules");
	assert_string_equal(cents(l->quantity), "10.00"); /* 4 + 3 x 2 */
	assert_non_null(strstr(l->note, "3 of them rule groups"));
	assert_non_null(strstr(l->note, "assumption: waf_rules_per_rule_group = 2"));
	/* the breakdown's notes say where the figure comes from */
	bool noted = false;
	for (size_t i = 0; i < b.nnotes; i++)
		noted |= strstr(b.notes[i], "assumption: waf_rules_per_rule_group = 2 (") != NULL &&
			 strstr(b.notes[i], "override with --assume waf_rules_per_rule_group=VALUE "
					    "or the attribute rules_per_rule_group") != NULL;
	assert_true(noted);
	/* Bot Control has fees of its own: said */
	bool warned = false;
	for (size_t i = 0; i < b.nwarn; i++)
		warned |= strstr(b.warnings[i], "AWSManagedRulesBotControlRuleSet has its own") != NULL;
	assert_true(warned);
	breakdown_release(&b);
	plan_release(&p);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plan_launch_types),
		cmocka_unit_test(plan_task_sets),
		cmocka_unit_test(plan_family_twice),
		cmocka_unit_test(plan_endpoint_subnets),
		cmocka_unit_test(plan_waf_rule_groups),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
