/*
 * cmd_pricing_import.c - `costplan pricing import FILE... [--region R] [--out DIR]`
 *
 * Filters AWS offer files downloaded by hand (bulk CSV or JSON, any size)
 * into the snapshot folder, exactly as `pricing fetch` would. The logic is
 * in pricing/import.c; this file is options and messages.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd/common.h"
#include "cmd/pricing.h"
#include "pricing/import.h"
#include "pricing/regions.h"
#include "util/error.h"

static const char USAGE[] =
	"usage: costplan pricing import FILE... [--region R] [--out DIR]\n"
	"\n"
	"Filter AWS Price List offer files you downloaded yourself (the regional\n"
	"index.csv or index.json of an offer) into the snapshot: only the rows costplan\n"
	"prices are kept, written to DIR/aws/<region>/<OfferCode>.csv atomically.\n"
	"\n"
	"  --region R   keep region R (needed when a file holds several regions)\n"
	"  --out DIR    snapshot folder (default: the pricing folder in use)\n";

int pricing_import(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		{"region", required_argument, NULL, 'r'},
		{"out", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *region = NULL, *out = NULL;
	int opt, rc = 0;
	char buf[64];

	optind = 1;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'r':
			region = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return cmd_bad_option("pricing import", argv);
		}
	}
	if (optind >= argc)
		return cp_error(CP_EXIT_USAGE, "pricing import needs at least one FILE; see --help");
	if (region && !aws_region_code_shaped(region))
		return cp_error(CP_EXIT_USAGE, "'%s' is not a region code (like eu-west-1)",
				cp_sanitize(region, buf, sizeof(buf)));
	if (!out)
		out = ctx->pricing_dir;
	for (int i = optind; i < argc; i++) {
		struct import_result res;
		int frc = import_offer_file(argv[i], region, out, &res);
		if (frc) {
			if (!rc || frc > rc)
				rc = frc;
			import_result_free(&res);
			continue;
		}
		if (!cp_quiet && res.products_seen)
			printf("%s %s (version %s): kept %ld rows of %ld products -> %s\n", res.offer,
			       res.region, res.version, res.rows_kept, res.products_seen, res.path);
		else if (!cp_quiet)
			printf("%s %s (version %s): kept %ld of %ld rows -> %s\n", res.offer, res.region,
			       res.version, res.rows_kept, res.rows_seen, res.path);
		import_result_free(&res);
	}
	return rc;
}
