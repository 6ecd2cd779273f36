/*
 * data_transfer.c - data transfer, which no Terraform resource carries:
 * out to the internet (tiered; the first 100 GB a month across all regions
 * are free, free_tier.c) and between availability zones, charged on both
 * sides of the boundary, $0.01 per GB each way (AWS EC2 pricing page, "Data
 * Transfer").
 */
#include "cost/types/common.h"

static const struct attr_spec ATTRS[] = {
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_outbound_internet_gb", "GB/month", "GB a month out to the internet"},
	{"monthly_intra_region_gb", "GB/month", "GB a month between AZs (billed on both sides)"},
	USAGE_END,
};

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	pq_set(&q, "AWSDataTransfer", "Data Transfer", "DataTransfer-Out-Bytes");
	pq_attr(&q, "Transfer Type", "AWS Outbound");
	struct cost_line *l = pricer_line(p, "Out to the internet", "GB",
					  q_usage(p, r, "monthly_outbound_internet_gb"), &q);
	pricer_pool(l, POOL_DATA_OUT);
	pq_set(&q, "AWSDataTransfer", "Data Transfer", "DataTransfer-Regional-Bytes");
	pq_attr(&q, "Transfer Type", "IntraRegion");
	/* charged on both sides of the AZ boundary: GB moved x 2 */
	pricer_line(p, "Inter-AZ (charged in and out)", "GB",
		    q_mul(p, q_usage(p, r, "monthly_intra_region_gb"), q_int(p, 2)), &q);
}

const struct type_spec aws_data_transfer_type = {
	.type = "aws_data_transfer",
	.title = "Data transfer",
	.category = CAT_NETWORK,
	.attrs = ATTRS,
	.usage = USAGE,
	.price = price,
	.sim_role = SIM_DATA_TRANSFER,
	.sim_usage = "monthly_outbound_internet_gb",
};
