/*
 * sns.c - SNS topics (standard).
 *
 * SNS bills API requests (publishes), each 64 KB chunk of a payload
 * counting as one, and deliveries by protocol: HTTP/S, email, Data
 * Firehose, mobile push and macOS push each have a price; deliveries to
 * SQS queues and Lambda functions are free (AWS SNS pricing page,
 * https://aws.amazon.com/sns/pricing/). The first million requests a month
 * are free for the account: the free-tier block deducts them once
 * (POOL_SNS_REQUESTS); the first 100,000 HTTP/S and 1,000 email deliveries are free too, which
 * the snapshot holds as $0 first tiers of those prices (so each topic gets
 * them here: an account with several busy topics pays a little more).
 *
 * Usage keys are Infracost's: monthly_requests, request_size_kb and the
 * subscriptions per protocol; deliveries are requests (in chunks) x
 * subscriptions. SMS prices depend on the destination country and are not
 * in the snapshot: SMS deliveries are listed as not priced (a warning).
 * FIFO topics are billed per publish and per payload GB at prices the
 * snapshot does not hold: a FIFO topic is not priced.
 */
#include "cost/types/chunks.h"
#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "fifo_topic", .kind = ATTR_BOOL, .def = "false",
	 .doc = "FIFO topics are not priced (no snapshot rows)"},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_requests", "requests/month", "publishes a month: each 64 KB chunk counts"},
	{"request_size_kb", "KB", "payload of a publish, billed per 64 KB chunk (up to 256 KB)"},
	{"http_subscriptions", "subscriptions", "HTTP/S endpoints each publish is delivered to"},
	{"email_subscriptions", "subscriptions", "email and email-JSON subscriptions"},
	{"kinesis_subscriptions", "subscriptions", "Data Firehose delivery streams subscribed"},
	{"mobile_push_subscriptions", "subscriptions", "mobile push endpoints (APNS, FCM)"},
	{"macos_subscriptions", "subscriptions", "macOS push endpoints"},
	{"sms_subscriptions", "subscriptions", "SMS numbers (not priced: prices by country)"},
	USAGE_END,
};

struct delivery {
	const char *key, *name, *usage_type;
};

static const struct delivery DELIVERIES[] = {
	{"http_subscriptions", "HTTP/S deliveries", "DeliveryAttempts-HTTP"},
	{"email_subscriptions", "Email deliveries", "DeliveryAttempts-SMTP"},
	{"kinesis_subscriptions", "Data Firehose deliveries", "DeliveryAttempts-FIREHOSE"},
	{"mobile_push_subscriptions", "Mobile push deliveries", "DeliveryAttempts-APNS"},
	{"macos_subscriptions", "macOS push deliveries", "DeliveryAttempts-MACOS"},
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	if (res_bool(r, "fifo_topic")) {
		pricer_not_priced(p, "a FIFO topic: its publish and payload prices are not in the "
				     "snapshot");
		return;
	}
	const struct qty *pub =
		q_chunked(p, r, q_usage(p, r, "monthly_requests"), "request_size_kb", 64, 256);
	pq_set(&q, "AmazonSNS", "API Request", "Requests-Tier1");
	pricer_pool(pricer_line(p, "API requests (publishes)", "requests", pub, &q),
		    POOL_SNS_REQUESTS);
	for (size_t i = 0; i < sizeof(DELIVERIES) / sizeof(DELIVERIES[0]); i++) {
		const struct delivery *d = &DELIVERIES[i];
		if (!json_object_get(r->usage, d->key))
			continue;
		pq_set(&q, "AmazonSNS", "Message Delivery", d->usage_type);
		pricer_line(p, d->name, "deliveries", q_mul(p, pub, q_usage(p, r, d->key)), &q);
	}
	dec sms;
	if (res_usage(r, "sms_subscriptions", &sms) && !dec_is_zero(sms))
		breakdown_warn(p->b,
			       "%s: SMS deliveries are not priced: SMS prices depend on the "
			       "destination country and are not in the snapshot",
			       r->address);
}

const struct type_spec aws_sns_topic_type = {
	.type = "aws_sns_topic",
	.title = "SNS topic",
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

const struct type_spec aws_sns_topic_subscription_type =
	COMPANION("aws_sns_topic_subscription", "SNS subscription",
		  "deliveries are billed on the aws_sns_topic (its usage: subscriptions by "
		  "protocol); SQS and Lambda deliveries are free");
const struct type_spec aws_sns_topic_policy_type =
	COMPANION("aws_sns_topic_policy", "SNS topic policy",
		  "a topic setting: requests are billed on the aws_sns_topic");
