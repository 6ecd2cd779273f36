/*
 * elasticache_cluster.c - ElastiCache clusters (aws_elasticache_cluster):
 * a Memcached cluster of num_cache_nodes nodes, or a single-node Redis OSS
 * or Valkey cluster.
 *
 * Nodes are billed per node-hour by node type and engine (AWS ElastiCache
 * pricing page, https://aws.amazon.com/elasticache/pricing/); any node
 * type priced in the region for the engine is accepted (offered.h). A
 * cluster that is a member of a replication group
 * (replication_group_id) takes its nodes from the group, which prices them:
 * it is free here, so nothing is counted twice. Redis and Valkey keep one
 * backup free; the others are billed per GB-month.
 */
#include <stdio.h>
#include <string.h>

#include "cost/types/common.h"

static const char *const ENGINE[] = {"memcached", "redis", "valkey", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "cluster_id", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "engine", .kind = ATTR_ENUM, .def = "memcached", .choices = ENGINE,
	 .doc = "memcached, redis or valkey"},
	{.name = "engine_version", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "node_type", .kind = ATTR_STRING, .def = "",
	 .doc = "any node type priced in the region; required unless replication_group_id is set"},
	{.name = "num_cache_nodes", .kind = ATTR_INT, .def = "1", .min = 1, .max = 40,
	 .doc = "nodes (Redis and Valkey: 1)", .unit = "nodes"},
	{.name = "replication_group_id", .kind = ATTR_STRING, .def = "",
	 .doc = "member of a replication group, which prices the nodes"},
	{.name = "snapshot_retention_limit", .kind = ATTR_INT, .def = "0", .max = 35,
	 .doc = "days (Redis and Valkey)", .unit = "snapshots kept"},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"snapshot_storage_size_gb", "GB", "GB per snapshot"},
	USAGE_END,
};

static bool member(const struct resource *r)
{
	return res_str(r, "replication_group_id")[0] != '\0';
}

static void check(struct check_ctx *c, const struct resource *r)
{
	const char *engine = res_str(r, "engine");
	if (member(r))
		return;
	if (!res_str(r, "node_type")[0])
		check_fail(c, "node_type", "node_type is required (or set replication_group_id)");
	if (strcmp(engine, "memcached") && res_int(r, "num_cache_nodes") != 1)
		check_fail(c, "num_cache_nodes",
			   "a %s cluster has 1 node; use aws_elasticache_replication_group for "
			   "replicas",
			   engine);
	if (!strcmp(engine, "memcached") && res_int(r, "snapshot_retention_limit") > 0)
		check_fail(c, "snapshot_retention_limit", "Memcached clusters take no snapshots");
	if (elasticache_data_tiering_node(res_str(r, "node_type")))
		check_fail(c, "node_type",
			   "data-tiering nodes (cache.r6gd) run only in replication groups: use "
			   "aws_elasticache_replication_group with data_tiering_enabled = true");
}

/* A plan holds what check() refuses: not priced, with the reason. */
static void plan_check(struct plan_map *m)
{
	json_t *v = plan_map_values(m);
	const char *e = json_string_value(json_object_get(v, "engine"));
	const char *rg = json_string_value(json_object_get(v, "replication_group_id"));
	const char *nt = json_string_value(json_object_get(v, "node_type"));
	if (rg && rg[0])
		return;
	if (nt && elasticache_data_tiering_node(nt))
		plan_map_not_priced(m, "a cache.r6gd node type outside a replication group");
	if (e && strcmp(e, "memcached") && plan_map_body_int(m, "num_cache_nodes") > 1)
		plan_map_not_priced(m, "a %s cluster with more than one node", e);
}

static void choices(struct choice_list *l)
{
	elasticache_choices(l, true);
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	char name[128], usage[96];
	const char *e = res_str(r, "engine");
	const char *engine = !strcmp(e, "valkey") ? "Valkey" : !strcmp(e, "redis") ? "Redis"
										 : "Memcached";
	if (member(r)) {
		pricer_free_line(p, "Nodes", "priced with its replication group");
		return;
	}
	pricer_selects(p, r, "node_type");
	pricer_selects(p, r, "engine");
	pq_cache_node(&q, usage, sizeof(usage), res_str(r, "node_type"), engine);
	if (!elasticache_node_offered(p, r, engine, &q))
		return;
	snprintf(name, sizeof(name), "%ld x %s (%s)", res_int(r, "num_cache_nodes"),
		 res_str(r, "node_type"), engine);
	pricer_line(p, name, "node-hours", q_mul(p, q_attr(p, r, "num_cache_nodes"), q_hours(p)),
		    &q);
	elasticache_snapshots(p, r);
}

const struct type_spec aws_elasticache_cluster_type = {
	.type = "aws_elasticache_cluster",
	.title = "ElastiCache cluster",
	.category = CAT_DATA,
	.attrs = ATTRS,
	.usage = USAGE,
	.check = check,
	.plan_check = plan_check,
	.price = price,
	.choices = choices,
};
