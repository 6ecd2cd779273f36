/*
 * kms_key.c - KMS keys (customer managed).
 *
 * Every key costs $1 a month, prorated hourly; requests are billed per
 * 10,000 (AWS Key Management Service pricing page). Symmetric and HMAC
 * keys take the standard request price; asymmetric keys have request
 * prices of their own, which the snapshot does not hold, so their requests
 * are listed as not priced. Automatic rotation adds $1 a month for each of
 * the first two rotations of a key (later rotations are free): the
 * rotations the key has had are a usage figure. The first 20,000 requests
 * a month in an account are free; they are not deducted here (an upper
 * bound). AWS managed keys (aws/s3, aws/rds...) are free and never appear
 * as aws_kms_key resources.
 */
#include <string.h>

#include "cost/types/common.h"

static const char *const KEY_USAGE[] = {"ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC",
					"KEY_AGREEMENT", NULL};

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "description", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "key_usage", .kind = ATTR_ENUM, .def = "ENCRYPT_DECRYPT", .choices = KEY_USAGE,
	 .doc = ""},
	{.name = "customer_master_key_spec", .kind = ATTR_STRING, .def = "SYMMETRIC_DEFAULT",
	 .doc = "SYMMETRIC_DEFAULT, HMAC_*, RSA_* or ECC_*"},
	{.name = "enable_key_rotation", .kind = ATTR_BOOL, .def = "false",
	 .doc = "each of the first two rotations adds a key-month"},
	{.name = "multi_region", .kind = ATTR_BOOL, .def = "false",
	 .doc = "a primary key; each replica is its own resource", .info = true},
	{.name = "deletion_window_in_days", .kind = ATTR_INT, .def = "30", .min = 7, .max = 30,
	 .doc = "", .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_requests", "requests/month", "cryptographic and other API requests a month"},
	{"key_rotations", "rotations",
	 "automatic rotations the key has had; the first two each add a key-month"},
	USAGE_END,
};

static bool symmetric(const struct resource *r)
{
	const char *spec = res_str(r, "customer_master_key_spec");
	return !strcmp(spec, "SYMMETRIC_DEFAULT") || !strncmp(spec, "HMAC_", 5);
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	pq_set(&q, "awskms", "Encryption Key", "KMS-Keys");
	pricer_line(p, "Key", "key-months", q_int(p, 1), &q);
	if (res_bool(r, "enable_key_rotation")) {
		const struct qty *rot = q_usage(p, r, "key_rotations");
		struct cost_line *l = pricer_line(p, "Rotated key material", "key-months",
						  q_min2(p, rot, q_int(p, 2)), &q);
		if (l && !l->has_usage)
			pricer_note(l, "set key_rotations: the first two rotations add $1 a month each");
	}
	if (!symmetric(r)) {
		if (json_object_get(r->usage, "monthly_requests"))
			breakdown_warn(p->b,
				       "%s: requests to an asymmetric key (%s) are not priced: the "
				       "snapshot holds the symmetric request price only",
				       r->address, res_str(r, "customer_master_key_spec"));
		return;
	}
	pq_set(&q, "awskms", "API Request", "KMS-Requests");
	struct cost_line *l =
		pricer_line(p, "Requests", "requests", q_usage(p, r, "monthly_requests"), &q);
	if (l && l->has_usage)
		pricer_note(l, "the first 20,000 requests a month in an account are free; not "
			       "deducted here");
}

const struct type_spec aws_kms_key_type = {
	.type = "aws_kms_key",
	.title = "KMS key",
	.category = CAT_SECURITY,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
};
