/*
 * strings.h - small string helpers every layer uses: edit distance and the
 * "did you mean" suggestion built on it.
 */
#ifndef COSTPLAN_STRINGS_H
#define COSTPLAN_STRINGS_H

#include <stddef.h>

/* Levenshtein distance (insertions, deletions, substitutions of bytes). */
size_t edit_distance(const char *a, const char *b);

/*
 * The candidate in a NULL-terminated list nearest to word by edit distance,
 * or NULL when nothing is close enough to suggest (within 2 edits for short
 * words, a third of the length for longer ones; words over 64 bytes are
 * never matched).
 */
const char *nearest_word(const char *word, const char *const *candidates);

/* A unit as a quantity reads with it: "1 month", "-1 month", "2 months",
 * "1 IP-hour" (the last word made singular for 1 and -1). Into buf. */
const char *unit_for_quantity(double qty, const char *unit, char *buf, size_t size);

#endif
