/*
 * hcl_run.c - the arena, work counters and error unwinding of one load.
 * See hcl_run.h for the rules (everything in the arena; failures longjmp).
 *
 * The arena is a list of chunks: 64 KiB ones carved in order, and a chunk of
 * its own for any allocation bigger than a quarter of that. Allocations are
 * aligned for any type and zeroed.
 */
#include "model/terraform/hcl_run.h"

#include <errno.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

#define CHUNK_SIZE (64 * 1024)
#define ALIGN 8

void hcl_run_init(struct hcl_run *r)
{
	memset(r, 0, sizeof(*r));
}

void hcl_run_free(struct hcl_run *r)
{
	struct arena_chunk *c = r->chunks;
	while (c) {
		struct arena_chunk *n = c->next;
		free(c);
		c = n;
	}
	r->chunks = NULL;
	r->arena_bytes = 0;
}

void hcl_catch_push(struct hcl_run *r, struct hcl_catch *c, bool try_point)
{
	c->prev = r->catch_top;
	c->try_point = try_point;
	c->depth = r->depth;
	r->catch_top = c;
}

void hcl_catch_pop(struct hcl_run *r, struct hcl_catch *c)
{
	r->catch_top = c->prev;
}

_Noreturn void hcl_rethrow(struct hcl_run *r)
{
	struct hcl_catch *t = r->catch_top;
	if (r->diag.fatal)
		while (t && t->try_point)
			t = t->prev;
	if (!t) {
		/* a failure with no catch point is a bug in the caller */
		fprintf(stderr, "costplan: internal error: unhandled Terraform reader error: %s\n",
			r->diag.msg);
		exit(CP_EXIT_INTERNAL);
	}
	r->catch_top = t->prev;
	r->depth = t->depth;
	longjmp(t->jb, 1);
}

_Noreturn void hcl_vfail(struct hcl_run *r, bool fatal, const struct hcl_pos *pos,
			 const char *fmt, va_list ap)
{
	r->diag.code = CP_EXIT_DATA;
	r->diag.fatal = fatal;
	if (!pos && fatal && r->where.file)
		pos = &r->where;
	if (pos)
		r->diag.pos = *pos;
	else
		memset(&r->diag.pos, 0, sizeof(r->diag.pos));
	vsnprintf(r->diag.msg, sizeof(r->diag.msg), fmt, ap);
	hcl_rethrow(r);
}

_Noreturn void hcl_fail(struct hcl_run *r, const struct hcl_pos *pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	hcl_vfail(r, false, pos, fmt, ap);
}

_Noreturn void hcl_fail_limit(struct hcl_run *r, const struct hcl_pos *pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	hcl_vfail(r, true, pos, fmt, ap);
}

_Noreturn void hcl_fail_static(struct hcl_run *r, const struct hcl_pos *pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	hcl_vfail(r, true, pos, fmt, ap);
}

_Noreturn void hcl_steps_exceeded(struct hcl_run *r, const struct hcl_pos *pos)
{
	hcl_fail_limit(r, pos,
		       "evaluation limit: more than %ld steps; the configuration computes too much "
		       "to be priced (a huge range(), for_each or nested for?)",
		       (long)HCL_MAX_STEPS);
}

void hcl_enter(struct hcl_run *r, const struct hcl_pos *pos)
{
	if (++r->depth > HCL_MAX_EVAL_DEPTH)
		hcl_fail_limit(r, pos,
			       "evaluation limit: expressions or references nested deeper than %d",
			       HCL_MAX_EVAL_DEPTH);
}

void *hcl_alloc(struct hcl_run *r, size_t n)
{
	size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
	struct arena_chunk *c = r->chunks;
	if (n > HCL_MAX_ARENA)
		goto limit;
	if (!c || c->size - c->used < need) {
		size_t size = need > CHUNK_SIZE / 4 ? need : CHUNK_SIZE;
		if (r->arena_bytes + size > (size_t)HCL_MAX_ARENA)
			goto limit;
		struct arena_chunk *nc = malloc(sizeof(*nc) + size);
		if (!nc) {
			fprintf(stderr, "costplan: out of memory\n");
			exit(CP_EXIT_INTERNAL);
		}
		nc->size = size;
		nc->used = 0;
		r->arena_bytes += size;
		if (size == CHUNK_SIZE || !c) {
			nc->next = c;
			r->chunks = nc;
		} else {
			/* a big block: keep carving the current chunk afterwards */
			nc->next = c->next;
			c->next = nc;
		}
		c = nc;
	}
	void *p = c->data + c->used;
	c->used += need;
	memset(p, 0, n);
	return p;
limit:
	hcl_fail_limit(r, NULL, "memory limit: the configuration needs more than %ld MiB to evaluate",
		       (long)(HCL_MAX_ARENA / (1024 * 1024)));
}

void *hcl_alloc_array(struct hcl_run *r, size_t n, size_t sz)
{
	if (sz && n > (size_t)HCL_MAX_ARENA / sz)
		hcl_fail_limit(r, NULL, "memory limit: an array of %zu elements", n);
	return hcl_alloc(r, n * sz);
}

void *hcl_grow(struct hcl_run *r, void *p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return p;
	size_t nc = *cap ? *cap * 2 : 4;
	while (nc < need)
		nc *= 2;
	void *q = hcl_alloc_array(r, nc, sz);
	if (p && *cap)
		memcpy(q, p, *cap * sz);
	*cap = nc;
	return q;
}

char *hcl_strndup(struct hcl_run *r, const char *s, size_t n)
{
	char *d = hcl_alloc(r, n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static size_t name_hash(const char *s, size_t n)
{
	size_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

const char *hcl_intern(struct hcl_run *r, const char *s, size_t n)
{
	if (r->capnames) {
		for (size_t i = name_hash(s, n) & (r->capnames - 1); r->names[i];
		     i = (i + 1) & (r->capnames - 1))
			if (!strncmp(r->names[i], s, n) && r->names[i][n] == '\0')
				return r->names[i];
	}
	if ((r->nnames + 1) * 2 > r->capnames) {
		size_t cap = r->capnames ? r->capnames * 2 : 256;
		const char **t = hcl_alloc_array(r, cap, sizeof(*t));
		for (size_t i = 0; i < r->capnames; i++) {
			const char *k = r->names[i];
			if (!k)
				continue;
			size_t j = name_hash(k, strlen(k)) & (cap - 1);
			while (t[j])
				j = (j + 1) & (cap - 1);
			t[j] = k;
		}
		r->names = t;
		r->capnames = cap;
	}
	const char *copy = hcl_strndup(r, s, n);
	size_t j = name_hash(s, n) & (r->capnames - 1);
	while (r->names[j])
		j = (j + 1) & (r->capnames - 1);
	r->names[j] = copy;
	r->nnames++;
	return copy;
}

char *hcl_strdup(struct hcl_run *r, const char *s)
{
	return hcl_strndup(r, s, strlen(s));
}

char *hcl_printf(struct hcl_run *r, const char *fmt, ...)
{
	va_list ap;
	char small[256];
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *d = hcl_alloc(r, (size_t)n + 1);
	if ((size_t)n < sizeof(small)) {
		memcpy(d, small, (size_t)n + 1);
	} else {
		va_start(ap, fmt);
		vsnprintf(d, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return d;
}

char *hcl_read_file(struct hcl_run *r, const char *path, const struct hcl_pos *at, size_t *len)
{
	struct stat st;
	struct hcl_pos self = {path, 0, 0};
	char name[200];
	/* located at the file itself, the message need not name it again */
	const char *buf = at ? cp_sanitize(path, name, sizeof(name)) : "the file";
	const struct hcl_pos *where = at ? at : &self;
	if (stat(path, &st) != 0)
		hcl_fail(r, where, "cannot read %s: %s", buf,
			 strerror(errno));
	if (S_ISDIR(st.st_mode))
		hcl_fail(r, where, "cannot read %s: it is a directory",
			 buf);
	if (!S_ISREG(st.st_mode))
		hcl_fail(r, where, "cannot read %s: not a regular file",
			 buf);
	if (st.st_size > HCL_MAX_FILE_BYTES)
		hcl_fail_limit(r, where, "size limit: %s is larger than %ld MiB",
			       buf,
			       (long)(HCL_MAX_FILE_BYTES / (1024 * 1024)));
	size_t size = (size_t)st.st_size;
	if (r->source_bytes + size > (size_t)TF_MAX_SOURCE_BYTES)
		hcl_fail_limit(r, where, "size limit: more than %ld MiB of configuration files",
			       (long)(TF_MAX_SOURCE_BYTES / (1024 * 1024)));
	r->source_bytes += size;
	/* allocate before opening: a limit error must not leave a FILE open */
	char *text = hcl_alloc(r, size + 2);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		hcl_fail(r, where, "cannot read %s: %s", buf,
			 strerror(errno));
	size_t got = fread(text, 1, size + 1, fp);
	int err = ferror(fp);
	fclose(fp);
	if (err)
		hcl_fail(r, where, "cannot read %s: read error", buf);
	if (got > size)
		hcl_fail(r, where, "cannot read %s: it changed while being read",
			 buf);
	text[got] = '\0';
	*len = got;
	return text;
}
