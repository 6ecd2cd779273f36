/*
 * csv_scan.c - record splitting and needle pre-filter. See csv_scan.h.
 *
 * State: buf[0..len) holds unprocessed input; records start at `rs`; the
 * quote scan has reached `scan` with quote parity `inq` (1 inside a quoted
 * field). Records handed on are batched: [fwd, rs) is a run of records not
 * yet fed to the reader; skip_pending counts lines dropped since.
 *
 * Needle search runs over the whole buffer, not per record: for each needle
 * we remember the next occurrence (next[i]) or that there is none starting
 * before valid_to[i]. A record [rs, end] contains a needle iff some cached
 * occurrence lies inside it, so a rare needle costs one memmem pass over
 * the data and most records cost only the quote scan.
 */
#define _GNU_SOURCE
#include "pricing/csv_scan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/error.h"

#define NONE SIZE_MAX
#define MAXN 32

struct csv_scan {
	struct offer_csv *reader;
	const char *const *needles;
	size_t nneedles;
	size_t nlen[MAXN];           /* the needle proper, before its companions */
	const char *companions[MAXN]; /* CSV_SCAN_AND-separated, or "" */
	size_t next[MAXN];
	size_t valid_to[MAXN];

	char *buf;
	size_t len, cap;
	size_t rs, scan, fwd;
	int inq;
	long rec_nl; /* newlines inside the current record (quoted) */
	long skip_pending;
	int rc;

	unsigned long long bytes;
	long records, passed;
};

void csv_scan_set_needles(struct csv_scan *s, const char *const *needles)
{
	s->needles = needles;
	s->nneedles = 0;
	if (needles)
		for (; needles[s->nneedles] && s->nneedles < MAXN; s->nneedles++) {
			const char *n = needles[s->nneedles];
			s->nlen[s->nneedles] = strcspn(n, CSV_SCAN_AND);
			s->companions[s->nneedles] = n + s->nlen[s->nneedles];
			s->next[s->nneedles] = NONE;
			s->valid_to[s->nneedles] = 0;
		}
}

struct csv_scan *csv_scan_new(struct offer_csv *reader, const char *const *needles)
{
	struct csv_scan *s = xcalloc(1, sizeof(*s));
	s->reader = reader;
	csv_scan_set_needles(s, needles);
	s->cap = 2 * CSV_SCAN_CHUNK;
	s->buf = xmalloc(s->cap);
	return s;
}

void csv_scan_free(struct csv_scan *s)
{
	if (!s)
		return;
	free(s->buf);
	free(s);
}

void csv_scan_stats(const struct csv_scan *s, unsigned long long *bytes, long *records,
		    long *passed)
{
	*bytes = s->bytes;
	*records = s->records;
	*passed = s->passed;
}

static void flush_fwd(struct csv_scan *s, size_t upto)
{
	if (s->rc || upto <= s->fwd)
		return;
	s->rc = offer_csv_feed(s->reader, s->buf + s->fwd, upto - s->fwd);
	s->fwd = upto;
}

/* Does [from, end) contain needle i? */
static int has_needle(struct csv_scan *s, size_t i, size_t from, size_t end)
{
	size_t nl = s->nlen[i];
	if (end - from < nl)
		return 0;
	size_t last = end - nl; /* last start position inside the record */
	if (s->next[i] != NONE && s->next[i] >= from)
		return s->next[i] <= last;
	if (s->next[i] == NONE && s->valid_to[i] > last && s->valid_to[i] != 0)
		return 0;
	size_t start = from;
	if (s->next[i] == NONE && s->valid_to[i] > start)
		start = s->valid_to[i];
	char *h = memmem(s->buf + start, s->len - start, s->needles[i], nl);
	s->next[i] = h ? (size_t)(h - s->buf) : NONE;
	s->valid_to[i] = s->len >= nl ? s->len - nl + 1 : 0;
	return h && s->next[i] <= last;
}

/* Is [lit, lit+len) a whole field of the record [from, end): between
 * quotes or commas (or the record's ends), however the file quotes? */
static int has_field(const char *b, size_t from, size_t end, const char *lit, size_t len)
{
	size_t at = from;
	while (at + len <= end) {
		const char *h = memmem(b + at, end - at, lit, len);
		if (!h)
			return 0;
		size_t k = (size_t)(h - b);
		int before = k == from || b[k - 1] == '"' || b[k - 1] == ',';
		int after = k + len == end || b[k + len] == '"' || b[k + len] == ',' ||
			    b[k + len] == '\r' || b[k + len] == '\n';
		if (before && after)
			return 1;
		at = k + 1;
	}
	return 0;
}

/* Does [from, end) hold every companion of needle i as a field? (A record
 * is short: a plain search within it.) */
static int has_companions(const struct csv_scan *s, size_t i, size_t from, size_t end)
{
	const char *c = s->companions[i];
	while (*c) {
		c++; /* the separator */
		size_t len = strcspn(c, CSV_SCAN_AND);
		if (len && !has_field(s->buf, from, end, c, len))
			return 0;
		c += len;
	}
	return 1;
}

/* A whole record [rs, end] (end = its newline, or len-1 at the very end). */
static void record(struct csv_scan *s, size_t end)
{
	int pass = s->records < 6 || !s->needles;
	for (size_t i = 0; !pass && i < s->nneedles; i++)
		pass = has_needle(s, i, s->rs, end + 1) && has_companions(s, i, s->rs, end + 1);
	s->records++;
	if (pass) {
		if (s->skip_pending) {
			offer_csv_skip_lines(s->reader, s->skip_pending);
			s->skip_pending = 0;
		}
		s->passed++;
	} else {
		flush_fwd(s, s->rs);
		s->fwd = end + 1;
		s->skip_pending += 1 + s->rec_nl;
	}
	s->rs = end + 1;
	s->rec_nl = 0;
	if (s->records == 6) /* metadata and header: let the reader see them now */
		flush_fwd(s, s->rs);
}

static void scan_bytes(struct csv_scan *s)
{
	const char *b = s->buf;
	size_t p = s->scan, n = s->len;
#if defined(__SSE2__)
	const __m128i vq = _mm_set1_epi8('"'), vn = _mm_set1_epi8('\n');
	while (p + 16 <= n && !s->rc) {
		__m128i v = _mm_loadu_si128((const __m128i *)(b + p));
		unsigned qm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq));
		unsigned nm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vn));
		while (nm) {
			unsigned k = (unsigned)__builtin_ctz(nm);
			int odd = s->inq ^ (__builtin_popcount(qm & ((1u << k) - 1)) & 1);
			if (odd) {
				s->rec_nl++;
			} else {
				/* the quotes before k are consumed: fold them into inq */
				s->inq = odd;
				qm &= ~((2u << k) - 1);
				record(s, p + k);
			}
			nm &= nm - 1;
		}
		s->inq ^= __builtin_popcount(qm) & 1;
		p += 16;
	}
#endif
	for (; p < n && !s->rc; p++) {
		if (b[p] == '"')
			s->inq ^= 1;
		else if (b[p] == '\n') {
			if (s->inq)
				s->rec_nl++;
			else
				record(s, p);
		}
	}
	s->scan = p;
}

/* Move the unfinished tail to the front; make room for a chunk. */
static int compact(struct csv_scan *s)
{
	size_t keep_from = s->fwd < s->rs ? s->fwd : s->rs;
	if (keep_from > 0) {
		memmove(s->buf, s->buf + keep_from, s->len - keep_from);
		s->len -= keep_from;
		s->rs -= keep_from;
		s->scan -= keep_from;
		s->fwd -= keep_from;
		for (size_t i = 0; i < s->nneedles; i++) {
			if (s->next[i] != NONE && s->next[i] < keep_from) {
				/* stale hit: later occurrences are unknown, search again */
				s->next[i] = NONE;
				s->valid_to[i] = 0;
			} else if (s->next[i] != NONE) {
				s->next[i] -= keep_from;
			} else {
				s->valid_to[i] = s->valid_to[i] > keep_from ? s->valid_to[i] - keep_from : 0;
			}
		}
	}
	if (s->cap - s->len < CSV_SCAN_CHUNK) {
		if (s->len + CSV_SCAN_CHUNK > CSV_SCAN_MAX_RECORD + CSV_SCAN_CHUNK) {
			return s->rc = cp_error(CP_EXIT_DATA,
						"a CSV record longer than %d MB (an unterminated quote?)",
						CSV_SCAN_MAX_RECORD / (1024 * 1024));
		}
		s->cap = s->len + CSV_SCAN_CHUNK;
		s->buf = xrealloc(s->buf, s->cap);
	}
	return 0;
}

char *csv_scan_space(struct csv_scan *s, size_t *room)
{
	if (compact(s)) {
		*room = 0;
		return NULL;
	}
	*room = s->cap - s->len;
	return s->buf + s->len;
}

int csv_scan_commit(struct csv_scan *s, size_t n)
{
	if (s->rc)
		return s->rc;
	s->len += n;
	s->bytes += n;
	scan_bytes(s);
	flush_fwd(s, s->rs);
	return s->rc;
}

int csv_scan_feed(struct csv_scan *s, const void *buf, size_t n)
{
	const char *p = buf;
	while (n && !s->rc) {
		size_t room;
		char *dst = csv_scan_space(s, &room);
		if (!dst)
			break;
		size_t k = n < room ? n : room;
		memcpy(dst, p, k);
		csv_scan_commit(s, k);
		p += k;
		n -= k;
	}
	return s->rc;
}

int csv_scan_finish(struct csv_scan *s)
{
	if (!s->rc && s->len > s->rs) {
		/* the last record has no newline: pass it on, the reader judges it */
		if (s->skip_pending) {
			offer_csv_skip_lines(s->reader, s->skip_pending);
			s->skip_pending = 0;
		}
		s->records++;
		s->passed++;
		flush_fwd(s, s->len);
	}
	if (!s->rc)
		s->rc = offer_csv_finish(s->reader);
	return s->rc;
}
