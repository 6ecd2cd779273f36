/*
 * budget.c - the budget model: inputs, prices and quantity formulas for
 * `costplan export`. See budget.h.
 *
 * Each quantity is rebuilt by a small expression builder that writes the
 * spreadsheet formula, a basis people can read, and the exact decimal
 * value side by side from the same inputs: the expression each pricer
 * built its quantity from (cost/quantity.h), so the workbook states the
 * pricers' own rules. The value is still compared with the engine's
 * quantity: a formula is used only when they agree to 1e-9, so the
 * workbook can never show a figure the engine did not.
 */
#include "report/budget.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"

/* ---- cell references ---------------------------------------------------- */

char *budget_col(int col, char *buf)
{
	if (col < 26) {
		buf[0] = (char)('A' + col);
		buf[1] = '\0';
	} else {
		buf[0] = (char)('A' + col / 26 - 1);
		buf[1] = (char)('A' + col % 26);
		buf[2] = '\0';
	}
	return buf;
}

char *budget_ref(int row, int col, bool absolute)
{
	char c[4];
	budget_col(col, c);
	return absolute ? xasprintf("$%s$%d", c, row + 1) : xasprintf("%s%d", c, row + 1);
}

int budget_input_row(int i)
{
	return TABLE_FIRST_ROW + i;
}

int budget_line_row(size_t i)
{
	return TABLE_FIRST_ROW + (int)i;
}

int budget_total_row(const struct budget *bg)
{
	return TABLE_FIRST_ROW + (int)bg->nlines + 1;
}

char *budget_input_ref(const struct budget *bg, int i)
{
	(void)bg;
	char *r = budget_ref(budget_input_row(i), ASM_COL_VALUE, true);
	char *s = xasprintf("%s!%s", SHEET_ASSUMPTIONS, r);
	free(r);
	return s;
}

/* ---- inputs ------------------------------------------------------------- */

static int input_find(const struct budget *bg, const char *res, const char *key)
{
	for (size_t i = 0; i < bg->nin; i++)
		if (strcmp(bg->in[i].resource, res) == 0 && strcmp(bg->in[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int input_add(struct budget *bg, const char *res, const char *key, enum input_kind kind,
		     const char *unit, const char *note, bool *is_new)
{
	int i = input_find(bg, res, key);
	*is_new = i < 0;
	if (i >= 0)
		return i;
	bg->in = xrealloc(bg->in, (bg->nin + 1) * sizeof(*bg->in));
	struct budget_input *in = &bg->in[bg->nin];
	memset(in, 0, sizeof(*in));
	in->resource = xstrdup(res);
	in->key = xstrdup(key);
	in->kind = kind;
	in->unit = xstrdup(unit ? unit : "");
	in->note = xstrdup(note ? note : "");
	return (int)bg->nin++;
}

/*
 * The input a quantity expression names (cost/quantity.h), registered on
 * the Assumptions sheet once per resource and key, with a note that says
 * what it is and where its value came from.
 */
static int input_of(struct budget *bg, const struct qty *q)
{
	bool is_new;
	char *note;
	if (q->in == QIN_HOURS)
		return bg->in_hours;
	switch (q->in) {
	case QIN_ATTR:
		note = xasprintf("Attribute %s of %s%s%s.", q->key, q->address, q->doc[0] ? ": " : "",
				 q->doc);
		break;
	case QIN_LEN:
		note = xasprintf("How many entries %s of %s lists: %s.", q->key, q->address, q->doc);
		break;
	case QIN_COUNT:
		note = xstrdup(q->doc);
		break;
	case QIN_USAGE_DEFAULT:
		note = xasprintf("Usage: %s (usage key %s). %s", q->doc, q->key,
				 q->given ? "From the scenario's usage figures."
					  : "Not set in the scenario: costplan's default assumption.");
		break;
	default:
		note = xasprintf("Usage: %s (usage key %s). %s", q->doc[0] ? q->doc : "usage figure",
				 q->key,
				 q->given ? "From the scenario's usage figures."
					  : "Not set in the scenario: $0 until you set it.");
	}
	int i = input_add(bg, q->address, q->key, IN_NUMBER, q->unit, note, &is_new);
	free(note);
	if (is_new)
		bg->in[i].value = q->v;
	if (q->extra && !strstr(bg->in[i].note, q->extra)) {
		char *n = xasprintf("%s%s", bg->in[i].note, q->extra);
		free(bg->in[i].note);
		bg->in[i].note = n;
	}
	return i;
}

/* An attribute that selects a price: shown, not a formula input. */
static void in_label(struct budget *bg, const struct cost_label *lb)
{
	bool is_new;
	const char *doc = lb->doc ? lb->doc : "";
	char *note = xasprintf("Selects the price%s%s%s. To change it, edit the scenario and run "
			       "costplan export again.",
			       doc[0] ? " (" : "", doc, doc[0] ? ")" : "");
	int i = input_add(bg, lb->address, lb->attr, IN_LABEL, "", note, &is_new);
	free(note);
	if (is_new)
		bg->in[i].text = xstrdup(lb->text);
}

/* ---- expressions: formula, basis and exact value together --------------- */

struct x {
	char *f; /* formula text */
	char *t; /* basis text */
	dec v;
	int prec; /* 3 atom or function, 2 product, 1 sum or negation */
	int refs; /* inputs or cells referenced */
	bool ok;
};

static struct x x_num(dec v)
{
	char buf[DEC_BUFSZ];
	dec_format_trim(v, buf, sizeof(buf));
	return (struct x){xstrdup(buf), xstrdup(buf), v, dec_cmp(v, dec_zero()) < 0 ? 1 : 3, 0, true};
}


static struct x x_in(const struct budget *bg, int i)
{
	char buf[DEC_BUFSZ];
	const struct budget_input *in = &bg->in[i];
	dec_format_trim(in->value, buf, sizeof(buf));
	return (struct x){budget_input_ref(bg, i), xasprintf("%s %s", in->key, buf), in->value, 3, 1,
			  true};
}

static char *wrap(const struct x *a, int need)
{
	return a->prec < need ? xasprintf("(%s)", a->f) : xstrdup(a->f);
}

static void x_free(struct x *a)
{
	free(a->f);
	free(a->t);
	a->f = a->t = NULL;
}

static struct x x_bin(struct x a, struct x b, char op)
{
	struct x r;
	int na = op == '+' || op == '-' ? 1 : 2;
	int nb = op == '+' ? 1 : op == '-' ? 2 : op == '*' ? 2 : 3;
	char *fa = wrap(&a, na), *fb = wrap(&b, nb);
	const char *top = op == '*' ? " x " : op == '/' ? " / " : op == '+' ? " + " : " - ";
	r.f = xasprintf("%s%c%s", fa, op, fb);
	r.t = xasprintf("%s%s%s", a.prec < na ? "(" : "", a.t, a.prec < na ? ")" : "");
	{
		char *t2 = xasprintf("%s%s%s%s%s", r.t, top, b.prec < nb ? "(" : "", b.t,
				     b.prec < nb ? ")" : "");
		free(r.t);
		r.t = t2;
	}
	free(fa);
	free(fb);
	r.prec = na == 1 ? 1 : 2;
	r.refs = a.refs + b.refs;
	r.ok = a.ok && b.ok;
	r.v = dec_zero();
	if (r.ok) {
		switch (op) {
		case '*':
			r.ok = dec_mul(a.v, b.v, &r.v) == 0;
			break;
		case '/':
			r.ok = dec_div(a.v, b.v, &r.v) == 0;
			break;
		case '+':
			r.v = dec_add(a.v, b.v);
			break;
		default:
			r.v = dec_sub(a.v, b.v);
		}
	}
	x_free(&a);
	x_free(&b);
	return r;
}


/* MAX or MIN of n: "MAX(a,b)" in the formula, "max(a, b)" in the basis. */
static struct x x_ext(const char *fn, struct x *xs, size_t n)
{
	bool is_max = strcmp(fn, "MAX") == 0;
	struct x r = {xasprintf("%s(", fn), xstrdup(is_max ? "max(" : "min("), xs[0].v, 3, 0, true};
	for (size_t k = 0; k < n; k++) {
		char *f = xasprintf("%s%s%s", r.f, k ? "," : "", xs[k].f);
		char *t = xasprintf("%s%s%s", r.t, k ? ", " : "", xs[k].t);
		free(r.f);
		free(r.t);
		r.f = f;
		r.t = t;
		int c = dec_cmp(xs[k].v, r.v);
		if (is_max ? c > 0 : c < 0)
			r.v = xs[k].v;
		r.refs += xs[k].refs;
		r.ok = r.ok && xs[k].ok;
		x_free(&xs[k]);
	}
	char *f = xasprintf("%s)", r.f), *t = xasprintf("%s)", r.t);
	free(r.f);
	free(r.t);
	r.f = f;
	r.t = t;
	return r;
}

/* The expression that made a quantity, as a formula, a basis and a value. */
static struct x fmt_qty(struct budget *bg, const struct qty *q)
{
	struct x xs[8];
	switch (q->op) {
	case QTY_NUM:
		return x_num(q->v);
	case QTY_INPUT:
		return x_in(bg, input_of(bg, q));
	case QTY_ADD:
		return x_bin(fmt_qty(bg, q->args[0]), fmt_qty(bg, q->args[1]), '+');
	case QTY_SUB:
		return x_bin(fmt_qty(bg, q->args[0]), fmt_qty(bg, q->args[1]), '-');
	case QTY_MUL:
		return x_bin(fmt_qty(bg, q->args[0]), fmt_qty(bg, q->args[1]), '*');
	case QTY_DIV:
		return x_bin(fmt_qty(bg, q->args[0]), fmt_qty(bg, q->args[1]), '/');
	case QTY_MAX:
	case QTY_MIN: {
		size_t n = q->nargs < 8 ? q->nargs : 8;
		for (size_t k = 0; k < n; k++)
			xs[k] = fmt_qty(bg, q->args[k]);
		struct x r = x_ext(q->op == QTY_MAX ? "MAX" : "MIN", xs, n);
		r.ok = r.ok && n == q->nargs;
		return r;
	}
	case QTY_STEP: {
		/* IF(x>=threshold,hi,lo), shown as "label <value>" */
		char th[DEC_BUFSZ], v[DEC_BUFSZ];
		struct x c = fmt_qty(bg, q->args[0]), hi = fmt_qty(bg, q->args[1]),
			 lo = fmt_qty(bg, q->args[2]);
		dec_format_trim(q->threshold, th, sizeof(th));
		bool up = dec_cmp(c.v, q->threshold) >= 0;
		struct x r = {xasprintf("IF(%s>=%s,%s,%s)", c.f, th, hi.f, lo.f),
			      xasprintf("%s %s", q->label, dec_format_trim(up ? hi.v : lo.v, v,
									    sizeof(v))),
			      up ? hi.v : lo.v, 3, c.refs + hi.refs + lo.refs,
			      c.ok && hi.ok && lo.ok};
		x_free(&c);
		x_free(&hi);
		x_free(&lo);
		return r;
	}
	}
	return (struct x){xstrdup(""), xstrdup(""), dec_zero(), 3, 0, false};
}

/* ---- free-tier allowances ------------------------------------------------ */

/* quantity = -IF(free tier on, MIN(sum of the pool's quantities, cap), 0) */
static void allowance(struct budget *bg, size_t li, bool on)
{
	struct budget_line *bl = &bg->lines[li];
	const struct cost_line *l = bl->line;
	enum free_pool p = l->pool;
	bool is_new;
	if (p == POOL_NONE || p >= POOL_COUNT)
		return;
	const struct free_pool_spec *fp = &FREE_POOLS[p];
	long cap = fp->cap;
	char *note = xasprintf("AWS always-free allowance: %s a month (%s). Applies when the "
			       "free-tier switch is on.",
			       l->name, fp->source);
	int ci = input_add(bg, "", fp->key, IN_FACT, fp->key_unit, note, &is_new);
	free(note);
	bg->in[ci].value = dec_from_int(cap);

	dec sum = dec_zero();
	char *refs = xstrdup("");
	for (size_t j = 0; j < bg->nlines; j++) {
		const struct budget_line *c = &bg->lines[j];
		if (c->line->pool != p || c->line->free_tier)
			continue;
		bl->pool = xrealloc(bl->pool, (bl->npool + 1) * sizeof(size_t));
		bl->pool[bl->npool++] = j;
		sum = dec_add(sum, c->line->quantity);
		char *r = budget_ref(budget_line_row(j), LINE_COL_QTY, true);
		char *n = xasprintf("%s%s%s", refs, refs[0] ? "," : "", r);
		free(r);
		free(refs);
		refs = n;
	}
	dec want = dec_neg(dec_min(sum, dec_from_int(cap)));
	if (!on)
		want = dec_zero();
	dec got = on ? l->quantity : dec_zero();
	if (bl->npool == 0 || dec_cmp(want, got) != 0 || strlen(refs) > 4000) {
		free(refs);
		return; /* not explained: stays a fixed number */
	}
	char *ft = budget_input_ref(bg, bg->in_free_tier), *capr = budget_input_ref(bg, ci);
	bl->qty_formula = xasprintf("-IF(%s,MIN(SUM(%s),%s),0)", ft, refs, capr);
	free(bl->basis);
	bl->basis = xasprintf("minus min(%zu line%s' quantity, %ld) while the free tier is on",
			      bl->npool, bl->npool == 1 ? "" : "s", cap);
	bl->cap_input = ci;
	free(ft);
	free(capr);
	free(refs);
}

/* ---- building ------------------------------------------------------------ */

static int price_index(struct budget *bg, const struct price_entry *e)
{
	if (!e)
		return -1;
	for (size_t i = 0; i < bg->nprices; i++)
		if (bg->prices[i].e == e)
			return (int)i;
	size_t row = TABLE_FIRST_ROW;
	if (bg->nprices) {
		const struct budget_price *last = &bg->prices[bg->nprices - 1];
		row = last->row + (last->e->ntiers ? last->e->ntiers : 1);
	}
	bg->prices = xrealloc(bg->prices, (bg->nprices + 1) * sizeof(*bg->prices));
	bg->prices[bg->nprices].e = e;
	bg->prices[bg->nprices].row = row;
	return (int)bg->nprices++;
}

static void add_item_lines(struct budget *bg, const struct cost_item *it, bool template_off)
{
	size_t first = bg->nlines;
	for (size_t j = 0; j < it->n; j++) {
		const struct cost_line *l = &it->lines[j];
		bg->lines = xrealloc(bg->lines, (bg->nlines + 1) * sizeof(*bg->lines));
		struct budget_line *bl = &bg->lines[bg->nlines++];
		memset(bl, 0, sizeof(*bl));
		bl->item = it;
		bl->line = l;
		bl->item_first = first;
		bl->first_of_item = j == 0;
		bl->last_of_item = j + 1 == it->n;
		bl->cap_input = -1;
		bl->cached_zero = template_off;
		bl->price = price_index(bg, l->price);
		bl->category = it->category;
		if (l->free_tier) {
			bl->kind = LK_ALLOWANCE;
			bl->category = FREE_POOLS[l->pool].category;
		} else if (!l->price && !l->usage_based) {
			bl->kind = LK_FREE;
		} else {
			bl->kind = l->usage_based ? LK_USAGE : LK_FIXED;
		}
	}
}

/*
 * A unit price the pricer scaled (Fargate Spot's spot_discount, a Compute
 * Savings Plan's discount_rate): Prices x the line's price factor (1 - the
 * discount input), when that gives the engine's unit price exactly.
 */
static void adjusted_price(struct budget *bg, struct budget_line *bl)
{
	const struct cost_line *l = bl->line;
	dec want;
	bl->adjusted = true;
	if (!l->price_factor || bl->price < 0 || bg->prices[bl->price].e->ntiers > 1)
		return;
	struct x f = fmt_qty(bg, l->price_factor);
	if (f.ok && dec_mul(price_entry_unit_price(l->price), f.v, &want) == 0 &&
	    dec_cmp(want, l->unit_price) == 0) {
		char *p = budget_ref((int)bg->prices[bl->price].row, PRICE_COL_PRICE, true);
		char *ff = wrap(&f, 2);
		bl->price_formula = xasprintf("%s!%s*%s", SHEET_PRICES, p, ff);
		free(ff);
		free(p);
	}
	x_free(&f);
}

static void explain(struct budget *bg, size_t li)
{
	struct budget_line *bl = &bg->lines[li];
	const struct cost_line *l = bl->line;
	char buf[DEC_BUFSZ];

	if (bl->kind == LK_FREE) {
		bl->basis = xstrdup("free");
		return;
	}
	if (bl->kind == LK_ALLOWANCE) {
		bl->basis = xstrdup("fixed by costplan (no formula)");
		allowance(bg, li, !bl->cached_zero);
		if (!bl->qty_formula)
			bg->no_formula++;
		return;
	}
	if (l->price && dec_cmp(l->unit_price, price_entry_unit_price(l->price)) != 0)
		adjusted_price(bg, bl);
	struct x q = l->qty ? fmt_qty(bg, l->qty)
			    : (struct x){xstrdup(""), xstrdup(""), dec_zero(), 3, 0, false};
	/* the safety net: the formula must give the engine's own quantity */
	dec diff = dec_sub(q.v, l->quantity);
	if (dec_cmp(diff, dec_zero()) < 0)
		diff = dec_neg(diff);
	if (!q.ok || dec_cmp(diff, dec_from_scaled(1, 9)) > 0) {
		bl->basis = xasprintf("fixed by costplan (no formula): %s",
				      dec_format_trim(l->quantity, buf, sizeof(buf)));
		bg->no_formula++;
	} else if (q.refs == 0) {
		bl->basis = xasprintf("%s per resource", q.t);
	} else {
		bl->qty_formula = xstrdup(q.f);
		bl->basis = xstrdup(q.t);
	}
	x_free(&q);
}

void budget_build(struct budget *bg, const struct breakdown *b, const struct breakdown *ft,
		  dec growth)
{
	bool is_new;
	memset(bg, 0, sizeof(*bg));
	bg->b = b;
	bg->total = b->total;
	bg->guide_claim = dec_from_int(100);
	breakdown_by_category(b, bg->by_category);

	bg->in_hours = input_add(bg, "", "hours_per_month", IN_NUMBER, "hours",
				 "Hours in a billing month: AWS prices a month as 730 hours "
				 "(8,760 / 12). Every always-on line scales with it.",
				 &is_new);
	bg->in[bg->in_hours].value = dec_from_int(HOURS_PER_MONTH);
	bg->in_growth = input_add(bg, "", "monthly_growth", IN_PERCENT, "per month",
				  "Growth of every usage figure per month, used by the Projection "
				  "sheet (fixed costs stay fixed). Set with costplan export --growth.",
				  &is_new);
	bg->in[bg->in_growth].value = growth;
	bg->in_free_tier = input_add(bg, "", "free_tier", IN_BOOL, "TRUE/FALSE",
				     "Apply the AWS always-free allowances (TRUE) or not (FALSE, an "
				     "account whose allowance is spent elsewhere).",
				     &is_new);
	bg->in[bg->in_free_tier].on = b->free_tier;

	const struct cost_item *tmpl = NULL;
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		if (it->n == 0)
			continue;
		add_item_lines(bg, it, false);
	}
	/* no allowance block: borrow the free-tier pricing's, switched off */
	if (!breakdown_item(b, "free_tier") && ft && ft != b) {
		tmpl = breakdown_item(ft, "free_tier");
		if (tmpl)
			add_item_lines(bg, tmpl, true);
	}
	/* inputs in the order the lines need them, grouped by resource */
	for (size_t i = 0; i < bg->nlines; i++) {
		struct budget_line *bl = &bg->lines[i];
		if (bl->first_of_item)
			for (size_t k = 0; k < bl->item->nlabels; k++)
				in_label(bg, &bl->item->labels[k]);
		explain(bg, i);
	}
}

void budget_release(struct budget *bg)
{
	for (size_t i = 0; i < bg->nin; i++) {
		free(bg->in[i].resource);
		free(bg->in[i].key);
		free(bg->in[i].text);
		free(bg->in[i].unit);
		free(bg->in[i].note);
	}
	free(bg->in);
	for (size_t i = 0; i < bg->nlines; i++) {
		free(bg->lines[i].qty_formula);
		free(bg->lines[i].price_formula);
		free(bg->lines[i].basis);
		free(bg->lines[i].pool);
	}
	free(bg->lines);
	free(bg->prices);
	memset(bg, 0, sizeof(*bg));
}

/* ---- cost formulas -------------------------------------------------------- */

static bool is_ref(const char *q)
{
	for (const char *p = q; *p; p++)
		if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$!' ", *p))
			return false;
	return true;
}

static char *prices_cell(size_t row, int col)
{
	char *r = budget_ref((int)row, col, true);
	char *s = xasprintf("%s!%s", SHEET_PRICES, r);
	free(r);
	return s;
}

char *budget_cost_formula(const struct budget *bg, size_t i, const char *qty)
{
	const struct budget_line *bl = &bg->lines[i];
	if (bl->price < 0)
		return NULL;
	const struct budget_price *bp = &bg->prices[bl->price];
	const struct price_entry *e = bp->e;
	char *q = is_ref(qty) ? xstrdup(qty) : xasprintf("(%s)", qty);
	char *out;
	if (e->ntiers <= 1) {
		char *r = budget_ref(budget_line_row(i), LINE_COL_PRICE, true);
		out = xasprintf("ROUND(ROUND(%s*'%s'!%s,9),2)", q, SHEET_LINES, r);
		free(r);
		free(q);
		return out;
	}
	/* tier by tier: each unit priced by the tier it falls in */
	bool neg = bl->kind == LK_ALLOWANCE;
	char *qq = neg ? xasprintf("(-%s)", q) : xstrdup(q);
	char *sum = xstrdup("");
	for (size_t k = 0; k < e->ntiers; k++) {
		char *from = prices_cell(bp->row + k, PRICE_COL_FROM);
		char *to = prices_cell(bp->row + k, PRICE_COL_TO);
		char *pr = prices_cell(bp->row + k, PRICE_COL_PRICE);
		char *term = e->tiers[k].end_inf
				     ? xasprintf("MAX(%s-%s,0)*%s", qq, from, pr)
				     : xasprintf("MIN(MAX(%s-%s,0),%s-%s)*%s", qq, from, to, from, pr);
		char *n = xasprintf("%s%s%s", sum, k ? "+" : "", term);
		free(sum);
		sum = n;
		free(term);
		free(from);
		free(to);
		free(pr);
	}
	out = neg ? xasprintf("ROUND(ROUND(-(%s),9),2)", sum) : xasprintf("ROUND(ROUND(%s,9),2)", sum);
	free(sum);
	free(qq);
	free(q);
	return out;
}

int budget_line_cost(const struct budget *bg, size_t i, dec qty, dec *cents)
{
	const struct budget_line *bl = &bg->lines[i];
	dec c = dec_zero();
	if (bl->price < 0) {
		/* no price: $0 */
	} else if (bg->prices[bl->price].e->ntiers <= 1) {
		/* the line's own unit price (adjusted ones included) */
		if (dec_mul(qty, bl->line->unit_price, &c) != 0)
			return -1;
	} else if (price_entry_cost(bg->prices[bl->price].e, qty, &c) != 0) {
		return -1;
	}
	*cents = dec_round_cents(c);
	return 0;
}
