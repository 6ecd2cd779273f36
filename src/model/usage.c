/*
 * usage.c - see usage.h. The file is read with the size cap and NUL check
 * of every input (util/file.h), parsed as JSON (the scenario reader, for
 * positions) or YAML (util/yaml.h, positions from libyaml's marks), and
 * checked against the schema: each figure for a key costplan uses must be
 * a number from 0 to 1e12 (else exit 3, located); everything costplan does
 * not use is a located warning. Nested objects are flattened once, at load
 * time, keeping only what is used.
 */
#include "model/usage.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/scenario.h"
#include "model/schema.h"
#include "util/error.h"
#include "util/file.h"
#include "util/yaml.h"

#define USAGE_MAX_WILDCARDS 1000

struct load {
	struct json_errors c;  /* errors: exit 3 */
	json_t *warned;        /* "type" / "type key" already warned about */
};

static const char *san(const char *s, char *buf, size_t n)
{
	return cp_sanitize(s, buf, n);
}

/* A warning located at docpath (when the map knows it). */
static void warn_at(const struct json_pos *pos, const char *file, const char *docpath,
		    const char *fmt, ...) CP_PRINTF(4, 5);
static void warn_at(const struct json_pos *pos, const char *file, const char *docpath,
		    const char *fmt, ...)
{
	char msg[1024];
	int line = 0, col = 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (docpath && json_pos_find(pos, docpath, &line, &col) == 0)
		cp_warn("%s:%d:%d: %s", file, line, col, msg);
	else
		cp_warn("%s: %s", file, msg);
}

/* Once per key: true the first time. */
static bool first_time(struct load *l, const char *key)
{
	if (json_object_get(l->warned, key))
		return false;
	json_object_set_new(l->warned, key, json_true());
	return true;
}

/*
 * The resource type of a usage address: the part before the name, with
 * module paths and [index] parts skipped ("module.app.aws_lb.this[*]" ->
 * aws_lb). Into buf; "" when the address has no type.
 */
static const char *address_type(const char *addr, char *buf, size_t size)
{
	const char *parts[64];
	size_t len[64], n = 0;
	const char *p = addr;
	while (*p && n < 64) {
		const char *start = p;
		while (*p && *p != '.' && *p != '[')
			p++;
		parts[n] = start;
		len[n++] = (size_t)(p - start);
		while (*p == '[') { /* skip [..] with quotes */
			p++;
			if (*p == '"') {
				for (p++; *p && *p != '"'; p++)
					if (*p == '\\' && p[1])
						p++;
				if (*p)
					p++;
			}
			while (*p && *p != ']')
				p++;
			if (*p)
				p++;
		}
		if (*p == '.')
			p++;
	}
	buf[0] = '\0';
	if (n >= 2 && len[n - 2] < size) {
		memcpy(buf, parts[n - 2], len[n - 2]);
		buf[len[n - 2]] = '\0';
	}
	return buf;
}

/*
 * Flatten one resource's figures ({k: n, k2: {k3: n}} -> "k", "k2.k3")
 * into flat, keeping the keys type t uses; the others are warnings.
 */
static void flatten(struct load *l, const struct type_spec *t, const char *type,
		    const char *docpath, const char *prefix, json_t *obj, json_t *flat, int depth)
{
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v) {
		char name[512], p[1024], b1[128], b2[128], wk[700];
		snprintf(name, sizeof(name), "%s%s%s", prefix, prefix[0] ? "." : "", k);
		snprintf(p, sizeof(p), "%s.%s", docpath, k);
		bool used = schema_usage_key(t, name);
		if (json_is_object(v) && !used && depth < 2) {
			flatten(l, t, type, p, name, v, flat, depth + 1);
			continue;
		}
		if (!used) {
			/* Infracost's keys for things costplan does not price */
			snprintf(wk, sizeof(wk), "%s %s", type, name);
			if (first_time(l, wk))
				warn_at(l->c.pos, l->c.file, p,
					"usage key \"%s\" is not used for %s; ignored", san(name, b1, sizeof(b1)),
					san(type, b2, sizeof(b2)));
			continue;
		}
		if (!json_is_number(v)) {
			json_error(&l->c, p, "usage figure %s of %s must be a number", san(name, b1, sizeof(b1)),
				   san(docpath, b2, sizeof(b2)));
			continue;
		}
		double d = json_number_value(v);
		if (!isfinite(d) || d < 0 || d > 1e12) {
			json_error(&l->c, p, "usage figure %s of %s must be between 0 and 1e12",
				   san(name, b1, sizeof(b1)), san(docpath, b2, sizeof(b2)));
			continue;
		}
		json_object_set(flat, name, v);
	}
}

/* One section: resource_type_default_usage (keys are types) or
 * resource_usage (keys are addresses; wild gets the "[*]" ones). */
static void section(struct load *l, json_t *root, const char *key, json_t *out, json_t *wild)
{
	json_t *sec = json_object_get(root, key);
	const char *k;
	json_t *v;
	if (!sec || json_is_null(sec))
		return;
	if (!json_is_object(sec)) {
		json_error(&l->c, key, "\"%s\" must be an object", key);
		return;
	}
	json_object_foreach(sec, k, v) {
		char p[1024], b1[128], tb[256];
		snprintf(p, sizeof(p), "%s.%s", key, k);
		const char *type = wild ? address_type(k, tb, sizeof(tb)) : k;
		const struct type_spec *t = schema_type(type);
		if (!t || !t->usage) {
			/* figures for what costplan does not price: a warning, once per type */
			if (first_time(l, type[0] ? type : k))
				warn_at(l->c.pos, l->c.file, p,
					t ? "%s takes no usage figures; its usage is ignored"
					  : type[0] ? "costplan does not price %s; its usage is ignored"
						    : "\"%s\" is not a resource address; ignored",
					san(type[0] ? type : k, b1, sizeof(b1)));
			continue;
		}
		if (json_is_null(v))
			continue;
		if (!json_is_object(v)) {
			json_error(&l->c, p, "usage for %s must be an object of figures", san(k, b1, sizeof(b1)));
			continue;
		}
		if (wild && strstr(k, "[*]") && json_array_size(wild) >= USAGE_MAX_WILDCARDS) {
			/* each resource is matched against every wildcard key: 200000 of
			 * them (an 8 MiB file) against a big plan would stall for minutes */
			json_error(&l->c, p, "more than %d wildcard (\"[*]\") keys", USAGE_MAX_WILDCARDS);
			break;
		}
		json_t *flat = json_object();
		flatten(l, t, type, p, "", v, flat, 0);
		if (wild && strstr(k, "[*]"))
			json_array_append_new(wild, json_pack("[so]", k, flat));
		else
			json_object_set_new(out, k, flat);
	}
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* YAML or JSON: the extension, else the first character of the text. */
static bool is_yaml(const char *path, const char *text)
{
	if (ends_with(path, ".yml") || ends_with(path, ".yaml"))
		return true;
	if (ends_with(path, ".json"))
		return false;
	const char *s = text;
	if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
		s += 3;
	s += strspn(s, " \t\r\n");
	return *s != '{';
}

int usage_load_text(const char *text, size_t n, const char *path, int yaml,
		    struct usage_file *u)
{
	json_t *root;
	struct json_pos *pos;
	int rc;
	const char *k;
	json_t *v;
	char b1[128];

	memset(u, 0, sizeof(*u));
	if (yaml < 0)
		yaml = is_yaml(path, text);
	rc = yaml ? yaml_to_json(text, n, path, &root, &pos)
		  : scenario_parse_text(text, n, path, &root, &pos);
	if (rc)
		return rc;
	struct load l = {.c = {.file = path, .pos = pos, .max = 50}, .warned = json_object()};
	if (!json_is_object(root)) {
		json_error(&l.c, NULL, "a usage file must be a %s mapping (version, resource_usage, "
				       "resource_type_default_usage)",
			   yaml ? "YAML" : "JSON");
	} else {
		json_t *ver = json_object_get(root, "version");
		if (!ver || !((json_is_string(ver) && strcmp(json_string_value(ver), "0.1") == 0) ||
			      (json_is_real(ver) && json_real_value(ver) == 0.1)))
			json_error(&l.c, "version",
				   "a usage file needs \"version\": \"0.1\" (the Infracost usage-file "
				   "format)");
		json_object_foreach(root, k, v) {
			if (strcmp(k, "version") && strcmp(k, "resource_usage") &&
			    strcmp(k, "resource_type_default_usage"))
				warn_at(pos, path, k,
					"key \"%s\" is not part of a usage file (version, resource_usage, "
					"resource_type_default_usage); ignored",
					san(k, b1, sizeof(b1)));
		}
		u->defaults = json_object();
		u->exact = json_object();
		u->wild = json_array();
		u->used = json_object();
		section(&l, root, "resource_type_default_usage", u->defaults, NULL);
		section(&l, root, "resource_usage", u->exact, u->wild);
	}
	json_decref(root);
	json_decref(l.warned);
	if (l.c.errors) {
		json_pos_free(pos);
		usage_release(u);
		return CP_EXIT_DATA;
	}
	u->path = xstrdup(path);
	u->pos = pos;
	return 0;
}

int usage_load(const char *path, struct usage_file *u)
{
	static const struct file_read_opts fo = {SCENARIO_MAX_BYTES, "usage file",
						 "; is this really a usage file?"};
	char *text;
	size_t n;
	int rc;
	memset(u, 0, sizeof(*u));
	if ((rc = file_read_all(path, &fo, &text, &n)))
		return rc;
	rc = usage_load_text(text, n, path, -1, u);
	free(text);
	return rc;
}

void usage_release(struct usage_file *u)
{
	json_decref(u->defaults);
	json_decref(u->exact);
	json_decref(u->wild);
	json_decref(u->used);
	json_pos_free(u->pos);
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

/* Only the keys the type uses reach here (load time); copied into dst. */
static void merge(json_t *dst, json_t *src)
{
	const char *k;
	json_t *v;
	json_object_foreach(src, k, v)
		json_object_set(dst, k, v);
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
		merge(out, d);
	json_array_foreach(u->wild, i, pair) {
		const char *pat = json_string_value(json_array_get(pair, 0));
		if (usage_address_match(pat, address)) {
			merge(out, json_array_get(pair, 1));
			json_object_set_new(u->used, pat, json_true());
		}
	}
	json_t *e = json_object_get(u->exact, address);
	if (e) {
		merge(out, e);
		json_object_set_new(u->used, address, json_true());
	}
	/* keys of another type under this address's entry are not its own */
	const struct type_spec *t = schema_type(type);
	const char *k;
	void *tmp;
	json_object_foreach_safe(out, tmp, k, pair) {
		if (!t || !schema_usage_key(t, k))
			json_object_del(out, k);
	}
	if (u->scale > 0 && u->scale != 1) {
		json_object_foreach(out, k, pair)
			json_object_set_new(out, k, json_real(json_number_value(pair) * u->scale));
	}
	return out;
}

/* Warnings about unused addresses, one each up to this many, then a count. */
#define MAX_UNUSED_WARNINGS 20

void usage_warn_unused(const struct usage_file *u)
{
	const char *k;
	json_t *v;
	size_t i, n = 0;
	char b1[256], p[1024];
	if (!u || !u->path)
		return;
	json_object_foreach(u->exact, k, v) {
		if (json_object_get(u->used, k) || n++ >= MAX_UNUSED_WARNINGS)
			continue;
		snprintf(p, sizeof(p), "resource_usage.%s", k);
		warn_at(u->pos, u->path, p, "%s is not a resource of what was priced; its usage is ignored",
			san(k, b1, sizeof(b1)));
	}
	json_array_foreach(u->wild, i, v) {
		k = json_string_value(json_array_get(v, 0));
		if (json_object_get(u->used, k) || n++ >= MAX_UNUSED_WARNINGS)
			continue;
		snprintf(p, sizeof(p), "resource_usage.%s", k);
		warn_at(u->pos, u->path, p, "%s matches no resource of what was priced; ignored",
			san(k, b1, sizeof(b1)));
	}
	if (n > MAX_UNUSED_WARNINGS)
		cp_warn("%s: %zu more addresses match no resource of what was priced; ignored", u->path,
			n - MAX_UNUSED_WARNINGS);
}

json_t *usage_apply_doc(json_t *doc, struct usage_file *u)
{
	json_t *d = json_deep_copy(doc);
	json_t *res = json_object_get(d, "resource");
	const char *type, *name;
	json_t *byname, *body;
	if (!json_is_object(res))
		return d;
	json_t *usage = json_object_get(d, "usage");
	if (!usage) {
		usage = json_object();
		json_object_set_new(d, "usage", usage);
	}
	if (!json_is_object(usage))
		return d;
	json_object_foreach(res, type, byname) {
		if (!json_is_object(byname))
			continue;
		json_object_foreach(byname, name, body) {
			char *addr = xasprintf("%s.%s", type, name);
			json_t *f = usage_for(u, addr, type);
			if (json_object_size(f)) {
				json_t *cur = json_object_get(usage, addr);
				if (json_is_object(cur))
					json_object_update(cur, f);
				else
					json_object_set(usage, addr, f);
			}
			json_decref(f);
			free(addr);
		}
	}
	return d;
}
