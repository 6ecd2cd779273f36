/*
 * tf_names.c - string table with linear probing. See tf_names.h.
 */
#include "model/terraform/tf_names.h"

#include <string.h>

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

void tf_names_init(struct tf_names *t, struct hcl_run *r)
{
	memset(t, 0, sizeof(*t));
	t->r = r;
}

void *tf_names_get(const struct tf_names *t, const char *key)
{
	if (!t->cap)
		return NULL;
	for (size_t i = hash(key) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		if (!t->keys[i])
			return NULL;
		if (!strcmp(t->keys[i], key))
			return t->vals[i];
	}
}

static void insert(const char **keys, void **vals, size_t cap, const char *k, void *v)
{
	size_t i = hash(k) & (cap - 1);
	while (keys[i])
		i = (i + 1) & (cap - 1);
	keys[i] = k;
	vals[i] = v;
}

void *tf_names_put(struct tf_names *t, const char *key, void *val)
{
	if (t->cap) {
		for (size_t i = hash(key) & (t->cap - 1); t->keys[i]; i = (i + 1) & (t->cap - 1))
			if (!strcmp(t->keys[i], key)) {
				void *old = t->vals[i];
				t->vals[i] = val;
				return old;
			}
	}
	if ((t->n + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		const char **keys = hcl_alloc_array(t->r, cap, sizeof(*keys));
		void **vals = hcl_alloc_array(t->r, cap, sizeof(*vals));
		for (size_t i = 0; i < t->cap; i++)
			if (t->keys[i])
				insert(keys, vals, cap, t->keys[i], t->vals[i]);
		t->keys = keys;
		t->vals = vals;
		t->cap = cap;
	}
	insert(t->keys, t->vals, t->cap, hcl_strdup(t->r, key), val);
	t->n++;
	return NULL;
}
