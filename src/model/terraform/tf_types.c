/*
 * tf_types.c - type constraints and conversions. See tf_types.h.
 */
#include "model/terraform/tf_types.h"

#include <string.h>

static const struct tf_type ANY = {TT_ANY, NULL, 0, NULL, NULL, NULL, NULL};

static bool word(const struct hx *e, const char *w)
{
	return e->kind == HX_VAR && !strcmp(e->name, w);
}

static _Noreturn void bad_type(struct hcl_run *r, const struct hx *e)
{
	hcl_fail(r, &e->pos,
		 "invalid type: expected string, number, bool, any, list(...), set(...), map(...), "
		 "object({...}) or tuple([...])");
}

static const struct tf_type *parse(struct hcl_run *r, const struct hx *e, int depth);

static const struct tf_type *one_arg(struct hcl_run *r, const struct hx *e, int depth)
{
	if (e->call->nargs != 1)
		hcl_fail(r, &e->pos, "invalid type: %s() takes one type", e->call->name);
	return parse(r, e->call->args[0], depth + 1);
}

static const struct tf_type *parse(struct hcl_run *r, const struct hx *e, int depth)
{
	struct tf_type *t = hcl_alloc(r, sizeof(*t));
	if (depth > 64)
		hcl_fail_limit(r, &e->pos, "nesting limit: a type nested deeper than 64");
	if (e->kind == HX_PAREN)
		return parse(r, e->paren, depth + 1);
	if (e->kind == HX_LITERAL && e->lit->kind == HV_STRING) { /* legacy "string" */
		struct hx *w = hx_new(r, HX_VAR, &e->pos);
		w->name = e->lit->s.p;
		e = w;
	}
	if (word(e, "any")) {
		t->kind = TT_ANY;
	} else if (word(e, "string")) {
		t->kind = TT_STRING;
	} else if (word(e, "number")) {
		t->kind = TT_NUMBER;
	} else if (word(e, "bool")) {
		t->kind = TT_BOOL;
	} else if (word(e, "list") || word(e, "map") || word(e, "set")) {
		/* bare list/map (legacy): of any */
		t->kind = word(e, "list") ? TT_LIST : word(e, "map") ? TT_MAP : TT_SET;
		t->elem = &ANY;
	} else if (e->kind == HX_CALL && (!strcmp(e->call->name, "list") ||
					  !strcmp(e->call->name, "set") || !strcmp(e->call->name, "map"))) {
		t->kind = !strcmp(e->call->name, "list") ? TT_LIST : !strcmp(e->call->name, "set") ? TT_SET : TT_MAP;
		t->elem = one_arg(r, e, depth);
	} else if (e->kind == HX_CALL && !strcmp(e->call->name, "object")) {
		if (e->call->nargs != 1 || e->call->args[0]->kind != HX_OBJECT)
			hcl_fail(r, &e->pos, "invalid type: object() takes {name = type, ...}");
		const struct hx *o = e->call->args[0];
		t->kind = TT_OBJECT;
		t->n = o->obj.n;
		t->names = hcl_alloc_array(r, t->n ? t->n : 1, sizeof(*t->names));
		t->types = hcl_alloc_array(r, t->n ? t->n : 1, sizeof(*t->types));
		t->optional = hcl_alloc_array(r, t->n ? t->n : 1, sizeof(*t->optional));
		t->defaults = hcl_alloc_array(r, t->n ? t->n : 1, sizeof(*t->defaults));
		for (size_t i = 0; i < t->n; i++) {
			const struct hx *k = o->obj.v[i].key, *v = o->obj.v[i].val;
			if (k->kind == HX_LITERAL && k->lit->kind == HV_STRING)
				t->names[i] = k->lit->s.p;
			else if (k->kind == HX_VAR)
				t->names[i] = k->name;
			else
				hcl_fail(r, &k->pos, "invalid type: object attribute names must be names");
			if (v->kind == HX_CALL && !strcmp(v->call->name, "optional")) {
				if (v->call->nargs < 1 || v->call->nargs > 2)
					hcl_fail(r, &v->pos, "invalid type: optional(type[, default])");
				t->optional[i] = true;
				t->types[i] = parse(r, v->call->args[0], depth + 1);
				t->defaults[i] = v->call->nargs == 2 ? v->call->args[1] : NULL;
			} else {
				t->types[i] = parse(r, v, depth + 1);
			}
		}
	} else if (e->kind == HX_CALL && !strcmp(e->call->name, "tuple")) {
		if (e->call->nargs != 1 || e->call->args[0]->kind != HX_TUPLE)
			hcl_fail(r, &e->pos, "invalid type: tuple() takes [type, ...]");
		const struct hx *l = e->call->args[0];
		t->kind = TT_TUPLE;
		t->n = l->items.n;
		t->types = hcl_alloc_array(r, t->n ? t->n : 1, sizeof(*t->types));
		for (size_t i = 0; i < t->n; i++)
			t->types[i] = parse(r, l->items.v[i], depth + 1);
	} else {
		bad_type(r, e);
	}
	return t;
}

const struct tf_type *tf_type_parse(struct hcl_run *r, const struct hx *e)
{
	return e ? parse(r, e, 0) : &ANY;
}

bool tf_type_is_primitive(const struct tf_type *t)
{
	return t->kind == TT_ANY || t->kind == TT_STRING || t->kind == TT_NUMBER || t->kind == TT_BOOL;
}

static _Noreturn void mismatch(struct hcl_eval *ev, struct hval *v, const struct hcl_pos *pos,
			       const char *what, const char *want)
{
	char d[80];
	hcl_fail(ev->r, pos, "%s: %s is needed, not %s", what, want, hcl_describe(v, d, sizeof(d)));
}

static struct hval *convert(struct hcl_eval *ev, const struct tf_type *t, struct hval *v,
			    const struct hcl_pos *pos, const char *what, int depth)
{
	struct hval *out;
	if (v->kind == HV_UNKNOWN || v->kind == HV_NULL || t->kind == TT_ANY)
		return v;
	hcl_step(ev->r, pos);
	if (depth > 64)
		hcl_fail_limit(ev->r, pos, "nesting limit: a value nested deeper than 64");
	switch (t->kind) {
	case TT_STRING:
		if (!hv_to_string(ev->r, v, &out))
			mismatch(ev, v, pos, what, "a string");
		return out;
	case TT_NUMBER:
		if (!hv_to_number(ev->r, v, &out))
			mismatch(ev, v, pos, what, "a number");
		return out;
	case TT_BOOL:
		if (!hv_to_bool(v, &out))
			mismatch(ev, v, pos, what, "true or false");
		return out;
	case TT_LIST:
	case TT_SET: {
		if (v->kind != HV_LIST && v->kind != HV_SET)
			mismatch(ev, v, pos, what, t->kind == TT_LIST ? "a list" : "a set");
		struct hval **e = hcl_alloc_array(ev->r, v->l.n ? v->l.n : 1, sizeof(*e));
		for (size_t i = 0; i < v->l.n; i++)
			e[i] = convert(ev, t->elem, v->l.v[i], pos, what, depth + 1);
		return t->kind == TT_LIST ? hv_list(ev->r, e, v->l.n) : hv_set(ev->r, e, v->l.n);
	}
	case TT_MAP: {
		if (v->kind != HV_OBJECT)
			mismatch(ev, v, pos, what, "a map");
		struct hv_objb b;
		hv_objb_init(&b, ev->r);
		for (size_t i = 0; i < v->o.n; i++)
			hv_objb_add(&b, v->o.k[i], v->o.kn[i],
				    convert(ev, t->elem, v->o.v[i], pos, what, depth + 1));
		return hv_objb_finish(&b, false, pos);
	}
	case TT_OBJECT: {
		if (v->kind != HV_OBJECT)
			mismatch(ev, v, pos, what, "an object");
		struct hv_objb b;
		hv_objb_init(&b, ev->r);
		for (size_t i = 0; i < t->n; i++) {
			struct hval *x = hv_getz(v, t->names[i]);
			if (!x || x->kind == HV_NULL) {
				if (!x && !t->optional[i]) {
					char buf[80];
					hcl_fail(ev->r, pos, "%s: attribute \"%s\" is required",
						 what, cp_sanitize(t->names[i], buf, sizeof(buf)));
				}
				x = t->defaults[i] ? hcl_eval(ev, NULL, t->defaults[i]) : HV_NULLV;
			}
			hv_objb_addz(&b, t->names[i], convert(ev, t->types[i], x, pos, what, depth + 1));
		}
		return hv_objb_finish(&b, false, pos);
	}
	case TT_TUPLE: {
		if ((v->kind != HV_LIST && v->kind != HV_SET) || v->l.n != t->n)
			mismatch(ev, v, pos, what, "a tuple of the declared length");
		struct hval **e = hcl_alloc_array(ev->r, t->n ? t->n : 1, sizeof(*e));
		for (size_t i = 0; i < t->n; i++)
			e[i] = convert(ev, t->types[i], v->l.v[i], pos, what, depth + 1);
		return hv_list(ev->r, e, t->n);
	}
	default:
		return v;
	}
}

struct hval *tf_type_convert(struct hcl_eval *ev, const struct tf_type *t, struct hval *v,
			     const struct hcl_pos *pos, const char *what)
{
	hv_check_nodes(ev->r, v, pos);
	return convert(ev, t, v, pos, what, 0);
}
