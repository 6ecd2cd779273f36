/*
 * main.c - global options and the subcommand table.
 *
 *   costplan [--pricing DIR] [--quiet] [--no-color] COMMAND [ARGS]
 *
 * Global options may appear anywhere on the line. main() owns the context
 * (pricing folder, catalog) and one cleanup path, and checks stdout before
 * exiting so a full disk or a closed pipe never passes for success.
 */
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cost/types/registry.h"
#include "report/report.h"
#include "util/error.h"
#include "util/strings.h"
#include "util/output.h"
#include "util/paths.h"

const struct cmd *const COMMANDS[] = {
	&CMD_BREAKDOWN, &CMD_UPGRADES, &CMD_COMPARE, &CMD_SIMULATE, &CMD_DIFF,
	&CMD_EXPORT,    &CMD_REPORT,   &CMD_PRICING, &CMD_TYPES,    NULL,
};

static void usage(FILE *f)
{
	fprintf(f, "usage: costplan [--pricing DIR] [--quiet] [--no-color] COMMAND [ARGS]\n"
		   "       costplan --version | --help\n\ncommands:\n");
	for (const struct cmd *const *c = COMMANDS; *c; c++)
		fprintf(f, "  %-11s %s\n", (*c)->name, (*c)->summary);
	fprintf(f, "\n`costplan COMMAND --help` describes each. Exit codes: 0 ok, 1 guardrail "
		   "tripped,\n2 usage, 3 bad input data, 4 I/O or network, 5 internal error.\n");
}

/* The command line as a shell would need it typed again: arguments with
 * anything but safe characters are single-quoted. Caller frees. */
static char *join_args(int argc, char **argv)
{
	size_t n = 1;
	for (int i = 0; i < argc; i++)
		n += 4 * strlen(argv[i]) + 3;
	char *s = xmalloc(n), *o = s;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		int plain = a[0] != '\0';
		for (const char *p = a; *p; p++)
			if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789-_./=:,+@%", *p))
				plain = 0;
		if (i)
			*o++ = ' ';
		if (plain) {
			strcpy(o, a);
			o += strlen(a);
			continue;
		}
		*o++ = '\'';
		for (const char *p = a; *p; p++) {
			if (*p == '\'') {
				memcpy(o, "'\\''", 4);
				o += 4;
			} else {
				*o++ = *p;
			}
		}
		*o++ = '\'';
	}
	*o = '\0';
	return s;
}

int main(int argc, char **argv)
{
	struct cp_ctx ctx;
	const char *pricing = NULL;
	int rc = 0, n = 0;
	bool no_color = false;
	char **args = xcalloc((size_t)argc + 1, sizeof(char *));

	memset(&ctx, 0, sizeof(ctx));
	gsl_set_error_handler_off();
	resource_types_install();
	ctx.argv0 = argv[0];
	ctx.command_line = join_args(argc, argv);
	/* pull global options out, wherever they are */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			for (; i < argc; i++)
				args[n++] = argv[i];
			break;
		}
		if (strcmp(argv[i], "--pricing") == 0) {
			if (i + 1 >= argc) {
				rc = cp_error(CP_EXIT_USAGE, "--pricing needs a folder");
				goto out;
			}
			pricing = argv[++i];
		} else if (strncmp(argv[i], "--pricing=", 10) == 0) {
			pricing = argv[i] + 10;
		} else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
			cp_quiet = 1;
		} else if (strcmp(argv[i], "--no-color") == 0) {
			no_color = true;
		} else {
			args[n++] = argv[i];
		}
	}
	if (n == 0) {
		usage(stderr);
		rc = CP_EXIT_USAGE;
		goto out;
	}
	if (strcmp(args[0], "--help") == 0 || strcmp(args[0], "-h") == 0 ||
	    strcmp(args[0], "help") == 0) {
		usage(stdout);
		goto out;
	}
	if (strcmp(args[0], "--version") == 0) {
		printf("costplan %s\n", COSTPLAN_VERSION);
		goto out;
	}
	const struct cmd *c = NULL;
	for (const struct cmd *const *k = COMMANDS; *k; k++)
		if (strcmp((*k)->name, args[0]) == 0)
			c = *k;
	if (!c) {
		const char *names[32];
		int k = 0;
		for (const struct cmd *const *x = COMMANDS; *x && k < 31; x++)
			names[k++] = (*x)->name;
		names[k] = NULL;
		const char *near = nearest_word(args[0], names);
		char buf[64];
		rc = cp_error(CP_EXIT_USAGE, "'%s' is not a costplan command%s%s%s; see costplan --help",
			      cp_sanitize(args[0], buf, sizeof(buf)), near ? " (did you mean '" : "",
			      near ? near : "", near ? "'?)" : "");
		goto out;
	}
	ctx.pricing_dir = paths_pricing_dir(pricing);
	ctx.cat = catalog_new(ctx.pricing_dir);
	ctx.color = !no_color && report_want_color(stdout);
	rc = cmd_main(c, n, args, &ctx);
out:
	/* a command that already failed (maybe on stdout itself) said why */
	if (rc == 0 && out_check_stdout() != 0)
		rc = CP_EXIT_IO;
	if (fclose(stdout) != 0 && rc == 0)
		rc = cp_error(CP_EXIT_IO, "error writing output");
	catalog_free(ctx.cat);
	free(ctx.pricing_dir);
	free(ctx.command_line);
	free(args);
	return rc;
}
