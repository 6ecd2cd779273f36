/*
 * usage.c - see usage.h. The file is read with the scenario reader (size
 * cap, NUL check, positions), every figure is checked to be a number from
 * 0 to 1e12, and nested objects are flattened once at load time.
 */
#include "model/usage.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/json_pos.h"
#include "model/scenario.h"
#include "model/schema.h"
#include "util/error.h"



static const char *san(const char *s, char *buf, size_t n)
{
	return cp_sanitize(s, buf, n);
}

/* Flatten {k: n, k2: {k3: n}} into flat {"k": n, "k2.k3": n}. */
static void flatten(struct json_errors *c, const char *docpath, const char *prefix, json_t *obj,
		    json_t *flat, int depth)
{
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v) {
		char name[512], p[1024], b1[128], b2[256];
		snprintf(name, sizeof(name), "%s%s%s", prefix, prefix[0] ? "." : "", k);
		snprintf(p, sizeof(p), "%s.%s", docpath, k);
		if (json_is_object(v) && depth < 2) {
			flatten(c, p, name, v, flat, depth + 1);
			continue;
		}
		if (!json_is_number(v)) {
			json_error(c, p, "usage figure %s of %s must be a number", san(name, b1, sizeof(b1)),
			     san(docpath, b2, sizeof(b2)));
			continue;
		}
		double d = json_number_value(v);
		if (!isfinite(d) || d < 0 || d > 1e12) {
			json_error(c, p, "usage figure %s of %s must be between 0 and 1e12",
			     san(name, b1, sizeof(b1)), san(docpath, b2, sizeof(b2)));
			continue;
		}
		json_object_set(flat, name, v);
	}
}

#define USAGE_MAX_WILDCARDS 1000

static json_t *section(struct json_errors *c, json_t *root, const char *key, json_t *out,
		       json_t *wild)
{
	json_t *sec = json_object_get(root, key);
	const char *k;
	json_t *v;
	if (!sec)
		return out;
	if (!json_is_object(sec)) {
		json_error(c, key, "\"%s\" must be an object", key);
		return out;
	}
	json_object_foreach(sec, k, v) {
		char p[1024], b1[128];
		snprintf(p, sizeof(p), "%s.%s", key, k);
		if (!json_is_object(v)) {
			json_error(c, p, "usage for %s must be an object of figures", san(k, b1, sizeof(b1)));
			continue;
		}
		if (wild && strstr(k, "[*]") && json_array_size(wild) >= USAGE_MAX_WILDCARDS) {
			/* each resource is matched against every wildcard key: 200000 of
			 * them (an 8 MiB file) against a big plan would stall for minutes */
			json_error(c, p, "more than %d wildcard (\"[*]\") keys", USAGE_MAX_WILDCARDS);
			break;
		}
		json_t *flat = json_object();
		flatten(c, p, "", v, flat, 0);
		if (wild && strstr(k, "[*]"))
			json_array_append_new(wild, json_pack("[so]", k, flat));
		else
			json_object_set_new(out, k, flat);
	}
	return out;
}

int usage_load(const char *path, struct usage_file *u)
{
	json_t *root;
	struct json_pos *pos;
	int rc;
	const char *k;
	json_t *v;
	char b1[128];

	memset(u, 0, sizeof(*u));
	if ((rc = scenario_read_json(path, &root, &pos)))
		return rc;
	struct json_errors c = {.file = path, .pos = pos};
	if (!json_is_object(root)) {
		json_error(&c, NULL, "a usage file must be a JSON object");
	} else {
		json_t *ver = json_object_get(root, "version");
		if (!ver || !((json_is_string(ver) && strcmp(json_string_value(ver), "0.1") == 0) ||
			      (json_is_real(ver) && json_real_value(ver) == 0.1)))
			json_error(&c, "version",
			     "a usage file needs \"version\": \"0.1\" (the Infracost usage-file "
			     "format)");
		json_object_foreach(root, k, v) {
			if (strcmp(k, "version") && strcmp(k, "resource_usage") &&
			    strcmp(k, "resource_type_default_usage"))
				json_error(&c, k,
				     "unknown key \"%s\" in a usage file (version, resource_usage, "
				     "resource_type_default_usage)",
				     san(k, b1, sizeof(b1)));
		}
		u->defaults = json_object();
		u->exact = json_object();
		u->wild = json_array();
		u->warned = json_object();
		section(&c, root, "resource_type_default_usage", u->defaults, NULL);
		section(&c, root, "resource_usage", u->exact, u->wild);
	}
	json_decref(root);
	json_pos_free(pos);
	if (c.errors) {
		usage_release(u);
		return CP_EXIT_DATA;
	}
	u->path = xstrdup(path);
	return 0;
}

void usage_release(struct usage_file *u)
{
	json_decref(u->defaults);
	json_decref(u->exact);
	json_decref(u->wild);
	json_decref(u->warned);
	free(u->path);
	memset(u, 0, sizeof(*u));
}

/* Skip one [...] index at s (quotes and escapes honoured); NULL if none. */
static const char *skip_index(const char *s)
{
	if (*s != '[')
		return NULL;
	s++;
	if (*s == '"') {
		for (s++; *s && *s != '"'; s++)
			if (*s == '\\' && s[1])
				s++;
		if (*s != '"')
			return NULL;
		s++;
	} else {
		while (*s && *s != ']')
			s++;
	}
	return *s == ']' ? s + 1 : NULL;
}

bool usage_address_match(const char *p, const char *a)
{
	while (*p) {
		if (strncmp(p, "[*]", 3) == 0) {
			a = skip_index(a);
			if (!a)
				return false;
			p += 3;
			continue;
		}
		if (*p != *a)
			return false;
		p++;
		a++;
	}
	return *a == '\0';
}

static void merge(struct usage_file *u, json_t *dst, json_t *src, const char *type)
{
	const struct type_spec *t = schema_type(type);
	const char *k;
	json_t *v;
	json_object_foreach(src, k, v) {
		if (t && schema_usage_key(t, k)) {
			json_object_set(dst, k, v);
			continue;
		}
		char key[600];
		snprintf(key, sizeof(key), "%s %s", type, k);
		if (!json_object_get(u->warned, key)) {
			char s1[128], s2[128];
			json_object_set_new(u->warned, key, json_true());
			if (t)
				cp_warn("%s: usage key \"%s\" is not used for %s; ignored", u->path,
					cp_sanitize(k, s1, sizeof(s1)), cp_sanitize(type, s2, sizeof(s2)));
		}
	}
}

json_t *usage_for(struct usage_file *u, const char *address, const char *type)
{
	json_t *out = json_object();
	size_t i;
	json_t *pair;
	if (!u || !u->path)
		return out;
	json_t *d = json_object_get(u->defaults, type);
	if (d)
		merge(u, out, d, type);
	json_array_foreach(u->wild, i, pair) {
		if (usage_address_match(json_string_value(json_array_get(pair, 0)), address))
			merge(u, out, json_array_get(pair, 1), type);
	}
	json_t *e = json_object_get(u->exact, address);
	if (e)
		merge(u, out, e, type);
	if (u->scale > 0 && u->scale != 1) {
		const char *k;
		json_t *v;
		json_object_foreach(out, k, v)
			json_object_set_new(out, k, json_real(json_number_value(v) * u->scale));
	}
	return out;
}
