/*
 * types.c - `costplan types [TYPE]`: what a scenario may contain.
 * Generated from the resource type descriptions themselves
 * (src/cost/types/), so it can never disagree with the loader or the
 * pricers.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "model/schema.h"
#include "util/error.h"

static const char *kind_text(enum attr_kind k)
{
	static const char *const t[] = {"integer", "number", "bool", "string", "one of",
					"one of", "name of", "list", "list of blocks"};
	return t[k];
}

static void show(const struct type_spec *t)
{
	printf("%s  (%s, %s)\n", t->type, t->title, category_name(t->category));
	if (t->open) {
		printf("    free: any attributes accepted; count multiplies\n");
		return;
	}
	for (const struct attr_spec *a = t->attrs; a && a->name; a++) {
		printf("    %-46s %s", a->name, kind_text(a->kind));
		if (a->kind == ATTR_REF)
			printf(" %s", a->ref_type);
		if (a->choices) {
			printf(" ");
			for (int i = 0; a->choices[i]; i++)
				printf("%s%s", i ? "|" : "", a->choices[i]);
		}
		if (a->kind == ATTR_INT || a->kind == ATTR_NUMBER)
			printf(" %g..%g", a->min, a->max);
		printf(a->def ? (a->def[0] ? ", default %s" : "%s") : ", required", a->def ? a->def : "");
		printf("\n");
	}
	for (const struct usage_spec *u = t->usage; u && u->key; u++)
		printf("    usage: %s\n", u->key);
}

int cmd_types(int argc, char **argv, struct cp_ctx *ctx)
{
	(void)ctx;
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		puts("usage: costplan types [TYPE]\n\nList the resource types a scenario may use, "
		     "with attributes, defaults and usage keys.");
		return 0;
	}
	if (argc > 2)
		return cp_error(CP_EXIT_USAGE, "types takes at most one type name");
	if (argc == 2) {
		const struct type_spec *t = schema_type(argv[1]);
		if (!t) {
			char buf[64];
			return cp_error(CP_EXIT_USAGE, "unknown resource type '%s'",
					cp_sanitize(argv[1], buf, sizeof(buf)));
		}
		show(t);
		return 0;
	}
	for (const struct type_spec *const *t = schema_types(); *t; t++)
		show(*t);
	return 0;
}
