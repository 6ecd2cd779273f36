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

#include "cmd.h"
#include "cost/engine.h"
#include "model/scenario.h"

#define DEFAULT_SCENARIO "scenarios/baseline.json"

enum {
	OPT_REGION = 1000,
	OPT_NO_FREE_TIER,
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_HELP,
	OPT_FIRST_COMMAND_SPECIFIC = 1100,
};

struct scenario_opts {
	const char *path;   /* scenario file; NULL = the default */
	const char *region; /* --region */
	bool no_free_tier;  /* --no-free-tier */
};

#define SCENARIO_LONGOPTS                                                     \
	{"region", required_argument, NULL, OPT_REGION},                      \
	{"no-free-tier", no_argument, NULL, OPT_NO_FREE_TIER}

/* Handle one option if it is a scenario option: 1 handled, 0 not ours,
 * or an exit code (negative of it) on a bad value. */
int scenario_opts_parse(struct scenario_opts *o, int opt, const char *arg);
/* Load and validate the scenario the options describe (caller releases). */
int scenario_opts_load(const struct scenario_opts *o, struct scenario *out);
/* Cost options matching the scenario options. */
void scenario_opts_cost(const struct scenario_opts *o, struct cost_options *co);

/* getopt error and unknown-option message, with the command's usage hint. */
int cmd_bad_option(const char *cmd, char **argv);

#endif
