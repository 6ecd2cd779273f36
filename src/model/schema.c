/*
 * schema.c - the registry of resource types and lookups in it. The types
 * themselves live in src/cost/types/, one file per type or family, and are
 * installed at start-up (schema.h explains why).
 */
#include "model/schema.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"

static const struct type_spec *const *registry;

void schema_install(const struct type_spec *const *types)
{
	registry = types;
}

const struct type_spec *const *schema_types(void)
{
	static const struct type_spec *const none[] = {NULL};
	if (!registry) {
		cp_error(CP_EXIT_INTERNAL, "internal error: resource types not installed");
		exit(CP_EXIT_INTERNAL);
	}
	return registry ? registry : none;
}

const struct type_spec *schema_type(const char *type)
{
	if (!type)
		return NULL;
	for (const struct type_spec *const *t = schema_types(); *t; t++)
		if (strcmp((*t)->type, type) == 0)
			return *t;
	return NULL;
}

const struct attr_spec *schema_attr(const struct type_spec *t, const char *name)
{
	for (const struct attr_spec *a = t->attrs; a && a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

const struct usage_spec *schema_usage(const struct type_spec *t, const char *key)
{
	for (const struct usage_spec *u = t->usage; u && u->key; u++)
		if (strcmp(u->key, key) == 0)
			return u;
	return NULL;
}

bool schema_usage_key(const struct type_spec *t, const char *key)
{
	return schema_usage(t, key) != NULL;
}

const char *category_name(enum category c)
{
	static const char *const names[] = {"compute",       "network",  "data",
					    "observability", "security", "free"};
	return (unsigned)c < sizeof(names) / sizeof(names[0]) ? names[c] : "other";
}
