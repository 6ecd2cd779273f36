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
#include "model/merge_patch.h"
#include "model/upgrades.h"
#include "util/error.h"
#include "util/strings.h"

/* Validate a document; the scenario built is thrown away. */
static int validate(json_t *doc, const char *label, const struct json_pos *pos)
{
	struct scenario s;
	int rc = scenario_from_json(doc, label, pos, &s);
	if (rc == 0)
		scenario_release(&s);
	return rc;
}

int overlay_apply_patch(json_t **doc, const json_t *patch, const char *label,
			const struct json_pos *pos)
{
	char sbuf[128];
	if (!json_is_object(patch)) {
		struct cp_loc loc = {label, 0, 0};
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
		json_pos_find(pos, key, &loc.line, &loc.col);
		const char *near = nearest_word(key, SCENARIO_KEYS);
		cp_error_at(CP_EXIT_DATA, &loc, "a patch key must be a scenario key; \"%s\" is not%s%s%s",
			    cp_sanitize(key, sbuf, sizeof(sbuf)), near ? " (did you mean \"" : "",
			    near ? near : "", near ? "\"?)" : "");
		bad++;
	}
	if (bad)
		return CP_EXIT_DATA;
	json_t *next = merge_patch(*doc, patch);
	int rc = validate(next, label, pos);
	if (rc) {
		json_decref(next);
		return rc;
	}
	json_decref(*doc);
	*doc = next;
	return 0;
}

static int apply_set(json_t **doc, const char *arg, char **note)
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
		rc = overlay_apply_patch(doc, patch, label, NULL);
		free(label);
	}
	if (rc == 0 && note)
		*note = xasprintf("what-if: --set %s applied", sbuf);
	json_decref(patch);
	json_decref(value);
	free(path);
	return rc;
}

static int apply_file(json_t **doc, const char *file, char **note)
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
		rc = upgrade_step_load(file, &st);
		if (rc == 0) {
			rc = upgrade_step_apply(&st, -1, doc);
			if (rc == 0 && note)
				*note = xasprintf("what-if: --patch %s applied (upgrade step \"%s\")",
						  file, st.title);
			upgrade_step_release(&st);
		}
	} else {
		rc = overlay_apply_patch(doc, patch, file, pos);
		if (rc == 0 && note)
			*note = xasprintf("what-if: --patch %s applied",
					  strcmp(file, "-") == 0 ? "(stdin)" : file);
	}
	json_decref(patch);
	json_pos_free(pos);
	return rc;
}

int overlay_apply(json_t **doc, const struct overlay *ov, char **note)
{
	if (note)
		*note = NULL;
	if (ov->kind == OVERLAY_SET)
		return apply_set(doc, ov->arg, note);
	return apply_file(doc, ov->arg, note);
}

int doc_load_overlaid(const char *path, const struct overlay *ov, size_t n, json_t **doc,
		      char ***notes, size_t *nnotes)
{
	struct json_pos *pos;
	int rc;

	*doc = NULL;
	*notes = NULL;
	*nnotes = 0;
	if ((rc = scenario_read_json(path, doc, &pos)))
		return rc;
	/* the file itself first, with its own line numbers */
	rc = validate(*doc, path, pos);
	json_pos_free(pos);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char *note = NULL;
		rc = overlay_apply(doc, &ov[i], &note);
		if (note) {
			*notes = xrealloc(*notes, (*nnotes + 1) * sizeof(char *));
			(*notes)[(*nnotes)++] = note;
		}
	}
	if (rc) {
		for (size_t i = 0; i < *nnotes; i++)
			free((*notes)[i]);
		free(*notes);
		*notes = NULL;
		*nnotes = 0;
		json_decref(*doc);
		*doc = NULL;
	}
	return rc;
}

int scenario_from_doc(json_t *doc, const char *label, struct scenario *out)
{
	return scenario_from_json(doc, label, NULL, out);
}

int scenario_load_overlaid(const char *path, const struct overlay *ov, size_t n,
			   struct scenario *out)
{
	json_t *doc;
	char **notes;
	size_t nnotes;
	memset(out, 0, sizeof(*out));
	if (n == 0)
		return scenario_load(path, out);
	int rc = doc_load_overlaid(path, ov, n, &doc, &notes, &nnotes);
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
