/*
 * price_diff.c - compare two snapshots price by price. See price_diff.h.
 */
#include "pricing/price_diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pricing/regions.h"
#include "util/error.h"

static const char *const KEY_ATTRS[] = {"Instance Type", "Database Engine", "Deployment Option",
					"Cache Engine",  "Volume Type",     "Alarm Type",
					"Transfer Type", "Location Type",   NULL};

char **price_diff_regions(const char *a, const char *b, size_t *n)
{
	char **out = NULL;
	*n = 0;
	catalog_regions_add(a, &out, n);
	catalog_regions_add(b, &out, n);
	catalog_regions_sort(out, *n);
	return out;
}

void price_diff_attrs(const struct price_entry *e, char *buf, size_t size)
{
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; KEY_ATTRS[i] && o < size; i++) {
		const char *v = price_entry_attr(e, KEY_ATTRS[i]);
		if (v && v[0] && strcmp(KEY_ATTRS[i], "Location Type") != 0)
			o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? ", " : "", v);
	}
}

static bool same_key(const struct price_entry *x, const struct price_entry *y)
{
	if (strcmp(x->family, y->family) != 0 || strcmp(x->usage_type, y->usage_type) != 0)
		return false;
	for (int i = 0; KEY_ATTRS[i]; i++) {
		const char *a = price_entry_attr(x, KEY_ATTRS[i]);
		const char *b = price_entry_attr(y, KEY_ATTRS[i]);
		if (strcmp(a ? a : "", b ? b : "") != 0)
			return false;
	}
	return true;
}

static bool file_exists(const char *dir, const char *region, const char *offer)
{
	struct stat st;
	char *p1 = xasprintf("%s/aws/%s/%s.csv", dir, region, offer);
	char *p2 = xasprintf("%s/aws/%s/%s.json", dir, region, offer);
	bool ok = stat(p1, &st) == 0 || stat(p2, &st) == 0;
	free(p1);
	free(p2);
	return ok;
}

struct acc {
	struct price_change *v;
	size_t n, cap;
};

static void push(struct acc *a, struct price_change c)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 32;
		a->v = xrealloc(a->v, a->cap * sizeof(*a->v));
	}
	a->v[a->n++] = c;
}

static void whole(struct acc *a, enum price_change_kind k, const char *region, const char *offer,
		  const struct price_entry *e)
{
	for (size_t t = 0; t < e->ntiers; t++) {
		struct price_change c = {k, region, offer, k == PC_REMOVED ? e : NULL,
					 k == PC_ADDED ? e : NULL, e->tiers[t].begin, e->tiers[t].end,
					 e->tiers[t].end_inf, dec_zero(), dec_zero()};
		if (k == PC_REMOVED)
			c.old_price = e->tiers[t].price;
		else
			c.new_price = e->tiers[t].price;
		push(a, c);
	}
}

static void compare_entries(struct acc *a, const char *region, const char *offer,
			    const struct price_entry *o, const struct price_entry *n)
{
	/* tiers by starting range */
	for (size_t i = 0; i < o->ntiers; i++) {
		const struct price_tier *ot = &o->tiers[i], *nt = NULL;
		for (size_t j = 0; j < n->ntiers && !nt; j++)
			if (dec_cmp(n->tiers[j].begin, ot->begin) == 0)
				nt = &n->tiers[j];
		struct price_change c = {PC_CHANGED, region, offer, o, n, ot->begin, ot->end,
					 ot->end_inf, ot->price, dec_zero()};
		if (!nt) {
			c.kind = PC_REMOVED;
			c.new_e = NULL;
			push(a, c);
		} else if (dec_cmp(nt->price, ot->price) != 0 || nt->end_inf != ot->end_inf ||
			   (!nt->end_inf && dec_cmp(nt->end, ot->end) != 0)) {
			c.new_price = nt->price;
			c.end = nt->end;
			c.end_inf = nt->end_inf;
			push(a, c);
		}
	}
	for (size_t j = 0; j < n->ntiers; j++) {
		bool found = false;
		for (size_t i = 0; i < o->ntiers && !found; i++)
			found = dec_cmp(o->tiers[i].begin, n->tiers[j].begin) == 0;
		if (!found) {
			struct price_change c = {PC_ADDED, region, offer, NULL, n, n->tiers[j].begin,
						 n->tiers[j].end, n->tiers[j].end_inf, dec_zero(),
						 n->tiers[j].price};
			push(a, c);
		}
	}
}

int price_diff(struct catalog *ca, struct catalog *cb, char *const *regions, size_t nreg,
	       struct price_change **out, size_t *n)
{
	struct acc a = {NULL, 0, 0};
	int rc = 0;

	for (size_t r = 0; r < nreg && !rc; r++) {
		for (int k = 0; CATALOG_OFFERS[k] && !rc; k++) {
			const char *offer = CATALOG_OFFERS[k];
			struct offer_source *so = NULL, *sn = NULL;
			bool ho = file_exists(ca->dir, regions[r], offer);
			bool hn = file_exists(cb->dir, regions[r], offer);
			if (ho && (rc = catalog_offer(ca, regions[r], offer, &so)) != 0)
				break;
			if (hn && (rc = catalog_offer(cb, regions[r], offer, &sn)) != 0)
				break;
			for (size_t i = 0; so && i < so->n; i++) {
				const struct price_entry *match = NULL;
				for (size_t j = 0; sn && j < sn->n && !match; j++)
					if (same_key(&so->entries[i], &sn->entries[j]))
						match = &sn->entries[j];
				if (match)
					compare_entries(&a, regions[r], offer, &so->entries[i], match);
				else
					whole(&a, PC_REMOVED, regions[r], offer, &so->entries[i]);
			}
			for (size_t j = 0; sn && j < sn->n; j++) {
				bool match = false;
				for (size_t i = 0; so && i < so->n && !match; i++)
					match = same_key(&so->entries[i], &sn->entries[j]);
				if (!match)
					whole(&a, PC_ADDED, regions[r], offer, &sn->entries[j]);
			}
		}
	}
	if (rc) {
		free(a.v);
		a.v = NULL;
		a.n = 0;
	}
	*out = a.v;
	*n = a.n;
	return rc;
}
