/*
 * pricing.c - `costplan pricing SUBCOMMAND`: the price snapshot.
 *
 *   pricing list [--region R] [--offer X] [--format table|json|csv|markdown] [-o FILE]
 *   pricing fetch | import | diff   (pricing_fetch.c, pricing_import.c, pricing_diff.c)
 *
 * A second-level command table, like git's OPT_SUBCOMMAND: each pricing
 * subcommand is a command on the skeleton (cmd.h); `list` is here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/pricing.h"
#include "pricing/catalog.h"
#include "pricing/regions.h"
#include "report/jsonw.h"
#include "util/error.h"
#include "util/paths.h"
#include "util/escape.h"
#include "util/strings.h"

static const char USAGE[] =
	"usage: costplan pricing list [--region R] [--offer X] [--format F] [-o FILE]\n"
	"       costplan pricing fetch [--region R ...] [--offer X ...] [--endpoint URL] [--out DIR]\n"
	"       costplan pricing import FILE... [--region R] [--out DIR]\n"
	"       costplan pricing diff OLD NEW [--scenario S] [--format F]\n"
	"\n"
	"  list     show the prices in the snapshot, with source and publication date\n"
	"  fetch    download current prices from the AWS Price List Bulk API\n"
	"  import   filter offer files downloaded by hand into the snapshot\n"
	"  diff     which prices changed between two snapshots, and what that moves\n"
	"\n"
	"The snapshot folder is --pricing DIR, $COSTPLAN_PRICING, or the shipped pricing/.\n";

static void attrs_text(const struct price_entry *e, char *buf, size_t size)
{
	static const char *const show[] = {"Instance Type", "Database Engine", "Deployment Option",
					   "Cache Engine",  "Volume Type",     "Alarm Type",
					   "Transfer Type", "Group",           NULL};
	size_t o = 0;
	buf[0] = '\0';
	for (int i = 0; show[i] && o < size; i++) {
		const char *v = price_entry_attr(e, show[i]);
		if (v)
			o += (size_t)snprintf(buf + o, size - o, "%s%s", o ? ", " : "", v);
	}
}

/* One price tier of the listing. */
struct price_row {
	const char *region;
	const struct offer_source *src;
	const struct price_entry *e;
	size_t tier;
};

struct price_listing {
	struct price_row *rows;
	size_t n;
	const char *pricing_dir;
};

static int row_cmp(const void *x, const void *y)
{
	const struct price_row *a = x, *b = y;
	int c = strcmp(a->region, b->region);
	if (!c)
		c = strcmp(a->src->offer, b->src->offer);
	if (!c)
		c = strcmp(usage_type_strip(a->e->usage_type), usage_type_strip(b->e->usage_type));
	if (!c) {
		char p[256], q[256];
		attrs_text(a->e, p, sizeof(p));
		attrs_text(b->e, q, sizeof(q));
		c = strcmp(p, q);
	}
	if (!c)
		c = strcmp(a->e->sku, b->e->sku);
	return c ? c : (a->tier > b->tier) - (a->tier < b->tier);
}

static void tier_text(const struct price_row *r, char *pr, char *b0, char *b1, size_t size)
{
	const struct price_tier *t = &r->e->tiers[r->tier];
	dec_format_trim(t->price, pr, size);
	dec_format_trim(t->begin, b0, size);
	if (t->end_inf)
		snprintf(b1, size, "Inf");
	else
		dec_format_trim(t->end, b1, size);
}

static int w_json(FILE *f, const void *data, const struct report_style *st)
{
	const struct price_listing *l = data;
	struct jsonw w;
	(void)st;
	jw_init(&w, f);
	jw_obj(&w);
	jw_key(&w, "prices");
	jw_arr(&w);
	for (size_t i = 0; i < l->n; i++) {
		const struct price_row *r = &l->rows[i];
		const struct price_entry *e = r->e;
		char at[256], pr[DEC_BUFSZ], b0[DEC_BUFSZ], b1[DEC_BUFSZ];
		attrs_text(e, at, sizeof(at));
		tier_text(r, pr, b0, b1, DEC_BUFSZ);
		jw_obj(&w);
		jw_key(&w, "region");
		jw_str(&w, r->region);
		jw_key(&w, "offer");
		jw_str(&w, r->src->offer);
		jw_key(&w, "usage_type");
		jw_str(&w, e->usage_type);
		jw_key(&w, "family");
		jw_str(&w, e->family);
		jw_key(&w, "attributes");
		jw_str(&w, at);
		jw_key(&w, "tier_begin");
		jw_num_text(&w, b0);
		jw_key(&w, "tier_end");
		if (e->tiers[r->tier].end_inf)
			jw_null(&w);
		else
			jw_num_text(&w, b1);
		char ud[64];
		jw_key(&w, "unit"); /* AWS's own spelling */
		jw_str(&w, e->unit);
		jw_key(&w, "unit_display"); /* as the other formats show it */
		jw_str(&w, price_unit_display(e->unit, ud, sizeof(ud)));
		jw_key(&w, "price");
		jw_num_text(&w, pr);
		jw_key(&w, "published");
		jw_str(&w, e->published);
		jw_key(&w, "source");
		jw_str(&w, e->source);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	jw_end(&w);
	return 0;
}

static int w_csv(FILE *f, const void *data, const struct report_style *st)
{
	const struct price_listing *l = data;
	(void)st;
	fputs("region,offer,usage_type,family,attributes,tier_begin,tier_end,unit,price,"
	      "published,source\r\n",
	      f);
	for (size_t i = 0; i < l->n; i++) {
		const struct price_row *r = &l->rows[i];
		const struct price_entry *e = r->e;
		char at[256], pr[DEC_BUFSZ], b0[DEC_BUFSZ], b1[DEC_BUFSZ];
		attrs_text(e, at, sizeof(at));
		tier_text(r, pr, b0, b1, DEC_BUFSZ);
		const char *cols[] = {r->region, r->src->offer, e->usage_type, e->family, at};
		for (int c = 0; c < 5; c++) {
			csv_write_text(f, cols[c]);
			fputc(',', f);
		}
		char ud[64];
		fprintf(f, "%s,%s,", b0, e->tiers[r->tier].end_inf ? "" : b1);
		csv_write_text(f, price_unit_display(e->unit, ud, sizeof(ud)));
		fprintf(f, ",%s,", pr);
		csv_write_text(f, e->published);
		fputc(',', f);
		csv_write_text(f, e->source);
		fputs("\r\n", f);
	}
	return 0;
}

/* "LCUUsage (Load Balancer-Application)", "TimedStorage-ByteHrs (Storage,
 * Standard) [0-51200]" for a tier. */
static void usage_text(const struct price_row *r, char *buf, size_t size)
{
	char at[256], pr[DEC_BUFSZ], b0[DEC_BUFSZ], b1[DEC_BUFSZ];
	attrs_text(r->e, at, sizeof(at));
	tier_text(r, pr, b0, b1, DEC_BUFSZ);
	size_t o = (size_t)snprintf(buf, size, "%s (%s%s%s)", r->e->usage_type, r->e->family,
				    at[0] ? ", " : "", at);
	if (r->e->ntiers > 1 && o < size)
		snprintf(buf + o, size - o, " [%s-%s]", b0, b1);
}

static int w_table(FILE *f, const void *data, const struct report_style *st)
{
	const struct price_listing *l = data;
	char ut[320], pr[DEC_BUFSZ], b0[DEC_BUFSZ], b1[DEC_BUFSZ], ud[64];
	int wu = 10, wn = 4;
	(void)st;
	/* columns as wide as their longest entry (usage types up to 72) */
	for (size_t i = 0; i < l->n; i++) {
		usage_text(&l->rows[i], ut, sizeof(ut));
		int n = (int)strlen(ut),
		    m = (int)strlen(price_unit_display(l->rows[i].e->unit, ud, sizeof(ud)));
		wu = n > wu ? (n < 72 ? n : 72) : wu;
		wn = m > wn ? (m < 16 ? m : 16) : wn;
	}
	fprintf(f, "%-14s %-17s %-*s %14s %-*s %s\n", "REGION", "OFFER", wu, "USAGE TYPE", "PRICE",
		wn, "UNIT", "VALID      SOURCE");
	for (size_t i = 0; i < l->n; i++) {
		const struct price_row *r = &l->rows[i];
		usage_text(r, ut, sizeof(ut));
		tier_text(r, pr, b0, b1, DEC_BUFSZ);
		fprintf(f, "%-14s %-17s ", r->region, r->src->offer);
		term_cell(f, ut, wu, 0);
		fprintf(f, " %14s ", pr);
		term_cell(f, price_unit_display(r->e->unit, ud, sizeof(ud)), wn, 0);
		fputc(' ', f);
		term_write(f, r->e->published);
		fputs("  ", f);
		term_write(f, r->e->source);
		fputc('\n', f);
	}
	return 0;
}

static int w_markdown(FILE *f, const void *data, const struct report_style *st)
{
	const struct price_listing *l = data;
	char ut[320], pr[DEC_BUFSZ], b0[DEC_BUFSZ], b1[DEC_BUFSZ], ud[64];
	(void)st;
	fputs("| Region | Offer | Usage type | Price | Unit | Valid | Source |\n"
	      "|---|---|---|---:|---|---|---|\n",
	      f);
	for (size_t i = 0; i < l->n; i++) {
		const struct price_row *r = &l->rows[i];
		usage_text(r, ut, sizeof(ut));
		tier_text(r, pr, b0, b1, DEC_BUFSZ);
		const char *cols[] = {r->region,
				      r->src->offer,
				      ut,
				      pr,
				      price_unit_display(r->e->unit, ud, sizeof(ud)),
				      r->e->published,
				      r->e->source};
		for (int c = 0; c < 7; c++) {
			fputs("| ", f);
			md_write(f, cols[c]);
			fputc(' ', f);
		}
		fputs("|\n", f);
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

enum { OPT_LREGION = OPT_OWN, OPT_OFFER };

static const struct option OPTIONS[] = {
	{"region", required_argument, NULL, OPT_LREGION},
	{"offer", required_argument, NULL, OPT_OFFER},
	{NULL, 0, NULL, 0},
};

static struct {
	const char *region, *offer;
} opt;

static int option(struct cmd_args *a, int o, const char *arg)
{
	(void)a;
	if (o == OPT_LREGION)
		opt.region = arg;
	else if (o == OPT_OFFER)
		opt.offer = arg;
	else
		return 0;
	return 1;
}

static int list_run(struct cmd_args *a)
{
	struct cp_ctx *ctx = a->ctx;
	struct price_listing l = {NULL, 0, ctx->pricing_dir};
	size_t nreg = 0, cap = 0;
	char **regions;
	int rc = 0;

	if (a->argc > 0)
		return cp_error(CP_EXIT_USAGE, "pricing list takes no arguments; see --help");
	if (opt.offer) {
		int known = 0;
		for (int i = 0; CATALOG_OFFERS[i]; i++)
			known |= strcmp(CATALOG_OFFERS[i], opt.offer) == 0;
		if (!known) {
			const char *near = nearest_word(opt.offer, CATALOG_OFFERS);
			char buf[64];
			return cp_error(CP_EXIT_USAGE, "unknown offer '%s'%s%s%s",
					cp_sanitize(opt.offer, buf, sizeof(buf)),
					near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
		}
	}
	if (opt.region) {
		nreg = 1;
		regions = xcalloc(1, sizeof(char *));
		regions[0] = xstrdup(opt.region);
		if (!catalog_has_region(ctx->cat, opt.region)) {
			char *fetch = paths_fetch_command(ctx->pricing_dir, opt.region, NULL);
			rc = cp_error(CP_EXIT_IO, "no price snapshot for region %s in %s/aws: run `%s`",
				      opt.region, ctx->pricing_dir, fetch);
			free(fetch);
			goto out;
		}
	} else {
		regions = catalog_regions(ctx->pricing_dir, &nreg);
		if (!nreg) {
			rc = cp_error(CP_EXIT_IO, "no price snapshot in %s/aws", ctx->pricing_dir);
			goto out;
		}
	}
	/* load first (a broken file fails before any output), then sort and write */
	for (size_t r = 0; r < nreg && !rc; r++) {
		for (int k = 0; CATALOG_OFFERS[k] && !rc; k++) {
			struct offer_source *s;
			if (opt.offer && strcmp(opt.offer, CATALOG_OFFERS[k]) != 0)
				continue;
			/* a region without one of the offers: nothing to list for it */
			if (!opt.offer && !catalog_offer_exists(ctx->cat, regions[r], CATALOG_OFFERS[k]))
				continue;
			int lrc = catalog_offer(ctx->cat, regions[r], CATALOG_OFFERS[k], &s);
			if (lrc) {
				if (s->path) /* broken file: an error; missing: said, go on */
					rc = lrc;
				continue;
			}
			for (size_t i = 0; i < s->n; i++)
				for (size_t t = 0; t < s->entries[i].ntiers; t++) {
					if (l.n == cap) {
						cap = cap ? 2 * cap : 1024;
						l.rows = xrealloc(l.rows, cap * sizeof(*l.rows));
					}
					l.rows[l.n++] = (struct price_row){regions[r], s, &s->entries[i], t};
				}
		}
	}
	if (!rc) {
		if (l.n > 1)
			qsort(l.rows, l.n, sizeof(*l.rows), row_cmp);
		rc = cmd_write(a, &l);
		if (!rc && l.n == 0)
			cp_warn("no prices matched");
	}
out:
	free(l.rows);
	for (size_t i = 0; i < nreg; i++)
		free(regions[i]);
	free(regions);
	return rc;
}

const struct cmd CMD_PRICING_LIST = {
	.name = "pricing list",
	.summary = "show the prices in the snapshot, with source and date",
	.usage = USAGE,
	.formats = FORMATS,
	.options = OPTIONS,
	.option = option,
	.run = list_run,
};

static const struct cmd *const SUBCOMMANDS[] = {&CMD_PRICING_LIST, &CMD_PRICING_FETCH,
					       &CMD_PRICING_IMPORT, &CMD_PRICING_DIFF, NULL};

const struct cmd CMD_PRICING = {
	.name = "pricing",
	.summary = "list, fetch, import and compare price snapshots",
	.usage = USAGE,
	.subcommands = SUBCOMMANDS,
};
