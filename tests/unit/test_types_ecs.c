/*
 * test_types_ecs.c - ECS on Fargate and the Compute Savings Plan that
 * covers it, against figures worked out by hand from the snapshot's
 * us-east-1 prices: Fargate x86 0.04048 per vCPU-hour and 0.004445 per
 * GB-hour, ARM 0.03238 / 0.00356. One task of 256 CPU units and 512 MiB
 * all month is 182.5 vCPU-hours ($7.39) and 365 GB-hours ($1.62).
 *
 * Run from the repository root (tests/run-all does).
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
#include "cost/upgrade_path.h"
#include "model/merge_patch.h"
#include "model/scenario.h"
#include "model/upgrades.h"
#include "report/budget.h"

#include "test_catalog_util.h"

/* A stack of Fargate services: baseline.json's ECS part, patched. */
static const char STACK[] =
	"{\"costplan\": 1, \"name\": \"ecs\", \"region\": \"us-east-1\", \"free_tier\": false,"
	" \"resource\": {"
	"  \"aws_ecs_cluster\": {\"main\": {}},"
	"  \"aws_ecs_task_definition\": {"
	"    \"api\": {\"family\": \"api\", \"cpu\": 256, \"memory\": 512},"
	"    \"worker\": {\"family\": \"worker\", \"cpu\": 256, \"memory\": 512},"
	"    \"frontend\": {\"family\": \"frontend\", \"cpu\": 256, \"memory\": 512}},"
	"  \"aws_ecs_service\": {"
	"    \"api\": {\"cluster\": \"main\", \"task_definition\": \"api\", \"desired_count\": 1},"
	"    \"worker\": {\"cluster\": \"main\", \"task_definition\": \"worker\", \"desired_count\": 1},"
	"    \"frontend\": {\"cluster\": \"main\", \"task_definition\": \"frontend\","
	"                   \"desired_count\": 1}}}}";

static json_t *stack(const char *patch)
{
	json_error_t err;
	json_t *doc = json_loads(STACK, 0, &err);
	assert_non_null(doc);
	if (patch) {
		json_t *p = json_loads(patch, 0, &err);
		if (!p)
			fail_msg("patch: %s", err.text);
		json_t *next = merge_patch(doc, p);
		json_decref(doc);
		json_decref(p);
		doc = next;
	}
	return doc;
}

/* Price STACK with a merge patch; returns the exit code. */
static int price_rc(const char *patch, struct breakdown *b)
{
	json_t *doc = stack(patch);
	struct scenario s;
	struct cost_options o = {NULL, true};
	int rc = scenario_from_json(doc, "test.json", NULL, &s);
	if (rc == 0) {
		rc = cost_breakdown(&s, cat, &o, b);
		scenario_release(&s);
	}
	json_decref(doc);
	return rc;
}

static void price(const char *patch, struct breakdown *b)
{
	assert_int_equal(price_rc(patch, b), 0);
}

static const char *total_of(const struct breakdown *b, const char *addr)
{
	const struct cost_item *it = breakdown_item(b, addr);
	if (!it)
		fail_msg("no item %s", addr);
	return cents(it->total);
}

static bool warned(const struct breakdown *b, const char *needle)
{
	for (size_t i = 0; i < b->nwarn; i++)
		if (strstr(b->warnings[i], needle))
			return true;
	return false;
}

/* Every line of b has a formula in the spreadsheet. */
static void all_formulas(const struct breakdown *b)
{
	struct budget bg;
	budget_build(&bg, b, NULL, dec_zero());
	for (size_t i = 0; i < bg.nlines; i++)
		if (bg.lines[i].kind != LK_FREE && !bg.lines[i].qty_formula &&
		    strstr(bg.lines[i].basis, "fixed by costplan"))
			fail_msg("no formula for %s: %s", bg.lines[i].item->address,
				 bg.lines[i].line->name);
	assert_int_equal(bg.no_formula, 0);
	for (size_t i = 0; i < bg.nlines; i++)
		if (bg.lines[i].adjusted)
			assert_non_null(bg.lines[i].price_formula);
	budget_release(&bg);
}

/* ---- the Compute Savings Plan ---------------------------------------------- */

#define SP_DEFAULT "{\"resource\": {\"costplan_savings_plan\": {\"compute\": {}}}}"

/* The default commitment is the steady minimum: the three tasks. */
static void savings_plan_steady_minimum(void **state)
{
	struct breakdown b;
	(void)state;
	price(SP_DEFAULT, &b);
	/* the commitment: 3 tasks x 182.5 vCPU-h at 0.04048 x 0.8 = 0.032384, and
	 * 3 x 365 GB-h at 0.004445 x 0.8 = 0.003556 */
	const struct cost_line *v = line(&b, "costplan_savings_plan.compute",
					      "Fargate vCPU (x86), plan rate");
	assert_string_equal(cents(v->quantity), "547.50");
	assert_int_equal(dec_cmp(v->unit_price, D("0.032384")), 0);
	assert_string_equal(cents(v->cost_cents), cents(hand("0.032384", "547.5")));
	const struct cost_line *g = line(&b, "costplan_savings_plan.compute",
					      "Fargate memory (x86), plan rate");
	assert_string_equal(cents(g->cost_cents), cents(hand("0.003556", "1095")));
	assert_string_equal(total_of(&b, "costplan_savings_plan.compute"), "21.62");
	/* $21.62 / 730 h: the commitment to buy, and all of it used */
	assert_non_null(strstr(v->note, "commitment $0.02962/hour"));
	assert_non_null(strstr(v->note, "utilisation 100%"));
	assert_non_null(strstr(v->note, "saves $5.41"));
	/* the services pay nothing on demand: no task above the minimum */
	assert_string_equal(total_of(&b, "aws_ecs_service.api"), "0.00");
	assert_string_equal(
		cents(line(&b, "aws_ecs_service.api", "Fargate vCPU (x86, on demand)")->quantity),
		"0.00");
	/* 3 x 9.01 on demand = 27.03; with the plan 21.62 */
	assert_string_equal(cents(b.total), "21.62");
	all_formulas(&b);
	breakdown_release(&b);
}

/* Auto-scaled at its maximum: the plan covers min_capacity, the rest is on demand. */
#define API_AT_MAX \
	"{\"resource\": {\"costplan_savings_plan\": {\"compute\": {}}," \
	" \"aws_ecs_service\": {\"api\": {\"desired_count\": 4}}," \
	" \"aws_appautoscaling_target\": {\"api\": {\"service\": \"api\", \"min_capacity\": 1," \
	"   \"max_capacity\": 4}}}}"

static void savings_plan_autoscaled_max(void **state)
{
	struct breakdown b, od;
	(void)state;
	price(API_AT_MAX, &b);
	/* still 3 tasks committed */
	assert_string_equal(total_of(&b, "costplan_savings_plan.compute"), "21.62");
	/* api: 3 tasks above min_capacity 1, on demand: 547.5 x 0.04048 = 22.16,
	 * 1095 x 0.004445 = 4.87 */
	const struct cost_line *v = line(&b, "aws_ecs_service.api",
					      "Fargate vCPU (x86, on demand)");
	assert_string_equal(cents(v->quantity), "547.50");
	assert_string_equal(cents(v->cost_cents), cents(hand("0.04048", "547.5")));
	assert_non_null(strstr(v->note, "above the steady minimum (1 task)"));
	assert_string_equal(total_of(&b, "aws_ecs_service.api"), "27.03");
	/* without the plan: 6 tasks x 9.01 = 54.06; the plan saves 5.41, not
	 * 20% of everything (10.81) */
	price("{\"resource\": {"
	      " \"aws_ecs_service\": {\"api\": {\"desired_count\": 4}},"
	      " \"aws_appautoscaling_target\": {\"api\": {\"service\": \"api\", \"min_capacity\": 1,"
	      "   \"max_capacity\": 4}}}}",
	      &od);
	assert_string_equal(cents(dec_sub(od.total, b.total)), "5.41");
	all_formulas(&b);
	breakdown_release(&b);
	breakdown_release(&od);
}

/* A scheduled action that lowers min_capacity lowers the steady minimum. */
static void savings_plan_scheduled_minimum(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\": {\"costplan_savings_plan\": {\"compute\": {}},"
	      " \"aws_ecs_service\": {\"api\": {\"desired_count\": 2}},"
	      " \"aws_appautoscaling_target\": {\"api\": {\"service\": \"api\", \"min_capacity\": 2,"
	      "   \"max_capacity\": 4}},"
	      " \"aws_appautoscaling_scheduled_action\": {"
	      "   \"night\": {\"target\": \"api\", \"schedule\": \"cron(0 22 ? * * *)\","
	      "     \"scalable_target_action\": {\"min_capacity\": 0}},"
	      "   \"day\": {\"target\": \"api\", \"schedule\": \"cron(0 6 ? * * *)\","
	      "     \"scalable_target_action\": {\"min_capacity\": 2}}}}}",
	      &b);
	/* api commits 0 tasks (its nights), worker and frontend 1 each */
	assert_string_equal(cents(line(&b, "costplan_savings_plan.compute",
					    "Fargate vCPU (x86), plan rate")->quantity),
			    "365.00");
	/* api's two tasks are on demand: 365 x 0.04048 + 730 x 0.004445 */
	assert_string_equal(total_of(&b, "aws_ecs_service.api"),
			    cents(dec_add(hand("0.04048", "365"), hand("0.004445", "730"))));
	all_formulas(&b);
	breakdown_release(&b);
}

/* An explicit commitment below the usage covers that share of every line. */
static void savings_plan_explicit_below(void **state)
{
	struct breakdown b;
	(void)state;
	/* $0.01/hour = $7.30 a month at the plan's rate; the three tasks cost
	 * 27.030075 on demand, 21.62406 at the plan's rate: it covers
	 * 7.3 / 21.62406 = 33.759...% of every line */
	price("{\"resource\": {\"costplan_savings_plan\": {\"compute\": {\"hourly_commitment\": 0.01}}}}",
	      &b);
	assert_string_equal(total_of(&b, "costplan_savings_plan.compute"), "7.30");
	dec cover, od, want;
	assert_int_equal(dec_div(D("7.3"), D("21.62406"), &cover), 0);
	/* api vCPU on demand: 182.5 x (1 - cover) */
	assert_int_equal(dec_mul(D("182.5"), dec_sub(dec_from_int(1), cover), &od), 0);
	const struct cost_line *v = line(&b, "aws_ecs_service.api",
					      "Fargate vCPU (x86, on demand)");
	dec diff = dec_sub(v->quantity, od);
	if (dec_cmp(diff, dec_zero()) < 0)
		diff = dec_neg(diff);
	assert_true(dec_cmp(diff, D("0.000001")) < 0);
	assert_non_null(strstr(v->note, "66.2%"));
	/* the whole bill: 7.30 + 27.030075 x (1 - cover) = 7.30 + 17.905 */
	assert_int_equal(dec_mul(D("27.030075"), dec_sub(dec_from_int(1), cover), &want), 0);
	dec t = dec_sub(b.total, dec_add(D("7.30"), want));
	if (dec_cmp(t, dec_zero()) < 0)
		t = dec_neg(t);
	assert_true(dec_cmp(t, D("0.04")) <= 0); /* half a cent of rounding on each of 8 lines */
	assert_false(warned(&b, "above the steady minimum"));
	all_formulas(&b);
	breakdown_release(&b);
}

/* An explicit commitment above the usage: unused, paid all the same. */
static void savings_plan_explicit_above(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\": {\"costplan_savings_plan\": {\"compute\": {\"hourly_commitment\": 0.05}}}}",
	      &b);
	/* $0.05 x 730 = $36.50, whatever the usage; the services pay nothing */
	assert_string_equal(total_of(&b, "costplan_savings_plan.compute"), "36.50");
	assert_string_equal(total_of(&b, "aws_ecs_service.worker"), "0.00");
	/* 21.62406 / 36.5 = 59.2% used; it costs 36.50 - 27.03 = 9.47 more than on demand */
	const struct cost_line *v = line(&b, "costplan_savings_plan.compute",
					      "Fargate vCPU (x86), plan rate");
	assert_non_null(strstr(v->note, "utilisation 59.2%"));
	assert_non_null(strstr(v->note, "costs $9.47"));
	assert_true(warned(&b, "above the steady minimum ($0.02962/hour"));
	all_formulas(&b);
	breakdown_release(&b);
}

/* Spot tasks are never covered; a plan with nothing to cover still bills. */
static void savings_plan_spot_and_nothing(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\": {\"costplan_savings_plan\": {\"compute\": {}},"
	      " \"aws_ecs_service\": {\"worker\": {\"capacity_provider\": \"FARGATE_SPOT\"}}}}",
	      &b);
	/* two tasks committed, the worker at Spot: 182.5 x 0.012144 + 365 x 0.0013335 */
	assert_string_equal(cents(line(&b, "costplan_savings_plan.compute",
					    "Fargate vCPU (x86), plan rate")->quantity),
			    "365.00");
	assert_string_equal(total_of(&b, "aws_ecs_service.worker"), "2.71");
	breakdown_release(&b);

	price("{\"resource\": {\"costplan_savings_plan\": {\"compute\": {\"hourly_commitment\": 0.01}},"
	      " \"aws_ecs_service\": {\"api\": {\"desired_count\": 0},"
	      "   \"worker\": {\"desired_count\": 0}, \"frontend\": {\"desired_count\": 0}}}}",
	      &b);
	assert_string_equal(total_of(&b, "costplan_savings_plan.compute"), "7.30");
	line(&b, "costplan_savings_plan.compute", "Unused commitment (as Fargate vCPU-hours)");
	all_formulas(&b);
	breakdown_release(&b);
}

static void savings_plan_bad(void **state)
{
	struct breakdown b;
	(void)state;
	/* two plans: AWS applies them together, write one */
	assert_int_equal(price_rc("{\"resource\": {\"costplan_savings_plan\": {\"a\": {}, \"b\": {}}}}",
				  &b),
			 CP_EXIT_DATA);
	assert_int_equal(
		price_rc("{\"resource\": {\"costplan_savings_plan\": {\"a\": {\"hourly_commitment\": -0.5}}}}",
			 &b),
		CP_EXIT_DATA);
}

/* The guide's path: the plan on the production stack, at max tasks. */
static void savings_plan_upgrade_range(void **state)
{
	struct upgrade_set set;
	struct upgrade_path path;
	struct cost_options co = {NULL, false};
	json_error_t err;
	(void)state;
	json_t *base = json_load_file("scenarios/baseline.json", 0, &err);
	assert_non_null(base);
	assert_int_equal(upgrades_load("scenarios/upgrades", &set), 0);
	assert_int_equal(upgrade_path_price(base, "baseline", &set, cat, &co, &path), 0);
	const struct upgrade_result *sp = NULL;
	for (size_t i = 0; i < path.n; i++)
		if (strcmp(path.results[i].step->id, "compute-savings-plan") == 0)
			sp = &path.results[i];
	assert_non_null(sp);
	/* production at max tasks (api and frontend at 4): $273.37 */
	assert_string_equal(cents(path.production.high), "273.37");
	/* the plan commits to the three steady tasks and saves $5.41 at any
	 * size: $267.96 at max (it showed $257.15, 20% off all nine tasks) */
	assert_string_equal(cents(sp->cumulative.high), "267.96");
	assert_string_equal(cents(dec_sub(path.production.high, sp->cumulative.high)), "5.41");
	assert_string_equal(cents(sp->cumulative_delta), "-5.41");
	assert_string_equal(cents(sp->alone_delta), "-5.41");
	upgrade_path_release(&path);
	upgrades_release(&set);
	json_decref(base);
}

/* ---- where the tasks run ---------------------------------------------------- */

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

/* A scenario service on EC2 or ECS Anywhere is not priced as Fargate. */
static void service_not_on_fargate(void **state)
{
	struct breakdown b;
	struct scenario s;
	struct cost_options o = {NULL, true};
	(void)state;
	assert_int_equal(scenario_load("tests/data/ecs/launch-types.json", &s), 0);
	assert_int_equal(cost_breakdown(&s, cat, &o, &b), 0);
	scenario_release(&s);
	assert_null(breakdown_item(&b, "aws_ecs_service.on_ec2"));
	assert_string_equal(unpriced_why(b.unpriced, b.nunpriced, "aws_ecs_service.on_ec2"),
			    EC2_WHY);
	assert_non_null(strstr(unpriced_why(b.unpriced, b.nunpriced, "aws_ecs_service.anywhere"),
			       "launch_type EXTERNAL, ECS Anywhere"));
	/* the Fargate one: 2 tasks, 365 vCPU-h + 730 GB-h */
	assert_string_equal(total_of(&b, "aws_ecs_service.fargate"),
			    cents(dec_add(hand("0.04048", "365"), hand("0.004445", "730"))));
	assert_string_equal(cents(b.total), "18.02");
	breakdown_release(&b);
}

/* Scenario task sets, covered by a Savings Plan like services. */
static void scenario_task_sets(void **state)
{
	struct breakdown b;
	struct scenario s;
	struct cost_options o = {NULL, true};
	(void)state;
	assert_int_equal(scenario_load("tests/data/ecs/task-sets.json", &s), 0);
	assert_int_equal(cost_breakdown(&s, cat, &o, &b), 0);
	scenario_release(&s);
	/* 3 + 2x2 = 7 quarter-vCPU tasks: 1277.5 vCPU-h, 2555 GB-h at the plan's rate */
	assert_string_equal(cents(line(&b, "costplan_savings_plan.compute",
					    "Fargate vCPU (x86), plan rate")->quantity),
			    "1277.50");
	assert_string_equal(total_of(&b, "aws_ecs_task_set.green"), "0.00");
	assert_string_equal(total_of(&b, "costplan_savings_plan.compute"),
			    cents(dec_add(hand("0.032384", "1277.5"), hand("0.003556", "2555"))));
	all_formulas(&b);
	breakdown_release(&b);
	/* a task set of a service that is not EXTERNAL: said, not hidden */
	price("{\"resource\": {\"aws_ecs_task_set\": {\"x\": {\"service\": \"api\","
	      " \"task_definition\": \"api\"}}}}",
	      &b);
	assert_true(warned(&b, "deployment_controller is EXTERNAL"));
	breakdown_release(&b);
	/* a service needs a task definition unless its task sets have them */
	assert_int_equal(price_rc("{\"resource\": {\"aws_ecs_service\": {\"api\": "
				  "{\"task_definition\": null}}}}",
				  &b),
			 CP_EXIT_DATA);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(savings_plan_steady_minimum),
		cmocka_unit_test(savings_plan_autoscaled_max),
		cmocka_unit_test(savings_plan_scheduled_minimum),
		cmocka_unit_test(savings_plan_explicit_below),
		cmocka_unit_test(savings_plan_explicit_above),
		cmocka_unit_test(savings_plan_spot_and_nothing),
		cmocka_unit_test(savings_plan_bad),
		cmocka_unit_test(savings_plan_upgrade_range),
		cmocka_unit_test(service_not_on_fargate),
		cmocka_unit_test(scenario_task_sets),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
