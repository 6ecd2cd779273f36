/*
 * breakdown.h - a priced scenario: resources, their cost lines, the total.
 *
 * This is the one result every report renders (table, JSON, CSV, markdown,
 * xlsx, HTML). Each line keeps its exact cost and the cents it displays;
 * totals are sums of displayed cents, so every displayed total equals the
 * sum of its displayed lines (DESIGN.md, "Money").
 *
 * Ownership: struct breakdown owns its items, lines and strings; release it
 * with breakdown_release(). price pointers are borrowed from the catalog,
 * which must outlive the breakdown.
 */
#ifndef COSTPLAN_BREAKDOWN_H
#define COSTPLAN_BREAKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "util/decimal.h"
#include "model/schema.h"
#include "pricing/catalog.h"

#define HOURS_PER_MONTH 730

struct cost_line {
	char *name;        /* "Fargate vCPU (x86)" */
	char *unit;        /* "vCPU-hours" */
	dec quantity;
	dec unit_price;    /* price of the first tier reached */
	dec cost;          /* exact */
	dec cost_cents;    /* rounded half away from zero: displayed and summed */
	bool usage_based;  /* quantity comes from usage figures */
	bool has_usage;    /* usage_based and a figure was given */
	bool tiered;       /* priced through more than one tier */
	bool free_tier;    /* a free-tier allowance (negative) */
	const struct price_entry *price; /* NULL for lines that cost nothing */
	char *note;        /* optional explanation, or NULL */
};

struct cost_item {
	char *address;
	char *type;
	const char *title; /* static */
	enum category category;
	bool free;         /* a free bookkeeping resource */
	int count;
	struct cost_line *lines;
	size_t n;
	dec total; /* sum of lines' cost_cents */
};

struct breakdown {
	char *scenario;
	char *region;
	char *pricing_dir;
	bool free_tier;
	struct cost_item *items;
	size_t n;
	dec total;
	char **warnings;
	size_t nwarn;
	char **notes; /* copied from the scenario (overlays applied...) */
	size_t nnotes;
	char *published_min; /* oldest publication date among prices used */
	char *published_max; /* newest */
	char *source;        /* "AWS Price List Bulk API format snapshot, pricing/aws/us-east-1" */
};

void breakdown_release(struct breakdown *b);
void breakdown_warn(struct breakdown *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Totals per category; out must have room for CAT_FREE + 1 entries. */
void breakdown_by_category(const struct breakdown *b, dec *out);
/* The item with this address, or NULL. */
const struct cost_item *breakdown_item(const struct breakdown *b, const char *address);

#endif
