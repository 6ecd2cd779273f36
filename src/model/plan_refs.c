/*
 * plan_refs.c - links between the resources of a plan side: through the
 * configuration's expressions (a reference "aws_x.n.attr" in the same
 * module, "var.v" through the parent's module call, "module.m.out" through
 * the child's outputs) and through the attributes a type is found by
 * (type_spec.plan_index: a task definition's ARN or family, a service's
 * name).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/plan_internal.h"
#include "util/error.h"

/* Module names of an instance module address, indexes dropped:
 * module.a["k"].module.b[0] -> [a, b]. Returns count, or -1. */
int module_names(const char *mod, char names[][128], int max)
{
	int n = 0;
	const char *s = mod;
	while (*s) {
		if (strncmp(s, "module.", 7) != 0 || n >= max)
			return -1;
		s += 7;
		size_t len = 0;
		while (s[len] && s[len] != '.' && s[len] != '[')
			len++;
		if (len == 0 || len >= 128)
			return -1;
		memcpy(names[n], s, len);
		names[n][len] = '\0';
		n++;
		s += len;
		if (*s == '[') {
			s++;
			if (*s == '"') {
				for (s++; *s && *s != '"'; s++)
					if (*s == '\\' && s[1])
						s++;
				if (*s)
					s++;
			}
			while (*s && *s != ']')
				s++;
			if (*s)
				s++;
		}
		if (*s == '.')
			s++;
	}
	return n;
}

/* The configuration module object for names[0..n). */
json_t *config_module(json_t *root, char names[][128], int n)
{
	json_t *m = json_object_get(json_object_get(root, "configuration"), "root_module");
	for (int i = 0; i < n && m; i++)
		m = json_object_get(json_object_get(json_object_get(m, "module_calls"), names[i]),
				    "module");
	return json_is_object(m) ? m : NULL;
}

json_t *config_resource(json_t *mod, const char *type, const char *name)
{
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(mod, "resources"), i, r) {
		const char *t = json_string_value(json_object_get(r, "type"));
		const char *nm = json_string_value(json_object_get(r, "name"));
		const char *mode = json_string_value(json_object_get(r, "mode"));
		if (t && nm && !strcmp(t, type) && !strcmp(nm, name) && (!mode || !strcmp(mode, "managed")))
			return r;
	}
	return NULL;
}

/* Strip indexes from a module address ("module.a[0].module.b" -> "module.a.module.b"). */
static void strip_indexes(const char *mod, char *out, size_t size)
{
	char names[MAX_MODULE_DEPTH][128];
	int n = module_names(mod, names, MAX_MODULE_DEPTH);
	size_t o = 0;
	out[0] = '\0';
	for (int i = 0; i < n && o < size; i++)
		o += (size_t)snprintf(out + o, size - o, "%smodule.%s", i ? "." : "", names[i]);
}

static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;
	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

/* The instances of one type.name in one index-free module path, sorted by
 * module address (then plan order): the instances nearest a referrer's
 * module are then next to where its address would sort, found by binary
 * search. A for_each module of 800 instances was scanned whole for each
 * of its references. */
struct group_entry {
	const char *module_address;
	size_t i; /* in b->in */
};
struct inst_group {
	struct group_entry *v;
	size_t n, cap;
	int sorted;
};

static int entry_cmp(const void *a, const void *b)
{
	const struct group_entry *x = a, *y = b;
	int c = strcmp(x->module_address, y->module_address);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

void plan_groups_free(struct side_build *b)
{
	for (size_t i = 0; i < b->ngroups; i++)
		free(b->groups[i].v);
	free(b->groups);
}

/* Index the instances collected since the last call. */
static void index_instances(struct side_build *b)
{
	char buf[MAX_ADDRESS];
	if (!b->by_type_name)
		b->by_type_name = json_object();
	for (; b->n_by_type_name < b->n; b->n_by_type_name++) {
		const struct plan_inst *x = &b->in[b->n_by_type_name];
		strip_indexes(x->module_address, buf, sizeof(buf));
		char *k = xasprintf("%s\037%s\037%s", x->type, x->name, buf);
		json_t *g = json_object_get(b->by_type_name, k);
		if (!g) {
			b->groups = xrealloc(b->groups, (b->ngroups + 1) * sizeof(*b->groups));
			memset(&b->groups[b->ngroups], 0, sizeof(*b->groups));
			json_object_set_new(b->by_type_name, k, g = json_integer((json_int_t)b->ngroups++));
		}
		free(k);
		struct inst_group *gr = &b->groups[json_integer_value(g)];
		if (gr->n == gr->cap) {
			gr->cap = gr->cap ? 2 * gr->cap : 4;
			gr->v = xrealloc(gr->v, gr->cap * sizeof(*gr->v));
		}
		gr->v[gr->n++] = (struct group_entry){x->module_address, b->n_by_type_name};
		gr->sorted = 0;
	}
}

/* The instance of type.name in module (index-free path) modpath: the one
 * whose module instance shares the longest prefix with `like`'s (so
 * module.svc["a"] finds module.svc["a"].module.task's resource), then the
 * same count/for_each index, then the first in plan order. */
static struct plan_inst *find_inst(struct side_build *b, const char *modpath, const char *type,
			      const char *name, const struct plan_inst *like)
{
	index_instances(b);
	char *key = xasprintf("%s\037%s\037%s", type, name, modpath);
	json_t *g = json_object_get(b->by_type_name, key);
	free(key);
	if (!g)
		return NULL;
	struct inst_group *gr = &b->groups[json_integer_value(g)];
	if (!gr->sorted) {
		qsort(gr->v, gr->n, sizeof(*gr->v), entry_cmp);
		gr->sorted = 1;
	}
	size_t lo = 0, hi = gr->n;
	if (like) {
		/* the longest common prefix with L is that of a neighbour of
		 * where L sorts; the entries sharing it are contiguous around */
		const char *L = like->module_address;
		size_t pos = 0, top = gr->n;
		while (pos < top) {
			size_t mid = pos + (top - pos) / 2;
			if (strcmp(gr->v[mid].module_address, L) < 0)
				pos = mid + 1;
			else
				top = mid;
		}
		size_t best = 0;
		if (pos > 0)
			best = common_prefix(gr->v[pos - 1].module_address, L);
		if (pos < gr->n && common_prefix(gr->v[pos].module_address, L) > best)
			best = common_prefix(gr->v[pos].module_address, L);
		lo = hi = pos;
		while (lo > 0 && common_prefix(gr->v[lo - 1].module_address, L) >= best)
			lo--;
		while (hi < gr->n && common_prefix(gr->v[hi].module_address, L) >= best)
			hi++;
	}
	const char *idx = like ? strchr(like->address + strlen(like->module_address), '[') : NULL;
	size_t pick = (size_t)-1;
	int pick_same = 0;
	for (size_t k = lo; k < hi; k++) {
		const struct plan_inst *x = &b->in[gr->v[k].i];
		const char *xi = strchr(x->address + strlen(x->module_address), '[');
		int same = idx && xi && !strcmp(idx, xi);
		if (pick == (size_t)-1 || same > pick_same ||
		    (same == pick_same && gr->v[k].i < pick)) {
			pick = gr->v[k].i;
			pick_same = same;
		}
	}
	return pick == (size_t)-1 ? NULL : &b->in[pick];
}

/*
 * Follow configuration references (a list of strings) to an instance of
 * want_type: "aws_x.n.attr" in this module, "var.v" through the parent's
 * module call, "module.m.out" through the child's outputs.
 */
static struct plan_inst *follow_refs(struct side_build *b, json_t *refs, char names[][128], int n,
				const char *want, const struct plan_inst *like, int depth)
{
	size_t i;
	json_t *rv;
	size_t wl = strlen(want);
	char modpath[MAX_ADDRESS];
	if (depth > 16)
		return NULL;
	modpath[0] = '\0';
	for (int k = 0, o = 0; k < n; k++)
		o += snprintf(modpath + o, sizeof(modpath) - (size_t)o, "%smodule.%s", k ? "." : "",
			      names[k]);
	json_array_foreach(refs, i, rv) {
		const char *r = json_string_value(rv);
		if (!r)
			continue;
		if (!strncmp(r, want, wl) && r[wl] == '.') {
			char nm[256];
			size_t len = strcspn(r + wl + 1, ".[");
			if (len == 0 || len >= sizeof(nm))
				continue;
			memcpy(nm, r + wl + 1, len);
			nm[len] = '\0';
			struct plan_inst *x = find_inst(b, modpath, want, nm, like);
			if (x)
				return x;
		} else if (!strncmp(r, "var.", 4) && n > 0) {
			char v[256];
			size_t len = strcspn(r + 4, ".[");
			if (len == 0 || len >= sizeof(v))
				continue;
			memcpy(v, r + 4, len);
			v[len] = '\0';
			json_t *parent = config_module(b->root, names, n - 1);
			json_t *call = json_object_get(json_object_get(parent, "module_calls"), names[n - 1]);
			json_t *prefs = json_object_get(
				json_object_get(json_object_get(call, "expressions"), v), "references");
			struct plan_inst *x = follow_refs(b, prefs, names, n - 1, want, like, depth + 1);
			if (x)
				return x;
		} else if (!strncmp(r, "module.", 7) && n < MAX_MODULE_DEPTH) {
			char m[128], out[256];
			const char *s = r + 7;
			size_t len = strcspn(s, ".[");
			if (len == 0 || len >= sizeof(m))
				continue;
			memcpy(m, s, len);
			m[len] = '\0';
			s += len;
			if (*s == '[')
				s = strchr(s, ']') ? strchr(s, ']') + 1 : s + strlen(s);
			if (*s != '.')
				continue;
			s++;
			len = strcspn(s, ".[");
			if (len == 0 || len >= sizeof(out))
				continue;
			memcpy(out, s, len);
			out[len] = '\0';
			char (*nn)[128] = xcalloc((size_t)n + 1, 128);
			for (int k = 0; k < n; k++)
				memcpy(nn[k], names[k], 128);
			memcpy(nn[n], m, sizeof(m));
			json_t *child = config_module(b->root, nn, n + 1);
			json_t *orefs = json_object_get(
				json_object_get(json_object_get(json_object_get(child, "outputs"), out),
						"expression"),
				"references");
			struct plan_inst *x = follow_refs(b, orefs, nn, n + 1, want, like, depth + 1);
			free(nn);
			if (x)
				return x;
		}
	}
	return NULL;
}

/* Follow the configuration expression of x's attribute to a want instance.
 * A dotted attribute steps into nested blocks, which the configuration
 * writes as lists of one object ("launch_template.id"). */
struct plan_inst *config_ref(struct side_build *b, const struct plan_inst *x, const char *attr,
			       const char *want)
{
	char names[MAX_MODULE_DEPTH][128], part[128];
	int n = module_names(x->module_address, names, MAX_MODULE_DEPTH);
	if (n < 0)
		return NULL;
	json_t *mod = config_module(b->root, names, n);
	json_t *rc = config_resource(mod, x->type, x->name);
	json_t *ex = json_object_get(rc, "expressions");
	for (const char *s = attr; *s && ex;) {
		size_t len = strcspn(s, ".");
		if (len >= sizeof(part))
			return NULL;
		memcpy(part, s, len);
		part[len] = '\0';
		ex = json_object_get(ex, part);
		if (s[len] == '.' && json_is_array(ex))
			ex = json_array_get(ex, 0);
		s += len + (s[len] == '.');
	}
	json_t *refs = json_object_get(ex, "references");
	return follow_refs(b, refs, names, n, want, x, 0);
}

/* ---- attribute indexes ------------------------------------------------- */

static char *index_key(const char *type, const char *key, const char *value)
{
	return xasprintf("%s\037%s\037%s", type, key, value);
}

void plan_index_add(struct side_build *b, size_t i)
{
	struct plan_inst *x = &b->in[i];
	const struct type_spec *t = schema_type(x->type);
	for (const char *const *k = t ? t->plan_index : NULL; k && *k; k++) {
		const char *v = json_string_value(json_object_get(x->values, *k));
		if (!v)
			continue;
		char *key = index_key(x->type, *k, v);
		json_t *l = json_object_get(b->index, key);
		if (!l) {
			l = json_array();
			json_object_set_new(b->index, key, l);
		}
		json_array_append_new(l, json_integer((json_int_t)i));
		free(key);
	}
}

struct plan_inst *plan_index_find(struct side_build *b, const char *type, const char *key,
				  const char *value, size_t k)
{
	char *ik = index_key(type, key, value);
	json_t *ix = json_array_get(json_object_get(b->index, ik), k);
	free(ik);
	return ix ? &b->in[json_integer_value(ix)] : NULL;
}
