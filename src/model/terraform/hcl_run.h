/*
 * hcl_run.h - one load of a Terraform configuration: its memory arena, its
 * work counters, and how errors unwind.
 *
 * Memory: everything the reader builds while parsing and evaluating
 * (source text, syntax trees, values, module state) is carved from one
 * arena owned by struct hcl_run and released at once by hcl_run_free().
 * Values are shared freely and never freed one by one; that is what keeps
 * the evaluator simple and leak-free. The arena is capped (HCL_MAX_ARENA).
 * Allocations are 8-byte aligned: nothing in the arena needs more.
 *
 * Errors: the parser and the evaluator never return error codes. They call
 * hcl_fail() (an ordinary error: a syntax error, a type mismatch, a missing
 * key), which longjmps to the innermost catch point: try()/can() during
 * evaluation, else the caller's. Limit errors (hcl_fail_limit: steps,
 * depth, sizes, arena) and static ones (hcl_fail_static: undeclared names,
 * cycles) are fatal: they skip try()/can() and reach the caller's catch
 * point. Because control can leave
 * any function that way, code between a catch point and a failure must own
 * nothing outside the arena (no malloc, no open FILE, no regex_t).
 *
 * Ownership: struct hcl_run owns its arena; nothing it hands out outlives
 * hcl_run_free().
 */
#ifndef COSTPLAN_HCL_RUN_H
#define COSTPLAN_HCL_RUN_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/terraform/hcl_limits.h"
#include "util/error.h"

/* A place in a source file; file is borrowed (lives in the arena). */
struct hcl_pos {
	const char *file;
	int line;
	int col;
};

/* The error being unwound, or the one that stopped the load. */
struct hcl_diag {
	int code;   /* CP_EXIT_DATA for everything the input can cause */
	bool fatal; /* a limit: not caught by try()/can() */
	struct hcl_pos pos;
	char msg[640];
};

struct hcl_catch {
	jmp_buf jb;
	struct hcl_catch *prev;
	bool try_point;       /* try()/can(): limit errors pass through it */
	int depth;             /* evaluation depth to restore on a catch */
};

struct arena_chunk;

struct hcl_run {
	struct arena_chunk *chunks;
	size_t arena_bytes; /* bytes reserved from the system */
	struct hcl_catch *catch_top;
	struct hcl_diag diag;
	long steps;
	int depth;
	size_t source_bytes;
	const char **names; /* interned names (hash table of cap slots) */
	size_t nnames, capnames;
	struct hcl_pos where; /* the expression being evaluated: the place of a
				 limit error raised without one */
};

void hcl_run_init(struct hcl_run *r);
void hcl_run_free(struct hcl_run *r);

/*
 * Catch points. Use as:
 *     struct hcl_catch c;
 *     hcl_catch_push(r, &c, false);
 *     if (setjmp(c.jb)) { ...failed (c already popped): r->diag... }
 *     else { ...work...; hcl_catch_pop(r, &c); }
 * try_point true is a try()/can() point, which limit errors pass through;
 * false catches everything (the caller's point, and cleanup guards that
 * release a non-arena resource and rethrow). The work must pop before
 * leaving normally. Locals changed between setjmp and the failure must be
 * volatile.
 */
void hcl_catch_push(struct hcl_run *r, struct hcl_catch *c, bool try_point);
void hcl_catch_pop(struct hcl_run *r, struct hcl_catch *c);

/* An ordinary error at pos (may be NULL): unwinds to the innermost catch. */
_Noreturn void hcl_fail(struct hcl_run *r, const struct hcl_pos *pos, const char *fmt, ...)
	CP_PRINTF(3, 4);
_Noreturn void hcl_vfail(struct hcl_run *r, bool fatal, const struct hcl_pos *pos,
			 const char *fmt, va_list ap) CP_PRINTF(4, 0);
/* A limit: unwinds past try()/can() to the caller. */
_Noreturn void hcl_fail_limit(struct hcl_run *r, const struct hcl_pos *pos, const char *fmt, ...)
	CP_PRINTF(3, 4);
/* An error Terraform finds before evaluating anything (a reference to
 * something not declared, a cycle): try()/can() do not catch it either. */
_Noreturn void hcl_fail_static(struct hcl_run *r, const struct hcl_pos *pos, const char *fmt, ...)
	CP_PRINTF(3, 4);
/* Rethrow r->diag as it is (after a catch that does not handle it). */
_Noreturn void hcl_rethrow(struct hcl_run *r);

/* Arena allocation, zeroed; fails with a limit error past HCL_MAX_ARENA. */
void *hcl_alloc(struct hcl_run *r, size_t n);
/* An arena array of n elements of size sz, checked for overflow. */
void *hcl_alloc_array(struct hcl_run *r, size_t n, size_t sz);
/* Grow an arena array from *cap to at least need elements (old storage is
 * abandoned to the arena). */
void *hcl_grow(struct hcl_run *r, void *p, size_t *cap, size_t need, size_t sz);
char *hcl_strndup(struct hcl_run *r, const char *s, size_t n);
/* One shared copy of a name (identifiers, attribute names, keys): a
 * configuration repeats the same few hundred names thousands of times. */
const char *hcl_intern(struct hcl_run *r, const char *s, size_t n);
char *hcl_strdup(struct hcl_run *r, const char *s);
char *hcl_printf(struct hcl_run *r, const char *fmt, ...) CP_PRINTF(2, 3);

/* Count one unit of work (at pos, when known); a limit error past
 * HCL_MAX_STEPS. */
static inline void hcl_step(struct hcl_run *r, const struct hcl_pos *pos)
{
	extern _Noreturn void hcl_steps_exceeded(struct hcl_run *, const struct hcl_pos *);
	if (pos)
		r->where = *pos;
	if (++r->steps > HCL_MAX_STEPS)
		hcl_steps_exceeded(r, pos);
}
/* Enter / leave one level of evaluation depth (limit HCL_MAX_EVAL_DEPTH). */
void hcl_enter(struct hcl_run *r, const struct hcl_pos *pos);
static inline void hcl_leave(struct hcl_run *r)
{
	r->depth--;
}

/* Read a whole file into the arena (NUL-terminated), refusing files over
 * HCL_MAX_FILE_BYTES and counting TF_MAX_SOURCE_BYTES. On failure an
 * ordinary error located at `at` (or at the file itself). */
char *hcl_read_file(struct hcl_run *r, const char *path, const struct hcl_pos *at, size_t *len);

#endif
