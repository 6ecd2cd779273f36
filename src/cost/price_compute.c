/*
 * price_compute.c - ECS on Fargate: services (vCPU, memory, ephemeral
 * storage, task public IPs), the cluster, and auto scaling policies.
 *
 * Fargate bills the *configured* vCPU and memory of each running task, per
 * second with a one-minute minimum (FACTS.md 4). A fixed desired_count runs
 * all month: tasks x size x 730 h, unless the usage key monthly_task_hours
 * (written by `costplan simulate` from its autoscaling run) says how many
 * task-hours the month really had. Ephemeral storage is charged only above
 * the 20 GiB every task gets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost/pricer.h"
#include "util/error.h"

static void q_fargate(struct price_query *q, const char *usage)
{
	memset(q, 0, sizeof(*q));
	q->offer = "AmazonECS";
	q->family = "Compute";
	q->usage = usage;
}

void q_public_ipv4(struct price_query *q)
{
	memset(q, 0, sizeof(*q));
	q->offer = "AmazonVPC";
	q->usage = "PublicIPv4:InUseAddress";
}

/* The Compute Savings Plan in the scenario, if any (applies to every
 * on-demand Fargate task; Spot is never covered). */
static const struct resource *savings_plan(const struct scenario *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->res[i].type, "costplan_savings_plan") == 0)
			return &s->res[i];
	return NULL;
}

static void discount(struct pricer_ctx *p, struct cost_line *l, dec rate, const char *why)
{
	char pct[DEC_BUFSZ];
	dec hundred = dec_from_int(100), r100;
	if (!l)
		return;
	pricer_scale_line(p, l, dec_sub(dec_from_int(1), rate));
	if (dec_mul(rate, hundred, &r100) != 0)
		r100 = dec_zero();
	dec_format_trim(dec_round(r100, 2), pct, sizeof(pct));
	free(l->note);
	l->note = xasprintf("%s: on-demand price x (1 - %s%%), an assumption", why, pct);
}

/* A line whose quantity came from monthly_task_hours is usage-based. */
static void mark_simulated(struct cost_line *l, bool simulated)
{
	if (l && simulated)
		l->usage_based = l->has_usage = true;
}

void price_ecs_service(struct pricer_ctx *p, const struct resource *r)
{
	const struct resource *td = res_ref(p->s, r, "task_definition");
	const struct resource *sp = savings_plan(p->s);
	struct price_query q;
	/* indexes, not pointers: adding a line may move the item's lines */
	long idx[3] = {-1, -1, -1};
	int arm, spot;
	dec tasks, task_hours, vcpu, gb, qty;
	char name[96];

	if (!td) {
		cp_error(CP_EXIT_INTERNAL, "%s: task definition not resolved", r->address);
		pricer_fail(p, CP_EXIT_INTERNAL);
		return;
	}
	spot = strcmp(res_str(r, "capacity_provider"), "FARGATE_SPOT") == 0;
	arm = strcmp(res_str(td, "runtime_platform.cpu_architecture"), "ARM64") == 0;
	tasks = dec_from_int(res_int(r, "desired_count"));
	task_hours = dec_mul_or_fail(p, tasks, hours_month());
	/* simulated task-hours (costplan simulate) replace desired_count x 730 */
	bool simulated = res_usage(r, "monthly_task_hours", &qty);
	if (simulated)
		task_hours = qty;
	vcpu = dec_div_or_fail(p, dec_from_int(res_int(td, "cpu")), dec_from_int(1024));
	gb = dec_div_or_fail(p, dec_from_int(res_int(td, "memory")), dec_from_int(1024));

	if (spot && arm)
		breakdown_warn(p->b,
			       "%s: AWS does not offer Fargate Spot for ARM64 (Graviton) tasks; "
			       "priced as if it did",
			       r->address);
	const char *kind = spot ? "Fargate Spot" : "Fargate";
	const char *arch = arm ? "ARM64" : "x86";
	const char *plan = !spot && sp ? ", Savings Plan" : "";
	q_fargate(&q, arm ? "Fargate-ARM-vCPU-Hours:perCPU" : "Fargate-vCPU-Hours:perCPU");
	qty = dec_mul_or_fail(p, task_hours, vcpu);
	snprintf(name, sizeof(name), "%s vCPU (%s%s)", kind, arch, plan);
	if (pricer_line(p, name, "vCPU-hours", qty, &q)) {
		idx[0] = (long)p->item->n - 1;
		mark_simulated(&p->item->lines[idx[0]], simulated);
	}

	q_fargate(&q, arm ? "Fargate-ARM-GB-Hours" : "Fargate-GB-Hours");
	qty = dec_mul_or_fail(p, task_hours, gb);
	snprintf(name, sizeof(name), "%s memory (%s%s)", kind, arch, plan);
	if (pricer_line(p, name, "GB-hours", qty, &q)) {
		idx[1] = (long)p->item->n - 1;
		mark_simulated(&p->item->lines[idx[1]], simulated);
	}

	long eph = res_int(td, "ephemeral_storage.size_in_gib");
	if (eph > 20) {
		q_fargate(&q, "Fargate-EphemeralStorage-GB-Hours");
		qty = dec_mul_or_fail(p, task_hours, dec_from_int(eph - 20));
		if (pricer_line(p, "Ephemeral storage above 20 GB", "GB-hours", qty, &q))
			idx[2] = (long)p->item->n - 1;
	}
	/* Fargate Spot has no price in the on-demand offer (FACTS.md 2.2): price it
	 * as on-demand less the spot_discount assumption, and say so on the line. */
	for (int i = 0; i < 3; i++) {
		struct cost_line *l = idx[i] >= 0 ? &p->item->lines[idx[i]] : NULL;
		if (spot)
			discount(p, l, res_dec(r, "spot_discount"),
				 "Fargate Spot (spot_discount)");
		else if (sp)
			discount(p, l, res_dec(sp, "discount_rate"),
				 "Compute Savings Plan (discount_rate)");
	}
	if (res_bool(r, "network_configuration.assign_public_ip")) {
		q_public_ipv4(&q);
		pricer_line(p, "Public IPv4 address per task", "IP-hours", task_hours, &q);
	}
}

void price_savings_plan(struct pricer_ctx *p, const struct resource *r)
{
	char name[128], note[256], pct[DEC_BUFSZ];
	dec r100;
	if (dec_mul(res_dec(r, "discount_rate"), dec_from_int(100), &r100) != 0)
		r100 = dec_zero();
	dec_format_trim(dec_round(r100, 2), pct, sizeof(pct));
	snprintf(name, sizeof(name), "%s Savings Plan, %s, %s", res_str(r, "savings_plan_type"),
		 res_str(r, "term"), res_str(r, "payment_option"));
	snprintf(note, sizeof(note),
		 "assumed %s%% off on-demand Fargate (discount_rate); the commitment is the "
		 "discounted Fargate lines, Spot tasks are not covered",
		 pct);
	pricer_free_line(p, name, note);
}

void q_alarm(struct price_query *q, int high_res)
{
	memset(q, 0, sizeof(*q));
	q->offer = "AmazonCloudWatch";
	q->family = "Alarm";
	q->usage = "AlarmMonitorUsage";
	q->attrs[0][0] = "Alarm Type";
	q->attrs[0][1] = high_res ? "High Resolution" : "Standard";
}

/*
 * Container Insights (FACTS.md 2.2: CloudWatch custom metrics, tiered
 * CW:MetricMonitorUsage, and log ingestion). How many metrics and how many
 * performance-log GB a cluster emits is not in any price list: the counts
 * are usage figures with defaults, each line says which it used.
 */
#define CI_METRICS_PER_CLUSTER 14
#define CI_METRICS_PER_SERVICE 25
#define CI_METRICS_PER_TASK 0
#define CI_LOG_GB_PER_TASK_MILLI 100 /* 0.1 GB per task-month */

static dec usage_or(const struct resource *r, const char *key, dec def, bool *given)
{
	dec v;
	if (res_usage(r, key, &v)) {
		*given = true;
		return v;
	}
	return def;
}

void price_ecs_cluster(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	bool given = false;
	long services = 0, clusters = 0;
	dec tasks = dec_zero(), metrics, t, logs_gb;
	char a[DEC_BUFSZ], b[DEC_BUFSZ], c[DEC_BUFSZ], d[DEC_BUFSZ], n[DEC_BUFSZ];

	if (strcmp(res_str(r, "setting.containerInsights"), "enabled") != 0) {
		p->item->free = true; /* clusters are free; Container Insights is off */
		return;
	}
	for (size_t i = 0; i < p->s->n; i++)
		if (strcmp(p->s->res[i].type, "aws_ecs_cluster") == 0)
			clusters++;
	for (size_t i = 0; i < p->s->n; i++) {
		const struct resource *svc = &p->s->res[i];
		if (strcmp(svc->type, "aws_ecs_service") != 0)
			continue;
		const char *cl = res_str(svc, "cluster");
		/* a service without a cluster runs in the default one: ours if it is the only one */
		if (cl[0] ? strcmp(cl, r->name) != 0 : clusters != 1)
			continue;
		services += svc->count;
		t = dec_mul_or_fail(p, dec_from_int(res_int(svc, "desired_count")),
				    dec_from_int(svc->count));
		tasks = dec_add(tasks, t);
	}
	dec per_cluster = usage_or(r, "container_insights_metrics_per_cluster",
				   dec_from_int(CI_METRICS_PER_CLUSTER), &given);
	dec per_service = usage_or(r, "container_insights_metrics_per_service",
				   dec_from_int(CI_METRICS_PER_SERVICE), &given);
	dec per_task = usage_or(r, "container_insights_metrics_per_task",
				dec_from_int(CI_METRICS_PER_TASK), &given);
	dec gb_task = usage_or(r, "container_insights_log_gb_per_task",
			       dec_from_scaled(CI_LOG_GB_PER_TASK_MILLI, 3), &given);

	metrics = per_cluster;
	metrics = dec_add(metrics, dec_mul_or_fail(p, per_service, dec_from_int(services)));
	metrics = dec_add(metrics, dec_mul_or_fail(p, per_task, tasks));
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonCloudWatch";
	q.family = "Metric";
	q.usage = "CW:MetricMonitorUsage";
	l = pricer_line(p, "Container Insights metrics", "metrics", metrics, &q);
	if (l) {
		l->usage_based = true;
		l->has_usage = given;
		dec_format_trim(per_cluster, a, sizeof(a));
		dec_format_trim(per_service, b, sizeof(b));
		dec_format_trim(per_task, c, sizeof(c));
		dec_format_trim(tasks, n, sizeof(n));
		l->note = xasprintf("assumption: %s per cluster + %s per service x %ld + %s per "
				    "task x %s tasks (custom metrics, tiered)",
				    a, b, services, c, n);
		p->custom_metrics = dec_add(p->custom_metrics, l->quantity);
		if (!p->metric_price)
			p->metric_price = l->price;
	}
	logs_gb = dec_mul_or_fail(p, gb_task, tasks);
	q_logs_ingestion(&q, "STANDARD");
	l = pricer_line(p, "Container Insights logs", "GB", logs_gb, &q);
	if (l) {
		l->usage_based = true;
		l->has_usage = given;
		dec_format_trim(gb_task, d, sizeof(d));
		dec_format_trim(tasks, n, sizeof(n));
		l->note = xasprintf("assumption: %s GB per task-month x %s tasks; kept 1 day, "
				    "storage negligible",
				    d, n);
		p->logs_ingested_gb = dec_add(p->logs_ingested_gb, l->quantity);
		if (!p->logs_price)
			p->logs_price = l->price;
	}
}

/*
 * Each target-tracking policy creates two CloudWatch alarms (high and low);
 * a step-scaling policy needs its two user alarms (FACTS.md 5).
 */
void price_autoscaling_policy(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	(void)r;
	q_alarm(&q, 0);
	l = pricer_line(p, "CloudWatch alarms the policy creates", "alarms", dec_from_int(2), &q);
	if (l) {
		l->note = xstrdup("2 per policy; the first 10 alarms a month are free");
		if (p->b && p->alarm_price == NULL)
			p->alarm_price = l->price;
		p->standard_alarms = dec_add(p->standard_alarms, l->quantity);
	}
}
