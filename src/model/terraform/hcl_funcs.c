/*
 * hcl_funcs.c - the function table and the argument helpers the families
 * share. See hcl_funcs.h; the functions themselves are in hcl_funcs_*.c,
 * one family per file.
 */
#include "model/terraform/hcl_funcs_lib.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const struct hcl_func *const FAMILIES[] = {
	hcl_funcs_coll, hcl_funcs_text, hcl_funcs_num, hcl_funcs_net, hcl_funcs_io, NULL,
};

const struct hcl_func *hcl_func_find(const char *name)
{
	for (size_t f = 0; FAMILIES[f]; f++)
		for (const struct hcl_func *x = FAMILIES[f]; x->name; x++)
			if (x->name[0] == name[0] && !strcmp(x->name, name))
				return x;
	return NULL;
}

static _Noreturn void bad_arg(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
			      const struct hcl_pos *pos, const char *want)
{
	char d[80];
	hcl_fail(ev->r, pos, "%s(): argument %zu must be %s, not %s", fn, i + 1, want,
		 hcl_describe(a[i], d, sizeof(d)));
}

struct hval *fa_string(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		       const struct hcl_pos *pos)
{
	struct hval *s;
	if (a[i]->kind == HV_NULL || !hv_to_string(ev->r, a[i], &s))
		bad_arg(ev, a, i, fn, pos, "a string");
	return s;
}

double fa_number(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		 const struct hcl_pos *pos)
{
	struct hval *n;
	if (a[i]->kind == HV_NULL || !hv_to_number(ev->r, a[i], &n))
		bad_arg(ev, a, i, fn, pos, "a number");
	return n->n;
}

long long fa_integer(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		     const struct hcl_pos *pos)
{
	double d = fa_number(ev, a, i, fn, pos);
	if (d != floor(d) || fabs(d) > 9007199254740992.0)
		bad_arg(ev, a, i, fn, pos, "a whole number");
	return (long long)d;
}

struct hval *fa_list(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		     const struct hcl_pos *pos)
{
	if (a[i]->kind != HV_LIST && a[i]->kind != HV_SET)
		bad_arg(ev, a, i, fn, pos, "a list or set");
	return a[i];
}

struct hval *fa_object(struct hcl_eval *ev, struct hval **a, size_t i, const char *fn,
		       const struct hcl_pos *pos)
{
	if (a[i]->kind != HV_OBJECT)
		bad_arg(ev, a, i, fn, pos, "a map or object");
	return a[i];
}

const char *fa_path(struct hcl_eval *ev, struct hval *p)
{
	const char *s = p->s.p;
	while (s[0] == '.' && s[1] == '/') /* "${path.module}/x" at the root */
		s += 2;
	if (s[0] == '/' || !ev->base_dir || !strcmp(ev->base_dir, "."))
		return s;
	return hcl_printf(ev->r, "%s/%s", ev->base_dir, s);
}

void fb_add(struct fbuf *b, const char *s, size_t n)
{
	if (b->n + n > (size_t)HCL_MAX_STRING)
		hcl_fail_limit(b->r, NULL, "string limit: a string longer than %ld MiB",
			       (long)(HCL_MAX_STRING / (1024 * 1024)));
	b->p = hcl_grow(b->r, b->p, &b->cap, b->n + n + 1, 1);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void fb_addz(struct fbuf *b, const char *s)
{
	fb_add(b, s, strlen(s));
}

void fb_addc(struct fbuf *b, char c)
{
	fb_add(b, &c, 1);
}

struct hval *fb_value(struct fbuf *b)
{
	if (!b->p)
		return hv_string(b->r, "", 0);
	return hv_string_own(b->r, b->p, b->n);
}
