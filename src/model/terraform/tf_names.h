/*
 * tf_names.h - a string-keyed table (open addressing) for the Terraform
 * layer: declarations by name, modules by path, warnings already given.
 *
 * Ownership: the table and its keys live in the load's arena; values are
 * borrowed pointers.
 */
#ifndef COSTPLAN_TF_NAMES_H
#define COSTPLAN_TF_NAMES_H

#include <stddef.h>

#include "model/terraform/hcl_run.h"

struct tf_names {
	struct hcl_run *r;
	const char **keys;
	void **vals;
	size_t n, cap;
};

void tf_names_init(struct tf_names *t, struct hcl_run *r);
/* The value for key, or NULL. */
void *tf_names_get(const struct tf_names *t, const char *key);
/* Set key (copied into the arena) to val; returns the previous value. */
void *tf_names_put(struct tf_names *t, const char *key, void *val);

#endif
