/*
 * test_decimal.c - exact money: parsing AWS price strings, arithmetic,
 * rounding half away from zero, formatting.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "util/decimal.h"
#include "cost/types/registry.h"

static dec P(const char *s)
{
	dec d;
	assert_int_equal(dec_parse(s, &d), 0);
	return d;
}

static const char *F(dec d, int places)
{
	static char buf[8][DEC_BUFSZ];
	static int i;
	i = (i + 1) % 8;
	return dec_format(d, places, buf[i], sizeof(buf[i]));
}

static const char *T(dec d)
{
	static char buf[8][DEC_BUFSZ];
	static int i;
	i = (i + 1) % 8;
	return dec_format_trim(d, buf[i], sizeof(buf[i]));
}

static void parse_aws_forms(void **state)
{
	(void)state;
	assert_string_equal(T(P("0.0404800000")), "0.04048");
	assert_string_equal(T(P("1.0E-4")), "0.0001");
	assert_string_equal(T(P("5.0E-5")), "0.00005");
	assert_string_equal(T(P("263")), "263");
	assert_string_equal(T(P("2e3")), "2000");
	assert_string_equal(T(P("-0.5")), "-0.5");
	assert_string_equal(T(P(".5")), "0.5");
	assert_string_equal(T(P("0.0000000350")), "0.000000035");
	assert_string_equal(T(P("-0")), "0");
}

static void parse_rejects(void **state)
{
	dec d;
	(void)state;
	const char *bad[] = {"", "abc", "1.2.3", "1e", "0x10", "inf", "nan", "1 ", " 1", "--1",
			     "1e400", "10000000000000000", "1,5", "+", ".", "e5"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(dec_parse(bad[i], &d), -1);
	assert_int_equal(dec_parse(NULL, &d), -1);
	/* tiny values round to zero at 12 places instead of failing */
	assert_int_equal(dec_parse("1e-400", &d), 0);
	assert_true(dec_is_zero(d));
}

static void round_half_away(void **state)
{
	dec r;
	(void)state;
	/* the DESIGN.md example: 0.0225 x 730 = 16.425 -> $16.43 (binary %.2f gives 16.42) */
	assert_int_equal(dec_mul(P("0.0225"), dec_from_int(730), &r), 0);
	assert_string_equal(T(r), "16.425");
	assert_string_equal(F(r, 2), "16.43");
	assert_string_equal(F(P("-16.425"), 2), "-16.43");
	assert_string_equal(F(P("0.005"), 2), "0.01");
	assert_string_equal(F(P("0.00499999"), 2), "0.00");
	assert_string_equal(F(P("2.675"), 2), "2.68");
}

static void baseline_figures(void **state)
{
	dec a, b;
	(void)state;
	/* NAT: 730 h x $0.045 = $32.85 */
	assert_int_equal(dec_mul(dec_from_int(730), P("0.045"), &a), 0);
	assert_string_equal(F(a, 2), "32.85");
	/* one 0.25 vCPU / 0.5 GB task: 182.5 x 0.04048 + 365 x 0.004445 */
	assert_int_equal(dec_mul(P("182.5"), P("0.04048"), &a), 0);
	assert_int_equal(dec_mul(P("365"), P("0.004445"), &b), 0);
	assert_string_equal(T(a), "7.3876");
	assert_string_equal(T(b), "1.622425");
	assert_string_equal(F(dec_add(dec_round_cents(a), dec_round_cents(b)), 2), "9.01");
}

static void division(void **state)
{
	dec r;
	(void)state;
	assert_int_equal(dec_div(dec_from_int(1), dec_from_int(3), &r), 0);
	assert_string_equal(T(r), "0.333333333333");
	assert_int_equal(dec_div(dec_from_int(2), dec_from_int(3), &r), 0);
	assert_string_equal(T(r), "0.666666666667");
	assert_int_equal(dec_div(dec_from_int(-256), dec_from_int(1024), &r), 0);
	assert_string_equal(T(r), "-0.25");
	assert_int_equal(dec_div(dec_from_int(1), dec_zero(), &r), -1);
}

static void overflow_detected(void **state)
{
	dec big, r;
	(void)state;
	big = P("999999999999999");
	/* 1e30 needs 1e42 at 12 places: more than 128 bits hold */
	assert_int_equal(dec_mul(big, big, &r), -1);
	/* a billion requests at a billion dollars still fits, exactly */
	assert_int_equal(dec_mul(P("1000000000"), P("1000000000.000000000001"), &r), 0);
	assert_string_equal(T(r), "1000000000000000000.001");
}

static void usd_format(void **state)
{
	char buf[64];
	(void)state;
	assert_string_equal(dec_format_usd(P("1234567.891"), buf, sizeof(buf)), "$1,234,567.89");
	assert_string_equal(dec_format_usd(P("-10"), buf, sizeof(buf)), "-$10.00");
	assert_string_equal(dec_format_usd(P("0.004"), buf, sizeof(buf)), "$0.00");
	assert_string_equal(dec_format_usd(P("999.995"), buf, sizeof(buf)), "$1,000.00");
}

static void from_double(void **state)
{
	dec d;
	(void)state;
	assert_int_equal(dec_from_double(0.1, &d), 0);
	assert_string_equal(T(d), "0.1");
	assert_int_equal(dec_from_double(1.0 / 0.0, &d), -1);
	assert_int_equal(dec_from_double(1e300, &d), -1);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_aws_forms),  cmocka_unit_test(parse_rejects),
		cmocka_unit_test(round_half_away),  cmocka_unit_test(baseline_figures),
		cmocka_unit_test(division),         cmocka_unit_test(overflow_detected),
		cmocka_unit_test(usd_format),       cmocka_unit_test(from_double),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
