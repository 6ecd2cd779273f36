/*
 * offer_csv.c - streaming reader for AWS Price List bulk CSV files.
 *
 * Layout (AWS "Reading the price list files"): lines 1-5 are metadata pairs
 * ("FormatVersion","v1.0" ... "OfferCode","AmazonECS"), line 6 is the column
 * header, data follows. Columns differ between offers and versions, so they
 * are found by header name, never by position. libcsv parses in strict
 * mode; we feed it 64 KiB at a time and keep only the current row, so memory
 * stays constant whatever the file size. The push interface (offer_csv_new,
 * _feed, _finish) lets a download feed bytes as they arrive; offer_csv_read
 * is the same machine driven by fread.
 *
 * Fast path: nearly every record of an AWS file has one shape, every field
 * double-quoted with no quote inside, fields joined by commas, the record
 * ended by \n or \r\n on the line where it starts. Such a record, whole in
 * the bytes fed, no longer than OFFER_MAX_FIELD, and starting where libcsv
 * is between records, is split here (memchr) and goes through the same
 * field and record logic (on_field, on_record) with the fields libcsv would
 * have given: libcsv, byte by byte, was most of the time of a breakdown.
 * Every other record (unquoted or empty bare fields, doubled quotes,
 * newlines inside fields, blank lines, stray bytes), the unfinished tail of
 * a chunk and the end of input go to libcsv as before, so errors, their
 * line numbers, the limits and what hostile input does are unchanged. In
 * strict mode libcsv accepts a quote only where it opens, closes or doubles
 * inside a quoted field, so quote parity tells where a record it is given
 * ends (a \n outside quotes); from there on the fast path may take over
 * again.
 */
#include "pricing/offer.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/utf8.h"

struct reader {
	const char *path;
	offer_meta_cb meta_cb;
	offer_row_cb row_cb;
	void *ctx;

	/* the row being assembled */
	char *buf;
	size_t len, cap;
	size_t *offs;
	size_t nfields, offcap;
	int too_long;  /* a field over OFFER_MAX_FIELD, or the row over OFFER_MAX_ROW */
	int bad_text;  /* 1 + index of the first field holding a NUL or non-UTF-8 bytes */
	int bad_nul;   /* that field's problem is a NUL byte */

	int line;       /* physical line where the current record starts */
	int pending_nl; /* newlines seen inside the current record's fields */
	int record;     /* records completed */

	char *meta_vals[5];
	struct offer_header hdr;
	int have_header;
	char **fields; /* pointer array for callbacks */
	int stop;      /* exit code from a callback or an error */
};

static const char *const META_KEYS[5] = {"FormatVersion", "Disclaimer", "Publication Date",
					 "Version", "OfferCode"};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	const char *f = s ? s : "";
	if (r->stop)
		return;
	for (size_t i = 0; i < len; i++)
		if (f[i] == '\n')
			r->pending_nl++;
	if (len > OFFER_MAX_FIELD || r->len + len > OFFER_MAX_ROW) {
		r->too_long = 1 + (len <= OFFER_MAX_FIELD);
		len = 0;
	}
	/* Fields become C strings and reach every output: a NUL would cut one
	 * silently, and bytes that are not UTF-8 would make our JSON invalid. */
	if (!r->bad_text && (memchr(f, '\0', len) || !utf8_valid(f, len))) {
		r->bad_text = 1 + (int)r->nfields;
		r->bad_nul = memchr(f, '\0', len) != NULL;
	}
	if (r->nfields >= OFFER_MAX_COLUMNS + 1) /* the record is rejected at its end */
		return;
	if (r->nfields == r->offcap) {
		r->offcap = r->offcap ? r->offcap * 2 : 64;
		r->offs = xrealloc(r->offs, r->offcap * sizeof(*r->offs));
	}
	if (r->len + len + 1 > r->cap) {
		while (r->len + len + 1 > r->cap)
			r->cap = r->cap ? r->cap * 2 : 4096;
		r->buf = xrealloc(r->buf, r->cap);
	}
	r->offs[r->nfields++] = r->len;
	memcpy(r->buf + r->len, f, len);
	r->len += len;
	r->buf[r->len++] = '\0';
}

static int fail(struct reader *r, int line, int code, const char *fmt, ...) CP_PRINTF(4, 5);
static int fail(struct reader *r, int line, int code, const char *fmt, ...)
{
	struct cp_loc loc = {r->path, line, 0};
	va_list ap;
	va_start(ap, fmt);
	cp_verror_at(code, &loc, fmt, ap);
	va_end(ap);
	r->stop = code;
	return code;
}

static void handle_meta_or_header(struct reader *r, int line)
{
	if (r->record < 5) {
		const char *want = META_KEYS[r->record];
		if (r->nfields != 2 || strcmp(r->buf + r->offs[0], want) != 0) {
			fail(r, line, CP_EXIT_DATA,
			     "not an AWS Price List CSV file: expected the metadata line \"%s\","
			     " followed on line 6 by the column header",
			     want);
			return;
		}
		r->meta_vals[r->record] = xstrdup(r->buf + r->offs[1]);
		return;
	}
	/* the header */
	if (r->nfields > OFFER_MAX_COLUMNS) {
		fail(r, line, CP_EXIT_DATA, "too many columns in the header (limit %d)", OFFER_MAX_COLUMNS);
		return;
	}
	r->hdr.n = r->nfields;
	r->hdr.names = xcalloc(r->nfields, sizeof(char *));
	for (size_t i = 0; i < r->nfields; i++) {
		r->hdr.names[i] = xstrdup(r->buf + r->offs[i]);
		if (!r->hdr.names[i][0]) {
			fail(r, line, CP_EXIT_DATA, "empty column name in the header");
			return;
		}
	}
	r->fields = xcalloc(r->nfields, sizeof(char *));
	r->have_header = 1;
	if (r->meta_cb) {
		struct offer_meta m = {r->meta_vals[0], r->meta_vals[1], r->meta_vals[2],
				       r->meta_vals[3], r->meta_vals[4]};
		int rc = r->meta_cb(&m, &r->hdr, r->ctx);
		if (rc)
			r->stop = rc;
	}
}

static void on_record(int term, void *data)
{
	struct reader *r = data;
	int line = r->line;
	(void)term;

	r->line += 1 + r->pending_nl;
	r->pending_nl = 0;
	if (r->stop)
		goto reset;
	if (r->too_long) {
		if (r->too_long == 1)
			fail(r, line, CP_EXIT_DATA, "field longer than %d bytes", OFFER_MAX_FIELD);
		else
			fail(r, line, CP_EXIT_DATA, "row longer than %d bytes", OFFER_MAX_ROW);
		goto reset;
	}
	if (r->nfields > OFFER_MAX_COLUMNS) {
		fail(r, line, CP_EXIT_DATA, "more than %d fields in a row", OFFER_MAX_COLUMNS);
		goto reset;
	}
	if (r->bad_text) {
		fail(r, line, CP_EXIT_DATA, "field %d %s", r->bad_text,
		     r->bad_nul ? "contains a NUL byte" : "is not valid UTF-8 text");
		goto reset;
	}
	if (!r->have_header) {
		handle_meta_or_header(r, line);
	} else if (r->nfields != r->hdr.n) {
		struct cp_loc loc = {r->path, line, 0};
		r->stop = cp_error_at(CP_EXIT_DATA, &loc,
				      "row has %zu fields but the header on line 6 has %zu", r->nfields,
				      r->hdr.n);
	} else if (r->row_cb) {
		for (size_t i = 0; i < r->nfields; i++)
			r->fields[i] = r->buf + r->offs[i];
		struct offer_row row = {&r->hdr, r->fields, r->nfields, line};
		int rc = r->row_cb(&row, r->ctx);
		if (rc)
			r->stop = rc;
	}
	r->record++;
reset:
	r->nfields = 0;
	r->len = 0;
	r->too_long = 0;
	r->bad_text = 0;
	r->bad_nul = 0;
}

struct offer_csv {
	struct csv_parser p;
	struct reader r;
	int finished;
	int started;   /* a first chunk was fed (where a byte-order mark may be) */
	int slow;      /* every byte to libcsv (offer_csv_set_fast) */
	int in_record; /* libcsv holds part of a record */
	int inq;       /* then: inside quotes (quote parity of what it holds) */
};

/* Are the n bytes at s all in 1..0x7F: no NUL, nothing for utf8_valid? */
static int plain_ascii(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t acc = 0, w;
	size_t i = 0;
	/* (w - ones) | w has a byte's high bit set iff that byte is 0 or >= 0x80 */
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		acc |= (w - ones) | w;
	}
	for (; i < n; i++)
		if ((unsigned char)s[i] - 1u >= 0x7Fu)
			return 0;
	return (acc & highs) == 0;
}

/*
 * The fields of the record [s, s+n) if it has the fast path's shape
 * ("a","b",...,"z", no quote inside a field): each goes to on_field when r
 * is set. Returns 0, having called nothing, if it has another shape.
 */
static int quoted_fields(const char *s, size_t n, struct reader *r)
{
	size_t i = 0; /* at an opening quote */
	for (;;) {
		const char *q = memchr(s + i + 1, '"', n - i - 1);
		if (!q)
			return 0;
		size_t j = (size_t)(q - s);
		if (r)
			on_field((void *)(s + i + 1), j - i - 1, r);
		if (j + 1 == n)
			return 1;
		if (j + 2 >= n || s[j + 1] != ',' || s[j + 2] != '"')
			return 0;
		i = j + 2;
	}
}

/*
 * The record starting at s and ending at the \n at nl, through the fast
 * path if it has its shape (see the top of the file); 0 to leave it to
 * libcsv, with the reader untouched. No field holds a \n, so no line is
 * pending; at most OFFER_MAX_FIELD bytes, so no field or row is too long
 * (and libcsv would not have refused one).
 */
static int fast_record(struct reader *r, const char *s, const char *nl)
{
	size_t n = (size_t)(nl - s);
	if (n && s[n - 1] == '\r')
		n--;
	if (n < 2 || n > OFFER_MAX_FIELD || s[0] != '"')
		return 0;
	if (!plain_ascii(s, n)) {
		/* a NUL or non-ASCII bytes: on_field checks each field */
		if (!quoted_fields(s, n, NULL))
			return 0;
		quoted_fields(s, n, r);
		on_record('\n', r);
		return 1;
	}
	/* What on_field does for such fields, in one copy: the closing quotes
	 * become the fields' NULs. */
	if (r->cap < n) {
		while (r->cap < n)
			r->cap = r->cap ? r->cap * 2 : 4096;
		r->buf = xrealloc(r->buf, r->cap);
	}
	char *b = r->buf;
	memcpy(b, s, n);
	size_t i = 0; /* at an opening quote */
	for (;;) {
		char *q = memchr(b + i + 1, '"', n - i - 1);
		if (!q)
			break;
		size_t j = (size_t)(q - b);
		if (r->nfields < OFFER_MAX_COLUMNS + 1) { /* as on_field */
			if (r->nfields == r->offcap) {
				r->offcap = r->offcap ? r->offcap * 2 : 64;
				r->offs = xrealloc(r->offs, r->offcap * sizeof(*r->offs));
			}
			r->offs[r->nfields++] = i + 1;
		}
		*q = '\0';
		if (j + 1 == n) {
			r->len = n;
			on_record('\n', r);
			return 1;
		}
		if (j + 2 >= n || b[j + 1] != ',' || b[j + 2] != '"')
			break;
		i = j + 2;
	}
	r->nfields = 0;
	return 0;
}

/*
 * The end of the record libcsv is in: just past the first \n outside
 * quotes in [s, end), *inq being the parity before s; NULL if not there.
 */
static const char *record_end(const char *s, const char *end, int *inq)
{
	int q = *inq;
	for (; s < end; s++) {
		if (*s == '"')
			q ^= 1;
		else if (*s == '\n' && !q) {
			*inq = 0;
			return s + 1;
		}
	}
	*inq = q;
	return NULL;
}

/*
 * libcsv grows its field buffer by a fixed block (128 bytes unless told),
 * so one huge field costs a reallocation of a growing block every block:
 * quadratic, minutes for an 8 MB field under ASan. We give it larger
 * blocks and an allocator that refuses to grow a field past what any price
 * file holds (OFFER_MAX_FIELD, plus a block): the parse stops at once and
 * the field is reported as too long, before the rest is buffered. libcsv's
 * allocator hook has no context argument, hence the thread-local flag.
 */
#define CSV_BLOCK 16384
static _Thread_local int field_refused;

static void *bounded_realloc(void *p, size_t n)
{
	if (n > OFFER_MAX_FIELD + 2 * CSV_BLOCK) {
		field_refused = 1;
		return NULL;
	}
	return realloc(p, n);
}

struct offer_csv *offer_csv_new(const char *path, offer_meta_cb meta_cb, offer_row_cb row_cb,
				void *ctx)
{
	struct offer_csv *c = xcalloc(1, sizeof(*c));
	c->r.path = path;
	c->r.meta_cb = meta_cb;
	c->r.row_cb = row_cb;
	c->r.ctx = ctx;
	c->r.line = 1;
	if (csv_init(&c->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		free(c);
		return NULL;
	}
	csv_set_blk_size(&c->p, CSV_BLOCK);
	csv_set_realloc_func(&c->p, bounded_realloc);
	return c;
}

void offer_csv_set_fast(struct offer_csv *c, int on)
{
	c->slow = !on;
}

/* n bytes to libcsv; a parse error is reported as it always was. */
static void to_libcsv(struct offer_csv *c, const char *s, size_t n)
{
	struct reader *r = &c->r;
	if (csv_parse(&c->p, s, n, on_field, on_record, r) != n && !r->stop) {
		struct cp_loc loc = {r->path, r->line + r->pending_nl, 0};
		if (field_refused)
			r->stop = cp_error_at(CP_EXIT_DATA, &loc, "field longer than %d bytes",
					      OFFER_MAX_FIELD);
		else
			r->stop = cp_error_at(CP_EXIT_DATA, &loc, "malformed CSV: %s",
					      csv_strerror(csv_error(&c->p)));
	}
}

int offer_csv_feed(struct offer_csv *c, const void *buf, size_t n)
{
	struct reader *r = &c->r;
	if (r->stop || n == 0)
		return r->stop;
	/* a UTF-8 byte-order mark (a spreadsheet's "CSV UTF-8") is not data */
	if (!c->started && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf = (const char *)buf + 3;
		n -= 3;
	}
	c->started = 1;
	field_refused = 0;
	if (c->slow) {
		to_libcsv(c, buf, n);
		return r->stop;
	}
	const char *s = buf, *end = s + n;
	while (s < end && !r->stop) {
		if (!c->in_record) {
			/* libcsv is between records: a whole line of the usual shape? */
			const char *nl = memchr(s, '\n', (size_t)(end - s));
			if (nl && fast_record(r, s, nl)) {
				s = nl + 1;
				continue;
			}
			c->in_record = 1;
			c->inq = 0;
		}
		/* libcsv takes the record up to its end, or all that is here */
		const char *e = record_end(s, end, &c->inq);
		if (e)
			c->in_record = 0;
		else
			e = end;
		to_libcsv(c, s, (size_t)(e - s));
		s = e;
	}
	return r->stop;
}

void offer_csv_skip_lines(struct offer_csv *c, long n)
{
	c->r.line += (int)n;
}

int offer_csv_have_header(const struct offer_csv *c)
{
	return c->r.have_header;
}

int offer_csv_finish(struct offer_csv *c)
{
	struct reader *r = &c->r;
	if (c->finished)
		return r->stop;
	c->finished = 1;
	if (!r->stop && csv_fini(&c->p, on_field, on_record, r) != 0 && !r->stop) {
		struct cp_loc loc = {r->path, r->line, 0};
		r->stop = cp_error_at(CP_EXIT_DATA, &loc,
				      "malformed CSV: %s (an unterminated quote?)",
				      csv_strerror(csv_error(&c->p)));
	}
	if (!r->stop && !r->have_header) {
		struct cp_loc loc = {r->path, r->line, 0};
		r->stop = cp_error_at(CP_EXIT_DATA, &loc,
				      "not an AWS Price List CSV file: it ends before the column"
				      " header on line 6");
	}
	return r->stop;
}

void offer_csv_free(struct offer_csv *c)
{
	struct reader *r;
	if (!c)
		return;
	r = &c->r;
	csv_free(&c->p);
	free(r->buf);
	free(r->offs);
	free(r->fields);
	for (int i = 0; i < 5; i++)
		free(r->meta_vals[i]);
	for (size_t i = 0; i < r->hdr.n; i++)
		free(r->hdr.names[i]);
	free(r->hdr.names);
	free(c);
}

int offer_csv_read(FILE *fp, const char *path, offer_meta_cb meta_cb, offer_row_cb row_cb,
		   void *ctx)
{
	struct offer_csv *c = offer_csv_new(path, meta_cb, row_cb, ctx);
	char chunk[65536];
	size_t n;
	int rc = 0;

	if (!c)
		return cp_error(CP_EXIT_INTERNAL, "cannot initialise the CSV parser");
	while (!rc && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		rc = offer_csv_feed(c, chunk, n);
	if (!rc && ferror(fp))
		rc = c->r.stop = cp_error(CP_EXIT_IO, "%s: read error: %s", path, strerror(errno));
	if (!rc)
		rc = offer_csv_finish(c);
	offer_csv_free(c);
	return rc;
}

int offer_header_find(const struct offer_header *hdr, const char *name)
{
	for (size_t i = 0; i < hdr->n; i++)
		if (strcmp(hdr->names[i], name) == 0)
			return (int)i;
	return -1;
}

const char *offer_row_get(const struct offer_row *row, const char *column)
{
	int i = offer_header_find(row->hdr, column);
	return i < 0 ? NULL : row->fields[i];
}
