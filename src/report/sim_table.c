/*
 * sim_table.c - the one-screen terminal report of `costplan simulate`.
 *
 * Top to bottom: what was simulated (runs, months, seed, generator); the
 * first month's bill per traffic-driven component with p5/p50/p95/mean,
 * the fixed components in one line, and the total; the total by month as
 * traffic grows; per service the scaling, task-hours, peak tasks, minutes
 * above 100% CPU and CPU percentiles; the database; and the signals in the
 * order they fire (the earliest per component; JSON and CSV have all),
 * each with the upgrade step it points to. 80 columns, about 40 lines.
 */
#include <inttypes.h>
#include <string.h>

#include "util/decimal.h"
#include "util/escape.h"
#include "report/sim_report.h"

#define W_NAME 37

static const char *bold(const struct report_style *st)
{
	return st && st->color ? "\033[1m" : "";
}
static const char *reset(const struct report_style *st)
{
	return st && st->color ? "\033[0m" : "";
}

char *sim_usd(int64_t cents, char *buf, size_t size)
{
	return dec_format_usd(dec_from_scaled(cents, 2), buf, size);
}


static void money_row(FILE *f, const char *name, const struct cstat *c)
{
	char a[48], b[48], d[48], e[48];
	term_cell(f, name, W_NAME, 0);
	fprintf(f, "%10s %10s %10s %10s\n", sim_usd(c->p5, a, sizeof(a)), sim_usd(c->p50, b, sizeof(b)),
		sim_usd(c->p95, d, sizeof(d)), sim_usd(c->mean, e, sizeof(e)));
}

static void header(FILE *f, const char *title, const struct report_style *st)
{
	fprintf(f, "%s", bold(st));
	term_cell(f, title, W_NAME, 0);
	fprintf(f, "%10s %10s %10s %10s%s\n", "p5", "p50", "p95", "mean", reset(st));
}

/* Up to 6 months to show, evenly spread, always the first and the last. */
static int pick_months(int months, int *out)
{
	if (months <= 6) {
		for (int i = 0; i < months; i++)
			out[i] = i;
		return months;
	}
	for (int i = 0; i < 6; i++)
		out[i] = (int)((long)i * (months - 1) / 5);
	return 6;
}

/* "7", or ">12" for not within the horizon */
static void month_label(char *buf, size_t size, int m, int months)
{
	if (m > months)
		snprintf(buf, size, ">%d", months);
	else
		snprintf(buf, size, "%d", m);
}

void report_sim_table(FILE *f, const struct sim_view *v, const struct report_style *st)
{
	const struct bills *b = v->b;
	const struct sim_summary *sum = v->sum;
	int M = v->mc->months;
	char buf[256], x[48], y[48];

	fprintf(f, "%s", bold(st));
	term_write(f, v->s->name);
	fprintf(f, "%s - %s - %ld runs x %d month%s - seed %" PRIu64 " (%s)\n", reset(st), b->region,
		v->mc->runs, M, M == 1 ? "" : "s", v->o->seed, MC_GENERATOR);
	char pub[96];
	report_prices_valid_range(b->published_min, b->published_max, pub, sizeof(pub));
	fprintf(f, "traffic: %s; %s\n\n",
		v->u->tp->present ? "the scenario's profile" : "the built-in early-stage defaults", pub);

	header(f, "MONTH 1 BILL (USD)", st);
	struct cstat fixed = {0, 0, 0, 0};
	int nfixed = 0;
	for (size_t i = 0; i < b->nitems; i++) {
		const struct cstat *c = &sum->items[i * (size_t)M];
		bool varies = false;
		for (long k = 1; k < v->mc->runs; k++)
			varies |= b->items[i].cents[k] != b->items[i].cents[0];
		if (!varies) {
			fixed.p5 += c->p50;
			fixed.p50 += c->p50;
			fixed.p95 += c->p50;
			fixed.mean += c->p50;
			nfixed++;
			continue;
		}
		money_row(f, b->items[i].address, c);
	}
	if (nfixed) {
		snprintf(buf, sizeof(buf), "%d component%s not driven by traffic", nfixed,
			 nfixed == 1 ? "" : "s");
		money_row(f, buf, &fixed);
	}
	fprintf(f, "%s", bold(st));
	money_row(f, "TOTAL", &sum->total[0]);
	fprintf(f, "%s", reset(st));
	fprintf(f, "(percentiles per line; the total's are of whole bills)\n");

	if (M > 1) {
		int pick[6], np = pick_months(M, pick);
		fprintf(f, "\n");
		header(f, "TOTAL BY MONTH, AS TRAFFIC GROWS", st);
		for (int i = 0; i < np; i++) {
			snprintf(buf, sizeof(buf), "month %d", pick[i] + 1);
			money_row(f, buf, &sum->total[pick[i]]);
		}
	}

	fprintf(f, "\n%s%-14s %-16s %11s %7s %11s %s%s\n", bold(st), "SERVICE", "SCALING",
		"TASK-H/MO", "PEAK", "MIN >100%", "CPU% p50/95/99", reset(st));
	for (size_t i = 0; i < v->u->nsvc; i++) {
		const struct sim_service *sv = &v->u->svc[i];
		const struct svc_summary *ss = &sum->svc[i];
		term_cell(f, sv->res->name, 14, 0);
		fputc(' ', f);
		term_cell(f, sv->desc, 16, 0);
		if (M > 1)
			snprintf(x, sizeof(x), "%.0f>%.0f", ss->task_hours[0].p50, ss->task_hours[M - 1].p50);
		else
			snprintf(x, sizeof(x), "%.0f", ss->task_hours[0].p50);
		snprintf(y, sizeof(y), "%.0f/%.0f", ss->peak_tasks.p50, ss->peak_tasks.p95);
		snprintf(buf, sizeof(buf), "%.0f/%.0f", ss->over100.p50, ss->over100.p95);
		fprintf(f, " %11s %7s %11s %.0f/%.0f/%.0f\n", x, y, buf, ss->cpu_p50, ss->cpu_p95,
			ss->cpu_p99);
	}
	if (M > 1)
		fprintf(f, "(task-hours p50 month 1>%d; peak tasks, minutes above 100%% p50/p95)\n",
			M);
	else
		fprintf(f, "(task-hours p50; peak tasks, minutes above 100%% CPU p50/p95)\n");

	if (v->u->db.res) {
		fprintf(f, "\n%sDATABASE%s ", bold(st), reset(st));
		term_write(f, v->u->db.res->address);
		fprintf(f, " (%s)\n  highest hourly CPU p50 %.1f%%, p95 %.1f%%\n",
			res_str(v->u->db.res, "instance_class"), sum->db_max_hour_cpu.p50,
			sum->db_max_hour_cpu.p95);
		if (v->u->db.burstable)
			fprintf(f, "  CPU credits: lowest balance p50 %.0f of %.0f; surplus month %d p95 "
				   "%.2f vCPU-h\n",
				sum->db_min_balance.p50, v->u->db.max_balance, M,
				sum->db_surplus_vcpu_h[M - 1].p95);
	}

	/* the earliest signal of each component; the JSON has them all */
	fprintf(f, "\n%sSIGNALS: first month p50 [p5..p95], share of runs%s\n", bold(st), reset(st));
	int quiet = 0;
	for (size_t i = 0; i < v->sig->n; i++) {
		const struct signal *s = &v->sig->sig[i];
		bool shown = false;
		for (size_t j = 0; j < i; j++)
			shown |= v->sig->sig[j].fired && strcmp(v->sig->sig[j].component, s->component) == 0;
		if (shown)
			continue;
		if (!s->fired) {
			quiet++;
			continue;
		}
		char a[16], c[16], d[16];
		month_label(a, sizeof(a), s->p50, M);
		month_label(c, sizeof(c), s->p5, M);
		month_label(d, sizeof(d), s->p95, M);
		snprintf(buf, sizeof(buf), "month %s [%s..%s]", a, c, d);
		fprintf(f, "  %-19s %4.0f%%  ", buf, 100.0 * (double)s->fired / (double)v->mc->runs);
		term_write(f, s->component);
		fprintf(f, "\n      %s -> %s\n", s->what, s->upgrade);
	}
	if (quiet) {
		fprintf(f, "  not within %d month%s:", M, M == 1 ? "" : "s");
		int col = 26;
		for (size_t i = 0; i < v->sig->n; i++) {
			const struct signal *s = &v->sig->sig[i];
			if (s->fired)
				continue;
			bool shown = false;
			for (size_t j = 0; j < i; j++)
				shown |= strcmp(v->sig->sig[j].component, s->component) == 0;
			if (shown)
				continue;
			int len = (int)strlen(s->component) + 1;
			if (col + len > 78) {
				fprintf(f, "\n   ");
				col = 3;
			}
			fputc(' ', f);
			term_write(f, s->component);
			col += len;
		}
		fputc('\n', f);
	}
	for (size_t i = 0; i < b->nwarn; i++)
		fprintf(f, "warning: %s\n", b->warnings[i]);
}
