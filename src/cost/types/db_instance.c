/*
 * db_instance.c - RDS DB instances (aws_db_instance): PostgreSQL, MySQL
 * and MariaDB, Single-AZ or Multi-AZ, and their read replicas.
 *
 * How AWS bills them (AWS RDS pricing page, aws.amazon.com/rds/pricing,
 * and the engine pages /rds/postgresql/pricing, /rds/mysql/pricing,
 * /rds/mariadb/pricing):
 *
 * - Instance-hours by class, engine and deployment. The usage type
 *   (InstanceUsage:<class>, Multi-AZUsage:<class>) is shared by the
 *   engines, so lookups filter on "Database Engine" and "Deployment
 *   Option". Multi-AZ (one standby in a second AZ) has its own price.
 *   instance_class is any class the snapshot has for the region: a class
 *   the region lacks, or has only for other engines or deployments, is
 *   reported precisely (rds_common.h: rds_class_offered). Multi-AZ DB
 *   clusters with two readable standbys are aws_rds_cluster resources
 *   (rds_cluster.c), as in Terraform.
 * - Storage per GB-month by type and deployment: gp2, gp3, io1, io2 and
 *   magnetic ("standard"). gp3 includes 3,000 IOPS and 125 MiBps below
 *   400 GB, 12,000 IOPS and 500 MiBps from 400 GB; IOPS and throughput
 *   above that are billed per IOPS-month and MiBps-month. io1 bills every
 *   provisioned IOPS. The snapshot has io2 storage but no io2 IOPS price,
 *   so io2 with IOPS is not priced (said as the reason). Magnetic storage
 *   bills its I/O requests (usage monthly_standard_io_requests).
 * - A read replica (replicate_source_db) is billed as an instance of its
 *   own (AWS RDS User Guide, "Working with DB instance read replicas"). It
 *   runs its source's engine; its deployment is its own multi_az (AWS
 *   creates a replica Single-AZ unless asked for Multi-AZ:
 *   CreateDBInstanceReadReplica, MultiAZ defaults to false), so a replica
 *   of a Multi-AZ source is Single-AZ unless it says otherwise. Its
 *   storage: allocated_storage 0 on a replica means its source's storage
 *   (size, type, IOPS, throughput), what AWS gives a replica created
 *   without them; the plan reader writes 0 when a replica's plan leaves
 *   the size to AWS.
 * - Backup storage up to 100% of the provisioned storage is free; beyond,
 *   per GB-month (usage additional_backup_storage_gb).
 * - T3/T4g instances always run in unlimited mode: CPU above the baseline
 *   is charged as surplus credits per vCPU-hour (usage
 *   monthly_cpu_credit_hrs). The snapshot has the db.t3 rate only.
 * - Performance Insights keeps 7 days free; longer retention is billed
 *   per vCPU-month (rds_common.h). The snapshot has those rows for Aurora
 *   only, so an instance keeping more than 7 days is not priced, with the
 *   reason, until the rows are there. AWS's Performance Insights API
 *   request charge has no row in the snapshot: the Infracost usage key
 *   monthly_additional_performance_insights_requests is not taken (a
 *   usage file holding it gets a warning that it is ignored).
 * - Enhanced Monitoring writes CloudWatch Logs, billed as log ingestion.
 *
 * A finding that stops pricing (a class the region lacks...) is an error
 * located at its attribute in a scenario file, and makes the resource not
 * priced in a Terraform plan (cost/pricer.h: pricer_unpriceable).
 */
#include <stdio.h>
#include <string.h>

#include "cost/choices.h"
#include "cost/types/rds_common.h"

static const char *const ENGINE[] = {"postgres", "mysql", "mariadb", NULL};
static const char *const STORAGE_TYPE[] = {"gp2", "gp3", "io1", "io2", "standard", NULL};
static const char *const MONITORING[] = {"0", "1", "5", "10", "15", "30", "60", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "engine", .kind = ATTR_ENUM, .def = "", .choices = ENGINE,
	 .doc = "postgres, mysql or mariadb; a read replica runs its source's"},
	{.name = "engine_version", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "identifier", .kind = ATTR_STRING, .def = "",
	 .doc = "the instance's name (a replica's replicate_source_db names it)", .info = true},
	{.name = "replicate_source_db", .kind = ATTR_REF, .def = "", .ref_type = "aws_db_instance",
	 .doc = "a read replica of this instance"},
	{.name = "instance_class", .kind = ATTR_STRING,
	 .doc = "a class the region has for the engine, e.g. db.t4g.micro; `costplan types "
		"aws_db_instance --region R` lists them"},
	{.name = "multi_az", .kind = ATTR_BOOL, .def = "false", .doc = "a standby in a second AZ"},
	{.name = "allocated_storage", .kind = ATTR_INT, .def = "20", .max = 65536,
	 .doc = "GB (gp2, gp3: 20 or more; io1, io2: 100 or more; magnetic: 5 or more); 0 on a "
		"read replica: its source's storage",
	 .unit = "GB"},
	{.name = "max_allocated_storage", .kind = ATTR_INT, .def = "0", .max = 65536,
	 .doc = "storage autoscaling cap"},
	{.name = "storage_type", .kind = ATTR_ENUM, .def = "gp2", .choices = STORAGE_TYPE,
	 .doc = "gp2, gp3, io1, io2 or standard (magnetic)"},
	{.name = "iops", .kind = ATTR_INT, .def = "0", .max = 256000,
	 .doc = "provisioned IOPS (gp3: those above the baseline are charged; io1: all)",
	 .unit = "IOPS"},
	{.name = "storage_throughput", .kind = ATTR_INT, .def = "0", .max = 4000,
	 .doc = "gp3 MiBps (above the baseline are charged)", .unit = "MiBps"},
	{.name = "storage_encrypted", .kind = ATTR_BOOL, .def = "false", .doc = "free",
	 .info = true},
	{.name = "backup_retention_period", .kind = ATTR_INT, .def = "7", .max = 35,
	 .doc = "days"},
	{.name = "performance_insights_enabled", .kind = ATTR_BOOL, .def = "false", .doc = ""},
	{.name = "performance_insights_retention_period", .kind = ATTR_INT, .def = "7", .min = 7,
	 .max = 731, .doc = "days: 7 (free), a multiple of 31, or 731", .unit = "days"},
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
	 "vCPU-hours a month above the T3/T4g baseline (surplus credits)"},
	{"monthly_enhanced_monitoring_gb", "GB/month", "GB of Enhanced Monitoring logs a month"},
	{"monthly_standard_io_requests", "requests/month",
	 "I/O requests a month on magnetic (standard) storage"},
	{"vcpu_count", "vCPUs",
	 "vCPUs Performance Insights retention counts (default: from the class name)"},
	USAGE_END,
};

/* Price-list names of each storage type: volume type, and the usage
 * types of storage and provisioned IOPS, Single-AZ then Multi-AZ. */
struct storage_kind {
	const char *type, *volume;
	const char *gb[2], *iops[2];
};

static const struct storage_kind STORAGE[] = {
	{"gp2", "General Purpose", {"RDS:GP2-Storage", "RDS:Multi-AZ-GP2-Storage"}, {NULL, NULL}},
	{"gp3", "General Purpose-GP3", {"RDS:GP3-Storage", "RDS:Multi-AZ-GP3-Storage"},
	 {"RDS:GP3-PIOPS", "RDS:Multi-AZ-GP3-PIOPS"}},
	{"io1", "Provisioned IOPS", {"RDS:PIOPS-Storage", "RDS:Multi-AZ-PIOPS-Storage"},
	 {"RDS:PIOPS", "RDS:Multi-AZ-PIOPS"}},
	{"io2", "Provisioned IOPS-IO2", {"RDS:PIOPS-Storage-IO2", "RDS:Multi-AZ-PIOPS-Storage-IO2"},
	 {NULL, NULL}},
	{"standard", "Magnetic", {"RDS:StorageUsage", "RDS:Multi-AZ-StorageUsage"}, {NULL, NULL}},
};

static const struct storage_kind *storage_kind(const char *type)
{
	for (size_t i = 0; i < sizeof(STORAGE) / sizeof(STORAGE[0]); i++)
		if (strcmp(STORAGE[i].type, type) == 0)
			return &STORAGE[i];
	return &STORAGE[0];
}

/* The engine an instance runs: its own, else its source's (replicas of
 * replicas: up the chain). "" when nothing says. */
static const char *engine_of(const struct scenario *s, const struct resource *r)
{
	for (int depth = 0; r && depth < 8; depth++) {
		const char *e = res_str(r, "engine");
		if (e[0])
			return e;
		r = res_ref(s, r, "replicate_source_db");
	}
	return "";
}

/* The instance whose storage r has: r, or for a replica with
 * allocated_storage 0 its source's (up the chain); NULL when unknown. */
static const struct resource *storage_of(const struct scenario *s, const struct resource *r)
{
	for (int depth = 0; r && depth < 8; depth++) {
		if (res_int(r, "allocated_storage") > 0)
			return r;
		r = res_ref(s, r, "replicate_source_db");
	}
	return NULL;
}

static void q_rds(struct price_query *q, const char *family, const char *usage)
{
	pq_set(q, "AmazonRDS", family, usage);
}

/* gp3 IOPS and throughput above the baseline (3,000 IOPS and 125 MiBps
 * below 400 GB; 12,000 and 500 from 400 GB). */
static void gp3_extras(struct pricer_ctx *p, const struct resource *st, bool multi,
		       const char *dep)
{
	struct price_query q;
	char name[96];
	long gb = res_int(st, "allocated_storage");
	const struct qty *size = q_attr(p, st, "allocated_storage");

	long base = gb >= 400 ? 12000 : 3000;
	if (res_int(st, "iops") > base) {
		const struct qty *b = q_step(p, size, 400, 12000, 3000, "baseline");
		q_rds(&q, "Provisioned IOPS", multi ? "RDS:Multi-AZ-GP3-PIOPS" : "RDS:GP3-PIOPS");
		pq_attr(&q, "Deployment Option", dep);
		snprintf(name, sizeof(name), "gp3 IOPS above the %ld baseline", base);
		pricer_line(p, name, "IOPS-months",
			    q_max2(p, q_sub(p, q_attr(p, st, "iops"), b), q_int(p, 0)), &q);
	}
	long tbase = gb >= 400 ? 500 : 125;
	if (res_int(st, "storage_throughput") > tbase) {
		const struct qty *b = q_step(p, size, 400, 500, 125, "baseline");
		q_rds(&q, "Provisioned Throughput", multi ? "RDS:Multi-AZ-GP3-PTP" : "RDS:GP3-PTP");
		pq_attr(&q, "Deployment Option", dep);
		snprintf(name, sizeof(name), "gp3 throughput above the %ld MiBps baseline", tbase);
		pricer_line(p, name, "MiBps-months",
			    q_max2(p, q_sub(p, q_attr(p, st, "storage_throughput"), b), q_int(p, 0)),
			    &q);
	}
}

/* Storage, its provisioned IOPS and throughput, magnetic I/O. Returns
 * false when the resource was found not priceable. */
static bool storage(struct pricer_ctx *p, const struct resource *r, const struct resource *st,
		    bool multi, const char *dep)
{
	struct price_query q;
	char name[96];
	const char *type = res_str(st, "storage_type");
	const struct storage_kind *k = storage_kind(type);

	if (!strcmp(type, "io2") && res_int(st, "iops") > 0) {
		/* the IOPS row is looked for by volume type: no usage type to guess */
		q_rds(&q, "Provisioned IOPS", NULL);
		pq_attr(&q, "Volume Type", k->volume);
		pq_attr(&q, "Deployment Option", dep);
		if (!catalog_try(p->cat, p->region, &q)) {
			pricer_not_priced(p,
					  "io2 storage with %ld IOPS: the price snapshot has io2 "
					  "storage but no io2 Provisioned IOPS price in %s",
					  res_int(st, "iops"), p->region);
			return false;
		}
	}
	q_rds(&q, "Database Storage", k->gb[multi]);
	pq_attr(&q, "Deployment Option", dep);
	pq_attr(&q, "Volume Type", k->volume);
	snprintf(name, sizeof(name), "Storage (%s, %s)", type, dep);
	struct cost_line *l =
		pricer_line(p, name, "GB-months", q_attr(p, st, "allocated_storage"), &q);
	if (l && st != r)
		pricer_note(l, "a read replica's storage is its source's (%s)", st->address);

	if (!strcmp(type, "gp3")) {
		gp3_extras(p, st, multi, dep);
	} else if (!strcmp(type, "io1") || !strcmp(type, "io2")) {
		q_rds(&q, "Provisioned IOPS", k->iops[multi]);
		pq_attr(&q, "Volume Type", k->volume);
		pq_attr(&q, "Deployment Option", dep);
		snprintf(name, sizeof(name), "Provisioned IOPS (%s, %s)", type, dep);
		pricer_line(p, name, "IOPS-months", q_attr(p, st, "iops"), &q);
	} else if (!strcmp(type, "standard")) {
		q_rds(&q, "System Operation", "RDS:StorageIOUsage");
		pq_attr(&q, "Volume Type", k->volume);
		pricer_line(p, "I/O requests (magnetic)", "requests",
			    q_usage(p, r, "monthly_standard_io_requests"), &q);
	}
	return true;
}

/* Surplus CPU credits of a T class (vCPU-hours above the baseline). */
static bool cpu_credits(struct pricer_ctx *p, const struct resource *r, const char *cls)
{
	struct price_query q;
	char usage[96];
	dec given;
	if (strncmp(cls, "db.t", 4) != 0)
		return true;
	/* "db.t3.micro" -> "CPUCredits:db.t3" */
	const char *dot = strchr(cls + 3, '.');
	int fam = dot ? (int)(dot - cls) : (int)strlen(cls);
	snprintf(usage, sizeof(usage), "CPUCredits:%.*s", fam, cls);
	q_rds(&q, "CPU Credits", usage);
	if (!catalog_try(p->cat, p->region, &q) &&
	    res_usage(r, "monthly_cpu_credit_hrs", &given) && !dec_is_zero(given)) {
		pricer_not_priced(p,
				  "monthly_cpu_credit_hrs is given, but the price snapshot has no "
				  "%.*s CPU credit price in %s (it has db.t3's)",
				  fam, cls, p->region);
		return false;
	}
	struct cost_line *l = pricer_line(p, "CPU credits above baseline", "vCPU-hours",
					  q_usage(p, r, "monthly_cpu_credit_hrs"), &q);
	if (l && !l->price)
		pricer_note(l,
			    "the price snapshot has no %.*s CPU credit price in %s (it has db.t3's); "
			    "$0 while monthly_cpu_credit_hrs is 0",
			    fam, cls, p->region);
	else if (l && !l->has_usage)
		pricer_note(l, "$0 while average CPU stays under the baseline");
	return true;
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	char usage[160], name[160];
	const struct resource *src = res_ref(p->s, r, "replicate_source_db");
	const char *cls = res_str(r, "instance_class");
	bool multi = res_bool(r, "multi_az");
	const char *dep = multi ? "Multi-AZ" : "Single-AZ";

	const char *engine = res_str(r, "engine");
	if (src) {
		const char *se = engine_of(p->s, src);
		if (engine[0] && se[0] && strcmp(engine, se) != 0) {
			pricer_unpriceable(p, r, "engine",
				   "a read replica runs its source's engine: %s runs %s, not %s",
				   src->address, se, engine);
			return;
		}
		engine = se[0] ? se : engine;
	}
	const char *ename = rds_engine_name(engine);
	if (!ename) {
		pricer_unpriceable(p, r, "engine", "engine is not set (postgres, mysql or mariadb)");
		return;
	}
	if (!cls[0]) {
		pricer_unpriceable(p, r, "instance_class", "instance_class is not set");
		return;
	}
	const struct resource *st = storage_of(p->s, r);
	if (!st) {
		pricer_unpriceable(p, r, "allocated_storage",
			   "allocated_storage is 0 and no source instance gives the storage");
		return;
	}
	struct rds_class_want w = {cls, ename, dep, false};
	if (!rds_class_offered(p, r, "instance_class", &w))
		return;

	pricer_selects(p, r, "instance_class");
	pricer_selects(p, r, "multi_az");
	pricer_selects(p, st, "storage_type");
	pricer_selects(p, res_str(r, "engine")[0] || !src ? r : src, "engine");
	rds_instance_query(&q, usage, sizeof(usage), &w);
	if (!strcmp(engine, "postgres"))
		snprintf(name, sizeof(name), "%s (%s)", cls, dep);
	else
		snprintf(name, sizeof(name), "%s (%s, %s)", cls, ename, dep);
	struct cost_line *l = pricer_line(p, name, "hours", q_hours(p), &q);
	if (l && src)
		pricer_note(l, "read replica of %s", src->address);

	if (!storage(p, r, st, multi, dep))
		return;

	if (res_int(r, "backup_retention_period") > 0) {
		q_rds(&q, "Storage Snapshot", "RDS:ChargedBackupUsage");
		l = pricer_line(p, "Backups beyond the free allowance", "GB-months",
				q_usage(p, r, "additional_backup_storage_gb"), &q);
		if (l && !l->has_usage)
			pricer_note(l, "free up to %ld GB (100%% of provisioned storage)",
				    res_int(st, "allocated_storage"));
	}

	if (!cpu_credits(p, r, cls))
		return;

	if (res_bool(r, "performance_insights_enabled")) {
		if (res_int(r, "performance_insights_retention_period") > 7) {
			const struct qty *vcpus = q_usage_or(p, r, "vcpu_count",
							     dec_from_int(rds_class_vcpus(cls)));
			if (!rds_performance_insights(p, r, ename, false, vcpus,
						      "vCPUs of the class (usage vcpu_count)"))
				return;
		} else {
			pricer_free_line(p, "Performance Insights, 7 days", NULL);
		}
	}
	rds_enhanced_monitoring(p, r);
	if (res_bool(r, "deletion_protection"))
		pricer_free_line(p, "Deletion protection", NULL);
}

/* What the rules across attributes look at, from a scenario's resource
 * or from a plan being mapped. */
struct facts {
	bool replica;
	const char *engine, *type;
	long gb, iops, pi_days;
	bool pi;
};

/* Each broken rule: report(ctx, attribute, message). The scenario loader
 * reports them located; the plan reader makes the resource not priced. */
static void rules(const struct facts *f, void (*report)(void *, const char *, const char *),
		  void *ctx)
{
	char msg[256];
	bool piops = !strcmp(f->type, "io1") || !strcmp(f->type, "io2");
	long min = piops ? 100 : !strcmp(f->type, "standard") ? 5 : 20;

	if (!f->replica && !f->engine[0])
		report(ctx, NULL,
		       "aws_db_instance needs \"engine\" (postgres, mysql or mariadb), or "
		       "replicate_source_db naming the instance it replicates");
	if (f->gb == 0 && !f->replica) {
		snprintf(msg, sizeof(msg),
			 "allocated_storage 0 is for a read replica (its source's storage); set the "
			 "GB (%ld or more for %s)",
			 min, f->type);
		report(ctx, "allocated_storage", msg);
	} else if (f->gb > 0 && f->gb < min) {
		snprintf(msg, sizeof(msg), "allocated_storage is %ld GB; %s storage starts at %ld GB",
			 f->gb, f->type, min);
		report(ctx, "allocated_storage", msg);
	}
	if (piops && f->gb > 0 && f->iops < 1000) {
		snprintf(msg, sizeof(msg), "%s storage needs iops (1,000 or more)", f->type);
		report(ctx, "iops", msg);
	}
	if (f->pi && !rds_pi_retention_valid(f->pi_days)) {
		snprintf(msg, sizeof(msg),
			 "performance_insights_retention_period is %ld; AWS accepts 7, 731 or a "
			 "multiple of 31 (31 to 713)",
			 f->pi_days);
		report(ctx, "performance_insights_retention_period", msg);
	}
}

static void check_report(void *ctx, const char *attr, const char *msg)
{
	check_fail(ctx, attr, "%s", msg);
}

static void check(struct check_ctx *c, const struct resource *r)
{
	struct facts f = {
		.replica = res_str(r, "replicate_source_db")[0] != '\0',
		.engine = res_str(r, "engine"),
		.type = res_str(r, "storage_type"),
		.gb = res_int(r, "allocated_storage"),
		.iops = res_int(r, "iops"),
		.pi = res_bool(r, "performance_insights_enabled"),
		.pi_days = res_int(r, "performance_insights_retention_period"),
	};
	rules(&f, check_report, c);
}

/* ---- plans --------------------------------------------------------------- */

/* Does the plan make this a read replica? */
static bool plan_replica(struct plan_map *m)
{
	json_t *v = NULL;
	enum plan_got g = plan_map_lookup(m, "replicate_source_db", &v);
	if (g == PLAN_UNKNOWN)
		return true;
	return g == PLAN_VALUE && json_is_string(v) && json_string_value(v)[0];
}

/* The source of a replica: by the identifier or ARN the plan holds, else
 * by the configuration's reference. */
static struct plan_inst *plan_source(struct plan_map *m)
{
	json_t *v = NULL;
	struct plan_inst *t = NULL;
	if (plan_map_lookup(m, "replicate_source_db", &v) == PLAN_VALUE && json_is_string(v)) {
		const char *s = json_string_value(v);
		t = plan_map_find(m, "aws_db_instance", strncmp(s, "arn:", 4) ? "identifier" : "arn",
				  s, 0);
	}
	return t ? t : plan_map_config_ref(m, "replicate_source_db", "aws_db_instance");
}

static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	int unk;
	double d;
	json_t *v;
	const char *n = a->name;
	if (!strcmp(n, "performance_insights_retention_period")) {
		/* 0 when Performance Insights is off: keep the default then */
		v = plan_map_get(m, n, &unk);
		if (v && plan_map_number(m, n, v, &d) == 0 && d >= 7)
			plan_map_put(m, a, v);
		return 1;
	}
	if (!plan_replica(m))
		return 0;
	if (!strcmp(n, "replicate_source_db")) {
		plan_map_link(m, n, plan_source(m), "source DB instance");
		return 1;
	}
	if (!strcmp(n, "engine")) {
		/* a replica's engine is its source's: take it from there unless the plan says */
		v = plan_map_get(m, n, &unk);
		if (v && json_is_string(v) && json_string_value(v)[0])
			plan_map_put(m, a, v);
		return 1;
	}
	if (!strcmp(n, "allocated_storage")) {
		/* left to AWS, a replica's storage is its source's */
		v = plan_map_get(m, n, &unk);
		if (v)
			plan_map_put(m, a, v);
		else
			plan_map_set(m, n, json_integer(0));
		return 1;
	}
	if (!strcmp(n, "storage_type") || !strcmp(n, "iops") || !strcmp(n, "storage_throughput")) {
		/* read only when the replica has storage of its own; else its source's */
		json_t *size = NULL;
		if (plan_map_lookup(m, "allocated_storage", &size) != PLAN_VALUE)
			return 1;
		v = plan_map_get(m, n, &unk);
		if (v)
			plan_map_put(m, a, v);
		return 1;
	}
	return 0;
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

/* The loader's rules, on the mapped values: a plan breaking one is not
 * priced rather than refused. */
static void plan_check(struct plan_map *m)
{
	struct facts f = {
		.replica = plan_replica(m),
		.engine = plan_str(m, "engine", ""),
		.type = plan_str(m, "storage_type", "gp2"),
		.gb = plan_map_body_int(m, "allocated_storage"),
		.iops = plan_map_body_int(m, "iops"),
		.pi = plan_map_body_bool(m, "performance_insights_enabled"),
		.pi_days = plan_map_body_int(m, "performance_insights_retention_period"),
	};
	if (!json_object_get(plan_map_values(m), "allocated_storage") && !f.replica)
		f.gb = 20; /* the default the loader fills in */
	if (!f.pi_days)
		f.pi_days = 7;
	rules(&f, plan_report, m);
}

static void choices(struct choice_list *l)
{
	l->heading = "instance_class  engine  deployment";
	rds_add_choices(l, RDS_CHOICE_INSTANCE);
}

static const char *const INDEX[] = {"identifier", "arn", NULL};

const struct type_spec aws_db_instance_type = {
	.type = "aws_db_instance",
	.title = "RDS DB instance",
	.category = CAT_DATA,
	.attrs = ATTRS,
	.usage = USAGE,
	.check = check,
	.plan_index = INDEX,
	.plan_attr = plan_attr,
	.plan_check = plan_check,
	.price = price,
	.choices = choices,
	.sim_role = SIM_DATABASE,
	.sim_usage = "monthly_cpu_credit_hrs",
};
