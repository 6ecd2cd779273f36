/*
 * test_docpath.c - --set: value typing, paths turned into merge patches
 * (flat, nested blocks, usage keys with dots), and the errors for paths
 * that name nothing, each naming the nearest valid path.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "model/docpath.h"
#include "model/merge_patch.h"
#include "model/overlay.h"
#include "util/error.h"
#include "cost/types/registry.h"

static const char DOC[] =
	"{\"costplan\":1,\"name\":\"t\",\"region\":\"us-east-1\",\"resource\":{"
	"\"aws_ecs_task_definition\":{\"api\":{\"cpu\":256,\"memory\":512}},"
	"\"aws_ecs_service\":{\"api\":{\"task_definition\":\"api\",\"desired_count\":1}},"
	"\"aws_nat_gateway\":{\"main\":{}},"
	"\"aws_s3_bucket\":{\"files\":{}},"
	"\"aws_db_instance\":{\"main\":{\"engine\":\"postgres\",\"instance_class\":\"db.t3.micro\"}},"
	"\"aws_vpc\":{\"main\":{}}},"
	"\"usage\":{\"aws_nat_gateway.main\":{\"monthly_data_processed_gb\":30}}}";

static json_t *doc(void)
{
	json_error_t err;
	json_t *d = json_loads(DOC, 0, &err);
	assert_non_null(d);
	return d;
}

static void value_typing(void **state)
{
	(void)state;
	json_t *v;
	v = docpath_value("2");
	assert_true(json_is_integer(v));
	assert_int_equal(json_integer_value(v), 2);
	json_decref(v);
	v = docpath_value("-3");
	assert_true(json_is_integer(v));
	json_decref(v);
	v = docpath_value("2.5");
	assert_true(json_is_real(v));
	assert_float_equal(json_real_value(v), 2.5, 1e-12);
	json_decref(v);
	v = docpath_value("1e3");
	assert_true(json_is_real(v));
	json_decref(v);
	v = docpath_value("true");
	assert_true(json_is_true(v));
	json_decref(v);
	v = docpath_value("false");
	assert_true(json_is_false(v));
	json_decref(v);
	v = docpath_value("null");
	assert_true(json_is_null(v));
	json_decref(v);
	v = docpath_value("ARM64");
	assert_string_equal(json_string_value(v), "ARM64");
	json_decref(v);
	v = docpath_value("\"123\""); /* quoted: a string, not a number */
	assert_string_equal(json_string_value(v), "123");
	json_decref(v);
	v = docpath_value("[\"a\",\"b\"]");
	assert_true(json_is_array(v));
	assert_int_equal(json_array_size(v), 2);
	json_decref(v);
	v = docpath_value("1.2.3"); /* not a number: a string */
	assert_string_equal(json_string_value(v), "1.2.3");
	json_decref(v);
	v = docpath_value("");
	assert_string_equal(json_string_value(v), "");
	json_decref(v);
}

/* Apply path=value to DOC and return the value found at getter. */
static json_t *set(const char *path, const char *value, int *rc, char *err, size_t errsz)
{
	json_t *d = doc(), *v = docpath_value(value), *p = NULL;
	*rc = docpath_set_patch(d, path, v, &p, err, errsz);
	json_t *out = NULL;
	if (*rc == 0)
		out = merge_patch(d, p);
	json_decref(p);
	json_decref(v);
	json_decref(d);
	return out;
}

static void paths_become_patches(void **state)
{
	char err[512];
	int rc;
	(void)state;
	json_t *d = set("resource.aws_ecs_service.api.desired_count", "3", &rc, err, sizeof(err));
	assert_int_equal(rc, 0);
	assert_int_equal(json_integer_value(json_object_get(
				 json_object_get(json_object_get(json_object_get(d, "resource"),
								 "aws_ecs_service"),
						 "api"),
				 "desired_count")),
			 3);
	/* the rest of the resource survives */
	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(json_object_get(json_object_get(d, "resource"),
								    "aws_ecs_service"),
						    "api"),
				    "task_definition")),
			    "api");
	json_decref(d);

	/* a nested block attribute is written as a block */
	d = set("resource.aws_ecs_task_definition.api.runtime_platform.cpu_architecture", "ARM64",
		&rc, err, sizeof(err));
	assert_int_equal(rc, 0);
	json_t *blk = json_object_get(
		json_object_get(json_object_get(json_object_get(d, "resource"),
						"aws_ecs_task_definition"),
				"api"),
		"runtime_platform");
	assert_string_equal(json_string_value(json_object_get(blk, "cpu_architecture")), "ARM64");
	json_decref(d);

	/* usage: the address holds a dot, the key may too */
	d = set("usage.aws_nat_gateway.main.monthly_data_processed_gb", "120.5", &rc, err,
		sizeof(err));
	assert_int_equal(rc, 0);
	assert_float_equal(json_number_value(json_object_get(
				   json_object_get(json_object_get(d, "usage"), "aws_nat_gateway.main"),
				   "monthly_data_processed_gb")),
			   120.5, 1e-9);
	json_decref(d);
	d = set("usage.aws_s3_bucket.files.standard.storage_gb", "50", &rc, err, sizeof(err));
	assert_int_equal(rc, 0);
	assert_int_equal(json_integer_value(json_object_get(
				 json_object_get(json_object_get(json_object_get(d, "usage"),
								 "aws_s3_bucket.files"),
						 "standard"),
				 "storage_gb")),
			 50);
	json_decref(d);

	/* null removes: a resource and its usage figures */
	d = set("resource.aws_nat_gateway.main", "null", &rc, err, sizeof(err));
	assert_int_equal(rc, 0);
	assert_null(json_object_get(json_object_get(json_object_get(d, "resource"), "aws_nat_gateway"),
				    "main"));
	assert_null(json_object_get(json_object_get(d, "usage"), "aws_nat_gateway.main"));
	json_decref(d);

	/* top-level settings */
	d = set("region", "eu-west-1", &rc, err, sizeof(err));
	assert_int_equal(rc, 0);
	assert_string_equal(json_string_value(json_object_get(d, "region")), "eu-west-1");
	json_decref(d);
	d = set("free_tier", "false", &rc, err, sizeof(err));
	assert_int_equal(rc, 0);
	assert_true(json_is_false(json_object_get(d, "free_tier")));
	json_decref(d);
	/* a whole block: an object, or null for its defaults */
	d = set("resource.aws_ecs_task_definition.api.runtime_platform",
		"{\"cpu_architecture\":\"ARM64\"}", &rc, err, sizeof(err));
	assert_int_equal(rc, 0);
	json_decref(d);
	d = set("resource.aws_ecs_task_definition.api.runtime_platform", "null", &rc, err,
		sizeof(err));
	assert_int_equal(rc, 0);
	json_decref(d);
	/* a free type: only count */
	d = set("resource.aws_vpc.main.count", "2", &rc, err, sizeof(err));
	assert_int_equal(rc, 0);
	json_decref(d);
}

static void expect_error(const char *path, const char *value, int code, const char *needle)
{
	char err[1024];
	int rc;
	json_t *d = set(path, value, &rc, err, sizeof(err));
	assert_null(d);
	assert_int_equal(rc, code);
	if (!strstr(err, needle)) {
		print_error("--set %s=%s: \"%s\" lacks \"%s\"\n", path, value, err, needle);
		fail();
	}
}

static void unknown_paths_name_the_nearest(void **state)
{
	(void)state;
	expect_error("resource.aws_ecs_service.apii.desired_count", "2", CP_EXIT_USAGE,
		     "nearest valid path: resource.aws_ecs_service.api.desired_count");
	expect_error("resource.aws_ecs_service.api.desired_cout", "2", CP_EXIT_USAGE,
		     "nearest valid path: resource.aws_ecs_service.api.desired_count");
	expect_error("resource.aws_ecs_servic.api.desired_count", "2", CP_EXIT_USAGE,
		     "unknown resource type \"aws_ecs_servic\"; nearest valid path: "
		     "resource.aws_ecs_service.api.desired_count");
	expect_error("usage.aws_nat_gateway.main.monthly_data_processed", "2", CP_EXIT_USAGE,
		     "nearest valid path: usage.aws_nat_gateway.main.monthly_data_processed_gb");
	expect_error("usage.aws_nat_gateway.mian.monthly_data_processed_gb", "2", CP_EXIT_USAGE,
		     "nearest valid path: usage.aws_nat_gateway.main.monthly_data_processed_gb");
	expect_error("regoin", "eu-west-1", CP_EXIT_USAGE, "nearest valid path: region");
	expect_error("resource.aws_ecs_service", "1", CP_EXIT_USAGE, "incomplete");
	expect_error("resource..api", "1", CP_EXIT_USAGE, "is not a path");
	/* incomplete paths suggest one that completes them */
	expect_error("usage", "1", CP_EXIT_USAGE, "nearest valid path: usage.");
	expect_error("usage.aws_nat_gateway.main", "1", CP_EXIT_USAGE,
		     "nearest valid path: usage.aws_nat_gateway.main.monthly_data_processed_gb");
	expect_error("resource.aws_ecs_task_definition.api.runtime_platform", "3", CP_EXIT_DATA,
		     "is a block");
	expect_error("resource.aws_vpc.main.cidr_block", "x", CP_EXIT_USAGE, "only its count");
}

static void wrong_values_are_data_errors(void **state)
{
	(void)state;
	expect_error("resource.aws_ecs_service.api.desired_count", "two", CP_EXIT_DATA,
		     "desired_count must be a whole number");
	expect_error("resource.aws_ecs_service.api.desired_count", "1.5", CP_EXIT_DATA,
		     "desired_count must be a whole number");
	expect_error("resource.aws_ecs_service.api.desired_count", "-1", CP_EXIT_DATA,
		     "between 0 and 5000");
	expect_error("resource.aws_db_instance.main.multi_az", "yes", CP_EXIT_DATA, "true or false");
	expect_error("resource.aws_ecs_task_definition.api.runtime_platform.cpu_architecture",
		     "ARM65", CP_EXIT_DATA, "choose from X86_64, ARM64");
	expect_error("resource.aws_db_instance.main.instance_class", "null", CP_EXIT_DATA,
		     "required");
	expect_error("usage.aws_nat_gateway.main.monthly_data_processed_gb", "-5", CP_EXIT_DATA,
		     "from 0 to 1e12");
	expect_error("free_tier", "maybe", CP_EXIT_DATA, "true or false");
}

static void valid_paths_listed(void **state)
{
	(void)state;
	json_t *d = doc();
	char **all = docpath_valid_paths(d);
	int found = 0;
	for (size_t i = 0; all[i]; i++)
		found += strcmp(all[i], "usage.aws_s3_bucket.files.standard.storage_gb") == 0 ||
			 strcmp(all[i], "resource.aws_ecs_service.api.spot_discount") == 0;
	assert_int_equal(found, 2);
	docpath_free_list(all);
	char *n = docpath_nearest(d, "resource.aws_db_instance.main.multiaz");
	assert_string_equal(n, "resource.aws_db_instance.main.multi_az");
	free(n);
	json_decref(d);
}

/* traffic paths: the profile's keys, per service of the document */
static void traffic_paths(void **state)
{
	(void)state;
	json_t *d = doc(), *p = NULL, *v = json_integer(10);
	char err[512];
	assert_int_equal(docpath_set_patch(d, "traffic.services.api.requests_per_second", v, &p, err,
					   sizeof(err)),
			 0);
	assert_int_equal(json_integer_value(json_object_get(
				 json_object_get(json_object_get(json_object_get(p, "traffic"), "services"),
						 "api"),
				 "requests_per_second")),
			 10);
	json_decref(p);
	/* a dotted key of a group nests */
	assert_int_equal(docpath_set_patch(d, "traffic.defaults.spikes.per_month", v, &p, err,
					   sizeof(err)),
			 0);
	assert_non_null(json_object_get(json_object_get(json_object_get(json_object_get(p, "traffic"),
									 "defaults"),
							 "spikes"),
					"per_month"));
	json_decref(p);
	assert_int_equal(docpath_set_patch(d, "traffic.database.cpu_ms_per_query", v, &p, err,
					   sizeof(err)),
			 0);
	json_decref(p);
	/* a service the document does not have: usage error, nearest path */
	assert_int_equal(docpath_set_patch(d, "traffic.services.apii.requests_per_second", v, &p, err,
					   sizeof(err)),
			 CP_EXIT_USAGE);
	assert_non_null(strstr(err, "nearest valid path: traffic.services.api.requests_per_second"));
	/* an unknown key, and a value out of range */
	assert_int_equal(docpath_set_patch(d, "traffic.defaults.rps", v, &p, err, sizeof(err)),
			 CP_EXIT_USAGE);
	json_t *neg = json_integer(-1);
	assert_int_equal(docpath_set_patch(d, "traffic.defaults.requests_per_second", neg, &p, err,
					   sizeof(err)),
			 CP_EXIT_DATA);
	assert_non_null(strstr(err, "requests_per_second must be a number from 0 to"));
	json_decref(neg);
	/* a nat gateway is no service */
	assert_int_equal(docpath_set_patch(d, "traffic.services.main.requests_per_second", v, &p, err,
					   sizeof(err)),
			 CP_EXIT_USAGE);
	json_decref(v);
	json_decref(d);
}

/* overlays compose: validated once, after all of them */
static void overlays_compose(void **state)
{
	(void)state;
	json_t *d = doc();
	struct overlay ov[2] = {{OVERLAY_SET, "resource.aws_ecs_task_definition.api.cpu=1024"},
				{OVERLAY_SET, "resource.aws_ecs_task_definition.api.memory=2048"}};
	struct whatif w = {ov, 2, 0};
	assert_int_equal(overlay_apply_all(&d, "t.json", NULL, &w, NULL, NULL), 0);
	json_t *td = json_object_get(json_object_get(json_object_get(d, "resource"),
						     "aws_ecs_task_definition"),
				     "api");
	assert_int_equal(json_integer_value(json_object_get(td, "cpu")), 1024);
	assert_int_equal(json_integer_value(json_object_get(td, "memory")), 2048);
	/* alone, the first is invalid, and *doc is left as it was */
	json_t *before = json_incref(d);
	struct whatif one = {ov, 1, 0};
	ov[0].arg = "resource.aws_ecs_task_definition.api.cpu=4096";
	assert_int_equal(overlay_apply_all(&d, "t.json", NULL, &one, NULL, NULL), CP_EXIT_DATA);
	assert_ptr_equal(d, before);
	json_decref(before);
	/* --scale-usage after the overlays, with a note */
	char **notes = NULL;
	size_t nn = 0;
	struct whatif sc = {NULL, 0, 2.5};
	assert_int_equal(overlay_apply_all(&d, "t.json", NULL, &sc, &notes, &nn), 0);
	assert_int_equal((int)nn, 1);
	assert_non_null(strstr(notes[0], "--scale-usage 2.5"));
	assert_true(json_number_value(json_object_get(
			    json_object_get(json_object_get(d, "usage"), "aws_nat_gateway.main"),
			    "monthly_data_processed_gb")) == 75.0);
	free(notes[0]);
	free(notes);
	json_decref(d);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(value_typing),
		cmocka_unit_test(paths_become_patches),
		cmocka_unit_test(unknown_paths_name_the_nearest),
		cmocka_unit_test(wrong_values_are_data_errors),
		cmocka_unit_test(valid_paths_listed),
		cmocka_unit_test(traffic_paths),
		cmocka_unit_test(overlays_compose),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
