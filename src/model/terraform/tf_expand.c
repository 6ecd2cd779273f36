/*
 * tf_expand.c - count and for_each. See tf_expand.h.
 */
#include "model/terraform/tf_expand.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void tf_expand(struct hcl_eval *ev, const struct hcl_scope *sc, const struct hx *count,
	       const struct hx *for_each, const char *what, struct tf_expansion *out)
{
	struct hcl_run *r = ev->r;
	char d[80], w[120];
	memset(out, 0, sizeof(out[0]));
	/* what, sanitized, as W: only a failure needs it (thousands of expansions) */
#define W cp_sanitize(what, w, sizeof(w))
	if (count) {
		struct hval *v = hcl_eval(ev, sc, count), *n;
		out->kind = TFX_COUNT;
		if (v->kind == HV_UNKNOWN) {
			out->count_assumed = true;
			out->n = 1;
		} else {
			if (v->kind == HV_NULL)
				hcl_fail(r, &count->pos, "the count of %s is null; it must be a whole number", W);
			if (!hv_to_number(r, v, &n) || n->n != floor(n->n) || n->n < 0)
				hcl_fail(r, &count->pos,
					 "the count of %s must be a whole number from 0 up, not %s", W,
					 hcl_describe(v, d, sizeof(d)));
			if (n->n > TF_MAX_INSTANCES)
				hcl_fail_limit(r, &count->pos,
					       "instance limit: the count of %s is %s, above %d", W,
					       hcl_describe(n, d, sizeof(d)), TF_MAX_INSTANCES);
			out->n = (size_t)n->n;
		}
		out->keys = hcl_alloc_array(r, out->n ? out->n : 1, sizeof(*out->keys));
		for (size_t i = 0; i < out->n; i++)
			out->keys[i] = hv_number(r, (double)i);
		return;
	}
	if (!for_each) {
		out->kind = TFX_SINGLE;
		out->n = 1;
		return;
	}
	struct hval *v = hcl_eval(ev, sc, for_each);
	out->kind = TFX_FOREACH;
	if (v->kind == HV_UNKNOWN || (v->kind == HV_OBJECT && (v->flags & HV_OPEN))) {
		out->kind = TFX_UNKNOWN;
		return;
	}
	if (v->kind == HV_NULL)
		hcl_fail(r, &for_each->pos, "the for_each of %s is null; it needs a map or a set of strings",
			 W);
	if (v->kind == HV_OBJECT) {
		out->n = v->o.n;
		out->keys = hcl_alloc_array(r, out->n ? out->n : 1, sizeof(*out->keys));
		out->values = hcl_alloc_array(r, out->n ? out->n : 1, sizeof(*out->values));
		for (size_t i = 0; i < v->o.n; i++) {
			out->keys[i] = hv_string_ref(r, v->o.k[i], v->o.kn[i]);
			out->values[i] = v->o.v[i];
		}
	} else if (v->kind == HV_SET) {
		out->n = v->l.n;
		out->keys = hcl_alloc_array(r, out->n ? out->n : 1, sizeof(*out->keys));
		out->values = out->keys;
		for (size_t i = 0; i < v->l.n; i++) {
			if (v->l.v[i]->kind != HV_STRING)
				hcl_fail(r, &for_each->pos,
					 "the for_each of %s is a set holding %s; a set of strings is needed",
					 W, hcl_describe(v->l.v[i], d, sizeof(d)));
			out->keys[i] = v->l.v[i];
		}
	} else if (v->kind == HV_LIST) {
		hcl_fail(r, &for_each->pos,
			 "the for_each of %s is a list; it needs a map or a set of strings (convert the "
			 "list with toset())",
			 W);
	} else {
		hcl_fail(r, &for_each->pos, "the for_each of %s must be a map or a set of strings, not %s",
			 W, hcl_describe(v, d, sizeof(d)));
	}
	if (out->n > TF_MAX_INSTANCES)
		hcl_fail_limit(r, &for_each->pos, "instance limit: the for_each of %s has %zu elements, above %d",
			       W, out->n, TF_MAX_INSTANCES);
}
#undef W

const struct hcl_scope *tf_expand_scope(struct hcl_eval *ev, const struct hcl_scope *up,
					const struct tf_expansion *x, size_t i)
{
	struct hv_objb b;
	struct hcl_scope *s;
	if (x->kind != TFX_COUNT && x->kind != TFX_FOREACH)
		return up;
	hv_objb_init(&b, ev->r);
	if (x->kind == TFX_COUNT) {
		hv_objb_addz(&b, "index", x->keys[i]);
	} else {
		hv_objb_addz(&b, "key", x->keys[i]);
		hv_objb_addz(&b, "value", x->values[i]);
	}
	s = hcl_alloc(ev->r, sizeof(*s));
	s->up = up;
	s->name = x->kind == TFX_COUNT ? "count" : "each";
	s->val = hv_objb_finish(&b, false, NULL);
	return s;
}

const char *tf_key_text(struct hcl_run *r, const struct hval *key)
{
	char num[48];
	if (!key)
		return "";
	if (key->kind == HV_NUMBER)
		return hcl_printf(r, "[%s]", hv_format_number(key->n, num, sizeof(num)));
	/* a string: Terraform's quoting */
	size_t cap = key->s.n * 6 + 5, o = 0;
	char *s = hcl_alloc(r, cap);
	s[o++] = '[';
	s[o++] = '"';
	for (size_t i = 0; i < key->s.n; i++) {
		unsigned char c = (unsigned char)key->s.p[i];
		if (c == '"' || c == '\\') {
			s[o++] = '\\';
			s[o++] = (char)c;
		} else if (c == '\n') {
			s[o++] = '\\';
			s[o++] = 'n';
		} else if (c == '\t') {
			s[o++] = '\\';
			s[o++] = 't';
		} else if (c < 0x20 || c == 0x7f) {
			o += (size_t)snprintf(s + o, cap - o, "\\u%04x", c);
		} else {
			s[o++] = (char)c;
		}
	}
	s[o++] = '"';
	s[o++] = ']';
	s[o] = '\0';
	return s;
}
