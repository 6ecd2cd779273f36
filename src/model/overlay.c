/*
 * overlay.c - apply --set and --patch overlays to a scenario document and
 * validate after each one, so a problem is reported against the overlay
 * that caused it (see overlay.h).
 */
#include "model/overlay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/docpath.h"
#include "model/input.h"
#include "model/merge_patch.h"
#include "model/upgrades.h"
#include "util/error.h"
#include "util/strings.h"

int overlay_validate(json_t *doc, const char *file, const struct json_pos *layer)
{
	struct scenario s;
	int rc = scenario_from_json(doc, file, layer, &s);
	if (rc == 0)
		scenario_release(&s);
	return rc;
}

/* Record in layer every path the patch sets (its leaves), under prefix. */
static void record_origins(struct json_pos *layer, size_t src, const json_t *patch, char *prefix,
			   size_t plen, int depth)
{
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)patch, k, v) {
		size_t kl = strlen(k);
		if (plen + kl + 2 >= 1024)
			continue;
		size_t n = plen;
		if (n)
			prefix[n++] = '.';
		memcpy(prefix + n, k, kl + 1);
		if (json_is_object(v) && json_object_size(v) > 0 && depth < 16)
			record_origins(layer, src, v, prefix, n + kl, depth + 1);
		else
			json_pos_origin(layer, src, prefix, json_is_null(v));
		prefix[plen] = '\0';
	}
}

int overlay_merge(json_t **doc, const json_t *patch, const char *label,
		  const struct json_pos *ppos, bool take, struct json_pos *layer)
{
	char sbuf[128];
	if (!json_is_object(patch)) {
		struct cp_loc loc = {label, 0, 0};
		if (take)
			json_pos_free((struct json_pos *)ppos);
		return cp_error_at(CP_EXIT_DATA, &loc,
				   "a merge patch must be a JSON object shaped like a scenario "
				   "({\"resource\": {...}, \"usage\": {...}})");
	}
	const char *key;
	json_t *val;
	int bad = 0;
	json_object_foreach((json_t *)patch, key, val) {
		int known = 0;
		for (int i = 0; SCENARIO_KEYS[i]; i++)
			if (strcmp(SCENARIO_KEYS[i], key) == 0)
				known = 1;
		if (known)
			continue;
		struct cp_loc loc = {label, 0, 0};
		json_pos_find(ppos, key, &loc.line, &loc.col);
		const char *near = nearest_word(key, SCENARIO_KEYS);
		cp_error_at(CP_EXIT_DATA, &loc, "a patch key must be a scenario key; \"%s\" is not%s%s%s",
			    cp_sanitize(key, sbuf, sizeof(sbuf)), near ? " (did you mean \"" : "",
			    near ? near : "", near ? "\"?)" : "");
		bad++;
	}
	if (bad) {
		if (take)
			json_pos_free((struct json_pos *)ppos);
		return CP_EXIT_DATA;
	}
	json_t *next = merge_patch(*doc, patch);
	json_decref(*doc);
	*doc = next;
	if (layer) {
		char prefix[1024] = "";
		size_t src = json_pos_source(layer, label, ppos, take);
		record_origins(layer, src, patch, prefix, 0, 0);
	} else if (take) {
		json_pos_free((struct json_pos *)ppos);
	}
	return 0;
}

int overlay_apply_patch(json_t **doc, const json_t *patch, const char *label,
			const struct json_pos *pos)
{
	json_t *work = json_incref(*doc);
	struct json_pos *layer = json_pos_layer(NULL);
	int rc = overlay_merge(&work, patch, label, pos, false, layer);
	if (rc == 0)
		rc = overlay_validate(work, label, layer);
	json_pos_free(layer);
	if (rc) {
		json_decref(work);
		return rc;
	}
	json_decref(*doc);
	*doc = work;
	return 0;
}

static int apply_set(json_t **doc, const char *arg, char **note, struct json_pos *layer)
{
	char sbuf[200], err[1024];
	const char *eq = strchr(arg, '=');
	cp_sanitize(arg, sbuf, sizeof(sbuf));
	if (!eq || eq == arg)
		return cp_error(CP_EXIT_USAGE,
				"--set %s: write --set PATH=VALUE, e.g. --set "
				"resource.aws_ecs_service.api.desired_count=2",
				sbuf);
	char *path = xstrndup(arg, (size_t)(eq - arg));
	json_t *value = docpath_value(eq + 1);
	json_t *patch = NULL;
	int rc = docpath_set_patch(*doc, path, value, &patch, err, sizeof(err));
	if (rc) {
		cp_error(rc, "--set %s: %s", sbuf, err);
	} else {
		char *label = xasprintf("--set %s", sbuf);
		rc = overlay_merge(doc, patch, label, NULL, false, layer);
		free(label);
	}
	if (rc == 0 && note)
		*note = xasprintf("what-if: --set %s applied", sbuf);
	json_decref(patch);
	json_decref(value);
	free(path);
	return rc;
}

static int apply_file(json_t **doc, const char *file, char **note, struct json_pos *layer)
{
	json_t *patch;
	struct json_pos *pos;
	int rc = scenario_read_json(file, &patch, &pos);
	if (rc)
		return rc;
	if (json_is_object(patch) && json_is_object(json_object_get(patch, "patch")) &&
	    json_object_get(patch, "title")) {
		/* an upgrade step file: its patch and its assumptions */
		struct upgrade_step st;
		json_pos_free(pos);
		rc = upgrade_step_load(file, &st);
		if (rc == 0) {
			rc = upgrade_step_merge(&st, -1, doc, layer);
			if (rc == 0 && note)
				*note = xasprintf("what-if: --patch %s applied (upgrade step \"%s\")",
						  file, st.title);
			upgrade_step_release(&st);
		}
	} else {
		const char *label = strcmp(file, "-") == 0 ? "(stdin)" : file;
		rc = overlay_merge(doc, patch, label, pos, true, layer);
		if (rc == 0 && note)
			*note = xasprintf("what-if: --patch %s applied", label);
	}
	json_decref(patch);
	return rc;
}

/* One overlay, merged into *doc and recorded in layer; not validated. */
static int overlay_one(json_t **doc, const struct overlay *ov, char **note, struct json_pos *layer)
{
	if (note)
		*note = NULL;
	if (ov->kind == OVERLAY_SET)
		return apply_set(doc, ov->arg, note, layer);
	return apply_file(doc, ov->arg, note, layer);
}

static void scale_numbers(json_t *o, double f, int depth)
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		if (json_is_object(v) && depth < 8)
			scale_numbers(v, f, depth + 1);
		else if (json_is_number(v))
			json_object_set_new(o, k, json_real(json_number_value(v) * f));
	}
}

void overlay_scale_usage(json_t *doc, double f)
{
	json_t *u = json_object_get(doc, "usage");
	if (json_is_object(u))
		scale_numbers(u, f, 0);
}

char *overlay_scale_note(double f)
{
	return xasprintf("what-if: --scale-usage %g applied: every usage figure (the scenario's "
			 "and a usage file's) multiplied by %g",
			 f, f);
}

int overlay_apply_all(json_t **doc, const char *file, const struct json_pos *pos,
		      const struct whatif *w, char ***notes, size_t *nnotes)
{
	json_t *work = json_incref(*doc);
	struct json_pos *layer = json_pos_layer(pos);
	char **nv = NULL;
	size_t nn = 0;
	int rc = 0;
	for (size_t i = 0; rc == 0 && w && i < w->n; i++) {
		char *note = NULL;
		rc = overlay_one(&work, &w->ov[i], notes ? &note : NULL, layer);
		if (note) {
			nv = xrealloc(nv, (nn + 1) * sizeof(char *));
			nv[nn++] = note;
		}
	}
	if (rc == 0 && w && w->scale_usage > 0) {
		/* a copy: the caller's document may be shared */
		json_t *scaled = json_deep_copy(work);
		json_decref(work);
		work = scaled;
		overlay_scale_usage(work, w->scale_usage);
		if (notes) {
			nv = xrealloc(nv, (nn + 1) * sizeof(char *));
			nv[nn++] = overlay_scale_note(w->scale_usage);
		}
	}
	/* one validation, of the final document */
	if (rc == 0)
		rc = overlay_validate(work, file, layer);
	json_pos_free(layer);
	if (rc) {
		for (size_t i = 0; i < nn; i++)
			free(nv[i]);
		free(nv);
		json_decref(work);
		return rc;
	}
	json_decref(*doc);
	*doc = work;
	if (notes) {
		*notes = nv;
		*nnotes = nn;
	}
	return 0;
}

int doc_load_overlaid(const char *path, const struct plan_opts *po, const struct whatif *w,
		      json_t **doc, char ***notes, size_t *nnotes)
{
	struct json_pos *pos;
	int rc;

	*doc = NULL;
	*notes = NULL;
	*nnotes = 0;
	if ((rc = input_scenario_doc(path, po, doc, &pos)))
		return rc;
	/* the overlays, then one validation with the file's line numbers */
	rc = overlay_apply_all(doc, path, pos, w, notes, nnotes);
	json_pos_free(pos);
	if (rc) {
		json_decref(*doc);
		*doc = NULL;
	}
	return rc;
}

int scenario_from_doc(json_t *doc, const char *label, struct scenario *out)
{
	return scenario_from_json(doc, label, NULL, out);
}

int scenario_load_overlaid(const char *path, const struct plan_opts *po, const struct whatif *w,
			   struct scenario *out)
{
	json_t *doc;
	char **notes;
	size_t nnotes;
	memset(out, 0, sizeof(*out));
	if (!w || (w->n == 0 && !(w->scale_usage > 0))) {
		/* nothing to overlay: validate once, with the file's positions */
		struct json_pos *pos;
		int rc = input_scenario_doc(path, po, &doc, &pos);
		if (rc)
			return rc;
		rc = scenario_from_json(doc, path, pos, out);
		json_pos_free(pos);
		json_decref(doc);
		return rc;
	}
	int rc = doc_load_overlaid(path, po, w, &doc, &notes, &nnotes);
	if (rc)
		return rc;
	rc = scenario_from_doc(doc, path, out);
	for (size_t i = 0; i < nnotes; i++) {
		if (rc == 0)
			scenario_add_note(out, notes[i]);
		free(notes[i]);
	}
	free(notes);
	json_decref(doc);
	return rc;
}
