/*
 * upgrade_path.c - price baseline, steps alone, the cumulative path and the
 * alternatives (see upgrade_path.h). Every figure comes from one
 * cost_breakdown() of a patched document.
 */
#include "cost/upgrade_path.h"

#include <stdlib.h>
#include <string.h>

#include "model/docpath.h"
#include "model/merge_patch.h"
#include "model/overlay.h"
#include "util/error.h"

void priced_release(struct priced *p)
{
	breakdown_release(&p->b);
	memset(p, 0, sizeof(*p));
}

static int total_of(const json_t *doc, const char *label, struct catalog *cat,
		    const struct cost_options *co, dec *total)
{
	struct scenario s;
	struct breakdown b;
	int rc = scenario_from_doc((json_t *)doc, label, &s);
	if (rc)
		return rc;
	rc = cost_breakdown(&s, cat, co, &b);
	scenario_release(&s);
	if (rc)
		return rc;
	*total = b.total;
	breakdown_release(&b);
	return 0;
}

/* doc with every auto-scaled service's desired_count at min (or max) capacity */
static json_t *scaled_doc(const json_t *doc, const struct scenario *s, bool high)
{
	json_t *out = json_deep_copy(doc);
	char err[512];
	for (size_t i = 0; i < s->n; i++) {
		const struct resource *r = &s->res[i];
		if (r->spec->sim_role != SIM_SCALING_TARGET)
			continue;
		const struct resource *svc = res_ref(s, r, "service");
		if (!svc)
			continue;
		char *path = xasprintf("resource.%s.%s.desired_count", svc->type, svc->name);
		json_t *v = json_integer(res_int(r, high ? "max_capacity" : "min_capacity"));
		json_t *p = NULL;
		if (docpath_set_patch(out, path, v, &p, err, sizeof(err)) == 0) {
			json_t *next = merge_patch(out, p);
			json_decref(out);
			out = next;
		}
		json_decref(p);
		json_decref(v);
		free(path);
	}
	return out;
}

int upgrade_price_doc(const json_t *doc, const char *label, struct catalog *cat,
		      const struct cost_options *co, struct priced *out)
{
	struct scenario s;
	int rc;
	memset(out, 0, sizeof(*out));
	if ((rc = scenario_from_doc((json_t *)doc, label, &s)))
		return rc;
	rc = cost_breakdown(&s, cat, co, &out->b);
	if (rc) {
		scenario_release(&s);
		return rc;
	}
	out->total = out->low = out->high = out->b.total;
	for (size_t i = 0; i < s.n; i++)
		if (s.res[i].spec->sim_role == SIM_SCALING_TARGET)
			out->has_range = true;
	if (out->has_range) {
		json_t *lo = scaled_doc(doc, &s, false), *hi = scaled_doc(doc, &s, true);
		rc = total_of(lo, label, cat, co, &out->low);
		if (!rc)
			rc = total_of(hi, label, cat, co, &out->high);
		json_decref(lo);
		json_decref(hi);
	}
	scenario_release(&s);
	if (rc)
		priced_release(out);
	return rc;
}

static bool listed(const char *list, const char *addr)
{
	size_t n = strlen(addr);
	for (const char *p = list; p && *p;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (len == n && strncmp(p, addr, n) == 0)
			return true;
		p += len;
	}
	return false;
}

/* Fixed cost (lines that are not usage-based) and the per-GB price of the
 * first usage-based GB line of an item. */
static void item_shape(const struct cost_item *it, dec *fixed, dec *per_gb, bool *has_gb)
{
	for (size_t j = 0; j < it->n; j++) {
		const struct cost_line *l = &it->lines[j];
		if (!l->usage_based)
			*fixed = dec_add(*fixed, l->cost_cents);
		else if (!*has_gb && strcmp(l->unit, "GB") == 0 && l->price) {
			*per_gb = l->unit_price;
			*has_gb = true;
		}
	}
}

static void verdict(const struct breakdown *base, struct upgrade_result *r)
{
	const struct breakdown *alt = &r->alone.b;
	dec fixed_rep = dec_zero(), fixed_add = dec_zero();
	bool gb_rep = false, gb_add = false;

	r->has_verdict = true;
	r->replaced_cost = r->added_cost = dec_zero();
	for (size_t i = 0; i < base->n; i++) {
		const struct cost_item *it = &base->items[i];
		if (!listed(r->step->replaces, it->address))
			continue;
		r->replaced_cost = dec_add(r->replaced_cost, it->total);
		item_shape(it, &fixed_rep, &r->replaced_per_gb, &gb_rep);
	}
	for (size_t i = 0; i < alt->n; i++) {
		const struct cost_item *it = &alt->items[i];
		if (breakdown_item(base, it->address) || strcmp(it->type, "free_tier") == 0)
			continue;
		r->added_cost = dec_add(r->added_cost, it->total);
		item_shape(it, &fixed_add, &r->added_per_gb, &gb_add);
	}
	/* Moving G GB a month from the replaced path to the new one changes the
	 * bill by (fixed_add - fixed_rep) + G x (added_per_gb - replaced_per_gb). */
	if (gb_rep && gb_add && dec_cmp(r->replaced_per_gb, r->added_per_gb) > 0) {
		dec gap = dec_sub(fixed_add, fixed_rep);
		dec rate = dec_sub(r->replaced_per_gb, r->added_per_gb);
		r->breakeven_gb = dec_zero();
		if (dec_cmp(gap, dec_zero()) > 0 && dec_div(gap, rate, &r->breakeven_gb) == 0)
			r->breakeven_gb = dec_ceil(r->breakeven_gb);
		r->has_breakeven = true;
	}
}

/* The resources st's patch changes that doc has under other names only
 * ("type.name, which is not in this scenario (it has type.other)", joined
 * with "; "), or NULL: a step written for another stack's
 * names adds half a resource beside the one it meant, which is why it does
 * not fit. A type doc lacks altogether is an addition (autoscaling targets,
 * a WAF), not a misnamed change. Caller frees. */
static char *names_not_here(const json_t *doc, const struct upgrade_step *st)
{
	const char *type, *name;
	json_t *byname, *body;
	char *out = NULL;
	json_t *have = json_object_get(doc, "resource");
	json_object_foreach(json_object_get(st->patch, "resource"), type, byname) {
		json_object_foreach(byname, name, body) {
			json_t *same_type = json_object_get(have, type);
			if (json_is_null(body) || !json_object_size(same_type) ||
			    json_object_get(same_type, name))
				continue;
			/* and the name it probably meant: the first of that type here */
			void *it = json_object_iter(same_type);
			char *o = xasprintf("%s%s%s.%s, which is not in this scenario (it has %s.%s)",
					    out ? out : "", out ? "; " : "", type, name, type,
					    json_object_iter_key(it));
			free(out);
			out = o;
		}
	}
	return out;
}

static int price_step(const json_t *on, const struct upgrade_step *st, int variant,
		      struct catalog *cat, const struct cost_options *co, struct priced *out,
		      json_t **doc_out)
{
	json_t *doc = json_deep_copy(on);
	int rc = upgrade_step_apply(st, variant, &doc);
	if (rc) {
		char *missing = names_not_here(on, st);
		if (missing)
			cp_error(rc,
				 "the upgrade step \"%s\" (%s) changes %s: adapt the step file, "
				 "or use --steps DIR with steps written for it",
				 st->title, st->file, missing);
		else
			cp_error(rc,
				 "the upgrade step \"%s\" (%s) does not fit this scenario: adapt "
				 "the step file, or use --steps DIR with steps written for it",
				 st->title, st->file);
		free(missing);
	}
	if (rc == 0)
		rc = upgrade_price_doc(doc, st->file, cat, co, out);
	if (rc == 0 && doc_out)
		*doc_out = json_incref(doc);
	json_decref(doc);
	return rc;
}

int upgrade_path_price(const json_t *base_doc, const char *label, const struct upgrade_set *u,
		       struct catalog *cat, const struct cost_options *co, struct upgrade_path *out)
{
	int rc;
	json_t *running = NULL;

	memset(out, 0, sizeof(*out));
	if ((rc = upgrade_price_doc(base_doc, label, cat, co, &out->baseline)))
		return rc;
	out->results = xcalloc(u->n ? u->n : 1, sizeof(*out->results));
	out->production.total = out->production.low = out->production.high = out->baseline.total;
	out->production.has_range = out->baseline.has_range;
	running = json_deep_copy(base_doc);
	dec prev = out->baseline.total;

	for (size_t i = 0; i < u->n && rc == 0; i++) {
		const struct upgrade_step *st = &u->steps[i];
		struct upgrade_result *r = &out->results[out->n++];
		r->step = st;
		if ((rc = price_step(base_doc, st, -1, cat, co, &r->alone, NULL)))
			break;
		r->alone_delta = dec_sub(r->alone.total, out->baseline.total);
		if (st->nvariants) {
			r->variants = xcalloc(st->nvariants, sizeof(*r->variants));
			for (size_t v = 0; v < st->nvariants && rc == 0; v++) {
				struct priced pv;
				r->variants[v].variant = &st->variants[v];
				if ((rc = price_step(base_doc, st, (int)v, cat, co, &pv, NULL)))
					break;
				r->variants[v].total = pv.total;
				r->variants[v].delta = dec_sub(pv.total, out->baseline.total);
				r->nvariants++;
				priced_release(&pv);
			}
			if (rc)
				break;
		}
		if (st->kind == UPGRADE_STEP) {
			json_t *next = NULL;
			if ((rc = price_step(running, st, -1, cat, co, &r->cumulative, &next)))
				break;
			json_decref(running);
			running = next;
			r->cumulative_delta = dec_sub(r->cumulative.total, prev);
			prev = r->cumulative.total;
			out->nsteps++;
			out->production.total = r->cumulative.total;
			out->production.has_range = r->cumulative.has_range;
			out->production.low = r->cumulative.low;
			out->production.high = r->cumulative.high;
		} else {
			/* alternatives: on the production path as well */
			if ((rc = price_step(running, st, -1, cat, co, &r->cumulative, NULL)))
				break;
			r->cumulative_delta = dec_sub(r->cumulative.total, out->production.total);
		}
		if (st->replaces)
			verdict(&out->baseline.b, r);
	}
	json_decref(running);
	if (rc) {
		upgrade_path_release(out);
		return rc;
	}
	/* warnings that only a step's scenario raises, where every view shows them */
	for (size_t i = 0; i < out->n; i++) {
		const struct upgrade_result *r = &out->results[i];
		const struct breakdown *bs[2] = {&r->alone.b, &r->cumulative.b};
		for (int k = 0; k < 2; k++)
			for (size_t w = 0; w < bs[k]->nwarn; w++) {
				bool known = false;
				for (size_t j = 0; j < out->baseline.b.nwarn && !known; j++)
					known = strstr(out->baseline.b.warnings[j], bs[k]->warnings[w]) != NULL;
				if (!known)
					breakdown_warn(&out->baseline.b, "%s: %s", r->step->title,
						       bs[k]->warnings[w]);
			}
	}
	return 0;
}

size_t breakdown_changes(const struct breakdown *a, const struct breakdown *b,
			 struct item_change **out)
{
	size_t n = 0;
	*out = xcalloc(a->n + b->n + 1, sizeof(**out));
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *ib = &b->items[i], *ia = breakdown_item(a, ib->address);
		dec before = ia ? ia->total : dec_zero();
		if (ia && dec_cmp(before, ib->total) == 0)
			continue;
		if (!ia && ib->free)
			continue;
		struct item_change *c = &(*out)[n++];
		c->address = ib->address;
		c->in_before = ia != NULL;
		c->in_after = true;
		c->before = before;
		c->after = ib->total;
		c->delta = dec_sub(ib->total, before);
	}
	for (size_t i = 0; i < a->n; i++) {
		const struct cost_item *ia = &a->items[i];
		if (breakdown_item(b, ia->address) || ia->free)
			continue;
		struct item_change *c = &(*out)[n++];
		c->address = ia->address;
		c->in_before = true;
		c->before = ia->total;
		c->after = dec_zero();
		c->delta = dec_neg(ia->total);
	}
	return n;
}

void upgrade_path_release(struct upgrade_path *p)
{
	priced_release(&p->baseline);
	for (size_t i = 0; i < p->n; i++) {
		priced_release(&p->results[i].alone);
		priced_release(&p->results[i].cumulative);
		free(p->results[i].variants);
	}
	free(p->results);
	for (size_t i = 0; i < p->nnotes; i++)
		free(p->notes[i]);
	free(p->notes);
	memset(p, 0, sizeof(*p));
}
