/*
 * test_limits.c - the numeric limits that keep money exact whatever an
 * input says (issue 9): price parsing bounds, the per-line cost cap, and
 * how JSON numbers at the edges (1e308, -0, 2^53 + 1, 2^63) reach us
 * through jansson.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <jansson.h>
#include <string.h>

#include "util/decimal.h"
#include "pricing/catalog.h"
#include "cost/types/registry.h"

static void price_text_bounds(void **state)
{
	dec d;
	(void)state;
	assert_int_equal(dec_parse("999999999999999", &d), 0);  /* < 10^15 */
	assert_int_equal(dec_parse("1000000000000000", &d), -1); /* 10^15 */
	assert_int_equal(dec_parse("1e308", &d), -1);
	assert_int_equal(dec_parse("NaN", &d), -1);
	assert_int_equal(dec_parse("Infinity", &d), -1);
	assert_int_equal(dec_parse("0x10", &d), -1);
	assert_int_equal(dec_parse("-0", &d), 0);
	assert_true(dec_is_zero(d));
	assert_int_equal(dec_parse("1e-999999999", &d), 0); /* rounds to 0 */
	assert_true(dec_is_zero(d));
	assert_int_equal(dec_from_double(1e308, &d), -1);
	assert_int_equal(dec_from_double(-0.0, &d), 0);
	assert_true(dec_is_zero(d));
}

static void line_cost_cap(void **state)
{
	struct price_tier t = {dec_zero(), dec_zero(), true, dec_zero()};
	struct price_entry e;
	dec cost;
	(void)state;
	memset(&e, 0, sizeof(e));
	e.tiers = &t;
	e.ntiers = 1;
	assert_int_equal(dec_parse("99999999999999", &t.price), 0); /* ~1e14 a unit */
	assert_int_equal(price_entry_cost(&e, dec_from_int(9), &cost), 0);
	assert_int_equal(price_entry_cost(&e, dec_from_int(11), &cost), -1); /* >= 1e15 */
	assert_int_equal(price_entry_cost(&e, dec_from_int(1000000000000LL), &cost), -1);
	/* two tiers that each stay under the cap but sum past it */
	struct price_tier two[2] = {{dec_zero(), dec_from_int(6), false, t.price},
				    {dec_from_int(6), dec_zero(), true, t.price}};
	e.tiers = two;
	e.ntiers = 2;
	assert_int_equal(price_entry_cost(&e, dec_from_int(5), &cost), 0);
	assert_int_equal(price_entry_cost(&e, dec_from_int(12), &cost), -1);
}

/* What jansson hands us for numbers at the edges: the behaviour
 * scenario.c builds on (integers exact to 2^63 - 1, reals as doubles). */
static void jansson_numbers(void **state)
{
	json_error_t err;
	json_t *v;
	(void)state;
	v = json_loads("[1e308, -0, -0.0, 9007199254740993, 9223372036854775807]",
		       JSON_DECODE_ANY, &err);
	assert_non_null(v);
	assert_true(json_is_real(json_array_get(v, 0)));
	assert_true(json_is_integer(json_array_get(v, 1))); /* -0 is the integer 0 */
	assert_int_equal(json_integer_value(json_array_get(v, 1)), 0);
	assert_true(json_is_real(json_array_get(v, 2)));
	assert_true(json_integer_value(json_array_get(v, 3)) == 9007199254740993LL); /* exact */
	assert_true(json_integer_value(json_array_get(v, 4)) == INT64_MAX);
	json_decref(v);
	assert_null(json_loads("[9223372036854775808]", 0, &err)); /* too big integer */
	assert_null(json_loads("[1e309]", 0, &err));               /* real number overflow */
	assert_null(json_loads("[NaN]", 0, &err));
	assert_null(json_loads("[Infinity]", 0, &err));
	assert_null(json_loads("[\"a\\u0000b\"]", 0, &err)); /* without JSON_ALLOW_NUL */
	assert_null(json_loads("{\"a\":1,\"a\":2}", JSON_REJECT_DUPLICATES, &err));
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(price_text_bounds),
		cmocka_unit_test(line_cost_cap),
		cmocka_unit_test(jansson_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
