/*
 * price_network.c - ALB, NAT gateway, Elastic IPs, VPC endpoints and data
 * transfer.
 *
 * Since 2024-02-01 AWS charges every public IPv4 address, in use or idle
 * ($0.005/h): the NAT gateway's Elastic IP and one address per subnet of an
 * internet-facing ALB (FACTS.md 4). ALB capacity units are the maximum of
 * the four dimensions per hour: new connections/s / 25, active connections
 * per minute / 3,000, GB processed per hour / 1, rule evaluations/s / 1,000.
 * From hourly averages that is max(averages) x 730; monthly_lcu_hours (from
 * `costplan simulate`, the sum of each hour's maximum) replaces it.
 */
#include <string.h>

#include "cost/pricer.h"
#include "util/error.h"

static void q_set(struct price_query *q, const char *offer, const char *family, const char *usage)
{
	memset(q, 0, sizeof(*q));
	q->offer = offer;
	q->family = family;
	q->usage = usage;
}

void price_lb(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	dec nc, ac, gb, re, lcu, t;
	bool has = false;

	q_set(&q, "AWSELB", "Load Balancer-Application", "LoadBalancerUsage");
	pricer_line(p, "Application load balancer", "hours", hours_month(), &q);

	/* LCUs: hourly maximum of the four dimensions (usage are hourly averages) */
	has |= res_usage(r, "new_connections", &nc);
	has |= res_usage(r, "active_connections", &ac);
	has |= res_usage(r, "processed_bytes_gb", &gb);
	has |= res_usage(r, "rule_evaluations", &re);
	lcu = dec_div_or_fail(p, nc, dec_from_int(25));
	t = dec_div_or_fail(p, ac, dec_from_int(3000));
	lcu = dec_max(lcu, t);
	lcu = dec_max(lcu, gb);
	t = dec_div_or_fail(p, re, dec_from_int(1000));
	lcu = dec_max(lcu, t);
	q_set(&q, "AWSELB", "Load Balancer-Application", "LCUUsage");
	struct cost_line *l;
	dec qty = dec_mul_or_fail(p, lcu, hours_month());
	/* the sum over hours of each hour's maximum (costplan simulate) wins */
	if (res_usage(r, "monthly_lcu_hours", &t)) {
		qty = t;
		has = true;
	}
	if (p->rc)
		return;
	/* a usage line with a computed quantity: build it through pricer_line */
	l = pricer_line(p, "Load balancer capacity units", "LCU-hours", qty, &q);
	if (l) {
		l->usage_based = true;
		l->has_usage = has;
		if (!has)
			l->note = xstrdup("no usage given: $0 until you set it");
	}
	if (!res_bool(r, "internal")) {
		q_public_ipv4(&q);
		dec ips = dec_from_int((long)res_len(r, "subnets"));
		pricer_line(p, "Public IPv4 (one per subnet)", "IP-hours",
			    dec_mul_or_fail(p, ips, hours_month()), &q);
	}
}

void price_nat_gateway(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	if (strcmp(res_str(r, "connectivity_type"), "private") == 0)
		breakdown_warn(p->b, "%s is a private NAT gateway: priced like a public one",
			       r->address);
	q_set(&q, "AmazonEC2", "NAT Gateway", "NatGateway-Hours");
	pricer_line(p, "NAT gateway", "hours", hours_month(), &q);
	q_set(&q, "AmazonEC2", "NAT Gateway", "NatGateway-Bytes");
	pricer_usage_line(p, "Data processed", "GB", "monthly_data_processed_gb", dec_from_int(1),
			  &q);
}

void price_eip(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	(void)r;
	q_public_ipv4(&q);
	pricer_line(p, "Public IPv4 address", "IP-hours", hours_month(), &q);
}

void price_vpc_endpoint(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	if (strcmp(res_str(r, "vpc_endpoint_type"), "Gateway") == 0) {
		pricer_free_line(p, "Gateway endpoint", "S3 and DynamoDB gateway endpoints are free");
		return;
	}
	dec azs = dec_from_int((long)res_len(r, "subnet_ids"));
	q_set(&q, "AmazonVPC", "VpcEndpoint", "VpcEndpoint-Hours");
	pricer_line(p, "Interface endpoint (per AZ)", "endpoint-hours",
		    dec_mul_or_fail(p, azs, hours_month()), &q);
	q_set(&q, "AmazonVPC", "VpcEndpoint", "VpcEndpoint-Bytes");
	pricer_usage_line(p, "Data processed", "GB", "monthly_data_processed_gb", dec_from_int(1), &q);
}

void price_data_transfer(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	struct cost_line *l;
	(void)r;
	q_set(&q, "AWSDataTransfer", "Data Transfer", "DataTransfer-Out-Bytes");
	q.attrs[0][0] = "Transfer Type";
	q.attrs[0][1] = "AWS Outbound";
	l = pricer_usage_line(p, "Out to the internet", "GB",
			      "monthly_outbound_internet_gb", dec_from_int(1), &q);
	if (l) {
		p->data_out_gb = dec_add(p->data_out_gb, l->quantity);
		if (!p->data_out_price)
			p->data_out_price = l->price;
	}
	q_set(&q, "AWSDataTransfer", "Data Transfer", "DataTransfer-Regional-Bytes");
	q.attrs[0][0] = "Transfer Type";
	q.attrs[0][1] = "IntraRegion";
	/* charged on both sides of the AZ boundary: GB moved x 2 (FACTS.md 4) */
	pricer_usage_line(p, "Inter-AZ (charged in and out)", "GB",
			  "monthly_intra_region_gb", dec_from_int(2), &q);
}
