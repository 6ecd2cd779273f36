/*
 * s3_bucket.c - S3 buckets: storage by class, requests and retrievals.
 *
 * S3 bills each storage class per GB-month (S3 Standard and the Frequent
 * Access tier of Intelligent-Tiering in volume tiers), requests in two
 * groups per class (PUT, COPY, POST and LIST at one price, GET and the
 * rest at another), retrievals per GB from the infrequent-access and
 * archive classes, restore requests by speed for the Glacier classes, and
 * Intelligent-Tiering's monitoring and automation per object a month (AWS
 * S3 pricing page, https://aws.amazon.com/s3/pricing/). The usage figures
 * are billed amounts: the classes' minimum billable object size (128 KB
 * for the IA and Glacier Instant Retrieval classes) and minimum storage
 * durations (30, 90 or 180 days) are part of storage_gb as AWS bills it;
 * early-deletion fees and lifecycle transition requests have no row in
 * the snapshot and are not priced.
 *
 * Usage keys are Infracost's, one object per class (`standard`,
 * `standard_infrequent_access`, `one_zone_infrequent_access`,
 * `intelligent_tiering`, `glacier_flexible_retrieval`,
 * `glacier_deep_archive`); Glacier Instant Retrieval, which Infracost does
 * not price, takes `glacier_instant_retrieval` with the Standard-IA keys,
 * and Glacier Flexible Retrieval's bulk restores take Deep Archive's key
 * names. S3 Standard is always shown; another class when any of its
 * figures is given, with its storage line and a line for each figure
 * given. Deep Archive lives in its own offer
 * (AmazonS3GlacierDeepArchive); its GET requests have no row in the
 * snapshot and are named in a warning when given.
 */
#include <stdio.h>
#include <string.h>

#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "bucket", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	ATTR_END,
};

#define SIA "standard_infrequent_access."
#define ZIA "one_zone_infrequent_access."
#define GIR "glacier_instant_retrieval."
#define INT "intelligent_tiering."
#define GFR "glacier_flexible_retrieval."
#define GDA "glacier_deep_archive."

#define CLASS_USAGE(c, what) \
	{c "storage_gb", "GB", "GB in " what}, \
	{c "monthly_tier_1_requests", "requests/month", \
	 what ": PUT, COPY, POST and LIST requests a month"}, \
	{c "monthly_tier_2_requests", "requests/month", what ": GET and all other requests a month"}

static const struct usage_spec USAGE[] = {
	{"standard.storage_gb", "GB", "GB in S3 Standard"},
	{"standard.monthly_tier_1_requests", "requests/month",
	 "PUT, COPY, POST and LIST requests a month"},
	{"standard.monthly_tier_2_requests", "requests/month", "GET and all other requests a month"},
	CLASS_USAGE(SIA, "S3 Standard-IA"),
	{SIA "monthly_data_retrieval_gb", "GB/month", "GB retrieved from S3 Standard-IA a month"},
	CLASS_USAGE(ZIA, "S3 One Zone-IA"),
	{ZIA "monthly_data_retrieval_gb", "GB/month", "GB retrieved from S3 One Zone-IA a month"},
	CLASS_USAGE(GIR, "S3 Glacier Instant Retrieval"),
	{GIR "monthly_data_retrieval_gb", "GB/month",
	 "GB retrieved from S3 Glacier Instant Retrieval a month"},
	{INT "frequent_access_storage_gb", "GB", "GB in Intelligent-Tiering's Frequent Access tier"},
	{INT "infrequent_access_storage_gb", "GB",
	 "GB in Intelligent-Tiering's Infrequent Access tier"},
	{INT "archive_instant_access_storage_gb", "GB",
	 "GB in Intelligent-Tiering's Archive Instant Access tier"},
	{INT "archive_access_storage_gb", "GB",
	 "GB in Intelligent-Tiering's optional Archive Access tier"},
	{INT "deep_archive_access_storage_gb", "GB",
	 "GB in Intelligent-Tiering's optional Deep Archive Access tier"},
	{INT "monitored_objects", "objects",
	 "objects Intelligent-Tiering monitors (128 KB and larger)"},
	{INT "monthly_tier_1_requests", "requests/month",
	 "S3 Intelligent-Tiering: PUT, COPY, POST and LIST requests a month"},
	{INT "monthly_tier_2_requests", "requests/month",
	 "S3 Intelligent-Tiering: GET and all other requests a month"},
	CLASS_USAGE(GFR, "S3 Glacier Flexible Retrieval"),
	{GFR "monthly_standard_data_retrieval_requests", "requests/month",
	 "Glacier Flexible Retrieval: standard restore requests a month"},
	{GFR "monthly_standard_data_retrieval_gb", "GB/month",
	 "Glacier Flexible Retrieval: GB restored at standard speed a month"},
	{GFR "monthly_expedited_data_retrieval_requests", "requests/month",
	 "Glacier Flexible Retrieval: expedited restore requests a month"},
	{GFR "monthly_expedited_data_retrieval_gb", "GB/month",
	 "Glacier Flexible Retrieval: GB restored expedited a month"},
	{GFR "monthly_bulk_data_retrieval_requests", "requests/month",
	 "Glacier Flexible Retrieval: bulk restore requests a month"},
	{GFR "monthly_bulk_data_retrieval_gb", "GB/month",
	 "Glacier Flexible Retrieval: GB restored in bulk a month"},
	CLASS_USAGE(GDA, "S3 Glacier Deep Archive"),
	{GDA "monthly_standard_data_retrieval_requests", "requests/month",
	 "Glacier Deep Archive: standard restore requests a month"},
	{GDA "monthly_standard_data_retrieval_gb", "GB/month",
	 "Glacier Deep Archive: GB restored at standard speed a month"},
	{GDA "monthly_bulk_data_retrieval_requests", "requests/month",
	 "Glacier Deep Archive: bulk restore requests a month"},
	{GDA "monthly_bulk_data_retrieval_gb", "GB/month",
	 "Glacier Deep Archive: GB restored in bulk a month"},
	USAGE_END,
};

/* One usage-based line of a storage class: key (without the class prefix),
 * line name, unit, and the price (offer, family, usage type). */
struct s3_line {
	const char *key, *name, *unit, *offer, *family, *usage;
};

struct s3_class {
	const char *prefix; /* "standard_infrequent_access." */
	const struct s3_line *lines;
};

#define S3 "AmazonS3"
#define DA "AmazonS3GlacierDeepArchive"

static const struct s3_line SIA_LINES[] = {
	{"storage_gb", "Standard-IA storage", "GB-months", S3, "Storage", "TimedStorage-SIA-ByteHrs"},
	{"monthly_tier_1_requests", "Standard-IA PUT/COPY/POST/LIST", "requests", S3,
	 "API Request", "Requests-SIA-Tier1"},
	{"monthly_tier_2_requests", "Standard-IA GET and others", "requests", S3,
	 "API Request", "Requests-SIA-Tier2"},
	{"monthly_data_retrieval_gb", "Standard-IA retrievals", "GB", S3, "Fee", "Retrieval-SIA"},
	{NULL, NULL, NULL, NULL, NULL, NULL},
};

static const struct s3_line ZIA_LINES[] = {
	{"storage_gb", "One Zone-IA storage", "GB-months", S3, "Storage", "TimedStorage-ZIA-ByteHrs"},
	{"monthly_tier_1_requests", "One Zone-IA PUT/COPY/POST/LIST", "requests", S3,
	 "API Request", "Requests-ZIA-Tier1"},
	{"monthly_tier_2_requests", "One Zone-IA GET and others", "requests", S3,
	 "API Request", "Requests-ZIA-Tier2"},
	{"monthly_data_retrieval_gb", "One Zone-IA retrievals", "GB", S3, "Fee", "Retrieval-ZIA"},
	{NULL, NULL, NULL, NULL, NULL, NULL},
};

static const struct s3_line GIR_LINES[] = {
	{"storage_gb", "Glacier IR storage", "GB-months", S3, "Storage",
	 "TimedStorage-GIR-ByteHrs"},
	{"monthly_tier_1_requests", "Glacier IR PUT/COPY/POST/LIST", "requests", S3,
	 "API Request", "Requests-GIR-Tier1"},
	{"monthly_tier_2_requests", "Glacier IR GET and others", "requests", S3,
	 "API Request", "Requests-GIR-Tier2"},
	{"monthly_data_retrieval_gb", "Glacier IR retrievals", "GB", S3, "Fee", "Retrieval-GIR"},
	{NULL, NULL, NULL, NULL, NULL, NULL},
};

static const struct s3_line INT_LINES[] = {
	{"frequent_access_storage_gb", "Int-Tiering frequent access", "GB-months", S3,
	 "Storage", "TimedStorage-INT-FA-ByteHrs"},
	{"infrequent_access_storage_gb", "Int-Tiering infrequent access", "GB-months", S3,
	 "Storage", "TimedStorage-INT-IA-ByteHrs"},
	{"archive_instant_access_storage_gb", "Int-Tiering archive instant", "GB-months", S3,
	 "Storage", "TimedStorage-INT-AIA-ByteHrs"},
	{"archive_access_storage_gb", "Int-Tiering archive access", "GB-months", S3,
	 "Storage", "TimedStorage-INT-AA-ByteHrs"},
	{"deep_archive_access_storage_gb", "Int-Tiering deep archive", "GB-months", S3,
	 "Storage", "TimedStorage-INT-DAA-ByteHrs"},
	{"monitored_objects", "Int-Tiering monitoring", "objects", S3, "Fee",
	 "Monitoring-Automation-INT"},
	{"monthly_tier_1_requests", "Int-Tiering PUT/COPY/POST/LIST", "requests", S3,
	 "API Request", "Requests-INT-Tier1"},
	{"monthly_tier_2_requests", "Int-Tiering GET and others", "requests", S3,
	 "API Request", "Requests-INT-Tier2"},
	{NULL, NULL, NULL, NULL, NULL, NULL},
};

static const struct s3_line GFR_LINES[] = {
	{"storage_gb", "Glacier FR storage", "GB-months", S3, "Storage",
	 "TimedStorage-GLACIERByteHrs"},
	{"monthly_tier_1_requests", "Glacier FR PUT/COPY/POST/LIST", "requests", S3,
	 "API Request", "Requests-GLACIER-Tier1"},
	{"monthly_tier_2_requests", "Glacier FR GET and others", "requests", S3,
	 "API Request", "Requests-GLACIER-Tier2"},
	{"monthly_standard_data_retrieval_requests", "Glacier FR standard restores", "requests", S3,
	 "API Request", "Requests-Tier3"},
	{"monthly_standard_data_retrieval_gb", "Glacier FR standard retrievals", "GB", S3, "Fee",
	 "Standard-Retrieval-Bytes"},
	{"monthly_expedited_data_retrieval_requests", "Glacier FR expedited restores", "requests",
	 S3, "API Request", "Requests-Tier6"},
	{"monthly_expedited_data_retrieval_gb", "Glacier FR expedited retrievals", "GB", S3, "Fee",
	 "Expedited-Retrieval-Bytes"},
	{"monthly_bulk_data_retrieval_requests", "Glacier FR bulk restores", "requests", S3,
	 "API Request", "Requests-Tier5"},
	{"monthly_bulk_data_retrieval_gb", "Glacier FR bulk retrievals", "GB", S3, "Fee",
	 "Bulk-Retrieval-Bytes"},
	{NULL, NULL, NULL, NULL, NULL, NULL},
};

static const struct s3_line GDA_LINES[] = {
	{"storage_gb", "Deep Archive storage", "GB-months", DA, "Storage",
	 "TimedStorage-GDA-ByteHrs"},
	{"monthly_tier_1_requests", "Deep Archive PUT/COPY/POST/LIST", "requests", DA,
	 "API Request", "Requests-GDA-Tier1"},
	{"monthly_tier_2_requests", "Deep Archive GET and others", "requests", DA,
	 "API Request", "Requests-GDA-Tier2"},
	{"monthly_standard_data_retrieval_requests", "Deep Archive standard restores", "requests",
	 DA, "API Request", "Requests-GDA-Tier3"},
	{"monthly_standard_data_retrieval_gb", "Deep Archive standard retrievals", "GB", DA, "Fee",
	 "DAA-Standard-Retrieval-Bytes"},
	{"monthly_bulk_data_retrieval_requests", "Deep Archive bulk restores", "requests", DA,
	 "API Request", "Requests-GDA-Tier5"},
	{"monthly_bulk_data_retrieval_gb", "Deep Archive bulk retrievals", "GB", DA, "Fee",
	 "DAA-Bulk-Retrieval-Bytes"},
	{NULL, NULL, NULL, NULL, NULL, NULL},
};

static const struct s3_class CLASSES[] = {
	{SIA, SIA_LINES}, {ZIA, ZIA_LINES}, {GIR, GIR_LINES},
	{INT, INT_LINES}, {GFR, GFR_LINES}, {GDA, GDA_LINES},
};

/* Any figure of the class given? */
static bool class_used(const struct resource *r, const char *prefix)
{
	const char *key;
	json_t *v;
	json_object_foreach(r->usage, key, v) {
		if (!strncmp(key, prefix, strlen(prefix)))
			return true;
	}
	return false;
}

static void class_lines(struct pricer_ctx *p, const struct resource *r, const struct s3_class *c)
{
	struct price_query q;
	char key[128];
	dec v;
	for (const struct s3_line *l = c->lines; l->key && !p->rc; l++) {
		snprintf(key, sizeof(key), "%s%s", c->prefix, l->key);
		/* the class's (first) storage line always; the rest when given */
		if (l != c->lines && !json_object_get(r->usage, key))
			continue;
		pq_set(&q, l->offer, l->family, l->usage);
		if (!catalog_try(p->cat, p->region, &q)) {
			/* no row in the snapshot: say so when it would cost something */
			if (res_usage(r, key, &v) && !dec_is_zero(v))
				breakdown_warn(p->b,
					       "%s: %s are not priced: the snapshot has no %s %s "
					       "price for %s",
					       r->address, l->name, l->offer, l->usage, p->region);
			continue;
		}
		pricer_line(p, l->name, l->unit, q_usage(p, r, key), &q);
	}
}

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
	for (size_t i = 0; i < sizeof(CLASSES) / sizeof(CLASSES[0]); i++)
		if (class_used(r, CLASSES[i].prefix))
			class_lines(p, r, &CLASSES[i]);
}

const struct type_spec aws_s3_bucket_type = {
	.type = "aws_s3_bucket",
	.title = "S3 bucket",
	.category = CAT_DATA,
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

#define BUCKET_SETTING "a bucket setting: storage and requests are billed on the aws_s3_bucket"

const struct type_spec aws_s3_bucket_lifecycle_configuration_type =
	COMPANION("aws_s3_bucket_lifecycle_configuration", "S3 lifecycle rules",
		  "a bucket setting: storage is billed on the aws_s3_bucket by class; lifecycle "
		  "transition requests have no price in the snapshot");
const struct type_spec aws_s3_bucket_policy_type =
	COMPANION("aws_s3_bucket_policy", "S3 bucket policy", BUCKET_SETTING);
const struct type_spec aws_s3_bucket_ownership_controls_type =
	COMPANION("aws_s3_bucket_ownership_controls", "S3 bucket setting", BUCKET_SETTING);
const struct type_spec aws_s3_bucket_cors_configuration_type =
	COMPANION("aws_s3_bucket_cors_configuration", "S3 bucket setting", BUCKET_SETTING);
