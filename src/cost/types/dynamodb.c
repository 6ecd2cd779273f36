/*
 * dynamodb.c - DynamoDB tables.
 *
 * How AWS bills a table (DynamoDB pricing pages for on-demand and
 * provisioned capacity, https://aws.amazon.com/dynamodb/pricing/):
 *
 *   - on-demand (billing_mode PAY_PER_REQUEST): per write request unit
 *     (1 KB written) and read request unit (4 KB read strongly consistent,
 *     or two eventually consistent), usage figures;
 *   - provisioned: per capacity unit-hour of the table's read_capacity and
 *     write_capacity, and of each global secondary index's (their sum);
 *   - storage per GB-month, PITR (continuous backup) storage per GB-month
 *     when point-in-time recovery is on, on-demand backups per GB-month,
 *     restores per GB, Streams reads per read request unit: usage figures;
 *   - the Standard-IA table class has its own storage and throughput
 *     prices (cheaper storage, dearer requests).
 *
 * Always free for the account (Standard tables): 25 GB of storage and 25
 * provisioned read and 25 write capacity units, deducted by the free-tier
 * block; the first 2.5 million Streams read requests a month are free too,
 * which is not deducted here (an upper bound).
 *
 * Usage keys are Infracost's. Global table replicas (replica blocks) are
 * billed in their own regions, which a single-region breakdown does not
 * price: they are named in a warning. Capacity that Application Auto
 * Scaling moves is priced at the table's configured figures.
 */
#include <stdio.h>
#include <string.h>

#include "cost/types/common.h"

static const char *const BILLING[] = {"PROVISIONED", "PAY_PER_REQUEST", NULL};
static const char *const TABLE_CLASS[] = {"STANDARD", "STANDARD_INFREQUENT_ACCESS", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "billing_mode", .kind = ATTR_ENUM, .def = "PROVISIONED", .choices = BILLING,
	 .doc = "PAY_PER_REQUEST (on-demand) or PROVISIONED capacity"},
	{.name = "read_capacity", .kind = ATTR_INT, .def = "0", .max = 1000000,
	 .doc = "provisioned read capacity units", .unit = "RCU"},
	{.name = "write_capacity", .kind = ATTR_INT, .def = "0", .max = 1000000,
	 .doc = "provisioned write capacity units", .unit = "WCU"},
	{.name = "gsi_read_capacity", .kind = ATTR_INT, .def = "0", .max = 1000000,
	 .doc = "provisioned: the global secondary indexes' read capacity, together",
	 .unit = "RCU"},
	{.name = "gsi_write_capacity", .kind = ATTR_INT, .def = "0", .max = 1000000,
	 .doc = "provisioned: the global secondary indexes' write capacity, together",
	 .unit = "WCU"},
	{.name = "table_class", .kind = ATTR_ENUM, .def = "STANDARD", .choices = TABLE_CLASS,
	 .doc = "STANDARD or STANDARD_INFREQUENT_ACCESS (cheaper storage, dearer throughput)"},
	{.name = "point_in_time_recovery.enabled", .kind = ATTR_BOOL, .def = "false",
	 .doc = "continuous backups: PITR storage per GB-month"},
	{.name = "stream_enabled", .kind = ATTR_BOOL, .def = "false",
	 .doc = "DynamoDB Streams: reads per request unit"},
	{.name = "replica", .kind = ATTR_BLOCKS, .def = "", .max = 64,
	 .doc = "global table replicas (billed in their regions: not priced)", .unit = "replicas"},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_write_request_units", "WRU/month", "on-demand: write request units a month"},
	{"monthly_read_request_units", "RRU/month", "on-demand: read request units a month"},
	{"storage_gb", "GB", "GB stored in the table (items and indexes)"},
	{"pitr_backup_storage_gb", "GB", "GB of point-in-time recovery (continuous) backup"},
	{"on_demand_backup_storage_gb", "GB", "GB of on-demand backups kept"},
	{"monthly_data_restored_gb", "GB/month", "GB restored from backups a month"},
	{"monthly_streams_read_request_units", "requests/month",
	 "DynamoDB Streams read request units a month"},
	USAGE_END,
};

/* A DynamoDB price; ia picks the Standard-IA table class's usage type
 * ("IA-..."), and the Standard one must not match it (in us-east-1 "IA-"
 * looks like a billing prefix). */
static void pq_ddb(struct price_query *q, const char *family, const char *usage, bool ia,
		   char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", ia ? "IA-" : "", usage);
	pq_set(q, "AmazonDynamoDB", family, buf);
	if (!ia)
		q->exclude = "IA-";
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	char ut[64];
	bool ia = !strcmp(res_str(r, "table_class"), "STANDARD_INFREQUENT_ACCESS");
	bool on_demand = !strcmp(res_str(r, "billing_mode"), "PAY_PER_REQUEST");

	pricer_selects(p, r, "billing_mode");
	pricer_selects(p, r, "table_class");
	if (on_demand) {
		pq_ddb(&q, "Amazon DynamoDB PayPerRequest Throughput", "WriteRequestUnits", ia, ut,
		       sizeof(ut));
		pricer_line(p, "Write request units", "WRUs",
			    q_usage(p, r, "monthly_write_request_units"), &q);
		pq_ddb(&q, "Amazon DynamoDB PayPerRequest Throughput", "ReadRequestUnits", ia, ut,
		       sizeof(ut));
		pricer_line(p, "Read request units", "RRUs",
			    q_usage(p, r, "monthly_read_request_units"), &q);
	} else {
		const struct qty *wcu = q_attr(p, r, "write_capacity");
		const struct qty *rcu = q_attr(p, r, "read_capacity");
		if (res_int(r, "gsi_write_capacity"))
			wcu = q_add(p, wcu, q_attr(p, r, "gsi_write_capacity"));
		if (res_int(r, "gsi_read_capacity"))
			rcu = q_add(p, rcu, q_attr(p, r, "gsi_read_capacity"));
		pq_ddb(&q, "Provisioned IOPS", "WriteCapacityUnit-Hrs", ia, ut, sizeof(ut));
		l = pricer_line(p, "Write capacity", "WCU-hours", q_mul(p, wcu, q_hours(p)), &q);
		if (!ia)
			pricer_pool(l, POOL_DYNAMODB_WCU);
		pq_ddb(&q, "Provisioned IOPS", "ReadCapacityUnit-Hrs", ia, ut, sizeof(ut));
		l = pricer_line(p, "Read capacity", "RCU-hours", q_mul(p, rcu, q_hours(p)), &q);
		if (!ia)
			pricer_pool(l, POOL_DYNAMODB_RCU);
	}

	pq_ddb(&q, "Database Storage", "TimedStorage-ByteHrs", ia, ut, sizeof(ut));
	l = pricer_line(p, ia ? "Storage (Standard-IA)" : "Storage", "GB-months",
			q_usage(p, r, "storage_gb"), &q);
	if (!ia)
		pricer_pool(l, POOL_DYNAMODB_STORAGE);
	if (res_bool(r, "point_in_time_recovery.enabled")) {
		pq_set(&q, "AmazonDynamoDB", "Database Storage", "TimedPITRStorage-ByteHrs");
		pricer_line(p, "Point-in-time recovery storage", "GB-months",
			    q_usage(p, r, "pitr_backup_storage_gb"), &q);
	}
	if (json_object_get(r->usage, "on_demand_backup_storage_gb")) {
		pq_set(&q, "AmazonDynamoDB", "Amazon DynamoDB On-Demand Backup Storage",
		       "TimedBackupStorage-ByteHrs");
		pricer_line(p, "On-demand backup storage", "GB-months",
			    q_usage(p, r, "on_demand_backup_storage_gb"), &q);
	}
	if (json_object_get(r->usage, "monthly_data_restored_gb")) {
		pq_set(&q, "AmazonDynamoDB", "Amazon DynamoDB Restore Data Size",
		       "RestoreDataSize-Bytes");
		pricer_line(p, "Data restored", "GB", q_usage(p, r, "monthly_data_restored_gb"), &q);
	}
	if (res_bool(r, "stream_enabled") ||
	    json_object_get(r->usage, "monthly_streams_read_request_units")) {
		pq_set(&q, "AmazonDynamoDB", "API Request", "Streams-Requests");
		l = pricer_line(p, "Streams read request units", "requests",
				q_usage(p, r, "monthly_streams_read_request_units"), &q);
		if (l && l->has_usage)
			pricer_note(l, "the first 2.5 million a month in an account are free; not "
				       "deducted here");
	}
	if (res_len(r, "replica"))
		breakdown_warn(p->b,
			       "%s: %zu global table replica%s not priced: replicated writes and "
			       "storage are billed in the replica regions",
			       r->address, res_len(r, "replica"),
			       res_len(r, "replica") == 1 ? " is" : "s are");
}

/* The global secondary indexes' provisioned capacity, summed. */
static int plan_gsi(struct plan_map *m, const struct attr_spec *a, const char *field)
{
	json_t *gsis = json_object_get(plan_map_values(m), "global_secondary_index"), *g;
	json_t *mode = json_object_get(plan_map_values(m), "billing_mode");
	size_t i;
	double sum = 0, d;
	if (json_is_string(mode) && !strcmp(json_string_value(mode), "PAY_PER_REQUEST"))
		return 1;
	json_array_foreach(gsis, i, g) {
		json_t *v = json_object_get(g, field);
		int rc = v ? plan_map_number(m, a->name, v, &d) : -1;
		if (rc == -2)
			return 1;
		if (rc == 0 && d > 0)
			sum += d;
	}
	if (sum > 0) {
		json_t *v = json_real(sum);
		plan_map_put(m, a, v);
		json_decref(v);
	}
	return 1;
}

static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	if (!strcmp(a->name, "gsi_read_capacity"))
		return plan_gsi(m, a, "read_capacity");
	if (!strcmp(a->name, "gsi_write_capacity"))
		return plan_gsi(m, a, "write_capacity");
	return 0;
}

const struct type_spec aws_dynamodb_table_type = {
	.type = "aws_dynamodb_table",
	.title = "DynamoDB table",
	.category = CAT_DATA,
	.attrs = ATTRS,
	.usage = USAGE,
	.plan_attr = plan_attr,
	.price = price,
};
