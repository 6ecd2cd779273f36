/*
 * compare.h - scenarios side by side (`costplan compare`): one column per
 * scenario, one row per resource, deltas against the first column, totals;
 * as a terminal table, JSON, CSV or markdown. Views only.
 */
#ifndef COSTPLAN_REPORT_COMPARE_H
#define COSTPLAN_REPORT_COMPARE_H

#include <stdio.h>

#include "cost/breakdown.h"
#include "report/report.h"

struct compare_column {
	const char *label;  /* "baseline", "03-rds-multi-az", "--vary ..." (borrowed) */
	const char *source; /* what it was built from, for the legend (borrowed) */
	const char *kind;   /* "scenario", "plan", "state", "terraform" (a directory),
			     * "patch", "step" or "vary" */
	const struct breakdown *b; /* borrowed */
};

struct compare {
	const struct compare_column *cols;
	size_t n;
	char **notes; /* overlays applied to every column (borrowed) */
	size_t nnotes;
};

void report_compare_table(FILE *f, const struct compare *c, const struct report_style *st);
void report_compare_json(FILE *f, const struct compare *c);
void report_compare_csv(FILE *f, const struct compare *c);
void report_compare_markdown(FILE *f, const struct compare *c);

#endif
