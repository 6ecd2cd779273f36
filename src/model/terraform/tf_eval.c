/*
 * tf_eval.c - module instances and the references between their objects.
 * See tf_eval.h.
 *
 * The resolver (resolve()) is where HCL meets Terraform: var.x, local.x,
 * module.m[...].out, data.t.n, path.*, terraform.workspace and resource
 * references are looked up in the module instance the expression belongs
 * to, each through memo_eval(), which evaluates an object once, detects
 * cycles with the stack of objects being evaluated, and remembers
 * failures.
 */
#include "model/terraform/tf_eval.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "model/terraform/tf_module.h"
#include "model/terraform/tf_types.h"
#include "model/terraform/tf_vars.h"

/* ---- warnings and what is not priced --------------------------------------- */

void tf_warn(struct tf_loader *L, const char *fmt, ...)
{
	char buf[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (tf_names_get(&L->warned, buf))
		return;
	const char *w = hcl_strdup(&L->run, buf);
	tf_names_put(&L->warned, buf, (void *)w);
	L->warnings = hcl_grow(&L->run, L->warnings, &L->capwarn, L->nwarn + 1, sizeof(*L->warnings));
	L->warnings[L->nwarn++] = w;
}

void tf_unpriced_add(struct tf_loader *L, const char *addr, const char *type, const char *why)
{
	L->unpriced = hcl_grow(&L->run, L->unpriced, &L->capunpriced, L->nunpriced + 1,
			       sizeof(*L->unpriced));
	struct tf_unpriced *u = &L->unpriced[L->nunpriced++];
	u->address = (char *)addr;
	u->type = (char *)type;
	u->why = (char *)why;
}

/* ---- memoized evaluation ------------------------------------------------------ */

typedef struct hval *(*memo_fn)(struct tf_modinst *mi, const void *decl);

static const char *display(struct tf_modinst *mi, const char *name)
{
	return mi->addr[0] ? hcl_printf(&mi->L->run, "%s.%s", mi->addr, name) : name;
}

static _Noreturn void cycle(struct tf_modinst *mi, const struct memo *m, const char *name,
			    const struct hcl_pos *pos)
{
	struct tf_loader *L = mi->L;
	char chain[480];
	size_t o = 0, k = 0;
	while (k < L->nstack && L->stack[k].m != m)
		k++;
	chain[0] = '\0';
	for (; k < L->nstack && o < sizeof(chain) - 80; k++)
		o += (size_t)snprintf(chain + o, sizeof(chain) - o, "%s -> ", L->stack[k].name);
	snprintf(chain + o, sizeof(chain) - o, "%s", display(mi, name));
	hcl_fail_static(&L->run, pos, "cycle: %s refers to itself (%s)", display(mi, name), chain);
}

/* Evaluate an object once. Its name for cycle messages is "prefix.name"
 * (prefix may be NULL), made only when it is evaluated. */
static struct hval *memo_eval(struct tf_modinst *mi, struct memo *m, const char *prefix,
			      const char *rawname, const struct hcl_pos *pos, memo_fn fn,
			      const void *decl)
{
	struct tf_loader *L = mi->L;
	struct hcl_run *r = &L->run;
	if (m->st == MEMO_DONE)
		return m->v;
	if (m->st == MEMO_FAILED) {
		r->diag = *m->err;
		hcl_rethrow(r);
	}
	const char *name = prefix ? hcl_printf(r, "%s.%s", prefix, rawname) : rawname;
	if (m->st == MEMO_BUSY)
		cycle(mi, m, name, pos);
	L->stack = hcl_grow(r, L->stack, &L->capstack, L->nstack + 1, sizeof(*L->stack));
	size_t saved = L->nstack;
	L->stack[L->nstack].name = display(mi, name);
	L->stack[L->nstack].mi = mi;
	L->stack[L->nstack].m = m;
	L->nstack++;
	m->st = MEMO_BUSY;
	struct hcl_catch c;
	hcl_catch_push(r, &c, false);
	if (setjmp(c.jb)) {
		L->nstack = saved;
		m->st = MEMO_FAILED;
		m->err = hcl_alloc(r, sizeof(*m->err));
		*m->err = r->diag;
		hcl_rethrow(r);
	}
	struct hval *v = fn(mi, decl);
	hcl_catch_pop(r, &c);
	L->nstack = saved;
	m->st = MEMO_DONE;
	m->v = v;
	return v;
}

/* ---- variables, locals, outputs --------------------------------------------------- */

static bool meta_module_arg(const char *name)
{
	return !strcmp(name, "source") || !strcmp(name, "version") || !strcmp(name, "count") ||
	       !strcmp(name, "for_each") || !strcmp(name, "providers") || !strcmp(name, "depends_on");
}

static struct hval *eval_var(struct tf_modinst *mi, const void *decl)
{
	const struct tf_variable *v = decl;
	struct hcl_run *r = &mi->L->run;
	char what[200], buf[120];
	if (!mi->parent)
		return tf_vars_root_value(mi->L, &mi->ev, v);
	snprintf(what, sizeof(what), "%s: variable \"%s\"", mi->addr, cp_sanitize(v->name, buf, sizeof(buf)));
	const struct hcl_attr *a = hcl_body_attr(mi->call->body, v->name);
	struct hcl_eval lit = mi->ev;
	lit.resolve = NULL;
	struct hval *val;
	struct hcl_pos pos = v->pos;
	if (a) {
		pos = a->pos;
		val = hcl_eval(&mi->parent->ev, mi->call_scope, a->expr);
		if (val->kind == HV_NULL && !v->nullable && v->def)
			val = hcl_eval(&lit, NULL, v->def);
	} else if (v->def) {
		val = hcl_eval(&lit, NULL, v->def);
	} else {
		hcl_fail(r, &mi->call->pos, "module.%s: the required variable \"%s\" is not set",
			 mi->call->name, buf);
	}
	if (val->kind == HV_NULL && !v->nullable)
		hcl_fail(r, &pos, "%s must not be null (it is declared nullable = false)", what);
	return tf_type_convert(&mi->ev, tf_type_parse(r, v->type), val, &pos, what);
}

static struct hval *get_var(struct tf_modinst *mi, const char *name, const struct hcl_pos *at)
{
	char buf[120];
	const struct tf_variable *v = tf_names_get(&mi->cfg->by_var, name);
	if (!v)
		hcl_fail_static(&mi->L->run, at, "reference to an undeclared input variable \"%s\"%s%s",
			 cp_sanitize(name, buf, sizeof(buf)), mi->addr[0] ? " in " : "", mi->addr);
	return memo_eval(mi, &mi->vars[v->index], "var", v->name, &v->pos,
			 eval_var, v);
}

static struct hval *eval_local(struct tf_modinst *mi, const void *decl)
{
	const struct tf_local *l = decl;
	return hcl_eval(&mi->ev, NULL, l->expr);
}

static struct hval *get_local(struct tf_modinst *mi, const char *name, const struct hcl_pos *at)
{
	char buf[120];
	const struct tf_local *l = tf_names_get(&mi->cfg->by_local, name);
	if (!l)
		hcl_fail_static(&mi->L->run, at, "reference to an undeclared local value \"%s\"%s%s",
			 cp_sanitize(name, buf, sizeof(buf)), mi->addr[0] ? " in " : "", mi->addr);
	return memo_eval(mi, &mi->locals[l->index], "local", l->name,
			 &l->pos, eval_local, l);
}

static struct hval *eval_output(struct tf_modinst *mi, const void *decl)
{
	const struct tf_output *o = decl;
	return hcl_eval(&mi->ev, NULL, o->expr);
}

static struct hval *get_output(struct tf_modinst *mi, const char *name, const struct hcl_pos *at)
{
	char buf[120];
	if (!mi->cfg)
		return HV_UNKNOWNV; /* not installed */
	const struct tf_output *o = tf_names_get(&mi->cfg->by_out, name);
	if (!o)
		hcl_fail_static(&mi->L->run, at, "%s has no output \"%s\"", mi->addr,
			 cp_sanitize(name, buf, sizeof(buf)));
	return memo_eval(mi, &mi->outputs[o->index], "output", o->name,
			 &o->pos, eval_output, o);
}

static struct hval *all_outputs(struct tf_modinst *mi)
{
	struct hv_objb b;
	hv_objb_init(&b, &mi->L->run);
	if (!mi->cfg) {
		struct hval *o = hv_objb_finish(&b, false, NULL);
		o->flags |= HV_OPEN;
		return o;
	}
	for (size_t i = 0; i < mi->cfg->nouts; i++)
		hv_objb_addz(&b, mi->cfg->outs[i].name,
			     get_output(mi, mi->cfg->outs[i].name, &mi->cfg->outs[i].pos));
	return hv_objb_finish(&b, false, NULL);
}

/* ---- providers --------------------------------------------------------------------- */

static const char *traversal_text(struct hcl_run *r, const struct hx *e)
{
	const char *root;
	struct hx_step st[2];
	if (e->kind == HX_LITERAL && e->lit->kind == HV_STRING)
		return e->lit->s.p;
	int n = hx_traversal(e, &root, st, 2);
	if (n == 0)
		return root;
	if (n == 1 && st[0].name)
		return hcl_printf(r, "%s.%s", root, st[0].name);
	return NULL;
}

struct tf_provref *tf_eval_provider(struct tf_modinst *mi, const char *local, const struct hcl_pos *pos)
{
	struct hcl_run *r = &mi->L->run;
	struct tf_provref *p = tf_names_get(&mi->provs, local);
	const struct tf_provider *pc;
	char buf[120];
	if (p)
		return p;
	if (mi->cfg && (pc = tf_names_get(&mi->cfg->by_prov, local)) != NULL) {
		p = hcl_alloc(r, sizeof(*p));
		p->key = mi->cfgpath[0] ? hcl_printf(r, "%s:%s", mi->cfgpath, local) : local;
		p->local = local;
		p->cfg = pc;
		p->owner = mi;
	} else {
		const struct hx *target = NULL;
		const struct hx *pm = mi->call ? mi->call->providers : NULL;
		for (size_t i = 0; pm && pm->kind == HX_OBJECT && i < pm->obj.n; i++) {
			const char *k = traversal_text(r, pm->obj.v[i].key);
			if (k && !strcmp(k, local))
				target = pm->obj.v[i].val;
		}
		if (target) {
			const char *t = traversal_text(r, target);
			if (!t)
				hcl_fail(r, &target->pos, "providers: the value must name a provider, like aws.west");
			p = tf_eval_provider(mi->parent, t, &target->pos);
		} else if (mi->parent && !strchr(local, '.')) {
			p = tf_eval_provider(mi->parent, local, pos);
		} else if (!strchr(local, '.')) {
			p = hcl_alloc(r, sizeof(*p));
			p->key = local;
			p->local = local;
			p->owner = mi;
		} else {
			cp_sanitize(local, buf, sizeof(buf));
			hcl_fail(r, pos,
				 "provider %s is not configured here: declare a provider block with that "
				 "alias%s",
				 buf, mi->parent ? ", or pass it in the module call's providers" : "");
		}
	}
	tf_names_put(&mi->provs, local, p);
	return p;
}

static struct hval *eval_region(struct tf_modinst *mi, const void *decl)
{
	const struct tf_provider *pc = decl;
	const struct hcl_attr *a = hcl_body_attr(pc->body, "region");
	return a ? hcl_eval(&mi->ev, NULL, a->expr) : HV_NULLV;
}

struct hval *tf_eval_region(struct tf_provref *p)
{
	if (!p->cfg)
		return NULL;
	struct hval *v = memo_eval(p->owner, &p->region, "provider", p->local,
				   &p->cfg->pos, eval_region, p->cfg);
	return v->kind == HV_NULL ? NULL : v;
}

/* ---- resources ---------------------------------------------------------------------- */

static bool meta_resource_arg(const char *name)
{
	return !strcmp(name, "count") || !strcmp(name, "for_each") || !strcmp(name, "provider") ||
	       !strcmp(name, "depends_on");
}

static bool meta_resource_block(const char *type)
{
	return !strcmp(type, "lifecycle") || !strcmp(type, "provisioner") ||
	       !strcmp(type, "connection") || !strcmp(type, "precondition") ||
	       !strcmp(type, "postcondition");
}

struct block_group {
	const char *type;
	struct hv_listb items;
	bool unknown;
};

struct groups {
	struct block_group *v;
	size_t n, cap;
};

static struct block_group *group_of(struct hcl_run *r, struct groups *g, const char *type)
{
	for (size_t i = 0; i < g->n; i++)
		if (!strcmp(g->v[i].type, type))
			return &g->v[i];
	g->v = hcl_grow(r, g->v, &g->cap, g->n + 1, sizeof(*g->v));
	struct block_group *b = &g->v[g->n++];
	b->type = type;
	b->unknown = false;
	hv_listb_init(&b->items, r);
	return b;
}

static struct hval *eval_body(struct tf_modinst *mi, const struct hcl_scope *sc,
			      const struct hcl_body *body, bool top);

struct dyn_ctx {
	struct tf_modinst *mi;
	const struct hcl_scope *sc;
	const char *iter;
	const struct hcl_body *content;
	struct block_group *g;
};

static void dynamic_block(struct tf_modinst *mi, const struct hcl_scope *sc,
			  const struct hcl_block *blk, struct groups *g)
{
	struct hcl_run *r = &mi->L->run;
	char d[80];
	if (blk->nlabels != 1)
		hcl_fail(r, &blk->pos, "a dynamic block needs one label: the type of the blocks it makes");
	const struct hcl_attr *fe = hcl_body_attr(blk->body, "for_each");
	const struct hcl_attr *it = hcl_body_attr(blk->body, "iterator");
	const struct hcl_body *content = NULL;
	for (size_t i = 0; i < blk->body->nblocks; i++)
		if (!strcmp(blk->body->blocks[i].type, "content"))
			content = blk->body->blocks[i].body;
	if (!fe || !content)
		hcl_fail(r, &blk->pos, "a dynamic block needs for_each and a content block");
	const char *iter = blk->labels[0];
	if (it) {
		const struct hx *ie = it->expr;
		if (ie->kind == HX_LITERAL && ie->lit->kind == HV_STRING)
			iter = ie->lit->s.p;
		else if (ie->kind == HX_VAR)
			iter = ie->name;
		else
			hcl_fail(r, &it->pos, "iterator must be a name");
	}
	struct block_group *bg = group_of(r, g, blk->labels[0]);
	struct hval *coll = hcl_eval(&mi->ev, sc, fe->expr);
	size_t n;
	switch (coll->kind) {
	case HV_UNKNOWN:
		bg->unknown = true;
		return;
	case HV_LIST:
	case HV_SET:
	case HV_OBJECT:
		n = hv_len(coll);
		break;
	case HV_NULL:
		hcl_fail(r, &fe->pos, "the for_each of dynamic \"%s\" is null", blk->labels[0]);
	default:
		hcl_fail(r, &fe->pos, "the for_each of dynamic \"%s\" must be a collection, not %s",
			 blk->labels[0], hcl_describe(coll, d, sizeof(d)));
	}
	for (size_t i = 0; i < n; i++) {
		struct hval *k, *v;
		if (coll->kind == HV_OBJECT) {
			k = hv_string_ref(r, coll->o.k[i], coll->o.kn[i]);
			v = coll->o.v[i];
		} else {
			v = coll->l.v[i];
			k = coll->kind == HV_SET ? v : hv_number(r, (double)i);
		}
		struct hv_objb ob;
		hv_objb_init(&ob, r);
		hv_objb_addz(&ob, "key", k);
		hv_objb_addz(&ob, "value", v);
		struct hcl_scope *s = hcl_alloc(r, sizeof(*s));
		s->up = sc;
		s->name = iter;
		s->val = hv_objb_finish(&ob, false, NULL);
		hv_listb_add(&bg->items, eval_body(mi, s, content, false));
	}
}

static struct hval *eval_body(struct tf_modinst *mi, const struct hcl_scope *sc,
			      const struct hcl_body *body, bool top)
{
	struct hcl_run *r = &mi->L->run;
	struct hv_objb b;
	struct groups g = {NULL, 0, 0};
	hcl_enter(r, &body->pos);
	hv_objb_init(&b, r);
	for (size_t i = 0; i < body->nattrs; i++) {
		const struct hcl_attr *a = &body->attrs[i];
		if (top && meta_resource_arg(a->name))
			continue;
		hv_objb_addz(&b, a->name, hcl_eval(&mi->ev, sc, a->expr));
	}
	for (size_t i = 0; i < body->nblocks; i++) {
		const struct hcl_block *blk = &body->blocks[i];
		if (top && meta_resource_block(blk->type))
			continue;
		if (!strcmp(blk->type, "dynamic")) {
			dynamic_block(mi, sc, blk, &g);
			continue;
		}
		hv_listb_add(&group_of(r, &g, blk->type)->items, eval_body(mi, sc, blk->body, false));
	}
	for (size_t i = 0; i < g.n; i++)
		hv_objb_addz(&b, g.v[i].type,
			     g.v[i].unknown ? HV_UNKNOWNV : hv_listb_finish(&g.v[i].items));
	struct hval *o = hv_objb_finish(&b, false, &body->pos);
	o->flags |= HV_OPEN;
	hcl_leave(r);
	return o;
}

/* data.aws_region: its name is the provider's region, known without AWS. */
static struct hval *data_source_value(struct tf_modinst *mi, const struct tf_resource *c,
				      struct tf_provref *prov, struct hval *v)
{
	struct hcl_run *r = &mi->L->run;
	if (strcmp(c->type, "aws_region"))
		return v;
	struct hval *region = tf_eval_region(prov);
	if (!region || region->kind != HV_STRING)
		return v;
	struct hv_objb b;
	hv_objb_init(&b, r);
	for (size_t i = 0; i < v->o.n; i++)
		hv_objb_add(&b, v->o.k[i], v->o.kn[i], v->o.v[i]);
	if (!hv_getz(v, "name"))
		hv_objb_addz(&b, "name", region);
	if (!hv_getz(v, "region"))
		hv_objb_addz(&b, "region", region);
	if (!hv_getz(v, "id"))
		hv_objb_addz(&b, "id", region);
	struct hval *o = hv_objb_finish(&b, false, NULL);
	o->flags |= HV_OPEN;
	return o;
}

static struct hval *eval_resource(struct tf_modinst *mi, const void *decl)
{
	struct tf_rstate *rs = (struct tf_rstate *)decl;
	const struct tf_resource *c = rs->cfg;
	struct tf_loader *L = mi->L;
	struct hcl_run *r = &L->run;
	struct tf_expansion x;
	const char *base = display(mi, c->key);
	tf_expand(&mi->ev, NULL, c->count, c->for_each, base, &x);
	if (x.kind == TFX_UNKNOWN) {
		rs->unknown_expansion = true;
		if (!c->data)
			tf_unpriced_add(L, base, c->type,
					"its for_each is known only after apply, so its instances are "
					"unknown");
		return HV_UNKNOWNV;
	}
	if (x.count_assumed && !c->data)
		tf_warn(L, "%s: count is known only after apply; priced as 1 instance", base);
	L->ninstances += x.n;
	if (L->ninstances > TF_MAX_INSTANCES)
		hcl_fail_limit(r, &c->pos, "instance limit: more than %d resource instances",
			       TF_MAX_INSTANCES);
	struct tf_provref *prov = tf_eval_provider(mi, c->provider, &c->pos);
	rs->inst = hcl_alloc_array(r, x.n ? x.n : 1, sizeof(*rs->inst));
	for (size_t i = 0; i < x.n; i++) {
		const struct hcl_scope *sc = tf_expand_scope(&mi->ev, NULL, &x, i);
		struct tf_rinst *in = &rs->inst[i];
		in->key = x.kind == TFX_SINGLE ? NULL : x.keys[i];
		in->addr = hcl_printf(r, "%s%s", base, tf_key_text(r, in->key));
		in->prov = prov;
		in->value = eval_body(mi, sc, c->body, true);
		if (c->data)
			in->value = data_source_value(mi, c, prov, in->value);
		rs->ninst = i + 1;
	}
	if (x.kind == TFX_SINGLE)
		return rs->inst[0].value;
	if (x.kind == TFX_COUNT) {
		struct hval **v = hcl_alloc_array(r, x.n ? x.n : 1, sizeof(*v));
		for (size_t i = 0; i < x.n; i++)
			v[i] = rs->inst[i].value;
		return hv_list(r, v, x.n);
	}
	struct hv_objb b;
	hv_objb_init(&b, r);
	for (size_t i = 0; i < x.n; i++)
		hv_objb_add(&b, x.keys[i]->s.p, x.keys[i]->s.n, rs->inst[i].value);
	return hv_objb_finish(&b, false, NULL);
}

static struct hval *get_resource(struct tf_modinst *mi, const char *key, const struct hcl_pos *at)
{
	char buf[160];
	const struct tf_resource *c = tf_names_get(&mi->cfg->by_res, key);
	if (!c)
		hcl_fail_static(&mi->L->run, at, "reference to an undeclared %s %s%s%s",
			 strncmp(key, "data.", 5) ? "resource" : "data source",
			 cp_sanitize(key, buf, sizeof(buf)), mi->addr[0] ? " in " : "", mi->addr);
	struct tf_rstate *rs = &mi->res[c->index];
	return memo_eval(mi, &rs->m, NULL, c->key, &c->pos, eval_resource, rs);
}

/* ---- module calls ---------------------------------------------------------------------- */

static struct tf_modinst *new_modinst(struct tf_loader *L, const struct tf_module_cfg *cfg,
				      struct tf_modinst *parent, const struct tf_modcall *call,
				      struct hval *key, const struct hcl_scope *scope);

static void unsupported(struct hcl_eval *ev, const char *name, const struct hcl_pos *pos)
{
	struct tf_modinst *mi = ev->env;
	char buf[80];
	(void)pos;
	if (!mi)
		return;
	tf_warn(mi->L, "function %s() is not supported; its result is taken as known only after apply",
		cp_sanitize(name, buf, sizeof(buf)));
}

static struct hval *eval_call(struct tf_modinst *mi, const void *decl)
{
	const struct tf_modcall *call = decl;
	struct tf_loader *L = mi->L;
	struct hcl_run *r = &L->run;
	struct tf_callstate *cs = &mi->calls[call->index];
	const char *base = display(mi, hcl_printf(r, "module.%s", call->name));
	cs->cfg = tf_module_resolve(L, mi->cfg, mi->keypath, call, &cs->missing);
	if (!cs->cfg)
		tf_unpriced_add(L, base, "module", cs->missing);
	tf_expand(&mi->ev, NULL, call->count, call->for_each, base, &cs->x);
	if (cs->x.kind == TFX_UNKNOWN) {
		if (cs->cfg)
			tf_unpriced_add(L, base, "module",
					"its for_each is known only after apply, so its instances are "
					"unknown");
		return HV_TRUE;
	}
	if (cs->x.count_assumed)
		tf_warn(L, "%s: count is known only after apply; priced as 1 instance", base);
	if (mi->depth + 1 > TF_MAX_MODULE_DEPTH)
		hcl_fail_limit(r, &call->pos, "module limit: modules nested deeper than %d (does a module "
					      "call itself?)",
			       TF_MAX_MODULE_DEPTH);
	if (L->nall + cs->x.n > TF_MAX_MODULE_INSTANCES)
		hcl_fail_limit(r, &call->pos, "module limit: more than %d module instances",
			       TF_MAX_MODULE_INSTANCES);
	cs->kids = hcl_alloc_array(r, cs->x.n ? cs->x.n : 1, sizeof(*cs->kids));
	for (size_t i = 0; i < cs->x.n; i++) {
		struct hval *key = cs->x.kind == TFX_SINGLE ? NULL : cs->x.keys[i];
		cs->kids[i] = new_modinst(L, cs->cfg, mi, call, key,
					  tf_expand_scope(&mi->ev, NULL, &cs->x, i));
	}
	return HV_TRUE;
}

static struct tf_callstate *call_state(struct tf_modinst *mi, const struct tf_modcall *call)
{
	struct tf_callstate *cs = &mi->calls[call->index];
	memo_eval(mi, &cs->expansion, "module", call->name, &call->pos, eval_call, call);
	return cs;
}

static struct hval *eval_whole(struct tf_modinst *mi, const void *decl)
{
	const struct tf_modcall *call = decl;
	struct tf_callstate *cs = call_state(mi, call);
	struct hcl_run *r = &mi->L->run;
	if (cs->x.kind == TFX_UNKNOWN)
		return HV_UNKNOWNV;
	if (cs->x.kind == TFX_SINGLE)
		return all_outputs(cs->kids[0]);
	if (cs->x.kind == TFX_COUNT) {
		struct hval **v = hcl_alloc_array(r, cs->x.n ? cs->x.n : 1, sizeof(*v));
		for (size_t i = 0; i < cs->x.n; i++)
			v[i] = all_outputs(cs->kids[i]);
		return hv_list(r, v, cs->x.n);
	}
	struct hv_objb b;
	hv_objb_init(&b, r);
	for (size_t i = 0; i < cs->x.n; i++)
		hv_objb_add(&b, cs->x.keys[i]->s.p, cs->x.keys[i]->s.n, all_outputs(cs->kids[i]));
	return hv_objb_finish(&b, false, NULL);
}

static struct tf_modinst *kid_by_key(struct tf_modinst *mi, struct tf_callstate *cs,
				     const struct tf_modcall *call, struct hval *key,
				     const struct hcl_pos *at)
{
	struct hcl_run *r = &mi->L->run;
	char d[80];
	for (size_t i = 0; i < cs->x.n; i++) {
		struct hval *k = cs->x.keys[i];
		if (cs->x.kind == TFX_COUNT) {
			struct hval *n;
			if (hv_to_number(r, key, &n) && n->kind == HV_NUMBER && n->n == k->n)
				return cs->kids[i];
		} else {
			struct hval *s;
			if (hv_to_string(r, key, &s) && s->kind == HV_STRING &&
			    hv_keycmp(s->s.p, s->s.n, k->s.p, k->s.n) == 0)
				return cs->kids[i];
		}
	}
	hcl_fail(r, at, "module.%s has no instance %s", call->name, hcl_describe(key, d, sizeof(d)));
}

/* module.NAME, module.NAME.out, module.NAME[key], module.NAME[key].out */
static struct hval *module_ref(struct tf_modinst *mi, const struct hcl_ref_step *st, size_t n,
			       const struct hcl_pos *pos, size_t *used)
{
	struct hcl_run *r = &mi->L->run;
	char buf[120];
	if (n < 1 || !st[0].name)
		hcl_fail(r, pos, "a module reference needs a name: module.NAME");
	const struct tf_modcall *call = tf_names_get(&mi->cfg->by_call, st[0].name);
	if (!call)
		hcl_fail_static(r, &st[0].pos, "reference to an undeclared module \"%s\"%s%s",
			 cp_sanitize(st[0].name, buf, sizeof(buf)), mi->addr[0] ? " in " : "", mi->addr);
	struct tf_callstate *cs = call_state(mi, call);
	if (cs->x.kind == TFX_UNKNOWN) {
		*used = n;
		return HV_UNKNOWNV;
	}
	struct tf_modinst *kid = NULL;
	size_t k = 1;
	if (cs->x.kind == TFX_SINGLE) {
		kid = cs->kids[0];
	} else if (n >= 2 && st[1].key) {
		if (st[1].key->kind == HV_UNKNOWN) {
			*used = n;
			return HV_UNKNOWNV;
		}
		kid = kid_by_key(mi, cs, call, st[1].key, &st[1].pos);
		k = 2;
	}
	if (!kid) {
		*used = 1;
		return memo_eval(mi, &cs->whole, "module", call->name, &call->pos, eval_whole, call);
	}
	if (n > k && st[k].name) {
		*used = k + 1;
		return get_output(kid, st[k].name, &st[k].pos);
	}
	*used = k;
	return all_outputs(kid);
}

/* ---- the resolver ----------------------------------------------------------------------- */

static const char *need_name(struct hcl_run *r, const struct hcl_ref_step *st, size_t n,
			     size_t i, const struct hcl_pos *pos, const char *form)
{
	if (n <= i || !st[i].name)
		hcl_fail(r, pos, "incomplete reference: write %s", form);
	return st[i].name;
}

static struct hval *resolve(struct hcl_eval *ev, const char *root, const struct hcl_pos *pos,
			    const struct hcl_ref_step *st, size_t n, size_t *used)
{
	struct tf_modinst *mi = ev->env;
	struct hcl_run *r = &mi->L->run;
	char buf[120];
	*used = 0;
	if (!strcmp(root, "var")) {
		*used = 1;
		return get_var(mi, need_name(r, st, n, 0, pos, "var.NAME"), &st[0].pos);
	}
	if (!strcmp(root, "local")) {
		*used = 1;
		return get_local(mi, need_name(r, st, n, 0, pos, "local.NAME"), &st[0].pos);
	}
	if (!strcmp(root, "module"))
		return module_ref(mi, st, n, pos, used);
	if (!strcmp(root, "data")) {
		const char *t = need_name(r, st, n, 0, pos, "data.TYPE.NAME");
		const char *nm = need_name(r, st, n, 1, pos, "data.TYPE.NAME");
		*used = 2;
		return get_resource(mi, hcl_printf(r, "data.%s.%s", t, nm), pos);
	}
	if (!strcmp(root, "path")) {
		const char *w = need_name(r, st, n, 0, pos, "path.module, path.root or path.cwd");
		*used = 1;
		if (!strcmp(w, "module"))
			return hv_cstr(r, mi->cfg->dir);
		if (!strcmp(w, "root"))
			return hv_cstr(r, ".");
		if (!strcmp(w, "cwd"))
			return hv_cstr(r, mi->L->rootdir);
		hcl_fail(r, &st[0].pos, "unknown path.%s: use path.module, path.root or path.cwd",
			 cp_sanitize(w, buf, sizeof(buf)));
	}
	if (!strcmp(root, "terraform")) {
		const char *w = need_name(r, st, n, 0, pos, "terraform.workspace");
		*used = 1;
		if (!strcmp(w, "workspace"))
			return hv_cstr(r, "default");
		hcl_fail(r, &st[0].pos, "unknown terraform.%s", cp_sanitize(w, buf, sizeof(buf)));
	}
	if (!strcmp(root, "count"))
		hcl_fail(r, pos, "count.index is only available in a resource or module that sets count");
	if (!strcmp(root, "each"))
		hcl_fail(r, pos,
			 "each.key and each.value are only available in a resource or module that "
			 "sets for_each");
	if (!strcmp(root, "self")) {
		*used = n;
		return HV_UNKNOWNV;
	}
	const char *name = need_name(r, st, n, 0, pos, "TYPE.NAME for a resource");
	*used = 1;
	return get_resource(mi, hcl_printf(r, "%s.%s", root, name), pos);
}

/* ---- module instances -------------------------------------------------------------------- */

static struct tf_modinst *new_modinst(struct tf_loader *L, const struct tf_module_cfg *cfg,
				      struct tf_modinst *parent, const struct tf_modcall *call,
				      struct hval *key, const struct hcl_scope *scope)
{
	struct hcl_run *r = &L->run;
	struct tf_modinst *mi = hcl_alloc(r, sizeof(*mi));
	mi->L = L;
	mi->cfg = cfg;
	mi->parent = parent;
	mi->call = call;
	mi->call_scope = scope;
	mi->key = key;
	if (parent) {
		const char *sep = parent->addr[0] ? "." : "";
		mi->addr = hcl_printf(r, "%s%smodule.%s%s", parent->addr, sep, call->name, tf_key_text(r, key));
		mi->cfgpath = hcl_printf(r, "%s%smodule.%s", parent->cfgpath, sep, call->name);
		mi->keypath = parent->keypath[0] ? hcl_printf(r, "%s.%s", parent->keypath, call->name)
						 : call->name;
		mi->depth = parent->depth + 1;
	} else {
		mi->addr = mi->cfgpath = mi->keypath = "";
	}
	tf_names_init(&mi->provs, r);
	mi->ev.r = r;
	mi->ev.resolve = resolve;
	mi->ev.env = mi;
	mi->ev.base_dir = L->rootdir;
	mi->ev.unsupported = unsupported;
	if (cfg) {
		mi->vars = hcl_alloc_array(r, cfg->nvars + 1, sizeof(*mi->vars));
		mi->locals = hcl_alloc_array(r, cfg->nlocals + 1, sizeof(*mi->locals));
		mi->outputs = hcl_alloc_array(r, cfg->nouts + 1, sizeof(*mi->outputs));
		mi->res = hcl_alloc_array(r, cfg->nres + 1, sizeof(*mi->res));
		mi->calls = hcl_alloc_array(r, cfg->ncalls + 1, sizeof(*mi->calls));
		for (size_t i = 0; i < cfg->nres; i++)
			mi->res[i].cfg = &cfg->res[i];
		/* every argument of the call must be a variable of the module */
		for (size_t i = 0; call && i < call->body->nattrs; i++) {
			const struct hcl_attr *a = &call->body->attrs[i];
			char buf[120];
			if (!meta_module_arg(a->name) && !tf_names_get(&cfg->by_var, a->name))
				hcl_fail(r, &a->pos,
					 "module.%s: unexpected argument \"%s\": the module declares no "
					 "such variable",
					 call->name, cp_sanitize(a->name, buf, sizeof(buf)));
		}
	}
	L->all = hcl_grow(r, L->all, &L->capall, L->nall + 1, sizeof(*L->all));
	L->all[L->nall++] = mi;
	return mi;
}

struct tf_modinst *tf_eval_root(struct tf_loader *L)
{
	return new_modinst(L, L->rootcfg, NULL, NULL, NULL, NULL);
}

void tf_eval_all(struct tf_loader *L, struct tf_modinst *mi)
{
	const struct tf_module_cfg *cfg = mi->cfg;
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->nvars; i++)
		get_var(mi, cfg->vars[i].name, &cfg->vars[i].pos);
	for (size_t i = 0; i < cfg->nlocals; i++)
		get_local(mi, cfg->locals[i].name, &cfg->locals[i].pos);
	for (size_t i = 0; i < cfg->nprovs; i++)
		tf_eval_region(tf_eval_provider(mi, cfg->provs[i].local, &cfg->provs[i].pos));
	for (size_t i = 0; i < cfg->nres; i++)
		get_resource(mi, cfg->res[i].key, &cfg->res[i].pos);
	for (size_t i = 0; i < cfg->ncalls; i++) {
		struct tf_callstate *cs = call_state(mi, &cfg->calls[i]);
		for (size_t k = 0; cs->kids && k < cs->x.n; k++)
			tf_eval_all(L, cs->kids[k]);
	}
	for (size_t i = 0; i < cfg->nouts; i++)
		get_output(mi, cfg->outs[i].name, &cfg->outs[i].pos);
}

const struct tf_module_cfg *tf_eval_call_cfg(struct tf_loader *L, const struct tf_module_cfg *parent,
					     const char *parent_keypath, const struct tf_modcall *call,
					     const char **missing)
{
	return tf_module_resolve(L, parent, parent_keypath, call, missing);
}
