/*
 * cloudwatch.c - CloudWatch log groups, dashboards and metric alarms.
 *
 * Logs are billed on ingestion (by log class), on storage and on Logs
 * Insights scans (AWS CloudWatch pricing page). Log storage is what the
 * retention keeps: at steady state a group holds retention_in_days days of
 * ingestion (monthly GB x days x 24 / 730), priced uncompressed (an upper
 * bound: AWS bills the compressed size). A group that never expires keeps
 * growing; we show it after 12 months and warn. An explicit storage_gb
 * usage figure overrides the estimate. Dashboards and alarms are billed per
 * month; the first 3 dashboards, 10 alarms and 5 GB of logs are free
 * (free_tier.c).
 */
#include <stdio.h>
#include <string.h>

#include "cost/types/common.h"

/* ---- log group ----------------------------------------------------------- */

static const char *const RETENTION[] = {"0",   "1",   "3",   "5",    "7",    "14",   "30",
					"60",  "90",  "120", "150",  "180",  "365",  "400",
					"545", "731", "1096", "1827", "2192", "2557", "2922",
					"3288", "3653", NULL};
static const char *const LOG_CLASS[] = {"STANDARD", "INFREQUENT_ACCESS", NULL};

static const struct attr_spec LOG_ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "retention_in_days", .kind = ATTR_INTSET, .def = "0", .choices = RETENTION,
	 .doc = "0 = never expire", .unit = "days"},
	{.name = "log_group_class", .kind = ATTR_ENUM, .def = "STANDARD", .choices = LOG_CLASS,
	 .doc = ""},
	ATTR_END,
};

static const struct usage_spec LOG_USAGE[] = {
	{"monthly_data_ingested_gb", "GB/month", "GB of logs ingested a month"},
	{"storage_gb", "GB", "GB stored"},
	{"monthly_data_scanned_gb", "GB/month", "GB scanned by Logs Insights queries a month"},
	USAGE_END,
};

static void log_group_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	long days = res_int(r, "retention_in_days");
	const struct qty *ingested = q_usage(p, r, "monthly_data_ingested_gb");

	pricer_selects(p, r, "log_group_class");
	pq_logs_ingestion(&q, res_str(r, "log_group_class"));
	l = pricer_line(p, "Log ingestion", "GB", ingested, &q);
	if (!l)
		return;
	pricer_pool(l, POOL_LOGS);

	pq_set(&q, "AmazonCloudWatch", "Storage Snapshot", "TimedStorage-ByteHrs");
	if (json_object_get(r->usage, "storage_gb")) {
		pricer_line(p, "Log storage", "GB-months", q_usage(p, r, "storage_gb"), &q);
	} else if (days == 0) {
		l = pricer_line(p, "Log storage", "GB-months", q_mul(p, ingested, q_int(p, 12)), &q);
		pricer_note(l, "never expires: 12 months of logs kept (and growing)");
		if (!dec_is_zero(ingested->v))
			breakdown_warn(p->b,
				       "%s never expires its logs: storage grows every month; set "
				       "retention_in_days",
				       r->address);
	} else {
		const struct qty *kept =
			q_mul(p, q_mul(p, ingested, q_attr(p, r, "retention_in_days")), q_int(p, 24));
		l = pricer_line(p, "Log storage", "GB-months", q_div(p, kept, q_hours(p)), &q);
		pricer_note(l, "%ld days kept: ingestion x %ld x 24 / 730, uncompressed", days, days);
	}
	pq_set(&q, "AmazonCloudWatch", "Data Payload", "DataScanned-Bytes");
	if (json_object_get(r->usage, "monthly_data_scanned_gb"))
		pricer_line(p, "Logs Insights queries", "GB",
			    q_usage(p, r, "monthly_data_scanned_gb"), &q);
}

const struct type_spec aws_cloudwatch_log_group_type = {
	.type = "aws_cloudwatch_log_group",
	.title = "CloudWatch log group",
	.category = CAT_OBSERVABILITY,
	.attrs = LOG_ATTRS,
	.usage = LOG_USAGE,
	.price = log_group_price,
	.sim_role = SIM_LOG_GROUP,
	.sim_usage = "monthly_data_ingested_gb",
};

/* ---- dashboard ------------------------------------------------------------- */

static const struct attr_spec DASHBOARD_ATTRS[] = {
	COUNT_ATTR,
	{.name = "dashboard_name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	ATTR_END,
};

static void dashboard_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	(void)r;
	pq_set(&q, "AmazonCloudWatch", "Dashboard", "DashboardsUsageHour");
	pricer_pool(pricer_line(p, "Dashboard", "months", q_int(p, 1), &q), POOL_DASHBOARDS);
}

const struct type_spec aws_cloudwatch_dashboard_type = {
	.type = "aws_cloudwatch_dashboard",
	.title = "CloudWatch dashboard",
	.category = CAT_OBSERVABILITY,
	.attrs = DASHBOARD_ATTRS,
	.price = dashboard_price,
};

/* ---- metric alarm ------------------------------------------------------------- */

/*
 * An alarm is billed per alarm metric a month, standard resolution (a
 * period of a minute or more) or high resolution (10 or 30 seconds) at a
 * higher price (AWS CloudWatch pricing page,
 * https://aws.amazon.com/cloudwatch/pricing/): a metric math alarm counts
 * each metric its expression reads (metric_query blocks with a metric;
 * expressions are free), and an anomaly detection alarm counts 3 metrics
 * (the metric and the band's upper and lower bounds). The first 10
 * standard-resolution alarm metrics a month are free (POOL_ALARMS).
 * Composite alarms are their own resource type, not priced here.
 */

static const char *const ALARM_PERIOD[] = {"10", "30", "60", "300", "900", "3600", "86400", NULL};

static const struct attr_spec ALARM_ATTRS[] = {
	COUNT_ATTR,
	{.name = "alarm_name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "period", .kind = ATTR_INTSET, .def = "60", .choices = ALARM_PERIOD,
	 .doc = "seconds; 10 or 30 = high resolution"},
	{.name = "comparison_operator", .kind = ATTR_STRING, .def = "GreaterThanOrEqualToThreshold",
	 .doc = "the band operators (LessThanLowerOrGreaterThanUpperThreshold...) mean anomaly "
		"detection: 3 alarm metrics"},
	{.name = "metric_query", .kind = ATTR_BLOCKS, .def = "", .max = 20,
	 .doc = "metric math: one entry per metric read (expression-only queries are free)",
	 .unit = "metrics"},
	ATTR_END,
};

static bool anomaly_detection(const struct resource *r)
{
	const char *op = res_str(r, "comparison_operator");
	return !strcmp(op, "LessThanLowerOrGreaterThanUpperThreshold") ||
	       !strcmp(op, "LessThanLowerThreshold") || !strcmp(op, "GreaterThanUpperThreshold");
}

static void alarm_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	int hi = res_int(r, "period") < 60;
	bool band = anomaly_detection(r);
	pq_alarm(&q, hi);
	if (!band && !res_len(r, "metric_query")) {
		l = pricer_line(p, hi ? "High-resolution alarm" : "Standard alarm", "months",
				q_int(p, 1), &q);
	} else {
		/* metrics read (1 for a single-metric alarm), x 3 for a band */
		const struct qty *n = res_len(r, "metric_query") ? q_len(p, r, "metric_query")
								 : q_int(p, 1);
		if (band)
			n = q_mul(p, n, q_int(p, 3));
		const char *name = band ? (hi ? "High-res anomaly detection alarm"
					      : "Anomaly detection alarm")
					: (hi ? "High-res metric math alarm" : "Metric math alarm");
		l = pricer_line(p, name, "metrics", n, &q);
	}
	if (!hi)
		pricer_pool(l, POOL_ALARMS);
}

/* The metric_query blocks that read a metric (expressions are free). */
static size_t metric_queries(struct plan_map *m)
{
	json_t *qs = json_object_get(plan_map_values(m), "metric_query"), *e;
	size_t i, n = 0;
	json_array_foreach(qs, i, e) {
		json_t *metric = json_object_get(e, "metric");
		if (json_array_size(metric) || json_is_object(metric))
			n++;
	}
	return n;
}

/* The smallest period of the metric queries' metrics, or 0. */
static double query_period(struct plan_map *m)
{
	json_t *qs = json_object_get(plan_map_values(m), "metric_query"), *e;
	size_t i;
	double best = 0, d;
	json_array_foreach(qs, i, e) {
		json_t *metric = json_object_get(e, "metric");
		if (json_is_array(metric))
			metric = json_array_get(metric, 0);
		json_t *v = json_object_get(metric, "period");
		if (v && plan_map_number(m, "metric_query.metric.period", v, &d) == 0 && d > 0 &&
		    (best == 0 || d < best))
			best = d;
	}
	return best;
}

/* Periods under a minute are high resolution: 10 or 30 seconds. A metric
 * math alarm has its periods on its metric queries. */
static int alarm_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	int unk;
	double d = 0;
	if (!strcmp(a->name, "metric_query")) {
		plan_map_put_placeholders(m, a, metric_queries(m));
		return 1;
	}
	if (strcmp(a->name, "period"))
		return 0;
	json_t *v = plan_map_get(m, a->name, &unk);
	if (!(v && plan_map_number(m, a->name, v, &d) == 0 && d > 0))
		d = query_period(m);
	if (d > 0)
		plan_map_set(m, a->name, json_integer(d < 60 ? (d <= 10 ? 10 : 30) : 60));
	return 1;
}

const struct type_spec aws_cloudwatch_metric_alarm_type = {
	.type = "aws_cloudwatch_metric_alarm",
	.title = "CloudWatch alarm",
	.category = CAT_OBSERVABILITY,
	.attrs = ALARM_ATTRS,
	.plan_attr = alarm_plan_attr,
	.price = alarm_price,
};
