/*
 * cmd_compare.c - `costplan compare` (placeholder until its first version).
 */
#include "cmd.h"
#include "util/error.h"

int cmd_compare(int argc, char **argv, struct cp_ctx *ctx)
{
	(void)argc;
	(void)argv;
	(void)ctx;
	return cp_error(CP_EXIT_USAGE, "compare: not built yet");
}
