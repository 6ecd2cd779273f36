/*
 * plan.c - Terraform plan / state JSON -> scenario documents. See plan.h.
 *
 * Pipeline, per side: collect the managed AWS resource instances
 * (resource_changes, or values.root_module with its child_modules), give
 * each a scenario name (the Terraform name at the root, a mangled
 * module/index form elsewhere; the map back to Terraform's address is kept),
 * work out its region, then map its attributes onto the schema in
 * dependency order (task definitions before services, services before
 * scaling targets, targets before policies) so a reference can check that
 * what it names is priced.
 *
 * Attribute mapping is table-driven by the schema itself: a schema
 * attribute "runtime_platform.cpu_architecture" is read from
 * values.runtime_platform[0].cpu_architecture. A handful of attributes need
 * Terraform-specific rules (task sizes written "1 vCPU", capacity provider
 * strategies, replication-group node counts, ALB subnet mappings); they are
 * the special cases in map_attr(). Values that do not fit what costplan
 * prices (an instance class outside the snapshot, an engine other than
 * PostgreSQL) make the resource "not priced" with the reason; values no
 * real plan can hold (numbers beyond 1e15, wrong JSON types at the top)
 * fail the run with exit 3.
 *
 * Defaults for unknown values (documented in the README): the prior value
 * when the resource exists, else the schema default (desired_count 0,
 * allocated_storage 20, ...); ALB subnets and interface endpoint subnets 2;
 * launch type FARGATE; replication groups 1 node.
 */
#include "model/plan.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/input.h"
#include "model/plan_internal.h"
#include "model/schema.h"
#include "pricing/regions.h"
#include "util/error.h"
#include "util/file.h"

/* ---- small helpers ---------------------------------------------------- */

void side_warn(struct plan_side *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strv_push_unique(&s->warnings, &s->nwarn, xvasprintf(fmt, ap));
	va_end(ap);
}

static void add_unpriced(struct plan_side *s, const char *address, const char *type,
			 const char *fmt, ...) CP_PRINTF(4, 5);
static void add_unpriced(struct plan_side *s, const char *address, const char *type,
			 const char *fmt, ...)
{
	va_list ap;
	struct unpriced *u;
	s->unpriced = xrealloc(s->unpriced, (s->nunpriced + 1) * sizeof(*s->unpriced));
	u = &s->unpriced[s->nunpriced++];
	u->address = xstrdup(address);
	u->type = xstrdup(type);
	va_start(ap, fmt);
	u->why = xvasprintf(fmt, ap);
	va_end(ap);
}

int plan_err(const char *path, const char *fmt, ...)
{
	struct cp_loc loc = {path, 0, 0};
	va_list ap;
	va_start(ap, fmt);
	cp_verror_at(CP_EXIT_DATA, &loc, fmt, ap);
	va_end(ap);
	return CP_EXIT_DATA;
}

static int is_ident(const char *s)
{
	if (!s || !*s || strlen(s) > 256)
		return 0;
	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

static int has_ctl(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* Short text of a JSON value for messages (sanitised, cut). */
const char *plan_vtext(json_t *v, char *buf, size_t size)
{
	char tmp[256];
	if (json_is_string(v))
		return cp_sanitize(json_string_value(v), buf, size);
	if (json_is_integer(v))
		snprintf(tmp, sizeof(tmp), "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(tmp, sizeof(tmp), "%g", json_real_value(v));
	else if (json_is_true(v))
		snprintf(tmp, sizeof(tmp), "true");
	else if (json_is_false(v))
		snprintf(tmp, sizeof(tmp), "false");
	else if (json_is_array(v))
		snprintf(tmp, sizeof(tmp), "a list of %zu", json_array_size(v));
	else
		snprintf(tmp, sizeof(tmp), "null");
	return cp_sanitize(tmp, buf, size);
}

/* ---- reading ---------------------------------------------------------- */

int plan_read_json(const char *path, json_t **root)
{
	static const struct file_read_opts fo = {PLAN_MAX_BYTES, "plan, state or scenario", NULL};
	char *text;
	size_t n;
	json_error_t err;
	int rc;

	*root = NULL;
	if ((rc = file_read_all(path, &fo, &text, &n)))
		return rc;
	*root = json_loadb(text, n, JSON_REJECT_DUPLICATES, &err);
	free(text);
	if (!*root) {
		struct cp_loc loc = {path, err.line, err.column};
		char buf[200];
		return cp_error_at(CP_EXIT_DATA, &loc, "not valid JSON: %s%s",
				   cp_sanitize(err.text, buf, sizeof(buf)),
				   strstr(err.text, "end of file") ? " (a truncated file?)" : "");
	}
	return 0;
}

const char *plan_action_name(json_t *a)
{
	const char *x = json_string_value(json_array_get(a, 0));
	const char *y = json_string_value(json_array_get(a, 1));
	if (!json_is_array(a) || !x || json_array_size(a) > 2)
		return NULL;
	if (!y) {
		if (!strcmp(x, "no-op") || !strcmp(x, "create") || !strcmp(x, "update") ||
		    !strcmp(x, "delete") || !strcmp(x, "read") || !strcmp(x, "forget"))
			return x;
		return NULL;
	}
	if ((!strcmp(x, "delete") && !strcmp(y, "create")) ||
	    (!strcmp(x, "create") && !strcmp(y, "delete")))
		return "replace";
	if (!strcmp(x, "create") && !strcmp(y, "forget"))
		return "create";
	return NULL;
}

/* ---- collecting instances --------------------------------------------- */

static int aws_provider(const char *p)
{
	/* "registry.terraform.io/hashicorp/aws", "hashicorp/aws", "aws" */
	if (!p)
		return 0;
	const char *slash = strrchr(p, '/');
	return strcmp(slash ? slash + 1 : p, "aws") == 0;
}

/* Check a resource's identity fields; returns 0 or exit 3. */
static int check_identity(struct side_build *b, const char *where, json_t *r, const char *given,
			  const char **addr, const char **mod, const char **type, const char **name)
{
	char s1[160];
	*addr = json_string_value(json_object_get(r, "address"));
	*type = json_string_value(json_object_get(r, "type"));
	*name = json_string_value(json_object_get(r, "name"));
	json_t *m = json_object_get(r, "module_address");
	*mod = given ? given : m ? json_string_value(m) : "";
	if (!*addr || !*type || !*name || !*mod)
		return plan_err(b->p->path, "%s: address, type and name must be strings", where);
	if (strlen(*addr) > MAX_ADDRESS || has_ctl(*addr) || has_ctl(*mod))
		return plan_err(b->p->path, "%s: address \"%s\" is not a Terraform address", where,
				cp_sanitize(*addr, s1, sizeof(s1)));
	if (!is_ident(*type) || !is_ident(*name))
		return plan_err(b->p->path, "%s: type \"%s\" or name is not a Terraform identifier",
				where, cp_sanitize(*type, s1, sizeof(s1)));
	/* address = [module_address "."] type "." name [index] */
	const char *a = *addr;
	size_t ml = strlen(*mod), tl = strlen(*type), nl = strlen(*name);
	if (ml) {
		if (strncmp(a, *mod, ml) != 0 || a[ml] != '.')
			goto bad;
		a += ml + 1;
	}
	if (!strncmp(a, "data.", 5))
		a += 5;
	if (strncmp(a, *type, tl) != 0 || a[tl] != '.' || strncmp(a + tl + 1, *name, nl) != 0)
		goto bad;
	a += tl + 1 + nl;
	if (*a && *a != '[')
		goto bad;
	return 0;
bad:
	return plan_err(b->p->path, "%s: address \"%s\" does not match its module, type and name",
			where, cp_sanitize(*addr, s1, sizeof(s1)));
}

static struct plan_inst *new_inst(struct side_build *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->in = xrealloc(b->in, b->cap * sizeof(*b->in));
	}
	struct plan_inst *x = &b->in[b->n++];
	memset(x, 0, sizeof(*x));
	x->priced = -1;
	return x;
}

/* The plan's resource_changes, one side. */
static int collect_changes(struct side_build *b, json_t *changes)
{
	size_t i;
	json_t *rc;
	char where[64];
	json_array_foreach(changes, i, rc) {
		const char *addr, *mod, *type, *name;
		snprintf(where, sizeof(where), "resource_changes[%zu]", i);
		if (!json_is_object(rc))
			return plan_err(b->p->path, "%s must be an object", where);
		const char *mode = json_string_value(json_object_get(rc, "mode"));
		json_t *ch = json_object_get(rc, "change");
		if (!json_is_object(ch))
			return plan_err(b->p->path, "%s.change must be an object", where);
		if (check_identity(b, where, rc, NULL, &addr, &mod, &type, &name))
			return CP_EXIT_DATA;
		json_t *before = json_object_get(ch, "before");
		json_t *after = json_object_get(ch, "after");
		if ((before && !json_is_null(before) && !json_is_object(before)) ||
		    (after && !json_is_null(after) && !json_is_object(after)))
			return plan_err(b->p->path, "%s: change.before and change.after must be objects "
						    "or null",
					where);
		const char *act = plan_action_name(json_object_get(ch, "actions"));
		if (!act)
			return plan_err(b->p->path, "%s: change.actions is not a Terraform action list",
					where);
		if (!mode || strcmp(mode, "managed") != 0) {
			if (b->is_after)
				b->p->ignored_data++;
			continue;
		}
		if (!aws_provider(json_string_value(json_object_get(rc, "provider_name")))) {
			if (b->is_after)
				b->p->ignored_other++;
			continue;
		}
		if (json_object_get(rc, "deposed"))
			continue; /* a leftover object of create_before_destroy: being deleted */
		if (b->is_after && !json_object_get(b->p->actions, addr))
			json_object_set_new(b->p->actions, addr, json_string(act));
		json_t *vals = b->is_after ? after : before;
		if (b->is_after && !strcmp(act, "forget")) {
			vals = before; /* forgotten, not destroyed: still billed */
			side_warn(b->side,
				  "%s is removed from Terraform's state but not destroyed: still billed",
				  addr);
		}
		if (!json_is_object(vals))
			continue;
		if (json_object_get(b->by_addr, addr))
			return plan_err(b->p->path, "%s: address %s appears twice", where, addr);
		struct plan_inst *x = new_inst(b);
		x->address = addr;
		x->module_address = mod;
		x->type = type;
		x->name = name;
		x->values = vals;
		if (b->is_after) {
			x->unknown = json_object_get(ch, "after_unknown");
			if (!json_is_object(x->unknown))
				x->unknown = NULL;
			x->prior = json_is_object(before) ? before : NULL;
		}
		json_object_set_new(b->by_addr, addr, json_integer((json_int_t)(b->n - 1)));
	}
	return 0;
}

/* Infracost's usage-file-only resource: "aws_data_transfer.NAME" in the
 * usage file prices data transfer, which no Terraform resource declares. */
static void usage_only_resources(struct side_build *b)
{
	const char *key;
	json_t *v;
	if (!b->o || !b->o->usage)
		return;
	json_object_foreach(b->o->usage->exact, key, v) {
		if (strncmp(key, "aws_data_transfer.", 18) || !is_ident(key + 18) ||
		    json_object_get(b->by_addr, key))
			continue;
		if (!b->empty)
			b->empty = json_object();
		struct plan_inst *x = new_inst(b);
		x->address = key;
		x->module_address = "";
		x->type = "aws_data_transfer";
		x->name = key + 18;
		x->values = b->empty;
		json_object_set_new(b->by_addr, key, json_integer((json_int_t)(b->n - 1)));
	}
}

/* A state's (or planned_values') module tree. */
static int collect_module(struct side_build *b, json_t *mod, const char *where, int depth)
{
	size_t i;
	json_t *r;
	char w[256];
	if (depth > MAX_MODULE_DEPTH)
		return plan_err(b->p->path, "%s: modules nested deeper than %d", where,
				MAX_MODULE_DEPTH);
	if (!json_is_object(mod))
		return plan_err(b->p->path, "%s must be an object", where);
	json_t *res = json_object_get(mod, "resources");
	json_t *maddr = json_object_get(mod, "address");
	const char *modaddr = json_is_string(maddr) ? json_string_value(maddr) : "";
	if (maddr && !json_is_string(maddr))
		return plan_err(b->p->path, "%s.address must be a string", where);
	if (res && !json_is_array(res))
		return plan_err(b->p->path, "%s.resources must be a list", where);
	json_array_foreach(res, i, r) {
		const char *addr, *mname, *type, *name;
		snprintf(w, sizeof(w), "%s.resources[%zu]", where, i);
		if (!json_is_object(r))
			return plan_err(b->p->path, "%s must be an object", w);
		if (check_identity(b, w, r, modaddr, &addr, &mname, &type, &name))
			return CP_EXIT_DATA;
		const char *mode = json_string_value(json_object_get(r, "mode"));
		if (!mode || strcmp(mode, "managed") != 0) {
			b->p->ignored_data++;
			continue;
		}
		if (!aws_provider(json_string_value(json_object_get(r, "provider_name")))) {
			b->p->ignored_other++;
			continue;
		}
		json_t *vals = json_object_get(r, "values");
		if (!json_is_object(vals))
			return plan_err(b->p->path, "%s.values must be an object", w);
		if (json_object_get(b->by_addr, addr))
			continue; /* deposed copies share the address */
		struct plan_inst *x = new_inst(b);
		x->address = addr;
		x->module_address = mname;
		x->type = type;
		x->name = name;
		x->values = vals;
		json_object_set_new(b->by_addr, addr, json_integer((json_int_t)(b->n - 1)));
	}
	json_t *kids = json_object_get(mod, "child_modules");
	if (kids && !json_is_array(kids))
		return plan_err(b->p->path, "%s.child_modules must be a list", where);
	json_array_foreach(kids, i, r) {
		snprintf(w, sizeof(w), "%.200s.child_modules[%zu]", where, i);
		if (collect_module(b, r, w, depth + 1))
			return CP_EXIT_DATA;
	}
	return 0;
}

/* Mapping order: the type's plan_rank (task definitions before services,
 * services before scaling targets, targets before policies). */
static int type_rank(const char *type)
{
	const struct type_spec *t = schema_type(type);
	return t ? t->plan_rank : 0;
}

/* A scenario name for x: Terraform's name at the root without index, else
 * the whole address with everything outside [A-Za-z0-9_-] as '_'. */
static char *scenario_name(struct side_build *b, const struct plan_inst *x)
{
	char buf[160];
	const char *rest = x->address + (x->module_address[0] ? strlen(x->module_address) + 1 : 0);
	size_t o = 0;
	if (!x->module_address[0] && !strchr(rest, '[')) {
		snprintf(buf, sizeof(buf), "%s", x->name);
	} else {
		const char *src = x->module_address[0] ? x->address : rest + strlen(x->type) + 1;
		for (const char *p = src; *p && o < 110; p++) {
			unsigned char c = (unsigned char)*p;
			char ch = (isalnum(c) || c == '-') ? (char)c : '_';
			if (ch == '_' && o && buf[o - 1] == '_')
				continue;
			buf[o++] = ch;
		}
		while (o && buf[o - 1] == '_')
			o--;
		buf[o] = '\0';
		if (!o || isdigit((unsigned char)buf[0])) {
			memmove(buf + 1, buf, o + 1);
			buf[0] = '_';
		}
	}
	char key[400];
	size_t base = strlen(buf);
	for (int k = 2;; k++) {
		snprintf(key, sizeof(key), "%s.%s", x->type, buf);
		if (!json_object_get(b->names, key))
			break;
		snprintf(buf + (base > 110 ? 110 : base), sizeof(buf) - 110, "-%d", k);
	}
	json_object_set_new(b->names, key, json_true());
	return xstrdup(buf);
}

static json_t *region_doc(struct side_build *b, const char *region)
{
	json_t *doc = json_object_get(b->side->docs, region);
	if (doc)
		return doc;
	char *name = xasprintf("%s (%s)", b->p->path, b->p->kind == INPUT_STATE ? "state"
							: b->is_after ? "after" : "before");
	doc = json_pack("{s:i,s:s,s:s,s:{},s:{}}", "costplan", 1, "name", name, "region", region,
			"resource", "usage");
	free(name);
	json_object_set_new(b->side->docs, region, doc);
	return doc;
}

static int build_side(struct side_build *b)
{
	const char *fallback = NULL;
	int warned_region = 0;

	/* the default region: --region, the root "aws" provider, else us-east-1 */
	if (b->o && b->o->region)
		fallback = b->o->region;
	else
		fallback = provider_region(b, "aws");
	if (!fallback) {
		fallback = "us-east-1";
		warned_region = 1;
	}
	for (size_t i = 0; i < b->n; i++) {
		struct plan_inst *x = &b->in[i];
		x->rank = type_rank(x->type);
		x->sname = scenario_name(b, x);
		x->region = inst_region(b, x, fallback);
		if (warned_region && !strcmp(x->region, "us-east-1") && !(b->o && b->o->region)) {
			side_warn(b->side, "no region found in the plan's provider configuration; "
					   "priced in us-east-1 (use --region to choose)");
			warned_region = 0;
		}
		b->side->nresources++;
		plan_index_add(b, i); /* what other resources find it by */
	}
	int lo = 0, hi = 0;
	for (size_t i = 0; i < b->n; i++) {
		lo = b->in[i].rank < lo ? b->in[i].rank : lo;
		hi = b->in[i].rank > hi ? b->in[i].rank : hi;
	}
	for (int rank = lo; rank <= hi; rank++) {
		for (size_t i = 0; i < b->n; i++) {
			struct plan_inst *x = &b->in[i];
			if (x->rank != rank)
				continue;
			const struct type_spec *ts = schema_type(x->type);
			if (!ts) {
				x->priced = 0;
				add_unpriced(b->side, x->address, x->type, "costplan has no price for %s",
					     x->type);
				continue;
			}
			struct plan_map m;
			memset(&m, 0, sizeof(m));
			m.b = b;
			m.x = x;
			m.spec = ts;
			m.body = json_object();
			if (!ts->open)
				plan_map_attrs(&m);
			if (m.hard) {
				json_decref(m.body);
				json_decref(m.twin);
				return CP_EXIT_DATA;
			}
			if (!m.why[0] && ts->plan_check)
				ts->plan_check(&m);
			if (m.why[0]) {
				x->priced = 0;
				add_unpriced(b->side, x->address, x->type, "%s", m.why);
				json_decref(m.body);
				json_decref(m.twin);
				continue;
			}
			x->priced = 1;
			json_t *doc = region_doc(b, x->region);
			json_t *byt = json_object_get(json_object_get(doc, "resource"), x->type);
			if (!byt) {
				byt = json_object();
				json_object_set_new(json_object_get(doc, "resource"), x->type, byt);
			}
			json_object_set_new(byt, x->sname, m.body);
			if (m.twin) {
				/* a second resource beside it (plan_map_twin), same address */
				struct plan_inst tmp = *x;
				char *name = xasprintf("%s%s", x->name, m.twin_suffix);
				tmp.name = name;
				tmp.address = name;
				tmp.module_address = "";
				char *tn = scenario_name(b, &tmp);
				free(name);
				json_t *twin = json_deep_copy(m.body);
				json_object_update(twin, m.twin);
				json_decref(m.twin);
				json_object_set_new(byt, tn, twin);
				char *ta = xasprintf("%s.%s", x->type, tn);
				json_object_set_new(b->side->addr, ta, json_string(x->address));
				free(ta);
				free(tn);
			}
			char *saddr = xasprintf("%s.%s", x->type, x->sname);
			json_object_set_new(b->side->addr, saddr, json_string(x->address));
			if (ts->usage && b->o && b->o->usage) {
				json_t *u = usage_for(b->o->usage, x->address, x->type);
				if (json_object_size(u))
					json_object_set(json_object_get(doc, "usage"), saddr, u);
				json_decref(u);
			}
			free(saddr);
		}
	}
	return 0;
}

static void side_init(struct plan_side *s)
{
	memset(s, 0, sizeof(*s));
	s->docs = json_object();
	s->addr = json_object();
}

static void side_release(struct plan_side *s)
{
	json_decref(s->docs);
	json_decref(s->addr);
	for (size_t i = 0; i < s->nunpriced; i++) {
		free(s->unpriced[i].address);
		free(s->unpriced[i].type);
		free(s->unpriced[i].why);
	}
	free(s->unpriced);
	for (size_t i = 0; i < s->nwarn; i++)
		free(s->warnings[i]);
	free(s->warnings);
	memset(s, 0, sizeof(*s));
}

static void build_release(struct side_build *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->in[i].sname);
		free(b->in[i].region);
	}
	free(b->in);
	json_decref(b->by_addr);
	json_decref(b->names);
	json_decref(b->index);
	json_decref(b->empty);
	json_decref(b->by_type_name);
	plan_groups_free(b);
}

int plan_from_json(json_t *root, const char *path, const struct plan_opts *o, struct plan *out)
{
	enum input_kind kind;
	int rc;
	char s[128];

	memset(out, 0, sizeof(*out));
	out->path = xstrdup(path);
	out->actions = json_object();
	side_init(&out->before);
	side_init(&out->after);
	if ((rc = input_detect(root, path, &kind)))
		goto fail;
	if (kind == INPUT_SCENARIO) {
		rc = plan_err(path, "a scenario, not a plan or state");
		goto fail;
	}
	out->kind = kind;
	json_t *fv = json_object_get(root, "format_version");
	const char *v = json_string_value(fv);
	if (!v) {
		rc = plan_err(path, "format_version must be a string such as \"1.2\"");
		goto fail;
	}
	char *end;
	errno = 0;
	long major = strtol(v, &end, 10);
	if (end == v || (*end && *end != '.') || errno) {
		rc = plan_err(path, "format_version \"%s\" is not a version number",
			      cp_sanitize(v, s, sizeof(s)));
		goto fail;
	}
	if (major != 1) {
		rc = plan_err(path,
			      "format_version %s is not supported: costplan reads Terraform's JSON "
			      "format 1.x (terraform show -json from Terraform 1.x)",
			      cp_sanitize(v, s, sizeof(s)));
		goto fail;
	}
	out->format_version = xstrdup(v);
	const char *tv = json_string_value(json_object_get(root, "terraform_version"));
	out->terraform_version = xstrdup(tv ? tv : "");
	if (json_is_true(json_object_get(root, "errored")))
		side_warn(&out->after, "the plan is partial: Terraform reported errors while planning");

	for (int pass = 0; pass < 2; pass++) {
		struct side_build b;
		memset(&b, 0, sizeof(b));
		b.p = out;
		b.o = o;
		b.root = root;
		b.by_addr = json_object();
		b.names = json_object();
		b.index = json_object();
		b.is_after = pass == 1;
		b.side = pass ? &out->after : &out->before;
		if (kind == INPUT_PLAN) {
			json_t *ch = json_object_get(root, "resource_changes");
			if (ch && !json_is_array(ch))
				rc = plan_err(path, "resource_changes must be a list");
			else
				rc = collect_changes(&b, ch);
		} else if (pass == 1) {
			json_t *vals = json_object_get(root, "values");
			if (vals && !json_is_object(vals))
				rc = plan_err(path, "values must be an object");
			else if (vals && json_object_get(vals, "root_module"))
				rc = collect_module(&b, json_object_get(vals, "root_module"),
						    "values.root_module", 0);
		}
		if (!rc && b.is_after)
			usage_only_resources(&b);
		if (!rc)
			rc = build_side(&b);
		build_release(&b);
		if (rc)
			goto fail;
	}
	return 0;
fail:
	plan_release(out);
	return rc ? rc : CP_EXIT_DATA;
}

void plan_release(struct plan *p)
{
	side_release(&p->before);
	side_release(&p->after);
	json_decref(p->actions);
	free(p->path);
	free(p->format_version);
	free(p->terraform_version);
	memset(p, 0, sizeof(*p));
}
