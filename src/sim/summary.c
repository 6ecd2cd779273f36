/*
 * summary.c - see summary.h.
 */
#include "sim/summary.h"

#include <stdlib.h>
#include <string.h>

#include "sim/usage.h"
#include "util/error.h"

#define RUNS(mc) ((size_t)((mc)->runs ? (mc)->runs : 1))

void sim_summarise(const struct sim_setup *u, const struct mc_result *mc, const struct bills *b,
		   struct sim_summary *out)
{
	size_t runs = (size_t)mc->runs, M = (size_t)mc->months;
	double *v = xmalloc(RUNS(mc) * sizeof(double));
	memset(out, 0, sizeof(*out));
	out->months = mc->months;
	out->nsvc = u->nsvc;
	out->nlb = u->nlb;
	out->svc = xcalloc(u->nsvc ? u->nsvc : 1, sizeof(*out->svc));
	for (size_t i = 0; i < u->nsvc; i++) {
		struct svc_summary *ss = &out->svc[i];
		ss->task_hours = xcalloc(M, sizeof(struct dstat));
		ss->launches = xcalloc(M, sizeof(struct dstat));
		ss->requests = xcalloc(M, sizeof(struct dstat));
		for (size_t m = 0; m < M; m++) {
#define SM(k) (&mc->run[k].svc[m * mc->nsvc + i])
			for (size_t k = 0; k < runs; k++)
				v[k] = SM(k)->task_seconds / 3600.0;
			stat_double(v, runs, &ss->task_hours[m]);
			for (size_t k = 0; k < runs; k++)
				v[k] = (double)SM(k)->launches;
			stat_double(v, runs, &ss->launches[m]);
			for (size_t k = 0; k < runs; k++)
				v[k] = SM(k)->requests;
			stat_double(v, runs, &ss->requests[m]);
#undef SM
		}
		for (size_t k = 0; k < runs; k++) {
			int peak = 0;
			for (size_t m = 0; m < M; m++) {
				const struct svc_month *sm = &mc->run[k].svc[m * mc->nsvc + i];
				if (sm->peak_tasks > peak)
					peak = sm->peak_tasks;
			}
			v[k] = peak;
		}
		stat_double(v, runs, &ss->peak_tasks);
		for (size_t k = 0; k < runs; k++) {
			long over = 0;
			for (size_t m = 0; m < M; m++)
				over += mc->run[k].svc[m * mc->nsvc + i].over100_minutes;
			v[k] = (double)over;
		}
		stat_double(v, runs, &ss->over100);
		const unsigned long *h = mc->hist + i * SIM_HIST_BINS;
		ss->cpu_p50 = stat_hist(h, SIM_HIST_BINS, 0.5, 0.50);
		ss->cpu_p95 = stat_hist(h, SIM_HIST_BINS, 0.5, 0.95);
		ss->cpu_p99 = stat_hist(h, SIM_HIST_BINS, 0.5, 0.99);
	}
	out->lcu_hours = xcalloc((u->nlb ? u->nlb : 1) * M, sizeof(struct dstat));
	for (size_t j = 0; j < u->nlb; j++)
		for (size_t m = 0; m < M; m++) {
			for (size_t k = 0; k < runs; k++)
				v[k] = mc->run[k].lcu_hours[m * mc->nlb + j];
			stat_double(v, runs, &out->lcu_hours[j * M + m]);
		}
	out->nat_gb = xcalloc(M, sizeof(struct dstat));
	out->log_gb = xcalloc(M, sizeof(struct dstat));
	out->data_out_gb = xcalloc(M, sizeof(struct dstat));
	out->db_surplus_vcpu_h = xcalloc(M, sizeof(struct dstat));
	for (size_t m = 0; m < M; m++) {
		for (size_t k = 0; k < runs; k++)
			v[k] = mc->run[k].month[m].nat_bytes / SIM_GB;
		stat_double(v, runs, &out->nat_gb[m]);
		for (size_t k = 0; k < runs; k++) {
			double s = 0;
			for (size_t i = 0; i < u->nsvc; i++)
				s += mc->run[k].svc[m * mc->nsvc + i].log_bytes;
			v[k] = s / SIM_GB;
		}
		stat_double(v, runs, &out->log_gb[m]);
		for (size_t k = 0; k < runs; k++)
			v[k] = mc->run[k].month[m].dt_out_bytes / SIM_GB;
		stat_double(v, runs, &out->data_out_gb[m]);
		for (size_t k = 0; k < runs; k++)
			v[k] = mc->run[k].month[m].db_surplus_credits / 60.0;
		stat_double(v, runs, &out->db_surplus_vcpu_h[m]);
	}
	for (size_t k = 0; k < runs; k++) {
		double mx = 0;
		for (size_t m = 0; m < M; m++)
			if (mc->run[k].month[m].db_max_hour_cpu > mx)
				mx = mc->run[k].month[m].db_max_hour_cpu;
		v[k] = mx;
	}
	stat_double(v, runs, &out->db_max_hour_cpu);
	for (size_t k = 0; k < runs; k++) {
		double mn = 1e300;
		for (size_t m = 0; m < M; m++)
			if (mc->run[k].month[m].db_min_balance < mn)
				mn = mc->run[k].month[m].db_min_balance;
		v[k] = mn;
	}
	stat_double(v, runs, &out->db_min_balance);

	if (b) {
		out->total = xcalloc(M, sizeof(struct cstat));
		out->items = xcalloc((b->nitems ? b->nitems : 1) * M, sizeof(struct cstat));
		out->lines = xcalloc((b->nlines ? b->nlines : 1) * M, sizeof(struct cstat));
		out->line_qty = xcalloc((b->nlines ? b->nlines : 1) * M, sizeof(struct dstat));
		for (size_t m = 0; m < M; m++) {
			stat_cents(b->total + m * runs, runs, &out->total[m]);
			for (size_t i = 0; i < b->nitems; i++)
				stat_cents(b->items[i].cents + m * runs, runs, &out->items[i * M + m]);
			for (size_t l = 0; l < b->nlines; l++) {
				stat_cents(b->lines[l].cents + m * runs, runs, &out->lines[l * M + m]);
				stat_double(b->lines[l].qty + m * runs, runs, &out->line_qty[l * M + m]);
			}
		}
	}
	free(v);
}

void sim_summary_release(struct sim_summary *s)
{
	for (size_t i = 0; s->svc && i < s->nsvc; i++) {
		free(s->svc[i].task_hours);
		free(s->svc[i].launches);
		free(s->svc[i].requests);
	}
	free(s->svc);
	free(s->lcu_hours);
	free(s->nat_gb);
	free(s->log_gb);
	free(s->data_out_gb);
	free(s->db_surplus_vcpu_h);
	free(s->total);
	free(s->items);
	free(s->lines);
	free(s->line_qty);
	memset(s, 0, sizeof(*s));
}
