/*
 * usage.h - usage files: figures a Terraform plan cannot know (GB through
 * the NAT, requests, log volume), keyed by resource address.
 *
 * The format is Infracost's usage file, in JSON, so an existing file
 * converts one to one (yq -o json infracost-usage.yml > usage.json):
 *
 *   { "version": "0.1",
 *     "resource_type_default_usage": { "aws_nat_gateway": { "monthly_data_processed_gb": 10 } },
 *     "resource_usage": {
 *       "aws_nat_gateway.main":        { "monthly_data_processed_gb": 50 },
 *       "module.app.aws_lb.this[*]":   { "new_connections": 5 },
 *       "aws_s3_bucket.files":         { "standard": { "storage_gb": 20 } } } }
 *
 * "[*]" in a key matches any count or for_each index at that place. For one
 * resource the figures merge in this order, later winning: the type's
 * default, wildcard keys (in file order), the exact address. Nested objects
 * flatten with a dot ("standard.storage_gb"), as the schema names them.
 * Keys the schema does not know for a type are ignored with one warning
 * each (Infracost files carry keys for types costplan does not price).
 *
 * Ownership: struct usage_file owns its document; usage_for() returns a new
 * object the caller releases.
 */
#ifndef COSTPLAN_USAGE_H
#define COSTPLAN_USAGE_H

#include <jansson.h>
#include <stdbool.h>

struct usage_file {
	char *path;
	json_t *defaults; /* type -> flat object of figures */
	json_t *exact;    /* address -> flat object */
	json_t *wild;     /* array of [pattern, flat object] */
	json_t *warned;   /* "type key" already warned about */
	double scale;     /* --scale-usage: every figure times this (0 = 1) */
};

/* Load and check a usage file. Returns 0 or an exit code (message printed). */
int usage_load(const char *path, struct usage_file *u);
void usage_release(struct usage_file *u);

/*
 * The figures for one resource, restricted to the usage keys its type
 * takes (schema.h), as a flat object (new reference; empty when none).
 * u may be NULL.
 */
json_t *usage_for(struct usage_file *u, const char *address, const char *type);

/* Does address match a pattern with "[*]" wildcards? */
bool usage_address_match(const char *pattern, const char *address);

#endif
