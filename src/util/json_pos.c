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

/* An overlay that changed the document: its name and its own positions. */
struct source {
	char *label;
	const struct json_pos *pos; /* may be NULL */
	bool owned;
};

/* A path an overlay set: values at, under or above it came from there. */
struct origin {
	char *path;
	size_t source;
	bool removed; /* the overlay removed what was there (a null) */
};

struct json_pos {
	struct entry *e;
	size_t n, cap;
	/* a layer (json_pos_layer): looked up first, then base */
	const struct json_pos *base;
	struct source *src;
	size_t nsrc;
	struct origin *o;
	size_t no;
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

struct json_pos *json_pos_new(void)
{
	return xcalloc(1, sizeof(struct json_pos));
}

void json_pos_add(struct json_pos *p, const char *path, int line, int col)
{
	struct scan sc = {NULL, 0, 0, p};
	record(&sc, path, line, col);
}

void json_pos_sort(struct json_pos *p)
{
	if (p->n > 1)
		qsort(p->e, p->n, sizeof(*p->e), by_path);
}

void json_pos_free(struct json_pos *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		free(p->e[i].path);
	free(p->e);
	for (size_t i = 0; i < p->nsrc; i++) {
		free(p->src[i].label);
		if (p->src[i].owned)
			json_pos_free((struct json_pos *)p->src[i].pos);
	}
	free(p->src);
	for (size_t i = 0; i < p->no; i++)
		free(p->o[i].path);
	free(p->o);
	free(p);
}

struct json_pos *json_pos_layer(const struct json_pos *base)
{
	struct json_pos *p = xcalloc(1, sizeof(*p));
	p->base = base;
	return p;
}

size_t json_pos_source(struct json_pos *p, const char *label, const struct json_pos *pos,
		       bool take)
{
	p->src = xrealloc(p->src, (p->nsrc + 1) * sizeof(*p->src));
	p->src[p->nsrc] = (struct source){xstrdup(label), pos, take};
	return p->nsrc++;
}

void json_pos_origin(struct json_pos *p, size_t source, const char *path, bool removed)
{
	/* a huge patch records only so many paths; the rest of its values
	 * are reported against the document (a bound, not a loss of checks) */
	if (p->no >= JSON_POS_MAX_ORIGINS || source >= p->nsrc)
		return;
	p->o = xrealloc(p->o, (p->no + 1) * sizeof(*p->o));
	p->o[p->no++] = (struct origin){xstrdup(path), source, removed};
}

/* Is a a path at or under b ("x.y" is under "x"; "x[1]" under "x")? */
static bool under(const char *a, const char *b)
{
	size_t n = strlen(b);
	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '.' || a[n] == '[');
}

/* The first k dot-separated parts of path, in buf ("" when fewer). */
static const char *head_parts(const char *path, int k, char *buf, size_t size)
{
	const char *p = path;
	for (int i = 0; i < k; i++) {
		p = strchr(p, '.');
		if (!p) {
			if (i == k - 1) {
				p = path + strlen(path);
				break;
			}
			buf[0] = '\0';
			return buf;
		}
		if (i < k - 1)
			p++;
	}
	size_t n = (size_t)(p - path);
	if (n >= size)
		n = size - 1;
	memcpy(buf, path, n);
	buf[n] = '\0';
	return buf;
}

void json_pos_locate(const struct json_pos *p, const char *docpath, struct cp_loc *loc,
		     char *after, size_t size)
{
	char h1[512], h2[512];
	if (after && size)
		after[0] = '\0';
	for (const struct json_pos *l = p; l; l = l->base) {
		/* the latest overlay that set this value (or a part of it) */
		for (size_t i = l->no; i-- > 0;) {
			const struct origin *o = &l->o[i];
			if (!under(docpath, o->path) && !under(o->path, docpath))
				continue;
			const struct source *s = &l->src[o->source];
			loc->file = s->label;
			loc->line = loc->col = 0;
			if (json_pos_find(s->pos, docpath, &loc->line, &loc->col) != 0)
				json_pos_find(s->pos, o->path, &loc->line, &loc->col);
			return;
		}
		/* an overlay that changed the same resource: the problem is
		 * where the document says, after that overlay */
		head_parts(docpath, 3, h1, sizeof(h1));
		for (size_t i = l->no; h1[0] && after && i-- > 0;) {
			if (strcmp(head_parts(l->o[i].path, 3, h2, sizeof(h2)), h1) == 0) {
				snprintf(after, size, "%s", l->src[l->o[i].source].label);
				break;
			}
		}
		/* else an overlay that removed something (a resource a
		 * reference names, say) is the likely cause */
		for (size_t i = l->no; after && !after[0] && i-- > 0;)
			if (l->o[i].removed)
				snprintf(after, size, "%s", l->src[l->o[i].source].label);
		if (json_pos_find(l, docpath, &loc->line, &loc->col) == 0)
			return;
	}
}

int json_pos_find(const struct json_pos *p, const char *path, int *line, int *col)
{
	for (; p && p->n == 0 && p->base; p = p->base)
		; /* an empty layer: its base's positions */
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
	char after[256] = "";
	if (e->stop)
		return -1;
	if (docpath)
		json_pos_locate(e->pos, docpath, &loc, after, sizeof(after));
	if (after[0]) {
		char msg[2048];
		vsnprintf(msg, sizeof(msg), fmt, ap);
		cp_error_at(CP_EXIT_DATA, &loc, "%s (after %s)", msg, after);
	} else {
		cp_verror_at(CP_EXIT_DATA, &loc, fmt, ap);
	}
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
