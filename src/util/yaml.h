/*
 * yaml.h - a YAML document as a JSON value, with positions (libyaml).
 *
 * Infracost's usage files are YAML; costplan reads them into the same
 * jansson tree and position map (json_pos.h) its JSON readers make, so one
 * validator serves both and every problem is reported file:line:col.
 *
 * Scalars follow YAML 1.2's core schema, as Infracost's reader does: a
 * plain scalar is null (~, null, empty), a boolean (true, false), an
 * integer (42, -7, 0x2A, 0o52, 1_000), a real (1.5, .5, 1e3, .inf, .nan)
 * or else a string (1_year, gp3); a quoted scalar or one tagged !!str is
 * always a string. Anchors and aliases are followed, and "<<" merge keys
 * merge the mappings they name (explicit keys win).
 *
 * Hostile input is bounded, each with a clear, located error (exit 3):
 * nesting deeper than YAML_MAX_DEPTH, more than YAML_MAX_VALUES values
 * counting every alias as the values it stands for (a "billion laughs"
 * file stops at once), a scalar longer than YAML_MAX_SCALAR bytes, keys
 * that are not plain text, duplicate keys, more than one document. The
 * caller caps the file's size (file.h).
 *
 * Ownership: *root and *pos are new (json_decref, json_pos_free).
 */
#ifndef COSTPLAN_YAML_H
#define COSTPLAN_YAML_H

#include <jansson.h>
#include <stddef.h>

#include "util/json_pos.h"

#define YAML_MAX_DEPTH 64
#define YAML_MAX_VALUES 200000
#define YAML_MAX_SCALAR 65536

/*
 * Parse text (n bytes) read from path (for messages). Returns 0, or
 * CP_EXIT_DATA after printing a located message.
 */
int yaml_to_json(const char *text, size_t n, const char *path, json_t **root,
		 struct json_pos **pos);

#endif
