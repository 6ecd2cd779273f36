/*
 * upgrades.c - read the upgrade steps (scenarios/upgrades/NN-<id>.json),
 * check their shape with located messages, apply --assume overrides, and
 * apply a step to a document (see upgrades.h).
 */
#include "model/upgrades.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/assumptions.h"
#include "model/docpath.h"
#include "model/overlay.h"
#include "model/scenario.h"
#include "util/error.h"
#include "util/strings.h"

static const char *const STEP_KEYS[] = {"title",   "kind",      "order",       "signal",
					"rationale", "replaces", "assumptions", "variants",
					"patch",   "$comment",  NULL};
static const char *const ASSUMPTION_KEYS[] = {"path", "value", "unit", "source", "assumption",
					      NULL};



static char *get_str(struct json_errors *c, json_t *root, const char *key, int required)
{
	json_t *v = json_object_get(root, key);
	if (!v) {
		if (required)
			json_error(c, NULL, "an upgrade step needs \"%s\" (a string)", key);
		return NULL;
	}
	if (!json_is_string(v) || (required && json_string_length(v) == 0)) {
		json_error(c, key, "\"%s\" must be a non-empty string", key);
		return NULL;
	}
	return xstrdup(json_string_value(v));
}

static char *id_of(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	if (b[0] >= '0' && b[0] <= '9' && b[1] >= '0' && b[1] <= '9' && b[2] == '-')
		b += 3;
	const char *e = strrchr(b, '.');
	return xstrndup(b, e && e != b ? (size_t)(e - b) : strlen(b));
}

void upgrade_step_release(struct upgrade_step *st)
{
	free(st->id);
	free(st->file);
	free(st->title);
	free(st->signal);
	free(st->rationale);
	free(st->replaces);
	json_decref(st->patch);
	for (size_t i = 0; i < st->nassumptions; i++) {
		struct upgrade_assumption *a = &st->assumptions[i];
		free(a->key);
		free(a->path);
		json_decref(a->value);
		free(a->unit);
		free(a->source);
	}
	free(st->assumptions);
	for (size_t i = 0; i < st->nvariants; i++) {
		free(st->variants[i].label);
		json_decref(st->variants[i].patch);
	}
	free(st->variants);
	memset(st, 0, sizeof(*st));
}

/*
 * A step's assumption named in the registry (model/assumptions.h) takes its
 * value, unit and source from there, so `--assume NAME`, the attribute's
 * default and every output agree: the step names only the path it sets,
 * which must end in the registry's attribute or usage key. Returns 1
 * (after a located error) when the step says otherwise.
 */
static int named_mismatch(struct json_errors *c, const char *dp, const struct assumption *named,
			  json_t *a)
{
	char where[700], want[160];
	const char *path = json_string_value(json_object_get(a, "path"));
	const char *dot = strrchr(path, '.');
	int bad = 0;
	snprintf(want, sizeof(want), "%s.", named->usage ? "usage" : "resource");
	if (strncmp(path, want, strlen(want)) != 0 || !dot || strcmp(dot + 1, named->key) != 0) {
		snprintf(where, sizeof(where), "%s.path", dp);
		json_error(c, where,
		           "assumption %s sets the %s %s of a resource (a path %s<type>.<name>.%s), not "
		           "%s",
		           named->name, named->usage ? "usage key" : "attribute", named->key, want,
		           named->key, path);
		bad = 1;
	}
	json_t *v = json_object_get(a, "value");
	json_t *def = docpath_value(named->value);
	if (v && !json_equal(v, def) &&
	    !(json_is_number(v) && json_number_value(v) == json_number_value(def))) {
		snprintf(where, sizeof(where), "%s.value", dp);
		json_error(c, where,
		           "assumption %s is costplan's named assumption with the value %s: leave "
		           "\"value\" out (override it with --assume %s=VALUE)",
		           named->name, named->value, named->name);
		bad = 1;
	}
	json_decref(def);
	static const char *const REGISTRY[] = {"source", "unit", NULL};
	for (int i = 0; REGISTRY[i]; i++) {
		json_t *t = json_object_get(a, REGISTRY[i]);
		const char *want_text = i == 0 ? named->source : named->unit;
		if (t && (!json_is_string(t) || strcmp(json_string_value(t), want_text) != 0)) {
			snprintf(where, sizeof(where), "%s.%s", dp, REGISTRY[i]);
			json_error(c, where,
			           "assumption %s is costplan's named assumption: its %s comes with "
			           "it (`costplan upgrades` shows it); leave \"%s\" out",
			           named->name, REGISTRY[i], REGISTRY[i]);
			bad = 1;
		}
	}
	return bad;
}

int upgrade_step_load(const char *path, struct upgrade_step *out)
{
	json_t *root;
	struct json_pos *pos;
	char sbuf[128], dp[512];
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = scenario_read_json(path, &root, &pos)))
		return rc;
	struct json_errors c = {.file = path, .pos = pos};
	out->file = xstrdup(path);
	out->id = id_of(path);
	if (!json_is_object(root)) {
		json_error(&c, NULL, "an upgrade step must be a JSON object");
		goto done;
	}
	const char *key;
	json_t *v;
	json_object_foreach(root, key, v) {
		int known = 0;
		for (int i = 0; STEP_KEYS[i]; i++)
			known |= strcmp(STEP_KEYS[i], key) == 0;
		if (!known) {
			const char *near = nearest_word(key, STEP_KEYS);
			json_error(&c, key, "unknown key \"%s\" in an upgrade step%s%s%s",
			     cp_sanitize(key, sbuf, sizeof(sbuf)), near ? "; did you mean \"" : "",
			     near ? near : "", near ? "\"?" : "");
		}
	}
	out->title = get_str(&c, root, "title", 1);
	out->signal = get_str(&c, root, "signal", 1);
	out->rationale = get_str(&c, root, "rationale", 1);
	out->replaces = get_str(&c, root, "replaces", 0);
	v = json_object_get(root, "kind");
	if (!v || !json_is_string(v) ||
	    (strcmp(json_string_value(v), "step") != 0 &&
	     strcmp(json_string_value(v), "alternative") != 0))
		json_error(&c, v ? "kind" : NULL, "\"kind\" must be \"step\" or \"alternative\"");
	else
		out->kind = strcmp(json_string_value(v), "step") == 0 ? UPGRADE_STEP
								      : UPGRADE_ALTERNATIVE;
	v = json_object_get(root, "order");
	if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 99)
		json_error(&c, v ? "order" : NULL, "\"order\" must be a whole number from 1 to 99");
	else
		out->order = (int)json_integer_value(v);
	v = json_object_get(root, "patch");
	if (!json_is_object(v))
		json_error(&c, v ? "patch" : NULL,
		     "\"patch\" must be a JSON merge patch (an object shaped like a scenario)");
	else
		out->patch = json_incref(v);

	json_t *as = json_object_get(root, "assumptions");
	if (as && !json_is_object(as))
		json_error(&c, "assumptions", "\"assumptions\" must be an object keyed by name");
	const char *akey;
	json_t *a;
	if (json_is_object(as))
		json_object_foreach(as, akey, a) {
			snprintf(dp, sizeof(dp), "assumptions.%s", akey);
			const struct assumption *named = assumption_find(akey);
			if (!json_is_object(a) || !json_is_string(json_object_get(a, "path")) ||
			    (!named && (!json_object_get(a, "value") ||
					!json_is_string(json_object_get(a, "source"))))) {
				json_error(&c, dp,
				     "assumption \"%s\" needs \"path\", \"value\" and \"source\" "
				     "(and optionally \"unit\", \"assumption\")",
				     cp_sanitize(akey, sbuf, sizeof(sbuf)));
				continue;
			}
			const char *k2;
			json_t *v2;
			json_object_foreach(a, k2, v2) {
				int known = 0;
				for (int i = 0; ASSUMPTION_KEYS[i]; i++)
					known |= strcmp(ASSUMPTION_KEYS[i], k2) == 0;
				if (!known) {
					char dp2[700];
					snprintf(dp2, sizeof(dp2), "%s.%s", dp, k2);
					json_error(&c, dp2, "unknown key \"%s\" in assumption %s",
					     cp_sanitize(k2, sbuf, sizeof(sbuf)), akey);
				}
			}
			if (named && named_mismatch(&c, dp, named, a))
				continue;
			out->assumptions = xrealloc(out->assumptions,
						    (out->nassumptions + 1) * sizeof(*out->assumptions));
			struct upgrade_assumption *x = &out->assumptions[out->nassumptions++];
			memset(x, 0, sizeof(*x));
			x->key = xstrdup(akey);
			x->path = xstrdup(json_string_value(json_object_get(a, "path")));
			if (named) {
				/* costplan's named assumption: one value, unit and source */
				x->value = docpath_value(named->value);
				x->source = xstrdup(named->source);
				x->unit = xstrdup(named->unit);
				x->assumption = true;
				continue;
			}
			x->value = json_deep_copy(json_object_get(a, "value"));
			x->source = xstrdup(json_string_value(json_object_get(a, "source")));
			json_t *u = json_object_get(a, "unit");
			x->unit = xstrdup(json_is_string(u) ? json_string_value(u) : "");
			json_t *isa = json_object_get(a, "assumption");
			x->assumption = !isa || json_is_true(isa);
		}

	json_t *vs = json_object_get(root, "variants");
	if (vs && !json_is_array(vs))
		json_error(&c, "variants", "\"variants\" must be a list of {\"label\", \"patch\"}");
	size_t i;
	json_t *e;
	if (json_is_array(vs))
		json_array_foreach(vs, i, e) {
			snprintf(dp, sizeof(dp), "variants[%zu]", i);
			if (!json_is_object(e) || !json_is_string(json_object_get(e, "label")) ||
			    !json_is_object(json_object_get(e, "patch"))) {
				json_error(&c, dp, "a variant needs \"label\" (a string) and \"patch\" (an object)");
				continue;
			}
			out->variants = xrealloc(out->variants,
						 (out->nvariants + 1) * sizeof(*out->variants));
			out->variants[out->nvariants].label =
				xstrdup(json_string_value(json_object_get(e, "label")));
			out->variants[out->nvariants].patch = json_incref(json_object_get(e, "patch"));
			out->nvariants++;
		}
done:
	json_decref(root);
	json_pos_free(pos);
	if (c.errors) {
		upgrade_step_release(out);
		return CP_EXIT_DATA;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_kind_order(const void *a, const void *b)
{
	const struct upgrade_step *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind == UPGRADE_STEP ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->id, y->id);
}

int upgrades_load(const char *dir, struct upgrade_set *out)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->dir = xstrdup(dir);
	if (!(d = opendir(dir))) {
		rc = cp_error(CP_EXIT_DATA, "%s: cannot read the upgrade steps folder", dir);
		free(out->dir);
		out->dir = NULL;
		return rc;
	}
	while ((de = readdir(d))) {
		const char *nm = de->d_name;
		size_t len = strlen(nm);
		if (len < 9 || !(nm[0] >= '0' && nm[0] <= '9') || !(nm[1] >= '0' && nm[1] <= '9') ||
		    nm[2] != '-' || strcmp(nm + len - 5, ".json") != 0)
			continue;
		names = xrealloc(names, (n + 1) * sizeof(char *));
		names[n++] = xasprintf("%s/%s", dir, nm);
	}
	closedir(d);
	if (n == 0) {
		free(names);
		free(out->dir);
		out->dir = NULL;
		return cp_error(CP_EXIT_DATA, "%s: no upgrade steps (NN-<id>.json files)", dir);
	}
	qsort(names, n, sizeof(char *), by_name);
	out->steps = xcalloc(n, sizeof(*out->steps));
	for (size_t i = 0; i < n; i++) {
		int r = upgrade_step_load(names[i], &out->steps[out->n]);
		if (r) {
			rc = rc ? rc : r;
			continue;
		}
		for (size_t j = 0; j < out->n; j++)
			if (strcmp(out->steps[j].id, out->steps[out->n].id) == 0)
				rc = cp_error(CP_EXIT_DATA, "%s: step id \"%s\" is used twice", names[i],
					      out->steps[j].id);
		out->n++;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (rc) {
		upgrades_release(out);
		return rc;
	}
	qsort(out->steps, out->n, sizeof(*out->steps), by_kind_order);
	for (size_t i = 0; i < out->n; i++)
		if (out->steps[i].kind == UPGRADE_STEP)
			out->nsteps++;
	return 0;
}

void upgrades_release(struct upgrade_set *u)
{
	for (size_t i = 0; i < u->n; i++)
		upgrade_step_release(&u->steps[i]);
	free(u->steps);
	free(u->dir);
	memset(u, 0, sizeof(*u));
}

struct upgrade_step *upgrades_find(struct upgrade_set *u, const char *id)
{
	for (size_t i = 0; i < u->n; i++)
		if (strcmp(u->steps[i].id, id) == 0)
			return &u->steps[i];
	return NULL;
}

int upgrades_assume(struct upgrade_set *u, const char *arg)
{
	char sbuf[200];
	const char *eq = strchr(arg, '=');
	cp_sanitize(arg, sbuf, sizeof(sbuf));
	if (!eq || eq == arg)
		return cp_error(CP_EXIT_USAGE,
				"--assume %s: write --assume KEY=VALUE (or STEP.KEY=VALUE); "
				"`costplan upgrades` lists the assumptions",
				sbuf);
	char *key = xstrndup(arg, (size_t)(eq - arg));
	char *step = NULL;
	char *dot = strchr(key, '.');
	const char *k = key;
	if (dot) {
		*dot = '\0';
		step = key;
		k = dot + 1;
	}
	int hits = 0;
	const char **cands = xcalloc(1, sizeof(char *));
	size_t nc = 0;
	for (size_t i = 0; i < u->n; i++) {
		struct upgrade_step *st = &u->steps[i];
		for (size_t j = 0; j < st->nassumptions; j++) {
			struct upgrade_assumption *a = &st->assumptions[j];
			cands = xrealloc(cands, (nc + 2) * sizeof(char *));
			cands[nc++] = a->key;
			cands[nc] = NULL;
			if (strcmp(a->key, k) != 0 || (step && strcmp(st->id, step) != 0))
				continue;
			json_t *nv = docpath_value(eq + 1);
			if (json_is_number(a->value) && !json_is_number(nv)) {
				json_decref(nv);
				free(cands);
				free(key);
				return cp_error(CP_EXIT_USAGE, "--assume %s: %s must be a number", sbuf,
						a->key);
			}
			json_decref(a->value);
			a->value = nv;
			a->overridden = true;
			hits++;
		}
	}
	int rc = 0;
	if (!hits) {
		const char *near = nearest_word(k, cands);
		rc = cp_error(CP_EXIT_USAGE, "--assume %s: no assumption \"%s\"%s%s%s%s%s", sbuf, k,
			      step ? " in step " : "", step ? step : "",
			      near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
	}
	free(cands);
	free(key);
	return rc;
}

int upgrade_step_apply(const struct upgrade_step *st, int variant, json_t **doc)
{
	char err[1024];
	int rc = overlay_apply_patch(doc, st->patch, st->file, NULL);
	for (size_t i = 0; rc == 0 && i < st->nassumptions; i++) {
		const struct upgrade_assumption *a = &st->assumptions[i];
		json_t *p = NULL;
		rc = docpath_set_patch(*doc, a->path, a->value, &p, err, sizeof(err));
		if (rc) {
			cp_error(rc, "%s: assumption %s: %s", st->file, a->key, err);
			break;
		}
		char *label = xasprintf("%s: assumption %s", st->file, a->key);
		rc = overlay_apply_patch(doc, p, label, NULL);
		free(label);
		json_decref(p);
	}
	if (rc == 0 && variant >= 0 && (size_t)variant < st->nvariants) {
		char *label = xasprintf("%s: variant \"%s\"", st->file, st->variants[variant].label);
		rc = overlay_apply_patch(doc, st->variants[variant].patch, label, NULL);
		free(label);
	}
	return rc;
}
