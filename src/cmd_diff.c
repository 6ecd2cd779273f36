/*
 * cmd_diff.c - `costplan diff`: what a change does to the monthly bill.
 *
 *   costplan diff --plan plan.json      before vs after within one plan
 *   costplan diff BASE HEAD             each a scenario, plan or state file
 *
 * Each side is priced by the one engine (diff/side.h); the result is a
 * table, JSON or the markdown PR comment, and the guardrails turn a change
 * over budget into exit code 1 with a one-line reason (the report is still
 * written, so CI can post it).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd_common.h"
#include "diff/diff.h"
#include "diff/diff_report.h"
#include "model/terraform/tf_load.h"
#include "model/usage.h"
#include "util/error.h"
#include "util/output.h"

static const char USAGE[] =
	"usage: costplan diff --plan PLAN.json [options]\n"
	"       costplan diff BASE HEAD [options]\n"
	"\n"
	"The monthly cost change of an infrastructure change. With --plan, the\n"
	"resources before and after a Terraform plan (terraform show -json); with\n"
	"BASE HEAD, two files, each a costplan scenario, a plan (its planned\n"
	"resources) or a state (terraform show -json of a state), told apart by content,\n"
	"or two directories of Terraform configuration (.tf files), read without terraform.\n"
	"\n"
	"  --plan FILE              a Terraform plan in JSON\n"
	"  --usage FILE             usage figures by resource address (Infracost\n"
	"                           usage-file keys, JSON)\n"
	"  --var NAME=VALUE         a Terraform input variable for both directories\n"
	"                           (repeatable; with --var-file, applied in order)\n"
	"  --var-file FILE          Terraform variables from a .tfvars file\n"
	"  --region REGION          price every resource in REGION\n"
	"  --no-free-tier           leave out the always-free allowances\n"
	"  --format FORMAT          table (default), json or markdown (the PR comment)\n"
	"  -o, --output FILE        write to FILE (atomically) instead of stdout\n"
	"  --fail-above-usd X       exit 1 if the monthly cost rises by more than $X\n"
	"  --fail-above-percent P   exit 1 if it rises by more than P percent\n"
	"  --budget B               exit 1 if the new monthly total is above $B\n"
	"  -h, --help               this help\n"
	"\n"
	"Exit codes: 0 ok, 1 a guardrail tripped (the report is still written),\n"
	"2 usage, 3 bad input data, 4 I/O.\n";

enum {
	OPT_PLAN = OPT_FIRST_COMMAND_SPECIFIC,
	OPT_USAGE,
	OPT_FAIL_USD,
	OPT_FAIL_PCT,
	OPT_BUDGET,
	OPT_VAR,
	OPT_VAR_FILE,
};

static int parse_amount(const char *opt, const char *arg, dec *out)
{
	char buf[64];
	if (dec_parse(arg, out) != 0 || dec_cmp(*out, dec_zero()) < 0)
		return cp_error(CP_EXIT_USAGE, "%s '%s' is not an amount (like 50 or 12.5)", opt,
				cp_sanitize(arg, buf, sizeof(buf)));
	return 0;
}

int cmd_diff(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		SCENARIO_LONGOPTS,
		{"plan", required_argument, NULL, OPT_PLAN},
		{"usage", required_argument, NULL, OPT_USAGE},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"fail-above-usd", required_argument, NULL, OPT_FAIL_USD},
		{"fail-above-percent", required_argument, NULL, OPT_FAIL_PCT},
		{"budget", required_argument, NULL, OPT_BUDGET},
		{"var", required_argument, NULL, OPT_VAR},
		{"var-file", required_argument, NULL, OPT_VAR_FILE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct scenario_opts so = {0};
	struct tf_var_opts tfv = {0};
	struct guardrails g;
	enum report_format fmt = FMT_TABLE;
	const char *output = NULL, *plan = NULL, *usage_path = NULL;
	struct usage_file usage, *up = NULL;
	struct input in[2];
	struct side sd[2];
	int nin = 0, nside = 0, opt, rc = 0;

	memset(&g, 0, sizeof(g));
	memset(in, 0, sizeof(in));
	memset(sd, 0, sizeof(sd));
	optind = 1;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		int r = scenario_opts_parse(&so, opt, optarg);
		if (r < 0)
			return -r;
		if (r > 0)
			continue;
		switch (opt) {
		case OPT_PLAN:
			plan = optarg;
			break;
		case OPT_USAGE:
			usage_path = optarg;
			break;
		case OPT_FORMAT:
			if ((rc = report_format_parse(optarg,
						      1u << FMT_TABLE | 1u << FMT_JSON | 1u << FMT_MARKDOWN,
						      &fmt)))
				return rc;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_FAIL_USD:
			if ((rc = parse_amount("--fail-above-usd", optarg, &g.usd)))
				return rc;
			g.usd_set = true;
			break;
		case OPT_FAIL_PCT:
			if ((rc = parse_amount("--fail-above-percent", optarg, &g.pct)))
				return rc;
			g.pct_set = true;
			break;
		case OPT_BUDGET:
			if ((rc = parse_amount("--budget", optarg, &g.budget)))
				return rc;
			g.budget_set = true;
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
			return cmd_bad_option("diff", argv);
		}
	}
	int npos = argc - optind;
	if (plan && npos != 0)
		return cp_error(CP_EXIT_USAGE, "diff takes --plan FILE or BASE HEAD, not both; see "
					       "`costplan diff --help`");
	if (!plan && npos != 2)
		return cp_error(CP_EXIT_USAGE, "diff needs --plan FILE or two files, BASE and HEAD; "
					       "see `costplan diff --help`");

	if (usage_path) {
		if ((rc = usage_load(usage_path, &usage)))
			return rc;
		up = &usage;
	}
	struct plan_opts po = {so.region, up, &tfv};
	struct cost_options co;
	scenario_opts_cost(&so, &co);
	char *title;
	json_t *actions = NULL;
	if (plan) {
		if ((rc = input_load(plan, &po, &in[0])))
			goto done;
		nin = 1;
		if (in[0].kind != INPUT_PLAN) {
			rc = cp_error(CP_EXIT_USAGE, "%s is a %s, not a plan; use `costplan diff BASE HEAD`",
				      in[0].path, in[0].kind == INPUT_STATE ? "state" : "scenario");
			goto done;
		}
		if ((rc = side_price(&in[0], SIDE_BEFORE, ctx->cat, &co, up, &sd[0])))
			goto done;
		nside = 1;
		if ((rc = side_price(&in[0], SIDE_AFTER, ctx->cat, &co, up, &sd[1])))
			goto done;
		nside = 2;
		title = xasprintf("%s (before -> after)", in[0].path);
		actions = in[0].plan.actions;
	} else {
		for (int i = 0; i < 2; i++) {
			if ((rc = input_load(argv[optind + i], &po, &in[i])))
				goto done;
			nin = i + 1;
		}
		for (int i = 0; i < 2; i++) {
			if ((rc = side_price(&in[i], SIDE_AFTER, ctx->cat, &co, up, &sd[i])))
				goto done;
			nside = i + 1;
		}
		title = xasprintf("%s -> %s", in[0].path, in[1].path);
	}

	struct diff d;
	char reason[1024];
	diff_compute(&sd[0], &sd[1], actions, title, &d);
	free(title);
	int tripped = diff_guardrails(&d, &g, reason, sizeof(reason));
	struct out_file out;
	if ((rc = out_open(&out, output)) == 0) {
		struct report_style st = {ctx->color && !output, 80};
		switch (fmt) {
		case FMT_JSON:
			report_diff_json(out.f, &d, tripped ? reason : NULL);
			break;
		case FMT_MARKDOWN:
			report_diff_markdown(out.f, &d, tripped ? reason : NULL);
			break;
		default:
			report_diff_table(out.f, &d, &st, tripped ? reason : NULL);
		}
		rc = out_close(&out, 1);
	}
	diff_release(&d);
	if (!rc && tripped)
		rc = cp_error(CP_EXIT_GUARDRAIL, "guardrail: %s", reason);
done:
	for (int i = 0; i < nside; i++)
		side_release(&sd[i]);
	for (int i = 0; i < nin; i++)
		input_release(&in[i]);
	if (up)
		usage_release(up);
	return rc;
}
