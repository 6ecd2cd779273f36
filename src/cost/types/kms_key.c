/*
 * kms_key.c - KMS keys (customer managed).
 *
 * Every key costs $1 a month, prorated hourly; requests are billed per
 * 10,000 at a price that depends on the key (AWS Key Management Service
 * pricing page, https://aws.amazon.com/kms/pricing/): symmetric and HMAC
 * keys and RSA 2048 asymmetric keys $0.03, other asymmetric keys (RSA
 * 3072 and 4096, ECC) $0.15. GenerateDataKeyPair requests, made with a
 * symmetric key, have prices of their own (RSA pairs $12, ECC pairs $0.10
 * per 10,000): usage figures of their own. Key specs the snapshot has no
 * request price for (SM2, ML-DSA) are warned about when given requests.
 * Automatic rotation adds $1 a month for each of the first two rotations
 * of a key (later rotations are free): the rotations the key has had are
 * a usage figure. The first 20,000 requests a month in an account are
 * free; they are not deducted here (an upper bound). AWS managed keys
 * (aws/s3, aws/rds...) are free and never appear as aws_kms_key resources.
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
	{"monthly_rsa_generate_data_key_pair_requests", "requests/month",
	 "symmetric keys: GenerateDataKeyPair requests for RSA pairs a month"},
	{"monthly_ecc_generate_data_key_pair_requests", "requests/month",
	 "symmetric keys: GenerateDataKeyPair requests for ECC pairs a month"},
	USAGE_END,
};

/* The request price's usage type for the key spec, or NULL when the
 * snapshot has none. */
static const char *request_usage(const char *spec, bool *symmetric)
{
	*symmetric = !strcmp(spec, "SYMMETRIC_DEFAULT") || !strncmp(spec, "HMAC_", 5);
	if (*symmetric)
		return "KMS-Requests";
	if (!strcmp(spec, "RSA_2048"))
		return "KMS-Requests-Asymmetric-RSA_2048";
	if (!strcmp(spec, "RSA_3072") || !strcmp(spec, "RSA_4096") || !strncmp(spec, "ECC_", 4))
		return "KMS-Requests-Asymmetric";
	return NULL;
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	const char *spec = res_str(r, "customer_master_key_spec");
	bool symmetric;
	const char *usage = request_usage(spec, &symmetric);

	pq_set(&q, "awskms", "Encryption Key", "KMS-Keys");
	pricer_line(p, "Key", "key-months", q_int(p, 1), &q);
	if (res_bool(r, "enable_key_rotation")) {
		const struct qty *rot = q_usage(p, r, "key_rotations");
		l = pricer_line(p, "Rotated key material", "key-months",
				q_min2(p, rot, q_int(p, 2)), &q);
		if (l && !l->has_usage)
			pricer_note(l, "set key_rotations: the first two rotations add $1 a month each");
	}
	if (!usage) {
		if (json_object_get(r->usage, "monthly_requests"))
			breakdown_warn(p->b,
				       "%s: requests to a %s key are not priced: the snapshot has no "
				       "request price for that key spec",
				       r->address, spec);
		return;
	}
	pq_set(&q, "awskms", "API Request", usage);
	l = pricer_line(p, symmetric ? "Requests" : "Requests (asymmetric)", "requests",
			q_usage(p, r, "monthly_requests"), &q);
	if (!symmetric)
		return;
	if (l && l->has_usage)
		pricer_note(l, "the first 20,000 requests a month in an account are free; not "
			       "deducted here");
	if (json_object_get(r->usage, "monthly_rsa_generate_data_key_pair_requests")) {
		pq_set(&q, "awskms", "API Request", "KMS-Requests-GenerateDatakeyPair-RSA");
		pricer_line(p, "GenerateDataKeyPair (RSA)", "requests",
			    q_usage(p, r, "monthly_rsa_generate_data_key_pair_requests"), &q);
	}
	if (json_object_get(r->usage, "monthly_ecc_generate_data_key_pair_requests")) {
		pq_set(&q, "awskms", "API Request", "KMS-Requests-GenerateDatakeyPair-ECC");
		pricer_line(p, "GenerateDataKeyPair (ECC)", "requests",
			    q_usage(p, r, "monthly_ecc_generate_data_key_pair_requests"), &q);
	}
}

const struct type_spec aws_kms_key_type = {
	.type = "aws_kms_key",
	.title = "KMS key",
	.category = CAT_SECURITY,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
};
