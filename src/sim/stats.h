/*
 * stats.h - percentiles and means of Monte Carlo samples.
 *
 * Percentiles are nearest-rank (the ceil(q x n)-th smallest sample), so a
 * money percentile is always a bill some run really had, in exact cents.
 * Means of cents are integer sums divided and rounded half away from zero.
 * No I/O, no state.
 */
#ifndef COSTPLAN_SIM_STATS_H
#define COSTPLAN_SIM_STATS_H

#include <stddef.h>
#include <stdint.h>

struct cstat {
	int64_t p5, p50, p95, mean; /* cents */
};

struct dstat {
	double p5, p50, p95, mean;
};

/* Index of the q-quantile among n sorted samples (nearest rank). */
size_t stat_rank(double q, size_t n);
void stat_cents(const int64_t *v, size_t n, struct cstat *out);
void stat_double(const double *v, size_t n, struct dstat *out);
/* q-quantile of a histogram of bins covering [0, width x bins); returns the bin's value. */
double stat_hist(const unsigned long *h, int bins, double width, double q);

#endif
