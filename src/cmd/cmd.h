/*
 * cmd.h - the subcommands and what main() hands them.
 *
 * Each subcommand lives in src/cmd_<name>.c with its options and usage
 * text side by side, and returns an exit code (util/error.h). main() parses
 * the global options, finds the command in its table and runs it.
 */
#ifndef COSTPLAN_CMD_H
#define COSTPLAN_CMD_H

#include <stdbool.h>

#include "pricing/catalog.h"

struct cp_ctx {
	char *pricing_dir;     /* resolved snapshot folder */
	struct catalog *cat;   /* over pricing_dir */
	bool color;            /* colour allowed on stdout */
	const char *argv0;
	char *command_line;    /* the full command, for reports that quote it */
};

typedef int (*cmd_fn)(int argc, char **argv, struct cp_ctx *ctx);

struct cmd {
	const char *name;
	cmd_fn fn;
	const char *summary;
};

int cmd_breakdown(int argc, char **argv, struct cp_ctx *ctx);
int cmd_diff(int argc, char **argv, struct cp_ctx *ctx);
int cmd_export(int argc, char **argv, struct cp_ctx *ctx);
int cmd_pricing(int argc, char **argv, struct cp_ctx *ctx);
int cmd_types(int argc, char **argv, struct cp_ctx *ctx);
int cmd_upgrades(int argc, char **argv, struct cp_ctx *ctx);
int cmd_compare(int argc, char **argv, struct cp_ctx *ctx);
int cmd_report(int argc, char **argv, struct cp_ctx *ctx);
int cmd_simulate(int argc, char **argv, struct cp_ctx *ctx);

/* The command table (main.c), terminated by name == NULL. */
extern const struct cmd COMMANDS[];

#endif
