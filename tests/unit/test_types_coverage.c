/*
 * test_types_coverage.c - what costplan covers, kept true.
 *
 * 1. Every usage key `costplan types` lists is priced: for each type, a
 *    scenario of one resource (required attributes filled from the
 *    schema, features that read usage switched on) with every usage key
 *    set to a distinct value, priced; each key must be an input of some
 *    line's quantity or price factor (cost/quantity.h), with its value.
 *    A key that only counts when the others are absent (an override) is
 *    tried alone too.
 * 2. The named assumptions (model/assumptions.h) agree with the schemas
 *    (the attribute's default is the registry's), with the upgrade steps
 *    that set them, and `costplan upgrades --assume NAME=V` moves the
 *    priced figure.
 * 3. docs/coverage.md is the table this file renders from the registry
 *    (schema_types()): priced, free (with the type's free_reason), or not
 *    priced, and the usage keys. UPDATE_COVERAGE=1 rewrites it.
 * 4. Every type in a shipped example or golden plan (the JSON files of
 *    scenarios/, scenarios/upgrades/, tests/data/plans/ and tests/data/guide
 *    when present) is known: priced or free with a reason, never "costplan
 *    has no price for TYPE". Each gap is reported with file and address;
 *    EXPECTED_GAPS lists the types other engineers are adding now.
 *
 * Run from the repository root (tests/run-all does).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cost/engine.h"
#include "cost/upgrade_path.h"
#include "model/assumptions.h"
#include "model/upgrades.h"
#include "cost/types/registry.h"
#include "model/scenario.h"
#include "util/error.h"

#include "test_catalog_util.h"

/* ---- 1. every usage key is priced ---------------------------------------- */

/*
 * Usage keys a type takes but cannot price, each with the reason: the
 * type warns when one is given (never a silent $0). Fix the pricer or
 * find the price, then delete the entry: the test fails while a listed
 * key is priced.
 */
static const struct {
	const char *type, *key, *why;
} UNPRICED_KEYS[] = {
	{"aws_cloudfront_distribution", "monthly_encryption_requests",
	 "no field-level encryption price in the snapshot"},
	{"aws_cloudfront_distribution", "monthly_log_lines",
	 "no real-time log price in the snapshot"},
	{"aws_cloudfront_distribution", "custom_ssl_certificates",
	 "no dedicated-IP certificate price in the snapshot"},
	{"aws_sns_topic", "sms_subscriptions", "SMS prices depend on the destination country"},
	{"aws_s3_bucket", "glacier_deep_archive.monthly_tier_2_requests",
	 "no Requests-GDA-Tier2 price in the snapshot"},
	{"aws_db_instance", "vcpu_count",
	 "read only for Performance Insights kept over 7 days, which the snapshot prices for "
	 "Aurora alone"},
	{"aws_rds_cluster_instance", "monthly_cpu_credit_hrs",
	 "no Aurora CPU credit price in the snapshot"},
	{NULL, NULL, NULL},
};

/* Why key of type is not priced, NULL when it should be. */
static const char *unpriced_key(const char *type, const char *key)
{
	for (size_t i = 0; UNPRICED_KEYS[i].type; i++)
		if (!strcmp(UNPRICED_KEYS[i].type, type) && !strcmp(UNPRICED_KEYS[i].key, key))
			return UNPRICED_KEYS[i].why;
	return NULL;
}

/*
 * Variants: attributes that switch on what reads the usage figures (flat,
 * dotted names as the plan reader writes them), and resources they need
 * ("deps", named "dep" so an optional reference finds them). A type may
 * have several variants (an ALB and an NLB read different keys): a usage
 * key passes when any variant prices it. A type with no entry is priced
 * once, with its defaults and required attributes.
 */
static const struct {
	const char *type, *attrs, *deps;
} VARIANTS[] = {
	{"aws_ecs_service", "{\"task_definition\": \"dep\", \"desired_count\": 1}", NULL},
	{"aws_ecs_cluster", "{\"setting.containerInsights\": \"enabled\"}", NULL},
	{"aws_db_instance",
	 "{\"engine\": \"postgres\", \"instance_class\": \"db.t3.micro\", "
	 "\"monitoring_interval\": 60, \"backup_retention_period\": 7}",
	 NULL},
	{"aws_db_instance",
	 "{\"engine\": \"mysql\", \"instance_class\": \"db.m5.large\", \"storage_type\": "
	 "\"standard\", \"allocated_storage\": 20}",
	 NULL},
	{"aws_rds_cluster", "{\"engine\": \"aurora-postgresql\", \"backup_retention_period\": 7}",
	 NULL},
	{"aws_rds_cluster", "{\"engine\": \"aurora-mysql\", \"backtrack_window\": 3600}", NULL},
	{"aws_rds_cluster",
	 "{\"engine\": \"postgres\", \"db_cluster_instance_class\": \"db.m5d.large\", "
	 "\"storage_type\": \"io1\", \"allocated_storage\": 100, \"iops\": 1000, "
	 "\"backup_retention_period\": 7}",
	 NULL},
	{"aws_rds_cluster_instance",
	 "{\"cluster_identifier\": \"dep\", \"instance_class\": \"db.t3.medium\", "
	 "\"monitoring_interval\": 60}",
	 "{\"aws_rds_cluster\": {\"dep\": {\"engine\": \"aurora-postgresql\"}}}"},
	{"aws_rds_cluster_instance",
	 "{\"cluster_identifier\": \"dep\", \"instance_class\": \"db.serverless\"}",
	 "{\"aws_rds_cluster\": {\"dep\": {\"engine\": \"aurora-postgresql\", "
	 "\"serverlessv2_scaling_configuration.min_capacity\": 0.5, "
	 "\"serverlessv2_scaling_configuration.max_capacity\": 4}}}"},
	{"aws_elasticache_replication_group",
	 "{\"node_type\": \"cache.t3.micro\", \"snapshot_retention_limit\": 5}", NULL},
	{"aws_elasticache_cluster",
	 "{\"engine\": \"redis\", \"node_type\": \"cache.t3.micro\", "
	 "\"snapshot_retention_limit\": 5}",
	 NULL},
	{"aws_instance", "{\"instance_type\": \"t3.micro\"}", NULL},
	{"aws_autoscaling_group",
	 "{\"launch_template.id\": \"dep\", \"min_size\": 1, \"max_size\": 2, "
	 "\"desired_capacity\": 1}",
	 "{\"aws_launch_template\": {\"dep\": {\"instance_type\": \"t3.micro\"}}}"},
	{"aws_ebs_volume", "{\"type\": \"standard\", \"size\": 10}", NULL},
	{"aws_lb", "{\"subnets\": [\"a\", \"b\"]}", NULL},
	{"aws_lb", "{\"load_balancer_type\": \"network\", \"subnets\": [\"a\", \"b\"]}", NULL},
	{"aws_alb", "{\"subnets\": [\"a\", \"b\"]}", NULL},
	{"aws_alb", "{\"load_balancer_type\": \"network\", \"subnets\": [\"a\", \"b\"]}", NULL},
	{"aws_apigatewayv2_api", "{\"protocol_type\": \"HTTP\"}", NULL},
	{"aws_apigatewayv2_api", "{\"protocol_type\": \"WEBSOCKET\"}", NULL},
	{"aws_dynamodb_table",
	 "{\"billing_mode\": \"PAY_PER_REQUEST\", \"point_in_time_recovery.enabled\": true, "
	 "\"stream_enabled\": true}",
	 NULL},
	{"aws_vpc_endpoint", "{\"vpc_endpoint_type\": \"Interface\", \"subnet_ids\": [\"a\", \"b\"]}",
	 NULL},
	{"aws_kms_key", "{\"enable_key_rotation\": true}", NULL},
	{NULL, NULL, NULL},
};

/* The attributes of a type's first variant, NULL without one: what a
 * resource created only to be referred to gets. */
static const char *first_variant(const char *type)
{
	for (size_t i = 0; VARIANTS[i].type; i++)
		if (!strcmp(VARIANTS[i].type, type))
			return VARIANTS[i].attrs;
	return NULL;
}

/* A value for a required attribute; refs get a resource of their own. */
static json_t *required_value(const struct attr_spec *a, json_t *resources, int depth);
static void add_resource(json_t *resources, const char *type, const char *name, json_t *body);

static json_t *body_for(const struct type_spec *t, const char *attrs, json_t *resources,
		       int depth)
{
	json_t *body = json_object();
	for (const struct attr_spec *a = t->attrs; a && a->name; a++)
		if (!a->def)
			json_object_set_new(body, a->name, required_value(a, resources, depth));
	if (attrs) {
		json_t *f = json_loads(attrs, 0, NULL);
		assert_non_null(f);
		json_object_update(body, f);
		json_decref(f);
	}
	/* an optional reference a feature names ("dep") gets its resource too */
	for (const struct attr_spec *a = t->attrs; a && a->name; a++)
		if (a->kind == ATTR_REF && a->def &&
		    json_is_string(json_object_get(body, a->name)) && depth < 4) {
			const struct type_spec *rt = schema_type(a->ref_type);
			add_resource(resources, rt->type, "dep",
				     body_for(rt, first_variant(rt->type), resources, depth + 1));
		}
	return body;
}

static void add_resource(json_t *resources, const char *type, const char *name, json_t *body)
{
	json_t *of = json_object_get(resources, type);
	if (!of) {
		of = json_object();
		json_object_set_new(resources, type, of);
	}
	if (!json_object_get(of, name))
		json_object_set_new(of, name, body);
	else
		json_decref(body);
}

static json_t *required_value(const struct attr_spec *a, json_t *resources, int depth)
{
	switch (a->kind) {
	case ATTR_INT:
		return json_integer(a->min > 1 ? (long)a->min : 1);
	case ATTR_NUMBER:
		return json_real(a->min > 1 ? a->min : 1);
	case ATTR_BOOL:
		return json_false();
	case ATTR_ENUM:
		return json_string(a->choices[0]);
	case ATTR_INTSET:
		return json_integer(atol(a->choices[0]));
	case ATTR_REF: {
		const struct type_spec *rt = schema_type(a->ref_type);
		assert_non_null(rt);
		if (depth < 4)
			add_resource(resources, rt->type, "dep",
				     body_for(rt, first_variant(rt->type), resources, depth + 1));
		return json_string("dep");
	}
	case ATTR_LIST: {
		json_t *l = json_array();
		for (long i = 0; i < (a->min > 1 ? (long)a->min : 1); i++)
			json_array_append_new(l, json_sprintf("s%ld", i));
		return l;
	}
	case ATTR_BLOCKS:
		return json_pack("[{}]");
	default:
		return json_string("x");
	}
}

/* Does a quantity use usage key `key` of `address`, with value v? */
static bool uses(const struct qty *q, const char *address, const char *key, dec v)
{
	if (!q)
		return false;
	if (q->op == QTY_INPUT)
		return (q->in == QIN_USAGE || q->in == QIN_USAGE_DEFAULT) &&
		       !strcmp(q->address, address) && !strcmp(q->key, key) && q->given &&
		       dec_cmp(q->v, v) == 0;
	for (size_t i = 0; i < q->nargs; i++)
		if (uses(q->args[i], address, key, v))
			return true;
	return false;
}

static bool priced_key(const struct breakdown *b, const char *address, const char *key, dec v)
{
	for (size_t i = 0; i < b->n; i++)
		for (size_t j = 0; j < b->items[i].n; j++) {
			const struct cost_line *l = &b->items[i].lines[j];
			if (uses(l->qty, address, key, v) || uses(l->price_factor, address, key, v))
				return true;
		}
	return false;
}

/* The distinct value of the k-th key: 3, 5, 7... (whole, small, valid for
 * counts, GB and fractions-as-percent alike). */
static long key_value(size_t k)
{
	return 3 + 2 * (long)k;
}

/* Price type t in variant v (an index into VARIANTS, or -1 for its
 * defaults) with the usage key `only` (NULL = all keys); 0 or an exit code. */
static int price_type(const struct type_spec *t, int v, const char *only, struct breakdown *b,
		      char *err, size_t errsize)
{
	json_t *resources = json_object();
	json_t *usage = json_object(), *u = json_object();
	if (v >= 0 && VARIANTS[v].deps) {
		json_t *deps = json_loads(VARIANTS[v].deps, 0, NULL);
		const char *type, *name;
		json_t *of, *body;
		assert_non_null(deps);
		json_object_foreach(deps, type, of)
			json_object_foreach(of, name, body)
				add_resource(resources, type, name, json_incref(body));
		json_decref(deps);
	}
	add_resource(resources, t->type, "x",
		     body_for(t, v >= 0 ? VARIANTS[v].attrs : NULL, resources, 0));
	for (size_t k = 0; t->usage[k].key; k++)
		if (!only || !strcmp(only, t->usage[k].key))
			json_object_set_new(u, t->usage[k].key, json_integer(key_value(k)));
	char *addr = xasprintf("%s.x", t->type);
	json_object_set_new(usage, addr, u);
	free(addr);
	json_t *doc = json_pack("{s:i, s:s, s:s, s:b, s:o, s:o}", "costplan", 1, "name", t->type,
				"region", "us-east-1", "free_tier", 0, "resource", resources,
				"usage", usage);
	struct scenario s;
	struct cost_options o = {NULL, true};
	int rc = scenario_from_json(doc, t->type, NULL, &s);
	if (rc == 0) {
		rc = cost_breakdown(&s, cat, &o, b);
		scenario_release(&s);
	}
	if (rc) {
		char *text = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
		snprintf(err, errsize, "%s: a scenario of one resource does not price (exit %d): %s",
			 t->type, rc, text);
		free(text);
	}
	json_decref(doc);
	return rc;
}

/* Does variant v (or the defaults, -1) of type t price usage key k, given
 * all keys at once or, for a key that overrides others, alone? */
static bool variant_prices(const struct type_spec *t, int v, size_t k, int *failures)
{
	char err[4096];
	const char *key = t->usage[k].key;
	char *addr = xasprintf("%s.x", t->type);
	dec value = dec_from_int(key_value(k));
	struct breakdown b;
	bool ok = false;
	if (price_type(t, v, NULL, &b, err, sizeof(err)) == 0) {
		ok = priced_key(&b, addr, key, value);
		breakdown_release(&b);
	} else {
		print_error("%s\n", err);
		(*failures)++;
	}
	if (!ok && price_type(t, v, key, &b, err, sizeof(err)) == 0) {
		ok = priced_key(&b, addr, key, value);
		breakdown_release(&b);
	}
	free(addr);
	return ok;
}

static void every_usage_key_is_priced(void **state)
{
	(void)state;
	int failures = 0;
	for (const struct type_spec *const *tp = schema_types(); *tp; tp++) {
		const struct type_spec *t = *tp;
		if (!t->usage || !t->usage[0].key)
			continue;
		for (size_t k = 0; t->usage[k].key; k++) {
			const char *key = t->usage[k].key;
			bool ok = false, any = false;
			for (int v = 0; VARIANTS[v].type && !ok; v++)
				if (!strcmp(VARIANTS[v].type, t->type)) {
					any = true;
					ok = variant_prices(t, v, k, &failures);
				}
			if (!any)
				ok = variant_prices(t, -1, k, &failures);
			if (ok && unpriced_key(t->type, key)) {
				print_error("%s: usage key %s is priced now: delete it from "
					    "UNPRICED_KEYS\n",
					    t->type, key);
				failures++;
			} else if (!ok && !unpriced_key(t->type, key)) {
				print_error("%s: usage key %s is listed by `costplan types` but no "
					    "line's quantity uses it in any variant\n",
					    t->type, key);
				failures++;
			}
		}
	}
	assert_int_equal(failures, 0);
}

/* ---- 2. the named assumptions agree ---------------------------------------- */

static void named_assumptions_agree(void **state)
{
	(void)state;
	for (const struct assumption *a = assumptions_all(); a->name; a++) {
		const struct type_spec *t = schema_type(a->type);
		dec def, reg;
		if (!t)
			fail_msg("%s: no type %s", a->name, a->type);
		assert_int_equal(dec_parse(a->value, &reg), 0);
		/* a public source: an AWS page or guide, never the internal notes */
		if (!strstr(a->source, "AWS") && !strstr(a->source, "Amazon"))
			fail_msg("%s: its source names no AWS page", a->name);
		assert_null(strstr(a->source, "FACTS"));
		if (a->usage) {
			if (!schema_usage_key(t, a->key))
				fail_msg("%s: %s has no usage key %s", a->name, a->type, a->key);
			continue;
		}
		const struct attr_spec *at = schema_attr(t, a->key);
		if (!at || !at->def)
			fail_msg("%s: %s has no attribute %s with a default", a->name, a->type, a->key);
		assert_int_equal(dec_parse(at->def, &def), 0);
		if (dec_cmp(def, reg) != 0)
			fail_msg("%s: the default of %s.%s is %s, the registry's %s", a->name, a->type,
				 a->key, at->def, a->value);
	}
	/* spot_discount is an attribute of task sets too, with the same default */
	assert_string_equal(schema_attr(schema_type("aws_ecs_task_set"), "spot_discount")->def,
			    ASSUME_SPOT_DISCOUNT);

	/* the steps that set them take the registry's value, unit and source */
	struct upgrade_set set;
	assert_int_equal(upgrades_load("scenarios/upgrades", &set), 0);
	int named = 0;
	for (size_t i = 0; i < set.n; i++)
		for (size_t j = 0; j < set.steps[i].nassumptions; j++) {
			const struct upgrade_assumption *x = &set.steps[i].assumptions[j];
			const struct assumption *a = assumption_find(x->key);
			if (!a)
				continue;
			named++;
			assert_string_equal(x->source, a->source);
			assert_string_equal(x->unit, a->unit);
			json_t *v = json_loads(a->value, JSON_DECODE_ANY, NULL);
			assert_true(json_number_value(x->value) == json_number_value(v));
			json_decref(v);
		}
	/* every one of them is used by a step of the guide's path */
	size_t all = 0;
	for (const struct assumption *a = assumptions_all(); a->name; a++)
		all++;
	assert_int_equal((size_t)named, all);

	/* --assume moves the price: 3 rule groups x 10 more rules = $30 */
	struct upgrade_path path;
	struct cost_options co = {NULL, false};
	json_error_t err;
	json_t *base = json_load_file("scenarios/baseline.json", 0, &err);
	assert_non_null(base);
	assert_int_equal(upgrades_assume(&set, "waf_rules_per_rule_group=10"), 0);
	assert_int_equal(upgrade_path_price(base, "baseline", &set, cat, &co, &path), 0);
	for (size_t i = 0; i < path.n; i++)
		if (!strcmp(path.results[i].step->id, "waf")) {
			char buf[DEC_BUFSZ];
			/* 5 + (4 + 30) rules + 3M x 0.0000006 = 40.80 */
			assert_string_equal(dec_format(path.results[i].alone_delta, 2, buf, sizeof(buf)),
					    "40.80");
		}
	upgrade_path_release(&path);
	upgrades_release(&set);
	json_decref(base);
}

/* A step may not give a named assumption another value, unit or source. */
static void named_assumption_step_disagrees(void **state)
{
	(void)state;
	char path[] = "/tmp/costplan-step-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs("{\"title\": \"Spot\", \"kind\": \"alternative\", \"order\": 1, \"signal\": \"s\","
	      " \"rationale\": \"r\", \"assumptions\": {\"spot_discount\": {"
	      " \"path\": \"resource.aws_ecs_service.worker.spot_discount\", \"value\": 0.5}},"
	      " \"patch\": {}}",
	      f);
	fclose(f);
	struct upgrade_step st;
	assert_int_equal(upgrade_step_load(path, &st), CP_EXIT_DATA);
	/* the right value, the wrong attribute */
	f = fopen(path, "w");
	fputs("{\"title\": \"Spot\", \"kind\": \"alternative\", \"order\": 1, \"signal\": \"s\","
	      " \"rationale\": \"r\", \"assumptions\": {\"spot_discount\": {"
	      " \"path\": \"resource.aws_ecs_service.worker.desired_count\", \"value\": 0.7}},"
	      " \"patch\": {}}",
	      f);
	fclose(f);
	assert_int_equal(upgrade_step_load(path, &st), CP_EXIT_DATA);
	/* the path alone: the registry fills in the rest */
	f = fopen(path, "w");
	fputs("{\"title\": \"Spot\", \"kind\": \"alternative\", \"order\": 1, \"signal\": \"s\","
	      " \"rationale\": \"r\", \"assumptions\": {\"spot_discount\": {"
	      " \"path\": \"resource.aws_ecs_service.worker.spot_discount\"}},"
	      " \"patch\": {}}",
	      f);
	fclose(f);
	assert_int_equal(upgrade_step_load(path, &st), 0);
	assert_true(json_number_value(st.assumptions[0].value) == 0.7);
	upgrade_step_release(&st);
	unlink(path);
}

/* ---- expected gaps ------------------------------------------------------------ */

/*
 * EXPECTED_GAPS: types a shipped example or golden plan uses that costplan
 * has no price for yet, because another engineer is adding them right now
 * (issue 16). The lead empties this list at merge time: a type listed here
 * that the registry knows fails the test ("priced now: remove it"), a type
 * missing here that an example uses fails it too. docs/coverage.md shows
 * the list; tests/integration/coverage.sh reads it from there.
 */
static const struct {
	const char *type, *who;
} EXPECTED_GAPS[] = {
	{NULL, NULL},
};

static const char *expected_gap(const char *type)
{
	for (size_t i = 0; EXPECTED_GAPS[i].type; i++)
		if (!strcmp(EXPECTED_GAPS[i].type, type))
			return EXPECTED_GAPS[i].who;
	return NULL;
}

/* ---- 3. docs/coverage.md ------------------------------------------------------ */

#define COVERAGE_MD "docs/coverage.md"

/* Markdown-safe cell text: pipes escaped, nothing else needed for our strings. */
static void cell(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			fputc('\\', f);
		fputc(*s, f);
	}
}

static void usage_keys(FILE *f, const struct type_spec *t)
{
	bool any = false;
	for (size_t k = 0; t->usage && t->usage[k].key; k++) {
		const char *why = unpriced_key(t->type, t->usage[k].key);
		fprintf(f, "%s`%s`", any ? ", " : "", t->usage[k].key);
		if (why)
			fprintf(f, " (not priced: %s)", why);
		any = true;
	}
	if (!any)
		fputs("-", f);
}

static char *render_coverage(void)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	size_t priced = 0, free_ = 0, unpriced = 0;
	const struct type_spec *const *all = schema_types();
	for (const struct type_spec *const *tp = all; *tp; tp++) {
		if ((*tp)->price)
			priced++;
		else if ((*tp)->free_reason)
			free_++;
		else
			unpriced++;
	}
	size_t gaps = 0;
	for (size_t i = 0; EXPECTED_GAPS[i].type; i++)
		gaps++;

	fputs("# What costplan prices\n\n"
	      "<!-- Generated from costplan's registry of resource types by\n"
	      "     tests/unit/test_types_coverage.c, which fails when this file is stale:\n"
	      "     UPDATE_COVERAGE=1 tests/unit/test_types_coverage rewrites it. -->\n\n",
	      f);
	fprintf(f,
		"Every AWS resource type costplan knows, as `costplan types` lists them: %zu "
		"priced, %zu free (AWS does not charge for them), %zu known but not priced",
		priced, free_, unpriced);
	if (gaps)
		fprintf(f, "; and %zu type%s the shipped examples use that costplan has no price "
			   "for yet",
			gaps, gaps == 1 ? "" : "s");
	fputs(". Any other type in a plan is listed as \"not priced: costplan has no price "
	      "for TYPE\", outside the total, never counted as $0.\n\n",
	      f);
	fputs("A priced type can still meet a configuration it does not price (an ECS service "
	      "on EC2 instances, a class missing from the price snapshot): every command lists "
	      "such a resource as \"not priced\" with the reason, outside the total. Usage keys "
	      "are the figures a type takes from a usage file or a scenario's `usage` section "
	      "(`costplan types TYPE` says what each means).\n\n",
	      f);

	fputs("## Priced\n\n| Type | What | Category | Usage keys |\n|---|---|---|---|\n", f);
	for (const struct type_spec *const *tp = all; *tp; tp++) {
		const struct type_spec *t = *tp;
		if (!t->price)
			continue;
		fprintf(f, "| `%s` | ", t->type);
		cell(f, t->title);
		fprintf(f, " | %s | ", category_name(t->category));
		usage_keys(f, t);
		fputs(" |\n", f);
	}

	fputs("\n## Free\n\nAWS charges nothing for these; what they enable is billed where it "
	      "happens.\n\n| Type | What | Why it is free |\n|---|---|---|\n",
	      f);
	for (const struct type_spec *const *tp = all; *tp; tp++) {
		const struct type_spec *t = *tp;
		if (t->price || !t->free_reason)
			continue;
		fprintf(f, "| `%s` | ", t->type);
		cell(f, t->title);
		fputs(" | ", f);
		cell(f, t->free_reason);
		fputs(" |\n", f);
	}

	fputs("\n## Not priced\n\nTypes costplan knows without a price or a reason to be free, "
	      "and the types the shipped examples and golden plans use that costplan has no "
	      "price for yet (\"not priced: costplan has no price for TYPE\").\n\n"
	      "| Type | Why |\n|---|---|\n",
	      f);
	for (const struct type_spec *const *tp = all; *tp; tp++) {
		const struct type_spec *t = *tp;
		if (t->price || t->free_reason)
			continue;
		fprintf(f, "| `%s` | known, neither priced nor free |\n", t->type);
	}
	for (size_t i = 0; EXPECTED_GAPS[i].type; i++)
		fprintf(f, "| `%s` | costplan has no price for %s (expected gap: %s) |\n",
			EXPECTED_GAPS[i].type, EXPECTED_GAPS[i].type, EXPECTED_GAPS[i].who);
	if (!unpriced && !gaps)
		fputs("| - | none |\n", f);
	fclose(f);
	return buf;
}

static void coverage_table_is_current(void **state)
{
	(void)state;
	char *want = render_coverage();
	if (getenv("UPDATE_COVERAGE")) {
		FILE *f = fopen(COVERAGE_MD, "w");
		assert_non_null(f);
		fputs(want, f);
		fclose(f);
	}
	FILE *f = fopen(COVERAGE_MD, "r");
	if (!f)
		fail_msg("%s is missing: UPDATE_COVERAGE=1 tests/unit/test_types_coverage writes it",
			 COVERAGE_MD);
	char *got = NULL;
	size_t cap = 0, n = 0, r;
	char chunk[4096];
	while ((r = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		got = realloc(got, n + r + 1);
		memcpy(got + n, chunk, r);
		n += r;
	}
	fclose(f);
	(void)cap;
	if (!got)
		got = calloc(1, 1);
	got[n] = '\0';
	if (strcmp(got, want) != 0) {
		/* the first line that differs */
		size_t line = 1, i = 0;
		while (got[i] && got[i] == want[i]) {
			line += got[i] == '\n';
			i++;
		}
		fail_msg("%s is stale from line %zu (a type, its usage keys or free reason "
			 "changed): UPDATE_COVERAGE=1 tests/unit/test_types_coverage rewrites it",
			 COVERAGE_MD, line);
	}
	free(got);
	free(want);
}

/* ---- 4. the types of the shipped examples and golden plans -------------------- */

struct seen {
	bool quiet; /* the negative control: count, say nothing */
	int failures;
	json_t *gaps_seen; /* type -> first "file: address" */
};

static void saw(struct seen *sn, const char *file, const char *type, const char *address)
{
	if (!type || schema_type(type))
		return;
	if (expected_gap(type)) {
		if (!json_object_get(sn->gaps_seen, type))
			json_object_set_new(sn->gaps_seen, type, json_sprintf("%s: %s", file, address));
		return;
	}
	if (!sn->quiet)
		print_error("%s: %s: costplan has no price for %s: give it a type file "
			    "(src/cost/types/), list it free with AWS's reason (free.c), or, when "
			    "another engineer is adding it, add it to EXPECTED_GAPS\n",
			    file, address ? address : type, type);
	sn->failures++;
}

static bool aws_provider(json_t *r)
{
	const char *p = json_string_value(json_object_get(r, "provider_name"));
	return !p || strstr(p, "hashicorp/aws") || !strcmp(p, "aws");
}

static void plan_module(struct seen *sn, const char *file, json_t *m)
{
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(m, "resources"), i, r) {
		const char *mode = json_string_value(json_object_get(r, "mode"));
		if ((mode && strcmp(mode, "managed")) || !aws_provider(r))
			continue;
		saw(sn, file, json_string_value(json_object_get(r, "type")),
		    json_string_value(json_object_get(r, "address")));
	}
	json_array_foreach(json_object_get(m, "child_modules"), i, r)
		plan_module(sn, file, r);
}

/* Types named under a scenario-shaped "resource" object. */
static void scenario_resources(struct seen *sn, const char *file, json_t *resource)
{
	const char *type, *name;
	json_t *names, *v;
	json_object_foreach(resource, type, names) {
		if (!json_is_object(names) || json_object_size(names) == 0) {
			saw(sn, file, type, type);
			continue;
		}
		json_object_foreach(names, name, v) {
			char *addr = xasprintf("%s.%s", type, name);
			saw(sn, file, type, addr);
			free(addr);
		}
	}
}

static void scan_file(struct seen *sn, const char *file)
{
	json_error_t err;
	size_t i;
	json_t *e;
	json_t *d = json_load_file(file, 0, &err);
	if (!json_is_object(d)) { /* the hostile fixtures: not plans at all */
		json_decref(d);
		return;
	}
	json_array_foreach(json_object_get(d, "resource_changes"), i, e) {
		const char *mode = json_string_value(json_object_get(e, "mode"));
		if ((mode && strcmp(mode, "managed")) || !aws_provider(e))
			continue;
		saw(sn, file, json_string_value(json_object_get(e, "type")),
		    json_string_value(json_object_get(e, "address")));
	}
	static const char *const ROOTS[] = {"planned_values", "values", NULL};
	for (int k = 0; ROOTS[k]; k++)
		plan_module(sn, file, json_object_get(json_object_get(d, ROOTS[k]), "root_module"));
	plan_module(sn, file,
		    json_object_get(json_object_get(json_object_get(d, "prior_state"), "values"),
				    "root_module"));
	scenario_resources(sn, file, json_object_get(d, "resource"));
	scenario_resources(sn, file, json_object_get(json_object_get(d, "patch"), "resource"));
	json_array_foreach(json_object_get(d, "variants"), i, e)
		scenario_resources(sn, file,
				   json_object_get(json_object_get(e, "patch"), "resource"));
	json_decref(d);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void scan_dir(struct seen *sn, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	if (!d)
		return;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len > 5 && !strcmp(de->d_name + len - 5, ".json")) {
			names = realloc(names, (n + 1) * sizeof(*names));
			names[n++] = xasprintf("%s/%s", dir, de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		scan_file(sn, names[i]);
		free(names[i]);
	}
	free(names);
}

static void examples_are_covered(void **state)
{
	(void)state;
	struct seen sn = {false, 0, json_object()};
	static const char *const DIRS[] = {"scenarios", "scenarios/upgrades", "tests/data/plans",
					   "tests/data/guide", NULL};
	for (int i = 0; DIRS[i]; i++)
		scan_dir(&sn, DIRS[i]);
	/* the gap list is honest both ways */
	for (size_t i = 0; EXPECTED_GAPS[i].type; i++)
		if (schema_type(EXPECTED_GAPS[i].type)) {
			print_error("%s is known now: remove it from EXPECTED_GAPS "
				    "(tests/unit/test_types_coverage.c) and run UPDATE_COVERAGE=1 "
				    "tests/unit/test_types_coverage\n",
				    EXPECTED_GAPS[i].type);
			sn.failures++;
		}
	/* a planted negative control: an unknown type is caught, with its place */
	struct seen probe = {true, 0, json_object()};
	saw(&probe, "probe.json", "aws_not_a_type", "aws_not_a_type.x");
	assert_int_equal(probe.failures, 1);
	json_decref(probe.gaps_seen);
	json_decref(sn.gaps_seen);
	assert_int_equal(sn.failures, 0);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_usage_key_is_priced),
		cmocka_unit_test(named_assumptions_agree),
		cmocka_unit_test(named_assumption_step_disagrees),
		cmocka_unit_test(coverage_table_is_current),
		cmocka_unit_test(examples_are_covered),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
