/*
 * hcl_json.c - Terraform JSON syntax to the syntax tree. See hcl_json.h.
 */
#include "model/terraform/hcl_json.h"

#include <jansson.h>
#include <string.h>

#include "util/json_pos.h"
#include "model/terraform/hcl_parse.h"

enum ctx { C_ROOT, C_RESOURCE, C_DYNAMIC, C_TERRAFORM, C_ATTRS, C_VARS };

struct jconv {
	struct hcl_run *r;
	const char *file;
	struct json_pos *pos;
	bool literal_strings; /* .tfvars.json: values are literal */
};

struct jpath {
	char buf[1024];
	size_t n;
};

static size_t path_push(struct jpath *p, const char *key)
{
	size_t saved = p->n;
	int w = snprintf(p->buf + p->n, sizeof(p->buf) - p->n, "%s%s", p->n ? "." : "", key);
	if (w > 0)
		p->n = p->n + (size_t)w < sizeof(p->buf) ? p->n + (size_t)w : sizeof(p->buf) - 1;
	return saved;
}

static size_t path_index(struct jpath *p, size_t i)
{
	size_t saved = p->n;
	int w = snprintf(p->buf + p->n, sizeof(p->buf) - p->n, "[%zu]", i);
	if (w > 0)
		p->n = p->n + (size_t)w < sizeof(p->buf) ? p->n + (size_t)w : sizeof(p->buf) - 1;
	return saved;
}

static void path_pop(struct jpath *p, size_t saved)
{
	p->n = saved;
	p->buf[saved] = '\0';
}

static struct hcl_pos where(struct jconv *c, const struct jpath *p)
{
	struct hcl_pos pos = {c->file, 1, 1};
	int line, col;
	if (json_pos_find(c->pos, p->buf, &line, &col) == 0) {
		pos.line = line;
		pos.col = col;
	}
	return pos;
}

/* A JSON string as a template; a syntax error in it is placed at its key. */
static struct hx *template_at(struct jconv *c, const char *s, size_t n, const struct hcl_pos *pos)
{
	struct hcl_catch at_key;
	hcl_catch_push(c->r, &at_key, false);
	if (setjmp(at_key.jb)) {
		if (!c->r->diag.fatal)
			c->r->diag.pos = *pos;
		hcl_rethrow(c->r);
	}
	struct hx *e = hcl_parse_template(c->r, c->file, s, n, pos->line, pos->col);
	hcl_catch_pop(c->r, &at_key);
	return e;
}

static struct hx *expr(struct jconv *c, json_t *j, const struct hcl_pos *pos, int depth)
{
	struct hx *e;
	if (depth > HCL_MAX_NESTING)
		hcl_fail_limit(c->r, pos, "nesting limit: JSON values nested deeper than %d",
			       HCL_MAX_NESTING);
	switch (json_typeof(j)) {
	case JSON_STRING:
		if (c->literal_strings || !memchr(json_string_value(j), '{', json_string_length(j))) {
			e = hx_new(c->r, HX_LITERAL, pos);
			e->lit = hv_string(c->r, json_string_value(j), json_string_length(j));
			return e;
		}
		return template_at(c, json_string_value(j), json_string_length(j), pos);
	case JSON_INTEGER:
		e = hx_new(c->r, HX_LITERAL, pos);
		e->lit = hv_number(c->r, (double)json_integer_value(j));
		return e;
	case JSON_REAL:
		e = hx_new(c->r, HX_LITERAL, pos);
		e->lit = hv_number(c->r, json_real_value(j));
		return e;
	case JSON_TRUE:
	case JSON_FALSE:
	case JSON_NULL:
		e = hx_new(c->r, HX_LITERAL, pos);
		e->lit = json_is_true(j) ? HV_TRUE : json_is_false(j) ? HV_FALSE : HV_NULLV;
		return e;
	case JSON_ARRAY: {
		size_t i;
		json_t *x;
		e = hx_new(c->r, HX_TUPLE, pos);
		e->items.n = json_array_size(j);
		e->items.v = hcl_alloc_array(c->r, e->items.n ? e->items.n : 1, sizeof(*e->items.v));
		json_array_foreach(j, i, x)
			e->items.v[i] = expr(c, x, pos, depth + 1);
		return e;
	}
	case JSON_OBJECT: {
		const char *k;
		json_t *x;
		size_t i = 0;
		e = hx_new(c->r, HX_OBJECT, pos);
		e->obj.n = json_object_size(j);
		e->obj.v = hcl_alloc_array(c->r, e->obj.n ? e->obj.n : 1, sizeof(*e->obj.v));
		json_object_foreach(j, k, x) {
			struct hx *ke;
			if (c->literal_strings || !strchr(k, '{')) {
				ke = hx_new(c->r, HX_LITERAL, pos);
				ke->lit = hv_cstr(c->r, k);
			} else {
				ke = template_at(c, k, strlen(k), pos);
			}
			e->obj.v[i].key = ke;
			e->obj.v[i].val = expr(c, x, pos, depth + 1);
			i++;
		}
		return e;
	}
	}
	return NULL;
}

static struct hcl_body *body(struct jconv *c, json_t *j, enum ctx ctx, struct jpath *p, int depth);

/* What a key is inside a body of the given context: -1 an attribute, else
 * a block with that many labels (and the context of its body). */
static int block_labels(enum ctx ctx, const char *k, enum ctx *inner)
{
	static const struct {
		enum ctx ctx;
		const char *key;
		int labels;
		enum ctx inner;
	} T[] = {
		{C_ROOT, "resource", 2, C_RESOURCE}, {C_ROOT, "data", 2, C_RESOURCE},
		{C_ROOT, "module", 1, C_ATTRS},      {C_ROOT, "variable", 1, C_ATTRS},
		{C_ROOT, "output", 1, C_ATTRS},      {C_ROOT, "provider", 1, C_ATTRS},
		{C_ROOT, "check", 1, C_ATTRS},       {C_ROOT, "locals", 0, C_ATTRS},
		{C_ROOT, "terraform", 0, C_TERRAFORM}, {C_ROOT, "moved", 0, C_ATTRS},
		{C_ROOT, "import", 0, C_ATTRS},      {C_ROOT, "removed", 0, C_ATTRS},
		{C_RESOURCE, "lifecycle", 0, C_ATTRS}, {C_RESOURCE, "provisioner", 1, C_ATTRS},
		{C_RESOURCE, "connection", 0, C_ATTRS}, {C_RESOURCE, "dynamic", 1, C_DYNAMIC},
		{C_DYNAMIC, "content", 0, C_RESOURCE}, {C_TERRAFORM, "backend", 1, C_ATTRS},
		{C_TERRAFORM, "cloud", 0, C_ATTRS},  {C_TERRAFORM, "required_providers", 0, C_ATTRS},
	};
	for (size_t i = 0; i < sizeof(T) / sizeof(T[0]); i++)
		if (T[i].ctx == ctx && !strcmp(T[i].key, k)) {
			*inner = T[i].inner;
			return T[i].labels;
		}
	return -1;
}

static void add_block(struct jconv *c, struct hcl_body *b, size_t *cap, const char *type,
		      const char **labels, size_t nl, json_t *j, enum ctx inner, struct jpath *p,
		      int depth)
{
	struct hcl_pos pos = where(c, p);
	if (json_is_array(j)) {
		size_t i;
		json_t *x;
		json_array_foreach(j, i, x) {
			size_t s = path_index(p, i);
			add_block(c, b, cap, type, labels, nl, x, inner, p, depth);
			path_pop(p, s);
		}
		return;
	}
	if (!json_is_object(j))
		hcl_fail(c->r, &pos, "the body of a %s block must be a JSON object", type);
	struct hcl_block blk;
	memset(&blk, 0, sizeof(blk));
	blk.type = hcl_strdup(c->r, type);
	blk.pos = pos;
	blk.nlabels = nl;
	blk.labels = hcl_alloc_array(c->r, nl ? nl : 1, sizeof(*blk.labels));
	memcpy(blk.labels, labels, nl * sizeof(*labels));
	blk.body = body(c, j, inner, p, depth + 1);
	b->blocks = hcl_grow(c->r, b->blocks, cap, b->nblocks + 1, sizeof(*b->blocks));
	b->blocks[b->nblocks++] = blk;
}

/* Walk `want` more label levels, collecting labels. */
static void labels_then_block(struct jconv *c, struct hcl_body *b, size_t *cap, const char *type,
			      const char **labels, size_t have, size_t want, json_t *j, enum ctx inner,
			      struct jpath *p, int depth)
{
	struct hcl_pos pos = where(c, p);
	if (have == want) {
		add_block(c, b, cap, type, labels, have, j, inner, p, depth);
		return;
	}
	if (json_is_array(j)) {
		size_t i;
		json_t *x;
		json_array_foreach(j, i, x) {
			size_t s = path_index(p, i);
			labels_then_block(c, b, cap, type, labels, have, want, x, inner, p, depth);
			path_pop(p, s);
		}
		return;
	}
	if (!json_is_object(j))
		hcl_fail(c->r, &pos, "a %s block needs %zu label%s: a JSON object keyed by %s", type,
			 want, want == 1 ? "" : "s", want == 2 && have == 0 ? "type, then name" : "name");
	const char *k;
	json_t *x;
	json_object_foreach(j, k, x) {
		if (!strcmp(k, "//"))
			continue;
		size_t s = path_push(p, k);
		labels[have] = hcl_strdup(c->r, k);
		labels_then_block(c, b, cap, type, labels, have + 1, want, x, inner, p, depth);
		path_pop(p, s);
	}
}

static struct hcl_body *body(struct jconv *c, json_t *j, enum ctx ctx, struct jpath *p, int depth)
{
	struct hcl_body *b = hcl_alloc(c->r, sizeof(*b));
	size_t acap = 0, bcap = 0;
	const char *k;
	json_t *x;
	b->pos = where(c, p);
	b->from_json = true;
	if (depth > HCL_MAX_NESTING)
		hcl_fail_limit(c->r, &b->pos, "nesting limit: blocks nested deeper than %d",
			       HCL_MAX_NESTING);
	json_object_foreach(j, k, x) {
		if (!strcmp(k, "//"))
			continue;
		size_t s = path_push(p, k);
		enum ctx inner;
		int nl = ctx == C_ATTRS || ctx == C_VARS ? -1 : block_labels(ctx, k, &inner);
		if (nl >= 0) {
			const char *labels[2];
			labels_then_block(c, b, &bcap, k, labels, 0, (size_t)nl, x, inner, p, depth);
		} else {
			struct hcl_attr a;
			a.name = hcl_strdup(c->r, k);
			a.pos = where(c, p);
			a.expr = expr(c, x, &a.pos, 0);
			b->attrs = hcl_grow(c->r, b->attrs, &acap, b->nattrs + 1, sizeof(*b->attrs));
			b->attrs[b->nattrs++] = a;
		}
		path_pop(p, s);
	}
	return b;
}

static struct hcl_body *convert(struct hcl_run *r, const char *file, const char *text, size_t len,
				enum ctx ctx)
{
	json_error_t err;
	char msg[200];
	hcl_check_utf8(r, file, text, len, 1, 1);
	json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!j) {
		struct hcl_pos at = {file, err.line, err.column};
		hcl_fail(r, &at, "not valid JSON: %s", cp_sanitize(err.text, msg, sizeof(msg)));
	}
	if (!json_is_object(j)) {
		json_decref(j);
		struct hcl_pos at = {file, 1, 1};
		hcl_fail(r, &at, "a Terraform JSON file must hold one JSON object");
	}
	struct jconv c = {r, file, NULL, ctx == C_VARS};
	struct jpath path;
	path.n = 0;
	path.buf[0] = '\0';
	/* json_pos wants a NUL-terminated text: the reader always adds one */
	c.pos = json_pos_scan(text);
	struct hcl_catch guard;
	hcl_catch_push(r, &guard, false);
	if (setjmp(guard.jb)) {
		json_decref(j);
		json_pos_free(c.pos);
		hcl_rethrow(r);
	}
	struct hcl_body *b = body(&c, j, ctx, &path, 0);
	hcl_catch_pop(r, &guard);
	json_decref(j);
	json_pos_free(c.pos);
	return b;
}

struct hcl_body *hcl_json_config(struct hcl_run *r, const char *file, const char *text, size_t len)
{
	return convert(r, file, text, len, C_ROOT);
}

struct hcl_body *hcl_json_vars(struct hcl_run *r, const char *file, const char *text, size_t len)
{
	return convert(r, file, text, len, C_VARS);
}
