/*
 * wafv2_web_acl.c - AWS WAF web ACLs: per web ACL-month, per rule-month
 * and per million requests inspected (AWS WAF pricing page). Shield
 * Advanced variants of the usage types are not the ones billed here.
 *
 * Rule groups: a `rule` whose statement is a rule_group_reference_statement
 * (a rule group you own) or a managed_rule_group_statement is one rule of
 * the web ACL. Whether the rules inside the group are billed as well is
 * not settled by a public source (AWS's WAF cost guide counts the group as
 * one rule; some third-party guides count the rules inside): it is the
 * named assumption waf_rules_per_rule_group (model/assumptions.h, the
 * attribute rules_per_rule_group), extra rule-months per referenced group,
 * 0 by default. The AWS managed groups with their own subscription and
 * request fees (Bot Control, account takeover and account creation fraud
 * prevention; AWS WAF pricing page) are named in a warning, not priced.
 *
 * Scenarios write a rule as {"name": ..., "statement":
 * {"managed_rule_group_statement": {"name": ..., "vendor_name": ...}}};
 * plans hold the same blocks as lists of one object, and the plan hook
 * keeps only what pricing reads (the statement kind and the group's name).
 */
#include <stdio.h>
#include <string.h>

#include "cost/assumptions.h"
#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "scope", .kind = ATTR_STRING, .def = "REGIONAL", .doc = "", .info = true},
	{.name = "rule", .kind = ATTR_BLOCKS, .def = "", .max = 100, .doc = "one entry per rule",
	 .unit = "rules"},
	{.name = "rules_per_rule_group", .kind = ATTR_NUMBER, .def = ASSUME_WAF_RULES_PER_RULE_GROUP,
	 .max = 1000,
	 .doc = "costplan assumption, not Terraform: rule-months each referenced rule group adds "
		"beyond the rule that references it",
	 .unit = "rules per rule group"},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_requests", "requests/month", "requests inspected a month"},
	USAGE_END,
};

/* Managed rule groups that carry their own fees (AWS WAF pricing page;
 * ManagedRuleGroupStatement in the AWS WAF API reference). */
static const char *const PAID_GROUPS[] = {"AWSManagedRulesBotControlRuleSet",
					  "AWSManagedRulesATPRuleSet",
					  "AWSManagedRulesACFPRuleSet", NULL};

/* A block as Terraform writes it (a list of one object) or as an object. */
static json_t *block(json_t *parent, const char *key)
{
	json_t *v = json_object_get(parent, key);
	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_is_object(v) ? v : NULL;
}

/* The rule group a rule references: "managed", "custom" or NULL; *name is
 * the managed group's name (or ""). */
static const char *group_of(json_t *rule, const char **name)
{
	json_t *st = block(rule, "statement");
	json_t *m = block(st, "managed_rule_group_statement");
	*name = "";
	if (m) {
		const char *n = json_string_value(json_object_get(m, "name"));
		*name = n ? n : "";
		return "managed";
	}
	return block(st, "rule_group_reference_statement") ? "custom" : NULL;
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	size_t i;
	json_t *rule;
	long groups = 0;
	char buf[128], s[128];

	json_array_foreach(json_object_get(r->attrs, "rule"), i, rule) {
		const char *name;
		if (!group_of(rule, &name))
			continue;
		groups++;
		for (int k = 0; PAID_GROUPS[k]; k++)
			if (!strcmp(name, PAID_GROUPS[k]))
				breakdown_warn(p->b,
					       "%s: the managed rule group %s has its own subscription "
					       "and request fees (AWS WAF pricing page), not priced",
					       r->address, cp_sanitize(name, s, sizeof(s)));
	}

	pq_set(&q, "awswaf", "Web Application Firewall", "WebACLV2");
	q.exclude = "ShieldProtected";
	pricer_line(p, "Web ACL", "months", q_int(p, 1), &q);
	q.usage = "RuleV2";
	const struct qty *rules = q_len(p, r, "rule");
	if (groups > 0) {
		const struct qty *per = q_attr(p, r, "rules_per_rule_group");
		rules = q_add(p, rules, q_mul(p, q_int(p, groups), per));
		struct cost_line *l = pricer_line(p, "Rules", "rule-months", rules, &q);
		char v[DEC_BUFSZ];
		pricer_note(l,
			    "%zu rules, %ld of them rule groups: each counts as 1 rule + %s for the "
			    "rules inside (%s)",
			    res_len(r, "rule"), groups, dec_format_trim(per->v, v, sizeof(v)),
			    pricer_assumption(p, "waf_rules_per_rule_group", per->v, buf, sizeof(buf)));
	} else {
		pricer_line(p, "Rules", "rule-months", rules, &q);
	}
	q.usage = "RequestV2-Tier1";
	pricer_line(p, "Requests inspected", "requests", q_usage(p, r, "monthly_requests"), &q);
}

/* rule: one entry per rule block, keeping the statement kind and the
 * managed group's name (sanitised), which is all the pricer reads. */
static int plan_attr(struct plan_map *m, const struct attr_spec *a)
{
	size_t i;
	json_t *rule;
	char s[128];
	if (strcmp(a->name, "rule"))
		return 0;
	long len = plan_map_list_len(m, a->name);
	json_t *rules = json_object_get(plan_map_values(m), "rule");
	if (len < 0 || !json_is_array(rules)) {
		/* unknown: the schema's conversion says so and counts what it can */
		return 0;
	}
	if ((double)json_array_size(rules) > a->max) {
		plan_map_not_priced(m, "rule has %zu entries; costplan prices up to %g",
				    json_array_size(rules), a->max);
		return 1;
	}
	json_t *out = json_array();
	json_array_foreach(rules, i, rule) {
		const char *name;
		const char *kind = group_of(rule, &name);
		json_t *e = json_object();
		if (kind && !strcmp(kind, "managed"))
			json_object_set_new(
				e, "statement",
				json_pack("{s:{s:s}}", "managed_rule_group_statement", "name",
					  cp_sanitize(name, s, sizeof(s))));
		else if (kind)
			json_object_set_new(e, "statement",
					    json_pack("{s:{}}", "rule_group_reference_statement"));
		json_array_append_new(out, e);
	}
	plan_map_set(m, a->name, out);
	return 1;
}

const struct type_spec aws_wafv2_web_acl_type = {
	.type = "aws_wafv2_web_acl",
	.title = "WAF web ACL",
	.category = CAT_SECURITY,
	.attrs = ATTRS,
	.usage = USAGE,
	.plan_attr = plan_attr,
	.price = price,
};
