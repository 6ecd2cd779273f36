/*
 * rds_common.c - see rds_common.h.
 */
#include "cost/types/rds_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost/choices.h"
#include "util/strings.h"

const char *rds_engine_name(const char *engine)
{
	static const char *const MAP[][2] = {
		{"postgres", "PostgreSQL"},	     {"mysql", "MySQL"},
		{"mariadb", "MariaDB"},		     {"aurora-postgresql", "Aurora PostgreSQL"},
		{"aurora-mysql", "Aurora MySQL"}, {"aurora", "Aurora MySQL"},
	};
	for (size_t i = 0; engine && i < sizeof(MAP) / sizeof(MAP[0]); i++)
		if (strcmp(engine, MAP[i][0]) == 0)
			return MAP[i][1];
	return NULL;
}

static const char *usage_prefix(const struct rds_class_want *w)
{
	if (!w->deployment)
		return w->io_optimized ? "InstanceUsageIOOptimized:" : "InstanceUsage:";
	if (strcmp(w->deployment, "Multi-AZ") == 0)
		return "Multi-AZUsage:";
	if (strcmp(w->deployment, "Multi-AZ (readable standbys)") == 0)
		return "Multi-AZClusterUsage:";
	return "InstanceUsage:";
}

void rds_instance_query(struct price_query *q, char *buf, size_t size,
			const struct rds_class_want *w)
{
	snprintf(buf, size, "%s%s", usage_prefix(w), w->cls);
	pq_set(q, "AmazonRDS", "Database Instance", buf);
	pq_attr(q, "Instance Type", w->cls);
	pq_attr(q, "Database Engine", w->engine);
	if (w->deployment)
		pq_attr(q, "Deployment Option", w->deployment);
}

/* How an instance row is told apart within its engine: the deployment
 * for RDS engines; Standard or I/O-Optimized for Aurora. */
static const char *row_variant(const struct price_entry *e, const char *engine)
{
	if (strncmp(engine, "Aurora", 6) == 0)
		return strncmp(usage_type_strip(e->usage_type), "InstanceUsageIOOptimized:", 25) == 0
			       ? "I/O-Optimized"
			       : "Standard";
	const char *d = price_entry_attr(e, "Deployment Option");
	return d ? d : "";
}

static const char *want_variant(const struct rds_class_want *w)
{
	if (w->deployment)
		return w->deployment;
	return w->io_optimized ? "I/O-Optimized" : "Standard";
}

/* A sorted set of at most 16 strings (borrowed). */
struct strset {
	const char *v[16];
	size_t n;
};

static void set_add(struct strset *s, const char *x)
{
	size_t i = 0;
	while (i < s->n && strcmp(s->v[i], x) < 0)
		i++;
	if ((i < s->n && strcmp(s->v[i], x) == 0) || s->n == 16)
		return;
	memmove(&s->v[i + 1], &s->v[i], (s->n - i) * sizeof(s->v[0]));
	s->v[i] = x;
	s->n++;
}

/* "A", "A and B", "A, B and C" into buf. */
static const char *join_and(const struct strset *s, char *buf, size_t size)
{
	size_t o = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < s->n && o < size; i++)
		o += (size_t)snprintf(buf + o, size - o, "%s%s",
				      i == 0 ? "" : i + 1 == s->n ? " and " : ", ", s->v[i]);
	return buf;
}

/* Up to three classes of r's type near cls, as ", nearest: a, b, c" (or ""). */
static void nearest_classes(struct pricer_ctx *p, const struct resource *r, const char *cls,
			    char *buf, size_t size)
{
	struct choice_list l = {p->cat, p->region, "", NULL, 0, 0};
	buf[0] = '\0';
	if (!r->spec->choices)
		return;
	r->spec->choices(&l);
	choices_sort(&l);
	const char **keys = choices_keys(&l);
	size_t o = 0;
	for (int k = 0; k < 3; k++) {
		const char *near = nearest_word(cls, keys);
		if (!near)
			break;
		o += (size_t)snprintf(buf + o, size > o ? size - o : 0, "%s%s",
				      k ? ", " : "; nearest: ", near);
		/* drop it from the candidates */
		size_t j = 0;
		for (size_t i = 0; keys[i]; i++)
			if (keys[i] != near)
				keys[j++] = keys[i];
		keys[j] = NULL;
	}
	free(keys);
	choices_release(&l);
}

/* Where a class found only for other engines or deployments is priced
 * instead, for the type asking (or NULL). */
static const char *class_hint(const char *type, bool aurora, bool rds, bool standby_only)
{
	if (!strcmp(type, "aws_db_instance") && aurora && !rds)
		return "Aurora instances are aws_rds_cluster_instance resources";
	if (!strcmp(type, "aws_db_instance") && standby_only)
		return "a Multi-AZ DB cluster with readable standbys is an aws_rds_cluster "
		       "(db_cluster_instance_class)";
	if (!strcmp(type, "aws_rds_cluster_instance") && !aurora)
		return "RDS for PostgreSQL, MySQL and MariaDB instances are aws_db_instance resources";
	return NULL;
}

bool rds_class_offered(struct pricer_ctx *p, const struct resource *r, const char *attr,
		       const struct rds_class_want *w)
{
	struct price_query q;
	char usage[160], a[512], b[512], near[256], sbuf[128];
	struct offer_source *src;

	if (p->rc)
		return false;
	rds_instance_query(&q, usage, sizeof(usage), w);
	if (catalog_try(p->cat, p->region, &q))
		return true;
	int rc = catalog_offer(p->cat, p->region, "AmazonRDS", &src);
	if (rc) {
		pricer_fail(p, rc);
		return false;
	}
	struct strset engines = {.n = 0}, variants = {.n = 0};
	bool aurora = false, rds = false, standby_only = true;
	for (size_t i = 0; i < src->n; i++) {
		const struct price_entry *e = &src->entries[i];
		const char *it = price_entry_attr(e, "Instance Type");
		const char *eng = price_entry_attr(e, "Database Engine");
		if (strcmp(e->family, "Database Instance") != 0 || !it || !eng ||
		    strcmp(it, w->cls) != 0)
			continue;
		set_add(&engines, eng);
		if (strncmp(eng, "Aurora", 6) == 0)
			aurora = true;
		else
			rds = true;
		if (strncmp(usage_type_strip(e->usage_type), "Multi-AZClusterUsage:", 21) != 0)
			standby_only = false;
		if (strcmp(eng, w->engine) == 0)
			set_add(&variants, row_variant(e, eng));
	}
	cp_sanitize(w->cls, sbuf, sizeof(sbuf));
	if (!engines.n) {
		nearest_classes(p, r, w->cls, near, sizeof(near));
		pricer_unpriceable(p, r, attr,
			   "%s \"%s\" is not offered in %s%s (`costplan types %s --region %s` lists "
			   "the classes there)",
			   attr, sbuf, p->region, near, r->type, p->region);
		return false;
	}
	const char *h = class_hint(r->type, aurora, rds, standby_only);
	if (!variants.n)
		pricer_unpriceable(p, r, attr, "%s is offered in %s for %s, not %s%s%s", sbuf, p->region,
			   join_and(&engines, a, sizeof(a)), w->engine, h ? "; " : "", h ? h : "");
	else
		pricer_unpriceable(p, r, attr, "%s is offered in %s for %s as %s, not %s%s%s", sbuf,
			   p->region, w->engine, join_and(&variants, b, sizeof(b)), want_variant(w),
			   h ? "; " : "", h ? h : "");
	return false;
}

long rds_class_vcpus(const char *cls)
{
	const char *fam = strchr(cls, '.');
	const char *size = strrchr(cls, '.');
	if (!fam || !size || size == fam)
		return 0;
	size++;
	bool burst = fam[1] == 't';
	if (!strcmp(size, "micro") || !strcmp(size, "small"))
		return burst ? 2 : 0;
	if (!strcmp(size, "medium"))
		return burst ? 2 : 1;
	if (!strcmp(size, "large"))
		return 2;
	if (!strcmp(size, "xlarge"))
		return 4;
	char *end;
	long n = strtol(size, &end, 10);
	if (n > 0 && n <= 64 && !strcmp(end, "xlarge"))
		return 4 * n;
	return 0;
}

bool rds_pi_retention_valid(long days)
{
	return days == 7 || days == 731 || (days >= 31 && days <= 713 && days % 31 == 0);
}

const struct qty *rds_pi_months(struct pricer_ctx *p, const struct resource *r)
{
	const struct qty *days = q_attr(p, r, "performance_insights_retention_period");
	return qty_step(&p->b->arena, days, dec_from_int(731), q_int(p, 24),
			q_div(p, days, q_int(p, 31)), "months kept");
}

bool rds_performance_insights(struct pricer_ctx *p, const struct resource *r, const char *engine,
			      bool serverless, const struct qty *units, const char *units_note)
{
	struct price_query first, more;
	long days = res_int(r, "performance_insights_retention_period");
	const char *unit = serverless ? "ACU-months" : "vCPU-months";

	pq_set(&first, "AmazonRDS", "Performance Insights",
	       serverless ? "PI_LTR_FMR:Serverless" : "PI_LTR_FMR:Provisioned");
	pq_attr(&first, "Database Engine", engine);
	pq_set(&more, "AmazonRDS", "Performance Insights",
	       serverless ? "PI_LTR_AMR:Serverless" : "PI_LTR_AMR:Provisioned");
	pq_attr(&more, "Database Engine", engine);
	if (!catalog_try(p->cat, p->region, &first) || !catalog_try(p->cat, p->region, &more)) {
		pricer_not_priced(p,
				  "Performance Insights kept %ld days: the price snapshot has no "
				  "Performance Insights retention price for %s in %s (7 days are "
				  "free: set performance_insights_retention_period to 7)",
				  days, engine, p->region);
		return false;
	}
	struct cost_line *l = pricer_line(p, "Performance Insights, 1st month", unit, units, &first);
	if (l && units_note)
		pricer_note(l, "%s", units_note);
	if (days > 31) {
		const struct qty *extra = q_sub(p, rds_pi_months(p, r), q_int(p, 1));
		l = pricer_line(p, "Performance Insights, more months", unit,
				q_mul(p, units, extra), &more);
		if (l && units_note)
			pricer_note(l, "%s, x each month kept after the first", units_note);
	}
	return true;
}

void rds_enhanced_monitoring(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	if (res_int(r, "monitoring_interval") <= 0)
		return;
	pq_logs_ingestion(&q, "STANDARD");
	struct cost_line *l = pricer_line(p, "Enhanced Monitoring logs", "GB",
					  q_usage(p, r, "monthly_enhanced_monitoring_gb"), &q);
	pricer_pool(l, POOL_LOGS);
}

void rds_add_choices(struct choice_list *l, enum rds_choice_kind kind)
{
	struct offer_source *src;
	int rc = catalog_offer(l->cat, l->region, "AmazonRDS", &src);
	if (rc) {
		l->rc = l->rc ? l->rc : rc;
		return;
	}
	for (size_t i = 0; i < src->n; i++) {
		const struct price_entry *e = &src->entries[i];
		const char *eng = price_entry_attr(e, "Database Engine");
		const char *it = price_entry_attr(e, "Instance Type");
		const char *ut = usage_type_strip(e->usage_type);
		bool aurora = eng && strncmp(eng, "Aurora", 6) == 0;
		bool sv2 = strcmp(e->family, "ServerlessV2") == 0;
		const char *variant;
		if (!eng || (!sv2 && (strcmp(e->family, "Database Instance") != 0 || !it)))
			continue;
		if (kind == RDS_CHOICE_AURORA) {
			if (!aurora)
				continue;
			if (sv2)
				it = "db.serverless";
			variant = strstr(ut, "IOOptimized") ? "I/O-Optimized" : "Standard";
		} else {
			if (aurora || sv2)
				continue;
			bool cluster = strncmp(ut, "Multi-AZClusterUsage:", 21) == 0;
			if (cluster != (kind == RDS_CHOICE_CLUSTER))
				continue;
			variant = price_entry_attr(e, "Deployment Option");
		}
		char *what = xasprintf("%s  %s  %s", it, eng, variant ? variant : "-");
		bool dup = false;
		for (size_t k = 0; k < l->n && !dup; k++)
			dup = strcmp(l->v[k].what, what) == 0;
		if (dup) {
			free(what);
			continue;
		}
		l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
		l->v[l->n].what = what;
		l->v[l->n].key = xstrdup(it);
		l->v[l->n].e = e;
		l->n++;
	}
}
