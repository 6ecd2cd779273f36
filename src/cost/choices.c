/*
 * choices.c - see choices.h.
 */
#include "cost/choices.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"

void choices_add_prices(struct choice_list *l, const char *offer, const char *family,
			const char *usage_prefix, const char *const *columns)
{
	struct offer_source *src;
	int rc = catalog_offer(l->cat, l->region, offer, &src);
	if (rc) {
		l->rc = l->rc ? l->rc : rc;
		return;
	}
	size_t plen = strlen(usage_prefix);
	for (size_t i = 0; i < src->n; i++) {
		const struct price_entry *e = &src->entries[i];
		if (family && strcmp(e->family, family) != 0)
			continue;
		if (strncmp(usage_type_strip(e->usage_type), usage_prefix, plen) != 0)
			continue;
		char *what = xstrdup("");
		for (const char *const *c = columns; *c; c++) {
			const char *v = price_entry_attr(e, *c);
			char *n = xasprintf("%s%s%s", what, what[0] ? "  " : "", v && v[0] ? v : "-");
			free(what);
			what = n;
		}
		bool dup = false;
		for (size_t k = 0; k < l->n && !dup; k++)
			dup = strcmp(l->v[k].what, what) == 0;
		if (dup) {
			free(what);
			continue;
		}
		const char *key = price_entry_attr(e, columns[0]);
		l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
		l->v[l->n].what = what;
		l->v[l->n].key = xstrdup(key ? key : "");
		l->v[l->n].e = e;
		l->n++;
	}
}

static int by_key(const void *a, const void *b)
{
	const struct choice *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->what, y->what);
}

void choices_sort(struct choice_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), by_key);
}

const char **choices_keys(const struct choice_list *l)
{
	const char **k = xcalloc(l->n + 1, sizeof(char *));
	size_t o = 0;
	for (size_t i = 0; i < l->n; i++)
		if (!o || strcmp(k[o - 1], l->v[i].key) != 0)
			k[o++] = l->v[i].key;
	return k;
}

void choices_release(struct choice_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].what);
		free(l->v[i].key);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
