/*
 * price_data.c - RDS PostgreSQL, ElastiCache, S3 and ECR.
 *
 * RDS instance prices depend on engine and deployment option, and the
 * usage type is shared by engines, so lookups filter on "Database Engine"
 * and "Deployment Option" (FACTS.md 2.2). Backup storage up to 100% of the
 * provisioned storage is free; T3/T4g instances always run in unlimited
 * mode, so CPU above baseline is charged as surplus credits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost/pricer.h"
#include "util/error.h"

static void q_rds(struct price_query *q, const char *family, const char *usage)
{
	memset(q, 0, sizeof(*q));
	q->offer = "AmazonRDS";
	q->family = family;
	q->usage = usage;
}

void price_db_instance(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	char usage[96], name[96];
	const char *cls = res_str(r, "instance_class");
	bool multi = res_bool(r, "multi_az");
	const char *dep = multi ? "Multi-AZ" : "Single-AZ";
	bool gp3 = strcmp(res_str(r, "storage_type"), "gp3") == 0;
	long gb = res_int(r, "allocated_storage");

	snprintf(usage, sizeof(usage), "%s:%s", multi ? "Multi-AZUsage" : "InstanceUsage", cls);
	q_rds(&q, "Database Instance", usage);
	q.attrs[0][0] = "Instance Type";
	q.attrs[0][1] = cls;
	q.attrs[1][0] = "Database Engine";
	q.attrs[1][1] = "PostgreSQL";
	q.attrs[2][0] = "Deployment Option";
	q.attrs[2][1] = dep;
	snprintf(name, sizeof(name), "%s (%s)", cls, dep);
	pricer_line(p, name, "hours", hours_month(), &q);

	q_rds(&q, "Database Storage",
	      gp3 ? (multi ? "RDS:Multi-AZ-GP3-Storage" : "RDS:GP3-Storage")
		  : (multi ? "RDS:Multi-AZ-GP2-Storage" : "RDS:GP2-Storage"));
	q.attrs[0][0] = "Deployment Option";
	q.attrs[0][1] = dep;
	snprintf(name, sizeof(name), "Storage (%s, %s)", gp3 ? "gp3" : "gp2", dep);
	pricer_line(p, name, "GB-months", dec_from_int(gb), &q);

	if (gp3 && res_int(r, "iops") > 0) {
		long base = gb >= 400 ? 12000 : 3000;
		long extra = res_int(r, "iops") - base;
		if (extra > 0) {
			q_rds(&q, "Provisioned IOPS", multi ? "RDS:Multi-AZ-GP3-PIOPS" : "RDS:GP3-PIOPS");
			snprintf(name, sizeof(name), "gp3 IOPS above the %ld baseline", base);
			pricer_line(p, name, "IOPS-months", dec_from_int(extra), &q);
		}
	}
	if (gp3 && res_int(r, "storage_throughput") > (gb >= 400 ? 500 : 125)) {
		cp_error(CP_EXIT_DATA,
			 "%s: gp3 throughput above the baseline is not in the price snapshot; "
			 "remove storage_throughput or set it to the baseline",
			 r->address);
		pricer_fail(p, CP_EXIT_DATA);
		return;
	}

	if (res_int(r, "backup_retention_period") > 0) {
		q_rds(&q, "Storage Snapshot", "RDS:ChargedBackupUsage");
		struct cost_line *l =
			pricer_usage_line(p, "Backups beyond the free allowance", "GB-months",
					  "additional_backup_storage_gb", dec_from_int(1), &q);
		if (l && !l->has_usage) {
			free(l->note);
			l->note = xasprintf("free up to %ld GB (100%% of provisioned storage)", gb);
		}
	}

	if (strncmp(cls, "db.t", 4) == 0) {
		/* "db.t3.micro" -> "CPUCredits:db.t3" */
		const char *dot = strchr(cls + 3, '.');
		snprintf(usage, sizeof(usage), "CPUCredits:%.*s", (int)(dot - cls), cls);
		q_rds(&q, "CPU Credits", usage);
		struct cost_line *l = pricer_usage_line(p, "CPU credits above baseline",
							"vCPU-hours", "monthly_cpu_credit_hrs",
							dec_from_int(1), &q);
		if (l && !l->has_usage) {
			free(l->note);
			l->note = xstrdup("$0 while average CPU stays under the baseline");
		}
	}

	if (res_bool(r, "performance_insights_enabled")) {
		if (res_int(r, "performance_insights_retention_period") > 7) {
			cp_error(CP_EXIT_DATA,
				 "%s: Performance Insights retention above 7 days is not in the price "
				 "snapshot; set performance_insights_retention_period to 7",
				 r->address);
			pricer_fail(p, CP_EXIT_DATA);
			return;
		}
		pricer_free_line(p, "Performance Insights, 7 days", NULL);
	}
	if (res_int(r, "monitoring_interval") > 0) {
		struct price_query lq;
		q_logs_ingestion(&lq, "STANDARD");
		struct cost_line *l = pricer_usage_line(p, "Enhanced Monitoring logs",
							"GB", "monthly_enhanced_monitoring_gb",
							dec_from_int(1), &lq);
		if (l) {
			p->logs_ingested_gb = dec_add(p->logs_ingested_gb, l->quantity);
			if (!p->logs_price)
				p->logs_price = l->price;
		}
	}
	if (res_bool(r, "deletion_protection"))
		pricer_free_line(p, "Deletion protection", NULL);
}

void price_elasticache(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	char usage[96], name[128];
	const char *node = res_str(r, "node_type");
	const char *engine = strcmp(res_str(r, "engine"), "valkey") == 0 ? "Valkey" : "Redis";
	long groups = res_int(r, "num_node_groups");
	long nodes = groups > 0 ? groups * (res_int(r, "replicas_per_node_group") + 1)
				: res_int(r, "num_cache_clusters");

	snprintf(usage, sizeof(usage), "NodeUsage:%s", node);
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonElastiCache";
	q.family = "Cache Instance";
	q.usage = usage;
	q.attrs[0][0] = "Instance Type";
	q.attrs[0][1] = node;
	q.attrs[1][0] = "Cache Engine";
	q.attrs[1][1] = engine;
	snprintf(name, sizeof(name), "%ld x %s (%s)", nodes, node, engine);
	pricer_line(p, name, "node-hours", dec_mul_or_fail(p, dec_from_int(nodes), hours_month()),
		    &q);

	long keep = res_int(r, "snapshot_retention_limit");
	if (keep > 0) {
		memset(&q, 0, sizeof(q));
		q.offer = "AmazonElastiCache";
		q.family = "Storage Snapshot";
		q.usage = "BackupUsage";
		/* one backup per cluster is free; the rest are billed (Infracost's rule) */
		struct cost_line *l = pricer_usage_line(p, "Snapshots beyond the first",
							"GB-months", "snapshot_storage_size_gb",
							dec_from_int(keep - 1), &q);
		if (l && !l->has_usage) {
			free(l->note);
			l->note = xstrdup("set snapshot_storage_size_gb to price it");
		}
	}
}

void price_s3_bucket(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	(void)r;
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonS3";
	q.family = "Storage";
	q.usage = "TimedStorage-ByteHrs";
	q.attrs[0][0] = "Volume Type";
	q.attrs[0][1] = "Standard";
	pricer_usage_line(p, "Standard storage", "GB-months", "standard.storage_gb", dec_from_int(1),
			  &q);
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonS3";
	q.family = "API Request";
	q.usage = "Requests-Tier1";
	pricer_usage_line(p, "PUT/COPY/POST/LIST requests", "requests",
			  "standard.monthly_tier_1_requests", dec_from_int(1), &q);
	q.usage = "Requests-Tier2";
	pricer_usage_line(p, "GET and other requests", "requests", "standard.monthly_tier_2_requests",
			  dec_from_int(1), &q);
}

void price_ecr_repository(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	(void)r;
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonECR";
	q.family = "EC2 Container Registry";
	q.usage = "TimedStorage-ByteHrs";
	pricer_usage_line(p, "Image storage", "GB-months", "storage_gb", dec_from_int(1), &q);
	if (res_bool(r, "image_scanning_configuration.scan_on_push"))
		pricer_free_line(p, "Basic image scanning on push", NULL);
}
