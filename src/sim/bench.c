/*
 * bench.c - see bench.h.
 */
#include "sim/bench.h"

#include <gsl/gsl_randist.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim/bills.h"
#include "util/error.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* CPU time of the process: robust when other work shares the machine */
static double cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* A generator that counts the draws it forwards to taus2. */
struct counting {
	gsl_rng *inner;
	unsigned long n;
};

static void c_set(void *vs, unsigned long seed)
{
	struct counting *s = vs;
	if (s->inner)
		gsl_rng_set(s->inner, seed);
}

static unsigned long c_get(void *vs)
{
	struct counting *s = vs;
	s->n++;
	return gsl_rng_get(s->inner);
}

static double c_get_double(void *vs)
{
	struct counting *s = vs;
	s->n++;
	return gsl_rng_uniform(s->inner);
}

static const gsl_rng_type COUNTING = {"counting", 0xffffffffUL, 0, sizeof(struct counting), c_set,
				      c_get, c_get_double};

/* Draws (of the underlying generator) per run, over a sample of runs. */
static double draws_per_run(const struct sim_setup *u, const struct mc_options *o, long sample)
{
	struct run_work w;
	struct run_result r;
	unsigned long total = 0;
	run_work_init(&w, u, o->months);
	run_result_init(&r, u, o->months);
	for (long k = 0; k < sample; k++) {
		gsl_rng *c = gsl_rng_alloc(&COUNTING);
		struct counting *cs = c->state;
		cs->inner = mc_rng(o->seed, k);
		cs->n = 0;
		run_simulate(&w, c, &r, NULL);
		total += cs->n;
		gsl_rng_free(cs->inner);
		gsl_rng_free(c);
	}
	run_result_free(&r);
	run_work_free(&w);
	return (double)total / (double)sample;
}

static double timed_mc(const struct sim_setup *u, const struct mc_options *o, int threads,
		       struct mc_result *out, double *cpu_s)
{
	struct mc_options x = *o;
	x.threads = threads;
	x.progress = false;
	double t = now(), c = cpu();
	mc_run(u, &x, out);
	*cpu_s = cpu() - c;
	return now() - t;
}

int sim_bench(FILE *f, struct scenario *s, struct catalog *cat, const struct cost_options *co,
	      const struct sim_setup *u, const struct mc_options *o)
{
	struct mc_result a, b;
	double svc_min = (double)o->runs * (double)o->months * SIM_MINUTES_PER_MONTH * (double)u->nsvc;
	fprintf(f, "simulate bench: %s, %ld runs x %d month%s x %zu services = %.0f service-minutes\n",
		s->name, o->runs, o->months, o->months == 1 ? "" : "s", u->nsvc, svc_min);
	double c1, c2;
	double t1 = timed_mc(u, o, 1, &a, &c1);
	double t2 = timed_mc(u, o, 2, &b, &c2);
	bool same = memcmp(a.svc_block, b.svc_block,
			   (size_t)o->runs * (size_t)o->months * u->nsvc * sizeof(struct svc_month)) == 0;
	fprintf(f, "  1 thread : %6.2f s wall %6.2f s CPU  %5.1f M service-minutes/s (%.1f ns each, "
		   "CPU)\n",
		t1, c1, svc_min / t1 / 1e6, c1 / svc_min * 1e9);
	fprintf(f, "  2 threads: %6.2f s wall %6.2f s CPU  %5.1f M service-minutes/s  %.2fx faster, "
		   "results %s\n",
		t2, c2, svc_min / t2 / 1e6, t1 / t2, same ? "identical" : "DIFFER");
	/* the split of the work: what two idle CPUs would give, whatever else runs */
	double busiest = 0, sum = 0;
	fprintf(f, "    CPU per thread:");
	for (int i = 0; i < b.nthreads; i++) {
		fprintf(f, " %.2f s", b.thread_cpu[i]);
		sum += b.thread_cpu[i];
		if (b.thread_cpu[i] > busiest)
			busiest = b.thread_cpu[i];
	}
	if (busiest > 0)
		fprintf(f, "; on 2 idle CPUs: %.2fx (1-thread CPU / busiest thread's CPU)\n",
			c1 / busiest);

	/* the floor: the same number of bare draws from the same generator */
	long sample = o->runs < 20 ? o->runs : 20;
	double per_run = draws_per_run(u, o, sample);
	double draws = per_run * (double)o->runs;
	gsl_rng *r = mc_rng(o->seed, 0);
	volatile double sink = 0;
	double t = now(), c = cpu();
	for (double i = 0; i < draws; i++)
		sink += gsl_rng_uniform(r);
	double tf = now() - t, cf = cpu() - c;
	fprintf(f, "  floor A, bare gsl_rng_uniform (%s), %.2f per service-minute: %.2f s wall "
		   "%.2f s CPU\n",
		MC_GENERATOR, draws / svc_min, tf, cf);
	fprintf(f, "    simulation, 1 thread = %.2fx floor A (CPU); 2 threads = %.2fx (wall)\n",
		c1 / cf, t2 / tf);

	/* one GSL Poisson variate per service-minute at the mean rate (sampled) */
	double req = 0;
	for (long k = 0; k < o->runs; k++)
		for (int m = 0; m < o->months; m++)
			for (size_t i = 0; i < u->nsvc; i++)
				req += a.run[k].svc[(size_t)m * u->nsvc + i].requests;
	double mu = req / svc_min;
	long n = 2000000;
	c = cpu();
	for (long i = 0; i < n; i++)
		sink += gsl_ran_poisson(r, mu);
	double tp = (cpu() - c) / (double)n * svc_min;
	fprintf(f, "  floor B, gsl_ran_poisson (mean %.1f), 1 per service-minute: %.2f s CPU "
		   "(timed on %ld draws)\n",
		mu, tp, n);
	fprintf(f, "    simulation, 1 thread = %.2fx floor B (CPU)\n", c1 / tp);
	gsl_rng_free(r);
	(void)sink;

	/* pricing every simulated month through the engine */
	struct bills bl;
	t = now();
	int rc = bills_price(s, cat, co, u, &a, &bl);
	double tb = now() - t;
	if (rc == 0) {
		fprintf(f, "  pricing %ld monthly bills through the engine: %.2f s (%.0f us each)\n",
			o->runs * o->months, tb, tb / (double)(o->runs * o->months) * 1e6);
		bills_release(&bl);
	}
	mc_result_free(&a);
	mc_result_free(&b);
	return rc;
}
