/*
 * html_simulation.c - section 4 of the report, when `--simulate` ran:
 * traffic, autoscaling and the spread of monthly bills.
 *
 *  - a sample week of one run: request rate per service, and the tasks
 *    running per service (small multiples, one panel each);
 *  - a histogram of month 1's bills over all runs with p5, p50 and p95
 *    marked (nearest-rank percentiles: bills some run really had);
 *  - the bill by month as traffic grows (p5, p50, p95);
 *  - the capacity signals: the month each one fires (p5-p95 span, p50
 *    dot), the share of runs in which it fires, the upgrade it points to;
 *  - the services: scaling, peak tasks, minutes with load not served.
 *
 * Figures come from issue 4's statistics (sim/summary.h, sim/signals.h)
 * and its priced bills (sim/bills.h, exact cents); the week from
 * sim/sample_week.h. Geometry only is in doubles.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "report/html.h"
#include "report/sim_report.h"
#include "report/svg.h"
#include "sim/sample_week.h"

static const char *const DAYS[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", NULL};

static void week_charts(FILE *f, const struct sample_week *w)
{
	struct svg_series *s = calloc(w->nsvc ? w->nsvc : 1, sizeof(*s));
	char title[160];
	for (size_t i = 0; i < w->nsvc; i++)
		s[i] = (struct svg_series){w->names[i], w->rate + i * SAMPLE_POINTS, SAMPLE_POINTS, 0};
	fprintf(f,
		"<h3>A sample week</h3>\n<p>Run %ld, the week from Monday of month %d (minute %ld of "
		"the run), in %d-minute steps: the traffic each service received and the tasks it "
		"ran.</p>\n",
		w->run + 1, w->month, w->start_minute, SAMPLE_BUCKET_MIN);
	snprintf(title, sizeof(title), "Requests per second, run %ld, month %d", w->run + 1,
		 w->month);
	fputs("<figure id=\"week-requests\">", f);
	svg_line_chart(f, "chart-week-rate", title, "day of the week (UTC)", "requests per second",
		       7, 1, DAYS, s, w->nsvc, 1);
	fputs("</figure>\n", f);
	for (size_t i = 0; i < w->nsvc; i++)
		s[i] = (struct svg_series){w->names[i], w->running + i * SAMPLE_POINTS, SAMPLE_POINTS, 1};
	snprintf(title, sizeof(title), "Tasks running, the same week");
	fputs("<figure id=\"week-tasks\">", f);
	svg_step_panels(f, "chart-week-tasks", title, "day of the week (UTC)", "tasks running", 7, 1,
			DAYS, s, w->nsvc);
	fputs("<figcaption class=\"legend\">The most tasks running in each step (launched and "
	      "billed, including tasks still starting or draining).</figcaption></figure>\n",
	      f);
	free(s);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

static void histogram(FILE *f, const struct sim_view *v, int month)
{
	long runs = v->mc->runs;
	const int64_t *t = v->b->total + (size_t)month * (size_t)runs;
	const struct cstat *c = &v->sum->total[month];
	int64_t *sorted = malloc((size_t)runs * sizeof(*sorted));
	memcpy(sorted, t, (size_t)runs * sizeof(*sorted));
	qsort(sorted, (size_t)runs, sizeof(*sorted), cmp_i64);
	double lo = (double)sorted[0] / 100.0, hi = (double)sorted[runs - 1] / 100.0;
	free(sorted);
	/* bins on round dollar (or cent) boundaries covering every bill */
	size_t nbins = (size_t)sqrt((double)runs) + 1;
	if (nbins < 8)
		nbins = 8;
	if (nbins > 30)
		nbins = 30;
	double width = svg_nice_step(hi - lo > 0.01 ? hi - lo : 0.01, (int)nbins);
	double x0 = floor(lo / width) * width, x1 = x0 + width * (double)nbins;
	while (x1 - width >= hi && nbins > 1 && x1 - width > lo) {
		x1 -= width;
		nbins--;
	}
	unsigned *counts = calloc(nbins, sizeof(*counts));
	for (long r = 0; r < runs; r++) {
		double x = (double)t[r] / 100.0;
		long k = (long)floor((x - x0) / width);
		if (k < 0)
			k = 0;
		if (k >= (long)nbins)
			k = (long)nbins - 1;
		counts[k]++;
	}
	char l5[DEC_BUFSZ + 8], l50[DEC_BUFSZ + 8], l95[DEC_BUFSZ + 8], u[DEC_BUFSZ];
	snprintf(l5, sizeof(l5), "p5 %s", sim_usd(c->p5, u, sizeof(u)));
	snprintf(l50, sizeof(l50), "p50 %s", sim_usd(c->p50, u, sizeof(u)));
	snprintf(l95, sizeof(l95), "p95 %s", sim_usd(c->p95, u, sizeof(u)));
	struct svg_marker m[3] = {{(double)c->p5 / 100.0, l5},
				  {(double)c->p50 / 100.0, l50},
				  {(double)c->p95 / 100.0, l95}};
	char title[128];
	snprintf(title, sizeof(title), "Month %d bills over %ld runs", month + 1, runs);
	fputs("<figure id=\"bill-histogram\">", f);
	svg_histogram(f, "chart-bills", title, "monthly bill (US dollars)", "runs", x0, x1, counts,
		      nbins, m, 3, svg_nice_step(x1 - x0, 6) < 1 ? "$%.2f" : "$%.0f");
	fputs("<figcaption class=\"legend\">Each bar counts the runs whose bill fell in its range; "
	      "the dashed lines mark the 5th, 50th and 95th percentiles (each a bill some run "
	      "had).</figcaption></figure>\n",
	      f);
	free(counts);
}

static void by_month(FILE *f, const struct sim_view *v)
{
	int M = v->mc->months;
	char a[DEC_BUFSZ], b[DEC_BUFSZ], c[DEC_BUFSZ], d[DEC_BUFSZ];
	if (M > 1) {
		double *p5 = calloc((size_t)M, sizeof(double)), *p50 = calloc((size_t)M, sizeof(double)),
		       *p95 = calloc((size_t)M, sizeof(double));
		const char **labels = calloc((size_t)M + 1, sizeof(char *));
		char (*lb)[12] = calloc((size_t)M, sizeof(*lb));
		int every = M <= 12 ? 1 : M <= 24 ? 2 : M <= 60 ? 6 : 12;
		for (int m = 0; m < M; m++) {
			p5[m] = (double)v->sum->total[m].p5 / 100.0;
			p50[m] = (double)v->sum->total[m].p50 / 100.0;
			p95[m] = (double)v->sum->total[m].p95 / 100.0;
			snprintf(lb[m], sizeof(lb[m]), "%d", m + 1);
			labels[m] = (m % every == 0) ? lb[m] : "";
		}
		struct svg_series s[3] = {{"p95", p95, (size_t)M, 1},
					  {"p50 (median)", p50, (size_t)M, 1},
					  {"p5", p5, (size_t)M, 1}};
		fputs("<figure id=\"bill-by-month\">", f);
		double base = svg_line_chart(f, "chart-months", "The monthly bill as traffic grows", "month",
			       "US dollars per month", M, 1, labels, s, 3, 0);
		if (base > 0)
			fprintf(f, "<figcaption class=\"legend\">The y axis starts at $%.0f, not zero "
				   "(dashed base line), so the spread stays visible.</figcaption>",
				base);
		fputs("</figure>\n", f);
		free(p5);
		free(p50);
		free(p95);
		free(labels);
		free(lb);
	}
	fputs("<div class=\"scroll\"><table id=\"sim-months\">\n<thead><tr><th scope=\"col\">Month"
	      "</th><th scope=\"col\" class=\"num\">p5</th><th scope=\"col\" class=\"num\">p50</th>"
	      "<th scope=\"col\" class=\"num\">p95</th><th scope=\"col\" class=\"num\">mean</th>"
	      "</tr></thead>\n<tbody>\n",
	      f);
	for (int m = 0; m < M; m++) {
		const struct cstat *t = &v->sum->total[m];
		fprintf(f,
			"<tr class=\"month\"><td>%d</td><td class=\"num\">%s</td><td class=\"num\">%s"
			"</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
			m + 1, sim_usd(t->p5, a, sizeof(a)), sim_usd(t->p50, b, sizeof(b)),
			sim_usd(t->p95, c, sizeof(c)), sim_usd(t->mean, d, sizeof(d)));
	}
	fputs("</tbody></table></div>\n", f);
}

static void month_text(char *buf, size_t size, int m, int M)
{
	if (m > M)
		snprintf(buf, size, "after month %d", M);
	else
		snprintf(buf, size, "%d", m);
}

static void signals(FILE *f, const struct sim_view *v)
{
	const struct signals *sg = v->sig;
	int M = v->mc->months;
	long runs = v->mc->runs;
	fputs("<h3>Capacity signals: when growth reaches each limit</h3>\n", f);
	if (!sg->n) {
		fputs("<p>No capacity signal applies to this scenario.</p>\n", f);
		return;
	}
	struct svg_range *r = calloc(sg->n, sizeof(*r));
	char (*labels)[400] = calloc(sg->n, sizeof(*labels));
	char (*vals)[160] = calloc(sg->n, sizeof(*vals));
	for (size_t i = 0; i < sg->n; i++) {
		const struct signal *s = &sg->sig[i];
		snprintf(labels[i], sizeof(labels[i]), "%s: %s", s->component, s->what);
		long pct = (long)floor(100.0 * (double)s->fired / (double)runs + 0.5);
		if (!s->fired) {
			snprintf(vals[i], sizeof(vals[i]), "not within %d months", M);
			r[i] = (struct svg_range){labels[i], vals[i], 0, -1, 0};
			continue;
		}
		if (s->p50 <= M) {
			char c[32];
			month_text(c, sizeof(c), s->p95, M);
			snprintf(vals[i], sizeof(vals[i]), "month %d (%d-%s), %ld%% of runs", s->p50,
				 s->p5, s->p95 > M ? "later" : c, pct);
		} else {
			snprintf(vals[i], sizeof(vals[i]), "%ld%% of runs, from month %d", pct, s->p5);
		}
		/* a span that runs past the horizon ends at its edge; a median past
		 * it has no dot */
		r[i] = (struct svg_range){labels[i], vals[i], s->p5 > M ? M : s->p5,
					  s->p50 > M ? NAN : s->p50, s->p95 > M ? M : s->p95};
	}
	char title[96];
	snprintf(title, sizeof(title), "First month each signal fires (of %d)", M);
	fputs("<figure id=\"signals-chart\">", f);
	svg_range_chart(f, "chart-signals", title, "month", 1, M > 1 ? M : 2,
			M <= 12 ? 1 : M <= 24 ? 2 : 6, r, sg->n);
	fprintf(f,
		"<figcaption class=\"legend\">The dot is the median run&rsquo;s first month; the "
		"line spans the 5th to 95th percentile over runs (to the edge when some runs cross "
		"after month %d; no dot when most runs do not cross within it).</figcaption>"
		"</figure>\n",
		M);
	fputs("<div class=\"scroll\"><table id=\"signals\">\n<thead><tr><th scope=\"col\">Signal and "
	      "the upgrade it points to</th><th scope=\"col\" class=\"num\">First month p50</th>"
	      "<th scope=\"col\" class=\"num\">p5&ndash;p95</th><th scope=\"col\" class=\"num\">Runs"
	      "</th></tr></thead>\n<tbody>\n",
	      f);
	for (size_t i = 0; i < sg->n; i++) {
		const struct signal *s = &sg->sig[i];
		char a[32], b[32], c[32];
		fputs("<tr class=\"signal\"><td><strong>", f);
		html_write(f, s->component);
		fputs("</strong>: ", f);
		html_write(f, s->what);
		if (s->fired) {
			fputs("<span class=\"note\">&rarr; ", f);
			html_write(f, s->upgrade);
			fputs("</span>", f);
		}
		month_text(a, sizeof(a), s->p50, M);
		month_text(b, sizeof(b), s->p5, M);
		month_text(c, sizeof(c), s->p95, M);
		if (s->fired)
			fprintf(f, "</td><td class=\"num\">%s</td><td class=\"num\">%s&ndash;%s</td>", a, b,
				c);
		else
			fprintf(f, "</td><td class=\"num\">not within %d</td><td class=\"num\"></td>", M);
		fprintf(f, "<td class=\"num\">%ld of %ld</td></tr>\n", s->fired, runs);
	}
	fputs("</tbody></table></div>\n", f);
	free(r);
	free(labels);
	free(vals);
}

static void services(FILE *f, const struct sim_view *v)
{
	int M = v->mc->months;
	fputs("<h3>Services</h3>\n<div class=\"scroll\"><table id=\"sim-services\">\n<thead><tr>"
	      "<th scope=\"col\">Service</th><th scope=\"col\" class=\"num\">Task-hours, month 1"
	      "</th><th scope=\"col\" class=\"num\">Peak tasks p50 / p95</th><th scope=\"col\" "
	      "class=\"num\">Minutes load not served p50 / p95</th></tr></thead>\n<tbody>\n",
	      f);
	for (size_t i = 0; i < v->u->nsvc; i++) {
		const struct sim_service *sv = &v->u->svc[i];
		const struct svc_summary *ss = &v->sum->svc[i];
		fputs("<tr><td><strong>", f);
		html_write(f, sv->res->address);
		fputs("</strong><span class=\"note\">", f);
		html_write(f, sv->desc);
		fprintf(f,
			"</span></td><td class=\"num\">%.0f</td><td class=\"num\">%.0f / %.0f</td>"
			"<td class=\"num\">%.0f / %.0f</td></tr>\n",
			ss->task_hours[0].p50, ss->peak_tasks.p50, ss->peak_tasks.p95, ss->over100.p50,
			ss->over100.p95);
	}
	fprintf(f,
		"</tbody></table></div>\n<p class=\"legend\">Peak tasks and minutes with more load "
		"than the running tasks&rsquo; CPU can serve are over the whole %d-month horizon, "
		"per run.</p>\n",
		M);
}

void html_section_simulation(FILE *f, const struct html_page *p)
{
	fputs("<section id=\"simulation\">\n<h2>Simulation: traffic, autoscaling and the spread of "
	      "bills</h2>\n",
	      f);
	if (!p->sim) {
		fputs("<p class=\"missing\">Not included: ", f);
		html_write(f, p->sim_missing ? p->sim_missing : "not simulated");
		fputs("</p>\n</section>\n", f);
		return;
	}
	const struct sim_view *v = p->sim;
	int M = v->mc->months;
	char a[DEC_BUFSZ], b[DEC_BUFSZ], c[DEC_BUFSZ], d[DEC_BUFSZ];
	fprintf(f,
		"<p>%ld runs of %d month%s each, minute by minute, with seed %llu: every run draws "
		"its traffic (daily and weekly shape, growth, noise, spikes) from the %s traffic "
		"profile, scales the services the way ECS does, and its months are priced by the same "
		"engine as the bill above. Month 1: median <strong>%s</strong>, 5th&ndash;95th "
		"percentile %s&ndash;%s",
		v->mc->runs, M, M == 1 ? "" : "s", (unsigned long long)v->o->seed,
		v->u->tp->present ? "scenario&rsquo;s" : "default", sim_usd(v->sum->total[0].p50, a, sizeof(a)),
		sim_usd(v->sum->total[0].p5, b, sizeof(b)), sim_usd(v->sum->total[0].p95, c, sizeof(c)));
	if (M > 1)
		fprintf(f, "; month %d: median %s", M, sim_usd(v->sum->total[M - 1].p50, d, sizeof(d)));
	fputs(".</p>\n", f);
	if (p->week)
		week_charts(f, p->week);
	else
		fputs("<p class=\"missing\">No sample week: the horizon is shorter than a week from "
		      "the chosen month.</p>\n",
		      f);
	fputs("<h3>How wide the spread of bills is</h3>\n", f);
	histogram(f, v, 0);
	by_month(f, v);
	signals(f, v);
	services(f, v);
	for (size_t i = 0; i < v->b->nwarn; i++) {
		fputs("<p class=\"warn\"><strong>Warning:</strong> ", f);
		html_write(f, v->b->warnings[i]);
		fputs("</p>\n", f);
	}
	fputs("</section>\n", f);
}
