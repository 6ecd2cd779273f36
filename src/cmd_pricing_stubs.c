#include "cmd_pricing.h"
#include "util/error.h"
int pricing_diff(int argc, char **argv, struct cp_ctx *ctx) { (void)argc; (void)argv; (void)ctx; return cp_error(5, "todo"); }
