/*
 * schema.h - what a scenario may say about each resource type.
 *
 * Types and attribute names are the Terraform AWS provider's; usage keys are
 * Infracost's usage-file keys (DESIGN.md, "Vocabulary"). Nested Terraform
 * blocks are written as objects and named here with a dot:
 * "runtime_platform.cpu_architecture". The scenario loader validates every
 * resource against this table and fills in defaults, so pricers can rely on
 * every listed attribute being present with the right type.
 *
 * The tables are static; nothing here allocates.
 */
#ifndef COSTPLAN_SCHEMA_H
#define COSTPLAN_SCHEMA_H

#include <stdbool.h>

enum attr_kind {
	ATTR_INT,    /* whole number within [min, max] */
	ATTR_NUMBER, /* any number within [min, max] */
	ATTR_BOOL,
	ATTR_STRING,
	ATTR_ENUM,   /* one of choices (strings) */
	ATTR_INTSET, /* one of choices, written as numbers ("7", "30") */
	ATTR_REF,    /* the name of another resource of type ref_type */
	ATTR_LIST,   /* array of strings; the count matters */
	ATTR_BLOCKS, /* array of objects, not validated further; the count matters */
};

struct attr_spec {
	const char *name;
	enum attr_kind kind;
	const char *def; /* default as text ("0", "false", "gp2"), NULL = required */
	double min, max;
	const char *const *choices; /* ATTR_ENUM / ATTR_INTSET, NULL-terminated */
	const char *ref_type;       /* ATTR_REF */
	const char *doc;
};

enum category {
	CAT_COMPUTE,
	CAT_NETWORK,
	CAT_DATA,
	CAT_OBSERVABILITY,
	CAT_SECURITY,
	CAT_FREE,
};

struct type_spec {
	const char *type;
	const char *title;           /* "ECS Fargate service" */
	enum category category;
	const struct attr_spec *attrs; /* terminated by name == NULL; NULL = none */
	const char *const *usage;    /* usage keys, NULL-terminated; NULL = none */
	bool open;                   /* free bookkeeping type: any attribute accepted */
};

/* NULL when type is unknown. */
const struct type_spec *schema_type(const char *type);
/* All types, terminated by type == NULL. */
const struct type_spec *schema_types(void);
const struct attr_spec *schema_attr(const struct type_spec *t, const char *name);
bool schema_usage_key(const struct type_spec *t, const char *key);
const char *category_name(enum category c);

/*
 * The candidate in a NULL-terminated list nearest to word by edit distance,
 * or NULL when nothing is close enough to suggest.
 */
const char *nearest_word(const char *word, const char *const *candidates);

/* Fargate: is cpu units / memory MiB a combination AWS allows? */
bool fargate_size_valid(long cpu, long memory_mib);

#endif
