/*
 * plan.h - Terraform plan and state JSON (`terraform show -json`) as
 * scenarios.
 *
 * The reader never prices anything. It turns each side of a plan (the
 * resources as they are, `change.before`, and as they will be,
 * `change.after`), or the resources of a state (`values.root_module`),
 * into scenario documents in our own shape, one per region, which
 * scenario_from_json() then validates like any scenario: one schema, one
 * cost engine for every front end (DESIGN.md, "Data flow").
 *
 * What it maps (FACTS.md 6): format_version 1.x (2+ is refused);
 * managed resources of the AWS provider only (data sources and other
 * providers are counted and ignored); module and count/for_each addresses
 * kept as Terraform writes them; unknown values ("known after apply")
 * replaced by the prior value or a documented default, with a warning
 * naming the attribute; the ECS service -> task definition link through
 * the configuration's references (across module variables and outputs),
 * the task definition's ARN or its family; the region from the resource's
 * own `region`, the provider configuration (var.* resolved from the plan's
 * variables) or, in a state, the resource's ARN, unless --region says.
 * AWS types costplan does not price, or configurations it cannot price
 * (an RDS engine other than PostgreSQL, the EC2 launch type...), are listed
 * as "not priced" with the reason, never dropped silently.
 *
 * Ownership: struct plan owns everything; release it with plan_release().
 */
#ifndef COSTPLAN_PLAN_H
#define COSTPLAN_PLAN_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/input_kind.h"
#include "model/unpriced.h"
#include "model/usage.h"

/* Largest plan or state file read (plans of big estates run to tens of MB). */
#define PLAN_MAX_BYTES (512L * 1024 * 1024)

struct tf_var_opts;

struct plan_opts {
	const char *region;       /* --region: every resource is priced there */
	struct usage_file *usage; /* --usage, or NULL */
	const struct tf_var_opts *tf_vars; /* --var/--var-file for a Terraform directory */
};


/* One side: scenario documents per region, and what could not be priced. */
struct plan_side {
	json_t *docs;  /* region -> scenario document (region order = first seen) */
	json_t *addr;  /* scenario address "type.name" -> Terraform address */
	struct unpriced *unpriced;
	size_t nunpriced;
	char **warnings;
	size_t nwarn;
	size_t nresources; /* managed AWS resource instances on this side */
};

struct plan {
	char *path;
	enum input_kind kind; /* INPUT_PLAN or INPUT_STATE */
	char *format_version;
	char *terraform_version;
	struct plan_side before; /* a plan's current resources (empty for a state) */
	struct plan_side after;  /* a plan's planned resources, or the state's */
	json_t *actions;         /* Terraform address -> "create" | "update" | "replace" |
				    "delete" | "no-op" | "forget" */
	size_t ignored_data;     /* data sources */
	size_t ignored_other;    /* resources of other providers */
};

/* Read a JSON file of up to PLAN_MAX_BYTES. Returns 0 or an exit code. */
int plan_read_json(const char *path, json_t **root);

/* Build both sides from a parsed plan or state. Returns 0 or an exit code. */
int plan_from_json(json_t *root, const char *path, const struct plan_opts *o, struct plan *out);

void plan_release(struct plan *p);

/* "create" etc. from a change's actions array; NULL when not understood. */
const char *plan_action_name(json_t *actions);

#endif
