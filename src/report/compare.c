/*
 * compare.c - the renderers of compare.h. Rows are the resources that cost
 * something in at least one column, in the order they first appear; a
 * resource missing from a column shows "-" (null in JSON) and counts as $0
 * in the deltas. Totals are the breakdowns' own totals, so each column's
 * total is the sum of its displayed lines.
 */
#include <stdlib.h>
#include <string.h>

#include "report/compare.h"
#include "util/escape.h"
#include "report/jsonw.h"
#include "report/upgrades.h"
#include "util/error.h"

#define W_MONEY 11

/* The row addresses: every non-free item of every column, first seen first. */
static size_t rows(const struct compare *c, const char ***out)
{
	size_t n = 0, cap = 16;
	const char **r = xcalloc(cap, sizeof(char *));
	for (size_t k = 0; k < c->n; k++)
		for (size_t i = 0; i < c->cols[k].b->n; i++) {
			const struct cost_item *it = &c->cols[k].b->items[i];
			if (it->free)
				continue;
			int seen = 0;
			for (size_t j = 0; j < n && !seen; j++)
				seen = strcmp(r[j], it->address) == 0;
			if (seen)
				continue;
			if (n + 1 >= cap) {
				cap *= 2;
				r = xrealloc(r, cap * sizeof(char *));
			}
			r[n++] = it->address;
		}
	*out = r;
	return n;
}

static const struct cost_item *cell(const struct compare *c, size_t k, const char *addr)
{
	const struct cost_item *it = breakdown_item(c->cols[k].b, addr);
	return it && !it->free ? it : NULL;
}

static dec cost_of(const struct cost_item *it)
{
	return it ? it->total : dec_zero();
}

static char key_of(size_t k)
{
	return (char)('A' + (k % 26));
}

/* Append a right-aligned money cell to line. */
static void put(char *line, size_t size, const char *s)
{
	size_t o = strlen(line);
	if (o < size)
		snprintf(line + o, size - o, "%*s", W_MONEY, s);
}

/* Print line without trailing blanks. */
static void flush_line(FILE *f, char *line)
{
	size_t n = strlen(line);
	while (n && line[n - 1] == ' ')
		line[--n] = '\0';
	fputs(line, f);
	fputc('\n', f);
}

/* Do all columns price in one region (else each says its own)? */
static bool one_region(const struct compare *c)
{
	for (size_t k = 1; k < c->n; k++)
		if (strcmp(c->cols[k].b->region, c->cols[0].b->region) != 0)
			return false;
	return true;
}

void report_compare_table(FILE *f, const struct compare *c, const struct report_style *st)
{
	const char **r;
	size_t nr = rows(c, &r);
	int deltas = c->n <= 3;
	int ncells = deltas ? (int)(2 * c->n - 1) : (int)c->n;
	int wname = 79 - ncells * W_MONEY;
	char buf[DEC_BUFSZ * 2], head[16], line[1024], name[300];

	if (wname < 12)
		wname = 12;
	bool one = one_region(c);
	fprintf(f, "%sCompare%s - %s - monthly cost in USD\n", st->color ? "\033[1m" : "",
		st->color ? "\033[0m" : "", one ? c->cols[0].b->region : "regions by column");
	for (size_t k = 0; k < c->n; k++) {
		fprintf(f, "  %c = ", key_of(k));
		term_write(f, c->cols[k].label);
		if (c->cols[k].source && strcmp(c->cols[k].source, c->cols[k].label) != 0) {
			fputs(" (", f);
			term_write(f, c->cols[k].source);
			fputs(")", f);
		}
		if (!one)
			fprintf(f, " - %s", c->cols[k].b->region);
		fputc('\n', f);
	}
	for (size_t i = 0; i < c->nnotes; i++)
		term_wrap(f, "", "  ", c->notes[i], 78);
	fputc('\n', f);
	snprintf(line, sizeof(line), "%-*s", wname, "RESOURCE");
	for (size_t k = 0; k < c->n; k++) {
		snprintf(head, sizeof(head), "%c", key_of(k));
		put(line, sizeof(line), head);
		if (deltas && k > 0) {
			snprintf(head, sizeof(head), "%c-A", key_of(k));
			put(line, sizeof(line), head);
		}
	}
	flush_line(f, line);
	for (size_t i = 0; i < nr; i++) {
		cp_sanitize(r[i], name, sizeof(name));
		if ((int)strlen(name) > wname - 1) {
			/* a long address gets its own line, the figures go below it */
			fputs(name, f);
			fputc('\n', f);
			name[0] = '\0';
		}
		snprintf(line, sizeof(line), "%-*s", wname, name);
		const struct cost_item *first = cell(c, 0, r[i]);
		for (size_t k = 0; k < c->n; k++) {
			const struct cost_item *it = cell(c, k, r[i]);
			put(line, sizeof(line), it ? dec_format_usd(it->total, buf, sizeof(buf)) : "-");
			if (deltas && k > 0) {
				dec d = dec_sub(cost_of(it), cost_of(first));
				put(line, sizeof(line),
				    dec_is_zero(d) ? "" : report_delta(d, buf, sizeof(buf)));
			}
		}
		flush_line(f, line);
	}
	fputc('\n', f);
	snprintf(line, sizeof(line), "%-*s", wname, "TOTAL");
	for (size_t k = 0; k < c->n; k++) {
		put(line, sizeof(line), dec_format_usd(c->cols[k].b->total, buf, sizeof(buf)));
		if (deltas && k > 0)
			put(line, sizeof(line),
			    report_delta(dec_sub(c->cols[k].b->total, c->cols[0].b->total), buf,
					 sizeof(buf)));
	}
	fputs(st->color ? "\033[1m" : "", f);
	flush_line(f, line);
	fputs(st->color ? "\033[0m" : "", f);
	if (!deltas) {
		snprintf(line, sizeof(line), "%-*s", wname, "DELTA vs A");
		for (size_t k = 0; k < c->n; k++)
			put(line, sizeof(line),
			    k ? report_delta(dec_sub(c->cols[k].b->total, c->cols[0].b->total), buf,
					     sizeof(buf))
			      : "");
		flush_line(f, line);
	}
	for (size_t k = 0; k < c->n; k++)
		for (size_t i = 0; i < c->cols[k].b->nwarn; i++) {
			fprintf(f, "warning (%c): ", key_of(k));
			term_write(f, c->cols[k].b->warnings[i]);
			fputc('\n', f);
		}
	free(r);
}

void report_compare_json(FILE *f, const struct compare *c)
{
	const char **r;
	size_t nr = rows(c, &r);
	struct jsonw w;
	jw_init(&w, f);
	jw_obj(&w);
	jw_key(&w, "version");
	jw_int(&w, 1);
	jw_key(&w, "region");
	jw_str(&w, c->cols[0].b->region);
	jw_key(&w, "currency");
	jw_str(&w, "USD");
	jw_key(&w, "hours_per_month");
	jw_int(&w, HOURS_PER_MONTH);
	jw_key(&w, "scenarios");
	jw_arr(&w);
	for (size_t k = 0; k < c->n; k++) {
		char key[2] = {key_of(k), 0};
		jw_obj(&w);
		jw_key(&w, "key");
		jw_str(&w, key);
		jw_key(&w, "label");
		jw_str(&w, c->cols[k].label);
		jw_key(&w, "source");
		jw_str(&w, c->cols[k].source ? c->cols[k].source : "");
		jw_key(&w, "kind");
		jw_str(&w, c->cols[k].kind);
		jw_key(&w, "scenario");
		jw_str(&w, c->cols[k].b->scenario);
		jw_key(&w, "region");
		jw_str(&w, c->cols[k].b->region);
		jw_key(&w, "total_monthly_cost");
		jw_money(&w, c->cols[k].b->total);
		jw_key(&w, "monthly_delta");
		jw_money(&w, dec_sub(c->cols[k].b->total, c->cols[0].b->total));
		jw_key(&w, "notes");
		jw_arr(&w);
		for (size_t i = 0; i < c->cols[k].b->nnotes; i++)
			jw_str(&w, c->cols[k].b->notes[i]);
		jw_arr_end(&w);
		jw_key(&w, "warnings");
		jw_arr(&w);
		for (size_t i = 0; i < c->cols[k].b->nwarn; i++)
			jw_str(&w, c->cols[k].b->warnings[i]);
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "resources");
	jw_arr(&w);
	for (size_t i = 0; i < nr; i++) {
		const struct cost_item *first = cell(c, 0, r[i]);
		jw_obj(&w);
		jw_key(&w, "address");
		jw_str(&w, r[i]);
		jw_key(&w, "monthly_costs");
		jw_arr(&w);
		for (size_t k = 0; k < c->n; k++) {
			const struct cost_item *it = cell(c, k, r[i]);
			if (it)
				jw_money(&w, it->total);
			else
				jw_null(&w);
		}
		jw_arr_end(&w);
		jw_key(&w, "monthly_deltas");
		jw_arr(&w);
		for (size_t k = 0; k < c->n; k++)
			jw_money(&w, dec_sub(cost_of(cell(c, k, r[i])), cost_of(first)));
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_strings(&w, "notes", c->notes, c->nnotes);
	jw_obj_end(&w);
	jw_end(&w);
	free(r);
}

void report_compare_csv(FILE *f, const struct compare *c)
{
	const char **r;
	size_t nr = rows(c, &r);
	char buf[DEC_BUFSZ], lab[600];
	csv_write_text(f, "resource");
	for (size_t k = 0; k < c->n; k++) {
		fputc(',', f);
		csv_write_text(f, c->cols[k].label);
		if (k > 0) {
			snprintf(lab, sizeof(lab), "%s delta", c->cols[k].label);
			fputc(',', f);
			csv_write_text(f, lab);
		}
	}
	fputs("\r\n", f);
	for (size_t i = 0; i <= nr; i++) {
		bool total = i == nr;
		const struct cost_item *first = total ? NULL : cell(c, 0, r[i]);
		dec base = total ? c->cols[0].b->total : cost_of(first);
		csv_write_text(f, total ? "TOTAL" : r[i]);
		for (size_t k = 0; k < c->n; k++) {
			const struct cost_item *it = total ? NULL : cell(c, k, r[i]);
			dec v = total ? c->cols[k].b->total : cost_of(it);
			fputc(',', f);
			if (total || it)
				csv_write_raw(f, dec_format(v, 2, buf, sizeof(buf)));
			if (k > 0) {
				fputc(',', f);
				csv_write_raw(f, dec_format(dec_sub(v, base), 2, buf, sizeof(buf)));
			}
		}
		fputs("\r\n", f);
	}
	free(r);
}

void report_compare_markdown(FILE *f, const struct compare *c)
{
	const char **r;
	size_t nr = rows(c, &r);
	char buf[DEC_BUFSZ * 2];
	bool one = one_region(c);
	fprintf(f, "## Compare (%s, USD a month)\n\n", one ? c->cols[0].b->region : "regions by column");
	for (size_t k = 0; k < c->n; k++) {
		fprintf(f, "- **%c**: ", key_of(k));
		md_write(f, c->cols[k].label);
		if (c->cols[k].source && strcmp(c->cols[k].source, c->cols[k].label) != 0) {
			fputs(" (", f);
			md_write(f, c->cols[k].source);
			fputs(")", f);
		}
		if (!one)
			fprintf(f, ", in %s", c->cols[k].b->region);
		fputs("\n", f);
	}
	for (size_t i = 0; i < c->nnotes; i++) {
		fputs(i ? "\n> " : "\n> ", f);
		md_write(f, c->notes[i]);
		fputs("\n", f);
	}
	fputs("\n| Resource |", f);
	for (size_t k = 0; k < c->n; k++) {
		fprintf(f, " %c |", key_of(k));
		if (k > 0)
			fprintf(f, " %c - A |", key_of(k));
	}
	fputs("\n|---|", f);
	for (size_t k = 0; k < c->n; k++)
		fputs(k > 0 ? "---:|---:|" : "---:|", f);
	fputs("\n", f);
	for (size_t i = 0; i <= nr; i++) {
		bool total = i == nr;
		const struct cost_item *first = total ? NULL : cell(c, 0, r[i]);
		dec base = total ? c->cols[0].b->total : cost_of(first);
		fputs(total ? "| **Total** |" : "| ", f);
		if (!total) {
			md_write(f, r[i]);
			fputs(" |", f);
		}
		for (size_t k = 0; k < c->n; k++) {
			const struct cost_item *it = total ? NULL : cell(c, k, r[i]);
			dec v = total ? c->cols[k].b->total : cost_of(it);
			if (total || it)
				fprintf(f, total ? " **%s** |" : " %s |", dec_format_usd(v, buf, sizeof(buf)));
			else
				fputs(" - |", f);
			if (k > 0) {
				dec d = dec_sub(v, base);
				fprintf(f, " %s |", dec_is_zero(d) && !total ? "" : report_delta(d, buf, sizeof(buf)));
			}
		}
		fputs("\n", f);
	}
	free(r);
}
