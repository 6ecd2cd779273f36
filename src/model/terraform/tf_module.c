/*
 * tf_module.c - module sources and the modules.json manifest. See
 * tf_module.h.
 */
#include "model/terraform/tf_module.h"

#include <jansson.h>
#include <string.h>
#include <sys/stat.h>

#include "model/terraform/hcl_json.h"

static bool is_local(const char *s)
{
	return !strncmp(s, "./", 2) || !strncmp(s, "../", 3) || !strcmp(s, ".") || !strcmp(s, "..");
}

/* Lexically normalised join: "a/b" + "../c" -> "a/c". */
static const char *join(struct hcl_run *r, const char *base, const char *rel)
{
	const char *full = rel[0] == '/' ? rel : hcl_printf(r, "%s/%s", base, rel);
	size_t n = strlen(full);
	const char **parts = hcl_alloc_array(r, n + 1, sizeof(*parts));
	size_t *lens = hcl_alloc_array(r, n + 1, sizeof(*lens));
	size_t np = 0, ups = 0;
	bool abs = full[0] == '/';
	for (const char *p = full; *p;) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == 1 && p[0] == '.') {
			;
		} else if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (np > 0)
				np--;
			else if (!abs)
				ups++;
		} else {
			parts[np] = p;
			lens[np++] = len;
		}
		p += len;
	}
	size_t cap = n + 3 * ups + 3, o = 0;
	char *out = hcl_alloc(r, cap);
	if (abs)
		out[o++] = '/';
	for (size_t i = 0; i < ups; i++) {
		memcpy(out + o, i || abs ? "/.." : "..", i || abs ? 3 : 2);
		o += i || abs ? 3 : 2;
	}
	for (size_t i = 0; i < np; i++) {
		if (o && out[o - 1] != '/')
			out[o++] = '/';
		memcpy(out + o, parts[i], lens[i]);
		o += lens[i];
	}
	if (o == 0)
		out[o++] = '.';
	out[o] = '\0';
	return out;
}

void tf_module_manifest(struct tf_loader *L)
{
	struct hcl_run *r = &L->run;
	const char *path = hcl_printf(r, "%s/.terraform/modules/modules.json", L->rootdir);
	struct stat st;
	tf_names_init(&L->manifest, r);
	if (stat(path, &st) != 0)
		return;
	size_t len;
	char *text = hcl_read_file(r, path, NULL, &len);
	json_error_t err;
	json_t *j = json_loadb(text, len, 0, &err);
	if (!j) {
		struct hcl_pos at = {path, err.line, err.column};
		char msg[200];
		hcl_fail(r, &at, "not valid JSON: %s (run `terraform init` again)",
			 cp_sanitize(err.text, msg, sizeof(msg)));
	}
	struct hcl_catch guard;
	hcl_catch_push(r, &guard, false);
	if (setjmp(guard.jb)) {
		json_decref(j);
		hcl_rethrow(r);
	}
	json_t *mods = json_object_get(j, "Modules");
	struct hcl_pos at = {path, 0, 0};
	if (!json_is_array(mods))
		hcl_fail(r, &at, "\"Modules\" must be a list (run `terraform init` again)");
	size_t i;
	json_t *m;
	json_array_foreach(mods, i, m) {
		const char *key = json_string_value(json_object_get(m, "Key"));
		const char *dir = json_string_value(json_object_get(m, "Dir"));
		if (!key || !dir)
			hcl_fail(r, &at, "Modules[%zu] needs string Key and Dir (run `terraform init` again)", i);
		tf_names_put(&L->manifest, key, (void *)hcl_strdup(r, dir));
	}
	hcl_catch_pop(r, &guard);
	json_decref(j);
}

static const char *source_kind(const char *s)
{
	if (!strncmp(s, "git::", 5) || !strncmp(s, "git@", 4) || !strncmp(s, "github.com/", 11) ||
	    !strncmp(s, "bitbucket.org/", 14))
		return "git source";
	if (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8))
		return "http source";
	if (!strncmp(s, "s3::", 4))
		return "s3 source";
	if (!strncmp(s, "gcs::", 5))
		return "gcs source";
	if (!strncmp(s, "hg::", 4))
		return "mercurial source";
	int slashes = 0;
	for (const char *p = s; *p; p++)
		slashes += *p == '/';
	if ((slashes == 2 || slashes == 3) && !strchr(s, ':'))
		return "registry source";
	return "remote source";
}

static const struct tf_module_cfg *load_dir(struct tf_loader *L, const char *fsdir, const char *dir)
{
	struct tf_module_cfg *c = tf_names_get(&L->cfg_cache, fsdir);
	if (c)
		return c;
	c = tf_config_load(&L->run, fsdir, dir, NULL, 0);
	tf_names_put(&L->cfg_cache, fsdir, c);
	return c;
}

const struct tf_module_cfg *tf_module_resolve(struct tf_loader *L, const struct tf_module_cfg *parent,
					      const char *parent_keypath,
					      const struct tf_modcall *call, const char **missing)
{
	struct hcl_run *r = &L->run;
	char buf[200], src[200];
	struct stat st;
	*missing = NULL;
	cp_sanitize(call->source, src, sizeof(src));
	if (is_local(call->source)) {
		const char *fsdir = join(r, parent->fsdir, call->source);
		const char *dir = join(r, parent->dir, call->source);
		if (stat(fsdir, &st) != 0 || !S_ISDIR(st.st_mode))
			hcl_fail(r, &call->source_pos, "module source \"%s\": no such directory (%s)", src,
				 cp_sanitize(fsdir, buf, sizeof(buf)));
		return load_dir(L, fsdir, dir);
	}
	const char *key = parent_keypath[0] ? hcl_printf(r, "%s.%s", parent_keypath, call->name)
					    : call->name;
	const char *dir = tf_names_get(&L->manifest, key);
	if (dir) {
		const char *fsdir = dir[0] == '/' ? dir : join(r, L->rootdir, dir);
		if (stat(fsdir, &st) == 0 && S_ISDIR(st.st_mode))
			return load_dir(L, fsdir, dir[0] == '/' ? dir : join(r, ".", dir));
		*missing = hcl_printf(r, "%s %s: not installed (its folder %s from "
				      ".terraform/modules/modules.json is missing); run `terraform init`",
				      source_kind(call->source), src, cp_sanitize(dir, buf, sizeof(buf)));
		return NULL;
	}
	*missing = hcl_printf(r, "%s %s: not installed; run `terraform init`",
			      source_kind(call->source), src);
	return NULL;
}
