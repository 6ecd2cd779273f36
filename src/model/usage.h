/*
 * usage.h - usage files: figures a Terraform plan cannot know (GB through
 * the NAT, requests, log volume), keyed by resource address.
 *
 * The format is Infracost's usage file, read as it is, in YAML
 * (infracost-usage.yml) or in JSON, told apart by the file's extension
 * (.yml, .yaml, .json) and else by its content:
 *
 *   version: 0.1
 *   resource_type_default_usage:
 *     aws_nat_gateway: { monthly_data_processed_gb: 10 }
 *   resource_usage:
 *     aws_nat_gateway.main:        { monthly_data_processed_gb: 50 }
 *     module.app.aws_lb.this[*]:   { new_connections: 5 }
 *     aws_s3_bucket.files:         { standard: { storage_gb: 20 } }
 *
 * "[*]" in a key matches any count or for_each index at that place. For one
 * resource the figures merge in this order, later winning: the type's
 * default, wildcard keys (in file order), the exact address. Nested objects
 * flatten with a dot ("standard.storage_gb"), as the schema names them.
 *
 * Infracost's files carry more than costplan uses. What costplan does not
 * use is a warning, never fatal: a key a type does not take (whatever its
 * value, "reserved_instance_term: 1_year" included), figures for a type
 * costplan does not price, other top-level keys, and (usage_warn_unused,
 * after pricing) addresses that are in no plan or scenario priced. A bad
 * value for a key costplan uses is exit 3, located file:line:col.
 *
 * Ownership: struct usage_file owns its document; usage_for() returns a new
 * object the caller releases.
 */
#ifndef COSTPLAN_USAGE_H
#define COSTPLAN_USAGE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/json_pos.h"

struct usage_file {
	char *path;
	json_t *defaults; /* type -> flat object of figures */
	json_t *exact;    /* address -> flat object */
	json_t *wild;     /* array of [pattern, flat object] */
	json_t *used;     /* exact addresses and patterns usage_for matched */
	struct json_pos *pos; /* where each key is, for the late warnings */
	double scale;     /* --scale-usage: every figure times this (0 = 1) */
};

/* Load and check a usage file (YAML or JSON; "-" is stdin). Returns 0 or
 * an exit code (message printed). */
int usage_load(const char *path, struct usage_file *u);
/* The same from text in memory (n bytes, text[n] == '\0'); yaml: -1 tell
 * from path and content, 0 JSON, 1 YAML. For the fuzzers. */
int usage_load_text(const char *text, size_t n, const char *path, int yaml,
		    struct usage_file *u);
void usage_release(struct usage_file *u);

/* After pricing: a warning for each address or "[*]" pattern of the file
 * that matched no resource priced (u may be NULL). */
void usage_warn_unused(const struct usage_file *u);

/*
 * The figures for one resource, restricted to the usage keys its type
 * takes (schema.h), as a flat object (new reference; empty when none).
 * u may be NULL.
 */
json_t *usage_for(struct usage_file *u, const char *address, const char *type);

/*
 * A deep copy of a scenario document with the usage file's figures added
 * to its "usage" section, resource by resource (the file's figures win
 * over the scenario's own). New reference.
 */
json_t *usage_apply_doc(json_t *doc, struct usage_file *u);

/* Does address match a pattern with "[*]" wildcards? */
bool usage_address_match(const char *pattern, const char *address);

#endif
