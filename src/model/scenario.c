/*
 * scenario.c - load and validate scenarios against the schema.
 *
 * Validation walks the whole document and reports every problem it finds
 * (unknown keys with the nearest valid one, wrong types, out-of-range
 * values, Fargate sizes AWS does not allow, dangling references) before
 * giving up, as tig does with its config: one run shows the user all there
 * is to fix.
 */
#include "model/scenario.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/regions.h"
#include "model/profile.h"
#include "util/strings.h"
#include "util/file.h"

const char *const SCENARIO_KEYS[] = {"costplan", "name",    "description", "region",
				     "free_tier", "resource", "usage",      "traffic",
				     "notes",    "claim",    "from_plan", NULL};

/* The largest claim: a monthly bill in US dollars. */
#define MAX_CLAIM_USD 1e9

#define MAX_RESOURCES 20000
#define MAX_STRING 1024      /* a string attribute */
#define MAX_NAME 256         /* the scenario's name: every report's title */
#define MAX_DESCRIPTION 8192


/* Problems reported before validation stops. Each report may search for
 * the nearest valid name among thousands: 20000 bad usage addresses took
 * minutes before this limit. */
#define MAX_PROBLEMS 50

int scenario_read_json(const char *path, json_t **root, struct json_pos **pos)
{
	static const struct file_read_opts fo = {SCENARIO_MAX_BYTES, "scenario file",
						 "; is this really a scenario?"};
	char *text;
	size_t n;
	int rc;

	*root = NULL;
	*pos = NULL;
	if ((rc = file_read_all(path, &fo, &text, &n)))
		return rc;
	rc = scenario_parse_text(text, n, path, root, pos);
	free(text);
	return rc;
}

int scenario_parse_text(const char *text, size_t n, const char *path, json_t **root,
			struct json_pos **pos)
{
	json_error_t err;

	*root = NULL;
	*pos = NULL;
	if (n > SCENARIO_MAX_BYTES)
		return cp_error(CP_EXIT_DATA, "%s: larger than %d MiB; is this really a scenario?",
				path, SCENARIO_MAX_BYTES / (1024 * 1024));
	if (memchr(text, '\0', n))
		return cp_error(CP_EXIT_DATA, "%s: contains a NUL byte; not a JSON text", path);
	/* A UTF-8 byte-order mark (Windows editors write one) is not part of
	 * the document (RFC 8259 section 8.1 lets a parser ignore it). */
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		n -= 3;
	}
	*root = json_loadb(text, n, JSON_REJECT_DUPLICATES, &err);
	if (!*root) {
		struct cp_loc loc = {path, err.line, err.column};
		char buf[200];
		return cp_error_at(CP_EXIT_DATA, &loc, "%s", cp_sanitize(err.text, buf, sizeof(buf)));
	}
	*pos = json_pos_scan(text);
	return 0;
}

/*
 * A JSON number as the user wrote it, near enough, for messages: integers
 * exactly (jansson keeps them as 64-bit integers: anything up to 2^63 - 1
 * arrives intact, and every limit below is far under 2^53, so an accepted
 * integer is also exact as a double), reals to 15 significant digits
 * ("%g" made 1000000000001 read "1e+12" in "must be at most 1e12").
 */
static const char *num_text(json_t *v, char *buf, size_t size)
{
	if (json_is_integer(v))
		snprintf(buf, size, "%lld", (long long)json_integer_value(v));
	else
		snprintf(buf, size, "%.15g", json_number_value(v));
	return buf;
}

static const char *kind_name(enum attr_kind k)
{
	switch (k) {
	case ATTR_INT:
		return "a whole number";
	case ATTR_NUMBER:
		return "a number";
	case ATTR_BOOL:
		return "true or false";
	case ATTR_STRING:
	case ATTR_ENUM:
	case ATTR_REF:
		return "a string";
	case ATTR_INTSET:
		return "a whole number";
	case ATTR_LIST:
		return "a list of strings";
	case ATTR_BLOCKS:
		return "a list of objects";
	}
	return "?";
}

static void join_choices(const char *const *c, char *buf, size_t size)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; c[i] && o < size; i++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "", c[i]);
}

/* Validate one attribute value; returns the normalised value (new ref) or NULL. */
static json_t *check_attr(struct json_errors *v, const char *docpath, const struct attr_spec *a,
			  json_t *val)
{
	char buf[512], sbuf[128];
	switch (a->kind) {
	case ATTR_INT:
	case ATTR_NUMBER: {
		double d;
		if (a->kind == ATTR_INT && !json_is_integer(val)) {
			/* "not this value" is the wording the README shows */
			json_error(v, docpath, "%s must be %s, not %s", a->name, kind_name(a->kind),
			     json_is_real(val) ? "a fraction" : "this value");
			return NULL;
		}
		if (!json_is_number(val)) {
			json_error(v, docpath, "%s must be %s", a->name, kind_name(a->kind));
			return NULL;
		}
		d = json_number_value(val);
		if (!isfinite(d) || d < a->min || d > a->max) {
			json_error(v, docpath, "%s is %s; it must be between %.15g and %.15g",
			     a->name, num_text(val, sbuf, sizeof(sbuf)), a->min, a->max);
			return NULL;
		}
		return json_incref(val);
	}
	case ATTR_BOOL:
		if (!json_is_boolean(val)) {
			json_error(v, docpath, "%s must be true or false", a->name);
			return NULL;
		}
		return json_incref(val);
	case ATTR_STRING:
	case ATTR_REF:
		if (!json_is_string(val)) {
			json_error(v, docpath, "%s must be a string", a->name);
			return NULL;
		}
		if (json_string_length(val) > MAX_STRING) {
			json_error(v, docpath, "%s is longer than %d characters", a->name, MAX_STRING);
			return NULL;
		}
		return json_incref(val);
	case ATTR_ENUM:
		if (!json_is_string(val)) {
			json_error(v, docpath, "%s must be a string", a->name);
			return NULL;
		}
		for (int i = 0; a->choices[i]; i++)
			if (strcmp(a->choices[i], json_string_value(val)) == 0)
				return json_incref(val);
		{
			const char *near = nearest_word(json_string_value(val), a->choices);
			join_choices(a->choices, buf, sizeof(buf));
			if (near)
				json_error(v, docpath, "%s \"%s\" is not known; did you mean \"%s\"?", a->name,
				     cp_sanitize(json_string_value(val), sbuf, sizeof(sbuf)), near);
			else
				json_error(v, docpath, "%s \"%s\" is not known; costplan prices: %s", a->name,
				     cp_sanitize(json_string_value(val), sbuf, sizeof(sbuf)), buf);
		}
		return NULL;
	case ATTR_INTSET: {
		if (!json_is_integer(val)) {
			json_error(v, docpath, "%s must be a whole number", a->name);
			return NULL;
		}
		snprintf(sbuf, sizeof(sbuf), "%lld", (long long)json_integer_value(val));
		for (int i = 0; a->choices[i]; i++)
			if (strcmp(a->choices[i], sbuf) == 0)
				return json_incref(val);
		join_choices(a->choices, buf, sizeof(buf));
		json_error(v, docpath, "%s %s is not allowed; AWS accepts %s", a->name, sbuf, buf);
		return NULL;
	}
	case ATTR_LIST:
	case ATTR_BLOCKS: {
		size_t i;
		json_t *e;
		if (!json_is_array(val)) {
			json_error(v, docpath, "%s must be %s", a->name, kind_name(a->kind));
			return NULL;
		}
		json_array_foreach(val, i, e) {
			if (a->kind == ATTR_LIST ? !json_is_string(e) : !json_is_object(e)) {
				snprintf(buf, sizeof(buf), "%s[%zu]", docpath, i);
				json_error(v, buf, "%s must be %s", a->name, kind_name(a->kind));
				return NULL;
			}
		}
		if ((double)json_array_size(val) < a->min || (double)json_array_size(val) > a->max) {
			json_error(v, docpath, "%s has %zu entries; it must have %g to %g", a->name,
			     json_array_size(val), a->min, a->max);
			return NULL;
		}
		return json_incref(val);
	}
	}
	return NULL;
}

static json_t *default_value(const struct attr_spec *a)
{
	switch (a->kind) {
	case ATTR_INT:
	case ATTR_INTSET:
		return json_integer(strtoll(a->def, NULL, 10));
	case ATTR_NUMBER:
		return json_real(strtod(a->def, NULL));
	case ATTR_BOOL:
		return json_boolean(strcmp(a->def, "true") == 0);
	case ATTR_LIST:
	case ATTR_BLOCKS:
		return json_array();
	default:
		return json_string(a->def);
	}
}

/* Top-level names of a type's attributes ("runtime_platform" for nested). */
static const char **attr_heads(const struct type_spec *t)
{
	size_t n = 0;
	for (const struct attr_spec *a = t->attrs; a && a->name; a++)
		n++;
	const char **heads = xcalloc(n + 1, sizeof(char *));
	size_t k = 0;
	for (const struct attr_spec *a = t->attrs; a && a->name; a++) {
		const char *dot = strchr(a->name, '.');
		size_t len = dot ? (size_t)(dot - a->name) : strlen(a->name);
		int dup = 0;
		for (size_t i = 0; i < k; i++)
			if (strlen(heads[i]) == len && strncmp(heads[i], a->name, len) == 0)
				dup = 1;
		if (!dup)
			heads[k++] = xstrndup(a->name, len);
	}
	return heads;
}

static void free_heads(const char **h)
{
	for (size_t i = 0; h[i]; i++)
		free((char *)h[i]);
	free(h);
}

static int has_block(const struct type_spec *t, const char *head)
{
	size_t n = strlen(head);
	for (const struct attr_spec *a = t->attrs; a && a->name; a++)
		if (strncmp(a->name, head, n) == 0 && a->name[n] == '.')
			return 1;
	return 0;
}

/* Where attribute name was written (for errors found after loading). */
static void note_loc(struct json_errors *v, json_t *locs, const char *name, const char *docpath)
{
	int line = 0, col = 0;
	if (locs && json_pos_find(v->pos, docpath, &line, &col) == 0)
		json_object_set_new(locs, name, json_pack("[i,i]", line, col));
}

static void check_body(struct json_errors *v, const struct type_spec *t, const char *docpath,
		       json_t *body, json_t *flat, json_t *locs)
{
	const char *key;
	json_t *val;
	char path[2200], sbuf[128];

	json_object_foreach(body, key, val) {
		if (v->stop)
			break;
		const struct attr_spec *a = schema_attr(t, key);
		snprintf(path, sizeof(path), "%s.%s", docpath, key);
		if (a) {
			json_t *nv = check_attr(v, path, a, val);
			/* an invalid value was reported; the null keeps it from also
			 * being reported as missing (the scenario is rejected anyway) */
			json_object_set_new(flat, key, nv ? nv : json_null());
			note_loc(v, locs, key, path);
			continue;
		}
		if (has_block(t, key)) {
			json_t *blk = val;
			if (json_is_array(val) && json_array_size(val) == 1)
				blk = json_array_get(val, 0); /* Terraform JSON writes blocks as lists */
			if (!json_is_object(blk)) {
				json_error(v, path, "%s must be an object (a Terraform block)", key);
				continue;
			}
			const char *k2;
			json_t *v2;
			json_object_foreach(blk, k2, v2) {
				if (v->stop)
					break;
				char full[512], p2[2800];
				snprintf(full, sizeof(full), "%s.%s", key, k2);
				snprintf(p2, sizeof(p2), "%s.%s", path, k2);
				const struct attr_spec *a2 = schema_attr(t, full);
				if (!a2) {
					const char *cands[64];
					size_t nc = 0, kl = strlen(key);
					for (const struct attr_spec *x = t->attrs; x->name && nc < 63; x++)
						if (strncmp(x->name, key, kl) == 0 && x->name[kl] == '.')
							cands[nc++] = x->name + kl + 1;
					cands[nc] = NULL;
					const char *near = nearest_word(k2, cands);
					json_error(v, p2, "%s has no attribute \"%s\" in block %s%s%s%s", t->type,
					     cp_sanitize(k2, sbuf, sizeof(sbuf)), key,
					     near ? "; did you mean \"" : "", near ? near : "",
					     near ? "\"?" : "");
					continue;
				}
				json_t *nv = check_attr(v, p2, a2, v2);
				json_object_set_new(flat, full, nv ? nv : json_null());
				note_loc(v, locs, full, p2);
			}
			continue;
		}
		const char **heads = attr_heads(t);
		const char *near = nearest_word(key, heads);
		json_error(v, path, "%s has no attribute \"%s\"%s%s%s", t->type,
		     cp_sanitize(key, sbuf, sizeof(sbuf)), near ? "; did you mean \"" : "",
		     near ? near : "", near ? "\"?" : "");
		free_heads(heads);
	}
	/* defaults, and required attributes (unless given, even if invalid) */
	for (const struct attr_spec *a = t->attrs; a && a->name; a++) {
		if (json_object_get(flat, a->name))
			continue;
		if (a->def) {
			json_object_set_new(flat, a->name, default_value(a));
		} else if (!json_object_get(body, a->name)) {
			json_error(v, docpath, "%s needs \"%s\"%s%s%s", t->type, a->name,
			     a->doc && a->doc[0] ? " (" : "", a->doc ? a->doc : "",
			     a->doc && a->doc[0] ? ")" : "");
		}
	}
}

static void flatten_usage(struct json_errors *v, const struct type_spec *t, const char *docpath,
			  const char *prefix, json_t *obj, json_t *flat, int depth)
{
	const char *key;
	json_t *val;
	char path[1024], name[256], sbuf[128];
	json_object_foreach(obj, key, val) {
		if (v->stop)
			break;
		snprintf(path, sizeof(path), "%s.%s", docpath, key);
		snprintf(name, sizeof(name), "%s%s%s", prefix, prefix[0] ? "." : "", key);
		if (json_is_object(val) && depth == 0) {
			flatten_usage(v, t, path, name, val, flat, 1);
			continue;
		}
		if (!schema_usage_key(t, name)) {
			const char *keys[64];
			size_t nk = 0;
			for (const struct usage_spec *u = t->usage; u && u->key && nk < 63; u++)
				keys[nk++] = u->key;
			keys[nk] = NULL;
			const char *near = nearest_word(name, keys);
			if (!t->usage)
				json_error(v, path, "%s takes no usage figures", t->type);
			else
				json_error(v, path, "unknown usage key \"%s\" for %s%s%s%s",
				     cp_sanitize(name, sbuf, sizeof(sbuf)), t->type,
				     near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
			continue;
		}
		if (!json_is_number(val)) {
			json_error(v, path, "usage %s must be a number", name);
			continue;
		}
		double d = json_number_value(val);
		if (!(d >= 0) || d > 1e12) {
			json_error(v, path, "usage %s is %s; it must be between 0 and 1e12", name,
			     num_text(val, sbuf, sizeof(sbuf)));
			continue;
		}
		json_object_set(flat, name, val);
	}
}

/* Open addressing, a power-of-two size at least twice the resources:
 * slots hold a resource index + 1 (0 = empty). */
struct scenario_index {
	size_t *by_name; /* keyed by type and name */
	size_t *by_type; /* the first resource of each type */
	size_t mask;
};

static size_t fnv(size_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

#define FNV_BASIS ((size_t)1469598103934665603u)

static size_t name_hash(const char *type, const char *name)
{
	return fnv(fnv(FNV_BASIS, type) * 31, name);
}

/* Index out->res (before any lookup; resources are not added after). The
 * first of equal keys wins, as a scan in order would. */
static void index_build(struct scenario *s)
{
	struct scenario_index *x = xcalloc(1, sizeof(*x));
	size_t size = 16;
	while (size < 2 * s->n)
		size *= 2;
	x->mask = size - 1;
	x->by_name = xcalloc(size, sizeof(size_t));
	x->by_type = xcalloc(size, sizeof(size_t));
	for (size_t i = 0; i < s->n; i++) {
		const struct resource *r = &s->res[i];
		size_t k = name_hash(r->type, r->name) & x->mask;
		while (x->by_name[k] && (strcmp(s->res[x->by_name[k] - 1].type, r->type) ||
					 strcmp(s->res[x->by_name[k] - 1].name, r->name)))
			k = (k + 1) & x->mask;
		if (!x->by_name[k])
			x->by_name[k] = i + 1;
		k = fnv(FNV_BASIS, r->type) & x->mask;
		while (x->by_type[k] && strcmp(s->res[x->by_type[k] - 1].type, r->type))
			k = (k + 1) & x->mask;
		if (!x->by_type[k])
			x->by_type[k] = i + 1;
	}
	s->index = x;
}

static void index_free(struct scenario_index *x)
{
	if (!x)
		return;
	free(x->by_name);
	free(x->by_type);
	free(x);
}

static void resource_release(struct resource *r)
{
	free(r->type);
	free(r->name);
	free(r->address);
	json_decref(r->attrs);
	json_decref(r->attr_loc);
	json_decref(r->usage);
}

void scenario_release(struct scenario *s)
{
	for (size_t i = 0; i < s->n; i++)
		resource_release(&s->res[i]);
	free(s->res);
	index_free(s->index);
	for (size_t i = 0; i < s->nnotes; i++)
		free(s->notes[i]);
	free(s->notes);
	free(s->path);
	free(s->name);
	free(s->description);
	free(s->region);
	free(s->claim_source);
	json_decref(s->root);
	memset(s, 0, sizeof(*s));
}

void scenario_add_note(struct scenario *s, const char *note)
{
	s->notes = xrealloc(s->notes, (s->nnotes + 1) * sizeof(char *));
	s->notes[s->nnotes++] = xstrdup(note);
}

static int valid_name(const char *n)
{
	if (!*n || strlen(n) > 128)
		return 0;
	for (const char *p = n; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return 0;
	return !(n[0] >= '0' && n[0] <= '9');
}

/* Accept "api", "aws_ecs_task_definition.api" and "...api.arn" / ".id". */
static char *ref_name(const char *v, const char *type)
{
	size_t tl = strlen(type);
	if (strncmp(v, type, tl) == 0 && v[tl] == '.')
		v += tl + 1;
	const char *dot = strchr(v, '.');
	return xstrndup(v, dot ? (size_t)(dot - v) : strlen(v));
}

static void check_refs(struct json_errors *v, struct scenario *s)
{
	char path[1024], sbuf[128];
	for (size_t i = 0; i < s->n && !v->stop; i++) {
		struct resource *r = &s->res[i];
		for (const struct attr_spec *a = r->spec->attrs; a && a->name; a++) {
			if (a->kind != ATTR_REF)
				continue;
			json_t *val = json_object_get(r->attrs, a->name);
			const char *target = json_string_value(val);
			if (!target || !target[0])
				continue;
			char *name = ref_name(target, a->ref_type);
			if (!scenario_find(s, a->ref_type, name)) {
				const char *cands[256];
				size_t nc = 0;
				for (size_t j = 0; j < s->n && nc < 255; j++)
					if (strcmp(s->res[j].type, a->ref_type) == 0)
						cands[nc++] = s->res[j].name;
				cands[nc] = NULL;
				const char *near = nearest_word(name, cands);
				snprintf(path, sizeof(path), "resource.%s.%s.%s", r->type, r->name, a->name);
				json_error(v, path, "%s \"%s\" names no %s in this scenario%s%s%s", a->name,
				     cp_sanitize(target, sbuf, sizeof(sbuf)), a->ref_type,
				     near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
			} else {
				json_object_set_new(r->attrs, a->name, json_string(name));
			}
			free(name);
		}
	}
}

struct check_ctx {
	struct json_errors *v;
	const struct resource *r;
};

void check_fail(struct check_ctx *c, const char *attr, const char *fmt, ...)
{
	char path[1100];
	va_list ap;
	snprintf(path, sizeof(path), "resource.%s.%s%s%s", c->r->type, c->r->name, attr ? "." : "",
		 attr ? attr : "");
	va_start(ap, fmt);
	json_verror(c->v, path, fmt, ap);
	va_end(ap);
}

/* Checks that span several attributes: each type's own (type_spec.check). */
static void check_cross(struct json_errors *v, struct scenario *s)
{
	for (size_t i = 0; i < s->n && !v->stop; i++) {
		const struct resource *r = &s->res[i];
		struct check_ctx c = {v, r};
		if (r->spec->check)
			r->spec->check(&c, r);
	}
}

/*
 * "from_plan": {"kind": "plan"|"state"|"terraform", "not_priced": [{"address", "type",
 * "reason"}], "warnings": ["..."], "addresses": {"type.name": "Terraform
 * address"}}: written by input_scenario_doc (model/input.h) when a plan, a
 * state or a Terraform directory stands in for a scenario; the engine
 * reports both lists, and each resource is shown by its Terraform address
 * (aws_eip.nat[0] for the scenario's aws_eip.nat_0) once the scenario is
 * built (rename_to_terraform).
 */
static void parse_from_plan(struct json_errors *v, json_t *val, struct scenario *out)
{
	size_t i;
	json_t *e;
	char p[64];
	if (!val)
		return;
	json_t *kind = json_object_get(val, "kind");
	json_t *np = json_object_get(val, "not_priced"), *w = json_object_get(val, "warnings");
	json_t *addrs = json_object_get(val, "addresses");
	if (!json_is_object(val) || !json_is_string(kind) || !json_is_array(np) ||
	    !json_is_array(w) || !json_is_object(addrs) || json_object_size(val) != 4) {
		json_error(v, "from_plan",
			   "from_plan is written by costplan when it reads a plan: {\"kind\", "
			   "\"not_priced\", \"warnings\", \"addresses\"}");
		return;
	}
	const char *k;
	json_object_foreach(addrs, k, e)
		if (!json_is_string(e)) {
			json_error(v, "from_plan.addresses", "an address maps to a string");
			return;
		}
	json_array_foreach(np, i, e) {
		snprintf(p, sizeof(p), "from_plan.not_priced[%zu]", i);
		if (!json_is_object(e) || !json_is_string(json_object_get(e, "address")) ||
		    !json_is_string(json_object_get(e, "type")) ||
		    !json_is_string(json_object_get(e, "reason")))
			json_error(v, p, "a not-priced entry has \"address\", \"type\" and \"reason\"");
	}
	json_array_foreach(w, i, e) {
		snprintf(p, sizeof(p), "from_plan.warnings[%zu]", i);
		if (!json_is_string(e))
			json_error(v, p, "a warning is a string");
	}
	out->from_plan = true;
}

/* Show each resource by its Terraform address (from_plan.addresses). */
static void rename_to_terraform(struct scenario *s, json_t *addrs)
{
	for (size_t i = 0; i < s->n; i++) {
		const char *tf = json_string_value(json_object_get(addrs, s->res[i].address));
		if (tf) {
			free(s->res[i].address);
			s->res[i].address = xstrdup(tf);
		}
	}
}

/*
 * "claim": {"usd": N, "source": "who says so"}: both required, nothing
 * else; N a number of US dollars a month from 0 to 1e9.
 */
static void parse_claim(struct json_errors *v, json_t *val, struct scenario *out)
{
	static const char *const KEYS[] = {"usd", "source", NULL};
	const char *k;
	json_t *x;
	char sbuf[128];
	if (!val)
		return;
	if (!json_is_object(val)) {
		json_error(v, "claim",
			   "claim must be an object: {\"usd\": 100, \"source\": \"who says so\"}");
		return;
	}
	int bad = 0;
	json_object_foreach(val, k, x) {
		int known = strcmp(k, "usd") == 0 || strcmp(k, "source") == 0;
		if (!known) {
			char p[300];
			const char *near = nearest_word(k, KEYS);
			snprintf(p, sizeof(p), "claim.%s", k);
			json_error(v, p, "unknown key \"%s\" in claim%s%s%s (claim has usd and source)",
				   cp_sanitize(k, sbuf, sizeof(sbuf)), near ? "; did you mean \"" : "",
				   near ? near : "", near ? "\"?" : "");
			bad++;
		}
	}
	json_t *usd = json_object_get(val, "usd"), *src = json_object_get(val, "source");
	dec d;
	if (!usd) {
		json_error(v, "claim", "claim needs \"usd\": the claimed monthly bill in US dollars");
		bad++;
	} else if (!json_is_number(usd) || !(json_number_value(usd) >= 0) ||
		   json_number_value(usd) > MAX_CLAIM_USD ||
		   dec_from_double(json_number_value(usd), &d) != 0) {
		json_error(v, "claim.usd", "claim.usd must be a number of US dollars from 0 to 1e9");
		bad++;
	}
	if (!src) {
		json_error(v, "claim",
			   "claim needs \"source\": who makes the claim, e.g. \"the vendor's "
			   "calculator\"");
		bad++;
	} else if (!json_is_string(src) || json_string_length(src) == 0) {
		json_error(v, "claim.source", "claim.source must be a non-empty string");
		bad++;
	} else if (json_string_length(src) > MAX_STRING) {
		json_error(v, "claim.source", "claim.source is longer than %d characters", MAX_STRING);
		bad++;
	}
	if (bad)
		return;
	out->has_claim = true;
	out->claim_usd = dec_round(d, 2);
	out->claim_source = xstrdup(json_string_value(src));
}

int scenario_from_json(json_t *root, const char *path, const struct json_pos *pos,
		       struct scenario *out)
{
	struct json_errors v = {.file = path, .pos = pos, .max = MAX_PROBLEMS};
	const char *key, *type, *name;
	json_t *val, *byname, *body;
	char sbuf[128], dpath[1024];
	size_t cap = 0; /* of out->res */

	memset(out, 0, sizeof(*out));
	out->path = xstrdup(path);
	out->free_tier = true;
	if (!json_is_object(root)) {
		json_error(&v, NULL, "a scenario must be a JSON object");
		goto fail;
	}
	out->root = json_incref(root);
	json_object_foreach(root, key, val) {
		if (v.stop)
			break;
		int known = 0;
		for (int i = 0; SCENARIO_KEYS[i]; i++)
			if (strcmp(SCENARIO_KEYS[i], key) == 0)
				known = 1;
		if (!known) {
			const char *near = nearest_word(key, SCENARIO_KEYS);
			json_error(&v, key, "unknown key \"%s\"%s%s%s", cp_sanitize(key, sbuf, sizeof(sbuf)),
			     near ? "; did you mean \"" : "", near ? near : "", near ? "\"?" : "");
		}
	}
	val = json_object_get(root, "costplan");
	if (val && (!json_is_integer(val) || json_integer_value(val) != 1))
		json_error(&v, "costplan", "\"costplan\" is the format version and must be 1");
	val = json_object_get(root, "name");
	if (val && !json_is_string(val))
		json_error(&v, "name", "name must be a string");
	if (json_is_string(val) && json_string_length(val) > MAX_NAME) {
		json_error(&v, "name", "name is longer than %d bytes", MAX_NAME);
		val = NULL;
	}
	out->name = xstrdup(json_is_string(val) ? json_string_value(val) : "");
	if (!out->name[0]) {
		/* default: the file name without folder and extension */
		const char *b = strrchr(path, '/');
		b = b ? b + 1 : path;
		const char *e = strrchr(b, '.');
		free(out->name);
		out->name = xstrndup(b, e && e != b ? (size_t)(e - b) : strlen(b));
	}
	val = json_object_get(root, "description");
	if (val && !json_is_string(val))
		json_error(&v, "description", "description must be a string");
	if (json_is_string(val) && json_string_length(val) > MAX_DESCRIPTION) {
		json_error(&v, "description", "description is longer than %d bytes", MAX_DESCRIPTION);
		val = NULL;
	}
	out->description = xstrdup(json_is_string(val) ? json_string_value(val) : "");
	val = json_object_get(root, "region");
	if (val && !json_is_string(val))
		json_error(&v, "region", "region must be a string such as \"us-east-1\"");
	out->region = xstrdup(json_is_string(val) ? json_string_value(val) : "us-east-1");
	if (!aws_region_find(out->region))
		json_error(&v, "region", "unknown region \"%s\"; use an AWS region code such as us-east-1",
		     cp_sanitize(out->region, sbuf, sizeof(sbuf)));
	val = json_object_get(root, "free_tier");
	if (val && !json_is_boolean(val))
		json_error(&v, "free_tier", "free_tier must be true or false");
	if (val && json_is_false(val))
		out->free_tier = false;
	val = json_object_get(root, "notes");
	if (val && !json_is_string(val) && !json_is_array(val))
		json_error(&v, "notes", "notes must be a string or a list of strings");
	if (json_is_string(val)) {
		if (json_string_length(val) > MAX_STRING)
			json_error(&v, "notes", "notes is longer than %d characters", MAX_STRING);
		else
			scenario_add_note(out, json_string_value(val));
	} else if (json_is_array(val)) {
		size_t i;
		json_t *e;
		json_array_foreach(val, i, e) {
			char np[64];
			snprintf(np, sizeof(np), "notes[%zu]", i);
			if (!json_is_string(e))
				json_error(&v, np, "notes[%zu] must be a string", i);
			else if (json_string_length(e) > MAX_STRING)
				json_error(&v, np, "notes[%zu] is longer than %d characters", i, MAX_STRING);
			else if (i >= 20)
				json_error(&v, np, "more than 20 notes");
			else
				scenario_add_note(out, json_string_value(e));
		}
	}
	parse_claim(&v, json_object_get(root, "claim"), out);
	parse_from_plan(&v, json_object_get(root, "from_plan"), out);

	byname = json_object_get(root, "resource");
	if (!byname) {
		json_error(&v, NULL, "no \"resource\" object: a scenario lists its resources there");
		goto fail;
	}
	if (!json_is_object(byname)) {
		json_error(&v, "resource", "\"resource\" must be an object of types");
		goto fail;
	}
	json_object_foreach(byname, type, val) {
		if (v.stop)
			break;
		const struct type_spec *t = schema_type(type);
		snprintf(dpath, sizeof(dpath), "resource.%s", type);
		if (!t) {
			const char *names[512];
			size_t k = 0;
			for (const struct type_spec *const *x = schema_types(); *x && k < 511; x++)
				names[k++] = (*x)->type;
			names[k] = NULL;
			const char *near = nearest_word(type, names);
			json_error(&v, dpath, "unknown resource type \"%s\"%s%s%s",
			     cp_sanitize(type, sbuf, sizeof(sbuf)), near ? "; did you mean \"" : "",
			     near ? near : "", near ? "\"?" : " (`costplan types` lists them)");
			continue;
		}
		if (!json_is_object(val)) {
			json_error(&v, dpath, "%s must be an object of named resources", type);
			continue;
		}
		json_object_foreach(val, name, body) {
			if (v.stop)
				break;
			char rpath[1024];
			snprintf(rpath, sizeof(rpath), "resource.%s.%s", type, name);
			if (!valid_name(name)) {
				json_error(&v, rpath,
				     "resource name \"%s\" must start with a letter or _ and hold only "
				     "letters, digits, _ and -",
				     cp_sanitize(name, sbuf, sizeof(sbuf)));
				continue;
			}
			if (!json_is_object(body)) {
				json_error(&v, rpath, "%s.%s must be an object of attributes", type, name);
				continue;
			}
			if (out->n >= MAX_RESOURCES) {
				json_error(&v, rpath, "more than %d resources", MAX_RESOURCES);
				goto fail;
			}
			if (out->n == cap) {
				cap = cap ? 2 * cap : 16;
				out->res = xrealloc(out->res, cap * sizeof(*out->res));
			}
			struct resource *r = &out->res[out->n++];
			memset(r, 0, sizeof(*r));
			r->spec = t;
			r->type = xstrdup(type);
			r->name = xstrdup(name);
			r->address = xasprintf("%s.%s", type, name);
			r->attrs = json_object();
			r->usage = json_object();
			json_pos_find(pos, rpath, &r->line, &r->col);
			if (t->open) {
				json_t *c = json_object_get(body, "count");
				if (c && (!json_is_integer(c) || json_integer_value(c) < 0 ||
					  json_integer_value(c) > 1000)) {
					char p2[1100];
					snprintf(p2, sizeof(p2), "%s.count", rpath);
					json_error(&v, p2, "count must be a whole number from 0 to 1000");
				}
				r->count = c && json_is_integer(c) ? (int)json_integer_value(c) : 1;
				continue;
			}
			if (pos)
				r->attr_loc = json_object();
			check_body(&v, t, rpath, body, r->attrs, r->attr_loc);
			json_t *c = json_object_get(r->attrs, "count");
			r->count = c ? (int)json_integer_value(c) : 1;
		}
	}

	index_build(out);

	val = json_object_get(root, "usage");
	if (val && !json_is_object(val)) {
		json_error(&v, "usage", "\"usage\" must be an object keyed by resource address");
	} else if (val) {
		const char *addr;
		json_t *u;
		json_object_foreach(val, addr, u) {
			if (v.stop)
				break;
			snprintf(dpath, sizeof(dpath), "usage.%s", addr);
			const struct resource *r = scenario_find_address(out, addr);
			if (!r) {
				const char *cands[MAX_RESOURCES > 4096 ? 4096 : MAX_RESOURCES];
				size_t nc = 0;
				for (size_t j = 0; j < out->n && nc < 4095; j++)
					cands[nc++] = out->res[j].address;
				cands[nc] = NULL;
				const char *near = nearest_word(addr, cands);
				json_error(&v, dpath, "usage for \"%s\", which is not a resource here%s%s%s",
				     cp_sanitize(addr, sbuf, sizeof(sbuf)), near ? "; did you mean \"" : "",
				     near ? near : "", near ? "\"?" : "");
				continue;
			}
			if (!json_is_object(u)) {
				json_error(&v, dpath, "usage for %s must be an object of figures", addr);
				continue;
			}
			flatten_usage(&v, r->spec, dpath, "", u, r->usage, 0);
		}
	}
	if (!v.errors)
		check_refs(&v, out);
	if (!v.errors)
		check_cross(&v, out);
	if (!v.errors) {
		/* the traffic profile (src/sim/profile.c) refers to resources */
		struct traffic_profile tp;
		v.errors += traffic_profile_parse(out, path, pos, &tp);
		traffic_profile_release(&tp);
	}
	if (v.errors)
		goto fail;
	if (out->from_plan)
		rename_to_terraform(out, json_object_get(json_object_get(root, "from_plan"),
							 "addresses"));
	return 0;
fail:
	if (v.errors > 1)
		cp_error(CP_EXIT_DATA, "%s: %d problems; nothing was priced", path, v.errors);
	scenario_release(out);
	return CP_EXIT_DATA;
}

int scenario_load(const char *path, struct scenario *out)
{
	json_t *root;
	struct json_pos *pos;
	int rc = scenario_read_json(path, &root, &pos);
	memset(out, 0, sizeof(*out));
	if (rc)
		return rc;
	rc = scenario_from_json(root, path, pos, out);
	json_decref(root);
	json_pos_free(pos);
	return rc;
}

const struct resource *scenario_find(const struct scenario *s, const char *type,
				     const char *name)
{
	const struct scenario_index *x = s->index;
	if (x) {
		for (size_t k = name_hash(type, name) & x->mask; x->by_name[k];
		     k = (k + 1) & x->mask) {
			const struct resource *r = &s->res[x->by_name[k] - 1];
			if (!strcmp(r->type, type) && !strcmp(r->name, name))
				return r;
		}
		return NULL;
	}
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->res[i].type, type) == 0 && strcmp(s->res[i].name, name) == 0)
			return &s->res[i];
	return NULL;
}

const struct resource *scenario_first(const struct scenario *s, const char *type)
{
	const struct scenario_index *x = s->index;
	if (x) {
		for (size_t k = fnv(FNV_BASIS, type) & x->mask; x->by_type[k];
		     k = (k + 1) & x->mask) {
			const struct resource *r = &s->res[x->by_type[k] - 1];
			if (!strcmp(r->type, type))
				return r;
		}
		return NULL;
	}
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->res[i].type, type) == 0)
			return &s->res[i];
	return NULL;
}

const struct resource *scenario_find_address(const struct scenario *s, const char *address)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->res[i].address, address) == 0)
			return &s->res[i];
	return NULL;
}

static json_t *attr(const struct resource *r, const char *name)
{
	json_t *v = json_object_get(r->attrs, name);
	if (!v) {
		cp_error(CP_EXIT_INTERNAL, "internal error: %s has no attribute %s (schema bug)",
			 r->address, name);
		exit(CP_EXIT_INTERNAL);
	}
	return v;
}

long res_int(const struct resource *r, const char *name)
{
	return (long)json_integer_value(attr(r, name));
}

double res_num(const struct resource *r, const char *name)
{
	return json_number_value(attr(r, name));
}

dec res_dec(const struct resource *r, const char *name)
{
	json_t *v = attr(r, name);
	dec d = dec_zero();
	if (json_is_integer(v))
		d = dec_from_int(json_integer_value(v));
	else
		dec_from_double(json_real_value(v), &d);
	return d;
}

bool res_bool(const struct resource *r, const char *name)
{
	return json_is_true(attr(r, name));
}

const char *res_str(const struct resource *r, const char *name)
{
	const char *s = json_string_value(attr(r, name));
	return s ? s : "";
}

size_t res_len(const struct resource *r, const char *name)
{
	return json_array_size(attr(r, name));
}

const struct resource *res_ref(const struct scenario *s, const struct resource *r,
			       const char *name)
{
	const struct attr_spec *a = schema_attr(r->spec, name);
	const char *v = res_str(r, name);
	if (!a || !v[0])
		return NULL;
	return scenario_find(s, a->ref_type, v);
}

bool res_usage(const struct resource *r, const char *key, dec *out)
{
	json_t *v = json_object_get(r->usage, key);
	*out = dec_zero();
	if (!v)
		return false;
	if (json_is_integer(v))
		*out = dec_from_int(json_integer_value(v));
	else if (dec_from_double(json_real_value(v), out) != 0)
		return false;
	return true;
}

void res_attr_loc(const struct resource *r, const char *attr, int *line, int *col)
{
	json_t *at = attr && r->attr_loc ? json_object_get(r->attr_loc, attr) : NULL;
	*line = at ? (int)json_integer_value(json_array_get(at, 0)) : r->line;
	*col = at ? (int)json_integer_value(json_array_get(at, 1)) : r->col;
}
