/*
 * offer_json_stream.c - JSON offer files of any size. See offer.h.
 *
 * jansson builds whole documents, and the AmazonEC2 JSON is ~450 MB per
 * region (a ~2.5 GB DOM). This file walks the top-level object itself with
 * a tiny byte-level scanner (strings, escapes, nesting) and hands jansson
 * one product or one SKU's terms at a time (json_loadb on the captured
 * bytes), so memory is bounded by the largest single product or term
 * (OFFER_JSON_MAX_VALUE) plus the kept products.
 *
 * Pass 1 reads the metadata strings and the products (keep() decides; a
 * file whose "offerCode" comes after "products" gets one more pass), pass 2
 * the terms.OnDemand of kept SKUs. Rows carry the same columns as
 * offer_json_read's.
 */
#include "pricing/offer.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

#define OFFER_JSON_MAX_VALUE (16 * 1024 * 1024)
#define BUFSZ (1024 * 1024)

struct strbuf {
	char *p;
	size_t n, cap;
};

static void sb_put(struct strbuf *b, char c)
{
	if (b->n + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->p = xrealloc(b->p, b->cap);
	}
	b->p[b->n++] = c;
	b->p[b->n] = '\0';
}

struct js {
	FILE *f;
	const char *path;
	char *buf;
	size_t pos, len;
	int line;
	struct strbuf cap;
	int capturing;
	int rc;
};

static int js_fail(struct js *j, const char *what)
{
	if (!j->rc) {
		struct cp_loc loc = {j->path, j->line, 0};
		j->rc = cp_error_at(CP_EXIT_DATA, &loc, "not an AWS Price List JSON offer file: %s",
				    what);
	}
	return -1;
}

static int js_peek(struct js *j)
{
	if (j->rc)
		return -1;
	if (j->pos == j->len) {
		j->len = fread(j->buf, 1, BUFSZ, j->f);
		j->pos = 0;
		if (j->len == 0) {
			if (ferror(j->f))
				j->rc = cp_error(CP_EXIT_IO, "%s: read error: %s", j->path, strerror(errno));
			return -1;
		}
	}
	return (unsigned char)j->buf[j->pos];
}

static int js_get(struct js *j)
{
	int c = js_peek(j);
	if (c < 0)
		return c;
	j->pos++;
	if (c == '\n')
		j->line++;
	if (j->capturing) {
		if (j->cap.n >= OFFER_JSON_MAX_VALUE)
			return js_fail(j, "a product or term larger than 16 MB");
		sb_put(&j->cap, (char)c);
	}
	return c;
}

static int js_ws(struct js *j)
{
	int c;
	while ((c = js_peek(j)) == ' ' || c == '\n' || c == '\r' || c == '\t')
		js_get(j);
	return c;
}

static int js_expect(struct js *j, char want)
{
	if (js_ws(j) != want) {
		char m[40];
		snprintf(m, sizeof(m), "expected '%c'", want);
		return js_fail(j, m);
	}
	js_get(j);
	return 0;
}

/* A string (the opening quote next), decoded into out (may be NULL: skip). */
static int js_string(struct js *j, struct strbuf *out)
{
	int c;
	if (out)
		out->n = 0;
	if (js_expect(j, '"'))
		return -1;
	while ((c = js_get(j)) != '"') {
		if (c < 0)
			return js_fail(j, "unterminated string");
		if (c == '\\') {
			c = js_get(j);
			switch (c) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'u': {
				unsigned v = 0;
				for (int i = 0; i < 4; i++) {
					int h = js_get(j);
					v = v * 16 + (unsigned)(h >= '0' && h <= '9' ? h - '0'
								   : (h | 32) >= 'a' && (h | 32) <= 'f' ? (h | 32) - 'a' + 10
								   : 0);
				}
				if (out) { /* BMP to UTF-8; surrogate pairs are rare in keys: kept as is */
					if (v < 0x80) {
						sb_put(out, (char)v);
					} else if (v < 0x800) {
						sb_put(out, (char)(0xC0 | (v >> 6)));
						sb_put(out, (char)(0x80 | (v & 0x3F)));
					} else {
						sb_put(out, (char)(0xE0 | (v >> 12)));
						sb_put(out, (char)(0x80 | ((v >> 6) & 0x3F)));
						sb_put(out, (char)(0x80 | (v & 0x3F)));
					}
				}
				continue;
			}
			default:
				if (c < 0)
					return js_fail(j, "unterminated string");
			}
		}
		if (out)
			sb_put(out, (char)c);
	}
	if (out && !out->p)
		sb_put(out, '\0'), out->n = 0;
	return 0;
}

/* Consume one value of any kind. */
static int js_value(struct js *j)
{
	int c = js_ws(j);
	if (c == '"')
		return js_string(j, NULL);
	if (c == '{' || c == '[') {
		/* the hot loop: a whole buffer at a time, appended in bulk */
		int depth = 0, instr = 0, esc = 0, done = 0;
		while (!done) {
			if (js_peek(j) < 0)
				return js_fail(j, "the file ends inside an object");
			const char *b = j->buf + j->pos, *e = j->buf + j->len, *q = b;
			for (; q < e; q++) {
				char ch = *q;
				if (instr) {
					if (esc)
						esc = 0;
					else if (ch == '\\')
						esc = 1;
					else if (ch == '"')
						instr = 0;
				} else if (ch == '"') {
					instr = 1;
				} else if (ch == '{' || ch == '[') {
					depth++;
				} else if (ch == '}' || ch == ']') {
					if (--depth == 0) {
						q++;
						done = 1;
						break;
					}
				} else if (ch == '\n') {
					j->line++;
				}
			}
			size_t n = (size_t)(q - b);
			if (j->capturing) {
				if (j->cap.n + n >= OFFER_JSON_MAX_VALUE)
					return js_fail(j, "a product or term larger than 16 MB");
				if (j->cap.n + n + 1 > j->cap.cap) {
					while (j->cap.n + n + 1 > j->cap.cap)
						j->cap.cap = j->cap.cap ? j->cap.cap * 2 : 4096;
					j->cap.p = xrealloc(j->cap.p, j->cap.cap);
				}
				memcpy(j->cap.p + j->cap.n, b, n);
				j->cap.n += n;
				j->cap.p[j->cap.n] = '\0';
			}
			j->pos += n;
		}
		return 0;
	}
	if (c < 0)
		return js_fail(j, "the file ends where a value should be");
	while ((c = js_peek(j)) >= 0 && !strchr(",}] \t\r\n", c))
		js_get(j);
	return 0;
}

/* Capture one value and parse it with jansson. */
static json_t *js_capture(struct js *j)
{
	json_error_t err;
	js_ws(j);
	j->cap.n = 0;
	j->capturing = 1;
	int r = js_value(j);
	j->capturing = 0;
	if (r)
		return NULL;
	json_t *v = json_loadb(j->cap.p, j->cap.n, 0, &err);
	if (!v)
		js_fail(j, err.text);
	return v;
}

/* Walk the members of an object: each(key) consumes the value. */
static int js_object(struct js *j, int (*each)(struct js *, const char *, void *), void *ctx)
{
	struct strbuf key = {NULL, 0, 0};
	int rc = 0;
	if (js_expect(j, '{'))
		return -1;
	if (js_ws(j) == '}') {
		js_get(j);
		return 0;
	}
	for (;;) {
		if (js_string(j, &key) || js_expect(j, ':')) {
			rc = -1;
			break;
		}
		if ((rc = each(j, key.p ? key.p : "", ctx)) != 0)
			break;
		int c = js_ws(j);
		js_get(j);
		if (c == '}')
			break;
		if (c != ',') {
			rc = js_fail(j, "expected ',' or '}'");
			break;
		}
	}
	free(key.p);
	return rc ? -1 : 0;
}

/* ---- the offer -------------------------------------------------------------- */

static const char *const FIXED[] = {"SKU",	     "OfferTermCode",	 "RateCode",
				    "TermType",	     "PriceDescription", "EffectiveDate",
				    "StartingRange", "EndingRange",	 "Unit",
				    "PricePerUnit",  "Currency",	 "Product Family"};
#define NFIXED (sizeof(FIXED) / sizeof(FIXED[0]))
static const char *const META[] = {"formatVersion", "disclaimer", "publicationDate", "version",
				   "offerCode"};

struct st {
	const char *path;
	offer_product_cb keep;
	offer_meta_cb meta_cb;
	offer_row_cb row_cb;
	void *ctx;
	char *meta[5];
	int products_done, products_skipped;
	json_t *kept; /* sku -> product */
	/* header */
	struct offer_header hdr;
	char **keys; /* JSON key per column (NULL for fixed) */
	int cbrc;    /* a callback's code */
};

static const char *str_or_empty(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static int on_product(struct js *j, const char *sku, void *vctx)
{
	struct st *s = vctx;
	json_t *p = js_capture(j);
	if (!p)
		return -1;
	json_t *attrs = json_object_get(p, "attributes");
	if (!json_is_object(p) || (attrs && !json_is_object(attrs))) {
		json_decref(p);
		return js_fail(j, "a malformed product");
	}
	/* the product as a row: fixed columns, then its attributes */
	size_t na = json_object_size(attrs), n = 4 + na, i = 4;
	char **names = xcalloc(n, sizeof(char *)), **vals = xcalloc(n, sizeof(char *));
	names[0] = xstrdup("SKU");
	vals[0] = xstrdup(sku);
	names[1] = xstrdup("Product Family");
	vals[1] = xstrdup(str_or_empty(p, "productFamily"));
	names[2] = xstrdup("TermType");
	vals[2] = xstrdup("OnDemand");
	names[3] = xstrdup("Currency");
	vals[3] = xstrdup("USD");
	const char *k;
	json_t *v;
	json_object_foreach(attrs, k, v) {
		names[i] = offer_json_csv_name(k);
		vals[i] = xstrdup(json_is_string(v) ? json_string_value(v) : "");
		i++;
	}
	struct offer_header h = {names, i};
	struct offer_row row = {&h, vals, i, j->line};
	int keep = s->keep(s->meta[4] ? s->meta[4] : "", &row, s->ctx);
	for (size_t q = 0; q < i; q++) {
		free(names[q]);
		free(vals[q]);
	}
	free(names);
	free(vals);
	if (keep < 0) {
		json_decref(p);
		s->cbrc = CP_EXIT_DATA;
		return -1;
	}
	if (keep)
		json_object_set_new(s->kept, sku, p);
	else
		json_decref(p);
	return 0;
}

static int pass1(struct js *j, const char *key, void *vctx)
{
	struct st *s = vctx;
	for (int i = 0; i < 5; i++)
		if (strcmp(key, META[i]) == 0 && js_ws(j) == '"') {
			struct strbuf b = {NULL, 0, 0};
			int r = js_string(j, &b);
			free(s->meta[i]);
			s->meta[i] = b.p ? b.p : xstrdup("");
			return r;
		}
	if (strcmp(key, "products") == 0 && !s->products_done) {
		if (!s->meta[4]) { /* offerCode not seen yet: another pass */
			s->products_skipped = 1;
			return js_value(j);
		}
		s->products_done = 1;
		return js_object(j, on_product, s);
	}
	return js_value(j);
}

static int pass1b(struct js *j, const char *key, void *vctx)
{
	struct st *s = vctx;
	if (strcmp(key, "products") == 0 && !s->products_done) {
		s->products_done = 1;
		return js_object(j, on_product, s);
	}
	return js_value(j);
}

static void add_col(struct st *s, const char *key)
{
	char *name = offer_json_csv_name(key);
	for (size_t i = NFIXED; i < s->hdr.n; i++)
		if (strcmp(s->hdr.names[i], name) == 0) {
			free(name);
			return;
		}
	if (s->hdr.n >= OFFER_MAX_COLUMNS) {
		free(name);
		return;
	}
	s->hdr.names = xrealloc(s->hdr.names, (s->hdr.n + 1) * sizeof(char *));
	s->keys = xrealloc(s->keys, (s->hdr.n + 1) * sizeof(char *));
	s->hdr.names[s->hdr.n] = name;
	s->keys[s->hdr.n] = xstrdup(key);
	s->hdr.n++;
}

static int on_sku_terms(struct js *j, const char *sku, void *vctx)
{
	struct st *s = vctx;
	json_t *p = json_object_get(s->kept, sku);
	if (!p)
		return js_value(j);
	json_t *terms = js_capture(j);
	if (!terms)
		return -1;
	const char *why = NULL;
	int rc = offer_json_term_rows(sku, p, terms, &s->hdr, s->keys, s->row_cb, s->ctx, &why);
	json_decref(terms);
	if (rc < 0)
		return js_fail(j, why);
	if (rc > 0) {
		s->cbrc = rc;
		return -1;
	}
	return 0;
}

static int on_term_type(struct js *j, const char *key, void *vctx)
{
	if (strcmp(key, "OnDemand") == 0)
		return js_object(j, on_sku_terms, vctx);
	return js_value(j);
}

static int pass2(struct js *j, const char *key, void *vctx)
{
	if (strcmp(key, "terms") == 0)
		return js_object(j, on_term_type, vctx);
	return js_value(j);
}

static int walk(struct js *j, int (*each)(struct js *, const char *, void *), struct st *s)
{
	if (fseek(j->f, 0, SEEK_SET) != 0)
		return j->rc = cp_error(CP_EXIT_IO, "%s: cannot rewind: %s", j->path, strerror(errno));
	j->pos = j->len = 0;
	j->line = 1;
	/* a UTF-8 byte order mark */
	if (js_peek(j) == 0xEF) {
		js_get(j);
		js_get(j);
		js_get(j);
	}
	int r = js_object(j, each, s);
	if (s->cbrc)
		return s->cbrc;
	if (r || j->rc)
		return j->rc ? j->rc : CP_EXIT_DATA;
	return 0;
}

int offer_json_stream(const char *path, offer_product_cb keep, offer_meta_cb meta_cb,
		      offer_row_cb row_cb, void *ctx)
{
	struct st s;
	struct js j;
	int rc;

	memset(&s, 0, sizeof(s));
	memset(&j, 0, sizeof(j));
	s.path = path;
	s.keep = keep;
	s.meta_cb = meta_cb;
	s.row_cb = row_cb;
	s.ctx = ctx;
	s.kept = json_object();
	j.path = path;
	j.f = fopen(path, "rb");
	if (!j.f) {
		json_decref(s.kept);
		return cp_error(CP_EXIT_IO, "cannot read %s: %s", path, strerror(errno));
	}
	j.buf = xmalloc(BUFSZ);

	rc = walk(&j, pass1, &s);
	if (!rc && s.products_skipped && !s.products_done)
		rc = walk(&j, pass1b, &s);
	if (!rc && !s.products_done)
		rc = cp_error(CP_EXIT_DATA, "%s: not an AWS Price List offer file: no \"products\" object",
			      path);
	if (!rc) {
		for (size_t i = 0; i < NFIXED; i++) {
			s.hdr.names = xrealloc(s.hdr.names, (s.hdr.n + 1) * sizeof(char *));
			s.keys = xrealloc(s.keys, (s.hdr.n + 1) * sizeof(char *));
			s.hdr.names[s.hdr.n] = xstrdup(FIXED[i]);
			s.keys[s.hdr.n++] = NULL;
		}
		const char *sku;
		json_t *p;
		json_object_foreach(s.kept, sku, p) {
			const char *k;
			json_t *v;
			json_t *attrs = json_object_get(p, "attributes");
			json_object_foreach(attrs, k, v) add_col(&s, k);
		}
		struct offer_meta m = {s.meta[0] ? s.meta[0] : "", s.meta[1] ? s.meta[1] : "",
				       s.meta[2] ? s.meta[2] : "", s.meta[3] ? s.meta[3] : "",
				       s.meta[4] ? s.meta[4] : ""};
		if (meta_cb)
			rc = meta_cb(&m, &s.hdr, ctx);
	}
	if (!rc)
		rc = walk(&j, pass2, &s);

	fclose(j.f);
	free(j.buf);
	free(j.cap.p);
	for (int i = 0; i < 5; i++)
		free(s.meta[i]);
	for (size_t i = 0; i < s.hdr.n; i++) {
		free(s.hdr.names[i]);
		free(s.keys[i]);
	}
	free(s.hdr.names);
	free(s.keys);
	json_decref(s.kept);
	return rc;
}
