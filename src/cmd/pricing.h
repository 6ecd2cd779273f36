/*
 * pricing.h - the `pricing` subcommands, each a command on the skeleton
 * (cmd.h): list (pricing.c, which holds the subcommand table), fetch,
 * import and diff (pricing_fetch.c, pricing_import.c, pricing_diff.c).
 */
#ifndef COSTPLAN_CMD_PRICING_H
#define COSTPLAN_CMD_PRICING_H

#include "cmd/cmd.h"

extern const struct cmd CMD_PRICING_LIST, CMD_PRICING_FETCH, CMD_PRICING_IMPORT,
	CMD_PRICING_DIFF;

#endif
