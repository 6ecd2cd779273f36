/*
 * format.c - --format parsing and the colour decision.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"
#include "util/error.h"

static const char *const NAMES[] = {"table", "json", "csv", "markdown", "html", "xlsx"};

const char *report_format_name(enum report_format f)
{
	return (unsigned)f < 6 ? NAMES[f] : "?";
}

int report_format_parse(const char *s, unsigned allowed, enum report_format *out)
{
	char list[128] = "";
	for (int i = 0; i < 6; i++) {
		if (!(allowed & (1u << i)))
			continue;
		if (strcmp(s, NAMES[i]) == 0 || (i == FMT_MARKDOWN && strcmp(s, "md") == 0)) {
			*out = (enum report_format)i;
			return 0;
		}
		if (list[0])
			strcat(list, ", ");
		strcat(list, NAMES[i]);
	}
	char buf[64];
	return cp_error(CP_EXIT_USAGE, "unknown --format '%s'; choose one of: %s",
			cp_sanitize(s, buf, sizeof(buf)), list);
}

bool report_want_color(FILE *f)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	if (nc && nc[0])
		return false;
	if (term && strcmp(term, "dumb") == 0)
		return false;
	return isatty(fileno(f)) == 1;
}
