/*
 * diff_report.h - render a cost diff: terminal table, JSON, markdown (the
 * pull-request comment). Pure views of struct diff; every name from an
 * input goes through the escaper of its format (util/escape.h).
 */
#ifndef COSTPLAN_DIFF_REPORT_H
#define COSTPLAN_DIFF_REPORT_H

#include <stdio.h>

#include "diff/diff.h"
#include "report/report.h"

/* The hidden marker CI looks for to update its comment in place. */
#define DIFF_MARKER "<!-- costplan-diff -->"

/* guard_reason: the tripped guardrail's one-line reason, or NULL. */
void report_diff_table(FILE *f, const struct diff *d, const struct report_style *st,
		       const char *guard_reason);
void report_diff_json(FILE *f, const struct diff *d, const char *guard_reason);
void report_diff_markdown(FILE *f, const struct diff *d, const char *guard_reason);
void report_diff_csv(FILE *f, const struct diff *d, const char *guard_reason);

#endif
