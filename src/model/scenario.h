/*
 * scenario.h - the model: a stack of resources, as a scenario describes it.
 *
 * A scenario is a JSON file in the shape of Terraform's JSON syntax:
 *
 *   { "costplan": 1, "name": "baseline", "region": "us-east-1",
 *     "resource": { "aws_nat_gateway": { "main": { ... } }, ... },
 *     "usage":    { "aws_nat_gateway.main": { "monthly_data_processed_gb": 30 } } }
 *
 * Every front end (scenario file, --set/--patch overlays, Terraform plan)
 * ends up here: scenario_from_json() validates a document against the
 * schema, reports *every* problem with file:line:col, and produces resources
 * whose attributes are all present (defaults filled in) and well typed.
 *
 * Ownership: struct scenario owns everything it points to; release it with
 * scenario_release(). Accessors return borrowed pointers into it.
 */
#ifndef COSTPLAN_SCENARIO_H
#define COSTPLAN_SCENARIO_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/decimal.h"
#include "util/json_pos.h"
#include "model/schema.h"
#include "util/error.h"

struct resource {
	const struct type_spec *spec;
	char *type;
	char *name;
	char *address; /* "type.name" */
	json_t *attrs; /* flat: "runtime_platform.cpu_architecture" -> value */
	json_t *usage; /* flat usage keys -> number; empty object when none */
	int count;     /* Terraform's count meta-argument, default 1 */
	int line, col; /* where it is declared (0 when unknown) */
	json_t *attr_loc; /* attribute -> [line, col] as written, or NULL */
};

struct scenario {
	char *path; /* file it came from ("<plan>" etc.), for messages */
	char *name;
	char *description;
	char *region;
	bool free_tier;
	/* A Terraform plan's or state's resources (cost/side.c sets it): a value
	 * the price snapshot cannot price makes the resource not priced
	 * instead of failing the run (cost/pricer.h: pricer_unpriceable). */
	bool from_plan;
	struct resource *res;
	size_t n;
	json_t *root; /* the validated document (overlays applied) */
	char **notes; /* human notes: overlays applied, assumptions; owned */
	size_t nnotes;
	/* "claim": {"usd": 100, "source": "the guide: \"around $100/month\""}:
	 * someone's estimate of this stack's monthly bill, shown beside
	 * costplan's figure by export and report; none unless the scenario
	 * carries one (or the command is given --claim) */
	bool has_claim;
	dec claim_usd;
	char *claim_source;
	/* resources by type and name, and each type's first (scenario.c):
	 * pricers look references up per resource, and a scan each time made
	 * a plan of thousands of resources quadratic; owned */
	struct scenario_index *index;
};

/* Largest file a scenario may be. */
#define SCENARIO_MAX_BYTES (8 * 1024 * 1024)

/*
 * Read and parse path into a JSON document and its position map. Returns 0
 * or an exit code (message printed). Caller owns *root and *pos.
 */
int scenario_read_json(const char *path, json_t **root, struct json_pos **pos);

/*
 * The same from text in memory (n bytes; text[n] must be '\0'): size and
 * NUL checks, jansson, the position map. For --set values and the fuzzer.
 */
int scenario_parse_text(const char *text, size_t n, const char *path, json_t **root,
			struct json_pos **pos);

/*
 * Build a scenario from a document. root is borrowed (a reference is
 * kept); pos may be NULL (no line numbers). Returns 0 or CP_EXIT_DATA after
 * printing each problem. On error *out is left released.
 */
int scenario_from_json(json_t *root, const char *path, const struct json_pos *pos,
		       struct scenario *out);

/* scenario_read_json + scenario_from_json. */
int scenario_load(const char *path, struct scenario *out);

void scenario_release(struct scenario *s);
void scenario_add_note(struct scenario *s, const char *note);

/* Lookups: NULL when absent. */
const struct resource *scenario_find(const struct scenario *s, const char *type,
				     const char *name);
const struct resource *scenario_find_address(const struct scenario *s, const char *address);
/* The first resource of a type. */
const struct resource *scenario_first(const struct scenario *s, const char *type);

/* Attribute accessors (the attribute must be in the type's schema). */
long res_int(const struct resource *r, const char *attr);
double res_num(const struct resource *r, const char *attr);
dec res_dec(const struct resource *r, const char *attr);
bool res_bool(const struct resource *r, const char *attr);
const char *res_str(const struct resource *r, const char *attr);
size_t res_len(const struct resource *r, const char *attr); /* ATTR_LIST / ATTR_BLOCKS */
/* The resource a REF attribute names, or NULL when empty. */
const struct resource *res_ref(const struct scenario *s, const struct resource *r,
			       const char *attr);
/* Where attribute attr of r was written (else where r was declared;
 * 0 when the scenario has no positions). */
void res_attr_loc(const struct resource *r, const char *attr, int *line, int *col);
/* Usage value: true and *out set when given, false (and *out = 0) when not. */
bool res_usage(const struct resource *r, const char *key, dec *out);

/*
 * For a type's check hook (type_spec.check): report a problem with the
 * resource being checked, located at its attribute attr (NULL: the
 * resource itself). The scenario is then refused.
 */
void check_fail(struct check_ctx *c, const char *attr, const char *fmt, ...) CP_PRINTF(3, 4);

/* Top-level keys a scenario may have, NULL-terminated (for suggestions). */
extern const char *const SCENARIO_KEYS[];

#endif
