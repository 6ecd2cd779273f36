/*
 * cmd_export.c - `costplan export [SCENARIO] -o budget.xlsx`: the budget as
 * a workbook of live formulas (or as CSV), for finance to edit.
 *
 * The scenario is priced once by the engine; report/budget.c turns the
 * breakdown into inputs and formulas, budget_xlsx.c or budget_csv.c writes
 * them. The target is checked before any work (a missing or read-only
 * folder fails fast), the workbook is built in a private temporary file
 * and then copied through out_open/out_close, so the name asked for gets
 * the whole file or nothing, a device such as /dev/full is written in
 * place (never replaced), and libxlsxwriter never touches the user's path.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/simulate.h"
#include "report/budget.h"
#include "util/error.h"
#include "util/output.h"

enum { OPT_GROWTH = OPT_OWN, OPT_NO_UPGRADES, OPT_SIMULATE, OPT_CLAIM };

static const struct option OPTIONS[] = {
	{"growth", required_argument, NULL, OPT_GROWTH},
	{"claim", required_argument, NULL, OPT_CLAIM},
	{"no-upgrades", no_argument, NULL, OPT_NO_UPGRADES},
	{"simulate", no_argument, NULL, OPT_SIMULATE},
	{NULL, 0, NULL, 0},
};

static const char USAGE[] =
	"usage: costplan export [SCENARIO] -o FILE [options]\n"
	"\n"
	"Write the budget of a scenario (default scenarios/baseline.json) as a workbook\n"
	"whose figures are formulas: sheets Assumptions, Prices, Line items, Summary,\n"
	"Upgrade path, Projection. Change an input in Assumptions and every total\n"
	"follows.\n"
	"\n"
	CMD_INPUT_USAGE
	"\n"
	"  -o, --output FILE    the file to write (required for xlsx; CSV may go to stdout)\n"
	"  --format FORMAT      xlsx (default; csv when FILE ends in .csv) or csv\n"
	"  --growth RATE        monthly usage growth for the projection, as 5% or 0.05\n"
	"                       (default: the scenario's traffic.defaults.monthly_growth,\n"
	"                       else 5%; from -50% to 100%)\n"
	"  --claim USD          an estimate to show beside costplan's figure on the\n"
	"                       Summary (default: the scenario's \"claim\", if any)\n"
	"  --simulate           add the simulated p5/p50/p95 monthly bill to the\n"
	"                       Projection (costplan simulate; 24 months unless --months)\n"
	"  --runs N, --months M, --seed S, --threads T, --no-progress\n"
	"                       simulation options, as for costplan simulate\n"
	"  --steps DIR          upgrade step files (default scenarios/upgrades)\n"
	"  --assume KEY=VALUE   override an upgrade step's assumption (repeatable)\n"
	"  --no-upgrades        leave out the Upgrade path sheet\n"
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances (the workbook keeps\n"
	"                       them, switched off, in Assumptions)\n"
	CMD_WHATIF_USAGE
	CMD_USAGE_FILE_USAGE
	CMD_TFVARS_USAGE
	"  --pricing DIR        price snapshot folder (default: the shipped pricing/)\n"
	"  -h, --help           this help\n";

/* "5%", "5.5%", "0.05", "-0.1" -> a rate */
static int parse_growth(const char *s, dec *out)
{
	char buf[64];
	size_t n = strlen(s);
	dec v;
	bool pct = n > 0 && s[n - 1] == '%';
	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n + 1);
	if (pct)
		buf[n - 1] = '\0';
	if (dec_parse(buf, &v) != 0)
		return -1;
	if (pct && dec_div(v, dec_from_int(100), &v) != 0)
		return -1;
	if (dec_cmp(v, dec_from_scaled(-50, 2)) < 0 || dec_cmp(v, dec_from_int(1)) > 0)
		return -1;
	*out = v;
	return 0;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* The workbook: built in a private temporary file (libxlsxwriter wants a
 * path), then copied into the output the skeleton opened. */
static int w_xlsx(FILE *f, const void *data, const struct report_style *st)
{
	const char *tmpdir = getenv("TMPDIR");
	char *tmp = xasprintf("%s/costplan-export-XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
	int fd = mkstemp(tmp), rc;
	(void)st;
	if (fd < 0) {
		rc = cp_error(CP_EXIT_IO, "cannot create a temporary file in %s: %s",
			      tmpdir && tmpdir[0] ? tmpdir : "/tmp", strerror(errno));
		free(tmp);
		return rc;
	}
	close(fd);
	rc = budget_write_xlsx(data, tmp);
	if (rc == 0) {
		FILE *in = fopen(tmp, "rb");
		char buf[65536];
		size_t n;
		while (in && (n = fread(buf, 1, sizeof(buf), in)) > 0)
			if (fwrite(buf, 1, n, f) != n)
				break;
		if (!in || ferror(in))
			rc = cp_error(CP_EXIT_IO, "cannot read back the workbook %s: %s", tmp,
				      strerror(errno));
		if (in)
			fclose(in);
	}
	unlink(tmp);
	free(tmp);
	return rc;
}

CMD_RENDERER(w_csv, struct budget, budget_write_csv(f, x))

static const struct cmd_format FORMATS[] = {
	{FMT_XLSX, w_xlsx},
	{FMT_CSV, w_csv},
	{FMT_XLSX, NULL},
};

static struct {
	dec growth, claim;
	bool growth_given, no_upgrades, simulate, claim_given;
} opt;

static int option(struct cmd_args *a, int o, const char *arg)
{
	char buf[64];
	(void)a;
	switch (o) {
	case OPT_GROWTH:
		if (parse_growth(arg, &opt.growth) != 0)
			return -cp_error(CP_EXIT_USAGE,
					 "--growth '%s': give a monthly rate such as 5%% or 0.05, "
					 "from -50%% to 100%%",
					 cp_sanitize(arg, buf, sizeof(buf)));
		opt.growth_given = true;
		return 1;
	case OPT_NO_UPGRADES:
		opt.no_upgrades = true;
		return 1;
	case OPT_SIMULATE:
		opt.simulate = true;
		return 1;
	case OPT_CLAIM:
		opt.claim_given = true;
		return cmd_parse_amount("--claim", arg, &opt.claim) ? -CP_EXIT_USAGE : 1;
	}
	return 0;
}

/*
 * The upgrade path on the same overlaid document. A path that cannot be
 * priced (steps that do not fit this scenario) leaves the sheet out with a
 * warning rather than failing the whole export. Returns true when *set and
 * *path are to be released by the caller.
 */
static bool price_upgrades(const struct cmd_args *a, struct upgrade_set *set,
			   struct upgrade_path *path)
{
	char *why;
	int rc = cmd_upgrade_path_optional(a, set, path, &why);
	if (rc == 0)
		return true;
	if (why)
		cp_warn("the Upgrade path sheet is left out (--no-upgrades skips it): %s%s", why,
			a->steps ? "" : "; the default steps are written for the guide's baseline");
	else
		cp_warn("the Upgrade path sheet is left out (see above); --no-upgrades skips it");
	free(why);
	return false;
}

static int run(struct cmd_args *a)
{
	struct sim_state sim;
	struct scenario s;
	struct breakdown b, ft;
	bool have_ft = false;
	struct cost_options co;
	struct budget bg;
	struct upgrade_set set;
	struct upgrade_path path;
	struct cp_ctx *ctx = a->ctx;
	const char *output = a->output;
	dec growth = opt.growth_given ? opt.growth : dec_from_scaled(5, 2);
	bool growth_given = opt.growth_given, simulate = opt.simulate;
	int rc;

	memset(&sim, 0, sizeof(sim));
	if (a->argc > 0)
		a->so.path = a->argv[0];
	if (a->argc > 1)
		return cmd_too_many(a, "one scenario");
	/* the file name chooses when --format does not */
	if (!a->fmt_given && output && ends_with(output, ".csv"))
		a->fmt = FMT_CSV;
	enum report_format fmt = a->fmt;
	if (a->sim_given && !simulate)
		return cp_error(CP_EXIT_USAGE, "--runs, --months, --seed and --threads go with "
					       "--simulate; see `costplan export --help`");
	if (simulate && (double)a->sim.mc.runs * a->sim.mc.months > MC_MAX_RUN_MONTHS)
		return cp_error(CP_EXIT_USAGE,
				"--runs x --months is %ld, more than %d: use fewer runs or months",
				a->sim.mc.runs * a->sim.mc.months, MC_MAX_RUN_MONTHS);
	if (simulate && fmt != FMT_XLSX)
		return cp_error(CP_EXIT_USAGE, "--simulate adds bands to the workbook's Projection; "
					       "the CSV has no projection");
	if (fmt == FMT_XLSX && (!output || strcmp(output, "-") == 0))
		return cp_error(CP_EXIT_USAGE,
				"export needs -o FILE for a workbook (e.g. -o budget.xlsx); "
				"--format csv can write to stdout");
	if ((rc = out_check_target(output)))
		return rc;

	if ((rc = scenario_opts_load(&a->so, &s)))
		return rc;
	scenario_opts_cost(&a->so, &co);
	rc = cost_breakdown(&s, ctx->cat, &co, &b);
	if (rc == 0)
		breakdown_unpriced_warn(&b);
	if (rc) {
		scenario_release(&s);
		return rc;
	}
	if (!b.free_tier && fmt == FMT_XLSX) {
		/* price the allowances too, so the workbook's switch can turn them on */
		struct cost_options co2 = co;
		bool was = s.free_tier;
		co2.no_free_tier = false;
		s.free_tier = true;
		have_ft = cost_breakdown(&s, ctx->cat, &co2, &ft) == 0;
		s.free_tier = was;
	}
	bool from_profile = false;
	if (!growth_given) {
		/* the traffic profile's growth, when the scenario has one */
		json_t *g = json_object_get(json_object_get(json_object_get(s.root, "traffic"),
							    "defaults"),
					    "monthly_growth");
		dec pg;
		if (json_is_number(g) && dec_from_double(json_number_value(g), &pg) == 0 &&
		    dec_cmp(pg, dec_from_scaled(-50, 2)) >= 0 && dec_cmp(pg, dec_from_int(1)) <= 0) {
			growth = pg;
			from_profile = true;
		}
	}
	budget_build(&bg, &b, have_ft ? &ft : NULL, growth);
	bg.growth_from_profile = from_profile;
	if (opt.claim_given) {
		bg.has_claim = true;
		bg.claim = opt.claim;
		bg.claim_source = CMD_CLAIM_SOURCE;
	} else if (s.has_claim) {
		bg.has_claim = true;
		bg.claim = s.claim_usd;
		bg.claim_source = s.claim_source;
	}
	if (simulate) {
		rc = sim_drive(&a->sim, &a->so, ctx, &sim);
		if (rc) {
			sim_state_release(&sim);
			budget_release(&bg);
			if (have_ft)
				breakdown_release(&ft);
			breakdown_release(&b);
			scenario_release(&s);
			return rc;
		}
		bg.nbands = sim.sum.months;
		bg.p5 = xcalloc((size_t)bg.nbands, sizeof(int64_t));
		bg.p50 = xcalloc((size_t)bg.nbands, sizeof(int64_t));
		bg.p95 = xcalloc((size_t)bg.nbands, sizeof(int64_t));
		for (int m = 0; m < bg.nbands; m++) {
			((int64_t *)bg.p5)[m] = sim.sum.total[m].p5;
			((int64_t *)bg.p50)[m] = sim.sum.total[m].p50;
			((int64_t *)bg.p95)[m] = sim.sum.total[m].p95;
		}
		bg.sim_runs = a->sim.mc.runs;
		bg.sim_seed = a->sim.mc.seed;
		bg.sim_growth = sim.tp.n ? sim.tp.svc[0].monthly_growth : 0;
	}
	if (fmt == FMT_XLSX && !opt.no_upgrades && price_upgrades(a, &set, &path))
		bg.up = &path;
	rc = cmd_write(a, &bg);
	if (fmt == FMT_CSV)
		cmd_echo_whatif(b.notes, b.nnotes); /* the workbook shows them; the CSV cannot */
	cmd_echo_warnings(b.warnings, b.nwarn);
	if (bg.no_formula)
		cp_warn("%zu line(s) have no quantity formula in the workbook: they keep costplan's "
			"number and do not follow Assumptions",
			bg.no_formula);
	if (bg.up) {
		upgrade_path_release(&path);
		upgrades_release(&set);
	}
	if (simulate) {
		free((void *)bg.p5);
		free((void *)bg.p50);
		free((void *)bg.p95);
		sim_state_release(&sim);
	}
	budget_release(&bg);
	if (have_ft)
		breakdown_release(&ft);
	breakdown_release(&b);
	scenario_release(&s);
	return rc;
}

const struct cmd CMD_EXPORT = {
	.name = "export",
	.summary = "the budget as a spreadsheet of live formulas (xlsx) or CSV",
	.usage = USAGE,
	.flags = CMD_SCENARIO | CMD_SIMULATION | CMD_STEPS | CMD_TERRAFORM,
	.sim_months = 24, /* the Projection's horizon */
	.formats = FORMATS,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
