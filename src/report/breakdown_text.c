/*
 * breakdown_text.c - the terminal table for `costplan breakdown`.
 *
 * Fits 80 columns: resource addresses on their own line with the resource
 * total, components indented beneath with quantity, unit, unit price and
 * monthly cost. Usage-based lines carry a '*'. Free bookkeeping resources
 * are listed together at the end, so the user sees they were considered.
 * Names from inputs go through term_write (no escape sequences).
 */
#include <string.h>

#include "util/escape.h"
#include "report/report.h"

#define W_NAME 37
#define W_QTY 9
#define W_UNIT 11
#define W_PRICE 9
#define W_COST 11

static const char *bold(const struct report_style *st)
{
	return st->color ? "\033[1m" : "";
}
static const char *dim(const struct report_style *st)
{
	return st->color ? "\033[2m" : "";
}
static const char *reset(const struct report_style *st)
{
	return st->color ? "\033[0m" : "";
}

static void qty_text(dec q, char *buf, size_t size)
{
	/* quantities: up to 4 decimals shown; the JSON output keeps them all */
	dec r = dec_round(q, 4);
	dec_format_trim(r, buf, size);
}

void report_published(const struct breakdown *b, char *buf, size_t size)
{
	if (!b->published_min)
		snprintf(buf, size, "unknown");
	else if (strcmp(b->published_min, b->published_max) == 0)
		snprintf(buf, size, "%s", b->published_min);
	else
		snprintf(buf, size, "%s to %s", b->published_min, b->published_max);
}

void report_prices_valid_range(const char *min, const char *max, char *buf, size_t size)
{
	if (!min)
		snprintf(buf, size, "no list price used");
	else if (!max || strcmp(min, max) == 0)
		snprintf(buf, size, "prices valid %s", min);
	else
		snprintf(buf, size, "prices valid %s to %s", min, max);
}

void report_prices_valid(const struct breakdown *b, char *buf, size_t size)
{
	report_prices_valid_range(b->published_min, b->published_max, buf, size);
}

void report_breakdown_table(FILE *f, const struct breakdown *b, const struct report_style *st)
{
	char q[DEC_BUFSZ], p[DEC_BUFSZ], c[DEC_BUFSZ * 2], pub[96];
	int any_usage = 0, nfree = 0;

	report_prices_valid(b, pub, sizeof(pub));
	fprintf(f, "%s", bold(st));
	term_write(f, b->scenario);
	fprintf(f, "%s - %s - monthly cost in USD\n", reset(st), b->region);
	fprintf(f, "%s (sources: `costplan pricing list`)\n", pub);
	for (size_t i = 0; i < b->nnotes; i++) {
		fprintf(f, "%s", dim(st));
		term_wrap(f, "", "  ", b->notes[i], 78);
		fprintf(f, "%s", reset(st));
	}
	fputc('\n', f);
	term_cell(f, "RESOURCE / COMPONENT", W_NAME, 0);
	term_cell(f, "QUANTITY", W_QTY, 1);
	fputc(' ', f);
	term_cell(f, "UNIT", W_UNIT, 0);
	term_cell(f, "PRICE", W_PRICE, 1);
	term_cell(f, "MONTHLY", W_COST, 1);
	fputc('\n', f);

	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		if (it->free) {
			nfree++;
			continue;
		}
		fputc('\n', f);
		fprintf(f, "%s", bold(st));
		char head[300];
		if (it->count != 1)
			snprintf(head, sizeof(head), "%s (x%d)", it->address, it->count);
		else
			snprintf(head, sizeof(head), "%s", it->address);
		term_cell(f, head, W_NAME + W_QTY + 1 + W_UNIT + W_PRICE, 0);
		fprintf(f, "%s", reset(st));
		term_cell(f, dec_format_usd(it->total, c, sizeof(c)), W_COST, 1);
		fputc('\n', f);
		for (size_t j = 0; j < it->n; j++) {
			const struct cost_line *l = &it->lines[j];
			char name[200];
			snprintf(name, sizeof(name), "  %s%s", l->name, l->usage_based ? " *" : "");
			any_usage |= l->usage_based;
			term_cell(f, name, W_NAME, 0);
			if (!l->price && !l->usage_based) {
				term_cell(f, "", W_QTY + 1 + W_UNIT + W_PRICE, 0);
				term_cell(f, "free", W_COST, 1);
				fputc('\n', f);
				if (l->note) {
					fprintf(f, "%s    ", dim(st));
					term_write(f, l->note);
					fprintf(f, "%s\n", reset(st));
				}
				continue;
			}
			if (!l->price) {
				term_cell(f, "", W_QTY + 1 + W_UNIT + W_PRICE, 0);
				term_cell(f, "$0.00", W_COST, 1);
				fputc('\n', f);
				fprintf(f, "%s    ", dim(st));
				term_write(f, l->note);
				fprintf(f, "%s\n", reset(st));
				continue;
			}
			qty_text(l->quantity, q, sizeof(q));
			char u[64];
			term_cell(f, q, W_QTY, 1);
			fputc(' ', f);
			term_cell(f, report_unit_for(dec_to_double(l->quantity), l->unit, u, sizeof(u)),
				  W_UNIT, 0);
			dec_format_trim(l->unit_price, p, sizeof(p));
			term_cell(f, l->tiered ? "tiered" : p, W_PRICE, 1);
			term_cell(f, dec_format_usd(l->cost_cents, c, sizeof(c)), W_COST, 1);
			fputc('\n', f);
			if (l->note) {
				fprintf(f, "%s    ", dim(st));
				term_write(f, l->note);
				fprintf(f, "%s\n", reset(st));
			}
		}
	}
	if (nfree) {
		/* grouped by the reason AWS charges nothing, so the list says why */
		struct free_group *g;
		size_t ng = report_free_groups(b, &g);
		fprintf(f, "\n%sFree (considered, $0), and why AWS charges nothing:%s\n", bold(st),
			reset(st));
		for (size_t k = 0; k < ng; k++) {
			int col = 1;
			fputc(' ', f);
			for (size_t i = 0; i < g[k].n; i++) {
				char name[300];
				report_item_name(g[k].items[i], name, sizeof(name));
				int len = (int)strlen(name) + 1;
				if (col > 1 && col + len > 78) {
					fputs("\n ", f);
					col = 1;
				}
				fputc(' ', f);
				term_write(f, name);
				col += len;
			}
			fputc('\n', f);
			fprintf(f, "%s", dim(st));
			term_wrap(f, "    ", "    ", g[k].reason, 78);
			fprintf(f, "%s", reset(st));
		}
		report_free_groups_release(g, ng);
	}
	if (b->nunpriced) {
		fprintf(f, "\n%sNot priced (they cost money; not in the total):%s\n", bold(st),
			reset(st));
		for (size_t i = 0; i < b->nunpriced; i++) {
			fputs("  ", f);
			term_write(f, b->unpriced[i].address);
			fputc('\n', f);
			fprintf(f, "%s", dim(st));
			term_wrap(f, "    ", "    ", b->unpriced[i].why, 78);
			fprintf(f, "%s", reset(st));
		}
	}
	fputc('\n', f);
	fprintf(f, "%s", bold(st));
	term_cell(f, "TOTAL", W_NAME + W_QTY + 1 + W_UNIT + W_PRICE, 0);
	term_cell(f, dec_format_usd(b->total, c, sizeof(c)), W_COST, 1);
	fprintf(f, "%s\n", reset(st));
	if (any_usage)
		fprintf(f, "%s* usage-based: quantity from the scenario's usage figures%s\n", dim(st),
			reset(st));
	if (!b->free_tier)
		fprintf(f, "%sFree tier allowances are off (--no-free-tier).%s\n", dim(st), reset(st));
	for (size_t i = 0; i < b->nwarn; i++) {
		if (report_warning_is_unpriced_line(b, b->warnings[i]))
			continue; /* listed above, with the reason */
		fputs("warning: ", f);
		term_write(f, b->warnings[i]);
		fputc('\n', f);
	}
}
