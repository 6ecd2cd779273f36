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
#include <sys/stat.h>

#include "model/schema.h"
#include "pricing/regions.h"
#include "util/error.h"

/* The engine prices capacity_provider FARGATE_SPOT (on-demand less the
 * scenario's spot_discount assumption). A service whose strategy mixes
 * FARGATE and FARGATE_SPOT becomes two scenario resources, one per provider,
 * which map back to the one Terraform address (side.c merges their lines). */

#define MAX_MODULE_DEPTH 64
#define MAX_ADDRESS 2048

struct inst {
	const char *address;
	const char *module_address; /* "" at the root */
	const char *type;
	const char *name;
	json_t *values;  /* borrowed */
	json_t *unknown; /* after_unknown, or NULL */
	json_t *prior;   /* before, for unknowns on the after side; or NULL */
	char *sname;     /* scenario name */
	char *modpath;   /* module_address without indexes, once asked for */
	char *region;
	int rank;        /* mapping order */
	int priced;      /* 1 mapped into a document, 0 not priced, -1 not yet */
};

struct side_build {
	struct plan *p;
	struct plan_side *side;
	const struct plan_opts *o;
	json_t *root; /* the whole plan document */
	struct inst *in;
	size_t n, cap;
	json_t *by_addr; /* address -> index */
	json_t *names;   /* scenario address -> 1, for uniqueness */
	json_t *idx_arn; /* task definition ARN -> index */
	json_t *idx_fam; /* task definition family -> [indexes] */
	json_t *idx_svc; /* ECS service name -> index */
	json_t *idx_rid; /* scaling target resource_id -> index */
	json_t *empty;   /* values of usage-only resources */
	int is_after;
	int rc;
};

/* ---- small helpers ---------------------------------------------------- */

static void side_warn(struct plan_side *s, const char *fmt, ...) CP_PRINTF(2, 3);
static void side_warn(struct plan_side *s, const char *fmt, ...)
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
	struct plan_unpriced *u;
	s->unpriced = xrealloc(s->unpriced, (s->nunpriced + 1) * sizeof(*s->unpriced));
	u = &s->unpriced[s->nunpriced++];
	u->address = xstrdup(address);
	u->type = xstrdup(type);
	va_start(ap, fmt);
	u->why = xvasprintf(fmt, ap);
	va_end(ap);
}

static int plan_err(const char *path, const char *fmt, ...) CP_PRINTF(2, 3);
static int plan_err(const char *path, const char *fmt, ...)
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
static const char *vtext(json_t *v, char *buf, size_t size)
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
	FILE *fp;
	struct stat st;
	char *text = NULL;
	size_t n = 0, cap = 0;
	json_error_t err;

	*root = NULL;
	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!fp)
		return cp_error(errno == ENOENT ? CP_EXIT_USAGE : CP_EXIT_IO, "%s: %s", path,
				strerror(errno));
	if (fp != stdin && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(fp);
		return cp_error(CP_EXIT_USAGE, "%s: is a directory, not a plan, state or scenario",
				path);
	}
	if (fp != stdin && fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode)) {
		if (st.st_size > PLAN_MAX_BYTES) {
			fclose(fp);
			return cp_error(CP_EXIT_DATA, "%s: larger than %ld MiB", path,
					PLAN_MAX_BYTES / (1024 * 1024));
		}
		cap = (size_t)st.st_size + 1;
	}
	if (cap < 65536)
		cap = 65536;
	text = xmalloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			if (cap > (size_t)PLAN_MAX_BYTES) {
				free(text);
				if (fp != stdin)
					fclose(fp);
				return cp_error(CP_EXIT_DATA, "%s: larger than %ld MiB", path,
						PLAN_MAX_BYTES / (1024 * 1024));
			}
			cap *= 2;
			text = xrealloc(text, cap);
		}
		size_t got = fread(text + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0)
			break;
	}
	int rerr = ferror(fp);
	if (fp != stdin)
		fclose(fp);
	if (rerr) {
		free(text);
		return cp_error(CP_EXIT_IO, "%s: read error", path);
	}
	text[n] = '\0';
	if (memchr(text, '\0', n)) {
		free(text);
		return cp_error(CP_EXIT_DATA, "%s: contains a NUL byte; not a JSON text", path);
	}
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

int input_detect(json_t *root, const char *path, enum input_kind *kind)
{
	if (!json_is_object(root))
		return plan_err(path, "not a scenario, a Terraform plan or a state: the document must "
				      "be a JSON object");
	if (json_object_get(root, "format_version")) {
		if (json_object_get(root, "resource_changes") || json_object_get(root, "planned_values") ||
		    json_object_get(root, "configuration"))
			*kind = INPUT_PLAN;
		else
			*kind = INPUT_STATE;
		return 0;
	}
	if (json_object_get(root, "resource") || json_object_get(root, "costplan")) {
		*kind = INPUT_SCENARIO;
		return 0;
	}
	if (json_object_get(root, "resources") && json_object_get(root, "version"))
		return plan_err(path, "this is a raw terraform.tfstate; convert it with "
				      "`terraform show -json > state.json`");
	return plan_err(path, "not a scenario, a Terraform plan or a state; make plans with "
			      "`terraform show -json plan.tfplan > plan.json`");
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

static struct inst *new_inst(struct side_build *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->in = xrealloc(b->in, b->cap * sizeof(*b->in));
	}
	struct inst *x = &b->in[b->n++];
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
		struct inst *x = new_inst(b);
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
		struct inst *x = new_inst(b);
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
		struct inst *x = new_inst(b);
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

/* ---- configuration lookups -------------------------------------------- */

/* Module names of an instance module address, indexes dropped:
 * module.a["k"].module.b[0] -> [a, b]. Returns count, or -1. */
static int module_names(const char *mod, char names[][128], int max)
{
	int n = 0;
	const char *s = mod;
	while (*s) {
		if (strncmp(s, "module.", 7) != 0 || n >= max)
			return -1;
		s += 7;
		size_t len = 0;
		while (s[len] && s[len] != '.' && s[len] != '[')
			len++;
		if (len == 0 || len >= 128)
			return -1;
		memcpy(names[n], s, len);
		names[n][len] = '\0';
		n++;
		s += len;
		if (*s == '[') {
			s++;
			if (*s == '"') {
				for (s++; *s && *s != '"'; s++)
					if (*s == '\\' && s[1])
						s++;
				if (*s)
					s++;
			}
			while (*s && *s != ']')
				s++;
			if (*s)
				s++;
		}
		if (*s == '.')
			s++;
	}
	return n;
}

/* The configuration module object for names[0..n). */
static json_t *config_module(json_t *root, char names[][128], int n)
{
	json_t *m = json_object_get(json_object_get(root, "configuration"), "root_module");
	for (int i = 0; i < n && m; i++)
		m = json_object_get(json_object_get(json_object_get(m, "module_calls"), names[i]),
				    "module");
	return json_is_object(m) ? m : NULL;
}

static json_t *config_resource(json_t *mod, const char *type, const char *name)
{
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(mod, "resources"), i, r) {
		const char *t = json_string_value(json_object_get(r, "type"));
		const char *nm = json_string_value(json_object_get(r, "name"));
		const char *mode = json_string_value(json_object_get(r, "mode"));
		if (t && nm && !strcmp(t, type) && !strcmp(nm, name) && (!mode || !strcmp(mode, "managed")))
			return r;
	}
	return NULL;
}

/* Strip indexes from a module address ("module.a[0].module.b" -> "module.a.module.b"). */
static void strip_indexes(const char *mod, char *out, size_t size)
{
	char names[MAX_MODULE_DEPTH][128];
	int n = module_names(mod, names, MAX_MODULE_DEPTH);
	size_t o = 0;
	out[0] = '\0';
	for (int i = 0; i < n && o < size; i++)
		o += (size_t)snprintf(out + o, size - o, "%smodule.%s", i ? "." : "", names[i]);
}

/* The instance of type.name in module (index-free path) modpath, preferring
 * the same index as `like`. */
static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;
	while (a[n] && a[n] == b[n])
		n++;
	return n;
}

/* The instance of type.name in module (index-free path) modpath: the one
 * whose module instance shares the longest prefix with `like`'s (so
 * module.svc["a"] finds module.svc["a"].module.task's resource), then the
 * same count/for_each index. */
static struct inst *find_inst(struct side_build *b, const char *modpath, const char *type,
			      const char *name, const struct inst *like)
{
	struct inst *best = NULL;
	size_t best_score = 0;
	char buf[MAX_ADDRESS];
	const char *idx = like ? strchr(like->address + strlen(like->module_address), '[') : NULL;
	for (size_t i = 0; i < b->n; i++) {
		struct inst *x = &b->in[i];
		if (strcmp(x->type, type) || strcmp(x->name, name))
			continue;
		if (!x->modpath) { /* parsed once, not once per reference */
			strip_indexes(x->module_address, buf, sizeof(buf));
			x->modpath = xstrdup(buf);
		}
		if (strcmp(x->modpath, modpath))
			continue;
		size_t score = 1;
		if (like) {
			const char *xi = strchr(x->address + strlen(x->module_address), '[');
			score += 2 * common_prefix(x->module_address, like->module_address);
			score += idx && xi && !strcmp(idx, xi);
		}
		if (score > best_score) {
			best = x;
			best_score = score;
		}
	}
	return best;
}

/*
 * Follow configuration references (a list of strings) to an instance of
 * want_type: "aws_x.n.attr" in this module, "var.v" through the parent's
 * module call, "module.m.out" through the child's outputs.
 */
static struct inst *follow_refs(struct side_build *b, json_t *refs, char names[][128], int n,
				const char *want, const struct inst *like, int depth)
{
	size_t i;
	json_t *rv;
	size_t wl = strlen(want);
	char modpath[MAX_ADDRESS];
	if (depth > 16)
		return NULL;
	modpath[0] = '\0';
	for (int k = 0, o = 0; k < n; k++)
		o += snprintf(modpath + o, sizeof(modpath) - (size_t)o, "%smodule.%s", k ? "." : "",
			      names[k]);
	json_array_foreach(refs, i, rv) {
		const char *r = json_string_value(rv);
		if (!r)
			continue;
		if (!strncmp(r, want, wl) && r[wl] == '.') {
			char nm[256];
			size_t len = strcspn(r + wl + 1, ".[");
			if (len == 0 || len >= sizeof(nm))
				continue;
			memcpy(nm, r + wl + 1, len);
			nm[len] = '\0';
			struct inst *x = find_inst(b, modpath, want, nm, like);
			if (x)
				return x;
		} else if (!strncmp(r, "var.", 4) && n > 0) {
			char v[256];
			size_t len = strcspn(r + 4, ".[");
			if (len == 0 || len >= sizeof(v))
				continue;
			memcpy(v, r + 4, len);
			v[len] = '\0';
			json_t *parent = config_module(b->root, names, n - 1);
			json_t *call = json_object_get(json_object_get(parent, "module_calls"), names[n - 1]);
			json_t *prefs = json_object_get(
				json_object_get(json_object_get(call, "expressions"), v), "references");
			struct inst *x = follow_refs(b, prefs, names, n - 1, want, like, depth + 1);
			if (x)
				return x;
		} else if (!strncmp(r, "module.", 7) && n < MAX_MODULE_DEPTH) {
			char m[128], out[256];
			const char *s = r + 7;
			size_t len = strcspn(s, ".[");
			if (len == 0 || len >= sizeof(m))
				continue;
			memcpy(m, s, len);
			m[len] = '\0';
			s += len;
			if (*s == '[')
				s = strchr(s, ']') ? strchr(s, ']') + 1 : s + strlen(s);
			if (*s != '.')
				continue;
			s++;
			len = strcspn(s, ".[");
			if (len == 0 || len >= sizeof(out))
				continue;
			memcpy(out, s, len);
			out[len] = '\0';
			char (*nn)[128] = xcalloc((size_t)n + 1, 128);
			for (int k = 0; k < n; k++)
				memcpy(nn[k], names[k], 128);
			memcpy(nn[n], m, sizeof(m));
			json_t *child = config_module(b->root, nn, n + 1);
			json_t *orefs = json_object_get(
				json_object_get(json_object_get(json_object_get(child, "outputs"), out),
						"expression"),
				"references");
			struct inst *x = follow_refs(b, orefs, nn, n + 1, want, like, depth + 1);
			free(nn);
			if (x)
				return x;
		}
	}
	return NULL;
}

/* Follow the configuration expression of x's attribute to a want instance. */
static struct inst *config_ref(struct side_build *b, const struct inst *x, const char *attr,
			       const char *want)
{
	char names[MAX_MODULE_DEPTH][128];
	int n = module_names(x->module_address, names, MAX_MODULE_DEPTH);
	if (n < 0)
		return NULL;
	json_t *mod = config_module(b->root, names, n);
	json_t *rc = config_resource(mod, x->type, x->name);
	json_t *refs = json_object_get(
		json_object_get(json_object_get(rc, "expressions"), attr), "references");
	return follow_refs(b, refs, names, n, want, x, 0);
}

/* ---- region ------------------------------------------------------------ */

static const char *provider_region(struct side_build *b, const char *key)
{
	json_t *pc = json_object_get(json_object_get(json_object_get(b->root, "configuration"),
						     "provider_config"),
				     key);
	json_t *ex = json_object_get(json_object_get(pc, "expressions"), "region");
	const char *c = json_string_value(json_object_get(ex, "constant_value"));
	if (c)
		return c;
	json_t *refs = json_object_get(ex, "references");
	size_t i;
	json_t *r;
	json_array_foreach(refs, i, r) {
		const char *s = json_string_value(r);
		if (s && !strncmp(s, "var.", 4)) {
			json_t *v = json_object_get(json_object_get(json_object_get(b->root, "variables"),
								    s + 4),
						    "value");
			if (json_is_string(v))
				return json_string_value(v);
		}
	}
	return NULL;
}

static const char *arn_region(json_t *values)
{
	static char buf[64];
	const char *arn = json_string_value(json_object_get(values, "arn"));
	if (!arn || strncmp(arn, "arn:", 4))
		return NULL;
	const char *p = arn;
	for (int i = 0; i < 3 && p; i++) {
		p = strchr(p, ':');
		if (p)
			p++;
	}
	if (!p)
		return NULL;
	size_t len = strcspn(p, ":");
	if (len == 0 || len >= sizeof(buf))
		return NULL;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

static char *inst_region(struct side_build *b, struct inst *x, const char *fallback)
{
	if (b->o && b->o->region)
		return xstrdup(b->o->region);
	const char *r = json_string_value(json_object_get(x->values, "region"));
	if (r && r[0])
		return xstrdup(r);
	char names[MAX_MODULE_DEPTH][128];
	int n = module_names(x->module_address, names, MAX_MODULE_DEPTH);
	json_t *rc = n >= 0 ? config_resource(config_module(b->root, names, n), x->type, x->name)
			    : NULL;
	const char *key = json_string_value(json_object_get(rc, "provider_config_key"));
	if (key) {
		r = provider_region(b, key);
		if (!r && strchr(key, ':')) /* "module.x:aws" */
			r = provider_region(b, strchr(key, ':') + 1);
		if (r)
			return xstrdup(r);
	}
	r = arn_region(x->values);
	if (r && aws_region_find(r))
		return xstrdup(r);
	return xstrdup(fallback);
}

/* ---- attribute access --------------------------------------------------- */

enum got { GOT_VALUE, GOT_ABSENT, GOT_UNKNOWN };

/* values at a dotted path, blocks (lists of one object) stepped into. */
static enum got tf_get(json_t *values, json_t *unknown, const char *path, json_t **out)
{
	char part[128];
	json_t *v = values, *u = unknown;
	const char *p = path;
	*out = NULL;
	while (*p) {
		size_t len = strcspn(p, ".");
		if (len >= sizeof(part))
			return GOT_ABSENT;
		memcpy(part, p, len);
		part[len] = '\0';
		p += len;
		if (*p == '.')
			p++;
		if (json_is_array(v) && *part) {
			v = json_array_get(v, 0);
			if (u && json_is_array(u))
				u = json_array_get(u, 0);
		}
		v = json_is_object(v) ? json_object_get(v, part) : NULL;
		u = json_is_object(u) ? json_object_get(u, part) : (json_is_true(u) ? u : NULL);
		if (json_is_true(u) && (!v || json_is_null(v)))
			return GOT_UNKNOWN;
		if (!v || json_is_null(v))
			return GOT_ABSENT;
	}
	*out = v;
	return GOT_VALUE;
}

static int is_informational(const char *attr)
{
	static const char *const INFO[] = {
		"family", "name", "bucket", "alarm_name", "dashboard_name", "engine_version",
		"subnet_id", "domain", "image_tag_mutability", "container_port", "image_size_mb",
		"scope", "type", "service_name", "storage_encrypted", "deletion_protection",
		"enable_deletion_protection", "at_rest_encryption_enabled",
		"transit_encryption_enabled", "image_scanning_configuration.scan_on_push",
		"private_dns_enabled", NULL};
	for (int i = 0; INFO[i]; i++)
		if (!strcmp(INFO[i], attr))
			return 1;
	return 0;
}

struct mctx {
	struct side_build *b;
	struct inst *x;
	json_t *body;
	char why[512]; /* set: not priced, for this reason */
	int hard;      /* an exit-3 error was printed */
	long spot;     /* ECS service: tasks on FARGATE_SPOT */
	long desired;  /* ECS service: desired_count */
};

/* Read an attribute, resolving unknowns from the prior value. Returns the
 * value (borrowed) or NULL when absent or unknown (*unknown set). */
static json_t *get(struct mctx *m, const char *path, int *unknown)
{
	json_t *v;
	*unknown = 0;
	enum got g = tf_get(m->x->values, m->x->unknown, path, &v);
	if (g == GOT_VALUE)
		return v;
	if (g == GOT_ABSENT)
		return NULL;
	if (m->x->prior && tf_get(m->x->prior, NULL, path, &v) == GOT_VALUE) {
		char s[128];
		if (!is_informational(path))
			side_warn(m->b->side,
				  "%s: %s is known only after apply; priced with its current value %s",
				  m->x->address, path, vtext(v, s, sizeof(s)));
		return v;
	}
	*unknown = 1;
	return NULL;
}

static void assume(struct mctx *m, const char *path, const char *what)
{
	if (!is_informational(path))
		side_warn(m->b->side, "%s: %s is known only after apply; assuming %s", m->x->address,
			  path, what);
}

static void not_priced(struct mctx *m, const char *fmt, ...) CP_PRINTF(2, 3);
static void not_priced(struct mctx *m, const char *fmt, ...)
{
	va_list ap;
	if (m->why[0])
		return;
	va_start(ap, fmt);
	vsnprintf(m->why, sizeof(m->why), fmt, ap);
	va_end(ap);
}

/* A number from a JSON number or numeric string; -1 not a number, -2 absurd. */
static int num_of(struct mctx *m, const char *attr, json_t *v, double *out)
{
	char s[128];
	if (json_is_number(v)) {
		*out = json_number_value(v);
	} else if (json_is_string(v)) {
		char *end;
		const char *t = json_string_value(v);
		errno = 0;
		*out = strtod(t, &end);
		if (end == t || *end || errno)
			return -1;
	} else {
		return -1;
	}
	if (!isfinite(*out) || fabs(*out) >= 1e15) {
		plan_err(m->b->p->path, "%s: %s is %s, which no real plan holds", m->x->address,
			 attr, vtext(v, s, sizeof(s)));
		m->hard = 1;
		return -2;
	}
	return 0;
}

/* Convert v to the schema kind of a and set it in the body. */
static void put(struct mctx *m, const struct attr_spec *a, json_t *v)
{
	char s[128], choices[512];
	double d;
	size_t i, o = 0;
	json_t *e;
	switch (a->kind) {
	case ATTR_INT:
	case ATTR_NUMBER:
	case ATTR_INTSET: {
		int r = num_of(m, a->name, v, &d);
		if (r == -2)
			return;
		if (r < 0 || (a->kind != ATTR_NUMBER && d != floor(d))) {
			not_priced(m, "%s is %s, not a number costplan understands", a->name,
				   vtext(v, s, sizeof(s)));
			return;
		}
		if (a->kind == ATTR_INTSET) {
			snprintf(s, sizeof(s), "%lld", (long long)d);
			for (i = 0; a->choices[i]; i++)
				if (!strcmp(a->choices[i], s))
					break;
			if (!a->choices[i]) {
				not_priced(m, "%s %s is not a value costplan prices", a->name, s);
				return;
			}
		} else if (d < a->min || d > a->max) {
			not_priced(m, "%s %s is outside what costplan prices (%g to %g)", a->name,
				   vtext(v, s, sizeof(s)), a->min, a->max);
			return;
		}
		json_object_set_new(m->body, a->name,
				    a->kind == ATTR_NUMBER ? json_real(d) : json_integer((json_int_t)d));
		return;
	}
	case ATTR_BOOL:
		if (json_is_boolean(v))
			json_object_set(m->body, a->name, v);
		else if (json_is_string(v) && (!strcmp(json_string_value(v), "true") ||
					       !strcmp(json_string_value(v), "false")))
			json_object_set_new(m->body, a->name,
					    json_boolean(!strcmp(json_string_value(v), "true")));
		else
			not_priced(m, "%s is %s, not true or false", a->name, vtext(v, s, sizeof(s)));
		return;
	case ATTR_STRING:
		if (json_is_string(v)) {
			const char *t = json_string_value(v);
			json_object_set_new(m->body, a->name,
					    json_stringn(t, strlen(t) > 1000 ? 1000 : strlen(t)));
		}
		return;
	case ATTR_ENUM:
		if (!json_is_string(v) || !json_string_value(v)[0])
			return; /* "" = unset: the default */
		for (i = 0; a->choices[i]; i++)
			if (!strcmp(a->choices[i], json_string_value(v))) {
				json_object_set(m->body, a->name, v);
				return;
			}
		choices[0] = '\0';
		for (i = 0; a->choices[i] && o < sizeof(choices); i++)
			o += (size_t)snprintf(choices + o, sizeof(choices) - o, "%s%s", i ? ", " : "",
					      a->choices[i]);
		not_priced(m, "%s \"%s\" is not priced (costplan prices %s)", a->name,
			   vtext(v, s, sizeof(s)), choices);
		return;
	case ATTR_LIST:
	case ATTR_BLOCKS: {
		if (!json_is_array(v)) {
			not_priced(m, "%s is %s, not a list", a->name, vtext(v, s, sizeof(s)));
			return;
		}
		json_t *arr = json_array();
		json_array_foreach(v, i, e) {
			if (a->kind == ATTR_BLOCKS)
				json_array_append_new(arr, json_object());
			else
				json_array_append_new(arr, json_is_string(e) ? json_stringn(json_string_value(e), strlen(json_string_value(e)) > 200 ? 200 : strlen(json_string_value(e)))
									      : json_string("(known after apply)"));
		}
		if ((double)json_array_size(arr) < a->min || (double)json_array_size(arr) > a->max) {
			not_priced(m, "%s has %zu entries; costplan prices %g to %g", a->name,
				   json_array_size(arr), a->min, a->max);
			json_decref(arr);
			return;
		}
		json_object_set_new(m->body, a->name, arr);
		return;
	}
	case ATTR_REF:
		return;
	}
}

/* A list of n placeholder strings. */
static json_t *placeholders(size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string("(known after apply)"));
	return a;
}

/* Length of a list attribute whose elements may be unknown; -1 unknown. */
static long list_len(struct mctx *m, const char *attr)
{
	json_t *v = json_object_get(m->x->values, attr);
	json_t *u = m->x->unknown ? json_object_get(m->x->unknown, attr) : NULL;
	if (json_is_array(v))
		return (long)json_array_size(v);
	if (json_is_array(u))
		return (long)json_array_size(u);
	if (json_is_true(u) && m->x->prior && json_is_array(json_object_get(m->x->prior, attr)))
		return -2 - (long)json_array_size(json_object_get(m->x->prior, attr));
	return -1;
}

/* "256", "0.25 vCPU", "1 vcpu", "512", "2 GB", "2GB" -> units / MiB. */
static int task_size(const char *s, long *out)
{
	char *end;
	double d = strtod(s, &end);
	if (end == s || !isfinite(d) || d < 0 || d > 1e7)
		return -1;
	while (*end == ' ')
		end++;
	if (!strcasecmp(end, "vcpu") || !strcasecmp(end, "gb"))
		d *= 1024;
	else if (*end && strcasecmp(end, "mib") && strcasecmp(end, "mb"))
		return -1;
	if (d != floor(d))
		return -1;
	*out = (long)d;
	return 0;
}

static struct inst *priced_target(struct mctx *m, struct inst *t, const char *what)
{
	if (!t) {
		not_priced(m, "its %s is not in the plan (not found by reference, ARN or name)",
			   what);
		return NULL;
	}
	if (t->priced == 0) {
		not_priced(m, "its %s %s is not priced", what, t->address);
		return NULL;
	}
	if (strcmp(t->region, m->x->region)) {
		not_priced(m, "its %s %s is in another region", what, t->address);
		return NULL;
	}
	return t;
}

static void set_ref(struct mctx *m, const char *attr, struct inst *t)
{
	json_object_set_new(m->body, attr, json_string(t->sname));
}

/* ECS service -> its task definition (FACTS.md 6). */
static struct inst *service_taskdef(struct mctx *m)
{
	json_t *v = NULL;
	struct side_build *b = m->b;
	/* unknown (a new revision): the configuration says which; else the prior ARN */
	if (tf_get(m->x->values, m->x->unknown, "task_definition", &v) == GOT_UNKNOWN) {
		struct inst *t = config_ref(b, m->x, "task_definition", "aws_ecs_task_definition");
		if (t)
			return t;
		if (m->x->prior)
			tf_get(m->x->prior, NULL, "task_definition", &v);
	}
	const char *s = json_string_value(v);
	if (s && s[0]) {
		char family[256];
		const char *f = s;
		if (!strncmp(s, "arn:", 4)) {
			json_t *k = json_object_get(b->idx_arn, s);
			if (k)
				return &b->in[json_integer_value(k)];
			f = strstr(s, "task-definition/");
			f = f ? f + 16 : "";
		}
		size_t len = strcspn(f, ":");
		if (len > 0 && len < sizeof(family)) {
			memcpy(family, f, len);
			family[len] = '\0';
			struct inst *best = NULL;
			size_t k;
			json_t *ix;
			json_array_foreach(json_object_get(b->idx_fam, family), k, ix) {
				struct inst *t = &b->in[json_integer_value(ix)];
				if (!best || !strcmp(t->module_address, m->x->module_address))
					best = t;
			}
			if (best)
				return best;
		}
	}
	return config_ref(b, m->x, "task_definition", "aws_ecs_task_definition");
}

/* aws_appautoscaling_target resource_id "service/<cluster>/<service>". */
static struct inst *target_service(struct mctx *m)
{
	int unk;
	const char *rid = json_string_value(get(m, "resource_id", &unk));
	struct side_build *b = m->b;
	if (rid && !strncmp(rid, "service/", 8)) {
		json_t *k = json_object_get(b->idx_svc, strrchr(rid, '/') + 1);
		if (k)
			return &b->in[json_integer_value(k)];
	}
	return config_ref(b, m->x, "resource_id", "aws_ecs_service");
}

static struct inst *policy_target(struct mctx *m)
{
	int unk;
	const char *rid = json_string_value(get(m, "resource_id", &unk));
	struct side_build *b = m->b;
	json_t *k = rid ? json_object_get(b->idx_rid, rid) : NULL;
	if (k)
		return &b->in[json_integer_value(k)];
	return config_ref(b, m->x, "resource_id", "aws_appautoscaling_target");
}

/* Capacity provider strategy: tasks on FARGATE_SPOT out of desired. */
static long spot_tasks(struct mctx *m, json_t *strategy, long desired)
{
	size_t i;
	json_t *e;
	long base_spot = 0, base_other = 0;
	double w_spot = 0, w_all = 0;
	json_array_foreach(strategy, i, e) {
		const char *cp = json_string_value(json_object_get(e, "capacity_provider"));
		json_t *wv = json_object_get(e, "weight"), *bv = json_object_get(e, "base");
		double w = json_is_number(wv) ? json_number_value(wv) : 0;
		long base = json_is_integer(bv) ? (long)json_integer_value(bv) : 0;
		if (!cp) {
			assume(m, "capacity_provider_strategy.capacity_provider", "FARGATE");
			cp = "FARGATE";
		}
		if (strcmp(cp, "FARGATE") && strcmp(cp, "FARGATE_SPOT")) {
			char s[128];
			not_priced(m, "capacity provider \"%s\" runs tasks on EC2 instances, not Fargate",
				   cp_sanitize(cp, s, sizeof(s)));
			return 0;
		}
		if (w < 0 || w > 1000 || base < 0 || base > 100000)
			continue;
		int spot = !strcmp(cp, "FARGATE_SPOT");
		if (spot)
			base_spot += base, w_spot += w;
		else
			base_other += base;
		w_all += w;
	}
	long first = base_spot + base_other;
	if (first >= desired)
		return base_spot < desired ? base_spot : desired;
	long rest = desired - first;
	long spot = base_spot + (w_all > 0 ? (long)floor((double)rest * w_spot / w_all) : 0);
	return spot;
}

/* The special attributes; returns 1 when handled. */
static int map_special(struct mctx *m, const struct attr_spec *a)
{
	const char *t = m->x->type, *n = a->name;
	int unk;
	json_t *v;
	char s[128];

	if (!strcmp(t, "aws_ecs_task_definition") && (!strcmp(n, "cpu") || !strcmp(n, "memory"))) {
		long units;
		v = get(m, n, &unk);
		if (!v) {
			not_priced(m, "no task-level %s%s: only Fargate task definitions are priced", n,
				   unk ? " (known only after apply)" : "");
			return 1;
		}
		if (json_is_number(v)) {
			double d;
			if (num_of(m, n, v, &d))
				return 1;
			snprintf(s, sizeof(s), "%.0f", d);
		} else if (json_is_string(v)) {
			cp_sanitize(json_string_value(v), s, sizeof(s));
		} else {
			not_priced(m, "%s is not a task size", n);
			return 1;
		}
		if (task_size(s, &units) || units < (long)a->min || units > (long)a->max) {
			not_priced(m, "%s \"%s\" is not a Fargate task size", n, s);
			return 1;
		}
		json_object_set_new(m->body, n, json_integer(units));
		return 1;
	}
	if (!strcmp(t, "aws_ecs_service")) {
		if (!strcmp(n, "task_definition")) {
			struct inst *td = priced_target(m, service_taskdef(m), "task definition");
			if (td)
				set_ref(m, n, td);
			return 1;
		}
		if (!strcmp(n, "load_balancer") || !strcmp(n, "cluster"))
			return 1; /* informational; Terraform holds ARNs there */
		if (!strcmp(n, "launch_type")) {
			json_t *strat = json_object_get(m->x->values, "capacity_provider_strategy");
			v = get(m, n, &unk);
			const char *lt = json_string_value(v);
			if (lt && lt[0] && strcmp(lt, "FARGATE")) {
				not_priced(m, "launch_type %s: tasks run on instances costplan does not price",
					   cp_sanitize(lt, s, sizeof(s)));
			} else if ((!lt || !lt[0]) && json_array_size(strat) == 0) {
				if (unk)
					assume(m, "launch_type", "FARGATE");
				else
					side_warn(m->b->side,
						  "%s: no launch_type and no capacity_provider_strategy; "
						  "priced as FARGATE",
						  m->x->address);
			}
			return 1;
		}
		if (!strcmp(n, "capacity_provider")) {
			json_t *strat = json_object_get(m->x->values, "capacity_provider_strategy");
			if (json_array_size(strat) == 0)
				return 1;
			json_t *dc = json_object_get(m->body, "desired_count");
			long desired = dc ? (long)json_integer_value(dc) : 0;
			long spot = spot_tasks(m, strat, desired);
			if (spot > 0 && spot == desired)
				json_object_set_new(m->body, n, json_string("FARGATE_SPOT"));
			m->spot = spot;
			m->desired = desired;
			return 1;
		}
	}
	if (!strcmp(t, "aws_ecs_cluster") && !strcmp(n, "setting.containerInsights")) {
		size_t i;
		json_t *e;
		json_array_foreach(json_object_get(m->x->values, "setting"), i, e) {
			const char *sn = json_string_value(json_object_get(e, "name"));
			const char *sv = json_string_value(json_object_get(e, "value"));
			if (sn && sv && !strcmp(sn, "containerInsights") && strcmp(sv, "disabled"))
				side_warn(m->b->side,
					  "%s: Container Insights (%s) is not priced from a plan; see "
					  "`costplan upgrades` for its cost",
					  m->x->address, cp_sanitize(sv, s, sizeof(s)));
		}
		return 1;
	}
	if (!strcmp(t, "aws_appautoscaling_target") && !strcmp(n, "service")) {
		const char *ns = json_string_value(json_object_get(m->x->values, "service_namespace"));
		if (ns && strcmp(ns, "ecs")) {
			not_priced(m, "service_namespace %s: only ECS service scaling is modelled",
				   cp_sanitize(ns, s, sizeof(s)));
			return 1;
		}
		struct inst *svc = priced_target(m, target_service(m), "ECS service");
		if (svc)
			set_ref(m, n, svc);
		return 1;
	}
	if (!strcmp(t, "aws_appautoscaling_policy")) {
		if (!strcmp(n, "target")) {
			struct inst *tg = priced_target(m, policy_target(m), "scalable target");
			if (tg)
				set_ref(m, n, tg);
			return 1;
		}
		if (!strcmp(n, "target_tracking_scaling_policy_configuration.predefined_metric_type")) {
			v = get(m,
				"target_tracking_scaling_policy_configuration.predefined_metric_specification."
				"predefined_metric_type",
				&unk);
			if (v)
				put(m, a, v);
			return 1;
		}
		if (!strncmp(n, "step_scaling.", 13))
			return 1;
	}
	if ((!strcmp(t, "aws_lb") && !strcmp(n, "subnets")) ||
	    (!strcmp(t, "aws_vpc_endpoint") && !strcmp(n, "subnet_ids"))) {
		long len = list_len(m, n);
		if (len == 0 && !strcmp(t, "aws_lb")) {
			long k = list_len(m, "subnet_mapping");
			len = k >= 0 ? k : len;
		}
		if (len <= -2) {
			len = -2 - len;
			side_warn(m->b->side,
				  "%s: %s is known only after apply; priced with its current %ld", m->x->address,
				  n, len);
		}
		if (len < 0 || (len == 0 && !strcmp(t, "aws_lb"))) {
			assume(m, n, "2 subnets (2 availability zones, the ALB minimum)");
			len = 2;
		}
		if (len == 0 && !strcmp(t, "aws_vpc_endpoint")) {
			json_t *et = json_object_get(m->x->values, "vpc_endpoint_type");
			if (json_is_string(et) && !strcmp(json_string_value(et), "Interface")) {
				assume(m, n, "2 subnets (2 availability zones)");
				len = 2;
			}
		}
		json_t *arr = placeholders((size_t)(len > 100 ? 100 : len));
		put(m, a, arr);
		json_decref(arr);
		return 1;
	}
	if (!strcmp(t, "aws_elasticache_replication_group") &&
	    (!strcmp(n, "num_cache_clusters") || !strcmp(n, "num_node_groups") ||
	     !strcmp(n, "replicas_per_node_group"))) {
		if (strcmp(n, "num_cache_clusters"))
			return 1; /* all three are set together below */
		int u1, u2, u3;
		double ncc = -1, ng = -1, rp = -1;
		json_t *a1 = get(m, "num_cache_clusters", &u1);
		if (!a1)
			a1 = get(m, "number_cache_clusters", &u1);
		json_t *a2 = get(m, "num_node_groups", &u2);
		json_t *a3 = get(m, "replicas_per_node_group", &u3);
		if ((a1 && num_of(m, "num_cache_clusters", a1, &ncc) == -2) ||
		    (a2 && num_of(m, "num_node_groups", a2, &ng) == -2) ||
		    (a3 && num_of(m, "replicas_per_node_group", a3, &rp) == -2))
			return 1;
		const char *cm = json_string_value(json_object_get(m->x->values, "cluster_mode"));
		int cluster = (ng > 1) || (cm && !strcmp(cm, "enabled") && ng >= 1);
		json_t *o;
		if (cluster) {
			if (rp < 0) {
				assume(m, "replicas_per_node_group", "0 (Terraform's default)");
				rp = 0;
			}
			o = json_pack("{s:I,s:I,s:I}", "num_node_groups", (json_int_t)ng,
				      "replicas_per_node_group", (json_int_t)rp, "num_cache_clusters",
				      (json_int_t)1);
		} else {
			if (ncc < 1 && ng == 1 && rp >= 0)
				ncc = rp + 1;
			if (ncc < 1) {
				assume(m, "num_cache_clusters", "1 node (Terraform's default)");
				ncc = 1;
			}
			o = json_pack("{s:I,s:I,s:I}", "num_cache_clusters", (json_int_t)ncc,
				      "num_node_groups", (json_int_t)0, "replicas_per_node_group",
				      (json_int_t)0);
		}
		const char *k;
		json_t *val;
		json_object_foreach(o, k, val) {
			const struct attr_spec *sa = schema_attr(schema_type(t), k);
			if (sa)
				put(m, sa, val);
		}
		json_decref(o);
		return 1;
	}
	if (!strcmp(t, "aws_db_instance") && !strcmp(n, "performance_insights_retention_period")) {
		v = get(m, n, &unk);
		double d;
		if (v && num_of(m, n, v, &d) == 0 && d >= 7)
			put(m, a, v); /* 0 when Performance Insights is off */
		return 1;
	}
	if (!strcmp(t, "aws_cloudwatch_metric_alarm") && !strcmp(n, "period")) {
		v = get(m, n, &unk);
		double d;
		if (v && num_of(m, n, v, &d) == 0)
			json_object_set_new(m->body, n, json_integer(d > 0 && d < 60 ? (d <= 10 ? 10 : 30) : 60));
		return 1;
	}
	if (!strcmp(t, "aws_nat_gateway") && !strcmp(n, "allocation_id"))
		return 1;
	return 0;
}

static void map_attrs(struct mctx *m, const struct type_spec *ts)
{
	for (const struct attr_spec *a = ts->attrs; a && a->name && !m->hard; a++) {
		if (!strcmp(a->name, "count"))
			continue;
		if (map_special(m, a))
			continue;
		if (a->kind == ATTR_REF)
			continue;
		int unk;
		json_t *v = get(m, a->name, &unk);
		if (v) {
			put(m, a, v);
		} else if (unk) {
			if (a->def) {
				char what[160];
				snprintf(what, sizeof(what), "%s (the default)",
					 a->def[0] ? a->def : "none");
				assume(m, a->name, what);
			} else {
				not_priced(m, "%s is known only after apply and has no default", a->name);
			}
		} else if (!a->def && a->kind == ATTR_STRING) {
			json_object_set_new(m->body, a->name, json_string(""));
		} else if (!a->def) {
			not_priced(m, "%s is not set", a->name);
		}
	}
}

/* Checks the scenario validator would fail on: make them "not priced". */
static void cross_checks(struct mctx *m)
{
	json_t *b = m->body;
	const char *t = m->x->type;
	if (m->why[0])
		return;
	if (!strcmp(t, "aws_ecs_task_definition")) {
		long cpu = (long)json_integer_value(json_object_get(b, "cpu"));
		long mem = (long)json_integer_value(json_object_get(b, "memory"));
		if (!fargate_size_valid(cpu, mem))
			not_priced(m, "cpu %ld with memory %ld MiB is not a Fargate task size", cpu, mem);
	}
	if (!strcmp(t, "aws_elasticache_replication_group") &&
	    json_is_true(json_object_get(b, "multi_az_enabled")) &&
	    (json_integer_value(json_object_get(b, "num_cache_clusters")) < 2 &&
	     json_integer_value(json_object_get(b, "num_node_groups")) == 0))
		not_priced(m, "multi_az_enabled with a single node");
	if (!strcmp(t, "aws_elasticache_replication_group") &&
	    json_is_true(json_object_get(b, "multi_az_enabled")) &&
	    !json_is_true(json_object_get(b, "automatic_failover_enabled")))
		not_priced(m, "multi_az_enabled without automatic_failover_enabled");
	if (!strcmp(t, "aws_appautoscaling_target")) {
		json_t *lo = json_object_get(b, "min_capacity"), *hi = json_object_get(b, "max_capacity");
		if (lo && hi && json_integer_value(lo) > json_integer_value(hi))
			not_priced(m, "min_capacity is above max_capacity");
	}
}

static int type_rank(const char *type)
{
	if (!strcmp(type, "aws_ecs_task_definition"))
		return 0;
	if (!strcmp(type, "aws_ecs_service"))
		return 2;
	if (!strcmp(type, "aws_appautoscaling_target"))
		return 3;
	if (!strcmp(type, "aws_appautoscaling_policy"))
		return 4;
	return 1;
}

/* A scenario name for x: Terraform's name at the root without index, else
 * the whole address with everything outside [A-Za-z0-9_-] as '_'. */
static char *scenario_name(struct side_build *b, const struct inst *x)
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
		struct inst *x = &b->in[i];
		x->rank = type_rank(x->type);
		x->sname = scenario_name(b, x);
		x->region = inst_region(b, x, fallback);
		if (warned_region && !strcmp(x->region, "us-east-1") && !(b->o && b->o->region)) {
			side_warn(b->side, "no region found in the plan's provider configuration; "
					   "priced in us-east-1 (use --region to choose)");
			warned_region = 0;
		}
		b->side->nresources++;
		/* lookup indexes for the links between resources */
		const char *arn = json_string_value(json_object_get(x->values, "arn"));
		const char *nm = json_string_value(json_object_get(x->values, "name"));
		const char *rid = json_string_value(json_object_get(x->values, "resource_id"));
		const char *fam = json_string_value(json_object_get(x->values, "family"));
		json_t *ix = json_integer((json_int_t)i);
		if (!strcmp(x->type, "aws_ecs_task_definition")) {
			if (arn && !json_object_get(b->idx_arn, arn))
				json_object_set(b->idx_arn, arn, ix);
			if (fam) {
				json_t *l = json_object_get(b->idx_fam, fam);
				if (!l) {
					l = json_array();
					json_object_set_new(b->idx_fam, fam, l);
				}
				json_array_append(l, ix);
			}
		} else if (!strcmp(x->type, "aws_ecs_service") && nm &&
			   !json_object_get(b->idx_svc, nm)) {
			json_object_set(b->idx_svc, nm, ix);
		} else if (!strcmp(x->type, "aws_appautoscaling_target") && rid &&
			   !json_object_get(b->idx_rid, rid)) {
			json_object_set(b->idx_rid, rid, ix);
		}
		json_decref(ix);
	}
	for (int rank = 0; rank <= 4; rank++) {
		for (size_t i = 0; i < b->n; i++) {
			struct inst *x = &b->in[i];
			if (x->rank != rank)
				continue;
			const struct type_spec *ts = schema_type(x->type);
			if (!ts) {
				x->priced = 0;
				add_unpriced(b->side, x->address, x->type, "costplan has no price for %s",
					     x->type);
				continue;
			}
			struct mctx m;
			memset(&m, 0, sizeof(m));
			m.b = b;
			m.x = x;
			m.body = json_object();
			if (!ts->open)
				map_attrs(&m, ts);
			if (m.hard) {
				json_decref(m.body);
				return CP_EXIT_DATA;
			}
			cross_checks(&m);
			if (m.why[0]) {
				x->priced = 0;
				add_unpriced(b->side, x->address, x->type, "%s", m.why);
				json_decref(m.body);
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
			if (m.spot > 0 && m.spot < m.desired) {
				/* mixed strategy: the Spot share as a second resource */
				struct inst tmp = *x;
				char *name = xasprintf("%s-spot", x->name);
				tmp.name = name;
				tmp.address = name;
				tmp.module_address = "";
				char *sp = scenario_name(b, &tmp);
				free(name);
				json_t *spot = json_deep_copy(m.body);
				json_object_set_new(spot, "desired_count", json_integer(m.spot));
				json_object_set_new(spot, "capacity_provider", json_string("FARGATE_SPOT"));
				json_object_set_new(m.body, "desired_count",
						    json_integer(m.desired - m.spot)); /* still owned by byt */
				json_object_set_new(byt, sp, spot);
				char *sa = xasprintf("%s.%s", x->type, sp);
				json_object_set_new(b->side->addr, sa, json_string(x->address));
				free(sa);
				free(sp);
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
		free(b->in[i].modpath);
	}
	free(b->in);
	json_decref(b->by_addr);
	json_decref(b->names);
	json_decref(b->idx_arn);
	json_decref(b->idx_fam);
	json_decref(b->idx_svc);
	json_decref(b->idx_rid);
	json_decref(b->empty);
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
		b.idx_arn = json_object();
		b.idx_fam = json_object();
		b.idx_svc = json_object();
		b.idx_rid = json_object();
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
