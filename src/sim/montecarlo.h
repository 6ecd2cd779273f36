/*
 * montecarlo.h - many independent runs, on several threads, reproducibly.
 *
 * Run k draws from its own GSL generator (taus2, L'Ecuyer's maximally
 * equidistributed Tausworthe generator, period 2^88; three times faster
 * than mt19937 here) seeded with splitmix64(seed, k), whatever thread simulates it; results are stored
 * by run index and every statistic is taken in run order, so the output
 * is identical for any thread count. Threads are POSIX threads pulling
 * run indices from an atomic counter.
 *
 * Ownership: struct mc_result owns its blocks (mc_result_free).
 */
#ifndef COSTPLAN_SIM_MONTECARLO_H
#define COSTPLAN_SIM_MONTECARLO_H

#include <stdbool.h>
#include <stdint.h>

#include "sim/run.h"
#include "sim/setup.h"

#define MC_GENERATOR "taus2"
#define MC_MAX_RUNS 100000
#define MC_MAX_MONTHS 120
#define MC_MAX_THREADS 64
#define MC_MAX_RUN_MONTHS 100000 /* runs x months: memory and pricing time */

struct mc_options {
	long runs;
	int months;
	uint64_t seed;
	int threads;
	bool progress; /* a progress bar on stderr */
};

struct mc_result {
	long runs;
	int months;
	size_t nsvc, nlb;
	struct run_result *run; /* [runs], views into the blocks; hist is NULL */
	struct svc_month *svc_block;
	struct run_month *month_block;
	double *lcu_block;
	unsigned long *hist; /* [nsvc * SIM_HIST_BINS], summed over runs */
	/* CPU seconds each worker thread spent (for --bench; never reported) */
	double thread_cpu[MC_MAX_THREADS + 1];
	int nthreads;
};

/* The seed of run k's generator. */
uint64_t mc_run_seed(uint64_t seed, long k);
/* A generator for run k (caller frees with gsl_rng_free). */
gsl_rng *mc_rng(uint64_t seed, long k);

void mc_run(const struct sim_setup *u, const struct mc_options *o, struct mc_result *out);
void mc_result_free(struct mc_result *r);

/* Processors online (at least 1, at most MC_MAX_THREADS). */
int mc_default_threads(void);

#endif
