/*
 * cmd_breakdown.c - `costplan breakdown [SCENARIO]`: the monthly bill,
 * line by line, in table, json, csv or markdown. With --plan, the bill of a
 * Terraform plan's planned resources (or a state's); --usage adds usage
 * figures by address (diff/side.h does the loading for both).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd_common.h"
#include "cmd_simulate.h"
#include "cost/engine.h"
#include "diff/side.h"
#include "model/terraform/tf_load.h"
#include "report/report.h"
#include "util/error.h"
#include "util/output.h"

static const char USAGE[] =
	"usage: costplan breakdown [SCENARIO] [options]\n"
	"       costplan breakdown --plan PLAN.json [--usage USAGE.json] [options]\n"
	"       costplan breakdown DIR [--var NAME=VALUE] [--usage USAGE.json] [options]\n"
	"\n"
	"Price a scenario (default scenarios/baseline.json) line by line.\n"
	"\n"
	"  --plan FILE          price a Terraform plan's planned resources (terraform\n"
	"                       show -json), or a state\n"
	"  --usage FILE         usage figures by resource address (Infracost usage keys)\n"
	"  --var NAME=VALUE     a Terraform input variable, for a directory of .tf files\n"
	"                       (repeatable; with --var-file, applied in order)\n"
	"  --var-file FILE      Terraform variables from a .tfvars or .tfvars.json file\n"
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	SCENARIO_WHATIF_USAGE
	"  --format FORMAT      table (default), json, csv or markdown\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  --pricing DIR        price snapshot folder (default: the shipped pricing/)\n"
	"  --simulate           simulate the traffic (costplan simulate) and show each\n"
	"                       line's p50 with its p5-p95 range; with --runs N\n"
	"                       (default 100), --months M (shows month M, default 1),\n"
	"                       --seed S, --threads T\n"
	"  -h, --help           this help\n";

enum { OPT_PLAN = OPT_FIRST_COMMAND_SPECIFIC, OPT_USAGE, OPT_SIMULATE, OPT_VAR, OPT_VAR_FILE };

/* --simulate: the simulated month's p50 bill with p5-p95 per line */
static int breakdown_simulated(struct sim_options *sim, const struct scenario_opts *so,
			       struct cp_ctx *ctx, enum report_format fmt, const char *output)
{
	struct sim_state st;
	struct out_file out;
	int rc = sim_drive(sim, so, ctx, &st);
	if (rc == 0 && (rc = out_open(&out, output)) == 0) {
		struct report_style style = {ctx->color && !output, 80};
		if (fmt == FMT_JSON)
			report_sim_breakdown_json(out.f, &st.view);
		else if (fmt == FMT_CSV)
			report_sim_breakdown_csv(out.f, &st.view);
		else
			report_sim_breakdown_table(out.f, &st.view, &style);
		rc = out_close(&out, 1);
	}
	sim_state_release(&st);
	return rc;
}

int cmd_breakdown(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		SCENARIO_LONGOPTS,
		{"format", required_argument, NULL, OPT_FORMAT},
		{"plan", required_argument, NULL, OPT_PLAN},
		{"usage", required_argument, NULL, OPT_USAGE},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{"simulate", no_argument, NULL, OPT_SIMULATE},
		{"var", required_argument, NULL, OPT_VAR},
		{"var-file", required_argument, NULL, OPT_VAR_FILE},
		SIM_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct scenario_opts so = {0};
	struct tf_var_opts tfv = {0};
	struct sim_options sim;
	bool simulate = false, sim_opts = false;
	enum report_format fmt = FMT_TABLE;
	const char *output = NULL, *plan = NULL, *usage = NULL;
	struct scenario s;
	struct breakdown b;
	struct cost_options co;
	struct out_file out;
	int opt, rc;

	sim_options_default(&sim);
	sim.mc.months = 1;
	optind = 1;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		int r = scenario_opts_parse(&so, opt, optarg);
		if (r == 0 && (r = sim_parse_option(&sim, opt, optarg)) > 0)
			sim_opts = true;
		if (r < 0)
			return -r;
		if (r > 0)
			continue;
		switch (opt) {
		case OPT_FORMAT:
			if ((rc = report_format_parse(optarg,
						      FMT_MASK_TEXT,
						      &fmt)))
				return rc;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_PLAN:
			plan = optarg;
			break;
		case OPT_USAGE:
			usage = optarg;
			break;
		case OPT_SIMULATE:
			simulate = true;
			break;
		case OPT_VAR:
		case OPT_VAR_FILE:
			if ((rc = tf_var_opts_add(&tfv, opt == OPT_VAR ? TF_VAR_ASSIGN : TF_VAR_FILE, optarg)))
				return rc;
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

	if (plan && so.path)
		return cp_error(CP_EXIT_USAGE, "breakdown takes a scenario or --plan, not both");
	if (so.path && tf_is_config(so.path)) { /* a Terraform directory or .tf file */
		plan = so.path;
		so.path = NULL;
	}
	if (tfv.n && !(plan && tf_is_config(plan)))
		return cp_error(CP_EXIT_USAGE, "--var and --var-file go with a Terraform directory");
	if (simulate && (plan || usage))
		return cp_error(CP_EXIT_USAGE,
				"--simulate works on a scenario's traffic profile, not with --plan or --usage");
	if (sim_opts && !simulate)
		return cp_error(CP_EXIT_USAGE, "--runs, --months, --seed and --threads go with --simulate");
	if (simulate) {
		if ((double)sim.mc.runs * sim.mc.months > MC_MAX_RUN_MONTHS)
			return cp_error(CP_EXIT_USAGE, "--runs x --months: keep it at most %d",
					MC_MAX_RUN_MONTHS);
		if (fmt == FMT_MARKDOWN)
			return cp_error(CP_EXIT_USAGE,
					"breakdown --simulate writes table, json or csv");
		return breakdown_simulated(&sim, &so, ctx, fmt, output);
	}
	scenario_opts_cost(&so, &co);
	if (plan || usage) {
		if ((rc = side_breakdown(plan ? plan : so.path ? so.path : DEFAULT_SCENARIO, usage,
					 so.region, &tfv, ctx->cat, &co, &b)))
			return rc;
	} else {
		if ((rc = scenario_opts_load(&so, &s)))
			return rc;
		rc = cost_breakdown(&s, ctx->cat, &co, &b);
		scenario_release(&s);
		if (rc)
			return rc;
	}
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
		/* the what-if overrides applied (the scenario's own notes are
		 * documentation, not worth a message on every run) */
		for (size_t i = 0; i < b.nnotes && !cp_quiet; i++)
			if (strncmp(b.notes[i], "what-if:", 8) == 0)
				fprintf(stderr, "costplan: %s\n", b.notes[i]);
		for (size_t i = 0; i < b.nwarn; i++)
			cp_warn("%s", b.warnings[i]);
	}
	breakdown_release(&b);
	return out_close(&out, 1);
}
