/*
 * hcl_funcs_num.c - number functions: min, max, ceil, floor, abs, sum,
 * range, pow, signum, parseint.
 *
 * range() checks its element count before building anything, so a
 * range(1e9) fails at once with the collection limit.
 */
#include "model/terraform/hcl_funcs_lib.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define R (ev->r)

static struct hval *finite_result(struct hcl_eval *ev, double d, const struct hcl_pos *pos, const char *fn)
{
	if (!isfinite(d))
		hcl_fail(R, pos, "%s(): the result is not a finite number", fn);
	return hv_number(R, d);
}

static struct hval *minmax(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos,
			   bool max)
{
	const char *fn = max ? "max" : "min";
	if (n == 0)
		hcl_fail(R, pos, "%s() needs at least one number", fn);
	double best = fa_number(ev, a, 0, fn, pos);
	for (size_t i = 1; i < n; i++) {
		double d = fa_number(ev, a, i, fn, pos);
		if (max ? d > best : d < best)
			best = d;
	}
	return hv_number(R, best);
}

static struct hval *f_min(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	return minmax(ev, a, n, pos, false);
}

static struct hval *f_max(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	return minmax(ev, a, n, pos, true);
}

static struct hval *f_ceil(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return hv_number(R, ceil(fa_number(ev, a, 0, "ceil", pos)));
}

static struct hval *f_floor(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return hv_number(R, floor(fa_number(ev, a, 0, "floor", pos)));
}

static struct hval *f_abs(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return hv_number(R, fabs(fa_number(ev, a, 0, "abs", pos)));
}

static struct hval *f_signum(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	double d = fa_number(ev, a, 0, "signum", pos);
	return hv_number(R, d > 0 ? 1 : d < 0 ? -1 : 0);
}

static struct hval *f_pow(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	return finite_result(ev, pow(fa_number(ev, a, 0, "pow", pos), fa_number(ev, a, 1, "pow", pos)), pos,
		      "pow");
}

static struct hval *f_sum(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *l = fa_list(ev, a, 0, "sum", pos);
	if (l->l.n == 0)
		hcl_fail(R, pos, "sum(): cannot sum an empty list");
	double s = 0;
	for (size_t i = 0; i < l->l.n; i++)
		s += fa_number(ev, l->l.v, i, "sum", pos);
	return finite_result(ev, s, pos, "sum");
}

static struct hval *f_range(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	double start = 0, limit, step = 1;
	if (n == 1) {
		limit = fa_number(ev, a, 0, "range", pos);
	} else {
		start = fa_number(ev, a, 0, "range", pos);
		limit = fa_number(ev, a, 1, "range", pos);
		if (n == 3)
			step = fa_number(ev, a, 2, "range", pos);
		else if (limit < start)
			step = -1;
	}
	if (step == 0)
		hcl_fail(R, pos, "range(): the step must not be zero");
	if ((step > 0 && limit < start) || (step < 0 && limit > start))
		hcl_fail(R, pos, "range(): the step goes away from the limit");
	double count = ceil((limit - start) / step);
	if (count > HCL_MAX_COLLECTION)
		hcl_fail_limit(R, pos,
			       "collection limit: range() would make %.0f elements; at most %d are "
			       "allowed",
			       count, HCL_MAX_COLLECTION);
	size_t m = (size_t)count;
	struct hval **v = hcl_alloc_array(R, m ? m : 1, sizeof(*v));
	for (size_t i = 0; i < m; i++)
		v[i] = hv_number(R, start + (double)i * step);
	return hv_list(R, v, m);
}

static struct hval *f_parseint(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "parseint", pos);
	long long base = fa_integer(ev, a, 1, "parseint", pos);
	char *end;
	char d[80];
	if (base < 2 || base > 62)
		hcl_fail(R, pos, "parseint(): the base must be between 2 and 62");
	if (base > 36 || s->s.n == 0 || strlen(s->s.p) != s->s.n || s->s.p[0] == ' ' ||
	    s->s.p[0] == '+')
		hcl_fail(R, pos, "parseint(): cannot parse %s in base %lld",
			 hcl_describe(s, d, sizeof(d)), base);
	errno = 0;
	long long v = strtoll(s->s.p, &end, (int)base);
	if (*end || errno)
		hcl_fail(R, pos, "parseint(): cannot parse %s in base %lld",
			 hcl_describe(s, d, sizeof(d)), base);
	return hv_number(R, (double)v);
}

const struct hcl_func hcl_funcs_num[] = {
	{"min", 0, -1, FN_KNOWN, f_min},
	{"max", 0, -1, FN_KNOWN, f_max},
	{"ceil", 1, 1, FN_KNOWN, f_ceil},
	{"floor", 1, 1, FN_KNOWN, f_floor},
	{"abs", 1, 1, FN_KNOWN, f_abs},
	{"signum", 1, 1, FN_KNOWN, f_signum},
	{"pow", 2, 2, FN_KNOWN, f_pow},
	{"sum", 1, 1, FN_KNOWN, f_sum},
	{"range", 1, 3, FN_KNOWN, f_range},
	{"parseint", 2, 2, FN_KNOWN, f_parseint},
	{NULL, 0, 0, 0, NULL},
};
