/*
 * s3_bucket.c - S3 buckets: S3 Standard storage (tiered by volume) and
 * requests, PUT/COPY/POST/LIST at one price and GET and the rest at
 * another (AWS S3 pricing page). Storage and requests are usage figures.
 */
#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "bucket", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"standard.storage_gb", "GB", "GB in S3 Standard"},
	{"standard.monthly_tier_1_requests", "requests/month",
	 "PUT, COPY, POST and LIST requests a month"},
	{"standard.monthly_tier_2_requests", "requests/month", "GET and all other requests a month"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	pq_set(&q, "AmazonS3", "Storage", "TimedStorage-ByteHrs");
	pq_attr(&q, "Volume Type", "Standard");
	pricer_line(p, "Standard storage", "GB-months", q_usage(p, r, "standard.storage_gb"), &q);
	pq_set(&q, "AmazonS3", "API Request", "Requests-Tier1");
	pricer_line(p, "PUT/COPY/POST/LIST requests", "requests",
		    q_usage(p, r, "standard.monthly_tier_1_requests"), &q);
	pq_set(&q, "AmazonS3", "API Request", "Requests-Tier2");
	pricer_line(p, "GET and other requests", "requests",
		    q_usage(p, r, "standard.monthly_tier_2_requests"), &q);
}

const struct type_spec aws_s3_bucket_type = {
	.type = "aws_s3_bucket",
	.title = "S3 bucket",
	.category = CAT_DATA,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
};
