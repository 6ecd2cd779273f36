/*
 * test_plan.c - the Terraform plan reader's mapping rules (task sizes,
 * capacity provider strategies, replication-group node counts, unknowns,
 * references through modules), usage-file wildcards, and the diff's
 * percentage and guardrails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "diff/diff.h"
#include "model/plan.h"
#include "model/usage.h"
#include "util/error.h"
#include "cost/types/registry.h"

/* A one-resource-change plan around `rc` (a JSON object text). */
static json_t *plan_doc(const char *changes, const char *config)
{
	char *text = xasprintf("{\"format_version\":\"1.2\",\"resource_changes\":[%s],"
			       "\"configuration\":%s}",
			       changes, config ? config : "{}");
	json_error_t e;
	json_t *j = json_loads(text, 0, &e);
	if (!j)
		fail_msg("bad test JSON: %s (line %d)", e.text, e.line);
	free(text);
	return j;
}

static json_t *body(struct plan *p, int after, const char *region, const char *type,
		    const char *name)
{
	struct plan_side *s = after ? &p->after : &p->before;
	return json_object_get(
		json_object_get(json_object_get(json_object_get(s->docs, region), "resource"), type),
		name);
}

#define TD(addr, name, after, unknown)                                                        \
	"{\"address\":\"" addr "\",\"mode\":\"managed\",\"type\":\"aws_ecs_task_definition\","  \
	"\"name\":\"" name "\",\"provider_name\":\"registry.terraform.io/hashicorp/aws\","      \
	"\"change\":{\"actions\":[\"create\"],\"before\":null,\"after\":" after                \
	",\"after_unknown\":" unknown "}}"

static void task_sizes(void **state)
{
	(void)state;
	struct plan p;
	json_t *j = plan_doc(TD("aws_ecs_task_definition.a", "a",
				"{\"family\":\"a\",\"cpu\":\"1 vCPU\",\"memory\":\"2 GB\","
				"\"runtime_platform\":[{\"cpu_architecture\":\"ARM64\"}]}",
				"{}") "," TD("aws_ecs_task_definition.b", "b",
				"{\"family\":\"b\",\"cpu\":\"512\",\"memory\":\"1024\"}", "{}") ","
			     TD("aws_ecs_task_definition.c", "c", "{\"family\":\"c\"}", "{}"),
			     NULL);
	assert_int_equal(plan_from_json(j, "t.json", NULL, &p), 0);
	json_t *a = body(&p, 1, "us-east-1", "aws_ecs_task_definition", "a");
	assert_non_null(a);
	assert_int_equal(json_integer_value(json_object_get(a, "cpu")), 1024);
	assert_int_equal(json_integer_value(json_object_get(a, "memory")), 2048);
	assert_string_equal(json_string_value(json_object_get(a, "runtime_platform.cpu_architecture")),
			    "ARM64");
	json_t *b = body(&p, 1, "us-east-1", "aws_ecs_task_definition", "b");
	assert_int_equal(json_integer_value(json_object_get(b, "cpu")), 512);
	/* an EC2-style definition without task-level cpu is listed, not dropped */
	assert_null(body(&p, 1, "us-east-1", "aws_ecs_task_definition", "c"));
	assert_int_equal(p.after.nunpriced, 1);
	assert_string_equal(p.after.unpriced[0].address, "aws_ecs_task_definition.c");
	assert_non_null(strstr(p.after.unpriced[0].why, "cpu"));
	/* no region anywhere: us-east-1, with a warning saying so */
	assert_int_equal(p.after.nwarn, 1);
	assert_non_null(strstr(p.after.warnings[0], "us-east-1"));
	plan_release(&p);
	json_decref(j);
}

#define RG(after, unknown)                                                                      \
	"{\"address\":\"aws_elasticache_replication_group.r\",\"mode\":\"managed\","              \
	"\"type\":\"aws_elasticache_replication_group\",\"name\":\"r\","                           \
	"\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":"      \
	"[\"create\"],\"before\":null,\"after\":" after ",\"after_unknown\":" unknown "}}"

static void replication_group_nodes(void **state)
{
	(void)state;
	struct plan p;
	struct plan_opts o = {"eu-west-1", NULL, NULL};
	/* cluster mode: 3 shards x (1 replica + 1) */
	json_t *j = plan_doc(RG("{\"node_type\":\"cache.t3.micro\",\"num_node_groups\":3,"
				"\"replicas_per_node_group\":1}",
				"{\"num_cache_clusters\":true}"),
			     NULL);
	assert_int_equal(plan_from_json(j, "t.json", &o, &p), 0);
	json_t *b = body(&p, 1, "eu-west-1", "aws_elasticache_replication_group", "r");
	assert_non_null(b);
	assert_int_equal(json_integer_value(json_object_get(b, "num_node_groups")), 3);
	assert_int_equal(json_integer_value(json_object_get(b, "replicas_per_node_group")), 1);
	plan_release(&p);
	json_decref(j);
	/* nothing known: 1 node, with a warning naming the attribute */
	j = plan_doc(RG("{\"node_type\":\"cache.t3.micro\"}",
			"{\"num_cache_clusters\":true,\"num_node_groups\":true}"),
		     NULL);
	assert_int_equal(plan_from_json(j, "t.json", &o, &p), 0);
	b = body(&p, 1, "eu-west-1", "aws_elasticache_replication_group", "r");
	assert_int_equal(json_integer_value(json_object_get(b, "num_cache_clusters")), 1);
	assert_int_equal(json_integer_value(json_object_get(b, "num_node_groups")), 0);
	assert_int_equal(p.after.nwarn, 1);
	assert_non_null(strstr(p.after.warnings[0], "num_cache_clusters"));
	plan_release(&p);
	json_decref(j);
}

#define SVC(addr, mod, after, unknown)                                                          \
	"{\"address\":\"" addr "\",\"module_address\":\"" mod "\",\"mode\":\"managed\","          \
	"\"type\":\"aws_ecs_service\",\"name\":\"this\","                                          \
	"\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"change\":{\"actions\":"      \
	"[\"create\"],\"before\":null,\"after\":" after ",\"after_unknown\":" unknown "}}"

static void service_through_module_variable(void **state)
{
	(void)state;
	struct plan p;
	/* module.svc's service gets var.td, which the root passes from its task definition */
	const char *config =
		"{\"provider_config\":{\"aws\":{\"name\":\"aws\",\"expressions\":{\"region\":"
		"{\"references\":[\"var.region\"]}}}},\"root_module\":{\"resources\":[{\"address\":"
		"\"aws_ecs_task_definition.app\",\"mode\":\"managed\",\"type\":\"aws_ecs_task_definition\","
		"\"name\":\"app\",\"provider_config_key\":\"aws\"}],\"module_calls\":{\"svc\":{"
		"\"expressions\":{\"td\":{\"references\":[\"aws_ecs_task_definition.app.arn\","
		"\"aws_ecs_task_definition.app\"]}},\"module\":{\"resources\":[{\"address\":"
		"\"aws_ecs_service.this\",\"mode\":\"managed\",\"type\":\"aws_ecs_service\",\"name\":"
		"\"this\",\"provider_config_key\":\"module.svc:aws\",\"expressions\":{"
		"\"task_definition\":{\"references\":[\"var.td\"]}}}]}}}}}";
	char *changes = xasprintf(
		"%s,%s",
		TD("aws_ecs_task_definition.app", "app", "{\"family\":\"app\",\"cpu\":\"256\",\"memory\":\"512\"}",
		   "{\"arn\":true}"),
		SVC("module.svc.aws_ecs_service.this", "module.svc",
		    "{\"desired_count\":3,\"launch_type\":\"\",\"capacity_provider_strategy\":["
		    "{\"capacity_provider\":\"FARGATE_SPOT\",\"weight\":1,\"base\":0}]}",
		    "{\"task_definition\":true}"));
	json_t *j = plan_doc(changes, config);
	json_object_set_new(j, "variables", json_pack("{s:{s:s}}", "region", "value", "us-west-2"));
	free(changes);
	assert_int_equal(plan_from_json(j, "t.json", NULL, &p), 0);
	json_t *b = body(&p, 1, "us-west-2", "aws_ecs_service", "module_svc_aws_ecs_service_this");
	assert_non_null(b);
	assert_string_equal(json_string_value(json_object_get(b, "task_definition")), "app");
	assert_int_equal(json_integer_value(json_object_get(b, "desired_count")), 3);
	/* the address maps back to Terraform's */
	assert_string_equal(json_string_value(json_object_get(
				    p.after.addr, "aws_ecs_service.module_svc_aws_ecs_service_this")),
			    "module.svc.aws_ecs_service.this");
	/* all 3 tasks on Spot: one resource on FARGATE_SPOT */
	assert_string_equal(json_string_value(json_object_get(b, "capacity_provider")), "FARGATE_SPOT");
	assert_string_equal(json_string_value(json_object_get(p.actions, "module.svc.aws_ecs_service.this")),
			    "create");
	plan_release(&p);
	json_decref(j);
}

static void mixed_strategy_splits(void **state)
{
	(void)state;
	struct plan p;
	/* 5 tasks: base 1 on FARGATE, the other 4 weighted 1:3 -> 1 + 1 on FARGATE, 3 on Spot */
	char *changes = xasprintf(
		"%s,%s",
		TD("aws_ecs_task_definition.app", "app",
		   "{\"family\":\"app\",\"cpu\":\"256\",\"memory\":\"512\",\"arn\":\"arn:aws:ecs:us-east-1:1:task-definition/app:4\"}",
		   "{}"),
		SVC("aws_ecs_service.this", "",
		    "{\"desired_count\":5,\"task_definition\":\"arn:aws:ecs:us-east-1:1:task-definition/app:4\","
		    "\"capacity_provider_strategy\":[{\"capacity_provider\":\"FARGATE\",\"weight\":1,\"base\":1},"
		    "{\"capacity_provider\":\"FARGATE_SPOT\",\"weight\":3,\"base\":0}]}",
		    "{}"));
	json_t *j = plan_doc(changes, NULL);
	free(changes);
	assert_int_equal(plan_from_json(j, "t.json", NULL, &p), 0);
	json_t *od = body(&p, 1, "us-east-1", "aws_ecs_service", "this");
	json_t *sp = body(&p, 1, "us-east-1", "aws_ecs_service", "this-spot");
	assert_non_null(od);
	assert_non_null(sp);
	assert_int_equal(json_integer_value(json_object_get(od, "desired_count")), 2);
	assert_null(json_object_get(od, "capacity_provider")); /* the schema default, FARGATE */
	assert_int_equal(json_integer_value(json_object_get(sp, "desired_count")), 3);
	assert_string_equal(json_string_value(json_object_get(sp, "capacity_provider")), "FARGATE_SPOT");
	/* both scenario resources are the one Terraform resource */
	assert_string_equal(json_string_value(json_object_get(p.after.addr, "aws_ecs_service.this-spot")),
			    "aws_ecs_service.this");
	plan_release(&p);
	json_decref(j);
}

static void unknown_uses_prior(void **state)
{
	(void)state;
	struct plan p;
	json_t *j = plan_doc(
		"{\"address\":\"aws_lb.x\",\"mode\":\"managed\",\"type\":\"aws_lb\",\"name\":\"x\","
		"\"provider_name\":\"hashicorp/aws\",\"change\":{\"actions\":[\"update\"],"
		"\"before\":{\"internal\":false,\"subnets\":[\"a\",\"b\",\"c\"]},"
		"\"after\":{\"internal\":false},\"after_unknown\":{\"subnets\":true}}}",
		NULL);
	assert_int_equal(plan_from_json(j, "t.json", NULL, &p), 0);
	json_t *b = body(&p, 1, "us-east-1", "aws_lb", "x");
	assert_int_equal(json_array_size(json_object_get(b, "subnets")), 3);
	b = body(&p, 0, "us-east-1", "aws_lb", "x");
	assert_int_equal(json_array_size(json_object_get(b, "subnets")), 3);
	int named = 0;
	for (size_t i = 0; i < p.after.nwarn; i++)
		named |= strstr(p.after.warnings[i], "aws_lb.x: subnets") != NULL;
	assert_true(named);
	plan_release(&p);
	json_decref(j);
}

static void format_versions(void **state)
{
	(void)state;
	struct plan p;
	json_t *j = json_pack("{s:s,s:[]}", "format_version", "1.9", "resource_changes");
	assert_int_equal(plan_from_json(j, "t.json", NULL, &p), 0);
	plan_release(&p);
	json_object_set_new(j, "format_version", json_string("2.0"));
	assert_int_equal(plan_from_json(j, "t.json", NULL, &p), CP_EXIT_DATA);
	json_object_set_new(j, "format_version", json_integer(1));
	assert_int_equal(plan_from_json(j, "t.json", NULL, &p), CP_EXIT_DATA);
	json_decref(j);
}

static void wildcards(void **state)
{
	(void)state;
	assert_true(usage_address_match("aws_eip.nat[*]", "aws_eip.nat[0]"));
	assert_true(usage_address_match("aws_eip.nat[*]", "aws_eip.nat[\"a]b\"]"));
	assert_true(usage_address_match("module.m[*].aws_eip.nat", "module.m[\"x\"].aws_eip.nat"));
	assert_false(usage_address_match("aws_eip.nat[*]", "aws_eip.nat"));
	assert_false(usage_address_match("aws_eip.nat[*]", "aws_eip.natural[0]"));
	assert_false(usage_address_match("aws_eip.nat", "aws_eip.nat[0]"));
}

static void usage_precedence(void **state)
{
	(void)state;
	char path[] = "/tmp/costplan-usage-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("{\"version\":\"0.1\",\"resource_type_default_usage\":{\"aws_nat_gateway\":"
	      "{\"monthly_data_processed_gb\":1}},\"resource_usage\":{\"aws_nat_gateway.n[*]\":"
	      "{\"monthly_data_processed_gb\":2},\"aws_nat_gateway.n[1]\":"
	      "{\"monthly_data_processed_gb\":3},\"aws_s3_bucket.b\":{\"standard\":{\"storage_gb\":5}}}}",
	      f);
	fclose(f);
	struct usage_file u;
	assert_int_equal(usage_load(path, &u), 0);
	json_t *x = usage_for(&u, "aws_nat_gateway.m", "aws_nat_gateway");
	assert_int_equal(json_integer_value(json_object_get(x, "monthly_data_processed_gb")), 1);
	json_decref(x);
	x = usage_for(&u, "aws_nat_gateway.n[0]", "aws_nat_gateway");
	assert_int_equal(json_integer_value(json_object_get(x, "monthly_data_processed_gb")), 2);
	json_decref(x);
	x = usage_for(&u, "aws_nat_gateway.n[1]", "aws_nat_gateway");
	assert_int_equal(json_integer_value(json_object_get(x, "monthly_data_processed_gb")), 3);
	json_decref(x);
	x = usage_for(&u, "aws_s3_bucket.b", "aws_s3_bucket");
	assert_int_equal(json_integer_value(json_object_get(x, "standard.storage_gb")), 5);
	json_decref(x);
	usage_release(&u);
	remove(path);
}

static void guardrails(void **state)
{
	(void)state;
	struct diff d;
	struct guardrails g;
	char why[512];
	memset(&d, 0, sizeof(d));
	memset(&g, 0, sizeof(g));
	d.before = dec_from_int(100);
	d.after = dec_from_int(112);
	d.delta = dec_from_int(12);
	d.has_percent = true;
	d.percent = dec_from_int(12);
	g.usd_set = true;
	g.usd = dec_from_int(12); /* equal: not above */
	assert_int_equal(diff_guardrails(&d, &g, why, sizeof(why)), 0);
	g.pct_set = true;
	g.pct = dec_from_scaled(119, 1);
	assert_int_equal(diff_guardrails(&d, &g, why, sizeof(why)), 1);
	assert_non_null(strstr(why, "--fail-above-percent 11.9%"));
	g.budget_set = true;
	g.budget = dec_from_int(110);
	assert_int_equal(diff_guardrails(&d, &g, why, sizeof(why)), 1);
	assert_non_null(strstr(why, "; new monthly total $112.00 is above --budget $110.00"));
	assert_null(strchr(why, '\n'));
	char h[128];
	diff_headline(&d, h, sizeof(h));
	assert_string_equal(h, "Monthly cost will increase by $12.00 (+12.0%)");
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(task_sizes),
		cmocka_unit_test(replication_group_nodes),
		cmocka_unit_test(service_through_module_variable),
		cmocka_unit_test(mixed_strategy_splits),
		cmocka_unit_test(unknown_uses_prior),
		cmocka_unit_test(format_versions),
		cmocka_unit_test(wildcards),
		cmocka_unit_test(usage_precedence),
		cmocka_unit_test(guardrails),
	};
	cp_quiet = 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
