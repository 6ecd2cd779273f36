/*
 * overlay.h - what-if overlays on a scenario document: --set and --patch.
 *
 * Overlays are applied in the order given, to the document, before it is
 * validated into a scenario (scenario_from_json), so every command that
 * loads a scenario gets them and the pricers never know. The document is
 * validated once, after every overlay: what-ifs compose (--set cpu=1024
 * --set memory=2048 is one change, whatever the order), and each problem
 * describes the final document. A problem with a value an overlay set names
 * that overlay (json_pos.h keeps a layer of which overlay set which path):
 *
 *   costplan: --set resource.aws_ecs_service.apii.desired_count=2: no
 *     resource aws_ecs_service.apii; nearest valid path:
 *     resource.aws_ecs_service.api.desired_count
 *   costplan: plus-one.json:4:22: desired_count must be a whole number ...
 *   costplan: baseline.json:52:9: memory 512 ... (after --set ...cpu=1024)
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
#include <stdbool.h>
#include <stddef.h>

#include "model/scenario.h"

struct plan_opts;

enum overlay_kind {
	OVERLAY_SET,   /* arg = "PATH=VALUE" */
	OVERLAY_PATCH, /* arg = a merge-patch file */
};

struct overlay {
	enum overlay_kind kind;
	const char *arg;
};

/*
 * Every what-if of a command line: the overlays in order, then
 * --scale-usage, which multiplies every usage figure of the document (the
 * "usage" section, after the overlays: figures set with --set are scaled
 * too). scale_usage 0 means none (1 is a no-op all the same).
 */
struct whatif {
	const struct overlay *ov;
	size_t n;
	double scale_usage;
};

/*
 * Apply w's overlays to *doc in order, then its usage scale, then validate
 * the result once;
 * file and pos (both borrowed, pos may be NULL) name the document and its
 * positions for messages. Returns 0, or an exit code after printing located
 * messages; *doc is unchanged on error. With notes non-NULL, one new string
 * per overlay applied (caller frees each and the array).
 */
int overlay_apply_all(json_t **doc, const char *file, const struct json_pos *pos,
		      const struct whatif *w, char ***notes, size_t *nnotes);

/* Multiply every number under doc's "usage" by f (in place). */
void overlay_scale_usage(json_t *doc, double f);
/* The note that says so ("what-if: --scale-usage 2 applied: ..."). New string. */
char *overlay_scale_note(double f);

/*
 * Merge one patch into *doc without validating (its top-level keys are
 * checked): the building block of the above. label names it; ppos (may be
 * NULL) maps the patch's own text, and is taken over when take. layer (may
 * be NULL) records the paths the patch sets (json_pos_layer).
 */
int overlay_merge(json_t **doc, const json_t *patch, const char *label,
		  const struct json_pos *ppos, bool take, struct json_pos *layer);

/* Validate a document; layer (may be NULL) locates problems. 0 or CP_EXIT_DATA. */
int overlay_validate(json_t *doc, const char *file, const struct json_pos *layer);

/*
 * Apply a merge patch held in memory (an upgrade step, a compare variant),
 * validating the result. label names it in messages; pos (may be NULL) maps
 * the patch's own text for line numbers. Same contract as overlay_apply.
 */
int overlay_apply_patch(json_t **doc, const json_t *patch, const char *label,
			const struct json_pos *pos);

/*
 * Load path, apply overlays in order, validate once and build the scenario,
 * with one note per overlay. path is any input (model/input.h): a scenario,
 * a plan, a state or a Terraform directory, read with po (may be NULL) and
 * turned into one scenario document by input_scenario_doc(). Returns 0 or
 * an exit code (message printed).
 */
int scenario_load_overlaid(const char *path, const struct plan_opts *po, const struct whatif *w,
			   struct scenario *out);

/*
 * The overlaid document itself, for commands that patch it further
 * (upgrades, compare): *doc is a new reference, and *notes (n of them,
 * caller frees each and the array) say which overlays were applied.
 */
int doc_load_overlaid(const char *path, const struct plan_opts *po, const struct whatif *w,
		      json_t **doc, char ***notes, size_t *nnotes);

/* Build a scenario from an already overlaid document (borrowed). */
int scenario_from_doc(json_t *doc, const char *label, struct scenario *out);

#endif
