/*
 * tf_vars.c - root variable values and their precedence. See tf_vars.h.
 */
#include "model/terraform/tf_vars.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/terraform/hcl_json.h"
#include "model/terraform/hcl_parse.h"
#include "model/terraform/tf_types.h"

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static void set_value(struct tf_loader *L, const char *name, const struct hx *expr, const char *raw,
		      const struct hcl_pos *pos, bool from_cli)
{
	struct hcl_run *r = &L->run;
	char buf[120];
	if (!tf_names_get(&L->rootcfg->by_var, name)) {
		if (from_cli && !(L->varopts && L->varopts->undeclared_warn))
			hcl_fail(r, pos,
				 "no variable \"%s\" is declared in the root module (%s): declare it "
				 "with a variable block, or drop the --var",
				 cp_sanitize(name, buf, sizeof(buf)), L->rootdir);
		if (from_cli)
			tf_warn(L, "--var %s: %s declares no such variable; ignored there",
				cp_sanitize(name, buf, sizeof(buf)), L->rootdir);
		else if (pos->file)
			tf_warn(L, "%s: a value is given for \"%s\", which the root module does not declare",
				pos->file, cp_sanitize(name, buf, sizeof(buf)));
		return;
	}
	struct tf_var_value *v = hcl_alloc(r, sizeof(*v));
	v->expr = expr;
	v->raw = raw;
	v->pos = *pos;
	tf_names_put(&L->var_values, name, v);
}

static void from_file(struct tf_loader *L, const char *path, bool explicit_file)
{
	struct hcl_run *r = &L->run;
	size_t len;
	if (!explicit_file) {
		struct stat st;
		if (stat(path, &st) != 0)
			return;
	}
	char *text = hcl_read_file(r, path, NULL, &len);
	struct hcl_body *b = ends_with(path, ".json") ? hcl_json_vars(r, path, text, len)
						      : hcl_parse_body(r, path, text, len);
	if (b->nblocks)
		hcl_fail(r, &b->blocks[0].pos, "a variables file holds only NAME = VALUE lines");
	for (size_t i = 0; i < b->nattrs; i++)
		set_value(L, b->attrs[i].name, b->attrs[i].expr, NULL, &b->attrs[i].pos, false);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* *.auto.tfvars and *.auto.tfvars.json of the root directory, sorted. */
static void auto_files(struct tf_loader *L)
{
	struct hcl_run *r = &L->run;
	DIR *d = opendir(L->rootdir);
	if (!d)
		return;
	const char **v = NULL;
	size_t n = 0, cap = 0;
	struct hcl_catch guard;
	hcl_catch_push(r, &guard, false);
	if (setjmp(guard.jb)) {
		closedir(d);
		hcl_rethrow(r);
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' ||
		    !(ends_with(e->d_name, ".auto.tfvars") || ends_with(e->d_name, ".auto.tfvars.json")))
			continue;
		if (n >= TF_MAX_FILES)
			hcl_fail_limit(r, NULL, "file limit: more than %d *.auto.tfvars files", TF_MAX_FILES);
		v = hcl_grow(r, v, &cap, n + 1, sizeof(*v));
		v[n++] = hcl_printf(r, "%s/%s", L->rootdir, e->d_name);
	}
	hcl_catch_pop(r, &guard);
	closedir(d);
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < n; i++)
		from_file(L, v[i], true);
}

void tf_vars_collect(struct tf_loader *L)
{
	struct hcl_run *r = &L->run;
	const struct tf_module_cfg *m = L->rootcfg;
	tf_names_init(&L->var_values, r);
	/* 1. the environment */
	if (!(L->varopts && L->varopts->ignore_env))
		for (size_t i = 0; i < m->nvars; i++) {
			const char *name = hcl_printf(r, "TF_VAR_%s", m->vars[i].name);
			const char *val = getenv(name);
			if (val) {
				struct hcl_pos pos = {name, 0, 0};
				set_value(L, m->vars[i].name, NULL, hcl_strdup(r, val), &pos, false);
			}
		}
	/* 2. files in the root directory */
	from_file(L, hcl_printf(r, "%s/terraform.tfvars", L->rootdir), false);
	from_file(L, hcl_printf(r, "%s/terraform.tfvars.json", L->rootdir), false);
	auto_files(L);
	/* 3. the command line, in order */
	for (size_t i = 0; L->varopts && i < L->varopts->n; i++) {
		const char *t = L->varopts->args[i].text;
		if (L->varopts->args[i].kind == TF_VAR_FILE) {
			from_file(L, t, true);
			continue;
		}
		const char *eq = strchr(t, '=');
		const char *name = hcl_strndup(r, t, eq ? (size_t)(eq - t) : strlen(t));
		struct hcl_pos pos = {"--var", 0, 0};
		set_value(L, name, NULL, hcl_strdup(r, eq ? eq + 1 : ""), &pos, true);
	}
	/* required variables */
	for (size_t i = 0; i < m->nvars; i++) {
		const struct tf_variable *v = &m->vars[i];
		char buf[120];
		if (v->def || tf_names_get(&L->var_values, v->name))
			continue;
		cp_sanitize(v->name, buf, sizeof(buf));
		hcl_fail(r, &v->pos,
			 "variable \"%s\" is required and has no value; set it with --var %s=VALUE, in "
			 "terraform.tfvars, or with TF_VAR_%s",
			 buf, buf, buf);
	}
}

struct hval *tf_vars_root_value(struct tf_loader *L, struct hcl_eval *ev, const struct tf_variable *v)
{
	struct hcl_run *r = &L->run;
	struct hcl_eval lit = *ev; /* values and defaults refer to nothing */
	char what[160], buf[120];
	lit.resolve = NULL;
	const struct tf_type *t = tf_type_parse(r, v->type);
	const struct tf_var_value *given = tf_names_get(&L->var_values, v->name);
	struct hval *val;
	struct hcl_pos pos = v->pos;
	snprintf(what, sizeof(what), "variable \"%s\"", cp_sanitize(v->name, buf, sizeof(buf)));
	if (given) {
		pos = given->pos;
		if (given->raw && tf_type_is_primitive(t)) {
			val = hv_cstr(r, given->raw);
		} else if (given->raw) {
			const char *file = pos.line ? pos.file : hcl_printf(r, "%s %s", pos.file, v->name);
			struct hx *e = hcl_parse_expr(r, file, given->raw, strlen(given->raw), 1, 1);
			val = hcl_eval(&lit, NULL, e);
		} else {
			val = hcl_eval(&lit, NULL, given->expr);
		}
		if (val->kind == HV_NULL && !v->nullable && v->def) {
			pos = v->pos;
			val = hcl_eval(&lit, NULL, v->def);
		}
	} else {
		val = v->def ? hcl_eval(&lit, NULL, v->def) : HV_NULLV;
	}
	if (val->kind == HV_NULL && !v->nullable)
		hcl_fail(r, &pos, "%s must not be null (it is declared nullable = false)", what);
	return tf_type_convert(ev, t, val, &pos, what);
}
