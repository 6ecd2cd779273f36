/*
 * cmd.h - the command skeleton every subcommand runs on.
 *
 * A command (cmd/<name>.c) is a struct cmd: its name, usage text, the
 * option groups it takes, its own long options and their handler, the
 * formats it writes with one renderer each, and a run function. The
 * skeleton (cmd/common.c) parses the options once for every command:
 * --help, --format (exactly the formats the command declares), -o/--output
 * (every command that prints a report takes it and writes atomically), the
 * scenario group (--region, --no-free-tier, --set, --patch, --scale-usage), the
 * simulation group (--runs, --months, --seed, --threads, --no-progress)
 * the upgrade-step group (--steps, --assume) and the Terraform group
 * (--var, --var-file, --usage); then it calls run() with
 * the positional arguments. cmd_write() opens the output, picks the
 * renderer and the terminal style, and closes; the echoes of what-if notes
 * and warnings on stderr for formats that cannot show them are here too.
 *
 * main() owns struct cp_ctx (the pricing folder and catalog) and the
 * command table (main.c).
 */
#ifndef COSTPLAN_CMD_H
#define COSTPLAN_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "cost/engine.h"
#include "cost/upgrade_path.h"
#include "model/overlay.h"
#include "model/scenario.h"
#include "model/terraform/tf_load.h"
#include "model/upgrades.h"
#include "pricing/catalog.h"
#include "report/report.h"
#include "sim/montecarlo.h"

struct cp_ctx {
	char *pricing_dir;     /* resolved snapshot folder */
	struct catalog *cat;   /* over pricing_dir */
	bool color;            /* colour allowed on stdout */
	const char *argv0;
	char *command_line;    /* the full command, for reports that quote it */
};

#define DEFAULT_SCENARIO "scenarios/baseline.json"
#define DEFAULT_STEPS "scenarios/upgrades"
#define SCENARIO_MAX_OVERLAYS 64
#define CMD_MAX_ASSUME 64

/* Usage text of the what-if options, for each command's --help. */
#define CMD_WHATIF_USAGE                                                                       \
	"  --set PATH=VALUE     what-if: change one value before pricing (repeatable),\n"         \
	"                       e.g. resource.aws_ecs_service.api.desired_count=2 or\n"          \
	"                       usage.aws_nat_gateway.main.monthly_data_processed_gb=120\n"      \
	"  --patch FILE         what-if: apply a JSON merge patch (RFC 7386) or an upgrade\n"    \
	"                       step file (repeatable; applied in order with --set)\n"          \
	"  --scale-usage FACTOR what-if: multiply every usage figure (the scenario's and\n"      \
	"                       a usage file's) by FACTOR, e.g. 2 or 0.5\n"

/* Usage text: what a SCENARIO argument may be besides a scenario. */
#define CMD_INPUT_USAGE                                                                        \
	"SCENARIO may also be a Terraform plan or state (terraform show -json) or a\n"       \
	"directory of .tf files (read without terraform; --var, --var-file), priced\n"     \
	"as one scenario in one region.\n"

/* Who makes a claim given with --claim (export, report). */
#define CMD_CLAIM_SOURCE "your estimate"

/* Option groups a command takes (struct cmd.flags). */
enum {
	CMD_SCENARIO = 1 << 0,   /* --region --no-free-tier --set --patch --scale-usage */
	CMD_SIMULATION = 1 << 1, /* --runs --months --seed --threads --no-progress */
	CMD_STEPS = 1 << 2,      /* --steps --assume */
	CMD_TERRAFORM = 1 << 3,  /* --var --var-file (Terraform directories), --usage */
};

/* Usage text of --usage, for commands whose help does not say more. */
#define CMD_USAGE_FILE_USAGE                                                                   \
	"  --usage FILE         usage figures by resource address: an Infracost usage\n"      \
	"                       file, YAML or JSON (they win over the scenario's own)\n"

/* Usage text of the Terraform variable options. */
#define CMD_TFVARS_USAGE                                                                       \
	"  --var NAME=VALUE     a Terraform input variable, for a directory of .tf files\n"      \
	"                       (repeatable; with --var-file, applied in order)\n"              \
	"  --var-file FILE      Terraform variables from a .tfvars or .tfvars.json file\n"

/* Option codes of the shared options; a command's own start at OPT_OWN. */
enum {
	OPT_REGION = 1000,
	OPT_NO_FREE_TIER,
	OPT_FORMAT,
	OPT_SET,
	OPT_PATCH,
	OPT_RUNS,
	OPT_MONTHS,
	OPT_SEED,
	OPT_THREADS,
	OPT_NO_PROGRESS,
	OPT_STEPS,
	OPT_ASSUME,
	OPT_VAR,
	OPT_VAR_FILE,
	OPT_SCALE_USAGE,
	OPT_USAGE_FILE,
	OPT_OWN = 1100,
};

struct scenario_opts {
	const char *path;   /* scenario file; NULL = the default */
	const char *region; /* --region */
	bool no_free_tier;  /* --no-free-tier */
	/* --set PATH=VALUE and --patch FILE, in command-line order (borrowed
	 * from argv: nothing to free) */
	struct overlay ov[SCENARIO_MAX_OVERLAYS];
	size_t nov;
	double scale_usage; /* --scale-usage FACTOR; 0 = not given */
	/* --var/--var-file, for a Terraform directory given as the scenario
	 * (borrowed from cmd_args; NULL for commands without CMD_TERRAFORM) */
	const struct tf_var_opts *tf_vars;
	const char *usage_path; /* --usage FILE (CMD_TERRAFORM) */
};

/* The what-ifs of the scenario options, for model/overlay.h. */
static inline struct whatif scenario_whatif(const struct scenario_opts *o)
{
	return (struct whatif){o->ov, o->nov, o->scale_usage};
}

struct sim_options {
	struct mc_options mc;
	bool no_progress;
};

/* What the skeleton parsed, handed to the command. */
struct cmd_args {
	struct cp_ctx *ctx;
	const struct cmd *cmd;
	enum report_format fmt;
	bool fmt_given;     /* --format was given (else the default) */
	const char *output; /* -o FILE; NULL = stdout */
	struct scenario_opts so;
	struct sim_options sim;
	bool sim_given;     /* a simulation option was given */
	const char *steps;  /* --steps DIR */
	const char *assume[CMD_MAX_ASSUME];
	size_t nassume;
	struct tf_var_opts tfv; /* --var, --var-file */
	int argc;           /* positional arguments */
	char **argv;
};

/* One output format and the renderer that writes it. */
struct cmd_format {
	enum report_format fmt;
	/* 0, or an exit code after printing why (the output is then discarded) */
	int (*write)(FILE *f, const void *data, const struct report_style *st);
};

/*
 * A renderer for a cmd_format from a report function: name, the type of
 * the data, and the call (with f, x the data, st the style), e.g.
 *   CMD_RENDERER(w_json, struct breakdown, report_breakdown_json(f, x))
 */
#define CMD_RENDERER(name, type, call)                                                        \
	static int name(FILE *f, const void *data, const struct report_style *st)             \
	{                                                                                      \
		const type *x = data;                                                          \
		(void)st;                                                                      \
		call;                                                                          \
		return 0;                                                                      \
	}

struct cmd {
	const char *name;
	const char *summary; /* for costplan --help */
	const char *usage;   /* for costplan NAME --help */
	unsigned flags;      /* CMD_SCENARIO | CMD_SIMULATION | CMD_STEPS | CMD_TERRAFORM */
	int sim_months;      /* default --months (0: 12) */
	/* The formats it writes, the first the default, ended by write == NULL;
	 * NULL: no --format and no -o (the command writes no report). */
	const struct cmd_format *formats;
	const struct option *options; /* its own, ended by name == NULL; or NULL */
	/* Its own options: 1 handled, 0 unknown, or minus an exit code. */
	int (*option)(struct cmd_args *a, int opt, const char *arg);
	int (*run)(struct cmd_args *a);
	/* A command of subcommands (`pricing list`): argv[1] names one, whose
	 * name is "<this> <it>"; the rest is its own. NULL-terminated. */
	const struct cmd *const *subcommands;
};

/* Parse argv (argv[0] is the command's name) and run the command. */
int cmd_main(const struct cmd *c, int argc, char **argv, struct cp_ctx *ctx);

/* Write data with the renderer of a->fmt to -o FILE (atomically) or stdout.
 * Returns 0 or CP_EXIT_IO (message printed). */
int cmd_write(const struct cmd_args *a, const void *data);

/* For formats that cannot show them inline (CSV, ...): the what-if overrides
 * ("what-if: ..." notes) and warnings, on stderr. */
void cmd_echo_whatif(char *const *notes, size_t n);
void cmd_echo_warnings(char *const *warnings, size_t n);

/* A positional count check: "NAME takes at most MAX SCENARIO"-style error. */
int cmd_too_many(const struct cmd_args *a, const char *what);

/* Load and validate the scenario the options describe, overlays applied
 * and recorded as notes (caller releases). */
int scenario_opts_load(const struct scenario_opts *o, struct scenario *out);
/* The overlaid document instead: *doc is a new reference, *path the
 * resolved file (caller frees), notes as in overlay.h. */
int scenario_opts_doc(const struct scenario_opts *o, json_t **doc, char **path, char ***notes,
		      size_t *nnotes);
/* Cost options matching the scenario options. */
void scenario_opts_cost(const struct scenario_opts *o, struct cost_options *co);

/* The upgrade path of the (overlaid) scenario with the --steps and
 * --assume options: *set and *path filled on 0 (release both). */
int cmd_upgrade_path(const struct cmd_args *a, struct upgrade_set *set, struct upgrade_path *path);
/*
 * The same where the upgrade path is optional (export, report): steps that
 * do not fit the scenario (CP_EXIT_DATA) print nothing and *why says the
 * last (summing-up) reason, for the caller's one warning (caller frees); any other
 * failure is printed as usual.
 */
int cmd_upgrade_path_optional(const struct cmd_args *a, struct upgrade_set *set,
			      struct upgrade_path *path, char **why);

/* A whole number option in [lo, hi]; 0 or CP_EXIT_USAGE (message printed). */
int cmd_parse_long(const char *opt, const char *arg, long lo, long hi, long *out);
/* A non-negative USD amount option; 0 or CP_EXIT_USAGE. */
int cmd_parse_amount(const char *opt, const char *arg, dec *out);

/* The commands (cmd/<name>.c). */
extern const struct cmd CMD_BREAKDOWN, CMD_UPGRADES, CMD_COMPARE, CMD_SIMULATE, CMD_DIFF,
	CMD_EXPORT, CMD_REPORT, CMD_PRICING, CMD_TYPES;

/* The command table (main.c), NULL-terminated. */
extern const struct cmd *const COMMANDS[];

#endif
