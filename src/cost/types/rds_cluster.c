/*
 * rds_cluster.c - RDS clusters (aws_rds_cluster) and their instances
 * (aws_rds_cluster_instance): Aurora PostgreSQL and Aurora MySQL,
 * Standard and I/O-Optimized, provisioned and Serverless v2; and Multi-AZ
 * DB clusters of RDS for PostgreSQL and MySQL (a writer and two readable
 * standbys).
 *
 * How AWS bills Aurora (Aurora pricing page, aws.amazon.com/rds/aurora/
 * pricing; Aurora User Guide, "DB instance billing for Aurora" and
 * "Storage configurations for Amazon Aurora DB clusters"):
 *
 * - The cluster carries the storage: GB-months of data actually stored
 *   (usage storage_gb, Infracost's key) and, for Aurora Standard, every
 *   I/O request (usage read_requests_per_sec + write_requests_per_sec,
 *   Infracost's keys: x 3,600 x 730 a month). I/O-Optimized
 *   (storage_type "aurora-iopt1") bills storage at its own higher price
 *   and no I/O. Backup storage up to the cluster's size is free; beyond it
 *   per GB-month: with Infracost's usage backup_snapshot_size_gb, one
 *   snapshot's size for each day of retention after the first. Backtrack
 *   (Aurora MySQL, backtrack_window seconds) bills change records kept
 *   per hour: usage average_statements_per_hr x change_records_per_statement
 *   x the window's hours x 730 (Infracost's keys; backtrack_window_hrs
 *   overrides the attribute).
 * - Each instance (aws_rds_cluster_instance) bills its own instance-hours
 *   by class, engine and storage configuration: I/O-Optimized instances
 *   have their own price (usage type InstanceUsageIOOptimized:<class>).
 *   It finds its cluster by cluster_identifier.
 * - Serverless v2 instances (instance_class "db.serverless") bill
 *   ACU-hours, measured per second (Aurora User Guide, "How Aurora
 *   Serverless v2 works"): usage monthly_acu_hrs, or Infracost's
 *   capacity_units_per_hr x 730, held between the cluster's
 *   serverlessv2_scaling_configuration min_capacity and max_capacity
 *   times 730. Without usage: min_capacity all month (the floor it cannot
 *   go under; $0 when min_capacity is 0 and it may pause).
 * - Performance Insights beyond 7 days: per vCPU-month (provisioned) or
 *   ACU-month (Serverless v2), rds_common.h. T-class CPU credits: per
 *   vCPU-hour above the baseline (usage monthly_cpu_credit_hrs x
 *   vcpu_count, Infracost's keys); the snapshot has no Aurora rate, so the
 *   line says so.
 *
 * Multi-AZ DB clusters (engine "postgres" or "mysql" with
 * db_cluster_instance_class; AWS RDS pricing page, "Multi-AZ deployments
 * with two readable standbys"): AWS creates the three instances and bills
 * them as one deployment. The price row (deployment "Multi-AZ (readable
 * standbys)", usage type Multi-AZClusterUsage:<class>) is for the whole
 * cluster: in the snapshot it is about three times the class's Single-AZ
 * price (db.m6gd.large in us-east-1: 0.522 an hour against 0.187), so it
 * is priced once per cluster, never per instance. Its storage is
 * provisioned (allocated_storage, iops): the snapshot has io1 rows for it
 * (RDS:Multi-AZCluster-PIOPS-Storage, RDS:Multi-AZCluster-PIOPS), not gp3
 * or io2, which are then not priced, with the reason.
 */
#include <stdio.h>
#include <string.h>

#include "cost/choices.h"
#include "cost/types/rds_common.h"

/* ---- aws_rds_cluster ------------------------------------------------------ */

static const char *const CLUSTER_ENGINE[] = {"aurora-postgresql", "aurora-mysql", "aurora",
					     "postgres", "mysql", NULL};
static const char *const ENGINE_MODE[] = {"provisioned", NULL};
static const char *const CLUSTER_STORAGE[] = {"aurora", "aurora-iopt1", "io1", "io2", "gp3", NULL};

static const struct attr_spec CLUSTER_ATTRS[] = {
	COUNT_ATTR,
	{.name = "cluster_identifier", .kind = ATTR_STRING, .def = "",
	 .doc = "the cluster's name (its instances' cluster_identifier)", .info = true},
	{.name = "engine", .kind = ATTR_ENUM, .choices = CLUSTER_ENGINE,
	 .doc = "aurora-postgresql or aurora-mysql; postgres or mysql: a Multi-AZ DB cluster"},
	{.name = "engine_version", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "engine_mode", .kind = ATTR_ENUM, .def = "provisioned", .choices = ENGINE_MODE,
	 .doc = "provisioned (instances, Serverless v2 among them)"},
	{.name = "storage_type", .kind = ATTR_ENUM, .def = "aurora", .choices = CLUSTER_STORAGE,
	 .doc = "Aurora: aurora (Standard) or aurora-iopt1 (I/O-Optimized); a Multi-AZ DB "
		"cluster: io1, io2 or gp3"},
	{.name = "db_cluster_instance_class", .kind = ATTR_STRING, .def = "",
	 .doc = "a Multi-AZ DB cluster's instance class (`costplan types aws_rds_cluster "
		"--region R` lists them)"},
	{.name = "allocated_storage", .kind = ATTR_INT, .def = "0", .max = 65536,
	 .doc = "a Multi-AZ DB cluster's storage, GB", .unit = "GB"},
	{.name = "iops", .kind = ATTR_INT, .def = "0", .max = 256000,
	 .doc = "a Multi-AZ DB cluster's provisioned IOPS", .unit = "IOPS"},
	{.name = "serverlessv2_scaling_configuration.min_capacity", .kind = ATTR_NUMBER,
	 .def = "0", .max = 256, .doc = "Serverless v2 instances' lower bound, ACUs",
	 .unit = "ACUs"},
	{.name = "serverlessv2_scaling_configuration.max_capacity", .kind = ATTR_NUMBER,
	 .def = "0", .max = 256, .doc = "Serverless v2 instances' upper bound, ACUs",
	 .unit = "ACUs"},
	{.name = "backup_retention_period", .kind = ATTR_INT, .def = "1", .min = 1, .max = 35,
	 .doc = "days", .unit = "days"},
	{.name = "backtrack_window", .kind = ATTR_INT, .def = "0", .max = 259200,
	 .doc = "Aurora MySQL backtrack, seconds (0 = off)", .unit = "seconds"},
	{.name = "storage_encrypted", .kind = ATTR_BOOL, .def = "false", .doc = "free",
	 .info = true},
	{.name = "deletion_protection", .kind = ATTR_BOOL, .def = "false", .doc = "free",
	 .info = true},
	ATTR_END,
};

static const struct usage_spec CLUSTER_USAGE[] = {
	{"storage_gb", "GB", "Aurora: GB stored, on average over the month"},
	{"read_requests_per_sec", "requests/s", "Aurora Standard: read I/O requests a second"},
	{"write_requests_per_sec", "requests/s", "Aurora Standard: write I/O requests a second"},
	{"backup_snapshot_size_gb", "GB",
	 "Aurora: GB of one day's backup (each day of retention after the first is billed)"},
	{"average_statements_per_hr", "statements/hour", "Aurora MySQL backtrack: statements an hour"},
	{"change_records_per_statement", "records", "Aurora MySQL backtrack: change records a statement"},
	{"backtrack_window_hrs", "hours",
	 "Aurora MySQL backtrack window, hours (default: backtrack_window / 3600)"},
	{"additional_backup_storage_gb", "GB",
	 "Multi-AZ DB cluster: backup GB beyond the free 100% of provisioned storage"},
	USAGE_END,
};

static bool is_aurora(const char *engine)
{
	return strncmp(engine, "aurora", 6) == 0;
}

static void q_rds(struct price_query *q, const char *family, const char *usage)
{
	pq_set(q, "AmazonRDS", family, usage);
}

/* The query's Database Engine: engine's row, else one for "Any" (how the
 * price list labels prices every engine shares), else engine's (missing). */
static void engine_or_any(struct pricer_ctx *p, struct price_query *q, const char *engine)
{
	struct price_query any = *q;
	pq_attr(q, "Database Engine", engine);
	if (catalog_try(p->cat, p->region, q))
		return;
	pq_attr(&any, "Database Engine", "Any");
	if (catalog_try(p->cat, p->region, &any))
		*q = any;
}

/*
 * A usage-based line whose price may be missing from the snapshot: $0
 * with a note while no usage is given; not priced (with the reason) when
 * usage is given and the row is missing. Returns false then.
 */
static bool usage_line(struct pricer_ctx *p, const struct resource *r, const char *name,
		       const char *unit, const struct qty *q, const struct price_query *pq,
		       const char *what)
{
	if (q->given && !dec_is_zero(q->v) && !catalog_try(p->cat, p->region, pq)) {
		pricer_not_priced(p, "%s: usage is given, but the price snapshot has no %s price in %s",
				  name, what, p->region);
		return false;
	}
	struct cost_line *l = pricer_line(p, name, unit, q, pq);
	if (l && !l->price)
		pricer_note(l, "the price snapshot has no %s price in %s; $0 while its usage is 0",
			    what, p->region);
	(void)r;
	return true;
}

static void aurora_cluster(struct pricer_ctx *p, const struct resource *r, const char *ename)
{
	struct price_query q;
	char name[128];
	bool io = strcmp(res_str(r, "storage_type"), "aurora-iopt1") == 0;
	const char *config = io ? "I/O-Optimized" : "Standard";

	q_rds(&q, "Database Storage",
	      io ? "Aurora:IO-OptimizedStorageUsage" : "Aurora:StorageUsage");
	engine_or_any(p, &q, ename);
	snprintf(name, sizeof(name), "Storage (%s)", config);
	if (!usage_line(p, r, name, "GB-months", q_usage(p, r, "storage_gb"), &q,
			io ? "Aurora I/O-Optimized storage" : "Aurora Standard storage"))
		return;

	if (io) {
		pricer_free_line(p, "I/O requests", "included in I/O-Optimized storage");
	} else {
		const struct qty *per_sec = q_add(p, q_usage(p, r, "read_requests_per_sec"),
						  q_usage(p, r, "write_requests_per_sec"));
		q_rds(&q, "System Operation", "Aurora:StorageIOUsage");
		if (!usage_line(p, r, "I/O requests", "requests",
				q_mul(p, per_sec, q_mul(p, q_hours(p), q_int(p, 3600))), &q,
				"Aurora I/O request"))
			return;
	}

	if (res_int(r, "backup_retention_period") > 1) {
		q_rds(&q, "Storage Snapshot", "Aurora:BackupUsage");
		engine_or_any(p, &q, ename);
		const struct qty *gb = q_mul(p, q_usage(p, r, "backup_snapshot_size_gb"),
					     q_sub(p, q_attr(p, r, "backup_retention_period"),
						   q_int(p, 1)));
		if (!usage_line(p, r, "Backups beyond the free allowance", "GB-months", gb, &q,
				"Aurora backup storage"))
			return;
	}

	if (strcmp(ename, "Aurora MySQL") == 0 && res_int(r, "backtrack_window") > 0) {
		const struct qty *hours =
			json_object_get(r->usage, "backtrack_window_hrs")
				? q_usage(p, r, "backtrack_window_hrs")
				: q_div(p, q_attr(p, r, "backtrack_window"), q_int(p, 3600));
		const struct qty *records =
			q_mul(p, q_mul(p, q_usage(p, r, "average_statements_per_hr"),
				       q_usage(p, r, "change_records_per_statement")),
			      q_mul(p, hours, q_hours(p)));
		q_rds(&q, "System Operation", "Aurora:BacktrackUsage");
		usage_line(p, r, "Backtrack change records", "record-hours", records, &q,
			   "Aurora backtrack");
	}
}

static void multi_az_cluster(struct pricer_ctx *p, const struct resource *r, const char *ename)
{
	static const char DEP[] = "Multi-AZ (readable standbys)";
	struct price_query q;
	char usage[160], name[160];
	const char *cls = res_str(r, "db_cluster_instance_class");
	const char *type = res_str(r, "storage_type");

	if (!cls[0]) {
		pricer_unpriceable(p, r, "db_cluster_instance_class",
			   "a Multi-AZ DB cluster (engine %s) needs db_cluster_instance_class",
			   res_str(r, "engine"));
		return;
	}
	struct rds_class_want w = {cls, ename, DEP, false};
	if (!rds_class_offered(p, r, "db_cluster_instance_class", &w))
		return;
	/* storage and IOPS rows of this deployment, by volume type (the snapshot has io1's) */
	bool piops = !strcmp(type, "io1") || !strcmp(type, "io2");
	const char *volume = !strcmp(type, "io1")   ? "Provisioned IOPS"
			     : !strcmp(type, "io2") ? "Provisioned IOPS-IO2"
						    : "General Purpose-GP3";
	struct price_query gb, iops;
	q_rds(&gb, "Database Storage", NULL);
	pq_attr(&gb, "Deployment Option", DEP);
	pq_attr(&gb, "Volume Type", volume);
	q_rds(&iops, "Provisioned IOPS", NULL);
	pq_attr(&iops, "Deployment Option", DEP);
	pq_attr(&iops, "Volume Type", volume);
	if (!catalog_try(p->cat, p->region, &gb) ||
	    (piops && !catalog_try(p->cat, p->region, &iops))) {
		pricer_not_priced(p,
				  "%s storage of a Multi-AZ DB cluster: the price snapshot has no %s "
				  "price for Multi-AZ (readable standbys) in %s",
				  type, type, p->region);
		return;
	}

	pricer_selects(p, r, "db_cluster_instance_class");
	pricer_selects(p, r, "engine");
	rds_instance_query(&q, usage, sizeof(usage), &w);
	snprintf(name, sizeof(name), "%s, writer + 2 standbys", cls);
	struct cost_line *l = pricer_line(p, name, "hours", q_hours(p), &q);
	pricer_note(l, "%s Multi-AZ DB cluster: one price for the writer and its two readable standbys", ename);

	snprintf(name, sizeof(name), "Storage (%s)", type);
	pricer_line(p, name, "GB-months", q_attr(p, r, "allocated_storage"), &gb);
	if (piops) {
		snprintf(name, sizeof(name), "Provisioned IOPS (%s)", type);
		pricer_line(p, name, "IOPS-months", q_attr(p, r, "iops"), &iops);
	}

	q_rds(&q, "Storage Snapshot", "RDS:ChargedBackupUsage");
	l = pricer_line(p, "Backups beyond the free allowance", "GB-months",
			q_usage(p, r, "additional_backup_storage_gb"), &q);
	if (l && !l->has_usage)
		pricer_note(l, "free up to %ld GB (100%% of provisioned storage)",
			    res_int(r, "allocated_storage"));
}

static void cluster_price(struct pricer_ctx *p, const struct resource *r)
{
	const char *engine = res_str(r, "engine");
	const char *ename = rds_engine_name(engine);
	if (!ename) {
		pricer_unpriceable(p, r, "engine", "engine is not set");
		return;
	}
	pricer_selects(p, r, "storage_type");
	if (is_aurora(engine))
		aurora_cluster(p, r, ename);
	else
		multi_az_cluster(p, r, ename);
}

/* What the rules across attributes look at, from a scenario's resource
 * or from a plan being mapped. */
struct cluster_facts {
	const char *engine, *type, *cls;
	long gb, iops;
	double lo, hi;
};

/* Each broken rule: report(ctx, attribute, message). */
static void cluster_rules(const struct cluster_facts *f,
			  void (*report)(void *, const char *, const char *), void *ctx)
{
	char msg[256];
	bool aurora_storage = !strcmp(f->type, "aurora") || !strcmp(f->type, "aurora-iopt1");

	if (is_aurora(f->engine) && !aurora_storage) {
		snprintf(msg, sizeof(msg),
			 "an Aurora cluster takes storage_type aurora (Standard) or aurora-iopt1 "
			 "(I/O-Optimized), not %s",
			 f->type);
		report(ctx, "storage_type", msg);
	}
	if (!is_aurora(f->engine)) {
		if (aurora_storage) {
			snprintf(msg, sizeof(msg),
				 "a Multi-AZ DB cluster (engine %s) takes storage_type io1, io2 or gp3",
				 f->engine);
			report(ctx, "storage_type", msg);
		}
		if (!f->cls[0]) {
			snprintf(msg, sizeof(msg),
				 "a Multi-AZ DB cluster (engine %s) needs db_cluster_instance_class",
				 f->engine);
			report(ctx, "db_cluster_instance_class", msg);
		}
		if (f->gb < 100)
			report(ctx, "allocated_storage",
			       "a Multi-AZ DB cluster needs allocated_storage of 100 GB or more");
		if ((!strcmp(f->type, "io1") || !strcmp(f->type, "io2")) && f->iops < 1000) {
			snprintf(msg, sizeof(msg), "%s storage needs iops (1,000 or more)", f->type);
			report(ctx, "iops", msg);
		}
	}
	if (f->hi > 0 && f->lo > f->hi) {
		snprintf(msg, sizeof(msg), "min_capacity %g is above max_capacity %g", f->lo, f->hi);
		report(ctx, "serverlessv2_scaling_configuration.min_capacity", msg);
	}
}

static void check_report(void *ctx, const char *attr, const char *msg)
{
	check_fail(ctx, attr, "%s", msg);
}

static void plan_report(void *ctx, const char *attr, const char *msg)
{
	(void)attr;
	plan_map_not_priced(ctx, "%s", msg);
}

/* A string the plan holds for attr, else def. */
static const char *plan_str(struct plan_map *m, const char *attr, const char *def)
{
	int unk;
	const char *v = json_string_value(plan_map_get(m, attr, &unk));
	return v && v[0] ? v : def;
}

static void cluster_check(struct check_ctx *c, const struct resource *r)
{
	struct cluster_facts f = {
		.engine = res_str(r, "engine"),
		.type = res_str(r, "storage_type"),
		.cls = res_str(r, "db_cluster_instance_class"),
		.gb = res_int(r, "allocated_storage"),
		.iops = res_int(r, "iops"),
		.lo = res_num(r, "serverlessv2_scaling_configuration.min_capacity"),
		.hi = res_num(r, "serverlessv2_scaling_configuration.max_capacity"),
	};
	cluster_rules(&f, check_report, c);
}

/* The loader's rules, on the mapped values: a plan breaking one is not
 * priced rather than refused. */
static void cluster_plan_check(struct plan_map *m)
{
	int unk;
	double lo = 0, hi = 0;
	json_t *v = plan_map_get(m, "serverlessv2_scaling_configuration.min_capacity", &unk);
	if (v)
		plan_map_number(m, "min_capacity", v, &lo);
	v = plan_map_get(m, "serverlessv2_scaling_configuration.max_capacity", &unk);
	if (v)
		plan_map_number(m, "max_capacity", v, &hi);
	struct cluster_facts f = {
		.engine = plan_str(m, "engine", ""),
		.type = plan_str(m, "storage_type", "aurora"),
		.cls = plan_str(m, "db_cluster_instance_class", ""),
		.gb = plan_map_body_int(m, "allocated_storage"),
		.iops = plan_map_body_int(m, "iops"),
		.lo = lo,
		.hi = hi,
	};
	cluster_rules(&f, plan_report, m);
}

static int cluster_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	int unk;
	char s[64];
	if (strcmp(a->name, "engine_mode"))
		return 0;
	const char *v = json_string_value(plan_map_get(m, a->name, &unk));
	if (v && v[0] && strcmp(v, "provisioned"))
		plan_map_not_priced(m,
				    "engine_mode \"%s\" is not priced (Aurora Serverless v1 and the "
				    "other modes have no price in the snapshot; Serverless v2 is "
				    "engine_mode provisioned with db.serverless instances)",
				    cp_sanitize(v, s, sizeof(s)));
	return 1;
}

static void cluster_choices(struct choice_list *l)
{
	l->heading = "db_cluster_instance_class  engine  deployment";
	rds_add_choices(l, RDS_CHOICE_CLUSTER);
}

static const char *const CLUSTER_INDEX[] = {"cluster_identifier", "arn", "id", NULL};

const struct type_spec aws_rds_cluster_type = {
	.type = "aws_rds_cluster",
	.title = "RDS cluster",
	.category = CAT_DATA,
	.attrs = CLUSTER_ATTRS,
	.usage = CLUSTER_USAGE,
	.check = cluster_check,
	.plan_index = CLUSTER_INDEX,
	.plan_attr = cluster_plan_attr,
	.plan_check = cluster_plan_check,
	.price = cluster_price,
	.choices = cluster_choices,
};

/* ---- aws_rds_cluster_instance ---------------------------------------------- */

static const char *const INSTANCE_ENGINE[] = {"aurora-postgresql", "aurora-mysql", "aurora",
					      NULL};
static const char *const MONITORING[] = {"0", "1", "5", "10", "15", "30", "60", NULL};

static const struct attr_spec INSTANCE_ATTRS[] = {
	COUNT_ATTR,
	{.name = "identifier", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "cluster_identifier", .kind = ATTR_REF, .ref_type = "aws_rds_cluster",
	 .doc = "the Aurora cluster it belongs to"},
	{.name = "engine", .kind = ATTR_ENUM, .def = "", .choices = INSTANCE_ENGINE,
	 .doc = "the cluster's engine (when set, it must be the same)"},
	{.name = "engine_version", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "instance_class", .kind = ATTR_STRING,
	 .doc = "an Aurora class the region has, or db.serverless (Serverless v2); `costplan "
		"types aws_rds_cluster_instance --region R` lists them"},
	{.name = "performance_insights_enabled", .kind = ATTR_BOOL, .def = "false", .doc = ""},
	{.name = "performance_insights_retention_period", .kind = ATTR_INT, .def = "7", .min = 7,
	 .max = 731, .doc = "days: 7 (free), a multiple of 31, or 731", .unit = "days"},
	{.name = "monitoring_interval", .kind = ATTR_INTSET, .def = "0", .choices = MONITORING,
	 .doc = "Enhanced Monitoring seconds (0 = off)"},
	{.name = "promotion_tier", .kind = ATTR_INT, .def = "0", .max = 15, .doc = "failover order",
	 .info = true},
	ATTR_END,
};

static const struct usage_spec INSTANCE_USAGE[] = {
	{"monthly_acu_hrs", "ACU-hours", "Serverless v2: ACU-hours a month"},
	{"capacity_units_per_hr", "ACUs",
	 "Serverless v2: average ACUs (x 730 hours; monthly_acu_hrs wins when both are given)"},
	{"monthly_cpu_credit_hrs", "hours",
	 "T classes: hours a month above the CPU baseline (x vcpu_count)"},
	{"vcpu_count", "vCPUs",
	 "vCPUs for CPU credits and Performance Insights (default: from the class name)"},
	{"monthly_enhanced_monitoring_gb", "GB/month", "GB of Enhanced Monitoring logs a month"},
	USAGE_END,
};

/* "aurora" is Terraform's old name of aurora-mysql. */
static const char *aurora_engine(const char *e)
{
	return !strcmp(e, "aurora") ? "aurora-mysql" : e;
}

static void serverless(struct pricer_ctx *p, const struct resource *r, const struct resource *cl,
		       const char *ename, bool io)
{
	struct price_query q;
	char name[128];
	const char *lo_attr = "serverlessv2_scaling_configuration.min_capacity";
	const char *hi_attr = "serverlessv2_scaling_configuration.max_capacity";

	if (res_num(cl, hi_attr) <= 0) {
		pricer_unpriceable(p, r, "instance_class",
			   "db.serverless needs its cluster %s to set serverlessv2_scaling_configuration "
			   "(min_capacity, max_capacity)",
			   cl->address);
		return;
	}
	const struct qty *acu = json_object_get(r->usage, "monthly_acu_hrs")
					? q_usage(p, r, "monthly_acu_hrs")
					: q_mul(p, q_usage(p, r, "capacity_units_per_hr"), q_hours(p));
	const struct qty *lo_hours = q_mul(p, q_attr(p, cl, lo_attr), q_hours(p));
	const struct qty *hi_hours = q_mul(p, q_attr(p, cl, hi_attr), q_hours(p));
	const struct qty *held = q_min2(p, q_max2(p, acu, lo_hours), hi_hours);

	q_rds(&q, "ServerlessV2",
	      io ? "Aurora:ServerlessV2IOOptimizedUsage" : "Aurora:ServerlessV2Usage");
	pq_attr(&q, "Database Engine", ename);
	snprintf(name, sizeof(name), "Serverless v2 ACUs (%s)", io ? "I/O-Optimized" : "Standard");
	struct cost_line *l = pricer_line(p, name, "ACU-hours", held, &q);
	if (!l)
		return;
	char a[DEC_BUFSZ], b[DEC_BUFSZ];
	if (!acu->given && dec_is_zero(lo_hours->v))
		pricer_note(l, "no usage given: $0 until you set monthly_acu_hrs (min_capacity 0: it "
			       "may pause)");
	else if (!acu->given)
		pricer_note(l, "no usage given: min_capacity all month (%s ACU-hours); set "
			       "monthly_acu_hrs",
			    dec_format_trim(lo_hours->v, a, sizeof(a)));
	else if (dec_cmp(acu->v, held->v) != 0)
		pricer_note(l, "held within min_capacity and max_capacity: %s to %s ACU-hours",
			    dec_format_trim(lo_hours->v, a, sizeof(a)),
			    dec_format_trim(hi_hours->v, b, sizeof(b)));
	if (res_bool(r, "performance_insights_enabled") &&
	    res_int(r, "performance_insights_retention_period") > 7)
		rds_performance_insights(p, r, ename, true, q_div(p, held, q_hours(p)),
					 "average ACUs: ACU-hours / hours_per_month");
	else if (res_bool(r, "performance_insights_enabled"))
		pricer_free_line(p, "Performance Insights, 7 days", NULL);
}

static void provisioned(struct pricer_ctx *p, const struct resource *r, const char *ename,
			bool io)
{
	struct price_query q;
	char usage[160], name[160];
	const char *cls = res_str(r, "instance_class");
	struct rds_class_want w = {cls, ename, NULL, io};

	if (!rds_class_offered(p, r, "instance_class", &w))
		return;
	pricer_selects(p, r, "instance_class");
	rds_instance_query(&q, usage, sizeof(usage), &w);
	snprintf(name, sizeof(name), "%s (%s)", cls, io ? "I/O-Optimized" : "Standard");
	pricer_line(p, name, "hours", q_hours(p), &q);

	const struct qty *vcpus =
		q_usage_or(p, r, "vcpu_count", dec_from_int(rds_class_vcpus(cls)));
	if (strncmp(cls, "db.t", 4) == 0) {
		/* "db.t4g.medium" -> "CPUCredits:db.t4g" */
		const char *dot = strchr(cls + 3, '.');
		int fam = dot ? (int)(dot - cls) : (int)strlen(cls);
		snprintf(usage, sizeof(usage), "CPUCredits:%.*s", fam, cls);
		q_rds(&q, "CPU Credits", usage);
		pq_attr(&q, "Database Engine", ename);
		snprintf(name, sizeof(name), "%s CPU credits", ename);
		if (!usage_line(p, r, "CPU credits above baseline", "vCPU-hours",
				q_mul(p, q_usage(p, r, "monthly_cpu_credit_hrs"), vcpus), &q, name))
			return;
	}
	if (res_bool(r, "performance_insights_enabled") &&
	    res_int(r, "performance_insights_retention_period") > 7) {
		if (!rds_performance_insights(p, r, ename, false, vcpus,
					      "vCPUs of the class (usage vcpu_count)"))
			return;
	} else if (res_bool(r, "performance_insights_enabled")) {
		pricer_free_line(p, "Performance Insights, 7 days", NULL);
	}
}

static void instance_price(struct pricer_ctx *p, const struct resource *r)
{
	const struct resource *cl = res_ref(p->s, r, "cluster_identifier");
	if (!cl) {
		cp_error(CP_EXIT_INTERNAL, "%s: cluster not resolved", r->address);
		pricer_fail(p, CP_EXIT_INTERNAL);
		return;
	}
	const char *ce = res_str(cl, "engine");
	const char *own = res_str(r, "engine");
	if (!is_aurora(ce)) {
		pricer_unpriceable(p, r, "cluster_identifier",
			   "%s is a Multi-AZ DB cluster (engine %s): AWS creates its instances and "
			   "they are priced with it; aws_rds_cluster_instance joins Aurora clusters",
			   cl->address, ce);
		return;
	}
	if (own[0] && strcmp(aurora_engine(own), aurora_engine(ce)) != 0) {
		pricer_unpriceable(p, r, "engine", "its cluster %s runs %s, not %s", cl->address, ce, own);
		return;
	}
	const char *ename = rds_engine_name(ce);
	bool io = strcmp(res_str(cl, "storage_type"), "aurora-iopt1") == 0;
	const char *cls = res_str(r, "instance_class");
	if (!cls[0]) {
		pricer_unpriceable(p, r, "instance_class", "instance_class is not set");
		return;
	}
	pricer_selects(p, cl, "engine");
	pricer_selects(p, cl, "storage_type");
	if (strcmp(cls, "db.serverless") == 0)
		serverless(p, r, cl, ename, io);
	else
		provisioned(p, r, ename, io);
	rds_enhanced_monitoring(p, r);
}

static void instance_check(struct check_ctx *c, const struct resource *r)
{
	if (res_bool(r, "performance_insights_enabled") &&
	    !rds_pi_retention_valid(res_int(r, "performance_insights_retention_period")))
		check_fail(c, "performance_insights_retention_period",
			   "performance_insights_retention_period is %ld; AWS accepts 7, 731 or a "
			   "multiple of 31 (31 to 713)",
			   res_int(r, "performance_insights_retention_period"));
}

static void instance_plan_check(struct plan_map *m)
{
	long days = plan_map_body_int(m, "performance_insights_retention_period");
	if (plan_map_body_bool(m, "performance_insights_enabled") && days &&
	    !rds_pi_retention_valid(days))
		plan_map_not_priced(m,
				    "performance_insights_retention_period is %ld; AWS accepts 7, 731 "
				    "or a multiple of 31 (31 to 713)",
				    days);
}

/* The cluster: by the identifier the plan holds, else by the configuration's reference. */
static struct plan_inst *plan_cluster(struct plan_map *m)
{
	json_t *v = NULL;
	struct plan_inst *t = NULL;
	if (plan_map_lookup(m, "cluster_identifier", &v) == PLAN_VALUE && json_is_string(v)) {
		const char *s = json_string_value(v);
		t = plan_map_find(m, "aws_rds_cluster", "cluster_identifier", s, 0);
		if (!t)
			t = plan_map_find(m, "aws_rds_cluster", "id", s, 0);
	}
	return t ? t : plan_map_config_ref(m, "cluster_identifier", "aws_rds_cluster");
}

static int instance_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	int unk;
	double d;
	json_t *v;
	const char *n = a->name;
	if (!strcmp(n, "cluster_identifier")) {
		plan_map_link(m, n, plan_cluster(m), "cluster");
		return 1;
	}
	if (!strcmp(n, "engine")) {
		/* unknown: the cluster's */
		v = plan_map_get(m, n, &unk);
		if (v)
			plan_map_put(m, a, v);
		return 1;
	}
	if (!strcmp(n, "performance_insights_retention_period")) {
		/* 0 when Performance Insights is off: keep the default then */
		v = plan_map_get(m, n, &unk);
		if (v && plan_map_number(m, n, v, &d) == 0 && d >= 7)
			plan_map_put(m, a, v);
		return 1;
	}
	return 0;
}

static void instance_choices(struct choice_list *l)
{
	l->heading = "instance_class  engine  storage configuration";
	rds_add_choices(l, RDS_CHOICE_AURORA);
}

static const char *const INSTANCE_INDEX[] = {"identifier", NULL};

const struct type_spec aws_rds_cluster_instance_type = {
	.type = "aws_rds_cluster_instance",
	.title = "Aurora instance",
	.category = CAT_DATA,
	.attrs = INSTANCE_ATTRS,
	.usage = INSTANCE_USAGE,
	.check = instance_check,
	.plan_rank = 1,
	.plan_index = INSTANCE_INDEX,
	.plan_attr = instance_plan_attr,
	.plan_check = instance_plan_check,
	.price = instance_price,
	.choices = instance_choices,
};
