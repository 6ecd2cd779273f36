/*
 * catalog.h - the prices costplan knows, by region and offer.
 *
 * A catalog points at a snapshot folder (pricing/ by default) laid out as
 * aws/<region>/<OfferCode>.csv (or .json). Offers are loaded lazily, on the
 * first lookup that needs them, through the offer readers (offer.h); only
 * OnDemand rows of the requested region are kept, grouped by SKU into tiers.
 *
 * Lookups name an offer, an optional product family, a usage-type suffix
 * matched anchored with an optional billing prefix
 * ("^([A-Z0-9]+-)?NatGateway-Hours$"; AWS KMS prefixes the region code
 * itself, "us-east-1-KMS-Keys", which counts as a prefix too), and
 * attribute filters by CSV column name. A lookup that finds nothing prints
 * an error naming region, offer and usage type, with the command that
 * fetches the price.
 *
 * Lookups are indexed: each loaded offer keeps a hash from usage type (in
 * full, and with its billing prefix stripped) to its entries, and one from
 * product family, built on the first lookup; a query only tests those
 * candidates. COSTPLAN_CATALOG_SCAN=1 in the environment tests every entry
 * instead, as the catalog did before the index (for benchmarks and tests).
 *
 * Ownership: the catalog owns every entry and string it hands out; they
 * live until catalog_free().
 */
#ifndef COSTPLAN_CATALOG_H
#define COSTPLAN_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "util/decimal.h"

struct price_tier {
	dec begin;
	dec end;
	bool end_inf;
	dec price;
};

struct offer_source; /* one loaded file */
struct catalog_index; /* catalog.c: lookup hashes of one loaded file */

struct price_entry {
	const struct offer_source *src;
	char *sku;
	char *family;
	char *usage_type;
	char *unit;
	char *description;
	char *effective_date;
	char *source;    /* where the figure comes from (costplanSource, or the API) */
	char *published; /* YYYY-MM-DD the figure is valid: costplanValidDate, else
			    the file's publication date */
	char **attr_names;
	char **attr_values;
	size_t nattr;
	void *mem; /* one block holding the strings above and the attr arrays */
	struct price_tier *tiers; /* sorted by begin */
	size_t ntiers;
	int line; /* line of the first row in the file */
};

struct offer_source {
	char *region;
	char *offer;
	char *path; /* NULL when no file exists */
	char *published;
	char *version;
	int status; /* 0 loaded; otherwise the exit code of the failed load */
	struct price_entry *entries;
	size_t n, cap;
	struct catalog_index *index; /* built on the first lookup */
};

struct catalog {
	char *dir;
	struct offer_source **srcs;
	size_t n;
};

#define PRICE_QUERY_MAX_ATTRS 6

struct price_query {
	const char *offer;  /* "AmazonEC2" */
	const char *family; /* "NAT Gateway", or NULL for any */
	const char *usage;  /* usage-type suffix, "NatGateway-Hours"; NULL for any */
	const char *attrs[PRICE_QUERY_MAX_ATTRS][2]; /* {column, value}, NULL-ended */
	const char *exclude; /* usage types containing this are skipped, or NULL */
};

/* New catalog over dir (copied). Never fails; files are read on demand. */
struct catalog *catalog_new(const char *dir);
void catalog_free(struct catalog *c);

/*
 * Load (once) and return an offer's prices for a region. Returns 0 or an
 * exit code (the error was printed). A missing file is CP_EXIT_DATA with a
 * message telling how to fetch it.
 */
int catalog_offer(struct catalog *c, const char *region, const char *offer,
		  struct offer_source **out);

/*
 * Find exactly one price. Returns 0 with *out set, or an exit code after
 * printing what was missing (and how to get it). Two matches are an error
 * too: the snapshot is ambiguous.
 */
int catalog_find(struct catalog *c, const char *region, const struct price_query *q,
		 const struct price_entry **out);
/* Same, silent, for optional prices: returns NULL when absent. */
const struct price_entry *catalog_try(struct catalog *c, const char *region,
				      const struct price_query *q);

/* Does usage type `ut` end in `suffix` after an optional "PREFIX-"
 * (PREFIX a billing code [A-Z0-9]+, or a region code such as us-east-1)? */
bool usage_type_matches(const char *ut, const char *suffix);
/* The usage type without its billing prefix ("EU-NatGateway-Hours" ->
 * "NatGateway-Hours"), a pointer into ut; ut itself when it has none. */
const char *usage_type_strip(const char *ut);
/* Is a SKU one of the snapshot's placeholders (not AWS's)? They start
 * with CATALOG_PLACEHOLDER_SKU_PREFIX. */
#define CATALOG_PLACEHOLDER_SKU_PREFIX "CP"
bool catalog_sku_is_placeholder(const char *sku);

/*
 * A price's unit as costplan shows it, the same way as its own lines:
 * time spelled out in lower case ("Hrs" -> "hours", "GB-Mo" -> "GB-months",
 * "NLCU-Hrs" -> "NLCU-hours") and counted things in lower case
 * ("Requests" -> "requests"); GB and the like unchanged. The JSON outputs
 * keep AWS's own spelling. Into buf; returns buf.
 */
const char *price_unit_display(const char *raw, char *buf, size_t size);

/* The price of the first tier (the only one for untiered prices). */
dec price_entry_unit_price(const struct price_entry *e);
/* Value of an attribute column, or NULL. */
const char *price_entry_attr(const struct price_entry *e, const char *name);

/*
 * Cost of qty units through the entry's tiers (each unit priced by the tier
 * it falls in). Returns 0, or -1 on overflow or when the cost reaches
 * PRICE_COST_MAX: no real monthly line comes near it, and the limit keeps
 * every total (at most 20000 resources of a few lines each) exact.
 */
#define PRICE_COST_MAX 1000000000000000LL /* USD 10^15 */
int price_entry_cost(const struct price_entry *e, dec qty, dec *cost);

/* Is there an offer file (CSV or JSON) for this region and offer? */
bool catalog_offer_exists(const struct catalog *c, const char *region, const char *offer);

/* Add the region folders of the snapshot dir (aws/<region>, region-shaped
 * names only) to *out (n of them), each once. */
void catalog_regions_add(const char *dir, char ***out, size_t *n);
void catalog_regions_sort(char **regions, size_t n);
/* The regions of dir, sorted (caller frees each and the array). */
char **catalog_regions(const char *dir, size_t *n);

/* Does the snapshot folder have prices for this region? */
bool catalog_has_region(const struct catalog *c, const char *region);

/* The offers costplan reads, NULL-terminated. */
extern const char *const CATALOG_OFFERS[];

#endif
