/*
 * montecarlo.c - see montecarlo.h.
 */
#include "sim/montecarlo.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/error.h"

uint64_t mc_run_seed(uint64_t seed, long k)
{
	/* splitmix64: well-spread seeds from consecutive run numbers */
	uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (uint64_t)(k + 1);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

gsl_rng *mc_rng(uint64_t seed, long k)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	if (!r) {
		cp_error(CP_EXIT_INTERNAL, "cannot allocate a random number generator");
		exit(CP_EXIT_INTERNAL);
	}
	uint64_t s = mc_run_seed(seed, k);
	/* gsl_rng_set takes an unsigned long; taus2 uses 32 bits: fold the 64 */
	gsl_rng_set(r, (unsigned long)((s ^ (s >> 32)) & 0xffffffffUL));
	return r;
}

int mc_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MC_MAX_THREADS ? MC_MAX_THREADS : (int)n;
}

struct shared {
	const struct sim_setup *u;
	const struct mc_options *o;
	struct mc_result *res;
	atomic_long next;
	atomic_long done;
	atomic_int slot;
	pthread_mutex_t lock; /* guards res->hist */
};

static void *worker(void *arg)
{
	struct shared *sh = arg;
	struct run_work w;
	struct run_result tmp;
	struct mc_result *res = sh->res;
	size_t nsvc = res->nsvc, nlb = res->nlb;
	int months = res->months;
	unsigned long *hist = xcalloc((nsvc ? nsvc : 1) * SIM_HIST_BINS, sizeof(unsigned long));

	struct timespec c0, c1;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
	run_work_init(&w, sh->u, months);
	run_result_init(&tmp, sh->u, months);
	for (;;) {
		long k = atomic_fetch_add(&sh->next, 1);
		if (k >= sh->o->runs)
			break;
		gsl_rng *rng = mc_rng(sh->o->seed, k);
		run_simulate(&w, rng, &tmp, NULL);
		gsl_rng_free(rng);
		struct run_result *dst = &res->run[k];
		memcpy(dst->svc, tmp.svc, (size_t)months * nsvc * sizeof(*tmp.svc));
		memcpy(dst->month, tmp.month, (size_t)months * sizeof(*tmp.month));
		memcpy(dst->lcu_hours, tmp.lcu_hours, (size_t)months * nlb * sizeof(double));
		for (size_t b = 0; b < nsvc * SIM_HIST_BINS; b++)
			hist[b] += tmp.hist[b];
		atomic_fetch_add(&sh->done, 1);
	}
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
	int slot = atomic_fetch_add(&sh->slot, 1);
	pthread_mutex_lock(&sh->lock);
	for (size_t b = 0; b < nsvc * SIM_HIST_BINS; b++)
		res->hist[b] += hist[b];
	if (slot <= MC_MAX_THREADS) {
		res->thread_cpu[slot] = (double)(c1.tv_sec - c0.tv_sec) +
					(double)(c1.tv_nsec - c0.tv_nsec) * 1e-9;
		if (slot + 1 > res->nthreads)
			res->nthreads = slot + 1;
	}
	pthread_mutex_unlock(&sh->lock);
	free(hist);
	run_result_free(&tmp);
	run_work_free(&w);
	return NULL;
}

static void progress(long done, long total)
{
	int width = 30, fill = (int)(done * width / (total ? total : 1));
	fprintf(stderr, "\rsimulating [");
	for (int i = 0; i < width; i++)
		fputc(i < fill ? '#' : ' ', stderr);
	fprintf(stderr, "] %ld/%ld runs", done, total);
	fflush(stderr);
}

void mc_run(const struct sim_setup *u, const struct mc_options *o, struct mc_result *out)
{
	struct shared sh;
	int nt = o->threads < 1 ? 1 : o->threads > MC_MAX_THREADS ? MC_MAX_THREADS : o->threads;
	pthread_t tid[MC_MAX_THREADS];
	int started = 0;

	memset(out, 0, sizeof(*out));
	out->runs = o->runs;
	out->months = o->months;
	out->nsvc = u->nsvc;
	out->nlb = u->nlb;
	out->run = xcalloc((size_t)o->runs, sizeof(*out->run));
	out->svc_block = xcalloc((size_t)o->runs * (size_t)o->months * (u->nsvc ? u->nsvc : 1),
				 sizeof(*out->svc_block));
	out->month_block = xcalloc((size_t)o->runs * (size_t)o->months, sizeof(*out->month_block));
	out->lcu_block = xcalloc((size_t)o->runs * (size_t)o->months * (u->nlb ? u->nlb : 1),
				 sizeof(double));
	out->hist = xcalloc((u->nsvc ? u->nsvc : 1) * SIM_HIST_BINS, sizeof(unsigned long));
	for (long k = 0; k < o->runs; k++) {
		struct run_result *r = &out->run[k];
		r->months = o->months;
		r->nsvc = u->nsvc;
		r->nlb = u->nlb;
		r->svc = out->svc_block + (size_t)k * (size_t)o->months * u->nsvc;
		r->month = out->month_block + (size_t)k * (size_t)o->months;
		r->lcu_hours = out->lcu_block + (size_t)k * (size_t)o->months * u->nlb;
	}
	traffic_tables(); /* shared read-only tables, built before the threads start */
	memset(&sh, 0, sizeof(sh));
	sh.u = u;
	sh.o = o;
	sh.res = out;
	atomic_init(&sh.next, 0);
	atomic_init(&sh.done, 0);
	atomic_init(&sh.slot, 0);
	pthread_mutex_init(&sh.lock, NULL);
	if (nt > o->runs)
		nt = o->runs > 0 ? (int)o->runs : 1;
	for (int i = 1; i < nt; i++) {
		if (pthread_create(&tid[i], NULL, worker, &sh) != 0)
			break; /* fewer threads: same results, just slower */
		started++;
	}
	if (o->progress) {
		/* the main thread shows progress while the workers run */
		pthread_t main_worker;
		bool extra = pthread_create(&main_worker, NULL, worker, &sh) == 0;
		long done;
		while ((done = atomic_load(&sh.done)) < o->runs) {
			progress(done, o->runs);
			struct timespec ts = {0, 200 * 1000 * 1000};
			nanosleep(&ts, NULL);
			if (!extra && started == 0)
				worker(&sh);
		}
		progress(o->runs, o->runs);
		fputs("\r\033[K", stderr);
		if (extra)
			pthread_join(main_worker, NULL);
	} else {
		worker(&sh);
	}
	for (int i = 1; i <= started; i++)
		pthread_join(tid[i], NULL);
	pthread_mutex_destroy(&sh.lock);
}

void mc_result_free(struct mc_result *r)
{
	free(r->run);
	free(r->svc_block);
	free(r->month_block);
	free(r->lcu_block);
	free(r->hist);
	memset(r, 0, sizeof(*r));
}
