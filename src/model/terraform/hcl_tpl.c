/*
 * hcl_tpl.c - heredoc indentation, strip markers and directive nesting.
 * See hcl_tpl.h.
 */
#include "model/terraform/hcl_tpl.h"

#include <string.h>

void tpl_items_add(struct hcl_run *r, struct tpl_items *it, const struct tpl_item *item)
{
	if (it->n >= HCL_MAX_COLLECTION)
		hcl_fail_limit(r, &item->pos, "template limit: more than %d parts in one template",
			       HCL_MAX_COLLECTION);
	it->v = hcl_grow(r, it->v, &it->cap, it->n + 1, sizeof(*it->v));
	it->v[it->n++] = *item;
}

static bool space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Leading spaces/tabs of a line-starting literal; -1 for a blank line. */
static long indent_of(const struct tpl_item *x, bool last)
{
	size_t i = 0;
	while (i < x->n && (x->lit[i] == ' ' || x->lit[i] == '\t'))
		i++;
	if (i == x->n && last)
		return -1; /* trailing spaces before the closing marker: nothing */
	if (i < x->n && (x->lit[i] == '\n' || x->lit[i] == '\r'))
		return -1;
	return (long)i;
}

void tpl_flush_heredoc(struct hcl_run *r, struct tpl_items *it)
{
	long min = -1;
	(void)r;
	for (size_t i = 0; i < it->n; i++) {
		struct tpl_item *x = &it->v[i];
		if (!x->bol)
			continue;
		long ind = x->kind == TPI_LIT ? indent_of(x, i + 1 == it->n) : 0;
		if (ind < 0)
			continue;
		if (min < 0 || ind < min)
			min = ind;
	}
	if (min <= 0)
		return;
	for (size_t i = 0; i < it->n; i++) {
		struct tpl_item *x = &it->v[i];
		if (!x->bol || x->kind != TPI_LIT)
			continue;
		size_t k = 0;
		while (k < (size_t)min && k < x->n && (x->lit[k] == ' ' || x->lit[k] == '\t'))
			k++;
		x->lit += k;
		x->n -= k;
	}
}

static void apply_strips(struct tpl_items *it)
{
	for (size_t i = 0; i < it->n; i++) {
		struct tpl_item *x = &it->v[i];
		if (x->kind == TPI_LIT)
			continue;
		if (x->strip_l && i > 0 && it->v[i - 1].kind == TPI_LIT) {
			struct tpl_item *l = &it->v[i - 1];
			while (l->n && space(l->lit[l->n - 1]))
				l->n--;
		}
		if (x->strip_r && i + 1 < it->n && it->v[i + 1].kind == TPI_LIT) {
			struct tpl_item *l = &it->v[i + 1];
			while (l->n && space(l->lit[0])) {
				l->lit++;
				l->n--;
			}
		}
	}
}

struct nest {
	struct hcl_run *r;
	struct tpl_items *it;
	size_t i;
};

static const char *kind_word(enum tpi_kind k)
{
	switch (k) {
	case TPI_ELSE:
		return "else";
	case TPI_ENDIF:
		return "endif";
	case TPI_ENDFOR:
		return "endfor";
	case TPI_IF:
		return "if";
	case TPI_FOR:
		return "for";
	default:
		return "?";
	}
}

/* Parts until one of the stop kinds (left unconsumed), or the end. */
static struct htpl *nest_seq(struct nest *ns, enum tpi_kind stop1, enum tpi_kind stop2,
			     bool toplevel)
{
	struct hcl_run *r = ns->r;
	struct htpl *t = hcl_alloc(r, sizeof(*t));
	size_t cap = 0;
	while (ns->i < ns->it->n) {
		struct tpl_item *x = &ns->it->v[ns->i];
		if (!toplevel && (x->kind == stop1 || x->kind == stop2))
			return t;
		if (x->kind == TPI_ELSE || x->kind == TPI_ENDIF || x->kind == TPI_ENDFOR)
			hcl_fail(r, &x->pos, "unexpected %%{%s}: no matching %%{%s} before it",
				 kind_word(x->kind), x->kind == TPI_ENDFOR ? "for" : "if");
		ns->i++;
		struct htp part;
		memset(&part, 0, sizeof(part));
		part.pos = x->pos;
		switch (x->kind) {
		case TPI_LIT:
			if (x->n == 0)
				continue;
			part.kind = HTP_LIT;
			part.lit = x->lit;
			part.litn = x->n;
			break;
		case TPI_INTERP:
			part.kind = HTP_INTERP;
			part.expr = x->expr;
			break;
		case TPI_IF:
			part.kind = HTP_IF;
			part.expr = x->expr;
			part.then = nest_seq(ns, TPI_ELSE, TPI_ENDIF, false);
			if (ns->i < ns->it->n && ns->it->v[ns->i].kind == TPI_ELSE) {
				ns->i++;
				part.els = nest_seq(ns, TPI_ENDIF, TPI_ENDIF, false);
			}
			if (ns->i >= ns->it->n || ns->it->v[ns->i].kind != TPI_ENDIF)
				hcl_fail(r, &x->pos, "unclosed %%{if}: it needs a %%{endif}");
			ns->i++;
			break;
		case TPI_FOR:
			part.kind = HTP_FOR;
			part.expr = x->expr;
			part.key_var = x->kv;
			part.val_var = x->vv;
			part.then = nest_seq(ns, TPI_ENDFOR, TPI_ENDFOR, false);
			if (ns->i >= ns->it->n || ns->it->v[ns->i].kind != TPI_ENDFOR)
				hcl_fail(r, &x->pos, "unclosed %%{for}: it needs a %%{endfor}");
			ns->i++;
			break;
		default:
			break;
		}
		t->parts = hcl_grow(r, t->parts, &cap, t->n + 1, sizeof(*t->parts));
		t->parts[t->n++] = part;
	}
	return t;
}

struct htpl *tpl_build(struct hcl_run *r, struct tpl_items *it)
{
	struct nest ns = {r, it, 0};
	apply_strips(it);
	return nest_seq(&ns, TPI_LIT, TPI_LIT, true);
}
