/*
 * tf_plan.h - an evaluated configuration as `terraform show -json` plan
 * output (format 1.2): what model/plan.c reads, and nothing it would have
 * to be told is fake.
 *
 *   resource_changes   every resource instance, sorted as Terraform sorts
 *                      them: managed ones with actions ["create"], data
 *                      sources with ["read"]; change.before null,
 *                      change.after the known values (unknown attributes
 *                      left out, unknown list elements null) and
 *                      change.after_unknown marking each unknown with true,
 *                      nested like the value; `id` is always unknown.
 *   planned_values     the same values by module: root_module.resources
 *                      and child_modules (each with its address); left
 *                      out for tf_plan_load, whose reader (model/plan.c)
 *                      reads a plan's resource_changes only.
 *   configuration      provider_config (name, full_name, alias,
 *                      module_address, the region expression as
 *                      constant_value or references), and per module the
 *                      resources (provider_config_key, count/for_each
 *                      expressions, and each argument's expression with the
 *                      references it makes, blocks as lists), module_calls
 *                      (source, arguments, the called module) and outputs.
 *   variables          the root variables' values.
 *
 * One addition to what Terraform 1.x with AWS provider 5 prints: an AWS
 * resource whose provider region is known gets it as `region` in its
 * values, as AWS provider 6 plans show it, so a region computed from a
 * local or a module variable prices in the right place.
 *
 * Ownership: the caller owns the returned document.
 */
#ifndef COSTPLAN_TF_PLAN_H
#define COSTPLAN_TF_PLAN_H

#include <jansson.h>

#include "model/terraform/tf_eval.h"

/* Fails (hcl_fail) only on limits; the partial document is freed then. */
json_t *tf_plan_json(struct tf_loader *L);

/* Known parts of a value as JSON (unknown object members left out, unknown
 * list elements null); NULL for a wholly unknown value. */
json_t *tf_value_json(const struct hval *v);
/* after_unknown for a value: NULL when nothing is unknown, true when all. */
json_t *tf_unknown_json(const struct hval *v);

#endif
