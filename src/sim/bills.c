/*
 * bills.c - see bills.h.
 */
#include "sim/bills.h"

#include <stdlib.h>
#include <string.h>

#include "sim/usage.h"
#include "util/error.h"

static int64_t cents_of(dec d)
{
	/* a cents-rounded dec: value x 10^12, so / 10^10 is exact */
	return (int64_t)(d.v / (__int128)10000000000LL);
}

static int find_item(struct bills *b, const struct cost_item *it)
{
	for (size_t i = 0; i < b->nitems; i++)
		if (strcmp(b->items[i].address, it->address) == 0)
			return (int)i;
	size_t n = (size_t)b->runs * (size_t)b->months;
	b->items = xrealloc(b->items, (b->nitems + 1) * sizeof(*b->items));
	struct bill_series *x = &b->items[b->nitems];
	memset(x, 0, sizeof(*x));
	x->address = xstrdup(it->address);
	x->title = it->title;
	x->category = it->category;
	x->item = (int)b->nitems;
	x->cents = xcalloc(n, sizeof(int64_t));
	return (int)b->nitems++;
}

static int find_line(struct bills *b, int item, const struct cost_line *l)
{
	for (size_t i = 0; i < b->nlines; i++)
		if (b->lines[i].item == item && strcmp(b->lines[i].line, l->name) == 0)
			return (int)i;
	size_t n = (size_t)b->runs * (size_t)b->months;
	b->lines = xrealloc(b->lines, (b->nlines + 1) * sizeof(*b->lines));
	struct bill_series *x = &b->lines[b->nlines];
	memset(x, 0, sizeof(*x));
	x->address = xstrdup(b->items[item].address);
	x->line = xstrdup(l->name);
	x->unit = xstrdup(l->unit);
	x->item = item;
	x->usage_based = l->usage_based;
	x->cents = xcalloc(n, sizeof(int64_t));
	x->qty = xcalloc(n, sizeof(double));
	return (int)b->nlines++;
}

static void keep_meta(struct bills *b, const struct breakdown *bd)
{
	if (!b->region) {
		b->region = xstrdup(bd->region);
		b->source = xstrdup(bd->source);
		b->published_min = bd->published_min ? xstrdup(bd->published_min) : NULL;
		b->published_max = bd->published_max ? xstrdup(bd->published_max) : NULL;
	}
	for (size_t i = 0; i < bd->nwarn; i++) {
		bool seen = false;
		for (size_t j = 0; j < b->nwarn; j++)
			seen |= strcmp(b->warnings[j], bd->warnings[i]) == 0;
		if (seen)
			continue;
		b->warnings = xrealloc(b->warnings, (b->nwarn + 1) * sizeof(char *));
		b->warnings[b->nwarn++] = xstrdup(bd->warnings[i]);
	}
}

static void mark_varies(struct bill_series *x, size_t n)
{
	for (size_t i = 1; i < n && !x->varies; i++)
		if (x->cents[i] != x->cents[0])
			x->varies = true;
}

int bills_price(struct scenario *s, struct catalog *cat, const struct cost_options *co,
		const struct sim_setup *u, const struct mc_result *mc, struct bills *out)
{
	memset(out, 0, sizeof(*out));
	out->runs = mc->runs;
	out->months = mc->months;
	size_t n = (size_t)mc->runs * (size_t)mc->months;
	out->total = xcalloc(n ? n : 1, sizeof(int64_t));
	for (int m = 0; m < mc->months; m++) {
		for (long k = 0; k < mc->runs; k++) {
			struct breakdown bd;
			size_t at = (size_t)m * (size_t)mc->runs + (size_t)k;
			usage_apply(s, u, &mc->run[k], m);
			int rc = cost_breakdown(s, cat, co, &bd);
			if (rc) {
				bills_release(out);
				return rc;
			}
			keep_meta(out, &bd);
			out->total[at] = cents_of(bd.total);
			for (size_t i = 0; i < bd.n; i++) {
				const struct cost_item *it = &bd.items[i];
				if (it->free)
					continue;
				int ii = find_item(out, it);
				out->items[ii].cents[at] = cents_of(it->total);
				for (size_t j = 0; j < it->n; j++) {
					int li = find_line(out, ii, &it->lines[j]);
					out->lines[li].cents[at] = cents_of(it->lines[j].cost_cents);
					out->lines[li].qty[at] = dec_to_double(it->lines[j].quantity);
				}
			}
			breakdown_release(&bd);
		}
	}
	for (size_t i = 0; i < out->nitems; i++)
		mark_varies(&out->items[i], n);
	for (size_t i = 0; i < out->nlines; i++) {
		mark_varies(&out->lines[i], n);
		for (size_t j = 1; j < n && !out->lines[i].varies; j++)
			if (out->lines[i].qty[j] != out->lines[i].qty[0])
				out->lines[i].varies = true;
	}
	return 0;
}

static void series_free(struct bill_series *x)
{
	free(x->address);
	free(x->line);
	free(x->unit);
	free(x->cents);
	free(x->qty);
}

void bills_release(struct bills *b)
{
	for (size_t i = 0; i < b->nitems; i++)
		series_free(&b->items[i]);
	for (size_t i = 0; i < b->nlines; i++)
		series_free(&b->lines[i]);
	free(b->items);
	free(b->lines);
	free(b->total);
	free(b->region);
	free(b->source);
	free(b->published_min);
	free(b->published_max);
	for (size_t i = 0; i < b->nwarn; i++)
		free(b->warnings[i]);
	free(b->warnings);
	memset(b, 0, sizeof(*b));
}
