/*
 * upgrade_path.h - price the upgrade path: baseline, each step alone, the
 * cumulative path in the guide's order, and the alternatives.
 *
 * Everything is priced by the one engine (cost_breakdown) on documents the
 * steps patch (model/upgrades.h); nothing here knows a price. Deltas are
 * differences of displayed totals, so they add up exactly to the cent.
 *
 * Auto-scaled services (an aws_appautoscaling_target on the service) are
 * priced at desired_count, and their cost range is priced too: every scaled
 * service at min_capacity (low) and at max_capacity (high), until the
 * simulation prices the traffic in between. A Compute Savings Plan's
 * default commitment follows min_capacity, not desired_count (its steady
 * minimum, cost/types/savings_plan.c), so at the high end the tasks above
 * it are priced on demand.
 *
 * Consumers: `costplan upgrades`, the spreadsheet export and the HTML
 * report. Ownership: struct upgrade_path owns its breakdowns; the steps are
 * borrowed from the upgrade_set, which must outlive it.
 */
#ifndef COSTPLAN_UPGRADE_PATH_H
#define COSTPLAN_UPGRADE_PATH_H

#include <jansson.h>
#include <stdbool.h>

#include "cost/breakdown.h"
#include "util/decimal.h"
#include "cost/engine.h"
#include "model/upgrades.h"
#include "pricing/catalog.h"

/* Totals of one priced document, with the auto-scaling range. */
struct priced {
	struct breakdown b;
	dec total;      /* b.total */
	bool has_range; /* some service is auto-scaled */
	dec low, high;  /* totals with scaled services at min / max capacity */
};

struct variant_result {
	const struct upgrade_variant *variant; /* borrowed */
	dec total;  /* baseline + step with this variant */
	dec delta;  /* against the baseline */
};

struct upgrade_result {
	const struct upgrade_step *step; /* borrowed */
	/* the step alone on the baseline */
	struct priced alone;
	dec alone_delta;        /* alone.total - baseline.total */
	/* steps: baseline + steps 1..i (the running total);
	 * alternatives: the production scenario + this alternative */
	struct priced cumulative;
	dec cumulative_delta;   /* against the previous running total / production */
	struct variant_result *variants;
	size_t nvariants;
	/* alternatives with "replaces": the replaced resources' monthly cost in
	 * the baseline, and the break-even usage when both sides have a per-GB
	 * line (0 when not computable) */
	bool has_verdict;
	dec replaced_cost;      /* what the replaced resources cost */
	dec added_cost;         /* what the alternative's new resources cost */
	bool has_breakeven;
	dec breakeven_gb;       /* GB a month above which the alternative is cheaper */
	dec replaced_per_gb, added_per_gb;
};

struct upgrade_path {
	struct priced baseline;
	struct upgrade_result *results; /* steps in order, then alternatives */
	size_t n;
	size_t nsteps;
	struct priced production;       /* baseline + every step (copy of the last
	                                   step's cumulative figures; b is empty) */
	char **notes;                   /* overlays applied to the baseline */
	size_t nnotes;
};

/*
 * Price the path over base_doc (a document already overlaid by --set /
 * --patch; borrowed). label names the baseline in messages. Returns 0 or
 * an exit code after printing why.
 */
int upgrade_path_price(const json_t *base_doc, const char *label, const struct upgrade_set *u,
		       struct catalog *cat, const struct cost_options *co, struct upgrade_path *out);
void upgrade_path_release(struct upgrade_path *p);

/* One resource whose monthly cost differs between two breakdowns. */
struct item_change {
	const char *address; /* borrowed from the breakdown it came from */
	bool in_before, in_after;
	dec before, after, delta;
};

/*
 * The resources (free_tier included) whose cost differs from a to b, in
 * b's order then those only in a. Returns the count; *out is new (free it).
 */
size_t breakdown_changes(const struct breakdown *a, const struct breakdown *b,
			 struct item_change **out);

/* Price one document (with its auto-scaling range). */
int upgrade_price_doc(const json_t *doc, const char *label, struct catalog *cat,
		      const struct cost_options *co, struct priced *out);
void priced_release(struct priced *p);

#endif
