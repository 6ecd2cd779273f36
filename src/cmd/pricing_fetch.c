/*
 * cmd_pricing_fetch.c - `costplan pricing fetch [--region R ...] [--offer X ...]
 *                        [--endpoint URL] [--out DIR] [--quiet]`
 *
 * Options and messages only; the walk, retries and atomic writes are in
 * pricing/fetch.c. Without --region, the regions already in the snapshot
 * folder are refreshed; without --offer, every offer costplan prices.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>

#include "cmd/common.h"
#include "cmd/pricing.h"
#include "pricing/catalog.h"
#include "pricing/fetch.h"
#include "pricing/filter.h"
#include "pricing/regions.h"
#include "model/schema.h"
#include "util/error.h"
#include "util/strings.h"

static const char USAGE[] =
	"usage: costplan pricing fetch [--region R ...] [--offer X ...] [--endpoint URL]\n"
	"                              [--out DIR] [--quiet]\n"
	"\n"
	"Download the current AWS prices (Price List Bulk API: service index, region\n"
	"index, regional index.csv), keep only the rows costplan prices, and replace\n"
	"DIR/aws/<region>/<OfferCode>.csv atomically. An offer that has not changed\n"
	"since the last fetch is not downloaded again (ETag / Last-Modified).\n"
	"\n"
	"  --region R      region to fetch; repeat for more (default: the regions\n"
	"                  already in the snapshot folder)\n"
	"  --offer X       offer to fetch, e.g. AmazonEC2; repeat for more (default: all\n"
	"                  13 offers costplan prices)\n"
	"  --endpoint URL  Price List host (default " FETCH_DEFAULT_ENDPOINT ",\n"
	"                  or $COSTPLAN_PRICING_ENDPOINT); https only\n"
	"  --out DIR       snapshot folder (default: the pricing folder in use)\n"
	"  --quiet         no progress bar, no summary lines (errors still print)\n"
	"\n"
	"Transient failures are retried with backoff. Exit 4 if any file could not be\n"
	"refreshed; the files already there are then left exactly as they were.\n"
	"Tuning (environment): COSTPLAN_FETCH_TIMEOUT (stall, s), COSTPLAN_FETCH_ATTEMPTS,\n"
	"COSTPLAN_FETCH_BACKOFF_MS, COSTPLAN_FETCH_CONNECT_TIMEOUT.\n";

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Region folders under dir/aws. */
static size_t existing_regions(const char *dir, char ***out)
{
	char *p = xasprintf("%s/aws", dir);
	DIR *d = opendir(p);
	struct dirent *e;
	size_t n = 0;
	*out = NULL;
	free(p);
	if (!d)
		return 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !aws_region_code_shaped(e->d_name))
			continue;
		*out = xrealloc(*out, (n + 1) * sizeof(char *));
		(*out)[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(*out, n, sizeof(char *), cmp_str);
	return n;
}

int pricing_fetch(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"offer", required_argument, NULL, 'x'},
		{"endpoint", required_argument, NULL, 'e'},
		{"out", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct fetch_opts fo;
	const char **regions = xcalloc((size_t)argc + 1, sizeof(char *)); /* grown below */
	const char **offers = xcalloc((size_t)argc + 16, sizeof(char *)); /* + CATALOG_OFFERS */
	char **found = NULL;
	size_t nfound = 0;
	int opt, rc = 0, quiet = cp_quiet;
	char buf[64];

	memset(&fo, 0, sizeof(fo));
	fo.endpoint = getenv("COSTPLAN_PRICING_ENDPOINT");
	if (!fo.endpoint || !*fo.endpoint)
		fo.endpoint = FETCH_DEFAULT_ENDPOINT;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			if (!aws_region_code_shaped(optarg)) {
				rc = cp_error(CP_EXIT_USAGE,
					      "'%s' is not a region code (like eu-central-1)",
					      cp_sanitize(optarg, buf, sizeof(buf)));
				goto out;
			}
			regions[fo.nregions++] = optarg;
			break;
		case 'x':
			if (!price_filter_known_offer(optarg)) {
				const char *near = nearest_word(optarg, CATALOG_OFFERS);
				rc = cp_error(CP_EXIT_USAGE,
					      "costplan does not price offer '%s'%s%s%s (offers: "
					      "`costplan pricing fetch --help`)",
					      cp_sanitize(optarg, buf, sizeof(buf)),
					      near ? "; did you mean '" : "", near ? near : "",
					      near ? "'?" : "");
				goto out;
			}
			offers[fo.noffers++] = optarg;
			break;
		case 'e':
			fo.endpoint = optarg;
			break;
		case 'o':
			fo.out_dir = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			fputs(USAGE, stdout);
			goto out;
		default:
			rc = cmd_bad_option("pricing fetch", argv);
			goto out;
		}
	}
	if (optind < argc) {
		rc = cp_error(CP_EXIT_USAGE, "pricing fetch takes no arguments; see --help");
		goto out;
	}
	const char *why = http_url_refused(fo.endpoint);
	if (why) {
		rc = cp_error(CP_EXIT_USAGE, "--endpoint %s: %s",
			      cp_sanitize(fo.endpoint, buf, sizeof(buf)), why);
		goto out;
	}
	if (!fo.out_dir)
		fo.out_dir = ctx->pricing_dir;
	if (!fo.nregions) {
		nfound = existing_regions(fo.out_dir, &found);
		if (!nfound) {
			rc = cp_error(CP_EXIT_USAGE,
				      "no region to fetch: name one with --region (e.g. --region "
				      "eu-central-1)");
			goto out;
		}
		regions = xrealloc(regions, (nfound + 1) * sizeof(char *));
		for (size_t i = 0; i < nfound; i++)
			regions[fo.nregions++] = found[i];
	}
	if (!fo.noffers)
		for (int i = 0; CATALOG_OFFERS[i]; i++)
			offers[fo.noffers++] = CATALOG_OFFERS[i];
	fo.regions = regions;
	fo.offers = offers;
	fo.quiet = quiet;
	fo.progress = !quiet && isatty(STDERR_FILENO);
	retry_policy_from_env(&fo.retry);
	http_opts_from_env(&fo.http);
	if (quiet)
		cp_quiet = 1;
	rc = fetch_run(&fo);
out:
	for (size_t i = 0; i < nfound; i++)
		free(found[i]);
	free(found);
	free(regions);
	free(offers);
	return rc;
}
