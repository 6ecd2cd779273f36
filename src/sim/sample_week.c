/*
 * sample_week.c - see sample_week.h.
 */
#include "sim/sample_week.h"

#include <stdlib.h>
#include <string.h>

#include "sim/run.h"
#include "util/error.h"

#define MINUTES_PER_MONTH (730L * 60)

struct rec_ctx {
	struct sample_week *w;
	double *sum_arrivals; /* [svc * SAMPLE_POINTS + k] */
};

static void on_minute(void *ctx, size_t svc, long minute, const struct minute_rec *m)
{
	struct rec_ctx *c = ctx;
	struct sample_week *w = c->w;
	long off = minute - w->start_minute;
	if (off < 0 || off >= (long)SAMPLE_POINTS * SAMPLE_BUCKET_MIN || svc >= w->nsvc)
		return;
	size_t k = svc * SAMPLE_POINTS + (size_t)(off / SAMPLE_BUCKET_MIN);
	bool first = off % SAMPLE_BUCKET_MIN == 0;
	c->sum_arrivals[k] += m->arrivals;
	if (first || m->desired > w->running[k])
		w->running[k] = m->desired;
	if (first || m->serving < w->serving[k])
		w->serving[k] = m->serving;
}

int sample_week_record(const struct sim_setup *u, const struct mc_options *o, long run, int month,
		       struct sample_week *out)
{
	memset(out, 0, sizeof(*out));
	if (month < 1 || month > o->months || run < 0 || run >= o->runs)
		return -1;
	long start = (long)(month - 1) * MINUTES_PER_MONTH;
	start = (start + SIM_MINUTES_PER_WEEK - 1) / SIM_MINUTES_PER_WEEK * SIM_MINUTES_PER_WEEK;
	if (start + SIM_MINUTES_PER_WEEK > (long)o->months * MINUTES_PER_MONTH)
		return -1;

	out->run = run;
	out->month = month;
	out->start_minute = start;
	out->nsvc = u->nsvc;
	out->names = xcalloc(u->nsvc ? u->nsvc : 1, sizeof(char *));
	for (size_t i = 0; i < u->nsvc; i++)
		out->names[i] = u->svc[i].res->address;
	size_t n = (u->nsvc ? u->nsvc : 1) * SAMPLE_POINTS;
	out->rate = xcalloc(n, sizeof(double));
	out->running = xcalloc(n, sizeof(double));
	out->serving = xcalloc(n, sizeof(double));

	struct rec_ctx c = {out, xcalloc(n, sizeof(double))};
	struct run_recorder rec = {&c, on_minute, NULL};
	struct run_work work;
	struct run_result r;
	run_work_init(&work, u, o->months);
	run_result_init(&r, u, o->months);
	gsl_rng *rng = mc_rng(o->seed, run);
	run_simulate(&work, rng, &r, &rec);
	gsl_rng_free(rng);
	run_result_free(&r);
	run_work_free(&work);
	for (size_t k = 0; k < u->nsvc * SAMPLE_POINTS; k++)
		out->rate[k] = c.sum_arrivals[k] / (SAMPLE_BUCKET_MIN * 60.0);
	free(c.sum_arrivals);
	return 0;
}

void sample_week_release(struct sample_week *w)
{
	free(w->names);
	free(w->rate);
	free(w->running);
	free(w->serving);
	memset(w, 0, sizeof(*w));
}
