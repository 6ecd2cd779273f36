/*
 * offered.c - see offered.h.
 */
#include "cost/types/offered.h"

#include <stdlib.h>
#include <string.h>

#include "cost/choices.h"
#include "util/strings.h"

#define NEAREST 3

struct near {
	const char *key;
	size_t d;
};

static int by_distance(const void *a, const void *b)
{
	const struct near *x = a, *y = b;
	if (x->d != y->d)
		return x->d < y->d ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* "a, b, c": the priced classes nearest to value (at most NEAREST, each
 * within a third of its length plus two edits), or "" when none is near. */
static char *nearest(struct pricer_ctx *p, const char *value, const struct offered_rows *rows)
{
	const char *const cols[] = {rows->key_column, rows->filter_column, NULL};
	struct choice_list l = {p->cat, p->region, "", NULL, 0, 0};
	char *out = xstrdup("");
	choices_add_prices(&l, rows->offer, rows->family, rows->usage_prefix, cols);
	if (rows->filter_column)
		for (size_t i = 0; i < l.n; i++) {
			const char *v = price_entry_attr(l.v[i].e, rows->filter_column);
			if (!v || strcmp(v, rows->filter_value))
				l.v[i].key[0] = '\0'; /* not this engine: never suggested */
		}
	choices_sort(&l);
	const char **keys = choices_keys(&l);
	size_t n = 0, limit = strlen(value) / 3 + 2;
	for (const char **k = keys; *k; k++)
		n++;
	struct near *v = xcalloc(n + 1, sizeof(*v));
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (!keys[i][0] || strlen(keys[i]) > 64 || strlen(value) > 64)
			continue;
		v[m].key = keys[i];
		v[m].d = edit_distance(value, keys[i]);
		if (v[m].d <= limit)
			m++;
	}
	qsort(v, m, sizeof(*v), by_distance);
	for (size_t i = 0; i < m && i < NEAREST; i++) {
		char *s = xasprintf("%s%s%s", out, i ? ", " : "", v[i].key);
		free(out);
		out = s;
	}
	free(v);
	free(keys);
	choices_release(&l);
	return out;
}

bool offered(struct pricer_ctx *p, const struct resource *r, const char *attr, const char *value,
	     const char *what, const struct price_query *q, const struct offered_rows *rows)
{
	struct offer_source *src;
	char buf[96];
	if (p->rc)
		return false;
	int rc = catalog_offer(p->cat, p->region, q->offer, &src);
	if (rc) {
		pricer_fail(p, rc);
		return false;
	}
	if (value[0] && catalog_try(p->cat, p->region, q))
		return true;
	cp_sanitize(value, buf, sizeof(buf));
	if (!value[0]) {
		pricer_unpriceable(p, r, attr, "%s is not set: costplan needs it to find the %s price",
				   attr, what);
		return false;
	}
	char *near = nearest(p, value, rows);
	if (near[0])
		pricer_unpriceable(p, r, attr,
				   "%s \"%s\" has no %s price in %s; nearest priced there: %s "
				   "(`costplan types %s --region %s` lists them all)",
				   attr, buf, what, p->region, near, r->type, p->region);
	else
		pricer_unpriceable(p, r, attr,
				   "%s \"%s\" has no %s price in %s (`costplan types %s --region %s` "
				   "lists what is priced there)",
				   attr, buf, what, p->region, r->type, p->region);
	free(near);
	return false;
}

void choices_drop(struct choice_list *l, const char *column, const char *value)
{
	size_t o = 0;
	for (size_t i = 0; i < l->n; i++) {
		const char *v = price_entry_attr(l->v[i].e, column);
		if (v && !strcmp(v, value)) {
			free(l->v[i].what);
			free(l->v[i].key);
			continue;
		}
		l->v[o++] = l->v[i];
	}
	l->n = o;
}
