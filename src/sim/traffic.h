/*
 * traffic.h - request rate and arrivals of one service, minute by minute.
 *
 *   rate(t) = base x (1 + growth)^(t / month) x shape(minute of week)
 *             x day factor(day) x spike(t)                  [requests/s]
 *   shape   = (1 + a cos(2 pi (hour - peak) / 24)) x (weekend_factor on
 *             Saturday and Sunday); minute 0 is Monday 00:00 UTC
 *   day factor ~ lognormal with mean 1: exp(sigma Z - sigma^2 / 2)
 *   spikes: a Poisson number per month, start uniform, multiplier
 *           median x exp(sigma Z) (at least 1), duration exponential
 *   arrivals in a minute ~ Poisson(60 x rate) (or exactly 60 x rate)
 *
 * Random draws come from the caller's gsl_rng in a fixed order (day
 * factors, spikes, then one Poisson draw per minute), so a run is a pure
 * function of its stream. No I/O.
 *
 * Ownership: a traffic_gen owns its arrays (traffic_free).
 */
#ifndef COSTPLAN_SIM_TRAFFIC_H
#define COSTPLAN_SIM_TRAFFIC_H

#include <gsl/gsl_rng.h>

#include "model/profile.h"

#define SIM_MINUTES_PER_DAY 1440
#define SIM_MINUTES_PER_WEEK 10080

struct spike {
	long start, end; /* minutes, [start, end) */
	double mult;
};

struct traffic_gen {
	const struct svc_traffic *t;
	long minutes;       /* horizon */
	double shape[SIM_MINUTES_PER_WEEK];
	double *growth_day; /* growth factor at the start of each day */
	double growth_minute; /* factor from one minute to the next */
	double *day_factor; /* per day, this run */
	struct spike *spikes; /* this run, sorted by start */
	long nspikes, capspikes;
	long days;
};

void traffic_init(struct traffic_gen *g, const struct svc_traffic *t, long minutes);
void traffic_free(struct traffic_gen *g);
/* Draw this run's day factors and spikes. */
void traffic_new_run(struct traffic_gen *g, gsl_rng *r);
/* Mean rate (requests/s) of each minute of day d into rate[1440]. */
void traffic_day_rates(const struct traffic_gen *g, long d, double *rate);
/* Mean rate of one minute (slow path, for tests). */
double traffic_rate(const struct traffic_gen *g, long minute);
/* Build the Poisson sampler's tables (idempotent and thread-safe;
 * traffic_init calls it, mc_run before starting its threads). */
void traffic_tables(void);
/* An exact Poisson variate of mean mu (see traffic.c for the methods);
 * traffic_tables() must have run. */
double traffic_poisson(gsl_rng *r, double mu);
/* Arrivals in a minute of mean rate (requests/s). */
double traffic_arrivals(const struct traffic_gen *g, gsl_rng *r, double rate);

#endif
