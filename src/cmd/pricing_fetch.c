/*
 * cmd_pricing_fetch.c - `costplan pricing fetch [--region R ...] [--offer X ...]
 *                        [--endpoint URL] [--out DIR] [--quiet]`
 *
 * Options and messages only; the walk, retries and atomic writes are in
 * pricing/fetch.c. Without --region, the regions already in the snapshot
 * folder are refreshed; without --offer, every offer costplan prices.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "cmd/cmd.h"
#include "cmd/pricing.h"
#include "pricing/catalog.h"
#include "pricing/fetch.h"
#include "pricing/filter.h"
#include "pricing/regions.h"
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

#define MAX_NAMED 64

enum { OPT_FREGION = OPT_OWN, OPT_OFFER, OPT_ENDPOINT, OPT_OUT, OPT_QUIET };

static const struct option OPTIONS[] = {
	{"region", required_argument, NULL, OPT_FREGION},
	{"offer", required_argument, NULL, OPT_OFFER},
	{"endpoint", required_argument, NULL, OPT_ENDPOINT},
	{"out", required_argument, NULL, OPT_OUT},
	{"quiet", no_argument, NULL, OPT_QUIET},
	{NULL, 0, NULL, 0},
};

static struct {
	const char *regions[MAX_NAMED], *offers[MAX_NAMED];
	size_t nregions, noffers;
	const char *endpoint, *out;
	bool quiet;
} opt;

static int option(struct cmd_args *a, int o, const char *arg)
{
	char buf[64];
	(void)a;
	switch (o) {
	case OPT_FREGION:
		if (!aws_region_code_shaped(arg))
			return -cp_error(CP_EXIT_USAGE, "'%s' is not a region code (like eu-central-1)",
					 cp_sanitize(arg, buf, sizeof(buf)));
		if (opt.nregions >= MAX_NAMED)
			return -cp_error(CP_EXIT_USAGE, "more than %d --region options", MAX_NAMED);
		opt.regions[opt.nregions++] = arg;
		return 1;
	case OPT_OFFER:
		if (!price_filter_known_offer(arg)) {
			const char *near = nearest_word(arg, CATALOG_OFFERS);
			return -cp_error(CP_EXIT_USAGE,
					 "costplan does not price offer '%s'%s%s%s (offers: `costplan "
					 "pricing fetch --help`)",
					 cp_sanitize(arg, buf, sizeof(buf)), near ? "; did you mean '" : "",
					 near ? near : "", near ? "'?" : "");
		}
		if (opt.noffers >= MAX_NAMED)
			return -cp_error(CP_EXIT_USAGE, "more than %d --offer options", MAX_NAMED);
		opt.offers[opt.noffers++] = arg;
		return 1;
	case OPT_ENDPOINT:
		opt.endpoint = arg;
		return 1;
	case OPT_OUT:
		opt.out = arg;
		return 1;
	case OPT_QUIET:
		opt.quiet = true;
		return 1;
	}
	return 0;
}

static int fetch_command(struct cmd_args *a)
{
	struct fetch_opts fo;
	const char **regions = NULL, **offers = NULL;
	char **found = NULL;
	size_t nfound = 0;
	int rc = 0, quiet = cp_quiet || opt.quiet;
	char buf[64];

	if (a->argc > 0)
		return cp_error(CP_EXIT_USAGE, "pricing fetch takes no arguments; see --help");
	memset(&fo, 0, sizeof(fo));
	fo.endpoint = opt.endpoint ? opt.endpoint : getenv("COSTPLAN_PRICING_ENDPOINT");
	if (!fo.endpoint || !*fo.endpoint)
		fo.endpoint = FETCH_DEFAULT_ENDPOINT;
	const char *why = http_url_refused(fo.endpoint);
	if (why)
		return cp_error(CP_EXIT_USAGE, "--endpoint %s: %s",
				cp_sanitize(fo.endpoint, buf, sizeof(buf)), why);
	fo.out_dir = opt.out ? opt.out : a->ctx->pricing_dir;
	if (opt.nregions) {
		regions = xcalloc(opt.nregions + 1, sizeof(char *));
		for (size_t i = 0; i < opt.nregions; i++)
			regions[fo.nregions++] = opt.regions[i];
	} else {
		found = catalog_regions(fo.out_dir, &nfound);
		if (!nfound) {
			free(found);
			return cp_error(CP_EXIT_USAGE,
					"no region to fetch: name one with --region (e.g. --region "
					"eu-central-1)");
		}
		regions = xcalloc(nfound + 1, sizeof(char *));
		for (size_t i = 0; i < nfound; i++)
			regions[fo.nregions++] = found[i];
	}
	size_t nall = 0;
	while (CATALOG_OFFERS[nall])
		nall++;
	offers = xcalloc(opt.noffers + nall + 1, sizeof(char *));
	for (size_t i = 0; i < opt.noffers; i++)
		offers[fo.noffers++] = opt.offers[i];
	if (!fo.noffers)
		for (size_t i = 0; i < nall; i++)
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
	for (size_t i = 0; i < nfound; i++)
		free(found[i]);
	free(found);
	free(regions);
	free(offers);
	return rc;
}

/* libcurl's global state only for the command that uses the network:
 * every other command starts without it (4% of a baseline breakdown). */
static int run(struct cmd_args *a)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	int rc = fetch_command(a);
	curl_global_cleanup();
	return rc;
}

const struct cmd CMD_PRICING_FETCH = {
	.name = "pricing fetch",
	.summary = "download current prices from the AWS Price List Bulk API",
	.usage = USAGE,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
