/*
 * report.h - render a breakdown in each output format.
 *
 * Every renderer is a pure view of struct breakdown: none prices anything.
 * Writers write to the FILE they are given; the caller checks for errors
 * (util/output.h).
 */
#ifndef COSTPLAN_REPORT_H
#define COSTPLAN_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "cost/breakdown.h"

enum report_format {
	FMT_TABLE,
	FMT_JSON,
	FMT_CSV,
	FMT_MARKDOWN,
	FMT_HTML,
	FMT_XLSX,
};

/* The four text formats most commands write. */
#define FMT_MASK_TEXT (1u << FMT_TABLE | 1u << FMT_JSON | 1u << FMT_CSV | 1u << FMT_MARKDOWN)

/* Parse a --format value; allowed is a mask of (1 << FMT_x). Returns 0 or
 * CP_EXIT_USAGE after printing the choices. */
int report_format_parse(const char *s, unsigned allowed, enum report_format *out);
const char *report_format_name(enum report_format f);

struct report_style {
	bool color; /* ANSI colour (TTY and no NO_COLOR) */
	int width;  /* terminal width, 80 by default */
};

/* Decide colour for stdout: a TTY, NO_COLOR unset, TERM not "dumb". */
bool report_want_color(FILE *f);

void report_breakdown_table(FILE *f, const struct breakdown *b, const struct report_style *st);
void report_breakdown_json(FILE *f, const struct breakdown *b);
void report_breakdown_csv(FILE *f, const struct breakdown *b);
void report_breakdown_markdown(FILE *f, const struct breakdown *b);

/* Shared pieces */
/* "2025-06-17" or "2025-06-05 to 2025-06-17" */
void report_published(const struct breakdown *b, char *buf, size_t size);
/* The same as a phrase for people: "prices valid 2025-06-17 to 2025-12-06",
 * or "no list price used" when every line is free. */
void report_prices_valid(const struct breakdown *b, char *buf, size_t size);
void report_prices_valid_range(const char *min, const char *max, char *buf, size_t size);
/* Write the JSON object body for one breakdown (used inside larger docs). */
struct jsonw;
void report_breakdown_json_value(struct jsonw *w, const struct breakdown *b);

/* Why AWS charges nothing for a free item: its type's reason, or a generic
 * one for a priced type whose configuration costs nothing. */
const char *report_free_reason(const struct cost_item *it);

/*
 * The free items of b grouped by that reason, in order of first
 * appearance: *out (caller frees) holds n groups; each group's items point
 * into b. Returns n.
 */
struct free_group {
	const char *reason;
	const struct cost_item **items;
	size_t n;
};
size_t report_free_groups(const struct breakdown *b, struct free_group **out);
void report_free_groups_release(struct free_group *g, size_t n);
/* Is warning w one of the per-resource "not priced: ADDRESS: WHY" lines of
 * breakdown_unpriced_warn (a format that lists b->unpriced skips them)? */
bool report_warning_is_unpriced_line(const struct breakdown *b, const char *w);
/* A unit as a quantity reads with it: "1 month", "-1 month", "2 months",
 * "1 IP-hour" (the last word made singular for 1 and -1). Into buf. */
const char *report_unit_for(double qty, const char *unit, char *buf, size_t size);
/* "aws_subnet.public (x2)" for lists of resources, into buf. */
const char *report_item_name(const struct cost_item *it, char *buf, size_t size);

#endif
