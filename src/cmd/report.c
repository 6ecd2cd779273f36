/*
 * cmd_report.c - `costplan report [SCENARIO] -o report.html`: one
 * self-contained HTML page with the bill, why it differs from the guide's
 * claim, where the money goes, and where the prices come from
 * (report/html.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/common.h"
#include "cmd/simulate.h"
#include "cost/engine.h"
#include "cost/upgrade_path.h"
#include "model/upgrades.h"
#include "report/html.h"
#include "sim/sample_week.h"
#include "util/error.h"
#include "util/output.h"
#include "util/paths.h"

/* The guide's figure for this stack: "around $100/month" (DESIGN.md). */
#define GUIDE_CLAIM "100"
#define DEFAULT_STEPS "scenarios/upgrades"
#define MAX_ASSUME 64

static const char USAGE[] =
	"usage: costplan report [SCENARIO] [options]\n"
	"\n"
	"Write one self-contained HTML page (inline CSS and SVG charts, no scripts,\n"
	"nothing loaded from the network) for a scenario (default\n"
	"scenarios/baseline.json): the monthly total beside the guide's \"around $100\"\n"
	"and the reasons for the difference, cost by category and by resource, the\n"
	"itemised bill, the upgrade path from baseline to production, with --simulate\n"
	"a sample week of traffic, the spread of monthly bills and the capacity\n"
	"signals, and the price sources with their dates.\n"
	"\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  --claim USD          the estimate to compare with (default " GUIDE_CLAIM ", the guide's)\n"
	"  --steps DIR          upgrade step files (default scenarios/upgrades)\n"
	"  --assume KEY=VALUE   override an upgrade step's assumption (repeatable)\n"
	"  --no-upgrades        leave the upgrade path out\n"
	"  --simulate           add the simulation: a sample week of traffic and tasks,\n"
	"                       the spread of monthly bills, the capacity signals\n"
	"  --runs N             simulated runs (default 100)\n"
	"  --months M           months per run, with growth (default 12)\n"
	"  --seed S             random seed (default 1)\n"
	"  --threads T          worker threads (default: processors online)\n"
	"  --week-run K         the run the sample week comes from (default 1)\n"
	"  --week-month M       the month it starts in (default 1)\n"
	"  --no-progress        no progress bar on stderr\n"
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	SCENARIO_WHATIF_USAGE
	"  --pricing DIR        price snapshot folder (default: the shipped pricing/)\n"
	"  -h, --help           this help\n";

enum {
	OPT_CLAIM = OPT_FIRST_COMMAND_SPECIFIC,
	OPT_STEPS,
	OPT_ASSUME,
	OPT_NO_UPGRADES,
	OPT_SIMULATE,
	OPT_WEEK_RUN,
	OPT_WEEK_MONTH,
};

static int parse_count(const char *opt, const char *arg, long max, long *out)
{
	char *end, buf[64];
	long v = strtol(arg, &end, 10);
	if (end == arg || *end || v < 1 || v > max)
		return cp_error(CP_EXIT_USAGE, "%s '%s': give a whole number from 1 to %ld", opt,
				cp_sanitize(arg, buf, sizeof(buf)), max);
	*out = v;
	return 0;
}

struct upgrades_opts {
	bool off;
	const char *steps;
	const char *assume[MAX_ASSUME];
	size_t nassume;
};

/* Price the upgrade path on the same (overlaid) scenario. Returns 0 with
 * *set and *path filled, or an exit code (message printed). */
static int price_upgrades(const struct upgrades_opts *uo, const struct scenario_opts *so,
			  struct cp_ctx *ctx, struct upgrade_set *set, struct upgrade_path *path)
{
	json_t *doc = NULL;
	char *file = NULL, **notes = NULL;
	size_t nnotes = 0;
	struct cost_options co;
	char *dir = paths_scenario(uo->steps ? uo->steps : DEFAULT_STEPS);
	int rc = upgrades_load(dir, set);
	free(dir);
	if (rc)
		return rc;
	for (size_t i = 0; i < uo->nassume && rc == 0; i++)
		rc = upgrades_assume(set, uo->assume[i]);
	if (rc == 0)
		rc = scenario_opts_doc(so, &doc, &file, &notes, &nnotes);
	if (rc == 0) {
		scenario_opts_cost(so, &co);
		rc = upgrade_path_price(doc, file, set, ctx->cat, &co, path);
	}
	json_decref(doc);
	free(file);
	for (size_t i = 0; i < nnotes; i++)
		free(notes[i]);
	free(notes);
	if (rc)
		upgrades_release(set);
	return rc;
}

/* The command as a user would type it: "costplan" instead of the path the
 * binary was started by (so the page does not depend on where it ran). */
static char *command_text(const struct cp_ctx *ctx)
{
	const char *cl = ctx->command_line ? ctx->command_line : "costplan report";
	const char *rest = strchr(cl, ' ');
	size_t n = strlen("costplan") + (rest ? strlen(rest) : 0) + 1;
	char *s = xmalloc(n);
	snprintf(s, n, "costplan%s", rest ? rest : "");
	return s;
}

int cmd_report(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		SCENARIO_LONGOPTS,
		{"output", required_argument, NULL, 'o'},
		{"claim", required_argument, NULL, OPT_CLAIM},
		{"steps", required_argument, NULL, OPT_STEPS},
		{"assume", required_argument, NULL, OPT_ASSUME},
		{"no-upgrades", no_argument, NULL, OPT_NO_UPGRADES},
		{"simulate", no_argument, NULL, OPT_SIMULATE},
		{"week-run", required_argument, NULL, OPT_WEEK_RUN},
		{"week-month", required_argument, NULL, OPT_WEEK_MONTH},
		SIM_LONGOPTS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct scenario_opts so = {0};
	struct upgrades_opts uo = {0};
	struct upgrade_set set;
	struct upgrade_path path;
	struct sim_options simo;
	struct sim_state sim;
	struct sample_week week;
	bool simulate = false, sim_opts = false, have_week = false;
	long week_run = 1, week_month = 1;
	const char *output = NULL, *claim_source = "the guide";
	struct scenario s;
	struct breakdown b;
	struct cost_options co;
	struct out_file out;
	dec claim;
	int opt, rc;

	dec_parse(GUIDE_CLAIM, &claim);
	sim_options_default(&simo);
	optind = 1;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		int r = scenario_opts_parse(&so, opt, optarg);
		if (r == 0 && (r = sim_parse_option(&simo, opt, optarg)) > 0)
			sim_opts = true;
		if (r < 0)
			return -r;
		if (r > 0)
			continue;
		switch (opt) {
		case OPT_SIMULATE:
			simulate = true;
			break;
		case OPT_WEEK_RUN:
			if ((rc = parse_count("--week-run", optarg, MC_MAX_RUNS, &week_run)))
				return rc;
			sim_opts = true;
			break;
		case OPT_WEEK_MONTH:
			if ((rc = parse_count("--week-month", optarg, MC_MAX_MONTHS, &week_month)))
				return rc;
			sim_opts = true;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_CLAIM:
			claim_source = "your estimate";
			if (dec_parse(optarg, &claim) || dec_cmp(claim, dec_zero()) < 0) {
				char buf[64];
				return cp_error(CP_EXIT_USAGE,
						"--claim needs an amount in US dollars, e.g. 100 (got '%s')",
						cp_sanitize(optarg, buf, sizeof(buf)));
			}
			break;
		case OPT_STEPS:
			uo.steps = optarg;
			break;
		case OPT_ASSUME:
			if (uo.nassume >= MAX_ASSUME)
				return cp_error(CP_EXIT_USAGE, "more than %d --assume options", MAX_ASSUME);
			uo.assume[uo.nassume++] = optarg;
			break;
		case OPT_NO_UPGRADES:
			uo.off = true;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return cmd_bad_option("report", argv);
		}
	}
	if (optind < argc)
		so.path = argv[optind++];
	if (optind < argc)
		return cp_error(CP_EXIT_USAGE, "report takes one scenario; see `costplan report --help`");

	if (sim_opts && !simulate)
		return cp_error(CP_EXIT_USAGE, "--runs, --months, --seed, --threads and --week-* "
					       "need --simulate");
	if (simulate && week_run > simo.mc.runs)
		return cp_error(CP_EXIT_USAGE, "--week-run %ld: there are only %ld runs", week_run,
				simo.mc.runs);
	if (simulate && week_month > simo.mc.months)
		return cp_error(CP_EXIT_USAGE, "--week-month %ld: the simulation has %d months",
				week_month, simo.mc.months);

	if ((rc = scenario_opts_load(&so, &s)))
		return rc;
	scenario_opts_cost(&so, &co);
	rc = cost_breakdown(&s, ctx->cat, &co, &b);
	if (rc == 0)
		breakdown_unpriced_warn(&b);
	char *description = s.description ? xstrdup(s.description) : NULL;
	scenario_release(&s);
	if (rc) {
		free(description);
		return rc;
	}
	/* upgrade steps that do not fit this scenario (bad data, exit 3) leave
	 * the section out, said on the page and on stderr; anything else fails */
	const char *upgrades_missing = NULL;
	bool have_up = false;
	if (!uo.off) {
		rc = price_upgrades(&uo, &so, ctx, &set, &path);
		if (rc == CP_EXIT_DATA) {
			upgrades_missing = "the upgrade steps do not fit this scenario; `costplan upgrades` "
					   "with the same scenario says why, and --steps DIR takes steps "
					   "written for it.";
			cp_warn("the page leaves the upgrade path out (the steps above do not fit)");
			rc = 0;
		} else if (rc) {
			free(description);
			breakdown_release(&b);
			return rc;
		} else {
			have_up = true;
		}
	}
	if (simulate) {
		if ((rc = sim_drive(&simo, &so, ctx, &sim))) {
			sim_state_release(&sim);
			if (have_up) {
				upgrade_path_release(&path);
				upgrades_release(&set);
			}
			free(description);
			breakdown_release(&b);
			return rc;
		}
		have_week = sample_week_record(&sim.u, &simo.mc, week_run - 1, (int)week_month,
					       &week) == 0;
	}
	char *command = command_text(ctx);
	struct html_page page = {
		.b = &b,
		.description = description,
		.claim = claim,
		.claim_source = claim_source,
		.command = command,
		.version = COSTPLAN_VERSION,
		.up = have_up ? &path : NULL,
		.upgrades_missing = upgrades_missing,
		.sim = simulate ? &sim.view : NULL,
		.week = have_week ? &week : NULL,
	};
	if ((rc = out_open(&out, output)) == 0) {
		html_report(out.f, &page);
		rc = out_close(&out, 1);
	}
	free(command);
	free(description);
	breakdown_release(&b);
	if (have_up) {
		upgrade_path_release(&path);
		upgrades_release(&set);
	}
	if (have_week)
		sample_week_release(&week);
	if (simulate)
		sim_state_release(&sim);
	return rc;
}
