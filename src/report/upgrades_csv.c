/*
 * upgrades_csv.c - `costplan upgrades --format csv`: one row per figure,
 * for spreadsheets. Columns:
 *   section,order,id,title,monthly_delta,total_monthly_cost,range_low,
 *   range_high,signal
 * section is baseline, step (alone on the baseline), variant, cumulative,
 * production, alternative (alone on the baseline) or
 * alternative_on_production, then one assumption row per assumption used
 * (title "KEY = VALUE UNIT", signal column "[assumption] source"). Deltas of cumulative rows are against the
 * previous row; alternative_on_production against production. Names go
 * through csv_write_text (formula-neutralised).
 */
#include "util/escape.h"
#include "report/upgrades.h"

static void money(FILE *f, dec d)
{
	char buf[DEC_BUFSZ];
	fputc(',', f);
	csv_write_raw(f, dec_format(d, 2, buf, sizeof(buf)));
}

static void line(FILE *f, const char *section, int order, const char *id, const char *title,
		 bool has_delta, dec delta, const struct priced *p, dec total, const char *signal)
{
	char num[16];
	csv_write_raw(f, section);
	fputc(',', f);
	if (order > 0) {
		snprintf(num, sizeof(num), "%d", order);
		csv_write_raw(f, num);
	}
	fputc(',', f);
	csv_write_text(f, id);
	fputc(',', f);
	csv_write_text(f, title);
	if (has_delta)
		money(f, delta);
	else
		fputc(',', f);
	money(f, total);
	if (p && p->has_range) {
		money(f, p->low);
		money(f, p->high);
	} else {
		fputs(",,", f);
	}
	fputc(',', f);
	csv_write_text(f, signal ? signal : "");
	fputs("\r\n", f);
}

void report_upgrades_csv(FILE *f, const struct upgrade_path *p)
{
	char label[600];
	fputs("section,order,id,title,monthly_delta,total_monthly_cost,range_low,range_high,"
	      "signal\r\n",
	      f);
	line(f, "baseline", 0, "baseline", p->baseline.b.scenario, false, dec_zero(), &p->baseline,
	     p->baseline.total, NULL);
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct upgrade_result *r = &p->results[i];
		line(f, "step", r->step->order, r->step->id, r->step->title, true, r->alone_delta,
		     &r->alone, r->alone.total, r->step->signal);
		for (size_t v = 0; v < r->nvariants; v++) {
			snprintf(label, sizeof(label), "%s: %s", r->step->title,
				 r->variants[v].variant->label);
			line(f, "variant", r->step->order, r->step->id, label, true,
			     r->variants[v].delta, NULL, r->variants[v].total, NULL);
		}
	}
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct upgrade_result *r = &p->results[i];
		line(f, "cumulative", r->step->order, r->step->id, r->step->title, true,
		     r->cumulative_delta, &r->cumulative, r->cumulative.total, NULL);
	}
	line(f, "production", 0, "production", "Production total", true,
	     dec_sub(p->production.total, p->baseline.total), &p->production, p->production.total,
	     NULL);
	for (size_t i = p->nsteps; i < p->n; i++) {
		const struct upgrade_result *r = &p->results[i];
		line(f, "alternative", r->step->order, r->step->id, r->step->title, true,
		     r->alone_delta, &r->alone, r->alone.total, r->step->signal);
		line(f, "alternative_on_production", r->step->order, r->step->id, r->step->title, true,
		     r->cumulative_delta, &r->cumulative, r->cumulative.total, NULL);
	}
	for (size_t i = 0; i < p->n; i++) {
		const struct upgrade_step *s = p->results[i].step;
		for (size_t j = 0; j < s->nassumptions; j++) {
			const struct upgrade_assumption *a = &s->assumptions[j];
			char val[256], src[1200], num[16];
			snprintf(label, sizeof(label), "%s = %s %s%s", a->key,
				 report_json_scalar(a->value, val, sizeof(val)), a->unit,
				 a->overridden ? " (--assume)" : "");
			snprintf(src, sizeof(src), "%s%s", a->assumption ? "[assumption] " : "[sourced] ",
				 a->source);
			snprintf(num, sizeof(num), "%d", s->order);
			csv_write_raw(f, "assumption");
			fputc(',', f);
			csv_write_raw(f, num);
			fputc(',', f);
			csv_write_text(f, s->id);
			fputc(',', f);
			csv_write_text(f, label);
			fputs(",,,,,", f);
			csv_write_text(f, src);
			fputs("\r\n", f);
		}
	}
}
