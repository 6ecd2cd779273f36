/*
 * tf_types.h - Terraform type constraints (variable "type" arguments) and
 * the conversions they imply.
 *
 * Supported: any, string, number, bool, list(T), set(T), map(T),
 * object({name = T, ...}) with optional(T) and optional(T, default), and
 * tuple([T, ...]). A value is converted the way Terraform converts input
 * variables: primitives between each other where it makes sense ("5" to
 * 5, true to "true"), collections element by element, objects attribute by
 * attribute (missing optional attributes get their default or null,
 * missing required ones are an error, extra ones are dropped). Unknown
 * values stay unknown.
 *
 * Ownership: types live in the load's arena.
 */
#ifndef COSTPLAN_TF_TYPES_H
#define COSTPLAN_TF_TYPES_H

#include "model/terraform/hcl_eval.h"

enum tf_type_kind { TT_ANY, TT_STRING, TT_NUMBER, TT_BOOL, TT_LIST, TT_SET, TT_MAP, TT_OBJECT, TT_TUPLE };

struct tf_type {
	enum tf_type_kind kind;
	const struct tf_type *elem; /* list, set, map */
	size_t n;                   /* object attributes, tuple elements */
	const char **names;
	const struct tf_type **types;
	bool *optional;
	const struct hx **defaults; /* optional(T, default) */
};

/* A type expression; fails (hcl_fail) on anything else. NULL e: any. */
const struct tf_type *tf_type_parse(struct hcl_run *r, const struct hx *e);
/* Is the type a primitive (or any)? Command-line values of those are raw
 * strings; others are parsed as expressions. */
bool tf_type_is_primitive(const struct tf_type *t);
/* Convert v to t; what names the value in messages ("variable \"x\""). */
struct hval *tf_type_convert(struct hcl_eval *ev, const struct tf_type *t, struct hval *v,
			     const struct hcl_pos *pos, const char *what);

#endif
