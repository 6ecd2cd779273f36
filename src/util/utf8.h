/*
 * utf8.h - UTF-8 checks for text that came from input files.
 *
 * Everything costplan reads is meant to be UTF-8: jansson enforces it for
 * JSON, and the CSV reader checks it with utf8_valid(), so every string in
 * a scenario, plan or price table is valid UTF-8 and every JSON document
 * we write is valid too. utf8_next() lets the terminal and message
 * writers find code points that would act on a terminal (C1 controls such
 * as U+009B, the 8-bit CSI) or reorder what the reader sees (bidirectional
 * overrides, "Trojan Source").
 *
 * No allocation; nothing to free.
 */
#ifndef COSTPLAN_UTF8_H
#define COSTPLAN_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Is s[0..n) well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF)? */
bool utf8_valid(const char *s, size_t n);
/*
 * Decode the code point at s (NUL-terminated). Returns its length in bytes
 * (1 to 4) and sets *cp, or returns 1 with *cp = -1 for a byte that does
 * not start a well-formed sequence.
 */
int utf8_next(const char *s, long *cp);
/*
 * Should a code point be shown escaped rather than written to a terminal:
 * C0/C1 controls, DEL, bidi embeddings/overrides/isolates (U+202A-202E,
 * U+2066-2069), and -1 (a malformed byte).
 */
bool utf8_unsafe_for_terminal(long cp);

#endif
