/*
 * html_upgrades.c - section 3 of the report: the upgrade path, from the
 * baseline to the production total.
 *
 * A waterfall (baseline, each step's cumulative delta in step order
 * labelled with its signal, the production total), then the table: each
 * step alone and in turn, the auto-scaling range and variants, then the
 * alternatives priced beside the path with their verdicts, and the
 * assumptions every figure depends on. All figures come from
 * cost/upgrade_path.h (priced by the one engine); sentences shared with
 * the other formats come from report/upgrades.h.
 */
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "report/html.h"
#include "report/svg.h"
#include "report/upgrades.h"

static void waterfall(FILE *f, const struct upgrade_path *up)
{
	size_t n = up->nsteps + 2, k = 0;
	struct svg_step *st = calloc(n, sizeof(*st));
	char (*vals)[DEC_BUFSZ] = calloc(n, sizeof(*vals));
	char (*labels)[256] = calloc(n, sizeof(*labels));
	char **notes = calloc(n, sizeof(*notes));

	st[k++] = (struct svg_step){"Baseline", html_usd(up->baseline.total, vals[0]), NULL,
				    dec_to_double(up->baseline.total), 1};
	for (size_t i = 0; i < up->nsteps; i++, k++) {
		const struct upgrade_result *r = &up->results[i];
		snprintf(labels[k], sizeof(labels[k]), "%d. %s", r->step->order, r->step->title);
		notes[k] = xasprintf("when: %s", r->step->signal ? r->step->signal : "");
		st[k] = (struct svg_step){labels[k], html_usd_signed(r->cumulative_delta, vals[k]),
					  notes[k], dec_to_double(r->cumulative_delta), 0};
	}
	st[k] = (struct svg_step){"Production", html_usd(up->production.total, vals[k]), NULL,
				  dec_to_double(up->production.total), 1};
	k++;
	fputs("<figure id=\"upgrade-waterfall\">", f);
	svg_waterfall(f, "chart-upgrades", "The upgrade path, step by step", "US dollars per month",
		      st, k, NULL, 0);
	fputs("<figcaption class=\"legend\">Each step adds its cost to the running total, in "
	      "step order; under each step, the signal that says when to take it.</figcaption>"
	      "</figure>\n",
	      f);
	for (size_t i = 0; i < n; i++)
		free(notes[i]);
	free(notes);
	free(labels);
	free(vals);
	free(st);
}

static void range_note(FILE *f, const struct priced *p)
{
	char lo[DEC_BUFSZ], hi[DEC_BUFSZ];
	if (!p->has_range)
		return;
	fprintf(f,
		"<span class=\"note\">auto-scaled: %s with every scaled service at its minimum "
		"tasks, %s at its maximum</span>",
		html_usd(p->low, lo), html_usd(p->high, hi));
}

static void steps_table(FILE *f, const struct upgrade_path *up)
{
	char a[DEC_BUFSZ], b[DEC_BUFSZ], c[DEC_BUFSZ];
	fputs("<div class=\"scroll\"><table id=\"upgrades\">\n<thead><tr><th scope=\"col\">Step and "
	      "its signal</th><th scope=\"col\" class=\"num\">Alone</th><th scope=\"col\" "
	      "class=\"num\">In turn</th><th scope=\"col\" class=\"num\">Running total</th></tr>"
	      "</thead>\n<tbody>\n",
	      f);
	fprintf(f,
		"<tr class=\"item\"><th scope=\"row\">Baseline</th><td class=\"num\"></td>"
		"<td class=\"num\"></td><td class=\"num\">%s</td></tr>\n",
		html_usd(up->baseline.total, c));
	for (size_t i = 0; i < up->nsteps; i++) {
		const struct upgrade_result *r = &up->results[i];
		fprintf(f, "<tr class=\"step\"><td><strong>%d. ", r->step->order);
		html_write(f, r->step->title);
		fputs("</strong><span class=\"note\">when: ", f);
		html_write(f, r->step->signal);
		fputs("</span>", f);
		range_note(f, &r->alone);
		for (size_t v = 0; v < r->nvariants; v++) {
			fputs("<span class=\"note\">", f);
			html_write(f, r->variants[v].variant->label);
			fprintf(f, " instead: %s alone</span>", html_usd_signed(r->variants[v].delta, a));
		}
		fprintf(f, "</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
			   "<td class=\"num\">%s</td></tr>\n",
			html_usd_signed(r->alone_delta, a), html_usd_signed(r->cumulative_delta, b),
			html_usd(r->cumulative.total, c));
	}
	fprintf(f,
		"</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\">Production "
		"(%s over the baseline)",
		html_usd_signed(dec_sub(up->production.total, up->baseline.total), a));
	range_note(f, &up->production);
	fprintf(f,
		"</th><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\" "
		"id=\"production-total\">%s</td></tr></tfoot>\n</table></div>\n",
		html_usd(up->production.total, c));
	fputs("<p class=\"legend\"><em>Alone</em>: the step by itself on the baseline. <em>In "
	      "turn</em>: what it adds after the steps above it (the two differ only where steps "
	      "interact).</p>\n",
	      f);
}

static void alternatives_table(FILE *f, const struct upgrade_path *up)
{
	char a[DEC_BUFSZ], b[DEC_BUFSZ], buf[1024];
	if (up->n <= up->nsteps)
		return;
	fputs("<h3>Alternatives, priced beside the path</h3>\n<div class=\"scroll\">"
	      "<table id=\"alternatives\">\n<thead><tr><th scope=\"col\">Alternative</th>"
	      "<th scope=\"col\" class=\"num\">On the baseline</th><th scope=\"col\" "
	      "class=\"num\">On production</th></tr></thead>\n<tbody>\n",
	      f);
	for (size_t i = up->nsteps; i < up->n; i++) {
		const struct upgrade_result *r = &up->results[i];
		fputs("<tr class=\"alt\"><td><strong>", f);
		html_write(f, r->step->title);
		fputs("</strong>", f);
		if (r->has_verdict) {
			fputs("<span class=\"note\">verdict: ", f);
			html_write(f, report_verdict(r, buf, sizeof(buf)));
			fputs("</span>", f);
		}
		fputs("<span class=\"note\">when: ", f);
		html_write(f, r->step->signal);
		fprintf(f, "</span></td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
			html_usd_signed(r->alone_delta, a), html_usd_signed(r->cumulative_delta, b));
	}
	fputs("</tbody></table></div>\n", f);
}

static void assumptions(FILE *f, const struct upgrade_path *up)
{
	char v[DEC_BUFSZ * 2];
	int any = 0;
	for (size_t i = 0; i < up->n; i++) {
		const struct upgrade_step *s = up->results[i].step;
		for (size_t j = 0; j < s->nassumptions; j++) {
			const struct upgrade_assumption *a = &s->assumptions[j];
			if (!any++)
				fputs("<h3>Assumptions behind these figures</h3>\n<ul class=\"assumptions\">\n",
				      f);
			fputs("<li><code>", f);
			html_write(f, a->key);
			fputs("</code> = ", f);
			html_write(f, report_json_scalar(a->value, v, sizeof(v)));
			fputc(' ', f);
			html_write(f, a->unit);
			if (a->overridden)
				fputs(" (set by --assume)", f);
			fprintf(f, " <span class=\"note\">%s ", a->assumption ? "assumption:" : "source:");
			html_write(f, a->source);
			fputs("</span></li>\n", f);
		}
	}
	if (any)
		fputs("</ul>\n<p class=\"legend\">Change one with <code>--assume KEY=VALUE</code>.</p>\n",
		      f);
}

void html_section_upgrades(FILE *f, const struct html_page *p)
{
	fputs("<section id=\"upgrades-path\">\n<h2>The upgrade path</h2>\n", f);
	if (!p->up) {
		fputs("<p class=\"missing\">Not included: ", f);
		html_write(f, p->upgrades_missing ? p->upgrades_missing : "no upgrade steps given");
		fputs("</p>\n</section>\n", f);
		return;
	}
	const struct upgrade_path *up = p->up;
	char a[DEC_BUFSZ], b[DEC_BUFSZ], c[DEC_BUFSZ];
	fprintf(f,
		"<p>The path to production, each step a line or two of Terraform taken "
		"when its signal fires: from %s to <strong>%s</strong> a month (%s).</p>\n",
		html_usd(up->baseline.total, a), html_usd(up->production.total, b),
		html_usd_signed(dec_sub(up->production.total, up->baseline.total), c));
	waterfall(f, up);
	steps_table(f, up);
	alternatives_table(f, up);
	assumptions(f, up);
	fputs("</section>\n", f);
}
