/*
 * pricer.h - what a resource type's pricer sees (the type files in
 * src/cost/types/ and the engine; nothing else).
 *
 * A pricer adds the cost lines of one resource with pricer_line(): a name,
 * a unit, the quantity as an expression over named inputs (q_hours,
 * q_attr, q_usage... combined with q_mul and friends; see quantity.h) and
 * the price query. The engine multiplies by the resource's count, looks the
 * price up, applies tiers and rounds. Pricers never compute money, and the
 * spreadsheet writes each quantity from the same expression.
 *
 * A line whose quantity depends on a usage figure is usage-based; if no
 * figure was given it says so. Lines that count toward an always-free
 * allowance name it (pricer_pool); the engine adds the allowances after
 * all resources (free_tier.c).
 */
#ifndef COSTPLAN_PRICER_H
#define COSTPLAN_PRICER_H

#include "cost/breakdown.h"
#include "cost/quantity.h"
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
	bool plan; /* pricing a Terraform plan's resources (scenario.from_plan) */
};

/* ---- quantities (nodes live as long as the breakdown) ---- */
const struct qty *q_num(struct pricer_ctx *p, dec v);
const struct qty *q_int(struct pricer_ctx *p, long i);
const struct qty *q_hours(struct pricer_ctx *p);
/* A numeric attribute of r (its unit and doc come from the type's schema);
 * extra, when not NULL, is said beside it in the spreadsheet. */
const struct qty *q_attr(struct pricer_ctx *p, const struct resource *r, const char *attr);
const struct qty *q_attr_x(struct pricer_ctx *p, const struct resource *r, const char *attr,
			   const char *extra);
/* How many entries the list attribute attr of r holds. */
const struct qty *q_len(struct pricer_ctx *p, const struct resource *r, const char *attr);
/* Terraform's count of r. */
const struct qty *q_count(struct pricer_ctx *p, const struct resource *r);
/* A usage figure of r: 0 when not given, or def (costplan's assumption). */
const struct qty *q_usage(struct pricer_ctx *p, const struct resource *r, const char *key);
const struct qty *q_usage_or(struct pricer_ctx *p, const struct resource *r, const char *key,
			     dec def);
const struct qty *q_add(struct pricer_ctx *p, const struct qty *a, const struct qty *b);
const struct qty *q_sub(struct pricer_ctx *p, const struct qty *a, const struct qty *b);
const struct qty *q_mul(struct pricer_ctx *p, const struct qty *a, const struct qty *b);
const struct qty *q_div(struct pricer_ctx *p, const struct qty *a, const struct qty *b);
const struct qty *q_max2(struct pricer_ctx *p, const struct qty *a, const struct qty *b);
const struct qty *q_max(struct pricer_ctx *p, const struct qty *const *xs, size_t n);
const struct qty *q_min2(struct pricer_ctx *p, const struct qty *a, const struct qty *b);
const struct qty *q_step(struct pricer_ctx *p, const struct qty *x, long threshold, long hi,
			 long lo, const char *label);

/* ---- lines ---- */

/*
 * Add a line: q (for one copy of the resource; multiplied by its count) of
 * the price pq finds. Returns the line, or NULL after an error (p->rc set).
 * A usage-based line whose quantity is 0 costs $0 even when its price is
 * missing from the snapshot.
 */
struct cost_line *pricer_line(struct pricer_ctx *p, const char *name, const char *unit,
			      const struct qty *q, const struct price_query *pq);
/* A $0 line that shows something was considered and is free. */
void pricer_free_line(struct pricer_ctx *p, const char *name, const char *note);
/* Replace a line's note (l may be NULL). */
void pricer_note(struct cost_line *l, const char *fmt, ...) CP_PRINTF(2, 3);
/* The line counts toward an always-free allowance (l may be NULL). */
void pricer_pool(struct cost_line *l, enum free_pool pool);
/*
 * Scale a line's unit price and cost by factor (a Spot or Savings Plan
 * discount: 1 - the discount, as an expression over its input), keeping
 * the item total in step.
 */
void pricer_scale_line(struct pricer_ctx *p, struct cost_line *l, const struct qty *factor);
/* An attribute of r that selects a price rather than scaling a quantity
 * (an instance class): the spreadsheet shows it as a label. */
void pricer_selects(struct pricer_ctx *p, const struct resource *r, const char *attr);
void pricer_fail(struct pricer_ctx *p, int code);
/*
 * The resource costs money but this configuration cannot be priced (an
 * ECS service on EC2 instances, a class missing from the snapshot in a
 * plan): it leaves the total and is listed as not priced with the reason.
 */
void pricer_not_priced(struct pricer_ctx *p, const char *fmt, ...) CP_PRINTF(2, 3);
/*
 * A bad value in the scenario, found while pricing: one error located at
 * the attribute (file:line:col when the scenario has positions), then the
 * run fails with code.
 */
void pricer_error_at(struct pricer_ctx *p, const struct resource *r, const char *attr, int code,
		     const char *fmt, ...) CP_PRINTF(5, 6);

/*
 * A value the snapshot has no price for in this region (a node or instance
 * type AWS does not offer there, or a misspelt one). How it is reported
 * depends on what is priced, which p->plan tells: a scenario is the user's
 * own file, so it is a located error at attr (exit 3) and the run stops; a
 * Terraform plan describes infrastructure that exists or will, so the
 * resource is listed as not priced with the same reason and the rest of
 * the plan is priced.
 */
void pricer_unpriceable(struct pricer_ctx *p, const struct resource *r, const char *attr,
			const char *fmt, ...) CP_PRINTF(4, 5);

/* ---- price queries ---- */
/* A query for offer, family and usage type (NULL family or usage: any). */
void pq_set(struct price_query *q, const char *offer, const char *family, const char *usage);
/* Add an attribute filter ({column, value}); returns q. */
struct price_query *pq_attr(struct price_query *q, const char *column, const char *value);
void pq_logs_ingestion(struct price_query *q, const char *log_class);
void pq_public_ipv4(struct price_query *q);
void pq_alarm(struct price_query *q, int high_res);
/* An ElastiCache node of node_type for engine ("Redis", "Valkey", "Memcached");
 * the usage type is written into buf, which must outlive the query. */
void pq_cache_node(struct price_query *q, char *buf, size_t size, const char *node_type,
		   const char *engine);

/* Free-tier allowances, added after all resources (free_tier.c). */
void price_free_tier(struct pricer_ctx *p);

#endif
