/*
 * quantity.c - see quantity.h. Every node computes its value from its
 * operands when it is made, in exact decimals.
 */
#include "cost/quantity.h"

#include <string.h>

static struct qty *node(struct arena *a, enum qty_op op, size_t nargs)
{
	struct qty *q = arena_alloc(a, sizeof(*q));
	q->op = op;
	q->ok = true;
	q->v = dec_zero();
	if (nargs) {
		q->args = arena_alloc(a, nargs * sizeof(*q->args));
		q->nargs = nargs;
	}
	return q;
}

/* Flags every compound node takes from its operands. */
static void inherit(struct qty *q)
{
	for (size_t i = 0; i < q->nargs; i++) {
		q->ok = q->ok && q->args[i]->ok;
		q->usage = q->usage || q->args[i]->usage;
		q->given = q->given || q->args[i]->given;
		q->refs += q->args[i]->refs;
	}
}

const struct qty *qty_num(struct arena *a, dec v)
{
	struct qty *q = node(a, QTY_NUM, 0);
	q->v = v;
	return q;
}

const struct qty *qty_int(struct arena *a, long i)
{
	return qty_num(a, dec_from_int(i));
}

const struct qty *qty_input(struct arena *a, enum qty_input in, const char *address,
			    const char *key, dec v, bool given, const char *unit, const char *doc,
			    const char *extra)
{
	struct qty *q = node(a, QTY_INPUT, 0);
	q->v = v;
	q->in = in;
	q->address = arena_strdup(a, address);
	q->key = key;
	q->unit = unit ? unit : "";
	q->doc = doc ? doc : "";
	q->extra = extra;
	q->refs = 1;
	q->usage = in == QIN_USAGE || in == QIN_USAGE_DEFAULT;
	q->given = q->usage && given;
	return q;
}

static const struct qty *binary(struct arena *a, enum qty_op op, const struct qty *x,
				const struct qty *y)
{
	struct qty *q = node(a, op, 2);
	q->args[0] = x;
	q->args[1] = y;
	inherit(q);
	if (!q->ok)
		return q;
	switch (op) {
	case QTY_ADD:
		q->v = dec_add(x->v, y->v);
		break;
	case QTY_SUB:
		q->v = dec_sub(x->v, y->v);
		break;
	case QTY_MUL:
		q->ok = dec_mul(x->v, y->v, &q->v) == 0;
		break;
	default:
		q->ok = dec_div(x->v, y->v, &q->v) == 0;
	}
	return q;
}

const struct qty *qty_add(struct arena *a, const struct qty *x, const struct qty *y)
{
	return binary(a, QTY_ADD, x, y);
}

const struct qty *qty_sub(struct arena *a, const struct qty *x, const struct qty *y)
{
	return binary(a, QTY_SUB, x, y);
}

const struct qty *qty_mul(struct arena *a, const struct qty *x, const struct qty *y)
{
	return binary(a, QTY_MUL, x, y);
}

const struct qty *qty_div(struct arena *a, const struct qty *x, const struct qty *y)
{
	return binary(a, QTY_DIV, x, y);
}

static const struct qty *extreme(struct arena *a, enum qty_op op, const struct qty *const *xs,
				 size_t n)
{
	struct qty *q = node(a, op, n);
	for (size_t i = 0; i < n; i++) {
		q->args[i] = xs[i];
		int c = i ? dec_cmp(xs[i]->v, q->v) : 0;
		if (i == 0 || (op == QTY_MAX ? c > 0 : c < 0))
			q->v = xs[i]->v;
	}
	inherit(q);
	return q;
}

const struct qty *qty_max(struct arena *a, const struct qty *const *xs, size_t n)
{
	return extreme(a, QTY_MAX, xs, n);
}

const struct qty *qty_min(struct arena *a, const struct qty *const *xs, size_t n)
{
	return extreme(a, QTY_MIN, xs, n);
}

const struct qty *qty_step(struct arena *a, const struct qty *x, dec threshold,
			   const struct qty *hi, const struct qty *lo, const char *label)
{
	struct qty *q = node(a, QTY_STEP, 3);
	q->args[0] = x;
	q->args[1] = hi;
	q->args[2] = lo;
	q->threshold = threshold;
	q->label = label;
	inherit(q);
	q->v = dec_cmp(x->v, threshold) >= 0 ? hi->v : lo->v;
	return q;
}
