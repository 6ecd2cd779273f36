/*
 * breakdown_csv.c - RFC 4180 CSV, one row per cost line, a "(free)" row per
 * free resource with AWS's reason, a "(not priced)" row per resource that
 * costs money but has no price (its monthly_cost empty: unknown, not $0),
 * then a TOTAL row. The last column, note, says why (or what the line
 * depends on). Text cells that a spreadsheet could run as a formula are
 * neutralised (escape.h); numbers are written as plain decimals.
 */
#include "util/escape.h"
#include "report/report.h"

static void num(FILE *f, dec v, int places)
{
	char buf[DEC_BUFSZ];
	if (places < 0)
		dec_format_trim(v, buf, sizeof(buf));
	else
		dec_format(v, places, buf, sizeof(buf));
	csv_write_raw(f, buf);
}

void report_breakdown_csv(FILE *f, const struct breakdown *b)
{
	fputs("resource,type,category,component,quantity,unit,unit_price,monthly_cost,usage_based,"
	      "offer,usage_type,source,published,note\r\n",
	      f);
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		if (it->n == 0) {
			csv_write_text(f, it->address);
			fputc(',', f);
			csv_write_text(f, it->type);
			fprintf(f, ",%s,(free),0,,0,0.00,false,,,,,", category_name(it->category));
			csv_write_text(f, report_free_reason(it));
			fputs("\r\n", f);
			continue;
		}
		for (size_t j = 0; j < it->n; j++) {
			const struct cost_line *l = &it->lines[j];
			csv_write_text(f, it->address);
			fputc(',', f);
			csv_write_text(f, it->type);
			fprintf(f, ",%s,", category_name(it->category));
			csv_write_text(f, l->name);
			fputc(',', f);
			num(f, l->quantity, -1);
			fputc(',', f);
			csv_write_text(f, l->unit);
			fputc(',', f);
			num(f, l->unit_price, -1);
			fputc(',', f);
			num(f, l->cost_cents, 2);
			fprintf(f, ",%s,", l->usage_based ? "true" : "false");
			csv_write_text(f, l->price ? l->price->src->offer : "");
			fputc(',', f);
			csv_write_text(f, l->price ? l->price->usage_type : "");
			fputc(',', f);
			csv_write_text(f, l->price ? l->price->source : "");
			fputc(',', f);
			csv_write_text(f, l->price ? l->price->published : "");
			fputc(',', f);
			csv_write_text(f, l->note ? l->note : "");
			fputs("\r\n", f);
		}
	}
	for (size_t i = 0; i < b->nunpriced; i++) {
		csv_write_text(f, b->unpriced[i].address);
		fputc(',', f);
		csv_write_text(f, b->unpriced[i].type);
		fputs(",,(not priced),,,,,false,,,,,", f);
		csv_write_text(f, b->unpriced[i].why);
		fputs("\r\n", f);
	}
	fputs("TOTAL,,,,,,,", f);
	num(f, b->total, 2);
	fputs(",,,,,,\r\n", f);
}
