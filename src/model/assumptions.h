/*
 * assumptions.h - costplan's named assumptions: the figures a price needs
 * that no price list and no public source settles (a Fargate Spot
 * discount, a Savings Plan rate, how many metrics Container Insights
 * emits, whether the rules inside a WAF rule group are billed).
 *
 * Each has one name, one default, its unit, the public source it leans on
 * and why it is an assumption, and the attribute or usage key that sets
 * it for one resource. The same name is the --assume NAME of `costplan
 * upgrades` (a step declares which resource it sets, model/upgrades.h),
 * the schema default of the attribute (the ASSUME_* texts below), and the
 * text every output shows: "assumption: NAME = VALUE (source; override
 * with --assume NAME=VALUE or the attribute KEY)". One registry, so the
 * three cannot disagree; tests/unit/test_types_coverage.c checks it.
 *
 * In the model layer because both the step files (upgrades.c) and the
 * pricers read it. Static tables; nothing allocates except
 * assumption_text().
 */
#ifndef COSTPLAN_ASSUMPTIONS_H
#define COSTPLAN_ASSUMPTIONS_H

#include <stdbool.h>

/* Defaults the schemas use as their attributes' .def. */
#define ASSUME_SPOT_DISCOUNT "0.7"
#define ASSUME_SAVINGS_PLAN_DISCOUNT_RATE "0.2"
#define ASSUME_WAF_RULES_PER_RULE_GROUP "0"

struct assumption {
	const char *name;   /* "spot_discount": --assume NAME */
	const char *value;  /* the default, as a JSON number: "0.7" */
	const char *unit;   /* "fraction off the on-demand price" */
	const char *source; /* the public source, and why it stays an assumption */
	const char *type;   /* the resource type it belongs to */
	const char *key;    /* the attribute or usage key that sets it for one resource */
	bool usage;         /* key is a usage key (else an attribute) */
};

/* The named assumption, or NULL. */
const struct assumption *assumption_find(const char *name);
/* All of them, ending with a NULL name. */
const struct assumption *assumptions_all(void);

/*
 * "assumption: NAME = VALUE (SOURCE; override with --assume NAME=VALUE or
 * the attribute KEY)", value the one used (as text). Caller frees.
 */
char *assumption_text(const struct assumption *a, const char *value);

#endif
