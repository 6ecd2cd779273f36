/*
 * elasticache.c - ElastiCache replication groups (Redis OSS and Valkey).
 *
 * Nodes are billed per node-hour by node type and engine (Valkey is
 * cheaper than Redis OSS for the same node). A group without cluster mode
 * has num_cache_clusters nodes (a primary and its replicas); with cluster
 * mode, num_node_groups shards of 1 + replicas_per_node_group nodes. One
 * backup per cluster is free; the others are billed per GB-month (AWS
 * ElastiCache pricing page, https://aws.amazon.com/elasticache/pricing/).
 *
 * Any node type is accepted as written and checked against the snapshot
 * for the region and engine (offered.h): the snapshot is the list of what
 * AWS offers where. Data-tiering nodes (cache.r6gd.*) are billed per
 * node-hour like the others; AWS requires data_tiering_enabled with them
 * and only with them (ElastiCache user guide, "Data tiering").
 */
#include <stdio.h>
#include <string.h>

#include "cost/choices.h"
#include "cost/types/common.h"
#include "cost/types/offered.h"

static const char *const CACHE_ENGINE[] = {"redis", "valkey", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "engine", .kind = ATTR_ENUM, .def = "redis", .choices = CACHE_ENGINE, .doc = ""},
	{.name = "engine_version", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "node_type", .kind = ATTR_STRING,
	 .doc = "any node type priced in the region (costplan types TYPE --region R lists them)"},
	{.name = "num_cache_clusters", .kind = ATTR_INT, .def = "1", .min = 1, .max = 6,
	 .doc = "nodes (primary + replicas)", .unit = "nodes"},
	{.name = "num_node_groups", .kind = ATTR_INT, .def = "0", .max = 500,
	 .doc = "cluster mode shards (0 = off)", .unit = "shards"},
	{.name = "replicas_per_node_group", .kind = ATTR_INT, .def = "0", .max = 5,
	 .doc = "cluster mode replicas", .unit = "replicas"},
	{.name = "automatic_failover_enabled", .kind = ATTR_BOOL, .def = "false", .doc = ""},
	{.name = "multi_az_enabled", .kind = ATTR_BOOL, .def = "false", .doc = ""},
	{.name = "data_tiering_enabled", .kind = ATTR_BOOL, .def = "false",
	 .doc = "required with (and only with) cache.r6gd data-tiering nodes"},
	{.name = "at_rest_encryption_enabled", .kind = ATTR_BOOL, .def = "false", .doc = "free",
	 .info = true},
	{.name = "transit_encryption_enabled", .kind = ATTR_BOOL, .def = "false", .doc = "free",
	 .info = true},
	{.name = "snapshot_retention_limit", .kind = ATTR_INT, .def = "0", .max = 35,
	 .doc = "days", .unit = "snapshots kept"},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"snapshot_storage_size_gb", "GB", "GB per snapshot"},
	USAGE_END,
};

/* Shared with elasticache_cluster.c: AWS's data-tiering rule. */
bool elasticache_data_tiering_node(const char *node)
{
	return strncmp(node, "cache.r6gd.", 11) == 0;
}

static void check(struct check_ctx *c, const struct resource *r)
{
	bool dt = elasticache_data_tiering_node(res_str(r, "node_type"));
	if (dt && !res_bool(r, "data_tiering_enabled"))
		check_fail(c, "node_type",
			   "%s nodes use data tiering: set data_tiering_enabled = true",
			   res_str(r, "node_type"));
	if (!dt && res_bool(r, "data_tiering_enabled"))
		check_fail(c, "data_tiering_enabled",
			   "data tiering needs cache.r6gd nodes; set data_tiering_enabled = false");
	if (res_bool(r, "multi_az_enabled") &&
	    (res_int(r, "num_cache_clusters") < 2 && res_int(r, "num_node_groups") == 0))
		check_fail(c, NULL,
			   "multi_az_enabled needs at least 2 nodes: set num_cache_clusters to 2");
	if (res_bool(r, "multi_az_enabled") && !res_bool(r, "automatic_failover_enabled"))
		check_fail(c, NULL, "multi_az_enabled needs automatic_failover_enabled = true");
}

/* Shared with elasticache_cluster.c: is node_type priced for engine in the
 * region? (Reported when not.) */
bool elasticache_node_offered(struct pricer_ctx *p, const struct resource *r, const char *engine,
			      const struct price_query *q)
{
	const struct offered_rows rows = {"AmazonElastiCache", "Cache Instance", "NodeUsage:",
					  "Instance Type", "Cache Engine", engine};
	char what[64];
	snprintf(what, sizeof(what), "%s node", engine);
	return offered(p, r, "node_type", res_str(r, "node_type"), what, q, &rows);
}

/* Shared with elasticache_cluster.c: node types and engines with their
 * hourly prices; Memcached is left out for replication groups. */
void elasticache_choices(struct choice_list *l, bool memcached)
{
	static const char *const COLS[] = {"Instance Type", "Cache Engine", NULL};
	l->heading = "node_type  engine";
	choices_add_prices(l, "AmazonElastiCache", "Cache Instance", "NodeUsage:", COLS);
	if (!memcached)
		choices_drop(l, "Cache Engine", "Memcached");
}

static void choices(struct choice_list *l)
{
	elasticache_choices(l, false);
}

/* Shared with elasticache_cluster.c: one backup is free, the rest are
 * billed per GB-month. */
void elasticache_snapshots(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	if (res_int(r, "snapshot_retention_limit") <= 0)
		return;
	pq_set(&q, "AmazonElastiCache", "Storage Snapshot", "BackupUsage");
	struct cost_line *l =
		pricer_line(p, "Snapshots beyond the first", "GB-months",
			    q_mul(p, q_usage(p, r, "snapshot_storage_size_gb"),
				  q_sub(p, q_attr(p, r, "snapshot_retention_limit"), q_int(p, 1))),
			    &q);
	if (l && !l->has_usage)
		pricer_note(l, "set snapshot_storage_size_gb to price it");
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	char name[128], usage[96];
	const char *node = res_str(r, "node_type");
	const char *engine = strcmp(res_str(r, "engine"), "valkey") == 0 ? "Valkey" : "Redis";
	long groups = res_int(r, "num_node_groups");
	long count = groups > 0 ? groups * (res_int(r, "replicas_per_node_group") + 1)
			       : res_int(r, "num_cache_clusters");
	const struct qty *nodes;

	pricer_selects(p, r, "node_type");
	pricer_selects(p, r, "engine");
	if (groups > 0)
		nodes = q_mul(p, q_attr(p, r, "num_node_groups"),
			      q_add(p, q_attr(p, r, "replicas_per_node_group"), q_int(p, 1)));
	else
		nodes = q_attr(p, r, "num_cache_clusters");
	pq_cache_node(&q, usage, sizeof(usage), node, engine);
	if (!elasticache_node_offered(p, r, engine, &q))
		return;
	snprintf(name, sizeof(name), "%ld x %s (%s)", count, node, engine);
	pricer_line(p, name, "node-hours", q_mul(p, nodes, q_hours(p)), &q);

	elasticache_snapshots(p, r);
}

/* num_cache_clusters, num_node_groups and replicas_per_node_group are set
 * together: a cluster-mode group or a plain one, never a mix. */
static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	const char *n = a->name;
	if (strcmp(n, "num_cache_clusters") && strcmp(n, "num_node_groups") &&
	    strcmp(n, "replicas_per_node_group"))
		return 0;
	if (strcmp(n, "num_cache_clusters"))
		return 1;
	int u1, u2, u3;
	double ncc = -1, ng = -1, rp = -1;
	json_t *a1 = plan_map_get(m, "num_cache_clusters", &u1);
	if (!a1)
		a1 = plan_map_get(m, "number_cache_clusters", &u1);
	json_t *a2 = plan_map_get(m, "num_node_groups", &u2);
	json_t *a3 = plan_map_get(m, "replicas_per_node_group", &u3);
	if ((a1 && plan_map_number(m, "num_cache_clusters", a1, &ncc) == -2) ||
	    (a2 && plan_map_number(m, "num_node_groups", a2, &ng) == -2) ||
	    (a3 && plan_map_number(m, "replicas_per_node_group", a3, &rp) == -2))
		return 1;
	const char *cm = json_string_value(json_object_get(plan_map_values(m), "cluster_mode"));
	int cluster = (ng > 1) || (cm && !strcmp(cm, "enabled") && ng >= 1);
	json_t *o;
	if (cluster) {
		if (rp < 0) {
			plan_map_assume(m, "replicas_per_node_group", "0 (Terraform's default)");
			rp = 0;
		}
		o = json_pack("{s:I,s:I,s:I}", "num_node_groups", (json_int_t)ng,
			      "replicas_per_node_group", (json_int_t)rp, "num_cache_clusters",
			      (json_int_t)1);
	} else {
		if (ncc < 1 && ng == 1 && rp >= 0)
			ncc = rp + 1;
		if (ncc < 1) {
			plan_map_assume(m, "num_cache_clusters", "1 node (Terraform's default)");
			ncc = 1;
		}
		o = json_pack("{s:I,s:I,s:I}", "num_cache_clusters", (json_int_t)ncc,
			      "num_node_groups", (json_int_t)0, "replicas_per_node_group",
			      (json_int_t)0);
	}
	const char *k;
	json_t *val;
	json_object_foreach(o, k, val) {
		const struct attr_spec *sa = schema_attr(plan_map_spec(m), k);
		if (sa)
			plan_map_put(m, sa, val);
	}
	json_decref(o);
	return 1;
}

static void plan_check(struct plan_map *m)
{
	json_t *nt = json_object_get(plan_map_values(m), "node_type");
	bool dt = json_is_string(nt) && elasticache_data_tiering_node(json_string_value(nt));
	if (dt != plan_map_body_bool(m, "data_tiering_enabled"))
		plan_map_not_priced(m, dt ? "a cache.r6gd node type without data_tiering_enabled"
					  : "data_tiering_enabled without a cache.r6gd node type");
	if (plan_map_body_bool(m, "multi_az_enabled") &&
	    plan_map_body_int(m, "num_cache_clusters") < 2 &&
	    plan_map_body_int(m, "num_node_groups") == 0)
		plan_map_not_priced(m, "multi_az_enabled with a single node");
	if (plan_map_body_bool(m, "multi_az_enabled") &&
	    !plan_map_body_bool(m, "automatic_failover_enabled"))
		plan_map_not_priced(m, "multi_az_enabled without automatic_failover_enabled");
}

const struct type_spec aws_elasticache_replication_group_type = {
	.type = "aws_elasticache_replication_group",
	.title = "ElastiCache replication group",
	.category = CAT_DATA,
	.attrs = ATTRS,
	.usage = USAGE,
	.check = check,
	.plan_attr = plan_attr,
	.plan_check = plan_check,
	.price = price,
	.choices = choices,
};
