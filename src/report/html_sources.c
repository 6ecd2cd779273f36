/*
 * html_sources.c - section 5 of the report: where every price comes from,
 * when it was published, the scenario's notes and warnings, and the exact
 * command that produced the page (so anyone can produce it again).
 *
 * The source table is built from the price entries the lines actually
 * used: one row per offer and source, with its publication date and how
 * many lines it priced.
 */
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "report/html.h"
#include "report/report.h"

struct src_row {
	const char *offer;
	const char *source;
	const char *published;
	int lines;
};

static int src_cmp(const void *a, const void *b)
{
	const struct src_row *x = a, *y = b;
	int r = strcmp(x->offer, y->offer);
	if (r)
		return r;
	r = strcmp(x->source, y->source);
	return r ? r : strcmp(x->published, y->published);
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

void html_section_sources(FILE *f, const struct html_page *p)
{
	const struct breakdown *b = p->b;
	size_t cap = 0, n = 0;
	for (size_t i = 0; i < b->n; i++)
		cap += b->items[i].n;
	struct src_row *rows = calloc(cap ? cap : 1, sizeof(*rows));
	for (size_t i = 0; i < b->n; i++)
		for (size_t j = 0; j < b->items[i].n; j++) {
			const struct price_entry *e = b->items[i].lines[j].price;
			if (!e)
				continue;
			struct src_row r = {e->src ? nz(e->src->offer) : "", nz(e->source),
					    nz(e->published), 1};
			size_t k;
			for (k = 0; k < n; k++)
				if (src_cmp(&rows[k], &r) == 0)
					break;
			if (k < n)
				rows[k].lines++;
			else
				rows[n++] = r;
		}
	qsort(rows, n, sizeof(*rows), src_cmp);

	char pub[96];
	report_prices_valid(b, pub, sizeof(pub));
	fputs("<section id=\"sources\">\n<h2>Price sources and assumptions</h2>\n<p>Prices: ", f);
	html_write(f, b->source);
	fputs(", ", f);
	html_write(f, pub);
	fputs(". On-demand list prices in USD; taxes, support plans and credits are not included.</p>\n",
	      f);
	fputs("<div class=\"scroll\"><table id=\"price-sources\">\n<thead><tr><th scope=\"col\">Offer</th>"
	      "<th scope=\"col\">Source of the figures</th><th scope=\"col\">Published</th>"
	      "<th scope=\"col\" class=\"num\">Lines</th></tr></thead>\n<tbody>\n",
	      f);
	for (size_t k = 0; k < n; k++) {
		fputs("<tr><td><code>", f);
		html_write(f, rows[k].offer);
		fputs("</code></td><td>", f);
		html_write(f, rows[k].source);
		fputs("</td><td class=\"num\">", f);
		html_write(f, rows[k].published);
		fprintf(f, "</td><td class=\"num\">%d</td></tr>\n", rows[k].lines);
	}
	fputs("</tbody></table></div>\n", f);
	free(rows);

	if (b->nnotes) {
		fputs("<h3>Notes</h3>\n<ul>\n", f);
		for (size_t i = 0; i < b->nnotes; i++) {
			fputs("<li>", f);
			html_write(f, b->notes[i]);
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	for (size_t i = 0; i < b->nwarn; i++) {
		fputs("<p class=\"warn\"><strong>Warning:</strong> ", f);
		html_write(f, b->warnings[i]);
		fputs("</p>\n", f);
	}
	fputs("<h3>Reproduce this page</h3>\n<pre id=\"command\"><code>", f);
	html_write(f, p->command);
	fputs("</code></pre>\n<p class=\"legend\">The same figures as JSON, with the same scenario "
	      "options: <code>costplan breakdown --format json</code> (the bill)",
	      f);
	if (p->up)
		fputs(", <code>costplan upgrades --format json</code> (the upgrade path)", f);
	if (p->sim)
		fputs(", <code>costplan simulate --format json</code> with the same <code>--runs</code>, "
		      "<code>--months</code> and <code>--seed</code> (the simulation)",
		      f);
	fputs(".</p>\n</section>\n", f);
}
