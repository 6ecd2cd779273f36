/*
 * merge_patch.c - RFC 7386, on deep copies so the inputs stay untouched.
 */
#include "model/merge_patch.h"

#include <stdlib.h>

#include "util/error.h"

static json_t *apply(json_t *target, const json_t *patch)
{
	/* target: an owned reference (or NULL) we may modify */
	if (!json_is_object(patch)) {
		json_decref(target);
		return json_deep_copy(patch);
	}
	if (!json_is_object(target)) {
		json_decref(target);
		target = json_object();
	}
	const char *key;
	json_t *val;
	json_object_foreach((json_t *)patch, key, val) {
		if (json_is_null(val)) {
			json_object_del(target, key);
			continue;
		}
		json_t *cur = json_object_get(target, key);
		json_t *next = apply(cur ? json_incref(cur) : NULL, val);
		/* cur's extra reference was consumed by apply(); set_new takes next */
		json_object_set_new(target, key, next);
	}
	return target;
}

json_t *merge_patch(const json_t *target, const json_t *patch)
{
	json_t *copy = target ? json_deep_copy(target) : NULL;
	json_t *out = apply(copy, patch);
	if (!out) {
		cp_error(CP_EXIT_INTERNAL, "out of memory applying a merge patch");
		exit(CP_EXIT_INTERNAL);
	}
	return out;
}
