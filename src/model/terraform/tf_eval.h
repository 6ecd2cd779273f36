/*
 * tf_eval.h - evaluating a configuration: module instances, their
 * variables, locals, resources, module calls, outputs and providers.
 * Internal to src/model/terraform/ (tf_load.c drives it, tf_plan.c reads
 * the result).
 *
 * Evaluation is on demand and memoized per object and module instance:
 * asking for local.a evaluates its expression once, which asks for what it
 * refers to, and so on. The objects are Terraform's graph nodes (a
 * variable, a local, a whole resource with all its instances, one module
 * output), so a reference cycle here is one Terraform would refuse too;
 * it is reported with the chain of names (local.a -> local.b -> local.a).
 * An object whose evaluation failed keeps its error: a try() that caught
 * it once does not leave it half-evaluated for the next reference.
 *
 * After tf_eval_all(), every module instance, resource instance and
 * output has been evaluated, in a deterministic order.
 *
 * Ownership: all in the loader's arena (struct tf_loader.run).
 */
#ifndef COSTPLAN_TF_EVAL_H
#define COSTPLAN_TF_EVAL_H

#include "model/terraform/hcl_eval.h"
#include "model/terraform/tf_config.h"
#include "model/terraform/tf_expand.h"
#include "model/terraform/tf_load.h"

enum memo_state { MEMO_NONE, MEMO_BUSY, MEMO_DONE, MEMO_FAILED };

struct memo {
	enum memo_state st;
	struct hval *v;
	struct hcl_diag *err;
};

struct tf_modinst;

/* A provider configuration as a resource sees it. */
struct tf_provref {
	const char *key;              /* provider_config key: "aws", "aws.west", "module.m:aws" */
	const char *local;            /* "aws.west" */
	const struct tf_provider *cfg; /* NULL: implicit, unconfigured */
	struct tf_modinst *owner;     /* where cfg is declared */
	struct memo region;           /* its region (a string, unknown, or null) */
};

struct tf_rinst {
	const char *addr;         /* full address: module.a["k"].aws_x.y[0] */
	struct hval *key;         /* NULL, a number or a string */
	struct hval *value;       /* the evaluated arguments and blocks */
	struct tf_provref *prov;
};

struct tf_rstate {
	const struct tf_resource *cfg;
	struct memo m;            /* the value references see */
	struct tf_rinst *inst;
	size_t ninst;
	bool unknown_expansion;   /* for_each known only after apply: not priced */
};

struct tf_callstate {
	struct memo expansion;    /* done when kids are made */
	struct tf_expansion x;
	struct tf_modinst **kids;
	struct memo whole;        /* module.NAME as a value */
	const struct tf_module_cfg *cfg; /* NULL: not installed */
	const char *missing;      /* why not, for the unpriced list */
};

struct tf_modinst {
	struct tf_loader *L;
	const struct tf_module_cfg *cfg; /* NULL: not installed */
	struct tf_modinst *parent;
	const struct tf_modcall *call;   /* in the parent, NULL for the root */
	const struct hcl_scope *call_scope; /* count/each of this instance, in the parent */
	struct hval *key;
	const char *addr;         /* "" for the root, else module.a["k"].module.b */
	const char *keypath;      /* modules.json key: "", "a", "a.b" */
	const char *cfgpath;      /* module.a.module.b: the address without keys */
	int depth;
	struct memo *vars, *locals, *outputs;
	struct tf_rstate *res;
	struct tf_callstate *calls;
	struct tf_names provs;    /* local provider name -> struct tf_provref */
	struct hcl_eval ev;
	size_t plan_first, plan_count; /* tf_plan.c: its run of sorted instances */
};

struct tf_stack {
	const char *name;
	const struct tf_modinst *mi;
	const struct memo *m;
};

struct tf_loader {
	struct hcl_run run;
	const char *rootdir;      /* where the root module's files are */
	const char *rootfile;     /* a single file was given, or NULL */
	const struct tf_var_opts *varopts;
	struct tf_module_cfg *rootcfg;
	struct tf_modinst *root;
	struct tf_names cfg_cache;  /* fsdir -> struct tf_module_cfg */
	struct tf_names manifest;   /* modules.json Key -> Dir */
	struct tf_names var_values; /* root variable -> struct tf_var_value */
	struct tf_names warned;     /* warnings already given */
	const char **warnings;
	size_t nwarn, capwarn;
	struct tf_unpriced *unpriced; /* strings in the arena until tf_load copies them */
	size_t nunpriced, capunpriced;
	struct tf_stack *stack;
	size_t nstack, capstack;
	size_t ninstances;
	struct tf_modinst **all;  /* every module instance, root first */
	size_t nall, capall;
	uint64_t plan_values;     /* tf_plan.c: values written so far (TF_MAX_PLAN_VALUES) */
	bool for_reader;          /* tf_plan_load: no planned_values (tf_plan.h) */
};

void tf_warn(struct tf_loader *L, const char *fmt, ...) CP_PRINTF(2, 3);
void tf_unpriced_add(struct tf_loader *L, const char *addr, const char *type, const char *why);

/* The root module instance of rootcfg (variables collected by tf_vars). */
struct tf_modinst *tf_eval_root(struct tf_loader *L);
/* Evaluate everything (all instances, in order). */
void tf_eval_all(struct tf_loader *L, struct tf_modinst *mi);

/* The module configuration a call uses (for the configuration part of the
 * plan), NULL when not installed (*missing says why). */
const struct tf_module_cfg *tf_eval_call_cfg(struct tf_loader *L, const struct tf_module_cfg *parent,
					     const char *parent_keypath, const struct tf_modcall *call,
					     const char **missing);

/* The provider a resource uses in a module instance. */
struct tf_provref *tf_eval_provider(struct tf_modinst *mi, const char *local,
				    const struct hcl_pos *pos);
/* Its region value (NULL when the configuration sets none). */
struct hval *tf_eval_region(struct tf_provref *p);

#endif
