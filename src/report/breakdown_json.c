/*
 * breakdown_json.c - `--format json`, the stable contract of DESIGN.md:
 * version, scenario, region, currency, hours_per_month, pricing{source,
 * published}, resources[{address, type, monthly_cost, components[{name,
 * unit, quantity, unit_price, monthly_cost, usage_based}]}],
 * total_monthly_cost, warnings. Money is in cents; unit prices and
 * quantities keep full precision. Fields beyond the contract (category,
 * price provenance, notes) are additions, never changes: among them
 * "free" ([{type, reason, resources[]}]: what AWS charges nothing for, and
 * why; each free resource also has "free_reason") and "not_priced"
 * ([{address, type, reason}]: what costs money but has no price, left out
 * of the total); each price's "sku_placeholder" (true: a SKU costplan made
 * up for a pricing-page figure, not AWS's).
 */
#include <string.h>

#include "report/jsonw.h"
#include "report/report.h"

static void price_ref(struct jsonw *w, const struct price_entry *e)
{
	jw_key(w, "price");
	if (!e) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_key(w, "offer");
	jw_str(w, e->src->offer);
	jw_key(w, "usage_type");
	jw_str(w, e->usage_type);
	jw_key(w, "sku");
	jw_str(w, e->sku);
	/* a SKU costplan made up for a price from a pricing page (not AWS's own:
	 * pricing/README.md), so nobody looks it up in AWS's price list */
	jw_key(w, "sku_placeholder");
	jw_bool(w, catalog_sku_is_placeholder(e->sku));
	jw_key(w, "source");
	jw_str(w, e->source);
	jw_key(w, "published");
	jw_str(w, e->published);
	jw_obj_end(w);
}

void report_breakdown_json_value(struct jsonw *w, const struct breakdown *b)
{
	char pub[64];
	jw_obj(w);
	jw_key(w, "version");
	jw_int(w, 1);
	jw_key(w, "scenario");
	jw_str(w, b->scenario);
	jw_key(w, "region");
	jw_str(w, b->region);
	jw_key(w, "currency");
	jw_str(w, "USD");
	jw_key(w, "hours_per_month");
	jw_int(w, HOURS_PER_MONTH);
	jw_key(w, "pricing");
	jw_obj(w);
	jw_key(w, "source");
	jw_str(w, b->source);
	jw_key(w, "published");
	jw_str(w, b->published_max ? b->published_max : "");
	report_published(b, pub, sizeof(pub));
	jw_key(w, "published_range");
	jw_str(w, pub);
	jw_obj_end(w);
	jw_key(w, "free_tier");
	jw_bool(w, b->free_tier);
	jw_key(w, "resources");
	jw_arr(w);
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		jw_obj(w);
		jw_key(w, "address");
		jw_str(w, it->address);
		jw_key(w, "type");
		jw_str(w, it->type);
		jw_key(w, "category");
		jw_str(w, category_name(it->category));
		jw_key(w, "count");
		jw_int(w, it->count);
		jw_key(w, "monthly_cost");
		jw_money(w, it->total);
		if (it->free) {
			jw_key(w, "free_reason");
			jw_str(w, report_free_reason(it));
		}
		jw_key(w, "components");
		jw_arr(w);
		for (size_t j = 0; j < it->n; j++) {
			const struct cost_line *l = &it->lines[j];
			jw_obj(w);
			jw_key(w, "name");
			jw_str(w, l->name);
			jw_key(w, "unit");
			jw_str(w, l->unit);
			jw_key(w, "quantity");
			jw_dec(w, l->quantity);
			jw_key(w, "unit_price");
			jw_dec(w, l->unit_price);
			jw_key(w, "monthly_cost");
			jw_money(w, l->cost_cents);
			jw_key(w, "usage_based");
			jw_bool(w, l->usage_based);
			jw_key(w, "tiered");
			jw_bool(w, l->tiered);
			price_ref(w, l->price);
			if (l->note) {
				jw_key(w, "note");
				jw_str(w, l->note);
			}
			jw_obj_end(w);
		}
		jw_arr_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "total_monthly_cost");
	jw_money(w, b->total);
	/* what costs nothing, by type, with AWS's reason */
	jw_key(w, "free");
	jw_arr(w);
	struct free_group *g;
	size_t ng = report_free_groups(b, &g);
	for (size_t k = 0; k < ng; k++) {
		/* one entry per type within the group, in order */
		for (size_t i = 0; i < g[k].n; i++) {
			const char *type = g[k].items[i]->type;
			bool seen = false;
			for (size_t j = 0; j < i && !seen; j++)
				seen = strcmp(g[k].items[j]->type, type) == 0;
			if (seen)
				continue;
			jw_obj(w);
			jw_key(w, "type");
			jw_str(w, type);
			jw_key(w, "reason");
			jw_str(w, g[k].reason);
			jw_key(w, "resources");
			jw_arr(w);
			for (size_t j = i; j < g[k].n; j++)
				if (strcmp(g[k].items[j]->type, type) == 0)
					jw_str(w, g[k].items[j]->address);
			jw_arr_end(w);
			jw_obj_end(w);
		}
	}
	report_free_groups_release(g, ng);
	jw_arr_end(w);
	/* what costs money but has no price: out of the total, with the reason */
	jw_key(w, "not_priced");
	jw_arr(w);
	for (size_t i = 0; i < b->nunpriced; i++) {
		jw_obj(w);
		jw_key(w, "address");
		jw_str(w, b->unpriced[i].address);
		jw_key(w, "type");
		jw_str(w, b->unpriced[i].type);
		jw_key(w, "reason");
		jw_str(w, b->unpriced[i].why);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_strings(w, "notes", b->notes, b->nnotes);
	jw_strings(w, "warnings", b->warnings, b->nwarn);
	jw_obj_end(w);
}

void report_breakdown_json(FILE *f, const struct breakdown *b)
{
	struct jsonw w;
	jw_init(&w, f);
	report_breakdown_json_value(&w, b);
	jw_end(&w);
}
