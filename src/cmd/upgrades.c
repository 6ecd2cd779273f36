/*
 * cmd_upgrades.c - `costplan upgrades [SCENARIO]`: what each step of the
 * guide's upgrade path costs, alone and cumulatively, ending in the
 * production total, with the alternatives side by side.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/common.h"
#include "cost/upgrade_path.h"
#include "model/upgrades.h"
#include "report/upgrades.h"
#include "util/error.h"
#include "util/output.h"
#include "util/paths.h"

#define DEFAULT_STEPS "scenarios/upgrades"
#define MAX_ASSUME 64

static const char USAGE[] =
	"usage: costplan upgrades [SCENARIO] [options]\n"
	"\n"
	"Price the upgrade path on a scenario (default scenarios/baseline.json): each\n"
	"step alone (monthly delta, new total, the signal to take it), the cumulative\n"
	"path in the guide's order ending in the production total, and the\n"
	"alternatives beside it, with every assumption used.\n"
	"\n"
	"  --steps DIR          upgrade step files (default scenarios/upgrades)\n"
	"  --assume KEY=VALUE   override a step's assumption (repeatable), e.g.\n"
	"                       spot_discount=0.5; STEP.KEY=VALUE for one step\n"
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	SCENARIO_WHATIF_USAGE
	"                       (--set and --patch change the baseline the steps apply to)\n"
	"  --format FORMAT      table (default), json, csv or markdown\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  -h, --help           this help\n";

enum { OPT_STEPS = OPT_FIRST_COMMAND_SPECIFIC, OPT_ASSUME };

int cmd_upgrades(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		SCENARIO_LONGOPTS,
		{"steps", required_argument, NULL, OPT_STEPS},
		{"assume", required_argument, NULL, OPT_ASSUME},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct scenario_opts so = {0};
	enum report_format fmt = FMT_TABLE;
	const char *output = NULL, *steps = NULL;
	const char *assume[MAX_ASSUME];
	size_t nassume = 0;
	struct upgrade_set set;
	struct upgrade_path path;
	struct cost_options co;
	struct out_file out;
	json_t *doc = NULL;
	char *file = NULL, **notes = NULL, *dir;
	size_t nnotes = 0;
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
		case OPT_STEPS:
			steps = optarg;
			break;
		case OPT_ASSUME:
			if (nassume >= MAX_ASSUME)
				return cp_error(CP_EXIT_USAGE, "more than %d --assume options", MAX_ASSUME);
			assume[nassume++] = optarg;
			break;
		case OPT_FORMAT:
			if ((rc = report_format_parse(optarg,
						      FMT_MASK_TEXT,
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
			return cmd_bad_option("upgrades", argv);
		}
	}
	if (optind < argc)
		so.path = argv[optind++];
	if (optind < argc)
		return cp_error(CP_EXIT_USAGE,
				"upgrades takes one scenario; see `costplan upgrades --help`");

	dir = paths_scenario(steps ? steps : DEFAULT_STEPS);
	rc = upgrades_load(dir, &set);
	free(dir);
	if (rc)
		return rc;
	for (size_t i = 0; i < nassume && rc == 0; i++)
		rc = upgrades_assume(&set, assume[i]);
	if (rc == 0)
		rc = scenario_opts_doc(&so, &doc, &file, &notes, &nnotes);
	if (rc == 0) {
		scenario_opts_cost(&so, &co);
		rc = upgrade_path_price(doc, file, &set, ctx->cat, &co, &path);
	}
	json_decref(doc);
	free(file);
	if (rc) {
		for (size_t i = 0; i < nnotes; i++)
			free(notes[i]);
		free(notes);
		upgrades_release(&set);
		return rc;
	}
	/* the overrides go where every renderer shows notes */
	struct breakdown *b = &path.baseline.b;
	for (size_t i = 0; i < nnotes; i++) {
		b->notes = xrealloc(b->notes, (b->nnotes + 1) * sizeof(char *));
		b->notes[b->nnotes++] = notes[i];
	}
	free(notes);
	for (size_t i = 0; i < nassume; i++) {
		b->notes = xrealloc(b->notes, (b->nnotes + 1) * sizeof(char *));
		b->notes[b->nnotes++] = xasprintf("what-if: --assume %s applied", assume[i]);
	}
	if ((rc = out_open(&out, output)) == 0) {
		struct report_style st = {ctx->color && !output, 80};
		switch (fmt) {
		case FMT_JSON:
			report_upgrades_json(out.f, &path);
			break;
		case FMT_CSV:
			report_upgrades_csv(out.f, &path);
			/* CSV has no place for notes: say what was applied on stderr */
			for (size_t i = 0; i < b->nnotes && !cp_quiet; i++)
				if (strncmp(b->notes[i], "what-if:", 8) == 0)
					fprintf(stderr, "costplan: %s\n", b->notes[i]);
			break;
		case FMT_MARKDOWN:
			report_upgrades_markdown(out.f, &path);
			break;
		default:
			report_upgrades_table(out.f, &path, &st);
		}
		rc = out_close(&out, 1);
	}
	upgrade_path_release(&path);
	upgrades_release(&set);
	return rc;
}
