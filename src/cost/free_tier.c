/*
 * free_tier.c - the always-free allowances, as their own negative lines.
 *
 * Free tiers apply across all resources of an account, so they cannot sit
 * on one resource: the engine adds a "free_tier" block after pricing
 * everything, with one line per allowance the scenario actually uses.
 * Each pricer tags the lines that count toward an allowance (pricer_pool);
 * the allowance is min(the pool's total, the cap) at the price of the
 * pool's first priced line. --no-free-tier drops the block, for an account
 * whose allowance is already spent elsewhere.
 *
 * The allowances (AWS pricing pages for CloudWatch and for EC2 data
 * transfer): 5 GB of CloudWatch Logs, 3 dashboards, 10 standard alarms and
 * 10 custom metrics a month, and 100 GB of data transfer out to the
 * internet a month across all regions. Always free, from each service's
 * pricing page: AWS Lambda 1 million requests and 400,000 GB-seconds a
 * month (x86 and Arm together); SQS 1 million requests and SNS 1 million
 * requests a month; CloudFront 1 TB of data out and 10 million HTTP(S)
 * requests a month; DynamoDB 25 GB of storage and 25 provisioned read and
 * 25 write capacity units (25 x 730 unit-hours a month).
 */
#include <stdlib.h>
#include <string.h>

#include "cost/pricer.h"
#include "util/error.h"

const struct free_pool_spec FREE_POOLS[POOL_COUNT] = {
	[POOL_NONE] = {NULL, NULL, 0, NULL, NULL, CAT_FREE, NULL},
	[POOL_LOGS] = {"CloudWatch Logs: first 5 GB", "GB", 5, "free_logs_gb", "GB/month",
		       CAT_OBSERVABILITY,
		"https://aws.amazon.com/cloudwatch/pricing/ (Free tier)"},
	[POOL_DASHBOARDS] = {"CloudWatch: first 3 dashboards", "months", 3, "free_dashboards",
			     "dashboards", CAT_OBSERVABILITY,
		"https://aws.amazon.com/cloudwatch/pricing/ (Free tier)"},
	[POOL_ALARMS] = {"CloudWatch: first 10 standard alarms", "months", 10, "free_alarms",
			 "alarms", CAT_OBSERVABILITY,
		"https://aws.amazon.com/cloudwatch/pricing/ (Free tier)"},
	[POOL_METRICS] = {"CloudWatch: first 10 custom metrics", "metrics", 10,
			  "free_custom_metrics", "metrics", CAT_OBSERVABILITY,
		"https://aws.amazon.com/cloudwatch/pricing/ (Free tier)"},
	[POOL_DATA_OUT] = {"Data transfer out: first 100 GB", "GB", 100, "free_data_out_gb",
			   "GB/month", CAT_NETWORK,
		"https://aws.amazon.com/ec2/pricing/on-demand/ (Data Transfer)"},
	[POOL_LAMBDA_REQUESTS] = {"Lambda: first 1M requests", "requests", 1000000,
				  "free_lambda_requests", "requests/month", CAT_COMPUTE,
		"https://aws.amazon.com/lambda/pricing/ (AWS Lambda free tier)"},
	[POOL_LAMBDA_GB_SECONDS] = {"Lambda: first 400,000 GB-seconds", "GB-seconds", 400000,
				    "free_lambda_gb_seconds", "GB-seconds/month", CAT_COMPUTE,
		"https://aws.amazon.com/lambda/pricing/ (AWS Lambda free tier)"},
	[POOL_SQS_REQUESTS] = {"SQS: first 1M requests", "requests", 1000000, "free_sqs_requests",
			       "requests/month", CAT_DATA,
		"https://aws.amazon.com/sqs/pricing/ (Free tier)"},
	[POOL_SNS_REQUESTS] = {"SNS: first 1M requests", "requests", 1000000, "free_sns_requests",
			       "requests/month", CAT_DATA,
		"https://aws.amazon.com/sns/pricing/ (Free tier)"},
	[POOL_CLOUDFRONT_DATA_OUT] = {"CloudFront: first 1 TB out", "GB", 1024,
				      "free_cloudfront_data_out_gb", "GB/month", CAT_NETWORK,
		"https://aws.amazon.com/cloudfront/pricing/ (Free tier)"},
	[POOL_CLOUDFRONT_REQUESTS] = {"CloudFront: first 10M requests", "requests", 10000000,
				      "free_cloudfront_requests", "requests/month", CAT_NETWORK,
		"https://aws.amazon.com/cloudfront/pricing/ (Free tier)"},
	[POOL_DYNAMODB_STORAGE] = {"DynamoDB: first 25 GB stored", "GB-months", 25,
				   "free_dynamodb_storage_gb", "GB", CAT_DATA,
		"https://aws.amazon.com/dynamodb/pricing/ (Free tier)"},
	[POOL_DYNAMODB_RCU] = {"DynamoDB: 25 read capacity units", "RCU-hours", 18250,
			       "free_dynamodb_rcu_hours", "RCU-hours/month", CAT_DATA,
		"https://aws.amazon.com/dynamodb/pricing/ (Free tier)"},
	[POOL_DYNAMODB_WCU] = {"DynamoDB: 25 write capacity units", "WCU-hours", 18250,
			       "free_dynamodb_wcu_hours", "WCU-hours/month", CAT_DATA,
		"https://aws.amazon.com/dynamodb/pricing/ (Free tier)"},
};

static void allowance(struct pricer_ctx *p, enum free_pool pool)
{
	const struct free_pool_spec *f = &FREE_POOLS[pool];
	const struct price_entry *price = NULL;
	dec used = dec_zero();
	for (size_t i = 0; i < p->b->n; i++) {
		const struct cost_item *it = &p->b->items[i];
		for (size_t j = 0; j < it->n; j++) {
			const struct cost_line *l = &it->lines[j];
			if (l->pool != pool || l->free_tier)
				continue;
			used = dec_add(used, l->quantity);
			if (!price)
				price = l->price;
		}
	}
	if (!price || dec_cmp(used, dec_zero()) <= 0)
		return;
	dec qty = dec_min(used, dec_from_int(f->cap));
	struct cost_item *it = p->item;
	it->lines = xrealloc(it->lines, (it->n + 1) * sizeof(*it->lines));
	struct cost_line *l = &it->lines[it->n++];
	memset(l, 0, sizeof(*l));
	l->name = xstrdup(f->line);
	l->unit = xstrdup(f->unit);
	l->quantity = dec_neg(qty);
	l->price = price;
	l->unit_price = price_entry_unit_price(price);
	l->free_tier = true;
	l->pool = pool;
	if (price_entry_cost(price, qty, &l->cost) != 0) {
		cp_error(CP_EXIT_DATA, "free tier \"%s\": the allowance would be worth $10^15 or "
			 "more; check the price file", f->line);
		pricer_fail(p, CP_EXIT_DATA);
		return;
	}
	l->cost = dec_neg(l->cost);
	l->cost_cents = dec_round_cents(l->cost);
	it->total = dec_add(it->total, l->cost_cents);
}

void price_free_tier(struct pricer_ctx *p)
{
	static const enum free_pool ORDER[] = {POOL_LOGS, POOL_DASHBOARDS, POOL_ALARMS,
					       POOL_METRICS, POOL_DATA_OUT, POOL_LAMBDA_REQUESTS,
					       POOL_LAMBDA_GB_SECONDS, POOL_SQS_REQUESTS,
					       POOL_SNS_REQUESTS, POOL_CLOUDFRONT_DATA_OUT,
					       POOL_CLOUDFRONT_REQUESTS, POOL_DYNAMODB_STORAGE,
					       POOL_DYNAMODB_RCU, POOL_DYNAMODB_WCU};
	for (size_t i = 0; i < sizeof(ORDER) / sizeof(ORDER[0]) && !p->rc; i++)
		allowance(p, ORDER[i]);
}
