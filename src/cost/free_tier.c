/*
 * free_tier.c - the always-free allowances, as their own negative lines.
 *
 * Free tiers apply across all resources of an account, so they cannot sit
 * on one resource: the engine adds a "free_tier" block after pricing
 * everything, with one line per allowance that the scenario actually uses
 * (FACTS.md 4): 5 GB of CloudWatch Logs, 3 dashboards, 10 standard alarms
 * and 100 GB of data transfer out a month. --no-free-tier drops the block,
 * for an account whose allowance is already spent elsewhere.
 */
#include <stdlib.h>
#include <string.h>

#include "cost/pricer.h"
#include "util/error.h"

static void allowance(struct pricer_ctx *p, const char *name, const char *unit, dec used,
		      long free_units, const struct price_entry *price)
{
	if (!price || dec_cmp(used, dec_zero()) <= 0)
		return;
	dec qty = dec_min(used, dec_from_int(free_units));
	struct cost_item *it = p->item;
	it->lines = xrealloc(it->lines, (it->n + 1) * sizeof(*it->lines));
	struct cost_line *l = &it->lines[it->n++];
	memset(l, 0, sizeof(*l));
	l->name = xstrdup(name);
	l->unit = xstrdup(unit);
	l->quantity = dec_neg(qty);
	l->price = price;
	l->unit_price = price_entry_unit_price(price);
	l->free_tier = true;
	if (price_entry_cost(price, qty, &l->cost) != 0) {
		pricer_fail(p, CP_EXIT_DATA);
		return;
	}
	l->cost = dec_neg(l->cost);
	l->cost_cents = dec_round_cents(l->cost);
	it->total = dec_add(it->total, l->cost_cents);
}

void price_free_tier(struct pricer_ctx *p)
{
	allowance(p, "CloudWatch Logs: first 5 GB", "GB", p->logs_ingested_gb, 5,
		  p->logs_price);
	allowance(p, "CloudWatch: first 3 dashboards", "months", p->dashboards, 3,
		  p->dashboard_price);
	allowance(p, "CloudWatch: first 10 standard alarms", "months", p->standard_alarms, 10,
		  p->alarm_price);
	allowance(p, "CloudWatch: first 10 custom metrics", "metrics", p->custom_metrics, 10,
		  p->metric_price);
	allowance(p, "Data transfer out: first 100 GB", "GB", p->data_out_gb, 100,
		  p->data_out_price);
}
