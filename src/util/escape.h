/*
 * escape.h - make text from inputs safe inside each output format.
 *
 * Names in scenarios and plans are written by other people (possibly in a
 * pull request from a fork): nothing in them may become markup, a link, a
 * formula or a terminal escape sequence in our output.
 *
 * In markdown, HTML and terminal text, code points that act on a terminal
 * or reorder text (C1 controls, bidi overrides; see util/utf8.h) and bytes
 * that are not UTF-8 are written as visible text: "U+202E", "\xff".
 */
#ifndef COSTPLAN_ESCAPE_H
#define COSTPLAN_ESCAPE_H

#include <stdio.h>

/* GitHub-flavoured markdown table cell: every ASCII punctuation mark that
 * markdown or HTML could act on is backslash-escaped; newlines become spaces. */
void md_write(FILE *f, const char *s);
/* HTML text or attribute value: & < > " ' escaped. */
void html_write(FILE *f, const char *s);
/* One RFC 4180 field; text starting with = + - @ (or tab/CR) gets a leading
 * apostrophe so spreadsheets never run it as a formula. Control characters
 * other than tab and newlines are shown as text, as for the terminal. */
void csv_write_text(FILE *f, const char *s);
/* A numeric CSV field, written as is. */
void csv_write_raw(FILE *f, const char *s);
/* Terminal, word-wrapped to `width` columns: the first line starts with
 * `lead`, the others with `indent`; words go through term_write. Ends with
 * a newline. */
void term_wrap(FILE *f, const char *lead, const char *indent, const char *text, int width);
/* Terminal: control characters shown as \xNN, unsafe code points as U+XXXX. */
void term_write(FILE *f, const char *s);
/*
 * Terminal table cell: s padded to w characters (UTF-8 aware), or cut to
 * w - 1 characters and '~' when longer; a cut never splits a character.
 * Right-aligned cells are figures: those are never cut ("$45,000,00~"
 * would show a wrong amount); a long one pushes the row wider instead.
 */
void term_cell(FILE *f, const char *s, int w, int right);

#endif
