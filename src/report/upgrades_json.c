/*
 * upgrades_json.c - `costplan upgrades --format json`:
 *
 * { "version": 1, "scenario", "region", "currency", "hours_per_month",
 *   "pricing": {source, published},
 *   "baseline": {total_monthly_cost, range},
 *   "steps": [ {order, id, title, kind, file, signal, rationale,
 *               alone: {monthly_delta, total_monthly_cost, range, changes[]},
 *               cumulative: {monthly_delta, total_monthly_cost, range},
 *               variants: [{label, monthly_delta, total_monthly_cost}],
 *               assumptions: [{key, path, value, unit, source, assumption,
 *                              overridden}]} ],
 *   "production": {total_monthly_cost, range},
 *   "alternatives": [ {... as steps, "on_production" instead of
 *                      "cumulative", verdict} ],
 *   "notes": [...], "warnings": [...] }
 *
 * range is null or {low, high}: totals with auto-scaled services at their
 * min and max task counts. Money is in cents as numbers.
 */
#include <stdlib.h>

#include "report/jsonw.h"
#include "util/paths.h"
#include "report/upgrades.h"

static void range(struct jsonw *w, const struct priced *p)
{
	jw_key(w, "range");
	if (!p->has_range) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_key(w, "low");
	jw_money(w, p->low);
	jw_key(w, "high");
	jw_money(w, p->high);
	jw_obj_end(w);
}

static void value(struct jsonw *w, const json_t *v)
{
	dec d;
	if (json_is_integer(v))
		jw_int(w, (long long)json_integer_value(v));
	else if (json_is_real(v) && dec_from_double(json_real_value(v), &d) == 0)
		jw_dec(w, dec_round(d, 6));
	else if (json_is_string(v))
		jw_str(w, json_string_value(v));
	else if (json_is_boolean(v))
		jw_bool(w, json_is_true(v));
	else
		jw_null(w);
}

static void figures(struct jsonw *w, const char *key, dec delta, const struct priced *p,
		    const struct breakdown *base)
{
	jw_key(w, key);
	jw_obj(w);
	jw_key(w, "monthly_delta");
	jw_money(w, delta);
	jw_key(w, "total_monthly_cost");
	jw_money(w, p->total);
	range(w, p);
	if (base) {
		struct item_change *ch;
		size_t n = breakdown_changes(base, &p->b, &ch);
		jw_key(w, "changes");
		jw_arr(w);
		for (size_t i = 0; i < n; i++) {
			jw_obj(w);
			jw_key(w, "address");
			jw_str(w, ch[i].address);
			jw_key(w, "before");
			jw_money(w, ch[i].before);
			jw_key(w, "after");
			jw_money(w, ch[i].after);
			jw_key(w, "monthly_delta");
			jw_money(w, ch[i].delta);
			jw_obj_end(w);
		}
		jw_arr_end(w);
		free(ch);
	}
	jw_obj_end(w);
}

static void result(struct jsonw *w, const struct upgrade_path *p, const struct upgrade_result *r)
{
	const struct upgrade_step *s = r->step;
	jw_obj(w);
	jw_key(w, "order");
	jw_int(w, s->order);
	jw_key(w, "id");
	jw_str(w, s->id);
	jw_key(w, "title");
	jw_str(w, s->title);
	jw_key(w, "kind");
	jw_str(w, s->kind == UPGRADE_STEP ? "step" : "alternative");
	jw_key(w, "file");
	char *shown = paths_display(s->file); /* never an absolute path */
	jw_str(w, shown);
	free(shown);
	jw_key(w, "signal");
	jw_str(w, s->signal);
	jw_key(w, "rationale");
	jw_str(w, s->rationale);
	figures(w, "alone", r->alone_delta, &r->alone, &p->baseline.b);
	figures(w, s->kind == UPGRADE_STEP ? "cumulative" : "on_production", r->cumulative_delta,
		&r->cumulative, NULL);
	jw_key(w, "variants");
	jw_arr(w);
	for (size_t v = 0; v < r->nvariants; v++) {
		jw_obj(w);
		jw_key(w, "label");
		jw_str(w, r->variants[v].variant->label);
		jw_key(w, "monthly_delta");
		jw_money(w, r->variants[v].delta);
		jw_key(w, "total_monthly_cost");
		jw_money(w, r->variants[v].total);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "assumptions");
	jw_arr(w);
	for (size_t j = 0; j < s->nassumptions; j++) {
		const struct upgrade_assumption *a = &s->assumptions[j];
		jw_obj(w);
		jw_key(w, "key");
		jw_str(w, a->key);
		jw_key(w, "path");
		jw_str(w, a->path);
		jw_key(w, "value");
		value(w, a->value);
		jw_key(w, "unit");
		jw_str(w, a->unit);
		jw_key(w, "source");
		jw_str(w, a->source);
		jw_key(w, "assumption");
		jw_bool(w, a->assumption);
		jw_key(w, "overridden");
		jw_bool(w, a->overridden);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	if (s->kind == UPGRADE_ALTERNATIVE) {
		char buf[1024];
		jw_key(w, "verdict");
		if (!r->has_verdict) {
			jw_null(w);
		} else {
			jw_obj(w);
			jw_key(w, "replaces");
			jw_str(w, s->replaces);
			jw_key(w, "replaced_monthly_cost");
			jw_money(w, r->replaced_cost);
			jw_key(w, "added_monthly_cost");
			jw_money(w, r->added_cost);
			jw_key(w, "breakeven_gb_per_month");
			if (r->has_breakeven)
				jw_dec(w, r->breakeven_gb);
			else
				jw_null(w);
			jw_key(w, "text");
			jw_str(w, report_verdict(r, buf, sizeof(buf)));
			jw_obj_end(w);
		}
	}
	jw_obj_end(w);
}

void report_upgrades_json(FILE *f, const struct upgrade_path *p)
{
	const struct breakdown *b = &p->baseline.b;
	struct jsonw w;
	jw_init(&w, f);
	jw_obj(&w);
	jw_key(&w, "version");
	jw_int(&w, 1);
	jw_key(&w, "scenario");
	jw_str(&w, b->scenario);
	jw_key(&w, "region");
	jw_str(&w, b->region);
	jw_key(&w, "currency");
	jw_str(&w, "USD");
	jw_key(&w, "hours_per_month");
	jw_int(&w, HOURS_PER_MONTH);
	jw_pricing(&w, b->source, b->published_max ? b->published_max : "");
	jw_key(&w, "baseline");
	jw_obj(&w);
	jw_key(&w, "total_monthly_cost");
	jw_money(&w, p->baseline.total);
	range(&w, &p->baseline);
	jw_obj_end(&w);
	jw_key(&w, "steps");
	jw_arr(&w);
	for (size_t i = 0; i < p->nsteps; i++)
		result(&w, p, &p->results[i]);
	jw_arr_end(&w);
	jw_key(&w, "production");
	jw_obj(&w);
	jw_key(&w, "total_monthly_cost");
	jw_money(&w, p->production.total);
	jw_key(&w, "monthly_delta");
	jw_money(&w, dec_sub(p->production.total, p->baseline.total));
	range(&w, &p->production);
	jw_obj_end(&w);
	jw_key(&w, "alternatives");
	jw_arr(&w);
	for (size_t i = p->nsteps; i < p->n; i++)
		result(&w, p, &p->results[i]);
	jw_arr_end(&w);
	jw_strings(&w, "notes", b->notes, b->nnotes);
	jw_strings(&w, "warnings", b->warnings, b->nwarn);
	jw_obj_end(&w);
	jw_end(&w);
}
