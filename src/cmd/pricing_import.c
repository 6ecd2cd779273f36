/*
 * cmd_pricing_import.c - `costplan pricing import FILE... [--region R] [--out DIR]`
 *
 * Filters AWS offer files downloaded by hand (bulk CSV or JSON, any size)
 * into the snapshot folder, exactly as `pricing fetch` would. The logic is
 * in pricing/import.c; this file is options and messages.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
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

enum { OPT_IREGION = OPT_OWN, OPT_OUT };

static const struct option OPTIONS[] = {
	{"region", required_argument, NULL, OPT_IREGION},
	{"out", required_argument, NULL, OPT_OUT},
	{NULL, 0, NULL, 0},
};

static struct {
	const char *region, *out;
} opt;

static int option(struct cmd_args *a, int o, const char *arg)
{
	char buf[64];
	(void)a;
	if (o == OPT_IREGION) {
		if (!aws_region_code_shaped(arg))
			return -cp_error(CP_EXIT_USAGE, "'%s' is not a region code (like eu-west-1)",
					 cp_sanitize(arg, buf, sizeof(buf)));
		opt.region = arg;
		return 1;
	}
	if (o == OPT_OUT) {
		opt.out = arg;
		return 1;
	}
	return 0;
}

static int run(struct cmd_args *a)
{
	const char *region = opt.region, *out = opt.out ? opt.out : a->ctx->pricing_dir;
	int rc = 0;
	if (a->argc == 0)
		return cp_error(CP_EXIT_USAGE, "pricing import needs at least one FILE; see --help");
	for (int i = 0; i < a->argc; i++) {
		struct import_result res;
		int frc = import_offer_file(a->argv[i], region, out, &res);
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

const struct cmd CMD_PRICING_IMPORT = {
	.name = "pricing import",
	.summary = "filter offer files downloaded by hand into the snapshot",
	.usage = USAGE,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
