/*
 * escape.c - see escape.h.
 */
#include "util/escape.h"

#include "util/error.h"

#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

/* A code point that must not reach a terminal or a rendered page as itself,
 * shown as visible text instead: "\xNN" for a byte, "U+202E" for a code point. */
static void visible(FILE *f, const unsigned char *p, long cp)
{
	if (cp < 0 || cp < 0x80)
		fprintf(f, "\\x%02x", *p);
	else
		fprintf(f, "U+%04lX", cp);
}

void md_write(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p >= 0x80) {
			long cp;
			int len = utf8_next((const char *)p, &cp);
			if (utf8_unsafe_for_terminal(cp))
				visible(f, p, cp);
			else
				fwrite(p, 1, (size_t)len, f);
			p += len - 1;
		} else if (*p == '\n' || *p == '\r' || *p == '\t') {
			fputc(' ', f);
		} else if (*p < 0x20 || *p == 0x7f) {
			continue;
		} else if (strchr("\\`*_{}[]()<>#+-.!|~&\"':@=/^$%", *p)) {
			/* '&' and '<' as entities so no HTML or entity survives */
			if (*p == '<')
				fputs("&lt;", f);
			else if (*p == '>')
				fputs("&gt;", f);
			else if (*p == '&')
				fputs("&amp;", f);
			else {
				fputc('\\', f);
				fputc(*p, f);
			}
		} else {
			fputc(*p, f);
		}
	}
}

void html_write(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&#39;", f);
			break;
		default:
			if (*p < 0x20 && *p != '\n' && *p != '\t')
				continue;
			if (*p >= 0x80) {
				long cp;
				int len = utf8_next((const char *)p, &cp);
				if (utf8_unsafe_for_terminal(cp))
					visible(f, p, cp);
				else
					fwrite(p, 1, (size_t)len, f);
				p += len - 1;
				continue;
			}
			fputc(*p, f);
		}
	}
}

void csv_write_text(FILE *f, const char *s)
{
	if (!s)
		s = "";
	int quote = strpbrk(s, ",\"\r\n") != NULL;
	int neutral = strchr("=+-@\t\r", s[0]) != NULL && s[0];
	if (neutral)
		quote = 1;
	if (quote)
		fputc('"', f);
	if (neutral)
		fputc('\'', f);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		long cp;
		int len = utf8_next((const char *)p, &cp);
		if (cp == '"')
			fputc('"', f);
		/* a CSV file gets printed on terminals too: no escape sequences */
		if (utf8_unsafe_for_terminal(cp) && cp != '\t' && cp != '\n' && cp != '\r')
			visible(f, p, cp);
		else
			fwrite(p, 1, (size_t)len, f);
		p += len;
	}
	if (quote)
		fputc('"', f);
}

void csv_write_raw(FILE *f, const char *s)
{
	fputs(s, f);
}

void term_write(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p;) {
		/* a run of printable ASCII goes out in one write, not a write
		 * a character (a table of 5,000 resources has 40,000 cells) */
		const unsigned char *run = p;
		while (*run >= 0x20 && *run < 0x7f)
			run++;
		if (run > p) {
			fwrite(p, 1, (size_t)(run - p), f);
			p = run;
			continue;
		}
		long cp;
		int len = utf8_next((const char *)p, &cp);
		if (utf8_unsafe_for_terminal(cp))
			visible(f, p, cp);
		else
			fwrite(p, 1, (size_t)len, f);
		p += len;
	}
}

void term_wrap(FILE *f, const char *lead, const char *indent, const char *text, int width)
{
	int col = (int)strlen(lead), fresh = 1;
	fputs(lead, f);
	for (const char *p = text; *p;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		if (!fresh && col + 1 + (int)len > width) {
			fprintf(f, "\n%s", indent);
			col = (int)strlen(indent);
			fresh = 1;
		}
		if (!fresh) {
			fputc(' ', f);
			col++;
		}
		char *word = xstrndup(p, len);
		term_write(f, word);
		free(word);
		col += (int)len;
		fresh = 0;
		p += len;
	}
	fputc('\n', f);
}

/* Characters in s: UTF-8 continuation bytes do not count. */
static size_t chars(const char *s, size_t bytes)
{
	size_t n = 0;
	for (size_t i = 0; i < bytes; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* n spaces (a cell's padding), in writes of up to 64 */
static void spaces(FILE *f, int n)
{
	static const char SP[] = "                                                                ";
	while (n > 0) {
		int k = n < (int)sizeof(SP) - 1 ? n : (int)sizeof(SP) - 1;
		fwrite(SP, 1, (size_t)k, f);
		n -= k;
	}
}

void term_cell(FILE *f, const char *s, int w, int right)
{
	char buf[1024];
	size_t n = chars(s, strlen(s));
	if ((int)n > w && !right) {
		size_t cut = 0, k = 0;
		while (s[cut] && k < (size_t)w - 1) { /* w - 1 characters, then '~' */
			cut++;
			while (((unsigned char)s[cut] & 0xC0) == 0x80)
				cut++;
			k++;
		}
		if (cut > sizeof(buf) - 2)
			cut = 0;
		memcpy(buf, s, cut);
		buf[cut] = '~';
		buf[cut + 1] = '\0';
		s = buf;
		n = k + 1;
	}
	if (right && (int)n < w)
		spaces(f, w - (int)n);
	else if (right && (int)n > w)
		fputc(' ', f); /* an over-wide figure still stands apart */
	term_write(f, s);
	if (!right && (int)n < w)
		spaces(f, w - (int)n);
}
