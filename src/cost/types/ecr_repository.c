/*
 * ecr_repository.c - ECR repositories: image storage per GB-month; basic
 * scanning on push is free (AWS ECR pricing page). Pulls from inside the
 * region cost nothing beyond the NAT or endpoint they cross.
 */
#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "name", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "image_scanning_configuration.scan_on_push", .kind = ATTR_BOOL, .def = "false",
	 .doc = "basic scanning is free", .info = true},
	{.name = "image_tag_mutability", .kind = ATTR_STRING, .def = "MUTABLE", .doc = "",
	 .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"storage_gb", "GB", "GB of images stored"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	pq_set(&q, "AmazonECR", "EC2 Container Registry", "TimedStorage-ByteHrs");
	pricer_line(p, "Image storage", "GB-months", q_usage(p, r, "storage_gb"), &q);
	if (res_bool(r, "image_scanning_configuration.scan_on_push"))
		pricer_free_line(p, "Basic image scanning on push", NULL);
}

const struct type_spec aws_ecr_repository_type = {
	.type = "aws_ecr_repository",
	.title = "ECR repository",
	.category = CAT_DATA,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
};
