/*
 * decimal.c - 128-bit fixed point with 12 places. See decimal.h.
 */
#include "util/decimal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const __int128 SCALE = (__int128)1000000000000LL; /* 10^12 */

static __int128 pow10i(int n)
{
	__int128 p = 1;
	while (n-- > 0)
		p *= 10;
	return p;
}

dec dec_zero(void)
{
	dec d = {0};
	return d;
}

dec dec_from_int(int64_t i)
{
	dec d = {(__int128)i * SCALE};
	return d;
}

dec dec_from_scaled(int64_t num, int places)
{
	dec d = {(__int128)num * pow10i(DEC_PLACES - places)};
	return d;
}

/* Divide by a positive divisor, rounding half away from zero. */
static __int128 div_round(__int128 n, __int128 d)
{
	__int128 q = n / d, r = n % d;
	if (r < 0)
		r = -r;
	if (2 * r >= d)
		q += (n < 0) ? -1 : 1;
	return q;
}

int dec_parse(const char *s, dec *out)
{
	__int128 mant = 0;
	int neg = 0, frac = 0, digits = 0, exp = 0, seen_dot = 0, sig = 0;
	const char *p = s;

	if (!s)
		return -1;
	if (*p == '-' || *p == '+')
		neg = (*p++ == '-');
	if (!(*p >= '0' && *p <= '9') && !(*p == '.' && p[1] >= '0' && p[1] <= '9'))
		return -1;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			if (mant == 0 && *p == '0') {
				if (seen_dot)
					frac++;
				continue;
			}
			if (++sig > 36)
				return -1; /* more precision than we could ever hold */
			mant = mant * 10 + (*p - '0');
			if (seen_dot)
				frac++;
		} else if (*p == '.' && !seen_dot) {
			seen_dot = 1;
		} else {
			break;
		}
	}
	if (!digits)
		return -1;
	if (*p == 'e' || *p == 'E') {
		int eneg = 0, edigits = 0;
		p++;
		if (*p == '-' || *p == '+')
			eneg = (*p++ == '-');
		for (; *p >= '0' && *p <= '9'; p++) {
			if (exp < 1000)
				exp = exp * 10 + (*p - '0');
			edigits++;
		}
		if (!edigits)
			return -1;
		if (eneg)
			exp = -exp;
	}
	if (*p)
		return -1;
	/* value = mant * 10^(exp - frac); we want value * 10^12 */
	int shift = DEC_PLACES + exp - frac;
	if (mant == 0) {
		*out = dec_zero();
		return 0;
	}
	if (shift >= 0) {
		/* integer digits of the value must stay below 10^15 */
		int intdigits = sig - frac + exp;
		if (intdigits > DEC_INPUT_MAX_DIGITS || shift > 38)
			return -1;
		mant *= pow10i(shift);
	} else {
		if (-shift > 38) {
			mant = 0;
		} else {
			mant = div_round(mant, pow10i(-shift));
		}
	}
	if (mant / SCALE >= pow10i(DEC_INPUT_MAX_DIGITS))
		return -1;
	out->v = neg ? -mant : mant;
	return 0;
}

int dec_from_double(double d, dec *out)
{
	char buf[64];
	if (!isfinite(d) || fabs(d) >= 1e15)
		return -1;
	/* Through decimal text: 12 places is beyond a double's precision. */
	snprintf(buf, sizeof(buf), "%.12f", d);
	return dec_parse(buf, out);
}

double dec_to_double(dec a)
{
	__int128 ip = a.v / SCALE, fp = a.v % SCALE;
	return (double)ip + (double)fp / 1e12;
}

dec dec_add(dec a, dec b)
{
	dec r = {a.v + b.v};
	return r;
}

dec dec_sub(dec a, dec b)
{
	dec r = {a.v - b.v};
	return r;
}

dec dec_neg(dec a)
{
	dec r = {-a.v};
	return r;
}

int dec_mul(dec a, dec b, dec *out)
{
	/* (a*b)/S computed as ah*b + (al*b)/S with a = ah*S + al: exact. */
	__int128 ah = a.v / SCALE, al = a.v % SCALE, hi, lo;
	if (__builtin_mul_overflow(ah, b.v, &hi))
		return -1;
	if (__builtin_mul_overflow(al, b.v, &lo)) {
		/* al*b overflows only when |b| > ~1.7e26 raw; split b too. */
		__int128 bh = b.v / SCALE, bl = b.v % SCALE, t;
		if (__builtin_mul_overflow(al, bh, &t))
			return -1;
		lo = t + div_round(al * bl, SCALE);
		if (__builtin_add_overflow(hi, lo, &hi))
			return -1;
		out->v = hi;
		return 0;
	}
	lo = div_round(lo, SCALE);
	if (__builtin_add_overflow(hi, lo, &hi))
		return -1;
	out->v = hi;
	return 0;
}

int dec_div(dec a, dec b, dec *out)
{
	__int128 n = a.v, d = b.v, q, r, f;
	int neg = 0;
	if (d == 0)
		return -1;
	if (n < 0) {
		n = -n;
		neg ^= 1;
	}
	if (d < 0) {
		d = -d;
		neg ^= 1;
	}
	q = n / d;
	r = n % d;
	if (__builtin_mul_overflow(q, SCALE, &q))
		return -1;
	/* fractional part, digit by digit to avoid r*SCALE overflow */
	f = 0;
	for (int i = 0; i < DEC_PLACES; i++) {
		r *= 10;
		f = f * 10 + r / d;
		r %= d;
	}
	if (2 * r >= d)
		f += 1;
	q += f;
	out->v = neg ? -q : q;
	return 0;
}

int dec_cmp(dec a, dec b)
{
	return (a.v > b.v) - (a.v < b.v);
}

bool dec_is_zero(dec a)
{
	return a.v == 0;
}

dec dec_min(dec a, dec b)
{
	return dec_cmp(a, b) <= 0 ? a : b;
}

dec dec_max(dec a, dec b)
{
	return dec_cmp(a, b) >= 0 ? a : b;
}

dec dec_ceil(dec a)
{
	__int128 q = a.v / SCALE, r = a.v % SCALE;
	if (r > 0)
		q += 1;
	dec d = {q * SCALE};
	return d;
}

dec dec_round(dec a, int places)
{
	if (places >= DEC_PLACES)
		return a;
	__int128 unit = pow10i(DEC_PLACES - places);
	dec d = {div_round(a.v, unit) * unit};
	return d;
}

static void u128_to_str(unsigned __int128 u, char *buf)
{
	char tmp[48];
	int n = 0;
	if (u <= UINT64_MAX) { /* the common case, without 128-bit division */
		uint64_t w = (uint64_t)u;
		do {
			tmp[n++] = (char)('0' + (int)(w % 10));
			w /= 10;
		} while (w);
	} else {
		do {
			tmp[n++] = (char)('0' + (int)(u % 10));
			u /= 10;
		} while (u);
	}
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

char *dec_format(dec a, int places, char *buf, size_t size)
{
	char out[48 + 2 + DEC_PLACES];
	dec r = dec_round(a, places);
	unsigned __int128 u = r.v < 0 ? (unsigned __int128)(-r.v) : (unsigned __int128)r.v;
	unsigned __int128 s = (unsigned __int128)SCALE;
	/* by hand, not snprintf: reports format tens of thousands of these */
	size_t n = 0;
	if (r.v < 0)
		out[n++] = '-';
	u128_to_str(u / s, out + n);
	n += strlen(out + n);
	if (places > 0) {
		unsigned long long f = (unsigned long long)(u % s);
		char fp[DEC_PLACES];
		for (int i = DEC_PLACES - 1; i >= 0; i--, f /= 10)
			fp[i] = (char)('0' + (int)(f % 10));
		out[n++] = '.';
		size_t k = places < DEC_PLACES ? (size_t)places : DEC_PLACES;
		memcpy(out + n, fp, k);
		n += k;
	}
	if (size > 0) {
		if (n > size - 1)
			n = size - 1;
		memcpy(buf, out, n);
		buf[n] = '\0';
	}
	return buf;
}

char *dec_format_trim(dec a, char *buf, size_t size)
{
	dec_format(a, DEC_PLACES, buf, size);
	char *dot = strchr(buf, '.');
	if (dot) {
		char *e = buf + strlen(buf) - 1;
		while (e > dot && *e == '0')
			*e-- = '\0';
		if (e == dot)
			*e = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	return buf;
}

char *dec_format_usd(dec a, char *buf, size_t size)
{
	char raw[DEC_BUFSZ], out[DEC_BUFSZ * 2];
	dec_format(a, 2, raw, sizeof(raw));
	const char *p = raw;
	int neg = (*p == '-');
	if (neg)
		p++;
	const char *dot = strchr(p, '.');
	size_t intlen = (size_t)(dot - p), o = 0;
	if (neg)
		out[o++] = '-';
	out[o++] = '$';
	for (size_t i = 0; i < intlen; i++) {
		if (i && (intlen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = p[i];
	}
	strcpy(out + o, dot);
	snprintf(buf, size, "%s", out);
	return buf;
}
