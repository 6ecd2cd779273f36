/*
 * offered.h - is a class (an ElastiCache node type, an EC2 instance type,
 * an EBS volume type) priced in the region, and if not, which priced
 * classes are nearest? For the cache and compute type files.
 *
 * Classes are plain strings checked against the snapshot, not a fixed
 * list: the snapshot is the list of what AWS offers in each region. A
 * class the region's snapshot lacks is reported with pricer_unpriceable()
 * (pricer.h): a located error in a scenario, "not priced" in a plan.
 */
#ifndef COSTPLAN_TYPES_OFFERED_H
#define COSTPLAN_TYPES_OFFERED_H

#include <stdbool.h>

#include "cost/types/common.h"

/* Where the classes of one kind are in the snapshot. */
struct offered_rows {
	const char *offer;        /* "AmazonElastiCache" */
	const char *family;       /* "Cache Instance" */
	const char *usage_prefix; /* "NodeUsage:" (billing prefix stripped) */
	const char *key_column;   /* the class's column: "Instance Type" */
	const char *filter_column; /* only rows whose column has filter_value (an engine); NULL: all */
	const char *filter_value;
};

/*
 * Does q find a price? If it does, true. If not, the problem is reported at
 * attr of r (pricer_unpriceable), saying that value has no `what` price in
 * the region and naming up to three priced classes nearest to it, and
 * false is returned. A price file that fails to load fails the run
 * (p->rc set) and returns false too.
 */
bool offered(struct pricer_ctx *p, const struct resource *r, const char *attr, const char *value,
	     const char *what, const struct price_query *q, const struct offered_rows *rows);

/* Drop the choices whose price row has column == value (choices.h). */
struct choice_list;
void choices_drop(struct choice_list *l, const char *column, const char *value);

#endif
