/*
 * traffic.c - see traffic.h for the model.
 */
/* inline gsl_rng_uniform (GSL's headers define it when HAVE_INLINE is set) */
#define HAVE_INLINE 1
#include "sim/traffic.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "sim/billing.h"
#include "util/error.h"

void traffic_init(struct traffic_gen *g, const struct svc_traffic *t, long minutes)
{
	memset(g, 0, sizeof(*g));
	g->t = t;
	g->minutes = minutes;
	g->days = (minutes + SIM_MINUTES_PER_DAY - 1) / SIM_MINUTES_PER_DAY;
	for (int m = 0; m < SIM_MINUTES_PER_WEEK; m++) {
		int day = m / SIM_MINUTES_PER_DAY; /* 0 = Monday */
		double hour = (m % SIM_MINUTES_PER_DAY + 0.5) / 60.0;
		double d = 1 + t->diurnal_amplitude * cos(2 * M_PI * (hour - t->peak_hour) / 24);
		g->shape[m] = d * (day >= 5 ? t->weekend_factor : 1);
	}
	double per_min = log1p(t->monthly_growth) / SIM_MINUTES_PER_MONTH;
	g->growth_minute = exp(per_min);
	g->growth_day = xmalloc((size_t)g->days * sizeof(double));
	for (long d = 0; d < g->days; d++)
		g->growth_day[d] = exp(per_min * (double)(d * SIM_MINUTES_PER_DAY));
	g->day_factor = xmalloc((size_t)g->days * sizeof(double));
	traffic_tables(); /* the Poisson sampler's tables, before the first draw */
}

void traffic_free(struct traffic_gen *g)
{
	free(g->growth_day);
	free(g->day_factor);
	free(g->spikes);
	memset(g, 0, sizeof(*g));
}

static int spike_cmp(const void *a, const void *b)
{
	const struct spike *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

void traffic_new_run(struct traffic_gen *g, gsl_rng *r)
{
	const struct svc_traffic *t = g->t;
	double s = t->day_sigma;
	for (long d = 0; d < g->days; d++)
		g->day_factor[d] = s > 0 ? exp(s * gsl_ran_gaussian_ziggurat(r, 1.0) - s * s / 2) : 1.0;
	g->nspikes = 0;
	double mean = t->spikes_per_month * (double)g->minutes / SIM_MINUTES_PER_MONTH;
	long k = mean > 0 ? (long)gsl_ran_poisson(r, mean) : 0;
	if (k > g->capspikes) {
		g->capspikes = k;
		g->spikes = xrealloc(g->spikes, (size_t)k * sizeof(*g->spikes));
	}
	for (long i = 0; i < k; i++) {
		struct spike *sp = &g->spikes[g->nspikes++];
		double dur = gsl_ran_exponential(r, t->spike_minutes);
		double mult = t->spike_magnitude_median *
			      exp(t->spike_magnitude_sigma * gsl_ran_gaussian_ziggurat(r, 1.0));
		sp->start = (long)gsl_rng_uniform_int(r, (unsigned long)g->minutes);
		if (dur < 1)
			dur = 1;
		if (dur > SIM_MINUTES_PER_WEEK)
			dur = SIM_MINUTES_PER_WEEK;
		sp->end = sp->start + (long)ceil(dur);
		sp->mult = mult < 1 ? 1 : mult;
	}
	if (g->nspikes > 1)
		qsort(g->spikes, (size_t)g->nspikes, sizeof(*g->spikes), spike_cmp);
}

void traffic_day_rates(const struct traffic_gen *g, long d, double *rate)
{
	const struct svc_traffic *t = g->t;
	long m0 = d * SIM_MINUTES_PER_DAY;
	const double *shape = g->shape + (m0 % SIM_MINUTES_PER_WEEK);
	double f = t->rps * g->day_factor[d] * g->growth_day[d];
	double gm = g->growth_minute;
	for (int i = 0; i < SIM_MINUTES_PER_DAY; i++) {
		rate[i] = f * shape[i];
		f *= gm;
	}
	long m1 = m0 + SIM_MINUTES_PER_DAY;
	for (long i = 0; i < g->nspikes && g->spikes[i].start < m1; i++) {
		const struct spike *sp = &g->spikes[i];
		if (sp->end <= m0)
			continue;
		long a = sp->start > m0 ? sp->start : m0, b = sp->end < m1 ? sp->end : m1;
		for (long m = a; m < b; m++)
			rate[m - m0] *= sp->mult;
	}
}

double traffic_rate(const struct traffic_gen *g, long minute)
{
	double rate[SIM_MINUTES_PER_DAY];
	traffic_day_rates(g, minute / SIM_MINUTES_PER_DAY, rate);
	return rate[minute % SIM_MINUTES_PER_DAY];
}

/*
 * Poisson variates on the GSL generator. gsl_ran_poisson costs 60-700 ns
 * a draw here (it reduces through gamma and binomial variates); the
 * simulation needs one draw per service-minute, so we use two exact
 * methods instead: inversion by sequential search below mean 10 (one
 * uniform), and Hoermann's transformed rejection with squeeze (PTRS,
 * "The transformed rejection method for generating Poisson random
 * variables", 1993) from 10 up (two uniforms per try, ~90% accepted on
 * the fast path). Both are exact; the tests check mean and variance.
 */
#define LGAMMA_TABLE 2048
#define INV_TABLE 201
static double lgamma_table[LGAMMA_TABLE]; /* lgamma(k + 1) = log(k!) */
static double inv_table[INV_TABLE];       /* 1 / k: no division in the search */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void tables_init(void)
{
	for (int k = 0; k < LGAMMA_TABLE; k++)
		lgamma_table[k] = lgamma(k + 1.0);
	for (int k = 1; k < INV_TABLE; k++)
		inv_table[k] = 1.0 / k;
}

void traffic_tables(void)
{
	pthread_once(&tables_once, tables_init);
}

static inline double log_factorial(double k)
{
	return k < LGAMMA_TABLE ? lgamma_table[(int)k] : lgamma(k + 1);
}

double traffic_poisson(gsl_rng *r, double mu)
{
	/* the tables are built by traffic_tables() (traffic_init, mc_run) */
	if (!(mu > 0))
		return 0;
	if (mu < 10) {
		double u = gsl_rng_uniform(r), p = exp(-mu), c = p;
		int k = 0;
		while (u > c && k < INV_TABLE - 1) {
			k++;
			p *= mu * inv_table[k];
			c += p;
		}
		return (double)k;
	}
	double slam = sqrt(mu);
	double b = 0.931 + 2.53 * slam;
	double a = -0.059 + 0.02483 * b;
	double vr = 0.9277 - 3.6224 / (b - 2);
	double loglam = -1, invalpha = 0;
	for (;;) {
		double U = gsl_rng_uniform(r) - 0.5;
		double V = gsl_rng_uniform(r);
		double us = 0.5 - fabs(U);
		double k = floor((2 * a / us + b) * U + mu + 0.43);
		if (us >= 0.07 && V <= vr)
			return k;
		if (k < 0 || (us < 0.013 && V > us))
			continue;
		if (loglam < 0) {
			loglam = log(mu);
			invalpha = 1.1239 + 1.1328 / (b - 3.4);
		}
		if (log(V * invalpha / (a / (us * us) + b)) <= -mu + k * loglam - log_factorial(k))
			return k;
	}
}

double traffic_arrivals(const struct traffic_gen *g, gsl_rng *r, double rate)
{
	double mu = rate * 60;
	if (!g->t->poisson)
		return mu;
	return traffic_poisson(r, mu);
}
