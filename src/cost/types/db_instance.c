/*
 * db_instance.c - RDS for PostgreSQL instances.
 *
 * RDS instance prices depend on engine and deployment option, and the
 * usage type is shared by engines, so lookups filter on "Database Engine"
 * and "Deployment Option". Storage is billed per GB-month; gp3 IOPS above
 * the 3,000 baseline (12,000 from 400 GB) are extra. Backup storage up to
 * 100% of the provisioned storage is free; T3/T4g instances always run in
 * unlimited mode, so CPU above the baseline is charged as surplus credits
 * (AWS RDS pricing page). Performance Insights keeps 7 days free; Enhanced
 * Monitoring writes CloudWatch Logs, billed as log ingestion.
 */
#include <stdio.h>
#include <string.h>

#include "cost/choices.h"
#include "cost/types/common.h"

static const char *const PG_ENGINE[] = {"postgres", NULL};
static const char *const DB_CLASS[] = {"db.t3.micro", "db.t3.small", "db.t3.medium", "db.r7g.large",
				       "db.t4g.micro", "db.t4g.small", NULL};
static const char *const STORAGE_TYPE[] = {"gp2", "gp3", NULL};
static const char *const MONITORING[] = {"0", "1", "5", "10", "15", "30", "60", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "engine", .kind = ATTR_ENUM, .choices = PG_ENGINE,
	 .doc = "only PostgreSQL is priced"},
	{.name = "engine_version", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "instance_class", .kind = ATTR_ENUM, .choices = DB_CLASS, .doc = ""},
	{.name = "multi_az", .kind = ATTR_BOOL, .def = "false", .doc = "a standby in a second AZ"},
	{.name = "allocated_storage", .kind = ATTR_INT, .def = "20", .min = 20, .max = 65536,
	 .doc = "GB", .unit = "GB"},
	{.name = "max_allocated_storage", .kind = ATTR_INT, .def = "0", .max = 65536,
	 .doc = "storage autoscaling cap"},
	{.name = "storage_type", .kind = ATTR_ENUM, .def = "gp2", .choices = STORAGE_TYPE,
	 .doc = ""},
	{.name = "iops", .kind = ATTR_INT, .def = "0", .max = 64000,
	 .doc = "gp3 IOPS (above the baseline are charged)", .unit = "IOPS"},
	{.name = "storage_throughput", .kind = ATTR_INT, .def = "0", .max = 4000,
	 .doc = "gp3 MiBps"},
	{.name = "storage_encrypted", .kind = ATTR_BOOL, .def = "false", .doc = "free",
	 .info = true},
	{.name = "backup_retention_period", .kind = ATTR_INT, .def = "7", .max = 35,
	 .doc = "days"},
	{.name = "performance_insights_enabled", .kind = ATTR_BOOL, .def = "false", .doc = ""},
	{.name = "performance_insights_retention_period", .kind = ATTR_INT, .def = "7", .min = 7,
	 .max = 731, .doc = "days; 7 is free"},
	{.name = "monitoring_interval", .kind = ATTR_INTSET, .def = "0", .choices = MONITORING,
	 .doc = "Enhanced Monitoring seconds (0 = off)"},
	{.name = "deletion_protection", .kind = ATTR_BOOL, .def = "false", .doc = "free",
	 .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"additional_backup_storage_gb", "GB",
	 "backup GB beyond the free 100% of provisioned storage"},
	{"monthly_cpu_credit_hrs", "vCPU-hours",
	 "vCPU-hours a month above the T3 baseline (surplus credits)"},
	{"monthly_enhanced_monitoring_gb", "GB/month", "GB of Enhanced Monitoring logs a month"},
	{"monthly_additional_performance_insights_requests", "requests/month",
	 "Performance Insights API requests beyond the free million a month"},
	USAGE_END,
};

static void q_rds(struct price_query *q, const char *family, const char *usage)
{
	pq_set(q, "AmazonRDS", family, usage);
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	char usage[96], name[96];
	const char *cls = res_str(r, "instance_class");
	bool multi = res_bool(r, "multi_az");
	const char *dep = multi ? "Multi-AZ" : "Single-AZ";
	bool gp3 = strcmp(res_str(r, "storage_type"), "gp3") == 0;
	long gb = res_int(r, "allocated_storage");

	pricer_selects(p, r, "instance_class");
	pricer_selects(p, r, "multi_az");
	pricer_selects(p, r, "storage_type");
	snprintf(usage, sizeof(usage), "%s:%s", multi ? "Multi-AZUsage" : "InstanceUsage", cls);
	q_rds(&q, "Database Instance", usage);
	pq_attr(&q, "Instance Type", cls);
	pq_attr(&q, "Database Engine", "PostgreSQL");
	pq_attr(&q, "Deployment Option", dep);
	snprintf(name, sizeof(name), "%s (%s)", cls, dep);
	pricer_line(p, name, "hours", q_hours(p), &q);

	q_rds(&q, "Database Storage",
	      gp3 ? (multi ? "RDS:Multi-AZ-GP3-Storage" : "RDS:GP3-Storage")
		  : (multi ? "RDS:Multi-AZ-GP2-Storage" : "RDS:GP2-Storage"));
	pq_attr(&q, "Deployment Option", dep);
	snprintf(name, sizeof(name), "Storage (%s, %s)", gp3 ? "gp3" : "gp2", dep);
	pricer_line(p, name, "GB-months", q_attr(p, r, "allocated_storage"), &q);

	if (gp3 && res_int(r, "iops") > 0) {
		long base = gb >= 400 ? 12000 : 3000;
		if (res_int(r, "iops") - base > 0) {
			/* baseline 3,000 IOPS, 12,000 from 400 GB */
			const struct qty *b = q_step(p, q_attr(p, r, "allocated_storage"), 400, 12000,
						     3000, "baseline");
			q_rds(&q, "Provisioned IOPS", multi ? "RDS:Multi-AZ-GP3-PIOPS" : "RDS:GP3-PIOPS");
			snprintf(name, sizeof(name), "gp3 IOPS above the %ld baseline", base);
			pricer_line(p, name, "IOPS-months",
				    q_max2(p, q_sub(p, q_attr(p, r, "iops"), b), q_int(p, 0)), &q);
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
			pricer_line(p, "Backups beyond the free allowance", "GB-months",
				    q_usage(p, r, "additional_backup_storage_gb"), &q);
		if (l && !l->has_usage)
			pricer_note(l, "free up to %ld GB (100%% of provisioned storage)", gb);
	}

	if (strncmp(cls, "db.t", 4) == 0) {
		/* "db.t3.micro" -> "CPUCredits:db.t3" */
		const char *dot = strchr(cls + 3, '.');
		snprintf(usage, sizeof(usage), "CPUCredits:%.*s", (int)(dot - cls), cls);
		q_rds(&q, "CPU Credits", usage);
		struct cost_line *l = pricer_line(p, "CPU credits above baseline", "vCPU-hours",
						  q_usage(p, r, "monthly_cpu_credit_hrs"), &q);
		if (l && !l->has_usage)
			pricer_note(l, "$0 while average CPU stays under the baseline");
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
		pq_logs_ingestion(&q, "STANDARD");
		struct cost_line *l = pricer_line(p, "Enhanced Monitoring logs", "GB",
						  q_usage(p, r, "monthly_enhanced_monitoring_gb"), &q);
		pricer_pool(l, POOL_LOGS);
	}
	if (res_bool(r, "deletion_protection"))
		pricer_free_line(p, "Deletion protection", NULL);
}

/* 0 when Performance Insights is off: keep the default then. */
static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	int unk;
	double d;
	if (strcmp(a->name, "performance_insights_retention_period"))
		return 0;
	json_t *v = plan_map_get(m, a->name, &unk);
	if (v && plan_map_number(m, a->name, v, &d) == 0 && d >= 7)
		plan_map_put(m, a, v);
	return 1;
}

static void choices(struct choice_list *l)
{
	static const char *const COLS[] = {"Instance Type", "Database Engine", "Deployment Option",
					   NULL};
	l->heading = "instance_class  engine  deployment";
	choices_add_prices(l, "AmazonRDS", "Database Instance", "InstanceUsage:", COLS);
	choices_add_prices(l, "AmazonRDS", "Database Instance", "Multi-AZUsage:", COLS);
}

const struct type_spec aws_db_instance_type = {
	.type = "aws_db_instance",
	.title = "RDS PostgreSQL",
	.category = CAT_DATA,
	.attrs = ATTRS,
	.usage = USAGE,
	.plan_attr = plan_attr,
	.price = price,
	.choices = choices,
	.sim_role = SIM_DATABASE,
	.sim_usage = "monthly_cpu_credit_hrs",
};
