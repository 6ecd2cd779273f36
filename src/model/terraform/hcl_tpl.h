/*
 * hcl_tpl.h - from the flat sequence of a template's pieces to its tree.
 *
 * The parser reads a template (quoted string or heredoc) as a flat list:
 * literal text, interpolations, and the directive markers %{if}, %{else},
 * %{endif}, %{for}, %{endfor}. This module then applies what HCL defines
 * on that flat list, in order: the indentation removal of `<<-` heredocs
 * (the smallest indentation of the lines is removed from every line;
 * lines holding only spaces do not count), the `~` strip markers (spaces,
 * tabs and newlines of the adjacent literal are removed), and finally nests
 * the directives into if/for parts, rejecting unbalanced ones.
 *
 * Ownership: all in the load's arena.
 */
#ifndef COSTPLAN_HCL_TPL_H
#define COSTPLAN_HCL_TPL_H

#include "model/terraform/hcl_ast.h"

enum tpi_kind { TPI_LIT, TPI_INTERP, TPI_IF, TPI_ELSE, TPI_ENDIF, TPI_FOR, TPI_ENDFOR };

struct tpl_item {
	enum tpi_kind kind;
	struct hcl_pos pos;
	char *lit; /* TPI_LIT: arena text */
	size_t n;
	struct hx *expr;        /* interpolation, if condition, for collection */
	const char *kv, *vv;    /* for: key and value names (kv may be NULL) */
	bool strip_l, strip_r;  /* ~ after the opening or before the closing brace */
	bool bol;               /* heredoc: the item starts a line */
};

struct tpl_items {
	struct tpl_item *v;
	size_t n, cap;
};

void tpl_items_add(struct hcl_run *r, struct tpl_items *it, const struct tpl_item *item);
/* <<- heredocs: remove the common indentation. */
void tpl_flush_heredoc(struct hcl_run *r, struct tpl_items *it);
/* Strip markers, then nesting. Fails (hcl_fail) on unbalanced directives. */
struct htpl *tpl_build(struct hcl_run *r, struct tpl_items *it);

#endif
