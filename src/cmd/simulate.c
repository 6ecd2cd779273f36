/*
 * cmd_simulate.c - `costplan simulate [SCENARIO]`: traffic, ECS autoscaling
 * and the bill, Monte Carlo over many runs, priced by the ordinary engine.
 *
 * Also the shared driver (sim_drive) used by `breakdown --simulate`.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/simulate.h"
#include "report/sim_report.h"
#include "sim/bench.h"
#include "sim/series.h"
#include "util/error.h"
#include "util/output.h"

static const char USAGE[] =
	"usage: costplan simulate [SCENARIO] [options]\n"
	"\n"
	"Simulate the scenario's traffic minute by minute with ECS autoscaling, many\n"
	"times (Monte Carlo), and price every simulated month with the cost engine.\n"
	"The traffic profile is the scenario's \"traffic\" section (defaults fit an\n"
	"early-stage product). Same seed, same output, for any --threads.\n"
	"\n"
	CMD_INPUT_USAGE
	"\n"
	"  --runs N             independent runs (default 100)\n"
	"  --months M           months per run, with compound growth (default 12)\n"
	"  --seed S             random seed (default 1)\n"
	"  --threads T          worker threads (default: processors online)\n"
	"  --format FORMAT      table (default), json, csv or markdown\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  --series FILE.csv    write one run's time series for plotting\n"
	"  --series-run K       which run (default 1)\n"
	"  --series-step STEP   minute or hour (default hour)\n"
	"  --region REGION      price in another region\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	CMD_WHATIF_USAGE
	CMD_USAGE_FILE_USAGE
	CMD_TFVARS_USAGE
	"  --no-progress        no progress bar (shown on a terminal for long runs)\n"
	"  -h, --help           this help\n";

enum {
	OPT_SERIES = OPT_OWN,
	OPT_SERIES_RUN,
	OPT_SERIES_STEP,
	OPT_BENCH, /* make bench's; not in --help */
};

static const struct option OPTIONS[] = {
	{"series", required_argument, NULL, OPT_SERIES},
	{"series-run", required_argument, NULL, OPT_SERIES_RUN},
	{"series-step", required_argument, NULL, OPT_SERIES_STEP},
	{"bench", no_argument, NULL, OPT_BENCH},
	{NULL, 0, NULL, 0},
};

static struct {
	const char *series;
	long series_run;
	bool minutes, bench;
} opt = {NULL, 1, false, false};

static int option(struct cmd_args *a, int o, const char *arg)
{
	int rc;
	(void)a;
	switch (o) {
	case OPT_SERIES:
		opt.series = arg;
		return 1;
	case OPT_SERIES_RUN:
		if ((rc = cmd_parse_long("--series-run", arg, 1, MC_MAX_RUNS, &opt.series_run)))
			return -rc;
		return 1;
	case OPT_SERIES_STEP:
		if (strcmp(arg, "minute") && strcmp(arg, "hour"))
			return -cp_error(CP_EXIT_USAGE, "--series-step is minute or hour");
		opt.minutes = strcmp(arg, "minute") == 0;
		return 1;
	case OPT_BENCH:
		opt.bench = true;
		return 1;
	}
	return 0;
}

CMD_RENDERER(w_table, struct sim_view, report_sim_table(f, x, st))
CMD_RENDERER(w_json, struct sim_view, report_sim_json(f, x))
CMD_RENDERER(w_csv, struct sim_view, report_sim_csv(f, x))
CMD_RENDERER(w_markdown, struct sim_view, report_sim_markdown(f, x))

static const struct cmd_format FORMATS[] = {
	{FMT_TABLE, w_table},
	{FMT_JSON, w_json},
	{FMT_CSV, w_csv},
	{FMT_MARKDOWN, w_markdown},
	{FMT_TABLE, NULL},
};

int sim_drive(struct sim_options *so, const struct scenario_opts *sco, struct cp_ctx *ctx,
	      struct sim_state *st)
{
	struct cost_options co;
	int rc;
	memset(st, 0, sizeof(*st));
	if ((rc = scenario_opts_load(sco, &st->s)))
		return rc;
	st->loaded = true;
	if (traffic_profile_parse(&st->s, st->s.path, NULL, &st->tp) != 0)
		return CP_EXIT_DATA;
	if ((rc = sim_setup_build(&st->s, &st->tp, &st->u)))
		return rc;
	if (st->u.nsvc == 0)
		return cp_error(CP_EXIT_DATA,
				"%s: no aws_ecs_service to simulate (the simulation runs services "
				"with a task_definition; `costplan breakdown` prices the others)",
				st->s.path);
	/* a progress bar only when someone watches and it takes a while */
	double work = (double)so->mc.runs * so->mc.months * (double)st->u.nsvc;
	so->mc.progress = !so->no_progress && isatty(2) && work >= 300; /* ~1 s or more */
	bool sends = false;
	for (size_t i = 0; i < st->u.nsvc; i++)
		sends |= st->u.svc[i].t->bytes_out_per_request > 0 ||
			 st->u.svc[i].t->external_bytes_per_request > 0;
	if (sends && !st->u.dt)
		cp_warn("%s has no aws_data_transfer resource: the traffic's data transfer out is "
			"not priced (%s)",
			st->s.path,
			st->s.from_plan
				? "a usage file entry aws_data_transfer.NAME adds one, as in Infracost's"
				: "add \"aws_data_transfer\": { \"this\": {} }");
	mc_run(&st->u, &so->mc, &st->mc);
	scenario_opts_cost(sco, &co);
	if ((rc = bills_price(&st->s, ctx->cat, &co, &st->u, &st->mc, &st->b)))
		return rc;
	st->priced = true;
	signals_eval(&st->u, &st->mc, &st->sig);
	sim_summarise(&st->u, &st->mc, &st->b, &st->sum);
	st->view.s = &st->s;
	st->view.u = &st->u;
	st->view.o = &so->mc;
	st->view.mc = &st->mc;
	st->view.b = &st->b;
	st->view.sig = &st->sig;
	st->view.sum = &st->sum;
	return 0;
}

void sim_state_release(struct sim_state *st)
{
	sim_summary_release(&st->sum);
	signals_release(&st->sig);
	if (st->priced)
		bills_release(&st->b);
	mc_result_free(&st->mc);
	sim_setup_release(&st->u);
	traffic_profile_release(&st->tp);
	if (st->loaded)
		scenario_release(&st->s);
	memset(st, 0, sizeof(*st));
}

static int run_bench(struct sim_options *so, const struct scenario_opts *sco, struct cp_ctx *ctx)
{
	struct scenario s;
	struct traffic_profile tp;
	struct sim_setup u;
	struct cost_options co;
	int rc = scenario_opts_load(sco, &s);
	if (rc)
		return rc;
	if (traffic_profile_parse(&s, s.path, NULL, &tp) == 0 && (rc = sim_setup_build(&s, &tp, &u)) == 0) {
		scenario_opts_cost(sco, &co);
		rc = sim_bench(stdout, &s, ctx->cat, &co, &u, &so->mc);
		sim_setup_release(&u);
	} else if (!rc) {
		rc = CP_EXIT_DATA;
	}
	traffic_profile_release(&tp);
	scenario_release(&s);
	return rc;
}

static int run(struct cmd_args *a)
{
	struct sim_state st;
	int rc;
	if (a->argc > 0)
		a->so.path = a->argv[0];
	if (a->argc > 1)
		return cmd_too_many(a, "one scenario");
	if ((double)a->sim.mc.runs * a->sim.mc.months > MC_MAX_RUN_MONTHS)
		return cp_error(CP_EXIT_USAGE,
				"--runs x --months is %ld; keep it at most %d (memory and pricing time)",
				a->sim.mc.runs * a->sim.mc.months, MC_MAX_RUN_MONTHS);
	if (opt.series && opt.series_run > a->sim.mc.runs)
		return cp_error(CP_EXIT_USAGE, "--series-run %ld: there are only %ld runs",
				opt.series_run, a->sim.mc.runs);
	if (opt.bench)
		return run_bench(&a->sim, &a->so, a->ctx);
	rc = sim_drive(&a->sim, &a->so, a->ctx, &st);
	if (rc == 0 && opt.series)
		rc = sim_series_write(opt.series, &st.u, &a->sim.mc, opt.series_run - 1, !opt.minutes);
	if (rc == 0) {
		/* the what-ifs applied (--set traffic..., --scale-usage ...): the
		 * simulation's outputs have no notes */
		cmd_echo_whatif(st.s.notes, st.s.nnotes);
		rc = cmd_write(a, &st.view);
		if (a->fmt != FMT_TABLE)
			cmd_echo_warnings(st.b.warnings, st.b.nwarn);
	}
	sim_state_release(&st);
	return rc;
}

const struct cmd CMD_SIMULATE = {
	.name = "simulate",
	.summary = "simulate traffic and autoscaling: the bill's spread",
	.usage = USAGE,
	.flags = CMD_SCENARIO | CMD_SIMULATION | CMD_TERRAFORM,
	.formats = FORMATS,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
