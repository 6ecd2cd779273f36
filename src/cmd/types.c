/*
 * types.c - `costplan types [TYPE] [--region R]`: what a scenario may
 * contain, generated from the resource type descriptions themselves
 * (src/cost/types/), so it can never disagree with the loader or the
 * pricers: attributes, defaults, usage keys, whether and why a type is
 * free, and for one type what it can be priced as in a region (classes,
 * engines, deployments) with the price of each.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cost/choices.h"
#include "report/jsonw.h"
#include "util/error.h"
#include "util/escape.h"

static const char USAGE[] =
	"usage: costplan types [TYPE] [--region REGION] [--format table|json|csv|markdown]\n"
	"\n"
	"List the resource types a scenario or plan may use, with attributes, defaults\n"
	"and usage keys, and for a free type why AWS does not charge for it; for one\n"
	"TYPE also what it can be priced as in REGION (default us-east-1): classes,\n"
	"engines and deployments, each with its price.\n"
	"\n"
	"  --region REGION      the region whose choices to list (with TYPE)\n"
	"  --format FORMAT      table (default), json, csv or markdown\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  -h, --help           this help\n";

static const char *const KINDS[] = {"integer", "number", "bool", "string", "one of",
				    "one of", "name of", "list", "list of blocks"};

struct listing {
	const struct type_spec *const *types; /* NULL-terminated */
	struct choice_list choices;           /* of the one type, when it has them */
	bool have_choices;
};

static void attr_line(FILE *f, const struct attr_spec *a)
{
	fprintf(f, "    %-46s %s", a->name, KINDS[a->kind]);
	if (a->kind == ATTR_REF)
		fprintf(f, " %s", a->ref_type);
	if (a->choices) {
		fputc(' ', f);
		for (int i = 0; a->choices[i]; i++)
			fprintf(f, "%s%s", i ? "|" : "", a->choices[i]);
	}
	if (a->kind == ATTR_INT || a->kind == ATTR_NUMBER)
		fprintf(f, " %g..%g", a->min, a->max);
	if (!a->def)
		fputs(", required", f);
	else if (a->def[0])
		fprintf(f, ", default %s", a->def);
	fputc('\n', f);
}

static int w_table(FILE *f, const void *data, const struct report_style *st)
{
	const struct listing *l = data;
	char price[DEC_BUFSZ];
	(void)st;
	for (const struct type_spec *const *tp = l->types; *tp; tp++) {
		const struct type_spec *t = *tp;
		fprintf(f, "%s  (%s, %s)\n", t->type, t->title, category_name(t->category));
		if (t->free_reason)
			fprintf(f, "    free: %s\n", t->free_reason);
		if (t->open) {
			fputs("    any attributes accepted; count multiplies\n", f);
			continue;
		}
		for (const struct attr_spec *a = t->attrs; a && a->name; a++)
			attr_line(f, a);
		for (const struct usage_spec *u = t->usage; u && u->key; u++)
			fprintf(f, "    usage: %s\n", u->key);
	}
	if (l->have_choices) {
		const struct choice_list *c = &l->choices;
		fprintf(f, "\n  priced in %s (%s; price per unit):\n", c->region, c->heading);
		for (size_t i = 0; i < c->n; i++) {
			const struct price_entry *e = c->v[i].e;
			dec_format_trim(price_entry_unit_price(e), price, sizeof(price));
			char ud[64];
			fprintf(f, "    %-56s %12s per ", c->v[i].what, price);
			term_write(f, price_unit_display(e->unit, ud, sizeof(ud)));
			fputc('\n', f);
		}
		if (!c->n)
			fputs("    none in the snapshot\n", f);
	}
	return 0;
}

static int w_json(FILE *f, const void *data, const struct report_style *st)
{
	const struct listing *l = data;
	struct jsonw w;
	char price[DEC_BUFSZ];
	(void)st;
	jw_init(&w, f);
	jw_obj(&w);
	jw_key(&w, "types");
	jw_arr(&w);
	for (const struct type_spec *const *tp = l->types; *tp; tp++) {
		const struct type_spec *t = *tp;
		jw_obj(&w);
		jw_key(&w, "type");
		jw_str(&w, t->type);
		jw_key(&w, "title");
		jw_str(&w, t->title);
		jw_key(&w, "category");
		jw_str(&w, category_name(t->category));
		jw_key(&w, "priced");
		jw_bool(&w, t->price != NULL);
		jw_key(&w, "free_reason");
		if (t->free_reason)
			jw_str(&w, t->free_reason);
		else
			jw_null(&w);
		jw_key(&w, "attributes");
		jw_arr(&w);
		for (const struct attr_spec *a = t->attrs; a && a->name && !t->open; a++) {
			jw_obj(&w);
			jw_key(&w, "name");
			jw_str(&w, a->name);
			jw_key(&w, "kind");
			jw_str(&w, KINDS[a->kind]);
			jw_key(&w, "default");
			if (a->def)
				jw_str(&w, a->def);
			else
				jw_null(&w);
			jw_key(&w, "doc");
			jw_str(&w, a->doc ? a->doc : "");
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_key(&w, "usage");
		jw_arr(&w);
		for (const struct usage_spec *u = t->usage; u && u->key; u++) {
			jw_obj(&w);
			jw_key(&w, "key");
			jw_str(&w, u->key);
			jw_key(&w, "unit");
			jw_str(&w, u->unit ? u->unit : "");
			jw_key(&w, "doc");
			jw_str(&w, u->doc ? u->doc : "");
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	if (l->have_choices) {
		jw_key(&w, "region");
		jw_str(&w, l->choices.region);
		jw_key(&w, "choices");
		jw_arr(&w);
		for (size_t i = 0; i < l->choices.n; i++) {
			const struct choice *c = &l->choices.v[i];
			dec_format_trim(price_entry_unit_price(c->e), price, sizeof(price));
			jw_obj(&w);
			jw_key(&w, "value");
			jw_str(&w, c->key);
			jw_key(&w, "what");
			jw_str(&w, c->what);
			jw_key(&w, "price");
			jw_num_text(&w, price);
			jw_key(&w, "unit");
			jw_str(&w, c->e->unit);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
	}
	jw_obj_end(&w);
	jw_end(&w);
	return 0;
}

static int w_markdown(FILE *f, const void *data, const struct report_style *st)
{
	const struct listing *l = data;
	(void)st;
	fputs("| Type | What | Priced | Usage keys |\n|---|---|---|---|\n", f);
	for (const struct type_spec *const *tp = l->types; *tp; tp++) {
		const struct type_spec *t = *tp;
		/* no code spans: md_write's escapes would show inside one */
		fputs("| ", f);
		md_write(f, t->type);
		fputs(" | ", f);
		md_write(f, t->title);
		fputs(" | ", f);
		if (t->price)
			fputs("priced", f);
		else {
			fputs("free: ", f);
			md_write(f, t->free_reason ? t->free_reason : "");
		}
		fputs(" | ", f);
		for (const struct usage_spec *u = t->usage; u && u->key; u++) {
			if (u != t->usage)
				fputs(", ", f);
			md_write(f, u->key);
		}
		fputs(" |\n", f);
	}
	return 0;
}

/* CSV: one row per type, its usage keys joined with spaces. */
static int w_csv(FILE *f, const void *data, const struct report_style *st)
{
	const struct listing *l = data;
	(void)st;
	fputs("type,title,category,priced,free_reason,usage_keys\r\n", f);
	for (const struct type_spec *const *tp = l->types; *tp; tp++) {
		const struct type_spec *t = *tp;
		char keys[2048];
		size_t o = 0;
		keys[0] = '\0';
		for (const struct usage_spec *u = t->usage; u && u->key && o < sizeof(keys); u++)
			o += (size_t)snprintf(keys + o, sizeof(keys) - o, "%s%s", o ? " " : "", u->key);
		csv_write_text(f, t->type);
		fputc(',', f);
		csv_write_text(f, t->title);
		fprintf(f, ",%s,%s,", category_name(t->category), t->price ? "true" : "false");
		csv_write_text(f, t->price ? "" : t->free_reason ? t->free_reason : "");
		fputc(',', f);
		csv_write_text(f, keys);
		fputs("\r\n", f);
	}
	return 0;
}

static const struct cmd_format FORMATS[] = {
	{FMT_TABLE, w_table},
	{FMT_JSON, w_json},
	{FMT_CSV, w_csv},
	{FMT_MARKDOWN, w_markdown},
	{FMT_TABLE, NULL},
};

enum { OPT_TREGION = OPT_OWN };

static const struct option OPTIONS[] = {
	{"region", required_argument, NULL, OPT_TREGION},
	{NULL, 0, NULL, 0},
};

static const char *region;

static int option(struct cmd_args *a, int o, const char *arg)
{
	(void)a;
	if (o != OPT_TREGION)
		return 0;
	region = arg;
	return 1;
}

static int run(struct cmd_args *a)
{
	const struct type_spec *one[2] = {NULL, NULL};
	struct listing l;
	char buf[64];
	int rc;

	memset(&l, 0, sizeof(l));
	l.types = schema_types();
	if (a->argc > 1)
		return cmd_too_many(a, "at most one type name");
	if (region && a->argc == 0)
		return cp_error(CP_EXIT_USAGE, "--region goes with a TYPE: what it can be priced as "
					       "there (e.g. costplan types aws_db_instance --region "
					       "eu-central-1)");
	if (a->argc == 1) {
		one[0] = schema_type(a->argv[0]);
		if (!one[0])
			return cp_error(CP_EXIT_USAGE, "unknown resource type '%s'",
					cp_sanitize(a->argv[0], buf, sizeof(buf)));
		l.types = one;
		if (one[0]->choices) {
			l.choices.cat = a->ctx->cat;
			l.choices.region = region ? region : "us-east-1";
			l.choices.heading = "";
			one[0]->choices(&l.choices);
			if (l.choices.rc) {
				choices_release(&l.choices);
				return l.choices.rc;
			}
			choices_sort(&l.choices);
			l.have_choices = true;
		}
	}
	rc = cmd_write(a, &l);
	choices_release(&l.choices);
	return rc;
}

const struct cmd CMD_TYPES = {
	.name = "types",
	.summary = "the resource types, attributes and usage keys costplan prices",
	.usage = USAGE,
	.formats = FORMATS,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
