/*
 * plan_map.c - one plan resource onto its type's schema (plan_map.h).
 *
 * Attribute mapping is table-driven by the schema: an attribute
 * "runtime_platform.cpu_architecture" is read from
 * values.runtime_platform[0].cpu_architecture and converted to its kind.
 * The type's plan_attr hook handles the attributes that need Terraform's
 * own rules first. Defaults for unknown values: the prior value when the
 * resource exists, else the schema default, with a warning naming the
 * attribute (never for informational attributes).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/plan_internal.h"
#include "util/error.h"

/* values at a dotted path, blocks (lists of one object) stepped into. */
static enum plan_got tf_get(json_t *values, json_t *unknown, const char *path, json_t **out)
{
	char part[128];
	json_t *v = values, *u = unknown;
	const char *p = path;
	*out = NULL;
	while (*p) {
		size_t len = strcspn(p, ".");
		if (len >= sizeof(part))
			return PLAN_ABSENT;
		memcpy(part, p, len);
		part[len] = '\0';
		p += len;
		if (*p == '.')
			p++;
		if (json_is_array(v) && *part) {
			v = json_array_get(v, 0);
			if (u && json_is_array(u))
				u = json_array_get(u, 0);
		}
		v = json_is_object(v) ? json_object_get(v, part) : NULL;
		u = json_is_object(u) ? json_object_get(u, part) : (json_is_true(u) ? u : NULL);
		if (json_is_true(u) && (!v || json_is_null(v)))
			return PLAN_UNKNOWN;
		if (!v || json_is_null(v))
			return PLAN_ABSENT;
	}
	*out = v;
	return PLAN_VALUE;
}

/* An attribute that never changes a price: no warning when it is unknown. */
static int is_informational(const struct plan_map *m, const char *attr)
{
	const struct attr_spec *a = schema_attr(m->spec, attr);
	return a && a->info;
}


/* Read an attribute, resolving unknowns from the prior value. Returns the
 * value (borrowed) or NULL when absent or unknown (*unknown set). */
static json_t *get(struct plan_map *m, const char *path, int *unknown)
{
	json_t *v;
	*unknown = 0;
	enum plan_got g = tf_get(m->x->values, m->x->unknown, path, &v);
	if (g == PLAN_VALUE)
		return v;
	if (g == PLAN_ABSENT)
		return NULL;
	if (m->x->prior && tf_get(m->x->prior, NULL, path, &v) == PLAN_VALUE) {
		char s[128];
		if (!is_informational(m, path))
			side_warn(m->b->side,
				  "%s: %s is known only after apply; priced with its current value %s",
				  m->x->address, path, plan_vtext(v, s, sizeof(s)));
		return v;
	}
	*unknown = 1;
	return NULL;
}

static void assume(struct plan_map *m, const char *path, const char *what)
{
	if (!is_informational(m, path))
		side_warn(m->b->side, "%s: %s is known only after apply; assuming %s", m->x->address,
			  path, what);
}


/* A number from a JSON number or numeric string; -1 not a number, -2 absurd. */
static int num_of(struct plan_map *m, const char *attr, json_t *v, double *out)
{
	char s[128];
	if (json_is_number(v)) {
		*out = json_number_value(v);
	} else if (json_is_string(v)) {
		char *end;
		const char *t = json_string_value(v);
		errno = 0;
		*out = strtod(t, &end);
		if (end == t || *end || errno)
			return -1;
	} else {
		return -1;
	}
	if (!isfinite(*out) || fabs(*out) >= 1e15) {
		plan_err(m->b->p->path, "%s: %s is %s, which no real plan holds", m->x->address,
			 attr, plan_vtext(v, s, sizeof(s)));
		m->hard = 1;
		return -2;
	}
	return 0;
}

/* Convert v to the schema kind of a and set it in the body. */
static void put(struct plan_map *m, const struct attr_spec *a, json_t *v)
{
	char s[128], choices[512];
	double d;
	size_t i, o = 0;
	json_t *e;
	switch (a->kind) {
	case ATTR_INT:
	case ATTR_NUMBER:
	case ATTR_INTSET: {
		int r = num_of(m, a->name, v, &d);
		if (r == -2)
			return;
		if (r < 0 || (a->kind != ATTR_NUMBER && d != floor(d))) {
			plan_map_not_priced(m, "%s is %s, not a number costplan understands", a->name,
				   plan_vtext(v, s, sizeof(s)));
			return;
		}
		if (a->kind == ATTR_INTSET) {
			snprintf(s, sizeof(s), "%lld", (long long)d);
			for (i = 0; a->choices[i]; i++)
				if (!strcmp(a->choices[i], s))
					break;
			if (!a->choices[i]) {
				plan_map_not_priced(m, "%s %s is not a value costplan prices", a->name, s);
				return;
			}
		} else if (d < a->min || d > a->max) {
			plan_map_not_priced(m, "%s %s is outside what costplan prices (%g to %g)", a->name,
				   plan_vtext(v, s, sizeof(s)), a->min, a->max);
			return;
		}
		json_object_set_new(m->body, a->name,
				    a->kind == ATTR_NUMBER ? json_real(d) : json_integer((json_int_t)d));
		return;
	}
	case ATTR_BOOL:
		if (json_is_boolean(v))
			json_object_set(m->body, a->name, v);
		else if (json_is_string(v) && (!strcmp(json_string_value(v), "true") ||
					       !strcmp(json_string_value(v), "false")))
			json_object_set_new(m->body, a->name,
					    json_boolean(!strcmp(json_string_value(v), "true")));
		else
			plan_map_not_priced(m, "%s is %s, not true or false", a->name, plan_vtext(v, s, sizeof(s)));
		return;
	case ATTR_STRING:
		if (json_is_string(v)) {
			const char *t = json_string_value(v);
			json_object_set_new(m->body, a->name,
					    json_stringn(t, strlen(t) > 1000 ? 1000 : strlen(t)));
		}
		return;
	case ATTR_ENUM:
		if (!json_is_string(v) || !json_string_value(v)[0])
			return; /* "" = unset: the default */
		for (i = 0; a->choices[i]; i++)
			if (!strcmp(a->choices[i], json_string_value(v))) {
				json_object_set(m->body, a->name, v);
				return;
			}
		choices[0] = '\0';
		for (i = 0; a->choices[i] && o < sizeof(choices); i++)
			o += (size_t)snprintf(choices + o, sizeof(choices) - o, "%s%s", i ? ", " : "",
					      a->choices[i]);
		plan_map_not_priced(m, "%s \"%s\" is not priced (costplan prices %s)", a->name,
			   plan_vtext(v, s, sizeof(s)), choices);
		return;
	case ATTR_LIST:
	case ATTR_BLOCKS: {
		if (!json_is_array(v)) {
			plan_map_not_priced(m, "%s is %s, not a list", a->name, plan_vtext(v, s, sizeof(s)));
			return;
		}
		json_t *arr = json_array();
		json_array_foreach(v, i, e) {
			if (a->kind == ATTR_BLOCKS)
				json_array_append_new(arr, json_object());
			else
				json_array_append_new(arr, json_is_string(e) ? json_stringn(json_string_value(e), strlen(json_string_value(e)) > 200 ? 200 : strlen(json_string_value(e)))
									      : json_string("(known after apply)"));
		}
		if ((double)json_array_size(arr) < a->min || (double)json_array_size(arr) > a->max) {
			plan_map_not_priced(m, "%s has %zu entries; costplan prices %g to %g", a->name,
				   json_array_size(arr), a->min, a->max);
			json_decref(arr);
			return;
		}
		json_object_set_new(m->body, a->name, arr);
		return;
	}
	case ATTR_REF:
		return;
	}
}

/* A list of n placeholder strings. */
static json_t *placeholders(size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string("(known after apply)"));
	return a;
}

/* Length of a list attribute whose elements may be unknown; -1 unknown. */
static long list_len(struct plan_map *m, const char *attr)
{
	json_t *v = json_object_get(m->x->values, attr);
	json_t *u = m->x->unknown ? json_object_get(m->x->unknown, attr) : NULL;
	if (json_is_array(v))
		return (long)json_array_size(v);
	if (json_is_array(u))
		return (long)json_array_size(u);
	if (json_is_true(u) && m->x->prior && json_is_array(json_object_get(m->x->prior, attr)))
		return -2 - (long)json_array_size(json_object_get(m->x->prior, attr));
	return -1;
}

/* "256", "0.25 vCPU", "1 vcpu", "512", "2 GB", "2GB" -> units / MiB. */
static struct plan_inst *priced_target(struct plan_map *m, struct plan_inst *t, const char *what)
{
	if (!t) {
		plan_map_not_priced(m, "its %s is not in the plan (not found by reference, ARN or name)",
			   what);
		return NULL;
	}
	if (t->priced == 0) {
		plan_map_not_priced(m, "its %s %s is not priced", what, t->address);
		return NULL;
	}
	if (strcmp(t->region, m->x->region)) {
		plan_map_not_priced(m, "its %s %s is in another region", what, t->address);
		return NULL;
	}
	return t;
}

static void set_ref(struct plan_map *m, const char *attr, struct plan_inst *t)
{
	json_object_set_new(m->body, attr, json_string(t->sname));
}

void plan_map_attrs(struct plan_map *m)
{
	for (const struct attr_spec *a = m->spec->attrs; a && a->name && !m->hard; a++) {
		if (!strcmp(a->name, "count"))
			continue;
		if (m->spec->plan_attr && m->spec->plan_attr(m, a))
			continue;
		if (a->kind == ATTR_REF)
			continue;
		int unk;
		json_t *v = get(m, a->name, &unk);
		if (v) {
			put(m, a, v);
		} else if (unk) {
			if (a->def) {
				char what[160];
				snprintf(what, sizeof(what), "%s (the default)",
					 a->def[0] ? a->def : "none");
				assume(m, a->name, what);
			} else {
				plan_map_not_priced(m, "%s is known only after apply and has no default", a->name);
			}
		} else if (!a->def && a->kind == ATTR_STRING) {
			json_object_set_new(m->body, a->name, json_string(""));
		} else if (!a->def) {
			plan_map_not_priced(m, "%s is not set", a->name);
		}
	}
}

/* ---- the hooks' API (plan_map.h) ----------------------------------------- */

const char *plan_map_address(const struct plan_map *m)
{
	return m->x->address;
}

const struct type_spec *plan_map_spec(const struct plan_map *m)
{
	return m->spec;
}

json_t *plan_map_values(const struct plan_map *m)
{
	return m->x->values;
}

json_t *plan_map_get(struct plan_map *m, const char *path, int *unknown)
{
	return get(m, path, unknown);
}

enum plan_got plan_map_lookup(struct plan_map *m, const char *path, json_t **out)
{
	return tf_get(m->x->values, m->x->unknown, path, out);
}

enum plan_got plan_map_prior(struct plan_map *m, const char *path, json_t **out)
{
	*out = NULL;
	return m->x->prior ? tf_get(m->x->prior, NULL, path, out) : PLAN_ABSENT;
}

int plan_map_number(struct plan_map *m, const char *attr, json_t *v, double *out)
{
	return num_of(m, attr, v, out);
}

long plan_map_list_len(struct plan_map *m, const char *attr)
{
	return list_len(m, attr);
}

void plan_map_put(struct plan_map *m, const struct attr_spec *a, json_t *v)
{
	put(m, a, v);
}

void plan_map_put_placeholders(struct plan_map *m, const struct attr_spec *a, size_t n)
{
	json_t *arr = placeholders(n > 100 ? 100 : n);
	put(m, a, arr);
	json_decref(arr);
}

void plan_map_set(struct plan_map *m, const char *name, json_t *v)
{
	json_object_set_new(m->body, name, v);
}

long plan_map_body_int(const struct plan_map *m, const char *name)
{
	return (long)json_integer_value(json_object_get(m->body, name));
}

bool plan_map_body_bool(const struct plan_map *m, const char *name)
{
	return json_is_true(json_object_get(m->body, name));
}

void plan_map_assume(struct plan_map *m, const char *path, const char *what)
{
	assume(m, path, what);
}

void plan_map_warn(struct plan_map *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strv_push_unique(&m->b->side->warnings, &m->b->side->nwarn, xvasprintf(fmt, ap));
	va_end(ap);
}

void plan_map_not_priced(struct plan_map *m, const char *fmt, ...)
{
	va_list ap;
	if (m->why[0])
		return;
	va_start(ap, fmt);
	vsnprintf(m->why, sizeof(m->why), fmt, ap);
	va_end(ap);
}

struct plan_inst *plan_map_find(struct plan_map *m, const char *type, const char *key,
				const char *value, size_t k)
{
	return plan_index_find(m->b, type, key, value, k);
}

struct plan_inst *plan_map_config_ref(struct plan_map *m, const char *attr, const char *type)
{
	return config_ref(m->b, m->x, attr, type);
}

bool plan_map_same_module(const struct plan_map *m, const struct plan_inst *t)
{
	return strcmp(t->module_address, m->x->module_address) == 0;
}

const char *plan_inst_address(const struct plan_inst *t)
{
	return t->address;
}

void plan_map_link(struct plan_map *m, const char *attr, struct plan_inst *t, const char *what)
{
	t = priced_target(m, t, what);
	if (t)
		set_ref(m, attr, t);
}

void plan_map_twin(struct plan_map *m, const char *suffix, json_t *overrides)
{
	json_decref(m->twin);
	m->twin = overrides;
	snprintf(m->twin_suffix, sizeof(m->twin_suffix), "%s", suffix);
}
