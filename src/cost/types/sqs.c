/*
 * sqs.c - SQS queues.
 *
 * SQS bills requests: every API action (send, receive, delete, change
 * visibility...) is a request, and each 64 KB chunk of a payload counts as
 * one (so a 256 KB message is 4). Standard and FIFO queues have their own
 * price, tiered by the account's monthly volume (first 100 billion, next
 * 100 billion, over 200 billion). The first million requests a month are
 * free, standard and FIFO together: the free-tier block deducts them once
 * for the account (POOL_SQS_REQUESTS), at the price of the first queue
 * that uses them. (AWS SQS pricing page, https://aws.amazon.com/sqs/pricing/.)
 *
 * Usage keys are Infracost's: monthly_requests and request_size_kb.
 * Tiers apply per queue here; they start at 100 billion requests, so only
 * an account past that would pay less than shown. Data transfer out of
 * the region is priced where it flows (aws_data_transfer).
 */
#include "cost/types/chunks.h"
#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "fifo_queue", .kind = ATTR_BOOL, .def = "false",
	 .doc = "FIFO queues have their own request price"},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_requests", "requests/month",
	 "API requests a month (send, receive, delete...): each 64 KB chunk counts"},
	{"request_size_kb", "KB", "payload of a request, billed per 64 KB chunk (up to 1 MiB)"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	bool fifo = res_bool(r, "fifo_queue");
	pricer_selects(p, r, "fifo_queue");
	pq_set(&q, "AWSQueueService", "API Request", fifo ? "Requests-FIFO-RBP" : "Requests-RBP");
	pq_attr(&q, "Queue Type", fifo ? "FIFO (first-in, first-out)" : "Standard");
	const struct qty *n =
		q_chunked(p, r, q_usage(p, r, "monthly_requests"), "request_size_kb", 64, 1024);
	pricer_pool(pricer_line(p, fifo ? "FIFO requests" : "Standard requests", "requests", n, &q),
		    POOL_SQS_REQUESTS);
}

const struct type_spec aws_sqs_queue_type = {
	.type = "aws_sqs_queue",
	.title = "SQS queue",
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

#define QUEUE_SETTING "a queue setting: its requests are billed on the aws_sqs_queue"

const struct type_spec aws_sqs_queue_policy_type =
	COMPANION("aws_sqs_queue_policy", "SQS queue policy", QUEUE_SETTING);
const struct type_spec aws_sqs_queue_redrive_policy_type =
	COMPANION("aws_sqs_queue_redrive_policy", "SQS redrive policy", QUEUE_SETTING);
