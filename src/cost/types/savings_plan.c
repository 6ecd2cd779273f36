/*
 * savings_plan.c - a Compute Savings Plan (not a Terraform resource: it is
 * bought in the console or through the API).
 *
 * How AWS bills it (AWS Savings Plans user guide, "Understanding how
 * Savings Plans apply to your AWS usage"; AWS Savings Plans pricing page):
 * you commit to an amount of spend an hour, at the plan's rates, for one or
 * three years. Each hour the eligible usage is billed at the plan's rate
 * until the commitment is spent, and the rest at the on-demand rate; a
 * commitment the hour does not use is still paid. For Fargate the plan
 * covers task vCPU and memory (not Fargate Spot, not ephemeral storage).
 *
 * costplan's model: the plan's item carries the commitment - a fixed
 * charge, the commitment x 730 hours - written as the Fargate usage it buys
 * at the plan's rate (on-demand price x (1 - discount_rate), one line per
 * usage type), so every quantity stays an expression the spreadsheet can
 * recompute. The services and task sets keep on their own lines only the
 * usage above the commitment, at the on-demand rate (ecs.c, fargate.h).
 *
 * hourly_commitment -1 (the default) is the steady minimum: the plan's-rate
 * spend of each on-demand Fargate service's fewest tasks (min_capacity
 * where it is auto-scaled, desired_count otherwise) every hour. No hour
 * runs fewer tasks, so the commitment is used in full every hour and a
 * month's figures are exact. An explicit commitment covers the same share
 * of every on-demand Fargate line; the month is averaged, so when it is
 * above the steady minimum (hours with fewer tasks leave some of it
 * unused) the result is a lower bound and the breakdown says so.
 *
 * The discount is the named assumption savings_plan_discount_rate
 * (model/assumptions.h; the attribute discount_rate): the Savings Plans
 * price list is not in the snapshot.
 */
#include <stdio.h>
#include <string.h>

#include "cost/assumptions.h"
#include "cost/types/fargate.h"

static const char *const SP_TYPE[] = {"Compute", NULL};
static const char *const SP_TERM[] = {"1yr", "3yr", NULL};
static const char *const SP_PAYMENT[] = {"No Upfront", "Partial Upfront", "All Upfront", NULL};

static const struct attr_spec ATTRS[] = {
	{.name = "savings_plan_type", .kind = ATTR_ENUM, .def = "Compute", .choices = SP_TYPE,
	 .doc = "Compute: covers Fargate (and EC2, Lambda)"},
	{.name = "term", .kind = ATTR_ENUM, .def = "1yr", .choices = SP_TERM,
	 .doc = "commitment term"},
	{.name = "payment_option", .kind = ATTR_ENUM, .def = "No Upfront", .choices = SP_PAYMENT,
	 .doc = ""},
	{.name = "discount_rate", .kind = ATTR_NUMBER, .def = ASSUME_SAVINGS_PLAN_DISCOUNT_RATE,
	 .max = 0.72,
	 .doc = "assumption: fraction off on-demand Fargate for the term and payment chosen",
	 .unit = "fraction off on-demand"},
	{.name = "hourly_commitment", .kind = ATTR_NUMBER, .def = "-1", .min = -1, .max = 1000000,
	 .doc = "USD an hour of spend at the plan's rate; -1: the steady minimum (each "
		"on-demand Fargate service's fewest tasks, at the plan's rate)",
	 .unit = "USD/hour"},
	ATTR_END,
};

static void check(struct check_ctx *c, const struct resource *r)
{
	dec v = res_dec(r, "hourly_commitment");
	if (dec_cmp(v, dec_zero()) < 0 && dec_cmp(v, dec_from_int(-1)) != 0)
		check_fail(c, "hourly_commitment",
			   "hourly_commitment is USD an hour (AWS takes 0.001 to 1,000,000), or -1 "
			   "for the steady minimum");
}

bool savings_plan_explicit(const struct resource *sp)
{
	return dec_cmp(res_dec(sp, "hourly_commitment"), dec_zero()) >= 0;
}

/* On-demand spend (USD a month) of the usage, the prices as constants. */
static const struct qty *od_spend(struct pricer_ctx *p, bool steady)
{
	const struct qty *sum = NULL;
	for (int d = 0; d < FG_DIMS; d++) {
		const struct qty *u = fargate_usage(p, (enum fargate_dim)d, steady);
		const struct price_entry *e;
		struct price_query q;
		if (!u)
			continue;
		fargate_dim_query(&q, (enum fargate_dim)d);
		int rc = catalog_find(p->cat, p->region, &q, &e);
		if (rc) {
			pricer_fail(p, rc);
			return NULL;
		}
		const struct qty *t = q_mul(p, u, q_num(p, price_entry_unit_price(e)));
		sum = sum ? q_add(p, sum, t) : t;
	}
	return sum;
}

const struct qty *savings_plan_cover(struct pricer_ctx *p, const struct resource *sp)
{
	const struct qty *spend = od_spend(p, false);
	if (!spend || dec_is_zero(spend->v))
		return NULL;
	const struct qty *rate = q_sub(p, q_int(p, 1), q_attr(p, sp, "discount_rate"));
	return q_div(p, q_mul(p, q_attr(p, sp, "hourly_commitment"), q_hours(p)),
		     q_mul(p, rate, spend));
}

static char *usd(dec v, int places, char *buf, size_t size)
{
	buf[0] = '$';
	dec_format(v, places, buf + 1, size - 1);
	return buf;
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	const struct resource *first = fargate_savings_plan(p->s);
	struct price_query q;
	char name[128], a[DEC_BUFSZ], b[DEC_BUFSZ], c[DEC_BUFSZ], pct[DEC_BUFSZ];
	long idx[FG_DIMS + 1];
	size_t nidx = 0;
	dec r100;

	if (first != r) {
		pricer_error_at(p, r, NULL, CP_EXIT_DATA,
				"one costplan_savings_plan per scenario: AWS applies Compute Savings "
				"Plans together, so add this plan's hourly_commitment to %s",
				first->address);
		return;
	}
	if (dec_mul(res_dec(r, "discount_rate"), dec_from_int(100), &r100) != 0)
		r100 = dec_zero();
	dec_format_trim(dec_round(r100, 2), pct, sizeof(pct));
	const struct qty *rate = q_sub(p, q_int(p, 1), q_attr(p, r, "discount_rate"));
	bool expl = savings_plan_explicit(r);
	const struct qty *cover = expl ? savings_plan_cover(p, r) : NULL;
	if (p->rc)
		return;

	/* the commitment, as the Fargate usage it buys at the plan's rate */
	for (int d = 0; d < FG_DIMS; d++) {
		const struct qty *u = fargate_usage(p, (enum fargate_dim)d, !expl);
		if (!u || (expl && !cover))
			continue;
		if (cover)
			u = q_mul(p, cover, u);
		snprintf(name, sizeof(name), "Fargate %s, plan rate",
			 fargate_dim_label((enum fargate_dim)d));
		fargate_dim_query(&q, (enum fargate_dim)d);
		struct cost_line *l = pricer_line(p, name, fargate_dim_unit((enum fargate_dim)d), u, &q);
		if (!l)
			return;
		idx[nidx++] = (long)p->item->n - 1;
		pricer_scale_line(p, l, rate);
	}
	if (expl && !cover) {
		/* no on-demand Fargate usage: all of it is unused, written as x86
		 * vCPU-hours at the plan's rate */
		const struct price_entry *e;
		fargate_dim_query(&q, FG_X86_VCPU);
		int rc = catalog_find(p->cat, p->region, &q, &e);
		if (rc) {
			pricer_fail(p, rc);
			return;
		}
		const struct qty *u =
			q_div(p, q_mul(p, q_attr(p, r, "hourly_commitment"), q_hours(p)),
			      q_mul(p, rate, q_num(p, price_entry_unit_price(e))));
		struct cost_line *l = pricer_line(p, "Unused commitment (as Fargate vCPU-hours)",
						  "vCPU-hours", u, &q);
		if (!l)
			return;
		idx[nidx++] = (long)p->item->n - 1;
		pricer_scale_line(p, l, rate);
	}

	/* what it costs, what it covers, how much of it is used */
	dec monthly = dec_zero(), hourly = dec_zero(), saving = dec_zero(), util = dec_from_int(1);
	for (size_t i = 0; i < nidx; i++)
		monthly = dec_add(monthly, p->item->lines[idx[i]].cost);
	if (dec_div(monthly, dec_from_int(HOURS_PER_MONTH), &hourly) != 0)
		hourly = dec_zero();
	if (cover && dec_cmp(cover->v, dec_from_int(1)) > 0 &&
	    dec_div(dec_from_int(1), cover->v, &util) != 0)
		util = dec_zero();
	if (!expl || (cover && dec_cmp(cover->v, dec_from_int(1)) <= 0)) {
		/* everything bought is used: on demand it would cost monthly / (1 - rate) */
		dec od;
		if (!dec_is_zero(rate->v) && dec_div(monthly, rate->v, &od) == 0)
			saving = dec_sub(od, monthly);
	} else if (cover) {
		dec used;
		if (dec_mul(monthly, util, &used) == 0 && !dec_is_zero(rate->v) &&
		    dec_div(used, rate->v, &saving) == 0)
			saving = dec_sub(saving, monthly);
	}
	dec u100;
	if (dec_mul(util, dec_from_int(100), &u100) != 0)
		u100 = dec_zero();
	dec_format_trim(dec_round(u100, 1), c, sizeof(c));
	if (nidx > 0)
		pricer_note(&p->item->lines[idx[0]],
			    "commitment %s/hour x 730 h = %s a month, %s; utilisation %s%%; "
			    "%s %s a month against on-demand",
			    usd(hourly, 5, a, sizeof(a)), usd(monthly, 2, b, sizeof(b)),
			    expl ? "the hourly_commitment set"
				 : "the steady minimum (each on-demand Fargate service's fewest "
				   "tasks, all month)",
			    c, dec_cmp(saving, dec_zero()) >= 0 ? "saves" : "costs",
			    usd(dec_cmp(saving, dec_zero()) >= 0 ? saving : dec_neg(saving), 2, name,
				sizeof(name)));
	char as[128];
	pricer_assumption(p, "savings_plan_discount_rate", res_dec(r, "discount_rate"), as,
			  sizeof(as));
	if (nidx > 1)
		pricer_note(&p->item->lines[idx[1]],
			    "%s%% off on-demand Fargate (%s); usage above the commitment is on "
			    "demand on the services' lines, Spot is never covered",
			    pct, as);
	if (nidx == 0)
		pricer_free_line(p, "No on-demand Fargate usage to cover",
				 "the steady minimum is 0 tasks: the plan commits to nothing");

	/* an explicit commitment above the steady minimum: some hours leave part
	 * of it unused, which a month's average cannot show */
	if (expl) {
		const struct qty *steady = od_spend(p, true);
		dec steady_h = dec_zero(), st;
		if (p->rc)
			return;
		if (steady && dec_mul(steady->v, rate->v, &st) == 0 &&
		    dec_div(st, dec_from_int(HOURS_PER_MONTH), &steady_h) == 0 &&
		    dec_cmp(res_dec(r, "hourly_commitment"), dec_round(steady_h, 5)) > 0)
			breakdown_warn(p->b,
				       "%s: hourly_commitment %s/hour is above the steady minimum "
				       "(%s/hour at the plan's rate): in hours with fewer tasks the "
				       "rest of it is lost, which a month's average cannot show, so "
				       "the saving shown is the most it can be",
				       r->address, usd(res_dec(r, "hourly_commitment"), 5, a, sizeof(a)),
				       usd(steady_h, 5, b, sizeof(b)));
	}
}

const struct type_spec costplan_savings_plan_type = {
	.type = "costplan_savings_plan",
	.title = "Compute Savings Plan (not a Terraform resource)",
	.category = CAT_COMPUTE,
	.attrs = ATTRS,
	.check = check,
	.price = price,
};
