/*
 * rds_common.h - what the RDS type files share (db_instance.c for
 * aws_db_instance, rds_cluster.c for aws_rds_cluster and
 * aws_rds_cluster_instance): engine names, the check that a DB instance
 * class is offered where it is priced, the plan test, vCPUs of a class and
 * Performance Insights retention. Nothing outside those files includes it.
 */
#ifndef COSTPLAN_TYPES_RDS_COMMON_H
#define COSTPLAN_TYPES_RDS_COMMON_H

#include <stdbool.h>

#include "cost/types/common.h"

/*
 * The price list's "Database Engine" value for a Terraform engine:
 * postgres -> PostgreSQL, mysql -> MySQL, mariadb -> MariaDB,
 * aurora-postgresql -> Aurora PostgreSQL, aurora-mysql and aurora ->
 * Aurora MySQL; NULL for anything else.
 */
const char *rds_engine_name(const char *engine);

/* What an instance-hour row is checked and named by. */
struct rds_class_want {
	const char *cls;        /* "db.m7g.large" */
	const char *engine;     /* "MySQL", "Aurora PostgreSQL" */
	const char *deployment; /* "Single-AZ", "Multi-AZ", "Multi-AZ (readable standbys)";
				   NULL for Aurora (its rows say Single-AZ for every instance) */
	bool io_optimized;      /* Aurora I/O-Optimized (InstanceUsageIOOptimized:) */
};

/*
 * Fill q with the query for the instance-hour price of w (usage type
 * written into buf, which must outlive q).
 */
void rds_instance_query(struct price_query *q, char *buf, size_t size,
			const struct rds_class_want *w);

/*
 * Is the instance class of w offered in the region for its engine and
 * deployment? When it is not, say so precisely (pricer_unpriceable at attr) and
 * return false:
 *   - a class the region does not have at all names the nearest classes
 *     that it has (the choices of r's type, cost/choices.h);
 *   - a class the region has for other engines or deployments says which:
 *     "db.c6gd.large is offered in us-east-1 for MySQL and PostgreSQL as
 *     Multi-AZ (readable standbys), not Single-AZ".
 * and where such a class is priced instead (an Aurora class asked of
 * aws_db_instance is an aws_rds_cluster_instance's...).
 */
bool rds_class_offered(struct pricer_ctx *p, const struct resource *r, const char *attr,
		       const struct rds_class_want *w);

/*
 * vCPUs of a DB instance class by AWS's naming (the RDS "Hardware
 * specifications for DB instance classes" table follows it): T classes
 * from micro to large have 2, a medium of other families 1, a large 2, an
 * xlarge 4, an Nxlarge 4 x N. 0 when the name says nothing (metal).
 */
long rds_class_vcpus(const char *cls);

/*
 * Performance Insights retention beyond the free 7 days (AWS RDS User
 * Guide, "Pricing and data retention for Performance Insights"; Aurora
 * pricing page): the first month of retention per vCPU-month (usage type
 * PI_LTR_FMR:Provisioned, or per ACU-month PI_LTR_FMR:Serverless for
 * Serverless v2) and each month after it at a lower price
 * (PI_LTR_AMR:*). retention_attr is 7, a multiple of 31 days (one to 23
 * months) or 731 (24 months). units is the vCPUs (or average ACUs) the
 * price counts, as an expression. Rows are looked up for engine; when
 * the snapshot has none, the resource is not priced with the reason
 * (pricer_not_priced). Returns false then.
 */
bool rds_performance_insights(struct pricer_ctx *p, const struct resource *r, const char *engine,
			      bool serverless, const struct qty *units, const char *units_note);

/* Months of Performance Insights retention, as an expression over the
 * retention attribute (731 days = 24 months; otherwise days / 31). */
const struct qty *rds_pi_months(struct pricer_ctx *p, const struct resource *r);

/* Is days a retention AWS accepts (7, 731, or 31 x 1..23)? */
bool rds_pi_retention_valid(long days);

/* The choices hooks (cost/choices.h): DB instance classes of the RDS
 * engines as Single-AZ and Multi-AZ instances (aws_db_instance), as
 * Multi-AZ DB clusters with two readable standbys (aws_rds_cluster), or
 * Aurora instances and Serverless v2 ACU-hours, Standard and
 * I/O-Optimized (aws_rds_cluster_instance). */
enum rds_choice_kind { RDS_CHOICE_INSTANCE, RDS_CHOICE_CLUSTER, RDS_CHOICE_AURORA };
struct choice_list;
void rds_add_choices(struct choice_list *l, enum rds_choice_kind kind);

/* Enhanced Monitoring: its metrics are CloudWatch Logs, billed as log
 * ingestion (usage monthly_enhanced_monitoring_gb). */
void rds_enhanced_monitoring(struct pricer_ctx *p, const struct resource *r);

#endif
