/*
 * budget.c - the budget model: inputs, prices and quantity formulas for
 * `costplan export`. See budget.h.
 *
 * Each quantity is rebuilt by a small expression builder that writes the
 * spreadsheet formula, a basis people can read, and the exact decimal
 * value side by side from the same inputs; recipe() knows, per resource
 * type and line, which inputs make the quantity (the same rules as the
 * pricers in src/cost/, stated as formulas). The value is then compared
 * with the engine's quantity: a formula is used only when they agree to
 * 1e-9, so the workbook can never show a figure the engine did not.
 */
#include "report/budget.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"

/* ---- cell references ---------------------------------------------------- */

char *budget_col(int col, char *buf)
{
	if (col < 26) {
		buf[0] = (char)('A' + col);
		buf[1] = '\0';
	} else {
		buf[0] = (char)('A' + col / 26 - 1);
		buf[1] = (char)('A' + col % 26);
		buf[2] = '\0';
	}
	return buf;
}

char *budget_ref(int row, int col, bool absolute)
{
	char c[4];
	budget_col(col, c);
	return absolute ? xasprintf("$%s$%d", c, row + 1) : xasprintf("%s%d", c, row + 1);
}

int budget_input_row(int i)
{
	return TABLE_FIRST_ROW + i;
}

int budget_line_row(size_t i)
{
	return TABLE_FIRST_ROW + (int)i;
}

int budget_total_row(const struct budget *bg)
{
	return TABLE_FIRST_ROW + (int)bg->nlines + 1;
}

char *budget_input_ref(const struct budget *bg, int i)
{
	(void)bg;
	char *r = budget_ref(budget_input_row(i), ASM_COL_VALUE, true);
	char *s = xasprintf("%s!%s", SHEET_ASSUMPTIONS, r);
	free(r);
	return s;
}

/* ---- inputs ------------------------------------------------------------- */

static int input_find(const struct budget *bg, const char *res, const char *key)
{
	for (size_t i = 0; i < bg->nin; i++)
		if (strcmp(bg->in[i].resource, res) == 0 && strcmp(bg->in[i].key, key) == 0)
			return (int)i;
	return -1;
}

static int input_add(struct budget *bg, const char *res, const char *key, enum input_kind kind,
		     const char *unit, const char *note, bool *is_new)
{
	int i = input_find(bg, res, key);
	*is_new = i < 0;
	if (i >= 0)
		return i;
	bg->in = xrealloc(bg->in, (bg->nin + 1) * sizeof(*bg->in));
	struct budget_input *in = &bg->in[bg->nin];
	memset(in, 0, sizeof(*in));
	in->resource = xstrdup(res);
	in->key = xstrdup(key);
	in->kind = kind;
	in->unit = xstrdup(unit ? unit : "");
	in->note = xstrdup(note ? note : "");
	return (int)bg->nin++;
}

static const struct {
	const char *key, *unit, *note;
} USAGE_NOTES[] = {
	{"monthly_data_processed_gb", "GB/month", "GB a month processed by the gateway or endpoint"},
	{"new_connections", "per second", "new connections per second (hourly average)"},
	{"active_connections", "per minute", "active connections per minute (hourly average)"},
	{"processed_bytes_gb", "GB/hour", "GB processed per hour (hourly average)"},
	{"rule_evaluations", "per second", "rule evaluations per second (hourly average)"},
	{"monthly_data_ingested_gb", "GB/month", "GB of logs ingested a month"},
	{"storage_gb", "GB", "GB stored"},
	{"monthly_requests", "requests/month", "API requests a month"},
	{"monthly_outbound_internet_gb", "GB/month", "GB a month out to the internet"},
	{"monthly_intra_region_gb", "GB/month", "GB a month between AZs (billed on both sides)"},
	{"standard.storage_gb", "GB", "GB in S3 Standard"},
	{"standard.monthly_tier_1_requests", "requests/month", "PUT, COPY, POST and LIST requests a month"},
	{"standard.monthly_tier_2_requests", "requests/month", "GET and all other requests a month"},
	{"additional_backup_storage_gb", "GB", "backup GB beyond the free 100% of provisioned storage"},
	{"monthly_cpu_credit_hrs", "vCPU-hours", "vCPU-hours a month above the T3 baseline (surplus credits)"},
	{"monthly_enhanced_monitoring_gb", "GB/month", "GB of Enhanced Monitoring logs a month"},
	{"snapshot_storage_size_gb", "GB", "GB per snapshot"},
	{"monthly_data_scanned_gb", "GB/month", "GB scanned by Logs Insights queries a month"},
	{"monthly_api_interactions", "requests/month", "higher-throughput API interactions a month"},
};

static int in_usage(struct budget *bg, const struct resource *r, const char *key)
{
	const char *unit = "", *what = "usage figure";
	bool is_new;
	dec v;
	for (size_t k = 0; k < sizeof(USAGE_NOTES) / sizeof(USAGE_NOTES[0]); k++)
		if (strcmp(USAGE_NOTES[k].key, key) == 0) {
			unit = USAGE_NOTES[k].unit;
			what = USAGE_NOTES[k].note;
		}
	bool given = res_usage(r, key, &v);
	char *note = xasprintf("Usage: %s (usage key %s). %s", what, key,
			       given ? "From the scenario's usage figures."
				     : "Not set in the scenario: $0 until you set it.");
	int i = input_add(bg, r->address, key, IN_NUMBER, unit, note, &is_new);
	free(note);
	if (is_new)
		bg->in[i].value = v;
	return i;
}

/* A usage figure the pricer defaults when it is not given (an assumption). */
static int in_usage_def(struct budget *bg, const struct resource *r, const char *key, dec def,
			const char *unit, const char *what)
{
	bool is_new;
	dec v;
	bool given = res_usage(r, key, &v);
	char *note = xasprintf("Usage: %s (usage key %s). %s", what, key,
			       given ? "From the scenario's usage figures."
				     : "Not set in the scenario: costplan's default assumption.");
	int i = input_add(bg, r->address, key, IN_NUMBER, unit, note, &is_new);
	free(note);
	if (is_new)
		bg->in[i].value = given ? v : def;
	return i;
}

static int in_attr(struct budget *bg, const struct resource *r, const char *attr, const char *unit)
{
	bool is_new;
	const struct attr_spec *a = schema_attr(r->spec, attr);
	char *note = xasprintf("Attribute %s of %s%s%s.", attr, r->address,
			       a && a->doc && a->doc[0] ? ": " : "", a && a->doc ? a->doc : "");
	int i = input_add(bg, r->address, attr, IN_NUMBER, unit, note, &is_new);
	free(note);
	if (is_new)
		bg->in[i].value = res_dec(r, attr);
	return i;
}

static int in_len(struct budget *bg, const struct resource *r, const char *attr, const char *unit)
{
	bool is_new;
	const struct attr_spec *a = schema_attr(r->spec, attr);
	char *note = xasprintf("How many entries %s of %s lists: %s.", attr, r->address,
			       a && a->doc ? a->doc : "");
	int i = input_add(bg, r->address, attr, IN_NUMBER, unit, note, &is_new);
	free(note);
	if (is_new)
		bg->in[i].value = dec_from_int((long)res_len(r, attr));
	return i;
}

static int in_count(struct budget *bg, const struct resource *r)
{
	bool is_new;
	int i = input_add(bg, r->address, "count", IN_NUMBER, "copies",
			  "Terraform count: how many copies of this resource exist.", &is_new);
	if (is_new)
		bg->in[i].value = dec_from_int(r->count);
	return i;
}

static void in_label(struct budget *bg, const struct resource *r, const char *attr)
{
	bool is_new;
	const struct attr_spec *a = schema_attr(r->spec, attr);
	if (!a)
		return;
	char *note = xasprintf("Selects the price%s%s%s. To change it, edit the scenario and run "
			       "costplan export again.",
			       a->doc && a->doc[0] ? " (" : "", a->doc && a->doc[0] ? a->doc : "",
			       a->doc && a->doc[0] ? ")" : "");
	int i = input_add(bg, r->address, attr, IN_LABEL, "", note, &is_new);
	free(note);
	if (is_new)
		bg->in[i].text = xstrdup(a->kind == ATTR_BOOL ? (res_bool(r, attr) ? "true" : "false")
							     : res_str(r, attr));
}

/* ---- expressions: formula, basis and exact value together --------------- */

struct x {
	char *f; /* formula text */
	char *t; /* basis text */
	dec v;
	int prec; /* 3 atom or function, 2 product, 1 sum or negation */
	int refs; /* inputs or cells referenced */
	bool ok;
};

static struct x x_num(dec v)
{
	char buf[DEC_BUFSZ];
	dec_format_trim(v, buf, sizeof(buf));
	return (struct x){xstrdup(buf), xstrdup(buf), v, dec_cmp(v, dec_zero()) < 0 ? 1 : 3, 0, true};
}

static struct x x_int(long i)
{
	return x_num(dec_from_int(i));
}

static struct x x_in(const struct budget *bg, int i)
{
	char buf[DEC_BUFSZ];
	const struct budget_input *in = &bg->in[i];
	dec_format_trim(in->value, buf, sizeof(buf));
	return (struct x){budget_input_ref(bg, i), xasprintf("%s %s", in->key, buf), in->value, 3, 1,
			  true};
}

static char *wrap(const struct x *a, int need)
{
	return a->prec < need ? xasprintf("(%s)", a->f) : xstrdup(a->f);
}

static void x_free(struct x *a)
{
	free(a->f);
	free(a->t);
	a->f = a->t = NULL;
}

static struct x x_bin(struct x a, struct x b, char op)
{
	struct x r;
	int na = op == '+' || op == '-' ? 1 : 2;
	int nb = op == '+' ? 1 : op == '-' ? 2 : op == '*' ? 2 : 3;
	char *fa = wrap(&a, na), *fb = wrap(&b, nb);
	const char *top = op == '*' ? " x " : op == '/' ? " / " : op == '+' ? " + " : " - ";
	r.f = xasprintf("%s%c%s", fa, op, fb);
	r.t = xasprintf("%s%s%s", a.prec < na ? "(" : "", a.t, a.prec < na ? ")" : "");
	{
		char *t2 = xasprintf("%s%s%s%s%s", r.t, top, b.prec < nb ? "(" : "", b.t,
				     b.prec < nb ? ")" : "");
		free(r.t);
		r.t = t2;
	}
	free(fa);
	free(fb);
	r.prec = na == 1 ? 1 : 2;
	r.refs = a.refs + b.refs;
	r.ok = a.ok && b.ok;
	r.v = dec_zero();
	if (r.ok) {
		switch (op) {
		case '*':
			r.ok = dec_mul(a.v, b.v, &r.v) == 0;
			break;
		case '/':
			r.ok = dec_div(a.v, b.v, &r.v) == 0;
			break;
		case '+':
			r.v = dec_add(a.v, b.v);
			break;
		default:
			r.v = dec_sub(a.v, b.v);
		}
	}
	x_free(&a);
	x_free(&b);
	return r;
}

static struct x x_mul(struct x a, struct x b) { return x_bin(a, b, '*'); }
static struct x x_div(struct x a, struct x b) { return x_bin(a, b, '/'); }
static struct x x_sub(struct x a, struct x b) { return x_bin(a, b, '-'); }
static struct x x_add(struct x a, struct x b) { return x_bin(a, b, '+'); }

/* MAX or MIN of two */
static struct x x_ext(const char *fn, struct x a, struct x b)
{
	struct x r;
	r.f = xasprintf("%s(%s,%s)", fn, a.f, b.f);
	r.t = xasprintf("%s(%s, %s)", strcmp(fn, "MAX") == 0 ? "max" : "min", a.t, b.t);
	r.prec = 3;
	r.refs = a.refs + b.refs;
	r.ok = a.ok && b.ok;
	int c = dec_cmp(a.v, b.v);
	r.v = strcmp(fn, "MAX") == 0 ? (c >= 0 ? a.v : b.v) : (c <= 0 ? a.v : b.v);
	x_free(&a);
	x_free(&b);
	return r;
}

static struct x x_fail(void)
{
	return (struct x){xstrdup(""), xstrdup(""), dec_zero(), 3, 0, false};
}

/* ---- recipes: which inputs make each line's quantity --------------------- */

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static struct x hours(struct budget *bg)
{
	return x_in(bg, bg->in_hours);
}

static struct x usage(struct budget *bg, const struct resource *r, const char *key)
{
	return x_in(bg, in_usage(bg, r, key));
}

static struct x attr(struct budget *bg, const struct resource *r, const char *a, const char *unit)
{
	return x_in(bg, in_attr(bg, r, a, unit));
}

static void fargate_note(struct budget *bg, int i, const char *extra)
{
	struct budget_input *in = &bg->in[i];
	if (strstr(in->note, extra))
		return;
	char *n = xasprintf("%s%s", in->note, extra);
	free(in->note);
	in->note = n;
}

/* The quantity of one copy of the resource (the engine multiplies by count). */
static struct x recipe(struct budget *bg, const struct resource *r, const struct cost_line *l)
{
	const char *t = r->type, *n = l->name;

	if (strcmp(t, "aws_ecs_service") == 0) {
		const struct resource *td = res_ref(bg->s, r, "task_definition");
		if (!td)
			return x_fail();
		dec sim;
		/* task-hours simulated by costplan simulate replace tasks x hours */
		struct x th = res_usage(r, "monthly_task_hours", &sim)
				      ? x_in(bg, in_usage_def(bg, r, "monthly_task_hours", sim,
							      "task-hours",
							      "task-hours the month ran (simulated)"))
				      : x_mul(attr(bg, r, "desired_count", "tasks"), hours(bg));
		/* Fargate takes only some cpu/memory pairs: say so beside the inputs */
		static const char FARGATE_PAIRS[] =
			" Fargate accepts only some cpu/memory pairs (256 CPU units: 512-2048 "
			"MiB; 512: 1024-4096; 1024: 2048-8192; 2048: 4096-16384; 4096: "
			"8192-30720): a spreadsheet cannot check that, costplan does.";
		fargate_note(bg, in_attr(bg, td, "cpu", "CPU units (1024 = 1 vCPU)"), FARGATE_PAIRS);
		fargate_note(bg, in_attr(bg, td, "memory", "MiB"), FARGATE_PAIRS);
		/* "Fargate vCPU (x86)", "Fargate Spot vCPU (ARM64, ...)" */
		if (starts(n, "Fargate") && strstr(n, " vCPU ("))
			return x_div(x_mul(th, attr(bg, td, "cpu", "CPU units (1024 = 1 vCPU)")),
				     x_int(1024));
		if (starts(n, "Fargate") && strstr(n, " memory ("))
			return x_div(x_mul(th, attr(bg, td, "memory", "MiB")), x_int(1024));
		if (starts(n, "Ephemeral storage"))
			return x_mul(th, x_ext("MAX",
					       x_sub(attr(bg, td, "ephemeral_storage.size_in_gib",
							  "GiB"),
						     x_int(20)),
					       x_int(0)));
		if (starts(n, "Public IPv4"))
			return th;
		x_free(&th);
		return x_fail();
	}
	if (strcmp(t, "aws_ecs_cluster") == 0 && starts(n, "Container Insights")) {
		/* tasks and services of this cluster, as the pricer counts them */
		long clusters = 0, services = 0;
		struct x tasks = x_int(0);
		for (size_t i = 0; i < bg->s->n; i++)
			clusters += strcmp(bg->s->res[i].type, "aws_ecs_cluster") == 0;
		for (size_t i = 0; i < bg->s->n; i++) {
			const struct resource *svc = &bg->s->res[i];
			if (strcmp(svc->type, "aws_ecs_service") != 0)
				continue;
			const char *cl = res_str(svc, "cluster");
			if (cl[0] ? strcmp(cl, r->name) != 0 : clusters != 1)
				continue;
			services += svc->count;
			struct x dc = attr(bg, svc, "desired_count", "tasks");
			if (svc->count != 1)
				dc = x_mul(dc, x_in(bg, in_count(bg, svc)));
			tasks = tasks.refs ? x_add(tasks, dc) : (x_free(&tasks), dc);
		}
		if (strcmp(n, "Container Insights metrics") == 0) {
			struct x m = x_in(bg, in_usage_def(bg, r, "container_insights_metrics_per_cluster",
							   dec_from_int(14), "metrics",
							   "custom metrics per cluster"));
			m = x_add(m, x_mul(x_in(bg, in_usage_def(bg, r,
								 "container_insights_metrics_per_service",
								 dec_from_int(25), "metrics",
								 "custom metrics per service")),
					   x_int(services)));
			return x_add(m, x_mul(x_in(bg, in_usage_def(bg, r,
								    "container_insights_metrics_per_task",
								    dec_from_int(0), "metrics",
								    "custom metrics per task")),
					      tasks));
		}
		if (strcmp(n, "Container Insights logs") == 0)
			return x_mul(x_in(bg, in_usage_def(bg, r, "container_insights_log_gb_per_task",
							   dec_from_scaled(100, 3), "GB/task-month",
							   "performance-log GB per task a month")),
				     tasks);
		x_free(&tasks);
		return x_fail();
	}
	if (strcmp(t, "aws_appautoscaling_policy") == 0 && starts(n, "CloudWatch alarms"))
		return x_int(2);
	if (strcmp(t, "aws_lb") == 0) {
		if (starts(n, "Application load balancer"))
			return hours(bg);
		if (starts(n, "Load balancer capacity units")) {
			/* the hourly maximum of the four dimensions */
			struct x d[4] = {
				x_div(usage(bg, r, "new_connections"), x_int(25)),
				x_div(usage(bg, r, "active_connections"), x_int(3000)),
				usage(bg, r, "processed_bytes_gb"),
				x_div(usage(bg, r, "rule_evaluations"), x_int(1000)),
			};
			struct x m = {xasprintf("MAX(%s,%s,%s,%s)", d[0].f, d[1].f, d[2].f, d[3].f),
				      xasprintf("max(%s, %s, %s, %s)", d[0].t, d[1].t, d[2].t, d[3].t),
				      d[0].v, 3, 0, true};
			for (int k = 0; k < 4; k++) {
				m.v = dec_max(m.v, d[k].v);
				m.refs += d[k].refs;
				m.ok = m.ok && d[k].ok;
				x_free(&d[k]);
			}
			return x_mul(m, hours(bg));
		}
		if (starts(n, "Public IPv4"))
			return x_mul(x_in(bg, in_len(bg, r, "subnets", "subnets")), hours(bg));
		return x_fail();
	}
	if (strcmp(t, "aws_nat_gateway") == 0) {
		if (strcmp(n, "NAT gateway") == 0)
			return hours(bg);
		if (strcmp(n, "Data processed") == 0)
			return usage(bg, r, "monthly_data_processed_gb");
		return x_fail();
	}
	if (strcmp(t, "aws_eip") == 0 && starts(n, "Public IPv4"))
		return hours(bg);
	if (strcmp(t, "aws_vpc_endpoint") == 0) {
		if (starts(n, "Interface endpoint"))
			return x_mul(x_in(bg, in_len(bg, r, "subnet_ids", "AZs")), hours(bg));
		if (strcmp(n, "Data processed") == 0)
			return usage(bg, r, "monthly_data_processed_gb");
		return x_fail();
	}
	if (strcmp(t, "aws_data_transfer") == 0) {
		if (starts(n, "Out to the internet"))
			return usage(bg, r, "monthly_outbound_internet_gb");
		if (starts(n, "Inter-AZ"))
			return x_mul(usage(bg, r, "monthly_intra_region_gb"), x_int(2));
		return x_fail();
	}
	if (strcmp(t, "aws_db_instance") == 0) {
		if (starts(n, "Storage ("))
			return attr(bg, r, "allocated_storage", "GB");
		if (starts(n, "gp3 IOPS above")) {
			/* baseline 3,000 IOPS, 12,000 from 400 GB */
			struct x st = attr(bg, r, "allocated_storage", "GB");
			struct x io = attr(bg, r, "iops", "IOPS");
			bool big = dec_cmp(st.v, dec_from_int(400)) >= 0;
			struct x base;
			base.f = xasprintf("IF(%s>=400,12000,3000)", st.f);
			base.t = xasprintf("baseline %s", big ? "12000" : "3000");
			base.v = dec_from_int(big ? 12000 : 3000);
			base.prec = 3;
			base.refs = 1;
			base.ok = st.ok;
			x_free(&st);
			return x_ext("MAX", x_sub(io, base), x_int(0));
		}
		if (starts(n, "Backups beyond"))
			return usage(bg, r, "additional_backup_storage_gb");
		if (starts(n, "CPU credits"))
			return usage(bg, r, "monthly_cpu_credit_hrs");
		if (starts(n, "Enhanced Monitoring"))
			return usage(bg, r, "monthly_enhanced_monitoring_gb");
		if (strcmp(l->unit, "hours") == 0)
			return hours(bg);
		return x_fail();
	}
	if (strcmp(t, "aws_elasticache_replication_group") == 0) {
		if (strcmp(l->unit, "node-hours") == 0) {
			struct x nodes;
			if (res_int(r, "num_node_groups") > 0)
				nodes = x_mul(attr(bg, r, "num_node_groups", "shards"),
					      x_add(attr(bg, r, "replicas_per_node_group", "replicas"),
						    x_int(1)));
			else
				nodes = attr(bg, r, "num_cache_clusters", "nodes");
			return x_mul(nodes, hours(bg));
		}
		if (starts(n, "Snapshots beyond"))
			return x_mul(usage(bg, r, "snapshot_storage_size_gb"),
				     x_sub(attr(bg, r, "snapshot_retention_limit", "snapshots kept"),
					   x_int(1)));
		return x_fail();
	}
	if (strcmp(t, "aws_s3_bucket") == 0) {
		if (starts(n, "Standard storage"))
			return usage(bg, r, "standard.storage_gb");
		if (starts(n, "PUT/COPY"))
			return usage(bg, r, "standard.monthly_tier_1_requests");
		if (starts(n, "GET and other"))
			return usage(bg, r, "standard.monthly_tier_2_requests");
		return x_fail();
	}
	if (strcmp(t, "aws_ecr_repository") == 0 && starts(n, "Image storage"))
		return usage(bg, r, "storage_gb");
	if (strcmp(t, "aws_cloudwatch_log_group") == 0) {
		dec d;
		if (strcmp(n, "Log ingestion") == 0)
			return usage(bg, r, "monthly_data_ingested_gb");
		if (strcmp(n, "Logs Insights queries") == 0)
			return usage(bg, r, "monthly_data_scanned_gb");
		if (strcmp(n, "Log storage") == 0) {
			if (res_usage(r, "storage_gb", &d))
				return usage(bg, r, "storage_gb");
			struct x in = usage(bg, r, "monthly_data_ingested_gb");
			if (res_int(r, "retention_in_days") == 0)
				return x_mul(in, x_int(12));
			return x_div(x_mul(x_mul(in, attr(bg, r, "retention_in_days", "days")),
					   x_int(24)),
				     hours(bg));
		}
		return x_fail();
	}
	if ((strcmp(t, "aws_cloudwatch_dashboard") == 0 && strcmp(n, "Dashboard") == 0) ||
	    (strcmp(t, "aws_cloudwatch_metric_alarm") == 0 && strstr(n, "alarm")))
		return x_int(1);
	if (strcmp(t, "aws_secretsmanager_secret") == 0) {
		if (strcmp(n, "Secret") == 0)
			return x_int(1);
		if (strcmp(n, "API requests") == 0)
			return usage(bg, r, "monthly_requests");
		return x_fail();
	}
	if (strcmp(t, "aws_wafv2_web_acl") == 0) {
		if (strcmp(n, "Web ACL") == 0)
			return x_int(1);
		if (strcmp(n, "Rules") == 0)
			return x_in(bg, in_len(bg, r, "rule", "rules"));
		if (starts(n, "Requests inspected"))
			return usage(bg, r, "monthly_requests");
		return x_fail();
	}
	if (strcmp(t, "aws_ssm_parameter") == 0) {
		if (starts(n, "Advanced parameter"))
			return hours(bg);
		if (starts(n, "Higher-throughput"))
			return usage(bg, r, "monthly_api_interactions");
		return x_fail();
	}
	return x_fail();
}

/* Attributes that select a price rather than scale a quantity. */
static void labels(struct budget *bg, const struct resource *r)
{
	const char *t = r->type;
	if (strcmp(t, "aws_ecs_service") == 0) {
		const struct resource *td = res_ref(bg->s, r, "task_definition");
		if (td)
			in_label(bg, td, "runtime_platform.cpu_architecture");
	} else if (strcmp(t, "aws_db_instance") == 0) {
		in_label(bg, r, "instance_class");
		in_label(bg, r, "multi_az");
		in_label(bg, r, "storage_type");
	} else if (strcmp(t, "aws_elasticache_replication_group") == 0) {
		in_label(bg, r, "node_type");
		in_label(bg, r, "engine");
	} else if (strcmp(t, "aws_cloudwatch_log_group") == 0) {
		in_label(bg, r, "log_group_class");
	} else if (strcmp(t, "aws_ssm_parameter") == 0) {
		in_label(bg, r, "tier");
	}
}

/* ---- free-tier allowances ------------------------------------------------ */

enum pool { POOL_NONE, POOL_LOGS, POOL_DASHBOARDS, POOL_ALARMS, POOL_DATA_OUT, POOL_METRICS };

static enum pool allowance_pool(const char *name)
{
	if (starts(name, "CloudWatch Logs: first"))
		return POOL_LOGS;
	if (starts(name, "CloudWatch: first") && strstr(name, "dashboard"))
		return POOL_DASHBOARDS;
	if (starts(name, "CloudWatch: first") && strstr(name, "alarm"))
		return POOL_ALARMS;
	if (starts(name, "Data transfer out: first"))
		return POOL_DATA_OUT;
	if (starts(name, "CloudWatch: first") && strstr(name, "custom metric"))
		return POOL_METRICS;
	return POOL_NONE;
}

/* Does line l (of an item of type t) count toward the pool? */
static bool in_pool(enum pool p, const char *t, const struct cost_line *l)
{
	switch (p) {
	case POOL_LOGS:
		return (strcmp(t, "aws_cloudwatch_log_group") == 0 &&
			strcmp(l->name, "Log ingestion") == 0) ||
		       strcmp(l->name, "Enhanced Monitoring logs") == 0 ||
		       (strcmp(t, "aws_ecs_cluster") == 0 &&
			strcmp(l->name, "Container Insights logs") == 0);
	case POOL_DASHBOARDS:
		return strcmp(t, "aws_cloudwatch_dashboard") == 0 && strcmp(l->name, "Dashboard") == 0;
	case POOL_ALARMS:
		return strcmp(l->name, "Standard alarm") == 0 ||
		       strcmp(l->name, "CloudWatch alarms the policy creates") == 0;
	case POOL_DATA_OUT:
		return strcmp(t, "aws_data_transfer") == 0 && starts(l->name, "Out to the internet");
	case POOL_METRICS:
		return strcmp(t, "aws_ecs_cluster") == 0 &&
		       strcmp(l->name, "Container Insights metrics") == 0;
	default:
		return false;
	}
}

static const char *POOL_KEYS[] = {NULL, "free_logs_gb", "free_dashboards", "free_alarms",
				  "free_data_out_gb", "free_custom_metrics"};
static const char *POOL_UNITS[] = {NULL, "GB/month", "dashboards", "alarms", "GB/month",
				   "metrics"};

/* quantity = -IF(free tier on, MIN(sum of the pool's quantities, cap), 0) */
static void allowance(struct budget *bg, size_t li, bool on)
{
	struct budget_line *bl = &bg->lines[li];
	const struct cost_line *l = bl->line;
	enum pool p = allowance_pool(l->name);
	const char *first = strstr(l->name, "first ");
	bool is_new;
	if (p == POOL_NONE || !first)
		return;
	long cap = strtol(first + 6, NULL, 10);
	char *note = xasprintf("AWS always-free allowance: %s a month (FACTS.md 4). Applies when "
			       "the free-tier switch is on.",
			       l->name);
	int ci = input_add(bg, "", POOL_KEYS[p], IN_FACT, POOL_UNITS[p], note, &is_new);
	free(note);
	bg->in[ci].value = dec_from_int(cap);

	dec sum = dec_zero();
	char *refs = xstrdup("");
	for (size_t j = 0; j < bg->nlines; j++) {
		const struct budget_line *c = &bg->lines[j];
		if (!in_pool(p, c->item->type, c->line))
			continue;
		bl->pool = xrealloc(bl->pool, (bl->npool + 1) * sizeof(size_t));
		bl->pool[bl->npool++] = j;
		sum = dec_add(sum, c->line->quantity);
		char *r = budget_ref(budget_line_row(j), LINE_COL_QTY, true);
		char *n = xasprintf("%s%s%s", refs, refs[0] ? "," : "", r);
		free(r);
		free(refs);
		refs = n;
	}
	dec want = dec_neg(dec_min(sum, dec_from_int(cap)));
	if (!on)
		want = dec_zero();
	dec got = on ? l->quantity : dec_zero();
	if (bl->npool == 0 || dec_cmp(want, got) != 0 || strlen(refs) > 4000) {
		free(refs);
		return; /* not explained: stays a fixed number */
	}
	char *ft = budget_input_ref(bg, bg->in_free_tier), *capr = budget_input_ref(bg, ci);
	bl->qty_formula = xasprintf("-IF(%s,MIN(SUM(%s),%s),0)", ft, refs, capr);
	free(bl->basis);
	bl->basis = xasprintf("minus min(%zu line%s' quantity, %ld) while the free tier is on",
			      bl->npool, bl->npool == 1 ? "" : "s", cap);
	bl->cap_input = ci;
	free(ft);
	free(capr);
	free(refs);
}

/* ---- building ------------------------------------------------------------ */

static int price_index(struct budget *bg, const struct price_entry *e)
{
	if (!e)
		return -1;
	for (size_t i = 0; i < bg->nprices; i++)
		if (bg->prices[i].e == e)
			return (int)i;
	size_t row = TABLE_FIRST_ROW;
	if (bg->nprices) {
		const struct budget_price *last = &bg->prices[bg->nprices - 1];
		row = last->row + (last->e->ntiers ? last->e->ntiers : 1);
	}
	bg->prices = xrealloc(bg->prices, (bg->nprices + 1) * sizeof(*bg->prices));
	bg->prices[bg->nprices].e = e;
	bg->prices[bg->nprices].row = row;
	return (int)bg->nprices++;
}

static void add_item_lines(struct budget *bg, const struct cost_item *it, bool template_off)
{
	size_t first = bg->nlines;
	for (size_t j = 0; j < it->n; j++) {
		const struct cost_line *l = &it->lines[j];
		bg->lines = xrealloc(bg->lines, (bg->nlines + 1) * sizeof(*bg->lines));
		struct budget_line *bl = &bg->lines[bg->nlines++];
		memset(bl, 0, sizeof(*bl));
		bl->item = it;
		bl->line = l;
		bl->item_first = first;
		bl->first_of_item = j == 0;
		bl->last_of_item = j + 1 == it->n;
		bl->cap_input = -1;
		bl->cached_zero = template_off;
		bl->price = price_index(bg, l->price);
		bl->category = it->category;
		if (l->free_tier) {
			bl->kind = LK_ALLOWANCE;
			bl->category = allowance_pool(l->name) == POOL_DATA_OUT ? CAT_NETWORK
										: CAT_OBSERVABILITY;
		} else if (!l->price && !l->usage_based) {
			bl->kind = LK_FREE;
		} else {
			bl->kind = l->usage_based ? LK_USAGE : LK_FIXED;
		}
	}
}

/*
 * A unit price the pricer scaled (Fargate Spot's spot_discount, a Compute
 * Savings Plan's discount_rate): Prices x (1 - the discount input), when
 * that gives the engine's unit price exactly.
 */
static void adjusted_price(struct budget *bg, struct budget_line *bl, const struct resource *r)
{
	const struct cost_line *l = bl->line;
	const struct resource *src = NULL;
	const char *attr_name = NULL;
	dec base = price_entry_unit_price(l->price), rate, want;
	bl->adjusted = true;
	if (strcmp(bl->item->type, "aws_ecs_service") == 0 && r &&
	    strcmp(res_str(r, "capacity_provider"), "FARGATE_SPOT") == 0) {
		src = r;
		attr_name = "spot_discount";
	} else if (strcmp(bl->item->type, "aws_ecs_service") == 0) {
		for (size_t i = 0; i < bg->s->n; i++)
			if (strcmp(bg->s->res[i].type, "costplan_savings_plan") == 0)
				src = &bg->s->res[i];
		attr_name = "discount_rate";
	}
	if (!src || bl->price < 0 || bg->prices[bl->price].e->ntiers > 1)
		return;
	rate = res_dec(src, attr_name);
	if (dec_mul(base, dec_sub(dec_from_int(1), rate), &want) != 0 ||
	    dec_cmp(want, l->unit_price) != 0)
		return;
	char *p = budget_ref((int)bg->prices[bl->price].row, PRICE_COL_PRICE, true);
	char *in = budget_input_ref(bg, in_attr(bg, src, attr_name, "fraction off on-demand"));
	bl->price_formula = xasprintf("%s!%s*(1-%s)", SHEET_PRICES, p, in);
	free(p);
	free(in);
}

static void explain(struct budget *bg, size_t li)
{
	struct budget_line *bl = &bg->lines[li];
	const struct cost_line *l = bl->line;
	const struct resource *r = scenario_find_address(bg->s, bl->item->address);
	char buf[DEC_BUFSZ];

	if (bl->kind == LK_FREE) {
		bl->basis = xstrdup("free");
		return;
	}
	if (bl->kind == LK_ALLOWANCE) {
		bl->basis = xstrdup("fixed by costplan (no formula)");
		allowance(bg, li, !bl->cached_zero);
		if (!bl->qty_formula)
			bg->no_formula++;
		return;
	}
	if (l->price && dec_cmp(l->unit_price, price_entry_unit_price(l->price)) != 0)
		adjusted_price(bg, bl, r);
	if (!r) {
		bl->basis = xstrdup("fixed by costplan (no formula)");
		bg->no_formula++;
		return;
	}
	struct x q = recipe(bg, r, l);
	if (q.ok && r->count != 1)
		q = x_mul(q, x_in(bg, in_count(bg, r)));
	dec diff = dec_sub(q.v, l->quantity);
	if (dec_cmp(diff, dec_zero()) < 0)
		diff = dec_neg(diff);
	if (!q.ok || dec_cmp(diff, dec_from_scaled(1, 9)) > 0) {
		bl->basis = xasprintf("fixed by costplan (no formula): %s",
				      dec_format_trim(l->quantity, buf, sizeof(buf)));
		bg->no_formula++;
	} else if (q.refs == 0) {
		bl->basis = xasprintf("%s per resource", q.t);
	} else {
		bl->qty_formula = xstrdup(q.f);
		bl->basis = xstrdup(q.t);
	}
	x_free(&q);
}

void budget_build(struct budget *bg, const struct breakdown *b, const struct breakdown *ft,
		  const struct scenario *s, dec growth)
{
	bool is_new;
	memset(bg, 0, sizeof(*bg));
	bg->b = b;
	bg->s = s;
	bg->total = b->total;
	bg->guide_claim = dec_from_int(100);
	breakdown_by_category(b, bg->by_category);

	bg->in_hours = input_add(bg, "", "hours_per_month", IN_NUMBER, "hours",
				 "Hours in a billing month: AWS prices a month as 730 hours "
				 "(8,760 / 12). Every always-on line scales with it.",
				 &is_new);
	bg->in[bg->in_hours].value = dec_from_int(HOURS_PER_MONTH);
	bg->in_growth = input_add(bg, "", "monthly_growth", IN_PERCENT, "per month",
				  "Growth of every usage figure per month, used by the Projection "
				  "sheet (fixed costs stay fixed). Set with costplan export --growth.",
				  &is_new);
	bg->in[bg->in_growth].value = growth;
	bg->in_free_tier = input_add(bg, "", "free_tier", IN_BOOL, "TRUE/FALSE",
				     "Apply the AWS always-free allowances (TRUE) or not (FALSE, an "
				     "account whose allowance is spent elsewhere).",
				     &is_new);
	bg->in[bg->in_free_tier].on = b->free_tier;

	const struct cost_item *tmpl = NULL;
	for (size_t i = 0; i < b->n; i++) {
		const struct cost_item *it = &b->items[i];
		if (it->n == 0)
			continue;
		add_item_lines(bg, it, false);
	}
	/* no allowance block: borrow the free-tier pricing's, switched off */
	if (!breakdown_item(b, "free_tier") && ft && ft != b) {
		tmpl = breakdown_item(ft, "free_tier");
		if (tmpl)
			add_item_lines(bg, tmpl, true);
	}
	/* inputs in the order the lines need them, grouped by resource */
	for (size_t i = 0; i < bg->nlines; i++) {
		struct budget_line *bl = &bg->lines[i];
		if (bl->first_of_item) {
			const struct resource *r = scenario_find_address(s, bl->item->address);
			if (r)
				labels(bg, r);
		}
		explain(bg, i);
	}
}

void budget_release(struct budget *bg)
{
	for (size_t i = 0; i < bg->nin; i++) {
		free(bg->in[i].resource);
		free(bg->in[i].key);
		free(bg->in[i].text);
		free(bg->in[i].unit);
		free(bg->in[i].note);
	}
	free(bg->in);
	for (size_t i = 0; i < bg->nlines; i++) {
		free(bg->lines[i].qty_formula);
		free(bg->lines[i].price_formula);
		free(bg->lines[i].basis);
		free(bg->lines[i].pool);
	}
	free(bg->lines);
	free(bg->prices);
	memset(bg, 0, sizeof(*bg));
}

/* ---- cost formulas -------------------------------------------------------- */

static bool is_ref(const char *q)
{
	for (const char *p = q; *p; p++)
		if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789$!' ", *p))
			return false;
	return true;
}

static char *prices_cell(size_t row, int col)
{
	char *r = budget_ref((int)row, col, true);
	char *s = xasprintf("%s!%s", SHEET_PRICES, r);
	free(r);
	return s;
}

char *budget_cost_formula(const struct budget *bg, size_t i, const char *qty)
{
	const struct budget_line *bl = &bg->lines[i];
	if (bl->price < 0)
		return NULL;
	const struct budget_price *bp = &bg->prices[bl->price];
	const struct price_entry *e = bp->e;
	char *q = is_ref(qty) ? xstrdup(qty) : xasprintf("(%s)", qty);
	char *out;
	if (e->ntiers <= 1) {
		char *r = budget_ref(budget_line_row(i), LINE_COL_PRICE, true);
		out = xasprintf("ROUND(ROUND(%s*'%s'!%s,9),2)", q, SHEET_LINES, r);
		free(r);
		free(q);
		return out;
	}
	/* tier by tier: each unit priced by the tier it falls in */
	bool neg = bl->kind == LK_ALLOWANCE;
	char *qq = neg ? xasprintf("(-%s)", q) : xstrdup(q);
	char *sum = xstrdup("");
	for (size_t k = 0; k < e->ntiers; k++) {
		char *from = prices_cell(bp->row + k, PRICE_COL_FROM);
		char *to = prices_cell(bp->row + k, PRICE_COL_TO);
		char *pr = prices_cell(bp->row + k, PRICE_COL_PRICE);
		char *term = e->tiers[k].end_inf
				     ? xasprintf("MAX(%s-%s,0)*%s", qq, from, pr)
				     : xasprintf("MIN(MAX(%s-%s,0),%s-%s)*%s", qq, from, to, from, pr);
		char *n = xasprintf("%s%s%s", sum, k ? "+" : "", term);
		free(sum);
		sum = n;
		free(term);
		free(from);
		free(to);
		free(pr);
	}
	out = neg ? xasprintf("ROUND(ROUND(-(%s),9),2)", sum) : xasprintf("ROUND(ROUND(%s,9),2)", sum);
	free(sum);
	free(qq);
	free(q);
	return out;
}

int budget_line_cost(const struct budget *bg, size_t i, dec qty, dec *cents)
{
	const struct budget_line *bl = &bg->lines[i];
	dec c = dec_zero();
	if (bl->price < 0) {
		/* no price: $0 */
	} else if (bg->prices[bl->price].e->ntiers <= 1) {
		/* the line's own unit price (adjusted ones included) */
		if (dec_mul(qty, bl->line->unit_price, &c) != 0)
			return -1;
	} else if (price_entry_cost(bg->prices[bl->price].e, qty, &c) != 0) {
		return -1;
	}
	*cents = dec_round_cents(c);
	return 0;
}
