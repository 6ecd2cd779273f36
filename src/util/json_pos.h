/*
 * json_pos.h - where each value of a JSON text sits (line, column).
 *
 * jansson reports positions only for syntax errors. To point a user at
 * the key that is wrong in a file that parsed, we scan the text once more
 * and record the line and column of every object key (and array element)
 * under its path, e.g. "resource.aws_ecs_service.api.desired_count" or
 * "resource.aws_lb.main.subnets[1]". Columns count characters, 1-based.
 *
 * Ownership: json_pos_scan returns a new map; free it with json_pos_free.
 * A NULL map is allowed everywhere and finds nothing.
 */
#ifndef COSTPLAN_JSON_POS_H
#define COSTPLAN_JSON_POS_H

#include <stdarg.h>
#include <stdbool.h>

struct json_pos;

#include <stddef.h>

#include "util/error.h"

/* Scan text (NUL-terminated). Never fails: malformed input yields a partial map. */
struct json_pos *json_pos_scan(const char *text);
void json_pos_free(struct json_pos *p);
/* Position of path; returns 0 and sets line/col, or -1 when unknown. */
int json_pos_find(const struct json_pos *p, const char *path, int *line, int *col);
/* A map built by another reader (YAML): new, add each path, sort once. */
struct json_pos *json_pos_new(void);
void json_pos_add(struct json_pos *p, const char *path, int line, int col);
void json_pos_sort(struct json_pos *p);

/*
 * Overlays (--set, --patch, upgrade steps) change a document after it was
 * read, and the document is validated once, after all of them. A layer
 * over the file's map records which overlay set which path, so a problem
 * with a value an overlay set is reported against that overlay (with the
 * overlay's own line and column when it is a file):
 *
 *   costplan: --set resource.aws_ecs_task_definition.api.cpu=3: cpu ...
 *   costplan: bigger.json:5:17: memory must be ...
 *
 * and a problem elsewhere in a resource an overlay changed is reported
 * where the document says, "(after <overlay>)".
 *
 * json_pos_layer: a new, empty map over base (borrowed, may be NULL).
 * json_pos_source: register an overlay by name, with its own positions
 * (may be NULL; taken over when take). Returns its id.
 * json_pos_origin: the overlay with that id set path (removed: to null).
 */
#define JSON_POS_MAX_ORIGINS 100000
struct json_pos *json_pos_layer(const struct json_pos *base);
size_t json_pos_source(struct json_pos *p, const char *label, const struct json_pos *pos,
		       bool take);
void json_pos_origin(struct json_pos *p, size_t source, const char *path, bool removed);
/*
 * Where to report a problem at docpath: *loc (file preset by the caller)
 * gets the overlay's name and position, or the document's; after (may be
 * NULL) gets the name of an overlay that changed the same resource (else
 * one that removed something), or "".
 */
void json_pos_locate(const struct json_pos *p, const char *docpath, struct cp_loc *loc,
		     char *after, size_t size);

/*
 * Reporting problems found in a JSON document by path: each message is
 * located at the path's line and column in file ("costplan: f.json:4:22:
 * ..."), counted, and after max of them (0: no limit) one more line says
 * the reader stops, and stop is set so loops can give up: one run shows
 * the user everything to fix, within reason.
 */
struct json_errors {
	const char *file;
	const struct json_pos *pos; /* may be NULL: no positions */
	int errors;
	int max;
	bool stop;
};

/* Returns -1 (so a checker can `return json_error(...)`). */
int json_error(struct json_errors *e, const char *docpath, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int json_verror(struct json_errors *e, const char *docpath, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#endif
