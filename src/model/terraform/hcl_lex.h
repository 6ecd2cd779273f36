/*
 * hcl_lex.h - the tokens of HCL's native syntax, with their positions.
 *
 * The lexer turns the expression and structure parts of a file into tokens
 * on demand. Templates are context-dependent (a quote or a heredoc opens
 * literal text in which only `${` and `%{` are special), so for them the
 * parser reads characters directly through hlex_peekc()/hlex_advance()
 * after the lexer has handed it T_QUOTE or T_HEREDOC, and asks for tokens
 * again inside each `${ ... }` and `%{ ... }`.
 *
 * Positions are 1-based lines and columns; a column counts code points, so
 * it matches what an editor shows for UTF-8 text (a tab counts as one).
 *
 * Ownership: the lexer borrows the text; token text points into it.
 */
#ifndef COSTPLAN_HCL_LEX_H
#define COSTPLAN_HCL_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "model/terraform/hcl_run.h"

enum htok {
	T_EOF,
	T_NEWLINE,
	T_IDENT,
	T_NUMBER,
	T_QUOTE,   /* an opening '"': a quoted template follows */
	T_HEREDOC, /* <<ID or <<-ID and its newline: heredoc lines follow */
	T_LBRACE,
	T_RBRACE,
	T_LBRACK,
	T_RBRACK,
	T_LPAREN,
	T_RPAREN,
	T_COMMA,
	T_DOT,
	T_ELLIPSIS,
	T_ASSIGN,
	T_COLON,
	T_DCOLON,
	T_QUESTION,
	T_ARROW,
	T_PLUS,
	T_MINUS,
	T_STAR,
	T_SLASH,
	T_PERCENT,
	T_EQ,
	T_NE,
	T_LT,
	T_GT,
	T_LE,
	T_GE,
	T_AND,
	T_OR,
	T_BANG,
	T_TILDE,
};

struct htoken {
	enum htok kind;
	const char *p; /* text (for T_HEREDOC: the delimiter identifier) */
	size_t n;
	struct hcl_pos pos;
	bool flush;    /* T_HEREDOC: <<- */
};

struct hcl_lex {
	struct hcl_run *r;
	const char *file;
	const char *src;
	size_t len, off;
	int line, col;
};

void hlex_init(struct hcl_lex *lx, struct hcl_run *r, const char *file, const char *src,
	       size_t len, int line, int col);
/* The next token (comments and spaces skipped; newlines are tokens). */
void hlex_next(struct hcl_lex *lx, struct htoken *t);

/* Character access for templates. */
static inline int hlex_peekc(const struct hcl_lex *lx, size_t k)
{
	return lx->off + k < lx->len ? (unsigned char)lx->src[lx->off + k] : -1;
}
void hlex_advance(struct hcl_lex *lx, size_t n);
static inline struct hcl_pos hlex_pos(const struct hcl_lex *lx)
{
	struct hcl_pos p = {lx->file, lx->line, lx->col};
	return p;
}

/* How a token reads in a message: "\"}\"", "a newline", "the end of the file". */
const char *htok_describe(const struct htoken *t, char *buf, size_t size);

#endif
