/*
 * plan_internal.h - what the files of the plan reader share (plan.c,
 * plan_refs.c, plan_region.c, plan_map.c); nothing outside them includes
 * it.
 *
 * Pipeline, per side (plan.c): collect the managed AWS resource instances,
 * give each a scenario name and a region (plan_region.c), index the
 * attributes other resources find them by (plan_refs.c), then map each
 * onto its type's schema (plan_map.c) in rank order, and write it into the
 * scenario document of its region.
 */
#ifndef COSTPLAN_PLAN_INTERNAL_H
#define COSTPLAN_PLAN_INTERNAL_H

#include <jansson.h>

#include "model/plan.h"
#include "model/plan_map.h"
#include "model/schema.h"

#define MAX_MODULE_DEPTH 64
#define MAX_ADDRESS 2048

/* A resource instance (plan_inst in plan_map.h). */
struct plan_inst {
	const char *address;
	const char *module_address; /* "" at the root */
	const char *type;
	const char *name;
	json_t *values;  /* borrowed */
	json_t *unknown; /* after_unknown, or NULL */
	json_t *prior;   /* before, for unknowns on the after side; or NULL */
	char *sname;     /* scenario name */
	char *region;
	int rank;        /* mapping order */
	int priced;      /* 1 mapped into a document, 0 not priced, -1 not yet */
};

struct side_build {
	struct plan *p;
	struct plan_side *side;
	const struct plan_opts *o;
	json_t *root; /* the whole plan document */
	struct plan_inst *in;
	size_t n, cap;
	json_t *by_addr; /* address -> index */
	json_t *names;   /* scenario address -> 1, for uniqueness */
	json_t *index;   /* "type\037key\037value" -> [indexes] (plan_refs.c) */
	json_t *empty;   /* values of usage-only resources */
	/* instances by type, name and index-free module path (plan_refs.c):
	 * "type\037name\037modpath" -> a group number */
	json_t *by_type_name;
	struct inst_group *groups;
	size_t ngroups;
	size_t n_by_type_name; /* instances indexed there so far */
	int is_after;
};

struct plan_map {
	struct side_build *b;
	struct plan_inst *x;
	const struct type_spec *spec;
	json_t *body;
	char why[512];       /* set: not priced, for this reason */
	int hard;            /* an exit-3 error was printed */
	char twin_suffix[16];
	json_t *twin;        /* overrides of a second resource, or NULL */
};

/* plan.c */
void side_warn(struct plan_side *s, const char *fmt, ...) CP_PRINTF(2, 3);
int plan_err(const char *path, const char *fmt, ...) CP_PRINTF(2, 3);
const char *plan_vtext(json_t *v, char *buf, size_t size);

/* plan_refs.c */
int module_names(const char *mod, char names[][128], int max);
json_t *config_module(json_t *root, char names[][128], int n);
json_t *config_resource(json_t *mod, const char *type, const char *name);
struct plan_inst *config_ref(struct side_build *b, const struct plan_inst *x, const char *attr,
			     const char *want);
void plan_index_add(struct side_build *b, size_t i);
void plan_groups_free(struct side_build *b);
struct plan_inst *plan_index_find(struct side_build *b, const char *type, const char *key,
				  const char *value, size_t k);

/* plan_region.c */
const char *provider_region(struct side_build *b, const char *key);
char *inst_region(struct side_build *b, struct plan_inst *x, const char *fallback);

/* plan_map.c: map x's attributes onto its type's schema (m set up by the caller). */
void plan_map_attrs(struct plan_map *m);

#endif
