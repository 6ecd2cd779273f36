/*
 * jsonw.h - a small streaming JSON writer with exact numbers.
 *
 * jansson would print money through a double (32.85 -> 32.850000000000001);
 * this writer takes numbers as decimal text, so money and prices appear
 * exactly as computed. Output is indented by two spaces, like jq.
 * No allocation; state lives in the struct.
 */
#ifndef COSTPLAN_JSONW_H
#define COSTPLAN_JSONW_H

#include <stdbool.h>
#include <stdio.h>

#include "util/decimal.h"

#define JSONW_MAX_DEPTH 32

struct jsonw {
	FILE *f;
	int depth;
	bool first[JSONW_MAX_DEPTH];
	bool after_key;
};

void jw_init(struct jsonw *w, FILE *f);
void jw_obj(struct jsonw *w);
void jw_obj_end(struct jsonw *w);
void jw_arr(struct jsonw *w);
void jw_arr_end(struct jsonw *w);
void jw_key(struct jsonw *w, const char *k);
void jw_str(struct jsonw *w, const char *s);
void jw_num_text(struct jsonw *w, const char *digits); /* already a JSON number */
void jw_int(struct jsonw *w, long long v);
void jw_bool(struct jsonw *w, bool v);
void jw_null(struct jsonw *w);
void jw_money(struct jsonw *w, dec v); /* cents: 32.85 */
void jw_dec(struct jsonw *w, dec v);   /* full precision, trimmed: 0.0225 */
void jw_double(struct jsonw *w, double v, int sig); /* statistics; NaN -> null */
/* Write the closing newline after the top value. */
void jw_end(struct jsonw *w);
/* "key": ["a", "b", ...] */
void jw_strings(struct jsonw *w, const char *key, char *const *v, size_t n);
/* "pricing": {"source": ..., "published": ...} (the JSON contract's block) */
void jw_pricing(struct jsonw *w, const char *source, const char *published);

/* Write s as a JSON string literal (quotes and escapes) to f. */
void json_write_string(FILE *f, const char *s);

#endif
