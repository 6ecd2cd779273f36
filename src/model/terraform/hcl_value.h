/*
 * hcl_value.h - the values HCL expressions compute: null, bool, number,
 * string, list (tuples too), set, object (maps too), and unknown.
 *
 * Unknown stands for "known only after apply": an ID or ARN AWS assigns, a
 * data source's result, an attribute of a module that is not installed. It
 * propagates: an operation with an unknown operand is unknown, while a
 * known collection may hold unknown elements (its length stays known).
 *
 * Objects keep their keys sorted bytewise, which is the order Terraform
 * iterates maps and objects in (for expressions, keys(), for_each). Sets
 * keep their elements deduplicated and, for strings and numbers, sorted as
 * Terraform does. An object flagged HV_OPEN answers any attribute it does
 * not hold with unknown: a resource instance, whose configured arguments
 * are known and whose computed attributes are not.
 *
 * Numbers are doubles: whole numbers up to 2^53 are exact, which covers
 * every count, port, size and index a configuration holds.
 *
 * Ownership: values live in the load's arena (hcl_run.h) and are immutable
 * once built; share them freely.
 */
#ifndef COSTPLAN_HCL_VALUE_H
#define COSTPLAN_HCL_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/terraform/hcl_run.h"

enum hv_kind {
	HV_NULL,
	HV_BOOL,
	HV_NUMBER,
	HV_STRING,
	HV_LIST, /* list or tuple */
	HV_SET,
	HV_OBJECT, /* object or map */
	HV_UNKNOWN,
};

#define HV_OPEN 1u    /* object: a missing attribute is unknown, not an error */
#define HV_PARTIAL 2u /* a collection with an unknown somewhere inside */

/*
 * Values share structure: local.b = [local.a, local.a] holds local.a
 * twice without copying it. Walked as a tree, such a value can be
 * exponentially large ("billion laughs"), so every value records, when it
 * is built, how many values it holds counted as a tree (`nodes`, itself
 * included, saturating), and whether an unknown is inside (HV_PARTIAL).
 * Anything that walks a value as a tree checks `nodes` first
 * (hv_check_nodes, HCL_MAX_VALUE_NODES). Nesting depth is capped when a
 * value is built (HCL_MAX_VALUE_DEPTH), so the walkers' recursion is
 * bounded too: a chain of locals each wrapping the previous in brackets
 * nests deeper than any expression does.
 */
struct hval {
	unsigned char kind;  /* enum hv_kind */
	unsigned char flags; /* HV_OPEN, HV_PARTIAL */
	uint16_t depth;      /* 0 for scalars */
	uint32_t nodes;
	union {
		bool b;
		double n;
		struct {
			const char *p; /* NUL-terminated; may hold NULs before len */
			size_t n;
		} s;
		struct {
			struct hval **v;
			size_t n;
		} l; /* HV_LIST, HV_SET */
		struct {
			const char **k; /* sorted bytewise (by length-aware compare),
					   each NUL-terminated at its length */
			size_t *kn;
			struct hval **v;
			size_t n;
		} o;
	};
};

extern struct hval hv_null_v, hv_true_v, hv_false_v, hv_unknown_v;
#define HV_NULLV (&hv_null_v)
#define HV_TRUE (&hv_true_v)
#define HV_FALSE (&hv_false_v)
#define HV_UNKNOWNV (&hv_unknown_v)

static inline struct hval *hv_bool(bool b)
{
	return b ? HV_TRUE : HV_FALSE;
}
struct hval *hv_number(struct hcl_run *r, double n);
/* A string of n bytes copied into the arena (limit HCL_MAX_STRING). */
struct hval *hv_string(struct hcl_run *r, const char *s, size_t n);
struct hval *hv_cstr(struct hcl_run *r, const char *s);
/* A string taking an arena buffer of n bytes (+ NUL) as it is. */
struct hval *hv_string_own(struct hcl_run *r, char *s, size_t n);
/* A string over memory that is already in the arena, immutable and
 * NUL-terminated at n (object keys, interned names): no copy. */
struct hval *hv_string_ref(struct hcl_run *r, const char *s, size_t n);

/* Lists: n elements (checked against HCL_MAX_COLLECTION); the array is
 * copied. */
struct hval *hv_list(struct hcl_run *r, struct hval **v, size_t n);
/* A set from n elements: deduplicated, sorted when all are strings or all
 * numbers. Unknown elements make the whole set unknown. */
struct hval *hv_set(struct hcl_run *r, struct hval **v, size_t n);

/* Building an object: add pairs in any order, then finish. Duplicate keys:
 * the later wins (dups_fail false) or hcl_fail at pos. Keys must stay
 * valid and be NUL-terminated at their length (every object key is). */
struct hv_objitem {
	const char *k;
	size_t kn;
	struct hval *v;
	size_t order;
};

struct hv_objb {
	struct hcl_run *r;
	struct hv_objitem *it;
	size_t n, cap;
};
void hv_objb_init(struct hv_objb *b, struct hcl_run *r);
void hv_objb_add(struct hv_objb *b, const char *k, size_t kn, struct hval *v);
void hv_objb_addz(struct hv_objb *b, const char *k, struct hval *v);
struct hval *hv_objb_finish(struct hv_objb *b, bool dups_fail, const struct hcl_pos *pos);

/* Growable list under construction. */
struct hv_listb {
	struct hcl_run *r;
	struct hval **v;
	size_t n, cap;
};
void hv_listb_init(struct hv_listb *b, struct hcl_run *r);
void hv_listb_add(struct hv_listb *b, struct hval *v);
struct hval *hv_listb_finish(struct hv_listb *b);

/* Object lookup: the value, or NULL when absent. */
struct hval *hv_get(const struct hval *obj, const char *k, size_t kn);
struct hval *hv_getz(const struct hval *obj, const char *k);

static inline bool hv_is_unknown(const struct hval *v)
{
	return v->kind == HV_UNKNOWN;
}
/* No unknown anywhere inside (constant time). */
static inline bool hv_wholly_known(const struct hval *v)
{
	return v->kind != HV_UNKNOWN && !(v->flags & HV_PARTIAL);
}
/* Values in v counted as a tree, itself included. */
static inline uint32_t hv_nodes(const struct hval *v)
{
	return v->nodes ? v->nodes : 1;
}
/* A limit error unless v has at most HCL_MAX_VALUE_NODES values as a tree
 * (call before walking v: comparing, encoding, converting). */
void hv_check_nodes(struct hcl_run *r, const struct hval *v, const struct hcl_pos *pos);
/* Is v a collection (list, set, object)? */
static inline bool hv_is_coll(const struct hval *v)
{
	return v->kind == HV_LIST || v->kind == HV_SET || v->kind == HV_OBJECT;
}
/* Number of elements of a collection. */
size_t hv_len(const struct hval *v);

/* Deep equality of known values (unknown inside: compared as unequal;
 * callers check knowledge first). */
bool hv_equal(const struct hval *a, const struct hval *b);
/* Total order for sorting sets: by kind, then value. */
int hv_compare(const struct hval *a, const struct hval *b);
int hv_keycmp(const char *a, size_t an, const char *b, size_t bn);

/* Conversions (Terraform's automatic ones): 1 done, 0 not convertible.
 * Unknown inputs give unknown outputs. */
int hv_to_string(struct hcl_run *r, struct hval *v, struct hval **out);
int hv_to_number(struct hcl_run *r, struct hval *v, struct hval **out);
int hv_to_bool(struct hval *v, struct hval **out);

/* Number as Terraform prints it: 3, 0.5, 1e+21. buf of 40 bytes. */
const char *hv_format_number(double n, char *buf, size_t size);
/* Parse a number as Terraform does from a string ("12", "-1.5", "1e3"). */
bool hv_parse_number(const char *s, size_t n, double *out);

/* The type name for messages: "string", "list", "object"... */
const char *hv_kind_name(enum hv_kind k);

#endif
