/*
 * hcl_funcs_coll.c - collection and conversion functions: length, lookup,
 * merge, concat, flatten, element, keys, values, contains, coalesce,
 * coalescelist, zipmap, distinct, compact, one, reverse, slice, sort,
 * index, setunion/intersection/subtract, chunklist, alltrue, anytrue, and
 * tolist, toset, tomap, tonumber, tostring, tobool, sensitive,
 * nonsensitive.
 *
 * Unknowns: see hcl_funcs.h. Functions flagged FN_TOP here look inside
 * their arguments and stay known where Terraform does (length() of a list
 * of unknown IDs, keys() of a map with unknown values).
 */
#include "model/terraform/hcl_funcs_lib.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define R (ev->r)

static size_t utf8_len(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static struct hval *f_length(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	switch (a[0]->kind) {
	case HV_STRING:
		return hv_number(R, (double)utf8_len(a[0]->s.p, a[0]->s.n));
	case HV_LIST:
	case HV_SET:
	case HV_OBJECT:
		if (a[0]->kind == HV_OBJECT && (a[0]->flags & HV_OPEN))
			return HV_UNKNOWNV;
		return hv_number(R, (double)hv_len(a[0]));
	default: {
		char d[80];
		hcl_fail(R, pos, "length(): a string, list, set or map is needed, not %s",
			 hcl_describe(a[0], d, sizeof(d)));
	}
	}
}

static struct hval *f_lookup(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	struct hval *m = fa_object(ev, a, 0, "lookup", pos);
	struct hval *k = fa_string(ev, a, 1, "lookup", pos);
	struct hval *v = hv_get(m, k->s.p, k->s.n);
	if (v)
		return v;
	if (m->flags & HV_OPEN)
		return HV_UNKNOWNV;
	if (n == 3)
		return a[2];
	char d[80];
	hcl_fail(R, pos, "lookup(): the map has no key %s and no default was given",
		 hcl_describe(k, d, sizeof(d)));
}

static struct hval *f_merge(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	struct hv_objb b;
	hv_objb_init(&b, R);
	for (size_t i = 0; i < n; i++) {
		if (a[i]->kind == HV_NULL)
			continue;
		fa_object(ev, a, i, "merge", pos);
		if (a[i]->flags & HV_OPEN)
			return HV_UNKNOWNV;
		for (size_t j = 0; j < a[i]->o.n; j++)
			hv_objb_add(&b, a[i]->o.k[j], a[i]->o.kn[j], a[i]->o.v[j]);
	}
	return hv_objb_finish(&b, false, pos); /* the later argument wins */
}

static struct hval *f_concat(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	struct hv_listb b;
	hv_listb_init(&b, R);
	for (size_t i = 0; i < n; i++) {
		fa_list(ev, a, i, "concat", pos);
		for (size_t j = 0; j < a[i]->l.n; j++)
			hv_listb_add(&b, a[i]->l.v[j]);
	}
	return hv_listb_finish(&b);
}

/* false: an unknown element was met (the result is unknown) */
static bool flatten_into(struct hcl_eval *ev, struct hval *l, struct hv_listb *b,
			 const struct hcl_pos *pos)
{
	hcl_enter(R, pos);
	for (size_t i = 0; i < l->l.n; i++) {
		struct hval *x = l->l.v[i];
		if (x->kind == HV_UNKNOWN) {
			hcl_leave(R);
			return false;
		}
		if (x->kind == HV_LIST || x->kind == HV_SET) {
			if (!flatten_into(ev, x, b, pos)) {
				hcl_leave(R);
				return false;
			}
		} else {
			hv_listb_add(b, x);
		}
	}
	hcl_leave(R);
	return true;
}

static struct hval *f_flatten(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	struct hv_listb b;
	(void)n;
	hv_listb_init(&b, R);
	if (!flatten_into(ev, fa_list(ev, a, 0, "flatten", pos), &b, pos))
		return HV_UNKNOWNV;
	return hv_listb_finish(&b);
}

static struct hval *f_element(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "element", pos);
	long long i = fa_integer(ev, a, 1, "element", pos);
	if (l->l.n == 0)
		hcl_fail(R, pos, "element(): cannot pick from an empty list");
	if (i < 0)
		hcl_fail(R, pos, "element(): the index must not be negative");
	return l->l.v[(size_t)i % l->l.n];
}

static struct hval *f_keys(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *m = fa_object(ev, a, 0, "keys", pos);
	if (m->flags & HV_OPEN)
		return HV_UNKNOWNV;
	struct hval **v = hcl_alloc_array(R, m->o.n ? m->o.n : 1, sizeof(*v));
	for (size_t i = 0; i < m->o.n; i++)
		v[i] = hv_string_ref(R, m->o.k[i], m->o.kn[i]);
	return hv_list(R, v, m->o.n);
}

static struct hval *f_values(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *m = fa_object(ev, a, 0, "values", pos);
	if (m->flags & HV_OPEN)
		return HV_UNKNOWNV;
	return hv_list(R, m->o.v, m->o.n);
}

static struct hval *f_contains(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "contains", pos);
	if (!hv_wholly_known(a[1]))
		return HV_UNKNOWNV;
	hv_check_nodes(R, l, pos);
	hv_check_nodes(R, a[1], pos);
	bool unknown = false;
	for (size_t i = 0; i < l->l.n; i++) {
		if (!hv_wholly_known(l->l.v[i]))
			unknown = true;
		else if (hv_equal(l->l.v[i], a[1]))
			return HV_TRUE;
	}
	return unknown ? HV_UNKNOWNV : HV_FALSE;
}

static struct hval *f_coalesce(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	for (size_t i = 0; i < n; i++) {
		if (a[i]->kind == HV_UNKNOWN)
			return HV_UNKNOWNV;
		if (a[i]->kind == HV_NULL || (a[i]->kind == HV_STRING && a[i]->s.n == 0))
			continue;
		return a[i];
	}
	hcl_fail(R, pos, "coalesce(): every argument is null or an empty string");
}

static struct hval *f_coalescelist(struct hcl_eval *ev, struct hval **a, size_t n,
				   const struct hcl_pos *pos)
{
	for (size_t i = 0; i < n; i++) {
		if (a[i]->kind == HV_UNKNOWN)
			return HV_UNKNOWNV;
		if (a[i]->kind == HV_NULL)
			continue;
		if (hv_len(fa_list(ev, a, i, "coalescelist", pos)))
			return a[i];
	}
	hcl_fail(R, pos, "coalescelist(): every argument is empty");
}

static struct hval *f_zipmap(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *k = fa_list(ev, a, 0, "zipmap", pos);
	struct hval *v = fa_list(ev, a, 1, "zipmap", pos);
	if (!hv_wholly_known(k))
		return HV_UNKNOWNV;
	if (k->l.n != v->l.n)
		hcl_fail(R, pos, "zipmap(): %zu keys and %zu values; the lists must be as long", k->l.n,
			 v->l.n);
	struct hv_objb b;
	hv_objb_init(&b, R);
	for (size_t i = 0; i < k->l.n; i++) {
		struct hval *ks;
		char d[80];
		if (k->l.v[i]->kind == HV_NULL || !hv_to_string(R, k->l.v[i], &ks))
			hcl_fail(R, pos, "zipmap(): key %s is not a string",
				 hcl_describe(k->l.v[i], d, sizeof(d)));
		hv_objb_add(&b, ks->s.p, ks->s.n, v->l.v[i]);
	}
	return hv_objb_finish(&b, false, pos);
}

static struct hval *f_distinct(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "distinct", pos);
	struct hv_listb b;
	hv_check_nodes(R, l, pos);
	hv_listb_init(&b, R);
	for (size_t i = 0; i < l->l.n; i++) {
		size_t j;
		for (j = 0; j < b.n; j++)
			if (hv_equal(b.v[j], l->l.v[i]))
				break;
		R->steps += (long)b.n;
		hcl_step(R, pos);
		if (j == b.n)
			hv_listb_add(&b, l->l.v[i]);
	}
	return hv_listb_finish(&b);
}

static struct hval *f_compact(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "compact", pos);
	struct hv_listb b;
	hv_listb_init(&b, R);
	for (size_t i = 0; i < l->l.n; i++) {
		struct hval *x = l->l.v[i];
		if (x->kind == HV_UNKNOWN)
			return HV_UNKNOWNV;
		if (x->kind == HV_NULL || (x->kind == HV_STRING && x->s.n == 0))
			continue;
		struct hval *s;
		char d[80];
		if (!hv_to_string(R, x, &s))
			hcl_fail(R, pos, "compact(): elements must be strings, not %s",
				 hcl_describe(x, d, sizeof(d)));
		hv_listb_add(&b, s);
	}
	return hv_listb_finish(&b);
}

static struct hval *f_one(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	if (a[0]->kind == HV_NULL)
		return HV_NULLV;
	struct hval *l = fa_list(ev, a, 0, "one", pos);
	if (l->l.n == 0)
		return HV_NULLV;
	if (l->l.n > 1)
		hcl_fail(R, pos, "one(): the list has %zu elements; it must have at most one", l->l.n);
	return l->l.v[0];
}

static struct hval *f_reverse(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "reverse", pos);
	struct hval **v = hcl_alloc_array(R, l->l.n ? l->l.n : 1, sizeof(*v));
	for (size_t i = 0; i < l->l.n; i++)
		v[i] = l->l.v[l->l.n - 1 - i];
	return hv_list(R, v, l->l.n);
}

static struct hval *f_slice(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "slice", pos);
	long long s = fa_integer(ev, a, 1, "slice", pos), e = fa_integer(ev, a, 2, "slice", pos);
	if (s < 0 || e < s || (size_t)e > l->l.n)
		hcl_fail(R, pos, "slice(): indexes %lld to %lld do not fit a list of %zu", s, e, l->l.n);
	return hv_list(R, l->l.v + s, (size_t)(e - s));
}

static int cmp_str(const void *x, const void *y)
{
	const struct hval *a = *(struct hval *const *)x, *b = *(struct hval *const *)y;
	return hv_keycmp(a->s.p, a->s.n, b->s.p, b->s.n);
}

static struct hval *f_sort(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "sort", pos);
	struct hval **v = hcl_alloc_array(R, l->l.n ? l->l.n : 1, sizeof(*v));
	for (size_t i = 0; i < l->l.n; i++)
		v[i] = fa_string(ev, l->l.v, i, "sort", pos);
	qsort(v, l->l.n, sizeof(*v), cmp_str);
	return hv_list(R, v, l->l.n);
}

static struct hval *f_index(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "index", pos);
	hv_check_nodes(R, l, pos);
	hv_check_nodes(R, a[1], pos);
	for (size_t i = 0; i < l->l.n; i++)
		if (hv_equal(l->l.v[i], a[1]))
			return hv_number(R, (double)i);
	char d[80];
	hcl_fail(R, pos, "index(): %s is not in the list", hcl_describe(a[1], d, sizeof(d)));
}

static bool in_list(const struct hval *l, const struct hval *x)
{
	for (size_t i = 0; i < l->l.n; i++)
		if (hv_equal(l->l.v[i], x))
			return true;
	return false;
}

static struct hval *setop(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos,
			  const char *fn, int op)
{
	struct hv_listb b;
	hv_listb_init(&b, R);
	for (size_t i = 0; i < n; i++)
		hv_check_nodes(R, fa_list(ev, a, i, fn, pos), pos);
	for (size_t i = 0; i < (op == 0 ? n : 1); i++)
		for (size_t j = 0; j < a[i]->l.n; j++) {
			struct hval *x = a[i]->l.v[j];
			bool keep = true;
			for (size_t k = 1; op && k < n; k++) {
				bool in = in_list(a[k], x);
				R->steps += (long)a[k]->l.n;
				keep &= op == 1 ? in : !in;
			}
			if (keep)
				hv_listb_add(&b, x);
		}
	hcl_step(R, pos);
	return hv_set(R, b.v, b.n);
}

static struct hval *f_setunion(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	return setop(ev, a, n, pos, "setunion", 0);
}

static struct hval *f_setintersection(struct hcl_eval *ev, struct hval **a, size_t n,
				      const struct hcl_pos *pos)
{
	return setop(ev, a, n, pos, "setintersection", 1);
}

static struct hval *f_setsubtract(struct hcl_eval *ev, struct hval **a, size_t n,
				  const struct hcl_pos *pos)
{
	return setop(ev, a, n, pos, "setsubtract", 2);
}

static struct hval *f_chunklist(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "chunklist", pos);
	long long size = fa_integer(ev, a, 1, "chunklist", pos);
	if (size < 0)
		hcl_fail(R, pos, "chunklist(): the size must not be negative");
	if (size == 0)
		return hv_list(R, &l, 1);
	struct hv_listb b;
	hv_listb_init(&b, R);
	for (size_t i = 0; i < l->l.n; i += (size_t)size) {
		size_t m = l->l.n - i < (size_t)size ? l->l.n - i : (size_t)size;
		hv_listb_add(&b, hv_list(R, l->l.v + i, m));
	}
	return hv_listb_finish(&b);
}

static struct hval *all_any(struct hcl_eval *ev, struct hval **a, const struct hcl_pos *pos,
			    bool all, const char *fn)
{
	struct hval *l = fa_list(ev, a, 0, fn, pos);
	bool unknown = false;
	for (size_t i = 0; i < l->l.n; i++) {
		struct hval *b;
		char d[80];
		if (l->l.v[i]->kind == HV_UNKNOWN) {
			unknown = true;
			continue;
		}
		if (l->l.v[i]->kind == HV_NULL || !hv_to_bool(l->l.v[i], &b))
			hcl_fail(R, pos, "%s(): elements must be true or false, not %s", fn,
				 hcl_describe(l->l.v[i], d, sizeof(d)));
		if (all && !b->b)
			return HV_FALSE;
		if (!all && b->b)
			return HV_TRUE;
	}
	return unknown ? HV_UNKNOWNV : hv_bool(all);
}

static struct hval *f_alltrue(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return all_any(ev, a, pos, true, "alltrue");
}

static struct hval *f_anytrue(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return all_any(ev, a, pos, false, "anytrue");
}

static struct hval *f_tolist(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	if (a[0]->kind == HV_NULL)
		return HV_NULLV;
	struct hval *l = fa_list(ev, a, 0, "tolist", pos);
	return hv_list(R, l->l.v, l->l.n);
}

static struct hval *f_toset(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	if (a[0]->kind == HV_NULL)
		return HV_NULLV;
	struct hval *l = fa_list(ev, a, 0, "toset", pos);
	return hv_set(R, l->l.v, l->l.n);
}

static struct hval *f_tomap(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	if (a[0]->kind == HV_NULL)
		return HV_NULLV;
	return fa_object(ev, a, 0, "tomap", pos);
}

static struct hval *f_tonumber(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *v;
	char d[80];
	if (a[0]->kind == HV_NULL)
		return HV_NULLV;
	if (!hv_to_number(R, a[0], &v))
		hcl_fail(R, pos, "tonumber(): cannot make a number of %s", hcl_describe(a[0], d, sizeof(d)));
	return v;
}

static struct hval *f_tostring(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *v;
	char d[80];
	if (a[0]->kind == HV_NULL)
		return HV_NULLV;
	if (!hv_to_string(R, a[0], &v))
		hcl_fail(R, pos, "tostring(): cannot make a string of %s", hcl_describe(a[0], d, sizeof(d)));
	return v;
}

static struct hval *f_tobool(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *v;
	char d[80];
	if (a[0]->kind == HV_NULL)
		return HV_NULLV;
	if (!hv_to_bool(a[0], &v))
		hcl_fail(R, pos, "tobool(): cannot make a bool of %s", hcl_describe(a[0], d, sizeof(d)));
	return v;
}

static struct hval *f_identity(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)ev;
	(void)n;
	(void)pos;
	return a[0];
}

const struct hcl_func hcl_funcs_coll[] = {
	{"length", 1, 1, FN_TOP, f_length},
	{"lookup", 2, 3, FN_TOP, f_lookup},
	{"merge", 0, -1, FN_TOP, f_merge},
	{"concat", 0, -1, FN_TOP, f_concat},
	{"flatten", 1, 1, FN_TOP, f_flatten},
	{"element", 2, 2, FN_TOP, f_element},
	{"keys", 1, 1, FN_TOP, f_keys},
	{"values", 1, 1, FN_TOP, f_values},
	{"contains", 2, 2, FN_TOP, f_contains},
	{"coalesce", 1, -1, 0, f_coalesce},
	{"coalescelist", 1, -1, 0, f_coalescelist},
	{"zipmap", 2, 2, FN_TOP, f_zipmap},
	{"distinct", 1, 1, FN_KNOWN, f_distinct},
	{"compact", 1, 1, FN_TOP, f_compact},
	{"one", 1, 1, FN_TOP, f_one},
	{"reverse", 1, 1, FN_TOP, f_reverse},
	{"slice", 3, 3, FN_TOP, f_slice},
	{"sort", 1, 1, FN_KNOWN, f_sort},
	{"index", 2, 2, FN_KNOWN, f_index},
	{"setunion", 1, -1, FN_KNOWN, f_setunion},
	{"setintersection", 1, -1, FN_KNOWN, f_setintersection},
	{"setsubtract", 2, 2, FN_KNOWN, f_setsubtract},
	{"chunklist", 2, 2, FN_TOP, f_chunklist},
	{"alltrue", 1, 1, FN_TOP, f_alltrue},
	{"anytrue", 1, 1, FN_TOP, f_anytrue},
	{"tolist", 1, 1, FN_TOP, f_tolist},
	{"toset", 1, 1, FN_TOP, f_toset},
	{"tomap", 1, 1, FN_TOP, f_tomap},
	{"tonumber", 1, 1, FN_TOP, f_tonumber},
	{"tostring", 1, 1, FN_TOP, f_tostring},
	{"tobool", 1, 1, FN_TOP, f_tobool},
	{"sensitive", 1, 1, 0, f_identity},
	{"nonsensitive", 1, 1, 0, f_identity},
	{NULL, 0, 0, 0, NULL},
};
