/*
 * escape.c - see escape.h.
 */
#include "report/escape.h"

#include <string.h>

void md_write(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t') {
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
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
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
	static const char hex[] = "0123456789abcdef";
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			fputc('\\', f);
			fputc('x', f);
			fputc(hex[*p >> 4], f);
			fputc(hex[*p & 15], f);
		} else {
			fputc(*p, f);
		}
	}
}
