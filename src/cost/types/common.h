/*
 * common.h - what every resource type file includes: the pricer API, the
 * plan-mapping API and the schema's shorthands.
 *
 * A type file (src/cost/types/<type or family>.c) defines one
 * `const struct type_spec <type>_type` per type and nothing else public;
 * registry.c lists them. src/README.md walks through adding one.
 */
#ifndef COSTPLAN_TYPES_COMMON_H
#define COSTPLAN_TYPES_COMMON_H

#include "cost/pricer.h"
#include "model/plan_map.h"
#include "model/scenario.h"
#include "util/error.h"

/* count is Terraform's meta-argument: n identical copies. */
#define COUNT_ATTR \
	{.name = "count", .kind = ATTR_INT, .def = "1", .max = 1000, \
	 .doc = "number of identical copies", .unit = "copies"}
#define ATTR_END {.name = NULL}
#define USAGE_END {NULL, NULL, NULL}

/* Rules a service family shares between its type files. */
void elasticache_snapshots(struct pricer_ctx *p, const struct resource *r);
struct choice_list;
bool elasticache_node_offered(struct pricer_ctx *p, const struct resource *r, const char *engine,
			      const struct price_query *q);
bool elasticache_data_tiering_node(const char *node);
void elasticache_choices(struct choice_list *l, bool memcached);

#endif
