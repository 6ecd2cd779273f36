/*
 * test_budget.c - the budget model behind `costplan export`: cell
 * references, quantity formulas checked against the engine, the safety net
 * for quantities it cannot explain, tiered and free-tier formulas, and the
 * CSV view.
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
#include "pricing/catalog.h"
#include "report/budget.h"
#include "cost/types/registry.h"

struct fixture {
	struct catalog *cat;
	struct scenario s;
	struct breakdown b;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	struct cost_options co = {0};
	fx->cat = catalog_new("pricing");
	if (scenario_load("scenarios/baseline.json", &fx->s) != 0)
		return -1;
	if (cost_breakdown(&fx->s, fx->cat, &co, &fx->b) != 0)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	breakdown_release(&fx->b);
	scenario_release(&fx->s);
	catalog_free(fx->cat);
	free(fx);
	return 0;
}

static void refs(void **state)
{
	char c[4], *r;
	(void)state;
	assert_string_equal(budget_col(0, c), "A");
	assert_string_equal(budget_col(25, c), "Z");
	assert_string_equal(budget_col(26, c), "AA");
	assert_string_equal(budget_col(27, c), "AB");
	r = budget_ref(4, 7, true);
	assert_string_equal(r, "$H$5");
	free(r);
	r = budget_ref(0, 26, false);
	assert_string_equal(r, "AA1");
	free(r);
}

static const struct budget_line *find(const struct budget *bg, const char *addr, const char *name)
{
	for (size_t i = 0; i < bg->nlines; i++)
		if (strcmp(bg->lines[i].item->address, addr) == 0 &&
		    strcmp(bg->lines[i].line->name, name) == 0)
			return &bg->lines[i];
	return NULL;
}

/* Every priced baseline line gets a formula over Assumptions. */
static void baseline_formulas(void **state)
{
	struct fixture *fx = *state;
	struct budget bg;
	budget_build(&bg, &fx->b, NULL, dec_from_scaled(5, 2));
	assert_int_equal(bg.no_formula, 0);
	assert_true(dec_cmp(bg.total, fx->b.total) == 0);
	size_t with = 0;
	for (size_t i = 0; i < bg.nlines; i++) {
		const struct budget_line *bl = &bg.lines[i];
		if (bl->qty_formula) {
			with++;
			assert_non_null(strstr(bl->qty_formula, "Assumptions!$C$"));
		}
		/* the model's cost at the engine's quantity is the engine's cost */
		dec c;
		assert_int_equal(budget_line_cost(&bg, i, bl->line->quantity, &c), 0);
		assert_true(dec_cmp(c, bl->line->cost_cents) == 0 || bl->kind == LK_FREE);
	}
	assert_true(with > 30);
	/* Fargate vCPU: tasks x hours x cpu / 1024 */
	const struct budget_line *v = find(&bg, "aws_ecs_service.api", "Fargate vCPU (x86)");
	assert_non_null(v);
	assert_non_null(strstr(v->basis, "desired_count 1"));
	assert_non_null(strstr(v->qty_formula, "/1024"));
	/* the 730 hours are an input, not a constant */
	assert_string_equal(bg.in[bg.in_hours].key, "hours_per_month");
	const struct budget_line *nat = find(&bg, "aws_nat_gateway.main", "NAT gateway");
	char *h = budget_input_ref(&bg, bg.in_hours);
	assert_string_equal(nat->qty_formula, h);
	free(h);
	budget_release(&bg);
}

/* Tiered prices are priced tier by tier from the Prices rows. */
static void tiered(void **state)
{
	struct fixture *fx = *state;
	struct budget bg;
	budget_build(&bg, &fx->b, NULL, dec_zero());
	for (size_t i = 0; i < bg.nlines; i++) {
		const struct budget_line *bl = &bg.lines[i];
		if (strcmp(bl->line->name, "Standard storage") != 0)
			continue;
		char *f = budget_cost_formula(&bg, i, "E30");
		assert_non_null(f);
		assert_non_null(strstr(f, "MIN(MAX(E30-Prices!$F$"));
		assert_non_null(strstr(f, "MAX(E30-Prices!$F$")); /* the open-ended last tier */
		assert_true(strncmp(f, "ROUND(ROUND(", 12) == 0);
		free(f);
		/* 60,000 GB crosses the 50 TB boundary: 51200 x 0.023 + 8800 x 0.022 */
		dec c;
		assert_int_equal(budget_line_cost(&bg, i, dec_from_int(60000), &c), 0);
		char buf[DEC_BUFSZ];
		assert_string_equal(dec_format(c, 2, buf, sizeof(buf)), "1371.20");
		budget_release(&bg);
		return;
	}
	fail_msg("no Standard storage line");
}

/* The free-tier allowances cap the sum of their pool and obey the switch. */
static void allowances(void **state)
{
	struct fixture *fx = *state;
	struct budget bg;
	budget_build(&bg, &fx->b, NULL, dec_zero());
	const struct budget_line *logs = find(&bg, "free_tier", "CloudWatch Logs: first 5 GB");
	assert_non_null(logs);
	assert_int_equal(logs->kind, LK_ALLOWANCE);
	assert_int_equal(logs->npool, 4); /* three log groups and Enhanced Monitoring */
	assert_non_null(strstr(logs->qty_formula, "-IF(Assumptions!"));
	assert_non_null(strstr(logs->qty_formula, "MIN(SUM("));
	assert_int_equal(logs->category, CAT_OBSERVABILITY);
	const struct budget_line *out = find(&bg, "free_tier", "Data transfer out: first 100 GB");
	assert_int_equal(out->category, CAT_NETWORK);
	budget_release(&bg);
}

/* Without an allowance block, the free-tier pricing's is borrowed, switched off. */
static void free_tier_off(void **state)
{
	struct fixture *fx = *state;
	struct breakdown off;
	struct cost_options co = {.no_free_tier = true};
	struct budget bg;
	assert_int_equal(cost_breakdown(&fx->s, fx->cat, &co, &off), 0);
	budget_build(&bg, &off, &fx->b, dec_zero());
	assert_false(bg.in[bg.in_free_tier].on);
	assert_true(dec_cmp(bg.total, off.total) == 0);
	const struct budget_line *logs = find(&bg, "free_tier", "CloudWatch Logs: first 5 GB");
	assert_non_null(logs);
	assert_true(logs->cached_zero);
	assert_non_null(logs->qty_formula);
	assert_int_equal(bg.no_formula, 0);
	budget_release(&bg);
	breakdown_release(&off);
}

/* A quantity the model cannot explain stays the engine's number. */
static void unexplained_quantity_is_fixed(void **state)
{
	struct fixture *fx = *state;
	struct budget bg;
	/* pretend a pricer changed its rule: the NAT hours are no longer 730 */
	struct cost_item *it = (struct cost_item *)breakdown_item(&fx->b, "aws_nat_gateway.main");
	dec was = it->lines[0].quantity;
	it->lines[0].quantity = dec_from_int(744);
	budget_build(&bg, &fx->b, NULL, dec_zero());
	const struct budget_line *nat = find(&bg, "aws_nat_gateway.main", "NAT gateway");
	assert_null(nat->qty_formula);
	assert_non_null(strstr(nat->basis, "fixed by costplan"));
	assert_int_equal(bg.no_formula, 1);
	budget_release(&bg);
	it->lines[0].quantity = was;
}

/* CSV: one row per line, a TOTAL, RFC 4180 line ends. */
static void csv_rows(void **state)
{
	struct fixture *fx = *state;
	struct budget bg;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	budget_build(&bg, &fx->b, NULL, dec_zero());
	budget_write_csv(f, &bg);
	fclose(f);
	size_t rows = 0;
	for (char *p = buf; (p = strstr(p, "\r\n")); p += 2)
		rows++;
	assert_int_equal(rows, bg.nlines + 2); /* header + lines + TOTAL */
	assert_non_null(strstr(buf, "\r\nbaseline,TOTAL,,,,,,,119.90,"));
	assert_non_null(strstr(buf, "\r\nbaseline,aws_ecs_service.api,aws_ecs_service,compute,Fargate vCPU (x86),182.5,"));
	free(buf);
	budget_release(&bg);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refs),
		cmocka_unit_test_setup_teardown(baseline_formulas, setup, teardown),
		cmocka_unit_test_setup_teardown(tiered, setup, teardown),
		cmocka_unit_test_setup_teardown(allowances, setup, teardown),
		cmocka_unit_test_setup_teardown(free_tier_off, setup, teardown),
		cmocka_unit_test_setup_teardown(unexplained_quantity_is_fixed, setup, teardown),
		cmocka_unit_test_setup_teardown(csv_rows, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
