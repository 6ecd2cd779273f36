/*
 * html_breakdown.c - section 2 of the report: where the money goes.
 *
 * Two bar charts (by category, from breakdown_by_category(), which credits
 * each free-tier allowance to the category it reduces; and by resource,
 * largest first, with the free-tier allowances as one hatched negative bar)
 * and the itemised table: every resource, every line with its quantity,
 * unit price and cost, the same cents as `--format json`.
 */
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "report/html.h"
#include "report/report.h"
#include "report/svg.h"

#define RESOURCE_BARS 24

static const char *const CAT_TITLES[] = {"Compute", "Network", "Data", "Observability",
					 "Security", "Free"};

/* up to three resource-type titles in a category, "A, B, C and more" */
static void category_members(const struct breakdown *b, enum category c, char *buf, size_t size)
{
	const char *seen[4];
	size_t n = 0;
	bool more = false;
	buf[0] = '\0';
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		if (it->category != c || it->free || dec_is_zero(it->total) || !it->title)
			continue;
		size_t k;
		for (k = 0; k < n; k++)
			if (strcmp(seen[k], it->title) == 0)
				break;
		if (k < n)
			continue;
		if (n == 3) {
			more = true;
			break;
		}
		seen[n++] = it->title;
	}
	for (size_t k = 0; k < n; k++) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", k ? ", " : "", seen[k]);
	}
	if (more) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s", " ...");
	}
}

static void category_chart(FILE *f, const struct breakdown *b)
{
	dec cat[CAT_FREE + 1];
	struct svg_bar bars[CAT_FREE + 1];
	char vals[CAT_FREE + 1][DEC_BUFSZ + 16], tags[CAT_FREE + 1][160];
	size_t n = 0;
	breakdown_by_category(b, cat);
	for (int c = 0; c <= CAT_FREE; c++) {
		if (dec_is_zero(cat[c]))
			continue;
		char usd[DEC_BUFSZ];
		html_usd(cat[c], usd);
		long share = 0;
		if (dec_cmp(b->total, dec_zero()) > 0)
			share = (long)(dec_to_double(cat[c]) * 100.0 / dec_to_double(b->total) + 0.5);
		snprintf(vals[n], sizeof(vals[n]), "%s (%ld%%)", usd, share);
		category_members(b, (enum category)c, tags[n], sizeof(tags[n]));
		bars[n] = (struct svg_bar){CAT_TITLES[c], tags[n][0] ? tags[n] : NULL, vals[n],
					   dec_to_double(cat[c]),
					   html_category_style((enum category)c), 0};
		n++;
	}
	if (!n)
		return;
	/* largest first */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && bars[j].value > bars[j - 1].value; j--) {
			struct svg_bar t = bars[j];
			bars[j] = bars[j - 1];
			bars[j - 1] = t;
		}
	fputs("<figure id=\"by-category\">", f);
	svg_hbar_chart(f, "chart-category", "Monthly cost by category (free tier credited)",
		       "US dollars per month", bars, n);
	fputs("</figure>\n", f);
}

static int item_cmp(const void *a, const void *b)
{
	const struct cost_item *x = *(const struct cost_item *const *)a;
	const struct cost_item *y = *(const struct cost_item *const *)b;
	int r = dec_cmp(y->total, x->total);
	if (r)
		return r;
	return x < y ? -1 : x > y;
}

static void resource_chart(FILE *f, const struct breakdown *b)
{
	const struct cost_item **its = calloc(b->n ? b->n : 1, sizeof(*its));
	size_t n = 0;
	for (size_t i = 0; i < b->n; i++)
		if (!b->items[i].free && !dec_is_zero(b->items[i].total))
			its[n++] = &b->items[i];
	if (!n) {
		free(its);
		return;
	}
	qsort(its, n, sizeof(*its), item_cmp);
	/* at most RESOURCE_BARS bars: past that, the smallest resources (not
	 * the credits, which sort last) become one "other resources" bar */
	size_t ncredit = 0;
	while (ncredit < n && dec_cmp(its[n - 1 - ncredit]->total, dec_zero()) < 0)
		ncredit++;
	size_t npos = n - ncredit, shown = npos, nbars = n;
	dec others = dec_zero();
	if (n > RESOURCE_BARS) {
		shown = RESOURCE_BARS - 1 - ncredit;
		for (size_t i = shown; i < npos; i++)
			others = dec_add(others, its[i]->total);
		nbars = shown + 1 + ncredit;
	}
	struct svg_bar *bars = calloc(nbars, sizeof(*bars));
	char (*vals)[DEC_BUFSZ] = calloc(nbars, sizeof(*vals));
	char (*tags)[200] = calloc(nbars, sizeof(*tags));
	char other_label[64];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (i >= shown && i < npos) {
			if (i == shown) {
				snprintf(other_label, sizeof(other_label), "%zu other resources",
					 npos - shown);
				html_usd(others, vals[k]);
				snprintf(tags[k], sizeof(tags[k]), "%s", "smallest, together");
				bars[k] = (struct svg_bar){other_label, tags[k], vals[k],
							   dec_to_double(others), 5, 0};
				k++;
			}
			continue;
		}
		const struct cost_item *it = its[i];
		bool credit = strcmp(it->type, "free_tier") == 0;
		html_usd(it->total, vals[k]);
		if (credit)
			snprintf(tags[k], sizeof(tags[k]), "%s", "allowances, credited");
		else if (it->count > 1)
			snprintf(tags[k], sizeof(tags[k]), "%s x%d, %s", it->title ? it->title : it->type,
				 it->count, category_name(it->category));
		else
			snprintf(tags[k], sizeof(tags[k]), "%s, %s", it->title ? it->title : it->type,
				 category_name(it->category));
		bars[k] = (struct svg_bar){it->address, tags[k], vals[k], dec_to_double(it->total),
					   credit ? 5 : html_category_style(it->category), credit};
		k++;
	}
	fputs("<figure id=\"by-resource\">", f);
	svg_hbar_chart(f, "chart-resource", "Monthly cost by resource, largest first",
		       "US dollars per month", bars, k);
	fputs("<figcaption class=\"legend\">Bar colours follow the categories above; the category is "
	      "also written beside each name. The hatched bar is the free-tier allowances, which "
	      "reduce the total.</figcaption></figure>\n",
	      f);
	free(bars);
	free(vals);
	free(tags);
	free(its);
}

static void itemised_table(FILE *f, const struct breakdown *b)
{
	char c[DEC_BUFSZ], q[DEC_BUFSZ], p[DEC_BUFSZ];
	fputs("<h3>Itemised</h3>\n<div class=\"scroll\"><table id=\"itemised\">\n"
	      "<thead><tr><th scope=\"col\">Resource / component</th>"
	      "<th scope=\"col\" class=\"num\">Quantity</th><th scope=\"col\">Unit</th>"
	      "<th scope=\"col\" class=\"num narrow-hide\">Unit price</th>"
	      "<th scope=\"col\" class=\"num\">Monthly</th></tr></thead>\n<tbody>\n",
	      f);
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		if (it->free)
			continue;
		fputs("<tr class=\"item\"><th scope=\"row\" colspan=\"4\">", f);
		html_write(f, it->address);
		if (it->count > 1)
			fprintf(f, " <span class=\"note\">count %d</span>", it->count);
		fprintf(f, "</th><td class=\"num\">%s</td></tr>\n", html_usd(it->total, c));
		for (size_t j = 0; j < it->n; j++) {
			const struct cost_line *l = &it->lines[j];
			fputs("<tr class=\"line\"><td>", f);
			html_write(f, l->name);
			if (l->usage_based)
				fputs(" <abbr title=\"usage-based\">*</abbr>", f);
			if (l->note) {
				fputs("<span class=\"note\">", f);
				html_write(f, l->note);
				fputs("</span>", f);
			}
			if (!l->price) {
				fprintf(f,
					"</td><td class=\"num\"></td><td></td><td class=\"num narrow-hide\">"
					"</td><td class=\"num\">%s</td></tr>\n",
					l->usage_based ? "$0.00" : "free");
				continue;
			}
			dec_format_trim(dec_round(l->quantity, 4), q, sizeof(q));
			char u[64];
			fprintf(f, "</td><td class=\"num\">%s</td><td>", q);
			html_write(f, report_unit_for(dec_to_double(l->quantity), l->unit, u, sizeof(u)));
			fprintf(f, "</td><td class=\"num narrow-hide\">%s</td><td class=\"num\">%s</td></tr>\n",
				l->tiered ? "tiered" : dec_format_trim(l->unit_price, p, sizeof(p)),
				html_usd(l->cost_cents, c));
		}
	}
	fprintf(f,
		"</tbody>\n<tfoot><tr class=\"total\"><th scope=\"row\" colspan=\"4\">Total per "
		"month</th><td class=\"num\" id=\"table-total\">%s</td></tr></tfoot>\n</table></div>\n",
		html_usd(b->total, c));
	fputs("<p class=\"legend\">* usage-based: the quantity comes from the scenario&rsquo;s usage "
	      "figures. Unit prices are in US dollars per unit, as published.</p>\n",
	      f);
	/* what costs nothing, grouped by AWS's reason */
	struct free_group *g;
	size_t ng = report_free_groups(b, &g);
	if (ng)
		fputs("<p class=\"legend\">Free resources, considered at $0, and why AWS charges "
		      "nothing:</p>\n<ul class=\"legend\" id=\"free\">\n",
		      f);
	for (size_t k = 0; k < ng; k++) {
		char name[300];
		fputs("<li>", f);
		for (size_t i = 0; i < g[k].n; i++) {
			fputs(i ? ", <code>" : "<code>", f);
			html_write(f, report_item_name(g[k].items[i], name, sizeof(name)));
			fputs("</code>", f);
		}
		fputs(": ", f);
		html_write(f, g[k].reason);
		fputs("</li>\n", f);
	}
	if (ng)
		fputs("</ul>\n", f);
	report_free_groups_release(g, ng);
	/* what costs money but has no price */
	if (b->nunpriced)
		fputs("<p class=\"legend\">Not priced (they cost money; not in the total):</p>\n"
		      "<ul class=\"legend\" id=\"not-priced\">\n",
		      f);
	for (size_t i = 0; i < b->nunpriced; i++) {
		fputs("<li><code>", f);
		html_write(f, b->unpriced[i].address);
		fputs("</code>: ", f);
		html_write(f, b->unpriced[i].why);
		fputs("</li>\n", f);
	}
	if (b->nunpriced)
		fputs("</ul>\n", f);
}

void html_section_breakdown(FILE *f, const struct html_page *p)
{
	fputs("<section id=\"money\">\n<h2>Where the money goes</h2>\n", f);
	category_chart(f, p->b);
	resource_chart(f, p->b);
	itemised_table(f, p->b);
	fputs("</section>\n", f);
}
