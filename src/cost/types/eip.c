/*
 * eip.c - Elastic IPs. Since 2024-02-01 AWS charges every public IPv4
 * address, in use or idle, $0.005 an hour (AWS News Blog "New - AWS Public
 * IPv4 Address Charge", 2023-07-28; AWS VPC pricing page).
 */
#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "domain", .kind = ATTR_STRING, .def = "vpc", .doc = "", .info = true},
	ATTR_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	(void)r;
	pq_public_ipv4(&q);
	pricer_line(p, "Public IPv4 address", "IP-hours", q_hours(p), &q);
}

const struct type_spec aws_eip_type = {
	.type = "aws_eip",
	.title = "Elastic IP (public IPv4)",
	.category = CAT_NETWORK,
	.attrs = ATTRS,
	.price = price,
};
