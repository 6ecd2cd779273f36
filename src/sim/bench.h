/*
 * bench.h - `costplan simulate --bench` (run by tests/bench/simulate.sh):
 * simulated service-minutes per second on 1 and 2 threads, next to the
 * floor measured in the same process: the same number of bare GSL draws
 * (uniforms from the same generator, counted by a wrapping generator on a
 * sample of runs), and one gsl_ran_poisson per service-minute at the
 * simulation's mean. Also the time to price every bill through the engine.
 * Prints figures; never fails on time.
 */
#ifndef COSTPLAN_SIM_BENCH_H
#define COSTPLAN_SIM_BENCH_H

#include <stdio.h>

#include "cost/engine.h"
#include "sim/montecarlo.h"

int sim_bench(FILE *f, struct scenario *s, struct catalog *cat, const struct cost_options *co,
	      const struct sim_setup *u, const struct mc_options *o);

#endif
