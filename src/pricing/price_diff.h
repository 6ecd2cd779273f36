/*
 * price_diff.h - which prices differ between two snapshot folders.
 *
 * Prices are matched by region, offer, product family, usage type and the
 * attribute columns the pricers filter on (Instance Type, Database Engine,
 * Deployment Option, Cache Engine, Volume Type, Alarm Type, Transfer Type,
 * Location Type), never by SKU: the shipped snapshot's SKUs are
 * placeholders, and AWS may reissue SKUs. Each tier is compared by its
 * starting range.
 *
 * Ownership: the changes point into the two catalogs (which must outlive
 * them); the array is the caller's to free().
 */
#ifndef COSTPLAN_PRICE_DIFF_H
#define COSTPLAN_PRICE_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "pricing/catalog.h"

enum price_change_kind { PC_CHANGED, PC_ADDED, PC_REMOVED };

struct price_change {
	enum price_change_kind kind;
	const char *region;
	const char *offer;
	const struct price_entry *old_e, *new_e; /* NULL when absent */
	dec begin;	  /* tier start */
	dec end;	  /* tier end */
	bool end_inf;
	dec old_price, new_price;
};

/* Regions present under either folder (sorted, caller frees each and the array). */
char **price_diff_regions(const char *a, const char *b, size_t *n);

/*
 * Compare the offers of the given regions. Returns 0 or an exit code (a
 * file that exists but cannot be read; printed).
 */
int price_diff(struct catalog *a, struct catalog *b, char *const *regions, size_t nreg,
	       struct price_change **out, size_t *n);

/* "Instance Type=db.t3.micro, Database Engine=PostgreSQL" into buf. */
void price_diff_attrs(const struct price_entry *e, char *buf, size_t size);

#endif
