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
			fprintf(f, " | %s | ", q);
			md_write(f, l->unit);
			fprintf(f, " | %s | %s |\n", l->tiered ? "tiered" : p,
				dec_format_usd(l->cost_cents, c, sizeof(c)));
		}
	}
	fprintf(f, "| **Total** |  |  |  |  | **%s** |\n\n", dec_format_usd(b->total, c, sizeof(c)));
	int nfree = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->items[i].free) {
			fputs(nfree++ ? ", " : "Free resources, considered at $0: ", f);
			md_write(f, b->items[i].address);
		}
	if (nfree)
		fputs(".\n\n", f);
	fputs("\\* usage-based: the quantity comes from the scenario's usage figures.\n", f);
	for (size_t i = 0; i < b->nwarn; i++) {
		fputs("\n> **Warning:** ", f);
		md_write(f, b->warnings[i]);
		fputs("\n", f);
	}
}
