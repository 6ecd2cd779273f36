/*
 * cmd_pricing.h - the `pricing` subcommands that live outside
 * cmd_pricing.c (which holds the table PRICING_COMMANDS and `list`).
 * Each takes (argc, argv) starting at its own name, like a command.
 */
#ifndef COSTPLAN_CMD_PRICING_H
#define COSTPLAN_CMD_PRICING_H

#include "cmd/cmd.h"

int pricing_fetch(int argc, char **argv, struct cp_ctx *ctx);
int pricing_import(int argc, char **argv, struct cp_ctx *ctx);
int pricing_diff(int argc, char **argv, struct cp_ctx *ctx);

#endif
