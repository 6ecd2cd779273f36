/*
 * test_escape.c - text from inputs made safe for each output (escape.h,
 * jsonw.h, cp_sanitize) and the UTF-8 checks behind them (utf8.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/escape.h"
#include "report/jsonw.h"
#include "util/error.h"
#include "util/utf8.h"
#include "cost/types/registry.h"

/* Run one writer on s, return what it wrote (static buffer). */
static const char *W(void (*fn)(FILE *, const char *), const char *s)
{
	static char out[4][1024];
	static int k;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	assert_non_null(f);
	fn(f, s);
	fclose(f);
	k = (k + 1) % 4;
	assert_true(n < sizeof(out[k]));
	memcpy(out[k], buf, n + 1);
	free(buf);
	return out[k];
}

static void utf8_validity(void **state)
{
	(void)state;
	assert_true(utf8_valid("caf\xc3\xa9", 5));
	assert_true(utf8_valid("\xf0\x9f\x92\xb8", 4)); /* U+1F4B8 */
	assert_true(utf8_valid("", 0));
	assert_false(utf8_valid("caf\xe9", 4));          /* Latin-1 */
	assert_false(utf8_valid("\xc0\xaf", 2));         /* overlong '/' */
	assert_false(utf8_valid("\xe0\x80\xaf", 3));     /* overlong */
	assert_false(utf8_valid("\xed\xa0\x80", 3));     /* surrogate D800 */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4)); /* beyond U+10FFFF */
	assert_false(utf8_valid("\xc3", 1));             /* cut short at the end */
	assert_false(utf8_valid("\xe2\x82", 2));
	long cp;
	assert_int_equal(utf8_next("\xc2\x9b", &cp), 2);
	assert_int_equal(cp, 0x9b);
	assert_true(utf8_unsafe_for_terminal(cp));
	assert_true(utf8_unsafe_for_terminal(0x202e));
	assert_true(utf8_unsafe_for_terminal(0x2066));
	assert_false(utf8_unsafe_for_terminal(0xe9));
	assert_false(utf8_unsafe_for_terminal('a'));
}

static void terminal(void **state)
{
	(void)state;
	assert_string_equal(W(term_write, "a\x1b[2Jb"), "a\\x1b[2Jb");
	assert_string_equal(W(term_write, "csi \xc2\x9b" "31m"), "csi U+009B31m");
	assert_string_equal(W(term_write, "\xe2\x80\xae" "exe"), "U+202Eexe");
	assert_string_equal(W(term_write, "bad \xff byte"), "bad \\xff byte");
	assert_string_equal(W(term_write, "caf\xc3\xa9 \xe2\x82\xac"), "caf\xc3\xa9 \xe2\x82\xac");
	char buf[32];
	assert_string_equal(cp_sanitize("x\x1b]0;t\x07\xc2\x9b", buf, sizeof(buf)),
			    "x\\x1b]0;t\\x07U+009B");
	/* cut with "...", never inside a UTF-8 sequence */
	assert_string_equal(cp_sanitize("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", buf, 12),
			    "\xc3\xa9\xc3\xa9...");
}

/* Found by fuzz_overlay: a "U+XXXX" right before the cut wrote one byte
 * past the buffer. Every size, every mix of 1-, 4- and 6-byte forms. */
static void sanitize_never_overflows(void **state)
{
	static const char *const units[] = {"a", "\x1b", "\xc2\x9e", "\xff", "\xc3\xa9"};
	(void)state;
	for (size_t u = 0; u < 5; u++)
		for (size_t v = 0; v < 5; v++) {
			char in[400] = "";
			for (int i = 0; i < 40; i++) {
				strcat(in, units[u]);
				strcat(in, units[v]);
			}
			for (size_t size = 0; size < 64; size++) {
				char buf[80];
				memset(buf, '#', sizeof(buf));
				cp_sanitize(in, buf, size);
				for (size_t k = size; k < sizeof(buf); k++)
					assert_int_equal(buf[k], '#');
				if (size)
					assert_true(strlen(buf) < size);
			}
		}
}

static void markdown(void **state)
{
	(void)state;
	assert_string_equal(W(md_write, "<script>"), "&lt;script&gt;");
	assert_string_equal(W(md_write, "[a](http://e)"), "\\[a\\]\\(http\\:\\/\\/e\\)");
	assert_string_equal(W(md_write, "a|b"), "a\\|b");
	assert_string_equal(W(md_write, "**b** _i_ `c`"), "\\*\\*b\\*\\* \\_i\\_ \\`c\\`");
	assert_string_equal(W(md_write, "www.evil.com"), "www\\.evil\\.com");
	assert_string_equal(W(md_write, "line1\nline2"), "line1 line2");
	assert_string_equal(W(md_write, "\x1b[2J"), "\\[2J");
	assert_string_equal(W(md_write, "\xe2\x80\xae"), "U+202E");
}

static void html(void **state)
{
	(void)state;
	assert_string_equal(W(html_write, "<a href=\"x\" title='y'>&</a>"),
			    "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
	assert_string_equal(W(html_write, "\x1b\xe2\x80\xae"), "U+202E");
}

static void csv(void **state)
{
	(void)state;
	assert_string_equal(W(csv_write_text, "=1+1"), "\"'=1+1\"");
	assert_string_equal(W(csv_write_text, "+cmd"), "\"'+cmd\"");
	assert_string_equal(W(csv_write_text, "-2+3"), "\"'-2+3\"");
	assert_string_equal(W(csv_write_text, "@SUM(A1)"), "\"'@SUM(A1)\"");
	assert_string_equal(W(csv_write_text, "\tx"), "\"'\tx\"");
	assert_string_equal(W(csv_write_text, "a,\"b\""), "\"a,\"\"b\"\"\"");
	assert_string_equal(W(csv_write_text, "x\x1b[31m"), "x\\x1b[31m");
	assert_string_equal(W(csv_write_text, "plain"), "plain");
	assert_string_equal(W(csv_write_text, ""), "");
}

static void json(void **state)
{
	(void)state;
	assert_string_equal(W(json_write_string, "a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
	assert_string_equal(W(json_write_string, "\x1b\x7f"), "\"\\u001b\\u007f\"");
	assert_string_equal(W(json_write_string, "\xc2\x9b\xe2\x80\xae"), "\"\\u009b\\u202e\"");
	assert_string_equal(W(json_write_string, "caf\xc3\xa9"), "\"caf\xc3\xa9\"");
	assert_string_equal(W(json_write_string, "bad\xff"), "\"bad\\ufffd\"");
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_validity), cmocka_unit_test(terminal),
		cmocka_unit_test(sanitize_never_overflows),
		cmocka_unit_test(markdown),      cmocka_unit_test(html),
		cmocka_unit_test(csv),           cmocka_unit_test(json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
