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

/* A line whose quantity came from monthly_task_hours is usage-based. */
static void mark_simulated(struct cost_line *l, bool simulated)
{
	if (l && simulated)
		l->usage_based = l->has_usage = true;
}

void price_ecs_service(struct pricer_ctx *p, const struct resource *r)
{
	const struct resource *td = res_ref(p->s, r, "task_definition");
	struct price_query q;
	int arm;
	dec tasks, task_hours, vcpu, gb, qty;

	if (!td) {
		cp_error(CP_EXIT_INTERNAL, "%s: task definition not resolved", r->address);
		pricer_fail(p, CP_EXIT_INTERNAL);
		return;
	}
	if (strcmp(res_str(r, "capacity_provider"), "FARGATE_SPOT") == 0) {
		cp_error(CP_EXIT_DATA,
			 "%s: FARGATE_SPOT has no on-demand price in the AWS Price List; price it "
			 "with the Fargate Spot upgrade step (costplan upgrades)",
			 r->address);
		pricer_fail(p, CP_EXIT_DATA);
		return;
	}
	arm = strcmp(res_str(td, "runtime_platform.cpu_architecture"), "ARM64") == 0;
	tasks = dec_from_int(res_int(r, "desired_count"));
	task_hours = dec_mul_or_fail(p, tasks, hours_month());
	/* simulated task-hours (costplan simulate) replace desired_count x 730 */
	bool simulated = res_usage(r, "monthly_task_hours", &qty);
	if (simulated)
		task_hours = qty;
	vcpu = dec_div_or_fail(p, dec_from_int(res_int(td, "cpu")), dec_from_int(1024));
	gb = dec_div_or_fail(p, dec_from_int(res_int(td, "memory")), dec_from_int(1024));

	q_fargate(&q, arm ? "Fargate-ARM-vCPU-Hours:perCPU" : "Fargate-vCPU-Hours:perCPU");
	qty = dec_mul_or_fail(p, task_hours, vcpu);
	mark_simulated(pricer_line(p, arm ? "Fargate vCPU (ARM64)" : "Fargate vCPU (x86)",
				   "vCPU-hours", qty, &q),
		       simulated);

	q_fargate(&q, arm ? "Fargate-ARM-GB-Hours" : "Fargate-GB-Hours");
	qty = dec_mul_or_fail(p, task_hours, gb);
	mark_simulated(pricer_line(p, arm ? "Fargate memory (ARM64)" : "Fargate memory (x86)",
				   "GB-hours", qty, &q),
		       simulated);

	long eph = res_int(td, "ephemeral_storage.size_in_gib");
	if (eph > 20) {
		q_fargate(&q, "Fargate-EphemeralStorage-GB-Hours");
		qty = dec_mul_or_fail(p, task_hours, dec_from_int(eph - 20));
		pricer_line(p, "Ephemeral storage above 20 GB", "GB-hours", qty, &q);
	}
	if (res_bool(r, "network_configuration.assign_public_ip")) {
		q_public_ipv4(&q);
		pricer_line(p, "Public IPv4 address per task", "IP-hours", task_hours, &q);
	}
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

void price_ecs_cluster(struct pricer_ctx *p, const struct resource *r)
{
	if (strcmp(res_str(r, "setting.containerInsights"), "enabled") == 0) {
		cp_error(CP_EXIT_DATA,
			 "%s: Container Insights is priced by the upgrade-path step "
			 "container-insights (costplan upgrades)",
			 r->address);
		pricer_fail(p, CP_EXIT_DATA);
		return;
	}
	(void)r;
	p->item->free = true; /* clusters are free; Container Insights is off */
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
