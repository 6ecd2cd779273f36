/*
 * breakdown_md.c - GitHub-flavoured markdown: a summary table per resource
 * and the component lines, for READMEs, wikis and PR comments. Every name
 * from the input goes through md_write().
 */
#include "util/escape.h"
#include "report/report.h"

void report_breakdown_markdown(FILE *f, const struct breakdown *b)
{
	char c[DEC_BUFSZ * 2], q[DEC_BUFSZ], p[DEC_BUFSZ], pub[96];
	report_prices_valid(b, pub, sizeof(pub));
	fputs("## Monthly cost: ", f);
	md_write(f, b->scenario);
	fprintf(f, " (%s)\n\n", b->region);
	fprintf(f, "**Total: %s per month** (USD, %d hours a month, %s).\n\n",
		dec_format_usd(b->total, c, sizeof(c)), HOURS_PER_MONTH, pub);
	for (size_t i = 0; i < b->nnotes; i++) {
		fputs("> ", f);
		md_write(f, b->notes[i]);
		fputs("\n", f);
	}
	if (b->nnotes)
		fputs("\n", f);
	fputs("| Resource | Component | Quantity | Unit | Unit price | Monthly |\n", f);
	fputs("|---|---|---:|---|---:|---:|\n", f);
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		if (it->free)
			continue;
		fputs("| **", f);
		md_write(f, it->address);
		fprintf(f, "** |  |  |  |  | **%s** |\n", dec_format_usd(it->total, c, sizeof(c)));
		for (size_t j = 0; j < it->n; j++) {
			const struct cost_line *l = &it->lines[j];
			fputs("|  | ", f);
			md_write(f, l->name);
			if (l->usage_based)
				fputs(" \\*", f);
			if (!l->price) {
				fprintf(f, " |  |  |  | %s |\n", l->usage_based ? "$0.00" : "free");
				continue;
			}
			dec_format_trim(dec_round(l->quantity, 4), q, sizeof(q));
			dec_format_trim(l->unit_price, p, sizeof(p));
			char u[64];
			fprintf(f, " | %s | ", q);
			md_write(f, report_unit_for(dec_to_double(l->quantity), l->unit, u, sizeof(u)));
			fprintf(f, " | %s | %s |\n", l->tiered ? "tiered" : p,
				dec_format_usd(l->cost_cents, c, sizeof(c)));
		}
	}
	fprintf(f, "| **Total** |  |  |  |  | **%s** |\n\n", dec_format_usd(b->total, c, sizeof(c)));
	/* what costs nothing, grouped by AWS's reason */
	struct free_group *g;
	size_t ng = report_free_groups(b, &g);
	if (ng)
		fputs("Free resources, considered at $0, and why AWS charges nothing:\n\n", f);
	for (size_t k = 0; k < ng; k++) {
		fputs("- ", f);
		for (size_t i = 0; i < g[k].n; i++) {
			char name[300];
			if (i)
				fputs(", ", f);
			md_write(f, report_item_name(g[k].items[i], name, sizeof(name)));
		}
		fputs(": ", f);
		md_write(f, g[k].reason);
		fputs("\n", f);
	}
	if (ng)
		fputs("\n", f);
	report_free_groups_release(g, ng);
	/* what costs money and has no price: out of the total */
	if (b->nunpriced)
		fputs("Not priced (they cost money; not in the total):\n\n", f);
	for (size_t i = 0; i < b->nunpriced; i++) {
		fputs("- ", f);
		md_write(f, b->unpriced[i].address);
		fputs(": ", f);
		md_write(f, b->unpriced[i].why);
		fputs("\n", f);
	}
	if (b->nunpriced)
		fputs("\n", f);
	fputs("\\* usage-based: the quantity comes from the scenario's usage figures.\n", f);
	for (size_t i = 0; i < b->nwarn; i++) {
		if (report_warning_is_unpriced_line(b, b->warnings[i]))
			continue; /* listed above, with the reason */
		fputs("\n> **Warning:** ", f);
		md_write(f, b->warnings[i]);
		fputs("\n", f);
	}
}
