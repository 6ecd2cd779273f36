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
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/common.h"
#include "cmd/simulate.h"
#include "cost/engine.h"
#include "cost/upgrade_path.h"
#include "model/upgrades.h"
#include "report/budget.h"
#include "report/report.h"
#include "util/error.h"
#include "util/output.h"
#include "util/paths.h"

#define DEFAULT_STEPS "scenarios/upgrades"

enum { OPT_GROWTH = OPT_FIRST_COMMAND_SPECIFIC, OPT_STEPS, OPT_NO_UPGRADES, OPT_SIMULATE };

static const char USAGE[] =
	"usage: costplan export [SCENARIO] -o FILE [options]\n"
	"\n"
	"Write the budget of a scenario (default scenarios/baseline.json) as a workbook\n"
	"whose figures are formulas: sheets Assumptions, Prices, Line items, Summary,\n"
	"Upgrade path, Projection. Change an input in Assumptions and every total\n"
	"follows.\n"
	"\n"
	"  -o, --output FILE    the file to write (required for xlsx; CSV may go to stdout)\n"
	"  --format FORMAT      xlsx (default; csv when FILE ends in .csv) or csv\n"
	"  --growth RATE        monthly usage growth for the projection, as 5% or 0.05\n"
	"                       (default: the scenario's traffic.defaults.monthly_growth,\n"
	"                       else 5%; from -50% to 100%)\n"
	"  --simulate           add the simulated p5/p50/p95 monthly bill to the\n"
	"                       Projection (costplan simulate; 24 months unless --months)\n"
	"  --runs N, --months M, --seed S, --threads T, --no-progress\n"
	"                       simulation options, as for costplan simulate\n"
	"  --steps DIR          upgrade step files (default scenarios/upgrades)\n"
	"  --no-upgrades        leave out the Upgrade path sheet\n"
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances (the workbook keeps\n"
	"                       them, switched off, in Assumptions)\n"
	SCENARIO_WHATIF_USAGE
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

/* Build the workbook in a private temporary file, then copy it to path. */
static int write_xlsx(const struct budget *bg, const char *path)
{
	const char *tmpdir = getenv("TMPDIR");
	char *tmp = xasprintf("%s/costplan-export-XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
	struct out_file out;
	int fd = mkstemp(tmp), rc;
	if (fd < 0) {
		rc = cp_error(CP_EXIT_IO, "cannot create a temporary file in %s: %s",
			      tmpdir && tmpdir[0] ? tmpdir : "/tmp", strerror(errno));
		free(tmp);
		return rc;
	}
	close(fd);
	rc = budget_write_xlsx(bg, tmp);
	if (rc == 0)
		rc = out_open(&out, path);
	if (rc == 0) {
		FILE *in = fopen(tmp, "rb");
		char buf[65536];
		size_t n;
		int ok = in != NULL;
		while (ok && (n = fread(buf, 1, sizeof(buf), in)) > 0)
			if (fwrite(buf, 1, n, out.f) != n)
				break;
		if (!in || ferror(in)) {
			rc = cp_error(CP_EXIT_IO, "cannot read back the workbook %s: %s", tmp,
				      strerror(errno));
			ok = 0;
		}
		if (in)
			fclose(in);
		int rc2 = out_close(&out, ok);
		if (!rc)
			rc = rc2;
	}
	unlink(tmp);
	free(tmp);
	return rc;
}

/*
 * Price the upgrade path on the same overlaid document. A path that cannot
 * be priced (steps that do not fit this scenario) leaves the sheet out
 * with a warning rather than failing the whole export. Returns true when
 * *set and *path are to be released by the caller.
 */
static bool price_upgrades(const struct scenario_opts *so, const char *steps, struct cp_ctx *ctx,
			   const struct cost_options *co, struct upgrade_set *set,
			   struct upgrade_path *path)
{
	json_t *doc = NULL;
	char *file = NULL, **notes = NULL;
	size_t nnotes = 0;
	char *dir = paths_scenario(steps ? steps : DEFAULT_STEPS);
	int rc = upgrades_load(dir, set);
	free(dir);
	if (rc) {
		cp_warn("the Upgrade path sheet is left out: its steps could not be read");
		return false;
	}
	rc = scenario_opts_doc(so, &doc, &file, &notes, &nnotes);
	if (rc == 0)
		rc = upgrade_path_price(doc, file, set, ctx->cat, co, path);
	json_decref(doc);
	free(file);
	for (size_t i = 0; i < nnotes; i++)
		free(notes[i]);
	free(notes);
	if (rc) {
		cp_warn("the Upgrade path sheet is left out: the steps could not be priced on this "
			"scenario (see above); --no-upgrades skips them");
		upgrades_release(set);
		return false;
	}
	return true;
}

int cmd_export(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		SCENARIO_LONGOPTS,
		{"format", required_argument, NULL, OPT_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"growth", required_argument, NULL, OPT_GROWTH},
		{"steps", required_argument, NULL, OPT_STEPS},
		{"no-upgrades", no_argument, NULL, OPT_NO_UPGRADES},
		{"simulate", no_argument, NULL, OPT_SIMULATE},
		SIM_LONGOPTS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct scenario_opts so = {0};
	enum report_format fmt = FMT_XLSX;
	bool fmt_given = false;
	const char *output = NULL, *steps = NULL;
	bool no_upgrades = false, growth_given = false, simulate = false, sim_used = false;
	struct sim_options simo;
	struct sim_state sim;
	dec growth = dec_from_scaled(5, 2);
	struct scenario s;
	struct breakdown b, ft;
	bool have_ft = false;
	struct cost_options co;
	struct budget bg;
	struct upgrade_set set;
	struct upgrade_path path;
	int opt, rc;

	sim_options_default(&simo);
	simo.mc.months = 24; /* the Projection's horizon */
	memset(&sim, 0, sizeof(sim));
	optind = 1;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		int r = scenario_opts_parse(&so, opt, optarg);
		if (r < 0)
			return -r;
		if (r > 0)
			continue;
		r = sim_parse_option(&simo, opt, optarg);
		if (r < 0)
			return -r;
		if (r > 0) {
			sim_used = true;
			continue;
		}
		switch (opt) {
		case OPT_SIMULATE:
			simulate = true;
			break;
		case OPT_FORMAT:
			if ((rc = report_format_parse(optarg, 1u << FMT_XLSX | 1u << FMT_CSV, &fmt)))
				return rc;
			fmt_given = true;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_GROWTH:
			if (parse_growth(optarg, &growth) != 0) {
				char buf[64];
				return cp_error(CP_EXIT_USAGE,
						"--growth '%s': give a monthly rate such as 5%% or 0.05, "
						"from -50%% to 100%%",
						cp_sanitize(optarg, buf, sizeof(buf)));
			}
			growth_given = true;
			break;
		case OPT_STEPS:
			steps = optarg;
			break;
		case OPT_NO_UPGRADES:
			no_upgrades = true;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return cmd_bad_option("export", argv);
		}
	}
	if (optind < argc)
		so.path = argv[optind++];
	if (optind < argc)
		return cp_error(CP_EXIT_USAGE, "export takes one scenario; see `costplan export --help`");
	if (!fmt_given && output && ends_with(output, ".csv"))
		fmt = FMT_CSV;
	if (sim_used && !simulate)
		return cp_error(CP_EXIT_USAGE, "--runs, --months, --seed and --threads go with "
					       "--simulate; see `costplan export --help`");
	if (simulate && (double)simo.mc.runs * simo.mc.months > MC_MAX_RUN_MONTHS)
		return cp_error(CP_EXIT_USAGE,
				"--runs x --months is %ld, more than %d: use fewer runs or months",
				simo.mc.runs * simo.mc.months, MC_MAX_RUN_MONTHS);
	if (simulate && fmt != FMT_XLSX)
		return cp_error(CP_EXIT_USAGE, "--simulate adds bands to the workbook's Projection; "
					       "the CSV has no projection");
	if (fmt == FMT_XLSX && (!output || strcmp(output, "-") == 0))
		return cp_error(CP_EXIT_USAGE,
				"export needs -o FILE for a workbook (e.g. -o budget.xlsx); "
				"--format csv can write to stdout");
	if ((rc = out_check_target(output)))
		return rc;

	if ((rc = scenario_opts_load(&so, &s)))
		return rc;
	scenario_opts_cost(&so, &co);
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
	if (simulate) {
		rc = sim_drive(&simo, &so, ctx, &sim);
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
		bg.sim_runs = simo.mc.runs;
		bg.sim_seed = simo.mc.seed;
		bg.sim_growth = sim.tp.n ? sim.tp.svc[0].monthly_growth : 0;
	}
	if (fmt == FMT_XLSX && !no_upgrades && price_upgrades(&so, steps, ctx, &co, &set, &path))
		bg.up = &path;
	if (fmt == FMT_XLSX) {
		rc = write_xlsx(&bg, output);
	} else {
		struct out_file out;
		if ((rc = out_open(&out, output)) == 0) {
			budget_write_csv(out.f, &bg);
			rc = out_close(&out, 1);
		}
	}
	for (size_t i = 0; i < b.nwarn; i++)
		cp_warn("%s", b.warnings[i]);
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
