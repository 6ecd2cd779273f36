/*
 * cloudfront.c - CloudFront distributions.
 *
 * CloudFront bills by where viewers are served from, in edge-location
 * groups (AWS CloudFront pricing page, https://aws.amazon.com/cloudfront/pricing/):
 * data out to the internet per GB, tiered by monthly volume (first 10 TB,
 * next 40, next 100, next 350, next 524 TB, next 4 PB, over 5 PB), HTTP
 * and HTTPS requests per request, data out to the origin per GB, and
 * invalidation paths beyond the first 1,000 a month.
 *
 * The price class chooses which groups serve traffic (CloudFront Developer
 * Guide, "Choosing the price class for a CloudFront distribution"):
 * PriceClass_100 North America and Europe & Israel; PriceClass_200 adds
 * South Africa, Kenya & the Middle East, Japan, Asia Pacific and India;
 * PriceClass_All adds South America and Australia & New Zealand. When a
 * viewer outside the class is served anyway, AWS charges the rate of the
 * least expensive group in the class: North America's. Traffic given for
 * a group outside the class is therefore added to North America's lines
 * (and to its volume tiers), with a note.
 *
 * Always free for the account: 1 TB of data out and 10 million HTTP(S)
 * requests a month (the free-tier block, POOL_CLOUDFRONT_*). CloudFront is
 * global: its prices are the same in every region's file.
 *
 * Usage keys are Infracost's: each of monthly_data_transfer_to_internet_gb,
 * monthly_data_transfer_to_origin_gb, monthly_http_requests and
 * monthly_https_requests is an object by group (us, europe, south_africa,
 * south_america, japan, australia, asia_pacific, india), and
 * monthly_invalidation_requests. A group's line appears when its figure
 * is given (North America's data out and HTTPS requests always).
 * Field-level encryption, real-time logs and dedicated-IP certificates
 * have no snapshot rows: given figures for them are named in a warning.
 * Tiers apply per distribution here (AWS tiers the account's volume).
 */
#include <stdio.h>
#include <string.h>

#include "cost/types/common.h"

static const char *const PRICE_CLASS[] = {"PriceClass_All", "PriceClass_200", "PriceClass_100",
					  NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "comment", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "enabled", .kind = ATTR_BOOL, .def = "true", .doc = "", .info = true},
	{.name = "price_class", .kind = ATTR_ENUM, .def = "PriceClass_All", .choices = PRICE_CLASS,
	 .doc = "edge-location groups serving viewers: 100 (N. America, Europe), 200, All"},
	ATTR_END,
};

/* An edge-location group: the usage key suffix, the snapshot's From
 * Location, a short name for lines, and the smallest price class holding
 * it (100, 200 or 0 for All only). */
struct group {
	const char *key, *location, *name;
	int in_class;
};

static const struct group GROUPS[] = {
	{"us", "United States", "North America", 100},
	{"europe", "Europe", "Europe/Israel", 100},
	{"south_africa", "South Africa", "Africa/Middle East", 200},
	{"japan", "Japan", "Japan", 200},
	{"asia_pacific", "Asia Pacific", "Asia Pacific", 200},
	{"india", "India", "India", 200},
	{"south_america", "South America", "South America", 0},
	{"australia", "Australia", "Australia/NZ", 0},
};
#define NGROUPS (sizeof(GROUPS) / sizeof(GROUPS[0]))

#define OUT "monthly_data_transfer_to_internet_gb."
#define ORIGIN "monthly_data_transfer_to_origin_gb."
#define HTTP "monthly_http_requests."
#define HTTPS "monthly_https_requests."

#define GROUP_USAGE(g, where) \
	{OUT g, "GB/month", "GB served to viewers " where " a month"}, \
	{ORIGIN g, "GB/month", "GB sent to the origin from " where " a month"}, \
	{HTTP g, "requests/month", "HTTP requests served " where " a month"}, \
	{HTTPS g, "requests/month", "HTTPS requests served " where " a month"}

static const struct usage_spec USAGE[] = {
	GROUP_USAGE("us", "in the United States, Mexico and Canada"),
	GROUP_USAGE("europe", "in Europe and Israel"),
	GROUP_USAGE("south_africa", "in South Africa, Kenya and the Middle East"),
	GROUP_USAGE("japan", "in Japan"),
	GROUP_USAGE("asia_pacific", "in Hong Kong, Indonesia, the Philippines, Singapore, "
				    "South Korea, Taiwan and Thailand"),
	GROUP_USAGE("india", "in India"),
	GROUP_USAGE("south_america", "in South America"),
	GROUP_USAGE("australia", "in Australia and New Zealand"),
	{"monthly_invalidation_requests", "paths/month",
	 "invalidation paths a month (the first 1,000 are free)"},
	{"monthly_encryption_requests", "requests/month",
	 "field-level encryption requests (not priced: no snapshot row)"},
	{"monthly_log_lines", "lines/month", "real-time log lines (not priced: no snapshot row)"},
	{"custom_ssl_certificates", "certificates",
	 "dedicated-IP custom SSL certificates (not priced: no snapshot row)"},
	USAGE_END,
};

static int class_of(const struct resource *r)
{
	const char *c = res_str(r, "price_class");
	return !strcmp(c, "PriceClass_100") ? 100 : !strcmp(c, "PriceClass_200") ? 200 : 0;
}

/* Does the price class include the group? */
static bool served(int cls, const struct group *g)
{
	return cls == 0 || (g->in_class && g->in_class <= cls);
}

static bool given(const struct resource *r, const char *prefix, const char *g)
{
	char key[96];
	snprintf(key, sizeof(key), "%s%s", prefix, g);
	return json_object_get(r->usage, key) != NULL;
}

/* Is a figure of a group outside the class given? (Those are billed at
 * North America's rate, on its lines.) */
static bool outside_given(const struct resource *r, int cls, const char *prefix)
{
	for (size_t i = 0; i < NGROUPS; i++)
		if (!served(cls, &GROUPS[i]) && given(r, prefix, GROUPS[i].key))
			return true;
	return false;
}

/* A figure of group g, plus, for North America, the same figure of the
 * groups the class does not serve. */
static const struct qty *figure(struct pricer_ctx *p, const struct resource *r, int cls,
				const char *prefix, const struct group *g)
{
	char key[96];
	snprintf(key, sizeof(key), "%s%s", prefix, g->key);
	const struct qty *q = q_usage(p, r, key);
	if (g != &GROUPS[0])
		return q;
	for (size_t i = 0; i < NGROUPS; i++) {
		if (served(cls, &GROUPS[i]) || !given(r, prefix, GROUPS[i].key))
			continue;
		snprintf(key, sizeof(key), "%s%s", prefix, GROUPS[i].key);
		q = q_add(p, q, q_usage(p, r, key));
	}
	return q;
}

/* One line of group g for figure prefix (shown when given, or for North
 * America when always or when it carries another group's figure). */
static void group_line(struct pricer_ctx *p, const struct resource *r, int cls,
		       const struct group *g, bool always, const char *prefix, const char *what,
		       const char *unit, const char *family, const char *usage,
		       const char *transfer, enum free_pool pool)
{
	struct price_query q;
	char name[96];
	bool us = g == &GROUPS[0];
	bool moved = us && outside_given(r, cls, prefix);
	if (!given(r, prefix, g->key) && !moved && !(us && always))
		return;
	snprintf(name, sizeof(name), "%s: %s", g->name, what);
	pq_set(&q, "AmazonCloudFront", family, usage);
	pq_attr(&q, "From Location", g->location);
	if (transfer)
		pq_attr(&q, "Transfer Type", transfer);
	struct cost_line *l = pricer_line(p, name, unit, figure(p, r, cls, prefix, g), &q);
	pricer_pool(l, pool);
	if (l && moved)
		pricer_note(l, "includes viewers outside %s, billed at this rate",
			    res_str(r, "price_class"));
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	int cls = class_of(r);
	pricer_selects(p, r, "price_class");
	for (size_t i = 0; i < NGROUPS && !p->rc; i++) {
		const struct group *g = &GROUPS[i];
		if (!served(cls, g))
			continue;
		group_line(p, r, cls, g, true, OUT, "data out", "GB", "Data Transfer",
			   "DataTransfer-Out-Bytes", "CloudFront Outbound", POOL_CLOUDFRONT_DATA_OUT);
		group_line(p, r, cls, g, true, HTTPS, "HTTPS requests", "requests", "Request",
			   "Requests-Tier2-HTTPS", NULL, POOL_CLOUDFRONT_REQUESTS);
		group_line(p, r, cls, g, false, HTTP, "HTTP requests", "requests", "Request",
			   "Requests-Tier1", NULL, POOL_CLOUDFRONT_REQUESTS);
		group_line(p, r, cls, g, false, ORIGIN, "data to origin", "GB", "Data Transfer",
			   "DataTransfer-Out-OBytes", "CloudFront to Origin", POOL_NONE);
	}
	if (json_object_get(r->usage, "monthly_invalidation_requests")) {
		struct price_query q;
		pq_set(&q, "AmazonCloudFront", "Invalidations", "Invalidations");
		pricer_line(p, "Invalidation paths", "paths",
			    q_usage(p, r, "monthly_invalidation_requests"), &q);
	}
	static const char *const UNPRICED[][2] = {
		{"monthly_encryption_requests", "field-level encryption requests"},
		{"monthly_log_lines", "real-time log lines"},
		{"custom_ssl_certificates", "dedicated-IP custom SSL certificates"},
	};
	for (size_t i = 0; i < sizeof(UNPRICED) / sizeof(UNPRICED[0]); i++) {
		dec v;
		if (res_usage(r, UNPRICED[i][0], &v) && !dec_is_zero(v))
			breakdown_warn(p->b, "%s: %s are not priced: the snapshot has no price for "
					     "them",
				       r->address, UNPRICED[i][1]);
	}
}

const struct type_spec aws_cloudfront_distribution_type = {
	.type = "aws_cloudfront_distribution",
	.title = "CloudFront distribution",
	.category = CAT_NETWORK,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
};

/* ---- free companions ------------------------------------------------------ */

/* Settings and attachments that cost nothing themselves: listed so a plan
 * or scenario can name them (shown as considered and free, never as "not
 * priced"). Any attribute is accepted. */
#define COMPANION(t, title_, why) \
	{.type = t, .title = title_, .category = CAT_FREE, .open = true, .free_reason = why}

#define CF_CONFIG "distribution configuration is free; traffic is billed on the " \
		  "aws_cloudfront_distribution"

const struct type_spec aws_cloudfront_origin_access_control_type =
	COMPANION("aws_cloudfront_origin_access_control", "CloudFront origin access control",
		  CF_CONFIG);
const struct type_spec aws_cloudfront_origin_access_identity_type =
	COMPANION("aws_cloudfront_origin_access_identity", "CloudFront origin access identity",
		  CF_CONFIG);
const struct type_spec aws_cloudfront_cache_policy_type =
	COMPANION("aws_cloudfront_cache_policy", "CloudFront cache policy", CF_CONFIG);
