/*
 * hcl_json.h - Terraform's JSON syntax (.tf.json, .tfvars.json) to the same
 * syntax tree as the native syntax.
 *
 * JSON has no way to tell a block from an attribute, so this follows
 * Terraform's JSON configuration rules: the top-level keys are the
 * Terraform block types (resource and data take two levels of labels,
 * module, variable, output, provider and check one, locals and terraform
 * none); inside resources, lifecycle, provisioner, connection and dynamic
 * (with its content) are blocks; inside terraform, backend, cloud and
 * required_providers are. Everything else is an attribute whose JSON value
 * is an expression: strings are templates ("${var.x}" is evaluated, and a
 * lone interpolation keeps its type), arrays are tuples, objects are
 * objects. Any level of labels may also be an array of objects, and keys
 * named "//" are comments.
 *
 * Positions come from json_pos (the line and column of each key); template
 * errors inside a string point at its key.
 *
 * Ownership: the tree lives in the arena; jansson values are freed before
 * returning, also when a failure unwinds.
 */
#ifndef COSTPLAN_HCL_JSON_H
#define COSTPLAN_HCL_JSON_H

#include "model/terraform/hcl_ast.h"

/* A .tf.json file. */
struct hcl_body *hcl_json_config(struct hcl_run *r, const char *file, const char *text, size_t len);
/* A .tfvars.json file: a flat object of attribute values. */
struct hcl_body *hcl_json_vars(struct hcl_run *r, const char *file, const char *text, size_t len);

#endif
