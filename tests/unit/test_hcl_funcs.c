/*
 * test_hcl_funcs.c - every function of the library (hcl_funcs_*.c): its
 * normal result, its edges and errors, and how it treats unknown
 * arguments (u is unknown, ul a known list of two unknowns, o an open
 * object, as test_hcl_util.h defines them).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "model/terraform/hcl_funcs.h"
#include "test_hcl_util.h"

static void collections(void **state)
{
	(void)state;
	EXPECT_EVAL("length([1, 2, 3])", "3");
	EXPECT_EVAL("length({a = 1})", "1");
	EXPECT_EVAL("length(\"h\xc3\xa9llo\")", "5");
	EXPECT_EVAL("length(toset([\"a\", \"a\"]))", "1");
	EXPECT_EVAL("length(ul)", "2");           /* a known list of unknown IDs */
	EXPECT_EVAL("length(u)", "?");
	EXPECT_EVAL("length(o)", "?");            /* an open object: its size is not known */
	EXPECT_ERROR("length(5)", "1:1", "a string, list, set or map is needed");

	EXPECT_EVAL("lookup({a = 1}, \"a\")", "1");
	EXPECT_EVAL("lookup({a = 1}, \"b\", 7)", "7");
	EXPECT_EVAL("lookup(o, \"name\", \"d\")", "\"x\"");
	EXPECT_EVAL("lookup(o, \"id\", \"d\")", "?");
	EXPECT_EVAL("lookup(u, \"a\", 1)", "?");
	EXPECT_ERROR("lookup({a = 1}, \"b\")", "1:1", "no key \"b\"");

	EXPECT_EVAL("merge({a = 1, b = 1}, {b = 2}, null, {c = 3})", "{a = 1, b = 2, c = 3}");
	EXPECT_EVAL("merge({a = u}, {b = 1})", "{a = ?, b = 1}");
	EXPECT_EVAL("merge({a = 1}, u)", "?");
	EXPECT_EVAL("merge()", "{}");
	EXPECT_ERROR("merge({}, [1])", "1:1", "merge(): argument 2 must be a map");

	EXPECT_EVAL("concat([1], [], [2, 3])", "[1, 2, 3]");
	EXPECT_EVAL("concat(ul, [1])", "[?, ?, 1]");
	EXPECT_EVAL("concat([1], u)", "?");

	EXPECT_EVAL("flatten([[1, [2]], [], 3])", "[1, 2, 3]");
	EXPECT_EVAL("flatten([[u], [1]])", "?");
	EXPECT_EVAL("flatten([])", "[]");

	EXPECT_EVAL("element([\"a\", \"b\", \"c\"], 1)", "\"b\"");
	EXPECT_EVAL("element([\"a\", \"b\", \"c\"], 5)", "\"c\"");   /* wraps around */
	EXPECT_EVAL("element(ul, 0)", "?");
	EXPECT_EVAL("element([1], u)", "?");
	EXPECT_ERROR("element([], 0)", "1:1", "empty list");

	EXPECT_EVAL("keys({b = 1, a = 2})", "[\"a\", \"b\"]");
	EXPECT_EVAL("values({b = 1, a = 2})", "[2, 1]");
	EXPECT_EVAL("keys({a = u})", "[\"a\"]");
	EXPECT_EVAL("values({a = u})", "[?]");
	EXPECT_EVAL("keys(o)", "?");

	EXPECT_EVAL("contains([\"a\", \"b\"], \"b\")", "true");
	EXPECT_EVAL("contains([\"a\"], \"z\")", "false");
	EXPECT_EVAL("contains(concat([\"a\"], ul), \"a\")", "true");
	EXPECT_EVAL("contains(ul, \"a\")", "?");
	EXPECT_EVAL("contains([1], u)", "?");

	EXPECT_EVAL("coalesce(null, \"\", \"x\", \"y\")", "\"x\"");
	EXPECT_EVAL("coalesce(null, 2)", "2");
	EXPECT_EVAL("coalesce(u, \"x\")", "?");
	EXPECT_EVAL("coalesce(\"a\", u)", "\"a\"");
	EXPECT_ERROR("coalesce(null, \"\")", "1:1", "every argument is null");
	EXPECT_EVAL("coalescelist([], [1], [2])", "[1]");

	EXPECT_EVAL("zipmap([\"a\", \"b\"], [1, u])", "{a = 1, b = ?}");
	EXPECT_EVAL("zipmap(ul, [1, 2])", "?");
	EXPECT_ERROR("zipmap([\"a\"], [])", "1:1", "1 keys and 0 values");

	EXPECT_EVAL("distinct([1, 2, 1, \"1\"])", "[1, 2, \"1\"]");
	EXPECT_EVAL("distinct(ul)", "?");
	EXPECT_EVAL("compact([\"a\", \"\", null, \"b\"])", "[\"a\", \"b\"]");
	EXPECT_EVAL("compact([\"a\", u])", "?");
	EXPECT_EVAL("one([])", "null");
	EXPECT_EVAL("one([5])", "5");
	EXPECT_EVAL("one(null)", "null");
	EXPECT_ERROR("one([1, 2])", "1:1", "at most one");
	EXPECT_EVAL("reverse([1, 2, 3])", "[3, 2, 1]");
	EXPECT_EVAL("slice([1, 2, 3, 4], 1, 3)", "[2, 3]");
	EXPECT_ERROR("slice([1], 0, 2)", "1:1", "do not fit");
	EXPECT_EVAL("sort([\"b\", \"a\", \"c\"])", "[\"a\", \"b\", \"c\"]");
	EXPECT_EVAL("index([\"a\", \"b\"], \"b\")", "1");
	EXPECT_EVAL("setunion([\"a\"], [\"b\", \"a\"])", "set[\"a\", \"b\"]");
	EXPECT_EVAL("setintersection([\"a\", \"b\"], [\"b\", \"c\"])", "set[\"b\"]");
	EXPECT_EVAL("setsubtract([\"a\", \"b\"], [\"b\"])", "set[\"a\"]");
	EXPECT_EVAL("chunklist([1, 2, 3], 2)", "[[1, 2], [3]]");
	EXPECT_EVAL("alltrue([true, true])", "true");
	EXPECT_EVAL("alltrue([true, u])", "?");
	EXPECT_EVAL("alltrue([false, u])", "false");
	EXPECT_EVAL("anytrue([false, true])", "true");
	EXPECT_EVAL("anytrue([])", "false");
}

static void conversions(void **state)
{
	(void)state;
	EXPECT_EVAL("tonumber(\"12\")", "12");
	EXPECT_EVAL("tonumber(\"-1.5e1\")", "-15");
	EXPECT_EVAL("tonumber(null)", "null");
	EXPECT_EVAL("tonumber(u)", "?");
	EXPECT_ERROR("tonumber(\"12a\")", "1:1", "cannot make a number of \"12a\"");
	EXPECT_ERROR("tonumber(\"0x10\")", "1:1", "cannot make a number");
	EXPECT_EVAL("tostring(5)", "\"5\"");
	EXPECT_EVAL("tostring(0.25)", "\"0.25\"");
	EXPECT_EVAL("tostring(true)", "\"true\"");
	EXPECT_ERROR("tostring([1])", "1:1", "cannot make a string");
	EXPECT_EVAL("tobool(\"true\")", "true");
	EXPECT_EVAL("tolist(toset([\"b\", \"a\"]))", "[\"a\", \"b\"]");
	EXPECT_EVAL("toset([3, 1, 3])", "set[1, 3]");
	EXPECT_EVAL("toset([\"a\", u])", "?");
	EXPECT_EVAL("tomap({a = 1})", "{a = 1}");
	EXPECT_ERROR("tomap([1])", "1:1", "must be a map");
	EXPECT_EVAL("sensitive(\"s\")", "\"s\"");
	EXPECT_EVAL("nonsensitive(\"s\")", "\"s\"");
	/* automatic conversions in operators */
	EXPECT_EVAL("\"2\" + 3", "5");
	EXPECT_EVAL("\"1\" == 1", "false");
	EXPECT_ERROR("true + 1", "1:1", "a number is needed, not true");
}

static void numbers(void **state)
{
	(void)state;
	EXPECT_EVAL("min(3, 1, 2)", "1");
	EXPECT_EVAL("max(3, \"7\", 2)", "7");
	EXPECT_EVAL("max(1, u)", "?");
	EXPECT_ERROR("min()", "1:1", "at least one number");
	EXPECT_EVAL("ceil(1.2)", "2");
	EXPECT_EVAL("floor(-1.2)", "-2");
	EXPECT_EVAL("abs(-3.5)", "3.5");
	EXPECT_EVAL("signum(-4)", "-1");
	EXPECT_EVAL("pow(2, 10)", "1024");
	EXPECT_EVAL("sum([1, 2, 3.5])", "6.5");
	EXPECT_EVAL("sum(ul)", "?");
	EXPECT_ERROR("sum([])", "1:1", "empty list");
	EXPECT_EVAL("range(3)", "[0, 1, 2]");
	EXPECT_EVAL("range(1, 4)", "[1, 2, 3]");
	EXPECT_EVAL("range(4, 1)", "[4, 3, 2]");
	EXPECT_EVAL("range(0, 1, 0.25)", "[0, 0.25, 0.5, 0.75]");
	EXPECT_EVAL("range(0)", "[]");
	EXPECT_ERROR("range(1, 5, -1)", "1:1", "away from the limit");
	EXPECT_ERROR("range(0, 1, 0)", "1:1", "must not be zero");
	EXPECT_EVAL("parseint(\"ff\", 16)", "255");
	EXPECT_EVAL("parseint(\"-101\", 2)", "-5");
	EXPECT_ERROR("parseint(\"12\", 2)", "1:1", "cannot parse");
	EXPECT_EVAL("10 % 3", "1");
	EXPECT_EVAL("7 / 2", "3.5");
	EXPECT_ERROR("1 / 0", "1:3", "division by zero");
	EXPECT_EVAL("u + 1", "?");
	EXPECT_EVAL("-u", "?");
}

static void strings(void **state)
{
	(void)state;
	EXPECT_EVAL("format(\"%s-%d\", \"a\", 5)", "\"a-5\"");
	EXPECT_EVAL("format(\"%03d|%-4s|%.2f|%5.1f\", 7, \"ab\", 3.14159, 2.25)", "\"007|ab  |3.14|  2.2\"");
	EXPECT_EVAL("format(\"%x %X %o %b\", 255, 255, 8, 5)", "\"ff FF 10 101\"");
	EXPECT_EVAL("format(\"%q %t %v %v\", \"a\\\"b\", true, 3, [1])", "\"\\\"a\\\\\\\"b\\\" true 3 [1]\"");
	EXPECT_EVAL("format(\"%#v\", {a = \"x\"})", "\"{\\\"a\\\":\\\"x\\\"}\"");
	EXPECT_EVAL("format(\"%[2]s %[1]s\", \"a\", \"b\")", "\"b a\"");
	EXPECT_EVAL("format(\"100%%\")", "\"100%\"");
	EXPECT_EVAL("format(\"%s\", u)", "?");
	EXPECT_ERROR("format(\"%d\", 1.5)", "1:1", "whole number");
	EXPECT_ERROR("format(\"%s %s\", \"a\")", "1:1", "not enough arguments");
	EXPECT_ERROR("format(\"%y\", 1)", "1:1", "unsupported format verb %y");
	EXPECT_EVAL("formatlist(\"%s=%d\", [\"a\", \"b\"], [1, 2])", "[\"a=1\", \"b=2\"]");
	EXPECT_EVAL("formatlist(\"%s-x\", [\"a\", \"b\"])", "[\"a-x\", \"b-x\"]");
	EXPECT_EVAL("formatlist(\"%s:%s\", \"k\", [\"a\", \"b\"])", "[\"k:a\", \"k:b\"]");
	EXPECT_ERROR("formatlist(\"%s%s\", [\"a\"], [\"b\", \"c\"])", "1:1", "as long as each other");

	EXPECT_EVAL("join(\", \", [\"a\", \"b\"], [\"c\"])", "\"a, b, c\"");
	EXPECT_EVAL("join(\"-\", [1, true])", "\"1-true\"");
	EXPECT_EVAL("join(\",\", ul)", "?");
	EXPECT_EVAL("split(\",\", \"a,b,,c\")", "[\"a\", \"b\", \"\", \"c\"]");
	EXPECT_EVAL("split(\",\", \"\")", "[\"\"]");
	EXPECT_EVAL("split(\"\", \"ab\")", "[\"a\", \"b\"]");
	EXPECT_EVAL("split(\":\", u)", "?");

	EXPECT_EVAL("replace(\"a-b-c\", \"-\", \"+\")", "\"a+b+c\"");
	EXPECT_EVAL("replace(\"aaa\", \"aa\", \"b\")", "\"ba\"");
	EXPECT_EVAL("replace(\"ab\", \"\", \"-\")", "\"-a-b-\"");
	EXPECT_EVAL("replace(\"a1b22c\", \"/[0-9]+/\", \"#\")", "\"a#b#c\"");
	EXPECT_EVAL("replace(\"John Smith\", \"/(\\\\w+) (\\\\w+)/\", \"$2, $1\")", "\"Smith, John\"");
	EXPECT_EVAL("replace(\"x.y\", \"/\\\\./\", \"$${1}$$\")", "\"x$y\"");
	EXPECT_EVAL("replace(\"x.y\", \"/(\\\\.)/\", \"[$${1}]\")", "\"x[.]y\"");
	EXPECT_EVAL("replace(\"abc\", \"/(?i)B/\", \"_\")", "\"a_c\"");
	EXPECT_EVAL("replace(\"abc\", \"/x*/\", \"-\")", "\"-a-b-c-\"");
	EXPECT_ERROR("replace(\"a\", \"/(?:a)/\", \"b\")", "1:1", "not supported");
	EXPECT_ERROR("replace(\"a\", \"/[/\", \"b\")", "1:1", "invalid regular expression");
	EXPECT_EVAL("regex(\"[a-z]+\", \"123abc456\")", "\"abc\"");
	EXPECT_EVAL("regex(\"(\\\\d+)-(\\\\d+)\", \"10-20\")", "[\"10\", \"20\"]");
	EXPECT_ERROR("regex(\"z\", \"abc\")", "1:1", "does not match");
	EXPECT_EVAL("regexall(\"\\\\d\", \"a1b2\")", "[\"1\", \"2\"]");
	EXPECT_EVAL("length(regexall(\"x\", \"abc\")) > 0", "false");

	EXPECT_EVAL("lower(\"AbC\xc3\x89\")", "\"abc\xc3\x89\"");
	EXPECT_EVAL("upper(\"abc\")", "\"ABC\"");
	EXPECT_EVAL("title(\"hello world\")", "\"Hello World\"");
	EXPECT_EVAL("trimspace(\"  a b \\n\")", "\"a b\"");
	EXPECT_EVAL("trim(\"?!a?\", \"?!\")", "\"a\"");
	EXPECT_EVAL("trimprefix(\"helloworld\", \"hello\")", "\"world\"");
	EXPECT_EVAL("trimsuffix(\"helloworld\", \"xx\")", "\"helloworld\"");
	EXPECT_EVAL("chomp(\"a\\n\\n\")", "\"a\"");
	EXPECT_EVAL("substr(\"hello\", 1, 3)", "\"ell\"");
	EXPECT_EVAL("substr(\"hello\", -3, -1)", "\"llo\"");
	EXPECT_EVAL("substr(\"h\xc3\xa9llo\", 1, 2)", "\"\xc3\xa9l\"");
	EXPECT_EVAL("substr(\"abc\", 1, 10)", "\"bc\"");
	EXPECT_ERROR("substr(\"abc\", 5, 1)", "1:1", "outside the string");
	EXPECT_EVAL("startswith(\"hello\", \"he\")", "true");
	EXPECT_EVAL("endswith(\"hello\", \"he\")", "false");
	EXPECT_EVAL("startswith(u, \"he\")", "?");
	EXPECT_EVAL("strcontains(\"hello\", \"ll\")", "true");
	EXPECT_EVAL("strrev(\"ab\xc3\xa9\")", "\"\xc3\xa9" "ba\"");
	EXPECT_EVAL("indent(2, \"a\\nb\\n\")", "\"a\\n  b\\n\"");
	EXPECT_EVAL("base64encode(\"Hello!\")", "\"SGVsbG8h\"");
	EXPECT_EVAL("base64encode(\"ab\")", "\"YWI=\"");
	EXPECT_EVAL("base64decode(\"SGVsbG8h\")", "\"Hello!\"");
	EXPECT_ERROR("base64decode(\"abc\")", "1:1", "not base64");
}

static void network(void **state)
{
	(void)state;
	EXPECT_EVAL("cidrsubnet(\"10.0.0.0/16\", 8, 1)", "\"10.0.1.0/24\"");
	EXPECT_EVAL("cidrsubnet(\"10.0.0.0/16\", 8, 10)", "\"10.0.10.0/24\"");
	EXPECT_EVAL("cidrsubnet(\"172.16.5.9/12\", 4, 2)", "\"172.18.0.0/16\"");
	EXPECT_EVAL("cidrsubnet(\"fd00::/56\", 8, 3)", "\"fd00:0:0:3::/64\"");
	EXPECT_ERROR("cidrsubnet(\"10.0.0.0/16\", 8, 256)", "1:1", "does not fit in 8 bits");
	EXPECT_ERROR("cidrsubnet(\"10.0.0.0/30\", 4, 0)", "1:1", "do not fit");
	EXPECT_ERROR("cidrsubnet(\"10.0.0/16\", 8, 0)", "1:1", "not an address prefix");
	EXPECT_EVAL("cidrsubnet(u, 8, 0)", "?");
	EXPECT_EVAL("cidrhost(\"10.0.1.0/24\", 5)", "\"10.0.1.5\"");
	EXPECT_EVAL("cidrhost(\"10.0.1.0/24\", -1)", "\"10.0.1.255\"");
	EXPECT_EVAL("cidrhost(\"fd00::/64\", 10)", "\"fd00::a\"");
	EXPECT_ERROR("cidrhost(\"10.0.1.0/24\", 256)", "1:1", "does not fit");
	EXPECT_EVAL("cidrnetmask(\"10.0.0.0/12\")", "\"255.240.0.0\"");
	EXPECT_EVAL("cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)",
		    "[\"10.1.0.0/20\", \"10.1.16.0/20\", \"10.1.32.0/24\", \"10.1.48.0/20\"]");
}

static void json_and_files(void **state)
{
	(void)state;
	EXPECT_EVAL("jsonencode({b = [1, 2.5, true, null], a = \"<x>&\\n\"})",
		    "\"{\\\"a\\\":\\\"\\\\u003cx\\\\u003e\\\\u0026\\\\n\\\",\\\"b\\\":[1,2.5,true,null]}\"");
	EXPECT_EVAL("jsonencode({a = u})", "?");
	EXPECT_EVAL("jsondecode(\"{\\\"a\\\": [1, \\\"x\\\", null, 2.5]}\")", "{a = [1, \"x\", null, 2.5]}");
	EXPECT_EVAL("jsondecode(\"12\")", "12");
	EXPECT_EVAL("jsondecode(jsonencode({k = [1]})).k[0]", "1");
	EXPECT_ERROR("jsondecode(\"{\")", "1:1", "not valid JSON");

	const char *d = tdir("funcs");
	char text[1200];
	twrite(d, "hello.txt", "hi ${name}\n");
	twrite(d, "loop.tpl", "%{ for s in items ~}\n[${s}]\n%{ endfor ~}\n");
	twrite(d, "rec.tpl", "${templatefile(\"rec.tpl\", {})}");
	twrite(d, "bad.txt", "\xff\xfe");
	snprintf(text, sizeof(text), "file(\"%s/hello.txt\")", d);
	EXPECT_EVAL(text, "\"hi ${name}\\n\"");
	snprintf(text, sizeof(text), "templatefile(\"%s/hello.txt\", {name = \"bob\"})", d);
	EXPECT_EVAL(text, "\"hi bob\\n\"");
	snprintf(text, sizeof(text), "templatefile(\"%s/loop.tpl\", {items = [\"a\", \"b\"]})", d);
	EXPECT_EVAL(text, "\"[a]\\n[b]\\n\"");
	snprintf(text, sizeof(text), "templatefile(\"%s/hello.txt\", {name = u})", d);
	EXPECT_EVAL(text, "?");
	snprintf(text, sizeof(text), "templatefile(\"%s/hello.txt\", {})", d);
	EXPECT_ERROR(text, "1:6:", "unknown variable \"name\"");
	snprintf(text, sizeof(text), "fileexists(\"%s/hello.txt\")", d);
	EXPECT_EVAL(text, "true");
	snprintf(text, sizeof(text), "fileexists(\"%s/none\")", d);
	EXPECT_EVAL(text, "false");
	snprintf(text, sizeof(text), "file(\"%s/none\")", d);
	EXPECT_ERROR(text, "1:1", "No such file or directory");
	snprintf(text, sizeof(text), "file(\"%s/bad.txt\")", d);
	EXPECT_ERROR(text, "1:1:", "not UTF-8 text");
	/* a template cannot call templatefile: no recursion */
	char cwd[600];
	if (!getcwd(cwd, sizeof(cwd)) || chdir(d) != 0)
		fail();
	EXPECT_ERROR("templatefile(\"rec.tpl\", {})", "1:3", "cannot be called from inside a template");
	if (chdir(cwd) != 0)
		fail();
	EXPECT_EVAL("basename(\"a/b/c.txt\")", "\"c.txt\"");
	EXPECT_EVAL("dirname(\"a/b/c.txt\")", "\"a/b\"");
	EXPECT_EVAL("dirname(\"c.txt\")", "\".\"");
}

static void try_and_can(void **state)
{
	(void)state;
	EXPECT_EVAL("try({a = 1}.b, \"fallback\")", "\"fallback\"");
	EXPECT_EVAL("try(1, 2)", "1");
	EXPECT_EVAL("try(u, 2)", "?");
	EXPECT_EVAL("try(tonumber(\"x\"), tonumber(\"5\"))", "5");
	EXPECT_EVAL("can([1][3])", "false");
	EXPECT_EVAL("can([1][0])", "true");
	EXPECT_EVAL("can(u)", "?");
	EXPECT_ERROR("try([][0], {}.x)", "1:1", "no expression in try() succeeded");
	/* limits are not caught */
	struct evres r = eval_text("try(range(1000000), 1)", 0);
	assert_int_equal(r.rc, 2);
	assert_non_null(strstr(r.error, "collection limit"));
}

static void unknown_operations(void **state)
{
	(void)state;
	EXPECT_EVAL("u == 1", "?");
	EXPECT_EVAL("u ? 1 : 2", "?");
	EXPECT_EVAL("true ? u : 2", "?");
	EXPECT_EVAL("false ? u : 2", "2");
	EXPECT_EVAL("false && u", "false");
	EXPECT_EVAL("true || u", "true");
	EXPECT_EVAL("u && false", "false");
	EXPECT_EVAL("u || false", "?");
	EXPECT_EVAL("!u", "?");
	EXPECT_EVAL("\"a-${u}\"", "?");
	EXPECT_EVAL("[for x in u : x]", "?");
	EXPECT_EVAL("[for x in ul : x]", "[?, ?]");
	EXPECT_EVAL("[for x in [1, 2] : x if u]", "?");
	EXPECT_EVAL("u[*].id", "?");
	EXPECT_EVAL("[o, o][*].id", "[?, ?]");
	EXPECT_EVAL("o.name", "\"x\"");
	EXPECT_EVAL("o.arn", "?");
	EXPECT_EVAL("o[\"id\"]", "?");
	EXPECT_EVAL("u.a.b[0]", "?");
	EXPECT_EVAL("[1, 2][u]", "?");
	EXPECT_EVAL("{(u) = 1}", "?");
	EXPECT_EVAL("\"%{ if u }a%{ endif }\"", "?");
}

/* Every function of the library, given unknown arguments (as many as it
 * needs at least, one when it takes any number), answers unknown. */
static void every_function_propagates_unknown(void **state)
{
	(void)state;
	static const char *const names[] = {
		"length",
		"lookup",
		"merge",
		"concat",
		"flatten",
		"element",
		"keys",
		"values",
		"contains",
		"coalesce",
		"coalescelist",
		"zipmap",
		"distinct",
		"compact",
		"one",
		"reverse",
		"slice",
		"sort",
		"index",
		"setunion",
		"setintersection",
		"setsubtract",
		"chunklist",
		"alltrue",
		"anytrue",
		"tolist",
		"toset",
		"tomap",
		"tonumber",
		"tostring",
		"tobool",
		"sensitive",
		"nonsensitive",
		"format",
		"formatlist",
		"join",
		"split",
		"replace",
		"regex",
		"regexall",
		"lower",
		"upper",
		"title",
		"trimspace",
		"trim",
		"trimprefix",
		"trimsuffix",
		"chomp",
		"startswith",
		"endswith",
		"strcontains",
		"substr",
		"strrev",
		"indent",
		"base64encode",
		"base64decode",
		"min",
		"max",
		"ceil",
		"floor",
		"abs",
		"signum",
		"pow",
		"sum",
		"range",
		"parseint",
		"cidrsubnet",
		"cidrsubnets",
		"cidrhost",
		"cidrnetmask",
		"file",
		"fileexists",
		"templatefile",
		"jsonencode",
		"jsondecode",
		"basename",
		"dirname",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct hcl_func *f = hcl_func_find(names[i]);
		char text[200];
		size_t o;
		assert_non_null(f);
		o = (size_t)snprintf(text, sizeof(text), "%s(", names[i]);
		for (int k = 0; k < (f->min ? f->min : 1); k++)
			o += (size_t)snprintf(text + o, sizeof(text) - o, "%su", k ? ", " : "");
		snprintf(text + o, sizeof(text) - o, ")");
		EXPECT_EVAL(text, "?");
	}
	assert_int_equal(sizeof(names) / sizeof(names[0]), 77);
}

static void unsupported_function(void **state)
{
	(void)state;
	EXPECT_EVAL("md5(\"x\")", "?");
	EXPECT_EVAL("length([uuid()])", "1");
}

static void limits(void **state)
{
	(void)state;
	struct evres r = eval_text("range(1000000)", 0);
	assert_int_equal(r.rc, 2);
	assert_non_null(strstr(r.error, "range() would make 1000000 elements"));
	r = eval_text("[for i in range(1000) : [for j in range(1000) : [for k in range(1000) : k]]]", 0);
	assert_int_equal(r.rc, 2);
	assert_non_null(strstr(r.error, "limit"));
	/* ten million characters run into the string limit */
	r = eval_text("join(\"\", [for i in range(100000) : format(\"%0100d\", i)])", 0);
	assert_int_equal(r.rc, 2);
	assert_non_null(strstr(r.error, "string limit"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(collections),
		cmocka_unit_test(conversions),
		cmocka_unit_test(numbers),
		cmocka_unit_test(strings),
		cmocka_unit_test(network),
		cmocka_unit_test(json_and_files),
		cmocka_unit_test(try_and_can),
		cmocka_unit_test(unknown_operations),
		cmocka_unit_test(every_function_propagates_unknown),
		cmocka_unit_test(unsupported_function),
		cmocka_unit_test(limits),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tdir_cleanup();
	return rc;
}
