/*
 * diff.h - what a change does to the monthly bill: two priced sides
 * matched resource by resource, totals, percentage, and the guardrails
 * that fail a pull request over budget.
 *
 * Rows follow the head side's order, then resources only the base has.
 * The change kind comes from the plan's actions when both sides are one
 * plan's before and after; otherwise it is inferred (only in head: create,
 * only in base: delete, in both with different lines: update).
 * Money is exact: every figure is a sum of displayed cents.
 *
 * Ownership: struct diff borrows both sides (they must outlive it) and
 * owns its rows; release it with diff_release().
 */
#ifndef COSTPLAN_DIFF_H
#define COSTPLAN_DIFF_H

#include <jansson.h>
#include <stdbool.h>

#include "cost/side.h"

enum change {
	CH_NOOP,
	CH_CREATE,
	CH_UPDATE,
	CH_REPLACE,
	CH_DELETE,
};

struct diff_row {
	const char *address; /* borrowed from a side's item */
	const char *type;
	const struct cost_item *before, *after; /* NULL when absent on that side */
	enum change change;
	dec before_cost, after_cost, delta;
};

struct diff_unpriced {
	const struct unpriced *u; /* borrowed */
	const char *action;            /* "create" ... or NULL */
};

struct diff {
	const struct side *base, *head;
	char *title;   /* "plan.json" or "base.json -> head.json" */
	struct diff_row *rows;
	size_t n;
	dec before, after, delta;
	bool has_percent; /* base total is not zero */
	dec percent;      /* delta / before x 100, rounded to 0.1 */
	struct diff_unpriced *unpriced; /* head's, then base-only ones */
	size_t nunpriced;
	char **warnings; /* head's, then base-only ones (borrowed) */
	size_t nwarn;
	char published[64];   /* "A" or "A to B"; "" when no list price was used */
	char prices_valid[96]; /* "prices valid A to B" / "no list price used" */
	int nchanged;  /* rows whose cost changed */
	int nzero;     /* rows changed by the plan but not in cost */
	int nshown;    /* rows the tables list (diff_row_shown) */
};

/* Is the row listed in the tables: its cost changes, or the resource is
 * new or removed (even at $0: a new resource never hides among the
 * unchanged ones)? */
bool diff_row_shown(const struct diff_row *r);

/* actions: Terraform address -> action (plan.h), or NULL to infer. */
void diff_compute(const struct side *base, const struct side *head, json_t *actions,
		  const char *title, struct diff *out);
void diff_release(struct diff *d);

const char *change_name(enum change c);   /* "create", "update" ... */
const char *change_label(enum change c);  /* "added", "changed", "replaced", "removed" */
const char *change_symbol(enum change c); /* "+", "~", "-/+", "-", " " */

/* "Monthly cost will increase by $12.34 (+5.6%)" and the like. */
void diff_headline(const struct diff *d, char *buf, size_t size);

/* Each component line of a row, matched by name: after's order, then lines
 * only before has. Either line may be NULL. */
typedef void (*diff_line_fn)(const struct cost_line *before, const struct cost_line *after,
			     void *ctx);
void diff_lines(const struct diff_row *r, diff_line_fn fn, void *ctx);

/* Guardrails (DESIGN.md exit code 1). */
struct guardrails {
	bool usd_set, pct_set, budget_set;
	dec usd;    /* --fail-above-usd: monthly increase above this fails */
	dec pct;    /* --fail-above-percent */
	dec budget; /* --budget: new monthly total above this fails */
};

/* 1 and a one-line reason when a guardrail trips; 0 otherwise. */
int diff_guardrails(const struct diff *d, const struct guardrails *g, char *reason, size_t size);

/* Money with a sign: "+$12.34", "-$1.00", "$0.00". */
char *dec_format_usd_signed(dec a, char *buf, size_t size);
/* "+5.6%" / "-3.0%". */
char *percent_text(dec p, char *buf, size_t size);

#endif
