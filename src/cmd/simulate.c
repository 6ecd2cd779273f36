/*
 * cmd_simulate.c - `costplan simulate [SCENARIO]`: traffic, ECS autoscaling
 * and the bill, Monte Carlo over many runs, priced by the ordinary engine.
 *
 * Also the shared driver (sim_drive) used by `breakdown --simulate`.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/common.h"
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
	"  --runs N             independent runs (default 100)\n"
	"  --months M           months per run, with compound growth (default 12)\n"
	"  --seed S             random seed (default 1)\n"
	"  --threads T          worker threads (default: processors online)\n"
	"  --format FORMAT      table (default), json or csv\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  --series FILE.csv    write one run's time series for plotting\n"
	"  --series-run K       which run (default 1)\n"
	"  --series-step STEP   minute or hour (default hour)\n"
	"  --region REGION      price in another region\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	"  --no-progress        no progress bar (shown on a terminal for long runs)\n"
	"  --bench              time the simulation on 1 and 2 threads against bare GSL\n"
	"                       draws (make bench) instead of reporting\n"
	"  -h, --help           this help\n";

enum {
	OPT_SERIES = OPT_FIRST_COMMAND_SPECIFIC,
	OPT_SERIES_RUN,
	OPT_SERIES_STEP,
	OPT_BENCH,
};

static int parse_long(const char *opt, const char *arg, long lo, long hi, long *out)
{
	char *end, buf[64];
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < lo || v > hi)
		return cp_error(CP_EXIT_USAGE, "%s '%s': give a whole number from %ld to %ld", opt,
				cp_sanitize(arg, buf, sizeof(buf)), lo, hi);
	*out = v;
	return 0;
}

int sim_parse_option(struct sim_options *so, int opt, const char *arg)
{
	long v;
	int rc;
	switch (opt) {
	case SIM_OPT_RUNS:
		if ((rc = parse_long("--runs", arg, 1, MC_MAX_RUNS, &v)))
			return -rc;
		so->mc.runs = v;
		return 1;
	case SIM_OPT_MONTHS:
		if ((rc = parse_long("--months", arg, 1, MC_MAX_MONTHS, &v)))
			return -rc;
		so->mc.months = (int)v;
		return 1;
	case SIM_OPT_SEED: {
		char *end, buf[64];
		errno = 0;
		unsigned long long s = strtoull(arg, &end, 10);
		if (errno || end == arg || *end || arg[0] == '-')
			return -cp_error(CP_EXIT_USAGE,
					 "--seed '%s': give a whole number from 0 to 18446744073709551615",
					 cp_sanitize(arg, buf, sizeof(buf)));
		so->mc.seed = s;
		return 1;
	}
	case SIM_OPT_THREADS:
		if ((rc = parse_long("--threads", arg, 1, MC_MAX_THREADS, &v)))
			return -rc;
		so->mc.threads = (int)v;
		return 1;
	case SIM_OPT_NO_PROGRESS:
		so->no_progress = true;
		return 1;
	}
	return 0;
}

void sim_options_default(struct sim_options *so)
{
	memset(so, 0, sizeof(*so));
	so->mc.runs = 100;
	so->mc.months = 12;
	so->mc.seed = 1;
	so->mc.threads = mc_default_threads();
}

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
		return cp_error(CP_EXIT_DATA, "%s: no aws_ecs_service to simulate", st->s.path);
	/* a progress bar only when someone watches and it takes a while */
	double work = (double)so->mc.runs * so->mc.months * (double)st->u.nsvc;
	so->mc.progress = !so->no_progress && isatty(2) && work >= 300; /* ~1 s or more */
	bool sends = false;
	for (size_t i = 0; i < st->u.nsvc; i++)
		sends |= st->u.svc[i].t->bytes_out_per_request > 0 ||
			 st->u.svc[i].t->external_bytes_per_request > 0;
	if (sends && !st->u.dt)
		cp_warn("%s has no aws_data_transfer resource: the traffic's data transfer out is "
			"not priced (add \"aws_data_transfer\": { \"this\": {} })",
			st->s.path);
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

int cmd_simulate(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		SCENARIO_LONGOPTS,
		SIM_LONGOPTS,
		{"format", required_argument, NULL, OPT_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"series", required_argument, NULL, OPT_SERIES},
		{"series-run", required_argument, NULL, OPT_SERIES_RUN},
		{"series-step", required_argument, NULL, OPT_SERIES_STEP},
		{"bench", no_argument, NULL, OPT_BENCH},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct scenario_opts sco = {0};
	struct sim_options so;
	struct sim_state st;
	enum report_format fmt = FMT_TABLE;
	const char *output = NULL, *series = NULL;
	long series_run = 1;
	bool hourly = true, bench = false;
	struct out_file out;
	int opt, rc;

	sim_options_default(&so);
	optind = 1;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		int r = scenario_opts_parse(&sco, opt, optarg);
		if (r == 0)
			r = sim_parse_option(&so, opt, optarg);
		if (r < 0)
			return -r;
		if (r > 0)
			continue;
		switch (opt) {
		case OPT_FORMAT:
			if ((rc = report_format_parse(optarg,
						      1u << FMT_TABLE | 1u << FMT_JSON | 1u << FMT_CSV,
						      &fmt)))
				return rc;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_SERIES:
			series = optarg;
			break;
		case OPT_SERIES_RUN:
			if ((rc = parse_long("--series-run", optarg, 1, MC_MAX_RUNS, &series_run)))
				return rc;
			break;
		case OPT_SERIES_STEP:
			if (strcmp(optarg, "minute") == 0)
				hourly = false;
			else if (strcmp(optarg, "hour") == 0)
				hourly = true;
			else
				return cp_error(CP_EXIT_USAGE, "--series-step is minute or hour");
			break;
		case OPT_BENCH:
			bench = true;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return cmd_bad_option("simulate", argv);
		}
	}
	if (optind < argc)
		sco.path = argv[optind++];
	if (optind < argc)
		return cp_error(CP_EXIT_USAGE,
				"simulate takes one scenario; see `costplan simulate --help`");
	if ((double)so.mc.runs * so.mc.months > MC_MAX_RUN_MONTHS)
		return cp_error(CP_EXIT_USAGE,
				"--runs x --months is %ld; keep it at most %d (memory and pricing time)",
				so.mc.runs * so.mc.months, MC_MAX_RUN_MONTHS);
	if (series && series_run > so.mc.runs)
		return cp_error(CP_EXIT_USAGE, "--series-run %ld: there are only %ld runs", series_run,
				so.mc.runs);

	if (bench)
		return run_bench(&so, &sco, ctx);
	rc = sim_drive(&so, &sco, ctx, &st);
	if (rc == 0 && series)
		rc = sim_series_write(series, &st.u, &so.mc, series_run - 1, hourly);
	if (rc == 0 && (rc = out_open(&out, output)) == 0) {
		struct report_style style = {ctx->color && !output, 80};
		switch (fmt) {
		case FMT_JSON:
			report_sim_json(out.f, &st.view);
			break;
		case FMT_CSV:
			report_sim_csv(out.f, &st.view);
			break;
		default:
			report_sim_table(out.f, &st.view, &style);
		}
		if (fmt != FMT_TABLE)
			for (size_t i = 0; i < st.b.nwarn; i++)
				cp_warn("%s", st.b.warnings[i]);
		rc = out_close(&out, 1);
	}
	sim_state_release(&st);
	return rc;
}
