/*
 * strings.c - see strings.h.
 */
#include "util/strings.h"

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
