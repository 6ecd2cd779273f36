/*
 * test_catalog_util.h - the fixture and money helpers of the pricing tests
 * (test_pricers.c, test_types_*.c): the shipped snapshot as a catalog for
 * every test of a group (setup/teardown), decimals from text, cents as
 * text, a hand-computed line (price x quantity, rounded to cents half away
 * from zero, as the engine rounds each line), and a breakdown's lines found
 * by resource address and line name.
 */
#ifndef COSTPLAN_TEST_CATALOG_UTIL_H
#define COSTPLAN_TEST_CATALOG_UTIL_H

#include <string.h>

#include "cost/breakdown.h"
#include "pricing/catalog.h"
#include "util/decimal.h"

#define TEST_CATALOG_UNUSED __attribute__((unused))

static struct catalog *cat;

TEST_CATALOG_UNUSED static int setup(void **state)
{
	(void)state;
	cat = catalog_new("pricing");
	return 0;
}

TEST_CATALOG_UNUSED static int teardown(void **state)
{
	(void)state;
	catalog_free(cat);
	return 0;
}

TEST_CATALOG_UNUSED static dec D(const char *s)
{
	dec d;
	assert_int_equal(dec_parse(s, &d), 0);
	return d;
}

/* d in cents as text; eight buffers, so a few can share one printf */
TEST_CATALOG_UNUSED static const char *cents(dec d)
{
	static char buf[8][DEC_BUFSZ];
	static int i;
	i = (i + 1) % 8;
	return dec_format(d, 2, buf[i], sizeof(buf[i]));
}

/* hand: price x quantity, rounded to cents half away from zero */
TEST_CATALOG_UNUSED static dec hand(const char *price, const char *qty)
{
	dec r;
	assert_int_equal(dec_mul(D(price), D(qty), &r), 0);
	return dec_round_cents(r);
}

/* The line named name of the item at addr, or NULL (no such item or line). */
TEST_CATALOG_UNUSED static const struct cost_line *find_line(const struct breakdown *b,
							     const char *addr, const char *name)
{
	const struct cost_item *it = breakdown_item(b, addr);
	if (!it)
		return NULL;
	for (size_t i = 0; i < it->n; i++)
		if (strcmp(it->lines[i].name, name) == 0)
			return &it->lines[i];
	return NULL;
}

/* The same line, which must be there. */
TEST_CATALOG_UNUSED static const struct cost_line *line(const struct breakdown *b,
							const char *addr, const char *name)
{
	const struct cost_line *l = find_line(b, addr, name);
	if (!l)
		fail_msg("no line '%s' in %s", name, addr);
	return l;
}

/* That line's cost, and an item's total, in cents as text. */
TEST_CATALOG_UNUSED static const char *line_cost(const struct breakdown *b, const char *addr,
						 const char *name)
{
	return cents(line(b, addr, name)->cost_cents);
}

TEST_CATALOG_UNUSED static const char *item_total(const struct breakdown *b, const char *addr)
{
	const struct cost_item *it = breakdown_item(b, addr);
	assert_non_null(it);
	return cents(it->total);
}

#endif
