/*
 * test_types_compute.c - the cache and compute types (issue 16) against
 * figures worked out by hand from the rows of the shipped snapshot
 * (pricing/aws/<region>/<Offer>.csv; the offer, region, usage type and
 * price of each row are named beside the arithmetic), plus the checks: a
 * class missing in the region is a located error in a scenario and "not
 * priced" in a plan; Spot and data tiering rules; the choices listed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cost/choices.h"
#include "cost/engine.h"
#include "cost/types/registry.h"
#include "model/scenario.h"

static struct catalog *cat;

static int setup(void **state)
{
	(void)state;
	cat = catalog_new("pricing");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(cat);
	return 0;
}

/* Price a scenario given as text; plan: as a Terraform plan's resources.
 * Returns cost_breakdown's code (0: *b holds the breakdown). */
static int try_price(const char *text, bool no_free, bool plan, struct breakdown *b)
{
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	struct scenario s;
	struct cost_options o = {NULL, no_free};
	if (!root)
		fail_msg("bad test JSON: %s", err.text);
	assert_int_equal(scenario_from_json(root, "test.json", NULL, &s), 0);
	s.from_plan = plan;
	int rc = cost_breakdown(&s, cat, &o, b);
	scenario_release(&s);
	json_decref(root);
	return rc;
}

static void price(const char *text, bool no_free, struct breakdown *b)
{
	assert_int_equal(try_price(text, no_free, false, b), 0);
}

/* The scenario loader's verdict alone (checks across attributes). */
static int load(const char *text)
{
	json_error_t err;
	json_t *root = json_loads(text, 0, &err);
	struct scenario s;
	if (!root)
		fail_msg("bad test JSON: %s", err.text);
	int rc = scenario_from_json(root, "test.json", NULL, &s);
	if (rc == 0)
		scenario_release(&s);
	json_decref(root);
	return rc;
}

static const char *cents(dec d)
{
	static char buf[8][DEC_BUFSZ];
	static int i;
	i = (i + 1) % 8;
	return dec_format(d, 2, buf[i], sizeof(buf[i]));
}

static const struct cost_line *line(const struct breakdown *b, const char *addr, const char *name)
{
	const struct cost_item *it = breakdown_item(b, addr);
	assert_non_null(it);
	for (size_t i = 0; i < it->n; i++)
		if (strcmp(it->lines[i].name, name) == 0)
			return &it->lines[i];
	fail_msg("no line '%s' in %s", name, addr);
	return NULL;
}

static const char *cost(const struct breakdown *b, const char *addr, const char *name)
{
	return cents(line(b, addr, name)->cost_cents);
}

static const char *item_total(const struct breakdown *b, const char *addr)
{
	const struct cost_item *it = breakdown_item(b, addr);
	assert_non_null(it);
	return cents(it->total);
}

/* ---- caches ---------------------------------------------------------------- */

static void valkey_r7g_ap_south_1(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"region\":\"ap-south-1\",\"resource\":{\"aws_elasticache_replication_group\":"
	      "{\"v\":{\"engine\":\"valkey\",\"node_type\":\"cache.r7g.large\","
	      "\"num_cache_clusters\":3}}}}",
	      true, &b);
	/* AmazonElastiCache, ap-south-1, APS3-NodeUsage:cache.r7g.large, Cache Engine Valkey,
	 * 0.1792/h: 3 nodes x 730 h x 0.1792 = 392.448 -> 392.45 */
	assert_string_equal(cost(&b, "aws_elasticache_replication_group.v",
				 "3 x cache.r7g.large (Valkey)"),
			    "392.45");
	assert_string_equal(cents(b.total), "392.45");
	breakdown_release(&b);
}

static void memcached_m7g_cluster(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_elasticache_cluster\":{\"m\":{\"engine\":\"memcached\","
	      "\"node_type\":\"cache.m7g.large\",\"num_cache_nodes\":2}}}}",
	      true, &b);
	/* AmazonElastiCache, us-east-1, NodeUsage:cache.m7g.large, Cache Engine Memcached,
	 * 0.158/h: 2 nodes x 730 h x 0.158 = 230.68 */
	assert_string_equal(item_total(&b, "aws_elasticache_cluster.m"), "230.68");
	breakdown_release(&b);
}

static void data_tiering_nodes(void **state)
{
	struct breakdown b;
	(void)state;
	price("{\"resource\":{\"aws_elasticache_replication_group\":{\"d\":{\"engine\":\"redis\","
	      "\"node_type\":\"cache.r6gd.xlarge\",\"data_tiering_enabled\":true}}}}",
	      true, &b);
	/* a cache.r6gd node is billed per node-hour like any other: a row exists */
	assert_true(dec_cmp(b.total, dec_zero()) > 0);
	breakdown_release(&b);
	/* AWS's rule both ways */
	assert_int_equal(load("{\"resource\":{\"aws_elasticache_replication_group\":{\"d\":"
			      "{\"node_type\":\"cache.r6gd.xlarge\"}}}}"),
			 CP_EXIT_DATA);
	assert_int_equal(load("{\"resource\":{\"aws_elasticache_replication_group\":{\"d\":"
			      "{\"node_type\":\"cache.r7g.large\",\"data_tiering_enabled\":true}}}}"),
			 CP_EXIT_DATA);
}

static void node_type_missing_in_region(void **state)
{
	struct breakdown b;
	const char *doc = "{\"region\":\"ap-south-1\",\"resource\":{"
			  "\"aws_elasticache_replication_group\":{\"v\":{\"engine\":\"valkey\","
			  "\"node_type\":\"cache.r7g.lrage\"}},"
			  "\"aws_elasticache_cluster\":{\"m\":{\"node_type\":\"cache.t3.micro\"}}}}";
	(void)state;
	/* a scenario: the run stops with bad input data */
	assert_int_equal(try_price(doc, true, false, &b), CP_EXIT_DATA);
	/* a plan: that resource is not priced, with the reason; the rest is */
	assert_int_equal(try_price(doc, true, true, &b), 0);
	assert_int_equal(b.nunpriced, 1);
	assert_string_equal(b.unpriced[0].address, "aws_elasticache_replication_group.v");
	assert_non_null(strstr(b.unpriced[0].why, "nearest priced there: cache.r7g.large"));
	assert_null(breakdown_item(&b, "aws_elasticache_replication_group.v"));
	/* AmazonElastiCache, ap-south-1, APS3-NodeUsage:cache.t3.micro, Memcached, 0.021/h:
	 * 730 x 0.021 = 15.33 */
	assert_string_equal(item_total(&b, "aws_elasticache_cluster.m"), "15.33");
	breakdown_release(&b);
}

static void cache_choices(void **state)
{
	struct choice_list l = {cat, "ap-south-1", "", NULL, 0, 0};
	bool valkey = false, memcached = false;
	(void)state;
	schema_type("aws_elasticache_replication_group")->choices(&l);
	assert_int_equal(l.rc, 0);
	for (size_t i = 0; i < l.n; i++) {
		valkey = valkey || !strcmp(l.v[i].what, "cache.r7g.large  Valkey");
		memcached = memcached || strstr(l.v[i].what, "Memcached");
	}
	assert_true(valkey);
	assert_false(memcached); /* replication groups are Redis OSS or Valkey */
	choices_release(&l);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valkey_r7g_ap_south_1),
		cmocka_unit_test(memcached_m7g_cluster),
		cmocka_unit_test(data_tiering_nodes),
		cmocka_unit_test(node_type_missing_in_region),
		cmocka_unit_test(cache_choices),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
