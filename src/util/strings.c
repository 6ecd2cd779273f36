/*
 * strings.c - see strings.h.
 */
#include "util/strings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	size_t stack[2][129];
	size_t *prev = stack[0], *cur = stack[1], *heap = NULL;
	if (m > 128) {
		heap = xcalloc(2 * (m + 1), sizeof(size_t));
		prev = heap;
		cur = heap + m + 1;
	}
	for (size_t j = 0; j <= m; j++)
		prev[j] = j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t d = prev[m];
	free(heap);
	return d;
}

const char *nearest_word(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1, len = strlen(word);
	if (len > 64)
		return NULL;
	for (const char *const *c = candidates; c && *c; c++) {
		if (strlen(*c) > 64)
			continue;
		size_t d = edit_distance(word, *c);
		if (d < bestd) {
			bestd = d;
			best = *c;
		}
	}
	size_t limit = len < 6 ? 2 : len / 3 + 1;
	return best && bestd <= limit ? best : NULL;
}

/* Plural words a unit may end in, whose singular drops the final "s". */
static const char *const PLURALS[] = {
	"hours",   "months",  "seconds",  "minutes",  "requests",     "metrics",  "alarms",
	"dashboards", "units", "secrets", "keys",     "objects",      "messages", "notifications",
	"rules",   "zones",   "URLs",     "events",   "tasks",        "nodes",    "instances",
	"days",    "connections", "evaluations", "calls", "parameters", "queries", NULL,
};

const char *unit_for_quantity(double qty, const char *unit, char *buf, size_t size)
{
	snprintf(buf, size, "%s", unit ? unit : "");
	if (qty != 1.0 && qty != -1.0)
		return buf;
	size_t n = strlen(buf);
	size_t start = n;
	while (start > 0 && buf[start - 1] != '-' && buf[start - 1] != ' ')
		start--;
	for (int i = 0; PLURALS[i]; i++)
		if (strcmp(buf + start, PLURALS[i]) == 0) {
			if (strcmp(PLURALS[i], "queries") == 0)
				snprintf(buf + start, size - start, "query");
			else
				buf[n - 1] = '\0';
			break;
		}
	return buf;
}
