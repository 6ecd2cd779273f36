/*
 * side.c - see side.h. Pricing goes through scenario_from_json() and
 * cost_breakdown() only; this file merges and renames, never prices.
 */
#include "cost/side.h"

#include "model/overlay.h"
#include "util/paths.h"

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

/* The attributes that chose src's prices move to dst, once each. */
static void move_labels(struct cost_item *dst, struct cost_item *src)
{
	for (size_t j = 0; j < src->nlabels; j++) {
		struct cost_label *l = &src->labels[j];
		bool dup = false;
		for (size_t k = 0; k < dst->nlabels && !dup; k++)
			dup = !strcmp(dst->labels[k].address, l->address) &&
			      !strcmp(dst->labels[k].attr, l->attr);
		if (dup) {
			free(l->address);
			free(l->text);
			continue;
		}
		dst->labels = xrealloc(dst->labels, (dst->nlabels + 1) * sizeof(*dst->labels));
		dst->labels[dst->nlabels++] = *l;
	}
	free(src->labels);
	src->labels = NULL;
	src->nlabels = 0;
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
		move_labels(dst, it);
		free(it->lines);
		free(it->address);
		free(it->type);
		free(it->not_priced);
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
	char *shown = paths_display(cat->dir);
	b->source = xasprintf("AWS Price List (bulk CSV format), %s/aws", shown);
	free(shown);
	b->total = dec_zero();
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
		out->label = paths_display(in->path); /* outputs: never an absolute path */
		json_t *doc = usage ? usage_apply_doc(in->doc, usage) : json_incref(in->doc);
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
	char *shown = paths_display(in->path);
	out->label = xasprintf("%s%s", shown,
			       in->kind == INPUT_STATE ? "" : which == SIDE_BEFORE ? " (before)" : " (after)");
	free(shown);
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

int side_whatif(struct input *in, const struct whatif *w, char ***notes, size_t *nnotes)
{
	*notes = NULL;
	*nnotes = 0;
	if (!w || (w->n == 0 && !(w->scale_usage > 0)))
		return 0;
	if (in->kind != INPUT_SCENARIO) {
		if (w->n)
			return cp_error(CP_EXIT_USAGE,
					"--set and --patch change a scenario; %s is a Terraform %s "
					"(change the configuration, or price a scenario)",
					in->path, in->kind == INPUT_STATE ? "state" : "plan");
		/* a plan's usage comes from the usage file, scaled when loaded */
		return 0;
	}
	int rc = overlay_apply_all(&in->doc, in->path, in->pos, w, notes, nnotes);
	if (rc == 0) {
		/* line numbers were of the file; the overlaid document has none */
		json_pos_free(in->pos);
		in->pos = NULL;
	}
	return rc;
}

int side_breakdown(const char *path, const char *usage_path, const char *region,
		   const struct tf_var_opts *tf_vars, struct catalog *cat,
		   const struct cost_options *co, const struct whatif *w, struct breakdown *out)
{
	struct usage_file u, *up = NULL;
	struct input in;
	struct side s;
	char **notes = NULL;
	size_t nnotes = 0;
	int rc;
	memset(out, 0, sizeof(*out));
	if (usage_path) {
		if ((rc = usage_load(usage_path, &u)))
			return rc;
		if (w && w->scale_usage > 0)
			u.scale = w->scale_usage;
		up = &u;
	}
	struct plan_opts po = {region, up, tf_vars};
	if ((rc = input_load(path, &po, &in)) == 0) {
		rc = side_whatif(&in, w, &notes, &nnotes);
		if (rc == 0 && (rc = side_price(&in, SIDE_AFTER, cat, co, up, &s)) == 0) {
			usage_warn_unused(up);
			/* the not-priced list goes back to the breakdown, which says it */
			s.b.unpriced = s.unpriced;
			s.b.nunpriced = s.nunpriced;
			s.unpriced = NULL;
			s.nunpriced = 0;
			/* the what-ifs applied, where every renderer shows notes */
			if (up && in.kind != INPUT_SCENARIO && w && w->scale_usage > 0) {
				notes = xrealloc(notes, (nnotes + 1) * sizeof(char *));
				notes[nnotes++] = overlay_scale_note(w->scale_usage);
			}
			for (size_t i = 0; i < nnotes; i++) {
				s.b.notes = xrealloc(s.b.notes, (s.b.nnotes + 1) * sizeof(char *));
				s.b.notes[s.b.nnotes++] = notes[i];
				notes[i] = NULL;
			}
			breakdown_unpriced_warn(&s.b);
			*out = s.b;
			memset(&s.b, 0, sizeof(s.b));
			side_release(&s);
		}
		input_release(&in);
	}
	for (size_t i = 0; i < nnotes; i++)
		free(notes[i]);
	free(notes);
	if (up)
		usage_release(up);
	return rc;
}
