/*
 * breakdown.c - `costplan breakdown [SCENARIO]`: the monthly bill, line by
 * line, in table, json, csv or markdown. With --plan, the bill of a
 * Terraform plan's planned resources (or a state's); --usage adds usage
 * figures by address (model/input.h loads, cost/side.h prices). A
 * directory of .tf files (or one file) is read as the plan that creates it
 * (model/terraform/tf_load.h), with --var and --var-file. With
 * --simulate, each line's simulated p50 with its p5-p95 range.
 */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/simulate.h"
#include "cost/engine.h"
#include "cost/side.h"
#include "report/report.h"
#include "util/error.h"
#include "util/paths.h"

static const char USAGE[] =
	"usage: costplan breakdown [SCENARIO] [options]\n"
	"       costplan breakdown --plan PLAN.json [--usage USAGE.json] [options]\n"
	"       costplan breakdown DIR [--var NAME=VALUE] [--usage USAGE.json] [options]\n"
	"\n"
	"Price a scenario (default scenarios/baseline.json) line by line; or a\n"
	"directory of Terraform configuration (or one .tf file), read without\n"
	"terraform, as the plan that would create it.\n"
	"\n"
	"  --plan FILE          price a Terraform plan's planned resources (terraform\n"
	"                       show -json), or a state\n"
	"  --usage FILE         usage figures by resource address: an Infracost usage\n"
	"                       file, YAML or JSON\n"
	CMD_TFVARS_USAGE
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	CMD_WHATIF_USAGE
	"  --format FORMAT      table (default), json, csv or markdown\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  --pricing DIR        price snapshot folder (default: the shipped pricing/)\n"
	"  --simulate           simulate the traffic (costplan simulate) and show each\n"
	"                       line's p50 with its p5-p95 range; with --runs N\n"
	"                       (default 100), --months M (shows month M, default 1),\n"
	"                       --seed S, --threads T\n"
	"  -h, --help           this help\n";

enum { OPT_PLAN = OPT_OWN, OPT_SIMULATE };

static const struct option OPTIONS[] = {
	{"plan", required_argument, NULL, OPT_PLAN},
	{"simulate", no_argument, NULL, OPT_SIMULATE},
	{NULL, 0, NULL, 0},
};

static struct {
	const char *plan;
	bool simulate;
} opt;

static int option(struct cmd_args *a, int o, const char *arg)
{
	(void)a;
	switch (o) {
	case OPT_PLAN:
		opt.plan = arg;
		return 1;
	case OPT_SIMULATE:
		opt.simulate = true;
		return 1;
	}
	return 0;
}

CMD_RENDERER(w_table, struct breakdown, report_breakdown_table(f, x, st))
CMD_RENDERER(w_json, struct breakdown, report_breakdown_json(f, x))
CMD_RENDERER(w_csv, struct breakdown, report_breakdown_csv(f, x))
CMD_RENDERER(w_markdown, struct breakdown, report_breakdown_markdown(f, x))

static const struct cmd_format FORMATS[] = {
	{FMT_TABLE, w_table},
	{FMT_JSON, w_json},
	{FMT_CSV, w_csv},
	{FMT_MARKDOWN, w_markdown},
	{FMT_TABLE, NULL},
};

/* --simulate: the simulated month's p50 bill with p5-p95 per line */
CMD_RENDERER(s_table, struct sim_view, report_sim_breakdown_table(f, x, st))
CMD_RENDERER(s_json, struct sim_view, report_sim_breakdown_json(f, x))
CMD_RENDERER(s_csv, struct sim_view, report_sim_breakdown_csv(f, x))
CMD_RENDERER(s_markdown, struct sim_view, report_sim_breakdown_markdown(f, x))

/* the same four formats as without --simulate */
static const struct cmd_format SIM_FORMATS[] = {
	{FMT_TABLE, s_table},
	{FMT_JSON, s_json},
	{FMT_CSV, s_csv},
	{FMT_MARKDOWN, s_markdown},
	{FMT_TABLE, NULL},
};

static int simulated(struct cmd_args *a)
{
	struct sim_state st;
	struct cmd sim_cmd = *a->cmd;
	struct cmd_args sa = *a;
	if ((double)a->sim.mc.runs * a->sim.mc.months > MC_MAX_RUN_MONTHS)
		return cp_error(CP_EXIT_USAGE, "--runs x --months: keep it at most %d",
				MC_MAX_RUN_MONTHS);
	sim_cmd.formats = SIM_FORMATS;
	sa.cmd = &sim_cmd;
	int rc = sim_drive(&sa.sim, &a->so, a->ctx, &st);
	if (rc == 0) {
		cmd_echo_whatif(st.s.notes, st.s.nnotes);
		rc = cmd_write(&sa, &st.view);
	}
	sim_state_release(&st);
	return rc;
}

static int run(struct cmd_args *a)
{
	struct scenario s;
	struct breakdown b;
	struct cost_options co;
	int rc;

	if (a->argc > 0)
		a->so.path = a->argv[0];
	if (a->argc > 1)
		return cmd_too_many(a, "one scenario");
	if (opt.plan && a->so.path)
		return cp_error(CP_EXIT_USAGE, "breakdown takes a scenario or --plan, not both");
	if (a->so.path && tf_is_config(a->so.path)) { /* a Terraform directory or .tf file */
		opt.plan = a->so.path;
		a->so.path = NULL;
	}
	if (a->tfv.n && !(opt.plan && tf_is_config(opt.plan)))
		return cp_error(CP_EXIT_USAGE,
				"--var and --var-file go with a Terraform directory or .tf file");
	if (a->sim_given && !opt.simulate)
		return cp_error(CP_EXIT_USAGE, "--runs, --months, --seed and --threads go with --simulate");
	/* --set, --patch or --simulate on a plan, a state or a directory: it is
	 * priced as one scenario (model/input.h), as export, compare and the
	 * others price it, so the what-ifs have a document to change */
	bool as_scenario = opt.simulate || a->so.nov > 0;
	if (as_scenario && opt.plan) {
		a->so.path = opt.plan;
		opt.plan = NULL;
	}
	if (opt.simulate)
		return simulated(a);
	scenario_opts_cost(&a->so, &co);
	if (!as_scenario && (opt.plan || a->so.usage_path)) {
		if (!opt.plan && !a->so.path && paths_require_default(DEFAULT_SCENARIO, "scenario"))
			return CP_EXIT_IO;
		struct whatif w = scenario_whatif(&a->so);
		rc = side_breakdown(opt.plan ? opt.plan : a->so.path ? a->so.path : DEFAULT_SCENARIO,
				    a->so.usage_path, a->so.region, &a->tfv, a->ctx->cat, &co, &w, &b);
	} else {
		if ((rc = scenario_opts_load(&a->so, &s)))
			return rc;
		rc = cost_breakdown(&s, a->ctx->cat, &co, &b);
		scenario_release(&s);
		if (rc == 0)
			breakdown_unpriced_warn(&b);
	}
	if (rc)
		return rc;
	rc = cmd_write(a, &b);
	/* warnings also go to stderr for the format that can't show them */
	if (a->fmt == FMT_CSV) {
		cmd_echo_whatif(b.notes, b.nnotes);
		cmd_echo_warnings(b.warnings, b.nwarn);
	}
	breakdown_release(&b);
	return rc;
}

const struct cmd CMD_BREAKDOWN = {
	.name = "breakdown",
	.summary = "the monthly bill, line by line",
	.usage = USAGE,
	.flags = CMD_SCENARIO | CMD_SIMULATION | CMD_TERRAFORM,
	.sim_months = 1, /* the month shown */
	.formats = FORMATS,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
