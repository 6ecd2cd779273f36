/*
 * filter.h - which rows of an AWS offer file costplan keeps.
 *
 * A price refresh (pricing fetch / pricing import) keeps only the rows the
 * pricers in src/cost/price_*.c can look up: OnDemand terms in USD, of the
 * region asked for, whose offer, product family, usage-type suffix
 * (anchored, optional billing prefix: AWS doc "AWS Region billing codes") and a few attributes
 * match one rule of the table in filter.c. The table is the mirror of the
 * pricers' price_query values; change both together.
 *
 * Speed: each offer also has "needles", literal strings at least one of
 * which appears in the raw bytes of any row the filter can keep. The CSV
 * scanner (csv_scan.h) drops records containing no needle without parsing
 * them, which is what makes a 450 MB AmazonEC2 file cheap.
 *
 * Ownership: a filter is created by price_filter_new and freed by
 * price_filter_free; the strings it returns are static.
 */
#ifndef COSTPLAN_FILTER_H
#define COSTPLAN_FILTER_H

#include <stdbool.h>

#include "pricing/offer.h"

struct price_filter;

/* Is this an offer costplan prices (CATALOG_OFFERS)? */
bool price_filter_known_offer(const char *offer);

/*
 * A filter for one offer and region (NULL: any region). Returns NULL for an
 * offer costplan does not price.
 */
struct price_filter *price_filter_new(const char *offer, const char *region);
void price_filter_free(struct price_filter *f);

/*
 * Look the columns up in a header (call once per file, before rows).
 * Returns 0, or -1 when a column the filter needs is missing ("TermType",
 * "usageType", "Product Family"); *missing names it.
 */
int price_filter_bind(struct price_filter *f, const struct offer_header *hdr,
		      const char **missing);

/* Keep this row? (price_filter_bind must have been called with its header.) */
bool price_filter_row(const struct price_filter *f, const struct offer_row *row);

/* The row's region (Region Code), or "" when the file has none. */
const char *price_filter_row_region(const struct price_filter *f, const struct offer_row *row);

/* NULL-terminated needle literals for the offer (see above). */
const char *const *price_filter_needles(const struct price_filter *f);

#endif
