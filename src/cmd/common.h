/*
 * cmd_common.h - options shared by every command that prices a scenario.
 *
 * Commands parse their own options with getopt_long; the ones listed here
 * (SCENARIO_LONGOPTS) are handed to scenario_opts_parse(), and
 * scenario_opts_load() turns them into a validated scenario. One place,
 * so --region or --no-free-tier mean the same everywhere.
 */
#ifndef COSTPLAN_CMD_COMMON_H
#define COSTPLAN_CMD_COMMON_H

#include <getopt.h>
#include <stdbool.h>

#include "cmd/cmd.h"
#include "cost/engine.h"
#include "model/overlay.h"
#include "model/scenario.h"

#define DEFAULT_SCENARIO "scenarios/baseline.json"

enum {
	OPT_REGION = 1000,
	OPT_NO_FREE_TIER,
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_HELP,
	OPT_SET,
	OPT_PATCH,
	OPT_FIRST_COMMAND_SPECIFIC = 1100,
};

#define SCENARIO_MAX_OVERLAYS 64

struct scenario_opts {
	const char *path;   /* scenario file; NULL = the default */
	const char *region; /* --region */
	bool no_free_tier;  /* --no-free-tier */
	/* --set PATH=VALUE and --patch FILE, in command-line order (borrowed
	 * from argv: nothing to free) */
	struct overlay ov[SCENARIO_MAX_OVERLAYS];
	size_t nov;
};

#define SCENARIO_LONGOPTS                                                     \
	{"region", required_argument, NULL, OPT_REGION},                      \
	{"no-free-tier", no_argument, NULL, OPT_NO_FREE_TIER},                \
	{"set", required_argument, NULL, OPT_SET},                            \
	{"patch", required_argument, NULL, OPT_PATCH}

/* Usage text for the what-if options, for each command's --help. */
#define SCENARIO_WHATIF_USAGE                                                                  \
	"  --set PATH=VALUE     what-if: change one value before pricing (repeatable),\n"         \
	"                       e.g. resource.aws_ecs_service.api.desired_count=2 or\n"          \
	"                       usage.aws_nat_gateway.main.monthly_data_processed_gb=120\n"      \
	"  --patch FILE         what-if: apply a JSON merge patch (RFC 7386) or an upgrade\n"    \
	"                       step file (repeatable; applied in order with --set)\n"

/* Handle one option if it is a scenario option: 1 handled, 0 not ours,
 * or an exit code (negative of it) on a bad value. */
int scenario_opts_parse(struct scenario_opts *o, int opt, const char *arg);
/* Load and validate the scenario the options describe, overlays applied and
 * recorded as notes (caller releases). */
int scenario_opts_load(const struct scenario_opts *o, struct scenario *out);
/* The overlaid document instead (upgrades, compare): *doc is a new
 * reference, *path the resolved file (caller frees), notes as in overlay.h. */
int scenario_opts_doc(const struct scenario_opts *o, json_t **doc, char **path, char ***notes,
		      size_t *nnotes);
/* Cost options matching the scenario options. */
void scenario_opts_cost(const struct scenario_opts *o, struct cost_options *co);

/* getopt error and unknown-option message, with the command's usage hint. */
int cmd_bad_option(const char *cmd, char **argv);

#endif
