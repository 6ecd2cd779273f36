/*
 * test_types_databases.c - the database types (aws_db_instance,
 * aws_rds_cluster, aws_rds_cluster_instance) against figures worked out by
 * hand from the snapshot's rows. Each figure names its row: offer, region,
 * usage type as the CSV holds it, and price (pricing/aws/<region>/<offer>.csv).
 *
 * Run: make tests/unit/test_types_databases && tests/unit/test_types_databases
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

/* Price a scenario given as text (with positions, as a scenario file has
 * them) under path; returns cost_breakdown's exit code. */
static int price_at(const char *text, const char *path, struct breakdown *b)
{
	json_t *root;
	struct json_pos *pos;
	struct scenario s;
	assert_int_equal(scenario_parse_text(text, strlen(text), path, &root, &pos), 0);
	int rc = scenario_from_json(root, path, pos, &s);
	if (rc == 0) {
		rc = cost_breakdown(&s, cat, NULL, b);
		scenario_release(&s);
	}
	json_decref(root);
	json_pos_free(pos);
	return rc;
}

static void price(const char *text, struct breakdown *b)
{
	assert_int_equal(price_at(text, "test.json", b), 0);
}

/* The same document as the plan reader hands it over (cost/side.c): no
 * positions, marked as a plan's (scenario.from_plan). */
static void price_as_plan(const char *text, struct breakdown *b)
{
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	struct scenario s;
	assert_non_null(root);
	json_object_set_new(root, "name", json_string("plan.json (after)"));
	assert_int_equal(scenario_from_json(root, "plan.json (after)", NULL, &s), 0);
	s.from_plan = true;
	assert_int_equal(cost_breakdown(&s, cat, NULL, b), 0);
	scenario_release(&s);
	json_decref(root);
}

/* The reason a resource was not priced, or NULL. */
static const char *unpriced(const struct breakdown *b, const char *addr)
{
	for (size_t i = 0; i < b->nunpriced; i++)
		if (strcmp(b->unpriced[i].address, addr) == 0)
			return b->unpriced[i].why;
	return NULL;
}

/* ---- aws_db_instance ------------------------------------------------------ */

static void mysql_m7g_multi_az_eu_west_1(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"region\":\"eu-west-1\",\"resource\":{\"aws_db_instance\":{\"d\":{"
	      "\"engine\":\"mysql\",\"instance_class\":\"db.m7g.large\",\"multi_az\":true,"
	      "\"allocated_storage\":100,\"storage_type\":\"gp3\",\"backup_retention_period\":0}}}}",
	      &b);
	/* AmazonRDS eu-west-1 EU-Multi-AZUsage:db.m7g.large, MySQL, Multi-AZ, 0.372/h:
	 * 730 x 0.372 = 271.56 */
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "db.m7g.large (MySQL, Multi-AZ)"), "271.56");
	/* EU-RDS:Multi-AZ-GP3-Storage 0.254/GB-month: 100 x 0.254 = 25.40 */
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "Storage (gp3, Multi-AZ)"), "25.40");
	/* 100 GB gp3 is under 400 GB: no IOPS or throughput line */
	assert_int_equal(breakdown_item(&b, "aws_db_instance.d")->n, 2);
	assert_string_equal(item_total(&b, "aws_db_instance.d"), "296.96");
	breakdown_release(&b);
}

static void mariadb_t4g_small(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"mariadb\","
	      "\"instance_class\":\"db.t4g.small\"}}}}",
	      &b);
	/* AmazonRDS us-east-1 InstanceUsage:db.t4g.small, MariaDB, Single-AZ, 0.032/h:
	 * 730 x 0.032 = 23.36 */
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "db.t4g.small (MariaDB, Single-AZ)"), "23.36");
	/* RDS:GP2-Storage 0.115: 20 x 0.115 = 2.30 */
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "Storage (gp2, Single-AZ)"), "2.30");
	/* the snapshot has CPUCredits:db.t3 only: the db.t4g line says so, $0 */
	const struct cost_line *l = line(&b, "aws_db_instance.d", "CPU credits above baseline");
	assert_null(l->price);
	assert_non_null(strstr(l->note, "no db.t4g CPU credit price"));
	assert_string_equal(item_total(&b, "aws_db_instance.d"), "25.66");
	breakdown_release(&b);
	/* ... and with surplus credits given, it is not priced rather than $0 */
	price("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"mariadb\","
	      "\"instance_class\":\"db.t4g.small\"}}},"
	      "\"usage\":{\"aws_db_instance.d\":{\"monthly_cpu_credit_hrs\":10}}}",
	      &b);
	assert_null(breakdown_item(&b, "aws_db_instance.d"));
	assert_non_null(strstr(unpriced(&b, "aws_db_instance.d"), "no db.t4g CPU credit price"));
	breakdown_release(&b);
}

static void replica_of_multi_az_source(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_db_instance\":{"
	      "\"main\":{\"engine\":\"postgres\",\"identifier\":\"main\",\"instance_class\":"
	      "\"db.m6g.large\",\"multi_az\":true,\"allocated_storage\":100},"
	      "\"replica\":{\"replicate_source_db\":\"aws_db_instance.main.identifier\","
	      "\"instance_class\":\"db.m6g.large\",\"allocated_storage\":0,"
	      "\"backup_retention_period\":0}}}}",
	      &b);
	/* the source: Multi-AZUsage:db.m6g.large, PostgreSQL, Multi-AZ, 0.318/h: 730 x 0.318
	 * = 232.14; RDS:Multi-AZ-GP2-Storage 0.23: 100 x 0.23 = 23.00 */
	assert_string_equal(line_cost(&b, "aws_db_instance.main", "db.m6g.large (Multi-AZ)"), "232.14");
	assert_string_equal(line_cost(&b, "aws_db_instance.main", "Storage (gp2, Multi-AZ)"), "23.00");
	/* the replica runs PostgreSQL (its source's engine) and is Single-AZ (its own
	 * multi_az): InstanceUsage:db.m6g.large 0.159/h: 730 x 0.159 = 116.07 */
	const struct cost_line *l = line(&b, "aws_db_instance.replica", "db.m6g.large (Single-AZ)");
	assert_string_equal(cents(l->cost_cents), "116.07");
	assert_string_equal(l->note, "read replica of aws_db_instance.main");
	/* its storage is the source's 100 GB gp2, Single-AZ: RDS:GP2-Storage 0.115 = 11.50 */
	assert_string_equal(line_cost(&b, "aws_db_instance.replica", "Storage (gp2, Single-AZ)"), "11.50");
	assert_string_equal(item_total(&b, "aws_db_instance.replica"), "127.57");
	breakdown_release(&b);
}

static void gp3_above_baseline(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"postgres\","
	      "\"instance_class\":\"db.m6g.large\",\"storage_type\":\"gp3\","
	      "\"allocated_storage\":500,\"iops\":15000,\"storage_throughput\":600,"
	      "\"backup_retention_period\":0}}}}",
	      &b);
	/* RDS:GP3-Storage 0.115: 500 x 0.115 = 57.50 */
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "Storage (gp3, Single-AZ)"), "57.50");
	/* from 400 GB the baseline is 12,000 IOPS and 500 MiBps:
	 * RDS:GP3-PIOPS 0.02: (15,000 - 12,000) x 0.02 = 60.00
	 * RDS:GP3-PTP 0.08: (600 - 500) x 0.08 = 8.00 */
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "gp3 IOPS above the 12000 baseline"), "60.00");
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "gp3 throughput above the 500 MiBps baseline"),
			    "8.00");
	breakdown_release(&b);
	/* below 400 GB the baseline is 3,000 IOPS and 125 MiBps: 200 GB, 4,000 IOPS, 200 MiBps:
	 * 1,000 x 0.02 = 20.00; 75 x 0.08 = 6.00 */
	price("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"postgres\","
	      "\"instance_class\":\"db.m6g.large\",\"storage_type\":\"gp3\","
	      "\"allocated_storage\":200,\"iops\":4000,\"storage_throughput\":200}}}}",
	      &b);
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "gp3 IOPS above the 3000 baseline"), "20.00");
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "gp3 throughput above the 125 MiBps baseline"),
			    "6.00");
	breakdown_release(&b);
}

static void io1_with_iops(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"postgres\","
	      "\"instance_class\":\"db.m6g.large\",\"storage_type\":\"io1\","
	      "\"allocated_storage\":100,\"iops\":3000,\"backup_retention_period\":0}}}}",
	      &b);
	/* RDS:PIOPS-Storage 0.125: 100 x 0.125 = 12.50; RDS:PIOPS 0.1: 3,000 x 0.1 = 300.00 */
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "Storage (io1, Single-AZ)"), "12.50");
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "Provisioned IOPS (io1, Single-AZ)"), "300.00");
	/* InstanceUsage:db.m6g.large 0.159: 116.07 */
	assert_string_equal(item_total(&b, "aws_db_instance.d"), "428.57");
	breakdown_release(&b);
	/* Multi-AZ: RDS:Multi-AZ-PIOPS-Storage 0.25 x 100 = 25.00; RDS:Multi-AZ-PIOPS 0.2 x 3,000 */
	price("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"postgres\","
	      "\"instance_class\":\"db.m6g.large\",\"storage_type\":\"io1\",\"multi_az\":true,"
	      "\"allocated_storage\":100,\"iops\":3000}}}}",
	      &b);
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "Storage (io1, Multi-AZ)"), "25.00");
	assert_string_equal(line_cost(&b, "aws_db_instance.d", "Provisioned IOPS (io1, Multi-AZ)"), "600.00");
	breakdown_release(&b);
}

static void magnetic_and_io2(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_db_instance\":{"
	      "\"m\":{\"engine\":\"mysql\",\"instance_class\":\"db.m5.large\","
	      "\"storage_type\":\"standard\",\"allocated_storage\":50},"
	      "\"i\":{\"engine\":\"postgres\",\"instance_class\":\"db.m5.large\","
	      "\"storage_type\":\"io2\",\"allocated_storage\":100,\"iops\":3000}}},"
	      "\"usage\":{\"aws_db_instance.m\":{\"monthly_standard_io_requests\":10000000}}}",
	      &b);
	/* RDS:StorageUsage 0.1: 50 x 0.1 = 5.00; RDS:StorageIOUsage 0.0000001 x 10M = 1.00 */
	assert_string_equal(line_cost(&b, "aws_db_instance.m", "Storage (standard, Single-AZ)"), "5.00");
	assert_string_equal(line_cost(&b, "aws_db_instance.m", "I/O requests (magnetic)"), "1.00");
	/* io2 storage has a row (RDS:PIOPS-Storage-IO2) but io2 IOPS do not: not priced */
	assert_null(breakdown_item(&b, "aws_db_instance.i"));
	assert_non_null(strstr(unpriced(&b, "aws_db_instance.i"), "no io2 Provisioned IOPS price"));
	breakdown_release(&b);
}

static void class_errors(void **state)
{
	struct breakdown b;
	(void)state;
	/* a class the region lacks: exit 3, located at instance_class (stderr names the
	 * nearest classes: db.t3.micro first) */
	assert_int_equal(price_at("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":"
				  "\"postgres\",\"instance_class\":\"db.t3.mciro\"}}}}",
				  "test.json", &b),
			 CP_EXIT_DATA);
	/* a class the region has for other engines or deployments: exit 3 too */
	assert_int_equal(price_at("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":"
				  "\"mariadb\",\"instance_class\":\"db.c6gd.large\"}}}}",
				  "test.json", &b),
			 CP_EXIT_DATA);
	/* the same findings in a plan: not priced, with the reason, and the run goes on */
	price_as_plan("{\"resource\":{\"aws_db_instance\":{"
		      "\"a\":{\"engine\":\"postgres\",\"instance_class\":\"db.t3.mciro\"},"
		      "\"b\":{\"engine\":\"mariadb\",\"instance_class\":\"db.c6gd.large\"},"
		      "\"c\":{\"engine\":\"postgres\",\"instance_class\":\"db.r8g.large\"},"
		      "\"ok\":{\"engine\":\"postgres\",\"instance_class\":\"db.t3.micro\"}}}}",
		      &b);
	assert_string_equal(unpriced(&b, "aws_db_instance.a"),
			    "instance_class \"db.t3.mciro\" is not offered in us-east-1; nearest: "
			    "db.t3.micro, db.t3.medium, db.t4g.micro (`costplan types "
			    "aws_db_instance --region us-east-1` lists the classes there)");
	assert_string_equal(unpriced(&b, "aws_db_instance.b"),
			    "db.c6gd.large is offered in us-east-1 for MySQL and PostgreSQL, not "
			    "MariaDB; a Multi-AZ DB cluster with readable standbys is an "
			    "aws_rds_cluster (db_cluster_instance_class)");
	assert_string_equal(unpriced(&b, "aws_db_instance.c"),
			    "db.r8g.large is offered in us-east-1 for Aurora MySQL and Aurora "
			    "PostgreSQL, not PostgreSQL; Aurora instances are "
			    "aws_rds_cluster_instance resources");
	assert_string_equal(item_total(&b, "aws_db_instance.ok"), "15.44");
	breakdown_release(&b);
}

static void performance_insights_retention(void **state)
{
	struct breakdown b;
	(void)state;
	/* 7 days are free */
	price("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"postgres\","
	      "\"instance_class\":\"db.t3.micro\",\"performance_insights_enabled\":true}}}}",
	      &b);
	assert_null(line(&b, "aws_db_instance.d", "Performance Insights, 7 days")->price);
	breakdown_release(&b);
	/* longer: the snapshot's Performance Insights rows are Aurora's only */
	price("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"postgres\","
	      "\"instance_class\":\"db.t3.micro\",\"performance_insights_enabled\":true,"
	      "\"performance_insights_retention_period\":93}}}}",
	      &b);
	assert_non_null(strstr(unpriced(&b, "aws_db_instance.d"),
			       "no Performance Insights retention price for PostgreSQL"));
	breakdown_release(&b);
	/* a retention AWS refuses is a located error */
	assert_int_equal(price_at("{\"resource\":{\"aws_db_instance\":{\"d\":{\"engine\":\"postgres\","
				  "\"instance_class\":\"db.t3.micro\",\"performance_insights_enabled\":"
				  "true,\"performance_insights_retention_period\":30}}}}",
				  "test.json", &b),
			 CP_EXIT_DATA);
}

/* ---- aws_rds_cluster, aws_rds_cluster_instance ---------------------------- */

static void readable_standbys(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_rds_cluster\":{\"c\":{\"engine\":\"postgres\","
	      "\"db_cluster_instance_class\":\"db.m6gd.large\",\"storage_type\":\"io1\","
	      "\"allocated_storage\":100,\"iops\":1000}}}}",
	      &b);
	/* AmazonRDS us-east-1 Multi-AZClusterUsage:db.m6gd.large, PostgreSQL, Multi-AZ
	 * (readable standbys), 0.522/h, one price for the cluster (the Single-AZ instance is
	 * 0.187): 730 x 0.522 = 381.06 */
	assert_string_equal(line_cost(&b, "aws_rds_cluster.c", "db.m6gd.large, writer + 2 standbys"),
			    "381.06");
	/* RDS:Multi-AZCluster-PIOPS-Storage 0.375: 100 x 0.375 = 37.50;
	 * RDS:Multi-AZCluster-PIOPS 0.3: 1,000 x 0.3 = 300.00 */
	assert_string_equal(line_cost(&b, "aws_rds_cluster.c", "Storage (io1)"), "37.50");
	assert_string_equal(line_cost(&b, "aws_rds_cluster.c", "Provisioned IOPS (io1)"), "300.00");
	assert_string_equal(item_total(&b, "aws_rds_cluster.c"), "718.56");
	breakdown_release(&b);
	/* gp3 for this deployment has no row: not priced, with the reason */
	price("{\"resource\":{\"aws_rds_cluster\":{\"c\":{\"engine\":\"mysql\","
	      "\"db_cluster_instance_class\":\"db.m6gd.large\",\"storage_type\":\"gp3\","
	      "\"allocated_storage\":100}}}}",
	      &b);
	assert_non_null(strstr(unpriced(&b, "aws_rds_cluster.c"), "no gp3 price"));
	breakdown_release(&b);
}

static void aurora_postgresql_standard(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_rds_cluster\":{\"app\":{\"engine\":\"aurora-postgresql\","
	      "\"backup_retention_period\":7}},"
	      "\"aws_rds_cluster_instance\":{\"app\":{\"count\":2,\"cluster_identifier\":\"app\","
	      "\"instance_class\":\"db.r7g.large\"}}},"
	      "\"usage\":{\"aws_rds_cluster.app\":{\"storage_gb\":200,\"read_requests_per_sec\":50,"
	      "\"write_requests_per_sec\":10,\"backup_snapshot_size_gb\":20}}}",
	      &b);
	/* AmazonRDS us-east-1 InstanceUsage:db.r7g.large, Aurora PostgreSQL, 0.276/h:
	 * 2 x 730 x 0.276 = 402.96 */
	assert_string_equal(line_cost(&b, "aws_rds_cluster_instance.app", "db.r7g.large (Standard)"),
			    "402.96");
	/* Aurora:StorageUsage (Aurora PostgreSQL) 0.1: 200 x 0.1 = 20.00 */
	assert_string_equal(line_cost(&b, "aws_rds_cluster.app", "Storage (Standard)"), "20.00");
	/* Aurora:StorageIOUsage 0.0000002 per request: (50 + 10)/s x 3,600 x 730
	 * = 157,680,000 x 0.0000002 = 31.536 -> 31.54 */
	assert_string_equal(line_cost(&b, "aws_rds_cluster.app", "I/O requests"), "31.54");
	/* Aurora:BackupUsage (Aurora PostgreSQL) 0.021: 20 GB x (7 - 1) days = 120 x 0.021 */
	assert_string_equal(line_cost(&b, "aws_rds_cluster.app", "Backups beyond the free allowance"),
			    "2.52");
	breakdown_release(&b);
}

static void aurora_mysql_io_optimized(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_rds_cluster\":{\"shop\":{\"engine\":\"aurora-mysql\","
	      "\"storage_type\":\"aurora-iopt1\"}},"
	      "\"aws_rds_cluster_instance\":{\"w\":{\"cluster_identifier\":\"shop\","
	      "\"instance_class\":\"db.r7g.large\"}}},"
	      "\"usage\":{\"aws_rds_cluster.shop\":{\"storage_gb\":200,"
	      "\"read_requests_per_sec\":50}}}",
	      &b);
	/* InstanceUsageIOOptimized:db.r7g.large, Aurora MySQL, 0.359/h: 730 x 0.359 = 262.07 */
	assert_string_equal(line_cost(&b, "aws_rds_cluster_instance.w", "db.r7g.large (I/O-Optimized)"),
			    "262.07");
	/* Aurora:IO-OptimizedStorageUsage (Aurora MySQL) 0.225: 200 x 0.225 = 45.00 */
	assert_string_equal(line_cost(&b, "aws_rds_cluster.shop", "Storage (I/O-Optimized)"), "45.00");
	/* no I/O charge, whatever the requests */
	const struct cost_line *io = line(&b, "aws_rds_cluster.shop", "I/O requests");
	assert_null(io->price);
	assert_string_equal(cents(io->cost_cents), "0.00");
	assert_string_equal(item_total(&b, "aws_rds_cluster.shop"), "45.00");
	breakdown_release(&b);
}

#define SV2_CLUSTER                                                                             \
	"{\"resource\":{\"aws_rds_cluster\":{\"jobs\":{\"engine\":\"aurora-postgresql\","          \
	"\"serverlessv2_scaling_configuration\":{\"min_capacity\":0.5,\"max_capacity\":4}}},"     \
	"\"aws_rds_cluster_instance\":{\"j\":{\"cluster_identifier\":\"jobs\","                     \
	"\"instance_class\":\"db.serverless\"}}}"

static void aurora_serverless_v2(void **state)
{
	struct breakdown b;
	(void)state;
	/* AmazonRDS us-east-1 Aurora:ServerlessV2Usage, Aurora PostgreSQL, 0.12 per ACU-hour:
	 * 1,500 x 0.12 = 180.00 (inside 0.5 x 730 = 365 and 4 x 730 = 2,920) */
	price(SV2_CLUSTER ",\"usage\":{\"aws_rds_cluster_instance.j\":{\"monthly_acu_hrs\":1500}}}",
	      &b);
	const struct cost_line *l = line(&b, "aws_rds_cluster_instance.j", "Serverless v2 ACUs (Standard)");
	assert_string_equal(cents(l->quantity), "1500.00");
	assert_string_equal(cents(l->cost_cents), "180.00");
	breakdown_release(&b);
	/* Infracost's capacity_units_per_hr: 2 ACUs x 730 = 1,460 x 0.12 = 175.20 */
	price(SV2_CLUSTER ",\"usage\":{\"aws_rds_cluster_instance.j\":{\"capacity_units_per_hr\":2}}}",
	      &b);
	assert_string_equal(line_cost(&b, "aws_rds_cluster_instance.j", "Serverless v2 ACUs (Standard)"),
			    "175.20");
	breakdown_release(&b);
	/* no usage: min_capacity all month, 365 x 0.12 = 43.80; above max_capacity: 2,920 x 0.12 */
	price(SV2_CLUSTER "}", &b);
	assert_string_equal(line_cost(&b, "aws_rds_cluster_instance.j", "Serverless v2 ACUs (Standard)"),
			    "43.80");
	breakdown_release(&b);
	price(SV2_CLUSTER ",\"usage\":{\"aws_rds_cluster_instance.j\":{\"monthly_acu_hrs\":5000}}}",
	      &b);
	assert_string_equal(line_cost(&b, "aws_rds_cluster_instance.j", "Serverless v2 ACUs (Standard)"),
			    "350.40");
	breakdown_release(&b);
}

static void aurora_performance_insights(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_rds_cluster\":{\"c\":{\"engine\":\"aurora-postgresql\"}},"
	      "\"aws_rds_cluster_instance\":{\"i\":{\"cluster_identifier\":\"c\","
	      "\"instance_class\":\"db.r7g.large\",\"performance_insights_enabled\":true,"
	      "\"performance_insights_retention_period\":93}}}}",
	      &b);
	/* db.r7g.large has 2 vCPUs; PI_LTR_FMR:Provisioned (Aurora PostgreSQL) 1.5 per vCPU-month:
	 * 2 x 1.5 = 3.00; 93 days = 3 months: 2 more x 2 vCPUs x PI_LTR_AMR:Provisioned 0.0631
	 * = 0.2524 -> 0.25 */
	assert_string_equal(line_cost(&b, "aws_rds_cluster_instance.i", "Performance Insights, 1st month"),
			    "3.00");
	assert_string_equal(line_cost(&b, "aws_rds_cluster_instance.i", "Performance Insights, more months"),
			    "0.25");
	breakdown_release(&b);
}

static void cluster_errors(void **state)
{
	struct breakdown b;
	(void)state;
	/* an instance cannot join a Multi-AZ DB cluster: located error */
	assert_int_equal(price_at("{\"resource\":{\"aws_rds_cluster\":{\"c\":{\"engine\":\"postgres\","
				  "\"db_cluster_instance_class\":\"db.m6gd.large\",\"storage_type\":"
				  "\"io1\",\"allocated_storage\":100,\"iops\":1000}},"
				  "\"aws_rds_cluster_instance\":{\"i\":{\"cluster_identifier\":\"c\","
				  "\"instance_class\":\"db.r7g.large\"}}}}",
				  "test.json", &b),
			 CP_EXIT_DATA);
	/* an RDS class asked of Aurora, in a plan: not priced, naming where it belongs */
	price_as_plan("{\"resource\":{\"aws_rds_cluster\":{\"c\":{\"engine\":\"aurora-postgresql\"}},"
		      "\"aws_rds_cluster_instance\":{\"i\":{\"cluster_identifier\":\"c\","
		      "\"instance_class\":\"db.m7i.large\"}}}}",
		      &b);
	assert_string_equal(unpriced(&b, "aws_rds_cluster_instance.i"),
			    "db.m7i.large is offered in us-east-1 for MariaDB, MySQL and PostgreSQL, "
			    "not Aurora PostgreSQL; RDS for PostgreSQL, MySQL and MariaDB instances "
			    "are aws_db_instance resources");
	breakdown_release(&b);
	/* Aurora takes aurora or aurora-iopt1 storage */
	assert_int_equal(price_at("{\"resource\":{\"aws_rds_cluster\":{\"c\":{\"engine\":"
				  "\"aurora-mysql\",\"storage_type\":\"gp3\"}}}}",
				  "test.json", &b),
			 CP_EXIT_DATA);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mysql_m7g_multi_az_eu_west_1),
		cmocka_unit_test(mariadb_t4g_small),
		cmocka_unit_test(replica_of_multi_az_source),
		cmocka_unit_test(gp3_above_baseline),
		cmocka_unit_test(io1_with_iops),
		cmocka_unit_test(magnetic_and_io2),
		cmocka_unit_test(class_errors),
		cmocka_unit_test(performance_insights_retention),
		cmocka_unit_test(readable_standbys),
		cmocka_unit_test(aurora_postgresql_standard),
		cmocka_unit_test(aurora_mysql_io_optimized),
		cmocka_unit_test(aurora_serverless_v2),
		cmocka_unit_test(aurora_performance_insights),
		cmocka_unit_test(cluster_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
