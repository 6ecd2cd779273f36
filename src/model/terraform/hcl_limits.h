/*
 * hcl_limits.h - every bound the Terraform reader puts on its input, in one
 * place (README "hostile input").
 *
 * A configuration directory is untrusted input: a pull request can hold
 * anything. Each limit below turns a hostile or runaway configuration into
 * one located error (exit 3) instead of unbounded memory or time. The
 * figures leave room for big estates: the benchmark configuration
 * (tests/bench/tf-dir.sh: 5,074 resource instances in 200 files, 776 module
 * instances) needs 0.2M steps, 15 MiB of arena and 30k values in its
 * arguments, a sixth or less of each limit; and they keep the worst input
 * quick under sanitizers too (every fuzz regression input runs in under
 * 2 s in the ASan+libFuzzer build).
 */
#ifndef COSTPLAN_HCL_LIMITS_H
#define COSTPLAN_HCL_LIMITS_H

/* One source file (.tf, .tf.json, .tfvars, modules.json, file() and
 * templatefile() targets). */
#define HCL_MAX_FILE_BYTES (8L * 1024 * 1024)
/* All source text read for one load (every module, every file). */
#define TF_MAX_SOURCE_BYTES (64L * 1024 * 1024)
/* Files in one module directory. */
#define TF_MAX_FILES 4096

/* Nesting of brackets, blocks, templates and directives in the parser. */
#define HCL_MAX_NESTING 100
/* Depth of the evaluator: nested expressions plus chains of references
 * (local.a -> local.b -> ...), each level a few C stack frames. */
#define HCL_MAX_EVAL_DEPTH 400
/* Elements in one list, set, map or object value (range(), for, splats). */
#define HCL_MAX_COLLECTION 100000
/* Values in one value counted as a tree (a list of lists shares its
 * elements; walked as a tree it can be exponentially large). */
#define HCL_MAX_VALUE_NODES 1000000
/* Nesting of one value (lists in lists...): the recursion of whatever
 * walks it (comparing, encoding, writing the plan, freeing the document). */
#define HCL_MAX_VALUE_DEPTH 500
/* Values in all the resource instances of a plan, counted as trees. */
#define TF_MAX_PLAN_VALUES 500000
/* Bytes in one string value (templates, join, format, file, jsonencode). */
#define HCL_MAX_STRING (8L * 1024 * 1024)
/* Evaluation steps for one load: expression nodes evaluated plus values
 * built. Bounds time whatever the configuration computes. */
#define HCL_MAX_STEPS 5000000L
/* Bytes of syntax trees and values for one load (one arena, freed at once). */
#define HCL_MAX_ARENA (128L * 1024 * 1024)

/* Module calls nested inside each other, and module instances in all. */
#define TF_MAX_MODULE_DEPTH 32
#define TF_MAX_MODULE_INSTANCES 5000
/* Resource and data source instances in the whole configuration. */
#define TF_MAX_INSTANCES 50000
/* templatefile() inside a template rendered by templatefile(): Terraform
 * refuses it outright; so do we. */
#define TF_MAX_TEMPLATE_DEPTH 1

#endif
