/*
 * hcl_ast.h - the syntax tree of a configuration file, whichever syntax it
 * was written in: native HCL (hcl_parse.c) and JSON (hcl_json.c) both
 * produce these nodes, so everything after parsing sees one language.
 *
 * A file is a body: attributes (name = expression) and blocks (type,
 * labels, body), in source order. Expressions are trees of struct hx.
 * Templates ("a ${b}", heredocs) are flattened at parse time into literal
 * parts, interpolations and nested if/for directives, with strip markers
 * and heredoc indentation already applied.
 *
 * Splats: `src[*].a.b` is HX_SPLAT{src, each} where `each` is built on an
 * HX_SPLAT_ITEM leaf standing for the current element: GETATTR(GETATTR(
 * ITEM, a), b). The attribute-only form `src.*.a[0]` puts the index
 * outside the splat, as the HCL specification says.
 *
 * Ownership: every node lives in the load's arena (hcl_run.h).
 */
#ifndef COSTPLAN_HCL_AST_H
#define COSTPLAN_HCL_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "model/terraform/hcl_run.h"
#include "model/terraform/hcl_value.h"

enum hx_kind {
	HX_LITERAL,    /* lit: null, bool, number, or a string without template parts */
	HX_TEMPLATE,   /* tpl */
	HX_VAR,        /* name: a root variable (var, local, aws_vpc, each, count...) */
	HX_GETATTR,    /* a.src . a.name */
	HX_INDEX,      /* idx.src [ idx.key ] (legacy a.0 too) */
	HX_SPLAT,      /* splat.src, splat.each */
	HX_SPLAT_ITEM, /* the current element inside splat.each */
	HX_CALL,       /* call->name ( call->args ... ) */
	HX_TUPLE,      /* items */
	HX_OBJECT,     /* obj */
	HX_FOR,        /* fr */
	HX_UNARY,      /* un */
	HX_BINARY,     /* bin */
	HX_COND,       /* cond */
	HX_PAREN,      /* paren: (expr), kept to tell object keys apart */
};

enum hx_op {
	OP_NEG, OP_NOT,
	OP_MUL, OP_DIV, OP_MOD,
	OP_ADD, OP_SUB,
	OP_LT, OP_LE, OP_GT, OP_GE,
	OP_EQ, OP_NE,
	OP_AND, OP_OR,
};

struct hx;

enum htp_kind { HTP_LIT, HTP_INTERP, HTP_IF, HTP_FOR };

/* One part of a template. */
struct htp {
	enum htp_kind kind;
	struct hcl_pos pos;
	const char *lit; /* HTP_LIT (arena, NUL-terminated) */
	size_t litn;
	struct hx *expr; /* HTP_INTERP value; HTP_IF condition; HTP_FOR collection */
	struct htpl *then, *els; /* HTP_IF (els may be NULL); HTP_FOR body in then */
	const char *key_var, *val_var; /* HTP_FOR (key_var may be NULL) */
};

struct htpl {
	struct htp *parts;
	size_t n;
};

struct hx_objitem {
	struct hx *key; /* a bare identifier key is an HX_LITERAL string */
	struct hx *val;
};

/* The two biggest node kinds keep their parts out of line, so every node
 * is small (nodes are the bulk of a parsed configuration). */
struct hx_call {
	const char *name;
	struct hx **args;
	size_t nargs;
	bool expand; /* last argument followed by ... */
};

struct hx_for {
	const char *key_var, *val_var;      /* key_var NULL with one name */
	struct hx *coll, *key, *val, *cond; /* key NULL: tuple for */
	bool group;                         /* { ... => v... } */
};

struct hx {
	enum hx_kind kind;
	struct hcl_pos pos;
	union {
		struct hval *lit;
		struct htpl *tpl;
		const char *name;
		struct {
			struct hx *src;
			const char *name;
		} a;
		struct {
			struct hx *src, *key;
		} idx;
		struct {
			struct hx *src, *each;
		} splat;
		struct hx_call *call;
		struct {
			struct hx **v;
			size_t n;
		} items;
		struct {
			struct hx_objitem *v;
			size_t n;
		} obj;
		struct hx_for *fr;
		struct {
			enum hx_op op;
			struct hx *x;
		} un;
		struct {
			enum hx_op op;
			struct hx *l, *r;
		} bin;
		struct {
			struct hx *c, *t, *f;
		} cond;
		struct hx *paren;
	};
};

struct hcl_body;

struct hcl_attr {
	const char *name;
	struct hx *expr;
	struct hcl_pos pos;
};

struct hcl_block {
	const char *type;
	const char **labels;
	size_t nlabels;
	struct hcl_body *body;
	struct hcl_pos pos;
};

struct hcl_body {
	struct hcl_attr *attrs;
	size_t nattrs;
	struct hcl_block *blocks;
	size_t nblocks;
	struct hcl_pos pos; /* the opening brace (or the file) */
	bool from_json;     /* written in JSON syntax */
};

/* The attribute named name, or NULL. */
const struct hcl_attr *hcl_body_attr(const struct hcl_body *b, const char *name);

/* A new expression node. */
struct hx *hx_new(struct hcl_run *r, enum hx_kind kind, const struct hcl_pos *pos);

/*
 * Static traversal: a variable followed by attribute names and constant
 * indexes (var.x, aws_subnet.public[0].id, module.m["k"].out). Returns the
 * number of steps written to steps (at most max), the root in *root; -1 when
 * e is not a traversal. Each step is an attribute name (key NULL) or a
 * literal index (name NULL).
 */
struct hx_step {
	const char *name;
	const struct hval *key;
};
int hx_traversal(const struct hx *e, const char **root, struct hx_step *steps, int max);

#endif
