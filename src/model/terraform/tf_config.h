/*
 * tf_config.h - one Terraform module's configuration: what its .tf and
 * .tf.json files declare.
 *
 * A module is a directory; its files are read in lexical order (hidden and
 * editor backup files skipped), each parsed in its syntax, and their
 * top-level blocks sorted into variables, locals, managed resources, data
 * sources, module calls, outputs, provider configurations and required
 * providers. Nothing is evaluated here: expressions stay syntax trees
 * until tf_eval.c asks for them in a given module instance.
 *
 * Declaring the same name twice, a block with the wrong number of labels,
 * an invalid name or a top-level block Terraform does not know is a
 * located error, as in Terraform. Override files (override.tf,
 * *_override.tf and their .json forms) are merged as Terraform does for
 * top-level arguments: an override block's attributes replace the
 * original's, its nested blocks replace the original's blocks of that type.
 *
 * Ownership: everything lives in the load's arena.
 */
#ifndef COSTPLAN_TF_CONFIG_H
#define COSTPLAN_TF_CONFIG_H

#include <stdbool.h>

#include "model/terraform/hcl_ast.h"
#include "model/terraform/tf_names.h"

struct tf_variable {
	const char *name;
	const struct hx *type;    /* NULL: any */
	const struct hx *def;     /* default, or NULL */
	bool nullable;            /* default true */
	struct hcl_pos pos;
	size_t index;
};

struct tf_local {
	const char *name;
	const struct hx *expr;
	struct hcl_pos pos;
	size_t index;
};

struct tf_resource {
	bool data;
	const char *type, *name;
	const char *key;          /* "aws_vpc.main" or "data.aws_region.current" */
	const struct hcl_body *body;
	const struct hx *count, *for_each;
	const char *provider;     /* "aws", "aws.west": explicit or from the type */
	bool provider_explicit;
	struct hcl_pos pos;
	size_t index;
};

struct tf_modcall {
	const char *name;
	const char *source;
	const char *version;      /* or NULL */
	const struct hcl_body *body; /* the arguments (meta-arguments included) */
	const struct hx *count, *for_each;
	const struct hx *providers; /* { aws = aws.west } or NULL */
	struct hcl_pos pos, source_pos;
	size_t index;
};

struct tf_output {
	const char *name;
	const struct hx *expr;
	struct hcl_pos pos;
	size_t index;
};

struct tf_provider {
	const char *name;         /* "aws" */
	const char *alias;        /* or NULL */
	const char *local;        /* "aws" or "aws.west" */
	const struct hcl_body *body;
	struct hcl_pos pos;
	size_t index;
};

struct tf_module_cfg {
	const char *dir;   /* relative to the root module ("." for the root): path.module */
	const char *fsdir; /* where the files are */
	struct tf_variable *vars;
	size_t nvars;
	struct tf_local *locals;
	size_t nlocals;
	struct tf_resource *res;
	size_t nres;
	struct tf_modcall *calls;
	size_t ncalls;
	struct tf_output *outs;
	size_t nouts;
	struct tf_provider *provs;
	size_t nprovs;
	struct tf_names by_var, by_local, by_res, by_call, by_out, by_prov;
	struct tf_names req_source; /* provider local name -> "hashicorp/aws" */
	size_t nfiles;
};

/*
 * Read a module. files NULL: every configuration file in fsdir; else just
 * those (a single file given on the command line). Fails with hcl_fail.
 */
struct tf_module_cfg *tf_config_load(struct hcl_run *r, const char *fsdir, const char *dir,
				     const char *const *files, size_t nfiles);

/* Is name a configuration file name (.tf or .tf.json, not hidden)? */
bool tf_config_file_name(const char *name);

/* The provider source for a local name ("aws" -> "registry.terraform.io/hashicorp/aws"). */
const char *tf_config_provider_source(struct hcl_run *r, const struct tf_module_cfg *m,
				      const char *local_name);

#endif
