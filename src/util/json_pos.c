/*
 * json_pos.c - a forgiving JSON scanner that records value positions.
 * It never validates: jansson already did. Depth is capped so hostile
 * nesting cannot exhaust the stack.
 */
#include "util/json_pos.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

#define MAX_DEPTH 128
#define MAX_PATH 1024

struct entry {
	char *path;
	int line, col;
	size_t seq; /* order of appearance: the first of equal (cut) paths wins */
};

struct json_pos {
	struct entry *e;
	size_t n, cap;
};

struct scan {
	const char *s;
	int line, col;
	struct json_pos *out;
};

static void adv(struct scan *sc)
{
	if (!*sc->s)
		return;
	if (*sc->s == '\n') {
		sc->line++;
		sc->col = 1;
	} else if (((unsigned char)*sc->s & 0xC0) != 0x80) {
		sc->col++; /* count characters, not UTF-8 continuation bytes */
	}
	sc->s++;
}

static void ws(struct scan *sc)
{
	while (*sc->s == ' ' || *sc->s == '\t' || *sc->s == '\n' || *sc->s == '\r')
		adv(sc);
}

static void record(struct scan *sc, const char *path, int line, int col)
{
	struct json_pos *p = sc->out;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->e = xrealloc(p->e, p->cap * sizeof(*p->e));
	}
	p->e[p->n].path = xstrdup(path);
	p->e[p->n].line = line;
	p->e[p->n].col = col;
	p->e[p->n].seq = p->n;
	p->n++;
}

/* Reads a string at sc->s (on the opening quote) into buf (unescaped
 * loosely: \uXXXX kept as-is, other escapes reduced to their character). */
static void read_string(struct scan *sc, char *buf, size_t size)
{
	size_t o = 0;
	adv(sc); /* opening quote */
	while (*sc->s && *sc->s != '"') {
		char c = *sc->s;
		if (c == '\\' && sc->s[1]) {
			adv(sc);
			c = *sc->s;
			if (c == 'n')
				c = '\n';
			else if (c == 't')
				c = '\t';
		}
		if (o + 1 < size)
			buf[o++] = c;
		adv(sc);
	}
	if (*sc->s == '"')
		adv(sc);
	buf[o] = '\0';
}

static void value(struct scan *sc, char *path, size_t plen, int depth);

static void object(struct scan *sc, char *path, size_t plen, int depth)
{
	char key[256];
	adv(sc); /* { */
	for (;;) {
		ws(sc);
		if (*sc->s != '"')
			break;
		int line = sc->line, col = sc->col;
		read_string(sc, key, sizeof(key));
		size_t n = plen;
		if (n && n + 1 < MAX_PATH)
			path[n++] = '.';
		size_t kl = strlen(key);
		if (n + kl >= MAX_PATH)
			kl = MAX_PATH - n - 1;
		memcpy(path + n, key, kl);
		path[n + kl] = '\0';
		record(sc, path, line, col);
		ws(sc);
		if (*sc->s == ':')
			adv(sc);
		value(sc, path, n + kl, depth + 1);
		path[plen] = '\0';
		ws(sc);
		if (*sc->s == ',') {
			adv(sc);
			continue;
		}
		break;
	}
	if (*sc->s == '}')
		adv(sc);
}

static void array(struct scan *sc, char *path, size_t plen, int depth)
{
	adv(sc); /* [ */
	for (int i = 0;; i++) {
		ws(sc);
		if (*sc->s == ']' || !*sc->s)
			break;
		int w = snprintf(path + plen, MAX_PATH - plen, "[%d]", i);
		size_t n = plen + (w > 0 ? (size_t)w : 0);
		if (n >= MAX_PATH)
			n = MAX_PATH - 1;
		record(sc, path, sc->line, sc->col);
		value(sc, path, n, depth + 1);
		path[plen] = '\0';
		ws(sc);
		if (*sc->s == ',') {
			adv(sc);
			continue;
		}
		break;
	}
	if (*sc->s == ']')
		adv(sc);
}

static void value(struct scan *sc, char *path, size_t plen, int depth)
{
	char tmp[8];
	ws(sc);
	if (depth > MAX_DEPTH) {
		sc->s += strlen(sc->s); /* give up: jansson rejects such depth anyway */
		return;
	}
	switch (*sc->s) {
	case '{':
		object(sc, path, plen, depth);
		break;
	case '[':
		array(sc, path, plen, depth);
		break;
	case '"':
		read_string(sc, tmp, sizeof(tmp));
		break;
	default:
		while (*sc->s && !strchr(",}] \t\r\n", *sc->s))
			adv(sc);
	}
}

static int by_path(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

struct json_pos *json_pos_scan(const char *text)
{
	struct json_pos *p = xcalloc(1, sizeof(*p));
	struct scan sc = {text, 1, 1, p};
	char path[MAX_PATH] = "";
	value(&sc, path, 0, 0);
	/* sorted for binary search: a linear search per lookup made a file of
	 * 20000 resources, each looked up, quadratic (and 2 million array
	 * elements times 20000 lookups, a stall of minutes) */
	if (p->n > 1)
		qsort(p->e, p->n, sizeof(*p->e), by_path);
	return p;
}

void json_pos_free(struct json_pos *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->e[i].path);
	free(p->e);
	free(p);
}

int json_pos_find(const struct json_pos *p, const char *path, int *line, int *col)
{
	if (!p)
		return -1;
	size_t lo = 0, hi = p->n; /* first entry with e.path >= path */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(p->e[mid].path, path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < p->n && strcmp(p->e[lo].path, path) == 0) {
		*line = p->e[lo].line;
		*col = p->e[lo].col;
		return 0;
	}
	return -1;
}

int json_verror(struct json_errors *e, const char *docpath, const char *fmt, va_list ap)
{
	struct cp_loc loc = {e->file, 0, 0};
	if (e->stop)
		return -1;
	if (docpath)
		json_pos_find(e->pos, docpath, &loc.line, &loc.col);
	cp_verror_at(CP_EXIT_DATA, &loc, fmt, ap);
	if (++e->errors >= e->max && e->max > 0) {
		cp_error(CP_EXIT_DATA, "%s: stopping after %d problems", e->file, e->max);
		e->stop = true;
	}
	return -1;
}

int json_error(struct json_errors *e, const char *docpath, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	json_verror(e, docpath, fmt, ap);
	va_end(ap);
	return -1;
}
