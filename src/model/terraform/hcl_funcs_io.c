/*
 * hcl_funcs_io.c - functions that read files or speak JSON: file,
 * fileexists, templatefile, jsonencode, jsondecode, basename, dirname.
 *
 * Relative paths start at the evaluator's base directory, the root module
 * (where Terraform would run), so `file("${path.module}/x")` finds what
 * Terraform finds. Files are read with the same size limit as
 * configuration files. templatefile() renders its template with only the
 * variables it is given, and refuses to be called from inside a template,
 * as Terraform does: a template cannot recurse.
 *
 * jsondecode() builds jansson values (malloc) and converts them to arena
 * values under a cleanup guard, so a limit hit halfway frees them.
 */
#include "model/terraform/hcl_funcs_lib.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "model/terraform/hcl_parse.h"

#define R (ev->r)

static struct hval *f_file(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *p = fa_string(ev, a, 0, "file", pos);
	size_t len;
	const char *path = fa_path(ev, p);
	char *text = hcl_read_file(R, path, pos, &len);
	hcl_check_utf8(R, path, text, len, 1, 1); /* text: no NUL, valid UTF-8 */
	return hv_string_own(R, text, len);
}

static struct hval *f_fileexists(struct hcl_eval *ev, struct hval **a, size_t n,
				 const struct hcl_pos *pos)
{
	(void)n;
	struct stat st;
	const char *path = fa_path(ev, fa_string(ev, a, 0, "fileexists", pos));
	return hv_bool(stat(path, &st) == 0 && S_ISREG(st.st_mode));
}

static bool ident_ok(const char *s, size_t n)
{
	if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

static struct hval *f_templatefile(struct hcl_eval *ev, struct hval **a, size_t n,
				   const struct hcl_pos *pos)
{
	(void)n;
	struct hval *p = fa_string(ev, a, 0, "templatefile", pos);
	struct hval *vars = fa_object(ev, a, 1, "templatefile", pos);
	char d[120];
	if (ev->template_depth >= TF_MAX_TEMPLATE_DEPTH)
		hcl_fail(R, pos,
			 "templatefile(): cannot be called from inside a template (Terraform refuses "
			 "recursive templates)");
	const char *path = fa_path(ev, p);
	size_t len;
	char *text = hcl_read_file(R, path, pos, &len);
	struct hx *tpl = hcl_parse_template(R, path, text, len, 1, 1);
	const struct hcl_scope *sc = NULL;
	for (size_t i = 0; i < vars->o.n; i++) {
		if (!ident_ok(vars->o.k[i], vars->o.kn[i]))
			hcl_fail(R, pos, "templatefile(): variable name \"%s\" is not an identifier",
				 cp_sanitize(vars->o.k[i], d, sizeof(d)));
		struct hcl_scope *s = hcl_alloc(R, sizeof(*s));
		s->up = sc;
		s->name = vars->o.k[i];
		s->val = vars->o.v[i];
		sc = s;
	}
	struct hcl_eval sub = *ev;
	sub.resolve = NULL;
	sub.env = NULL;
	sub.template_depth++;
	struct hval *v = hcl_eval(&sub, sc, tpl);
	struct hval *s = v->kind == HV_NULL ? NULL : hcl_template_string(ev, v, pos);
	if (!s)
		hcl_fail(R, pos, "templatefile(): the template of %s gives %s, not a string",
			 cp_sanitize(path, d, sizeof(d)), hcl_describe(v, d, sizeof(d)));
	return s;
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_string_into(struct fbuf *b, const char *s, size_t n)
{
	static const char HEX[] = "0123456789abcdef";
	fb_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			fb_addc(b, '\\');
			fb_addc(b, (char)c);
		} else if (c == '\n') {
			fb_addz(b, "\\n");
		} else if (c == '\r') {
			fb_addz(b, "\\r");
		} else if (c == '\t') {
			fb_addz(b, "\\t");
		} else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
			char esc[7] = {'\\', 'u', '0', '0', HEX[c >> 4], HEX[c & 15], 0};
			fb_addz(b, esc);
		} else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
			fb_addz(b, (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
			i += 2;
		} else {
			fb_addc(b, (char)c);
		}
	}
	fb_addc(b, '"');
}

static void json_into(struct hcl_eval *ev, struct fbuf *b, const struct hval *v,
		      const struct hcl_pos *pos)
{
	char num[48];
	hcl_enter(R, pos);
	hcl_step(R, pos);
	switch (v->kind) {
	case HV_NULL:
		fb_addz(b, "null");
		break;
	case HV_BOOL:
		fb_addz(b, v->b ? "true" : "false");
		break;
	case HV_NUMBER:
		fb_addz(b, hv_format_number(v->n, num, sizeof(num)));
		break;
	case HV_STRING:
		json_string_into(b, v->s.p, v->s.n);
		break;
	case HV_LIST:
	case HV_SET:
		fb_addc(b, '[');
		for (size_t i = 0; i < v->l.n; i++) {
			if (i)
				fb_addc(b, ',');
			json_into(ev, b, v->l.v[i], pos);
		}
		fb_addc(b, ']');
		break;
	case HV_OBJECT:
		fb_addc(b, '{');
		for (size_t i = 0; i < v->o.n; i++) {
			if (i)
				fb_addc(b, ',');
			json_string_into(b, v->o.k[i], v->o.kn[i]);
			fb_addc(b, ':');
			json_into(ev, b, v->o.v[i], pos);
		}
		fb_addc(b, '}');
		break;
	case HV_UNKNOWN:
		hcl_fail(R, pos, "internal error: jsonencode() of an unknown value");
	}
	hcl_leave(R);
}

struct hval *hcl_jsonencode(struct hcl_eval *ev, struct hval *v, const struct hcl_pos *pos)
{
	struct fbuf b = {R, NULL, 0, 0};
	hv_check_nodes(R, v, pos);
	json_into(ev, &b, v, pos);
	return fb_value(&b);
}

static struct hval *f_jsonencode(struct hcl_eval *ev, struct hval **a, size_t n,
				 const struct hcl_pos *pos)
{
	(void)n;
	return hcl_jsonencode(ev, a[0], pos);
}

static struct hval *from_json(struct hcl_eval *ev, json_t *j, const struct hcl_pos *pos)
{
	struct hval *v;
	hcl_enter(R, pos);
	switch (json_typeof(j)) {
	case JSON_OBJECT: {
		struct hv_objb b;
		const char *k;
		json_t *x;
		hv_objb_init(&b, R);
		json_object_foreach(j, k, x) {
			size_t kn = strlen(k);
			hv_objb_add(&b, hcl_strndup(R, k, kn), kn, from_json(ev, x, pos));
		}
		v = hv_objb_finish(&b, false, pos);
		break;
	}
	case JSON_ARRAY: {
		struct hv_listb b;
		size_t i;
		json_t *x;
		hv_listb_init(&b, R);
		json_array_foreach(j, i, x)
			hv_listb_add(&b, from_json(ev, x, pos));
		v = hv_listb_finish(&b);
		break;
	}
	case JSON_STRING:
		v = hv_string(R, json_string_value(j), json_string_length(j));
		break;
	case JSON_INTEGER:
		v = hv_number(R, (double)json_integer_value(j));
		break;
	case JSON_REAL:
		if (!isfinite(json_real_value(j)))
			hcl_fail(R, pos, "jsondecode(): a number out of range");
		v = hv_number(R, json_real_value(j));
		break;
	case JSON_TRUE:
		v = HV_TRUE;
		break;
	case JSON_FALSE:
		v = HV_FALSE;
		break;
	default:
		v = HV_NULLV;
	}
	hcl_leave(R);
	return v;
}

static struct hval *f_jsondecode(struct hcl_eval *ev, struct hval **a, size_t n,
				 const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "jsondecode", pos);
	json_error_t err;
	char msg[200];
	json_t *j = json_loadb(s->s.p, s->s.n, JSON_DECODE_ANY | JSON_DECODE_INT_AS_REAL, &err);
	if (!j)
		hcl_fail(R, pos, "jsondecode(): not valid JSON: %s (line %d, column %d)",
			 cp_sanitize(err.text, msg, sizeof(msg)), err.line, err.column);
	struct hcl_catch guard;
	hcl_catch_push(R, &guard, false);
	if (setjmp(guard.jb)) {
		json_decref(j);
		hcl_rethrow(R);
	}
	struct hval *v = from_json(ev, j, pos);
	hcl_catch_pop(R, &guard);
	json_decref(j);
	return v;
}

static struct hval *f_basename(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "basename", pos);
	size_t end = s->s.n;
	while (end > 1 && s->s.p[end - 1] == '/')
		end--;
	size_t start = end;
	while (start > 0 && s->s.p[start - 1] != '/')
		start--;
	if (end == 0)
		return hv_cstr(R, ".");
	return hv_string(R, s->s.p + start, end - start);
}

static struct hval *f_dirname(struct hcl_eval *ev, struct hval **a, size_t n, const struct hcl_pos *pos)
{
	(void)n;
	struct hval *s = fa_string(ev, a, 0, "dirname", pos);
	size_t end = s->s.n;
	while (end > 0 && s->s.p[end - 1] != '/')
		end--;
	while (end > 1 && s->s.p[end - 1] == '/')
		end--;
	if (end == 0)
		return hv_cstr(R, ".");
	return hv_string(R, s->s.p, end);
}

const struct hcl_func hcl_funcs_io[] = {
	{"file", 1, 1, FN_KNOWN, f_file},
	{"fileexists", 1, 1, FN_KNOWN, f_fileexists},
	{"templatefile", 2, 2, FN_TOP, f_templatefile},
	{"jsonencode", 1, 1, FN_KNOWN, f_jsonencode},
	{"jsondecode", 1, 1, FN_KNOWN, f_jsondecode},
	{"basename", 1, 1, FN_KNOWN, f_basename},
	{"dirname", 1, 1, FN_KNOWN, f_dirname},
	{NULL, 0, 0, 0, NULL},
};
