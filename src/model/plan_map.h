/*
 * plan_map.h - mapping one Terraform plan resource onto its type's schema,
 * for the plan hooks of the resource type files (type_spec.plan_attr,
 * type_spec.plan_check).
 *
 * The plan reader converts most attributes by the schema alone: the value
 * at values.<a>.<b> (blocks, which Terraform writes as lists of one object,
 * stepped into) becomes attribute "a.b" of the resource's scenario body,
 * with unknown values ("known after apply") replaced by the prior value or
 * the schema default, and a warning. A hook handles what needs Terraform's
 * own rules (task sizes written "1 vCPU", capacity provider strategies,
 * links to other resources by ARN or name) with the calls below.
 *
 * A value that does not fit what costplan prices makes the resource "not
 * priced" with the reason (plan_map_not_priced): it is listed, never
 * dropped. A value no real plan can hold (a number beyond 1e15) fails the
 * run (plan_map_number returns -2 after printing why).
 *
 * Everything returned is borrowed from the plan, valid while it is mapped.
 */
#ifndef COSTPLAN_PLAN_MAP_H
#define COSTPLAN_PLAN_MAP_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/schema.h"
#include "util/error.h"

struct plan_map;  /* one resource being mapped */
struct plan_inst; /* another resource instance of the same plan side */

enum plan_got { PLAN_VALUE, PLAN_ABSENT, PLAN_UNKNOWN };

/* The resource being mapped. */
const char *plan_map_address(const struct plan_map *m);
const struct type_spec *plan_map_spec(const struct plan_map *m);
/* Its raw planned values (for blocks a hook reads whole). */
json_t *plan_map_values(const struct plan_map *m);

/* The value at a dotted path, resolving an unknown from the prior value
 * (with a warning); NULL when absent or unknown (*unknown set then). */
json_t *plan_map_get(struct plan_map *m, const char *path, int *unknown);
/* The planned value only, telling absent from unknown. */
enum plan_got plan_map_lookup(struct plan_map *m, const char *path, json_t **out);
/* The value before the change (an update's prior state). */
enum plan_got plan_map_prior(struct plan_map *m, const char *path, json_t **out);
/* A number from a JSON number or numeric string: 0, -1 not a number, -2
 * absurd (the run fails). */
int plan_map_number(struct plan_map *m, const char *attr, json_t *v, double *out);
/* Length of a list attribute whose elements may be unknown: n, -1 unknown,
 * or -2 - n when only the prior value (of n entries) is known. */
long plan_map_list_len(struct plan_map *m, const char *attr);

/* Convert v to the kind of attribute a and put it in the body. */
void plan_map_put(struct plan_map *m, const struct attr_spec *a, json_t *v);
/* A list of n placeholder entries for a list attribute whose count matters. */
void plan_map_put_placeholders(struct plan_map *m, const struct attr_spec *a, size_t n);
/* Set a body attribute as is (takes the reference). */
void plan_map_set(struct plan_map *m, const char *name, json_t *v);
/* A body attribute already set (0 / false when not). */
long plan_map_body_int(const struct plan_map *m, const char *name);
bool plan_map_body_bool(const struct plan_map *m, const char *name);

/* Warn that path is unknown and what is assumed instead. */
void plan_map_assume(struct plan_map *m, const char *path, const char *what);
void plan_map_warn(struct plan_map *m, const char *fmt, ...) CP_PRINTF(2, 3);
/* The resource is not priced, for this reason (the first reason wins). */
void plan_map_not_priced(struct plan_map *m, const char *fmt, ...) CP_PRINTF(2, 3);

/*
 * Other resources: the k-th instance of type whose indexed attribute key
 * (type_spec.plan_index) equals value; the one the configuration's
 * expression for attr refers to (across module variables and outputs);
 * whether t is in the same module instance as the resource mapped.
 */
struct plan_inst *plan_map_find(struct plan_map *m, const char *type, const char *key,
				const char *value, size_t k);
struct plan_inst *plan_map_config_ref(struct plan_map *m, const char *attr, const char *type);
bool plan_map_same_module(const struct plan_map *m, const struct plan_inst *t);
/* Its Terraform address (for messages that name it). */
const char *plan_inst_address(const struct plan_inst *t);
/* Set the reference attribute attr to t, or mark the resource not priced
 * when t is NULL, not priced itself, or in another region. */
void plan_map_link(struct plan_map *m, const char *attr, struct plan_inst *t, const char *what);

/*
 * Price a second resource beside this one (a service whose tasks split
 * between FARGATE and FARGATE_SPOT): a copy of the final body with the
 * attributes of `overrides` (taken), named with suffix, mapped back to the
 * same Terraform address.
 */
void plan_map_twin(struct plan_map *m, const char *suffix, json_t *overrides);

#endif
