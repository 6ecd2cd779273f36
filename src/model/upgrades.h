/*
 * upgrades.h - the upgrade path as data: scenarios/upgrades/NN-<id>.json.
 *
 * One file per step, in the guide's order (NN), each:
 *
 *   { "title": "RDS Multi-AZ", "kind": "step" | "alternative", "order": 3,
 *     "signal": "when to take it (from the guide)",
 *     "rationale": "one line: why",
 *     "replaces": "aws_nat_gateway.main aws_eip.nat",        (optional)
 *     "assumptions": { "spot_discount": { "path": "resource...spot_discount",
 *          "value": 0.7, "unit": "fraction off on-demand",
 *          "source": "where the figure comes from",
 *          "assumption": true } },                            (optional)
 *     "variants": [ { "label": "Advanced tier", "patch": {...} } ], (optional)
 *     "patch": { RFC 7386 merge patch on a scenario document } }
 *
 * Assumptions are the figures a step depends on that no price list gives
 * (a Spot discount, metric counts): each names the document path it sets,
 * and is applied after the step's patch, so `--assume KEY=VALUE` overrides
 * it and every output shows the value used and its source. A key that is
 * one of costplan's named assumptions (model/assumptions.h: spot_discount,
 * savings_plan_discount_rate...) gives only its "path", which must set the
 * registry's attribute or usage key: the value, unit and source are the
 * registry's, so --assume, the schema default and every output agree.
 *
 * Ownership: struct upgrade_set owns its steps and everything in them;
 * release with upgrades_release().
 */
#ifndef COSTPLAN_UPGRADES_H
#define COSTPLAN_UPGRADES_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

enum upgrade_kind {
	UPGRADE_STEP,        /* on the guide's path, applied cumulatively */
	UPGRADE_ALTERNATIVE, /* priced beside the path */
};

struct upgrade_assumption {
	char *key;        /* "spot_discount" (unique across the set) */
	char *path;       /* docpath.h path it sets */
	json_t *value;    /* the value used (after --assume) */
	char *unit;       /* "fraction of on-demand", "GB per task-month" */
	char *source;     /* FACTS.md reference, or why it is an assumption */
	bool assumption;  /* true: not from a price list or fact sheet */
	bool overridden;  /* set by --assume */
};

struct upgrade_variant {
	char *label;
	json_t *patch;
};

struct upgrade_step {
	char *id;         /* "rds-multi-az" (file name without NN- and .json) */
	char *file;       /* path it was read from */
	int order;
	enum upgrade_kind kind;
	char *title;
	char *signal;
	char *rationale;
	char *replaces;   /* space-separated addresses, or NULL */
	json_t *patch;
	struct upgrade_assumption *assumptions;
	size_t nassumptions;
	struct upgrade_variant *variants;
	size_t nvariants;
};

struct upgrade_set {
	char *dir;
	struct upgrade_step *steps; /* steps by order, then alternatives by order */
	size_t n;
	size_t nsteps;              /* the first nsteps are UPGRADE_STEP */
};

/* Read every NN-*.json in dir. Returns 0 or an exit code (located message). */
int upgrades_load(const char *dir, struct upgrade_set *out);
/* Read one step file (also used by `compare` for step files). */
int upgrade_step_load(const char *path, struct upgrade_step *out);
void upgrade_step_release(struct upgrade_step *st);
void upgrades_release(struct upgrade_set *u);

/* The step with this id, or NULL. */
struct upgrade_step *upgrades_find(struct upgrade_set *u, const char *id);

/*
 * --assume KEY=VALUE or --assume STEP.KEY=VALUE: replace an assumption's
 * value. Returns 0 or CP_EXIT_USAGE (naming the nearest key).
 */
int upgrades_assume(struct upgrade_set *u, const char *key_eq_value);

/*
 * Apply a step to *doc: its patch, then its assumptions (and then the
 * variant's patch when variant >= 0). Validated; 0 or an exit code.
 */
int upgrade_step_apply(const struct upgrade_step *st, int variant, json_t **doc);

#endif
