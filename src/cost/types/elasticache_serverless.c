/*
 * elasticache_serverless.c - ElastiCache Serverless caches
 * (aws_elasticache_serverless_cache): Valkey, Redis OSS or Memcached.
 *
 * How AWS bills a serverless cache (Amazon ElastiCache pricing page,
 * https://aws.amazon.com/elasticache/pricing/): the data it stores, in
 * GB-hours (an hourly average of frequent samples), and the requests it
 * serves, in ElastiCache Processing Units (ECPUs), each at the engine's
 * price. Storage is metered at a minimum per cache: 100 MB for Valkey and
 * 1 GB for Redis OSS and Memcached (the same page; the 1 GB also in the
 * AWS Database Blog post "Unlock on-demand, cost-optimized performance
 * with Amazon ElastiCache Serverless"). So a cache costs its minimum all
 * month even when nearly empty, and this type bills it until storage_gb
 * says more.
 *
 * Usage figures (Infracost has no keys for this type): storage_gb, the
 * month's average GB stored, and monthly_ecpus. Minimums set in
 * cache_usage_limits and snapshot storage are not priced.
 */
#include <stdio.h>
#include <string.h>

#include "cost/types/common.h"

static const char *const ENGINE[] = {"valkey", "redis", "memcached", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "engine", .kind = ATTR_ENUM, .choices = ENGINE,
	 .doc = "valkey, redis (Redis OSS) or memcached"},
	{.name = "major_engine_version", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"storage_gb", "GB", "average GB of data the cache holds over the month"},
	{"monthly_ecpus", "ECPUs/month", "ElastiCache Processing Units its requests use a month"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	char name[96];
	const char *e = res_str(r, "engine");
	bool valkey = !strcmp(e, "valkey");
	const char *engine = valkey ? "Valkey" : !strcmp(e, "redis") ? "Redis" : "Memcached";
	/* the minimum AWS meters: 0.1 GB (Valkey), 1 GB (Redis OSS, Memcached) */
	const struct qty *min = valkey ? q_num(p, dec_from_scaled(1, 1)) : q_int(p, 1);
	const struct qty *gb = q_usage(p, r, "storage_gb");

	pricer_selects(p, r, "engine");
	pq_set(&q, "AmazonElastiCache", "ElastiCache Serverless", "ElastiCache:ServerlessStorage");
	pq_attr(&q, "Cache Engine", engine);
	snprintf(name, sizeof(name), "Data stored (%s)", engine);
	struct cost_line *l =
		pricer_line(p, name, "GB-hours", q_mul(p, q_max2(p, gb, min), q_hours(p)), &q);
	if (l)
		pricer_note(l, "AWS meters at least %s a cache%s", valkey ? "100 MB" : "1 GB",
			    l->has_usage ? "" : ": the minimum until storage_gb is set");

	pq_set(&q, "AmazonElastiCache", "ElastiCache Serverless",
	       "ElastiCache:ServerlessProcessingUnits");
	pq_attr(&q, "Cache Engine", engine);
	snprintf(name, sizeof(name), "ECPUs (%s)", engine);
	pricer_line(p, name, "ECPUs", q_usage(p, r, "monthly_ecpus"), &q);
}

const struct type_spec aws_elasticache_serverless_cache_type = {
	.type = "aws_elasticache_serverless_cache",
	.title = "ElastiCache Serverless",
	.category = CAT_DATA,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
};
