/*
 * merge_patch.h - JSON Merge Patch (RFC 7386).
 *
 * A merge patch is a JSON document shaped like its target: objects merge
 * key by key, a null removes a key, and anything else replaces the value
 * (arrays are replaced whole, never merged). Scenario overlays (--patch
 * files, upgrade steps, and --set, which is turned into a one-key patch)
 * all go through this one function.
 *
 * Ownership: merge_patch() never changes its arguments; it returns a new
 * reference the caller must json_decref().
 */
#ifndef COSTPLAN_MERGE_PATCH_H
#define COSTPLAN_MERGE_PATCH_H

#include <jansson.h>

/* MergePatch(target, patch) as RFC 7386 section 2 defines it. target may be
 * NULL (treated as absent). Never returns NULL. */
json_t *merge_patch(const json_t *target, const json_t *patch);

#endif
