/*
 * jsonw.c - see jsonw.h.
 */
#include "report/jsonw.h"

#include <math.h>
#include <string.h>

#include "util/utf8.h"

void json_write_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		/* a run of plain printable ASCII goes out in one write */
		const unsigned char *run = p;
		while (*run >= 0x20 && *run < 0x7f && *run != '"' && *run != '\\')
			run++;
		if (run > p) {
			fwrite(p, 1, (size_t)(run - p), f);
			p = run - 1;
			continue;
		}
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				fprintf(f, "\\u%04x", *p);
			} else if (*p >= 0x80) {
				/* C1 controls and bidi overrides as \u escapes: the same
				 * string for a JSON reader, inert on a terminal */
				long cp;
				int len = utf8_next((const char *)p, &cp);
				if (cp < 0) /* not UTF-8 (a path from the command line) */
					fputs("\\ufffd", f);
				else if (utf8_unsafe_for_terminal(cp))
					fprintf(f, "\\u%04lx", cp);
				else
					fwrite(p, 1, (size_t)len, f);
				p += len - 1;
			} else {
				fputc(*p, f);
			}
		}
	}
	fputc('"', f);
}

void jw_init(struct jsonw *w, FILE *f)
{
	w->f = f;
	w->depth = 0;
	w->first[0] = true;
	w->after_key = false;
}

/* ",\n" and two spaces a level: the separator and indentation go out in
 * one write, not one a character (a report writes ~100k of them) */
static const char SEP[] = ",\n                                                                ";

static void indent(struct jsonw *w)
{
	fwrite(SEP + 1, 1, 1 + 2 * (size_t)w->depth, w->f);
}

/* The separator before a value (or key) at the current level: its text,
 * in SEP, and length. */
static size_t pre_text(struct jsonw *w, const char **text)
{
	*text = SEP;
	if (w->after_key) {
		w->after_key = false;
		return 0;
	}
	if (w->depth == 0)
		return 0;
	bool first = w->first[w->depth];
	w->first[w->depth] = false;
	*text = SEP + first;
	return (first ? 0 : 1) + 1 + 2 * (size_t)w->depth;
}

static void pre(struct jsonw *w)
{
	const char *t;
	size_t n = pre_text(w, &t);
	if (n)
		fwrite(t, 1, n, w->f);
}

/* Is s plain: printable ASCII that needs no escape? Its length in *n. */
static bool plain(const char *s, size_t *n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (; *p; p++)
		if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\')
			return false;
	*n = (size_t)(p - (const unsigned char *)s);
	return true;
}

/* The separator, s quoted and tail, in one write when s is plain and short
 * (keys and most values), else as json_write_string writes it. */
static void pre_quoted(struct jsonw *w, const char *s, const char *tail)
{
	char buf[256];
	const char *t;
	size_t n = pre_text(w, &t), len, tl = strlen(tail);
	if (plain(s, &len) && n + len + tl + 2 <= sizeof(buf)) {
		memcpy(buf, t, n);
		buf[n++] = '"';
		memcpy(buf + n, s, len);
		n += len;
		buf[n++] = '"';
		memcpy(buf + n, tail, tl);
		fwrite(buf, 1, n + tl, w->f);
		return;
	}
	if (n)
		fwrite(t, 1, n, w->f);
	json_write_string(w->f, s);
	fputs(tail, w->f);
}

static void open(struct jsonw *w, char c)
{
	pre(w);
	fputc(c, w->f);
	if (w->depth < JSONW_MAX_DEPTH - 1)
		w->depth++;
	w->first[w->depth] = true;
}

static void close_(struct jsonw *w, char c)
{
	bool empty = w->first[w->depth];
	if (w->depth > 0)
		w->depth--;
	if (!empty)
		indent(w);
	fputc(c, w->f);
}

void jw_obj(struct jsonw *w)
{
	open(w, '{');
}
void jw_obj_end(struct jsonw *w)
{
	close_(w, '}');
}
void jw_arr(struct jsonw *w)
{
	open(w, '[');
}
void jw_arr_end(struct jsonw *w)
{
	close_(w, ']');
}

void jw_key(struct jsonw *w, const char *k)
{
	pre_quoted(w, k, ": ");
	w->after_key = true;
}

void jw_str(struct jsonw *w, const char *s)
{
	pre_quoted(w, s ? s : "", "");
}

void jw_num_text(struct jsonw *w, const char *digits)
{
	pre(w);
	fputs(digits, w->f);
}

void jw_int(struct jsonw *w, long long v)
{
	pre(w);
	fprintf(w->f, "%lld", v);
}

void jw_bool(struct jsonw *w, bool v)
{
	pre(w);
	fputs(v ? "true" : "false", w->f);
}

void jw_null(struct jsonw *w)
{
	pre(w);
	fputs("null", w->f);
}

void jw_money(struct jsonw *w, dec v)
{
	char buf[DEC_BUFSZ];
	jw_num_text(w, dec_format(v, 2, buf, sizeof(buf)));
}

void jw_dec(struct jsonw *w, dec v)
{
	char buf[DEC_BUFSZ];
	jw_num_text(w, dec_format_trim(v, buf, sizeof(buf)));
}

void jw_double(struct jsonw *w, double v, int sig)
{
	char buf[64];
	if (!isfinite(v)) {
		jw_null(w);
		return;
	}
	snprintf(buf, sizeof(buf), "%.*g", sig, v);
	jw_num_text(w, buf);
}

void jw_end(struct jsonw *w)
{
	fputc('\n', w->f);
}

void jw_strings(struct jsonw *w, const char *key, char *const *v, size_t n)
{
	jw_key(w, key);
	jw_arr(w);
	for (size_t i = 0; i < n; i++)
		jw_str(w, v[i]);
	jw_arr_end(w);
}

void jw_pricing(struct jsonw *w, const char *source, const char *published)
{
	jw_key(w, "pricing");
	jw_obj(w);
	jw_key(w, "source");
	jw_str(w, source ? source : "");
	jw_key(w, "published");
	jw_str(w, published ? published : "");
	jw_obj_end(w);
}
