/*
 * engine.c - the pricing loop, the line helpers every pricer uses, and the
 * breakdown's bookkeeping. See engine.h and pricer.h.
 *
 * The loop hands each resource to its type's pricer (type_spec.price,
 * src/cost/types/); a type without one is free and shown as considered.
 */
#include "cost/engine.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cost/pricer.h"
#include "pricing/regions.h"
#include "util/error.h"
#include "util/paths.h"
#include "util/strings.h"

/* ---- quantities --------------------------------------------------------- */

const struct qty *q_num(struct pricer_ctx *p, dec v)
{
	return qty_num(&p->b->arena, v);
}

const struct qty *q_int(struct pricer_ctx *p, long i)
{
	return qty_int(&p->b->arena, i);
}

const struct qty *q_hours(struct pricer_ctx *p)
{
	return qty_input(&p->b->arena, QIN_HOURS, "", "hours_per_month",
			 dec_from_int(HOURS_PER_MONTH), false, "hours",
			 "Hours in a billing month: AWS prices a month as 730 hours (8,760 / 12). "
			 "Every always-on line scales with it.",
			 NULL);
}

const struct qty *q_attr_x(struct pricer_ctx *p, const struct resource *r, const char *attr,
			   const char *extra)
{
	const struct attr_spec *a = schema_attr(r->spec, attr);
	return qty_input(&p->b->arena, QIN_ATTR, r->address, a ? a->name : attr, res_dec(r, attr),
			 false, a ? a->unit : NULL, a ? a->doc : NULL, extra);
}

const struct qty *q_attr(struct pricer_ctx *p, const struct resource *r, const char *attr)
{
	return q_attr_x(p, r, attr, NULL);
}

const struct qty *q_len(struct pricer_ctx *p, const struct resource *r, const char *attr)
{
	const struct attr_spec *a = schema_attr(r->spec, attr);
	return qty_input(&p->b->arena, QIN_LEN, r->address, a ? a->name : attr,
			 dec_from_int((long)res_len(r, attr)), false, a ? a->unit : NULL,
			 a ? a->doc : NULL, NULL);
}

const struct qty *q_count(struct pricer_ctx *p, const struct resource *r)
{
	return qty_input(&p->b->arena, QIN_COUNT, r->address, "count", dec_from_int(r->count),
			 false, "copies", "Terraform count: how many copies of this resource exist.",
			 NULL);
}

static const struct qty *usage_input(struct pricer_ctx *p, const struct resource *r,
				     const char *key, bool has_default, dec def)
{
	const struct usage_spec *u = schema_usage(r->spec, key);
	dec v;
	bool given = res_usage(r, key, &v);
	if (!given && has_default)
		v = def;
	return qty_input(&p->b->arena, has_default ? QIN_USAGE_DEFAULT : QIN_USAGE, r->address,
			 u ? u->key : key, v, given, u ? u->unit : NULL, u ? u->doc : NULL, NULL);
}

const struct qty *q_usage(struct pricer_ctx *p, const struct resource *r, const char *key)
{
	return usage_input(p, r, key, false, dec_zero());
}

const struct qty *q_usage_or(struct pricer_ctx *p, const struct resource *r, const char *key,
			     dec def)
{
	return usage_input(p, r, key, true, def);
}

const struct qty *q_add(struct pricer_ctx *p, const struct qty *a, const struct qty *b)
{
	return qty_add(&p->b->arena, a, b);
}

const struct qty *q_sub(struct pricer_ctx *p, const struct qty *a, const struct qty *b)
{
	return qty_sub(&p->b->arena, a, b);
}

const struct qty *q_mul(struct pricer_ctx *p, const struct qty *a, const struct qty *b)
{
	return qty_mul(&p->b->arena, a, b);
}

const struct qty *q_div(struct pricer_ctx *p, const struct qty *a, const struct qty *b)
{
	return qty_div(&p->b->arena, a, b);
}

const struct qty *q_max2(struct pricer_ctx *p, const struct qty *a, const struct qty *b)
{
	const struct qty *xs[2] = {a, b};
	return qty_max(&p->b->arena, xs, 2);
}

const struct qty *q_max(struct pricer_ctx *p, const struct qty *const *xs, size_t n)
{
	return qty_max(&p->b->arena, xs, n);
}

const struct qty *q_min2(struct pricer_ctx *p, const struct qty *a, const struct qty *b)
{
	const struct qty *xs[2] = {a, b};
	return qty_min(&p->b->arena, xs, 2);
}

const struct qty *q_step(struct pricer_ctx *p, const struct qty *x, long threshold, long hi,
			 long lo, const char *label)
{
	return qty_step(&p->b->arena, x, dec_from_int(threshold), q_int(p, hi), q_int(p, lo),
			label);
}

/* ---- price queries ------------------------------------------------------ */

void pq_set(struct price_query *q, const char *offer, const char *family, const char *usage)
{
	memset(q, 0, sizeof(*q));
	q->offer = offer;
	q->family = family;
	q->usage = usage;
}

struct price_query *pq_attr(struct price_query *q, const char *column, const char *value)
{
	for (int i = 0; i < PRICE_QUERY_MAX_ATTRS; i++)
		if (!q->attrs[i][0]) {
			q->attrs[i][0] = column;
			q->attrs[i][1] = value;
			break;
		}
	return q;
}

void pq_public_ipv4(struct price_query *q)
{
	pq_set(q, "AmazonVPC", NULL, "PublicIPv4:InUseAddress");
}

void pq_alarm(struct price_query *q, int high_res)
{
	pq_set(q, "AmazonCloudWatch", "Alarm", "AlarmMonitorUsage");
	pq_attr(q, "Alarm Type", high_res ? "High Resolution" : "Standard");
}

void pq_cache_node(struct price_query *q, char *buf, size_t size, const char *node_type,
		   const char *engine)
{
	snprintf(buf, size, "NodeUsage:%s", node_type);
	pq_set(q, "AmazonElastiCache", "Cache Instance", buf);
	pq_attr(q, "Instance Type", node_type);
	pq_attr(q, "Cache Engine", engine);
}

void pq_logs_ingestion(struct price_query *q, const char *log_class)
{
	pq_set(q, "AmazonCloudWatch", "Data Payload",
	       strcmp(log_class, "INFREQUENT_ACCESS") == 0 ? "DataProcessing-IA-Bytes"
							   : "DataProcessing-Bytes");
}

/* ---- lines -------------------------------------------------------------- */

void pricer_fail(struct pricer_ctx *p, int code)
{
	if (!p->rc)
		p->rc = code;
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

struct cost_line *pricer_line(struct pricer_ctx *p, const char *name, const char *unit,
			      const struct qty *q, const struct price_query *pq)
{
	const struct price_entry *e = NULL;
	struct cost_line *l;

	if (p->rc)
		return NULL;
	if (p->r && p->r->count != 1)
		q = q_mul(p, q, q_count(p, p->r));
	if (!q->ok) {
		cp_error(CP_EXIT_DATA, "%s: \"%s\": the quantity is too large to price",
			 p->r ? p->r->address : "free tier", name);
		pricer_fail(p, CP_EXIT_DATA);
		return NULL;
	}
	if (q->usage && dec_is_zero(q->v)) {
		/* $0 whatever the price: a missing price must not fail the run */
		e = catalog_try(p->cat, p->region, pq);
	} else {
		int rc = catalog_find(p->cat, p->region, pq, &e);
		if (rc) {
			pricer_fail(p, rc);
			return NULL;
		}
	}
	l = new_line(p, name, unit);
	l->qty = q;
	l->quantity = q->v;
	l->usage_based = q->usage;
	l->has_usage = q->given;
	l->price = e;
	if (e) {
		l->unit_price = price_entry_unit_price(e);
		l->tiered = e->ntiers > 1;
		if (price_entry_cost(e, l->quantity, &l->cost) != 0) {
			cp_error(CP_EXIT_DATA,
				 "%s: \"%s\" would cost $10^15 or more a month; check the usage "
				 "figures and the price file",
				 p->r ? p->r->address : "free tier", name);
			pricer_fail(p, CP_EXIT_DATA);
		}
		track_date(p->b, e->published);
	} else {
		l->note = xasprintf("no %s price in the snapshot for %s; $0 while usage is 0",
				    pq->offer, p->region);
	}
	l->cost_cents = dec_round_cents(l->cost);
	p->item->total = dec_add(p->item->total, l->cost_cents);
	if (l->usage_based && !l->has_usage && !l->note) {
		/* what a figure would cost: the unit price, as the README says */
		char pr[DEC_BUFSZ], u[64];
		dec_format_trim(l->unit_price, pr, sizeof(pr));
		const char *dot = strchr(pr, '.');
		if (!dot || strlen(dot + 1) < 2) /* dollars and cents at least: $0.50 */
			dec_format(l->unit_price, 2, pr, sizeof(pr));
		l->note = xasprintf("depends on usage: %s$%s per %s; $0 until a usage figure is given",
				    l->tiered ? "from " : "", pr,
				    unit_for_quantity(1, l->unit, u, sizeof(u)));
	}
	return l;
}

void pricer_free_line(struct pricer_ctx *p, const char *name, const char *note)
{
	if (p->rc)
		return;
	struct cost_line *l = new_line(p, name, "");
	l->note = note ? xstrdup(note) : NULL;
}

void pricer_note(struct cost_line *l, const char *fmt, ...)
{
	va_list ap;
	if (!l)
		return;
	free(l->note);
	va_start(ap, fmt);
	l->note = xvasprintf(fmt, ap);
	va_end(ap);
}

void pricer_pool(struct cost_line *l, enum free_pool pool)
{
	if (l)
		l->pool = pool;
}

void pricer_scale_line(struct pricer_ctx *p, struct cost_line *l, const struct qty *factor)
{
	dec price, cost;
	if (!l || p->rc)
		return;
	if (!factor->ok || dec_mul(l->unit_price, factor->v, &price) != 0 ||
	    dec_mul(l->cost, factor->v, &cost) != 0) {
		pricer_fail(p, CP_EXIT_DATA);
		return;
	}
	p->item->total = dec_sub(p->item->total, l->cost_cents);
	l->unit_price = price;
	l->cost = cost;
	l->cost_cents = dec_round_cents(cost);
	l->price_factor = factor;
	p->item->total = dec_add(p->item->total, l->cost_cents);
}

void pricer_free(struct pricer_ctx *p, const char *reason)
{
	if (!p->item)
		return;
	p->item->free = true;
	p->item->free_reason = reason;
}

void pricer_not_priced(struct pricer_ctx *p, const char *fmt, ...)
{
	va_list ap;
	if (p->rc || !p->item || p->item->not_priced)
		return;
	va_start(ap, fmt);
	p->item->not_priced = xvasprintf(fmt, ap);
	va_end(ap);
}

void pricer_error_at(struct pricer_ctx *p, const struct resource *r, const char *attr, int code,
		     const char *fmt, ...)
{
	struct cp_loc loc = {p->s->path, 0, 0};
	va_list ap;
	if (p->rc)
		return;
	res_attr_loc(r, attr, &loc.line, &loc.col);
	va_start(ap, fmt);
	cp_verror_at(code, &loc, fmt, ap);
	va_end(ap);
	pricer_fail(p, code);
}

void pricer_unpriceable(struct pricer_ctx *p, const struct resource *r, const char *attr,
			const char *fmt, ...)
{
	va_list ap;
	char *why;
	if (p->rc)
		return;
	va_start(ap, fmt);
	why = xvasprintf(fmt, ap);
	va_end(ap);
	if (p->plan)
		pricer_not_priced(p, "%s", why);
	else
		pricer_error_at(p, r, attr, CP_EXIT_DATA, "%s", why);
	free(why);
}

void pricer_selects(struct pricer_ctx *p, const struct resource *r, const char *attr)
{
	const struct attr_spec *a = schema_attr(r->spec, attr);
	struct cost_item *it = p->item;
	if (!a)
		return;
	it->labels = xrealloc(it->labels, (it->nlabels + 1) * sizeof(*it->labels));
	struct cost_label *lb = &it->labels[it->nlabels++];
	lb->address = xstrdup(r->address);
	lb->attr = a->name;
	lb->text = xstrdup(a->kind == ATTR_BOOL ? (res_bool(r, attr) ? "true" : "false")
						: res_str(r, attr));
	lb->doc = a->doc;
}

/* ---- the breakdown ------------------------------------------------------ */

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

void breakdown_unpriced(struct breakdown *b, const char *address, const char *type,
			const char *why)
{
	b->unpriced = xrealloc(b->unpriced, (b->nunpriced + 1) * sizeof(*b->unpriced));
	struct unpriced *u = &b->unpriced[b->nunpriced++];
	u->address = xstrdup(address);
	u->type = xstrdup(type);
	u->why = xstrdup(why);
}

char *unpriced_summary(const struct unpriced *u, size_t n)
{
	json_t *counts = json_object();
	for (size_t i = 0; i < n; i++) {
		json_t *c = json_object_get(counts, u[i].type);
		json_object_set_new(counts, u[i].type,
				    json_integer(c ? json_integer_value(c) + 1 : 1));
	}
	/* most first, then by name: a simple selection over the small set */
	size_t types = json_object_size(counts), o = 0, cap = 64;
	char *out = xmalloc(cap);
	out[0] = '\0';
	for (size_t k = 0; k < types; k++) {
		const char *key, *best = NULL;
		json_t *v;
		json_int_t bc = 0;
		json_object_foreach(counts, key, v) {
			json_int_t c = json_integer_value(v);
			if (c > 0 && (c > bc || (c == bc && strcmp(key, best) < 0))) {
				best = key;
				bc = c;
			}
		}
		if (!best)
			break;
		size_t need = o + strlen(best) + 32;
		if (need > cap) {
			cap = need * 2;
			out = xrealloc(out, cap);
		}
		o += (size_t)snprintf(out + o, cap - o, "%s%lld %s", k ? ", " : "", (long long)bc, best);
		json_object_set_new(counts, best, json_integer(0));
	}
	json_decref(counts);
	return out;
}

void breakdown_unpriced_warn(struct breakdown *b)
{
	if (!b->nunpriced)
		return;
	char *sum = unpriced_summary(b->unpriced, b->nunpriced);
	breakdown_warn(b, "not priced: %zu resource%s (%s)", b->nunpriced,
		       b->nunpriced == 1 ? "" : "s", sum);
	free(sum);
	for (size_t i = 0; i < b->nunpriced; i++)
		breakdown_warn(b, "not priced: %s: %s", b->unpriced[i].address, b->unpriced[i].why);
}

static void item_release(struct cost_item *it)
{
	for (size_t j = 0; j < it->n; j++) {
		free(it->lines[j].name);
		free(it->lines[j].unit);
		free(it->lines[j].note);
	}
	free(it->lines);
	for (size_t j = 0; j < it->nlabels; j++) {
		free(it->labels[j].address);
		free(it->labels[j].text);
	}
	free(it->labels);
	free(it->address);
	free(it->type);
	free(it->not_priced);
}

/* A region the snapshot lacks: say it once, clearly, instead of once per offer. */
static int missing_region(const struct catalog *cat, const char *region)
{
	if (!aws_region_find(region))
		return cp_error(CP_EXIT_DATA,
				"unknown region '%s': use an AWS region code such as us-east-1 "
				"(`costplan pricing list` shows the shipped regions)",
				region);
	/* the region's price files are missing: an I/O failure */
	char *fetch = paths_fetch_command(cat->dir, region, NULL);
	cp_error(CP_EXIT_IO,
		 "no price snapshot for region %s in %s/aws: run `%s` (`costplan pricing list` "
		 "shows the shipped regions)",
		 region, cat->dir, fetch);
	free(fetch);
	return CP_EXIT_IO;
}

/* Days since 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian); -1 if not a date. */
static long days_of(const char *d)
{
	int y, m, day;
	char tail;
	if (!d || sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3 || m < 1 || m > 12 ||
	    day < 1 || day > 31)
		return -1;
	/* civil-from-days inverse (Howard Hinnant's algorithm) */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/*
 * Once per run: warn when the newest price in use is older than
 * $COSTPLAN_STALE_DAYS days (default 180; 0 turns it off), with the command
 * that refreshes the snapshot. $COSTPLAN_TODAY (YYYY-MM-DD) fixes today for
 * tests.
 */
static void stale_warn_once(const struct breakdown *b, const struct catalog *cat)
{
	static bool done;
	if (done || !b->published_max)
		return;
	done = true;
	long limit = 180;
	const char *env = getenv("COSTPLAN_STALE_DAYS");
	if (env && env[0]) {
		char *end;
		long v = strtol(env, &end, 10);
		if (*end || v < 0) {
			cp_warn("COSTPLAN_STALE_DAYS '%s' is not a number of days; using 180", env);
		} else {
			limit = v;
		}
	}
	if (limit == 0)
		return;
	const char *today_env = getenv("COSTPLAN_TODAY");
	long today = days_of(today_env);
	if (today < 0)
		today = (long)(time(NULL) / 86400);
	long newest = days_of(b->published_max);
	if (newest < 0 || today - newest <= limit)
		return;
	char *fetch = paths_fetch_command(cat->dir, NULL, NULL);
	cp_warn("the newest price used is from %s, %ld days ago (more than %ld): AWS may have "
		"changed its prices since; refresh them with `%s` (COSTPLAN_STALE_DAYS sets the "
		"age, 0 turns this warning off)",
		b->published_max, today - newest, limit, fetch);
	free(fetch);
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
	/* outputs never show an absolute path: the snapshot's name as a user
	 * would say it (relative to the working folder, else its base name) */
	char *shown = paths_display(cat->dir);
	out->source = xasprintf("AWS Price List (bulk CSV format), %s/aws/%s", shown, out->region);
	free(shown);
	if (s->nnotes) {
		out->notes = xcalloc(s->nnotes, sizeof(char *));
		for (size_t i = 0; i < s->nnotes; i++)
			out->notes[out->nnotes++] = xstrdup(s->notes[i]);
	}
	p.s = s;
	p.cat = cat;
	p.region = out->region;
	p.b = out;
	p.plan = s->from_plan;

	if (!catalog_has_region(cat, out->region)) {
		int rc = missing_region(cat, out->region);
		breakdown_release(out);
		return rc;
	}
	/* a plan standing in for a scenario: what its reader could not map */
	json_t *fp = json_object_get(s->root, "from_plan"), *e;
	size_t k;
	json_array_foreach(json_object_get(fp, "not_priced"), k, e)
		breakdown_unpriced(out, json_string_value(json_object_get(e, "address")),
				   json_string_value(json_object_get(e, "type")),
				   json_string_value(json_object_get(e, "reason")));
	json_array_foreach(json_object_get(fp, "warnings"), k, e)
		breakdown_warn(out, "%s", json_string_value(e));
	for (size_t i = 0; i < s->n && !p.rc; i++) {
		const struct resource *r = &s->res[i];
		p.r = r;
		p.item = new_item(out, r->address, r->type, r->spec->title, r->spec->category);
		p.item->count = r->count;
		if (!r->spec->price) {
			p.item->free = true;
			p.item->free_reason = r->spec->free_reason;
			continue;
		}
		r->spec->price(&p, r);
		if (p.item->free && !p.item->free_reason)
			p.item->free_reason = r->spec->free_reason;
		if (p.item->not_priced && !p.rc) {
			/* out of the total, onto the not-priced list */
			breakdown_unpriced(out, r->address, r->type, p.item->not_priced);
			item_release(p.item);
			out->n--;
		}
	}
	if (!p.rc && out->free_tier) {
		p.r = NULL;
		p.item = new_item(out, "free_tier", "free_tier", "AWS Free Tier (always free)",
				  CAT_FREE);
		price_free_tier(&p);
		if (p.item->n == 0) {
			/* nothing qualified: don't show an empty block */
			item_release(p.item);
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
	stale_warn_once(out, cat);
	return 0;
}

void breakdown_release(struct breakdown *b)
{
	for (size_t i = 0; i < b->n; i++)
		item_release(&b->items[i]);
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
	for (size_t i = 0; i < b->nunpriced; i++) {
		free(b->unpriced[i].address);
		free(b->unpriced[i].type);
		free(b->unpriced[i].why);
	}
	free(b->unpriced);
	arena_release(&b->arena);
	memset(b, 0, sizeof(*b));
}

void breakdown_by_category(const struct breakdown *b, dec *out)
{
	for (int c = 0; c <= CAT_FREE; c++)
		out[c] = dec_zero();
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		if (strcmp(it->type, "free_tier") == 0) {
			/* credit each allowance to the category it reduces */
			for (size_t j = 0; j < it->n; j++) {
				const struct cost_line *l = &it->lines[j];
				enum category c = FREE_POOLS[l->pool].category;
				out[c] = dec_add(out[c], l->cost_cents);
			}
			continue;
		}
		out[it->category] = dec_add(out[it->category], it->total);
	}
}

const struct cost_item *breakdown_item(const struct breakdown *b, const char *address)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->items[i].address, address) == 0)
			return &b->items[i];
	return NULL;
}
