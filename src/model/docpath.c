/*
 * docpath.c - see docpath.h. Paths are checked part by part against the
 * document and the schema; the first part that names nothing gives the
 * reason, and the whole path is compared with every valid one to suggest
 * the nearest (plain edit distance over the full text, so a typo anywhere
 * - type, name or attribute - finds its fix).
 */
#include "model/docpath.h"

#include <math.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/profile.h"
#include "model/scenario.h"
#include "model/schema.h"
#include "util/error.h"
#include "util/strings.h"

/* Top-level keys --set may change directly. */
static const char *const TOP_KEYS[] = {"name", "description", "region", "free_tier", NULL};

json_t *docpath_value(const char *text)
{
	json_error_t err;
	json_t *v;
	char *end;

	if (strcmp(text, "true") == 0)
		return json_true();
	if (strcmp(text, "false") == 0)
		return json_false();
	if (strcmp(text, "null") == 0)
		return json_null();
	if (text[0] == '[' || text[0] == '{' || text[0] == '"') {
		v = json_loads(text, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &err);
		if (v)
			return v;
		return json_string(text); /* not JSON after all: keep the text */
	}
	if (text[0] && strspn(text, "+-0123456789.eE") == strlen(text)) {
		/* a whole number stays an integer; anything else numeric is a real */
		long long ll = strtoll(text, &end, 10);
		if (*end == '\0' && text[0] != '+')
			return json_integer(ll);
		double d = strtod(text, &end);
		if (*end == '\0' && isfinite(d))
			return json_real(d);
	}
	return json_string(text);
}

struct list {
	char **v;
	size_t n, cap;
};

static void add(struct list *l, char *s)
{
	if (l->n + 2 > l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(char *));
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

char **docpath_valid_paths(const json_t *doc)
{
	struct list l = {0};
	const char *type, *name;
	json_t *byname, *body;

	for (int i = 0; TOP_KEYS[i]; i++)
		add(&l, xstrdup(TOP_KEYS[i]));
	/* the traffic profile (model/profile.h): defaults, database, services */
	for (size_t i = 0; traffic_key_name(false, i); i++)
		add(&l, xasprintf("traffic.defaults.%s", traffic_key_name(false, i)));
	for (size_t i = 0; traffic_key_name(true, i); i++)
		add(&l, xasprintf("traffic.database.%s", traffic_key_name(true, i)));
	json_object_foreach(json_object_get(doc, "resource"), type, byname) {
		const struct type_spec *t = schema_type(type);
		if (!t || t->sim_role != SIM_SERVICE || !json_is_object(byname))
			continue;
		json_object_foreach(byname, name, body)
			for (size_t i = 0; traffic_key_name(false, i); i++)
				add(&l, xasprintf("traffic.services.%s.%s", name,
						  traffic_key_name(false, i)));
	}
	json_object_foreach(json_object_get(doc, "resource"), type, byname) {
		const struct type_spec *t = schema_type(type);
		if (!t || !json_is_object(byname))
			continue;
		json_object_foreach(byname, name, body) {
			add(&l, xasprintf("resource.%s.%s", type, name));
			if (t->open) {
				add(&l, xasprintf("resource.%s.%s.count", type, name));
				continue;
			}
			for (const struct attr_spec *a = t->attrs; a && a->name; a++)
				add(&l, xasprintf("resource.%s.%s.%s", type, name, a->name));
			for (const struct usage_spec *u = t->usage; u && u->key; u++)
				add(&l, xasprintf("usage.%s.%s.%s", type, name, u->key));
		}
	}
	if (!l.v)
		add(&l, NULL);
	return l.v;
}

void docpath_free_list(char **list)
{
	for (size_t i = 0; list && list[i]; i++)
		free(list[i]);
	free(list);
}

/* Does s start with the first k dot-separated parts of path (and a dot)? */
static int same_prefix(const char *s, const char *path, int k)
{
	const char *p = path;
	for (int i = 0; i < k; i++) {
		p = strchr(p, '.');
		if (!p)
			return 0;
		p++;
	}
	size_t n = (size_t)(p - path);
	return strncmp(s, path, n) == 0;
}

/*
 * Nearest by edit distance, among the paths that share the longest valid
 * prefix with path (same resource, else same type, else same section), so
 * a wrong usage key suggests a usage key of that resource, not an attribute.
 */
char *docpath_nearest(const json_t *doc, const char *path)
{
	char **all = docpath_valid_paths(doc);
	const char *best = NULL;
	size_t plen = strlen(path);
	/* an incomplete path ("usage", "resource.aws_lb.main"): the nearest that extends it */
	for (size_t i = 0; all[i]; i++)
		if (strncmp(all[i], path, plen) == 0 && all[i][plen] == '.' &&
		    (!best || edit_distance(path, all[i]) < edit_distance(path, best)))
			best = all[i];
	for (int k = 3; k >= 0 && !best; k--) {
		size_t bestd = (size_t)-1;
		for (size_t i = 0; all[i]; i++) {
			if (k > 0 && !same_prefix(all[i], path, k))
				continue;
			size_t d = edit_distance(path, all[i]);
			if (d < bestd) {
				bestd = d;
				best = all[i];
			}
		}
	}
	char *r = best ? xstrdup(best) : NULL;
	docpath_free_list(all);
	return r;
}

static int fail(int code, const json_t *doc, const char *path, char *err, size_t errsz,
		const char *fmt, ...) CP_PRINTF(6, 7);
static int fail(int code, const json_t *doc, const char *path, char *err, size_t errsz,
		const char *fmt, ...)
{
	va_list ap;
	size_t o;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
	if (code == CP_EXIT_USAGE) {
		char *near = docpath_nearest(doc, path);
		o = strlen(err);
		if (near && o < errsz)
			snprintf(err + o, errsz - o, "; nearest valid path: %s", near);
		free(near);
	}
	return code;
}

static const char *kind_text(enum attr_kind k)
{
	switch (k) {
	case ATTR_INT:
	case ATTR_INTSET:
		return "a whole number";
	case ATTR_NUMBER:
		return "a number";
	case ATTR_BOOL:
		return "true or false";
	case ATTR_LIST:
		return "a JSON list of strings, like [\"a\",\"b\"]";
	case ATTR_BLOCKS:
		return "a JSON list of objects";
	default:
		return "a string";
	}
}

/* Type check a value against an attribute (ranges and choices included). */
static int check_value(const struct attr_spec *a, const json_t *v, char *why, size_t size)
{
	char sbuf[96];
	switch (a->kind) {
	case ATTR_INT:
	case ATTR_INTSET:
		if (!json_is_integer(v))
			break;
		if (a->kind == ATTR_INT && ((double)json_integer_value(v) < a->min ||
					    (double)json_integer_value(v) > a->max)) {
			snprintf(why, size, "%s must be between %g and %g", a->name, a->min, a->max);
			return -1;
		}
		if (a->kind == ATTR_INTSET) {
			snprintf(sbuf, sizeof(sbuf), "%lld", (long long)json_integer_value(v));
			for (int i = 0; a->choices[i]; i++)
				if (strcmp(a->choices[i], sbuf) == 0)
					return 0;
			size_t o = (size_t)snprintf(why, size, "%s %s is not allowed; AWS accepts",
						    a->name, sbuf);
			for (int i = 0; a->choices[i] && o < size; i++)
				o += (size_t)snprintf(why + o, size - o, "%s%s", i ? ", " : " ",
						      a->choices[i]);
			return -1;
		}
		return 0;
	case ATTR_NUMBER:
		if (!json_is_number(v))
			break;
		if (json_number_value(v) < a->min || json_number_value(v) > a->max) {
			snprintf(why, size, "%s must be between %g and %g", a->name, a->min, a->max);
			return -1;
		}
		return 0;
	case ATTR_BOOL:
		if (!json_is_boolean(v))
			break;
		return 0;
	case ATTR_ENUM:
		if (!json_is_string(v))
			break;
		for (int i = 0; a->choices[i]; i++)
			if (strcmp(a->choices[i], json_string_value(v)) == 0)
				return 0;
		{
			size_t o = (size_t)snprintf(why, size, "%s \"%s\" is not known; choose from",
						    a->name,
						    cp_sanitize(json_string_value(v), sbuf, sizeof(sbuf)));
			for (int i = 0; a->choices[i] && o < size; i++)
				o += (size_t)snprintf(why + o, size - o, "%s%s", i ? ", " : " ",
						      a->choices[i]);
		}
		return -1;
	case ATTR_STRING:
	case ATTR_REF:
		if (!json_is_string(v))
			break;
		return 0;
	case ATTR_LIST:
	case ATTR_BLOCKS:
		if (!json_is_array(v))
			break;
		return 0;
	}
	if ((a->kind == ATTR_STRING || a->kind == ATTR_REF || a->kind == ATTR_ENUM) &&
	    (json_is_number(v) || json_is_boolean(v)))
		snprintf(why, size, "%s must be %s; to pass text that looks like a number, quote it: "
				    "--set 'PATH=\"123\"'",
			 a->name, kind_text(a->kind));
	else
		snprintf(why, size, "%s must be %s", a->name, kind_text(a->kind));
	return -1;
}

/*
 * {k1: {k2: ... {kn: value}}} for the dotted key, unless the container
 * already holds the dotted key flat (then {key: value}). value borrowed.
 */
static json_t *nest(const json_t *container, const char *key, const json_t *value)
{
	json_t *o = json_object();
	const char *dot = strchr(key, '.');
	if (!dot || json_object_get(container, key)) {
		json_object_set_new(o, key, json_deep_copy(value));
		return o;
	}
	char *head = xstrndup(key, (size_t)(dot - key));
	json_t *sub = json_object_get(container, head);
	if (json_is_array(sub) && json_array_size(sub) == 1 &&
	    json_is_object(json_array_get(sub, 0))) {
		/* a Terraform-JSON block written as a one-element list: keep its shape */
		json_t *inner = nest(json_array_get(sub, 0), dot + 1, value);
		json_t *merged = json_deep_copy(json_array_get(sub, 0));
		const char *k;
		json_t *v;
		json_object_foreach(inner, k, v) {
			if (json_is_null(v))
				json_object_del(merged, k);
			else
				json_object_set(merged, k, v);
		}
		json_decref(inner);
		json_t *arr = json_array();
		json_array_append_new(arr, merged);
		json_object_set_new(o, head, arr);
	} else {
		json_object_set_new(o, head, nest(json_is_object(sub) ? sub : NULL, dot + 1, value));
	}
	free(head);
	return o;
}

static json_t *wrap2(const char *k1, const char *k2, json_t *inner)
{
	json_t *a = json_object(), *b = json_object();
	json_object_set_new(b, k2, inner);
	json_object_set_new(a, k1, b);
	return a;
}

/* Is name an aws_ecs_service (a SIM_SERVICE type) of doc? */
static bool doc_has_service(const json_t *doc, const char *name)
{
	const char *type;
	json_t *byname;
	json_object_foreach(json_object_get(doc, "resource"), type, byname) {
		const struct type_spec *t = schema_type(type);
		if (t && t->sim_role == SIM_SERVICE && json_object_get(byname, name))
			return true;
	}
	return false;
}

/* traffic.defaults.KEY, traffic.database.KEY, traffic.services.NAME.KEY */
static int traffic_patch(const json_t *doc, const char *path, const json_t *value,
			 json_t **patch, char *err, size_t errsz)
{
	char sbuf[128], why[256];
	const char *rest = path + strlen("traffic.");
	bool db = strncmp(rest, "database.", 9) == 0;
	const char *key;
	char *svc = NULL;
	if (strncmp(rest, "defaults.", 9) == 0 || db) {
		key = rest + 9;
	} else if (strncmp(rest, "services.", 9) == 0 && strchr(rest + 9, '.')) {
		const char *n = rest + 9, *dot = strchr(n, '.');
		svc = xstrndup(n, (size_t)(dot - n));
		key = dot + 1;
		if (!doc_has_service(doc, svc)) {
			int rc = fail(CP_EXIT_USAGE, doc, path, err, errsz,
				      "this scenario has no aws_ecs_service \"%s\" for traffic",
				      cp_sanitize(svc, sbuf, sizeof(sbuf)));
			free(svc);
			return rc;
		}
	} else {
		return fail(CP_EXIT_USAGE, doc, path, err, errsz,
			    "\"%s\" is incomplete: write traffic.defaults.KEY, traffic.database.KEY "
			    "or traffic.services.NAME.KEY",
			    cp_sanitize(path, sbuf, sizeof(sbuf)));
	}
	/* null removes the key (its default again): only the key is checked */
	int c = traffic_key_check(db, key, json_is_null(value) ? NULL : value, why, sizeof(why));
	if (c != 0) {
		int rc = c < 0 ? fail(CP_EXIT_USAGE, doc, path, err, errsz, "traffic has no key \"%s\"",
				      cp_sanitize(key, sbuf, sizeof(sbuf)))
			       : fail(CP_EXIT_DATA, doc, path, err, errsz, "%s", why);
		free(svc);
		return rc;
	}
	const json_t *tr = json_object_get(doc, "traffic");
	json_t *inner;
	if (svc) {
		const json_t *cur = json_object_get(json_object_get(tr, "services"), svc);
		inner = wrap2("services", svc, nest(json_is_object(cur) ? cur : NULL, key, value));
	} else {
		const char *sec = db ? "database" : "defaults";
		const json_t *cur = json_object_get(tr, sec);
		inner = json_object();
		json_object_set_new(inner, sec, nest(json_is_object(cur) ? cur : NULL, key, value));
	}
	*patch = json_object();
	json_object_set_new(*patch, "traffic", inner);
	free(svc);
	return 0;
}

int docpath_set_patch(const json_t *doc, const char *path, const json_t *value,
		      json_t **patch, char *err, size_t errsz)
{
	char sbuf[128], why[512];
	char *copy = xstrdup(path);
	char *parts[4] = {NULL, NULL, NULL, NULL};
	int rc = 0;

	*patch = NULL;
	/* split into at most 4 parts: section, type, name, rest */
	char *p = copy;
	for (int i = 0; i < 4 && p; i++) {
		parts[i] = p;
		if (i < 3) {
			char *dot = strchr(p, '.');
			if (dot)
				*dot = '\0';
			p = dot ? dot + 1 : NULL;
		}
	}
	cp_sanitize(path, sbuf, sizeof(sbuf));
	if (strlen(path) > 1024) {
		snprintf(err, errsz, "a path longer than 1024 characters names nothing");
		rc = CP_EXIT_USAGE;
		goto out;
	}
	if (!path[0] || path[0] == '.' || path[strlen(path) - 1] == '.' || strstr(path, "..")) {
		rc = fail(CP_EXIT_USAGE, doc, path, err, errsz, "\"%s\" is not a path", sbuf);
		goto out;
	}
	if (strcmp(parts[0], "traffic") == 0 && parts[1]) {
		rc = traffic_patch(doc, path, value, patch, err, errsz);
		goto out;
	}
	if (strcmp(parts[0], "resource") != 0 && strcmp(parts[0], "usage") != 0) {
		int top = -1;
		for (int i = 0; TOP_KEYS[i]; i++)
			if (strcmp(TOP_KEYS[i], path) == 0)
				top = i;
		if (top < 0) {
			rc = fail(CP_EXIT_USAGE, doc, path, err, errsz, "no setting \"%s\"", sbuf);
			goto out;
		}
		if (strcmp(path, "free_tier") == 0 ? !json_is_boolean(value) && !json_is_null(value)
						   : !json_is_string(value) && !json_is_null(value)) {
			rc = fail(CP_EXIT_DATA, doc, path, err, errsz, "%s must be %s", path,
				  strcmp(path, "free_tier") == 0 ? "true or false" : "a string");
			goto out;
		}
		*patch = json_object();
		json_object_set_new(*patch, path, json_deep_copy(value));
		goto out;
	}
	if (!parts[1] || !parts[2]) {
		rc = fail(CP_EXIT_USAGE, doc, path, err, errsz,
			  "\"%s\" is incomplete: write %s.TYPE.NAME%s", sbuf, parts[0],
			  strcmp(parts[0], "usage") == 0 ? ".KEY" : "[.ATTRIBUTE]");
		goto out;
	}
	const struct type_spec *t = schema_type(parts[1]);
	if (!t) {
		rc = fail(CP_EXIT_USAGE, doc, path, err, errsz, "unknown resource type \"%s\"",
			  cp_sanitize(parts[1], why, sizeof(why)));
		goto out;
	}
	const json_t *body =
		json_object_get(json_object_get(json_object_get(doc, "resource"), parts[1]), parts[2]);
	if (!body) {
		rc = fail(CP_EXIT_USAGE, doc, path, err, errsz,
			  "this scenario has no resource %s.%s (--set changes what is there; add "
			  "resources with --patch)",
			  parts[1], cp_sanitize(parts[2], why, sizeof(why)));
		goto out;
	}
	if (strcmp(parts[0], "usage") == 0) {
		if (!parts[3]) {
			rc = fail(CP_EXIT_USAGE, doc, path, err, errsz,
				  "\"%s\" names no usage key: write usage.%s.%s.KEY", sbuf, parts[1],
				  parts[2]);
			goto out;
		}
		if (!schema_usage_key(t, parts[3])) {
			rc = fail(CP_EXIT_USAGE, doc, path, err, errsz,
				  t->usage ? "%s takes no usage key \"%s\"" : "%s takes no usage figures%.0s",
				  parts[1], cp_sanitize(parts[3], why, sizeof(why)));
			goto out;
		}
		if (!json_is_null(value) && (!json_is_number(value) || json_number_value(value) < 0 ||
					     json_number_value(value) > 1e12)) {
			rc = fail(CP_EXIT_DATA, doc, path, err, errsz,
				  "usage %s must be a number from 0 to 1e12", parts[3]);
			goto out;
		}
		char *addr = xasprintf("%s.%s", parts[1], parts[2]);
		const json_t *cur = json_object_get(json_object_get(doc, "usage"), addr);
		*patch = json_object();
		json_t *u = json_object();
		json_object_set_new(u, addr, nest(json_is_object(cur) ? cur : NULL, parts[3], value));
		json_object_set_new(*patch, "usage", u);
		free(addr);
		goto out;
	}
	/* resource.TYPE.NAME[.ATTR] */
	if (!parts[3]) {
		if (!json_is_null(value) && !json_is_object(value)) {
			rc = fail(CP_EXIT_DATA, doc, path, err, errsz,
				  "%s can be set to null (remove it) or to a JSON object of attributes",
				  sbuf);
			goto out;
		}
		*patch = json_object();
		json_object_set_new(*patch, "resource",
				    wrap2(parts[1], parts[2], json_deep_copy(value)));
		if (json_is_null(value)) {
			/* removing a resource removes its usage figures too */
			char *addr = xasprintf("%s.%s", parts[1], parts[2]);
			if (json_object_get(json_object_get(doc, "usage"), addr)) {
				json_t *u = json_object();
				json_object_set_new(u, addr, json_null());
				json_object_set_new(*patch, "usage", u);
			}
			free(addr);
		}
		goto out;
	}
	if (t->open) {
		if (strcmp(parts[3], "count") != 0) {
			rc = fail(CP_EXIT_USAGE, doc, path, err, errsz,
				  "%s is free: only its count can be set", parts[1]);
			goto out;
		}
	} else {
		const struct attr_spec *a = schema_attr(t, parts[3]);
		size_t hl = strlen(parts[3]);
		bool block = false;
		for (const struct attr_spec *x = t->attrs; !a && x && x->name; x++)
			block |= strncmp(x->name, parts[3], hl) == 0 && x->name[hl] == '.';
		if (block) {
			/* a whole block: null (defaults) or an object of its attributes */
			if (!json_is_null(value) && !json_is_object(value)) {
				rc = fail(CP_EXIT_DATA, doc, path, err, errsz,
					  "%s is a block: set it to null or to a JSON object", parts[3]);
				goto out;
			}
			*patch = json_object();
			json_t *b = json_object();
			json_object_set_new(b, parts[3], json_deep_copy(value));
			json_object_set_new(*patch, "resource", wrap2(parts[1], parts[2], b));
			goto out;
		}
		if (!a) {
			rc = fail(CP_EXIT_USAGE, doc, path, err, errsz, "%s has no attribute \"%s\"",
				  parts[1], cp_sanitize(parts[3], why, sizeof(why)));
			goto out;
		}
		if (json_is_null(value) && !a->def) {
			rc = fail(CP_EXIT_DATA, doc, path, err, errsz,
				  "%s is required: it cannot be removed", a->name);
			goto out;
		}
		if (!json_is_null(value) && check_value(a, value, why, sizeof(why)) != 0) {
			rc = fail(CP_EXIT_DATA, doc, path, err, errsz, "%s", why);
			goto out;
		}
	}
	*patch = json_object();
	json_object_set_new(*patch, "resource", wrap2(parts[1], parts[2], nest(body, parts[3], value)));
out:
	free(copy);
	return rc;
}
