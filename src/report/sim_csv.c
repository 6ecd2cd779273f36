/*
 * sim_csv.c - `costplan simulate --format csv`: one long table,
 *
 *   section,month,component,metric,p5,p50,p95,mean,note
 *
 * section is bill (metric usd; component TOTAL for the whole bill),
 * service (task_hours, launches, requests), usage (lcu_hours, nat_gb,
 * log_gb, data_out_gb, db_surplus_vcpu_hours) or signal (metric
 * first_month; an empty cell means not within the horizon; note holds the
 * signal and its upgrade step). Text cells go through csv_write_text.
 */
#include <inttypes.h>
#include <string.h>

#include "util/escape.h"
#include "report/sim_report.h"

static void cents(FILE *f, int64_t c)
{
	char buf[DEC_BUFSZ];
	fprintf(f, ",%s", dec_format(dec_from_scaled(c, 2), 2, buf, sizeof(buf)));
}

static void lead(FILE *f, const char *section, int month, const char *comp, const char *metric)
{
	fprintf(f, "%s,", section);
	if (month > 0)
		fprintf(f, "%d", month);
	fputc(',', f);
	csv_write_text(f, comp);
	fprintf(f, ",%s", metric);
}

static void drow(FILE *f, const char *section, int month, const char *comp, const char *metric,
		 const struct dstat *d)
{
	lead(f, section, month, comp, metric);
	fprintf(f, ",%.6g,%.6g,%.6g,%.6g,\n", d->p5, d->p50, d->p95, d->mean);
}

void report_sim_csv(FILE *f, const struct sim_view *v)
{
	const struct bills *b = v->b;
	const struct sim_summary *sum = v->sum;
	int M = v->mc->months;
	fputs("section,month,component,metric,p5,p50,p95,mean,note\n", f);
	for (int m = 0; m < M; m++) {
		for (size_t i = 0; i < b->nitems; i++) {
			const struct cstat *c = &sum->items[i * (size_t)M + (size_t)m];
			lead(f, "bill", m + 1, b->items[i].address, "usd");
			cents(f, c->p5);
			cents(f, c->p50);
			cents(f, c->p95);
			cents(f, c->mean);
			fprintf(f, ",%s\n", b->items[i].varies ? "traffic-driven" : "");
		}
		lead(f, "bill", m + 1, "TOTAL", "usd");
		cents(f, sum->total[m].p5);
		cents(f, sum->total[m].p50);
		cents(f, sum->total[m].p95);
		cents(f, sum->total[m].mean);
		fputs(",\n", f);
	}
	for (size_t i = 0; i < v->u->nsvc; i++) {
		const char *a = v->u->svc[i].res->address;
		const struct svc_summary *ss = &sum->svc[i];
		for (int m = 0; m < M; m++) {
			drow(f, "service", m + 1, a, "task_hours", &ss->task_hours[m]);
			drow(f, "service", m + 1, a, "launches", &ss->launches[m]);
			drow(f, "service", m + 1, a, "requests", &ss->requests[m]);
		}
		drow(f, "service", 0, a, "peak_tasks", &ss->peak_tasks);
		drow(f, "service", 0, a, "minutes_above_100_cpu", &ss->over100);
	}
	for (int m = 0; m < M; m++) {
		for (size_t j = 0; j < v->u->nlb; j++)
			drow(f, "usage", m + 1, v->u->lbs[j].res->address, "lcu_hours",
			     &sum->lcu_hours[j * (size_t)M + (size_t)m]);
		drow(f, "usage", m + 1, "", "nat_gb", &sum->nat_gb[m]);
		drow(f, "usage", m + 1, "", "log_gb", &sum->log_gb[m]);
		drow(f, "usage", m + 1, "", "data_out_gb", &sum->data_out_gb[m]);
		if (v->u->db.res)
			drow(f, "usage", m + 1, v->u->db.res->address, "db_surplus_vcpu_hours",
			     &sum->db_surplus_vcpu_h[m]);
	}
	for (size_t i = 0; i < v->sig->n; i++) {
		const struct signal *s = &v->sig->sig[i];
		char note[400];
		lead(f, "signal", 0, s->component, "first_month");
		const int q[3] = {s->p5, s->p50, s->p95};
		for (int k = 0; k < 3; k++) {
			fputc(',', f);
			if (q[k] <= M)
				fprintf(f, "%d", q[k]);
		}
		fputs(",,", f);
		snprintf(note, sizeof(note), "%s -> %s (%ld of %ld runs)", s->what, s->upgrade, s->fired,
			 v->mc->runs);
		csv_write_text(f, note);
		fputc('\n', f);
	}
}
