/*
 * diff_json.c - `costplan diff --format json`: version, kind "diff",
 * base/head {label, kind, regions, monthly_cost}, currency, pricing,
 * resources[{address, type, change, before, after, delta,
 * components[{name, unit, before, after, delta}]}] (before/after null when
 * the resource is absent on that side), totals{before, after, delta,
 * percent (null when before is 0)}, not_priced{count, by_type, resources
 * [{address, type, action, reason}]}, warnings, guardrail (null or the
 * reason). Money in cents, exact.
 */
#include <string.h>

#include "diff/diff_report.h"
#include "report/jsonw.h"

static void side_obj(struct jsonw *w, const struct side *s)
{
	static const char *const kinds[] = {"scenario", "plan", "state"};
	jw_obj(w);
	jw_key(w, "label");
	jw_str(w, s->label);
	jw_key(w, "kind");
	jw_str(w, kinds[s->kind]);
	jw_key(w, "regions");
	jw_str(w, s->b.region);
	jw_key(w, "resources");
	jw_int(w, (long long)s->nresources);
	jw_key(w, "monthly_cost");
	jw_money(w, s->b.total);
	jw_obj_end(w);
}

static void money_or_null(struct jsonw *w, const char *key, const void *present, dec v)
{
	jw_key(w, key);
	if (present)
		jw_money(w, v);
	else
		jw_null(w);
}

static void comp(const struct cost_line *b, const struct cost_line *a, void *ctx)
{
	struct jsonw *w = ctx;
	const struct cost_line *l = a ? a : b;
	jw_obj(w);
	jw_key(w, "name");
	jw_str(w, l->name);
	jw_key(w, "unit");
	jw_str(w, l->unit);
	money_or_null(w, "before", b, b ? b->cost_cents : dec_zero());
	money_or_null(w, "after", a, a ? a->cost_cents : dec_zero());
	jw_key(w, "delta");
	jw_money(w, dec_sub(a ? a->cost_cents : dec_zero(), b ? b->cost_cents : dec_zero()));
	jw_key(w, "usage_based");
	jw_bool(w, l->usage_based);
	jw_obj_end(w);
}

void report_diff_json(FILE *f, const struct diff *d, const char *guard_reason)
{
	struct jsonw w;
	jw_init(&w, f);
	jw_obj(&w);
	jw_key(&w, "version");
	jw_int(&w, 1);
	jw_key(&w, "kind");
	jw_str(&w, "diff");
	jw_key(&w, "title");
	jw_str(&w, d->title);
	jw_key(&w, "base");
	side_obj(&w, d->base);
	jw_key(&w, "head");
	side_obj(&w, d->head);
	jw_key(&w, "currency");
	jw_str(&w, "USD");
	jw_key(&w, "hours_per_month");
	jw_int(&w, HOURS_PER_MONTH);
	jw_pricing(&w, d->head->b.source ? d->head->b.source : "", d->published);
	jw_key(&w, "resources");
	jw_arr(&w);
	for (size_t i = 0; i < d->n; i++) {
		const struct diff_row *r = &d->rows[i];
		jw_obj(&w);
		jw_key(&w, "address");
		jw_str(&w, r->address);
		jw_key(&w, "type");
		jw_str(&w, r->type);
		jw_key(&w, "change");
		jw_str(&w, change_name(r->change));
		money_or_null(&w, "before", r->before, r->before_cost);
		money_or_null(&w, "after", r->after, r->after_cost);
		jw_key(&w, "delta");
		jw_money(&w, r->delta);
		jw_key(&w, "components");
		jw_arr(&w);
		diff_lines(r, comp, &w);
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "totals");
	jw_obj(&w);
	jw_key(&w, "before");
	jw_money(&w, d->before);
	jw_key(&w, "after");
	jw_money(&w, d->after);
	jw_key(&w, "delta");
	jw_money(&w, d->delta);
	jw_key(&w, "percent");
	if (d->has_percent)
		jw_dec(&w, d->percent);
	else
		jw_null(&w);
	jw_obj_end(&w);
	jw_key(&w, "not_priced");
	jw_obj(&w);
	jw_key(&w, "count");
	jw_int(&w, (long long)d->nunpriced);
	jw_key(&w, "by_type");
	jw_obj(&w);
	{
		json_t *counts = json_object();
		const char *k;
		json_t *v;
		for (size_t i = 0; i < d->nunpriced; i++) {
			json_t *c = json_object_get(counts, d->unpriced[i].u->type);
			json_object_set_new(counts, d->unpriced[i].u->type,
					    json_integer(c ? json_integer_value(c) + 1 : 1));
		}
		json_object_foreach(counts, k, v) {
			jw_key(&w, k);
			jw_int(&w, json_integer_value(v));
		}
		json_decref(counts);
	}
	jw_obj_end(&w);
	jw_key(&w, "resources");
	jw_arr(&w);
	for (size_t i = 0; i < d->nunpriced; i++) {
		jw_obj(&w);
		jw_key(&w, "address");
		jw_str(&w, d->unpriced[i].u->address);
		jw_key(&w, "type");
		jw_str(&w, d->unpriced[i].u->type);
		jw_key(&w, "action");
		if (d->unpriced[i].action)
			jw_str(&w, d->unpriced[i].action);
		else
			jw_null(&w);
		jw_key(&w, "reason");
		jw_str(&w, d->unpriced[i].u->why);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	jw_strings(&w, "warnings", d->warnings, d->nwarn);
	jw_key(&w, "guardrail");
	if (guard_reason)
		jw_str(&w, guard_reason);
	else
		jw_null(&w);
	jw_obj_end(&w);
	jw_end(&w);
}
