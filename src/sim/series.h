/*
 * series.h - the time series of one run, as CSV for plotting.
 *
 * The run is simulated again from its own stream (runs are pure functions
 * of their seed), with a recorder that writes one row per service and
 * minute, or per hour (means of rate, serving tasks and CPU; the most
 * tasks desired; the sum of requests), and one row per hour for the
 * database (CPU and credit balance). The file is written atomically.
 */
#ifndef COSTPLAN_SIM_SERIES_H
#define COSTPLAN_SIM_SERIES_H

#include <stdbool.h>

#include "sim/montecarlo.h"

/* Returns 0 or an exit code (printed). run is 0-based. */
int sim_series_write(const char *path, const struct sim_setup *u, const struct mc_options *o,
		     long run, bool hourly);

#endif
