/*
 * hcl_value.c - building, comparing and converting values. See hcl_value.h.
 *
 * Every constructor counts its elements as evaluation steps and checks the
 * collection and string limits, so no expression can build more than the
 * limits allow however it combines them.
 */
#include "model/terraform/hcl_value.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hval hv_null_v = {.kind = HV_NULL, .nodes = 1};
struct hval hv_true_v = {.kind = HV_BOOL, .nodes = 1, .b = true};
struct hval hv_false_v = {.kind = HV_BOOL, .nodes = 1, .b = false};
struct hval hv_unknown_v = {.kind = HV_UNKNOWN, .nodes = 1};

/* A collection's node count, depth and HV_PARTIAL from its elements. */
static void summarize(struct hcl_run *r, struct hval *c, struct hval *const *v, size_t n)
{
	uint64_t nodes = 1;
	unsigned depth = 0;
	for (size_t i = 0; i < n; i++) {
		nodes += hv_nodes(v[i]);
		if (v[i]->depth > depth)
			depth = v[i]->depth;
		if (!hv_wholly_known(v[i]))
			c->flags |= HV_PARTIAL;
	}
	if (depth + 1 > HCL_MAX_VALUE_DEPTH)
		hcl_fail_limit(r, NULL, "value limit: a value nested deeper than %d (lists in lists)",
			       HCL_MAX_VALUE_DEPTH);
	c->depth = (uint16_t)(depth + 1);
	c->nodes = nodes > UINT32_MAX ? UINT32_MAX : (uint32_t)nodes;
}

void hv_check_nodes(struct hcl_run *r, const struct hval *v, const struct hcl_pos *pos)
{
	if (hv_nodes(v) > HCL_MAX_VALUE_NODES)
		hcl_fail_limit(r, pos,
			       "value limit: a value holding more than %d values (lists of lists "
			       "sharing their elements?)",
			       HCL_MAX_VALUE_NODES);
}

static void count_steps(struct hcl_run *r, size_t n)
{
	r->steps += (long)(n > (size_t)HCL_MAX_STEPS ? (size_t)HCL_MAX_STEPS : n);
	hcl_step(r, NULL);
}

static void check_collection(struct hcl_run *r, size_t n)
{
	if (n > HCL_MAX_COLLECTION)
		hcl_fail_limit(r, NULL, "collection limit: more than %d elements in one list, set or map",
			       HCL_MAX_COLLECTION);
	count_steps(r, n);
}

struct hval *hv_number(struct hcl_run *r, double n)
{
	struct hval *v = hcl_alloc(r, sizeof(*v));
	v->kind = HV_NUMBER;
	v->nodes = 1;
	v->n = n == 0 ? 0 : n; /* no -0 */
	return v;
}

struct hval *hv_string_own(struct hcl_run *r, char *s, size_t n)
{
	if (n > (size_t)HCL_MAX_STRING)
		hcl_fail_limit(r, NULL, "string limit: a string longer than %ld MiB",
			       (long)(HCL_MAX_STRING / (1024 * 1024)));
	count_steps(r, n / 64);
	struct hval *v = hcl_alloc(r, sizeof(*v));
	v->kind = HV_STRING;
	v->s.p = s;
	v->s.n = n;
	return v;
}

struct hval *hv_string_ref(struct hcl_run *r, const char *s, size_t n)
{
	struct hval *v = hcl_alloc(r, sizeof(*v));
	v->kind = HV_STRING;
	v->nodes = 1;
	v->s.p = s;
	v->s.n = n;
	return v;
}

struct hval *hv_string(struct hcl_run *r, const char *s, size_t n)
{
	if (n > (size_t)HCL_MAX_STRING)
		hcl_fail_limit(r, NULL, "string limit: a string longer than %ld MiB",
			       (long)(HCL_MAX_STRING / (1024 * 1024)));
	return hv_string_own(r, hcl_strndup(r, s, n), n);
}

struct hval *hv_cstr(struct hcl_run *r, const char *s)
{
	return hv_string(r, s, strlen(s));
}

struct hval *hv_list(struct hcl_run *r, struct hval **v, size_t n)
{
	check_collection(r, n);
	struct hval *l = hcl_alloc(r, sizeof(*l));
	l->kind = HV_LIST;
	l->l.n = n;
	l->l.v = hcl_alloc_array(r, n ? n : 1, sizeof(*v));
	if (n)
		memcpy(l->l.v, v, n * sizeof(*v));
	summarize(r, l, l->l.v, n);
	return l;
}

int hv_keycmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t m = an < bn ? an : bn;
	int c = memcmp(a, b, m);
	if (c)
		return c;
	return an < bn ? -1 : an > bn ? 1 : 0;
}

static int kind_rank(enum hv_kind k)
{
	return (int)k;
}

int hv_compare(const struct hval *a, const struct hval *b)
{
	if (a->kind != b->kind)
		return kind_rank(a->kind) - kind_rank(b->kind);
	switch (a->kind) {
	case HV_NULL:
	case HV_UNKNOWN:
		return 0;
	case HV_BOOL:
		return (int)a->b - (int)b->b;
	case HV_NUMBER:
		return a->n < b->n ? -1 : a->n > b->n ? 1 : 0;
	case HV_STRING:
		return hv_keycmp(a->s.p, a->s.n, b->s.p, b->s.n);
	case HV_LIST:
	case HV_SET:
		for (size_t i = 0; i < a->l.n && i < b->l.n; i++) {
			int c = hv_compare(a->l.v[i], b->l.v[i]);
			if (c)
				return c;
		}
		return a->l.n < b->l.n ? -1 : a->l.n > b->l.n ? 1 : 0;
	case HV_OBJECT:
		for (size_t i = 0; i < a->o.n && i < b->o.n; i++) {
			int c = hv_keycmp(a->o.k[i], a->o.kn[i], b->o.k[i], b->o.kn[i]);
			if (c)
				return c;
			c = hv_compare(a->o.v[i], b->o.v[i]);
			if (c)
				return c;
		}
		return a->o.n < b->o.n ? -1 : a->o.n > b->o.n ? 1 : 0;
	}
	return 0;
}

static int cmp_ptr(const void *x, const void *y)
{
	const struct hval *a = *(struct hval *const *)x, *b = *(struct hval *const *)y;
	return hv_compare(a, b);
}

struct hval *hv_set(struct hcl_run *r, struct hval **v, size_t n)
{
	check_collection(r, n);
	bool all_str = true, all_num = true;
	for (size_t i = 0; i < n; i++) {
		if (!hv_wholly_known(v[i]))
			return HV_UNKNOWNV;
		hv_check_nodes(r, v[i], NULL); /* elements are compared */
		all_str &= v[i]->kind == HV_STRING;
		all_num &= v[i]->kind == HV_NUMBER;
	}
	struct hval **tmp = hcl_alloc_array(r, n ? n : 1, sizeof(*tmp));
	size_t m = 0;
	if (n)
		memcpy(tmp, v, n * sizeof(*v));
	if (all_str || all_num) {
		qsort(tmp, n, sizeof(*tmp), cmp_ptr);
		for (size_t i = 0; i < n; i++)
			if (m == 0 || hv_compare(tmp[m - 1], tmp[i]) != 0)
				tmp[m++] = tmp[i];
	} else {
		/* mixed or structured elements: first occurrence order, O(n^2)
		 * but bounded by the step count */
		for (size_t i = 0; i < n; i++) {
			size_t j;
			for (j = 0; j < m; j++)
				if (hv_equal(tmp[j], v[i]))
					break;
			count_steps(r, m);
			if (j == m)
				tmp[m++] = v[i];
		}
	}
	struct hval *s = hcl_alloc(r, sizeof(*s));
	s->kind = HV_SET;
	s->l.v = tmp;
	s->l.n = m;
	summarize(r, s, tmp, m);
	return s;
}

void hv_objb_init(struct hv_objb *b, struct hcl_run *r)
{
	memset(b, 0, sizeof(*b));
	b->r = r;
}

void hv_objb_add(struct hv_objb *b, const char *k, size_t kn, struct hval *v)
{
	if (b->n >= HCL_MAX_COLLECTION)
		check_collection(b->r, b->n + 1);
	hcl_step(b->r, NULL);
	b->it = hcl_grow(b->r, b->it, &b->cap, b->n + 1, sizeof(*b->it));
	b->it[b->n].k = k;
	b->it[b->n].kn = kn;
	b->it[b->n].v = v;
	b->it[b->n].order = b->n;
	b->n++;
}

void hv_objb_addz(struct hv_objb *b, const char *k, struct hval *v)
{
	hv_objb_add(b, k, strlen(k), v);
}

static int cmp_item(const void *x, const void *y)
{
	const struct hv_objitem *a = x, *b = y;
	int c = hv_keycmp(a->k, a->kn, b->k, b->kn);
	if (c)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

struct hval *hv_objb_finish(struct hv_objb *b, bool dups_fail, const struct hcl_pos *pos)
{
	struct hcl_run *r = b->r;
	size_t n = b->n, m = 0;
	struct hv_objitem *it = b->it;
	check_collection(r, n);
	bool sorted = true;
	for (size_t i = 1; i < n && sorted; i++)
		sorted = hv_keycmp(it[i - 1].k, it[i - 1].kn, it[i].k, it[i].kn) < 0;
	if (!sorted)
		qsort(it, n, sizeof(*it), cmp_item);
	struct hval *o = hcl_alloc(r, sizeof(*o));
	o->kind = HV_OBJECT;
	/* the three arrays in one block */
	void *block = hcl_alloc_array(r, n ? n : 1, sizeof(char *) + sizeof(size_t) + sizeof(struct hval *));
	o->o.k = block;
	o->o.kn = (size_t *)(o->o.k + (n ? n : 1));
	o->o.v = (struct hval **)(o->o.kn + (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		if (m && hv_keycmp(o->o.k[m - 1], o->o.kn[m - 1], it[i].k, it[i].kn) == 0) {
			if (dups_fail) {
				char buf[120];
				hcl_fail(r, pos, "duplicate key \"%s\" in an object",
					 cp_sanitize(it[i].k, buf, sizeof(buf)));
			}
			o->o.v[m - 1] = it[i].v; /* the later one wins */
			continue;
		}
		o->o.k[m] = it[i].k;
		o->o.kn[m] = it[i].kn;
		o->o.v[m] = it[i].v;
		m++;
	}
	o->o.n = m;
	summarize(r, o, o->o.v, m);
	return o;
}

void hv_listb_init(struct hv_listb *b, struct hcl_run *r)
{
	memset(b, 0, sizeof(*b));
	b->r = r;
}

void hv_listb_add(struct hv_listb *b, struct hval *v)
{
	if (b->n >= HCL_MAX_COLLECTION)
		check_collection(b->r, b->n + 1);
	hcl_step(b->r, NULL);
	b->v = hcl_grow(b->r, b->v, &b->cap, b->n + 1, sizeof(*b->v));
	b->v[b->n++] = v;
}

struct hval *hv_listb_finish(struct hv_listb *b)
{
	struct hval *l = hcl_alloc(b->r, sizeof(*l));
	l->kind = HV_LIST;
	l->l.v = b->v ? b->v : hcl_alloc(b->r, sizeof(*b->v));
	l->l.n = b->n;
	summarize(b->r, l, l->l.v, l->l.n);
	return l;
}

struct hval *hv_get(const struct hval *obj, const char *k, size_t kn)
{
	if (obj->kind != HV_OBJECT)
		return NULL;
	size_t lo = 0, hi = obj->o.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = hv_keycmp(obj->o.k[mid], obj->o.kn[mid], k, kn);
		if (c == 0)
			return obj->o.v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

struct hval *hv_getz(const struct hval *obj, const char *k)
{
	return hv_get(obj, k, strlen(k));
}

size_t hv_len(const struct hval *v)
{
	switch (v->kind) {
	case HV_LIST:
	case HV_SET:
		return v->l.n;
	case HV_OBJECT:
		return v->o.n;
	default:
		return 0;
	}
}

bool hv_equal(const struct hval *a, const struct hval *b)
{
	if (a->kind == HV_UNKNOWN || b->kind == HV_UNKNOWN)
		return false;
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case HV_LIST:
	case HV_SET:
		if (a->l.n != b->l.n)
			return false;
		for (size_t i = 0; i < a->l.n; i++)
			if (!hv_equal(a->l.v[i], b->l.v[i]))
				return false;
		return true;
	case HV_OBJECT:
		if (a->o.n != b->o.n)
			return false;
		for (size_t i = 0; i < a->o.n; i++)
			if (hv_keycmp(a->o.k[i], a->o.kn[i], b->o.k[i], b->o.kn[i]) ||
			    !hv_equal(a->o.v[i], b->o.v[i]))
				return false;
		return true;
	default:
		return hv_compare(a, b) == 0;
	}
}

const char *hv_format_number(double n, char *buf, size_t size)
{
	if (n == floor(n) && fabs(n) < 1e15) {
		snprintf(buf, size, "%.0f", n);
		return buf;
	}
	/* the shortest form that reads back exactly */
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, n);
		if (strtod(buf, NULL) == n)
			break;
	}
	return buf;
}

bool hv_parse_number(const char *s, size_t n, double *out)
{
	char tmp[80];
	size_t i = 0;
	if (n == 0 || n >= sizeof(tmp))
		return false;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (tmp[i] == '-' || tmp[i] == '+')
		i++;
	if (!isdigit((unsigned char)tmp[i]) && !(tmp[i] == '.' && isdigit((unsigned char)tmp[i + 1])))
		return false;
	for (size_t j = i; j < n; j++)
		if (!(isdigit((unsigned char)tmp[j]) || tmp[j] == '.' || tmp[j] == 'e' ||
		      tmp[j] == 'E' || tmp[j] == '+' || tmp[j] == '-'))
			return false;
	char *end;
	errno = 0;
	double d = strtod(tmp, &end);
	if (*end || !isfinite(d))
		return false;
	*out = d;
	return true;
}

int hv_to_string(struct hcl_run *r, struct hval *v, struct hval **out)
{
	char buf[48];
	switch (v->kind) {
	case HV_STRING:
	case HV_UNKNOWN:
		*out = v;
		return 1;
	case HV_NUMBER:
		*out = hv_cstr(r, hv_format_number(v->n, buf, sizeof(buf)));
		return 1;
	case HV_BOOL:
		*out = hv_cstr(r, v->b ? "true" : "false");
		return 1;
	default:
		return 0;
	}
}

int hv_to_number(struct hcl_run *r, struct hval *v, struct hval **out)
{
	double d;
	switch (v->kind) {
	case HV_NUMBER:
	case HV_UNKNOWN:
		*out = v;
		return 1;
	case HV_STRING:
		if (strlen(v->s.p) != v->s.n || !hv_parse_number(v->s.p, v->s.n, &d))
			return 0;
		*out = hv_number(r, d);
		return 1;
	default:
		return 0;
	}
}

int hv_to_bool(struct hval *v, struct hval **out)
{
	switch (v->kind) {
	case HV_BOOL:
	case HV_UNKNOWN:
		*out = v;
		return 1;
	case HV_STRING:
		if (v->s.n == 4 && !memcmp(v->s.p, "true", 4)) {
			*out = HV_TRUE;
			return 1;
		}
		if (v->s.n == 5 && !memcmp(v->s.p, "false", 5)) {
			*out = HV_FALSE;
			return 1;
		}
		return 0;
	default:
		return 0;
	}
}

const char *hv_kind_name(enum hv_kind k)
{
	switch (k) {
	case HV_NULL:
		return "null";
	case HV_BOOL:
		return "bool";
	case HV_NUMBER:
		return "number";
	case HV_STRING:
		return "string";
	case HV_LIST:
		return "list";
	case HV_SET:
		return "set";
	case HV_OBJECT:
		return "object";
	case HV_UNKNOWN:
		return "unknown";
	}
	return "?";
}
