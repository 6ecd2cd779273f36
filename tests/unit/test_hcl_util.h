/*
 * test_hcl_util.h - helpers for the HCL and Terraform reader tests
 * (test_hcl_*.c, test_tf_*.c): evaluate an expression from text and show
 * the value in one canonical line, catch the reader's errors with their
 * position, write small configuration directories.
 *
 * Values show as: null, true, 3, 0.5, "text" (JSON-quoted), [a, b],
 * set[a, b], {k = v, ...} with keys sorted, and ? for unknown. Free names
 * the tests use: u (unknown), ul (a known list of two unknowns), m (a map
 * {a = 1, b = 2}), o (an open object {id... unknown, name = "x"}), n (null).
 */
#ifndef COSTPLAN_TEST_HCL_UTIL_H
#define COSTPLAN_TEST_HCL_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/terraform/hcl_eval.h"
#include "model/terraform/hcl_parse.h"
#include "model/terraform/hcl_value.h"

#define TEST_UNUSED __attribute__((unused))

TEST_UNUSED static void show_into(const struct hval *v, char *buf, size_t size, size_t *o)
{
	char num[48];
#define PUT(...) (*o += (size_t)snprintf(buf + *o, *o < size ? size - *o : 0, __VA_ARGS__))
	if (*o >= size)
		return;
	switch (v->kind) {
	case HV_NULL:
		PUT("null");
		break;
	case HV_BOOL:
		PUT("%s", v->b ? "true" : "false");
		break;
	case HV_NUMBER:
		PUT("%s", hv_format_number(v->n, num, sizeof(num)));
		break;
	case HV_UNKNOWN:
		PUT("?");
		break;
	case HV_STRING:
		PUT("\"");
		for (size_t i = 0; i < v->s.n; i++) {
			char c = v->s.p[i];
			if (c == '"' || c == '\\')
				PUT("\\%c", c);
			else if (c == '\n')
				PUT("\\n");
			else if (c == '\t')
				PUT("\\t");
			else
				PUT("%c", c);
		}
		PUT("\"");
		break;
	case HV_LIST:
	case HV_SET:
		PUT("%s[", v->kind == HV_SET ? "set" : "");
		for (size_t i = 0; i < v->l.n; i++) {
			if (i)
				PUT(", ");
			show_into(v->l.v[i], buf, size, o);
		}
		PUT("]");
		break;
	case HV_OBJECT:
		PUT("{");
		for (size_t i = 0; i < v->o.n; i++) {
			PUT("%s%.*s = ", i ? ", " : "", (int)v->o.kn[i], v->o.k[i]);
			show_into(v->o.v[i], buf, size, o);
		}
		PUT("}");
		break;
	}
#undef PUT
}

TEST_UNUSED static const char *show(const struct hval *v)
{
	static char buf[4096];
	size_t o = 0;
	buf[0] = '\0';
	show_into(v, buf, sizeof(buf), &o);
	return buf;
}

/* The names the expression tests may use. */
TEST_UNUSED static struct hval *test_resolve(struct hcl_eval *ev, const char *root, const struct hcl_pos *pos,
				 const struct hcl_ref_step *st, size_t n, size_t *used)
{
	struct hcl_run *r = ev->r;
	(void)st;
	(void)n;
	*used = 0;
	if (!strcmp(root, "u"))
		return HV_UNKNOWNV;
	if (!strcmp(root, "n"))
		return HV_NULLV;
	if (!strcmp(root, "ul")) {
		struct hval *v[2] = {HV_UNKNOWNV, HV_UNKNOWNV};
		return hv_list(r, v, 2);
	}
	if (!strcmp(root, "m")) {
		struct hv_objb b;
		hv_objb_init(&b, r);
		hv_objb_addz(&b, "b", hv_number(r, 2));
		hv_objb_addz(&b, "a", hv_number(r, 1));
		return hv_objb_finish(&b, false, NULL);
	}
	if (!strcmp(root, "o")) {
		struct hv_objb b;
		hv_objb_init(&b, r);
		hv_objb_addz(&b, "name", hv_cstr(r, "x"));
		struct hval *o = hv_objb_finish(&b, false, NULL);
		o->flags |= HV_OPEN;
		return o;
	}
	hcl_fail(r, pos, "unknown variable \"%s\"", root);
}

struct evres {
	char value[4096]; /* show() of the value, or "" on error */
	char error[700];  /* "line:col: message" on error */
	int rc;           /* 0 ok, 1 error, 2 fatal (limit) */
};

/* Parse text as an expression (or a template when tpl) and evaluate it. */
TEST_UNUSED static struct evres eval_text(const char *text, int tpl)
{
	static struct evres res;
	struct hcl_run r;
	struct hcl_catch c;
	memset(&res, 0, sizeof(res));
	hcl_run_init(&r);
	hcl_catch_push(&r, &c, false);
	if (setjmp(c.jb)) {
		res.rc = r.diag.fatal ? 2 : 1;
		snprintf(res.error, sizeof(res.error), "%d:%d: %s", r.diag.pos.line, r.diag.pos.col,
			 r.diag.msg);
		hcl_run_free(&r);
		return res;
	}
	struct hx *e = tpl ? hcl_parse_template(&r, "t", text, strlen(text), 1, 1)
			   : hcl_parse_expr(&r, "t", text, strlen(text), 1, 1);
	struct hcl_eval ev;
	memset(&ev, 0, sizeof(ev));
	ev.r = &r;
	ev.resolve = test_resolve;
	ev.base_dir = ".";
	struct hval *v = hcl_eval(&ev, NULL, e);
	snprintf(res.value, sizeof(res.value), "%s", show(v));
	hcl_catch_pop(&r, &c);
	hcl_run_free(&r);
	return res;
}

#define EXPECT_EVAL(text, want)                                                              \
	do {                                                                                 \
		struct evres r_ = eval_text((text), 0);                                      \
		if (r_.rc)                                                                   \
			fail_msg("%s: error %s", (text), r_.error);                          \
		assert_string_equal(r_.value, (want));                                       \
	} while (0)

#define EXPECT_TPL(text, want)                                                               \
	do {                                                                                 \
		struct evres r_ = eval_text((text), 1);                                      \
		if (r_.rc)                                                                   \
			fail_msg("%s: error %s", (text), r_.error);                          \
		assert_string_equal(r_.value, (want));                                       \
	} while (0)

/* An error whose "line:col: message" starts with want_prefix and holds want. */
#define EXPECT_ERROR(text, where, want)                                                       \
	do {                                                                                  \
		struct evres r_ = eval_text((text), 0);                                       \
		if (!r_.rc)                                                                   \
			fail_msg("%s: no error, got %s", (text), r_.value);                   \
		if (strncmp(r_.error, (where), strlen(where)) || !strstr(r_.error, (want)))  \
			fail_msg("%s: error \"%s\", wanted %s ... %s", (text), r_.error,      \
				 (where), (want));                                            \
	} while (0)

/* ---- directories for configuration tests ---------------------------------- */

static char test_root[256];

/* A fresh directory under $TMPDIR (removed by tdir_cleanup). */
TEST_UNUSED static const char *tdir(const char *name)
{
	static char path[600];
	if (!test_root[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(test_root, sizeof(test_root), "%s/costplan-tf-test.%ld", t && t[0] ? t : "/tmp",
			 (long)getpid());
		mkdir(test_root, 0700);
	}
	snprintf(path, sizeof(path), "%s/%.200s", test_root, name);
	char cmd[1300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir -p '%s'", path, path);
	if (system(cmd) != 0)
		abort();
	return path;
}

/* Write text to dir/name (subfolders made). */
TEST_UNUSED static void twrite(const char *dir, const char *name, const char *text)
{
	char path[900], cmd[1000];
	snprintf(path, sizeof(path), "%.600s/%.200s", dir, name);
	snprintf(cmd, sizeof(cmd), "mkdir -p \"$(dirname '%s')\"", path);
	if (system(cmd) != 0)
		abort();
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		abort();
}

TEST_UNUSED static void tdir_cleanup(void)
{
	char cmd[600];
	if (!test_root[0])
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", test_root);
	if (system(cmd) != 0)
		abort();
}

/* Run fn with stderr sent to /dev/null (the reader's one-line errors). */
static int quietly_fd = -1;
TEST_UNUSED static void stderr_off(void)
{
	fflush(stderr);
	quietly_fd = dup(2);
	FILE *f = freopen("/dev/null", "w", stderr);
	(void)f;
}
TEST_UNUSED static void stderr_on(void)
{
	fflush(stderr);
	if (quietly_fd >= 0) {
		dup2(quietly_fd, 2);
		close(quietly_fd);
		quietly_fd = -1;
	}
}

#endif
