/*
 * fargate.h - what the Fargate pricers share: ecs.c (services and task
 * sets) and savings_plan.c (the Compute Savings Plan that covers them).
 *
 * A Compute Savings Plan is an hourly commitment of discounted spend (AWS
 * Savings Plans user guide, "Understanding how Savings Plans apply to your
 * AWS usage"): each hour, eligible usage is billed at the plan's rate until
 * the commitment is spent, the rest at the on-demand rate, and a
 * commitment the hour does not use is still paid. For Fargate the plan
 * covers the vCPU and memory of on-demand tasks (never Fargate Spot, never
 * ephemeral storage or public IPv4 addresses).
 *
 * The plan's own item (savings_plan.c) carries the commitment as the
 * Fargate usage it buys at the plan's rate; each service or task set keeps
 * on its own lines only the usage above the commitment, at the on-demand
 * rate. Both sides build their quantities from the functions below, so the
 * two agree to the unit.
 *
 * Ownership: quantities live in the breakdown's arena (cost/quantity.h);
 * resources are borrowed from the scenario.
 */
#ifndef COSTPLAN_TYPES_FARGATE_H
#define COSTPLAN_TYPES_FARGATE_H

#include "cost/types/common.h"

/* The four Fargate usage types a Compute Savings Plan covers. */
enum fargate_dim {
	FG_X86_VCPU,
	FG_X86_GB,
	FG_ARM_VCPU,
	FG_ARM_GB,
	FG_DIMS,
};

/* "vCPU (x86)", "memory (ARM64)"... and the line's unit. */
const char *fargate_dim_label(enum fargate_dim d);
const char *fargate_dim_unit(enum fargate_dim d);
/* The price query of a usage type (AmazonECS, Compute). */
void fargate_dim_query(struct price_query *q, enum fargate_dim d);

/* The scenario's Compute Savings Plan (the first costplan_savings_plan), or NULL. */
const struct resource *fargate_savings_plan(const struct scenario *s);

/*
 * Does r (an aws_ecs_service or aws_ecs_task_set) run on-demand Fargate
 * tasks, the usage a Compute Savings Plan covers? Not for Fargate Spot,
 * not for tasks on EC2 or external instances, not for a service whose
 * tasks run in its task sets.
 */
bool fargate_on_demand(const struct scenario *s, const struct resource *r);

/*
 * Usage of dimension d by every on-demand Fargate resource of the
 * scenario, all copies: at the month's task-hours (steady false) or at the
 * steady minimum (steady true: each service's fewest tasks - min_capacity
 * where it is auto-scaled, lowered by scheduled actions, desired_count
 * otherwise - for every hour of the month). NULL when no resource uses d.
 */
const struct qty *fargate_usage(struct pricer_ctx *p, enum fargate_dim d, bool steady);

/*
 * Per copy of r: the steady minimum's task-hours (min(task-hours, fewest
 * tasks x hours)) and a label for it ("1 task", "min_capacity 2").
 */
const struct qty *fargate_steady_hours(struct pricer_ctx *p, const struct resource *r,
				       const struct qty *task_hours);

/*
 * An explicit hourly_commitment: the commitment over the on-demand
 * Fargate spend at the plan's rate, C x hours / ((1 - discount_rate) x
 * sum of usage x on-demand price). Below 1 the plan covers that share of
 * every on-demand Fargate line; above 1 part of the commitment is unused.
 * NULL when the scenario runs no on-demand Fargate usage (or after an
 * error: p->rc is set then).
 */
const struct qty *savings_plan_cover(struct pricer_ctx *p, const struct resource *sp);
/* Does the plan state its commitment (hourly_commitment >= 0)? */
bool savings_plan_explicit(const struct resource *sp);

#endif
