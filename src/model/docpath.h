/*
 * docpath.h - dotted paths into a scenario document, for --set.
 *
 *   resource.aws_ecs_service.api.desired_count=2
 *   resource.aws_ecs_task_definition.api.runtime_platform.cpu_architecture=ARM64
 *   usage.aws_nat_gateway.main.monthly_data_processed_gb=120
 *   usage.aws_s3_bucket.app_files.standard.storage_gb=50
 *   region=eu-west-1   free_tier=false
 *
 * A path is checked against the document (the resource must exist) and the
 * schema (the attribute or usage key must be one costplan knows); a path
 * that is not valid is an error that names the nearest valid path. A valid
 * path becomes a one-key merge patch (merge_patch.h), so --set, --patch and
 * upgrade steps share one way of changing a document. Setting null removes
 * the key (the attribute falls back to its default).
 *
 * Values are typed the way a shell user expects: 2 and 2.5 are numbers,
 * true/false booleans, null null, [..] and {..} JSON, "..." a JSON string,
 * and anything else a plain string (ARM64, gp3).
 *
 * Ownership: functions returning json_t * or char * return new references /
 * allocations the caller releases.
 */
#ifndef COSTPLAN_DOCPATH_H
#define COSTPLAN_DOCPATH_H

#include <jansson.h>
#include <stddef.h>

/* The typed value of text (never NULL). */
json_t *docpath_value(const char *text);

/*
 * Check path against doc and the schema and build the merge patch that
 * sets it to value (value is borrowed). Returns 0 and *patch, or an exit
 * code (CP_EXIT_USAGE for a path that names nothing, CP_EXIT_DATA for a
 * value of the wrong type) with a one-line reason in err.
 */
int docpath_set_patch(const json_t *doc, const char *path, const json_t *value,
		      json_t **patch, char *err, size_t errsz);

/* Every path --set accepts on doc, NULL-terminated (free with docpath_free_list). */
char **docpath_valid_paths(const json_t *doc);
void docpath_free_list(char **list);

/* The valid path nearest to path (edit distance), or NULL when doc has none. */
char *docpath_nearest(const json_t *doc, const char *path);

#endif
