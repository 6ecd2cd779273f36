/*
 * sim_report.h - render a simulation (costplan simulate) and the
 * simulated breakdown (costplan breakdown --simulate).
 *
 * Pure views of the runs' statistics (src/sim/summary.h): nothing here
 * prices or simulates. Money is exact cents from the engine's bills. The
 * output never depends on the thread count, so the same seed gives the
 * same bytes.
 */
#ifndef COSTPLAN_SIM_REPORT_H
#define COSTPLAN_SIM_REPORT_H

#include <stdio.h>

#include "report/report.h"
#include "sim/bills.h"
#include "sim/montecarlo.h"
#include "sim/signals.h"
#include "sim/summary.h"

struct sim_view {
	const struct scenario *s;
	const struct sim_setup *u;
	const struct mc_options *o;
	const struct mc_result *mc;
	const struct bills *b;
	const struct signals *sig;
	const struct sim_summary *sum;
};

void report_sim_table(FILE *f, const struct sim_view *v, const struct report_style *st);
void report_sim_json(FILE *f, const struct sim_view *v);
void report_sim_csv(FILE *f, const struct sim_view *v);
void report_sim_markdown(FILE *f, const struct sim_view *v);

/* breakdown --simulate: month 1's p50 bill, with p5-p95 per line */
void report_sim_breakdown_table(FILE *f, const struct sim_view *v, const struct report_style *st);
void report_sim_breakdown_json(FILE *f, const struct sim_view *v);
void report_sim_breakdown_csv(FILE *f, const struct sim_view *v);
void report_sim_breakdown_markdown(FILE *f, const struct sim_view *v);

/* The JSON keys both JSON reports start with (version ... simulation). */
struct jsonw;
void sim_json_header(struct jsonw *w, const struct sim_view *v);

/* "$1,234.56" from cents */
char *sim_usd(int64_t cents, char *buf, size_t size);

#endif
