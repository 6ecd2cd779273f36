/*
 * route53.c - Route 53 hosted zones and records.
 *
 * A hosted zone costs a month's fee, $0.50 for each of an account's first
 * 25 zones and $0.10 for each further one; queries are billed per million,
 * standard, latency-based and geo (geolocation and geoproximity) queries
 * each at their own price, in two tiers (the first billion a month, then
 * the rest); queries to alias records that point at an AWS resource (load
 * balancer, CloudFront distribution, API Gateway, S3 website, VPC
 * endpoint...) are free (AWS Route 53 pricing page,
 * https://aws.amazon.com/route53/pricing/). Route 53 is global: its prices
 * are the same in every region's file.
 *
 * Queries are priced on the records, as Infracost does, not on the zone:
 * whether a query is billed, and at which price, is the record's (an alias
 * to an AWS resource is free; a latency or geolocation routing policy
 * picks the dearer price), and Infracost usage files carry the figures
 * there (monthly_standard_queries, monthly_latency_based_queries,
 * monthly_geo_queries). A zone resource is priced from the first 25's
 * price, and the query tiers apply per record (AWS counts the account's
 * zones and queries): an upper bound past 25 zones or a billion queries.
 */
#include <string.h>
#include <strings.h>

#include "cost/types/common.h"

/* ---- hosted zone --------------------------------------------------------- */

static const struct attr_spec ZONE_ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "comment", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "vpc", .kind = ATTR_BLOCKS, .def = "", .max = 300,
	 .doc = "a private zone's VPCs (same price as a public zone)", .info = true},
	ATTR_END,
};

static void zone_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	(void)r;
	pq_set(&q, "AmazonRoute53", "DNS Zone", "HostedZone");
	pricer_line(p, "Hosted zone", "zone-months", q_int(p, 1), &q);
}

const struct type_spec aws_route53_zone_type = {
	.type = "aws_route53_zone",
	.title = "Route 53 hosted zone",
	.category = CAT_NETWORK,
	.attrs = ZONE_ATTRS,
	.price = zone_price,
};

/* ---- record ---------------------------------------------------------------- */

static const struct attr_spec RECORD_ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "type", .kind = ATTR_STRING, .def = "A", .doc = "", .info = true},
	{.name = "alias", .kind = ATTR_BLOCKS, .def = "", .max = 1,
	 .doc = "an alias to an AWS resource: its queries are free", .unit = "aliases"},
	{.name = "alias_to_record", .kind = ATTR_BOOL, .def = "false",
	 .doc = "the alias points at another record of the zone: its queries are billed"},
	{.name = "latency_routing_policy", .kind = ATTR_BLOCKS, .def = "", .max = 1,
	 .doc = "latency-based routing: its queries take the latency price"},
	{.name = "geolocation_routing_policy", .kind = ATTR_BLOCKS, .def = "", .max = 1,
	 .doc = "geolocation routing: its queries take the geo price"},
	{.name = "geoproximity_routing_policy", .kind = ATTR_BLOCKS, .def = "", .max = 1,
	 .doc = "geoproximity routing: its queries take the geo price"},
	ATTR_END,
};

static const struct usage_spec RECORD_USAGE[] = {
	{"monthly_standard_queries", "queries/month", "standard queries a month"},
	{"monthly_latency_based_queries", "queries/month", "latency-based routing queries a month"},
	{"monthly_geo_queries", "queries/month", "geolocation and geoproximity queries a month"},
	USAGE_END,
};

static void record_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	if (res_len(r, "alias") && !res_bool(r, "alias_to_record")) {
		pricer_free_line(p, "Alias queries",
				 "queries to an alias for an AWS resource are free");
		return;
	}
	bool latency = res_len(r, "latency_routing_policy") > 0;
	bool geo = res_len(r, "geolocation_routing_policy") || res_len(r, "geoproximity_routing_policy");
	if ((!latency && !geo) || json_object_get(r->usage, "monthly_standard_queries")) {
		pq_set(&q, "AmazonRoute53", "DNS Query", "DNS-Queries");
		pricer_line(p, "Standard queries", "queries",
			    q_usage(p, r, "monthly_standard_queries"), &q);
	}
	if (latency || json_object_get(r->usage, "monthly_latency_based_queries")) {
		pq_set(&q, "AmazonRoute53", "DNS Query", "LBR-Queries");
		pricer_line(p, "Latency-based routing queries", "queries",
			    q_usage(p, r, "monthly_latency_based_queries"), &q);
	}
	if (geo || json_object_get(r->usage, "monthly_geo_queries")) {
		pq_set(&q, "AmazonRoute53", "DNS Query", "Geo-Queries");
		pricer_line(p, "Geo DNS queries", "queries", q_usage(p, r, "monthly_geo_queries"),
			    &q);
	}
}

/* DNS names of the AWS resources an alias can point at for free. */
static bool aws_target(const char *name)
{
	static const char *const SUFFIXES[] = {
		".elb.amazonaws.com",	  ".elb.amazonaws.com.", ".cloudfront.net",
		".cloudfront.net.",	  ".amazonaws.com",	 ".amazonaws.com.",
		".awsglobalaccelerator.com", ".awsglobalaccelerator.com.", NULL,
	};
	size_t n = strlen(name);
	for (size_t i = 0; SUFFIXES[i]; i++) {
		size_t k = strlen(SUFFIXES[i]);
		if (n >= k && !strcasecmp(name + n - k, SUFFIXES[i]))
			return true;
	}
	return false;
}

/* alias_to_record: the alias's target is a name that is not an AWS
 * resource's (another record of the zone). A target known only after
 * apply is a resource's DNS name: free. */
static int record_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	json_t *v;
	if (strcmp(a->name, "alias_to_record"))
		return 0;
	enum plan_got g = plan_map_lookup(m, "alias.name", &v);
	if (g == PLAN_VALUE && json_is_string(v) && json_string_value(v)[0] &&
	    !aws_target(json_string_value(v)))
		plan_map_set(m, a->name, json_true());
	return 1;
}

const struct type_spec aws_route53_record_type = {
	.type = "aws_route53_record",
	.title = "Route 53 record",
	.category = CAT_NETWORK,
	.attrs = RECORD_ATTRS,
	.usage = RECORD_USAGE,
	.plan_attr = record_plan_attr,
	.price = record_price,
};
