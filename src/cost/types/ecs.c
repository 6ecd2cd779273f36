/*
 * ecs.c - ECS on Fargate: task definitions, services, task sets and
 * clusters.
 *
 * Fargate bills the *configured* vCPU and memory of each running task, per
 * second with a one-minute minimum (AWS Fargate pricing page). A fixed
 * desired_count runs all month: tasks x size x 730 h, unless the usage key
 * monthly_task_hours (written by `costplan simulate` from its autoscaling
 * run) says how many task-hours the month really had. Ephemeral storage is
 * charged only above the 20 GiB every task gets. Fargate Spot has no price
 * in the on-demand price list: it is priced as on-demand less the
 * spot_discount assumption. A Compute Savings Plan is an hourly commitment
 * (savings_plan.c, fargate.h): the plan's item carries what it covers, the
 * services only the usage above it.
 *
 * Where a service's tasks run is AWS's rule (ECS developer guide, "Amazon
 * ECS service definition parameters": launchType, capacityProviderStrategy):
 * launch_type if set; else its capacity provider strategy; else the
 * cluster's default capacity provider strategy, and the EC2 launch type
 * when the cluster has none. Tasks on EC2 instances (launch_type EC2, or a
 * capacity provider backed by an Auto Scaling group) cost nothing as tasks:
 * their cost is in the instances, so such a service is listed as not
 * priced with that reason, never priced as Fargate. EXTERNAL (ECS Anywhere)
 * bills per registered instance-hour, not per task: not priced either.
 * What costplan chose where a plan leaves it open: a scenario's launch_type
 * defaults to FARGATE (a scenario describes a Fargate stack); a plan that
 * sets neither launch_type nor a strategy (the provider then leaves
 * launch_type "known after apply") depends on the cluster's default
 * strategy, which the plan mapping cannot read from another resource: it is
 * priced as FARGATE with a warning that states AWS's rule. A launch_type a
 * plan does state (EC2 in a state or an update) is followed.
 *
 * Task sets (aws_ecs_task_set, for a service whose deployment_controller is
 * EXTERNAL): each runs scale.value percent of the service's desired_count,
 * rounded up (ECS API reference, TaskSet computedDesiredCount), priced like
 * a service's tasks; the service itself then runs no tasks of its own.
 *
 * Container Insights (a cluster setting) is billed as CloudWatch custom
 * metrics and log ingestion; how many metrics and log GB a cluster emits is
 * in no price list, so the counts are usage figures with defaults.
 *
 * Plans: task sizes may be written "1 vCPU" or "2 GB"; a service finds its
 * task definition by ARN, by family (two definitions of one family: the
 * one the configuration refers to, else a warning naming both) or through
 * the configuration's references; a capacity provider strategy that mixes
 * FARGATE and FARGATE_SPOT becomes two priced resources, one per provider.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cost/assumptions.h"
#include "cost/types/fargate.h"

/* ---- task definition ---------------------------------------------------- */

/* AWS Fargate task size table (ECS developer guide, "Task CPU and memory"). */
static bool fargate_size_valid(long cpu, long mem)
{
	switch (cpu) {
	case 256:
		return mem == 512 || mem == 1024 || mem == 2048;
	case 512:
		return mem >= 1024 && mem <= 4096 && mem % 1024 == 0;
	case 1024:
		return mem >= 2048 && mem <= 8192 && mem % 1024 == 0;
	case 2048:
		return mem >= 4096 && mem <= 16384 && mem % 1024 == 0;
	case 4096:
		return mem >= 8192 && mem <= 30720 && mem % 1024 == 0;
	case 8192:
		return mem >= 16384 && mem <= 61440 && mem % 4096 == 0;
	case 16384:
		return mem >= 32768 && mem <= 122880 && mem % 8192 == 0;
	default:
		return false;
	}
}

static const char *const CPU_ARCH[] = {"X86_64", "ARM64", NULL};
static const char *const OS_FAMILY[] = {"LINUX", NULL};

static const struct attr_spec TASKDEF_ATTRS[] = {
	COUNT_ATTR,
	{.name = "family", .kind = ATTR_STRING, .def = "", .doc = "task definition family",
	 .info = true},
	{.name = "cpu", .kind = ATTR_INT, .min = 256, .max = 16384,
	 .doc = "CPU units (1024 = 1 vCPU)", .unit = "CPU units (1024 = 1 vCPU)"},
	{.name = "memory", .kind = ATTR_INT, .min = 512, .max = 122880, .doc = "memory in MiB",
	 .unit = "MiB"},
	{.name = "runtime_platform.cpu_architecture", .kind = ATTR_ENUM, .def = "X86_64",
	 .choices = CPU_ARCH, .doc = "X86_64 or ARM64 (Graviton)"},
	{.name = "runtime_platform.operating_system_family", .kind = ATTR_ENUM, .def = "LINUX",
	 .choices = OS_FAMILY, .doc = "only Linux is priced"},
	{.name = "ephemeral_storage.size_in_gib", .kind = ATTR_INT, .def = "20", .min = 20,
	 .max = 200, .doc = "task storage; above 20 GiB is charged", .unit = "GiB"},
	{.name = "container_port", .kind = ATTR_INT, .def = "0", .max = 65535,
	 .doc = "informational", .info = true},
	{.name = "image_size_mb", .kind = ATTR_NUMBER, .def = "300", .min = 1, .max = 20000,
	 .doc = "compressed image size, pulled at every task start", .info = true},
	ATTR_END,
};

/* The memory sizes Fargate offers with cpu, in words; NULL when cpu is not
 * one of its sizes (the same table as fargate_size_valid). */
static const char *fargate_memory_choices(long cpu)
{
	switch (cpu) {
	case 256:
		return "512, 1024 or 2048 MiB";
	case 512:
		return "1024 to 4096 MiB in steps of 1024";
	case 1024:
		return "2048 to 8192 MiB in steps of 1024";
	case 2048:
		return "4096 to 16384 MiB in steps of 1024";
	case 4096:
		return "8192 to 30720 MiB in steps of 1024";
	case 8192:
		return "16384 to 61440 MiB in steps of 4096";
	case 16384:
		return "32768 to 122880 MiB in steps of 8192";
	default:
		return NULL;
	}
}

static void taskdef_check(struct check_ctx *c, const struct resource *r)
{
	long cpu = res_int(r, "cpu"), mem = res_int(r, "memory");
	if (fargate_size_valid(cpu, mem))
		return;
	const char *choices = fargate_memory_choices(cpu);
	if (choices)
		check_fail(c, "memory",
			   "Fargate does not offer cpu %ld with memory %ld MiB (with %ld CPU "
			   "units: %s; see `man costplan`, FARGATE SIZES)",
			   cpu, mem, cpu, choices);
	else
		check_fail(c, "cpu",
			   "Fargate does not offer cpu %ld (CPU units: 256, 512, 1024, 2048, "
			   "4096, 8192 or 16384; see `man costplan`, FARGATE SIZES)",
			   cpu);
}

/* "256", "0.25 vCPU", "1 vcpu", "512", "2 GB", "2GB" -> units / MiB. */
static int task_size(const char *s, long *out)
{
	char *end;
	double d = strtod(s, &end);
	if (end == s || !isfinite(d) || d < 0 || d > 1e7)
		return -1;
	while (*end == ' ')
		end++;
	if (!strcasecmp(end, "vcpu") || !strcasecmp(end, "gb"))
		d *= 1024;
	else if (*end && strcasecmp(end, "mib") && strcasecmp(end, "mb"))
		return -1;
	if (d != floor(d))
		return -1;
	*out = (long)d;
	return 0;
}

static int taskdef_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	const char *n = a->name;
	int unk;
	char s[128];
	long units;
	if (strcmp(n, "cpu") && strcmp(n, "memory"))
		return 0;
	json_t *v = plan_map_get(m, n, &unk);
	if (!v) {
		plan_map_not_priced(m, "no task-level %s%s: only Fargate task definitions are priced",
				    n, unk ? " (known only after apply)" : "");
		return 1;
	}
	if (json_is_number(v)) {
		double d;
		if (plan_map_number(m, n, v, &d))
			return 1;
		snprintf(s, sizeof(s), "%.0f", d);
	} else if (json_is_string(v)) {
		cp_sanitize(json_string_value(v), s, sizeof(s));
	} else {
		plan_map_not_priced(m, "%s is not a task size", n);
		return 1;
	}
	if (task_size(s, &units) || units < (long)a->min || units > (long)a->max) {
		plan_map_not_priced(m, "%s \"%s\" is not a Fargate task size", n, s);
		return 1;
	}
	plan_map_set(m, n, json_integer(units));
	return 1;
}

static void taskdef_plan_check(struct plan_map *m)
{
	long cpu = plan_map_body_int(m, "cpu"), mem = plan_map_body_int(m, "memory");
	if (!fargate_size_valid(cpu, mem))
		plan_map_not_priced(m, "cpu %ld with memory %ld MiB is not a Fargate task size", cpu,
				    mem);
}

static const char *const TASKDEF_INDEX[] = {"arn", "family", NULL};

const struct type_spec aws_ecs_task_definition_type = {
	.type = "aws_ecs_task_definition",
	.title = "ECS task definition",
	.category = CAT_FREE,
	.attrs = TASKDEF_ATTRS,
	.free_reason = "a task definition is a description; AWS bills the tasks the services run",
	.check = taskdef_check,
	.plan_rank = -1,
	.plan_index = TASKDEF_INDEX,
	.plan_attr = taskdef_plan_attr,
	.plan_check = taskdef_plan_check,
};

/* ---- service ------------------------------------------------------------ */

static const char *const LAUNCH_TYPE[] = {"FARGATE", "EC2", "EXTERNAL", NULL};
static const char *const CAPACITY[] = {"FARGATE", "FARGATE_SPOT", NULL};
static const char *const CONTROLLER[] = {"ECS", "CODE_DEPLOY", "EXTERNAL", NULL};

#define LAUNCH_TYPE_ATTR \
	{.name = "launch_type", .kind = ATTR_ENUM, .def = "FARGATE", .choices = LAUNCH_TYPE, \
	 .doc = "FARGATE is priced; EC2 and EXTERNAL tasks run on instances billed on their " \
		"own (not priced as tasks)"}
#define CAPACITY_ATTR \
	{.name = "capacity_provider", .kind = ATTR_ENUM, .def = "FARGATE", .choices = CAPACITY, \
	 .doc = "FARGATE or FARGATE_SPOT (capacity_provider_strategy with one provider)"}
#define PUBLIC_IP_ATTR \
	{.name = "network_configuration.assign_public_ip", .kind = ATTR_BOOL, .def = "false", \
	 .doc = "a public IPv4 address per task"}
#define SPOT_DISCOUNT_ATTR \
	{.name = "spot_discount", .kind = ATTR_NUMBER, .def = ASSUME_SPOT_DISCOUNT, .max = 0.9, \
	 .doc = "costplan assumption, not Terraform: FARGATE_SPOT price = on-demand x (1 - this); " \
		"AWS advertises up to 70% off, the real Spot price varies", \
	 .unit = "fraction off on-demand"}

/* launch_type and the deployment controller come first: in a plan, where
 * the tasks run is the reason that wins over a missing task definition. */
static const struct attr_spec SERVICE_ATTRS[] = {
	COUNT_ATTR,
	LAUNCH_TYPE_ATTR,
	{.name = "deployment_controller.type", .kind = ATTR_ENUM, .def = "ECS",
	 .choices = CONTROLLER,
	 .doc = "EXTERNAL: the tasks run in aws_ecs_task_set resources, priced there"},
	{.name = "task_definition", .kind = ATTR_REF, .def = "", .ref_type = "aws_ecs_task_definition",
	 .doc = "the task definition this service runs (required unless "
		"deployment_controller.type is EXTERNAL)"},
	{.name = "desired_count", .kind = ATTR_INT, .def = "0", .max = 5000,
	 .doc = "tasks running (Terraform default 0)", .unit = "tasks"},
	CAPACITY_ATTR,
	PUBLIC_IP_ATTR,
	{.name = "load_balancer", .kind = ATTR_REF, .def = "", .ref_type = "aws_lb",
	 .doc = "the ALB in front, if any"},
	{.name = "cluster", .kind = ATTR_REF, .def = "", .ref_type = "aws_ecs_cluster",
	 .doc = "the cluster"},
	SPOT_DISCOUNT_ATTR,
	ATTR_END,
};

static bool external_controller(const struct resource *r)
{
	return strcmp(res_str(r, "deployment_controller.type"), "EXTERNAL") == 0;
}

static void service_check(struct check_ctx *c, const struct resource *r)
{
	if (!res_str(r, "task_definition")[0] && !external_controller(r))
		check_fail(c, NULL,
			   "an ECS service needs task_definition (only a service whose "
			   "deployment_controller.type is EXTERNAL leaves it to its task sets)");
}

/* Simulated task-hours per copy for the month (costplan simulate); when
 * absent a service runs desired_count tasks all month. */
static const struct usage_spec SERVICE_USAGE[] = {
	{"monthly_task_hours", "task-hours", "task-hours the month ran (simulated)"},
	USAGE_END,
};

/* Fargate takes only some cpu/memory pairs: said beside the spreadsheet's inputs. */
static const char FARGATE_PAIRS[] =
	" Fargate accepts only some cpu/memory pairs (256 CPU units: 512-2048 MiB; 512: "
	"1024-4096; 1024: 2048-8192; 2048: 4096-16384; 4096: 8192-30720): a spreadsheet cannot "
	"check that, costplan does.";

extern const struct type_spec aws_ecs_service_type;
extern const struct type_spec aws_ecs_task_set_type;

/* Tasks that are not Fargate tasks: what they cost is billed elsewhere. */
#define EC2_REASON \
	"runs on EC2 instances (launch_type EC2): its cost is in those instances, priced as " \
	"aws_instance / aws_autoscaling_group"
#define EXTERNAL_REASON \
	"runs on external instances (launch_type EXTERNAL, ECS Anywhere): billed per " \
	"registered instance-hour, not per task"

/* ---- Fargate usage and the Savings Plan's share (fargate.h) -------------- */

static const char *const DIM_LABEL[FG_DIMS] = {"vCPU (x86)", "memory (x86)", "vCPU (ARM64)",
					       "memory (ARM64)"};
static const char *const DIM_USAGE[FG_DIMS] = {"Fargate-vCPU-Hours:perCPU", "Fargate-GB-Hours",
					       "Fargate-ARM-vCPU-Hours:perCPU",
					       "Fargate-ARM-GB-Hours"};

const char *fargate_dim_label(enum fargate_dim d)
{
	return DIM_LABEL[d];
}

const char *fargate_dim_unit(enum fargate_dim d)
{
	return d == FG_X86_VCPU || d == FG_ARM_VCPU ? "vCPU-hours" : "GB-hours";
}

void fargate_dim_query(struct price_query *q, enum fargate_dim d)
{
	pq_set(q, "AmazonECS", "Compute", DIM_USAGE[d]);
}

const struct resource *fargate_savings_plan(const struct scenario *s)
{
	return scenario_first(s, "costplan_savings_plan");
}

static bool is_arm(const struct resource *td)
{
	return strcmp(res_str(td, "runtime_platform.cpu_architecture"), "ARM64") == 0;
}

/* Why r's tasks are not Fargate tasks priced here (launch_type), or NULL. */
static const char *not_fargate(const struct resource *r)
{
	const char *lt = res_str(r, "launch_type");
	if (!strcmp(lt, "EC2"))
		return EC2_REASON;
	if (!strcmp(lt, "EXTERNAL"))
		return EXTERNAL_REASON;
	return NULL;
}

static bool is_spot(const struct resource *r)
{
	return strcmp(res_str(r, "capacity_provider"), "FARGATE_SPOT") == 0;
}

bool fargate_on_demand(const struct scenario *s, const struct resource *r)
{
	if (r->spec == &aws_ecs_service_type) {
		if (external_controller(r))
			return false;
	} else if (r->spec != &aws_ecs_task_set_type) {
		return false;
	}
	if (not_fargate(r) || is_spot(r))
		return false;
	return res_ref(s, r, "task_definition") != NULL &&
	       (r->spec == &aws_ecs_service_type || res_ref(s, r, "service") != NULL);
}

/* A task set's tasks per copy: scale.value percent of its service's
 * desired_count, rounded up (ECS computedDesiredCount). Rounded, it is a
 * number the spreadsheet cannot recompute: whole results stay a formula. */
static const struct qty *taskset_tasks(struct pricer_ctx *p, const struct resource *r)
{
	const struct resource *svc = res_ref(p->s, r, "service");
	const struct qty *x = q_div(p, q_mul(p, q_attr(p, svc, "desired_count"),
					     q_attr(p, r, "scale.value")),
				    q_int(p, 100));
	dec up = dec_ceil(x->v);
	return dec_cmp(up, x->v) == 0 ? x : q_num(p, up);
}

/* Task-hours per copy: simulated (costplan simulate), else desired_count
 * all month; a task set takes its share of its service's. */
static const struct qty *task_hours_of(struct pricer_ctx *p, const struct resource *r)
{
	if (r->spec == &aws_ecs_task_set_type) {
		const struct resource *svc = res_ref(p->s, r, "service");
		if (json_object_get(svc->usage, "monthly_task_hours"))
			return q_div(p, q_mul(p, q_usage(p, svc, "monthly_task_hours"),
					      q_attr(p, r, "scale.value")),
				     q_int(p, 100));
		return q_mul(p, taskset_tasks(p, r), q_hours(p));
	}
	if (json_object_get(r->usage, "monthly_task_hours"))
		return q_usage(p, r, "monthly_task_hours");
	return q_mul(p, q_attr(p, r, "desired_count"), q_hours(p));
}

/* The fewest tasks an auto-scaled service runs: min_capacity of its
 * scalable target, lowered by any scheduled action on it; NULL when it is
 * not auto-scaled. */
static const struct qty *scaled_minimum(struct pricer_ctx *p, const struct resource *r)
{
	const struct scenario *s = p->s;
	const struct qty *fewest = NULL;
	for (size_t i = 0; i < s->n; i++) {
		const struct resource *t = &s->res[i];
		if (t->spec->sim_role != SIM_SCALING_TARGET || res_ref(s, t, "service") != r)
			continue;
		const struct qty *m = q_attr(p, t, "min_capacity");
		fewest = fewest ? q_min2(p, fewest, m) : m;
		for (size_t j = 0; j < s->n; j++) {
			const struct resource *a = &s->res[j];
			if (a->spec->sim_role != SIM_SCHEDULED_ACTION || res_ref(s, a, "target") != t ||
			    res_int(a, "scalable_target_action.min_capacity") < 0)
				continue;
			fewest = q_min2(p, fewest,
					q_attr(p, a, "scalable_target_action.min_capacity"));
		}
	}
	return fewest;
}

const struct qty *fargate_steady_hours(struct pricer_ctx *p, const struct resource *r,
				       const struct qty *task_hours)
{
	const struct qty *fewest;
	if (r->spec == &aws_ecs_task_set_type) {
		const struct resource *svc = res_ref(p->s, r, "service");
		const struct qty *m = scaled_minimum(p, svc);
		if (!m)
			return task_hours; /* a fixed share of a fixed count */
		fewest = q_div(p, q_mul(p, m, q_attr(p, r, "scale.value")), q_int(p, 100));
	} else {
		fewest = scaled_minimum(p, r);
		if (!fewest)
			fewest = q_attr(p, r, "desired_count");
	}
	return q_min2(p, task_hours, q_mul(p, fewest, q_hours(p)));
}

const struct qty *fargate_usage(struct pricer_ctx *p, enum fargate_dim d, bool steady)
{
	const struct qty *sum = NULL;
	bool arm = d == FG_ARM_VCPU || d == FG_ARM_GB;
	bool mem = d == FG_X86_GB || d == FG_ARM_GB;
	for (size_t i = 0; i < p->s->n; i++) {
		const struct resource *r = &p->s->res[i];
		if (!fargate_on_demand(p->s, r))
			continue;
		const struct resource *td = res_ref(p->s, r, "task_definition");
		if (is_arm(td) != arm)
			continue;
		const struct qty *h = task_hours_of(p, r);
		if (steady)
			h = fargate_steady_hours(p, r, h);
		const struct qty *u = q_div(p, q_mul(p, h, q_attr(p, td, mem ? "memory" : "cpu")),
					    q_int(p, 1024));
		if (r->count != 1)
			u = q_mul(p, u, q_count(p, r));
		sum = sum ? q_add(p, sum, u) : u;
	}
	return sum;
}

/* ---- service ------------------------------------------------------------ */

static void discount(struct pricer_ctx *p, struct cost_line *l, const struct resource *src,
		     const char *attr, const char *why)
{
	char pct[DEC_BUFSZ];
	dec r100;
	if (!l)
		return;
	const struct qty *rate = q_attr(p, src, attr);
	pricer_scale_line(p, l, q_sub(p, q_int(p, 1), rate));
	if (dec_mul(rate->v, dec_from_int(100), &r100) != 0)
		r100 = dec_zero();
	dec_format_trim(dec_round(r100, 2), pct, sizeof(pct));
	char as[128];
	pricer_note(l, "%s: on-demand price x (1 - %s%%), %s", why, pct,
		    pricer_assumption(p, "spot_discount", rate->v, as, sizeof(as)));
}

/* "37.5%" of a fraction. */
static char *percent(dec f, char *buf, size_t size)
{
	dec x;
	if (dec_mul(f, dec_from_int(100), &x) != 0)
		x = dec_zero();
	dec_format_trim(dec_round(x, 1), buf, size);
	strncat(buf, "%", size - strlen(buf) - 1);
	return buf;
}

/*
 * The Fargate lines of one service (or task set): vCPU and memory of
 * task_hours per copy, ephemeral storage above 20 GiB, public IPv4. Spot
 * takes spot_discount off; with a Compute Savings Plan, the part the plan
 * covers is on the plan's own item and only the rest is billed here.
 */
static void fargate_price(struct pricer_ctx *p, const struct resource *r,
			  const struct resource *td, const struct qty *task_hours, bool spot)
{
	const struct resource *sp = spot ? NULL : fargate_savings_plan(p->s);
	struct price_query q;
	/* indexes, not pointers: adding a line may move the item's lines */
	long idx[3] = {-1, -1, -1};
	char name[96], cover_note[256] = "";
	bool arm = is_arm(td);

	pricer_selects(p, td, "runtime_platform.cpu_architecture");
	const struct qty *cpu = q_attr_x(p, td, "cpu", FARGATE_PAIRS);
	const struct qty *mem = q_attr_x(p, td, "memory", FARGATE_PAIRS);

	/* a Savings Plan: hours above the steady minimum, or a share of all */
	const struct qty *od_hours = task_hours, *od_share = NULL;
	if (sp && savings_plan_explicit(sp)) {
		const struct qty *cover = savings_plan_cover(p, sp);
		if (p->rc)
			return;
		if (cover) {
			od_share = q_sub(p, q_int(p, 1), q_min2(p, q_int(p, 1), cover));
			char pc[DEC_BUFSZ];
			snprintf(cover_note, sizeof(cover_note),
				 "on demand: the %s of this usage above the hourly commitment of %s",
				 percent(od_share->v, pc, sizeof(pc)), sp->address);
		}
	} else if (sp) {
		const struct qty *steady = fargate_steady_hours(p, r, task_hours);
		od_hours = q_sub(p, task_hours, steady);
		char n[DEC_BUFSZ];
		dec tasks = dec_zero();
		if (dec_div(steady->v, dec_from_int(HOURS_PER_MONTH), &tasks) != 0)
			tasks = dec_zero();
		dec_format_trim(dec_round(tasks, 2), n, sizeof(n));
		snprintf(cover_note, sizeof(cover_note),
			 "on demand above the steady minimum (%s task%s), which %s covers", n,
			 dec_cmp(tasks, dec_from_int(1)) == 0 ? "" : "s", sp->address);
	}

	if (spot && arm)
		breakdown_warn(p->b,
			       "%s: AWS does not offer Fargate Spot for ARM64 (Graviton) tasks; "
			       "priced as if it did",
			       r->address);
	const char *kind = spot ? "Fargate Spot" : "Fargate";
	const char *tail = sp ? ", on demand" : "";
	for (int k = 0; k < 2; k++) {
		enum fargate_dim d = (enum fargate_dim)((arm ? FG_ARM_VCPU : FG_X86_VCPU) + k);
		const struct qty *hrs = od_hours;
		const struct qty *u = q_div(p, q_mul(p, hrs, k ? mem : cpu), q_int(p, 1024));
		if (od_share)
			u = q_mul(p, u, od_share);
		/* "Fargate vCPU (x86)", "Fargate memory (ARM64, on demand)" */
		const char *label = fargate_dim_label(d);
		snprintf(name, sizeof(name), "%s %.*s%s)", kind, (int)(strlen(label) - 1), label,
			 tail);
		fargate_dim_query(&q, d);
		if (pricer_line(p, name, fargate_dim_unit(d), u, &q))
			idx[k] = (long)p->item->n - 1;
	}

	if (res_int(td, "ephemeral_storage.size_in_gib") > 20) {
		pq_set(&q, "AmazonECS", "Compute", "Fargate-EphemeralStorage-GB-Hours");
		const struct qty *above = q_max2(
			p, q_sub(p, q_attr(p, td, "ephemeral_storage.size_in_gib"), q_int(p, 20)),
			q_int(p, 0));
		if (pricer_line(p, "Ephemeral storage above 20 GB", "GB-hours",
				q_mul(p, task_hours, above), &q))
			idx[2] = (long)p->item->n - 1;
	}
	for (int i = 0; i < 3; i++) {
		struct cost_line *l = idx[i] >= 0 ? &p->item->lines[idx[i]] : NULL;
		if (spot)
			discount(p, l, r, "spot_discount", "Fargate Spot");
		else if (l && i == 0 && cover_note[0])
			pricer_note(l, "%s", cover_note);
	}
	if (res_bool(r, "network_configuration.assign_public_ip")) {
		pq_public_ipv4(&q);
		pricer_line(p, "Public IPv4 address per task", "IP-hours", task_hours, &q);
	}
}

static void service_price(struct pricer_ctx *p, const struct resource *r)
{
	const char *why = not_fargate(r);
	if (why) {
		pricer_not_priced(p, "%s", why);
		return;
	}
	if (external_controller(r)) {
		pricer_free_line(p, "Tasks: run in its task sets",
				 "deployment_controller EXTERNAL: its tasks are priced on its "
				 "aws_ecs_task_set resources");
		return;
	}
	const struct resource *td = res_ref(p->s, r, "task_definition");
	if (!td) {
		cp_error(CP_EXIT_INTERNAL, "%s: task definition not resolved", r->address);
		pricer_fail(p, CP_EXIT_INTERNAL);
		return;
	}
	fargate_price(p, r, td, task_hours_of(p, r), is_spot(r));
}

/* The task definition a plan's service or task set names (by ARN, by
 * family[:revision]) or refers to in the configuration. Unknown (a new
 * revision): the configuration says which, else the prior ARN. */
static struct plan_inst *service_taskdef(struct plan_map *m)
{
	json_t *v = NULL;
	if (plan_map_lookup(m, "task_definition", &v) == PLAN_UNKNOWN) {
		struct plan_inst *t = plan_map_config_ref(m, "task_definition",
							  "aws_ecs_task_definition");
		if (t)
			return t;
		plan_map_prior(m, "task_definition", &v);
	}
	const char *s = json_string_value(v);
	if (s && s[0]) {
		char family[256], fs[256];
		const char *f = s;
		if (!strncmp(s, "arn:", 4)) {
			struct plan_inst *t = plan_map_find(m, "aws_ecs_task_definition", "arn", s, 0);
			if (t)
				return t;
			f = strstr(s, "task-definition/");
			f = f ? f + 16 : "";
		}
		size_t len = strcspn(f, ":");
		if (len > 0 && len < sizeof(family)) {
			memcpy(family, f, len);
			family[len] = '\0';
			/* one definition of the family: it; more: the one the
			 * configuration refers to, else this module's (or the last),
			 * saying which */
			struct plan_inst *first = NULL, *best = NULL, *t;
			size_t k;
			for (k = 0;
			     (t = plan_map_find(m, "aws_ecs_task_definition", "family", family, k));
			     k++) {
				if (!first)
					first = t;
				if (!best || plan_map_same_module(m, t))
					best = t;
			}
			if (k > 1) {
				struct plan_inst *ref = plan_map_config_ref(m, "task_definition",
									    "aws_ecs_task_definition");
				if (ref)
					return ref;
				struct plan_inst *other = best == first
								  ? plan_map_find(m, "aws_ecs_task_definition",
										  "family", family, 1)
								  : first;
				plan_map_warn(m,
					      "%s: task definition family \"%s\" is both %s and %s%s; "
					      "priced with %s (refer to the one you mean in the "
					      "configuration, or name it by ARN)",
					      plan_map_address(m), cp_sanitize(family, fs, sizeof(fs)),
					      plan_inst_address(best), plan_inst_address(other),
					      k > 2 ? " (and more)" : "", plan_inst_address(best));
			}
			if (best)
				return best;
		}
	}
	return plan_map_config_ref(m, "task_definition", "aws_ecs_task_definition");
}

/* The plan's deployment_controller.type, or "" (ECS). */
static const char *plan_controller(struct plan_map *m)
{
	json_t *dc = json_object_get(plan_map_values(m), "deployment_controller");
	if (json_is_array(dc))
		dc = json_array_get(dc, 0);
	const char *t = json_string_value(json_object_get(dc, "type"));
	return t ? t : "";
}

/*
 * Where a plan's service or task set runs its tasks, as ECS decides it:
 * launch_type, else the capacity provider strategy, else the cluster's
 * default strategy (which the mapping cannot read: priced as FARGATE, with
 * AWS's rule in the warning). Not Fargate: not priced, with the reason.
 */
static void launch_plan(struct plan_map *m)
{
	int unk;
	char s[128];
	size_t i;
	json_t *e;
	json_t *strat = json_object_get(plan_map_values(m), "capacity_provider_strategy");
	const char *lt = json_string_value(plan_map_get(m, "launch_type", &unk));
	if (lt && lt[0]) {
		if (!strcmp(lt, "EC2"))
			plan_map_not_priced(m, EC2_REASON);
		else if (!strcmp(lt, "EXTERNAL"))
			plan_map_not_priced(m, EXTERNAL_REASON);
		else if (strcmp(lt, "FARGATE"))
			plan_map_not_priced(m, "launch_type \"%s\" is not one ECS offers (EC2, FARGATE, "
					    "EXTERNAL)",
					    cp_sanitize(lt, s, sizeof(s)));
		return;
	}
	json_array_foreach(strat, i, e) {
		const char *cp = json_string_value(json_object_get(e, "capacity_provider"));
		if (cp && strcmp(cp, "FARGATE") && strcmp(cp, "FARGATE_SPOT")) {
			plan_map_not_priced(m,
					    "runs on EC2 instances (capacity provider \"%s\", an Auto "
					    "Scaling group): its cost is in those instances, priced as "
					    "aws_instance / aws_autoscaling_group",
					    cp_sanitize(cp, s, sizeof(s)));
			return;
		}
	}
	if (json_array_size(strat) == 0)
		plan_map_warn(m,
			      "%s: %s: ECS then uses the cluster's default capacity provider "
			      "strategy, or the EC2 launch type when the cluster has none; costplan "
			      "does not read the cluster's strategy and prices it as FARGATE (set "
			      "launch_type = \"FARGATE\" to say so)",
			      plan_map_address(m),
			      unk ? "launch_type is known only after apply and there is no "
				    "capacity_provider_strategy"
				  : "no launch_type and no capacity_provider_strategy");
}

/* Capacity provider strategy: tasks on FARGATE_SPOT out of desired
 * (every provider is FARGATE or FARGATE_SPOT: launch_plan checked). */
static long spot_tasks(struct plan_map *m, json_t *strategy, long desired)
{
	size_t i;
	json_t *e;
	long base_spot = 0, base_other = 0;
	double w_spot = 0, w_all = 0;
	json_array_foreach(strategy, i, e) {
		const char *cp = json_string_value(json_object_get(e, "capacity_provider"));
		json_t *wv = json_object_get(e, "weight"), *bv = json_object_get(e, "base");
		double w = json_is_number(wv) ? json_number_value(wv) : 0;
		long base = json_is_integer(bv) ? (long)json_integer_value(bv) : 0;
		if (!cp) {
			plan_map_assume(m, "capacity_provider_strategy.capacity_provider", "FARGATE");
			cp = "FARGATE";
		}
		if (w < 0 || w > 1000 || base < 0 || base > 100000)
			continue;
		int spot = !strcmp(cp, "FARGATE_SPOT");
		if (spot)
			base_spot += base, w_spot += w;
		else
			base_other += base;
		w_all += w;
	}
	long first = base_spot + base_other;
	if (first >= desired)
		return base_spot < desired ? base_spot : desired;
	long rest = desired - first;
	return base_spot + (w_all > 0 ? (long)floor((double)rest * w_spot / w_all) : 0);
}

static int service_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	const char *n = a->name;
	bool ext = !strcmp(plan_controller(m), "EXTERNAL");
	if (!strcmp(n, "task_definition")) {
		json_t *v = NULL;
		/* an EXTERNAL service leaves the task definition to its task sets */
		enum plan_got got = plan_map_lookup(m, n, &v);
		if (ext && (got == PLAN_ABSENT ||
			    (got == PLAN_VALUE && (json_is_null(v) || !json_string_length(v)))))
			return 1;
		plan_map_link(m, n, service_taskdef(m), "task definition");
		return 1;
	}
	if (!strcmp(n, "load_balancer") || !strcmp(n, "cluster"))
		return 1; /* informational; Terraform holds ARNs there */
	if (!strcmp(n, "launch_type")) {
		if (!ext) /* the task sets say where their tasks run */
			launch_plan(m);
		return 1;
	}
	if (!strcmp(n, "capacity_provider")) {
		json_t *strat = json_object_get(plan_map_values(m), "capacity_provider_strategy");
		if (json_array_size(strat) == 0)
			return 1;
		long desired = plan_map_body_int(m, "desired_count");
		long spot = spot_tasks(m, strat, desired);
		if (spot > 0 && spot == desired)
			plan_map_set(m, n, json_string("FARGATE_SPOT"));
		if (spot > 0 && spot < desired) {
			/* mixed strategy: the Spot share as a second resource */
			json_t *twin = json_object();
			json_object_set_new(twin, "desired_count", json_integer(spot));
			json_object_set_new(twin, "capacity_provider", json_string("FARGATE_SPOT"));
			plan_map_twin(m, "-spot", twin);
			plan_map_set(m, "desired_count", json_integer(desired - spot));
		}
		return 1;
	}
	return 0;
}

static const char *const SERVICE_INDEX[] = {"name", NULL};

const struct type_spec aws_ecs_service_type = {
	.type = "aws_ecs_service",
	.title = "ECS Fargate service",
	.category = CAT_COMPUTE,
	.attrs = SERVICE_ATTRS,
	.usage = SERVICE_USAGE,
	.check = service_check,
	.plan_rank = 1,
	.plan_index = SERVICE_INDEX,
	.plan_attr = service_plan_attr,
	.price = service_price,
	.sim_role = SIM_SERVICE,
	.sim_usage = "monthly_task_hours",
};

/* ---- task set ------------------------------------------------------------- */

static const struct attr_spec TASKSET_ATTRS[] = {
	COUNT_ATTR,
	LAUNCH_TYPE_ATTR,
	{.name = "service", .kind = ATTR_REF, .ref_type = "aws_ecs_service",
	 .doc = "the service (deployment_controller EXTERNAL) whose desired_count it runs a share of"},
	{.name = "task_definition", .kind = ATTR_REF, .ref_type = "aws_ecs_task_definition",
	 .doc = "the task definition its tasks run"},
	{.name = "scale.value", .kind = ATTR_NUMBER, .def = "100", .max = 100,
	 .doc = "percent of the service's desired_count it runs, rounded up to whole tasks",
	 .unit = "percent of desired_count"},
	CAPACITY_ATTR,
	PUBLIC_IP_ATTR,
	{.name = "external_id", .kind = ATTR_STRING, .def = "", .doc = "informational",
	 .info = true},
	SPOT_DISCOUNT_ATTR,
	ATTR_END,
};

static void taskset_price(struct pricer_ctx *p, const struct resource *r)
{
	const char *why = not_fargate(r);
	if (why) {
		pricer_not_priced(p, "%s", why);
		return;
	}
	const struct resource *td = res_ref(p->s, r, "task_definition");
	const struct resource *svc = res_ref(p->s, r, "service");
	if (!td || !svc) {
		cp_error(CP_EXIT_INTERNAL, "%s: task definition or service not resolved", r->address);
		pricer_fail(p, CP_EXIT_INTERNAL);
		return;
	}
	if (!external_controller(svc))
		breakdown_warn(p->b,
			       "%s: ECS runs task sets only for a service whose deployment_controller "
			       "is EXTERNAL; %s's is %s, so its tasks are priced on the service and "
			       "again here",
			       r->address, svc->address, res_str(svc, "deployment_controller.type"));
	fargate_price(p, r, td, task_hours_of(p, r), is_spot(r));
}

/* The service by name, or the last part of its ARN (".../cluster/name"). */
static struct plan_inst *taskset_service(struct plan_map *m)
{
	int unk;
	const char *v = json_string_value(plan_map_get(m, "service", &unk));
	if (v && v[0]) {
		const char *slash = strrchr(v, '/');
		struct plan_inst *t =
			plan_map_find(m, "aws_ecs_service", "name", slash ? slash + 1 : v, 0);
		if (t)
			return t;
	}
	return plan_map_config_ref(m, "service", "aws_ecs_service");
}

static int taskset_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	const char *n = a->name;
	if (!strcmp(n, "launch_type")) {
		launch_plan(m);
		return 1;
	}
	if (!strcmp(n, "service")) {
		plan_map_link(m, n, taskset_service(m), "ECS service");
		return 1;
	}
	if (!strcmp(n, "task_definition")) {
		plan_map_link(m, n, service_taskdef(m), "task definition");
		return 1;
	}
	if (!strcmp(n, "capacity_provider")) {
		size_t i;
		json_t *e;
		int spot = 0, other = 0;
		json_array_foreach(json_object_get(plan_map_values(m), "capacity_provider_strategy"),
				   i, e) {
			const char *cp = json_string_value(json_object_get(e, "capacity_provider"));
			json_t *wv = json_object_get(e, "weight"), *bv = json_object_get(e, "base");
			bool used = (json_is_number(wv) && json_number_value(wv) > 0) ||
				    (json_is_integer(bv) && json_integer_value(bv) > 0);
			if (cp && !strcmp(cp, "FARGATE_SPOT"))
				spot += used;
			else
				other += used;
		}
		if (spot && other)
			plan_map_not_priced(m, "a capacity provider strategy that splits a task set "
					       "between FARGATE and FARGATE_SPOT is not priced");
		else if (spot)
			plan_map_set(m, n, json_string("FARGATE_SPOT"));
		return 1;
	}
	return 0;
}

const struct type_spec aws_ecs_task_set_type = {
	.type = "aws_ecs_task_set",
	.title = "ECS Fargate task set",
	.category = CAT_COMPUTE,
	.attrs = TASKSET_ATTRS,
	.plan_rank = 2,
	.plan_attr = taskset_plan_attr,
	.price = taskset_price,
};

/* ---- cluster (Container Insights) ---------------------------------------- */

static const char *const INSIGHTS[] = {"disabled", "enabled", NULL};

static const struct attr_spec CLUSTER_ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "cluster name", .info = true},
	{.name = "setting.containerInsights", .kind = ATTR_ENUM, .def = "disabled",
	 .choices = INSIGHTS, .doc = "Container Insights (the cluster's containerInsights setting)"},
	ATTR_END,
};

static const struct usage_spec CLUSTER_USAGE[] = {
	{"container_insights_metrics_per_cluster", "metrics", "custom metrics per cluster"},
	{"container_insights_metrics_per_service", "metrics", "custom metrics per service"},
	{"container_insights_metrics_per_task", "metrics", "custom metrics per task"},
	{"container_insights_log_gb_per_task", "GB/task-month",
	 "performance-log GB per task a month"},
	USAGE_END,
};

/* A count no price list has: the usage figure, else the named assumption
 * (model/assumptions.h); the value used is said in the breakdown's notes. */
static const struct qty *ci_count(struct pricer_ctx *p, const struct resource *r,
				  const char *key)
{
	char buf[128];
	const struct qty *q = q_usage_or(p, r, key, assumption_default(key));
	pricer_assumption(p, key, q->v, buf, sizeof(buf));
	return q;
}

static void cluster_price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	long services = 0, clusters = 0;
	char a[DEC_BUFSZ], b[DEC_BUFSZ], c[DEC_BUFSZ], d[DEC_BUFSZ], n[DEC_BUFSZ];

	if (strcmp(res_str(r, "setting.containerInsights"), "enabled") != 0) {
		p->item->free = true; /* clusters are free; Container Insights is off */
		return;
	}
	for (size_t i = 0; i < p->s->n; i++)
		clusters += p->s->res[i].spec == r->spec;
	/* the tasks of this cluster's services */
	const struct qty *tasks = q_int(p, 0);
	for (size_t i = 0; i < p->s->n; i++) {
		const struct resource *svc = &p->s->res[i];
		if (svc->spec != &aws_ecs_service_type)
			continue;
		const char *cl = res_str(svc, "cluster");
		/* a service without a cluster runs in the default one: ours if it is the only one */
		if (cl[0] ? strcmp(cl, r->name) != 0 : clusters != 1)
			continue;
		services += svc->count;
		const struct qty *dc = q_attr(p, svc, "desired_count");
		if (svc->count != 1)
			dc = q_mul(p, dc, q_count(p, svc));
		tasks = tasks->refs ? q_add(p, tasks, dc) : dc;
	}
	const struct qty *per_cluster = ci_count(p, r, "container_insights_metrics_per_cluster");
	const struct qty *per_service = ci_count(p, r, "container_insights_metrics_per_service");
	const struct qty *per_task = ci_count(p, r, "container_insights_metrics_per_task");
	const struct qty *gb_task = ci_count(p, r, "container_insights_log_gb_per_task");
	const struct qty *metrics =
		q_add(p, q_add(p, per_cluster, q_mul(p, per_service, q_int(p, services))),
		      q_mul(p, per_task, tasks));

	pq_set(&q, "AmazonCloudWatch", "Metric", "CW:MetricMonitorUsage");
	l = pricer_line(p, "Container Insights metrics", "metrics", metrics, &q);
	pricer_pool(l, POOL_METRICS);
	dec_format_trim(per_cluster->v, a, sizeof(a));
	dec_format_trim(per_service->v, b, sizeof(b));
	dec_format_trim(per_task->v, c, sizeof(c));
	dec_format_trim(tasks->v, n, sizeof(n));
	pricer_note(l,
		    "%s per cluster + %s per service x %ld + %s per task x %s tasks (custom "
		    "metrics, tiered; the counts are named assumptions, see the notes)",
		    a, b, services, c, n);

	pq_logs_ingestion(&q, "STANDARD");
	l = pricer_line(p, "Container Insights logs", "GB", q_mul(p, gb_task, tasks), &q);
	pricer_pool(l, POOL_LOGS);
	dec_format_trim(gb_task->v, d, sizeof(d));
	pricer_note(l,
		    "%s GB per task-month x %s tasks (container_insights_log_gb_per_task); kept 1 "
		    "day, storage negligible",
		    d, n);
}

static int cluster_plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	size_t i;
	json_t *e;
	char s[128];
	if (strcmp(a->name, "setting.containerInsights"))
		return 0;
	json_array_foreach(json_object_get(plan_map_values(m), "setting"), i, e) {
		const char *sn = json_string_value(json_object_get(e, "name"));
		const char *sv = json_string_value(json_object_get(e, "value"));
		if (sn && sv && !strcmp(sn, "containerInsights") && strcmp(sv, "disabled"))
			plan_map_warn(m,
				      "%s: Container Insights (%s) is not priced from a plan; see "
				      "`costplan upgrades` for its cost",
				      plan_map_address(m), cp_sanitize(sv, s, sizeof(s)));
	}
	return 1;
}

const struct type_spec aws_ecs_cluster_type = {
	.type = "aws_ecs_cluster",
	.title = "ECS cluster",
	.category = CAT_OBSERVABILITY,
	.attrs = CLUSTER_ATTRS,
	.usage = CLUSTER_USAGE,
	.plan_rank = 0,
	.plan_attr = cluster_plan_attr,
	.price = cluster_price,
};
