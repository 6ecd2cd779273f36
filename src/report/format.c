/*
 * format.c - --format parsing and the colour decision.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"
#include "util/error.h"
#include "util/strings.h"

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

const char *report_free_reason(const struct cost_item *it)
{
	return it->free_reason ? it->free_reason
			       : "AWS charges nothing for it as configured (its billed options are off)";
}

size_t report_free_groups(const struct breakdown *b, struct free_group **out)
{
	struct free_group *g = NULL;
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		if (!it->free)
			continue;
		const char *why = report_free_reason(it);
		size_t k;
		for (k = 0; k < n && strcmp(g[k].reason, why) != 0; k++)
			;
		if (k == n) {
			g = xrealloc(g, (n + 1) * sizeof(*g));
			g[n++] = (struct free_group){why, NULL, 0};
		}
		g[k].items = xrealloc(g[k].items, (g[k].n + 1) * sizeof(*g[k].items));
		g[k].items[g[k].n++] = it;
	}
	*out = g;
	return n;
}

void report_free_groups_release(struct free_group *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(g[i].items);
	free(g);
}

const char *report_item_name(const struct cost_item *it, char *buf, size_t size)
{
	if (it->count != 1)
		snprintf(buf, size, "%s (x%d)", it->address, it->count);
	else
		snprintf(buf, size, "%s", it->address);
	return buf;
}

bool report_warning_is_unpriced_line(const struct breakdown *b, const char *w)
{
	if (strncmp(w, "not priced: ", 12) != 0)
		return false;
	w += 12;
	for (size_t i = 0; i < b->nunpriced; i++) {
		size_t n = strlen(b->unpriced[i].address);
		if (strncmp(w, b->unpriced[i].address, n) == 0 && w[n] == ':' && w[n + 1] == ' ' &&
		    strcmp(w + n + 2, b->unpriced[i].why) == 0)
			return true;
	}
	return false;
}

const char *report_unit_for(double qty, const char *unit, char *buf, size_t size)
{
	return unit_for_quantity(qty, unit, buf, size);
}
