/*
 * savings_plan.c - a Compute Savings Plan (not a Terraform resource: it is
 * bought in the console or through the API).
 *
 * Its discount is an assumption (discount_rate) until the Savings Plans
 * price list is in the snapshot; the ECS service pricer (ecs.c) takes it off
 * every on-demand Fargate line. The plan's own line shows the terms.
 */
#include <stdio.h>

#include "cost/types/common.h"

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
	{.name = "discount_rate", .kind = ATTR_NUMBER, .def = "0.2", .max = 0.72,
	 .doc = "assumption: fraction off on-demand Fargate for the term and payment chosen",
	 .unit = "fraction off on-demand"},
	ATTR_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
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

const struct type_spec costplan_savings_plan_type = {
	.type = "costplan_savings_plan",
	.title = "Compute Savings Plan (not a Terraform resource)",
	.category = CAT_COMPUTE,
	.attrs = ATTRS,
	.price = price,
};
