/*
 * engine.c - the pricing loop, the line helpers every pricer uses, and the
 * breakdown's bookkeeping. See engine.h and pricer.h.
 */
#include "cost/engine.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost/pricer.h"
#include "pricing/regions.h"
#include "util/error.h"

static const struct {
	const char *type;
	pricer_fn fn;
} PRICERS[] = {
	{"aws_ecs_service", price_ecs_service},
	{"aws_ecs_cluster", price_ecs_cluster},
	{"aws_appautoscaling_policy", price_autoscaling_policy},
	{"aws_lb", price_lb},
	{"aws_nat_gateway", price_nat_gateway},
	{"aws_eip", price_eip},
	{"aws_vpc_endpoint", price_vpc_endpoint},
	{"aws_data_transfer", price_data_transfer},
	{"aws_db_instance", price_db_instance},
	{"aws_elasticache_replication_group", price_elasticache},
	{"aws_s3_bucket", price_s3_bucket},
	{"aws_ecr_repository", price_ecr_repository},
	{"aws_cloudwatch_log_group", price_log_group},
	{"aws_cloudwatch_dashboard", price_dashboard},
	{"aws_cloudwatch_metric_alarm", price_metric_alarm},
	{"aws_secretsmanager_secret", price_secret},
	{"aws_wafv2_web_acl", price_waf},
	{"aws_ssm_parameter", price_ssm_parameter},
	{"costplan_savings_plan", price_savings_plan},
};

pricer_fn pricer_for(const char *type)
{
	for (size_t i = 0; i < sizeof(PRICERS) / sizeof(PRICERS[0]); i++)
		if (strcmp(PRICERS[i].type, type) == 0)
			return PRICERS[i].fn;
	return NULL;
}

dec hours_month(void)
{
	return dec_from_int(HOURS_PER_MONTH);
}

void pricer_fail(struct pricer_ctx *p, int code)
{
	if (!p->rc)
		p->rc = code;
}

dec dec_mul_or_fail(struct pricer_ctx *p, dec a, dec b)
{
	dec r = dec_zero();
	if (dec_mul(a, b, &r) != 0) {
		cp_error(CP_EXIT_DATA, "%s: a quantity is too large to price", p->r->address);
		pricer_fail(p, CP_EXIT_DATA);
	}
	return r;
}

dec dec_div_or_fail(struct pricer_ctx *p, dec a, dec b)
{
	dec r = dec_zero();
	if (dec_div(a, b, &r) != 0) {
		cp_error(CP_EXIT_INTERNAL, "%s: division failed", p->r->address);
		pricer_fail(p, CP_EXIT_INTERNAL);
	}
	return r;
}

void pricer_scale_line(struct pricer_ctx *p, struct cost_line *l, dec factor)
{
	dec price, cost;
	if (!l || p->rc)
		return;
	if (dec_mul(l->unit_price, factor, &price) != 0 || dec_mul(l->cost, factor, &cost) != 0) {
		pricer_fail(p, CP_EXIT_DATA);
		return;
	}
	p->item->total = dec_sub(p->item->total, l->cost_cents);
	l->unit_price = price;
	l->cost = cost;
	l->cost_cents = dec_round_cents(cost);
	p->item->total = dec_add(p->item->total, l->cost_cents);
}

static struct cost_line *new_line(struct pricer_ctx *p, const char *name, const char *unit)
{
	struct cost_item *it = p->item;
	it->lines = xrealloc(it->lines, (it->n + 1) * sizeof(*it->lines));
	struct cost_line *l = &it->lines[it->n++];
	memset(l, 0, sizeof(*l));
	l->name = xstrdup(name);
	l->unit = xstrdup(unit);
	return l;
}

static void track_date(struct breakdown *b, const char *d)
{
	if (!d || !d[0])
		return;
	if (!b->published_min || strcmp(d, b->published_min) < 0) {
		free(b->published_min);
		b->published_min = xstrdup(d);
	}
	if (!b->published_max || strcmp(d, b->published_max) > 0) {
		free(b->published_max);
		b->published_max = xstrdup(d);
	}
}

static struct cost_line *line_common(struct pricer_ctx *p, const char *name, const char *unit,
				     dec qty, const struct price_query *q, bool usage_based,
				     bool has_usage)
{
	const struct price_entry *e = NULL;
	struct cost_line *l;
	dec copies = dec_from_int(p->r ? p->r->count : 1);

	if (p->rc)
		return NULL;
	if (dec_mul(qty, copies, &qty) != 0) {
		cp_error(CP_EXIT_DATA, "%s: quantity too large to price", p->r->address);
		pricer_fail(p, CP_EXIT_DATA);
		return NULL;
	}
	if (usage_based && dec_is_zero(qty)) {
		/* $0 whatever the price: a missing price must not fail the run */
		e = catalog_try(p->cat, p->region, q);
	} else {
		int rc = catalog_find(p->cat, p->region, q, &e);
		if (rc) {
			pricer_fail(p, rc);
			return NULL;
		}
	}
	l = new_line(p, name, unit);
	l->quantity = qty;
	l->usage_based = usage_based;
	l->has_usage = has_usage;
	l->price = e;
	if (e) {
		l->unit_price = price_entry_unit_price(e);
		l->tiered = e->ntiers > 1;
		if (price_entry_cost(e, qty, &l->cost) != 0) {
			cp_error(CP_EXIT_DATA,
				 "%s: \"%s\" would cost $10^15 or more a month; check the usage "
				 "figures and the price file",
				 p->r ? p->r->address : "free tier", name);
			pricer_fail(p, CP_EXIT_DATA);
		}
		track_date(p->b, e->published);
	} else {
		l->note = xasprintf("no %s price in the snapshot for %s; $0 while usage is 0",
				    q->offer, p->region);
	}
	l->cost_cents = dec_round_cents(l->cost);
	p->item->total = dec_add(p->item->total, l->cost_cents);
	if (usage_based && !has_usage && !l->note)
		l->note = xstrdup("no usage given: $0 until you set it");
	return l;
}

struct cost_line *pricer_line(struct pricer_ctx *p, const char *name, const char *unit, dec qty,
			      const struct price_query *q)
{
	return line_common(p, name, unit, qty, q, false, false);
}

struct cost_line *pricer_usage_line(struct pricer_ctx *p, const char *name, const char *unit,
				    const char *usage_key, dec factor, const struct price_query *q)
{
	dec u;
	bool has = res_usage(p->r, usage_key, &u);
	dec qty = dec_mul_or_fail(p, u, factor);
	struct cost_line *l = line_common(p, name, unit, qty, q, true, has);
	return l;
}

void pricer_free_line(struct pricer_ctx *p, const char *name, const char *note)
{
	if (p->rc)
		return;
	struct cost_line *l = new_line(p, name, "");
	l->note = note ? xstrdup(note) : NULL;
}

void breakdown_warn(struct breakdown *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strv_push_unique(&b->warnings, &b->nwarn, xvasprintf(fmt, ap));
	va_end(ap);
}

static struct cost_item *new_item(struct breakdown *b, const char *address, const char *type,
				  const char *title, enum category cat)
{
	b->items = xrealloc(b->items, (b->n + 1) * sizeof(*b->items));
	struct cost_item *it = &b->items[b->n++];
	memset(it, 0, sizeof(*it));
	it->address = xstrdup(address);
	it->type = xstrdup(type);
	it->title = title;
	it->category = cat;
	it->count = 1;
	return it;
}

int cost_breakdown(const struct scenario *s, struct catalog *cat, const struct cost_options *o,
		   struct breakdown *out)
{
	struct pricer_ctx p;
	memset(out, 0, sizeof(*out));
	memset(&p, 0, sizeof(p));
	out->scenario = xstrdup(s->name);
	out->region = xstrdup(o && o->region ? o->region : s->region);
	out->pricing_dir = xstrdup(cat->dir);
	out->free_tier = s->free_tier && !(o && o->no_free_tier);
	out->source = xasprintf("AWS Price List (bulk CSV format), %s/aws/%s", cat->dir, out->region);
	for (size_t i = 0; i < s->nnotes; i++) {
		out->notes = xrealloc(out->notes, (out->nnotes + 1) * sizeof(char *));
		out->notes[out->nnotes++] = xstrdup(s->notes[i]);
	}
	p.s = s;
	p.cat = cat;
	p.region = out->region;
	p.b = out;

	if (!catalog_has_region(cat, out->region)) {
		/* say it once, clearly, instead of once per offer */
		int rc;
		if (!aws_region_find(out->region))
			rc = cp_error(CP_EXIT_DATA,
				      "unknown region '%s': use an AWS region code such as us-east-1 "
				      "(`costplan pricing list` shows the shipped regions)",
				      out->region);
		else
			rc = cp_error(CP_EXIT_DATA,
				      "no price snapshot for region %s in %s/aws: run `costplan pricing "
				      "fetch --region %s` (`costplan pricing list` shows the shipped regions)",
				      out->region, cat->dir, out->region);
		breakdown_release(out);
		return rc;
	}

	for (size_t i = 0; i < s->n && !p.rc; i++) {
		const struct resource *r = &s->res[i];
		pricer_fn fn = pricer_for(r->type);
		p.r = r;
		p.item = new_item(out, r->address, r->type, r->spec->title, r->spec->category);
		p.item->count = r->count;
		if (!fn) {
			p.item->free = true;
			continue;
		}
		fn(&p, r);
	}
	if (!p.rc && out->free_tier) {
		p.r = NULL;
		p.item = new_item(out, "free_tier", "free_tier", "AWS Free Tier (always free)",
				  CAT_FREE);
		price_free_tier(&p);
		if (p.item->n == 0) {
			/* nothing qualified: don't show an empty block */
			free(p.item->address);
			free(p.item->type);
			out->n--;
		}
	}
	if (p.rc) {
		breakdown_release(out);
		return p.rc;
	}
	out->total = dec_zero();
	for (size_t i = 0; i < out->n; i++)
		out->total = dec_add(out->total, out->items[i].total);
	return 0;
}

void breakdown_release(struct breakdown *b)
{
	for (size_t i = 0; i < b->n; i++) {
		struct cost_item *it = &b->items[i];
		for (size_t j = 0; j < it->n; j++) {
			free(it->lines[j].name);
			free(it->lines[j].unit);
			free(it->lines[j].note);
		}
		free(it->lines);
		free(it->address);
		free(it->type);
	}
	free(b->items);
	for (size_t i = 0; i < b->nwarn; i++)
		free(b->warnings[i]);
	free(b->warnings);
	for (size_t i = 0; i < b->nnotes; i++)
		free(b->notes[i]);
	free(b->notes);
	free(b->scenario);
	free(b->region);
	free(b->pricing_dir);
	free(b->published_min);
	free(b->published_max);
	free(b->source);
	memset(b, 0, sizeof(*b));
}

void breakdown_by_category(const struct breakdown *b, dec *out)
{
	for (int c = 0; c <= CAT_FREE; c++)
		out[c] = dec_zero();
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		enum category c = it->category;
		if (strcmp(it->type, "free_tier") == 0) {
			/* credit each allowance to the category it reduces */
			for (size_t j = 0; j < it->n; j++) {
				const struct cost_line *l = &it->lines[j];
				enum category lc = strstr(l->name, "transfer") ? CAT_NETWORK
										: CAT_OBSERVABILITY;
				out[lc] = dec_add(out[lc], l->cost_cents);
			}
			continue;
		}
		out[c] = dec_add(out[c], it->total);
	}
}

const struct cost_item *breakdown_item(const struct breakdown *b, const char *address)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->items[i].address, address) == 0)
			return &b->items[i];
	return NULL;
}
