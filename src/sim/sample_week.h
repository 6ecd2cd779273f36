/*
 * sample_week.h - one week of one Monte Carlo run, for the HTML report's
 * "a sample week" charts (issue 8; built on issue 4's run.h).
 *
 * The run is simulated again from its own stream (runs are pure functions
 * of (setup, months, seed, run index)), so the week shown is exactly a
 * week of a run the statistics include. A recorder keeps, per service and
 * per bucket of SAMPLE_BUCKET_MIN minutes, the request rate (arrivals per
 * second, averaged) and the most tasks running (desired count) and
 * serving. The week starts on the first Monday 00:00 UTC at or after the
 * start of the chosen month (minute 0 of a run is a Monday).
 *
 * Ownership: struct sample_week owns its arrays (sample_week_release);
 * service names are borrowed from the setup's scenario.
 */
#ifndef COSTPLAN_SIM_SAMPLE_WEEK_H
#define COSTPLAN_SIM_SAMPLE_WEEK_H

#include <stddef.h>

#include "sim/montecarlo.h"
#include "sim/setup.h"

#define SAMPLE_BUCKET_MIN 10
#define SAMPLE_POINTS (7 * 24 * 60 / SAMPLE_BUCKET_MIN)

struct sample_week {
	long run;        /* 0-based run index */
	int month;       /* 1-based month the week starts in */
	long start_minute; /* of the run */
	size_t nsvc;
	const char **names; /* [nsvc] service addresses */
	double *rate;    /* [svc * SAMPLE_POINTS + k] requests per second */
	double *running; /* [svc * SAMPLE_POINTS + k] most tasks running */
	double *serving; /* [svc * SAMPLE_POINTS + k] fewest tasks serving */
};

/*
 * Record the first full week from month (1-based) of run `run`. Returns 0,
 * or -1 when the horizon has no full week from there (nothing allocated).
 */
int sample_week_record(const struct sim_setup *u, const struct mc_options *o, long run, int month,
		       struct sample_week *out);
void sample_week_release(struct sample_week *w);

#endif
