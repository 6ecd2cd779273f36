/*
 * decimal.h - exact money and quantities.
 *
 * A dec is a signed fixed-point number with 12 decimal places held in a
 * 128-bit integer: prices (AWS publishes 10 places), quantities and sums are
 * all exact; nothing is ever summed in binary floating point. Products are
 * rounded half away from zero at the 12th place. Values are plain structs:
 * no allocation, no ownership.
 *
 * Range: about +-1.7e26. Operations that could overflow return -1 and leave
 * *out untouched, so the caller can report "number too large".
 */
#ifndef COSTPLAN_DECIMAL_H
#define COSTPLAN_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DEC_PLACES 12

typedef struct {
	__int128 v; /* value x 10^12 */
} dec;

/* Largest magnitude accepted from input: 10^15 (a quadrillion). */
#define DEC_INPUT_MAX_DIGITS 15

dec dec_zero(void);
dec dec_from_int(int64_t i);
/* num / 10^places, exactly (places <= 12). */
dec dec_from_scaled(int64_t num, int places);
/*
 * Parse "12", "-0.5", "0.0404800000", "1.0E-4", "2e3". No spaces, no
 * hex, no inf/nan. Digits beyond the 12th place are rounded half away from
 * zero. Returns 0, or -1 when s is not such a number or its magnitude is
 * 10^15 or more.
 */
int dec_parse(const char *s, dec *out);
/* Convert a finite double (simulation output); -1 for NaN/inf/too large. */
int dec_from_double(double d, dec *out);
double dec_to_double(dec a);

dec dec_add(dec a, dec b);
dec dec_sub(dec a, dec b);
dec dec_neg(dec a);
int dec_mul(dec a, dec b, dec *out);
/* a / b rounded half away from zero; -1 on b == 0 or overflow. */
int dec_div(dec a, dec b, dec *out);
int dec_cmp(dec a, dec b);
bool dec_is_zero(dec a);
dec dec_min(dec a, dec b);
dec dec_max(dec a, dec b);
/* Smallest integer >= a, as a dec. */
dec dec_ceil(dec a);

/* Round half away from zero to `places` decimals (cents: 2). */
dec dec_round(dec a, int places);
static inline dec dec_round_cents(dec a) { return dec_round(a, 2); }

/*
 * Format with exactly `places` decimals (rounding half away from zero),
 * e.g. dec_format(x, 2, ...) -> "16.43". Returns buf.
 */
char *dec_format(dec a, int places, char *buf, size_t size);
/* Format with up to 12 decimals, trailing zeros removed: "0.0225", "730". */
char *dec_format_trim(dec a, char *buf, size_t size);
/* "$1,234.56" (cents, thousands separators, leading '-' when negative). */
char *dec_format_usd(dec a, char *buf, size_t size);

#define DEC_BUFSZ 64

#endif
