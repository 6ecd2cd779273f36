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

struct json_pos;

/* Scan text (NUL-terminated). Never fails: malformed input yields a partial map. */
struct json_pos *json_pos_scan(const char *text);
void json_pos_free(struct json_pos *p);
/* Position of path; returns 0 and sets line/col, or -1 when unknown. */
int json_pos_find(const struct json_pos *p, const char *path, int *line, int *col);

#endif
