/*
 * upgrades.c - `costplan upgrades [SCENARIO]`: what each step of the
 * guide's upgrade path costs, alone and cumulatively, ending in the
 * production total, with the alternatives side by side.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmd.h"
#include "report/upgrades.h"
#include "util/error.h"

static const char USAGE[] =
	"usage: costplan upgrades [SCENARIO] [options]\n"
	"\n"
	"Price the upgrade path on a scenario (default scenarios/baseline.json): each\n"
	"step alone (monthly delta, new total, the signal to take it), the cumulative\n"
	"path in the guide's order ending in the production total, and the\n"
	"alternatives beside it, with every assumption used.\n"
	"\n"
	CMD_INPUT_USAGE
	"\n"
	"  --steps DIR          upgrade step files (default scenarios/upgrades)\n"
	"  --assume KEY=VALUE   override a step's assumption (repeatable), e.g.\n"
	"                       spot_discount=0.5; STEP.KEY=VALUE for one step\n"
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	CMD_WHATIF_USAGE
	CMD_USAGE_FILE_USAGE
	CMD_TFVARS_USAGE
	"                       (--set and --patch change the baseline the steps apply to)\n"
	"  --format FORMAT      table (default), json, csv or markdown\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  -h, --help           this help\n";

CMD_RENDERER(w_table, struct upgrade_path, report_upgrades_table(f, x, st))
CMD_RENDERER(w_json, struct upgrade_path, report_upgrades_json(f, x))
CMD_RENDERER(w_csv, struct upgrade_path, report_upgrades_csv(f, x))
CMD_RENDERER(w_markdown, struct upgrade_path, report_upgrades_markdown(f, x))

static const struct cmd_format FORMATS[] = {
	{FMT_TABLE, w_table},
	{FMT_JSON, w_json},
	{FMT_CSV, w_csv},
	{FMT_MARKDOWN, w_markdown},
	{FMT_TABLE, NULL},
};

static int run(struct cmd_args *a)
{
	struct upgrade_set set;
	struct upgrade_path path;
	int rc;
	if (a->argc > 0)
		a->so.path = a->argv[0];
	if (a->argc > 1)
		return cmd_too_many(a, "one scenario");
	if ((rc = cmd_upgrade_path(a, &set, &path)))
		return rc;
	rc = cmd_write(a, &path);
	/* CSV has no place for notes: say what was applied on stderr */
	if (a->fmt == FMT_CSV)
		cmd_echo_whatif(path.baseline.b.notes, path.baseline.b.nnotes);
	upgrade_path_release(&path);
	upgrades_release(&set);
	return rc;
}

const struct cmd CMD_UPGRADES = {
	.name = "upgrades",
	.summary = "what each step of the upgrade path costs, alone and in turn",
	.usage = USAGE,
	.flags = CMD_SCENARIO | CMD_STEPS | CMD_TERRAFORM,
	.formats = FORMATS,
	.run = run,
};
