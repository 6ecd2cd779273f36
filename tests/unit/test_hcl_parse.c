/*
 * test_hcl_parse.c - the HCL native syntax reader (hcl_lex, hcl_parse,
 * hcl_tpl): comments, bodies and blocks, literals, collections, operators
 * and their precedence, conditionals, for expressions, splats, indexes,
 * calls with ..., templates with directives and strip markers, heredocs
 * and their indentation, and errors with their exact line and column.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_hcl_util.h"

/* ---- bodies ------------------------------------------------------------- */

static void describe_body(const struct hcl_body *b, char *buf, size_t size, size_t *o);

static void describe_body(const struct hcl_body *b, char *buf, size_t size, size_t *o)
{
	for (size_t i = 0; i < b->nattrs; i++)
		*o += (size_t)snprintf(buf + *o, size - *o, "%s@%d:%d;", b->attrs[i].name,
				       b->attrs[i].pos.line, b->attrs[i].pos.col);
	for (size_t i = 0; i < b->nblocks; i++) {
		const struct hcl_block *k = &b->blocks[i];
		*o += (size_t)snprintf(buf + *o, size - *o, "%s", k->type);
		for (size_t j = 0; j < k->nlabels; j++)
			*o += (size_t)snprintf(buf + *o, size - *o, "%s%s", j ? "," : "(", k->labels[j]);
		*o += (size_t)snprintf(buf + *o, size - *o, "%s{", k->nlabels ? ")" : "");
		describe_body(k->body, buf, size, o);
		*o += (size_t)snprintf(buf + *o, size - *o, "}");
	}
}

/* Parse a file; the outline ("a@1:1;resource(x,y){b@2:3;}") or the error. */
static const char *outline(const char *text)
{
	static char buf[2048];
	struct hcl_run r;
	struct hcl_catch c;
	size_t o = 0;
	hcl_run_init(&r);
	hcl_catch_push(&r, &c, false);
	if (setjmp(c.jb)) {
		snprintf(buf, sizeof(buf), "error %d:%d: %s", r.diag.pos.line, r.diag.pos.col, r.diag.msg);
		hcl_run_free(&r);
		return buf;
	}
	struct hcl_body *b = hcl_parse_body(&r, "t.tf", text, strlen(text));
	buf[0] = '\0';
	describe_body(b, buf, sizeof(buf), &o);
	hcl_catch_pop(&r, &c);
	hcl_run_free(&r);
	return buf;
}

static void comments_and_bodies(void **state)
{
	(void)state;
	assert_string_equal(outline("a = 1 # hash\nb = 2 // slashes\nc = /* inline */ 3\n"
				    "/* a block\n comment */\nd = 4"),
			    "a@1:1;b@2:1;c@3:1;d@6:1;");
	assert_string_equal(outline("resource \"aws_vpc\" \"main\" {\n  cidr = \"x\"\n}\n"),
			    "resource(aws_vpc,main){cidr@2:3;}");
	assert_string_equal(outline("provider aws {\n  region = \"r\"\n  default_tags {\n"
				    "    tags = {}\n  }\n}\n"),
			    "provider(aws){region@2:3;default_tags{tags@4:5;}}");
	/* one-line blocks: empty, or one attribute */
	assert_string_equal(outline("lifecycle {}\nx \"a\" { y = 1 }\n"), "lifecycle{}x(a){y@2:9;}");
	assert_string_equal(outline("\n\n  \t\n"), "");
	/* CRLF line ends and a byte order mark */
	assert_string_equal(outline("\xEF\xBB\xBF" "a = 1\r\nb {\r\n  c = 2\r\n}\r\n"), "a@1:1;b{c@3:3;}");
}

static void body_errors(void **state)
{
	(void)state;
	assert_string_equal(outline("a = 1 b = 2\n"),
			    "error 1:7: expected a newline after the attribute value, found \"b\"");
	assert_string_equal(outline("a = 1\na = 2\n"),
			    "error 2:1: attribute \"a\" is set twice in this block (first at line 1)");
	assert_string_equal(outline("b {\n  c = 1\n"),
			    "error 1:3: unclosed block: this { has no matching }");
	assert_string_equal(outline("x { a = 1 b = 2 }\n"),
			    "error 1:11: expected } to close the one-line block (put further attributes "
			    "on their own lines), found \"b\"");
	assert_string_equal(outline("resource \"a\" \"${b}\" {}\n"),
			    "error 1:14: block labels must be literal strings, without ${ } or %{ }");
	assert_string_equal(outline("= 1\n"), "error 1:1: expected an attribute or a block, found \"=\"");
	assert_string_equal(outline("a = $\n"), "error 1:5: invalid character '$'");
	assert_string_equal(outline("a = 1 & 2\n"),
			    "error 1:7: invalid character '&': the logical operator is &&");
	assert_string_equal(outline("a = \"abc\n"),
			    "error 1:5: unterminated string: a quoted string cannot span lines (use \\n "
			    "or a heredoc)");
	assert_string_equal(outline("a = 1\n/* open"), "error 2:1: unterminated comment: a /* comment needs */");
	assert_string_equal(outline("a = \"\\q\"\n"),
			    "error 1:6: invalid escape sequence \\q in a string (escapes are \\n \\r \\t "
			    "\\\" \\\\ \\uNNNN \\UNNNNNNNN)");
	assert_string_equal(outline("a = <<EOT\nhello\n"),
			    "error 1:5: unterminated heredoc: no line with EOT closes it");
	assert_string_equal(outline("a = \"%{ endif }\"\n"),
			    "error 1:6: unexpected %{endif}: no matching %{if} before it");
	assert_string_equal(outline("a = \"%{ if true }x\"\n"),
			    "error 1:6: unclosed %{if}: it needs a %{endif}");
	assert_string_equal(outline("a = [1, 2\nb = 3\n"),
			    "error 2:1: expected , or ] in the list, found \"b\"");
	assert_string_equal(outline("a = {\n  x = 1\n  y = \n}\n"),
			    "error 4:1: invalid expression: expected the start of an expression, found \"}\"");
	assert_string_equal(outline("a = f(1,\n"),
			    "error 2:1: invalid expression: expected the start of an expression, found the "
			    "end of the file");
	assert_string_equal(outline("a = \"x\xff\"\n"),
			    "error 1:7: not UTF-8 text: byte \\xFF is not part of a UTF-8 character");
	/* columns count characters, not bytes */
	assert_string_equal(outline("a = \"\xc3\xa9\xc3\xa9\" $\n"), "error 1:10: invalid character '$'");
}

/* ---- literals and collections --------------------------------------------- */

static void literals(void **state)
{
	(void)state;
	EXPECT_EVAL("1", "1");
	EXPECT_EVAL("1.5", "1.5");
	EXPECT_EVAL("1e3", "1000");
	EXPECT_EVAL("2E-2", "0.02");
	EXPECT_EVAL("-7", "-7");
	EXPECT_EVAL("true", "true");
	EXPECT_EVAL("null", "null");
	EXPECT_EVAL("\"a\\tb\\\"c\\\\\"", "\"a\\tb\\\"c\\\\\"");
	EXPECT_EVAL("\"\\u00e9\\U0001F600\"", "\"\xc3\xa9\xf0\x9f\x98\x80\"");
	EXPECT_EVAL("\"$${x} %%{y} $ %\"", "\"${x} %{y} $ %\"");
	EXPECT_EVAL("[1, \"a\", [true],]", "[1, \"a\", [true]]");
	EXPECT_EVAL("[\n  1,\n  2\n]", "[1, 2]");
	EXPECT_EVAL("{b = 1, \"a\" = 2, c: 3}", "{a = 2, b = 1, c = 3}");
	EXPECT_EVAL("{\n  b = 1\n  a = [\n    2,\n  ]\n}", "{a = [2], b = 1}");
	EXPECT_EVAL("{(\"k${1}\") = 1}", "{k1 = 1}");
	EXPECT_ERROR("{a = 1, a = 2}", "1:1", "duplicate key \"a\"");
}

static void precedence(void **state)
{
	(void)state;
	EXPECT_EVAL("1 + 2 * 3", "7");
	EXPECT_EVAL("(1 + 2) * 3", "9");
	EXPECT_EVAL("10 - 4 - 3", "3");
	EXPECT_EVAL("8 / 4 / 2", "1");
	EXPECT_EVAL("2 * 7 % 4", "2");
	EXPECT_EVAL("-2 * 3", "-6");
	EXPECT_EVAL("- 2 + 5", "3");
	EXPECT_EVAL("1 + 2 < 4", "true");
	EXPECT_EVAL("1 < 2 == 2 > 1", "true");
	EXPECT_EVAL("true || false && false", "true");
	EXPECT_EVAL("!true || true", "true");
	EXPECT_EVAL("!(true || true)", "false");
	EXPECT_EVAL("1 == 1 && 2 != 3", "true");
	EXPECT_EVAL("false ? 1 : true ? 2 : 3", "2");
	EXPECT_EVAL("1 + 1 == 2 ? \"y\" : \"n\"", "\"y\"");
	EXPECT_EVAL("5 >= 5 && 4 <= 3", "false");
	/* a line break after an operator continues the expression */
	EXPECT_EVAL("[1 +\n 2, true ?\n 3 :\n 4]", "[3, 3]");
}

static void traversals_and_splats(void **state)
{
	(void)state;
	EXPECT_EVAL("[[1, 2], [3]][0][1]", "2");
	EXPECT_EVAL("{a = {b = [5]}}.a.b[0]", "5");
	EXPECT_EVAL("{a = [7, 8]}.a.1", "8"); /* legacy index */
	EXPECT_EVAL("[[1, [2, 3]]].0.1.0", "2");
	EXPECT_EVAL("[{id = 1}, {id = 2}][*].id", "[1, 2]");
	EXPECT_EVAL("[{a = [1, 2]}, {a = [3, 4]}][*].a[0]", "[1, 3]");   /* full splat: index inside */
	EXPECT_EVAL("[{a = [1, 2]}, {a = [3, 4]}].*.a[0]", "[1, 2]");    /* attribute splat: outside */
	EXPECT_EVAL("{id = 9}[*].id", "[9]");                            /* a single value: wrapped */
	EXPECT_EVAL("null[*]", "[]");
	EXPECT_EVAL("toset([\"b\", \"a\"])[*]", "[\"a\", \"b\"]");
	EXPECT_EVAL("m[\"a\"] + m.b", "3");
	EXPECT_ERROR("[1][2]", "1:4", "out of range");
	EXPECT_ERROR("{a = 1}.b", "1:9", "no attribute \"b\"");
	EXPECT_ERROR("[{a = 1}].a", "1:11", "use [*].a");
}

static void calls(void **state)
{
	(void)state;
	EXPECT_EVAL("max(1, 5, 3)", "5");
	EXPECT_EVAL("max([2, 9, 4]...)", "9");
	EXPECT_EVAL("concat([[1], [2, 3]]...)", "[1, 2, 3]");
	EXPECT_EVAL("[{a = [1, 2]}][*]\n.a[\n1]", "[2]");
	EXPECT_EVAL("min(\n  4,\n  2,\n)", "2");
	EXPECT_ERROR("max([1]...,)", "1:11", "expected ) after the expanded argument ...");
	EXPECT_ERROR("max(1, [2])", "1:1", "max(): argument 2 must be a number");
	EXPECT_ERROR("upper()", "1:1", "upper() takes 1 argument, got 0");
	EXPECT_ERROR("max(1...)", "1:5", "... needs a list or set, not 1");
}

static void for_expressions(void **state)
{
	(void)state;
	EXPECT_EVAL("[for v in [\"a\", \"b\"] : v]", "[\"a\", \"b\"]");
	EXPECT_EVAL("[for i, v in [\"a\", \"b\"] : i]", "[0, 1]");
	EXPECT_EVAL("{for i, v in [\"a\", \"b\"] : v => i}", "{a = 0, b = 1}");
	EXPECT_EVAL("{for i, v in [\"a\", \"a\", \"b\"] : v => i...}", "{a = [0, 1], b = [2]}");
	EXPECT_EVAL("[for i, v in [\"a\", \"b\", \"c\"] : v if i < 2]", "[\"a\", \"b\"]");
	EXPECT_EVAL("[for k, v in {b = 2, a = 1} : \"${k}=${v}\"]", "[\"a=1\", \"b=2\"]");
	EXPECT_EVAL("{for s in toset([\"x\", \"y\"]) : s => upper(s)}", "{x = \"X\", y = \"Y\"}");
	EXPECT_EVAL("[for x in [1, 2] : [for y in [10, 20] : x * y]]", "[[10, 20], [20, 40]]");
	EXPECT_EVAL("[\n  for x in [3, 4] :\n  x + 1\n  if x > 3\n]", "[5]");
	EXPECT_ERROR("{for v in [\"a\", \"a\"] : v => 1}", "1:24", "duplicate key");
	EXPECT_ERROR("[for v in 5 : v]", "1:11", "cannot iterate over 5");
	EXPECT_ERROR("[for v in [1] : v if v]", "1:22", "must be true or false");
}

/* ---- templates ---------------------------------------------------------------- */

static void templates(void **state)
{
	(void)state;
	EXPECT_EVAL("\"a${1 + 1}b\"", "\"a2b\"");
	EXPECT_EVAL("\"${true}\"", "true");          /* unwrapping keeps the type */
	EXPECT_EVAL("\"${\"\"}${true}\"", "\"true\"");
	EXPECT_EVAL("\"%{ if 1 > 0 }yes%{ else }no%{ endif }\"", "\"yes\"");
	EXPECT_EVAL("\"%{ if false }yes%{ endif }\"", "\"\"");
	EXPECT_EVAL("\"%{ for x in [1, 2, 3] }${x},%{ endfor }\"", "\"1,2,3,\"");
	EXPECT_EVAL("\"%{ for k, v in {a = 1} }${k}:${v}%{ endfor }\"", "\"a:1\"");
	EXPECT_EVAL("\"%{ for v in [true] }${v}%{ endfor }\"", "\"true\"");
	/* strip markers */
	EXPECT_EVAL("\"hello ${~ \"world\" }\"", "\"helloworld\"");
	EXPECT_EVAL("\"%{ if true ~} hello %{~ endif }\"", "\"hello\"");
	EXPECT_EVAL("\"${\"hello\" ~}${\" world\"}\"", "\"hello world\"");
	EXPECT_EVAL("\"a  ${~ 1 ~}  b\"", "\"a1b\"");
	EXPECT_ERROR("\"a${[1]}\"", "1:5", "cannot be written into a string");
	EXPECT_ERROR("\"a${null}\"", "1:5", "the value is null");
	/* a template on its own (JSON strings, templatefile) */
	EXPECT_TPL("x = ${1 + 2}\n%{ for n in [\"a\", \"b\"] ~}\n- ${n}\n%{ endfor ~}\n",
		   "\"x = 3\\n- a\\n- b\\n\"");
	EXPECT_TPL("${[1, 2]}", "[1, 2]");
}

static void heredocs(void **state)
{
	(void)state;
	EXPECT_EVAL("<<EOT\nhello\n  world\nEOT\n", "\"hello\\n  world\\n\"");
	/* <<- removes the smallest indentation; the closing marker may be indented */
	EXPECT_EVAL("<<-EOT\n    a\n      b\n    c\n  EOT\n", "\"a\\n  b\\nc\\n\"");
	/* blank lines do not count */
	EXPECT_EVAL("<<-EOT\n    a\n\n    b\n    EOT\n", "\"a\\n\\nb\\n\"");
	/* an interpolation at the start of a line is indentation 0 */
	EXPECT_EVAL("<<-EOT\n    a\n${\"x\"}\nEOT\n", "\"    a\\nx\\n\"");
	EXPECT_EVAL("<<-EOT\n  ${1} one\n  ${2} two\nEOT\n", "\"1 one\\n2 two\\n\"");
	/* no escapes in heredocs; ${} and %{} work */
	EXPECT_EVAL("<<EOT\na\\nb $${x} %{ if true }y%{ endif }\nEOT\n", "\"a\\\\nb ${x} y\\n\"");
	/* the delimiter must stand alone on its line */
	EXPECT_EVAL("<<EOT\nEOTX\nEOT\n", "\"EOTX\\n\"");
	EXPECT_EVAL("<<EOT\nEOT\n", "\"\"");
	EXPECT_ERROR("<<EOT x\nEOT\n", "1:1", "the delimiter name must end its line");
}

static void nesting_limit(void **state)
{
	(void)state;
	char deep[2 * (HCL_MAX_NESTING + 10) + 2];
	size_t n = HCL_MAX_NESTING + 10;
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	deep[2 * n] = '\0';
	struct evres r = eval_text(deep, 0);
	assert_int_equal(r.rc, 2);
	assert_non_null(strstr(r.error, "nesting limit"));
	/* just under the limit is fine */
	n = HCL_MAX_NESTING / 2 - 2;
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	deep[2 * n] = '\0';
	r = eval_text(deep, 0);
	assert_int_equal(r.rc, 0);
	/* a long chain of operators counts too */
	char chain[4 * HCL_MAX_NESTING + 10];
	size_t o = 0;
	for (int i = 0; i < HCL_MAX_NESTING + 5; i++)
		o += (size_t)snprintf(chain + o, sizeof(chain) - o, "1+");
	snprintf(chain + o, sizeof(chain) - o, "1");
	r = eval_text(chain, 0);
	assert_int_equal(r.rc, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(comments_and_bodies),
		cmocka_unit_test(body_errors),
		cmocka_unit_test(literals),
		cmocka_unit_test(precedence),
		cmocka_unit_test(traversals_and_splats),
		cmocka_unit_test(calls),
		cmocka_unit_test(for_expressions),
		cmocka_unit_test(templates),
		cmocka_unit_test(heredocs),
		cmocka_unit_test(nesting_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
