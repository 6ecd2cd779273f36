/*
 * elasticache_cluster.c - ElastiCache clusters (aws_elasticache_cluster):
 * a Memcached cluster of num_cache_nodes nodes, or a single-node Redis OSS
 * or Valkey cluster.
 *
 * Nodes are billed per node-hour by node type and engine (AWS ElastiCache
 * pricing page). A cluster that is a member of a replication group
 * (replication_group_id) takes its nodes from the group, which prices them:
 * it is free here, so nothing is counted twice. Redis and Valkey keep one
 * backup free; the others are billed per GB-month.
 */
#include <stdio.h>
#include <string.h>

#include "cost/types/common.h"

static const char *const ENGINE[] = {"memcached", "redis", "valkey", NULL};
static const char *const NODE[] = {"cache.t3.micro", "cache.t3.small", "cache.t4g.micro",
				   "cache.t4g.small", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "cluster_id", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "engine", .kind = ATTR_ENUM, .def = "memcached", .choices = ENGINE,
	 .doc = "memcached, redis or valkey"},
	{.name = "engine_version", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "node_type", .kind = ATTR_ENUM, .def = "", .choices = NODE,
	 .doc = "required unless replication_group_id is set"},
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
	.price = price,
};
