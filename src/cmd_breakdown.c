/*
 * cmd_breakdown.c - `costplan breakdown [SCENARIO]`: the monthly bill,
 * line by line, in table, json, csv or markdown.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd_common.h"
#include "cost/engine.h"
#include "report/report.h"
#include "util/error.h"
#include "util/output.h"

static const char USAGE[] =
	"usage: costplan breakdown [SCENARIO] [options]\n"
	"\n"
	"Price a scenario (default scenarios/baseline.json) line by line.\n"
	"\n"
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	SCENARIO_WHATIF_USAGE
	"  --format FORMAT      table (default), json, csv or markdown\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  --pricing DIR        price snapshot folder (default: the shipped pricing/)\n"
	"  -h, --help           this help\n";

int cmd_breakdown(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		SCENARIO_LONGOPTS,
		{"format", required_argument, NULL, OPT_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct scenario_opts so = {0};
	enum report_format fmt = FMT_TABLE;
	const char *output = NULL;
	struct scenario s;
	struct breakdown b;
	struct cost_options co;
	struct out_file out;
	int opt, rc;

	optind = 1;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		int r = scenario_opts_parse(&so, opt, optarg);
		if (r < 0)
			return -r;
		if (r > 0)
			continue;
		switch (opt) {
		case OPT_FORMAT:
			if ((rc = report_format_parse(optarg,
						      1u << FMT_TABLE | 1u << FMT_JSON | 1u << FMT_CSV |
							      1u << FMT_MARKDOWN,
						      &fmt)))
				return rc;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return cmd_bad_option("breakdown", argv);
		}
	}
	if (optind < argc)
		so.path = argv[optind++];
	if (optind < argc)
		return cp_error(CP_EXIT_USAGE, "breakdown takes one scenario; see `costplan breakdown --help`");

	if ((rc = scenario_opts_load(&so, &s)))
		return rc;
	scenario_opts_cost(&so, &co);
	rc = cost_breakdown(&s, ctx->cat, &co, &b);
	scenario_release(&s);
	if (rc)
		return rc;
	if ((rc = out_open(&out, output))) {
		breakdown_release(&b);
		return rc;
	}
	struct report_style st = {ctx->color && !output, 80};
	switch (fmt) {
	case FMT_JSON:
		report_breakdown_json(out.f, &b);
		break;
	case FMT_CSV:
		report_breakdown_csv(out.f, &b);
		break;
	case FMT_MARKDOWN:
		report_breakdown_markdown(out.f, &b);
		break;
	default:
		report_breakdown_table(out.f, &b, &st);
	}
	/* warnings also go to stderr for formats that can't show them inline */
	if (fmt == FMT_CSV) {
		for (size_t i = 0; i < b.nnotes && !cp_quiet; i++)
			fprintf(stderr, "costplan: %s\n", b.notes[i]);
		for (size_t i = 0; i < b.nwarn; i++)
			cp_warn("%s", b.warnings[i]);
	}
	breakdown_release(&b);
	return out_close(&out, 1);
}
