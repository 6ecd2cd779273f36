/*
 * hcl_parse.c - HCL native syntax to the syntax tree. See hcl_parse.h.
 *
 * The parser keeps two tokens of lookahead. `nl_ignore` counts the open
 * brackets in which newlines are spaces. Entering one drops newlines
 * already in the lookahead; leaving one happens right after its closing
 * delimiter was consumed, when nothing past it has been read, so no token
 * is ever taken under the wrong rule. Templates are read character by
 * character from the lexer's position; the lookahead is always empty when
 * a T_QUOTE or T_HEREDOC token has just been consumed, because nothing
 * peeks past them.
 */
#include "model/terraform/hcl_parse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/terraform/hcl_lex.h"
#include "model/terraform/hcl_tpl.h"
#include "util/utf8.h"

struct parser {
	struct hcl_run *r;
	struct hcl_lex lx;
	struct htoken la[2];
	int nla;
	int nl_ignore;
	int depth;
};

/* ---- tokens -------------------------------------------------------------- */

static void fill(struct parser *p, int k)
{
	while (p->nla <= k) {
		struct htoken t;
		do
			hlex_next(&p->lx, &t);
		while (t.kind == T_NEWLINE && p->nl_ignore > 0);
		p->la[p->nla++] = t;
	}
}

static const struct htoken *peek(struct parser *p)
{
	fill(p, 0);
	return &p->la[0];
}

static const struct htoken *peek2(struct parser *p)
{
	fill(p, 1);
	return &p->la[1];
}

static struct htoken next(struct parser *p)
{
	fill(p, 0);
	struct htoken t = p->la[0];
	p->la[0] = p->la[1];
	p->nla--;
	return t;
}

static void skipnl(struct parser *p)
{
	while (peek(p)->kind == T_NEWLINE)
		next(p);
}

static bool is_word(const struct htoken *t, const char *w)
{
	return t->kind == T_IDENT && t->n == strlen(w) && !memcmp(t->p, w, t->n);
}

static _Noreturn void unexpected(struct parser *p, const struct htoken *t, const char *expected)
{
	char buf[80];
	hcl_fail(p->r, &t->pos, "%s, found %s", expected, htok_describe(t, buf, sizeof(buf)));
}

static struct htoken expect(struct parser *p, enum htok kind, const char *expected)
{
	if (peek(p)->kind != kind)
		unexpected(p, peek(p), expected);
	return next(p);
}

static void nest_in(struct parser *p, const struct hcl_pos *pos)
{
	if (++p->depth > HCL_MAX_NESTING)
		hcl_fail_limit(p->r, pos, "nesting limit: expressions or blocks nested deeper than %d",
			       HCL_MAX_NESTING);
}

/* Newlines become spaces: drop any already in the lookahead (a peek past
 * an opening bracket sees the newline after it). */
static void nl_enter(struct parser *p)
{
	int k = 0;
	for (int i = 0; i < p->nla; i++)
		if (p->la[i].kind != T_NEWLINE)
			p->la[k++] = p->la[i];
	p->nla = k;
	p->nl_ignore++;
}

static void nl_leave(struct parser *p)
{
	if (p->nla)
		hcl_fail(p->r, NULL, "internal error: lookahead across a newline rule change");
	p->nl_ignore--;
}

static const char *tok_str(struct parser *p, const struct htoken *t)
{
	return hcl_intern(p->r, t->p, t->n);
}

struct hx *hx_new(struct hcl_run *r, enum hx_kind kind, const struct hcl_pos *pos)
{
	struct hx *e = hcl_alloc(r, sizeof(*e));
	e->kind = kind;
	if (pos)
		e->pos = *pos;
	return e;
}

static struct hx *literal(struct parser *p, struct hval *v, const struct hcl_pos *pos)
{
	struct hx *e = hx_new(p->r, HX_LITERAL, pos);
	e->lit = v;
	return e;
}

/* ---- templates ------------------------------------------------------------- */

enum tmode { TM_QUOTED, TM_HEREDOC, TM_RAW };

struct litbuf {
	char *p;
	size_t n, cap;
	bool bol;
	struct hcl_pos pos;
};

static void lit_add(struct parser *p, struct litbuf *b, const char *s, size_t n,
		    const struct hcl_pos *pos)
{
	if (b->n == 0)
		b->pos = *pos;
	if (b->n + n > (size_t)HCL_MAX_STRING)
		hcl_fail_limit(p->r, pos, "string limit: a string longer than %ld MiB",
			       (long)(HCL_MAX_STRING / (1024 * 1024)));
	b->p = hcl_grow(p->r, b->p, &b->cap, b->n + n + 1, 1);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void lit_flush(struct parser *p, struct litbuf *b, struct tpl_items *it)
{
	if (b->n == 0 && !b->bol)
		return;
	if (b->n) {
		struct tpl_item x;
		memset(&x, 0, sizeof(x));
		x.kind = TPI_LIT;
		x.pos = b->pos;
		x.lit = b->p;
		x.n = b->n;
		x.bol = b->bol;
		tpl_items_add(p->r, it, &x);
	}
	b->p = NULL;
	b->n = b->cap = 0;
	b->bol = false;
}

static struct hx *parse_expr(struct parser *p);

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static size_t utf8_encode(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* A backslash escape in a quoted template; the lexer is at the backslash. */
static void escape(struct parser *p, struct litbuf *b)
{
	struct hcl_pos at = hlex_pos(&p->lx);
	int c = hlex_peekc(&p->lx, 1);
	char out[4];
	const char *s = out;
	size_t n = 1;
	switch (c) {
	case 'n':
		out[0] = '\n';
		break;
	case 'r':
		out[0] = '\r';
		break;
	case 't':
		out[0] = '\t';
		break;
	case '"':
		out[0] = '"';
		break;
	case '\\':
		out[0] = '\\';
		break;
	case 'u':
	case 'U': {
		int digits = c == 'u' ? 4 : 8;
		unsigned long cp = 0;
		for (int i = 0; i < digits; i++) {
			int h = hexval(hlex_peekc(&p->lx, 2 + (size_t)i));
			if (h < 0)
				hcl_fail(p->r, &at, "invalid escape: \\%c needs %d hexadecimal digits", c,
					 digits);
			cp = cp * 16 + (unsigned long)h;
		}
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			hcl_fail(p->r, &at, "invalid escape: U+%lX is not a Unicode character", cp);
		n = utf8_encode(cp, out);
		lit_add(p, b, s, n, &at);
		hlex_advance(&p->lx, 2 + (size_t)digits);
		return;
	}
	default: {
		char buf[16];
		if (c < 0x20 || c > 0x7e)
			snprintf(buf, sizeof(buf), "\\x%02X", (unsigned)(c < 0 ? 0 : c));
		else
			snprintf(buf, sizeof(buf), "%c", c);
		hcl_fail(p->r, &at,
			 "invalid escape sequence \\%s in a string (escapes are \\n \\r \\t \\\" \\\\ "
			 "\\uNNNN \\UNNNNNNNN)",
			 buf);
	}
	}
	lit_add(p, b, s, n, &at);
	hlex_advance(&p->lx, 2);
}

/* ${ ... } or %{ ... }: the lexer is at '$' or '%'. */
static void interp_or_directive(struct parser *p, struct tpl_items *it, bool bol)
{
	struct tpl_item x;
	memset(&x, 0, sizeof(x));
	x.pos = hlex_pos(&p->lx);
	x.bol = bol;
	bool directive = hlex_peekc(&p->lx, 0) == '%';
	hlex_advance(&p->lx, 2);
	if (hlex_peekc(&p->lx, 0) == '~') {
		x.strip_l = true;
		hlex_advance(&p->lx, 1);
	}
	nest_in(p, &x.pos);
	nl_enter(p);
	if (!directive) {
		x.kind = TPI_INTERP;
		x.expr = parse_expr(p);
	} else {
		struct htoken w = next(p);
		if (is_word(&w, "if")) {
			x.kind = TPI_IF;
			x.expr = parse_expr(p);
		} else if (is_word(&w, "else")) {
			x.kind = TPI_ELSE;
		} else if (is_word(&w, "endif")) {
			x.kind = TPI_ENDIF;
		} else if (is_word(&w, "endfor")) {
			x.kind = TPI_ENDFOR;
		} else if (is_word(&w, "for")) {
			x.kind = TPI_FOR;
			struct htoken a = expect(p, T_IDENT, "expected a variable name after for");
			x.vv = tok_str(p, &a);
			if (peek(p)->kind == T_COMMA) {
				next(p);
				struct htoken b = expect(p, T_IDENT, "expected a second variable name");
				x.kv = x.vv;
				x.vv = tok_str(p, &b);
			}
			if (!is_word(peek(p), "in"))
				unexpected(p, peek(p), "expected \"in\" in the for directive");
			next(p);
			x.expr = parse_expr(p);
		} else {
			unexpected(p, &w, "expected if, else, endif, for or endfor after %{");
		}
	}
	if (peek(p)->kind == T_TILDE) {
		next(p);
		x.strip_r = true;
	}
	if (peek(p)->kind != T_RBRACE)
		unexpected(p, peek(p),
			   directive ? "expected } to close the template directive"
				     : "expected } to close the interpolation");
	next(p);
	nl_leave(p);
	p->depth--;
	tpl_items_add(p->r, it, &x);
}

/* A heredoc closing line: optional spaces, the delimiter, end of line. */
static size_t heredoc_end(struct parser *p, const struct htoken *h)
{
	size_t k = 0;
	while (hlex_peekc(&p->lx, k) == ' ' || hlex_peekc(&p->lx, k) == '\t')
		k++;
	if (p->lx.off + k + h->n > p->lx.len || memcmp(p->lx.src + p->lx.off + k, h->p, h->n))
		return 0;
	int c = hlex_peekc(&p->lx, k + h->n);
	if (c == '\n' || c == -1 || (c == '\r' && hlex_peekc(&p->lx, k + h->n + 1) == '\n'))
		return k + h->n;
	return 0;
}

static struct hx *finish_template(struct parser *p, struct tpl_items *it, bool flush,
				  const struct hcl_pos *pos)
{
	if (flush)
		tpl_flush_heredoc(p->r, it);
	struct htpl *t = tpl_build(p->r, it);
	bool literal_only = true;
	size_t total = 0;
	for (size_t i = 0; i < t->n; i++) {
		literal_only &= t->parts[i].kind == HTP_LIT;
		total += t->parts[i].litn;
	}
	if (literal_only && t->n == 1 && t->parts[0].lit[t->parts[0].litn] == '\0')
		return literal(p, hv_string_ref(p->r, t->parts[0].lit, total), pos);
	if (literal_only) {
		char *s = hcl_alloc(p->r, total + 1);
		size_t o = 0;
		for (size_t i = 0; i < t->n; i++) {
			memcpy(s + o, t->parts[i].lit, t->parts[i].litn);
			o += t->parts[i].litn;
		}
		return literal(p, hv_string_own(p->r, s, total), pos);
	}
	struct hx *e = hx_new(p->r, HX_TEMPLATE, pos);
	e->tpl = t;
	return e;
}

/* The template body; the lexer is just past its opening (quote, heredoc
 * line, or the start of a raw text). */
static struct hx *scan_template(struct parser *p, enum tmode mode, const struct htoken *open,
				const struct hcl_pos *pos)
{
	struct tpl_items it;
	struct litbuf b;
	bool bol = mode == TM_HEREDOC;
	memset(&it, 0, sizeof(it));
	memset(&b, 0, sizeof(b));
	if (p->nla)
		hcl_fail(p->r, pos, "internal error: lookahead inside a template");
	nest_in(p, pos);
	for (;;) {
		struct hcl_pos here = hlex_pos(&p->lx);
		if (mode == TM_HEREDOC && bol) {
			size_t end = heredoc_end(p, open);
			if (end) {
				hlex_advance(&p->lx, end);
				break;
			}
		}
		int c = hlex_peekc(&p->lx, 0), c1 = hlex_peekc(&p->lx, 1), c2 = hlex_peekc(&p->lx, 2);
		if (c == -1) {
			if (mode == TM_RAW)
				break;
			if (mode == TM_QUOTED)
				hcl_fail(p->r, pos, "unterminated string: the closing quote is missing");
			char id[64];
			snprintf(id, sizeof(id), "%.*s", (int)(open->n < 40 ? open->n : 40), open->p);
			hcl_fail(p->r, pos, "unterminated heredoc: no line with %s closes it", id);
		}
		if (mode == TM_QUOTED && (c == '\n' || (c == '\r' && c1 == '\n')))
			hcl_fail(p->r, pos,
				 "unterminated string: a quoted string cannot span lines (use \\n or a "
				 "heredoc)");
		if (mode == TM_QUOTED && c == '"') {
			hlex_advance(&p->lx, 1);
			break;
		}
		if (b.n == 0 && bol)
			b.bol = true;
		if (mode == TM_QUOTED && c == '\\') {
			escape(p, &b);
		} else if ((c == '$' || c == '%') && c1 == '{') {
			bool at_bol = b.n == 0 && bol;
			b.bol = b.bol && b.n;
			lit_flush(p, &b, &it);
			interp_or_directive(p, &it, at_bol);
			bol = false;
			continue;
		} else if ((c == '$' && c1 == '$' && c2 == '{') || (c == '%' && c1 == '%' && c2 == '{')) {
			char esc[2] = {(char)c, '{'};
			lit_add(p, &b, esc, 2, &here);
			hlex_advance(&p->lx, 3);
		} else {
			char ch = (char)c;
			lit_add(p, &b, &ch, 1, &here);
			hlex_advance(&p->lx, 1);
			if (c == '\n' && mode == TM_HEREDOC) {
				lit_flush(p, &b, &it);
				bol = true;
				continue;
			}
		}
		bol = false;
	}
	lit_flush(p, &b, &it);
	p->depth--;
	return finish_template(p, &it, mode == TM_HEREDOC && open->flush, pos);
}

/* ---- expressions ------------------------------------------------------------ */

static struct hx *parse_for(struct parser *p, bool object, const struct hcl_pos *pos)
{
	struct hx *e = hx_new(p->r, HX_FOR, pos);
	e->fr = hcl_alloc(p->r, sizeof(*e->fr));
	next(p); /* for */
	struct htoken a = expect(p, T_IDENT, "expected a variable name after for");
	e->fr->val_var = tok_str(p, &a);
	if (peek(p)->kind == T_COMMA) {
		next(p);
		struct htoken b = expect(p, T_IDENT, "expected a second variable name after the comma");
		e->fr->key_var = e->fr->val_var;
		e->fr->val_var = tok_str(p, &b);
	}
	if (!is_word(peek(p), "in"))
		unexpected(p, peek(p), "expected \"in\" after the for variables");
	next(p);
	e->fr->coll = parse_expr(p);
	expect(p, T_COLON, "expected : after the for collection");
	if (object) {
		e->fr->key = parse_expr(p);
		expect(p, T_ARROW, "expected => between the key and the value of a for expression");
		e->fr->val = parse_expr(p);
		if (peek(p)->kind == T_ELLIPSIS) {
			next(p);
			e->fr->group = true;
		}
	} else {
		e->fr->val = parse_expr(p);
	}
	if (is_word(peek(p), "if")) {
		next(p);
		e->fr->cond = parse_expr(p);
	}
	expect(p, object ? T_RBRACE : T_RBRACK,
	       object ? "expected } to close the for expression" : "expected ] to close the for expression");
	return e;
}

static struct hx *parse_tuple(struct parser *p)
{
	struct htoken open = next(p);
	struct hx *e;
	nest_in(p, &open.pos);
	nl_enter(p);
	if (is_word(peek(p), "for") && peek2(p)->kind == T_IDENT) {
		e = parse_for(p, false, &open.pos);
	} else {
		size_t cap = 0;
		e = hx_new(p->r, HX_TUPLE, &open.pos);
		while (peek(p)->kind != T_RBRACK) {
			struct hx *item = parse_expr(p);
			e->items.v = hcl_grow(p->r, e->items.v, &cap, e->items.n + 1, sizeof(*e->items.v));
			e->items.v[e->items.n++] = item;
			if (peek(p)->kind == T_COMMA)
				next(p);
			else if (peek(p)->kind != T_RBRACK)
				unexpected(p, peek(p), "expected , or ] in the list");
		}
		next(p);
	}
	nl_leave(p);
	p->depth--;
	return e;
}

static struct hx *parse_object(struct parser *p)
{
	struct htoken open = next(p);
	struct hx *e;
	nest_in(p, &open.pos);
	nl_enter(p);
	if (is_word(peek(p), "for") && peek2(p)->kind == T_IDENT) {
		e = parse_for(p, true, &open.pos);
	} else {
		size_t cap = 0;
		e = hx_new(p->r, HX_OBJECT, &open.pos);
		while (peek(p)->kind != T_RBRACE) {
			struct hx_objitem item;
			const struct htoken *t = peek(p);
			if (t->kind == T_IDENT &&
			    (peek2(p)->kind == T_ASSIGN || peek2(p)->kind == T_COLON)) {
				struct htoken k = next(p);
				item.key = literal(p, hv_string_ref(p->r, tok_str(p, &k), k.n), &k.pos);
			} else {
				item.key = parse_expr(p);
			}
			t = peek(p);
			if (t->kind != T_ASSIGN && t->kind != T_COLON)
				unexpected(p, t, "expected = after the object key");
			next(p);
			item.val = parse_expr(p);
			e->obj.v = hcl_grow(p->r, e->obj.v, &cap, e->obj.n + 1, sizeof(*e->obj.v));
			e->obj.v[e->obj.n++] = item;
			if (peek(p)->kind == T_COMMA)
				next(p);
		}
		next(p);
	}
	nl_leave(p);
	p->depth--;
	return e;
}

static struct hx *parse_call(struct parser *p, const char *name, const struct hcl_pos *pos)
{
	struct hx *e = hx_new(p->r, HX_CALL, pos);
	size_t cap = 0;
	e->call = hcl_alloc(p->r, sizeof(*e->call));
	e->call->name = name;
	next(p); /* ( */
	nest_in(p, pos);
	nl_enter(p);
	while (peek(p)->kind != T_RPAREN) {
		struct hx *a = parse_expr(p);
		e->call->args = hcl_grow(p->r, e->call->args, &cap, e->call->nargs + 1, sizeof(*e->call->args));
		e->call->args[e->call->nargs++] = a;
		if (peek(p)->kind == T_ELLIPSIS) {
			next(p);
			e->call->expand = true;
			if (peek(p)->kind != T_RPAREN)
				unexpected(p, peek(p), "expected ) after the expanded argument ...");
			break;
		}
		if (peek(p)->kind == T_COMMA)
			next(p);
		else if (peek(p)->kind != T_RPAREN)
			unexpected(p, peek(p), "expected , or ) in the function arguments");
	}
	next(p);
	nl_leave(p);
	p->depth--;
	return e;
}

static struct hx *getattr(struct parser *p, struct hx *src, const struct htoken *name)
{
	struct hx *e = hx_new(p->r, HX_GETATTR, &name->pos);
	e->a.src = src;
	e->a.name = tok_str(p, name);
	return e;
}

/* .0 or .0.1 (a number token "0.1" is two legacy indexes) */
static struct hx *legacy_index(struct parser *p, struct hx *src, const struct htoken *num)
{
	const char *s = num->p, *end = num->p + num->n;
	while (s < end) {
		const char *dot = memchr(s, '.', (size_t)(end - s));
		size_t len = dot ? (size_t)(dot - s) : (size_t)(end - s);
		if (len == 0 || len > 15 || memchr(s, 'e', len) || memchr(s, 'E', len))
			hcl_fail(p->r, &num->pos, "invalid index: .%.*s", (int)(num->n < 20 ? num->n : 20),
				 num->p);
		char buf[20];
		memcpy(buf, s, len);
		buf[len] = '\0';
		struct hx *e = hx_new(p->r, HX_INDEX, &num->pos);
		e->idx.src = src;
		e->idx.key = literal(p, hv_number(p->r, strtod(buf, NULL)), &num->pos);
		src = e;
		s += len + (dot ? 1 : 0);
	}
	return src;
}

/* After [*] or .*: the traversal applied to each element. */
static struct hx *splat(struct parser *p, struct hx *src, bool full, const struct hcl_pos *pos)
{
	struct hx *item = hx_new(p->r, HX_SPLAT_ITEM, pos);
	struct hx *each = item;
	int links = 0;
	for (;;) {
		const struct htoken *t = peek(p);
		if (t->kind == T_DOT && peek2(p)->kind == T_IDENT) {
			next(p);
			struct htoken n = next(p);
			each = getattr(p, each, &n);
		} else if (t->kind == T_DOT && peek2(p)->kind == T_NUMBER) {
			next(p);
			struct htoken n = next(p);
			each = legacy_index(p, each, &n);
		} else if (full && t->kind == T_LBRACK && peek2(p)->kind != T_STAR) {
			struct htoken open = next(p);
			nl_enter(p);
			struct hx *k = parse_expr(p);
			expect(p, T_RBRACK, "expected ] to close the index");
			nl_leave(p);
			struct hx *e = hx_new(p->r, HX_INDEX, &open.pos);
			e->idx.src = each;
			e->idx.key = k;
			each = e;
		} else {
			break;
		}
		links++;
		nest_in(p, &t->pos);
	}
	p->depth -= links;
	struct hx *e = hx_new(p->r, HX_SPLAT, pos);
	e->splat.src = src;
	e->splat.each = each;
	return e;
}

static struct hx *postfix(struct parser *p, struct hx *e)
{
	int links = 0;
	for (;;) {
		const struct htoken *t = peek(p);
		struct hcl_pos at = t->pos;
		if (t->kind == T_DOT) {
			const struct htoken *t2 = peek2(p);
			if (t2->kind == T_IDENT) {
				next(p);
				struct htoken n = next(p);
				e = getattr(p, e, &n);
			} else if (t2->kind == T_NUMBER) {
				next(p);
				struct htoken n = next(p);
				e = legacy_index(p, e, &n);
			} else if (t2->kind == T_STAR) {
				next(p);
				next(p);
				e = splat(p, e, false, &at);
			} else {
				next(p);
				unexpected(p, peek(p), "expected an attribute name after the dot");
			}
		} else if (t->kind == T_LBRACK) {
			next(p);
			nl_enter(p);
			if (peek(p)->kind == T_STAR && peek2(p)->kind == T_RBRACK) {
				next(p);
				next(p);
				nl_leave(p);
				e = splat(p, e, true, &at);
			} else {
				struct hx *k = parse_expr(p);
				expect(p, T_RBRACK, "expected ] to close the index");
				nl_leave(p);
				struct hx *ix = hx_new(p->r, HX_INDEX, &at);
				ix->idx.src = e;
				ix->idx.key = k;
				e = ix;
			}
		} else {
			break;
		}
		links++;
		nest_in(p, &at);
	}
	p->depth -= links;
	return e;
}

static struct hx *parse_term(struct parser *p)
{
	const struct htoken *t = peek(p);
	struct hcl_pos pos = t->pos;
	struct hx *e;
	switch (t->kind) {
	case T_NUMBER: {
		struct htoken n = next(p);
		char buf[64];
		if (n.n >= sizeof(buf))
			hcl_fail(p->r, &n.pos, "number literal too long");
		memcpy(buf, n.p, n.n);
		buf[n.n] = '\0';
		double d = strtod(buf, NULL);
		if (!isfinite(d))
			hcl_fail(p->r, &n.pos, "number %s is out of range", buf);
		e = literal(p, hv_number(p->r, d), &pos);
		break;
	}
	case T_IDENT:
		if (is_word(t, "true") || is_word(t, "false") || is_word(t, "null")) {
			struct hval *v = is_word(t, "true") ? HV_TRUE : is_word(t, "false") ? HV_FALSE : HV_NULLV;
			next(p);
			e = literal(p, v, &pos);
		} else if ((peek2(p)->kind == T_LPAREN && peek2(p)->pos.line == pos.line) ||
			   peek2(p)->kind == T_DCOLON) {
			struct htoken n = next(p);
			const char *name = tok_str(p, &n);
			while (peek(p)->kind == T_DCOLON) { /* provider::aws::arn_parse */
				next(p);
				struct htoken m = expect(p, T_IDENT, "expected a name after ::");
				name = hcl_printf(p->r, "%s::%.*s", name, (int)m.n, m.p);
			}
			if (peek(p)->kind != T_LPAREN)
				unexpected(p, peek(p), "expected ( after the function name");
			e = parse_call(p, name, &pos);
		} else {
			struct htoken n = next(p);
			e = hx_new(p->r, HX_VAR, &pos);
			e->name = tok_str(p, &n);
		}
		break;
	case T_QUOTE: {
		struct htoken q = next(p);
		e = scan_template(p, TM_QUOTED, &q, &q.pos);
		break;
	}
	case T_HEREDOC: {
		struct htoken h = next(p);
		e = scan_template(p, TM_HEREDOC, &h, &h.pos);
		break;
	}
	case T_LBRACK:
		e = parse_tuple(p);
		break;
	case T_LBRACE:
		e = parse_object(p);
		break;
	case T_LPAREN: {
		next(p);
		nest_in(p, &pos);
		nl_enter(p);
		struct hx *in = parse_expr(p);
		expect(p, T_RPAREN, "expected ) to close the parenthesis");
		nl_leave(p);
		p->depth--;
		e = hx_new(p->r, HX_PAREN, &pos);
		e->paren = in;
		break;
	}
	default:
		unexpected(p, t, "invalid expression: expected the start of an expression");
	}
	return postfix(p, e);
}

static struct hx *parse_unary(struct parser *p)
{
	const struct htoken *t = peek(p);
	if (t->kind == T_MINUS || t->kind == T_BANG) {
		struct htoken op = next(p);
		nest_in(p, &op.pos);
		struct hx *x = parse_unary(p);
		p->depth--;
		if (op.kind == T_MINUS && x->kind == HX_LITERAL && x->lit->kind == HV_NUMBER)
			return literal(p, hv_number(p->r, -x->lit->n), &op.pos);
		struct hx *e = hx_new(p->r, HX_UNARY, &op.pos);
		e->un.op = op.kind == T_MINUS ? OP_NEG : OP_NOT;
		e->un.x = x;
		return e;
	}
	return parse_term(p);
}

static int op_level(enum htok k, enum hx_op *op)
{
	switch (k) {
	case T_OR:
		*op = OP_OR;
		return 1;
	case T_AND:
		*op = OP_AND;
		return 2;
	case T_EQ:
		*op = OP_EQ;
		return 3;
	case T_NE:
		*op = OP_NE;
		return 3;
	case T_LT:
		*op = OP_LT;
		return 4;
	case T_LE:
		*op = OP_LE;
		return 4;
	case T_GT:
		*op = OP_GT;
		return 4;
	case T_GE:
		*op = OP_GE;
		return 4;
	case T_PLUS:
		*op = OP_ADD;
		return 5;
	case T_MINUS:
		*op = OP_SUB;
		return 5;
	case T_STAR:
		*op = OP_MUL;
		return 6;
	case T_SLASH:
		*op = OP_DIV;
		return 6;
	case T_PERCENT:
		*op = OP_MOD;
		return 6;
	default:
		return 0;
	}
}

/* Precedence climbing: operators of level >= min, left associative. */
static struct hx *parse_binary(struct parser *p, int min)
{
	struct hx *l = parse_unary(p);
	int links = 0;
	for (;;) {
		enum hx_op op;
		int lev = op_level(peek(p)->kind, &op);
		if (!lev || lev < min)
			break;
		struct htoken t = next(p);
		skipnl(p);
		nest_in(p, &t.pos);
		links++;
		struct hx *r = parse_binary(p, lev + 1);
		struct hx *e = hx_new(p->r, HX_BINARY, &t.pos);
		e->bin.op = op;
		e->bin.l = l;
		e->bin.r = r;
		l = e;
	}
	p->depth -= links;
	return l;
}

static struct hx *parse_expr(struct parser *p)
{
	struct hcl_pos pos = peek(p)->pos;
	nest_in(p, &pos);
	struct hx *c = parse_binary(p, 1);
	if (peek(p)->kind == T_QUESTION) {
		next(p);
		skipnl(p);
		struct hx *t = parse_expr(p);
		skipnl(p);
		expect(p, T_COLON, "expected : in the conditional expression");
		skipnl(p);
		struct hx *f = parse_expr(p);
		struct hx *e = hx_new(p->r, HX_COND, &c->pos);
		e->cond.c = c;
		e->cond.t = t;
		e->cond.f = f;
		c = e;
	}
	p->depth--;
	return c;
}

/* ---- bodies ----------------------------------------------------------------- */

struct name_at {
	const char *name;
	size_t index;
};

static int cmp_name_at(const void *a, const void *b)
{
	const struct name_at *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->index < y->index ? -1 : x->index > y->index);
}

static void check_duplicates(struct parser *p, struct hcl_body *b)
{
	if (b->nattrs < 2)
		return;
	struct name_at *v = hcl_alloc_array(p->r, b->nattrs, sizeof(*v));
	for (size_t i = 0; i < b->nattrs; i++) {
		v[i].name = b->attrs[i].name;
		v[i].index = i;
	}
	qsort(v, b->nattrs, sizeof(*v), cmp_name_at);
	for (size_t i = 1; i < b->nattrs; i++)
		if (!strcmp(v[i].name, v[i - 1].name)) {
			const struct hcl_attr *first = &b->attrs[v[i - 1].index];
			char buf[80];
			hcl_fail(p->r, &b->attrs[v[i].index].pos,
				 "attribute \"%s\" is set twice in this block (first at line %d)",
				 cp_sanitize(first->name, buf, sizeof(buf)), first->pos.line);
		}
}

static const char *block_label(struct parser *p)
{
	struct htoken t = next(p);
	if (t.kind == T_IDENT)
		return tok_str(p, &t);
	struct hx *e = scan_template(p, TM_QUOTED, &t, &t.pos);
	if (e->kind != HX_LITERAL)
		hcl_fail(p->r, &t.pos, "block labels must be literal strings, without ${ } or %%{ }");
	return e->lit->s.p;
}

static struct hcl_body *parse_body(struct parser *p, bool braced, const struct hcl_pos *pos)
{
	struct hcl_body *b = hcl_alloc(p->r, sizeof(*b));
	size_t acap = 0, bcap = 0;
	b->pos = *pos;
	for (;;) {
		const struct htoken *t = peek(p);
		if (t->kind == T_NEWLINE) {
			next(p);
			continue;
		}
		if (t->kind == T_EOF) {
			if (braced)
				hcl_fail(p->r, pos, "unclosed block: this { has no matching }");
			break;
		}
		if (t->kind == T_RBRACE) {
			if (!braced)
				unexpected(p, t, "expected an attribute or a block");
			break;
		}
		if (t->kind != T_IDENT)
			unexpected(p, t, "expected an attribute or a block");
		struct htoken name = next(p);
		t = peek(p);
		if (t->kind == T_ASSIGN) {
			next(p);
			struct hcl_attr a;
			a.name = tok_str(p, &name);
			a.pos = name.pos;
			a.expr = parse_expr(p);
			t = peek(p);
			if (t->kind == T_NEWLINE)
				next(p);
			else if (t->kind != T_EOF && !(t->kind == T_RBRACE && braced))
				unexpected(p, t, "expected a newline after the attribute value");
			b->attrs = hcl_grow(p->r, b->attrs, &acap, b->nattrs + 1, sizeof(*b->attrs));
			b->attrs[b->nattrs++] = a;
			continue;
		}
		struct hcl_block blk;
		size_t lcap = 0;
		memset(&blk, 0, sizeof(blk));
		blk.type = tok_str(p, &name);
		blk.pos = name.pos;
		while (t->kind == T_QUOTE || t->kind == T_IDENT) {
			const char *l = block_label(p);
			blk.labels = hcl_grow(p->r, blk.labels, &lcap, blk.nlabels + 1, sizeof(*blk.labels));
			blk.labels[blk.nlabels++] = l;
			t = peek(p);
		}
		if (t->kind != T_LBRACE)
			unexpected(p, t,
				   blk.nlabels ? "expected { to open the block"
					       : "expected = for an attribute or { for a block");
		struct htoken open = next(p);
		nest_in(p, &open.pos);
		t = peek(p);
		if (t->kind == T_NEWLINE) {
			blk.body = parse_body(p, true, &open.pos);
			next(p); /* } */
		} else {
			/* a one-line block: empty, or a single attribute */
			blk.body = hcl_alloc(p->r, sizeof(*blk.body));
			blk.body->pos = open.pos;
			if (t->kind != T_RBRACE) {
				struct htoken an = expect(p, T_IDENT,
							  "expected an attribute in the one-line block");
				expect(p, T_ASSIGN, "expected = after the attribute name");
				blk.body->attrs = hcl_alloc(p->r, sizeof(*blk.body->attrs));
				blk.body->attrs[0].name = tok_str(p, &an);
				blk.body->attrs[0].pos = an.pos;
				blk.body->attrs[0].expr = parse_expr(p);
				blk.body->nattrs = 1;
				if (peek(p)->kind != T_RBRACE)
					unexpected(p, peek(p),
						   "expected } to close the one-line block (put further "
						   "attributes on their own lines)");
			}
			next(p);
		}
		p->depth--;
		t = peek(p);
		if (t->kind == T_NEWLINE)
			next(p);
		else if (t->kind != T_EOF && !(t->kind == T_RBRACE && braced))
			unexpected(p, t, "expected a newline after the block");
		check_duplicates(p, blk.body);
		b->blocks = hcl_grow(p->r, b->blocks, &bcap, b->nblocks + 1, sizeof(*b->blocks));
		b->blocks[b->nblocks++] = blk;
	}
	return b;
}

/* ---- entry points ----------------------------------------------------------- */

void hcl_check_utf8(struct hcl_run *r, const char *file, const char *text, size_t len, int line,
		    int col)
{
	if (utf8_valid(text, len) && !memchr(text, '\0', len))
		return;
	const char *s = text;
	while ((size_t)(s - text) < len) {
		long cp;
		int n = *s ? utf8_next(s, &cp) : 1;
		if (*s == '\0' || cp < 0) {
			struct hcl_pos at = {file, line, col};
			hcl_fail(r, &at, *s ? "not UTF-8 text: byte \\x%02X is not part of a UTF-8 character"
					    : "not text: the file holds a NUL byte",
				 (unsigned)(unsigned char)*s);
		}
		if (*s == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
		s += n;
	}
}

static void parser_init(struct parser *p, struct hcl_run *r, const char *file, const char *text,
			size_t len, int line, int col)
{
	memset(p, 0, sizeof(*p));
	p->r = r;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) { /* a BOM */
		text += 3;
		len -= 3;
	}
	hcl_check_utf8(r, file, text, len, line, col);
	hlex_init(&p->lx, r, file, text, len, line, col);
}

struct hcl_body *hcl_parse_body(struct hcl_run *r, const char *file, const char *text, size_t len)
{
	struct parser p;
	struct hcl_pos pos = {file, 1, 1};
	parser_init(&p, r, file, text, len, 1, 1);
	struct hcl_body *b = parse_body(&p, false, &pos);
	check_duplicates(&p, b);
	return b;
}

struct hx *hcl_parse_expr(struct hcl_run *r, const char *file, const char *text, size_t len,
			  int line, int col)
{
	struct parser p;
	parser_init(&p, r, file, text, len, line, col);
	p.nl_ignore = 1;
	struct hx *e = parse_expr(&p);
	if (peek(&p)->kind != T_EOF)
		unexpected(&p, peek(&p), "expected the end of the expression");
	return e;
}

struct hx *hcl_parse_template(struct hcl_run *r, const char *file, const char *text, size_t len,
			      int line, int col)
{
	struct parser p;
	struct hcl_pos pos = {file, line, col};
	struct htoken none;
	memset(&none, 0, sizeof(none));
	parser_init(&p, r, file, text, len, line, col);
	return scan_template(&p, TM_RAW, &none, &pos);
}

const struct hcl_attr *hcl_body_attr(const struct hcl_body *b, const char *name)
{
	for (size_t i = 0; b && i < b->nattrs; i++)
		if (!strcmp(b->attrs[i].name, name))
			return &b->attrs[i];
	return NULL;
}

int hx_traversal(const struct hx *e, const char **root, struct hx_step *steps, int max)
{
	int n = 0;
	const struct hx *chain[64];
	while (e->kind == HX_GETATTR || e->kind == HX_INDEX) {
		if (n >= 64)
			return -1;
		chain[n++] = e;
		e = e->kind == HX_GETATTR ? e->a.src : e->idx.src;
	}
	if (e->kind != HX_VAR)
		return -1;
	*root = e->name;
	int out = 0;
	for (int i = n - 1; i >= 0 && out < max; i--) {
		const struct hx *c = chain[i];
		if (c->kind == HX_GETATTR) {
			steps[out].name = c->a.name;
			steps[out].key = NULL;
		} else {
			if (c->idx.key->kind != HX_LITERAL)
				break;
			steps[out].name = NULL;
			steps[out].key = c->idx.key->lit;
		}
		out++;
	}
	return out;
}
