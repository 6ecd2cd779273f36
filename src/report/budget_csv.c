/*
 * budget_csv.c - the budget as RFC 4180 CSV: one row per cost line with how
 * its quantity is made and where its price comes from, then a TOTAL row.
 * The scenario name leads every row, so exports of several scenarios can
 * be stacked in one sheet and still say which is which.
 *
 * CSV holds values, not formulas: the quantity basis says in words what
 * the workbook says with a formula. Text from inputs goes through
 * csv_write_text, which quotes what needs quoting and neutralises a
 * leading = + - @ so no spreadsheet runs it. Lines of a free tier that is
 * switched off exist only in the workbook (where the switch is) and are
 * left out here, so the rows add up to the total.
 */
#include "report/budget.h"
#include "util/escape.h"

static void num(FILE *f, dec v, int places)
{
	char buf[DEC_BUFSZ];
	if (places < 0)
		dec_format_trim(v, buf, sizeof(buf));
	else
		dec_format(v, places, buf, sizeof(buf));
	csv_write_raw(f, buf);
}

static void text(FILE *f, const char *s, int last)
{
	csv_write_text(f, s ? s : "");
	fputs(last ? "\r\n" : ",", f);
}

void budget_write_csv(FILE *f, const struct budget *bg)
{
	fputs("scenario,resource,type,category,component,quantity,unit,unit_price,monthly_cost,usage_based,"
	      "quantity_basis,offer,usage_type,region,price_source,published,note\r\n",
	      f);
	for (size_t i = 0; i < bg->nlines; i++) {
		const struct budget_line *bl = &bg->lines[i];
		const struct cost_line *l = bl->line;
		const struct price_entry *e = bl->price >= 0 ? bg->prices[bl->price].e : NULL;
		if (bl->cached_zero)
			continue;
		text(f, bg->b->scenario, 0);
		text(f, bl->item->address, 0);
		text(f, bl->item->type, 0);
		text(f, category_name(bl->category), 0);
		text(f, l->name, 0);
		if (bl->kind != LK_FREE)
			num(f, l->quantity, -1);
		fputc(',', f);
		text(f, l->unit, 0);
		if (e)
			num(f, l->unit_price, -1);
		fputc(',', f);
		num(f, l->cost_cents, 2);
		fputc(',', f);
		text(f, l->usage_based ? "true" : "false", 0);
		text(f, bl->basis, 0);
		text(f, e && e->src ? e->src->offer : "", 0);
		text(f, e ? e->usage_type : "", 0);
		text(f, e && e->src ? e->src->region : "", 0);
		text(f, e ? e->source : "", 0);
		text(f, e ? e->published : "", 0);
		text(f, l->note, 1);
	}
	text(f, bg->b->scenario, 0);
	fputs("TOTAL,,,,,,,", f);
	num(f, bg->total, 2);
	fputs(",,,,,,,,\r\n", f);
}
