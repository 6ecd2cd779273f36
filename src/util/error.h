/*
 * error.h - exit codes and the messages costplan prints.
 *
 * Every message goes to stderr as "costplan: <text>", with a location
 * "<file>:<line>:<col>: " in front of the text when one exists. The
 * functions that report an error return the exit code they were given, so
 * call sites read `return cp_error(CP_EXIT_DATA, "...")`.
 *
 * Exit codes are a contract (README, man page): never renumber them.
 */
#ifndef COSTPLAN_ERROR_H
#define COSTPLAN_ERROR_H

#include <stdarg.h>
#include <stddef.h>

#define CP_PRINTF(f, a) __attribute__((format(printf, f, a)))

enum cp_exit {
	CP_EXIT_OK = 0,        /* success */
	CP_EXIT_GUARDRAIL = 1, /* a budget or threshold guardrail tripped */
	CP_EXIT_USAGE = 2,     /* bad command line */
	CP_EXIT_DATA = 3,      /* bad input data (scenario, plan, price file) */
	CP_EXIT_IO = 4,        /* I/O or network failure */
	CP_EXIT_INTERNAL = 5,  /* a bug: please report it */
};

/* A place in an input file; line/col 0 mean "unknown". Borrowed strings. */
struct cp_loc {
	const char *file;
	int line;
	int col;
};

/* Print "costplan: <fmt>" to stderr; returns code. */
int cp_error(int code, const char *fmt, ...) CP_PRINTF(2, 3);
/* Print "costplan: file:line:col: <fmt>" (parts that are 0/NULL omitted). */
int cp_error_at(int code, const struct cp_loc *loc, const char *fmt, ...) CP_PRINTF(3, 4);
int cp_verror_at(int code, const struct cp_loc *loc, const char *fmt, va_list ap);
/*
 * Hold errors back: between begin and end, cp_error* print nothing and the
 * last message (without "costplan: "), the one that sums up, is kept; end returns it (NULL when
 * none; caller frees). For work whose failure the caller reports in its own
 * words, such as upgrade steps that do not fit a user's stack in export.
 */
void cp_error_capture_begin(void);
char *cp_error_capture_end(void);

/* "costplan: warning: <fmt>" unless cp_quiet is set. */
void cp_warn(const char *fmt, ...) CP_PRINTF(1, 2);

/* Set by --quiet: mutes warnings, never errors. */
extern int cp_quiet;

/* Allocation that never returns NULL: exits with CP_EXIT_INTERNAL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Formatted allocation; caller frees. */
char *xasprintf(const char *fmt, ...) CP_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap) CP_PRINTF(1, 0);
/*
 * Append s to the growable string list *v (*n entries) unless an equal
 * string is already there; takes ownership of s (freed when a duplicate).
 */
void strv_push_unique(char ***v, size_t *n, char *s);

/*
 * Make a string from an input file safe to print on a terminal or inside a
 * one-line message: control characters (including ESC) and bytes that are
 * not UTF-8 become \xNN, C1 controls and bidi overrides U+XXXX (utf8.h),
 * and the result is cut at max bytes with "...". Returns buf.
 */
char *cp_sanitize(const char *s, char *buf, size_t size);

#endif
