/*
 * side.c - see side.h. Pricing goes through scenario_from_json() and
 * cost_breakdown() only; this file merges and renames, never prices.
 */
#include "cost/side.h"

#include <stdlib.h>
#include <string.h>

#include "model/scenario.h"
#include "util/error.h"

/* Move src's items, warnings and notes into dst. */
static void merge_into(struct breakdown *dst, struct breakdown *src)
{
	for (size_t i = 0; i < src->n; i++) {
		struct cost_item *it = &src->items[i];
		if (!strcmp(it->address, "free_tier")) {
			char *a = xasprintf("free_tier (%s)", src->region);
			free(it->address);
			it->address = a;
		}
		dst->items = xrealloc(dst->items, (dst->n + 1) * sizeof(*dst->items));
		dst->items[dst->n++] = *it;
	}
	free(src->items);
	src->items = NULL;
	src->n = 0;
	dst->total = dec_add(dst->total, src->total);
	for (size_t i = 0; i < src->nwarn; i++)
		breakdown_warn(dst, "%s", src->warnings[i]);
	char *r = xasprintf("%s, %s", dst->region, src->region);
	free(dst->region);
	dst->region = r;
	if (src->published_min && (!dst->published_min ||
				   strcmp(src->published_min, dst->published_min) < 0)) {
		free(dst->published_min);
		dst->published_min = xstrdup(src->published_min);
	}
	if (src->published_max && (!dst->published_max ||
				   strcmp(src->published_max, dst->published_max) > 0)) {
		free(dst->published_max);
		dst->published_max = xstrdup(src->published_max);
	}
	breakdown_release(src);
}

/* Items that map to one Terraform address (an ECS service split into its
 * FARGATE and FARGATE_SPOT shares) become one item with both sets of lines. */
static void merge_same_address(struct breakdown *b)
{
	json_t *seen = json_object();
	size_t o = 0;
	for (size_t i = 0; i < b->n; i++) {
		struct cost_item *it = &b->items[i];
		json_t *k = json_object_get(seen, it->address);
		if (!k) {
			json_object_set_new(seen, it->address, json_integer((json_int_t)o));
			b->items[o++] = *it;
			continue;
		}
		struct cost_item *dst = &b->items[json_integer_value(k)];
		dst->lines = xrealloc(dst->lines, (dst->n + it->n) * sizeof(*dst->lines));
		memcpy(dst->lines + dst->n, it->lines, it->n * sizeof(*it->lines));
		dst->n += it->n;
		dst->total = dec_add(dst->total, it->total);
		free(it->lines);
		free(it->address);
		free(it->type);
	}
	b->n = o;
	json_decref(seen);
}

static void empty_breakdown(struct breakdown *b, const char *label, struct catalog *cat,
			    const char *region)
{
	memset(b, 0, sizeof(*b));
	b->scenario = xstrdup(label);
	b->region = xstrdup(region);
	b->pricing_dir = xstrdup(cat->dir);
	b->free_tier = true;
	b->source = xasprintf("AWS Price List (bulk CSV format), %s/aws", cat->dir);
	b->total = dec_zero();
}

/* A deep copy of a scenario document with the usage file's figures added. */
static json_t *scenario_with_usage(json_t *doc, struct usage_file *u)
{
	json_t *d = json_deep_copy(doc);
	json_t *res = json_object_get(d, "resource");
	const char *type, *name;
	json_t *byname, *body;
	if (!json_is_object(res))
		return d;
	json_t *usage = json_object_get(d, "usage");
	if (!usage) {
		usage = json_object();
		json_object_set_new(d, "usage", usage);
	}
	if (!json_is_object(usage))
		return d;
	json_object_foreach(res, type, byname) {
		if (!json_is_object(byname))
			continue;
		json_object_foreach(byname, name, body) {
			char *addr = xasprintf("%s.%s", type, name);
			json_t *f = usage_for(u, addr, type);
			if (json_object_size(f)) {
				json_t *cur = json_object_get(usage, addr);
				if (json_is_object(cur))
					json_object_update(cur, f);
				else
					json_object_set(usage, addr, f);
			}
			json_decref(f);
			free(addr);
		}
	}
	return d;
}

/* plan: the document is a plan's or state's resources, where a value the
 * snapshot cannot price leaves the resource not priced (scenario.h). */
static int price_doc(json_t *doc, const char *label, const struct json_pos *pos, bool plan,
		     struct catalog *cat, const struct cost_options *co, struct breakdown *out)
{
	struct scenario s;
	int rc = scenario_from_json(doc, label, pos, &s);
	if (rc)
		return rc;
	s.from_plan = plan;
	if (co && co->region) {
		free(s.region);
		s.region = xstrdup(co->region);
	}
	rc = cost_breakdown(&s, cat, co, out);
	scenario_release(&s);
	return rc;
}

/* Move b's not-priced resources onto the side's list, under Terraform's
 * addresses when addr maps them (a plan side). */
static void take_unpriced(struct side *out, struct breakdown *b, json_t *addr)
{
	for (size_t i = 0; i < b->nunpriced; i++) {
		struct unpriced *u = &b->unpriced[i];
		const char *tf = addr ? json_string_value(json_object_get(addr, u->address)) : NULL;
		out->unpriced = xrealloc(out->unpriced, (out->nunpriced + 1) * sizeof(*out->unpriced));
		struct unpriced *d = &out->unpriced[out->nunpriced++];
		d->address = tf ? xstrdup(tf) : u->address;
		if (tf)
			free(u->address);
		d->type = u->type;
		d->why = u->why;
	}
	free(b->unpriced);
	b->unpriced = NULL;
	b->nunpriced = 0;
}

int side_price(const struct input *in, enum side_which which, struct catalog *cat,
	       const struct cost_options *co, struct usage_file *usage, struct side *out)
{
	int rc;
	memset(out, 0, sizeof(*out));
	out->kind = in->kind;
	if (in->kind == INPUT_SCENARIO) {
		out->label = xstrdup(in->path);
		json_t *doc = usage ? scenario_with_usage(in->doc, usage) : json_incref(in->doc);
		rc = price_doc(doc, in->path, usage ? NULL : in->pos, false, cat, co, &out->b);
		json_decref(doc);
		if (rc) {
			side_release(out);
			return rc;
		}
		take_unpriced(out, &out->b, NULL);
		for (size_t i = 0; i < out->b.n; i++)
			out->nresources += strcmp(out->b.items[i].type, "free_tier") != 0;
		out->nresources += out->nunpriced;
		return 0;
	}

	const struct plan_side *ps = which == SIDE_BEFORE ? &in->plan.before : &in->plan.after;
	out->label = xasprintf("%s%s", in->path,
			       in->kind == INPUT_STATE ? "" : which == SIDE_BEFORE ? " (before)" : " (after)");
	out->nresources = ps->nresources;
	struct cost_options pco = {NULL, co ? co->no_free_tier : false};
	const char *region;
	json_t *doc;
	int first = 1;
	json_object_foreach(ps->docs, region, doc) {
		struct breakdown b;
		if ((rc = price_doc(doc, out->label, NULL, true, cat, &pco, &b))) {
			side_release(out);
			return rc;
		}
		take_unpriced(out, &b, ps->addr);
		for (size_t i = 0; i < b.n; i++) {
			const char *tf = json_string_value(json_object_get(ps->addr, b.items[i].address));
			if (tf) {
				free(b.items[i].address);
				b.items[i].address = xstrdup(tf);
			}
		}
		merge_same_address(&b);
		if (first) {
			out->b = b;
			free(out->b.scenario);
			out->b.scenario = xstrdup(out->label);
			first = 0;
		} else {
			merge_into(&out->b, &b);
		}
	}
	if (first)
		empty_breakdown(&out->b, out->label, cat,
				co && co->region ? co->region : "us-east-1");
	for (size_t i = 0; i < ps->nwarn; i++)
		breakdown_warn(&out->b, "%s", ps->warnings[i]);
	for (size_t i = 0; i < ps->nunpriced; i++) {
		out->unpriced = xrealloc(out->unpriced, (out->nunpriced + 1) * sizeof(*out->unpriced));
		struct unpriced *d = &out->unpriced[out->nunpriced++];
		d->address = xstrdup(ps->unpriced[i].address);
		d->type = xstrdup(ps->unpriced[i].type);
		d->why = xstrdup(ps->unpriced[i].why);
	}
	if (which == SIDE_AFTER && (in->plan.ignored_data || in->plan.ignored_other)) {
		char *n = xasprintf("Ignored: %zu data source%s and %zu resource%s of other providers "
				    "(not AWS).",
				    in->plan.ignored_data, in->plan.ignored_data == 1 ? "" : "s",
				    in->plan.ignored_other, in->plan.ignored_other == 1 ? "" : "s");
		out->b.notes = xrealloc(out->b.notes, (out->b.nnotes + 1) * sizeof(char *));
		out->b.notes[out->b.nnotes++] = n;
	}
	return 0;
}

void side_release(struct side *s)
{
	breakdown_release(&s->b);
	for (size_t i = 0; i < s->nunpriced; i++) {
		free(s->unpriced[i].address);
		free(s->unpriced[i].type);
		free(s->unpriced[i].why);
	}
	free(s->unpriced);
	free(s->label);
	memset(s, 0, sizeof(*s));
}

char *side_unpriced_summary(const struct side *s)
{
	return unpriced_summary(s->unpriced, s->nunpriced);
}

int side_breakdown(const char *path, const char *usage_path, const char *region,
		   const struct tf_var_opts *tf_vars, struct catalog *cat,
		   const struct cost_options *co, struct breakdown *out)
{
	struct usage_file u, *up = NULL;
	struct input in;
	struct side s;
	int rc;
	memset(out, 0, sizeof(*out));
	if (usage_path) {
		if ((rc = usage_load(usage_path, &u)))
			return rc;
		up = &u;
	}
	struct plan_opts po = {region, up, tf_vars};
	if ((rc = input_load(path, &po, &in)) == 0) {
		if ((rc = side_price(&in, SIDE_AFTER, cat, co, up, &s)) == 0) {
			/* the not-priced list goes back to the breakdown, which says it */
			s.b.unpriced = s.unpriced;
			s.b.nunpriced = s.nunpriced;
			s.unpriced = NULL;
			s.nunpriced = 0;
			breakdown_unpriced_warn(&s.b);
			*out = s.b;
			memset(&s.b, 0, sizeof(s.b));
			side_release(&s);
		}
		input_release(&in);
	}
	if (up)
		usage_release(up);
	return rc;
}
