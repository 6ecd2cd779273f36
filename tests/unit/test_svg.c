/*
 * test_svg.c - the HTML report's chart helpers: axis steps at round
 * numbers, labels escaped, bars and waterfalls drawn to scale, long labels
 * wrapped inside the chart.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/svg.h"
#include "cost/types/registry.h"

/* Run a writer into memory and return the text (caller frees). */
static char *capture(void (*fn)(FILE *, void *), void *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	fn(f, arg);
	fclose(f);
	char *out = strdup(buf);
	free(buf);
	return out;
}

static void nice_steps(void **state)
{
	(void)state;
	assert_true(svg_nice_step(62.01, 6) == 20);
	assert_true(svg_nice_step(100, 5) == 20);
	assert_true(svg_nice_step(7, 6) == 2);
	assert_true(svg_nice_step(0.5, 5) == 0.1);
	assert_true(svg_nice_step(1000, 6) == 200);
	assert_true(svg_nice_step(0, 6) == 1);
	assert_true(svg_nice_step(-3, 6) == 1);
}

static void w_text(FILE *f, void *arg)
{
	svg_text(f, 1, 2, "middle", "c", arg);
}

static void text_escaped(void **state)
{
	(void)state;
	char *s = capture(w_text, "<script>alert('x')</script>&");
	assert_non_null(strstr(s, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"));
	assert_null(strstr(s, "<script"));
	assert_non_null(strstr(s, "text-anchor=\"middle\""));
	free(s);
}

static void w_bars(FILE *f, void *arg)
{
	(void)arg;
	struct svg_bar b[] = {
		{"big<b>", "network", "$30.00", 30, 1, 0},
		{"small", NULL, "$10.00", 10, 0, 0},
		{"credit", NULL, "-$10.00", -10, 5, 1},
	};
	svg_hbar_chart(f, "t1", "Title & co", "US dollars per month", b, 3);
}

/* widths of the bars (rects with a colour class; hatch overlays skipped) */
static size_t bar_widths(const char *s, double *w, size_t max)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, "<rect x=")) && n < max; p++) {
		const char *end = strchr(p, '>');
		const char *cls = strstr(p, "class=\"c");
		if (!cls || cls > end)
			continue;
		w[n++] = atof(strstr(p, "width=\"") + 7);
	}
	return n;
}

static void bars_to_scale(void **state)
{
	(void)state;
	char *s = capture(w_bars, NULL);
	assert_non_null(strstr(s, "<title id=\"t1-t\">Title &amp; co</title>"));
	assert_non_null(strstr(s, "big&lt;b&gt;"));
	assert_null(strstr(s, "<b>"));
	assert_non_null(strstr(s, "US dollars per month"));
	assert_non_null(strstr(s, "url(#t1-h)")); /* the credit is hatched */
	double w[8];
	assert_int_equal(bar_widths(s, w, 8), 3);
	assert_true(w[0] > 2.9 * w[1] && w[0] < 3.1 * w[1]);
	assert_true(w[2] > 0.9 * w[1] && w[2] < 1.1 * w[1]);
	free(s);
}

static void w_fall(FILE *f, void *arg)
{
	(void)arg;
	struct svg_step st[] = {
		{"Baseline", "$100.00", NULL, 100, 1},
		{"RDS Multi-AZ", "+$15.49", "signal: a long signal text that has to wrap onto a second "
					    "line because it is longer than the chart is wide",
		 15.49, 0},
		{"Production", "$115.49", NULL, 115.49, 1},
	};
	struct svg_marker m = {90, "claim"};
	svg_waterfall(f, "t2", "Upgrade path", "US dollars per month", st, 3, &m, 1);
}

static void waterfall_wraps(void **state)
{
	(void)state;
	char *s = capture(w_fall, NULL);
	/* the note is split over at least two <text> lines */
	const char *p = strstr(s, "signal: a long"), *q = strstr(s, "chart is wide");
	assert_non_null(p);
	assert_non_null(q);
	assert_true(strstr(p, "</text>") < q); /* the end is in a later <text> */
	/* bars: baseline 100, step 15.49 from its end, production 115.49 */
	double w[8];
	assert_int_equal(bar_widths(s, w, 8), 3);
	assert_true(w[1] > 0.15 * w[0] && w[1] < 0.16 * w[0]);
	assert_true(w[2] > 1.15 * w[0] && w[2] < 1.16 * w[0]);
	assert_non_null(strstr(s, ">claim</text>"));
	assert_non_null(strstr(s, "+$15.49"));
	free(s);
}

static void w_ranges(FILE *f, void *arg)
{
	(void)arg;
	struct svg_range r[] = {
		{"fires in month 3", "month 3 (2-4)", 2, 3, 4},
		{"median after the horizon", "20% of runs", 5, NAN, 6},
		{"never", "not within 6 months", 0, -1, 0},
	};
	svg_range_chart(f, "t3", "Signals", "month", 1, 6, 1, r, 3);
}

static void ranges(void **state)
{
	(void)state;
	char *s = capture(w_ranges, NULL);
	/* two spans, one median dot, three value texts */
	size_t spans = 0, dots = 0;
	for (const char *p = s; (p = strstr(p, "class=\"span\"")); p++)
		spans++;
	for (const char *p = s; (p = strstr(p, "<circle")); p++)
		dots++;
	assert_int_equal(spans, 2);
	assert_int_equal(dots, 1);
	assert_non_null(strstr(s, ">not within 6 months<"));
	assert_non_null(strstr(s, ">20% of runs<"));
	free(s);
}

static void w_hist(FILE *f, void *arg)
{
	(void)arg;
	unsigned counts[4] = {1, 4, 2, 0};
	struct svg_marker m[] = {{101, "p5 $101.00"}, {102.5, "p50 <b>"}};
	svg_histogram(f, "t4", "Bills", "monthly bill (US dollars)", "runs", 100, 104, counts, 4, m,
		      2, "$%.0f");
}

static void histogram(void **state)
{
	(void)state;
	char *s = capture(w_hist, NULL);
	double w[8];
	/* bar heights proportional to the counts (the empty bin has height 0) */
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, "<rect x=")) && n < 8; p++)
		w[n++] = atof(strstr(p, "height=\"") + 8);
	assert_int_equal(n, 4);
	assert_true(fabs(w[1] - 4 * w[0]) < 0.2 && fabs(w[2] - 2 * w[0]) < 0.2 && w[3] == 0);
	assert_non_null(strstr(s, ">$102<"));
	assert_non_null(strstr(s, "p50 &lt;b&gt;"));
	free(s);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nice_steps),
		cmocka_unit_test(text_escaped),
		cmocka_unit_test(bars_to_scale),
		cmocka_unit_test(waterfall_wraps),
		cmocka_unit_test(ranges),
		cmocka_unit_test(histogram),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
