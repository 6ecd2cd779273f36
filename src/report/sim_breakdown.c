/*
 * sim_breakdown.c - `costplan breakdown --simulate`: the breakdown's lines
 * with the simulated month's p50 and the p5-p95 range of each, in table,
 * json, csv or markdown. The month shown is the last simulated one (month 1 unless
 * --months says otherwise). Percentiles are taken line by line; the
 * total's are of whole bills, so lines need not add up to the p50 total.
 */
#include <string.h>

#include "util/escape.h"
#include "report/jsonw.h"
#include "report/sim_report.h"

#define W_NAME 31


static void range(FILE *f, const struct cstat *c, bool varies)
{
	char a[48], b[48], p[48];
	fprintf(f, "%10s", sim_usd(c->p50, p, sizeof(p)));
	if (varies)
		fprintf(f, "  %s..%s", sim_usd(c->p5, a, sizeof(a)), sim_usd(c->p95, b, sizeof(b)));
	fputc('\n', f);
}

static bool line_varies(const struct bill_series *l, const struct sim_view *v, int m)
{
	size_t runs = (size_t)v->mc->runs, at = (size_t)m * runs;
	for (size_t k = 1; k < runs; k++)
		if (l->cents[at + k] != l->cents[at] || l->qty[at + k] != l->qty[at])
			return true;
	return false;
}

static bool item_varies(const struct bill_series *it, const struct sim_view *v, int m)
{
	size_t runs = (size_t)v->mc->runs, at = (size_t)m * runs;
	for (size_t k = 1; k < runs; k++)
		if (it->cents[at + k] != it->cents[at])
			return true;
	return false;
}

void report_sim_breakdown_table(FILE *f, const struct sim_view *v, const struct report_style *st)
{
	const struct bills *b = v->b;
	const struct sim_summary *sum = v->sum;
	int M = v->mc->months, m = M - 1;
	const char *bo = st && st->color ? "\033[1m" : "", *re = st && st->color ? "\033[0m" : "";
	char q[64];

	fprintf(f, "%s", bo);
	term_write(f, v->s->name);
	fprintf(f, "%s - %s - month %d simulated, %ld runs, seed %llu (%s) - USD\n", re, b->region,
		M, v->mc->runs, (unsigned long long)v->o->seed, MC_GENERATOR);
	char pub[96];
	report_prices_valid_range(b->published_min, b->published_max, pub, sizeof(pub));
	fprintf(f, "%s\n\n", pub);
	fprintf(f, "%s%-*s %9s %-11s %9s  %s%s\n\n", bo, W_NAME, "RESOURCE / COMPONENT", "QUANTITY",
		"UNIT", "p50", "p5..p95", re);
	for (size_t i = 0; i < b->nitems; i++) {
		const struct bill_series *it = &b->items[i];
		fprintf(f, "%s", bo);
		term_cell(f, it->address, W_NAME + 22, 0);
		fprintf(f, "%s", re);
		range(f, &sum->items[i * (size_t)M + (size_t)m], item_varies(it, v, m));
		for (size_t l = 0; l < b->nlines; l++) {
			const struct bill_series *ln = &b->lines[l];
			if (ln->item != (int)i)
				continue;
			bool var = line_varies(ln, v, m);
			char name[200];
			snprintf(name, sizeof(name), "  %s", ln->line);
			term_cell(f, name, W_NAME, 0);
			double qty = sum->line_qty[l * (size_t)M + (size_t)m].p50;
			if (ln->unit[0] == '\0')
				q[0] = '\0'; /* a free line: nothing to count */
			else if (qty >= 1000 || qty <= -1000)
				snprintf(q, sizeof(q), "%.0f", qty);
			else
				snprintf(q, sizeof(q), "%.4g", qty);
			char u[64];
			fprintf(f, " %9s ", q);
			term_cell(f, report_unit_for(qty, ln->unit, u, sizeof(u)), 11, 0);
			if (ln->unit[0] == '\0' && !var && sum->lines[l * (size_t)M + (size_t)m].p50 == 0)
				fprintf(f, "%10s\n", "free");
			else
				range(f, &sum->lines[l * (size_t)M + (size_t)m], var);
		}
		fputc('\n', f);
	}
	fprintf(f, "%s", bo);
	term_cell(f, "TOTAL", W_NAME + 22, 0);
	fprintf(f, "%s", re);
	range(f, &sum->total[m], true);
	fprintf(f, "Lines with a range come from the simulated traffic: p50 of %ld runs and\n"
		   "the p5..p95 range; percentiles are per line, the TOTAL's of whole bills.\n",
		v->mc->runs);
	for (size_t i = 0; i < b->nwarn; i++)
		fprintf(f, "warning: %s\n", b->warnings[i]);
}

static void money(struct jsonw *w, const char *k, int64_t c)
{
	jw_key(w, k);
	jw_money(w, dec_from_scaled(c, 2));
}

static void cost_obj(struct jsonw *w, const char *key, const struct cstat *c)
{
	jw_key(w, key);
	jw_obj(w);
	money(w, "p5", c->p5);
	money(w, "p50", c->p50);
	money(w, "p95", c->p95);
	money(w, "mean", c->mean);
	jw_obj_end(w);
}

void report_sim_breakdown_json(FILE *f, const struct sim_view *v)
{
	struct jsonw w;
	const struct bills *b = v->b;
	const struct sim_summary *sum = v->sum;
	int M = v->mc->months, m = M - 1;
	jw_init(&w, f);
	jw_obj(&w);
	sim_json_header(&w, v);
	jw_key(&w, "month");
	jw_int(&w, M);
	jw_key(&w, "resources");
	jw_arr(&w);
	for (size_t i = 0; i < b->nitems; i++) {
		const struct bill_series *it = &b->items[i];
		jw_obj(&w);
		jw_key(&w, "address");
		jw_str(&w, it->address);
		jw_key(&w, "category");
		jw_str(&w, category_name(it->category));
		jw_key(&w, "simulated");
		jw_bool(&w, item_varies(it, v, m));
		cost_obj(&w, "monthly_cost", &sum->items[i * (size_t)M + (size_t)m]);
		jw_key(&w, "components");
		jw_arr(&w);
		for (size_t l = 0; l < b->nlines; l++) {
			const struct bill_series *ln = &b->lines[l];
			if (ln->item != (int)i)
				continue;
			const struct dstat *qd = &sum->line_qty[l * (size_t)M + (size_t)m];
			jw_obj(&w);
			jw_key(&w, "name");
			jw_str(&w, ln->line);
			jw_key(&w, "unit");
			jw_str(&w, ln->unit);
			jw_key(&w, "simulated");
			jw_bool(&w, line_varies(ln, v, m));
			jw_key(&w, "quantity");
			jw_obj(&w);
			jw_key(&w, "p5");
			jw_double(&w, qd->p5, 6);
			jw_key(&w, "p50");
			jw_double(&w, qd->p50, 6);
			jw_key(&w, "p95");
			jw_double(&w, qd->p95, 6);
			jw_obj_end(&w);
			cost_obj(&w, "monthly_cost", &sum->lines[l * (size_t)M + (size_t)m]);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	cost_obj(&w, "total_monthly_cost", &sum->total[m]);
	jw_strings(&w, "warnings", b->warnings, b->nwarn);
	jw_obj_end(&w);
	jw_end(&w);
}

void report_sim_breakdown_csv(FILE *f, const struct sim_view *v)
{
	const struct bills *b = v->b;
	const struct sim_summary *sum = v->sum;
	int M = v->mc->months, m = M - 1;
	char buf[DEC_BUFSZ];
	fputs("address,component,unit,simulated,quantity_p50,p5,p50,p95,mean\n", f);
	for (size_t l = 0; l < b->nlines; l++) {
		const struct bill_series *ln = &b->lines[l];
		const struct cstat *c = &sum->lines[l * (size_t)M + (size_t)m];
		csv_write_text(f, ln->address);
		fputc(',', f);
		csv_write_text(f, ln->line);
		fputc(',', f);
		csv_write_text(f, ln->unit);
		fprintf(f, ",%s,%.6g", line_varies(ln, v, m) ? "true" : "false",
			sum->line_qty[l * (size_t)M + (size_t)m].p50);
		const int64_t q[4] = {c->p5, c->p50, c->p95, c->mean};
		for (int k = 0; k < 4; k++)
			fprintf(f, ",%s", dec_format(dec_from_scaled(q[k], 2), 2, buf, sizeof(buf)));
		fputc('\n', f);
	}
	const struct cstat *c = &sum->total[m];
	fputs("TOTAL,,,true,", f);
	const int64_t q[4] = {c->p5, c->p50, c->p95, c->mean};
	for (int k = 0; k < 4; k++)
		fprintf(f, ",%s", dec_format(dec_from_scaled(q[k], 2), 2, buf, sizeof(buf)));
	fputc('\n', f);
}

/* GitHub-flavoured markdown: the same lines as the table, for a PR or wiki. */
void report_sim_breakdown_markdown(FILE *f, const struct sim_view *v)
{
	const struct bills *b = v->b;
	const struct sim_summary *sum = v->sum;
	int M = v->mc->months, m = M - 1;
	char p[48], lo[48], hi[48], pub[96];
	report_prices_valid_range(b->published_min, b->published_max, pub, sizeof(pub));
	fputs("## Simulated monthly cost: ", f);
	md_write(f, v->s->name);
	fprintf(f, " (%s)\n\n", b->region);
	fprintf(f, "Month %d, %ld runs, seed %llu (%s); USD, %s.\n\n", M, v->mc->runs,
		(unsigned long long)v->o->seed, MC_GENERATOR, pub);
	fputs("| Resource | Component | p50 | p5..p95 |\n|---|---|---:|---:|\n", f);
	for (size_t i = 0; i < b->nitems; i++) {
		const struct bill_series *it = &b->items[i];
		const struct cstat *c = &sum->items[i * (size_t)M + (size_t)m];
		fputs("| **", f);
		md_write(f, it->address);
		fprintf(f, "** |  | **%s** | ", sim_usd(c->p50, p, sizeof(p)));
		if (item_varies(it, v, m))
			fprintf(f, "%s..%s", sim_usd(c->p5, lo, sizeof(lo)), sim_usd(c->p95, hi, sizeof(hi)));
		fputs(" |\n", f);
		for (size_t l = 0; l < b->nlines; l++) {
			const struct bill_series *ln = &b->lines[l];
			if (ln->item != (int)i)
				continue;
			const struct cstat *lc = &sum->lines[l * (size_t)M + (size_t)m];
			fputs("|  | ", f);
			md_write(f, ln->line);
			fprintf(f, " | %s | ", sim_usd(lc->p50, p, sizeof(p)));
			if (line_varies(ln, v, m))
				fprintf(f, "%s..%s", sim_usd(lc->p5, lo, sizeof(lo)),
					sim_usd(lc->p95, hi, sizeof(hi)));
			fputs(" |\n", f);
		}
	}
	const struct cstat *t = &sum->total[m];
	fprintf(f, "| **Total** |  | **%s** | %s..%s |\n\n", sim_usd(t->p50, p, sizeof(p)),
		sim_usd(t->p5, lo, sizeof(lo)), sim_usd(t->p95, hi, sizeof(hi)));
	fprintf(f, "Ranges come from the simulated traffic: p50 of %ld runs and the p5..p95 "
		   "range; percentiles are per line, the total's of whole bills.\n",
		v->mc->runs);
	for (size_t i = 0; i < b->nwarn; i++) {
		fputs("\n> **Warning:** ", f);
		md_write(f, b->warnings[i]);
		fputs("\n", f);
	}
}
