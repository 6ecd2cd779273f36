/*
 * tf_expand.h - count and for_each: which instances a resource or module
 * call has, their keys, and how their addresses are written.
 *
 * count must be a whole number from 0 up; a count known only after apply
 * is taken as 1 (with a warning), which prices the common "one unless
 * disabled" pattern. for_each takes a map or object (keys are its keys) or
 * a set of strings (keys are the strings), as Terraform does; a list must
 * go through toset(). A for_each known only after apply leaves the
 * instances unknown. Keys are written in addresses as Terraform writes
 * them: [0] and ["key"] with '"' and '\' escaped.
 *
 * Ownership: arena.
 */
#ifndef COSTPLAN_TF_EXPAND_H
#define COSTPLAN_TF_EXPAND_H

#include "model/terraform/hcl_eval.h"

enum tf_expand_kind { TFX_SINGLE, TFX_COUNT, TFX_FOREACH, TFX_UNKNOWN };

struct tf_expansion {
	enum tf_expand_kind kind;
	size_t n;
	struct hval **keys;   /* numbers (count) or strings (for_each) */
	struct hval **values; /* for_each: each.value */
	bool count_assumed;   /* count was unknown: one instance assumed */
};

/* Evaluate count / for_each (either may be NULL) of `what` in ev. */
void tf_expand(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *count,
	       const struct hx *for_each, const char *what, struct tf_expansion *out);
/* The scope of instance i: count.index, or each.key and each.value. */
const struct hcl_scope *tf_expand_scope(struct hcl_eval *ev, const struct hcl_scope *up,
					const struct tf_expansion *x, size_t i);
/* "[0]", "[\"a\"]", or "" for no key. */
const char *tf_key_text(struct hcl_run *r, const struct hval *key);

#endif
