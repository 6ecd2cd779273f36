/*
 * diff.c - see diff.h.
 */
#include "diff/diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "util/error.h"

bool diff_row_shown(const struct diff_row *r)
{
	return !dec_is_zero(r->delta) || r->change == CH_CREATE || r->change == CH_DELETE;
}

const char *change_name(enum change c)
{
	static const char *const n[] = {"no-op", "create", "update", "replace", "delete"};
	return n[c];
}

const char *change_label(enum change c)
{
	static const char *const n[] = {"unchanged", "added", "changed", "replaced", "removed"};
	return n[c];
}

const char *change_symbol(enum change c)
{
	static const char *const n[] = {" ", "+", "~", "-/+", "-"};
	return n[c];
}

static enum change from_action(const char *a)
{
	if (!a)
		return CH_NOOP;
	if (!strcmp(a, "create"))
		return CH_CREATE;
	if (!strcmp(a, "update"))
		return CH_UPDATE;
	if (!strcmp(a, "replace"))
		return CH_REPLACE;
	if (!strcmp(a, "delete"))
		return CH_DELETE;
	return CH_NOOP;
}

static bool same_lines(const struct cost_item *a, const struct cost_item *b)
{
	if (a->n != b->n || dec_cmp(a->total, b->total))
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->lines[i].name, b->lines[i].name) ||
		    dec_cmp(a->lines[i].quantity, b->lines[i].quantity) ||
		    dec_cmp(a->lines[i].cost_cents, b->lines[i].cost_cents))
			return false;
	return true;
}

static struct diff_row *add_row(struct diff *d)
{
	d->rows = xrealloc(d->rows, (d->n + 1) * sizeof(*d->rows));
	struct diff_row *r = &d->rows[d->n++];
	memset(r, 0, sizeof(*r));
	return r;
}

void diff_compute(const struct side *base, const struct side *head, json_t *actions,
		  const char *title, struct diff *d)
{
	json_t *in_base = json_object(), *in_head = json_object();
	memset(d, 0, sizeof(*d));
	d->base = base;
	d->head = head;
	d->title = xstrdup(title);
	for (size_t i = 0; i < base->b.n; i++)
		json_object_set_new(in_base, base->b.items[i].address, json_integer((json_int_t)i));
	for (size_t i = 0; i < head->b.n; i++) {
		const struct cost_item *a = &head->b.items[i];
		json_t *bi = json_object_get(in_base, a->address);
		const struct cost_item *b = bi ? &base->b.items[json_integer_value(bi)] : NULL;
		struct diff_row *r = add_row(d);
		json_object_set_new(in_head, a->address, json_true());
		r->address = a->address;
		r->type = a->type;
		r->before = b;
		r->after = a;
		const char *act = actions ? json_string_value(json_object_get(actions, a->address)) : NULL;
		if (act)
			r->change = from_action(act);
		else
			r->change = !b ? CH_CREATE : same_lines(a, b) ? CH_NOOP : CH_UPDATE;
	}
	for (size_t i = 0; i < base->b.n; i++) {
		const struct cost_item *b = &base->b.items[i];
		if (json_object_get(in_head, b->address))
			continue;
		struct diff_row *r = add_row(d);
		r->address = b->address;
		r->type = b->type;
		r->before = b;
		r->change = CH_DELETE;
	}
	/* free-tier allowances are not resources: they change, never come or go */
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->rows[i].type, "free_tier"))
			d->rows[i].change = d->rows[i].before && d->rows[i].after &&
						    same_lines(d->rows[i].before, d->rows[i].after)
					    ? CH_NOOP
					    : CH_UPDATE;
	d->before = dec_zero();
	d->after = dec_zero();
	for (size_t i = 0; i < d->n; i++) {
		struct diff_row *r = &d->rows[i];
		r->before_cost = r->before ? r->before->total : dec_zero();
		r->after_cost = r->after ? r->after->total : dec_zero();
		r->delta = dec_sub(r->after_cost, r->before_cost);
		d->before = dec_add(d->before, r->before_cost);
		d->after = dec_add(d->after, r->after_cost);
		if (!dec_is_zero(r->delta))
			d->nchanged++;
		else if (r->change != CH_NOOP)
			d->nzero++;
		d->nshown += diff_row_shown(r);
	}
	d->delta = dec_sub(d->after, d->before);
	if (!dec_is_zero(d->before)) {
		dec p;
		if (dec_mul(d->delta, dec_from_int(100), &p) == 0 && dec_div(p, d->before, &p) == 0) {
			d->has_percent = true;
			d->percent = dec_round(p, 1);
		}
	}
	/* not priced: head's with their action, then base's that are gone */
	json_t *seen = json_object();
	for (int s = 0; s < 2; s++) {
		const struct side *sd = s ? base : head;
		for (size_t i = 0; i < sd->nunpriced; i++) {
			const struct unpriced *u = &sd->unpriced[i];
			if (json_object_get(seen, u->address))
				continue;
			json_object_set_new(seen, u->address, json_true());
			d->unpriced = xrealloc(d->unpriced, (d->nunpriced + 1) * sizeof(*d->unpriced));
			d->unpriced[d->nunpriced].u = u;
			d->unpriced[d->nunpriced].action =
				actions ? json_string_value(json_object_get(actions, u->address)) : NULL;
			d->nunpriced++;
		}
	}
	json_decref(seen);
	for (int s = 0; s < 2; s++) {
		const struct breakdown *b = s ? &base->b : &head->b;
		for (size_t i = 0; i < b->nwarn; i++) {
			int dup = 0;
			for (size_t k = 0; k < d->nwarn && !dup; k++)
				dup = !strcmp(d->warnings[k], b->warnings[i]);
			if (dup)
				continue;
			d->warnings = xrealloc(d->warnings, (d->nwarn + 1) * sizeof(char *));
			d->warnings[d->nwarn++] = b->warnings[i];
		}
	}
	/* the snapshot date: the newest publication among prices used */
	const char *pmin = head->b.published_min, *pmax = head->b.published_max;
	if (base->b.published_min && (!pmin || strcmp(base->b.published_min, pmin) < 0))
		pmin = base->b.published_min;
	if (base->b.published_max && (!pmax || strcmp(base->b.published_max, pmax) > 0))
		pmax = base->b.published_max;
	report_prices_valid_range(pmin, pmax, d->prices_valid, sizeof(d->prices_valid));
	if (!pmin)
		d->published[0] = '\0';
	else if (!strcmp(pmin, pmax))
		snprintf(d->published, sizeof(d->published), "%s", pmin);
	else
		snprintf(d->published, sizeof(d->published), "%s to %s", pmin, pmax);
	json_decref(in_base);
	json_decref(in_head);
}

void diff_release(struct diff *d)
{
	free(d->rows);
	free(d->unpriced);
	free(d->warnings);
	free(d->title);
	memset(d, 0, sizeof(*d));
}

char *dec_format_usd_signed(dec a, char *buf, size_t size)
{
	char t[DEC_BUFSZ * 2];
	dec r = dec_round_cents(a);
	if (dec_is_zero(r)) {
		snprintf(buf, size, "$0.00");
		return buf;
	}
	int neg = dec_cmp(r, dec_zero()) < 0;
	dec_format_usd(neg ? dec_neg(r) : r, t, sizeof(t));
	snprintf(buf, size, "%s%s", neg ? "-" : "+", t);
	return buf;
}

char *percent_text(dec p, char *buf, size_t size)
{
	char t[DEC_BUFSZ];
	int neg = dec_cmp(p, dec_zero()) < 0;
	dec_format(neg ? dec_neg(p) : p, 1, t, sizeof(t));
	snprintf(buf, size, "%s%s%%", neg ? "-" : "+", t);
	return buf;
}

int diff_guardrails(const struct diff *d, const struct guardrails *g, char *reason, size_t size)
{
	char a[DEC_BUFSZ * 2], b[DEC_BUFSZ * 2], c[DEC_BUFSZ];
	size_t o = 0;
	int tripped = 0;
	reason[0] = '\0';
#define ADD(...)                                                                       \
	do {                                                                           \
		if (o < size)                                                          \
			o += (size_t)snprintf(reason + o, size - o, "%s", tripped ? "; " : ""); \
		if (o < size)                                                          \
			o += (size_t)snprintf(reason + o, size - o, __VA_ARGS__);      \
		tripped = 1;                                                           \
	} while (0)
	if (g->usd_set && dec_cmp(d->delta, g->usd) > 0)
		ADD("monthly cost increase %s is above --fail-above-usd %s",
		    dec_format_usd(d->delta, a, sizeof(a)), dec_format_usd(g->usd, b, sizeof(b)));
	if (g->pct_set && dec_cmp(d->delta, dec_zero()) > 0) {
		if (!d->has_percent)
			ADD("monthly cost grows from $0.00 to %s, above --fail-above-percent %s%%",
			    dec_format_usd(d->after, a, sizeof(a)), dec_format_trim(g->pct, c, sizeof(c)));
		else if (dec_cmp(d->percent, g->pct) > 0)
			ADD("monthly cost increase %s is above --fail-above-percent %s%%",
			    percent_text(d->percent, a, sizeof(a)), dec_format_trim(g->pct, c, sizeof(c)));
	}
	if (g->budget_set && dec_cmp(d->after, g->budget) > 0)
		ADD("new monthly total %s is above --budget %s", dec_format_usd(d->after, a, sizeof(a)),
		    dec_format_usd(g->budget, b, sizeof(b)));
#undef ADD
	return tripped;
}

void diff_headline(const struct diff *d, char *buf, size_t size)
{
	char a[DEC_BUFSZ * 2], p[DEC_BUFSZ];
	int sign = dec_cmp(d->delta, dec_zero());
	if (sign == 0) {
		snprintf(buf, size, "Monthly cost will not change");
		return;
	}
	dec_format_usd(sign < 0 ? dec_neg(d->delta) : d->delta, a, sizeof(a));
	if (d->has_percent)
		snprintf(buf, size, "Monthly cost will %s by %s (%s)", sign > 0 ? "increase" : "decrease",
			 a, percent_text(d->percent, p, sizeof(p)));
	else
		snprintf(buf, size, "Monthly cost will %s by %s", sign > 0 ? "increase" : "decrease", a);
}

void diff_lines(const struct diff_row *r, diff_line_fn fn, void *ctx)
{
	const struct cost_item *a = r->after, *b = r->before;
	for (size_t i = 0; a && i < a->n; i++) {
		const struct cost_line *bl = NULL;
		for (size_t j = 0; b && j < b->n && !bl; j++)
			if (!strcmp(b->lines[j].name, a->lines[i].name))
				bl = &b->lines[j];
		fn(bl, &a->lines[i], ctx);
	}
	for (size_t j = 0; b && j < b->n; j++) {
		int found = 0;
		for (size_t i = 0; a && i < a->n && !found; i++)
			found = !strcmp(b->lines[j].name, a->lines[i].name);
		if (!found)
			fn(&b->lines[j], NULL, ctx);
	}
}
