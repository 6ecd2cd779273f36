/*
 * stats.c - see stats.h.
 */
#include "sim/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

size_t stat_rank(double q, size_t n)
{
	if (n == 0)
		return 0;
	double r = ceil(q * (double)n - 1e-9);
	size_t k = r < 1 ? 1 : (size_t)r;
	return (k > n ? n : k) - 1;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void stat_cents(const int64_t *v, size_t n, struct cstat *out)
{
	memset(out, 0, sizeof(*out));
	if (!n)
		return;
	int64_t *s = xmalloc(n * sizeof(*s));
	__int128 sum = 0;
	memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp_i64);
	for (size_t i = 0; i < n; i++)
		sum += s[i];
	out->p5 = s[stat_rank(0.05, n)];
	out->p50 = s[stat_rank(0.50, n)];
	out->p95 = s[stat_rank(0.95, n)];
	__int128 half = (__int128)n / 2;
	out->mean = (int64_t)(sum >= 0 ? (sum + half) / (__int128)n : -((-sum + half) / (__int128)n));
	free(s);
}

void stat_double(const double *v, size_t n, struct dstat *out)
{
	memset(out, 0, sizeof(*out));
	if (!n)
		return;
	double *s = xmalloc(n * sizeof(*s));
	double sum = 0;
	memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp_dbl);
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	out->p5 = s[stat_rank(0.05, n)];
	out->p50 = s[stat_rank(0.50, n)];
	out->p95 = s[stat_rank(0.95, n)];
	out->mean = sum / (double)n;
	free(s);
}

double stat_hist(const unsigned long *h, int bins, double width, double q)
{
	unsigned long long total = 0, acc = 0;
	for (int i = 0; i < bins; i++)
		total += h[i];
	if (!total)
		return 0;
	size_t k = stat_rank(q, (size_t)total);
	for (int i = 0; i < bins; i++) {
		acc += h[i];
		if (acc > k)
			return i * width;
	}
	return (bins - 1) * width;
}
