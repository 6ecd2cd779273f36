/*
 * schema.h - what a resource type is: the one description every layer reads.
 *
 * Types and attribute names are the Terraform AWS provider's; usage keys are
 * Infracost's usage-file keys (DESIGN.md, "Vocabulary"). Nested Terraform
 * blocks are written as objects and named here with a dot:
 * "runtime_platform.cpu_architecture".
 *
 * Each resource type is described once, in its own file under
 * src/cost/types/ (or one file per service family), as a struct type_spec:
 * its attributes and defaults (what the scenario loader validates and
 * `costplan types` prints), its usage keys, the checks across attributes,
 * how a Terraform plan's values map onto it, its pricer, and the part it
 * plays in the traffic simulation. The model layer reads the parts that are
 * its own (attributes, checks, plan mapping) and never the pricer, which it
 * holds only as an opaque pointer: the cost layer calls it.
 *
 * The registry of all types is installed at start-up by the cost layer
 * (cost/types/registry.h: resource_types_install), because the type files
 * live above this layer: main(), the unit tests and the fuzzers install it
 * before loading anything. Nothing outside a type's own file switches on
 * its name.
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
	const char *unit; /* what a quantity made from it counts ("tasks", "GB"), or NULL */
	bool info;        /* informational: never changes a price (no warning when unknown) */
};

/* A usage figure a type takes, with what it means (the budget's Assumptions
 * sheet and `costplan types` show both). */
struct usage_spec {
	const char *key;  /* Infracost's name where one exists: "monthly_data_processed_gb" */
	const char *unit; /* "GB/month" */
	const char *doc;  /* "GB a month processed by the gateway" */
};

enum category {
	CAT_COMPUTE,
	CAT_NETWORK,
	CAT_DATA,
	CAT_OBSERVABILITY,
	CAT_SECURITY,
	CAT_FREE,
};

/* The part a resource plays in the traffic simulation (src/sim/). */
enum sim_role {
	SIM_NONE,
	SIM_SERVICE,          /* runs tasks that serve the traffic */
	SIM_LOAD_BALANCER,    /* fronts services; LCUs from their traffic */
	SIM_LB_RULE,          /* a listener rule: rule evaluations */
	SIM_NAT,              /* egress from private subnets */
	SIM_DATA_TRANSFER,    /* data out to the internet */
	SIM_DATABASE,         /* the database the services query */
	SIM_LOG_GROUP,        /* where the service of the same name logs */
	SIM_ENDPOINT,         /* a VPC endpoint: traffic that avoids the NAT */
	SIM_SCALING_TARGET,   /* a service's autoscaling bounds */
	SIM_SCALING_POLICY,   /* target tracking or step scaling */
	SIM_SCHEDULED_ACTION, /* scheduled changes of the bounds */
};

struct resource;    /* model/scenario.h */
struct check_ctx;   /* model/scenario.h: reporting a problem with a resource */
struct plan_map;    /* model/plan_map.h: one plan resource being mapped */
struct pricer_ctx;  /* cost/pricer.h: opaque to the model */
struct choice_list; /* cost/choices.h: opaque to the model */

struct type_spec {
	const char *type;
	const char *title;             /* "ECS Fargate service" */
	enum category category;
	const struct attr_spec *attrs; /* terminated by name == NULL; NULL = none */
	const struct usage_spec *usage; /* terminated by key == NULL; NULL = none */
	bool open;                     /* free bookkeeping type: any attribute accepted */
	/* A type AWS does not charge for: why (shown by `costplan types` and the
	 * breakdown). NULL for types that cost money. */
	const char *free_reason;

	/* Checks across attributes after each is valid alone (scenario loader).
	 * NULL: none. */
	void (*check)(struct check_ctx *c, const struct resource *r);

	/* Terraform plans (model/plan_map.h). plan_rank orders the mapping so a
	 * reference can see whether what it names is priced (-1 first, then 0,
	 * the default, then 1, 2...). plan_index
	 * lists attributes other types find this one by ("arn", "family"),
	 * NULL-terminated. plan_attr maps one attribute that needs more than
	 * the schema-driven conversion (returns 1 when it did); plan_check runs
	 * after all attributes. */
	int plan_rank;
	const char *const *plan_index;
	int (*plan_attr)(struct plan_map *m, const struct attr_spec *a);
	void (*plan_check)(struct plan_map *m);

	/* The pricer (cost/pricer.h); NULL for free types. */
	void (*price)(struct pricer_ctx *p, const struct resource *r);
	/* What it can be priced as in a region (cost/choices.h), for
	 * `costplan types TYPE`; NULL when nothing is chosen from a list. */
	void (*choices)(struct choice_list *l);

	/* The traffic simulation: the role, and the usage key it writes the
	 * simulated month's figure to (NULL: it writes none for this type). */
	enum sim_role sim_role;
	const char *sim_usage;
};

/* Install the registry: a NULL-terminated list (cost/types/registry.c). */
void schema_install(const struct type_spec *const *types);
/* NULL when type is unknown. */
const struct type_spec *schema_type(const char *type);
/* All types, NULL-terminated, in registry order. */
const struct type_spec *const *schema_types(void);
const struct attr_spec *schema_attr(const struct type_spec *t, const char *name);
const struct usage_spec *schema_usage(const struct type_spec *t, const char *key);
bool schema_usage_key(const struct type_spec *t, const char *key);
const char *category_name(enum category c);

#endif
