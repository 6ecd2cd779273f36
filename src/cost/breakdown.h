/*
 * breakdown.h - a priced scenario: resources, their cost lines, the total.
 *
 * This is the one result every report renders (table, JSON, CSV, markdown,
 * xlsx, HTML). Each line keeps its exact cost and the cents it displays;
 * totals are sums of displayed cents, so every displayed total equals the
 * sum of its displayed lines (DESIGN.md, "Money").
 *
 * Ownership: struct breakdown owns its items, lines and strings; release it
 * with breakdown_release(). price pointers are borrowed from the catalog,
 * which must outlive the breakdown.
 */
#ifndef COSTPLAN_BREAKDOWN_H
#define COSTPLAN_BREAKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "cost/quantity.h"
#include "model/schema.h"
#include "model/unpriced.h"
#include "pricing/catalog.h"
#include "util/arena.h"
#include "util/decimal.h"

#define HOURS_PER_MONTH 730

/* The always-free allowances a line can count toward (free_tier.c). */
enum free_pool {
	POOL_NONE,
	POOL_LOGS,       /* CloudWatch Logs ingestion */
	POOL_DASHBOARDS, /* CloudWatch dashboards */
	POOL_ALARMS,     /* standard-resolution alarms */
	POOL_METRICS,    /* custom metrics */
	POOL_DATA_OUT,   /* data transfer out to the internet */
	POOL_LAMBDA_REQUESTS,   /* Lambda requests */
	POOL_LAMBDA_GB_SECONDS, /* Lambda duration */
	POOL_SQS_REQUESTS,        /* SQS requests, standard and FIFO */
	POOL_SNS_REQUESTS,        /* SNS API requests (publishes) */
	POOL_CLOUDFRONT_DATA_OUT, /* CloudFront data out to the internet */
	POOL_CLOUDFRONT_REQUESTS, /* CloudFront HTTP and HTTPS requests */
	POOL_DYNAMODB_STORAGE,    /* DynamoDB Standard table storage */
	POOL_DYNAMODB_RCU,        /* DynamoDB provisioned read capacity */
	POOL_DYNAMODB_WCU,        /* DynamoDB provisioned write capacity */
	POOL_COUNT,
};

/* What each allowance is (the engine's lines and the budget's inputs). */
struct free_pool_spec {
	const char *line;  /* "CloudWatch Logs: first 5 GB" */
	const char *unit;  /* of the line: "GB" */
	long cap;          /* 5 */
	const char *key;   /* the budget input: "free_logs_gb" */
	const char *key_unit; /* "GB/month" */
	enum category category; /* the category the allowance reduces */
	const char *source;     /* the public page that states it */
};
extern const struct free_pool_spec FREE_POOLS[POOL_COUNT];

struct cost_line {
	char *name;        /* "Fargate vCPU (x86)" */
	char *unit;        /* "vCPU-hours" */
	dec quantity;
	dec unit_price;    /* price of the first tier reached */
	dec cost;          /* exact */
	dec cost_cents;    /* rounded half away from zero: displayed and summed */
	bool usage_based;  /* quantity comes from usage figures */
	bool has_usage;    /* usage_based and a figure was given */
	bool tiered;       /* priced through more than one tier */
	bool free_tier;    /* a free-tier allowance (negative) */
	const struct price_entry *price; /* NULL for lines that cost nothing */
	char *note;        /* optional explanation, or NULL */
	/* How the quantity was made (for all copies), in the breakdown's
	 * arena; NULL for free lines and allowances. */
	const struct qty *qty;
	/* The unit price is the price list's x this (a Spot or Savings Plan
	 * discount), or NULL. */
	const struct qty *price_factor;
	enum free_pool pool; /* the allowance it counts toward (or is) */
};

/* An attribute that selects a price (instance class, engine...): the
 * spreadsheet shows it as a label beside the inputs. */
struct cost_label {
	char *address; /* the resource it belongs to (may be another, a task definition) */
	const char *attr; /* static */
	char *text;
	const char *doc;  /* static */
};

struct cost_item {
	char *address;
	char *type;
	const char *title; /* static */
	enum category category;
	bool free;         /* a free bookkeeping resource */
	int count;
	struct cost_line *lines;
	size_t n;
	dec total; /* sum of lines' cost_cents */
	struct cost_label *labels;
	size_t nlabels;
	char *not_priced; /* set by pricer_not_priced: the engine moves it to unpriced */
};

struct breakdown {
	char *scenario;
	char *region;
	char *pricing_dir;
	bool free_tier;
	struct cost_item *items;
	size_t n;
	dec total;
	char **warnings;
	size_t nwarn;
	char **notes; /* copied from the scenario (overlays applied...) */
	size_t nnotes;
	char *published_min; /* oldest publication date among prices used */
	char *published_max; /* newest */
	char *source;        /* "AWS Price List Bulk API format snapshot, pricing/aws/us-east-1" */
	struct arena arena;  /* quantity expressions of the lines */
	/* resources that cost money but could not be priced, with the reason;
	 * not in the total */
	struct unpriced *unpriced;
	size_t nunpriced;
};

/* Add a resource to the breakdown's not-priced list (strings copied). */
void breakdown_unpriced(struct breakdown *b, const char *address, const char *type,
			const char *why);
/* Say the not-priced list in the warnings: a summary by type, then one
 * line per resource with the reason (for reports of one breakdown). */
void breakdown_unpriced_warn(struct breakdown *b);
/* "2 aws_lambda_function, 1 aws_sqs_queue": types with counts, most first.
 * Caller frees. */
char *unpriced_summary(const struct unpriced *u, size_t n);

void breakdown_release(struct breakdown *b);
void breakdown_warn(struct breakdown *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Totals per category; out must have room for CAT_FREE + 1 entries. */
void breakdown_by_category(const struct breakdown *b, dec *out);
/* The item with this address, or NULL. */
const struct cost_item *breakdown_item(const struct breakdown *b, const char *address);

#endif
