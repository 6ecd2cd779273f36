/*
 * upgrades.h - render a priced upgrade path (cost/upgrade_path.h) as a
 * terminal table (80 columns), JSON, CSV or markdown.
 *
 * Views only: nothing here prices anything. The JSON shape is documented in
 * the README ("costplan upgrades --format json") and only ever grows.
 */
#ifndef COSTPLAN_REPORT_UPGRADES_H
#define COSTPLAN_REPORT_UPGRADES_H

#include <stdio.h>

#include "cost/upgrade_path.h"
#include "report/report.h"

void report_upgrades_table(FILE *f, const struct upgrade_path *p, const struct report_style *st);
void report_upgrades_json(FILE *f, const struct upgrade_path *p);
void report_upgrades_csv(FILE *f, const struct upgrade_path *p);
void report_upgrades_markdown(FILE *f, const struct upgrade_path *p);

/* "+$23.85", "-$5.40", "$0.00". Returns buf. */
char *report_delta(dec d, char *buf, size_t size);
/* The verdict sentence of an alternative that replaces resources (empty
 * when it has none). Returns buf. */
char *report_verdict(const struct upgrade_result *r, char *buf, size_t size);
/* An assumption's value as text ("0.7", "25", "ARM64"). Returns buf. */
char *report_json_scalar(const json_t *v, char *buf, size_t size);

#endif
