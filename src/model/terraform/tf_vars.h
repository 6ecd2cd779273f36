/*
 * tf_vars.h - the root module's input variable values, with Terraform's
 * precedence (later wins): the variable's default, TF_VAR_<name> in the
 * environment, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars and
 * *.auto.tfvars.json in lexical order, then --var and --var-file in the
 * order given.
 *
 * Values from the command line and the environment are raw strings: taken
 * as they are for variables of a primitive type (or none), parsed as HCL
 * expressions for lists, maps and objects, as Terraform does. Every value
 * is then converted to the variable's type (tf_types.h).
 *
 * A value for a variable the module does not declare is a warning from a
 * file and an error from --var, as in Terraform. A required variable
 * (no default) with no value is a located error naming it and the ways to
 * set it.
 *
 * Ownership: arena.
 */
#ifndef COSTPLAN_TF_VARS_H
#define COSTPLAN_TF_VARS_H

#include "model/terraform/tf_eval.h"

struct tf_var_value {
	const struct hx *expr; /* from a file */
	const char *raw;       /* from --var or the environment */
	struct hcl_pos pos;
};

/* Collect the given values into L->var_values; check names and required
 * variables. */
void tf_vars_collect(struct tf_loader *L);
/* The value of a root variable, converted to its type. */
struct hval *tf_vars_root_value(struct tf_loader *L, struct hcl_eval *ev, const struct tf_variable *v);

#endif
