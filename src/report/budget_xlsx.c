/*
 * budget_xlsx.c - the budget workbook (libxlsxwriter): Assumptions, Prices,
 * Line items, Summary, Upgrade path (when known), Projection.
 *
 * Every figure that depends on something else is a formula over the cells
 * it depends on, written with the value costplan computed for it
 * (worksheet_write_formula_num), so a viewer that never recalculates still
 * shows the engine's numbers and a spreadsheet that does recalculate
 * arrives at the same cents. Text from inputs is only ever written with
 * worksheet_write_string: a name that starts with '=' stays text.
 *
 * The bytes are deterministic for the same input: the creation date is the
 * price snapshot's publication date, and nothing else varies.
 */
#define _GNU_SOURCE
#include "report/budget.h"
#include "report/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "util/error.h"

#define MONTHS 24

struct fmts {
	lxw_format *title, *subtitle, *header, *text, *wrap, *money, *money_total, *price,
		*qty, *input, *input_pct, *input_bool, *label, *fact, *pct, *total_label, *note;
};

static void make_formats(lxw_workbook *wb, struct fmts *f)
{
	const char *money = "$#,##0.00;[Red]-$#,##0.00";
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->subtitle = workbook_add_format(wb);
	format_set_italic(f->subtitle);
	format_set_font_color(f->subtitle, 0x595959);
	f->header = workbook_add_format(wb);
	format_set_bold(f->header);
	format_set_bg_color(f->header, 0xD9E1F2);
	format_set_bottom(f->header, LXW_BORDER_THIN);
	format_set_text_wrap(f->header);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
	f->text = workbook_add_format(wb);
	f->wrap = workbook_add_format(wb);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
	f->money = workbook_add_format(wb);
	format_set_num_format(f->money, money);
	f->money_total = workbook_add_format(wb);
	format_set_num_format(f->money_total, money);
	format_set_bold(f->money_total);
	format_set_top(f->money_total, LXW_BORDER_THIN);
	f->price = workbook_add_format(wb);
	format_set_num_format(f->price, "$0.00########");
	f->qty = workbook_add_format(wb);
	format_set_num_format(f->qty, "General");
	/* inputs: the usual finance convention, blue on light yellow */
	f->input = workbook_add_format(wb);
	format_set_bg_color(f->input, 0xFFF2CC);
	format_set_font_color(f->input, 0x0000FF);
	format_set_border(f->input, LXW_BORDER_THIN);
	format_set_border_color(f->input, 0xBFBFBF);
	f->input_pct = workbook_add_format(wb);
	format_set_bg_color(f->input_pct, 0xFFF2CC);
	format_set_font_color(f->input_pct, 0x0000FF);
	format_set_border(f->input_pct, LXW_BORDER_THIN);
	format_set_border_color(f->input_pct, 0xBFBFBF);
	format_set_num_format(f->input_pct, "0.0%");
	f->input_bool = workbook_add_format(wb);
	format_set_bg_color(f->input_bool, 0xFFF2CC);
	format_set_font_color(f->input_bool, 0x0000FF);
	format_set_border(f->input_bool, LXW_BORDER_THIN);
	format_set_border_color(f->input_bool, 0xBFBFBF);
	format_set_align(f->input_bool, LXW_ALIGN_LEFT);
	f->label = workbook_add_format(wb);
	format_set_italic(f->label);
	format_set_font_color(f->label, 0x595959);
	format_set_bg_color(f->label, 0xEDEDED);
	f->fact = workbook_add_format(wb);
	format_set_bg_color(f->fact, 0xEDEDED);
	f->pct = workbook_add_format(wb);
	format_set_num_format(f->pct, "0.0%");
	f->total_label = workbook_add_format(wb);
	format_set_bold(f->total_label);
	format_set_top(f->total_label, LXW_BORDER_THIN);
	f->note = workbook_add_format(wb);
	format_set_font_color(f->note, 0x595959);
}

static double d(dec v)
{
	return dec_to_double(v);
}

/* A4/letter landscape, one page wide, header rows repeated, page numbers. */
static void print_setup(lxw_worksheet *ws, int header_row)
{
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	if (header_row >= 0)
		worksheet_repeat_rows(ws, (lxw_row_t)header_row, (lxw_row_t)header_row);
	worksheet_set_footer(ws, "&L&A&RPage &P of &N");
}

static void header_row(lxw_worksheet *ws, const struct fmts *f, const char *const *names)
{
	for (int c = 0; names[c]; c++)
		worksheet_write_string(ws, TABLE_HEADER_ROW, (lxw_col_t)c, names[c], f->header);
	worksheet_set_row(ws, TABLE_HEADER_ROW, 30, NULL);
}

static void formula(lxw_worksheet *ws, int row, int col, const char *fm, lxw_format *fmt,
		    double v)
{
	worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col, fm, fmt, v);
}

static void formulaf(lxw_worksheet *ws, int row, int col, lxw_format *fmt, double v,
		     const char *fmtstr, ...) __attribute__((format(printf, 6, 7)));
static void formulaf(lxw_worksheet *ws, int row, int col, lxw_format *fmt, double v,
		     const char *fmtstr, ...)
{
	va_list ap;
	char *s = NULL;
	va_start(ap, fmtstr);
	if (vasprintf(&s, fmtstr, ap) < 0)
		s = NULL;
	va_end(ap);
	if (!s)
		xmalloc((size_t)-1); /* reports out of memory and exits */
	formula(ws, row, col, s, fmt, v);
	free(s);
}

static char *line_ref(const struct budget *bg, size_t i, int col)
{
	(void)bg;
	char *r = budget_ref(budget_line_row(i), col, true);
	char *s = xasprintf("'%s'!%s", SHEET_LINES, r);
	free(r);
	return s;
}

/* ---- Assumptions ---------------------------------------------------------- */

static void sheet_assumptions(lxw_worksheet *ws, const struct budget *bg, const struct fmts *f)
{
	static const char *const H[] = {"Resource", "Input", "Value", "Unit", "What it is", NULL};
	worksheet_write_string(ws, 0, 0, "Assumptions: every input that drives a cost", f->title);
	worksheet_write_string(ws, 1, 0,
			       "Yellow cells are inputs: change one and every dependent figure "
			       "follows. Grey rows select a price: change those in the scenario "
			       "and export again.",
			       f->subtitle);
	header_row(ws, f, H);
	for (size_t i = 0; i < bg->nin; i++) {
		const struct budget_input *in = &bg->in[i];
		int r = budget_input_row((int)i);
		worksheet_write_string(ws, (lxw_row_t)r, 0, in->resource[0] ? in->resource : "(stack)",
				       f->text);
		worksheet_write_string(ws, (lxw_row_t)r, 1, in->key, f->text);
		switch (in->kind) {
		case IN_NUMBER:
			worksheet_write_number(ws, (lxw_row_t)r, ASM_COL_VALUE, d(in->value), f->input);
			break;
		case IN_PERCENT:
			worksheet_write_number(ws, (lxw_row_t)r, ASM_COL_VALUE, d(in->value),
					       f->input_pct);
			break;
		case IN_BOOL:
			worksheet_write_boolean(ws, (lxw_row_t)r, ASM_COL_VALUE, in->on, f->input_bool);
			break;
		case IN_LABEL:
			worksheet_write_string(ws, (lxw_row_t)r, ASM_COL_VALUE, in->text, f->label);
			break;
		case IN_FACT:
			worksheet_write_number(ws, (lxw_row_t)r, ASM_COL_VALUE, d(in->value), f->fact);
			break;
		}
		worksheet_write_string(ws, (lxw_row_t)r, 3, in->unit, f->text);
		worksheet_write_string(ws, (lxw_row_t)r, 4, in->note, f->note);
		if (in->kind != IN_LABEL && in->kind != IN_FACT && in->note[0])
			worksheet_write_comment(ws, (lxw_row_t)r, ASM_COL_VALUE, in->note);
	}
	if (bg->in_free_tier >= 0) {
		lxw_data_validation v;
		memset(&v, 0, sizeof(v));
		v.validate = LXW_VALIDATION_TYPE_LIST;
		const char *list[] = {"TRUE", "FALSE", NULL};
		v.value_list = (char **)list;
		worksheet_data_validation_cell(ws, (lxw_row_t)budget_input_row(bg->in_free_tier),
					       ASM_COL_VALUE, &v);
	}
	worksheet_set_column(ws, 0, 0, 40, NULL);
	worksheet_set_column(ws, 1, 1, 34, NULL);
	worksheet_set_column(ws, 2, 2, 16, NULL);
	worksheet_set_column(ws, 3, 3, 20, NULL);
	worksheet_set_column(ws, 4, 4, 90, NULL);
	worksheet_freeze_panes(ws, TABLE_FIRST_ROW, 0);
	worksheet_autofilter(ws, TABLE_HEADER_ROW, 0,
			     (lxw_row_t)(TABLE_FIRST_ROW + (bg->nin ? bg->nin - 1 : 0)), 4);
	print_setup(ws, TABLE_HEADER_ROW);
}

/* ---- Prices --------------------------------------------------------------- */

static void sheet_prices(lxw_worksheet *ws, const struct budget *bg, const struct fmts *f)
{
	static const char *const H[] = {"Offer",      "Usage type",     "Description", "Region",
					"Unit",       "Tier from",      "Tier to",     "Price (USD)",
					"Effective",  "Source",         "Published",   "SKU",
					NULL};
	char pub[64], *sub;
	worksheet_write_string(ws, 0, 0, "Prices: each unit price used, with where it comes from",
			       f->title);
	if (bg->b->published_min && bg->b->published_max &&
	    strcmp(bg->b->published_min, bg->b->published_max) != 0)
		snprintf(pub, sizeof(pub), "%s to %s", bg->b->published_min, bg->b->published_max);
	else
		snprintf(pub, sizeof(pub), "%s", bg->b->published_max ? bg->b->published_max : "");
	sub = xasprintf("%s; published %s. Tiered prices have one row per tier; their lines are "
			"priced tier by tier from these rows.",
			bg->b->source, pub);
	worksheet_write_string(ws, 1, 0, sub, f->subtitle);
	free(sub);
	header_row(ws, f, H);
	int last = TABLE_FIRST_ROW;
	for (size_t i = 0; i < bg->nprices; i++) {
		const struct price_entry *e = bg->prices[i].e;
		size_t nt = e->ntiers ? e->ntiers : 1;
		for (size_t k = 0; k < nt; k++) {
			lxw_row_t r = (lxw_row_t)(bg->prices[i].row + k);
			worksheet_write_string(ws, r, 0, e->src ? e->src->offer : "", f->text);
			worksheet_write_string(ws, r, 1, e->usage_type, f->text);
			worksheet_write_string(ws, r, 2, e->description, f->text);
			worksheet_write_string(ws, r, 3, e->src ? e->src->region : "", f->text);
			char ud[64];
			worksheet_write_string(ws, r, 4, price_unit_display(e->unit, ud, sizeof(ud)),
					       f->text);
			if (e->ntiers) {
				const struct price_tier *t = &e->tiers[k];
				/* one open tier from 0 has no range worth showing */
				bool flat = e->ntiers == 1 && dec_is_zero(t->begin) && t->end_inf;
				if (!flat) {
					worksheet_write_number(ws, r, PRICE_COL_FROM, d(t->begin), f->qty);
					if (t->end_inf)
						worksheet_write_string(ws, r, PRICE_COL_TO, "and above",
								       f->text);
					else
						worksheet_write_number(ws, r, PRICE_COL_TO, d(t->end),
								       f->qty);
				}
				worksheet_write_number(ws, r, PRICE_COL_PRICE, d(t->price), f->price);
			}
			worksheet_write_string(ws, r, 8, e->effective_date, f->text);
			worksheet_write_string(ws, r, 9, e->source, f->text);
			worksheet_write_string(ws, r, 10, e->published, f->text);
			/* the snapshot's own SKUs are not AWS's: say so */
			if (catalog_sku_is_placeholder(e->sku)) {
				char *sku = xasprintf("%s (costplan placeholder)", e->sku);
				worksheet_write_string(ws, r, 11, sku, f->text);
				free(sku);
			} else {
				worksheet_write_string(ws, r, 11, e->sku, f->text);
			}
			last = (int)r;
		}
	}
	worksheet_set_column(ws, 0, 0, 18, NULL);
	worksheet_set_column(ws, 1, 1, 30, NULL);
	worksheet_set_column(ws, 2, 2, 60, NULL);
	worksheet_set_column(ws, 3, 3, 11, NULL);
	worksheet_set_column(ws, 4, 4, 10, NULL);
	worksheet_set_column(ws, 5, 6, 10, NULL);
	worksheet_set_column(ws, 7, 7, 13, NULL);
	worksheet_set_column(ws, 8, 8, 11, NULL);
	worksheet_set_column(ws, 9, 9, 40, NULL);
	worksheet_set_column(ws, 10, 10, 11, NULL);
	worksheet_set_column(ws, 11, 11, 20, NULL);
	worksheet_freeze_panes(ws, TABLE_FIRST_ROW, 0);
	worksheet_autofilter(ws, TABLE_HEADER_ROW, 0, (lxw_row_t)last, 11);
	print_setup(ws, TABLE_HEADER_ROW);
}

/* ---- Line items ----------------------------------------------------------- */

static dec line_qty(const struct budget *bg, size_t i)
{
	const struct budget_line *bl = &bg->lines[i];
	return bl->cached_zero ? dec_zero() : bl->line->quantity;
}

static dec line_cost(const struct budget *bg, size_t i)
{
	const struct budget_line *bl = &bg->lines[i];
	return bl->cached_zero ? dec_zero() : bl->line->cost_cents;
}

static void sheet_lines(lxw_worksheet *ws, const struct budget *bg, const struct fmts *f)
{
	static const char *const H[] = {"Resource",    "Type",     "Category",    "Component",
					"Quantity",    "Unit",     "Unit price",  "Monthly cost",
					"Resource subtotal", "Usage-based", "Quantity basis", "Note",
					NULL};
	char *sub;
	worksheet_write_string(ws, 0, 0, "Line items: the monthly bill in USD", f->title);
	sub = xasprintf("Scenario %s, region %s. Quantities are formulas over Assumptions, unit "
			"prices point into Prices, each cost is quantity x price rounded to the cent "
			"(first to 9 places, so binary floating point cannot turn an exact half cent "
			"into a cent less).",
			bg->b->scenario, bg->b->region);
	worksheet_write_string(ws, 1, 0, sub, f->subtitle);
	free(sub);
	header_row(ws, f, H);
	for (size_t i = 0; i < bg->nlines; i++) {
		const struct budget_line *bl = &bg->lines[i];
		const struct cost_line *l = bl->line;
		int r = budget_line_row(i);
		char *qref = budget_ref(r, LINE_COL_QTY, false);
		char *pref = budget_ref(r, LINE_COL_PRICE, false);
		lxw_row_t R = (lxw_row_t)r;

		worksheet_write_string(ws, R, 0, bl->item->address, f->text);
		worksheet_write_string(ws, R, 1, bl->item->type, f->text);
		worksheet_write_string(ws, R, LINE_COL_CATEGORY, category_name(bl->category), f->text);
		worksheet_write_string(ws, R, 3, l->name, f->text);
		/* quantity */
		if (bl->kind == LK_FREE)
			worksheet_write_blank(ws, R, LINE_COL_QTY, f->qty);
		else if (bl->qty_formula)
			formula(ws, r, LINE_COL_QTY, bl->qty_formula, f->qty, d(line_qty(bg, i)));
		else
			worksheet_write_number(ws, R, LINE_COL_QTY, d(line_qty(bg, i)), f->qty);
		worksheet_write_string(ws, R, 5, l->unit, f->text);
		/* unit price and cost */
		if (bl->price >= 0) {
			const struct budget_price *bp = &bg->prices[bl->price];
			char *pc = budget_ref((int)bp->row, PRICE_COL_PRICE, true);
			if (bl->price_formula)
				formula(ws, r, LINE_COL_PRICE, bl->price_formula, f->price,
					d(l->unit_price));
			else if (bl->adjusted)
				worksheet_write_number(ws, R, LINE_COL_PRICE, d(l->unit_price), f->price);
			else
				formulaf(ws, r, LINE_COL_PRICE, f->price, d(l->unit_price), "%s!%s",
					 SHEET_PRICES, pc);
			free(pc);
			if (bp->e->ntiers > 1 && bl->adjusted) {
				/* a scaled tiered price: no formula states it honestly */
				worksheet_write_number(ws, R, LINE_COL_COST, d(line_cost(bg, i)), f->money);
			} else if (bp->e->ntiers > 1) {
				char *cf = budget_cost_formula(bg, i, qref);
				formula(ws, r, LINE_COL_COST, cf, f->money, d(line_cost(bg, i)));
				free(cf);
			} else {
				formulaf(ws, r, LINE_COL_COST, f->money, d(line_cost(bg, i)),
					 "ROUND(ROUND(%s*%s,9),2)", qref, pref);
			}
		} else if (bl->kind == LK_FREE) {
			worksheet_write_number(ws, R, LINE_COL_COST, 0, f->money);
		} else {
			/* no price in the snapshot: $0 only while the quantity is 0 */
			formulaf(ws, r, LINE_COL_COST, f->money, 0, "IF(%s<>0,NA(),0)", qref);
		}
		if (bl->last_of_item) {
			char *a = budget_ref(budget_line_row(bl->item_first), LINE_COL_COST, false);
			char *b = budget_ref(r, LINE_COL_COST, false);
			dec sub_total = dec_zero();
			for (size_t j = bl->item_first; j <= i; j++)
				sub_total = dec_add(sub_total, line_cost(bg, j));
			formulaf(ws, r, LINE_COL_SUBTOTAL, f->money, d(sub_total), "SUM(%s:%s)", a, b);
			free(a);
			free(b);
		}
		worksheet_write_string(ws, R, 9,
				       bl->kind == LK_USAGE ? "yes" : bl->kind == LK_ALLOWANCE ? "allowance" : "",
				       f->text);
		worksheet_write_string(ws, R, 10, bl->basis, f->note);
		{
			char *note;
			if (bl->price >= 0 && bg->prices[bl->price].e->ntiers > 1)
				note = xasprintf("%s%sTiered price: priced tier by tier (Prices rows "
						 "%zu-%zu); the unit price shown is the first tier's.",
						 l->note ? l->note : "", l->note ? ". " : "",
						 bg->prices[bl->price].row + 1,
						 bg->prices[bl->price].row + bg->prices[bl->price].e->ntiers);
			else if (bl->cached_zero)
				note = xstrdup("Free tier switched off in Assumptions: $0 until you "
					       "turn it on.");
			else if (bl->adjusted && !bl->price_formula)
				note = xasprintf("%s%sUnit price adjusted by costplan (no formula).",
						 l->note ? l->note : "", l->note ? ". " : "");
			else
				note = xstrdup(l->note ? l->note : "");
			worksheet_write_string(ws, R, 11, note, f->note);
			free(note);
		}
		free(qref);
		free(pref);
	}
	int tr = budget_total_row(bg);
	worksheet_write_string(ws, (lxw_row_t)tr, 0, "Total per month", f->total_label);
	for (int c = 1; c < LINE_COL_COST; c++)
		worksheet_write_blank(ws, (lxw_row_t)tr, (lxw_col_t)c, f->total_label);
	{
		char *a = budget_ref(TABLE_FIRST_ROW, LINE_COL_COST, false);
		char *b = budget_ref(budget_line_row(bg->nlines ? bg->nlines - 1 : 0), LINE_COL_COST,
				     false);
		formulaf(ws, tr, LINE_COL_COST, f->money_total, d(bg->total), "SUM(%s:%s)", a, b);
		free(a);
		free(b);
	}
	worksheet_set_column(ws, 0, 0, 38, NULL);
	worksheet_set_column(ws, 1, 1, 26, NULL);
	worksheet_set_column(ws, 2, 2, 13, NULL);
	worksheet_set_column(ws, 3, 3, 34, NULL);
	worksheet_set_column(ws, 4, 4, 12, NULL);
	worksheet_set_column(ws, 5, 5, 12, NULL);
	worksheet_set_column(ws, 6, 6, 13, NULL);
	worksheet_set_column(ws, 7, 8, 14, NULL);
	worksheet_set_column(ws, 9, 9, 11, NULL);
	worksheet_set_column(ws, 10, 10, 50, NULL);
	worksheet_set_column(ws, 11, 11, 60, NULL);
	worksheet_freeze_panes(ws, TABLE_FIRST_ROW, 1);
	worksheet_autofilter(ws, TABLE_HEADER_ROW, 0,
			     (lxw_row_t)budget_line_row(bg->nlines ? bg->nlines - 1 : 0), 11);
	print_setup(ws, TABLE_HEADER_ROW);
}

/* ---- Summary -------------------------------------------------------------- */

static int up_production_row(const struct budget *bg);

#define SUM_TOTAL_ROW 9
#define SUM_CAT_ROW 13
#define SUM_CLAIM_ROW 21

static void sheet_summary(lxw_workbook *wb, lxw_worksheet *ws, const struct budget *bg,
			  const struct fmts *f)
{
	const struct breakdown *b = bg->b;
	char *s, pub[64];
	int r;
	s = xasprintf("costplan budget: %s", b->scenario);
	worksheet_write_string(ws, 0, 0, s, f->title);
	free(s);
	worksheet_write_string(ws, 1, 0,
			       "Every figure here is a formula over Line items, which follow "
			       "Assumptions and Prices.",
			       f->subtitle);
	snprintf(pub, sizeof(pub), "%s", b->published_max ? b->published_max : "");
	const char *info[][2] = {
		{"Scenario", b->scenario},
		{"Region", b->region},
		{"Prices published", pub},
		{"Price source", b->source},
		{"Generated by", "costplan " COSTPLAN_VERSION " (costplan export)"},
	};
	for (r = 0; r < 5; r++) {
		worksheet_write_string(ws, (lxw_row_t)(3 + r), 0, info[r][0], f->text);
		worksheet_write_string(ws, (lxw_row_t)(3 + r), 1, info[r][1], f->text);
	}
	{
		char *ft = budget_input_ref(bg, bg->in_free_tier);
		char *fm = xasprintf("IF(%s,\"applied\",\"not applied\")", ft);
		worksheet_write_string(ws, 8, 0, "Free tier", f->text);
		worksheet_write_formula_str(ws, 8, 1, fm, f->text,
					    bg->in[bg->in_free_tier].on ? "applied" : "not applied");
		free(fm);
		free(ft);
	}
	/* totals */
	{
		char *t = budget_ref(budget_total_row(bg), LINE_COL_COST, true);
		worksheet_write_string(ws, SUM_TOTAL_ROW, 0, "Monthly total (USD)", f->total_label);
		formulaf(ws, SUM_TOTAL_ROW, 1, f->money_total, d(bg->total), "'%s'!%s", SHEET_LINES,
			 t);
		free(t);
		worksheet_write_string(ws, SUM_TOTAL_ROW + 1, 0, "Annual (12 x monthly)", f->text);
		dec annual;
		dec_mul(bg->total, dec_from_int(12), &annual);
		formulaf(ws, SUM_TOTAL_ROW + 1, 1, f->money, d(annual), "B%d*12", SUM_TOTAL_ROW + 1);
	}
	/* categories */
	worksheet_write_string(ws, SUM_CAT_ROW - 1, 0, "Category", f->header);
	worksheet_write_string(ws, SUM_CAT_ROW - 1, 1, "Monthly cost", f->header);
	worksheet_write_string(ws, SUM_CAT_ROW - 1, 2, "Share", f->header);
	{
		char *c0 = budget_ref(TABLE_FIRST_ROW, LINE_COL_CATEGORY, true);
		char *c1 = budget_ref(budget_line_row(bg->nlines ? bg->nlines - 1 : 0),
				      LINE_COL_CATEGORY, true);
		char *h0 = budget_ref(TABLE_FIRST_ROW, LINE_COL_COST, true);
		char *h1 = budget_ref(budget_line_row(bg->nlines ? bg->nlines - 1 : 0), LINE_COL_COST,
				      true);
		for (int c = 0; c < CAT_FREE; c++) {
			int row = SUM_CAT_ROW + c;
			worksheet_write_string(ws, (lxw_row_t)row, 0, category_name((enum category)c),
					       f->text);
			formulaf(ws, row, 1, f->money, d(bg->by_category[c]),
				 "SUMIF('%s'!%s:%s,\"%s\",'%s'!%s:%s)", SHEET_LINES, c0, c1,
				 category_name((enum category)c), SHEET_LINES, h0, h1);
			double share = dec_is_zero(bg->total)
					       ? 0
					       : d(bg->by_category[c]) / d(bg->total);
			formulaf(ws, row, 2, f->pct, share, "IF($B$%d=0,0,B%d/$B$%d)",
				 SUM_TOTAL_ROW + 1, row + 1, SUM_TOTAL_ROW + 1);
		}
		free(c0);
		free(c1);
		free(h0);
		free(h1);
		int row = SUM_CAT_ROW + CAT_FREE;
		dec sum = dec_zero();
		for (int c = 0; c < CAT_FREE; c++)
			sum = dec_add(sum, bg->by_category[c]);
		worksheet_write_string(ws, (lxw_row_t)row, 0, "Sum of categories", f->total_label);
		formulaf(ws, row, 1, f->money_total, d(sum), "SUM(B%d:B%d)", SUM_CAT_ROW + 1,
			 SUM_CAT_ROW + CAT_FREE);
	}
	/* the claim beside ours, when the scenario (or --claim) makes one;
	 * else costplan's own figures only */
	int rows = 0; /* rows of figures charted, from SUM_CLAIM_ROW */
	{
		int r0 = SUM_CLAIM_ROW, tot = SUM_TOTAL_ROW + 1;
		worksheet_write_string(ws, r0 - 1, 0, bg->has_claim ? "The claim" : "costplan's figures",
				       f->header);
		worksheet_write_string(ws, r0 - 1, 1, "Monthly", f->header);
		worksheet_write_string(ws, r0 - 1, 2, "", f->header);
		if (bg->has_claim) {
			worksheet_write_string(ws, r0 + rows, 0, bg->claim_source, f->text);
			worksheet_write_number(ws, r0 + rows, 1, d(bg->claim), f->money);
			rows++;
		}
		int ours = r0 + rows;
		worksheet_write_string(ws, r0 + rows, 0, "costplan, line by line", f->text);
		formulaf(ws, r0 + rows, 1, f->money, d(bg->total), "B%d", tot);
		rows++;
		if (bg->up) {
			int prod = up_production_row(bg);
			worksheet_write_string(ws, r0 + rows, 0,
					       "costplan, production (every upgrade step)", f->text);
			formulaf(ws, r0 + rows, 1, f->money, d(bg->up->production.total),
				 "'%s'!$G$%d", SHEET_UPGRADES, prod + 1);
			rows++;
		}
		if (bg->has_claim) {
			int dr = SUM_CLAIM_ROW + 3;
			worksheet_write_string(ws, dr, 0, "Difference (costplan - the claim)",
					       f->total_label);
			dec diff = dec_sub(bg->total, bg->claim);
			formulaf(ws, dr, 1, f->money_total, d(diff), "B%d-B%d", ours + 1, r0 + 1);
			if (!dec_is_zero(bg->claim))
				formulaf(ws, dr, 2, f->pct, d(diff) / d(bg->claim), "B%d/B%d", dr + 1,
					 r0 + 1);
		}
	}
	/* what else the reader must know */
	r = SUM_CLAIM_ROW + 6;
	if (bg->no_formula) {
		s = xasprintf("%zu line(s) have no quantity formula: their quantity is the number "
			      "costplan computed and does not follow Assumptions (see Line items, "
			      "Quantity basis).",
			      bg->no_formula);
		worksheet_write_string(ws, (lxw_row_t)r++, 0, s, f->note);
		free(s);
	}
	for (size_t i = 0; i < b->nwarn; i++) {
		s = xasprintf("Warning: %s", b->warnings[i]);
		worksheet_write_string(ws, (lxw_row_t)r++, 0, s, f->note);
		free(s);
	}
	for (size_t i = 0; i < b->nnotes; i++) {
		s = xasprintf("Note: %s", b->notes[i]);
		worksheet_write_string(ws, (lxw_row_t)r++, 0, s, f->note);
		free(s);
	}
	{
		/* what costs nothing, one line per reason AWS charges nothing */
		struct free_group *g;
		size_t ng = report_free_groups(b, &g);
		for (size_t k = 0; k < ng; k++) {
			char *list = xstrdup("");
			for (size_t i = 0; i < g[k].n; i++) {
				char name[300], *n;
				n = xasprintf("%s%s%s", list, i ? ", " : "",
					      report_item_name(g[k].items[i], name, sizeof(name)));
				free(list);
				list = n;
			}
			s = xasprintf("Free (considered, $0): %s: %s", list, g[k].reason);
			worksheet_write_string(ws, (lxw_row_t)r++, 0, s, f->note);
			free(s);
			free(list);
		}
		report_free_groups_release(g, ng);
	}

	/* charts */
	lxw_chart *ch = workbook_add_chart(wb, LXW_CHART_COLUMN);
	lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(se, SHEET_SUMMARY, SUM_CAT_ROW, 0, SUM_CAT_ROW + CAT_FREE - 1, 0);
	chart_series_set_values(se, SHEET_SUMMARY, SUM_CAT_ROW, 1, SUM_CAT_ROW + CAT_FREE - 1, 1);
	chart_series_set_name(se, "Monthly cost");
	chart_title_set_name(ch, "Monthly cost by category (USD)");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	chart_axis_set_num_format(chart_axis_get(ch, LXW_CHART_AXIS_TYPE_Y), "$#,##0");
	worksheet_insert_chart(ws, 2, 4, ch);

	if (rows > 1) {
		lxw_chart *c2 = workbook_add_chart(wb, LXW_CHART_BAR);
		se = chart_add_series(c2, NULL, NULL);
		chart_series_set_categories(se, SHEET_SUMMARY, SUM_CLAIM_ROW, 0,
					    SUM_CLAIM_ROW + rows - 1, 0);
		chart_series_set_values(se, SHEET_SUMMARY, SUM_CLAIM_ROW, 1, SUM_CLAIM_ROW + rows - 1,
					1);
		chart_series_set_name(se, "Monthly");
		chart_title_set_name(c2, bg->has_claim ? "The claim and costplan's figure"
						       : "costplan's figure: baseline and production");
		chart_legend_set_position(c2, LXW_CHART_LEGEND_NONE);
		chart_axis_set_num_format(chart_axis_get(c2, LXW_CHART_AXIS_TYPE_X), "$#,##0");
		worksheet_insert_chart(ws, 18, 4, c2);
	}

	worksheet_set_column(ws, 0, 0, 36, NULL);
	worksheet_set_column(ws, 1, 1, 16, NULL);
	worksheet_set_column(ws, 2, 2, 10, NULL);
	print_setup(ws, -1);
}

/* ---- Upgrade path --------------------------------------------------------- */

#define UP_BASE_ROW TABLE_FIRST_ROW

static int up_production_row(const struct budget *bg)
{
	return UP_BASE_ROW + 1 + (int)bg->up->nsteps;
}

/*
 * Steps are whole scenarios re-priced by the engine, so a step's delta is
 * a figure costplan computed, not a formula over this workbook's inputs;
 * the running totals, the production total and the chart's helper columns
 * are formulas over those deltas. A check cell compares the baseline the
 * steps were priced on with the live Line items total, so an edited
 * Assumptions sheet says the path needs re-pricing instead of silently
 * shifting it.
 */
static void sheet_upgrades(lxw_workbook *wb, lxw_worksheet *ws, const struct budget *bg,
			   const struct fmts *f)
{
	static const char *const H[] = {"#",
					"Step",
					"When to take it",
					"Step alone: monthly delta",
					"Step alone: total",
					"Cumulative: monthly delta",
					"Running total",
					"At min capacity",
					"At max capacity",
					"Chart: base",
					"Chart: increase",
					"Chart: decrease",
					NULL};
	const struct upgrade_path *up = bg->up;
	int prod = up_production_row(bg), r;
	dec prev = up->baseline.total;

	worksheet_write_string(ws, 0, 0, "Upgrade path: what each step adds, in step order",
			       f->title);
	worksheet_write_string(ws, 1, 0,
			       "Each delta is costplan's price of the whole scenario with the step "
			       "applied; running totals are formulas over the deltas. After editing "
			       "Assumptions, run costplan export again to re-price the steps.",
			       f->subtitle);
	{
		char *t = budget_ref(budget_total_row(bg), LINE_COL_COST, true);
		worksheet_write_string(ws, 2, 0, "", f->text);
		worksheet_write_string(ws, 2, 1, "Baseline in Line items now", f->text);
		formulaf(ws, 2, 3, f->money, d(bg->total), "'%s'!%s", SHEET_LINES, t);
		free(t);
		bool same = dec_cmp(bg->total, up->baseline.total) == 0;
		const char *ok = "matches the baseline the steps were priced on";
		const char *stale = "differs from the priced baseline: run costplan export again";
		char *fm = xasprintf("IF(ABS(D3-G%d)<0.005,\"%s\",\"%s\")", UP_BASE_ROW + 1, ok,
				     stale);
		worksheet_write_formula_str(ws, 2, 4, fm, f->note, same ? ok : stale);
		free(fm);
	}
	header_row(ws, f, H);
	/* baseline */
	worksheet_write_number(ws, UP_BASE_ROW, 0, 0, NULL);
	worksheet_write_string(ws, UP_BASE_ROW, 1, "Baseline", f->text);
	worksheet_write_number(ws, UP_BASE_ROW, 6, d(up->baseline.total), f->money);
	if (up->baseline.has_range) {
		worksheet_write_number(ws, UP_BASE_ROW, 7, d(up->baseline.low), f->money);
		worksheet_write_number(ws, UP_BASE_ROW, 8, d(up->baseline.high), f->money);
	}
	worksheet_write_number(ws, UP_BASE_ROW, 9, 0, f->money);
	formulaf(ws, UP_BASE_ROW, 10, f->money, d(up->baseline.total), "G%d", UP_BASE_ROW + 1);
	worksheet_write_number(ws, UP_BASE_ROW, 11, 0, f->money);
	for (size_t i = 0; i < up->nsteps; i++) {
		const struct upgrade_result *res = &up->results[i];
		char *note = xstrdup(res->step->signal ? res->step->signal : "");
		r = UP_BASE_ROW + 1 + (int)i;
		for (size_t v = 0; v < res->nvariants; v++) {
			char buf[DEC_BUFSZ];
			char *n = xasprintf("%s%s%s instead: %s%s a month alone", note, note[0] ? " " : "",
					    res->variants[v].variant->label,
					    dec_cmp(res->variants[v].delta, dec_zero()) >= 0 ? "+" : "",
					    dec_format_usd(res->variants[v].delta, buf, sizeof(buf)));
			free(note);
			note = n;
		}
		worksheet_write_number(ws, (lxw_row_t)r, 0, res->step->order, NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 1, res->step->title, f->text);
		worksheet_write_string(ws, (lxw_row_t)r, 2, note, f->wrap);
		free(note);
		worksheet_write_number(ws, (lxw_row_t)r, 3, d(res->alone_delta), f->money);
		formulaf(ws, r, 4, f->money, d(res->alone.total), "$G$%d+D%d", UP_BASE_ROW + 1, r + 1);
		worksheet_write_number(ws, (lxw_row_t)r, 5, d(res->cumulative_delta), f->money);
		formulaf(ws, r, 6, f->money, d(res->cumulative.total), "G%d+F%d", r, r + 1);
		if (res->cumulative.has_range) {
			worksheet_write_number(ws, (lxw_row_t)r, 7, d(res->cumulative.low), f->money);
			worksheet_write_number(ws, (lxw_row_t)r, 8, d(res->cumulative.high), f->money);
		}
		dec cur = res->cumulative.total;
		formulaf(ws, r, 9, f->money, d(dec_min(prev, cur)), "MIN(G%d,G%d)", r, r + 1);
		formulaf(ws, r, 10, f->money, d(dec_max(res->cumulative_delta, dec_zero())),
			 "MAX(F%d,0)", r + 1);
		formulaf(ws, r, 11, f->money, d(dec_max(dec_neg(res->cumulative_delta), dec_zero())),
			 "MAX(-F%d,0)", r + 1);
		prev = cur;
	}
	/* production */
	worksheet_write_string(ws, (lxw_row_t)prod, 1, "Production total (every step)",
			       f->total_label);
	dec pdelta = dec_sub(up->production.total, up->baseline.total);
	formulaf(ws, prod, 5, f->money_total, d(pdelta), "G%d-G%d", prod + 1, UP_BASE_ROW + 1);
	formulaf(ws, prod, 6, f->money_total, d(up->production.total), "G%d", prod);
	if (up->production.has_range) {
		worksheet_write_number(ws, (lxw_row_t)prod, 7, d(up->production.low), f->money);
		worksheet_write_number(ws, (lxw_row_t)prod, 8, d(up->production.high), f->money);
	}
	worksheet_write_number(ws, (lxw_row_t)prod, 9, 0, f->money);
	formulaf(ws, prod, 10, f->money, d(up->production.total), "G%d", prod + 1);
	worksheet_write_number(ws, (lxw_row_t)prod, 11, 0, f->money);

	/* alternatives, priced beside the path */
	r = prod + 3;
	if (up->n > up->nsteps) {
		static const char *const AH[] = {"#", "Alternative", "When to take it",
						 "Alone: monthly delta", "Alone: total",
						 "On production: delta", "On production: total",
						 "Verdict", NULL};
		for (int c = 0; AH[c]; c++)
			worksheet_write_string(ws, (lxw_row_t)(r - 1), (lxw_col_t)c, AH[c], f->header);
		for (size_t i = up->nsteps; i < up->n; i++, r++) {
			const struct upgrade_result *res = &up->results[i];
			char buf[DEC_BUFSZ], *verdict;
			worksheet_write_number(ws, (lxw_row_t)r, 0, res->step->order, NULL);
			worksheet_write_string(ws, (lxw_row_t)r, 1, res->step->title, f->text);
			worksheet_write_string(ws, (lxw_row_t)r, 2,
					       res->step->signal ? res->step->signal : "", f->wrap);
			worksheet_write_number(ws, (lxw_row_t)r, 3, d(res->alone_delta), f->money);
			formulaf(ws, r, 4, f->money, d(res->alone.total), "$G$%d+D%d",
				 UP_BASE_ROW + 1, r + 1);
			worksheet_write_number(ws, (lxw_row_t)r, 5, d(res->cumulative_delta), f->money);
			formulaf(ws, r, 6, f->money, d(res->cumulative.total), "$G$%d+F%d", prod + 1,
				 r + 1);
			if (res->has_breakeven)
				verdict = xasprintf("cheaper above %s GB a month",
						    dec_format(res->breakeven_gb, 0, buf, sizeof(buf)));
			else if (res->has_verdict)
				verdict = xstrdup(dec_cmp(res->added_cost, res->replaced_cost) < 0
							  ? "cheaper than what it replaces"
							  : "dearer than what it replaces");
			else
				verdict = xstrdup("");
			worksheet_write_string(ws, (lxw_row_t)r, 7, verdict, f->text);
			free(verdict);
		}
	}

	/* a waterfall: stacked columns on an invisible base */
	lxw_chart *ch = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);
	const char *names[3] = {"Base", "Increase", "Decrease"};
	lxw_color_t colors[3] = {0, 0xC0504D, 0x9BBB59};
	for (int k = 0; k < 3; k++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(se, SHEET_UPGRADES, UP_BASE_ROW, 1, (lxw_row_t)prod, 1);
		chart_series_set_values(se, SHEET_UPGRADES, UP_BASE_ROW, (lxw_col_t)(9 + k),
					(lxw_row_t)prod, (lxw_col_t)(9 + k));
		chart_series_set_name(se, names[k]);
		lxw_chart_fill fill;
		memset(&fill, 0, sizeof(fill));
		if (k == 0) {
			fill.none = LXW_TRUE;
			chart_series_set_fill(se, &fill);
		} else {
			fill.color = colors[k];
			chart_series_set_fill(se, &fill);
		}
	}
	chart_set_series_gap(ch, 50);
	chart_legend_delete_series(ch, (int16_t[]){0, -1});
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	chart_title_set_name(ch, "Upgrade path: monthly total step by step (USD)");
	chart_axis_set_num_format(chart_axis_get(ch, LXW_CHART_AXIS_TYPE_Y), "$#,##0");
	worksheet_insert_chart(ws, (lxw_row_t)(r + 2), 1, ch);

	worksheet_set_column(ws, 0, 0, 4, NULL);
	worksheet_set_column(ws, 1, 1, 40, NULL);
	worksheet_set_column(ws, 2, 2, 60, NULL);
	worksheet_set_column(ws, 3, 8, 14, NULL);
	worksheet_set_column(ws, 9, 11, 11, NULL);
	worksheet_freeze_panes(ws, TABLE_FIRST_ROW, 2);
	worksheet_autofilter(ws, TABLE_HEADER_ROW, 0, (lxw_row_t)(prod - 1), 11);
	print_setup(ws, TABLE_HEADER_ROW);
}

/* ---- Projection ----------------------------------------------------------- */

#define PJ_GRID_HEADER (TABLE_FIRST_ROW + MONTHS + 5)
#define PJ_GRID_FIRST (PJ_GRID_HEADER + 1)
#define PJ_GRID_COL0 3

static const char *kind_name(enum line_kind k)
{
	switch (k) {
	case LK_USAGE:
		return "usage";
	case LK_ALLOWANCE:
		return "allowance";
	case LK_FREE:
		return "free";
	default:
		return "fixed";
	}
}

/* Quantity of line i in month m as a formula, and its exact value. */
static char *pj_qty(const struct budget *bg, size_t i, int m, const dec *factor, dec *v)
{
	const struct budget_line *bl = &bg->lines[i];
	char *base = line_ref(bg, i, LINE_COL_QTY);
	dec q = line_qty(bg, i);
	if (bl->kind == LK_USAGE) {
		char *fr = budget_ref(TABLE_FIRST_ROW + m, 1, true);
		char *s = xasprintf("%s*%s", base, fr);
		free(fr);
		free(base);
		if (dec_mul(q, factor[m], v) != 0)
			*v = q;
		return s;
	}
	if (bl->kind == LK_ALLOWANCE && bl->qty_formula && bl->npool) {
		char *refs = xstrdup("");
		dec sum = dec_zero();
		for (size_t k = 0; k < bl->npool; k++) {
			dec cv;
			char *c = pj_qty(bg, bl->pool[k], m, factor, &cv);
			char *n = xasprintf("%s%s%s", refs, k ? "," : "", c);
			free(c);
			free(refs);
			refs = n;
			sum = dec_add(sum, cv);
		}
		char *ft = budget_input_ref(bg, bg->in_free_tier);
		char *cap = budget_input_ref(bg, bl->cap_input);
		char *s = xasprintf("-IF(%s,MIN(SUM(%s),%s),0)", ft, refs, cap);
		*v = bg->in[bg->in_free_tier].on
			     ? dec_neg(dec_min(sum, bg->in[bl->cap_input].value))
			     : dec_zero();
		free(ft);
		free(cap);
		free(refs);
		free(base);
		return s;
	}
	*v = q;
	return base;
}

static void sheet_projection(lxw_workbook *wb, lxw_worksheet *ws, const struct budget *bg,
			     const struct fmts *f)
{
	static const char *const H[] = {"Month",       "Growth factor", "Fixed costs",
					"Usage-based costs", "Free-tier allowances", "Monthly total",
					"Cumulative", "Simulated p5", "Simulated p50", "Simulated p95",
					NULL};
	static const char *const H7[] = {"Month",       "Growth factor", "Fixed costs",
					 "Usage-based costs", "Free-tier allowances", "Monthly total",
					 "Cumulative", NULL};
	dec factor[MONTHS], tot[MONTHS][3], cum = dec_zero();
	dec g1 = dec_add(dec_from_int(1), bg->in[bg->in_growth].value);
	char *gref = budget_input_ref(bg, bg->in_growth);
	int last_grid = PJ_GRID_FIRST + (int)bg->nlines - 1;

	worksheet_write_string(ws, 0, 0, "Projection: the next 24 months with usage growing",
			       f->title);
	worksheet_write_string(ws, 1, 0,
			       "Usage-based lines grow by the monthly rate in Assumptions; fixed "
			       "lines stay; free-tier allowances stay capped. The line-by-line model "
			       "is below the totals.",
			       f->subtitle);
	worksheet_write_string(ws, 2, 0,
			       bg->growth_from_profile ? "Monthly growth (from the traffic profile)"
						       : "Monthly growth",
			       f->text);
	formulaf(ws, 2, 1, f->pct, d(bg->in[bg->in_growth].value), "%s", gref);
	header_row(ws, f, bg->nbands ? H : H7);
	if (bg->nbands) {
		char *n = xasprintf("Simulated bands: costplan simulate, %ld runs, seed %llu, traffic "
				    "growing %.1f%% a month (the scenario's traffic profile). They are "
				    "figures from the simulation, not formulas: export again to update.",
				    bg->sim_runs, (unsigned long long)bg->sim_seed, bg->sim_growth * 100);
		worksheet_write_string(ws, 2, 3, n, f->note);
		free(n);
		for (int m = 0; m < MONTHS && m < bg->nbands; m++) {
			lxw_row_t R = (lxw_row_t)(TABLE_FIRST_ROW + m);
			worksheet_write_number(ws, R, 7, (double)bg->p5[m] / 100.0, f->money);
			worksheet_write_number(ws, R, 8, (double)bg->p50[m] / 100.0, f->money);
			worksheet_write_number(ws, R, 9, (double)bg->p95[m] / 100.0, f->money);
		}
	}

	factor[0] = dec_from_int(1);
	for (int m = 1; m < MONTHS; m++)
		if (dec_mul(factor[m - 1], g1, &factor[m]) != 0)
			factor[m] = factor[m - 1];
	memset(tot, 0, sizeof(tot));

	/* the grid: one row per line, one column per month */
	worksheet_write_string(ws, PJ_GRID_HEADER - 1, 0,
			       "Line by line: monthly cost of each line in each month", f->title);
	worksheet_write_string(ws, PJ_GRID_HEADER, 0, "Resource", f->header);
	worksheet_write_string(ws, PJ_GRID_HEADER, 1, "Component", f->header);
	worksheet_write_string(ws, PJ_GRID_HEADER, 2, "Kind", f->header);
	for (int m = 0; m < MONTHS; m++) {
		char h[32];
		snprintf(h, sizeof(h), "Month %d", m + 1);
		worksheet_write_string(ws, PJ_GRID_HEADER, (lxw_col_t)(PJ_GRID_COL0 + m), h, f->header);
	}
	for (size_t i = 0; i < bg->nlines; i++) {
		const struct budget_line *bl = &bg->lines[i];
		lxw_row_t R = (lxw_row_t)(PJ_GRID_FIRST + (int)i);
		int slot = bl->kind == LK_USAGE ? 1 : bl->kind == LK_ALLOWANCE ? 2 : 0;
		worksheet_write_string(ws, R, 0, bl->item->address, f->text);
		worksheet_write_string(ws, R, 1, bl->line->name, f->text);
		worksheet_write_string(ws, R, 2, kind_name(bl->kind), f->text);
		for (int m = 0; m < MONTHS; m++) {
			lxw_col_t C = (lxw_col_t)(PJ_GRID_COL0 + m);
			dec q, cents = dec_zero();
			if (bl->kind == LK_FREE) {
				worksheet_write_number(ws, R, C, 0, f->money);
				continue;
			}
			char *qf = pj_qty(bg, i, m, factor, &q);
			char *cf = budget_cost_formula(bg, i, qf);
			if (!cf)
				cf = xasprintf("IF((%s)<>0,NA(),0)", qf);
			else if (budget_line_cost(bg, i, q, &cents) != 0)
				cents = dec_zero();
			formula(ws, (int)R, (int)C, cf, f->money, d(cents));
			tot[m][slot] = dec_add(tot[m][slot], cents);
			free(qf);
			free(cf);
		}
	}
	/* the monthly table */
	for (int m = 0; m < MONTHS; m++) {
		int r = TABLE_FIRST_ROW + m;
		char col[4];
		budget_col(PJ_GRID_COL0 + m, col);
		worksheet_write_number(ws, (lxw_row_t)r, 0, m + 1, NULL);
		formulaf(ws, r, 1, NULL, d(factor[m]), "(1+%s)^(A%d-1)", gref, r + 1);
		const char *kinds[3] = {"fixed", "usage", "allowance"};
		dec month = dec_zero();
		for (int k = 0; k < 3; k++) {
			formulaf(ws, r, 2 + k, f->money, d(tot[m][k]),
				 "SUMIF($C$%d:$C$%d,\"%s\",%s$%d:%s$%d)", PJ_GRID_FIRST + 1,
				 last_grid + 1, kinds[k], col, PJ_GRID_FIRST + 1, col, last_grid + 1);
			month = dec_add(month, tot[m][k]);
		}
		/* free lines are $0: fixed + usage + allowance is every line */
		formulaf(ws, r, 5, f->money, d(month), "SUM(C%d:E%d)", r + 1, r + 1);
		cum = dec_add(cum, month);
		if (m == 0)
			formulaf(ws, r, 6, f->money, d(cum), "F%d", r + 1);
		else
			formulaf(ws, r, 6, f->money, d(cum), "G%d+F%d", r, r + 1);
		if (m == 11 || m == MONTHS - 1) {
			int tr = TABLE_FIRST_ROW + MONTHS + 1 + (m == 11 ? 0 : 1);
			worksheet_write_string(ws, (lxw_row_t)tr, 0,
					       m == 11 ? "First 12 months" : "24 months",
					       f->total_label);
			formulaf(ws, tr, 5, f->money_total, d(cum), "SUM(F%d:F%d)",
				 TABLE_FIRST_ROW + 1, r + 1);
		}
	}
	free(gref);

	lxw_chart *ch = workbook_add_chart(wb, LXW_CHART_LINE);
	lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(se, SHEET_PROJECTION, TABLE_FIRST_ROW, 0,
				    TABLE_FIRST_ROW + MONTHS - 1, 0);
	chart_series_set_values(se, SHEET_PROJECTION, TABLE_FIRST_ROW, 5,
				TABLE_FIRST_ROW + MONTHS - 1, 5);
	chart_series_set_name(se, "Monthly total");
	if (bg->nbands) {
		const char *bn[3] = {"Simulated p5", "Simulated p50", "Simulated p95"};
		int last = TABLE_FIRST_ROW + (bg->nbands < MONTHS ? bg->nbands : MONTHS) - 1;
		for (int k = 0; k < 3; k++) {
			lxw_chart_series *b = chart_add_series(ch, NULL, NULL);
			chart_series_set_categories(b, SHEET_PROJECTION, TABLE_FIRST_ROW, 0,
						    (lxw_row_t)last, 0);
			chart_series_set_values(b, SHEET_PROJECTION, TABLE_FIRST_ROW, (lxw_col_t)(7 + k),
						(lxw_row_t)last, (lxw_col_t)(7 + k));
			chart_series_set_name(b, bn[k]);
			lxw_chart_line line;
			memset(&line, 0, sizeof(line));
			line.dash_type = k == 1 ? LXW_CHART_LINE_DASH_SOLID : LXW_CHART_LINE_DASH_DASH;
			line.color = 0x808080;
			chart_series_set_line(b, &line);
		}
	}
	chart_title_set_name(ch, "Monthly total (USD)");
	chart_axis_set_name(chart_axis_get(ch, LXW_CHART_AXIS_TYPE_X), "Month");
	chart_axis_set_num_format(chart_axis_get(ch, LXW_CHART_AXIS_TYPE_Y), "$#,##0");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	worksheet_insert_chart(ws, TABLE_HEADER_ROW, 11, ch);

	worksheet_set_column(ws, 0, 0, 38, NULL);
	worksheet_set_column(ws, 1, 1, 30, NULL);
	worksheet_set_column(ws, 2, 9, 14, NULL);
	worksheet_set_column(ws, 10, PJ_GRID_COL0 + MONTHS - 1, 11, NULL);
	worksheet_freeze_panes(ws, TABLE_FIRST_ROW, 0);
	worksheet_autofilter(ws, PJ_GRID_HEADER, 0, (lxw_row_t)last_grid,
			     PJ_GRID_COL0 + MONTHS - 1);
	print_setup(ws, TABLE_HEADER_ROW);
}

/* ---- the workbook ---------------------------------------------------------- */

static time_t created_date(const struct breakdown *b)
{
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	/* the snapshot's publication date: fixed for the same input */
	if (b->published_max && sscanf(b->published_max, "%d-%d-%d", &tm.tm_year, &tm.tm_mon,
				       &tm.tm_mday) == 3 && tm.tm_year >= 1990) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		tm.tm_hour = 12;
		return timegm(&tm);
	}
	return (time_t)1704110400; /* 2024-01-01 12:00 UTC */
}

int budget_write_xlsx(const struct budget *bg, const char *file)
{
	lxw_workbook_options opt;
	memset(&opt, 0, sizeof(opt));
	lxw_workbook *wb = workbook_new_opt(file, &opt);
	struct fmts f;
	char *title, *subject;
	if (!wb)
		return cp_error(CP_EXIT_IO, "cannot start the workbook %s", file);
	/* libxlsxwriter escapes & < > in document properties but not control
	 * characters, which XML forbids: a scenario name holding ESC made
	 * docProps/core.xml ill-formed ("Document likely damaged"). Cells are
	 * fine (it writes _x001B_ there). */
	char name[1200];
	cp_sanitize(bg->b->scenario, name, sizeof(name));
	title = xasprintf("costplan budget: %s", name);
	subject = xasprintf("Monthly AWS cost of %s in %s", name, bg->b->region);
	lxw_doc_properties props;
	memset(&props, 0, sizeof(props));
	props.title = title;
	props.subject = subject;
	props.author = "costplan";
	props.comments = "Generated by costplan export: formulas over Assumptions and Prices";
	props.created = created_date(bg->b);
	workbook_set_properties(wb, &props);
	make_formats(wb, &f);

	lxw_worksheet *asm_ws = workbook_add_worksheet(wb, SHEET_ASSUMPTIONS);
	lxw_worksheet *pr_ws = workbook_add_worksheet(wb, SHEET_PRICES);
	lxw_worksheet *li_ws = workbook_add_worksheet(wb, SHEET_LINES);
	lxw_worksheet *su_ws = workbook_add_worksheet(wb, SHEET_SUMMARY);
	lxw_worksheet *up_ws = bg->up ? workbook_add_worksheet(wb, SHEET_UPGRADES) : NULL;
	lxw_worksheet *pj_ws = workbook_add_worksheet(wb, SHEET_PROJECTION);
	sheet_assumptions(asm_ws, bg, &f);
	sheet_prices(pr_ws, bg, &f);
	sheet_lines(li_ws, bg, &f);
	sheet_summary(wb, su_ws, bg, &f);
	if (up_ws)
		sheet_upgrades(wb, up_ws, bg, &f);
	sheet_projection(wb, pj_ws, bg, &f);

	lxw_error e = workbook_close(wb);
	free(title);
	free(subject);
	if (e != LXW_NO_ERROR)
		return cp_error(CP_EXIT_IO, "cannot write the workbook: %s", lxw_strerror(e));
	return 0;
}
