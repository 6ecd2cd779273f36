/*
 * tf_config.c - a module directory's files to declarations. See tf_config.h.
 *
 * Two passes: gather every top-level block of the normal files (override
 * files merged into them), then sort the blocks into declarations.
 */
#include "model/terraform/tf_config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/terraform/hcl_json.h"
#include "model/terraform/hcl_parse.h"

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

bool tf_config_file_name(const char *name)
{
	if (name[0] == '.' || name[0] == '#' || ends_with(name, "~") || ends_with(name, "#"))
		return false;
	return (ends_with(name, ".tf") && strlen(name) > 3) ||
	       (ends_with(name, ".tf.json") && strlen(name) > 8);
}

static bool override_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return !strcmp(base, "override.tf") || !strcmp(base, "override.tf.json") ||
	       ends_with(base, "_override.tf") || ends_with(base, "_override.tf.json");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The configuration files of a directory, sorted; under a guard for the DIR. */
static const char **list_dir(struct hcl_run *r, const char *fsdir, size_t *n)
{
	struct hcl_pos at = {fsdir, 0, 0};
	char buf[200];
	DIR *d = opendir(fsdir);
	if (!d)
		hcl_fail(r, &at, "cannot read the module directory %s: %s",
			 cp_sanitize(fsdir, buf, sizeof(buf)), strerror(errno));
	const char **v = NULL;
	size_t cap = 0;
	*n = 0;
	struct hcl_catch guard;
	hcl_catch_push(r, &guard, false);
	if (setjmp(guard.jb)) {
		closedir(d);
		hcl_rethrow(r);
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!tf_config_file_name(e->d_name))
			continue;
		if (*n >= TF_MAX_FILES)
			hcl_fail_limit(r, &at, "file limit: more than %d configuration files in %s",
				       TF_MAX_FILES, cp_sanitize(fsdir, buf, sizeof(buf)));
		v = hcl_grow(r, v, &cap, *n + 1, sizeof(*v));
		v[(*n)++] = hcl_printf(r, "%s/%s", fsdir, e->d_name);
	}
	hcl_catch_pop(r, &guard);
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

static struct hcl_body *parse_file(struct hcl_run *r, const char *path)
{
	size_t len;
	char *text = hcl_read_file(r, path, NULL, &len);
	if (ends_with(path, ".json"))
		return hcl_json_config(r, path, text, len);
	return hcl_parse_body(r, path, text, len);
}

/* ---- override files --------------------------------------------------------- */

struct blocks {
	struct hcl_block *v;
	size_t n, cap;
};

static bool same_labels(const struct hcl_block *a, const struct hcl_block *b)
{
	if (strcmp(a->type, b->type) || a->nlabels != b->nlabels)
		return false;
	for (size_t i = 0; i < a->nlabels; i++)
		if (strcmp(a->labels[i], b->labels[i]))
			return false;
	return true;
}

static const char *alias_of(const struct hcl_block *b)
{
	const struct hcl_attr *a = hcl_body_attr(b->body, "alias");
	if (a && a->expr->kind == HX_LITERAL && a->expr->lit->kind == HV_STRING)
		return a->expr->lit->s.p;
	return "";
}

/* over's attributes replace base's; over's block types replace base's. */
static struct hcl_body *merge_body(struct hcl_run *r, const struct hcl_body *base,
				   const struct hcl_body *over)
{
	struct hcl_body *m = hcl_alloc(r, sizeof(*m));
	size_t acap = 0, bcap = 0;
	*m = *base;
	m->attrs = NULL;
	m->nattrs = 0;
	m->blocks = NULL;
	m->nblocks = 0;
	for (size_t i = 0; i < base->nattrs; i++)
		if (!hcl_body_attr(over, base->attrs[i].name)) {
			m->attrs = hcl_grow(r, m->attrs, &acap, m->nattrs + 1, sizeof(*m->attrs));
			m->attrs[m->nattrs++] = base->attrs[i];
		}
	for (size_t i = 0; i < over->nattrs; i++) {
		m->attrs = hcl_grow(r, m->attrs, &acap, m->nattrs + 1, sizeof(*m->attrs));
		m->attrs[m->nattrs++] = over->attrs[i];
	}
	for (size_t i = 0; i < base->nblocks; i++) {
		bool replaced = false;
		for (size_t j = 0; j < over->nblocks && !replaced; j++)
			replaced = !strcmp(over->blocks[j].type, base->blocks[i].type);
		if (!replaced) {
			m->blocks = hcl_grow(r, m->blocks, &bcap, m->nblocks + 1, sizeof(*m->blocks));
			m->blocks[m->nblocks++] = base->blocks[i];
		}
	}
	for (size_t j = 0; j < over->nblocks; j++) {
		m->blocks = hcl_grow(r, m->blocks, &bcap, m->nblocks + 1, sizeof(*m->blocks));
		m->blocks[m->nblocks++] = over->blocks[j];
	}
	return m;
}

static void apply_override(struct hcl_run *r, struct blocks *all, const struct hcl_block *ob)
{
	char buf[120];
	if (!strcmp(ob->type, "locals")) {
		for (size_t k = 0; k < ob->body->nattrs; k++) {
			const struct hcl_attr *oa = &ob->body->attrs[k];
			bool found = false;
			for (size_t i = 0; i < all->n && !found; i++) {
				struct hcl_block *b = &all->v[i];
				if (strcmp(b->type, "locals"))
					continue;
				for (size_t j = 0; j < b->body->nattrs; j++)
					if (!strcmp(b->body->attrs[j].name, oa->name)) {
						struct hcl_body *nb = hcl_alloc(r, sizeof(*nb));
						*nb = *b->body;
						nb->attrs = hcl_alloc_array(r, nb->nattrs, sizeof(*nb->attrs));
						memcpy(nb->attrs, b->body->attrs, nb->nattrs * sizeof(*nb->attrs));
						nb->attrs[j] = *oa;
						b->body = nb;
						found = true;
						break;
					}
			}
			if (!found)
				hcl_fail(r, &oa->pos, "override of local \"%s\": no such local in the module",
					 cp_sanitize(oa->name, buf, sizeof(buf)));
		}
		return;
	}
	for (size_t i = 0; i < all->n; i++) {
		struct hcl_block *b = &all->v[i];
		if (!same_labels(b, ob))
			continue;
		if (!strcmp(b->type, "provider") && strcmp(alias_of(b), alias_of(ob)))
			continue;
		b->body = merge_body(r, b->body, ob->body);
		return;
	}
	if (!strcmp(ob->type, "terraform"))
		return;
	hcl_fail(r, &ob->pos, "override of a %s block that the module does not declare",
		 cp_sanitize(ob->type, buf, sizeof(buf)));
}

/* ---- declarations ---------------------------------------------------------------- */

static bool valid_name(const char *s)
{
	if (!s[0] || strlen(s) > 256)
		return false;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
		return false;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '_' || *p == '-'))
			return false;
	return true;
}

static void need_labels(struct hcl_run *r, const struct hcl_block *b, size_t n, const char *what)
{
	char buf[80];
	if (b->nlabels != n)
		hcl_fail(r, &b->pos, "a %s block needs %s", cp_sanitize(b->type, buf, sizeof(buf)), what);
	for (size_t i = 0; i < n; i++)
		if (!valid_name(b->labels[i]))
			hcl_fail(r, &b->pos,
				 "invalid name \"%s\": names start with a letter or underscore and hold "
				 "letters, digits, underscores and dashes",
				 cp_sanitize(b->labels[i], buf, sizeof(buf)));
}

/* Index a declaration by name; prevpos(old) gives the first one's place. */
#define DECLARE(table, key, what, elem, arr)                                                \
	do {                                                                                \
		char dbuf_[200];                                                            \
		const __typeof__(*(arr)) *prev_ = tf_names_get(&(table), (key));            \
		if (prev_)                                                                  \
			hcl_fail(r, &(elem)->pos, "%s %s is declared twice (first at %s:%d)", \
				 (what), cp_sanitize((key), dbuf_, sizeof(dbuf_)),          \
				 prev_->pos.file, prev_->pos.line);                          \
		tf_names_put(&(table), (key), (void *)(elem));                              \
	} while (0)

static void build_index(struct hcl_run *r, struct tf_module_cfg *m)
{
	for (size_t i = 0; i < m->nvars; i++)
		DECLARE(m->by_var, m->vars[i].name, "variable", &m->vars[i], m->vars);
	for (size_t i = 0; i < m->nlocals; i++)
		DECLARE(m->by_local, m->locals[i].name, "local", &m->locals[i], m->locals);
	for (size_t i = 0; i < m->nres; i++)
		DECLARE(m->by_res, m->res[i].key, m->res[i].data ? "data source" : "resource",
			&m->res[i], m->res);
	for (size_t i = 0; i < m->ncalls; i++)
		DECLARE(m->by_call, m->calls[i].name, "module", &m->calls[i], m->calls);
	for (size_t i = 0; i < m->nouts; i++)
		DECLARE(m->by_out, m->outs[i].name, "output", &m->outs[i], m->outs);
	for (size_t i = 0; i < m->nprovs; i++)
		DECLARE(m->by_prov, m->provs[i].local, "provider configuration", &m->provs[i], m->provs);
}

/* A string attribute that must be a literal ("source", "alias"). */
static const char *literal_string(struct hcl_run *r, const struct hcl_body *b, const char *name,
				  bool required, const struct hcl_pos *blockpos, struct hcl_pos *at)
{
	const struct hcl_attr *a = hcl_body_attr(b, name);
	if (!a) {
		if (required)
			hcl_fail(r, blockpos, "the \"%s\" argument is required here", name);
		return NULL;
	}
	if (at)
		*at = a->pos;
	if (a->expr->kind != HX_LITERAL || a->expr->lit->kind != HV_STRING)
		hcl_fail(r, &a->pos, "\"%s\" must be a literal string, without references", name);
	return a->expr->lit->s.p;
}

/* provider = aws.west: a reference to a provider configuration. */
static const char *provider_ref(struct hcl_run *r, const struct hcl_body *b, const struct hx *e)
{
	const char *root;
	struct hx_step st[2];
	if (b->from_json && e->kind == HX_LITERAL && e->lit->kind == HV_STRING)
		e = hcl_parse_expr(r, e->pos.file, e->lit->s.p, e->lit->s.n, e->pos.line, e->pos.col);
	int n = hx_traversal(e, &root, st, 2);
	if (n == 0)
		return root;
	if (n == 1 && st[0].name)
		return hcl_printf(r, "%s.%s", root, st[0].name);
	hcl_fail(r, &e->pos, "the provider argument must name a provider configuration, like aws.west");
}

static const char *type_provider(struct hcl_run *r, const char *type)
{
	const char *u = strchr(type, '_');
	return u ? hcl_strndup(r, type, (size_t)(u - type)) : type;
}

static const struct hx *meta(const struct hcl_body *b, const char *name)
{
	const struct hcl_attr *a = hcl_body_attr(b, name);
	return a ? a->expr : NULL;
}

static void required_providers(struct tf_module_cfg *m, const struct hcl_body *b)
{
	for (size_t i = 0; i < b->nblocks; i++) {
		if (strcmp(b->blocks[i].type, "required_providers"))
			continue;
		const struct hcl_body *rp = b->blocks[i].body;
		for (size_t j = 0; j < rp->nattrs; j++) {
			const struct hx *e = rp->attrs[j].expr;
			const char *src = NULL;
			if (e->kind == HX_OBJECT) {
				for (size_t k = 0; k < e->obj.n; k++) {
					const struct hx *ke = e->obj.v[k].key, *ve = e->obj.v[k].val;
					if (ke->kind == HX_LITERAL && ke->lit->kind == HV_STRING &&
					    !strcmp(ke->lit->s.p, "source") && ve->kind == HX_LITERAL &&
					    ve->lit->kind == HV_STRING)
						src = ve->lit->s.p;
				}
			}
			if (src)
				tf_names_put(&m->req_source, rp->attrs[j].name, (void *)src);
		}
	}
}

const char *tf_config_provider_source(struct hcl_run *r, const struct tf_module_cfg *m,
				      const char *local_name)
{
	const char *src = m ? tf_names_get(&m->req_source, local_name) : NULL;
	if (!src)
		return hcl_printf(r, "registry.terraform.io/hashicorp/%s", local_name);
	if (strchr(src, '/') && strchr(strchr(src, '/') + 1, '/'))
		return src; /* host/namespace/type */
	if (strchr(src, '/'))
		return hcl_printf(r, "registry.terraform.io/%s", src);
	return hcl_printf(r, "registry.terraform.io/hashicorp/%s", src);
}

#define PUSH(arr, n, cap, item)                                                       \
	do {                                                                          \
		(arr) = hcl_grow(r, (arr), &(cap), (n) + 1, sizeof(*(arr)));          \
		(arr)[(n)] = (item);                                                  \
		(arr)[(n)].index = (n);                                               \
		(n)++;                                                                \
	} while (0)

static void sort_block(struct hcl_run *r, struct tf_module_cfg *m, const struct hcl_block *b,
		       size_t *caps)
{
	char buf[120];
	const char *t = b->type;
	if (!strcmp(t, "variable")) {
		struct tf_variable v;
		memset(&v, 0, sizeof(v));
		need_labels(r, b, 1, "one label, the variable name");
		v.name = b->labels[0];
		v.pos = b->pos;
		v.type = meta(b->body, "type");
		if (v.type && b->body->from_json && v.type->kind == HX_LITERAL &&
		    v.type->lit->kind == HV_STRING)
			v.type = hcl_parse_expr(r, v.type->pos.file, v.type->lit->s.p, v.type->lit->s.n,
						v.type->pos.line, v.type->pos.col);
		v.def = meta(b->body, "default");
		v.nullable = true;
		const struct hx *nl = meta(b->body, "nullable");
		if (nl && nl->kind == HX_LITERAL && nl->lit->kind == HV_BOOL)
			v.nullable = nl->lit->b;
		PUSH(m->vars, m->nvars, caps[0], v);
	} else if (!strcmp(t, "locals")) {
		need_labels(r, b, 0, "no labels");
		for (size_t i = 0; i < b->body->nattrs; i++) {
			struct tf_local l;
			l.name = b->body->attrs[i].name;
			l.expr = b->body->attrs[i].expr;
			l.pos = b->body->attrs[i].pos;
			PUSH(m->locals, m->nlocals, caps[1], l);
		}
		if (b->body->nblocks)
			hcl_fail(r, &b->body->blocks[0].pos, "a locals block holds only attributes");
	} else if (!strcmp(t, "resource") || !strcmp(t, "data")) {
		struct tf_resource x;
		memset(&x, 0, sizeof(x));
		need_labels(r, b, 2, "two labels, the type and the name");
		x.data = t[0] == 'd';
		x.type = b->labels[0];
		x.name = b->labels[1];
		x.key = hcl_printf(r, "%s%s.%s", x.data ? "data." : "", x.type, x.name);
		x.body = b->body;
		x.pos = b->pos;
		x.count = meta(b->body, "count");
		x.for_each = meta(b->body, "for_each");
		if (x.count && x.for_each)
			hcl_fail(r, &b->pos, "count and for_each cannot both be set on %s",
				 cp_sanitize(x.key, buf, sizeof(buf)));
		const struct hx *p = meta(b->body, "provider");
		x.provider_explicit = p != NULL;
		x.provider = p ? provider_ref(r, b->body, p) : type_provider(r, x.type);
		PUSH(m->res, m->nres, caps[2], x);
	} else if (!strcmp(t, "module")) {
		struct tf_modcall c;
		memset(&c, 0, sizeof(c));
		need_labels(r, b, 1, "one label, the module name");
		c.name = b->labels[0];
		c.pos = b->pos;
		c.body = b->body;
		c.source = literal_string(r, b->body, "source", true, &b->pos, &c.source_pos);
		c.version = literal_string(r, b->body, "version", false, &b->pos, NULL);
		c.count = meta(b->body, "count");
		c.for_each = meta(b->body, "for_each");
		c.providers = meta(b->body, "providers");
		if (c.count && c.for_each)
			hcl_fail(r, &b->pos, "count and for_each cannot both be set on module.%s",
				 cp_sanitize(c.name, buf, sizeof(buf)));
		PUSH(m->calls, m->ncalls, caps[3], c);
	} else if (!strcmp(t, "output")) {
		struct tf_output o;
		need_labels(r, b, 1, "one label, the output name");
		o.name = b->labels[0];
		o.pos = b->pos;
		o.expr = meta(b->body, "value");
		if (!o.expr)
			hcl_fail(r, &b->pos, "output \"%s\" needs a value",
				 cp_sanitize(o.name, buf, sizeof(buf)));
		PUSH(m->outs, m->nouts, caps[4], o);
	} else if (!strcmp(t, "provider")) {
		struct tf_provider p;
		memset(&p, 0, sizeof(p));
		need_labels(r, b, 1, "one label, the provider name");
		p.name = b->labels[0];
		p.alias = literal_string(r, b->body, "alias", false, &b->pos, NULL);
		p.local = p.alias ? hcl_printf(r, "%s.%s", p.name, p.alias) : p.name;
		p.body = b->body;
		p.pos = b->pos;
		PUSH(m->provs, m->nprovs, caps[5], p);
	} else if (!strcmp(t, "terraform")) {
		required_providers(m, b->body);
	} else if (!strcmp(t, "moved") || !strcmp(t, "import") || !strcmp(t, "check") ||
		   !strcmp(t, "removed") || !strcmp(t, "ephemeral")) {
		/* no bearing on what is billed */
	} else {
		hcl_fail(r, &b->pos,
			 "unsupported block type \"%s\": a module holds resource, data, module, "
			 "variable, locals, output, provider and terraform blocks",
			 cp_sanitize(t, buf, sizeof(buf)));
	}
}

struct tf_module_cfg *tf_config_load(struct hcl_run *r, const char *fsdir, const char *dir,
				     const char *const *files, size_t nfiles)
{
	struct tf_module_cfg *m = hcl_alloc(r, sizeof(*m));
	m->dir = dir;
	m->fsdir = fsdir;
	tf_names_init(&m->by_var, r);
	tf_names_init(&m->by_local, r);
	tf_names_init(&m->by_res, r);
	tf_names_init(&m->by_call, r);
	tf_names_init(&m->by_out, r);
	tf_names_init(&m->by_prov, r);
	tf_names_init(&m->req_source, r);
	const char **list = (const char **)files;
	if (!files)
		list = list_dir(r, fsdir, &nfiles);
	if (nfiles == 0) {
		struct hcl_pos at = {fsdir, 0, 0};
		hcl_fail(r, &at, "no Terraform configuration files (.tf or .tf.json) in this directory");
	}
	m->nfiles = nfiles;
	struct blocks all = {NULL, 0, 0};
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < nfiles; i++) {
			if (override_name(list[i]) != (pass == 1))
				continue;
			struct hcl_body *b = parse_file(r, list[i]);
			if (b->nattrs) {
				char buf[80];
				hcl_fail(r, &b->attrs[0].pos,
					 "unexpected attribute \"%s\" at the top level of a module (only "
					 "blocks go here)",
					 cp_sanitize(b->attrs[0].name, buf, sizeof(buf)));
			}
			for (size_t j = 0; j < b->nblocks; j++) {
				if (pass == 1) {
					apply_override(r, &all, &b->blocks[j]);
					continue;
				}
				all.v = hcl_grow(r, all.v, &all.cap, all.n + 1, sizeof(*all.v));
				all.v[all.n++] = b->blocks[j];
			}
		}
	size_t caps[6] = {0};
	for (size_t i = 0; i < all.n; i++)
		sort_block(r, m, &all.v[i], caps);
	build_index(r, m);
	return m;
}
