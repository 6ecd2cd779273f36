/*
 * series.c - see series.h.
 */
#include "sim/series.h"

#include <stdio.h>
#include <string.h>

#include "util/escape.h"
#include "util/error.h"
#include "util/output.h"

#define HEADER "minute,service,requests_per_second,requests,tasks_desired,tasks_serving," \
	       "cpu_percent,db_credit_balance\n"

struct acc {
	FILE *f;
	const struct sim_setup *u;
	bool hourly;
	size_t svc;
	double rate, req, serving, cpu;
	int desired, n;
};

static void row(struct acc *a, size_t svc, long minute, double rate, double req, int desired,
		double serving, double cpu)
{
	fprintf(a->f, "%ld,", minute);
	csv_write_text(a->f, a->u->svc[svc].res->address);
	fprintf(a->f, ",%.6g,%.10g,%d,%.4g,%.4g,\n", rate, req, desired, serving, cpu);
}

static void on_minute(void *ctx, size_t svc, long minute, const struct minute_rec *m)
{
	struct acc *a = ctx;
	double cpu = m->cpu_demand_pct > 100 ? 100 : m->cpu_demand_pct;
	if (!a->hourly) {
		row(a, svc, minute, m->rate, m->arrivals, m->desired, m->serving, cpu);
		return;
	}
	a->rate += m->rate;
	a->req += m->arrivals;
	a->serving += m->serving;
	a->cpu += cpu;
	if (m->desired > a->desired)
		a->desired = m->desired;
	a->n++;
	if ((minute + 1) % 60 == 0) {
		row(a, svc, minute - 59, a->rate / a->n, a->req, a->desired, a->serving / a->n,
		    a->cpu / a->n);
		a->rate = a->req = a->serving = a->cpu = 0;
		a->desired = 0;
		a->n = 0;
	}
}

static void on_db_hour(void *ctx, long hour, double cpu, double balance)
{
	struct acc *a = ctx;
	fprintf(a->f, "%ld,", hour * 60);
	csv_write_text(a->f, a->u->db.res->address);
	fprintf(a->f, ",,,,,%.4g,%.6g\n", cpu, balance);
}

int sim_series_write(const char *path, const struct sim_setup *u, const struct mc_options *o,
		     long run, bool hourly)
{
	struct out_file out;
	struct run_work w;
	struct run_result r;
	int rc = out_open(&out, path);
	if (rc)
		return rc;
	struct acc a;
	memset(&a, 0, sizeof(a));
	a.f = out.f;
	a.u = u;
	a.hourly = hourly;
	struct run_recorder rec = {&a, on_minute, on_db_hour};
	fputs(HEADER, out.f);
	run_work_init(&w, u, o->months);
	run_result_init(&r, u, o->months);
	gsl_rng *rng = mc_rng(o->seed, run);
	run_simulate(&w, rng, &r, &rec);
	gsl_rng_free(rng);
	run_result_free(&r);
	run_work_free(&w);
	return out_close(&out, 1);
}
