/*
 * tf_load.c - the public entry points: detection, loading, and handing
 * the result to the plan reader. See tf_load.h.
 *
 * One load is one struct tf_loader: its arena holds everything evaluated;
 * only the plan document (jansson) and copies of the warnings and unpriced
 * entries (malloc) outlive it, in struct tf_result.
 */
#include "model/terraform/tf_load.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/plan.h"
#include "model/terraform/tf_eval.h"
#include "model/terraform/tf_module.h"
#include "model/terraform/tf_plan.h"
#include "model/terraform/tf_vars.h"
#include "util/error.h"

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

bool tf_is_config(const char *path)
{
	struct stat st;
	if (!path || stat(path, &st) != 0)
		return false;
	if (S_ISREG(st.st_mode))
		return ends_with(path, ".tf") || ends_with(path, ".tf.json");
	if (!S_ISDIR(st.st_mode))
		return false;
	DIR *d = opendir(path);
	if (!d)
		return false;
	bool found = false;
	struct dirent *e;
	while (!found && (e = readdir(d)) != NULL)
		found = tf_config_file_name(e->d_name);
	closedir(d);
	return found;
}

int tf_var_opts_add(struct tf_var_opts *o, enum tf_var_arg_kind kind, const char *text)
{
	char buf[120];
	if (o->n >= TF_MAX_VAR_ARGS)
		return cp_error(CP_EXIT_USAGE, "more than %d --var/--var-file options", TF_MAX_VAR_ARGS);
	if (kind == TF_VAR_ASSIGN) {
		const char *eq = strchr(text, '=');
		bool ok = eq && eq > text;
		for (const char *p = text; ok && p < eq; p++)
			ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
			     (p > text && ((*p >= '0' && *p <= '9') || *p == '-'));
		if (!ok)
			return cp_error(CP_EXIT_USAGE, "--var '%s' is not NAME=VALUE",
					cp_sanitize(text, buf, sizeof(buf)));
	}
	o->args[o->n].kind = kind;
	o->args[o->n].text = text;
	o->n++;
	return 0;
}

static void copy_out(struct tf_loader *L, struct tf_result *out)
{
	out->warnings = xcalloc(L->nwarn + 1, sizeof(*out->warnings));
	for (size_t i = 0; i < L->nwarn; i++)
		out->warnings[i] = xstrdup(L->warnings[i]);
	out->nwarn = L->nwarn;
	out->unpriced = xcalloc(L->nunpriced + 1, sizeof(*out->unpriced));
	for (size_t i = 0; i < L->nunpriced; i++) {
		out->unpriced[i].address = xstrdup(L->unpriced[i].address);
		out->unpriced[i].type = xstrdup(L->unpriced[i].type);
		out->unpriced[i].why = xstrdup(L->unpriced[i].why);
	}
	out->nunpriced = L->nunpriced;
}

/* Split path into the root directory and, for a single file, that file. */
static void root_of(struct tf_loader *L, const char *path)
{
	struct hcl_run *r = &L->run;
	struct stat st;
	char *p = hcl_strdup(r, path);
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
		L->rootdir = p;
		return;
	}
	L->rootfile = p;
	const char *slash = strrchr(p, '/');
	L->rootdir = !slash ? "." : slash == p ? "/" : hcl_strndup(r, p, (size_t)(slash - p));
}

/* tf_load; for_reader: the document only for plan_from_json (tf_plan.h). */
static int load(const char *path, const struct tf_var_opts *vars, bool for_reader,
		struct tf_result *out)
{
	struct tf_loader *L = xcalloc(1, sizeof(*L));
	struct hcl_run *r = &L->run;
	struct hcl_catch top;
	int rc = 0;
	memset(out, 0, sizeof(*out));
	hcl_run_init(r);
	L->varopts = vars;
	L->for_reader = for_reader;
	hcl_catch_push(r, &top, false);
	if (setjmp(top.jb)) {
		struct cp_loc loc = {r->diag.pos.file, r->diag.pos.line, r->diag.pos.col};
		rc = r->diag.code ? r->diag.code : CP_EXIT_DATA;
		cp_error_at(rc, &loc, "%s", r->diag.msg);
		if (loc.file && loc.line)
			out->error = xasprintf("%s:%d:%d: %s", loc.file, loc.line, loc.col, r->diag.msg);
		else if (loc.file)
			out->error = xasprintf("%s: %s", loc.file, r->diag.msg);
		else
			out->error = xstrdup(r->diag.msg);
		json_decref(out->plan);
		out->plan = NULL;
		goto done;
	}
	tf_names_init(&L->warned, r);
	tf_names_init(&L->cfg_cache, r);
	root_of(L, path);
	L->rootcfg = tf_config_load(r, L->rootdir, ".", L->rootfile ? &L->rootfile : NULL,
				    L->rootfile ? 1 : 0);
	tf_names_put(&L->cfg_cache, L->rootdir, L->rootcfg);
	tf_module_manifest(L);
	tf_vars_collect(L);
	L->root = tf_eval_root(L);
	tf_eval_all(L, L->root);
	out->plan = tf_plan_json(L);
	copy_out(L, out);
	hcl_catch_pop(r, &top);
done:
	hcl_run_free(r);
	free(L);
	return rc;
}

int tf_load(const char *path, const struct tf_var_opts *vars, struct tf_result *out)
{
	return load(path, vars, false, out);
}

void tf_result_release(struct tf_result *res)
{
	json_decref(res->plan);
	for (size_t i = 0; i < res->nwarn; i++)
		free(res->warnings[i]);
	free(res->warnings);
	for (size_t i = 0; i < res->nunpriced; i++) {
		free(res->unpriced[i].address);
		free(res->unpriced[i].type);
		free(res->unpriced[i].why);
	}
	free(res->unpriced);
	free(res->error);
	memset(res, 0, sizeof(*res));
}

int tf_plan_load(const char *path, const struct tf_var_opts *vars, const struct plan_opts *po,
		 struct plan *out)
{
	struct tf_result res;
	int rc = load(path, vars, true, &res);
	if (rc) {
		tf_result_release(&res);
		memset(out, 0, sizeof(*out));
		return rc;
	}
	rc = plan_from_json(res.plan, path, po, out);
	if (rc == 0) {
		struct plan_side *s = &out->after;
		for (size_t i = 0; i < res.nwarn; i++) {
			strv_push_unique(&s->warnings, &s->nwarn, res.warnings[i]);
			res.warnings[i] = NULL;
		}
		for (size_t i = 0; i < res.nunpriced; i++) {
			s->unpriced = xrealloc(s->unpriced, (s->nunpriced + 1) * sizeof(*s->unpriced));
			s->unpriced[s->nunpriced].address = res.unpriced[i].address;
			s->unpriced[s->nunpriced].type = res.unpriced[i].type;
			s->unpriced[s->nunpriced].why = res.unpriced[i].why;
			s->nunpriced++;
			memset(&res.unpriced[i], 0, sizeof(res.unpriced[i]));
		}
	}
	tf_result_release(&res);
	return rc;
}
