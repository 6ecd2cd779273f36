/*
 * cmd_report.c - `costplan report [SCENARIO] -o report.html`: one
 * self-contained HTML page with the bill, why it differs from a claim
 * (the scenario's "claim", or --claim) when there is one, where the money
 * goes, and where the prices come from (report/html.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/simulate.h"
#include "report/html.h"
#include "sim/sample_week.h"
#include "util/error.h"
#include "util/paths.h"

static const char USAGE[] =
	"usage: costplan report [SCENARIO] [options]\n"
	"\n"
	"Write one self-contained HTML page (inline CSS and SVG charts, no scripts,\n"
	"nothing loaded from the network) for a scenario (default\n"
	"scenarios/baseline.json): the monthly total, beside a claim when there is one\n"
	"(the scenario's \"claim\", or --claim) with the reasons for the difference,\n"
	"the charges estimates leave out, cost by category and by resource, the\n"
	"itemised bill, the upgrade path from baseline to production, with --simulate\n"
	"a sample week of traffic, the spread of monthly bills and the capacity\n"
	"signals, and the price sources with their dates.\n"
	"\n"
	CMD_INPUT_USAGE
	"\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  --format html        the only format (the default)\n"
	"  --claim USD          an estimate to compare with (default: the scenario's\n"
	"                       \"claim\", if any; none: no comparison)\n"
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
	CMD_WHATIF_USAGE
	CMD_USAGE_FILE_USAGE
	CMD_TFVARS_USAGE
	"  --pricing DIR        price snapshot folder (default: the shipped pricing/)\n"
	"  -h, --help           this help\n";

enum {
	OPT_CLAIM = OPT_OWN,
	OPT_NO_UPGRADES,
	OPT_SIMULATE,
	OPT_WEEK_RUN,
	OPT_WEEK_MONTH,
};

static const struct option OPTIONS[] = {
	{"claim", required_argument, NULL, OPT_CLAIM},
	{"no-upgrades", no_argument, NULL, OPT_NO_UPGRADES},
	{"simulate", no_argument, NULL, OPT_SIMULATE},
	{"week-run", required_argument, NULL, OPT_WEEK_RUN},
	{"week-month", required_argument, NULL, OPT_WEEK_MONTH},
	{NULL, 0, NULL, 0},
};

static struct {
	bool no_upgrades, simulate, week_given, claim_given;
	long week_run, week_month;
	dec claim;
} opt = {false, false, false, false, 1, 1, {0}};

static int option(struct cmd_args *a, int o, const char *arg)
{
	int rc = 0;
	char buf[64];
	(void)a;
	switch (o) {
	case OPT_SIMULATE:
		opt.simulate = true;
		return 1;
	case OPT_WEEK_RUN:
		rc = cmd_parse_long("--week-run", arg, 1, MC_MAX_RUNS, &opt.week_run);
		opt.week_given = true;
		break;
	case OPT_WEEK_MONTH:
		rc = cmd_parse_long("--week-month", arg, 1, MC_MAX_MONTHS, &opt.week_month);
		opt.week_given = true;
		break;
	case OPT_CLAIM:
		if (dec_parse(arg, &opt.claim) || dec_cmp(opt.claim, dec_zero()) < 0 ||
		    dec_cmp(opt.claim, dec_from_int(1000000000)) > 0)
			return -cp_error(CP_EXIT_USAGE,
					 "--claim needs an amount in US dollars, e.g. 100 (got '%s')",
					 cp_sanitize(arg, buf, sizeof(buf)));
		opt.claim = dec_round(opt.claim, 2);
		opt.claim_given = true;
		return 1;
	case OPT_NO_UPGRADES:
		opt.no_upgrades = true;
		return 1;
	default:
		return 0;
	}
	return rc ? -rc : 1;
}

CMD_RENDERER(w_html, struct html_page, html_report(f, x))

static const struct cmd_format FORMATS[] = {
	{FMT_HTML, w_html},
	{FMT_HTML, NULL},
};

/* The command as a user would type it: "costplan" instead of the path the
 * binary was started by, and no absolute path among its words (a file is
 * shown by its name, so the page does not depend on where it ran). */
static char *command_text(const struct cp_ctx *ctx)
{
	const char *cl = ctx->command_line ? ctx->command_line : "costplan report";
	const char *rest = strchr(cl, ' ');
	char *s = xstrdup("costplan");
	while (rest && *rest) {
		rest++;
		const char *end = strchr(rest, ' ');
		size_t n = end ? (size_t)(end - rest) : strlen(rest);
		char *word = xstrndup(rest, n);
		/* --opt=/abs/path and /abs/path alike */
		char *eq = word[0] == '-' ? strchr(word, '=') : NULL;
		char *path = eq ? eq + 1 : word;
		char *shown = path[0] == '/' ? paths_display(path) : NULL;
		char *t = xasprintf("%s %.*s%s", s, (int)(path - word), word, shown ? shown : path);
		free(shown);
		free(word);
		free(s);
		s = t;
		rest = end;
	}
	return s;
}

static int run(struct cmd_args *a)
{
	struct upgrade_set set;
	struct upgrade_path path;
	struct sim_state sim;
	struct sample_week week;
	struct cp_ctx *ctx = a->ctx;
	bool simulate = opt.simulate, have_week = false;
	long week_run = opt.week_run, week_month = opt.week_month;
	struct scenario s;
	struct breakdown b;
	struct cost_options co;
	int rc;

	if (a->argc > 0)
		a->so.path = a->argv[0];
	if (a->argc > 1)
		return cmd_too_many(a, "one scenario");
	if ((a->sim_given || opt.week_given) && !simulate)
		return cp_error(CP_EXIT_USAGE, "--runs, --months, --seed, --threads and --week-* "
					       "need --simulate");
	if (simulate && week_run > a->sim.mc.runs)
		return cp_error(CP_EXIT_USAGE, "--week-run %ld: there are only %ld runs", week_run,
				a->sim.mc.runs);
	if (simulate && week_month > a->sim.mc.months)
		return cp_error(CP_EXIT_USAGE, "--week-month %ld: the simulation has %d months",
				week_month, a->sim.mc.months);

	if ((rc = scenario_opts_load(&a->so, &s)))
		return rc;
	scenario_opts_cost(&a->so, &co);
	rc = cost_breakdown(&s, ctx->cat, &co, &b);
	if (rc == 0)
		breakdown_unpriced_warn(&b);
	char *description = s.description ? xstrdup(s.description) : NULL;
	/* the claim: --claim, else the scenario's own, else none */
	bool has_claim = opt.claim_given || s.has_claim;
	dec claim = opt.claim_given ? opt.claim : s.claim_usd;
	char *claim_source = opt.claim_given ? xstrdup(CMD_CLAIM_SOURCE)
			     : s.has_claim  ? xstrdup(s.claim_source)
					    : NULL;
	scenario_release(&s);
	if (rc) {
		free(claim_source);
		free(description);
		return rc;
	}
	/* upgrade steps that do not fit this scenario (bad data, exit 3) leave
	 * the section out, said on the page and on stderr; anything else fails */
	const char *upgrades_missing = NULL;
	bool have_up = false;
	if (!opt.no_upgrades) {
		char *why;
		rc = cmd_upgrade_path_optional(a, &set, &path, &why);
		if (rc == CP_EXIT_DATA) {
			upgrades_missing = "the upgrade steps do not fit this scenario; `costplan upgrades` "
					   "with the same scenario says why, and --steps DIR takes steps "
					   "written for it.";
			cp_warn("the page leaves the upgrade path out (--no-upgrades skips it): %s%s",
				why,
				a->steps ? ""
					 : "; the default steps are written for the guide's baseline");
			free(why);
			rc = 0;
		} else if (rc) {
			free(claim_source);
			free(description);
			breakdown_release(&b);
			return rc;
		} else {
			have_up = true;
		}
	}
	if (simulate) {
		if ((rc = sim_drive(&a->sim, &a->so, ctx, &sim))) {
			sim_state_release(&sim);
			if (have_up) {
				upgrade_path_release(&path);
				upgrades_release(&set);
			}
			free(claim_source);
			free(description);
			breakdown_release(&b);
			return rc;
		}
		have_week = sample_week_record(&sim.u, &a->sim.mc, week_run - 1, (int)week_month,
					       &week) == 0;
	}
	char *command = command_text(ctx);
	struct html_page page = {
		.b = &b,
		.description = description,
		.has_claim = has_claim,
		.claim = claim,
		.claim_source = claim_source,
		.command = command,
		.version = COSTPLAN_VERSION,
		.up = have_up ? &path : NULL,
		.upgrades_missing = upgrades_missing,
		.sim = simulate ? &sim.view : NULL,
		.week = have_week ? &week : NULL,
	};
	rc = cmd_write(a, &page);
	free(command);
	free(claim_source);
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

const struct cmd CMD_REPORT = {
	.name = "report",
	.summary = "one self-contained HTML page: the bill, its charts, its sources",
	.usage = USAGE,
	.flags = CMD_SCENARIO | CMD_SIMULATION | CMD_STEPS | CMD_TERRAFORM,
	.formats = FORMATS,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
