/*
 * hcl_funcs.h - Terraform's built-in function library (the part a cost
 * estimate meets), for hcl_eval.c.
 *
 * Each function declares how it treats unknown arguments: FN_KNOWN (any
 * unknown anywhere in an argument makes the result unknown; the function
 * itself never sees one) or FN_TOP (an argument that is itself unknown
 * makes the result unknown; unknowns inside collections reach the function,
 * so length() of a list of unknown IDs is known). try() and can() take
 * unevaluated arguments and live in hcl_eval.c. Functions not in the table
 * yield unknown, with one warning per name (hcl_eval.h, `unsupported`).
 *
 * replace() and regex()/regexall() take Terraform's /pattern/ form with a
 * POSIX extended regular expression (regex.h): RE2 features POSIX lacks
 * (\d, \w, \s, non-greedy ?, (?i) flags) are translated where simple (\d
 * \w \s and their negations) and refused otherwise.
 */
#ifndef COSTPLAN_HCL_FUNCS_H
#define COSTPLAN_HCL_FUNCS_H

#include "model/terraform/hcl_eval.h"

#define FN_KNOWN 1u
#define FN_TOP 2u

struct hcl_func {
	const char *name;
	int min, max; /* max -1: any number */
	unsigned flags;
	struct hval *(*fn)(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos);
};

const struct hcl_func *hcl_func_find(const char *name);

/* jsonencode() of a value (wholly known), as Terraform writes it: sorted
 * keys, no spaces, <>& escaped. New arena string. */
struct hval *hcl_jsonencode(struct hcl_eval *ev, struct hval *v, const struct hcl_pos *pos);

#endif
