/*
 * bills.h - price every simulated month through the cost engine.
 *
 * For each run and month, usage_apply() writes the simulated figures into
 * the scenario's usage and cost_breakdown() prices it exactly as
 * `costplan breakdown` would; nothing here multiplies a price. The bills
 * are kept as exact cents per component (resource), per line, and in
 * total, for the statistics.
 *
 * Pricing runs on the calling thread, after the simulation: the catalog
 * loads offers lazily and is not shared between threads.
 *
 * Ownership: struct bills owns everything (bills_release).
 */
#ifndef COSTPLAN_SIM_BILLS_H
#define COSTPLAN_SIM_BILLS_H

#include <stdbool.h>
#include <stdint.h>

#include "cost/engine.h"
#include "sim/montecarlo.h"

struct bill_series {
	char *address;  /* resource address (or "free_tier") */
	char *line;     /* line name, NULL for the resource's total */
	char *unit;     /* lines only */
	const char *title;
	enum category category;
	bool varies;    /* differs between runs or months */
	bool usage_based;
	int item;       /* lines: index of their item in items */
	int64_t *cents; /* [month * runs + run] */
	double *qty;    /* lines: [month * runs + run] */
};

struct bills {
	long runs;
	int months;
	struct bill_series *items;
	size_t nitems;
	struct bill_series *lines;
	size_t nlines;
	int64_t *total; /* [month * runs + run] cents */
	char *region, *source, *published_min, *published_max;
	char **warnings;
	size_t nwarn;
};

/* Returns 0 or an exit code (printed). s's usage is overwritten. */
int bills_price(struct scenario *s, struct catalog *cat, const struct cost_options *co,
		const struct sim_setup *u, const struct mc_result *mc, struct bills *out);
void bills_release(struct bills *b);

#endif
