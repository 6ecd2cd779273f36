/*
 * pricer.h - what a per-type pricer sees (internal to src/cost/).
 *
 * A pricer adds the cost lines of one resource through pricer_line() and
 * friends, which look the price up, multiply by the resource's count,
 * apply tiers and round. Pricers never compute money themselves.
 */
#ifndef COSTPLAN_PRICER_H
#define COSTPLAN_PRICER_H

#include "cost/breakdown.h"
#include "model/scenario.h"
#include "pricing/catalog.h"

struct pricer_ctx {
	const struct scenario *s;
	struct catalog *cat;
	const char *region;
	struct breakdown *b;
	struct cost_item *item;
	const struct resource *r;
	int rc; /* first error's exit code; lines stop being added after it */

	/* usage that free tiers apply to, summed over all resources */
	dec logs_ingested_gb;
	dec dashboards;
	dec standard_alarms;
	dec data_out_gb;
	dec custom_metrics;
	const struct price_entry *metric_price;
	const struct price_entry *logs_price;
	const struct price_entry *dashboard_price;
	const struct price_entry *alarm_price;
	const struct price_entry *data_out_price;
};

typedef void (*pricer_fn)(struct pricer_ctx *p, const struct resource *r);

/* The pricer for a type, or NULL for free types. */
pricer_fn pricer_for(const char *type);

/*
 * Add a line: qty (per copy of the resource; multiplied by its count) of
 * the price q finds. usage_based marks quantities that come from usage
 * figures; has_usage says whether one was given. Returns the line, or NULL
 * after an error (p->rc set).
 */
struct cost_line *pricer_line(struct pricer_ctx *p, const char *name, const char *unit, dec qty,
			      const struct price_query *q);
struct cost_line *pricer_usage_line(struct pricer_ctx *p, const char *name, const char *unit,
				    const char *usage_key, dec factor, const struct price_query *q);
/* A $0 line that shows something was considered and is free. */
void pricer_free_line(struct pricer_ctx *p, const char *name, const char *note);
void pricer_fail(struct pricer_ctx *p, int code);
/*
 * Scale a line's unit price and cost by factor (a Spot or Savings Plan
 * discount: factor = 1 - discount), keeping the item total in step.
 */
void pricer_scale_line(struct pricer_ctx *p, struct cost_line *l, dec factor);

/* qty helpers */
dec hours_month(void);                 /* 730 */
dec dec_mul_or_fail(struct pricer_ctx *p, dec a, dec b);
dec dec_div_or_fail(struct pricer_ctx *p, dec a, dec b);

/* Per-group pricers (price_*.c). */
void price_ecs_service(struct pricer_ctx *p, const struct resource *r);
void price_ecs_cluster(struct pricer_ctx *p, const struct resource *r);
void price_autoscaling_policy(struct pricer_ctx *p, const struct resource *r);
void price_lb(struct pricer_ctx *p, const struct resource *r);
void price_nat_gateway(struct pricer_ctx *p, const struct resource *r);
void price_eip(struct pricer_ctx *p, const struct resource *r);
void price_vpc_endpoint(struct pricer_ctx *p, const struct resource *r);
void price_data_transfer(struct pricer_ctx *p, const struct resource *r);
void price_db_instance(struct pricer_ctx *p, const struct resource *r);
void price_elasticache(struct pricer_ctx *p, const struct resource *r);
void price_s3_bucket(struct pricer_ctx *p, const struct resource *r);
void price_ecr_repository(struct pricer_ctx *p, const struct resource *r);
void price_log_group(struct pricer_ctx *p, const struct resource *r);
void price_dashboard(struct pricer_ctx *p, const struct resource *r);
void price_metric_alarm(struct pricer_ctx *p, const struct resource *r);
void price_secret(struct pricer_ctx *p, const struct resource *r);
void price_waf(struct pricer_ctx *p, const struct resource *r);
void price_ssm_parameter(struct pricer_ctx *p, const struct resource *r);
void price_savings_plan(struct pricer_ctx *p, const struct resource *r);

/* Free-tier allowances, added after all resources (free_tier.c). */
void price_free_tier(struct pricer_ctx *p);

/* Shared price queries */
void q_logs_ingestion(struct price_query *q, const char *log_class);
void q_public_ipv4(struct price_query *q);
void q_alarm(struct price_query *q, int high_res);

#endif
