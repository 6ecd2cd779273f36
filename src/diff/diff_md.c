/*
 * diff_md.c - the pull-request comment (GitHub-flavoured markdown).
 *
 *   <!-- costplan-diff -->            hidden marker: CI edits this comment
 *   ### Monthly cost will increase by $X (+Y%)
 *   New monthly total, previous total, regions
 *   | Resource | Change | Before | After | Delta |   resources whose cost changes
 *   <details> component lines </details>
 *   <details> not priced </details>, <details> warnings </details>
 *   footer: price snapshot date, what usage-based lines mean
 *
 * Every string that comes from an input (addresses, types, component and
 * file names, warnings, reasons) goes through md_write(), which escapes
 * all markdown and HTML punctuation: a plan cannot inject markup, images
 * or links. Only our own fixed text and numbers are written raw.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff_report.h"
#include "report/report.h"
#include "util/error.h"
#include "util/escape.h"

static void comp_row(const struct cost_line *b, const struct cost_line *a, void *ctx)
{
	FILE *f = ctx;
	char x[DEC_BUFSZ * 2], y[DEC_BUFSZ * 2], z[DEC_BUFSZ * 2];
	dec bc = b ? b->cost_cents : dec_zero(), ac = a ? a->cost_cents : dec_zero();
	const struct cost_line *l = a ? a : b;
	fputs("|  | ", f);
	md_write(f, l->name);
	if (l->usage_based)
		fputs(" \\*", f);
	if (l->usage_based && !l->has_usage && l->note) {
		/* what a figure would cost: "depends on usage: $0.023 per GB" */
		char note[256];
		snprintf(note, sizeof(note), "%.*s", (int)strcspn(l->note, ";"), l->note);
		fputs(" (", f);
		md_write(f, note);
		fputs(")", f);
	}
	fprintf(f, " | %s | %s | %s |\n", b ? dec_format_usd(bc, x, sizeof(x)) : "-",
		a ? dec_format_usd(ac, y, sizeof(y)) : "-", dec_format_usd_signed(dec_sub(ac, bc), z, sizeof(z)));
}

void report_diff_markdown(FILE *f, const struct diff *d, const char *guard_reason)
{
	char head[256], x[DEC_BUFSZ * 2], y[DEC_BUFSZ * 2], z[DEC_BUFSZ * 2];
	fputs(DIFF_MARKER "\n", f);
	diff_headline(d, head, sizeof(head));
	fprintf(f, "### %s\n\n", head);
	fprintf(f, "New monthly total: **%s** (was %s). ", dec_format_usd(d->after, x, sizeof(x)),
		dec_format_usd(d->before, y, sizeof(y)));
	fputs("Compared: ", f);
	md_write(f, d->title);
	fputs("; region ", f);
	md_write(f, d->head->b.region);
	fputs(".\n\n", f);
	if (guard_reason) {
		fputs("> **Cost guardrail failed:** ", f);
		md_write(f, guard_reason);
		fputs("\n\n", f);
	}
	if (d->nshown) {
		fputs("| Resource | Change | Before | After | Delta |\n", f);
		fputs("|---|---|---:|---:|---:|\n", f);
		for (size_t i = 0; i < d->n; i++) {
			const struct diff_row *r = &d->rows[i];
			if (!diff_row_shown(r))
				continue;
			fputs("| ", f);
			md_write(f, r->address);
			fprintf(f, " | %s | %s | %s | %s |\n", change_label(r->change),
				r->before ? dec_format_usd(r->before_cost, x, sizeof(x)) : "-",
				r->after ? dec_format_usd(r->after_cost, y, sizeof(y)) : "-",
				dec_format_usd_signed(r->delta, z, sizeof(z)));
		}
		fprintf(f, "| **Total** |  | **%s** | **%s** | **%s** |\n\n",
			dec_format_usd(d->before, x, sizeof(x)), dec_format_usd(d->after, y, sizeof(y)),
			dec_format_usd_signed(d->delta, z, sizeof(z)));
	} else {
		fputs("No resource changes cost.\n\n", f);
	}
	size_t same = d->n - (size_t)d->nshown;
	if (same)
		fprintf(f, "%zu other resource%s %s cost.\n\n", same, same == 1 ? "" : "s",
			same == 1 ? "keeps its" : "keep their");

	if (d->nshown) {
		fputs("<details><summary>Cost components</summary>\n\n", f);
		fputs("| Resource / component | | Before | After | Delta |\n", f);
		fputs("|---|---|---:|---:|---:|\n", f);
		for (size_t i = 0; i < d->n; i++) {
			const struct diff_row *r = &d->rows[i];
			if (!diff_row_shown(r))
				continue;
			fputs("| **", f);
			md_write(f, r->address);
			fprintf(f, "** | %s | | | |\n", change_label(r->change));
			const struct cost_item *it = r->after ? r->after : r->before;
			if (it->free) {
				/* nothing to price: say why AWS charges nothing */
				fputs("|  | free: ", f);
				md_write(f, report_free_reason(it));
				fputs(" | | | |\n", f);
			}
			diff_lines(r, comp_row, f);
		}
		fputs("\n\\* usage-based: from the usage file; $0 when no usage was given.\n\n", f);
		fputs("</details>\n\n", f);
	}
	if (d->nunpriced) {
		/* every type, the base's too (a resource the change removes) */
		struct unpriced *all = xcalloc(d->nunpriced, sizeof(*all));
		for (size_t i = 0; i < d->nunpriced; i++)
			all[i] = *d->unpriced[i].u;
		char *sum = unpriced_summary(all, d->nunpriced);
		free(all);
		fprintf(f, "<details><summary>Not priced: %zu resource%s</summary>\n\n", d->nunpriced,
			d->nunpriced == 1 ? "" : "s");
		if (sum[0]) {
			fputs("By type: ", f);
			md_write(f, sum);
			fputs(".\n\n", f);
		}
		free(sum);
		for (size_t i = 0; i < d->nunpriced; i++) {
			fputs("- ", f);
			md_write(f, d->unpriced[i].u->address);
			if (d->unpriced[i].action) {
				fputs(" (", f);
				md_write(f, d->unpriced[i].action);
				fputs(")", f);
			}
			fputs(": ", f);
			md_write(f, d->unpriced[i].u->why);
			fputc('\n', f);
		}
		fputs("\n</details>\n\n", f);
	}
	if (d->nwarn) {
		fprintf(f, "<details><summary>Warnings: %zu</summary>\n\n", d->nwarn);
		for (size_t i = 0; i < d->nwarn; i++) {
			fputs("- ", f);
			md_write(f, d->warnings[i]);
			fputc('\n', f);
		}
		fputs("\n</details>\n\n", f);
	}
	fprintf(f, "<sub>costplan %s · AWS list prices, %s · USD, 730 hours a "
		   "month · usage-based lines without usage figures count $0</sub>\n",
		COSTPLAN_VERSION, d->prices_valid);
}
