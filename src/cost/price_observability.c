/*
 * price_observability.c - CloudWatch log groups, dashboards and alarms.
 *
 * Log storage is what the retention keeps: at steady state a group holds
 * retention_in_days days of ingestion (monthly GB x days x 24 / 730),
 * priced uncompressed (an upper bound: AWS bills the compressed size). A
 * group that never expires keeps growing; we show it after 12 months and
 * warn. An explicit storage_gb usage figure overrides the estimate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost/pricer.h"
#include "util/error.h"

void q_logs_ingestion(struct price_query *q, const char *log_class)
{
	memset(q, 0, sizeof(*q));
	q->offer = "AmazonCloudWatch";
	q->family = "Data Payload";
	q->usage = strcmp(log_class, "INFREQUENT_ACCESS") == 0 ? "DataProcessing-IA-Bytes"
							       : "DataProcessing-Bytes";
}

void price_log_group(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	dec ingested, stored;
	long days = res_int(r, "retention_in_days");
	char note[160];

	q_logs_ingestion(&q, res_str(r, "log_group_class"));
	l = pricer_usage_line(p, "Log ingestion", "GB", "monthly_data_ingested_gb", dec_from_int(1),
			      &q);
	if (!l)
		return;
	p->logs_ingested_gb = dec_add(p->logs_ingested_gb, l->quantity);
	if (!p->logs_price)
		p->logs_price = l->price;

	memset(&q, 0, sizeof(q));
	q.offer = "AmazonCloudWatch";
	q.family = "Storage Snapshot";
	q.usage = "TimedStorage-ByteHrs";
	if (res_usage(r, "storage_gb", &stored)) {
		pricer_usage_line(p, "Log storage", "GB-months", "storage_gb", dec_from_int(1), &q);
	} else {
		res_usage(r, "monthly_data_ingested_gb", &ingested);
		if (days == 0) {
			stored = dec_mul_or_fail(p, ingested, dec_from_int(12));
			snprintf(note, sizeof(note),
				 "never expires: 12 months of logs kept (and growing)");
			if (!dec_is_zero(ingested))
				breakdown_warn(p->b,
					       "%s never expires its logs: storage grows every month; "
					       "set retention_in_days",
					       r->address);
		} else {
			dec t = dec_mul_or_fail(p, ingested, dec_from_int(days * 24));
			stored = dec_div_or_fail(p, t, hours_month());
			snprintf(note, sizeof(note),
				 "%ld days kept: ingestion x %ld x 24 / 730, uncompressed", days, days);
		}
		l = pricer_line(p, "Log storage", "GB-months", stored, &q);
		if (l) {
			l->usage_based = true;
			l->has_usage = json_object_get(r->usage, "monthly_data_ingested_gb") != NULL;
			l->note = xstrdup(note);
		}
	}
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonCloudWatch";
	q.family = "Data Payload";
	q.usage = "DataScanned-Bytes";
	if (json_object_get(r->usage, "monthly_data_scanned_gb"))
		pricer_usage_line(p, "Logs Insights queries", "GB", "monthly_data_scanned_gb",
				  dec_from_int(1), &q);
}

void price_dashboard(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	(void)r;
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonCloudWatch";
	q.family = "Dashboard";
	q.usage = "DashboardsUsageHour";
	l = pricer_line(p, "Dashboard", "months", dec_from_int(1), &q);
	if (l) {
		p->dashboards = dec_add(p->dashboards, l->quantity);
		if (!p->dashboard_price)
			p->dashboard_price = l->price;
	}
}

void price_metric_alarm(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	int hi = res_int(r, "period") < 60;
	q_alarm(&q, hi);
	l = pricer_line(p, hi ? "High-resolution alarm" : "Standard alarm", "months",
			dec_from_int(1), &q);
	if (l && !hi) {
		p->standard_alarms = dec_add(p->standard_alarms, l->quantity);
		if (!p->alarm_price)
			p->alarm_price = l->price;
	}
}
