/*
 * engine.h - price a scenario into a breakdown.
 *
 * The engine walks the scenario's resources in order and hands each to the
 * pricer registered for its type (src/cost/price_*.c), then adds the
 * free-tier allowances as their own visible lines (free_tier.c). Prices
 * come only from the catalog; a price that is missing fails the run with a
 * message naming region, offer and usage type, except for a usage-based
 * line whose quantity is zero, which costs $0 whatever the price.
 */
#ifndef COSTPLAN_ENGINE_H
#define COSTPLAN_ENGINE_H

#include "cost/breakdown.h"
#include "model/scenario.h"
#include "pricing/catalog.h"

struct cost_options {
	const char *region; /* overrides the scenario's region when set */
	bool no_free_tier;  /* --no-free-tier */
};

/* Returns 0, or an exit code after printing why. *out is valid only on 0. */
int cost_breakdown(const struct scenario *s, struct catalog *cat, const struct cost_options *o,
		   struct breakdown *out);

#endif
