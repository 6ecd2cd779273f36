/*
 * hcl_eval.h - evaluating HCL expressions to values, with unknowns.
 *
 * The evaluator knows the language, not Terraform: names that no local
 * scope binds (var, local, module, aws_vpc, data, path...) go to the
 * caller's resolver, which Terraform's module evaluation provides
 * (tf_eval.c). A reference is handed over with the attribute names and
 * index keys that follow it (module.svc["api"].url), so the resolver can
 * evaluate just what is asked: one output of one module instance.
 *
 * Unknown values propagate as HCL defines: an operation with an unknown
 * operand is unknown, a conditional with an unknown condition is unknown,
 * a for over an unknown collection is unknown, while a known list of
 * unknown elements keeps its length.
 *
 * Errors unwind with hcl_fail (hcl_run.h); try() and can() catch the
 * ordinary ones. Work is bounded by the step, depth, collection and string
 * limits of hcl_limits.h.
 *
 * Ownership: values and scopes live in the arena; struct hcl_eval is the
 * caller's and holds only borrowed pointers.
 */
#ifndef COSTPLAN_HCL_EVAL_H
#define COSTPLAN_HCL_EVAL_H

#include "model/terraform/hcl_ast.h"
#include "model/terraform/hcl_value.h"

/* A local binding: for-expression variables, each, count, iterators. */
struct hcl_scope {
	const struct hcl_scope *up;
	const char *name;
	struct hval *val;
};

/* One step after a reference: .name, or [key] with the key evaluated. */
struct hcl_ref_step {
	const char *name;  /* attribute, or NULL */
	struct hval *key;  /* index key, or NULL */
	struct hcl_pos pos;
};

struct hcl_eval;

/*
 * Resolve the free variable `root` followed by steps[0..n). Returns the
 * value of the root with the first *used steps applied (at least 0); the
 * evaluator applies the rest. Fails (hcl_fail) for names that do not exist.
 */
typedef struct hval *(*hcl_resolver)(struct hcl_eval *ev, const char *root,
				     const struct hcl_pos *pos, const struct hcl_ref_step *steps,
				     size_t n, size_t *used);

struct hcl_eval {
	struct hcl_run *r;
	hcl_resolver resolve; /* NULL: every free name is an error */
	void *env;            /* the resolver's */
	/* file(), templatefile(), fileexists(): relative paths start here
	 * (Terraform's working directory: the root module). NULL = "." */
	const char *base_dir;
	/* called once per unsupported function name; may be NULL */
	void (*unsupported)(struct hcl_eval *ev, const char *name, const struct hcl_pos *pos);
	int template_depth; /* templatefile() nesting */
};

struct hval *hcl_eval(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e);

/* Apply .name / [key] to v as the language does (unknowns propagate). */
struct hval *hcl_getattr(struct hcl_eval *ev, struct hval *v, const char *name,
			 const struct hcl_pos *pos);
struct hval *hcl_index(struct hcl_eval *ev, struct hval *v, struct hval *key,
		       const struct hcl_pos *pos);

/* A value as a string in a template or a message: NULL when it cannot be
 * (lists, objects, null). Unknown stays unknown. */
struct hval *hcl_template_string(struct hcl_eval *ev, struct hval *v, const struct hcl_pos *pos);

/* Short text of a value for messages ("\"abc\"", "a list of 3", "null"). */
const char *hcl_describe(const struct hval *v, char *buf, size_t size);

/* Collect the references in an expression the way `terraform show -json`
 * lists them ("aws_vpc.main.id", "aws_vpc.main", "var.x", "count.index").
 * Calls add(ctx, text) for each, in order, duplicates included. Names bound
 * by for expressions inside e are not references. */
void hcl_references(struct hcl_run *r, const struct hx *e,
		    void (*add)(void *ctx, const char *ref), void *ctx);

#endif
