/*
 * tf_plan.c - the evaluated configuration as plan JSON. See tf_plan.h.
 *
 * The document is built with jansson (malloc) while arena work (reference
 * lists, constant values) can still fail, so the building runs under a
 * cleanup guard that frees the partial document before the failure
 * unwinds.
 */
#include "model/terraform/tf_plan.h"

#include <stdlib.h>
#include <string.h>

#include "model/terraform/tf_module.h"

/* ---- values ---------------------------------------------------------------- */

/* Count the values about to be written into the document. */
static void spend(struct tf_loader *L, const struct hval *v, const struct hcl_pos *pos)
{
	L->plan_values += hv_nodes(v);
	if (L->plan_values > TF_MAX_PLAN_VALUES)
		hcl_fail_limit(&L->run, pos,
			       "plan limit: the resources' arguments hold more than %d values in all",
			       TF_MAX_PLAN_VALUES);
}

json_t *tf_value_json(const struct hval *v)
{
	switch (v->kind) {
	case HV_UNKNOWN:
		return NULL;
	case HV_NULL:
		return json_null();
	case HV_BOOL:
		return json_boolean(v->b);
	case HV_NUMBER:
		if (v->n == (double)(json_int_t)v->n && v->n > -9e15 && v->n < 9e15)
			return json_integer((json_int_t)v->n);
		return json_real(v->n);
	case HV_STRING:
		return json_stringn(v->s.p, v->s.n);
	case HV_LIST:
	case HV_SET: {
		json_t *a = json_array();
		for (size_t i = 0; i < v->l.n; i++) {
			json_t *x = tf_value_json(v->l.v[i]);
			json_array_append_new(a, x ? x : json_null());
		}
		return a;
	}
	case HV_OBJECT: {
		json_t *o = json_object();
		for (size_t i = 0; i < v->o.n; i++) {
			json_t *x = tf_value_json(v->o.v[i]);
			if (x)
				json_object_setn_new_nocheck(o, v->o.k[i], v->o.kn[i], x);
		}
		return o;
	}
	}
	return json_null();
}

json_t *tf_unknown_json(const struct hval *v)
{
	switch (v->kind) {
	case HV_UNKNOWN:
		return json_true();
	case HV_LIST:
	case HV_SET: {
		if (hv_wholly_known(v))
			return NULL;
		json_t *a = json_array();
		for (size_t i = 0; i < v->l.n; i++) {
			json_t *x = tf_unknown_json(v->l.v[i]);
			json_array_append_new(a, x ? x : json_false());
		}
		return a;
	}
	case HV_OBJECT: {
		if (hv_wholly_known(v))
			return NULL;
		json_t *o = json_object();
		for (size_t i = 0; i < v->o.n; i++) {
			json_t *x = tf_unknown_json(v->o.v[i]);
			if (x)
				json_object_setn_new_nocheck(o, v->o.k[i], v->o.kn[i], x);
		}
		return o;
	}
	default:
		return NULL;
	}
}

/* ---- resource instances ------------------------------------------------------- */

struct item {
	const struct tf_modinst *mi;
	const struct tf_rstate *rs;
	const struct tf_rinst *in;
};

static int cmp_key(const struct hval *a, const struct hval *b)
{
	if (!a || !b)
		return a ? 1 : b ? -1 : 0;
	if (a->kind != b->kind)
		return a->kind == HV_NUMBER ? -1 : 1;
	if (a->kind == HV_NUMBER)
		return a->n < b->n ? -1 : a->n > b->n;
	return hv_keycmp(a->s.p, a->s.n, b->s.p, b->s.n);
}

static int cmp_modinst(const struct tf_modinst *a, const struct tf_modinst *b)
{
	if (a == b)
		return 0;
	if (a->depth != b->depth) {
		/* compare the ancestors at equal depth first */
		const struct tf_modinst *x = a, *y = b;
		while (x->depth > y->depth)
			x = x->parent;
		while (y->depth > x->depth)
			y = y->parent;
		int c = cmp_modinst(x, y);
		return c ? c : (a->depth < b->depth ? -1 : 1);
	}
	int c = cmp_modinst(a->parent, b->parent);
	if (c)
		return c;
	c = strcmp(a->call->name, b->call->name);
	return c ? c : cmp_key(a->key, b->key);
}

static int cmp_item(const void *x, const void *y)
{
	const struct item *a = x, *b = y;
	int c = cmp_modinst(a->mi, b->mi);
	if (c)
		return c;
	if (a->rs->cfg->data != b->rs->cfg->data)
		return a->rs->cfg->data ? 1 : -1;
	c = strcmp(a->rs->cfg->type, b->rs->cfg->type);
	if (!c)
		c = strcmp(a->rs->cfg->name, b->rs->cfg->name);
	return c ? c : cmp_key(a->in->key, b->in->key);
}

static const char *provider_name(struct tf_loader *L, const struct tf_modinst *mi,
				 const struct tf_provref *p)
{
	const char *local = p->local;
	const char *dot = strchr(local, '.');
	if (dot)
		local = hcl_strndup(&L->run, local, (size_t)(dot - local));
	const struct tf_module_cfg *cfg = p->cfg ? p->owner->cfg : mi->cfg;
	return tf_config_provider_source(&L->run, cfg, local);
}

/* The values of an instance, with region for AWS resources when known. */
static json_t *instance_values(const struct item *it, const char *provider)
{
	json_t *v = tf_value_json(it->in->value);
	if (!json_is_object(v)) {
		json_decref(v);
		v = json_object();
	}
	const char *slash = strrchr(provider, '/');
	if (!it->rs->cfg->data && slash && !strcmp(slash + 1, "aws") &&
	    !json_object_get(v, "region")) {
		struct hval *region = tf_eval_region((struct tf_provref *)it->in->prov);
		if (region && region->kind == HV_STRING)
			json_object_set_new(v, "region", json_stringn(region->s.p, region->s.n));
	}
	return v;
}

static json_t *index_json(const struct hval *key)
{
	return key ? tf_value_json(key) : NULL;
}

/* One json_t per distinct text, shared by every object that holds it
 * (types, names, modes, providers repeat thousands of times). */
static json_t *shared(json_t *pool, const char *s)
{
	json_t *v = json_object_get(pool, s);
	if (!v) {
		v = json_string(s);
		json_object_set_new(pool, s, v);
	}
	return json_incref(v);
}

static json_t *identity(json_t *pool, const struct item *it, const char *provider)
{
	const struct tf_resource *c = it->rs->cfg;
	json_t *o = json_object();
	json_object_set_new(o, "address", json_string(it->in->addr));
	if (it->mi->addr[0])
		json_object_set_new(o, "module_address", shared(pool, it->mi->addr));
	json_object_set_new(o, "mode", shared(pool, c->data ? "data" : "managed"));
	json_object_set_new(o, "type", shared(pool, c->type));
	json_object_set_new(o, "name", shared(pool, c->name));
	json_t *ix = index_json(it->in->key);
	if (ix)
		json_object_set_new(o, "index", ix);
	json_object_set_new(o, "provider_name", shared(pool, provider));
	return o;
}

/* values: the instance's values, shared with planned_values (jansson lets
 * one value appear twice in a document; it is written out twice). */
static json_t *change(struct tf_loader *L, json_t *pool, const struct item *it, json_t *values)
{
	const char *provider = provider_name(L, it->mi, it->in->prov);
	json_t *rc = identity(pool, it, provider);
	json_t *ch = json_object();
	const char *act = it->rs->cfg->data ? "\001read" : "\001create";
	json_t *actions = json_object_get(pool, act);
	if (!actions) {
		actions = json_pack("[s]", act + 1);
		json_object_set_new(pool, act, actions);
	}
	json_object_set(ch, "actions", actions);
	json_object_set_new(ch, "before", json_null());
	json_object_set(ch, "after", values);
	json_t *unk = tf_unknown_json(it->in->value);
	if (!json_is_object(unk)) {
		json_decref(unk);
		unk = json_object();
	}
	if (!it->rs->cfg->data && !hv_getz(it->in->value, "id"))
		json_object_set_new(unk, "id", json_true());
	json_object_set_new(ch, "after_unknown", unk);
	json_object_set_new(rc, "change", ch);
	return rc;
}

static json_t *planned(struct tf_loader *L, json_t *pool, const struct item *it, json_t *values)
{
	const char *provider = provider_name(L, it->mi, it->in->prov);
	json_t *o = identity(pool, it, provider);
	json_object_del(o, "module_address");
	json_object_set_new(o, "schema_version", json_integer(0));
	json_object_set(o, "values", values);
	return o;
}

/* planned_values: the module tree, each module instance with its resources. */
static json_t *module_values(struct tf_loader *L, json_t *pool, const struct tf_modinst *mi,
			     const struct item *items, json_t *vals,
			     const struct tf_modinst *const *mods, size_t nmods)
{
	json_t *m = json_object();
	json_t *res = json_array();
	if (mi->addr[0])
		json_object_set_new(m, "address", json_string(mi->addr));
	for (size_t i = mi->plan_first; i < mi->plan_first + mi->plan_count; i++)
		json_array_append_new(res, planned(L, pool, &items[i], json_array_get(vals, i)));
	json_object_set_new(m, "resources", res);
	json_t *kids = json_array();
	for (size_t i = 0; i < nmods; i++)
		if (mods[i]->parent == mi && mods[i]->cfg)
			json_array_append_new(kids, module_values(L, pool, mods[i], items, vals, mods, nmods));
	if (json_array_size(kids))
		json_object_set_new(m, "child_modules", kids);
	else
		json_decref(kids);
	return m;
}

/* ---- configuration ----------------------------------------------------------------- */

struct refs {
	json_t *list;
	json_t *seen;
};

static void add_ref(void *ctx, const char *ref)
{
	struct refs *r = ctx;
	if (json_object_get(r->seen, ref))
		return;
	json_object_set_new(r->seen, ref, json_true());
	json_array_append_new(r->list, json_string(ref));
}

/* A constant expression's value, or NULL (it refers to something, or it
 * fails on its own). */
static json_t *constant(struct tf_loader *L, const struct hx *e, const struct hcl_pos *pos)
{
	struct hcl_run *r = &L->run;
	struct hcl_eval ev;
	struct hcl_catch c;
	memset(&ev, 0, sizeof(ev));
	ev.r = r;
	ev.base_dir = L->rootdir;
	if (e->kind != HX_LITERAL && e->kind != HX_TUPLE && e->kind != HX_OBJECT &&
	    e->kind != HX_TEMPLATE && e->kind != HX_UNARY)
		return NULL;
	hcl_catch_push(r, &c, false);
	if (setjmp(c.jb))
		return NULL;
	struct hval *v = hcl_eval(&ev, NULL, e);
	hcl_catch_pop(r, &c);
	if (!hv_wholly_known(v))
		return NULL;
	spend(L, v, pos);
	return tf_value_json(v);
}

static json_t *expr_json(struct tf_loader *L, const struct hx *e)
{
	struct refs r = {json_array(), json_object()};
	json_t *o = json_object();
	hcl_references(&L->run, e, add_ref, &r);
	json_decref(r.seen);
	if (json_array_size(r.list)) {
		json_object_set_new(o, "references", r.list);
		return o;
	}
	json_decref(r.list);
	json_t *c = constant(L, e, &e->pos);
	if (c)
		json_object_set_new(o, "constant_value", c);
	return o;
}

static bool meta_arg(const char *name, bool module)
{
	if (!strcmp(name, "count") || !strcmp(name, "for_each") || !strcmp(name, "depends_on"))
		return true;
	if (module)
		return !strcmp(name, "source") || !strcmp(name, "version") || !strcmp(name, "providers");
	return !strcmp(name, "provider");
}

static json_t *body_exprs(struct tf_loader *L, const struct hcl_body *b, bool top, bool module)
{
	json_t *o = json_object();
	for (size_t i = 0; i < b->nattrs; i++) {
		if (top && meta_arg(b->attrs[i].name, module))
			continue;
		json_object_set_new(o, b->attrs[i].name, expr_json(L, b->attrs[i].expr));
	}
	for (size_t i = 0; i < b->nblocks; i++) {
		const struct hcl_block *blk = &b->blocks[i];
		const char *type = blk->type;
		const struct hcl_body *body = blk->body;
		if (top && (!strcmp(type, "lifecycle") || !strcmp(type, "provisioner") ||
			    !strcmp(type, "connection")))
			continue;
		if (!strcmp(type, "dynamic")) {
			/* the content of a dynamic block, under the type it makes */
			if (blk->nlabels != 1)
				continue;
			type = blk->labels[0];
			body = NULL;
			for (size_t k = 0; k < blk->body->nblocks; k++)
				if (!strcmp(blk->body->blocks[k].type, "content"))
					body = blk->body->blocks[k].body;
			if (!body)
				continue;
		}
		json_t *list = json_object_get(o, type);
		if (!json_is_array(list)) {
			list = json_array();
			json_object_set_new(o, type, list);
		}
		json_array_append_new(list, body_exprs(L, body, false, false));
	}
	return o;
}

/* The instance of a module configuration path, to resolve provider keys. */
static struct tf_modinst *an_instance(struct tf_loader *L, const char *cfgpath)
{
	for (size_t i = 0; i < L->nall; i++)
		if (!strcmp(L->all[i]->cfgpath, cfgpath) && L->all[i]->cfg)
			return L->all[i];
	return NULL;
}

static void set_meta_expr(struct tf_loader *L, json_t *o, const char *key, const struct hx *e)
{
	if (e)
		json_object_set_new(o, key, expr_json(L, e));
}

static json_t *module_config(struct tf_loader *L, const struct tf_module_cfg *cfg, const char *keypath,
			     const char *cfgpath, int depth, json_t *providers)
{
	struct hcl_run *r = &L->run;
	json_t *m = json_object();
	if (!cfg || depth > TF_MAX_MODULE_DEPTH)
		return m;
	struct tf_modinst *mi = an_instance(L, cfgpath);
	/* provider configurations declared here */
	for (size_t i = 0; i < cfg->nprovs; i++) {
		const struct tf_provider *p = &cfg->provs[i];
		json_t *pc = json_object();
		const char *key = cfgpath[0] ? hcl_printf(r, "%s:%s", cfgpath, p->local) : p->local;
		json_object_set_new(pc, "name", json_string(p->name));
		json_object_set_new(pc, "full_name", json_string(tf_config_provider_source(r, cfg, p->name)));
		if (p->alias)
			json_object_set_new(pc, "alias", json_string(p->alias));
		if (cfgpath[0])
			json_object_set_new(pc, "module_address", json_string(cfgpath));
		const struct hcl_attr *reg = hcl_body_attr(p->body, "region");
		json_t *ex = json_object();
		if (reg)
			json_object_set_new(ex, "region", expr_json(L, reg->expr));
		json_object_set_new(pc, "expressions", ex);
		json_object_set_new(providers, key, pc);
	}
	json_t *res = json_array();
	for (size_t i = 0; i < cfg->nres; i++) {
		const struct tf_resource *c = &cfg->res[i];
		json_t *o = json_object();
		const char *pkey;
		if (mi) {
			struct tf_provref *p = tf_eval_provider(mi, c->provider, &c->pos);
			pkey = p->key;
			if (!p->cfg && !json_object_get(providers, p->key)) {
				json_t *pc = json_object();
				json_object_set_new(pc, "name", json_string(p->local));
				json_object_set_new(pc, "full_name",
						    json_string(tf_config_provider_source(r, cfg, p->local)));
				json_object_set_new(providers, p->key, pc);
			}
		} else {
			pkey = cfgpath[0] ? hcl_printf(r, "%s:%s", cfgpath, c->provider) : c->provider;
		}
		json_object_set_new(o, "address", json_string(c->key));
		json_object_set_new(o, "mode", json_string(c->data ? "data" : "managed"));
		json_object_set_new(o, "type", json_string(c->type));
		json_object_set_new(o, "name", json_string(c->name));
		json_object_set_new(o, "provider_config_key", json_string(pkey));
		json_object_set_new(o, "expressions", body_exprs(L, c->body, true, false));
		json_object_set_new(o, "schema_version", json_integer(0));
		set_meta_expr(L, o, "count_expression", c->count);
		set_meta_expr(L, o, "for_each_expression", c->for_each);
		json_array_append_new(res, o);
	}
	json_object_set_new(m, "resources", res);
	if (cfg->ncalls) {
		json_t *calls = json_object();
		for (size_t i = 0; i < cfg->ncalls; i++) {
			const struct tf_modcall *c = &cfg->calls[i];
			const char *missing;
			const char *kp = keypath[0] ? hcl_printf(r, "%s.%s", keypath, c->name) : c->name;
			const char *cp = cfgpath[0] ? hcl_printf(r, "%s.module.%s", cfgpath, c->name)
						    : hcl_printf(r, "module.%s", c->name);
			const struct tf_module_cfg *child = tf_eval_call_cfg(L, cfg, keypath, c, &missing);
			json_t *o = json_object();
			json_object_set_new(o, "source", json_string(c->source));
			if (c->version)
				json_object_set_new(o, "version_constraint", json_string(c->version));
			json_object_set_new(o, "expressions", body_exprs(L, c->body, true, true));
			set_meta_expr(L, o, "count_expression", c->count);
			set_meta_expr(L, o, "for_each_expression", c->for_each);
			json_object_set_new(o, "module",
					    module_config(L, child, kp, cp, depth + 1, providers));
			json_object_set_new(calls, c->name, o);
		}
		json_object_set_new(m, "module_calls", calls);
	}
	if (cfg->nouts) {
		json_t *outs = json_object();
		for (size_t i = 0; i < cfg->nouts; i++) {
			json_t *o = json_object();
			json_object_set_new(o, "expression", expr_json(L, cfg->outs[i].expr));
			json_object_set_new(outs, cfg->outs[i].name, o);
		}
		json_object_set_new(m, "outputs", outs);
	}
	return m;
}

/* ---- the document ---------------------------------------------------------------------- */

static int cmp_modinst_ptr(const void *x, const void *y)
{
	return cmp_modinst(*(struct tf_modinst *const *)x, *(struct tf_modinst *const *)y);
}

static json_t *build(struct tf_loader *L, json_t *doc)
{
	struct hcl_run *r = &L->run;
	struct item *items = NULL;
	size_t n = 0, cap = 0;
	for (size_t k = 0; k < L->nall; k++) {
		const struct tf_modinst *mi = L->all[k];
		for (size_t i = 0; mi->cfg && i < mi->cfg->nres; i++) {
			const struct tf_rstate *rs = &mi->res[i];
			for (size_t j = 0; j < rs->ninst; j++) {
				items = hcl_grow(r, items, &cap, n + 1, sizeof(*items));
				items[n].mi = mi;
				items[n].rs = rs;
				items[n].in = &rs->inst[j];
				n++;
			}
		}
	}
	if (n)
		qsort(items, n, sizeof(*items), cmp_item);
	struct tf_modinst **mods = hcl_alloc_array(r, L->nall, sizeof(*mods));
	memcpy(mods, L->all, L->nall * sizeof(*mods));
	qsort(mods, L->nall, sizeof(*mods), cmp_modinst_ptr);
	/* both sorted alike: each module instance's resources are one run */
	for (size_t k = 0, i = 0; k < L->nall; k++) {
		mods[k]->plan_first = i;
		while (i < n && items[i].mi == mods[k])
			i++;
		mods[k]->plan_count = i - mods[k]->plan_first;
	}
	/* each instance's values, made once (held in the document until the end,
	 * so a failure frees them with it) */
	json_t *vals = json_array();
	json_t *pool = json_object(); /* shared strings */
	json_object_set_new(doc, "\001values", vals);
	json_object_set_new(doc, "\001pool", pool);
	for (size_t i = 0; i < n; i++) {
		spend(L, items[i].in->value, &items[i].rs->cfg->pos);
		json_array_append_new(vals, instance_values(&items[i], provider_name(L, items[i].mi,
										       items[i].in->prov)));
	}
	/* variables */
	json_t *vars = json_object();
	json_object_set_new(doc, "variables", vars);
	for (size_t i = 0; i < L->rootcfg->nvars; i++) {
		const struct memo *m = &L->root->vars[i];
		if (m->st == MEMO_DONE && hv_wholly_known(m->v))
			spend(L, m->v, &L->rootcfg->vars[i].pos);
		if (m->st == MEMO_DONE && hv_wholly_known(m->v))
			json_object_set_new(vars, L->rootcfg->vars[i].name,
					    json_pack("{s:o}", "value", tf_value_json(m->v)));
	}
	/* planned values (not for the plan reader, which reads a plan's
	 * resource_changes: building and freeing a second tree of every
	 * instance was a tenth of pricing a 5,000-resource configuration) */
	if (!L->for_reader) {
		json_t *pv = json_object();
		json_object_set_new(doc, "planned_values", pv);
		json_object_set_new(pv, "root_module",
				    module_values(L, pool, L->root, items, vals,
						  (const struct tf_modinst *const *)mods, L->nall));
	}
	/* resource changes */
	json_t *changes = json_array();
	json_object_set_new(doc, "resource_changes", changes);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(changes, change(L, pool, &items[i], json_array_get(vals, i)));
	/* configuration */
	json_t *conf = json_object();
	json_t *providers = json_object();
	json_object_set_new(doc, "configuration", conf);
	json_object_set_new(conf, "provider_config", providers);
	json_object_set_new(conf, "root_module", module_config(L, L->rootcfg, "", "", 0, providers));
	json_object_del(doc, "\001values");
	json_object_del(doc, "\001pool");
	return doc;
}

json_t *tf_plan_json(struct tf_loader *L)
{
	struct hcl_run *r = &L->run;
	json_t *doc = json_pack("{s:s,s:s}", "format_version", "1.2", "terraform_version",
				"costplan (configuration read without Terraform)");
	struct hcl_catch guard;
	hcl_catch_push(r, &guard, false);
	if (setjmp(guard.jb)) {
		json_decref(doc);
		hcl_rethrow(r);
	}
	build(L, doc);
	json_object_set_new(doc, "applyable", json_true());
	json_object_set_new(doc, "complete", json_true());
	json_object_set_new(doc, "errored", json_false());
	hcl_catch_pop(r, &guard);
	return doc;
}
