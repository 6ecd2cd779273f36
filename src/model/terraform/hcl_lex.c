/*
 * hcl_lex.c - HCL native syntax tokens. See hcl_lex.h.
 *
 * Identifiers are ASCII letters, digits, '_' and '-' (not first), plus any
 * non-ASCII byte, which admits the Unicode letters HCL allows without a
 * Unicode table (the file was checked to be valid UTF-8 before lexing).
 * Comments: `#` and `//` run to the end of the line (the newline stays a
 * token); a block comment (slash-star to star-slash) counts as a space,
 * even across lines.
 */
#include "model/terraform/hcl_lex.h"

#include <stdio.h>
#include <string.h>

void hlex_init(struct hcl_lex *lx, struct hcl_run *r, const char *file, const char *src,
	       size_t len, int line, int col)
{
	memset(lx, 0, sizeof(*lx));
	lx->r = r;
	lx->file = file;
	lx->src = src;
	lx->len = len;
	lx->line = line;
	lx->col = col;
}

void hlex_advance(struct hcl_lex *lx, size_t n)
{
	while (n-- && lx->off < lx->len) {
		unsigned char c = (unsigned char)lx->src[lx->off++];
		if (c == '\n') {
			lx->line++;
			lx->col = 1;
		} else if ((c & 0xC0) != 0x80) {
			lx->col++;
		}
	}
}

static bool ident_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool ident_char(int c)
{
	return ident_start(c) || (c >= '0' && c <= '9') || c == '-';
}

static bool digit(int c)
{
	return c >= '0' && c <= '9';
}

static void skip_space(struct hcl_lex *lx)
{
	for (;;) {
		int c = hlex_peekc(lx, 0);
		if (c == ' ' || c == '\t' || (c == '\r' && hlex_peekc(lx, 1) == '\n') || c == '\f' ||
		    c == '\v') {
			hlex_advance(lx, 1);
		} else if (c == '\r') {
			hlex_advance(lx, 1);
		} else if (c == '#' || (c == '/' && hlex_peekc(lx, 1) == '/')) {
			while (hlex_peekc(lx, 0) != -1 && hlex_peekc(lx, 0) != '\n')
				hlex_advance(lx, 1);
		} else if (c == '/' && hlex_peekc(lx, 1) == '*') {
			struct hcl_pos at = hlex_pos(lx);
			hlex_advance(lx, 2);
			for (;;) {
				int d = hlex_peekc(lx, 0);
				if (d == -1)
					hcl_fail(lx->r, &at, "unterminated comment: a /* comment needs */");
				if (d == '*' && hlex_peekc(lx, 1) == '/') {
					hlex_advance(lx, 2);
					break;
				}
				hlex_advance(lx, 1);
			}
		} else {
			return;
		}
	}
}

void hlex_next(struct hcl_lex *lx, struct htoken *t)
{
	skip_space(lx);
	memset(t, 0, sizeof(*t));
	t->pos = hlex_pos(lx);
	t->p = lx->src + lx->off;
	int c = hlex_peekc(lx, 0);
	int c1 = hlex_peekc(lx, 1);
	size_t n = 1;
	if (c == -1) {
		t->kind = T_EOF;
		return;
	}
	switch (c) {
	case '\n':
		t->kind = T_NEWLINE;
		break;
	case '"':
		t->kind = T_QUOTE;
		break;
	case '{':
		t->kind = T_LBRACE;
		break;
	case '}':
		t->kind = T_RBRACE;
		break;
	case '[':
		t->kind = T_LBRACK;
		break;
	case ']':
		t->kind = T_RBRACK;
		break;
	case '(':
		t->kind = T_LPAREN;
		break;
	case ')':
		t->kind = T_RPAREN;
		break;
	case ',':
		t->kind = T_COMMA;
		break;
	case '?':
		t->kind = T_QUESTION;
		break;
	case '+':
		t->kind = T_PLUS;
		break;
	case '-':
		t->kind = T_MINUS;
		break;
	case '*':
		t->kind = T_STAR;
		break;
	case '/':
		t->kind = T_SLASH;
		break;
	case '%':
		t->kind = T_PERCENT;
		break;
	case '~':
		t->kind = T_TILDE;
		break;
	case '.':
		if (c1 == '.' && hlex_peekc(lx, 2) == '.') {
			t->kind = T_ELLIPSIS;
			n = 3;
		} else {
			t->kind = T_DOT;
		}
		break;
	case ':':
		if (c1 == ':') {
			t->kind = T_DCOLON;
			n = 2;
		} else {
			t->kind = T_COLON;
		}
		break;
	case '=':
		if (c1 == '=') {
			t->kind = T_EQ;
			n = 2;
		} else if (c1 == '>') {
			t->kind = T_ARROW;
			n = 2;
		} else {
			t->kind = T_ASSIGN;
		}
		break;
	case '!':
		if (c1 == '=') {
			t->kind = T_NE;
			n = 2;
		} else {
			t->kind = T_BANG;
		}
		break;
	case '>':
		if (c1 == '=') {
			t->kind = T_GE;
			n = 2;
		} else {
			t->kind = T_GT;
		}
		break;
	case '&':
		if (c1 != '&')
			hcl_fail(lx->r, &t->pos, "invalid character '&': the logical operator is &&");
		t->kind = T_AND;
		n = 2;
		break;
	case '|':
		if (c1 != '|')
			hcl_fail(lx->r, &t->pos, "invalid character '|': the logical operator is ||");
		t->kind = T_OR;
		n = 2;
		break;
	case '<':
		if (c1 == '<') {
			/* heredoc: <<ID or <<-ID, then the end of the line */
			size_t k = 2;
			t->flush = hlex_peekc(lx, 2) == '-';
			if (t->flush)
				k++;
			size_t id = k;
			if (!ident_start(hlex_peekc(lx, k)))
				hcl_fail(lx->r, &t->pos,
					 "invalid heredoc: << must be followed by a delimiter name, "
					 "as in <<EOT");
			while (ident_char(hlex_peekc(lx, k)))
				k++;
			t->kind = T_HEREDOC;
			t->p = lx->src + lx->off + id;
			t->n = k - id;
			if (hlex_peekc(lx, k) == '\r')
				k++;
			if (hlex_peekc(lx, k) != '\n')
				hcl_fail(lx->r, &t->pos,
					 "invalid heredoc: the delimiter name must end its line");
			hlex_advance(lx, k + 1);
			return;
		}
		if (c1 == '=') {
			t->kind = T_LE;
			n = 2;
		} else {
			t->kind = T_LT;
		}
		break;
	default:
		if (digit(c)) {
			size_t k = 1;
			while (digit(hlex_peekc(lx, k)))
				k++;
			if (hlex_peekc(lx, k) == '.' && digit(hlex_peekc(lx, k + 1))) {
				k++;
				while (digit(hlex_peekc(lx, k)))
					k++;
			}
			int e = hlex_peekc(lx, k);
			if (e == 'e' || e == 'E') {
				size_t j = k + 1;
				if (hlex_peekc(lx, j) == '+' || hlex_peekc(lx, j) == '-')
					j++;
				if (digit(hlex_peekc(lx, j))) {
					while (digit(hlex_peekc(lx, j)))
						j++;
					k = j;
				}
			}
			t->kind = T_NUMBER;
			n = k;
		} else if (ident_start(c)) {
			size_t k = 1;
			while (ident_char(hlex_peekc(lx, k)))
				k++;
			t->kind = T_IDENT;
			n = k;
		} else {
			char buf[16];
			if (c < 0x20 || c == 0x7f)
				snprintf(buf, sizeof(buf), "\\x%02X", (unsigned)c);
			else
				snprintf(buf, sizeof(buf), "%c", c);
			hcl_fail(lx->r, &t->pos, "invalid character '%s'", buf);
		}
	}
	t->n = n;
	hlex_advance(lx, n);
}

const char *htok_describe(const struct htoken *t, char *buf, size_t size)
{
	char tmp[48];
	switch (t->kind) {
	case T_EOF:
		return "the end of the file";
	case T_NEWLINE:
		return "a newline";
	case T_QUOTE:
		return "a string";
	case T_HEREDOC:
		return "a heredoc";
	default: {
		size_t n = t->n < 32 ? t->n : 32;
		memcpy(tmp, t->p, n);
		tmp[n] = '\0';
		char s[80];
		snprintf(buf, size, "\"%s\"", cp_sanitize(tmp, s, sizeof(s)));
		return buf;
	}
	}
}
