/*
 * diff_csv.c - `costplan diff --format csv`: one row per component line
 * of every resource in the diff (RFC 4180, CRLF), for a spreadsheet:
 * address, type, change, component, unit, before, after, delta; then one
 * row per resource not priced, and a TOTAL row. Money in USD with cents;
 * a side on which the line is absent is empty.
 */
#include "diff/diff_report.h"
#include "util/escape.h"

struct row_ctx {
	FILE *f;
	const struct diff_row *r;
};

static void cents(FILE *f, const struct cost_line *l)
{
	char buf[DEC_BUFSZ];
	if (l)
		fputs(dec_format(l->cost_cents, 2, buf, sizeof(buf)), f);
}

static void line_row(const struct cost_line *b, const struct cost_line *a, void *ctx)
{
	struct row_ctx *c = ctx;
	const struct cost_line *l = a ? a : b;
	char buf[DEC_BUFSZ];
	csv_write_text(c->f, c->r->address);
	fputc(',', c->f);
	csv_write_text(c->f, c->r->type);
	fprintf(c->f, ",%s,", change_name(c->r->change));
	csv_write_text(c->f, l->name);
	fputc(',', c->f);
	csv_write_text(c->f, l->unit);
	fputc(',', c->f);
	cents(c->f, b);
	fputc(',', c->f);
	cents(c->f, a);
	fprintf(c->f, ",%s\r\n",
		dec_format(dec_sub(a ? a->cost_cents : dec_zero(), b ? b->cost_cents : dec_zero()), 2,
			   buf, sizeof(buf)));
}

void report_diff_csv(FILE *f, const struct diff *d, const char *guard_reason)
{
	char x[DEC_BUFSZ], y[DEC_BUFSZ], z[DEC_BUFSZ];
	(void)guard_reason; /* said on stderr with exit 1 */
	fputs("address,type,change,component,unit,before,after,delta\r\n", f);
	for (size_t i = 0; i < d->n; i++) {
		struct row_ctx c = {f, &d->rows[i]};
		diff_lines(&d->rows[i], line_row, &c);
	}
	for (size_t i = 0; i < d->nunpriced; i++) {
		csv_write_text(f, d->unpriced[i].u->address);
		fputc(',', f);
		csv_write_text(f, d->unpriced[i].u->type);
		fprintf(f, ",%s,", d->unpriced[i].action ? d->unpriced[i].action : "");
		csv_write_text(f, "not priced");
		fputc(',', f);
		csv_write_text(f, d->unpriced[i].u->why);
		fputs(",,,\r\n", f);
	}
	fprintf(f, "TOTAL,,,,,%s,%s,%s\r\n", dec_format(d->before, 2, x, sizeof(x)),
		dec_format(d->after, 2, y, sizeof(y)), dec_format(d->delta, 2, z, sizeof(z)));
}
