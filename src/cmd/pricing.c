/*
 * cmd_pricing.c - `costplan pricing SUBCOMMAND`: the price snapshot.
 *
 *   pricing list [--region R] [--offer X] [--format table|json|csv]
 *   pricing fetch | import | diff   (cmd_pricing_fetch.c, _import.c, _diff.c)
 *
 * A second-level command table, like git's OPT_SUBCOMMAND: each pricing
 * subcommand is a function below with its usage text.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/common.h"
#include "cmd/pricing.h"
#include "pricing/catalog.h"
#include "pricing/regions.h"
#include "util/escape.h"
#include "report/jsonw.h"
#include "report/report.h"
#include "util/error.h"
#include "util/strings.h"

static const char USAGE[] =
	"usage: costplan pricing list [--region R] [--offer X] [--format table|json|csv]\n"
	"       costplan pricing fetch [--region R ...] [--offer X ...] [--endpoint URL] [--out DIR]\n"
	"       costplan pricing import FILE... [--region R] [--out DIR]\n"
	"       costplan pricing diff OLD NEW [--scenario S] [--format table|json]\n"
	"\n"
	"  list     show the prices in the snapshot, with source and publication date\n"
	"  fetch    download current prices from the AWS Price List Bulk API\n"
	"  import   filter offer files downloaded by hand into the snapshot\n"
	"  diff     which prices changed between two snapshots, and what that moves\n"
	"\n"
	"The snapshot folder is --pricing DIR, $COSTPLAN_PRICING, or the shipped pricing/.\n";

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Regions present under dir/aws, sorted. Caller frees each and the array. */
static char **list_regions(const char *dir, size_t *n)
{
	char *p = xasprintf("%s/aws", dir);
	DIR *d = opendir(p);
	char **out = NULL;
	struct dirent *e;
	*n = 0;
	free(p);
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		/* only region-shaped names: a folder name reaches every output */
		if (e->d_name[0] == '.' || !aws_region_code_shaped(e->d_name))
			continue;
		out = xrealloc(out, (*n + 1) * sizeof(char *));
		out[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(out, *n, sizeof(char *), cmp_str);
	return out;
}

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

static int pricing_list(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"offer", required_argument, NULL, 'x'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *region = NULL, *offer = NULL;
	enum report_format fmt = FMT_TABLE;
	int opt, rc = 0;
	size_t nreg = 0, shown = 0;
	char **regions;
	struct jsonw w;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			region = optarg;
			break;
		case 'x':
			offer = optarg;
			break;
		case 'f':
			if ((rc = report_format_parse(optarg, 1u << FMT_TABLE | 1u << FMT_JSON | 1u << FMT_CSV,
						      &fmt)))
				return rc;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return cmd_bad_option("pricing list", argv);
		}
	}
	if (optind < argc)
		return cp_error(CP_EXIT_USAGE, "pricing list takes no arguments; see --help");
	if (offer) {
		int known = 0;
		for (int i = 0; CATALOG_OFFERS[i]; i++)
			known |= strcmp(CATALOG_OFFERS[i], offer) == 0;
		if (!known) {
			const char *near = nearest_word(offer, CATALOG_OFFERS);
			return cp_error(CP_EXIT_USAGE, "unknown offer '%s'%s%s%s", offer,
					near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
		}
	}
	if (region) {
		nreg = 1;
		regions = xcalloc(1, sizeof(char *));
		regions[0] = xstrdup(region);
		if (!catalog_has_region(ctx->cat, region)) {
			rc = cp_error(CP_EXIT_DATA,
				      "no price snapshot for region %s in %s/aws: run `costplan pricing "
				      "fetch --region %s`",
				      region, ctx->pricing_dir, region);
			goto out;
		}
	} else {
		regions = list_regions(ctx->pricing_dir, &nreg);
		if (!nreg) {
			rc = cp_error(CP_EXIT_DATA, "no price snapshot in %s/aws", ctx->pricing_dir);
			goto out;
		}
	}
	if (fmt == FMT_JSON) {
		jw_init(&w, stdout);
		jw_obj(&w);
		jw_key(&w, "pricing_dir");
		jw_str(&w, ctx->pricing_dir);
		jw_key(&w, "prices");
		jw_arr(&w);
	} else if (fmt == FMT_CSV) {
		fputs("region,offer,usage_type,family,attributes,tier_begin,tier_end,unit,price,"
		      "published,source,file\r\n",
		      stdout);
	} else {
		printf("%-14s %-17s %-38s %14s %-12s %s\n", "REGION", "OFFER", "USAGE TYPE", "PRICE",
		       "UNIT", "PUBLISHED  SOURCE");
	}
	for (size_t r = 0; r < nreg && !rc; r++) {
		for (int k = 0; CATALOG_OFFERS[k] && !rc; k++) {
			struct offer_source *s;
			if (offer && strcmp(offer, CATALOG_OFFERS[k]) != 0)
				continue;
			/* a region without one of the offers: nothing to list for it */
			if (!offer && !catalog_offer_exists(ctx->cat, regions[r], CATALOG_OFFERS[k]))
				continue;
			int lrc = catalog_offer(ctx->cat, regions[r], CATALOG_OFFERS[k], &s);
			if (lrc) {
				if (s->path) { /* broken file: an error; missing: said, go on */
					rc = lrc;
					break;
				}
				continue;
			}
			for (size_t i = 0; i < s->n; i++) {
				const struct price_entry *e = &s->entries[i];
				char at[256], pr[DEC_BUFSZ], b0[DEC_BUFSZ], b1[DEC_BUFSZ];
				attrs_text(e, at, sizeof(at));
				for (size_t t = 0; t < e->ntiers; t++) {
					const struct price_tier *tier = &e->tiers[t];
					dec_format_trim(tier->price, pr, sizeof(pr));
					dec_format_trim(tier->begin, b0, sizeof(b0));
					if (tier->end_inf)
						strcpy(b1, "Inf");
					else
						dec_format_trim(tier->end, b1, sizeof(b1));
					shown++;
					if (fmt == FMT_JSON) {
						jw_obj(&w);
						jw_key(&w, "region");
						jw_str(&w, regions[r]);
						jw_key(&w, "offer");
						jw_str(&w, s->offer);
						jw_key(&w, "usage_type");
						jw_str(&w, e->usage_type);
						jw_key(&w, "family");
						jw_str(&w, e->family);
						jw_key(&w, "attributes");
						jw_str(&w, at);
						jw_key(&w, "tier_begin");
						jw_num_text(&w, b0);
						jw_key(&w, "tier_end");
						if (tier->end_inf)
							jw_null(&w);
						else
							jw_num_text(&w, b1);
						jw_key(&w, "unit");
						jw_str(&w, e->unit);
						jw_key(&w, "price");
						jw_num_text(&w, pr);
						jw_key(&w, "published");
						jw_str(&w, e->published);
						jw_key(&w, "source");
						jw_str(&w, e->source);
						jw_key(&w, "file");
						jw_str(&w, s->path);
						jw_obj_end(&w);
					} else if (fmt == FMT_CSV) {
						const char *cols[] = {regions[r], s->offer, e->usage_type,
								      e->family, at};
						for (int c = 0; c < 5; c++) {
							csv_write_text(stdout, cols[c]);
							fputc(',', stdout);
						}
						printf("%s,%s,", b0, tier->end_inf ? "" : b1);
						csv_write_text(stdout, e->unit);
						printf(",%s,", pr);
						csv_write_text(stdout, e->published);
						fputc(',', stdout);
						csv_write_text(stdout, e->source);
						fputc(',', stdout);
						csv_write_text(stdout, s->path);
						fputs("\r\n", stdout);
					} else {
						char ut[200];
						if (e->ntiers > 1)
							snprintf(ut, sizeof(ut), "%s [%s-%s]", e->usage_type, b0, b1);
						else if (at[0])
							snprintf(ut, sizeof(ut), "%s (%s)", e->usage_type, at);
						else
							snprintf(ut, sizeof(ut), "%s", e->usage_type);
						printf("%-14s %-17s ", regions[r], s->offer);
						term_write(stdout, ut);
						int pad = 38 - (int)strlen(ut);
						printf("%*s %14s ", pad > 0 ? pad : 0, "", pr);
						term_write(stdout, e->unit); /* from the file */
						pad = 12 - (int)strlen(e->unit);
						printf("%*s ", pad > 0 ? pad : 0, "");
						term_write(stdout, e->published);
						fputs("  ", stdout);
						term_write(stdout, e->source);
						fputc('\n', stdout);
					}
				}
			}
		}
	}
	if (fmt == FMT_JSON) {
		jw_arr_end(&w);
		jw_obj_end(&w);
		jw_end(&w);
	}
	if (!rc && shown == 0)
		cp_warn("no prices matched");
out:
	for (size_t i = 0; i < nreg; i++)
		free(regions[i]);
	free(regions);
	return rc;
}

static const struct cmd PRICING_COMMANDS[] = {
	{"list", pricing_list, "show the prices in the snapshot"},
	{"fetch", pricing_fetch, "download current prices from the AWS Price List Bulk API"},
	{"import", pricing_import, "filter offer files downloaded by hand into the snapshot"},
	{"diff", pricing_diff, "which prices changed between two snapshots"},
	{NULL, NULL, NULL},
};

int cmd_pricing(int argc, char **argv, struct cp_ctx *ctx)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(USAGE, argc < 2 ? stderr : stdout);
		return argc < 2 ? CP_EXIT_USAGE : 0;
	}
	for (const struct cmd *c = PRICING_COMMANDS; c->name; c++)
		if (strcmp(c->name, argv[1]) == 0)
			return c->fn(argc - 1, argv + 1, ctx);
	char buf[64];
	return cp_error(CP_EXIT_USAGE, "'pricing %s' is not a command; see `costplan pricing --help`",
			cp_sanitize(argv[1], buf, sizeof(buf)));
}
