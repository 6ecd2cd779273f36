/*
 * test_types_compute.c - the cache and compute types (issue 16) against
 * figures worked out by hand from the rows of the shipped snapshot
 * (pricing/aws/<region>/<Offer>.csv; the offer, region, usage type and
 * price of each row are named beside the arithmetic), plus the checks: a
 * class missing in the region is a located error in a scenario and "not
 * priced" in a plan; Spot and data tiering rules; the choices listed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cost/choices.h"
#include "cost/engine.h"
#include "cost/types/registry.h"
#include "model/scenario.h"

#include "test_catalog_util.h"

/* Price a scenario given as text; plan: as a Terraform plan's resources.
 * Returns cost_breakdown's code (0: *b holds the breakdown). */
static int try_price(const char *text, bool no_free, bool plan, struct breakdown *b)
{
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	struct scenario s;
	struct cost_options o = {NULL, no_free};
	if (!root)
		fail_msg("bad test JSON: %s", err.text);
	assert_int_equal(scenario_from_json(root, "test.json", NULL, &s), 0);
	s.from_plan = plan;
	int rc = cost_breakdown(&s, cat, &o, b);
	scenario_release(&s);
	json_decref(root);
	return rc;
}

static void price(const char *text, bool no_free, struct breakdown *b)
{
	assert_int_equal(try_price(text, no_free, false, b), 0);
}

/* The scenario loader's verdict alone (checks across attributes). */
static int load(const char *text)
{
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	struct scenario s;
	if (!root)
		fail_msg("bad test JSON: %s", err.text);
	int rc = scenario_from_json(root, "test.json", NULL, &s);
	if (rc == 0)
		scenario_release(&s);
	json_decref(root);
	return rc;
}

/* ---- caches ---------------------------------------------------------------- */

static void valkey_r7g_ap_south_1(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"region\":\"ap-south-1\",\"resource\":{\"aws_elasticache_replication_group\":"
	      "{\"v\":{\"engine\":\"valkey\",\"node_type\":\"cache.r7g.large\","
	      "\"num_cache_clusters\":3}}}}",
	      true, &b);
	/* AmazonElastiCache, ap-south-1, APS3-NodeUsage:cache.r7g.large, Cache Engine Valkey,
	 * 0.1792/h: 3 nodes x 730 h x 0.1792 = 392.448 -> 392.45 */
	assert_string_equal(line_cost(&b, "aws_elasticache_replication_group.v",
				 "3 x cache.r7g.large (Valkey)"),
			    "392.45");
	assert_string_equal(cents(b.total), "392.45");
	breakdown_release(&b);
}

static void memcached_m7g_cluster(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_elasticache_cluster\":{\"m\":{\"engine\":\"memcached\","
	      "\"node_type\":\"cache.m7g.large\",\"num_cache_nodes\":2}}}}",
	      true, &b);
	/* AmazonElastiCache, us-east-1, NodeUsage:cache.m7g.large, Cache Engine Memcached,
	 * 0.158/h: 2 nodes x 730 h x 0.158 = 230.68 */
	assert_string_equal(item_total(&b, "aws_elasticache_cluster.m"), "230.68");
	breakdown_release(&b);
}

static void data_tiering_nodes(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_elasticache_replication_group\":{\"d\":{\"engine\":\"redis\","
	      "\"node_type\":\"cache.r6gd.xlarge\",\"data_tiering_enabled\":true}}}}",
	      true, &b);
	/* a cache.r6gd node is billed per node-hour like any other: a row exists */
	assert_true(dec_cmp(b.total, dec_zero()) > 0);
	breakdown_release(&b);
	/* AWS's rule both ways */
	assert_int_equal(load("{\"resource\":{\"aws_elasticache_replication_group\":{\"d\":"
			      "{\"node_type\":\"cache.r6gd.xlarge\"}}}}"),
			 CP_EXIT_DATA);
	assert_int_equal(load("{\"resource\":{\"aws_elasticache_replication_group\":{\"d\":"
			      "{\"node_type\":\"cache.r7g.large\",\"data_tiering_enabled\":true}}}}"),
			 CP_EXIT_DATA);
}

static void node_type_missing_in_region(void **state)
{
	struct breakdown b;
	const char *doc = "{\"region\":\"ap-south-1\",\"resource\":{"
			  "\"aws_elasticache_replication_group\":{\"v\":{\"engine\":\"valkey\","
			  "\"node_type\":\"cache.r7g.lrage\"}},"
			  "\"aws_elasticache_cluster\":{\"m\":{\"node_type\":\"cache.t3.micro\"}}}}";
	(void)state;
	/* a scenario: the run stops with bad input data */
	assert_int_equal(try_price(doc, true, false, &b), CP_EXIT_DATA);
	/* a plan: that resource is not priced, with the reason; the rest is */
	assert_int_equal(try_price(doc, true, true, &b), 0);
	assert_int_equal(b.nunpriced, 1);
	assert_string_equal(b.unpriced[0].address, "aws_elasticache_replication_group.v");
	assert_non_null(strstr(b.unpriced[0].why, "nearest priced there: cache.r7g.large"));
	assert_null(breakdown_item(&b, "aws_elasticache_replication_group.v"));
	/* AmazonElastiCache, ap-south-1, APS3-NodeUsage:cache.t3.micro, Memcached, 0.021/h:
	 * 730 x 0.021 = 15.33 */
	assert_string_equal(item_total(&b, "aws_elasticache_cluster.m"), "15.33");
	breakdown_release(&b);
}

static void serverless_cache(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_elasticache_serverless_cache\":{"
	      "\"v\":{\"engine\":\"valkey\"},\"r\":{\"engine\":\"redis\"},\"e\":{\"engine\":\"redis\"},"
	      "\"s\":{\"engine\":\"valkey\"}}},"
	      "\"usage\":{\"aws_elasticache_serverless_cache.v\":{\"storage_gb\":5,"
	      "\"monthly_ecpus\":10000000},\"aws_elasticache_serverless_cache.r\":"
	      "{\"storage_gb\":5,\"monthly_ecpus\":10000000},"
	      "\"aws_elasticache_serverless_cache.s\":{\"storage_gb\":0.05}}}",
	      true, &b);
	/* AmazonElastiCache, us-east-1, USE1-ElastiCache:ServerlessStorage, Valkey, 0.084 per
	 * GB-hour: 5 GB x 730 h x 0.084 = 306.60; USE1-ElastiCache:ServerlessProcessingUnits,
	 * Valkey, 0.0000000023 per ECPU: 10,000,000 x 0.0000000023 = 0.023 -> 0.02 */
	assert_string_equal(line_cost(&b, "aws_elasticache_serverless_cache.v", "Data stored (Valkey)"),
			    "306.60");
	assert_string_equal(line_cost(&b, "aws_elasticache_serverless_cache.v", "ECPUs (Valkey)"),
			    "0.02");
	/* Redis: 5 x 730 x 0.125 = 456.25; 10,000,000 x 0.0000000034 = 0.034 -> 0.03 */
	assert_string_equal(item_total(&b, "aws_elasticache_serverless_cache.r"), "456.28");
	/* no usage: Redis OSS meters 1 GB at least: 1 x 730 x 0.125 = 91.25 */
	assert_string_equal(item_total(&b, "aws_elasticache_serverless_cache.e"), "91.25");
	/* 0.05 GB of Valkey meters the 0.1 GB minimum: 0.1 x 730 x 0.084 = 6.132 -> 6.13 */
	assert_string_equal(item_total(&b, "aws_elasticache_serverless_cache.s"), "6.13");
	breakdown_release(&b);
}

static void cache_choices(void **state)
{
	struct choice_list l = {cat, "ap-south-1", "", NULL, 0, 0};
	bool valkey = false, memcached = false;
	(void)state;
	schema_type("aws_elasticache_replication_group")->choices(&l);
	assert_int_equal(l.rc, 0);
	for (size_t i = 0; i < l.n; i++) {
		valkey = valkey || !strcmp(l.v[i].what, "cache.r7g.large  Valkey");
		memcached = memcached || strstr(l.v[i].what, "Memcached");
	}
	assert_true(valkey);
	assert_false(memcached); /* replication groups are Redis OSS or Valkey */
	choices_release(&l);
}

/* ---- EC2 and EBS ------------------------------------------------------------- */

static void t3_micro_gp3_root(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_instance\":{\"w\":{\"instance_type\":\"t3.micro\","
	      "\"root_block_device\":{\"volume_size\":30,\"volume_type\":\"gp3\"}}}}}",
	      true, &b);
	/* AmazonEC2, us-east-1, BoxUsage:t3.micro (Linux, Shared), 0.0104/h:
	 * 730 x 0.0104 = 7.592 -> 7.59 */
	assert_string_equal(line_cost(&b, "aws_instance.w", "t3.micro (Linux, on-demand)"), "7.59");
	/* AmazonEC2, us-east-1, EBS:VolumeUsage.gp3, 0.08/GB-Mo: 30 x 0.08 = 2.40 */
	assert_string_equal(line_cost(&b, "aws_instance.w", "Root volume: storage (gp3)"), "2.40");
	assert_string_equal(item_total(&b, "aws_instance.w"), "9.99");
	breakdown_release(&b);
}

static void m7g_gp3_eu_central_1(void **state)
{
	struct breakdown b;
	const char *a = "aws_instance.db";
	(void)state;
	price("{\"region\":\"eu-central-1\",\"resource\":{\"aws_instance\":{\"db\":{"
	      "\"instance_type\":\"m7g.large\",\"ebs_block_device\":[{\"device_name\":\"/dev/sdf\","
	      "\"volume_size\":500,\"volume_type\":\"gp3\",\"iops\":6000,\"throughput\":250}]}},"
	      "\"aws_ebs_volume\":{\"v\":{\"type\":\"gp3\",\"size\":500,\"iops\":6000,"
	      "\"throughput\":250}}}}",
	      true, &b);
	/* AmazonEC2, eu-central-1, EUC1-BoxUsage:m7g.large, 0.0978/h: 730 x 0.0978 = 71.394 */
	assert_string_equal(line_cost(&b, a, "m7g.large (Linux, on-demand)"), "71.39");
	/* EUC1-EBS:VolumeUsage.gp2, 0.119/GB-Mo: the default 8 GB root = 0.952 -> 0.95 */
	assert_string_equal(line_cost(&b, a, "Root volume: storage (gp2)"), "0.95");
	/* EUC1-EBS:VolumeUsage.gp3, 0.0952/GB-Mo: 500 x 0.0952 = 47.60 */
	assert_string_equal(line_cost(&b, a, "ebs_block_device[0]: storage (gp3)"), "47.60");
	/* EUC1-EBS:VolumeP-IOPS.gp3, 0.006/IOPS-Mo: (6,000 - 3,000) x 0.006 = 18.00 */
	assert_string_equal(line_cost(&b, a, "ebs_block_device[0]: IOPS above 3,000 (gp3)"), "18.00");
	/* EUC1-EBS:VolumeP-Throughput.gp3, 48.7424/GiBps-mo: (250 - 125) / 1024 GiBps
	 * x 48.7424 = 5.95 */
	assert_string_equal(line_cost(&b, a, "ebs_block_device[0]: throughput above 125 MiBps (gp3)"),
			    "5.95");
	assert_string_equal(item_total(&b, a), "143.89");
	/* the same volume on its own: 47.60 + 18.00 + 5.95, snapshots $0 without usage */
	assert_string_equal(item_total(&b, "aws_ebs_volume.v"), "71.55");
	breakdown_release(&b);
}

static void ebs_volume_types(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_ebs_volume\":{"
	      "\"io2\":{\"type\":\"io2\",\"size\":100,\"iops\":70000},"
	      "\"io1\":{\"type\":\"io1\",\"size\":100,\"iops\":1000},"
	      "\"st1\":{\"type\":\"st1\",\"size\":500},\"sc1\":{\"type\":\"sc1\",\"size\":500},"
	      "\"mag\":{\"type\":\"standard\",\"size\":100},\"gp2\":{\"size\":100}}},"
	      "\"usage\":{\"aws_ebs_volume.mag\":{\"monthly_standard_io_requests\":10000000},"
	      "\"aws_ebs_volume.gp2\":{\"snapshot_storage_gb\":40}}}",
	      true, &b);
	/* us-east-1: EBS:VolumeUsage.io2 0.125 x 100 = 12.50; EBS:VolumeP-IOPS.io2 0.065 x
	 * 32,000 = 2,080.00; .io2.tier2 0.0455 x 32,000 = 1,456.00; .io2.tier3 0.03185 x
	 * 6,000 = 191.10 */
	assert_string_equal(line_cost(&b, "aws_ebs_volume.io2", "Provisioned IOPS (io2, up to 32,000)"),
			    "2080.00");
	assert_string_equal(item_total(&b, "aws_ebs_volume.io2"), "3739.60");
	/* EBS:VolumeUsage.piops 0.125 x 100 = 12.50; EBS:VolumeP-IOPS.piops 0.065 x 1,000 = 65 */
	assert_string_equal(item_total(&b, "aws_ebs_volume.io1"), "77.50");
	/* EBS:VolumeUsage.st1 0.045 x 500 = 22.50; EBS:VolumeUsage.sc1 0.015 x 500 = 7.50 */
	assert_string_equal(item_total(&b, "aws_ebs_volume.st1"), "22.50");
	assert_string_equal(item_total(&b, "aws_ebs_volume.sc1"), "7.50");
	/* EBS:VolumeUsage 0.05 x 100 = 5.00; EBS:VolumeIOUsage 0.00000005 x 10M = 0.50 */
	assert_string_equal(item_total(&b, "aws_ebs_volume.mag"), "5.50");
	/* EBS:VolumeUsage.gp2 0.10 x 100 = 10.00; EBS:SnapshotUsage 0.05 x 40 = 2.00 */
	assert_string_equal(item_total(&b, "aws_ebs_volume.gp2"), "12.00");
	breakdown_release(&b);
	/* what AWS refuses */
	assert_int_equal(load("{\"resource\":{\"aws_ebs_volume\":{\"v\":{\"type\":\"io1\"}}}}"),
			 CP_EXIT_DATA);
	assert_int_equal(load("{\"resource\":{\"aws_ebs_volume\":{\"v\":{\"type\":\"st1\","
			      "\"size\":10}}}}"),
			 CP_EXIT_DATA);
	assert_int_equal(load("{\"resource\":{\"aws_instance\":{\"i\":{\"instance_type\":"
			      "\"t3.micro\",\"ebs_block_device\":[{\"volume_sise\":10}]}}}}"),
			 CP_EXIT_DATA);
}

static void instance_type_missing_in_region(void **state)
{
	struct breakdown b;
	const char *doc = "{\"region\":\"sa-east-1\",\"resource\":{\"aws_instance\":{"
			  "\"a\":{\"instance_type\":\"m7g.lrage\"},\"b\":{\"instance_type\":"
			  "\"t3.micro\"}},\"aws_ebs_volume\":{\"c\":{\"type\":\"io2\",\"iops\":"
			  "1000,\"size\":10}}}}";
	(void)state;
	assert_int_equal(try_price(doc, true, false, &b), CP_EXIT_DATA);
	assert_int_equal(try_price(doc, true, true, &b), 0);
	/* the misspelt type, and io2, which sa-east-1's snapshot has no row for */
	assert_int_equal(b.nunpriced, 2);
	assert_non_null(strstr(b.unpriced[0].why, "m7g.large"));
	assert_non_null(strstr(b.unpriced[1].why, "io2"));
	assert_non_null(breakdown_item(&b, "aws_instance.b"));
	breakdown_release(&b);
}

static void asg_from_launch_template(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_launch_template\":{\"web\":{\"instance_type\":\"t3.small\"}},"
	      "\"aws_autoscaling_group\":{\"web\":{\"min_size\":1,\"max_size\":6,"
	      "\"desired_capacity\":3,\"launch_template\":{\"id\":\"web\"}}}}}",
	      true, &b);
	/* AmazonEC2, us-east-1, BoxUsage:t3.small, 0.0208/h: 3 x 730 x 0.0208 = 45.552 */
	assert_string_equal(line_cost(&b, "aws_autoscaling_group.web", "t3.small (Linux, on-demand)"),
			    "45.55");
	/* the AMI's root volume, 8 GB gp2 each: EBS:VolumeUsage.gp2 0.10 x 24 = 2.40 */
	assert_string_equal(line_cost(&b, "aws_autoscaling_group.web", "Root volume: storage (gp2)"),
			    "2.40");
	assert_string_equal(item_total(&b, "aws_autoscaling_group.web"), "47.95");
	assert_true(breakdown_item(&b, "aws_launch_template.web")->free);
	breakdown_release(&b);
}

static void asg_mixed_instances(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_launch_template\":{\"lt\":{\"instance_type\":\"m5.large\","
	      "\"block_device_mappings\":[{\"ebs\":{\"volume_size\":20,\"volume_type\":\"gp3\"}}]}},"
	      "\"aws_autoscaling_group\":{\"g\":{\"min_size\":2,\"max_size\":4,"
	      "\"mixed_instances_policy\":[{\"launch_template\":{\"launch_template_specification\":"
	      "{\"launch_template_id\":\"lt\"},\"override\":[{\"instance_type\":\"t3.small\"}]}}]}}},"
	      "\"usage\":{\"aws_autoscaling_group.g\":{\"instances\":2.5}}}",
	      true, &b);
	/* the override's type, 2.5 instances on average: 2.5 x 730 x 0.0208 = 37.96;
	 * EBS:VolumeUsage.gp3 0.08 x 20 GB x 2.5 = 4.00 */
	assert_string_equal(line_cost(&b, "aws_autoscaling_group.g", "t3.small (Linux, on-demand)"),
			    "37.96");
	assert_string_equal(line_cost(&b, "aws_autoscaling_group.g",
				 "block_device_mappings[0]: storage (gp3)"),
			    "4.00");
	breakdown_release(&b);
	/* half of the instances above the base on Spot: refused, with the fix */
	assert_int_equal(load("{\"resource\":{\"aws_launch_template\":{\"lt\":{\"instance_type\":"
			      "\"m5.large\"}},\"aws_autoscaling_group\":{\"g\":{\"min_size\":4,"
			      "\"max_size\":4,\"mixed_instances_policy\":[{\"launch_template\":"
			      "{\"launch_template_specification\":{\"launch_template_id\":\"lt\"}},"
			      "\"instances_distribution\":{"
			      "\"on_demand_percentage_above_base_capacity\":50}}]}}}}"),
			 CP_EXIT_DATA);
}

static void lambda_arm64(void **state)
{
	struct breakdown b;
	const char *a = "aws_lambda_function.f";
	const char *doc = "{\"resource\":{\"aws_lambda_function\":{\"f\":{\"memory_size\":1024,"
			  "\"architectures\":[\"arm64\"]}}},\"usage\":{\"aws_lambda_function.f\":"
			  "{\"monthly_requests\":5000000,\"request_duration_ms\":200}}}";
	(void)state;
	price(doc, false, &b);
	/* AWSLambda, us-east-1, Request-ARM, 0.0000002: 5,000,000 x 0.0000002 = 1.00 */
	assert_string_equal(line_cost(&b, a, "Requests (Arm)"), "1.00");
	/* Lambda-GB-Second-ARM, first tier 0.0000133334: 5,000,000 x 0.2 s x 1 GB = 1,000,000
	 * GB-s x 0.0000133334 = 13.3334 -> 13.33 */
	assert_string_equal(line_cost(&b, a, "Duration (Arm)"), "13.33");
	/* always free: 1M requests (-0.20) and 400,000 GB-s x 0.0000133334 = -5.33336 */
	assert_string_equal(line_cost(&b, "free_tier", "Lambda: first 1M requests"), "-0.20");
	assert_string_equal(line_cost(&b, "free_tier", "Lambda: first 400,000 GB-seconds"), "-5.33");
	assert_string_equal(cents(b.total), "8.80");
	breakdown_release(&b);
	/* x86 with 2 GB of /tmp: Lambda-Storage-GB-Second 0.0000000309 x 1,000,000 s x 1.5 GB
	 * above 512 MB = 0.04635 -> 0.05 */
	price("{\"resource\":{\"aws_lambda_function\":{\"g\":{\"ephemeral_storage\":{\"size\":2048}}}},"
	      "\"usage\":{\"aws_lambda_function.g\":{\"monthly_requests\":1000000,"
	      "\"request_duration_ms\":1000}}}",
	      true, &b);
	assert_string_equal(line_cost(&b, "aws_lambda_function.g", "Ephemeral storage above 512 MB (x86)"),
			    "0.05");
	/* 128 MB: 1,000,000 s x 0.125 GB = 125,000 GB-s x 0.0000166667 = 2.08333 -> 2.08 */
	assert_string_equal(line_cost(&b, "aws_lambda_function.g", "Duration (x86)"), "2.08");
	breakdown_release(&b);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valkey_r7g_ap_south_1),
		cmocka_unit_test(memcached_m7g_cluster),
		cmocka_unit_test(data_tiering_nodes),
		cmocka_unit_test(node_type_missing_in_region),
		cmocka_unit_test(serverless_cache),
		cmocka_unit_test(cache_choices),
		cmocka_unit_test(t3_micro_gp3_root),
		cmocka_unit_test(m7g_gp3_eu_central_1),
		cmocka_unit_test(ebs_volume_types),
		cmocka_unit_test(instance_type_missing_in_region),
		cmocka_unit_test(asg_from_launch_template),
		cmocka_unit_test(asg_mixed_instances),
		cmocka_unit_test(lambda_arm64),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
