/*
 * error.c - stderr messages with locations, and the allocation wrappers.
 * See error.h for the conventions.
 */
#include "util/error.h"

#include "util/utf8.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cp_quiet;

/* While capturing (cp_error_capture_begin), the last message is kept here
 * instead of printed (the last is the summary: "the step ... does not fit"). Main thread only: nothing captures while the
 * simulation's workers run. */
static bool capture_on;
static char *captured;

void cp_error_capture_begin(void)
{
	free(captured);
	captured = NULL;
	capture_on = true;
}

char *cp_error_capture_end(void)
{
	char *c = captured;
	captured = NULL;
	capture_on = false;
	return c;
}

int cp_verror_at(int code, const struct cp_loc *loc, const char *fmt, va_list ap)
{
	if (capture_on) {
		{
			free(captured);
			char *msg = xvasprintf(fmt, ap);
			if (loc && loc->file && loc->line > 0 && loc->col > 0)
				captured = xasprintf("%s:%d:%d: %s", loc->file, loc->line, loc->col, msg);
			else if (loc && loc->file && loc->line > 0)
				captured = xasprintf("%s:%d: %s", loc->file, loc->line, msg);
			else if (loc && loc->file)
				captured = xasprintf("%s: %s", loc->file, msg);
			else
				captured = xstrdup(msg);
			free(msg);
		}
		return code;
	}
	fflush(stdout);
	fputs("costplan: ", stderr);
	if (loc && loc->file) {
		fputs(loc->file, stderr);
		if (loc->line > 0) {
			fprintf(stderr, ":%d", loc->line);
			if (loc->col > 0)
				fprintf(stderr, ":%d", loc->col);
		}
		fputs(": ", stderr);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	return code;
}

int cp_error_at(int code, const struct cp_loc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cp_verror_at(code, loc, fmt, ap);
	va_end(ap);
	return code;
}

int cp_error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cp_verror_at(code, NULL, fmt, ap);
	va_end(ap);
	return code;
}

void cp_warn(const char *fmt, ...)
{
	va_list ap;
	if (cp_quiet)
		return;
	fflush(stdout);
	va_start(ap, fmt);
	fputs("costplan: warning: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

static void out_of_memory(size_t n)
{
	fprintf(stderr, "costplan: out of memory (allocating %zu bytes)\n", n);
	exit(CP_EXIT_INTERNAL);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	char buf[256], *p;
	int n;

	/* most strings fit the buffer: formatted once, not measured first */
	va_copy(copy, ap);
	n = vsnprintf(buf, sizeof(buf), fmt, copy);
	va_end(copy);
	if (n < 0)
		out_of_memory(0);
	p = xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof(buf))
		memcpy(p, buf, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void strv_push_unique(char ***v, size_t *n, char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0) {
			free(s);
			return;
		}
	*v = xrealloc(*v, (*n + 1) * sizeof(char *));
	(*v)[(*n)++] = s;
}

char *cp_sanitize(const char *s, char *buf, size_t size)
{
	size_t o = 0;
	static const char hex[] = "0123456789abcdef";

	/* Room kept before each character: its longest form ("U+202E", 6),
	 * then "..." and the NUL. (8 was enough for "\xNN"; with "U+XXXX" the
	 * fuzzer found a one-byte overflow.) */
	enum { ROOM = 6 + 3 + 1 };
	if (size < ROOM) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (o + ROOM > size) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		long cp = c;
		int len = c < 0x80 ? 1 : utf8_next(s, &cp);
		if (utf8_unsafe_for_terminal(cp) && (cp < 0x80)) {
			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hex[c >> 4];
			buf[o++] = hex[c & 15];
		} else if (utf8_unsafe_for_terminal(cp)) {
			o += (size_t)snprintf(buf + o, size - o, "U+%04lX", cp);
			s += len - 1;
		} else {
			memcpy(buf + o, s, (size_t)len);
			o += (size_t)len;
			s += len - 1;
		}
	}
	buf[o] = '\0';
	return buf;
}
