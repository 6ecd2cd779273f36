/*
 * test_pricers.c - every baseline line against figures computed by hand
 * from FACTS.md section 3, plus variants that exercise each pricer branch.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cost/engine.h"
#include "model/scenario.h"
#include "cost/types/registry.h"

#include "test_catalog_util.h"

/* Price a scenario document given as text, with optional overrides. */
static void price_text(const char *text, const char *region, bool no_free, struct breakdown *b)
{
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	struct scenario s;
	struct cost_options o = {region, no_free};
	assert_non_null(root);
	assert_int_equal(scenario_from_json(root, "test.json", NULL, &s), 0);
	assert_int_equal(cost_breakdown(&s, cat, &o, b), 0);
	scenario_release(&s);
	json_decref(root);
}

static void price_file(const char *path, const char *region, bool no_free, struct breakdown *b)
{
	struct scenario s;
	struct cost_options o = {region, no_free};
	assert_int_equal(scenario_load(path, &s), 0);
	assert_int_equal(cost_breakdown(&s, cat, &o, b), 0);
	scenario_release(&s);
}

static void baseline_by_hand(void **state)
{
	struct breakdown b;
	(void)state;
	price_file("scenarios/baseline.json", NULL, false, &b);
	/* NAT: 730 h x $0.045 = $32.85; 30 GB x $0.045 = $1.35 */
	assert_string_equal(cents(line(&b, "aws_nat_gateway.main", "NAT gateway")->cost_cents), "32.85");
	assert_string_equal(cents(line(&b, "aws_nat_gateway.main", "Data processed")->cost_cents), "1.35");
	/* its Elastic IP: 730 h x $0.005 = $3.65 */
	assert_string_equal(item_total(&b, "aws_eip.nat"), "3.65");
	/* ALB: 730 h x $0.0225 = 16.425 -> $16.43; two subnets' IPv4: 1460 x 0.005 = $7.30 */
	assert_string_equal(cents(line(&b, "aws_lb.main", "Application load balancer")->cost_cents), "16.43");
	assert_string_equal(cents(line(&b, "aws_lb.main", "Public IPv4 (one per subnet)")->cost_cents), "7.30");
	/* LCU: max(1/25, 100/3000, 0.02/1, 0) = 0.04 x 730 = 29.2 LCU-h x 0.008 = 0.2336 */
	const struct cost_line *lcu = line(&b, "aws_lb.main", "Load balancer capacity units");
	assert_string_equal(cents(lcu->cost_cents), "0.23");
	assert_true(lcu->usage_based);
	/* one 0.25 vCPU / 0.5 GB task: 7.3876 + 1.622425 -> $7.39 + $1.62 = $9.01 */
	assert_string_equal(item_total(&b, "aws_ecs_service.api"), "9.01");
	assert_string_equal(item_total(&b, "aws_ecs_service.worker"), "9.01");
	assert_string_equal(item_total(&b, "aws_ecs_service.frontend"), "9.01");
	/* RDS db.t3.micro 730 x 0.018 = 13.14; 20 GB gp2 x 0.115 = 2.30 */
	assert_string_equal(cents(line(&b, "aws_db_instance.main", "db.t3.micro (Single-AZ)")->cost_cents), "13.14");
	assert_string_equal(cents(line(&b, "aws_db_instance.main", "Storage (gp2, Single-AZ)")->cost_cents), "2.30");
	/* Redis cache.t3.micro 730 x 0.017 = 12.41 */
	assert_string_equal(item_total(&b, "aws_elasticache_replication_group.redis"), "12.41");
	/* secrets: 0.40 + 2,000 x 0.000005 = 0.41 each */
	assert_string_equal(item_total(&b, "aws_secretsmanager_secret.oauth"), "0.41");
	/* dashboard $3, then the free tier gives 3 back */
	assert_string_equal(item_total(&b, "aws_cloudwatch_dashboard.main"), "3.00");
	assert_string_equal(cents(line(&b, "free_tier", "CloudWatch: first 3 dashboards")->cost_cents), "-3.00");
	/* logs: 5.1 GB ingested (incl. 0.1 GB Enhanced Monitoring), first 5 free at 0.50 */
	assert_string_equal(cents(line(&b, "free_tier", "CloudWatch Logs: first 5 GB")->cost_cents), "-2.50");
	/* data out: 50 GB x 0.09 = 4.50, all inside the 100 GB free tier */
	assert_string_equal(cents(line(&b, "free_tier", "Data transfer out: first 100 GB")->cost_cents), "-4.50");
	/* inter-AZ: 10 GB moved, charged on both sides: 20 x 0.01 */
	assert_string_equal(cents(line(&b, "aws_data_transfer.this", "Inter-AZ (charged in and out)")->cost_cents), "0.20");
	/* free resources are listed, at $0 */
	assert_true(breakdown_item(&b, "aws_vpc.main")->free);
	/* every displayed total is the sum of its displayed lines */
	dec sum = dec_zero();
	for (size_t i = 0; i < b.n; i++) {
		dec isum = dec_zero();
		for (size_t j = 0; j < b.items[i].n; j++)
			isum = dec_add(isum, b.items[i].lines[j].cost_cents);
		assert_string_equal(cents(isum), cents(b.items[i].total));
		sum = dec_add(sum, b.items[i].total);
	}
	assert_string_equal(cents(sum), cents(b.total));
	assert_string_equal(cents(b.total), "119.90");
	breakdown_release(&b);
}

static void no_free_tier_adds_back_exactly(void **state)
{
	struct breakdown a, b;
	(void)state;
	price_file("scenarios/baseline.json", NULL, false, &a);
	price_file("scenarios/baseline.json", NULL, true, &b);
	assert_null(breakdown_item(&b, "free_tier"));
	/* 2.50 + 3.00 + 4.50 */
	assert_string_equal(cents(dec_sub(b.total, a.total)), "10.00");
	breakdown_release(&a);
	breakdown_release(&b);
}

static void eu_west_1_prices(void **state)
{
	struct breakdown b;
	(void)state;
	price_file("scenarios/baseline.json", "eu-west-1", false, &b);
	assert_string_equal(b.region, "eu-west-1");
	/* 730 x 0.048 = 35.04; ALB 730 x 0.0252 = 18.396 -> 18.40; RDS 730 x 0.020 = 14.60 */
	assert_string_equal(cents(line(&b, "aws_nat_gateway.main", "NAT gateway")->cost_cents), "35.04");
	assert_string_equal(cents(line(&b, "aws_lb.main", "Application load balancer")->cost_cents), "18.40");
	assert_string_equal(cents(line(&b, "aws_db_instance.main", "db.t3.micro (Single-AZ)")->cost_cents), "14.60");
	/* ElastiCache backup has no eu-west-1 price: $0 while no usage, with a note */
	const struct cost_line *l = line(&b, "aws_elasticache_replication_group.redis",
					 "Snapshots beyond the first");
	assert_null(l->price);
	assert_non_null(l->note);
	breakdown_release(&b);
}

#define STACK(extra_td, extra_svc, extra_res)                                                  \
	"{\"region\":\"us-east-1\",\"resource\":{\"aws_ecs_task_definition\":{\"t\":{\"cpu\":1024,"  \
	"\"memory\":2048" extra_td "}},\"aws_ecs_service\":{\"s\":{\"task_definition\":\"t\","        \
	"\"desired_count\":2" extra_svc "}}" extra_res "}}"

static void fargate_variants(void **state)
{
	struct breakdown b;
	(void)state;
	/* Infracost golden: 1 vCPU / 2 GB x 2 = $72.08 (1460 x 0.04048 = 59.10; 2920 x 0.004445 = 12.98) */
	price_text(STACK("", "", ""), NULL, true, &b);
	assert_string_equal(item_total(&b, "aws_ecs_service.s"), "72.08");
	breakdown_release(&b);
	/* Graviton: 1460 x 0.03238 = 47.27; 2920 x 0.00356 = 10.40 */
	price_text(STACK(",\"runtime_platform\":{\"cpu_architecture\":\"ARM64\"}", "", ""), NULL, true, &b);
	assert_string_equal(cents(line(&b, "aws_ecs_service.s", "Fargate vCPU (ARM64)")->cost_cents), "47.27");
	assert_string_equal(cents(line(&b, "aws_ecs_service.s", "Fargate memory (ARM64)")->cost_cents), "10.40");
	breakdown_release(&b);
	/* 50 GiB ephemeral: 30 GB above the free 20 x 1460 task-h x 0.000111 = 4.8618 */
	price_text(STACK(",\"ephemeral_storage\":{\"size_in_gib\":50}", "", ""), NULL, true, &b);
	assert_string_equal(cents(line(&b, "aws_ecs_service.s", "Ephemeral storage above 20 GB")->cost_cents), "4.86");
	breakdown_release(&b);
	/* public IP per task: 2 x 730 x 0.005 = 7.30 */
	price_text(STACK("", ",\"network_configuration\":{\"assign_public_ip\":true}", ""), NULL, true, &b);
	assert_string_equal(cents(line(&b, "aws_ecs_service.s", "Public IPv4 address per task")->cost_cents), "7.30");
	breakdown_release(&b);
	/* ap-southeast-1: 1460 x 0.05056 = 73.82; 2920 x 0.00553 = 16.15 */
	price_text(STACK("", "", ""), "ap-southeast-1", true, &b);
	assert_string_equal(item_total(&b, "aws_ecs_service.s"), "89.97");
	breakdown_release(&b);
}

static void data_variants(void **state)
{
	struct breakdown b;
	(void)state;
	/* RDS Multi-AZ doubles the db.t3.micro instance and storage: 26.28 + 4.60 */
	price_text("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"postgres\","
		   "\"instance_class\":\"db.t3.micro\",\"multi_az\":true,\"allocated_storage\":20}}}}",
		   NULL, true, &b);
	assert_string_equal(cents(line(&b, "aws_db_instance.d", "db.t3.micro (Multi-AZ)")->cost_cents), "26.28");
	assert_string_equal(cents(line(&b, "aws_db_instance.d", "Storage (gp2, Multi-AZ)")->cost_cents), "4.60");
	breakdown_release(&b);
	/* Infracost golden: 400 GB gp3 = $46.00; IOPS 13,000 above 12,000 baseline: 1000 x 0.02 */
	price_text("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"postgres\","
		   "\"instance_class\":\"db.t3.small\",\"storage_type\":\"gp3\",\"allocated_storage\":400,"
		   "\"iops\":13000,\"backup_retention_period\":0}}},"
		   "\"usage\":{\"aws_db_instance.d\":{\"monthly_cpu_credit_hrs\":60}}}",
		   NULL, true, &b);
	assert_string_equal(cents(line(&b, "aws_db_instance.d", "Storage (gp3, Single-AZ)")->cost_cents), "46.00");
	assert_string_equal(cents(line(&b, "aws_db_instance.d", "gp3 IOPS above the 12000 baseline")->cost_cents), "20.00");
	/* Infracost golden: 60 vCPU-h of surplus credits = $4.50 */
	assert_string_equal(cents(line(&b, "aws_db_instance.d", "CPU credits above baseline")->cost_cents), "4.50");
	breakdown_release(&b);
	/* Multi-AZ Redis, 2 nodes of cache.t3.micro: 1460 x 0.017 = 24.82 */
	price_text("{\"resource\":{\"aws_elasticache_replication_group\":{\"r\":{\"node_type\":"
		   "\"cache.t3.micro\",\"num_cache_clusters\":2,\"multi_az_enabled\":true,"
		   "\"automatic_failover_enabled\":true}}}}",
		   NULL, true, &b);
	assert_string_equal(item_total(&b, "aws_elasticache_replication_group.r"), "24.82");
	breakdown_release(&b);
	/* log group golden (Infracost): 1000 GB ingested, 500 stored, 250 scanned = $516.25 */
	price_text("{\"resource\":{\"aws_cloudwatch_log_group\":{\"l\":{}}},\"usage\":{"
		   "\"aws_cloudwatch_log_group.l\":{\"monthly_data_ingested_gb\":1000,\"storage_gb\":500,"
		   "\"monthly_data_scanned_gb\":250}}}",
		   NULL, true, &b);
	assert_string_equal(item_total(&b, "aws_cloudwatch_log_group.l"), "516.25");
	breakdown_release(&b);
}

static void network_variants(void **state)
{
	struct breakdown b;
	(void)state;
	/* Infracost: NAT + 100 GB = $37.35; idle EIP $3.65; ECR 1 GB $0.10; secret + 100k calls $0.90 */
	price_text("{\"resource\":{\"aws_nat_gateway\":{\"n\":{}},\"aws_eip\":{\"e\":{}},"
		   "\"aws_ecr_repository\":{\"r\":{}},\"aws_secretsmanager_secret\":{\"s\":{}},"
		   "\"aws_vpc_endpoint\":{\"ecr\":{\"service_name\":\"com.amazonaws.us-east-1.ecr.dkr\","
		   "\"vpc_endpoint_type\":\"Interface\",\"subnet_ids\":[\"a\",\"b\"]},"
		   "\"s3\":{\"service_name\":\"com.amazonaws.us-east-1.s3\"}},"
		   "\"aws_wafv2_web_acl\":{\"w\":{\"rule\":[{},{},{}]}}},"
		   "\"usage\":{\"aws_nat_gateway.n\":{\"monthly_data_processed_gb\":100},"
		   "\"aws_ecr_repository.r\":{\"storage_gb\":1},\"aws_secretsmanager_secret.s\":"
		   "{\"monthly_requests\":100000},\"aws_wafv2_web_acl.w\":{\"monthly_requests\":2000000}}}",
		   NULL, true, &b);
	assert_string_equal(item_total(&b, "aws_nat_gateway.n"), "37.35");
	assert_string_equal(item_total(&b, "aws_eip.e"), "3.65");
	assert_string_equal(item_total(&b, "aws_ecr_repository.r"), "0.10");
	assert_string_equal(item_total(&b, "aws_secretsmanager_secret.s"), "0.90");
	/* interface endpoint in 2 AZs: 1460 x 0.01 = 14.60; gateway endpoint free */
	assert_string_equal(item_total(&b, "aws_vpc_endpoint.ecr"), "14.60");
	assert_string_equal(item_total(&b, "aws_vpc_endpoint.s3"), "0.00");
	/* WAF: 5 + 3 rules + 2M x 0.0000006 = 9.20 */
	assert_string_equal(item_total(&b, "aws_wafv2_web_acl.w"), "9.20");
	breakdown_release(&b);
}

static void count_multiplies(void **state)
{
	struct breakdown b;
	(void)state;
	price_text("{\"resource\":{\"aws_secretsmanager_secret\":{\"s\":{\"count\":5}}}}", NULL, true, &b);
	assert_string_equal(item_total(&b, "aws_secretsmanager_secret.s"), "2.00");
	breakdown_release(&b);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(baseline_by_hand),
		cmocka_unit_test(no_free_tier_adds_back_exactly),
		cmocka_unit_test(eu_west_1_prices),
		cmocka_unit_test(fargate_variants),
		cmocka_unit_test(data_variants),
		cmocka_unit_test(network_variants),
		cmocka_unit_test(count_multiplies),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
