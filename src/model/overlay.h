/*
 * overlay.h - what-if overlays on a scenario document: --set and --patch.
 *
 * Overlays are applied in the order given, to the document, before it is
 * validated into a scenario (scenario_from_json), so every command that
 * loads a scenario gets them and the pricers never know. Each overlay is
 * validated as it is applied, so an error names the overlay at fault:
 *
 *   costplan: --set resource.aws_ecs_service.apii.desired_count=2: no
 *     resource aws_ecs_service.apii; nearest valid path:
 *     resource.aws_ecs_service.api.desired_count
 *   costplan: plus-one.json:4:22: desired_count must be a whole number ...
 *
 * Each applied overlay yields a note ("--set ... applied") that the caller
 * records with scenario_add_note(), so outputs say what was changed.
 *
 * Ownership: struct overlay borrows its strings (argv); functions that
 * return json_t * / char * hand back new references / allocations.
 */
#ifndef COSTPLAN_OVERLAY_H
#define COSTPLAN_OVERLAY_H

#include <jansson.h>
#include <stddef.h>

#include "model/scenario.h"

enum overlay_kind {
	OVERLAY_SET,   /* arg = "PATH=VALUE" */
	OVERLAY_PATCH, /* arg = a merge-patch file */
};

struct overlay {
	enum overlay_kind kind;
	const char *arg;
};

/*
 * Apply one overlay to *doc (replaced by the patched document on success).
 * Returns 0, or an exit code after printing a located message; *doc is
 * unchanged on error. *note (may be NULL) gets a new string describing it.
 */
int overlay_apply(json_t **doc, const struct overlay *ov, char **note);

/*
 * Apply a merge patch held in memory (an upgrade step, a compare variant),
 * validating the result. label names it in messages; pos (may be NULL) maps
 * the patch's own text for line numbers. Same contract as overlay_apply.
 */
int overlay_apply_patch(json_t **doc, const json_t *patch, const char *label,
			const struct json_pos *pos);

/*
 * Load path, validate it, apply overlays in order and build the scenario,
 * with one note per overlay. Returns 0 or an exit code (message printed).
 */
int scenario_load_overlaid(const char *path, const struct overlay *ov, size_t n,
			   struct scenario *out);

/*
 * The overlaid document itself, for commands that patch it further
 * (upgrades, compare): *doc is a new reference, and *notes (n of them,
 * caller frees each and the array) say which overlays were applied.
 */
int doc_load_overlaid(const char *path, const struct overlay *ov, size_t n, json_t **doc,
		      char ***notes, size_t *nnotes);

/* Build a scenario from an already overlaid document (borrowed). */
int scenario_from_doc(json_t *doc, const char *label, struct scenario *out);

#endif
