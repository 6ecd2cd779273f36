/*
 * tf_load.h - price Terraform without Terraform: read a configuration
 * directory (or one .tf / .tf.json file) and produce the plan JSON that
 * `terraform show -json` would give for creating it, offline, with no
 * terraform binary, no provider plugins and no credentials.
 *
 * What Terraform would know only after apply (IDs, ARNs, data sources,
 * attributes of modules that are not installed) is unknown, and marked so
 * in `after_unknown` exactly as a plan marks it; the plan reader
 * (model/plan.h) then applies its usual rules to unknowns. The document
 * holds what that reader consumes: resource_changes (create, and read for
 * data sources), planned_values with child_modules, the configuration
 * (provider_config with region expressions, resources with expression
 * references, module_calls with their arguments and outputs) and the root
 * variables.
 *
 * Input variables come as Terraform takes them, lowest precedence first:
 * defaults, TF_VAR_name environment variables, terraform.tfvars,
 * terraform.tfvars.json, *.auto.tfvars(.json) in lexical order, then
 * --var and --var-file in command-line order.
 *
 * Modules: local paths are followed; others are found through
 * .terraform/modules/modules.json as `terraform init` left it. A module
 * that is not installed cannot be priced: it is listed in `unpriced` with
 * the reason ("not installed; run `terraform init`"), its outputs are
 * unknown, and everything else is priced. Resources whose for_each is
 * known only after apply are listed there too.
 *
 * Errors (syntax, a reference to something undeclared, a cycle between
 * locals, a required variable without a value, an unreadable file, a
 * limit of hcl_limits.h) print one located line and return CP_EXIT_DATA;
 * no partial plan is returned.
 *
 * Ownership: struct tf_result owns everything it points to; release it
 * with tf_result_release(). struct tf_var_opts borrows its strings (argv).
 */
#ifndef COSTPLAN_TF_LOAD_H
#define COSTPLAN_TF_LOAD_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct plan;
struct plan_opts;

#define TF_MAX_VAR_ARGS 256

enum tf_var_arg_kind { TF_VAR_ASSIGN, TF_VAR_FILE };

/* --var NAME=VALUE and --var-file FILE, in command-line order. */
struct tf_var_opts {
	struct {
		enum tf_var_arg_kind kind;
		const char *text;
	} args[TF_MAX_VAR_ARGS];
	size_t n;
	bool ignore_env; /* do not read TF_VAR_* (tests) */
	/* --var for a variable the root module does not declare: a warning,
	 * not Terraform's error (diff: one side may not declare it yet) */
	bool undeclared_warn;
};

/* Add one option; returns 0 or CP_EXIT_USAGE (message printed). */
int tf_var_opts_add(struct tf_var_opts *o, enum tf_var_arg_kind kind, const char *text);

/* Something the result does not price, and why. */
struct tf_unpriced {
	char *address; /* "module.vpc", "aws_instance.web" */
	char *type;    /* "module", or the resource type */
	char *why;
};

struct tf_result {
	json_t *plan; /* the plan document (format_version 1.2) */
	char **warnings; /* functions not supported, unknown counts, undeclared tfvars */
	size_t nwarn;
	struct tf_unpriced *unpriced;
	size_t nunpriced;
	char *error;  /* set when tf_load failed: the message printed, without "costplan: " */
};

/* Does path name Terraform configuration: a .tf or .tf.json file, or a
 * directory holding at least one? */
bool tf_is_config(const char *path);

/* Load and evaluate; 0 or an exit code (one message printed). */
int tf_load(const char *path, const struct tf_var_opts *vars, struct tf_result *out);
void tf_result_release(struct tf_result *r);

/*
 * For the input readers (diff/side.c): tf_load, then plan_from_json() on
 * the document, then the result's warnings and unpriced entries added to
 * the plan's planned side. Returns 0 or an exit code.
 */
int tf_plan_load(const char *path, const struct tf_var_opts *vars, const struct plan_opts *po,
		 struct plan *out);

#endif
