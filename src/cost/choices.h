/*
 * choices.h - what a resource type can be priced as in a region: the
 * engines, classes and deployments the snapshot holds, each with its
 * price. `costplan types TYPE --region R` lists them, and a pricer names
 * the nearest ones when a class is missing.
 *
 * A type offers them through its type_spec.choices hook, which calls
 * choices_add_prices() with the price query of its main line and the
 * attribute columns that tell the choices apart.
 *
 * Ownership: the list owns its strings; release with choices_release().
 * Price entries are borrowed from the catalog.
 */
#ifndef COSTPLAN_CHOICES_H
#define COSTPLAN_CHOICES_H

#include <stddef.h>

#include "pricing/catalog.h"

struct choice {
	char *what;                  /* "db.t3.micro  PostgreSQL  Single-AZ" */
	char *key;                   /* the value a user writes: "db.t3.micro" */
	const struct price_entry *e; /* its price */
};

struct choice_list {
	struct catalog *cat;
	const char *region;
	const char *heading; /* "instance_class  engine  deployment" */
	struct choice *v;
	size_t n;
	int rc; /* a price file that failed to load (printed) */
};

/*
 * Add every price of offer/family whose usage type (billing prefix
 * stripped) starts with usage_prefix; the choice's text is the values of
 * the NULL-terminated attribute columns, its key the first of them.
 * Duplicates (same text) are added once.
 */
void choices_add_prices(struct choice_list *l, const char *offer, const char *family,
			const char *usage_prefix, const char *const *columns);
/* Sort by key, then text. */
void choices_sort(struct choice_list *l);
/* Keys of the list, NULL-terminated, for nearest_word (caller frees the array). */
const char **choices_keys(const struct choice_list *l);
void choices_release(struct choice_list *l);

#endif
