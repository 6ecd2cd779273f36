/*
 * assumptions.c - the registry of named assumptions (see assumptions.h).
 *
 * Adding one: a row below with a public source, the ASSUME_* default in
 * the header when a schema attribute carries it, the attribute or usage
 * key in its type file, and `pricer_assumption()` where the pricer uses
 * it (cost/assumptions.h).
 */
#include "model/assumptions.h"

#include <stddef.h>
#include <string.h>

#include "util/error.h"

static const struct assumption ALL[] = {
	{"spot_discount", ASSUME_SPOT_DISCOUNT, "fraction off the on-demand price",
	 "AWS Fargate pricing page: Fargate Spot runs interruption-tolerant tasks at up to a 70% "
	 "discount off the Fargate price; the real discount varies with spare capacity and is in "
	 "no price list, so 0.7 is the advertised best case",
	 "aws_ecs_service", "spot_discount", false},
	{"savings_plan_discount_rate", ASSUME_SAVINGS_PLAN_DISCOUNT_RATE,
	 "fraction off on-demand Fargate",
	 "the AWS Savings Plans pricing page lists the Compute Savings Plans rate for Fargate by "
	 "region, term and payment option; that price list is not in the snapshot, and 0.2 "
	 "stands for a 1-year, no-upfront plan: look yours up and set it",
	 "costplan_savings_plan", "discount_rate", false},
	{"container_insights_metrics_per_cluster", "14", "metrics per cluster",
	 "the cluster-level metrics for Fargate counted from the Amazon ECS developer guide, "
	 "\"Amazon ECS Container Insights metrics\"; each is billed as a CloudWatch custom "
	 "metric (Amazon CloudWatch pricing page, Container Insights)",
	 "aws_ecs_cluster", "container_insights_metrics_per_cluster", true},
	{"container_insights_metrics_per_service", "25", "metrics per service",
	 "15 service-level plus 10 task-definition-family metrics (one family per service), "
	 "counted from the Amazon ECS developer guide, \"Amazon ECS Container Insights "
	 "metrics\"; billed as CloudWatch custom metrics",
	 "aws_ecs_cluster", "container_insights_metrics_per_service", true},
	{"container_insights_metrics_per_task", "0", "metrics per task",
	 "standard Container Insights has no per-task metrics (Amazon ECS developer guide); "
	 "Container Insights with enhanced observability adds task and container metrics: "
	 "raise this to price it",
	 "aws_ecs_cluster", "container_insights_metrics_per_task", true},
	{"container_insights_log_gb_per_task", "0.1", "GB per task-month",
	 "Container Insights writes performance log events, billed as CloudWatch Logs "
	 "ingestion (Amazon CloudWatch pricing page); their volume is in no public source: about "
	 "one 2 KB event per task per minute (43,800 a month)",
	 "aws_ecs_cluster", "container_insights_log_gb_per_task", true},
	{"waf_rules_per_rule_group", ASSUME_WAF_RULES_PER_RULE_GROUP,
	 "more rules per rule group",
	 "the AWS WAF pricing page bills each rule in a web ACL a month, and AWS's WAF cost guide "
	 "(AWS Security Services Best Practices, \"WAF Cost\") counts a rule group, custom or "
	 "managed, as one rule whatever it holds; some third-party guides count the rules inside "
	 "too: raise this to price them so",
	 "aws_wafv2_web_acl", "rules_per_rule_group", false},
	{NULL, NULL, NULL, NULL, NULL, NULL, false},
};

const struct assumption *assumption_find(const char *name)
{
	for (const struct assumption *a = ALL; a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

const struct assumption *assumptions_all(void)
{
	return ALL;
}

char *assumption_text(const struct assumption *a, const char *value)
{
	return xasprintf("assumption: %s = %s (%s; override with --assume %s=VALUE or the %s %s)",
			 a->name, value, a->source, a->name, a->usage ? "usage key" : "attribute",
			 a->key);
}
