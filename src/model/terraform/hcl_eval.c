/*
 * hcl_eval.c - expressions to values. See hcl_eval.h.
 *
 * A reference chain (root name, then .attr and [key] steps) is collected
 * first, index keys evaluated, and handed whole to the resolver, so
 * `module.m.out` evaluates only that output and never the module's other
 * outputs (which could refer back to the caller).
 */
#include "model/terraform/hcl_eval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/terraform/hcl_funcs.h"

#define SPLAT_NAME "\001splat"
#define MAX_CHAIN 512

static struct hval *eval(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e);

const char *hcl_describe(const struct hval *v, char *buf, size_t size)
{
	char tmp[64], s[80];
	switch (v->kind) {
	case HV_STRING:
		snprintf(tmp, sizeof(tmp), "%.40s%s", v->s.p, v->s.n > 40 ? "..." : "");
		snprintf(buf, size, "\"%s\"", cp_sanitize(tmp, s, sizeof(s)));
		return buf;
	case HV_NUMBER:
		return hv_format_number(v->n, buf, size);
	case HV_BOOL:
		return v->b ? "true" : "false";
	case HV_NULL:
		return "null";
	case HV_UNKNOWN:
		return "a value known only after apply";
	case HV_LIST:
		snprintf(buf, size, "a list of %zu", v->l.n);
		return buf;
	case HV_SET:
		snprintf(buf, size, "a set of %zu", v->l.n);
		return buf;
	case HV_OBJECT:
		snprintf(buf, size, "an object with %zu attribute%s", v->o.n, v->o.n == 1 ? "" : "s");
		return buf;
	}
	return "?";
}

static const struct hcl_scope *bind(struct hcl_eval *ev, const struct hcl_scope *up,
				    const char *name, struct hval *v)
{
	struct hcl_scope *s = hcl_alloc(ev->r, sizeof(*s));
	s->up = up;
	s->name = name;
	s->val = v;
	return s;
}

static struct hval *lookup(const struct hcl_scope *sc, const char *name)
{
	for (; sc; sc = sc->up)
		if (sc->name && !strcmp(sc->name, name))
			return sc->val;
	return NULL;
}

/* ---- attribute and index ------------------------------------------------- */

struct hval *hcl_getattr(struct hcl_eval *ev, struct hval *v, const char *name,
			 const struct hcl_pos *pos)
{
	char buf[80], d[80];
	switch (v->kind) {
	case HV_UNKNOWN:
		return v;
	case HV_OBJECT: {
		struct hval *x = hv_getz(v, name);
		if (x)
			return x;
		if (v->flags & HV_OPEN)
			return HV_UNKNOWNV;
		hcl_fail(ev->r, pos, "unsupported attribute: this object has no attribute \"%s\"",
			 cp_sanitize(name, buf, sizeof(buf)));
	}
	case HV_NULL:
		hcl_fail(ev->r, pos, "attempt to get attribute \"%s\" from a null value",
			 cp_sanitize(name, buf, sizeof(buf)));
	case HV_LIST:
	case HV_SET:
		hcl_fail(ev->r, pos,
			 "unsupported attribute: \"%s\" of %s; to take it from every element use "
			 "[*].%s, or pick one with [index]",
			 cp_sanitize(name, buf, sizeof(buf)), hcl_describe(v, d, sizeof(d)),
			 cp_sanitize(name, buf, sizeof(buf)));
	default:
		hcl_fail(ev->r, pos, "unsupported attribute: \"%s\" of %s, which is not an object",
			 cp_sanitize(name, buf, sizeof(buf)), hcl_describe(v, d, sizeof(d)));
	}
}

struct hval *hcl_index(struct hcl_eval *ev, struct hval *v, struct hval *key,
		       const struct hcl_pos *pos)
{
	char d[80], k[80];
	if (v->kind == HV_UNKNOWN || key->kind == HV_UNKNOWN)
		return HV_UNKNOWNV;
	if (key->kind == HV_NULL)
		hcl_fail(ev->r, pos, "invalid index: the key is null");
	switch (v->kind) {
	case HV_LIST: {
		struct hval *n;
		if (!hv_to_number(ev->r, key, &n) || n->kind != HV_NUMBER)
			hcl_fail(ev->r, pos, "invalid index: a list index must be a number, not %s",
				 hcl_describe(key, k, sizeof(k)));
		if (n->n != floor(n->n) || n->n < 0 || n->n >= (double)v->l.n)
			hcl_fail(ev->r, pos, "invalid index: %s is out of range for %s",
				 hcl_describe(n, k, sizeof(k)), hcl_describe(v, d, sizeof(d)));
		return v->l.v[(size_t)n->n];
	}
	case HV_OBJECT: {
		struct hval *s;
		if (!hv_to_string(ev->r, key, &s))
			hcl_fail(ev->r, pos, "invalid index: a map key must be a string, not %s",
				 hcl_describe(key, k, sizeof(k)));
		struct hval *x = hv_get(v, s->s.p, s->s.n);
		if (x)
			return x;
		if (v->flags & HV_OPEN)
			return HV_UNKNOWNV;
		hcl_fail(ev->r, pos, "invalid index: the map has no element for the key %s",
			 hcl_describe(s, k, sizeof(k)));
	}
	case HV_SET:
		hcl_fail(ev->r, pos,
			 "invalid index: elements of a set cannot be picked by index; convert it with "
			 "tolist() first");
	case HV_NULL:
		hcl_fail(ev->r, pos, "invalid index: cannot index a null value");
	default:
		hcl_fail(ev->r, pos, "invalid index: cannot index %s", hcl_describe(v, d, sizeof(d)));
	}
}

/* ---- references -------------------------------------------------------------- */

/* e is a GETATTR/INDEX chain or a VAR: evaluate it through the scope or the
 * resolver. */
static struct hval *eval_chain(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	const struct hx *chain[MAX_CHAIN];
	size_t n = 0;
	const struct hx *root = e;
	while ((root->kind == HX_GETATTR || root->kind == HX_INDEX) && n < MAX_CHAIN) {
		chain[n++] = root;
		root = root->kind == HX_GETATTR ? root->a.src : root->idx.src;
	}
	if (root->kind == HX_GETATTR || root->kind == HX_INDEX)
		hcl_fail_limit(ev->r, &e->pos, "nesting limit: a reference longer than %d steps", MAX_CHAIN);
	/* steps in source order */
	struct hcl_ref_step small[8];
	struct hcl_ref_step *steps = n <= 8 ? small : hcl_alloc_array(ev->r, n, sizeof(*steps));
	for (size_t i = 0; i < n; i++) {
		const struct hx *c = chain[n - 1 - i];
		steps[i].pos = c->pos;
		steps[i].name = c->kind == HX_GETATTR ? c->a.name : NULL;
		steps[i].key = c->kind == HX_GETATTR ? NULL : eval(ev, sc, c->idx.key);
	}
	struct hval *v;
	size_t used = 0;
	if (root->kind != HX_VAR) {
		v = eval(ev, sc, root);
	} else if ((v = lookup(sc, root->name)) != NULL) {
		;
	} else if (ev->resolve) {
		v = ev->resolve(ev, root->name, &root->pos, steps, n, &used);
	} else {
		char buf[80];
		hcl_fail(ev->r, &root->pos, "unknown variable \"%s\": no references are allowed here",
			 cp_sanitize(root->name, buf, sizeof(buf)));
	}
	for (size_t i = used; i < n; i++) {
		hcl_step(ev->r, &steps[i].pos);
		if (steps[i].name)
			v = hcl_getattr(ev, v, steps[i].name, &steps[i].pos);
		else
			v = hcl_index(ev, v, steps[i].key, &steps[i].pos);
	}
	return v;
}

/* ---- templates ------------------------------------------------------------------- */

struct hval *hcl_template_string(struct hcl_eval *ev, struct hval *v, const struct hcl_pos *pos)
{
	struct hval *s;
	(void)pos;
	if (v->kind == HV_UNKNOWN)
		return v;
	if (hv_to_string(ev->r, v, &s))
		return s;
	return NULL;
}

struct sbuf {
	char *p;
	size_t n, cap;
	bool unknown;
};

static void sb_add(struct hcl_eval *ev, struct sbuf *b, const char *s, size_t n,
		   const struct hcl_pos *pos)
{
	if (b->n + n > (size_t)HCL_MAX_STRING)
		hcl_fail_limit(ev->r, pos, "string limit: a template result longer than %ld MiB",
			       (long)(HCL_MAX_STRING / (1024 * 1024)));
	b->p = hcl_grow(ev->r, b->p, &b->cap, b->n + n + 1, 1);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void render(struct hcl_eval *ev, const struct hcl_scope *sc, const struct htpl *t,
		   struct sbuf *b);

static void render_value(struct hcl_eval *ev, struct hval *v, const struct hcl_pos *pos,
			 struct sbuf *b)
{
	char d[80];
	if (v->kind == HV_UNKNOWN) {
		b->unknown = true;
		return;
	}
	if (v->kind == HV_NULL)
		hcl_fail(ev->r, pos, "invalid template interpolation: the value is null");
	struct hval *s = hcl_template_string(ev, v, pos);
	if (!s)
		hcl_fail(ev->r, pos,
			 "invalid template interpolation: %s cannot be written into a string (use "
			 "join() or jsonencode())",
			 hcl_describe(v, d, sizeof(d)));
	sb_add(ev, b, s->s.p, s->s.n, pos);
}

static bool truth(struct hcl_eval *ev, struct hval *v, const struct hcl_pos *pos, const char *what)
{
	struct hval *b;
	char d[80];
	if (v->kind == HV_NULL)
		hcl_fail(ev->r, pos, "%s is null, not true or false", what);
	if (!hv_to_bool(v, &b))
		hcl_fail(ev->r, pos, "%s must be true or false, not %s", what,
			 hcl_describe(v, d, sizeof(d)));
	return b->b;
}

/* Iterate a collection: calls fn for each (key, value); false for unknown. */
typedef void (*iter_fn)(struct hcl_eval *ev, void *ctx, struct hval *k, struct hval *v);

static bool iterate(struct hcl_eval *ev, struct hval *coll, const struct hcl_pos *pos, iter_fn fn,
		    void *ctx)
{
	char d[80];
	switch (coll->kind) {
	case HV_UNKNOWN:
		return false;
	case HV_LIST:
		for (size_t i = 0; i < coll->l.n; i++)
			fn(ev, ctx, hv_number(ev->r, (double)i), coll->l.v[i]);
		return true;
	case HV_SET:
		for (size_t i = 0; i < coll->l.n; i++)
			fn(ev, ctx, coll->l.v[i], coll->l.v[i]);
		return true;
	case HV_OBJECT:
		for (size_t i = 0; i < coll->o.n; i++)
			fn(ev, ctx, hv_string_ref(ev->r, coll->o.k[i], coll->o.kn[i]), coll->o.v[i]);
		return true;
	case HV_NULL:
		hcl_fail(ev->r, pos, "cannot iterate over a null value");
	default:
		hcl_fail(ev->r, pos, "cannot iterate over %s: a list, set or map is needed",
			 hcl_describe(coll, d, sizeof(d)));
	}
}

struct tfor_ctx {
	const struct htp *part;
	const struct hcl_scope *sc;
	struct sbuf *b;
};

static void tfor_each(struct hcl_eval *ev, void *ctx, struct hval *k, struct hval *v)
{
	struct tfor_ctx *c = ctx;
	const struct hcl_scope *s = c->sc;
	if (c->part->key_var)
		s = bind(ev, s, c->part->key_var, k);
	s = bind(ev, s, c->part->val_var, v);
	render(ev, s, c->part->then, c->b);
}

static void render(struct hcl_eval *ev, const struct hcl_scope *sc, const struct htpl *t,
		   struct sbuf *b)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct htp *p = &t->parts[i];
		hcl_step(ev->r, &p->pos);
		switch (p->kind) {
		case HTP_LIT:
			sb_add(ev, b, p->lit, p->litn, &p->pos);
			break;
		case HTP_INTERP:
			render_value(ev, eval(ev, sc, p->expr), &p->expr->pos, b);
			break;
		case HTP_IF: {
			struct hval *c = eval(ev, sc, p->expr);
			if (c->kind == HV_UNKNOWN) {
				b->unknown = true;
				break;
			}
			if (truth(ev, c, &p->expr->pos, "the %{if} condition"))
				render(ev, sc, p->then, b);
			else if (p->els)
				render(ev, sc, p->els, b);
			break;
		}
		case HTP_FOR: {
			struct tfor_ctx c = {p, sc, b};
			if (!iterate(ev, eval(ev, sc, p->expr), &p->expr->pos, tfor_each, &c))
				b->unknown = true;
			break;
		}
		}
	}
}

static struct hval *eval_template(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	const struct htpl *t = e->tpl;
	if (t->n == 1 && t->parts[0].kind == HTP_INTERP)
		return eval(ev, sc, t->parts[0].expr); /* unwrapping */
	struct sbuf b = {NULL, 0, 0, false};
	render(ev, sc, t, &b);
	if (b.unknown)
		return HV_UNKNOWNV;
	if (!b.p)
		return hv_string(ev->r, "", 0);
	return hv_string_own(ev->r, b.p, b.n);
}

/* ---- for expressions ------------------------------------------------------------- */

struct for_ctx {
	const struct hx *e;
	const struct hcl_scope *sc;
	struct hv_listb list;
	struct hval **keys; /* object for: key strings, values in list */
	size_t nkeys, capkeys;
	bool unknown;
};

static void for_each_elem(struct hcl_eval *ev, void *ctx, struct hval *k, struct hval *v)
{
	struct for_ctx *c = ctx;
	const struct hx *e = c->e;
	if (c->unknown)
		return;
	const struct hcl_scope *s = c->sc;
	if (e->fr->key_var)
		s = bind(ev, s, e->fr->key_var, k);
	s = bind(ev, s, e->fr->val_var, v);
	if (e->fr->cond) {
		struct hval *cv = eval(ev, s, e->fr->cond);
		if (cv->kind == HV_UNKNOWN) {
			c->unknown = true;
			return;
		}
		if (!truth(ev, cv, &e->fr->cond->pos, "the for expression's if condition"))
			return;
	}
	if (e->fr->key) {
		struct hval *kv = eval(ev, s, e->fr->key);
		char d[80];
		if (kv->kind == HV_UNKNOWN) {
			c->unknown = true;
			return;
		}
		struct hval *ks = kv->kind == HV_NULL ? NULL : hcl_template_string(ev, kv, &e->fr->key->pos);
		if (!ks)
			hcl_fail(ev->r, &e->fr->key->pos, "invalid object key: %s is not a string",
				 hcl_describe(kv, d, sizeof(d)));
		c->keys = hcl_grow(ev->r, c->keys, &c->capkeys, c->nkeys + 1, sizeof(*c->keys));
		c->keys[c->nkeys++] = ks;
	}
	hv_listb_add(&c->list, eval(ev, s, e->fr->val));
}

struct group_item {
	struct hval *k, *v;
	size_t order;
};

static int cmp_group(const void *a, const void *b)
{
	const struct group_item *x = a, *y = b;
	int c = hv_keycmp(x->k->s.p, x->k->s.n, y->k->s.p, y->k->s.n);
	return c ? c : (x->order < y->order ? -1 : x->order > y->order);
}

static struct hval *eval_for(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	struct for_ctx c;
	memset(&c, 0, sizeof(c));
	c.e = e;
	c.sc = sc;
	hv_listb_init(&c.list, ev->r);
	struct hval *coll = eval(ev, sc, e->fr->coll);
	if (!iterate(ev, coll, &e->fr->coll->pos, for_each_elem, &c) || c.unknown)
		return HV_UNKNOWNV;
	if (!e->fr->key)
		return hv_listb_finish(&c.list);
	struct hv_objb ob;
	hv_objb_init(&ob, ev->r);
	if (!e->fr->group) {
		/* duplicates are an error: check after sorting */
		for (size_t i = 0; i < c.nkeys; i++)
			hv_objb_add(&ob, c.keys[i]->s.p, c.keys[i]->s.n, c.list.v[i]);
		struct hval *o = hv_objb_finish(&ob, false, &e->pos);
		if (o->o.n != c.nkeys)
			hcl_fail(ev->r, &e->fr->key->pos,
				 "duplicate key in the for expression: two elements produce the same "
				 "key; add ... after the value to group them into lists");
		return o;
	}
	struct group_item *gi = hcl_alloc_array(ev->r, c.nkeys ? c.nkeys : 1, sizeof(*gi));
	for (size_t i = 0; i < c.nkeys; i++) {
		gi[i].k = c.keys[i];
		gi[i].v = c.list.v[i];
		gi[i].order = i;
	}
	qsort(gi, c.nkeys, sizeof(*gi), cmp_group);
	for (size_t i = 0; i < c.nkeys;) {
		size_t j = i;
		struct hv_listb lb;
		hv_listb_init(&lb, ev->r);
		while (j < c.nkeys && hv_keycmp(gi[j].k->s.p, gi[j].k->s.n, gi[i].k->s.p, gi[i].k->s.n) == 0)
			hv_listb_add(&lb, gi[j++].v);
		hv_objb_add(&ob, gi[i].k->s.p, gi[i].k->s.n, hv_listb_finish(&lb));
		i = j;
	}
	return hv_objb_finish(&ob, false, &e->pos);
}

/* ---- operators --------------------------------------------------------------------- */

static double num_operand(struct hcl_eval *ev, struct hval *v, const struct hcl_pos *pos,
			  bool *unknown)
{
	struct hval *n;
	char d[80];
	if (v->kind == HV_UNKNOWN) {
		*unknown = true;
		return 0;
	}
	if (v->kind == HV_NULL)
		hcl_fail(ev->r, pos, "invalid operand: null where a number is needed");
	if (!hv_to_number(ev->r, v, &n))
		hcl_fail(ev->r, pos, "invalid operand: a number is needed, not %s",
			 hcl_describe(v, d, sizeof(d)));
	return n->n;
}

static struct hval *eval_binary(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	enum hx_op op = e->bin.op;
	const struct hcl_pos *pos = &e->pos;
	if (op == OP_AND || op == OP_OR) {
		struct hval *l = eval(ev, sc, e->bin.l);
		bool lu = l->kind == HV_UNKNOWN;
		bool lv = lu ? false : truth(ev, l, &e->bin.l->pos, "the left operand");
		if (!lu && ((op == OP_AND && !lv) || (op == OP_OR && lv)))
			return hv_bool(lv);
		struct hval *r = eval(ev, sc, e->bin.r);
		if (r->kind == HV_UNKNOWN)
			return HV_UNKNOWNV;
		bool rv = truth(ev, r, &e->bin.r->pos, "the right operand");
		if (lu)
			return ((op == OP_AND && !rv) || (op == OP_OR && rv)) ? hv_bool(rv) : HV_UNKNOWNV;
		return hv_bool(rv);
	}
	struct hval *l = eval(ev, sc, e->bin.l);
	struct hval *r = eval(ev, sc, e->bin.r);
	if (op == OP_EQ || op == OP_NE) {
		if (!hv_wholly_known(l) || !hv_wholly_known(r))
			return HV_UNKNOWNV;
		hv_check_nodes(ev->r, l, pos);
		hv_check_nodes(ev->r, r, pos);
		bool eq = hv_equal(l, r);
		return hv_bool(op == OP_EQ ? eq : !eq);
	}
	bool unk = false;
	double a = num_operand(ev, l, &e->bin.l->pos, &unk);
	double b = num_operand(ev, r, &e->bin.r->pos, &unk);
	if (unk)
		return HV_UNKNOWNV;
	double x = 0;
	switch (op) {
	case OP_ADD:
		x = a + b;
		break;
	case OP_SUB:
		x = a - b;
		break;
	case OP_MUL:
		x = a * b;
		break;
	case OP_DIV:
		if (b == 0)
			hcl_fail(ev->r, pos, "division by zero");
		x = a / b;
		break;
	case OP_MOD:
		if (b == 0)
			hcl_fail(ev->r, pos, "modulo by zero");
		x = fmod(a, b);
		break;
	case OP_LT:
		return hv_bool(a < b);
	case OP_LE:
		return hv_bool(a <= b);
	case OP_GT:
		return hv_bool(a > b);
	case OP_GE:
		return hv_bool(a >= b);
	default:
		break;
	}
	if (!isfinite(x))
		hcl_fail(ev->r, pos, "arithmetic overflow: the result is not a finite number");
	return hv_number(ev->r, x);
}

/* ---- splats ------------------------------------------------------------------------ */

static struct hval *eval_splat(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	struct hval *src = eval(ev, sc, e->splat.src);
	if (src->kind == HV_UNKNOWN)
		return HV_UNKNOWNV;
	if (src->kind == HV_NULL)
		return hv_list(ev->r, NULL, 0);
	if (src->kind != HV_LIST && src->kind != HV_SET) {
		struct hval *one = eval(ev, bind(ev, sc, SPLAT_NAME, src), e->splat.each);
		return hv_list(ev->r, &one, 1);
	}
	struct hval **out = hcl_alloc_array(ev->r, src->l.n ? src->l.n : 1, sizeof(*out));
	for (size_t i = 0; i < src->l.n; i++)
		out[i] = eval(ev, bind(ev, sc, SPLAT_NAME, src->l.v[i]), e->splat.each);
	return hv_list(ev->r, out, src->l.n);
}

/* ---- calls -------------------------------------------------------------------------- */

static struct hval *eval_try(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	struct hcl_run *r = ev->r;
	if (e->call->nargs == 0)
		hcl_fail(r, &e->pos, "try() needs at least one argument");
	for (size_t i = 0; i < e->call->nargs; i++) {
		struct hcl_catch c;
		hcl_catch_push(r, &c, true);
		if (setjmp(c.jb) == 0) {
			struct hval *v = eval(ev, sc, e->call->args[i]);
			hcl_catch_pop(r, &c);
			return hv_wholly_known(v) ? v : HV_UNKNOWNV;
		}
	}
	char last[sizeof(r->diag.msg)];
	snprintf(last, sizeof(last), "%s", r->diag.msg); /* the message is rewritten */
	hcl_fail(r, &e->pos, "no expression in try() succeeded; the last failed: %s", last);
}

static struct hval *eval_can(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	struct hcl_run *r = ev->r;
	struct hcl_catch c;
	if (e->call->nargs != 1)
		hcl_fail(r, &e->pos, "can() takes one argument, got %zu", e->call->nargs);
	hcl_catch_push(r, &c, true);
	if (setjmp(c.jb) == 0) {
		struct hval *v = eval(ev, sc, e->call->args[0]);
		hcl_catch_pop(r, &c);
		return hv_wholly_known(v) ? HV_TRUE : HV_UNKNOWNV;
	}
	return HV_FALSE;
}

static struct hval *eval_call(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	const char *name = e->call->name;
	char buf[80];
	if (!strcmp(name, "try"))
		return eval_try(ev, sc, e);
	if (!strcmp(name, "can"))
		return eval_can(ev, sc, e);
	/* arguments, with the last one spread by ... */
	size_t n = e->call->nargs;
	struct hval **args = hcl_alloc_array(ev->r, n ? n : 1, sizeof(*args));
	for (size_t i = 0; i < n; i++)
		args[i] = eval(ev, sc, e->call->args[i]);
	if (e->call->expand && n > 0) {
		struct hval *last = args[n - 1];
		if (last->kind == HV_UNKNOWN)
			return HV_UNKNOWNV;
		if (last->kind != HV_LIST && last->kind != HV_SET)
			hcl_fail(ev->r, &e->call->args[n - 1]->pos,
				 "invalid expanding argument: ... needs a list or set, not %s",
				 hcl_describe(last, buf, sizeof(buf)));
		size_t m = n - 1 + last->l.n;
		if (m > HCL_MAX_COLLECTION)
			hcl_fail_limit(ev->r, &e->pos, "collection limit: more than %d arguments",
				       HCL_MAX_COLLECTION);
		struct hval **a2 = hcl_alloc_array(ev->r, m ? m : 1, sizeof(*a2));
		memcpy(a2, args, (n - 1) * sizeof(*a2));
		if (last->l.n)
			memcpy(a2 + n - 1, last->l.v, last->l.n * sizeof(*a2));
		args = a2;
		n = m;
	}
	const struct hcl_func *f = hcl_func_find(name);
	if (!f) {
		if (ev->unsupported)
			ev->unsupported(ev, name, &e->pos);
		return HV_UNKNOWNV;
	}
	if ((int)n < f->min || (f->max >= 0 && (int)n > f->max)) {
		if (f->min == f->max)
			hcl_fail(ev->r, &e->pos, "%s() takes %d argument%s, got %zu", name, f->min,
				 f->min == 1 ? "" : "s", n);
		if (f->max < 0)
			hcl_fail(ev->r, &e->pos, "%s() takes at least %d argument%s, got %zu", name,
				 f->min, f->min == 1 ? "" : "s", n);
		hcl_fail(ev->r, &e->pos, "%s() takes %d to %d arguments, got %zu", name, f->min,
			 f->max, n);
	}
	for (size_t i = 0; i < n; i++) {
		if ((f->flags & FN_KNOWN) && !hv_wholly_known(args[i]))
			return HV_UNKNOWNV;
		if ((f->flags & FN_TOP) && args[i]->kind == HV_UNKNOWN)
			return HV_UNKNOWNV;
	}
	return f->fn(ev, args, n, &e->pos);
}

/* ---- the dispatcher ------------------------------------------------------------------ */

static struct hval *eval_object(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	struct hv_objb b;
	char d[80];
	bool unknown = false;
	hv_objb_init(&b, ev->r);
	for (size_t i = 0; i < e->obj.n; i++) {
		const struct hx *ke = e->obj.v[i].key;
		struct hval *k;
		if (ke->kind == HX_VAR) /* {foo = 1}: the name itself */
			k = hv_cstr(ev->r, ke->name);
		else
			k = eval(ev, sc, ke);
		struct hval *v = eval(ev, sc, e->obj.v[i].val);
		if (k->kind == HV_UNKNOWN) {
			unknown = true;
			continue;
		}
		struct hval *ks = k->kind == HV_NULL ? NULL : hcl_template_string(ev, k, &ke->pos);
		if (!ks)
			hcl_fail(ev->r, &ke->pos, "invalid object key: %s is not a string",
				 hcl_describe(k, d, sizeof(d)));
		hv_objb_add(&b, ks->s.p, ks->s.n, v);
	}
	if (unknown)
		return HV_UNKNOWNV;
	return hv_objb_finish(&b, true, &e->pos);
}

static struct hval *eval(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	struct hcl_run *r = ev->r;
	struct hval *v = NULL;
	hcl_step(r, &e->pos);
	hcl_enter(r, &e->pos);
	switch (e->kind) {
	case HX_LITERAL:
		v = e->lit;
		break;
	case HX_TEMPLATE:
		v = eval_template(ev, sc, e);
		break;
	case HX_VAR:
	case HX_GETATTR:
	case HX_INDEX:
		v = eval_chain(ev, sc, e);
		break;
	case HX_SPLAT:
		v = eval_splat(ev, sc, e);
		break;
	case HX_SPLAT_ITEM:
		v = lookup(sc, SPLAT_NAME);
		if (!v)
			hcl_fail(r, &e->pos, "internal error: a splat item outside a splat");
		break;
	case HX_CALL:
		v = eval_call(ev, sc, e);
		break;
	case HX_TUPLE: {
		size_t n = e->items.n;
		struct hval **items = hcl_alloc_array(r, n ? n : 1, sizeof(*items));
		for (size_t i = 0; i < n; i++)
			items[i] = eval(ev, sc, e->items.v[i]);
		v = hv_list(r, items, n);
		break;
	}
	case HX_OBJECT:
		v = eval_object(ev, sc, e);
		break;
	case HX_FOR:
		v = eval_for(ev, sc, e);
		break;
	case HX_UNARY: {
		struct hval *x = eval(ev, sc, e->un.x);
		if (x->kind == HV_UNKNOWN) {
			v = x;
		} else if (e->un.op == OP_NEG) {
			bool unk = false;
			v = hv_number(r, -num_operand(ev, x, &e->un.x->pos, &unk));
		} else {
			v = hv_bool(!truth(ev, x, &e->un.x->pos, "the operand of !"));
		}
		break;
	}
	case HX_BINARY:
		v = eval_binary(ev, sc, e);
		break;
	case HX_COND: {
		struct hval *c = eval(ev, sc, e->cond.c);
		if (c->kind == HV_UNKNOWN)
			v = HV_UNKNOWNV;
		else
			v = eval(ev, sc, truth(ev, c, &e->cond.c->pos, "the condition") ? e->cond.t
											     : e->cond.f);
		break;
	}
	case HX_PAREN:
		v = eval(ev, sc, e->paren);
		break;
	}
	hcl_leave(r);
	return v;
}

struct hval *hcl_eval(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *e)
{
	return eval(ev, sc, e);
}

/* ---- references for the plan's configuration ------------------------------------------- */

struct refwalk {
	struct hcl_run *r;
	void (*add)(void *ctx, const char *ref);
	void *ctx;
	const char **bound; /* for-expression variables in scope */
	size_t nbound, cap;
};

static bool is_bound(const struct refwalk *w, const char *name)
{
	for (size_t i = 0; i < w->nbound; i++)
		if (!strcmp(w->bound[i], name))
			return true;
	return false;
}

static void push_bound(struct refwalk *w, const char *name)
{
	if (!name)
		return;
	w->bound = hcl_grow(w->r, w->bound, &w->cap, w->nbound + 1, sizeof(*w->bound));
	w->bound[w->nbound++] = name;
}

/* "name[0]" / "name[\"k\"]" appended to buf */
static void key_text(char *buf, size_t size, const struct hval *k)
{
	size_t o = strlen(buf);
	char num[48];
	if (k->kind == HV_NUMBER) {
		snprintf(buf + o, size - o, "[%s]", hv_format_number(k->n, num, sizeof(num)));
	} else if (k->kind == HV_STRING) {
		snprintf(buf + o, size - o, "[\"");
		o = strlen(buf);
		for (size_t i = 0; i < k->s.n && o + 4 < size; i++) {
			char c = k->s.p[i];
			if (c == '"' || c == '\\')
				buf[o++] = '\\';
			buf[o++] = c;
		}
		buf[o] = '\0';
		snprintf(buf + o, size - o, "\"]");
	}
}

static void ref_traversal(struct refwalk *w, const struct hx *e)
{
	const char *root;
	struct hx_step st[8];
	int n = hx_traversal(e, &root, st, 8);
	char full[512], base[512];
	if (n < 0 || is_bound(w, root) || !strcmp(root, SPLAT_NAME))
		return;
	int need; /* steps that name the object: var.x, aws_x.n, data.t.n, module.m */
	if (!strcmp(root, "var") || !strcmp(root, "local") || !strcmp(root, "module") ||
	    !strcmp(root, "path") || !strcmp(root, "terraform") || !strcmp(root, "count") ||
	    !strcmp(root, "each") || !strcmp(root, "self"))
		need = 1;
	else if (!strcmp(root, "data"))
		need = 2;
	else
		need = 1;
	if (n < need || (st[0].name == NULL) || (need == 2 && !st[1].name)) {
		if (n == 0 && need >= 1) {
			w->add(w->ctx, root);
		}
		return;
	}
	snprintf(base, sizeof(base), "%s", root);
	for (int i = 0; i < need; i++) {
		size_t o = strlen(base);
		snprintf(base + o, sizeof(base) - o, ".%s", st[i].name);
	}
	bool resource = strcmp(root, "var") && strcmp(root, "local") && strcmp(root, "path") &&
			strcmp(root, "terraform") && strcmp(root, "count") && strcmp(root, "each") &&
			strcmp(root, "self");
	snprintf(full, sizeof(full), "%s", base);
	int i = need;
	if (resource && i < n && st[i].key) {
		key_text(full, sizeof(full), st[i].key);
		i++;
	}
	char inst[512];
	snprintf(inst, sizeof(inst), "%s", full);
	if (resource && i < n && st[i].name) {
		size_t o = strlen(full);
		snprintf(full + o, sizeof(full) - o, ".%s", st[i].name);
	}
	w->add(w->ctx, full);
	if (resource && strcmp(inst, full))
		w->add(w->ctx, inst);
	if (resource && strcmp(base, inst))
		w->add(w->ctx, base);
}

static void refs(struct refwalk *w, const struct hx *e);

static void refs_tpl(struct refwalk *w, const struct htpl *t)
{
	for (size_t i = 0; t && i < t->n; i++) {
		const struct htp *p = &t->parts[i];
		if (p->expr)
			refs(w, p->expr);
		size_t saved = w->nbound;
		if (p->kind == HTP_FOR) {
			push_bound(w, p->key_var);
			push_bound(w, p->val_var);
		}
		refs_tpl(w, p->then);
		refs_tpl(w, p->els);
		w->nbound = saved;
	}
}

static void refs(struct refwalk *w, const struct hx *e)
{
	switch (e->kind) {
	case HX_LITERAL:
	case HX_SPLAT_ITEM:
		return;
	case HX_TEMPLATE:
		refs_tpl(w, e->tpl);
		return;
	case HX_VAR:
	case HX_GETATTR:
	case HX_INDEX: {
		const char *root;
		struct hx_step st[1];
		if (hx_traversal(e, &root, st, 1) >= 0) {
			ref_traversal(w, e);
			/* dynamic index keys hold references too */
			for (const struct hx *c = e; c->kind == HX_GETATTR || c->kind == HX_INDEX;
			     c = c->kind == HX_GETATTR ? c->a.src : c->idx.src)
				if (c->kind == HX_INDEX && c->idx.key->kind != HX_LITERAL)
					refs(w, c->idx.key);
			return;
		}
		if (e->kind == HX_GETATTR)
			refs(w, e->a.src);
		else if (e->kind == HX_INDEX) {
			refs(w, e->idx.src);
			refs(w, e->idx.key);
		}
		return;
	}
	case HX_SPLAT:
		refs(w, e->splat.src);
		refs(w, e->splat.each);
		return;
	case HX_CALL:
		for (size_t i = 0; i < e->call->nargs; i++)
			refs(w, e->call->args[i]);
		return;
	case HX_TUPLE:
		for (size_t i = 0; i < e->items.n; i++)
			refs(w, e->items.v[i]);
		return;
	case HX_OBJECT:
		for (size_t i = 0; i < e->obj.n; i++) {
			if (e->obj.v[i].key->kind != HX_VAR)
				refs(w, e->obj.v[i].key);
			refs(w, e->obj.v[i].val);
		}
		return;
	case HX_FOR: {
		refs(w, e->fr->coll);
		size_t saved = w->nbound;
		push_bound(w, e->fr->key_var);
		push_bound(w, e->fr->val_var);
		if (e->fr->key)
			refs(w, e->fr->key);
		refs(w, e->fr->val);
		if (e->fr->cond)
			refs(w, e->fr->cond);
		w->nbound = saved;
		return;
	}
	case HX_UNARY:
		refs(w, e->un.x);
		return;
	case HX_BINARY:
		refs(w, e->bin.l);
		refs(w, e->bin.r);
		return;
	case HX_COND:
		refs(w, e->cond.c);
		refs(w, e->cond.t);
		refs(w, e->cond.f);
		return;
	case HX_PAREN:
		refs(w, e->paren);
		return;
	}
}

void hcl_references(struct hcl_run *r, const struct hx *e,
		    void (*add)(void *ctx, const char *ref), void *ctx)
{
	struct refwalk w;
	memset(&w, 0, sizeof(w));
	w.r = r;
	w.add = add;
	w.ctx = ctx;
	refs(&w, e);
}
