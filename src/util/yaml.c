/*
 * yaml.c - see yaml.h. A recursive descent over libyaml's events (its
 * parser keeps no tree), bounded in depth, so the recursion is too.
 */
#include "util/yaml.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util/error.h"

#define MAX_PATH 1024

struct yp {
	yaml_parser_t p;
	const char *file;
	struct json_pos *pos;
	json_t *anchors; /* name -> [node, values it stands for] */
	size_t values;   /* counted so far, aliases expanded */
	bool failed;
};

static int fail_at(struct yp *y, yaml_mark_t m, const char *fmt, ...) CP_PRINTF(3, 4);
static int fail_at(struct yp *y, yaml_mark_t m, const char *fmt, ...)
{
	va_list ap;
	struct cp_loc loc = {y->file, (int)m.line + 1, (int)m.column + 1};
	if (y->failed)
		return -1;
	y->failed = true;
	va_start(ap, fmt);
	cp_verror_at(CP_EXIT_DATA, &loc, fmt, ap);
	va_end(ap);
	return -1;
}

/* The next event; -1 (message printed) on a syntax error. */
static int next(struct yp *y, yaml_event_t *ev)
{
	if (yaml_parser_parse(&y->p, ev))
		return 0;
	char b1[200], b2[200];
	const char *problem = y->p.problem ? y->p.problem : "not valid YAML";
	if (y->p.context)
		return fail_at(y, y->p.problem_mark, "%s %s", cp_sanitize(y->p.context, b1, sizeof(b1)),
			       cp_sanitize(problem, b2, sizeof(b2)));
	return fail_at(y, y->p.problem_mark, "%s", cp_sanitize(problem, b1, sizeof(b1)));
}

static bool count(struct yp *y, size_t n, yaml_mark_t m)
{
	y->values += n;
	if (y->values <= YAML_MAX_VALUES)
		return true;
	fail_at(y, m,
		"more than %d values (aliases counted as what they stand for): not a usage file "
		"costplan reads",
		YAML_MAX_VALUES);
	return false;
}

/* Only digits (and '_' between them), after an optional sign. */
static bool digits(const char *s, const char *set)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!strchr(set, *s) && *s != '_')
			return false;
	return true;
}

/* YAML 1.2 core schema for a plain scalar (yaml.h). New reference. */
static json_t *plain_value(const char *s)
{
	char buf[128], *end;
	if (!*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL"))
		return json_null();
	if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE"))
		return json_true();
	if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE"))
		return json_false();
	size_t n = strlen(s);
	if (n >= sizeof(buf) || s[0] == '_')
		return json_string(s);
	/* numbers may group digits with '_' (1_000): drop them */
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '_')
			buf[o++] = s[i];
	buf[o] = '\0';
	const char *b = buf + (buf[0] == '-' || buf[0] == '+');
	int base = 0;
	if (!strncmp(b, "0x", 2) && digits(b + 2, "0123456789abcdefABCDEF"))
		base = 16;
	else if (!strncmp(b, "0o", 2) && digits(b + 2, "01234567"))
		base = 8;
	else if (digits(b, "0123456789"))
		base = 10;
	if (base) {
		errno = 0;
		long long v = strtoll(base == 10 ? b : b + 2, &end, base);
		if (!errno && !*end)
			return json_integer(buf[0] == '-' ? -v : v);
		/* too large for an integer: a real, as a JSON reader would */
		if (base != 10)
			return json_string(s);
	}
	if (strspn(b, "0123456789.eE+-") == strlen(b) && strpbrk(b, "0123456789")) {
		errno = 0;
		double d = strtod(buf, &end);
		if (!*end && isfinite(d))
			return json_real(d);
	}
	/* .inf, .nan and the like have no JSON form: kept as text, so a
	 * figure that must be a number says so */
	return json_string(s);
}

static json_t *scalar_value(struct yp *y, const yaml_event_t *ev)
{
	const char *s = (const char *)ev->data.scalar.value;
	const char *tag = (const char *)ev->data.scalar.tag;
	if (tag && !strcmp(tag, YAML_STR_TAG))
		return json_string(s);
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE && !(tag && tag[0] != '!'))
		return json_string(s);
	json_t *v = plain_value(s);
	if (tag && (!strcmp(tag, YAML_INT_TAG) || !strcmp(tag, YAML_FLOAT_TAG)) && !json_is_number(v)) {
		char b[64];
		json_decref(v);
		fail_at(y, ev->start_mark, "\"%s\" is tagged as a number but is not one",
			cp_sanitize(s, b, sizeof(b)));
		return NULL;
	}
	return v;
}

static void path_key(char *out, const char *parent, const char *key)
{
	snprintf(out, MAX_PATH, "%s%s%s", parent, parent[0] ? "." : "", key);
}

static json_t *node(struct yp *y, yaml_event_t *ev, const char *dpath, int depth, size_t *vals);

/* The anchor of a node just built: remembered with the values it holds. */
static void remember(struct yp *y, const yaml_char_t *anchor, json_t *v, size_t vals)
{
	if (anchor && v)
		json_object_set_new(y->anchors, (const char *)anchor,
				    json_pack("[OI]", v, (json_int_t)vals));
}

/* "<<": the mappings to merge (a mapping or a list of them), in order. */
static bool merge_sources(struct yp *y, json_t *v, yaml_mark_t m, json_t *into)
{
	if (json_is_object(v)) {
		json_array_append(into, v);
		return true;
	}
	size_t i;
	json_t *e;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e) {
			if (!json_is_object(e))
				break;
			json_array_append(into, e);
		}
		if (i == json_array_size(v))
			return true;
	}
	fail_at(y, m, "a merge key (<<) takes a mapping or a list of mappings");
	return false;
}

static json_t *mapping(struct yp *y, const char *dpath, int depth, size_t *vals)
{
	json_t *obj = json_object(), *merges = json_array();
	char p[MAX_PATH], b1[128];
	yaml_event_t k, v;
	for (;;) {
		if (next(y, &k))
			break;
		if (k.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&k);
			/* merged keys fill in what the mapping does not say itself */
			size_t i;
			json_t *src;
			json_array_foreach(merges, i, src) {
				const char *key;
				json_t *val;
				json_object_foreach(src, key, val)
					if (!json_object_get(obj, key))
						json_object_set(obj, key, val);
			}
			json_decref(merges);
			return obj;
		}
		if (k.type != YAML_SCALAR_EVENT) {
			fail_at(y, k.start_mark, "a key must be plain text, not a %s",
				k.type == YAML_ALIAS_EVENT ? "alias" : "list or mapping");
			yaml_event_delete(&k);
			break;
		}
		const char *key = (const char *)k.data.scalar.value;
		yaml_mark_t km = k.start_mark;
		bool is_merge = !strcmp(key, "<<") && k.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (k.data.scalar.length > YAML_MAX_SCALAR || strlen(key) != k.data.scalar.length) {
			fail_at(y, km, "a key longer than %d bytes or holding a NUL byte", YAML_MAX_SCALAR);
			yaml_event_delete(&k);
			break;
		}
		if (!is_merge && json_object_get(obj, key)) {
			fail_at(y, km, "duplicate key \"%s\"", cp_sanitize(key, b1, sizeof(b1)));
			yaml_event_delete(&k);
			break;
		}
		path_key(p, dpath, key);
		if (!is_merge)
			json_pos_add(y->pos, p, (int)km.line + 1, (int)km.column + 1);
		char *keep = xstrdup(key);
		yaml_event_delete(&k);
		json_t *val = NULL;
		size_t n = 0;
		if (next(y, &v) == 0)
			val = node(y, &v, p, depth + 1, &n);
		*vals += n;
		bool ok = val != NULL;
		if (ok && is_merge)
			ok = merge_sources(y, val, km, merges);
		else if (ok)
			json_object_set(obj, keep, val);
		json_decref(val);
		free(keep);
		if (!ok)
			break;
	}
	json_decref(merges);
	json_decref(obj);
	return NULL;
}

static json_t *sequence(struct yp *y, const char *dpath, int depth, size_t *vals)
{
	json_t *arr = json_array();
	char p[MAX_PATH];
	yaml_event_t v;
	for (size_t i = 0;; i++) {
		if (next(y, &v))
			break;
		if (v.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&v);
			return arr;
		}
		snprintf(p, sizeof(p), "%s[%zu]", dpath, i);
		json_pos_add(y->pos, p, (int)v.start_mark.line + 1, (int)v.start_mark.column + 1);
		size_t n = 0;
		json_t *e = node(y, &v, p, depth + 1, &n);
		*vals += n;
		if (!e)
			break;
		json_array_append_new(arr, e);
	}
	json_decref(arr);
	return NULL;
}

/* Build the node ev starts (ev is consumed). *vals: the values it holds. */
static json_t *node(struct yp *y, yaml_event_t *ev, const char *dpath, int depth, size_t *vals)
{
	json_t *out = NULL;
	yaml_mark_t m = ev->start_mark;
	*vals = 0;
	if (depth > YAML_MAX_DEPTH) {
		fail_at(y, m, "nested deeper than %d levels", YAML_MAX_DEPTH);
		yaml_event_delete(ev);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.length > YAML_MAX_SCALAR ||
		    strlen((const char *)ev->data.scalar.value) != ev->data.scalar.length) {
			fail_at(y, m, "a value longer than %d bytes or holding a NUL byte",
				YAML_MAX_SCALAR);
			break;
		}
		if (!count(y, 1, m))
			break;
		*vals = 1;
		out = scalar_value(y, ev);
		remember(y, ev->data.scalar.anchor, out, *vals);
		break;
	case YAML_ALIAS_EVENT: {
		char b[128];
		json_t *a = json_object_get(y->anchors, (const char *)ev->data.alias.anchor);
		if (!a) {
			fail_at(y, m, "alias *%s names no anchor before it",
				cp_sanitize((const char *)ev->data.alias.anchor, b, sizeof(b)));
			break;
		}
		size_t n = (size_t)json_integer_value(json_array_get(a, 1));
		if (!count(y, n, m))
			break;
		*vals = n;
		out = json_incref(json_array_get(a, 0));
		break;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool map = ev->type == YAML_MAPPING_START_EVENT;
		yaml_char_t *anchor = map ? ev->data.mapping_start.anchor
					  : ev->data.sequence_start.anchor;
		char *keep = anchor ? xstrdup((const char *)anchor) : NULL;
		if (!count(y, 1, m)) {
			free(keep);
			break;
		}
		yaml_event_delete(ev);
		size_t n = 0;
		out = map ? mapping(y, dpath, depth, &n) : sequence(y, dpath, depth, &n);
		*vals = n + 1;
		remember(y, (const yaml_char_t *)keep, out, *vals);
		free(keep);
		return out;
	}
	default:
		fail_at(y, m, "unexpected YAML event");
		break;
	}
	yaml_event_delete(ev);
	return out;
}

int yaml_to_json(const char *text, size_t n, const char *path, json_t **root,
		 struct json_pos **pos)
{
	struct yp y;
	yaml_event_t ev;
	json_t *doc = NULL;
	bool started = false;

	*root = NULL;
	*pos = NULL;
	memset(&y, 0, sizeof(y));
	if (!yaml_parser_initialize(&y.p))
		return cp_error(CP_EXIT_INTERNAL, "cannot initialise the YAML parser");
	yaml_parser_set_input_string(&y.p, (const unsigned char *)text, n);
	y.file = path;
	y.pos = json_pos_new();
	y.anchors = json_object();
	while (!y.failed && next(&y, &ev) == 0) {
		yaml_event_type_t t = ev.type;
		yaml_mark_t m = ev.start_mark;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (t == YAML_STREAM_START_EVENT || t == YAML_DOCUMENT_END_EVENT) {
			yaml_event_delete(&ev);
			continue;
		}
		if (t == YAML_DOCUMENT_START_EVENT) {
			yaml_event_delete(&ev);
			if (started) {
				fail_at(&y, m, "more than one YAML document: a usage file is one");
				break;
			}
			started = true;
			continue;
		}
		size_t vals;
		doc = node(&y, &ev, "", 0, &vals);
		if (!doc)
			break;
	}
	yaml_parser_delete(&y.p);
	json_decref(y.anchors);
	if (y.failed) {
		json_decref(doc);
		json_pos_free(y.pos);
		return CP_EXIT_DATA;
	}
	json_pos_sort(y.pos);
	*root = doc ? doc : json_null();
	*pos = y.pos;
	return 0;
}
