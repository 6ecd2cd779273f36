/*
 * test_merge_patch.c - RFC 7386: every example of Appendix A, the example
 * of section 3, and the promise that inputs are never modified.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>

#include "model/merge_patch.h"
#include "cost/types/registry.h"

static json_t *J(const char *text)
{
	json_error_t err;
	json_t *v = json_loads(text, JSON_DECODE_ANY, &err);
	assert_non_null(v);
	return v;
}

static void check(const char *target, const char *patch, const char *want)
{
	json_t *t = J(target), *p = J(patch), *w = J(want);
	json_t *t0 = json_deep_copy(t), *p0 = json_deep_copy(p);
	json_t *got = merge_patch(t, p);
	if (!json_equal(got, w)) {
		char *g = json_dumps(got, JSON_ENCODE_ANY | JSON_SORT_KEYS);
		print_error("MergePatch(%s, %s) = %s, want %s\n", target, patch, g, want);
		free(g);
		fail();
	}
	/* the inputs are untouched */
	assert_true(json_equal(t, t0));
	assert_true(json_equal(p, p0));
	json_decref(t);
	json_decref(p);
	json_decref(w);
	json_decref(t0);
	json_decref(p0);
	json_decref(got);
}

static void appendix_a(void **state)
{
	(void)state;
	check("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
	check("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}");
	check("{\"a\":\"b\"}", "{\"a\":null}", "{}");
	check("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}");
	check("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
	check("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}");
	check("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}");
	check("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}");
	check("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]");
	check("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]");
	check("{\"a\":\"foo\"}", "null", "null");
	check("{\"a\":\"foo\"}", "\"bar\"", "\"bar\"");
	check("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}");
	check("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}");
	check("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}");
}

static void section_3_example(void **state)
{
	(void)state;
	check("{\"title\":\"Goodbye!\",\"author\":{\"givenName\":\"John\",\"familyName\":\"Doe\"},"
	      "\"tags\":[\"example\",\"sample\"],\"content\":\"This will be unchanged\"}",
	      "{\"title\":\"Hello!\",\"phoneNumber\":\"+01-123-456-7890\","
	      "\"author\":{\"familyName\":null},\"tags\":[\"example\"]}",
	      "{\"title\":\"Hello!\",\"author\":{\"givenName\":\"John\"},\"tags\":[\"example\"],"
	      "\"content\":\"This will be unchanged\",\"phoneNumber\":\"+01-123-456-7890\"}");
}

static void absent_target_and_deep_nesting(void **state)
{
	(void)state;
	json_t *p = J("{\"resource\":{\"aws_eip\":{\"nat\":null},\"aws_lb\":{\"main\":{\"x\":1}}}}");
	json_t *got = merge_patch(NULL, p);
	json_t *w0 = J("{\"resource\":{\"aws_eip\":{},\"aws_lb\":{\"main\":{\"x\":1}}}}");
	assert_true(json_equal(got, w0));
	json_decref(w0);
	json_decref(got);
	/* a scenario-shaped patch: nested objects merge, siblings survive */
	json_t *t = J("{\"resource\":{\"aws_db_instance\":{\"main\":{\"multi_az\":false,"
		      "\"instance_class\":\"db.t3.micro\"}}},\"usage\":{\"a.b\":{\"x\":1}}}");
	json_t *q = J("{\"resource\":{\"aws_db_instance\":{\"main\":{\"multi_az\":true}}},"
		      "\"usage\":{\"a.b\":null}}");
	got = merge_patch(t, q);
	json_t *want = J("{\"resource\":{\"aws_db_instance\":{\"main\":{\"multi_az\":true,"
			 "\"instance_class\":\"db.t3.micro\"}}},\"usage\":{}}");
	assert_true(json_equal(got, want));
	json_decref(got);
	json_decref(want);
	json_decref(t);
	json_decref(q);
	json_decref(p);
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(appendix_a),
		cmocka_unit_test(section_3_example),
		cmocka_unit_test(absent_target_and_deep_nesting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
