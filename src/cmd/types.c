/*
 * types.c - `costplan types [TYPE]`: what a scenario may contain.
 * Generated from the resource type descriptions themselves
 * (src/cost/types/), so it can never disagree with the loader or the
 * pricers.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cost/choices.h"
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

/* What the type can be priced as in region, each with its price. */
static int show_choices(const struct type_spec *t, struct cp_ctx *ctx, const char *region)
{
	struct choice_list l = {ctx->cat, region, "", NULL, 0, 0};
	char price[DEC_BUFSZ];
	t->choices(&l);
	if (l.rc) {
		choices_release(&l);
		return l.rc;
	}
	choices_sort(&l);
	printf("\n  priced in %s (%s; price per unit):\n", region, l.heading);
	for (size_t i = 0; i < l.n; i++) {
		const struct price_entry *e = l.v[i].e;
		dec_format_trim(price_entry_unit_price(e), price, sizeof(price));
		printf("    %-56s %12s per %s\n", l.v[i].what, price, e->unit);
	}
	if (!l.n)
		printf("    none in the snapshot\n");
	choices_release(&l);
	return 0;
}

int cmd_types(int argc, char **argv, struct cp_ctx *ctx)
{
	const char *region = "us-east-1";
	char buf[64];
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		puts("usage: costplan types [TYPE [--region REGION]]\n\nList the resource types a "
		     "scenario may use, with attributes, defaults and usage keys;\nfor one TYPE "
		     "also what it can be priced as in REGION (default us-east-1):\nclasses, "
		     "engines and deployments, each with its price.");
		return 0;
	}
	if (argc == 4 && strcmp(argv[2], "--region") == 0) {
		region = argv[3];
		argc = 2;
	}
	if (argc > 2)
		return cp_error(CP_EXIT_USAGE, "types takes at most one type name (and --region); "
					       "see `costplan types --help`");
	if (argc == 2) {
		const struct type_spec *t = schema_type(argv[1]);
		if (!t)
			return cp_error(CP_EXIT_USAGE, "unknown resource type '%s'",
					cp_sanitize(argv[1], buf, sizeof(buf)));
		show(t);
		return t->choices ? show_choices(t, ctx, region) : 0;
	}
	for (const struct type_spec *const *t = schema_types(); *t; t++)
		show(*t);
	return 0;
}
