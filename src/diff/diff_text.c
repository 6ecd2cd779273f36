/*
 * diff_text.c - the terminal view of a cost diff: one row per resource
 * whose cost changes (with its component lines beneath), a count of the
 * rest, the totals and the headline. Fits 80 columns; names from inputs go
 * through term_write.
 */
#include <string.h>

#include "diff/diff_report.h"
#include "util/escape.h"

#define W_CH 5
#define W_RES 42
#define W_MONEY 11

static void money3(FILE *f, dec a, dec b, dec d)
{
	char x[DEC_BUFSZ * 2], y[DEC_BUFSZ * 2], z[DEC_BUFSZ * 2];
	fprintf(f, "%*s%*s%*s\n", W_MONEY, dec_format_usd(a, x, sizeof(x)), W_MONEY,
		dec_format_usd(b, y, sizeof(y)), W_MONEY, dec_format_usd_signed(d, z, sizeof(z)));
}

static void line_row(const struct cost_line *b, const struct cost_line *a, void *ctx)
{
	FILE *f = ctx;
	dec bc = b ? b->cost_cents : dec_zero(), ac = a ? a->cost_cents : dec_zero();
	if (!dec_cmp(bc, ac))
		return;
	const char *name = a ? a->name : b->name;
	char buf[W_RES + 8];
	snprintf(buf, sizeof(buf), "%s", name);
	size_t n = strlen(buf);
	fprintf(f, "%*s  ", W_CH, "");
	term_write(f, buf);
	fprintf(f, "%*s", (int)(W_RES - 2 - (n > W_RES - 2 ? W_RES - 2 : n)), "");
	money3(f, bc, ac, dec_sub(ac, bc));
}

void report_diff_table(FILE *f, const struct diff *d, const struct report_style *st,
		       const char *guard_reason)
{
	char head[256], c[DEC_BUFSZ * 2];
	const char *B = st->color ? "\033[1m" : "", *R = st->color ? "\033[0m" : "";
	(void)c;
	fprintf(f, "%sCost diff: ", B);
	term_write(f, d->title);
	fprintf(f, "%s\n", R);
	fputs("Region ", f);
	term_write(f, d->head->b.region);
	fprintf(f, " - monthly cost in USD - %s\n\n", d->prices_valid);
	fprintf(f, "%-*s%-*s%*s%*s%*s\n", W_CH, "", W_RES, "RESOURCE", W_MONEY, "BEFORE", W_MONEY,
		"AFTER", W_MONEY, "DELTA");
	int shown = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct diff_row *r = &d->rows[i];
		if (!diff_row_shown(r))
			continue;
		shown++;
		fprintf(f, "%-*s", W_CH, change_symbol(r->change));
		size_t n = strlen(r->address);
		term_write(f, r->address);
		if (n >= W_RES) {
			fprintf(f, "\n%*s", W_CH + W_RES, "");
		} else {
			fprintf(f, "%*s", (int)(W_RES - n), "");
		}
		if (r->before && r->after) {
			money3(f, r->before_cost, r->after_cost, r->delta);
		} else {
			/* a new or removed resource: nothing on the other side */
			char x[DEC_BUFSZ * 2], z[DEC_BUFSZ * 2];
			fprintf(f, "%*s%*s%*s\n", W_MONEY,
				r->before ? dec_format_usd(r->before_cost, x, sizeof(x)) : "-", W_MONEY,
				r->after ? dec_format_usd(r->after_cost, x, sizeof(x)) : "-", W_MONEY,
				dec_format_usd_signed(r->delta, z, sizeof(z)));
		}
		diff_lines(r, line_row, f);
	}
	if (!shown)
		fputs("(no resource changes cost)\n", f);
	size_t same = d->n - (size_t)d->nshown;
	if (same)
		fprintf(f, "(%zu other resource%s: cost unchanged%s)\n", same, same == 1 ? "" : "s",
			d->nzero > d->nshown - d->nchanged ? "; some change in ways that cost nothing"
							   : "");
	fputc('\n', f);
	fprintf(f, "%s%-*s", B, W_CH + W_RES, "TOTAL");
	char x[DEC_BUFSZ * 2], y[DEC_BUFSZ * 2], z[DEC_BUFSZ * 2];
	fprintf(f, "%*s%*s%*s%s\n", W_MONEY, dec_format_usd(d->before, x, sizeof(x)), W_MONEY,
		dec_format_usd(d->after, y, sizeof(y)), W_MONEY,
		dec_format_usd_signed(d->delta, z, sizeof(z)), R);
	diff_headline(d, head, sizeof(head));
	fprintf(f, "%s; new total %s per month.\n", head, y);
	if (d->nunpriced) {
		char *sum = side_unpriced_summary(d->head);
		fprintf(f, "Not priced: %zu resource%s (", d->nunpriced, d->nunpriced == 1 ? "" : "s");
		term_write(f, sum[0] ? sum : "base side only");
		fputs("); `--format json` lists each with the reason.\n", f);
		free(sum);
	}
	for (size_t i = 0; i < d->nwarn; i++) {
		fputs("warning: ", f);
		term_write(f, d->warnings[i]);
		fputc('\n', f);
	}
	if (guard_reason) {
		fputs("guardrail: ", f);
		term_write(f, guard_reason);
		fputc('\n', f);
	}
}
