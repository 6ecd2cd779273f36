/*
 * test_yaml.c - YAML into JSON (util/yaml.h): the core schema's scalar
 * types, anchors, aliases and merge keys, positions, and each limit on
 * hostile input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/yaml.h"

static json_t *load(const char *text, struct json_pos **pos)
{
	json_t *root = NULL;
	struct json_pos *p = NULL;
	int rc = yaml_to_json(text, strlen(text), "t.yml", &root, &p);
	if (pos)
		*pos = p;
	else
		json_pos_free(p);
	return rc ? NULL : root;
}

static void scalar_types(void **state)
{
	(void)state;
	json_t *r = load("a: 42\nb: -7\nc: 1_000\nd: 0x2A\ne: 1.5\nf: .5\ng: 1e3\n"
			 "h: true\ni: ~\nj:\nk: \"42\"\nl: 1_year\nm: gp3\nn: !!str 7\no: .inf\n"
			 "p: 99999999999999999999\n",
			 NULL);
	assert_non_null(r);
	assert_int_equal(json_integer_value(json_object_get(r, "a")), 42);
	assert_int_equal(json_integer_value(json_object_get(r, "b")), -7);
	assert_int_equal(json_integer_value(json_object_get(r, "c")), 1000);
	assert_int_equal(json_integer_value(json_object_get(r, "d")), 42);
	assert_true(json_real_value(json_object_get(r, "e")) == 1.5);
	assert_true(json_real_value(json_object_get(r, "f")) == 0.5);
	assert_true(json_real_value(json_object_get(r, "g")) == 1000.0);
	assert_true(json_is_true(json_object_get(r, "h")));
	assert_true(json_is_null(json_object_get(r, "i")));
	assert_true(json_is_null(json_object_get(r, "j")));
	assert_string_equal(json_string_value(json_object_get(r, "k")), "42");
	assert_string_equal(json_string_value(json_object_get(r, "l")), "1_year");
	assert_string_equal(json_string_value(json_object_get(r, "m")), "gp3");
	assert_string_equal(json_string_value(json_object_get(r, "n")), "7");
	assert_true(json_is_string(json_object_get(r, "o"))); /* no JSON form */
	assert_true(json_is_real(json_object_get(r, "p")));
	json_decref(r);
}

static void anchors_and_merges(void **state)
{
	(void)state;
	json_t *r = load("base: &b {x: 1, y: 2}\n"
			 "copy: *b\n"
			 "merged:\n  <<: *b\n  y: 3\n"
			 "many:\n  <<: [*b, {z: 4}]\n",
			 NULL);
	assert_non_null(r);
	assert_true(json_equal(json_object_get(r, "copy"), json_object_get(r, "base")));
	json_t *m = json_object_get(r, "merged");
	assert_int_equal(json_integer_value(json_object_get(m, "x")), 1);
	assert_int_equal(json_integer_value(json_object_get(m, "y")), 3); /* explicit wins */
	assert_null(json_object_get(m, "<<"));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(r, "many"), "z")), 4);
	json_decref(r);
}

static void positions(void **state)
{
	(void)state;
	struct json_pos *p;
	json_t *r = load("version: 0.1\nresource_usage:\n  aws_lb.main:\n    new_connections: 5\n"
			 "list:\n  - a\n  - b\n",
			 &p);
	assert_non_null(r);
	int line = 0, col = 0;
	assert_int_equal(json_pos_find(p, "resource_usage.aws_lb.main.new_connections", &line, &col), 0);
	assert_int_equal(line, 4);
	assert_int_equal(col, 5);
	assert_int_equal(json_pos_find(p, "list[1]", &line, &col), 0);
	assert_int_equal(line, 7);
	json_pos_free(p);
	json_decref(r);
}

static void limits(void **state)
{
	(void)state;
	cp_quiet = 1;
	/* billion laughs: stops at the value limit, quickly */
	char laughs[4096] = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
	const char *names = "abcdefghij";
	for (int i = 1; i < 10; i++) {
		char line[256];
		snprintf(line, sizeof(line), "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n",
			 names[i], names[i], names[i - 1], names[i - 1], names[i - 1], names[i - 1],
			 names[i - 1], names[i - 1], names[i - 1], names[i - 1], names[i - 1],
			 names[i - 1]);
		strcat(laughs, line);
	}
	assert_null(load(laughs, NULL));
	/* depth */
	char *deep = malloc(20001);
	memset(deep, '[', 20000);
	deep[20000] = '\0';
	assert_null(load(deep, NULL));
	free(deep);
	/* a huge scalar */
	size_t n = YAML_MAX_SCALAR + 16;
	char *big = malloc(n + 8);
	memcpy(big, "a: ", 3);
	memset(big + 3, '9', n);
	big[n + 3] = '\0';
	assert_null(load(big, NULL));
	free(big);
	/* duplicate keys, two documents, an unknown alias, a complex key */
	assert_null(load("a: 1\na: 2\n", NULL));
	assert_null(load("a: 1\n---\nb: 2\n", NULL));
	assert_null(load("a: *nope\n", NULL));
	assert_null(load("? [a, b]\n: 1\n", NULL));
	/* an empty document is null, not an error */
	json_t *e = load("", NULL);
	assert_non_null(e);
	assert_true(json_is_null(e));
	json_decref(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scalar_types),
		cmocka_unit_test(anchors_and_merges),
		cmocka_unit_test(positions),
		cmocka_unit_test(limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
