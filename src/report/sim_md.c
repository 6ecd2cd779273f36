/*
 * sim_md.c - `costplan simulate --format markdown`: the simulation as
 * GitHub-flavoured markdown, for a pull request or a wiki page.
 *
 * The same figures as the terminal report (sim_table.c), as tables: the
 * first month's bill per resource with p5/p50/p95/mean, the total by
 * month, the services' scaling and load, and the signals with the month
 * each fires and the upgrade step it points to. Every name from an input
 * goes through md_write.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "report/sim_report.h"
#include "util/escape.h"

static void money_cells(FILE *f, const struct cstat *c)
{
	char a[48], b[48], d[48], e[48];
	fprintf(f, " %s | %s | %s | %s |\n", sim_usd(c->p5, a, sizeof(a)),
		sim_usd(c->p50, b, sizeof(b)), sim_usd(c->p95, d, sizeof(d)),
		sim_usd(c->mean, e, sizeof(e)));
}

/* "7", or ">12" for not within the horizon */
static const char *month_text(char *buf, size_t size, int m, int months)
{
	snprintf(buf, size, m > months ? ">%d" : "%d", m > months ? months : m);
	return buf;
}

void report_sim_markdown(FILE *f, const struct sim_view *v)
{
	const struct bills *b = v->b;
	const struct sim_summary *sum = v->sum;
	int M = v->mc->months;
	char pub[96];

	fputs("## Simulated monthly cost: ", f);
	md_write(f, v->s->name);
	fprintf(f, " (%s)\n\n", b->region);
	report_prices_valid_range(b->published_min, b->published_max, pub, sizeof(pub));
	fprintf(f, "%ld runs x %d month%s, seed %" PRIu64 " (%s); traffic: %s; USD, %s.\n\n",
		v->mc->runs, M, M == 1 ? "" : "s", v->o->seed, MC_GENERATOR,
		v->u->tp->present ? "the scenario's profile" : "the built-in early-stage defaults",
		pub);

	fputs("### Month 1 bill\n\n| Resource | p5 | p50 | p95 | mean |\n|---|---:|---:|---:|---:|\n",
	      f);
	for (size_t i = 0; i < b->nitems; i++) {
		fputs("| ", f);
		md_write(f, b->items[i].address);
		fputs(" |", f);
		money_cells(f, &sum->items[i * (size_t)M]);
	}
	fputs("| **Total** |", f);
	money_cells(f, &sum->total[0]);
	fputs("\nPercentiles per line; the total's are of whole bills.\n", f);

	if (M > 1) {
		fputs("\n### Total by month, as traffic grows\n\n| Month | p5 | p50 | p95 | mean |\n"
		      "|---:|---:|---:|---:|---:|\n",
		      f);
		for (int m = 0; m < M; m++) {
			fprintf(f, "| %d |", m + 1);
			money_cells(f, &sum->total[m]);
		}
	}

	fputs("\n### Services\n\n| Service | Scaling | Task-hours p50 (month 1) | Peak tasks p50/p95 "
	      "| Minutes above 100% CPU p50/p95 | CPU % p50/p95/p99 |\n|---|---|---:|---:|---:|---:|\n",
	      f);
	for (size_t i = 0; i < v->u->nsvc; i++) {
		const struct sim_service *sv = &v->u->svc[i];
		const struct svc_summary *ss = &sum->svc[i];
		fputs("| ", f);
		md_write(f, sv->res->name);
		fputs(" | ", f);
		md_write(f, sv->desc);
		fprintf(f, " | %.0f | %.0f/%.0f | %.0f/%.0f | %.0f/%.0f/%.0f |\n",
			ss->task_hours[0].p50, ss->peak_tasks.p50, ss->peak_tasks.p95,
			ss->over100.p50, ss->over100.p95, ss->cpu_p50, ss->cpu_p95, ss->cpu_p99);
	}

	fputs("\n### Signals\n\n", f);
	size_t fired = 0;
	for (size_t i = 0; i < v->sig->n; i++) {
		const struct signal *s = &v->sig->sig[i];
		if (!s->fired)
			continue;
		if (!fired++)
			fputs("| Component | First month p50 [p5..p95] | Share of runs | What | Upgrade "
			      "|\n|---|---|---:|---|---|\n",
			      f);
		char a[16], c[16], d[16];
		fputs("| ", f);
		md_write(f, s->component);
		fprintf(f, " | %s [%s..%s] | %.0f%% | ", month_text(a, sizeof(a), s->p50, M),
			month_text(c, sizeof(c), s->p5, M), month_text(d, sizeof(d), s->p95, M),
			100.0 * (double)s->fired / (double)v->mc->runs);
		md_write(f, s->what);
		fputs(" | ", f);
		md_write(f, s->upgrade);
		fputs(" |\n", f);
	}
	if (!fired)
		fprintf(f, "No signal fires within %d month%s.\n", M, M == 1 ? "" : "s");
	for (size_t i = 0; i < b->nwarn; i++) {
		fputs("\n> **Warning:** ", f);
		md_write(f, b->warnings[i]);
		fputc('\n', f);
	}
}
