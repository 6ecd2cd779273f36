/*
 * quantity.h - a cost line's quantity, kept as the expression that made it.
 *
 * A pricer never hands the engine a bare number: it builds the quantity
 * from named inputs (hours in a month, an attribute, a list's length, a
 * usage figure, Terraform's count) with + - x / and max/min, and the
 * expression computes its exact value as it is built. The engine prices
 * that value; the spreadsheet export (report/budget.c) writes the same
 * expression as a live formula over the Assumptions sheet, and its basis
 * text ("desired_count 1 x hours_per_month 730 x cpu 256 / 1024") for
 * people. One description of each quantity, so the two cannot disagree.
 *
 * Inputs carry copies of everything a reader needs (address, key, value,
 * unit, meaning), not pointers into the scenario: a breakdown outlives the
 * scenario it was priced from.
 *
 * Ownership: nodes live in an arena (util/arena.h) owned by the breakdown
 * they belong to. Building never fails; an overflow makes the node's `ok`
 * false, and the engine refuses to price a line whose quantity is not ok.
 */
#ifndef COSTPLAN_QUANTITY_H
#define COSTPLAN_QUANTITY_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/decimal.h"

enum qty_op {
	QTY_NUM,   /* a constant */
	QTY_INPUT, /* a named input (see enum qty_input) */
	QTY_ADD,
	QTY_SUB,
	QTY_MUL,
	QTY_DIV,
	QTY_MAX,   /* of nargs operands */
	QTY_MIN,
	QTY_STEP,  /* args[0] >= threshold ? args[1] : args[2], shown as "<label> <value>" */
};

enum qty_input {
	QIN_HOURS,         /* hours in a billing month (730) */
	QIN_ATTR,          /* a numeric attribute of a resource */
	QIN_LEN,           /* how many entries a list attribute has */
	QIN_COUNT,         /* Terraform's count: copies of the resource */
	QIN_USAGE,         /* a usage figure; 0 when not given */
	QIN_USAGE_DEFAULT, /* a usage figure with costplan's assumption when not given */
};

struct qty {
	enum qty_op op;
	dec v;        /* exact value */
	bool ok;      /* no overflow anywhere below */
	bool usage;   /* depends on a usage figure */
	bool given;   /* ... at least one of which was given */
	int refs;     /* inputs referenced below */
	const struct qty **args;
	size_t nargs;
	/* QTY_INPUT */
	enum qty_input in;
	const char *address; /* the resource's, or "" for stack-wide inputs */
	const char *key;     /* attribute, usage key, "count" or "hours_per_month" */
	const char *unit;    /* static text */
	const char *doc;     /* static text: what the input means */
	const char *extra;   /* static text said beside the input, or NULL */
	/* QTY_STEP */
	dec threshold;
	const char *label;
};

const struct qty *qty_num(struct arena *a, dec v);
const struct qty *qty_int(struct arena *a, long i);
/* An input node; strings other than address are static. */
const struct qty *qty_input(struct arena *a, enum qty_input in, const char *address,
			    const char *key, dec v, bool given, const char *unit, const char *doc,
			    const char *extra);
const struct qty *qty_add(struct arena *a, const struct qty *x, const struct qty *y);
const struct qty *qty_sub(struct arena *a, const struct qty *x, const struct qty *y);
const struct qty *qty_mul(struct arena *a, const struct qty *x, const struct qty *y);
const struct qty *qty_div(struct arena *a, const struct qty *x, const struct qty *y);
/* max or min of n operands (n >= 1). */
const struct qty *qty_max(struct arena *a, const struct qty *const *xs, size_t n);
const struct qty *qty_min(struct arena *a, const struct qty *const *xs, size_t n);
/* x >= threshold ? hi : lo, shown in bases as "label <value>". */
const struct qty *qty_step(struct arena *a, const struct qty *x, dec threshold,
			   const struct qty *hi, const struct qty *lo, const char *label);

#endif
