/*
 * test_upgrade_path.c - every step's delta against figures computed by
 * hand from the FACTS.md prices (us-east-1), the cumulative path, the
 * production total, the auto-scaling range, the VPC endpoint verdict, and
 * --assume overrides. Run from the repository root (tests/run-all does).
 *
 * Prices used (FACTS.md section 3): db.t3.micro Single/Multi-AZ 0.018 /
 * 0.036 per hour; gp2 0.115 / 0.23 per GB-month; cache.t3.micro 0.017;
 * NAT 0.045 per hour and per GB; public IPv4 0.005; WAF 5 / 1 / 0.60 per
 * 1M; Fargate x86 0.04048 / 0.004445, ARM 0.03238 / 0.00356; custom
 * metric 0.30 (first 10,000); logs 0.50 per GB ingested, 0.03 per GB-month;
 * interface endpoint 0.01 per AZ-hour and 0.01 per GB; alarm 0.10.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "cost/upgrade_path.h"
#include "model/scenario.h"
#include "model/upgrades.h"
#include "cost/types/registry.h"

static struct catalog *cat;
static struct upgrade_set set;
static struct upgrade_path path;
static json_t *base;

static dec D(const char *s)
{
	dec d;
	assert_int_equal(dec_parse(s, &d), 0);
	return d;
}

static void assert_money(dec got, const char *want)
{
	char buf[DEC_BUFSZ];
	dec_format(got, 2, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

/* hand: price x quantity, rounded to cents half away from zero */
static dec line(const char *price, const char *qty)
{
	dec r;
	assert_int_equal(dec_mul(D(price), D(qty), &r), 0);
	return dec_round_cents(r);
}

static int setup(void **state)
{
	json_error_t err;
	(void)state;
	cat = catalog_new("pricing");
	if (upgrades_load("scenarios/upgrades", &set) != 0)
		return -1;
	base = json_load_file("scenarios/baseline.json", 0, &err);
	if (!base)
		return -1;
	struct cost_options co = {NULL, false};
	return upgrade_path_price(base, "baseline", &set, cat, &co, &path);
}

static int teardown(void **state)
{
	(void)state;
	upgrade_path_release(&path);
	upgrades_release(&set);
	json_decref(base);
	catalog_free(cat);
	return 0;
}

static const struct upgrade_result *result(const char *id)
{
	for (size_t i = 0; i < path.n; i++)
		if (strcmp(path.results[i].step->id, id) == 0)
			return &path.results[i];
	fail_msg("no step %s", id);
	return NULL;
}

static const struct cost_line *find_line(const struct breakdown *b, const char *addr,
					 const char *prefix)
{
	const struct cost_item *it = breakdown_item(b, addr);
	assert_non_null(it);
	for (size_t j = 0; j < it->n; j++)
		if (strncmp(it->lines[j].name, prefix, strlen(prefix)) == 0)
			return &it->lines[j];
	fail_msg("%s has no line %s", addr, prefix);
	return NULL;
}

static void guide_order_and_kinds(void **state)
{
	static const char *const ids[] = {"container-insights", "redis-multi-az", "rds-multi-az",
					  "waf", "ecs-autoscaling", "log-retention-30d",
					  "nat-per-az", "deletion-protection",
					  "tfvars-parameter-store"};
	(void)state;
	assert_int_equal(set.nsteps, 9);
	assert_int_equal(path.nsteps, 9);
	for (size_t i = 0; i < 9; i++) {
		assert_string_equal(set.steps[i].id, ids[i]);
		assert_int_equal(set.steps[i].kind, UPGRADE_STEP);
		assert_int_equal(set.steps[i].order, (int)i + 1);
	}
	assert_int_equal(set.n, 13);
	for (size_t i = 9; i < 13; i++)
		assert_int_equal(set.steps[i].kind, UPGRADE_ALTERNATIVE);
	assert_money(path.baseline.total, "119.90");
}

static void rds_multi_az_doubles_instance_and_storage(void **state)
{
	(void)state;
	const struct upgrade_result *r = result("rds-multi-az");
	const struct cost_line *si = find_line(&path.baseline.b, "aws_db_instance.main", "db.t3.micro");
	const struct cost_line *mi = find_line(&r->alone.b, "aws_db_instance.main", "db.t3.micro");
	const struct cost_line *ss = find_line(&path.baseline.b, "aws_db_instance.main", "Storage");
	const struct cost_line *ms = find_line(&r->alone.b, "aws_db_instance.main", "Storage");
	assert_money(si->cost_cents, "13.14"); /* 730 x 0.018 */
	assert_money(mi->cost_cents, "26.28"); /* 730 x 0.036 */
	assert_money(ss->cost_cents, "2.30");  /* 20 x 0.115 */
	assert_money(ms->cost_cents, "4.60");  /* 20 x 0.23 */
	assert_money(r->alone_delta, "15.44");
}

static void nat_per_az_adds_a_gateway_and_an_address(void **state)
{
	(void)state;
	const struct upgrade_result *r = result("nat-per-az");
	dec want = dec_add(line("0.045", "730"), line("0.005", "730")); /* 32.85 + 3.65 */
	assert_money(want, "36.50");
	assert_int_equal(dec_cmp(r->alone_delta, want), 0);
}

static void each_step_alone(void **state)
{
	(void)state;
	/* Container Insights: (14 + 25 x 3) metrics x 0.30, 3 tasks x 0.1 GB x 0.50,
	 * less the 10 free metrics (the 5 free log GB are already used) */
	dec ci = dec_add(line("0.30", "89"), line("0.50", "0.3"));
	ci = dec_sub(ci, line("0.30", "10"));
	assert_money(ci, "23.85");
	assert_int_equal(dec_cmp(result("container-insights")->alone_delta, ci), 0);
	/* Redis: a second cache.t3.micro node */
	assert_money(result("redis-multi-az")->alone_delta, "12.41");
	assert_int_equal(dec_cmp(result("redis-multi-az")->alone_delta, line("0.017", "730")), 0);
	/* WAF: ACL 5 + 4 rules x 1 + 3M requests x 0.0000006 */
	dec waf = dec_add(dec_add(D("5"), D("4")), line("0.0000006", "3000000"));
	assert_int_equal(dec_cmp(result("waf")->alone_delta, waf), 0);
	assert_money(waf, "10.80");
	/* auto-scaling: 2 policies x 2 alarms, inside the 10 free alarms: $0 at
	 * today's count; the range puts api and frontend at 1..4 tasks */
	const struct upgrade_result *as = result("ecs-autoscaling");
	assert_money(as->alone_delta, "0.00");
	assert_true(as->alone.has_range);
	assert_money(as->alone.low, "119.90");
	/* 3 more tasks each of 2 services, 9.01 a task (7.39 vCPU + 1.62 GB) */
	dec task = dec_add(line("0.04048", "182.5"), line("0.004445", "365"));
	assert_money(task, "9.01");
	dec six;
	assert_int_equal(dec_mul(task, dec_from_int(6), &six), 0);
	assert_int_equal(dec_cmp(dec_sub(as->alone.high, path.baseline.total), six), 0);
	/* log retention 30 days: storage ingestion x 30 x 24 / 730 GB-months x 0.03 */
	assert_money(result("log-retention-30d")->alone_delta, "0.11");
	assert_money(result("deletion-protection")->alone_delta, "0.00");
	const struct upgrade_result *ps = result("tfvars-parameter-store");
	assert_money(ps->alone_delta, "0.00");
	assert_int_equal(ps->nvariants, 1);
	assert_int_equal(dec_cmp(ps->variants[0].delta, line("0.00007", "730")), 0); /* 0.05 */
}

static void cumulative_path_adds_up(void **state)
{
	(void)state;
	dec running = path.baseline.total;
	for (size_t i = 0; i < path.nsteps; i++) {
		const struct upgrade_result *r = &path.results[i];
		running = dec_add(running, r->cumulative_delta);
		assert_int_equal(dec_cmp(running, r->cumulative.total), 0);
	}
	assert_int_equal(dec_cmp(running, path.production.total), 0);
	assert_money(path.production.total, "219.01");
	/* no step interacts with another here: the deltas alone add up too */
	dec sum = path.baseline.total;
	for (size_t i = 0; i < path.nsteps; i++)
		sum = dec_add(sum, path.results[i].alone_delta);
	assert_int_equal(dec_cmp(sum, path.production.total), 0);
	assert_true(path.production.has_range);
}

static void alternatives_and_verdict(void **state)
{
	(void)state;
	const struct upgrade_result *vpc = result("vpc-endpoints");
	/* 4 interface endpoints x 2 AZs x 730 h x 0.01 + 5 GB + 1 GB x 0.01, less
	 * the NAT gateway (32.85 + 1.35) and its address (3.65) */
	dec add = dec_add(line("0.01", "5840"), dec_add(line("0.01", "5"), line("0.01", "1")));
	dec rep = dec_add(dec_add(line("0.045", "730"), line("0.045", "30")), line("0.005", "730"));
	assert_int_equal(dec_cmp(vpc->alone_delta, dec_sub(add, rep)), 0);
	assert_money(vpc->alone_delta, "20.61");
	assert_true(vpc->has_verdict);
	assert_money(vpc->replaced_cost, "37.85");
	assert_true(vpc->has_breakeven);
	/* (58.40 - 36.50) / (0.045 - 0.01) = 625.7 -> 626 GB */
	assert_int_equal(dec_cmp(vpc->breakeven_gb, dec_from_int(626)), 0);
	/* on production it also removes the second gateway */
	assert_true(dec_cmp(vpc->cumulative_delta, dec_zero()) < 0);

	/* Graviton: per service 182.5 x 0.03238 + 365 x 0.00356 = 7.21 vs 9.01 */
	dec arm = dec_add(line("0.03238", "182.5"), line("0.00356", "365"));
	assert_money(arm, "7.21");
	assert_money(result("graviton")->alone_delta, "-5.40");
	/* Spot worker at 70% off: 182.5 x 0.012144 + 365 x 0.0013335 = 2.71 */
	assert_money(result("fargate-spot-worker")->alone_delta, "-6.30");
	/* Savings Plan 20%, committing to the three tasks: 547.5 vCPU-h x 0.032384
	 * + 1095 GB-h x 0.003556 = 17.73 + 3.89 = 21.62 on the plan, against the
	 * services' 3 x 9.01 (test_types_ecs.c has the range at max tasks) */
	assert_money(dec_add(line("0.032384", "547.5"), line("0.003556", "1095")), "21.62");
	assert_money(result("compute-savings-plan")->alone_delta, "-5.41");
}

static void assume_overrides(void **state)
{
	(void)state;
	struct upgrade_set s2;
	struct upgrade_path p2;
	struct cost_options co = {NULL, false};
	assert_int_equal(upgrades_load("scenarios/upgrades", &s2), 0);
	assert_int_equal(upgrades_assume(&s2, "spot_discount=0.5"), 0);
	assert_int_equal(upgrades_assume(&s2, "ecs-autoscaling.autoscaling_api_max=2"), 0);
	assert_int_equal(upgrades_assume(&s2, "spot_discont=0.5"), 2);  /* unknown */
	assert_int_equal(upgrades_assume(&s2, "spot_discount"), 2);       /* no '=' */
	assert_int_equal(upgrades_assume(&s2, "spot_discount=lots"), 2);  /* not a number */
	assert_int_equal(upgrade_path_price(base, "baseline", &s2, cat, &co, &p2), 0);
	for (size_t i = 0; i < p2.n; i++) {
		const struct upgrade_result *r = &p2.results[i];
		if (strcmp(r->step->id, "fargate-spot-worker") == 0) {
			/* 182.5 x 0.02024 = 3.69 + 365 x 0.0022225 = 0.81 -> 4.50 vs 9.01 */
			assert_money(r->alone_delta, "-4.51");
			assert_true(r->step->assumptions[0].overridden);
		}
		if (strcmp(r->step->id, "ecs-autoscaling") == 0) {
			/* api up to 2 (+1 task), frontend up to 4 (+3) */
			assert_money(dec_sub(r->alone.high, p2.baseline.total), "36.04");
		}
	}
	upgrade_path_release(&p2);
	upgrades_release(&s2);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(guide_order_and_kinds),
		cmocka_unit_test(rds_multi_az_doubles_instance_and_storage),
		cmocka_unit_test(nat_per_az_adds_a_gateway_and_an_address),
		cmocka_unit_test(each_step_alone),
		cmocka_unit_test(cumulative_path_adds_up),
		cmocka_unit_test(alternatives_and_verdict),
		cmocka_unit_test(assume_overrides),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
