/*
 * test_types_edge.c - the network, edge, data and messaging types (issue
 * 16) against figures worked out by hand from the snapshot's price rows.
 *
 * Each case cites the row it uses: offer, region, usage type (billing
 * prefix as the file has it) and price, from pricing/aws/<region>/<offer>.csv.
 * Free tiers are off (no_free = true) unless a case is about one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cost/engine.h"
#include "cost/types/registry.h"
#include "model/scenario.h"

#include "test_catalog_util.h"

/* Price a scenario document given as text. */
static void price_text(const char *text, const char *region, bool no_free, struct breakdown *b)
{
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	struct scenario s;
	struct cost_options o = {region, no_free};
	if (!root)
		fail_msg("bad test JSON: %s (column %d)", err.text, err.column);
	assert_int_equal(scenario_from_json(root, "test.json", NULL, &s), 0);
	assert_int_equal(cost_breakdown(&s, cat, &o, b), 0);
	scenario_release(&s);
	json_decref(root);
}

/* Every item's displayed total is the sum of its displayed lines. */
static void sums_hold(const struct breakdown *b)
{
	dec sum = dec_zero();
	for (size_t i = 0; i < b->n; i++) {
		dec isum = dec_zero();
		for (size_t j = 0; j < b->items[i].n; j++)
			isum = dec_add(isum, b->items[i].lines[j].cost_cents);
		assert_string_equal(cents(isum), cents(b->items[i].total));
		sum = dec_add(sum, b->items[i].total);
	}
	assert_string_equal(cents(sum), cents(b->total));
}

static bool warned(const struct breakdown *b, const char *part)
{
	for (size_t i = 0; i < b->nwarn; i++)
		if (strstr(b->warnings[i], part))
			return true;
	return false;
}

/* ---- load balancers ----------------------------------------------------- */

static void nlb_two_azs_one_gb(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_lb\":{\"n\":{\"load_balancer_type\":\"network\","
		   "\"subnets\":[\"a\",\"b\"]}}},"
		   "\"usage\":{\"aws_lb.n\":{\"processed_bytes_gb\":1}}}",
		   NULL, true, &b);
	/* AWSELB us-east-1 LoadBalancerUsage (Load Balancer-Network) $0.0225/h:
	 * 730 x 0.0225 = 16.425 -> 16.43 */
	assert_string_equal(line_cost(&b, "aws_lb.n", "Network load balancer"), "16.43");
	/* NLCU: max(0 / 800, 0 / 100,000, 1 GB / 1) = 1 an hour x 730 = 730 NLCU-h;
	 * AWSELB us-east-1 LCUUsage (Load Balancer-Network) $0.006: 730 x 0.006 = 4.38 */
	const struct cost_line *l = line(&b, "aws_lb.n", "NLB capacity units");
	assert_string_equal(cents(l->quantity), "730.00");
	assert_string_equal(cents(l->cost_cents), "4.38");
	assert_true(l->usage_based);
	/* internet-facing, 2 subnets: AmazonVPC USE1-PublicIPv4:InUseAddress $0.005:
	 * 2 x 730 x 0.005 = 7.30 */
	assert_string_equal(line_cost(&b, "aws_lb.n", "Public IPv4 (one per subnet)"), "7.30");
	assert_string_equal(item_total(&b, "aws_lb.n"), "28.11");
	sums_hold(&b);
	breakdown_release(&b);
}

static void nlb_protocols_add(void **state)
{
	struct breakdown b;
	(void)state;
	/* TCP 1,600 new/s = 2 NLCU; TLS 100 new/s = 2 NLCU; UDP 100,000 active = 2:
	 * 6 NLCU x 730 = 4,380 NLCU-h x 0.006 = 26.28. Three subnets, two with an
	 * Elastic IP: one public IPv4 here, 730 x 0.005 = 3.65 */
	price_text("{\"resource\":{\"aws_lb\":{\"n\":{\"load_balancer_type\":\"network\","
		   "\"subnets\":[\"a\",\"b\",\"c\"],\"elastic_ips\":[\"x\",\"y\"]}}},"
		   "\"usage\":{\"aws_lb.n\":{\"new_connections\":1600,\"tls_new_connections\":100,"
		   "\"udp_active_flows\":100000}}}",
		   NULL, true, &b);
	assert_string_equal(line_cost(&b, "aws_lb.n", "NLB capacity units"), "26.28");
	assert_string_equal(line_cost(&b, "aws_lb.n", "Public IPv4 (one per subnet)"), "3.65");
	breakdown_release(&b);
	/* internal: no public IPv4 line */
	price_text("{\"resource\":{\"aws_lb\":{\"n\":{\"load_balancer_type\":\"network\","
		   "\"internal\":true,\"subnets\":[\"a\"]}}}}",
		   NULL, true, &b);
	assert_null(find_line(&b, "aws_lb.n", "Public IPv4 (one per subnet)"));
	breakdown_release(&b);
}

static void gwlb_hours_and_glcu(void **state)
{
	struct breakdown b;
	(void)state;
	/* AWSELB us-east-1 LoadBalancerUsage (Load Balancer-Gateway) $0.0125/h:
	 * 730 x 0.0125 = 9.125 -> 9.13; GLCU: max(1,200 new flows / 600 = 2,
	 * 30,000 / 60,000, 0.5 GB) = 2 x 730 = 1,460 GLCU-h x $0.004 (LCUUsage,
	 * Load Balancer-Gateway) = 5.84. Never internet-facing: no IPv4 line. */
	price_text("{\"resource\":{\"aws_lb\":{\"g\":{\"load_balancer_type\":\"gateway\","
		   "\"subnets\":[\"a\",\"b\"]}}},"
		   "\"usage\":{\"aws_lb.g\":{\"new_connections\":1200,\"active_connections\":30000,"
		   "\"processed_bytes_gb\":0.5,\"monthly_lcu_hours\":5}}}",
		   NULL, true, &b);
	assert_string_equal(line_cost(&b, "aws_lb.g", "Gateway load balancer"), "9.13");
	assert_string_equal(line_cost(&b, "aws_lb.g", "GWLB capacity units"), "5.84");
	assert_null(find_line(&b, "aws_lb.g", "Public IPv4 (one per subnet)"));
	/* the simulated ALB figure is not used for a GWLB, and says so */
	assert_true(warned(&b, "monthly_lcu_hours counts Application Load Balancer LCUs"));
	breakdown_release(&b);
}

static void alb_alias_equals_lb(void **state)
{
	struct breakdown b;
	(void)state;
	/* the guide's ALB under both names: 16.43 + 0.23 + 7.30 = 23.96 each
	 * (LCU: max(1/25, 100/3000, 0.02, 0) = 0.04 x 730 = 29.2 x 0.008 = 0.2336) */
	price_text("{\"resource\":{\"aws_lb\":{\"main\":{\"subnets\":[\"a\",\"b\"]}},"
		   "\"aws_alb\":{\"main\":{\"subnets\":[\"a\",\"b\"]}}},"
		   "\"usage\":{\"aws_lb.main\":{\"new_connections\":1,\"active_connections\":100,"
		   "\"processed_bytes_gb\":0.02},\"aws_alb.main\":{\"new_connections\":1,"
		   "\"active_connections\":100,\"processed_bytes_gb\":0.02}}}",
		   NULL, true, &b);
	assert_string_equal(item_total(&b, "aws_lb.main"), "23.96");
	assert_string_equal(item_total(&b, "aws_alb.main"), "23.96");
	const struct cost_item *a = breakdown_item(&b, "aws_lb.main");
	const struct cost_item *c = breakdown_item(&b, "aws_alb.main");
	assert_int_equal(a->n, c->n);
	for (size_t i = 0; i < a->n; i++) {
		assert_string_equal(a->lines[i].name, c->lines[i].name);
		assert_string_equal(cents(a->lines[i].cost), cents(c->lines[i].cost));
	}
	breakdown_release(&b);
}

/* ---- messaging ---------------------------------------------------------- */

static void sqs_fifo_30m(void **state)
{
	struct breakdown b;
	(void)state;
	/* AWSQueueService us-east-1 Requests-FIFO-RBP (FIFO) $0.0000005 for the first
	 * 100 billion: 30,000,000 x 0.0000005 = 15.00 */
	price_text("{\"resource\":{\"aws_sqs_queue\":{\"jobs\":{\"fifo_queue\":true}}},"
		   "\"usage\":{\"aws_sqs_queue.jobs\":{\"monthly_requests\":30000000}}}",
		   NULL, true, &b);
	assert_string_equal(line_cost(&b, "aws_sqs_queue.jobs", "FIFO requests"), "15.00");
	breakdown_release(&b);
	/* with the free tier: the first 1,000,000 requests at the same price, -0.50 */
	price_text("{\"resource\":{\"aws_sqs_queue\":{\"jobs\":{\"fifo_queue\":true}}},"
		   "\"usage\":{\"aws_sqs_queue.jobs\":{\"monthly_requests\":30000000}}}",
		   NULL, false, &b);
	assert_string_equal(line_cost(&b, "free_tier", "SQS: first 1M requests"), "-0.50");
	assert_string_equal(cents(b.total), "14.50");
	breakdown_release(&b);
}

static void sqs_standard_chunks(void **state)
{
	struct breakdown b;
	(void)state;
	/* 200 KB messages are 4 chunks of 64 KB: 2,000,000 x 4 = 8,000,000 requests;
	 * Requests-RBP (Standard) $0.0000004: 3.20. Two queues share the one free
	 * million: -0.40 once. */
	price_text("{\"resource\":{\"aws_sqs_queue\":{\"big\":{},\"small\":{}}},"
		   "\"usage\":{\"aws_sqs_queue.big\":{\"monthly_requests\":2000000,"
		   "\"request_size_kb\":200},\"aws_sqs_queue.small\":{\"monthly_requests\":500000}}}",
		   NULL, false, &b);
	const struct cost_line *l = line(&b, "aws_sqs_queue.big", "Standard requests");
	assert_string_equal(cents(l->quantity), "8000000.00");
	assert_string_equal(cents(l->cost_cents), "3.20");
	/* 500,000 x 0.0000004 = 0.20 */
	assert_string_equal(line_cost(&b, "aws_sqs_queue.small", "Standard requests"), "0.20");
	assert_string_equal(line_cost(&b, "free_tier", "SQS: first 1M requests"), "-0.40");
	sums_hold(&b);
	breakdown_release(&b);
	/* exactly 64 KB is one chunk; 64.5 KB is two */
	price_text("{\"resource\":{\"aws_sqs_queue\":{\"a\":{},\"b\":{}}},"
		   "\"usage\":{\"aws_sqs_queue.a\":{\"monthly_requests\":1000000,"
		   "\"request_size_kb\":64},\"aws_sqs_queue.b\":{\"monthly_requests\":1000000,"
		   "\"request_size_kb\":64.5}}}",
		   NULL, true, &b);
	assert_string_equal(cents(line(&b, "aws_sqs_queue.a", "Standard requests")->quantity),
			    "1000000.00");
	assert_string_equal(cents(line(&b, "aws_sqs_queue.b", "Standard requests")->quantity),
			    "2000000.00");
	breakdown_release(&b);
}

static void sns_publishes_and_https(void **state)
{
	struct breakdown b;
	(void)state;
	/* AmazonSNS us-east-1 Requests-Tier1 $0.0000005: 5,000,000 x 0.0000005 = 2.50.
	 * DeliveryAttempts-HTTP: $0 for the first 100,000, then $0.0000006:
	 * 5,000,000 x 1 subscription = 4,900,000 billed x 0.0000006 = 2.94 */
	price_text("{\"resource\":{\"aws_sns_topic\":{\"events\":{}}},"
		   "\"usage\":{\"aws_sns_topic.events\":{\"monthly_requests\":5000000,"
		   "\"http_subscriptions\":1}}}",
		   NULL, true, &b);
	assert_string_equal(line_cost(&b, "aws_sns_topic.events", "API requests (publishes)"), "2.50");
	const struct cost_line *l = line(&b, "aws_sns_topic.events", "HTTP/S deliveries");
	assert_string_equal(cents(l->quantity), "5000000.00");
	assert_string_equal(cents(l->cost_cents), "2.94");
	assert_true(l->tiered);
	assert_string_equal(item_total(&b, "aws_sns_topic.events"), "5.44");
	breakdown_release(&b);
	/* free tier: the first million publishes, -0.50; SQS and Lambda deliveries
	 * have no line (free); SMS is warned about, FIFO topics are not priced */
	price_text("{\"resource\":{\"aws_sns_topic\":{\"events\":{},\"f\":{\"fifo_topic\":true}}},"
		   "\"usage\":{\"aws_sns_topic.events\":{\"monthly_requests\":5000000,"
		   "\"email_subscriptions\":2,\"sms_subscriptions\":1}}}",
		   NULL, false, &b);
	assert_string_equal(line_cost(&b, "free_tier", "SNS: first 1M requests"), "-0.50");
	/* email: 10,000,000 deliveries, first 1,000 free, then $0.00002: 199.98 */
	assert_string_equal(line_cost(&b, "aws_sns_topic.events", "Email deliveries"), "199.98");
	assert_true(warned(&b, "SMS deliveries are not priced"));
	assert_int_equal(b.nunpriced, 1);
	assert_string_equal(b.unpriced[0].address, "aws_sns_topic.f");
	breakdown_release(&b);
}

/* ---- DynamoDB ------------------------------------------------------------ */

static void dynamodb_on_demand(void **state)
{
	struct breakdown b;
	(void)state;
	/* AmazonDynamoDB us-east-1: WriteRequestUnits $0.000000625, ReadRequestUnits
	 * $0.000000125, TimedStorage-ByteHrs $0.25/GB-month:
	 * 20,000,000 x 0.000000625 = 12.50; 100,000,000 x 0.000000125 = 12.50;
	 * 50 x 0.25 = 12.50; total 37.50 */
	price_text("{\"resource\":{\"aws_dynamodb_table\":{\"t\":{\"billing_mode\":\"PAY_PER_REQUEST\"}}},"
		   "\"usage\":{\"aws_dynamodb_table.t\":{\"monthly_write_request_units\":20000000,"
		   "\"monthly_read_request_units\":100000000,\"storage_gb\":50}}}",
		   NULL, true, &b);
	assert_string_equal(line_cost(&b, "aws_dynamodb_table.t", "Write request units"), "12.50");
	assert_string_equal(line_cost(&b, "aws_dynamodb_table.t", "Read request units"), "12.50");
	assert_string_equal(line_cost(&b, "aws_dynamodb_table.t", "Storage"), "12.50");
	assert_string_equal(item_total(&b, "aws_dynamodb_table.t"), "37.50");
	/* PITR is off: no PITR line */
	assert_null(find_line(&b, "aws_dynamodb_table.t", "Point-in-time recovery storage"));
	breakdown_release(&b);
	/* the free tier: 25 GB at 0.25 = -6.25 */
	price_text("{\"resource\":{\"aws_dynamodb_table\":{\"t\":{\"billing_mode\":\"PAY_PER_REQUEST\"}}},"
		   "\"usage\":{\"aws_dynamodb_table.t\":{\"storage_gb\":50}}}",
		   NULL, false, &b);
	assert_string_equal(line_cost(&b, "free_tier", "DynamoDB: first 25 GB stored"), "-6.25");
	breakdown_release(&b);
}

static void dynamodb_provisioned(void **state)
{
	struct breakdown b;
	(void)state;
	/* ReadCapacityUnit-Hrs $0.00013: 10 x 730 = 7,300 x 0.00013 = 0.949 -> 0.95;
	 * WriteCapacityUnit-Hrs $0.00065: 5 x 730 = 3,650 x 0.00065 = 2.3725 -> 2.37 */
	price_text("{\"resource\":{\"aws_dynamodb_table\":{\"t\":{\"read_capacity\":10,"
		   "\"write_capacity\":5}}}}",
		   NULL, true, &b);
	assert_string_equal(line_cost(&b, "aws_dynamodb_table.t", "Read capacity"), "0.95");
	assert_string_equal(line_cost(&b, "aws_dynamodb_table.t", "Write capacity"), "2.37");
	assert_string_equal(item_total(&b, "aws_dynamodb_table.t"), "3.32");
	breakdown_release(&b);
	/* inside the always-free 25 RCU and 25 WCU: both given back */
	price_text("{\"resource\":{\"aws_dynamodb_table\":{\"t\":{\"read_capacity\":10,"
		   "\"write_capacity\":5}}}}",
		   NULL, false, &b);
	assert_string_equal(cents(b.total), "0.00");
	breakdown_release(&b);
	/* Standard-IA with two GSIs' capacity: IA-ReadCapacityUnit-Hrs $0.00016,
	 * (10 + 20) x 730 = 21,900 x 0.00016 = 3.504 -> 3.50; IA-WriteCapacityUnit-Hrs
	 * $0.00081, (5 + 5) x 730 = 7,300 x 0.00081 = 5.913 -> 5.91; IA storage
	 * $0.10 x 100 = 10.00, PITR $0.20 x 100 = 20.00. IA is outside the free tier. */
	price_text("{\"resource\":{\"aws_dynamodb_table\":{\"t\":{\"read_capacity\":10,"
		   "\"write_capacity\":5,\"gsi_read_capacity\":20,\"gsi_write_capacity\":5,"
		   "\"table_class\":\"STANDARD_INFREQUENT_ACCESS\","
		   "\"point_in_time_recovery\":{\"enabled\":true}}}},"
		   "\"usage\":{\"aws_dynamodb_table.t\":{\"storage_gb\":100,\"pitr_backup_storage_gb\":100}}}",
		   NULL, false, &b);
	assert_string_equal(line_cost(&b, "aws_dynamodb_table.t", "Read capacity"), "3.50");
	assert_string_equal(line_cost(&b, "aws_dynamodb_table.t", "Write capacity"), "5.91");
	assert_string_equal(line_cost(&b, "aws_dynamodb_table.t", "Storage (Standard-IA)"), "10.00");
	assert_string_equal(line_cost(&b, "aws_dynamodb_table.t", "Point-in-time recovery storage"),
			    "20.00");
	assert_null(breakdown_item(&b, "free_tier"));
	breakdown_release(&b);
}

/* ---- S3 storage classes --------------------------------------------------- */

static void s3_ia_and_deep_archive(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_s3_bucket\":{\"b\":{}}},"
		   "\"usage\":{\"aws_s3_bucket.b\":{"
		   "\"standard_infrequent_access\":{\"storage_gb\":1024,"
		   "\"monthly_tier_1_requests\":100000,\"monthly_tier_2_requests\":1000000},"
		   "\"glacier_deep_archive\":{\"storage_gb\":10240,\"monthly_tier_1_requests\":10000,"
		   "\"monthly_standard_data_retrieval_requests\":1000,"
		   "\"monthly_standard_data_retrieval_gb\":100}}}}",
		   NULL, true, &b);
	/* AmazonS3 us-east-1 TimedStorage-SIA-ByteHrs $0.0125: 1,024 x 0.0125 = 12.80;
	 * Requests-SIA-Tier1 $0.00001: 100,000 -> 1.00; Requests-SIA-Tier2 $0.000001:
	 * 1,000,000 -> 1.00 */
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Standard-IA storage"), "12.80");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Standard-IA PUT/COPY/POST/LIST"), "1.00");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Standard-IA GET and others"), "1.00");
	/* AmazonS3GlacierDeepArchive us-east-1 TimedStorage-GDA-ByteHrs $0.00099:
	 * 10,240 x 0.00099 = 10.1376 -> 10.14; Requests-GDA-Tier1 $0.00005: 10,000 -> 0.50;
	 * Requests-GDA-Tier3 $0.0001: 1,000 -> 0.10; DAA-Standard-Retrieval-Bytes $0.02:
	 * 100 GB -> 2.00 */
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Deep Archive storage"), "10.14");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Deep Archive PUT/COPY/POST/LIST"), "0.50");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Deep Archive standard restores"), "0.10");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Deep Archive standard retrievals"),
			    "2.00");
	/* S3 Standard's three lines are still there, at $0 */
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Standard storage"), "0.00");
	/* classes with no figure add no line */
	assert_null(find_line(&b, "aws_s3_bucket.b", "One Zone-IA storage"));
	assert_string_equal(item_total(&b, "aws_s3_bucket.b"), "27.54");
	breakdown_release(&b);
}

static void s3_other_classes(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_s3_bucket\":{\"b\":{}}},"
		   "\"usage\":{\"aws_s3_bucket.b\":{"
		   "\"intelligent_tiering\":{\"frequent_access_storage_gb\":60000,"
		   "\"infrequent_access_storage_gb\":1000,\"monitored_objects\":2000000},"
		   "\"one_zone_infrequent_access\":{\"storage_gb\":100,\"monthly_data_retrieval_gb\":50},"
		   "\"glacier_instant_retrieval\":{\"storage_gb\":1000,\"monthly_data_retrieval_gb\":10},"
		   "\"glacier_flexible_retrieval\":{\"storage_gb\":1000,"
		   "\"monthly_expedited_data_retrieval_requests\":100,"
		   "\"monthly_expedited_data_retrieval_gb\":10},"
		   "\"glacier_deep_archive\":{\"storage_gb\":1,\"monthly_tier_2_requests\":5}}}}",
		   NULL, true, &b);
	/* TimedStorage-INT-FA-ByteHrs, tiered like S3 Standard: 51,200 x 0.023 = 1,177.60
	 * plus 8,800 x 0.022 = 193.60 -> 1,371.20; INT-IA $0.0125 x 1,000 = 12.50;
	 * Monitoring-Automation-INT $0.0000025 x 2,000,000 = 5.00 */
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Int-Tiering frequent access"), "1371.20");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Int-Tiering infrequent access"), "12.50");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Int-Tiering monitoring"), "5.00");
	/* TimedStorage-ZIA-ByteHrs $0.01 x 100 = 1.00; Retrieval-ZIA $0.01 x 50 = 0.50 */
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "One Zone-IA storage"), "1.00");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "One Zone-IA retrievals"), "0.50");
	/* TimedStorage-GIR-ByteHrs $0.004 x 1,000 = 4.00; Retrieval-GIR $0.03 x 10 = 0.30 */
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Glacier IR storage"), "4.00");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Glacier IR retrievals"), "0.30");
	/* TimedStorage-GLACIERByteHrs $0.0036 x 1,000 = 3.60; Requests-Tier6 $0.01 x 100
	 * = 1.00; Expedited-Retrieval-Bytes $0.03 x 10 = 0.30 */
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Glacier FR storage"), "3.60");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Glacier FR expedited restores"), "1.00");
	assert_string_equal(line_cost(&b, "aws_s3_bucket.b", "Glacier FR expedited retrievals"), "0.30");
	/* Deep Archive GET requests have no row: warned, no line */
	assert_null(find_line(&b, "aws_s3_bucket.b", "Deep Archive GET and others"));
	assert_true(warned(&b, "Requests-GDA-Tier2"));
	sums_hold(&b);
	breakdown_release(&b);
}

/* ---- CloudFront ----------------------------------------------------------- */

static void cloudfront_price_class_100(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_cloudfront_distribution\":{\"cdn\":{"
		   "\"price_class\":\"PriceClass_100\"}}},"
		   "\"usage\":{\"aws_cloudfront_distribution.cdn\":{"
		   "\"monthly_data_transfer_to_internet_gb\":{\"us\":12288,\"europe\":3072},"
		   "\"monthly_https_requests\":{\"us\":30000000,\"europe\":20000000}}}}",
		   NULL, true, &b);
	/* 15 TB: 12 TB to North America, 3 TB to Europe. AmazonCloudFront (every
	 * region's file) US-DataTransfer-Out-Bytes, CloudFront Outbound, From Location
	 * United States: $0.085 for 0-10,240 GB, $0.080 for 10,240-51,200 GB:
	 * 10,240 x 0.085 = 870.40 + 2,048 x 0.080 = 163.84 -> 1,034.24.
	 * EU-DataTransfer-Out-Bytes (Europe) first tier $0.085: 3,072 x 0.085 = 261.12 */
	const struct cost_line *us = line(&b, "aws_cloudfront_distribution.cdn",
					  "North America: data out");
	assert_string_equal(cents(us->cost_cents), "1034.24");
	assert_true(us->tiered);
	assert_string_equal(line_cost(&b, "aws_cloudfront_distribution.cdn", "Europe/Israel: data out"),
			    "261.12");
	/* 50M HTTPS requests: US-Requests-Tier2-HTTPS $0.000001 x 30,000,000 = 30.00;
	 * EU-Requests-Tier2-HTTPS $0.0000012 x 20,000,000 = 24.00 */
	assert_string_equal(line_cost(&b, "aws_cloudfront_distribution.cdn",
				      "North America: HTTPS requests"), "30.00");
	assert_string_equal(line_cost(&b, "aws_cloudfront_distribution.cdn",
				      "Europe/Israel: HTTPS requests"), "24.00");
	assert_string_equal(item_total(&b, "aws_cloudfront_distribution.cdn"), "1349.36");
	breakdown_release(&b);
}

static void cloudfront_outside_class(void **state)
{
	struct breakdown b;
	(void)state;
	/* PriceClass_100 does not serve Japan: its 1,000 GB are billed at North
	 * America's rate, in its tiers: 10,240 x 0.085 + 3,048 x 0.080 = 1,114.24.
	 * No Japan line. The free tier gives back 1 TB at $0.085 = 87.04 and 10M
	 * requests at $0.000001 = 10.00. */
	price_text("{\"resource\":{\"aws_cloudfront_distribution\":{\"cdn\":{"
		   "\"price_class\":\"PriceClass_100\"}}},"
		   "\"usage\":{\"aws_cloudfront_distribution.cdn\":{"
		   "\"monthly_data_transfer_to_internet_gb\":{\"us\":12288,\"japan\":1000},"
		   "\"monthly_https_requests\":{\"us\":30000000}}}}",
		   NULL, false, &b);
	const struct cost_line *us = line(&b, "aws_cloudfront_distribution.cdn",
					  "North America: data out");
	assert_string_equal(cents(us->quantity), "13288.00");
	assert_string_equal(cents(us->cost_cents), "1114.24");
	assert_non_null(us->note);
	assert_null(find_line(&b, "aws_cloudfront_distribution.cdn", "Japan: data out"));
	assert_string_equal(line_cost(&b, "free_tier", "CloudFront: first 1 TB out"), "-87.04");
	assert_string_equal(line_cost(&b, "free_tier", "CloudFront: first 10M requests"), "-10.00");
	breakdown_release(&b);
	/* PriceClass_All serves Japan itself: JP-DataTransfer-Out-Bytes $0.114 x 1,000
	 * = 114.00; invalidations: first 1,000 paths free, then $0.005: 500 x 0.005 = 2.50 */
	price_text("{\"resource\":{\"aws_cloudfront_distribution\":{\"cdn\":{}}},"
		   "\"usage\":{\"aws_cloudfront_distribution.cdn\":{"
		   "\"monthly_data_transfer_to_internet_gb\":{\"japan\":1000},"
		   "\"monthly_invalidation_requests\":1500}}}",
		   NULL, true, &b);
	assert_string_equal(line_cost(&b, "aws_cloudfront_distribution.cdn", "Japan: data out"),
			    "114.00");
	assert_string_equal(line_cost(&b, "aws_cloudfront_distribution.cdn", "Invalidation paths"),
			    "2.50");
	breakdown_release(&b);
}

/* ---- Route 53 -------------------------------------------------------------- */

static void route53_zone_and_queries(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_route53_zone\":{\"main\":{\"name\":\"example.com\"}},"
		   "\"aws_route53_record\":{\"api\":{},\"www\":{\"alias\":[{}]}}},"
		   "\"usage\":{\"aws_route53_record.api\":{\"monthly_standard_queries\":10000000},"
		   "\"aws_route53_record.www\":{\"monthly_standard_queries\":10000000}}}",
		   NULL, true, &b);
	/* AmazonRoute53 (every region's file) HostedZone: $0.50 for the first 25 */
	assert_string_equal(line_cost(&b, "aws_route53_zone.main", "Hosted zone"), "0.50");
	/* DNS-Queries $0.0000004 for the first billion: 10,000,000 x 0.0000004 = 4.00 */
	assert_string_equal(line_cost(&b, "aws_route53_record.api", "Standard queries"), "4.00");
	/* an alias to an AWS resource: free whatever its queries */
	assert_string_equal(item_total(&b, "aws_route53_record.www"), "0.00");
	assert_string_equal(cents(b.total), "4.50");
	breakdown_release(&b);
	/* 30 zones: 25 x 0.50 + 5 x 0.10 = 13.00; LBR-Queries $0.0000006 to a billion,
	 * then $0.0000003: 1.5 billion = 600.00 + 150.00 = 750.00; a latency record
	 * has no standard-query line unless given one */
	price_text("{\"resource\":{\"aws_route53_zone\":{\"z\":{\"count\":30}},"
		   "\"aws_route53_record\":{\"lat\":{\"latency_routing_policy\":[{}]}}},"
		   "\"usage\":{\"aws_route53_record.lat\":{\"monthly_latency_based_queries\":1500000000}}}",
		   NULL, true, &b);
	assert_string_equal(item_total(&b, "aws_route53_zone.z"), "13.00");
	assert_string_equal(line_cost(&b, "aws_route53_record.lat", "Latency-based routing queries"),
			    "750.00");
	assert_null(find_line(&b, "aws_route53_record.lat", "Standard queries"));
	breakdown_release(&b);
}

/* ---- API Gateway ------------------------------------------------------------ */

static void api_gateway_tiers(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_apigatewayv2_api\":{\"http\":{\"protocol_type\":\"HTTP\"},"
		   "\"ws\":{\"protocol_type\":\"WEBSOCKET\"}},"
		   "\"aws_api_gateway_rest_api\":{\"rest\":{}}},"
		   "\"usage\":{\"aws_apigatewayv2_api.http\":{\"monthly_requests\":350000000},"
		   "\"aws_apigatewayv2_api.ws\":{\"monthly_messages\":2000000,\"message_size_kb\":40,"
		   "\"monthly_connection_mins\":10000000},"
		   "\"aws_api_gateway_rest_api.rest\":{\"monthly_requests\":400000000}}}",
		   NULL, true, &b);
	/* AmazonApiGateway us-east-1 USE1-ApiGatewayHttpRequest: $0.000001 to 300M,
	 * then $0.0000009: 300,000,000 x 0.000001 = 300.00 + 50,000,000 x 0.0000009 =
	 * 45.00 -> 345.00 */
	assert_string_equal(line_cost(&b, "aws_apigatewayv2_api.http", "HTTP API requests"), "345.00");
	/* 40 KB messages are 2 of 32 KB: 4,000,000 x USE1-ApiGatewayMessage $0.000001 =
	 * 4.00; USE1-ApiGatewayMinute $0.00000025 x 10,000,000 = 2.50 */
	const struct cost_line *m = line(&b, "aws_apigatewayv2_api.ws", "Messages");
	assert_string_equal(cents(m->quantity), "4000000.00");
	assert_string_equal(cents(m->cost_cents), "4.00");
	assert_string_equal(line_cost(&b, "aws_apigatewayv2_api.ws", "Connection minutes"), "2.50");
	/* USE1-ApiGatewayRequest: $0.0000035 to 333M, then $0.0000028:
	 * 333,000,000 x 0.0000035 = 1,165.50 + 67,000,000 x 0.0000028 = 187.60 */
	assert_string_equal(line_cost(&b, "aws_api_gateway_rest_api.rest", "REST API requests"),
			    "1353.10");
	breakdown_release(&b);
	/* 600 KB HTTP requests are two 512 KB increments */
	price_text("{\"resource\":{\"aws_apigatewayv2_api\":{\"http\":{\"protocol_type\":\"HTTP\"}}},"
		   "\"usage\":{\"aws_apigatewayv2_api.http\":{\"monthly_requests\":1000000,"
		   "\"request_size_kb\":600}}}",
		   NULL, true, &b);
	assert_string_equal(cents(line(&b, "aws_apigatewayv2_api.http", "HTTP API requests")->quantity),
			    "2000000.00");
	breakdown_release(&b);
}

/* ---- KMS and alarms ---------------------------------------------------------- */

static void kms_rsa_2048(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_kms_key\":{\"sign\":{\"customer_master_key_spec\":\"RSA_2048\","
		   "\"key_usage\":\"SIGN_VERIFY\"},\"ecc\":{\"customer_master_key_spec\":\"ECC_NIST_P256\","
		   "\"key_usage\":\"SIGN_VERIFY\"},\"data\":{}}},"
		   "\"usage\":{\"aws_kms_key.sign\":{\"monthly_requests\":1000000},"
		   "\"aws_kms_key.ecc\":{\"monthly_requests\":1000000},"
		   "\"aws_kms_key.data\":{\"monthly_requests\":1000000,"
		   "\"monthly_rsa_generate_data_key_pair_requests\":10000}}}",
		   NULL, true, &b);
	/* awskms us-east-1 us-east-1-KMS-Keys $1 a key-month; RSA 2048 requests
	 * us-east-1-KMS-Requests-Asymmetric-RSA_2048 $0.000003: 1,000,000 -> 3.00 */
	assert_string_equal(line_cost(&b, "aws_kms_key.sign", "Key"), "1.00");
	assert_string_equal(line_cost(&b, "aws_kms_key.sign", "Requests (asymmetric)"), "3.00");
	assert_string_equal(item_total(&b, "aws_kms_key.sign"), "4.00");
	/* other asymmetric keys: us-east-1-KMS-Requests-Asymmetric $0.000015 -> 15.00 */
	assert_string_equal(line_cost(&b, "aws_kms_key.ecc", "Requests (asymmetric)"), "15.00");
	/* symmetric: us-east-1-KMS-Requests $0.000003 -> 3.00 ($0.03 per 10,000);
	 * GenerateDataKeyPair RSA $0.0012 x 10,000 = 12.00 */
	assert_string_equal(line_cost(&b, "aws_kms_key.data", "Requests"), "3.00");
	assert_string_equal(line_cost(&b, "aws_kms_key.data", "GenerateDataKeyPair (RSA)"), "12.00");
	breakdown_release(&b);
}

static void alarm_metrics(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_cloudwatch_metric_alarm\":{\"cpu\":{},\"fast\":{\"period\":10},"
		   "\"math\":{\"metric_query\":[{},{},{}]},"
		   "\"band\":{\"comparison_operator\":\"LessThanLowerOrGreaterThanUpperThreshold\"},"
		   "\"fastband\":{\"period\":30,\"comparison_operator\":\"GreaterThanUpperThreshold\"}}}}",
		   NULL, true, &b);
	/* AmazonCloudWatch us-east-1 USE1-AlarmMonitorUsage, Alarm Type Standard $0.10,
	 * High Resolution $0.30, per alarm metric */
	assert_string_equal(line_cost(&b, "aws_cloudwatch_metric_alarm.cpu", "Standard alarm"), "0.10");
	assert_string_equal(line_cost(&b, "aws_cloudwatch_metric_alarm.fast", "High-resolution alarm"),
			    "0.30");
	/* metric math over 3 metrics: 3 x 0.10 */
	assert_string_equal(line_cost(&b, "aws_cloudwatch_metric_alarm.math", "Metric math alarm"),
			    "0.30");
	/* anomaly detection: 3 metrics, x 0.10 standard, x 0.30 high resolution */
	assert_string_equal(line_cost(&b, "aws_cloudwatch_metric_alarm.band", "Anomaly detection alarm"),
			    "0.30");
	assert_string_equal(line_cost(&b, "aws_cloudwatch_metric_alarm.fastband",
				      "High-res anomaly detection alarm"), "0.90");
	breakdown_release(&b);
	/* the free tier counts standard alarm metrics: 1 + 3 + 3 = 7, all free */
	price_text("{\"resource\":{\"aws_cloudwatch_metric_alarm\":{\"cpu\":{},\"fast\":{\"period\":10},"
		   "\"math\":{\"metric_query\":[{},{},{}]},"
		   "\"band\":{\"comparison_operator\":\"LessThanLowerOrGreaterThanUpperThreshold\"}}}}",
		   NULL, false, &b);
	assert_string_equal(line_cost(&b, "free_tier", "CloudWatch: first 10 standard alarms"), "-0.70");
	assert_string_equal(cents(b.total), "0.30");
	breakdown_release(&b);
}

/* ---- free companions ------------------------------------------------------------ */

static void companions_are_free(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_sns_topic_subscription\":{\"s\":{\"protocol\":\"https\"}},"
		   "\"aws_alb_listener_rule\":{\"r\":{\"priority\":10}},"
		   "\"aws_api_gateway_stage\":{\"plain\":{},\"cached\":{\"cache_cluster_enabled\":true,"
		   "\"cache_cluster_size\":\"1.6\"}}}}",
		   NULL, true, &b);
	/* free types: listed at $0, any attribute accepted */
	assert_true(breakdown_item(&b, "aws_sns_topic_subscription.s")->free);
	assert_true(breakdown_item(&b, "aws_alb_listener_rule.r")->free);
	/* a REST stage is free, unless it runs a cache, which the snapshot cannot price */
	assert_string_equal(item_total(&b, "aws_api_gateway_stage.plain"), "0.00");
	assert_int_equal(b.nunpriced, 1);
	assert_string_equal(b.unpriced[0].address, "aws_api_gateway_stage.cached");
	assert_non_null(strstr(b.unpriced[0].why, "1.6 GB API cache"));
	breakdown_release(&b);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nlb_two_azs_one_gb),
		cmocka_unit_test(nlb_protocols_add),
		cmocka_unit_test(gwlb_hours_and_glcu),
		cmocka_unit_test(alb_alias_equals_lb),
		cmocka_unit_test(sqs_fifo_30m),
		cmocka_unit_test(sqs_standard_chunks),
		cmocka_unit_test(sns_publishes_and_https),
		cmocka_unit_test(dynamodb_on_demand),
		cmocka_unit_test(dynamodb_provisioned),
		cmocka_unit_test(s3_ia_and_deep_archive),
		cmocka_unit_test(s3_other_classes),
		cmocka_unit_test(cloudfront_price_class_100),
		cmocka_unit_test(cloudfront_outside_class),
		cmocka_unit_test(route53_zone_and_queries),
		cmocka_unit_test(api_gateway_tiers),
		cmocka_unit_test(kms_rsa_2048),
		cmocka_unit_test(alarm_metrics),
		cmocka_unit_test(companions_are_free),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
