/*
 * hcl_parse.h - HCL native syntax (.tf, .tfvars) to the syntax tree.
 *
 * A recursive-descent parser over hcl_lex tokens, following the HCL native
 * syntax specification: bodies of attributes and blocks (labels quoted or
 * bare, one-line blocks), and expressions with HCL's precedence (unary
 * - and !, then * / %, + -, comparisons, equality, &&, ||, and the
 * conditional), collections, for expressions with `if` and the grouping
 * `...`, splats, indexes (legacy `.0` too), attribute access, function
 * calls with `...` expansion, and templates with interpolations,
 * directives, strip markers and heredocs.
 *
 * Newlines end attributes; inside (), [], {} of an object, and ${} they
 * are spaces. A newline right after a binary operator, `?` or `:` is also
 * taken as a space (Terraform rejects such a line break; accepting it
 * changes the meaning of no valid file).
 *
 * Errors (hcl_fail) name the file, line and column of the offending token
 * and say what was expected. Nesting is bounded by HCL_MAX_NESTING.
 *
 * Ownership: trees live in the arena; the text must outlive the load (the
 * caller reads it into the arena too).
 */
#ifndef COSTPLAN_HCL_PARSE_H
#define COSTPLAN_HCL_PARSE_H

#include <stddef.h>

#include "model/terraform/hcl_ast.h"

/* A whole file (text of len bytes, NUL-terminated). */
struct hcl_body *hcl_parse_body(struct hcl_run *r, const char *file, const char *text, size_t len);
/* One expression filling the whole text (a --var value, a JSON "type"). */
struct hx *hcl_parse_expr(struct hcl_run *r, const char *file, const char *text, size_t len,
			  int line, int col);
/* The whole text as a template (a JSON string, a templatefile() file). */
struct hx *hcl_parse_template(struct hcl_run *r, const char *file, const char *text, size_t len,
			      int line, int col);

/* Fail unless text[0..len) is valid UTF-8, located at the first bad byte. */
void hcl_check_utf8(struct hcl_run *r, const char *file, const char *text, size_t len, int line,
		    int col);

#endif
