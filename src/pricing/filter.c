/*
 * filter.c - the rows a price refresh keeps. See filter.h.
 *
 * RULES mirrors the lookups of src/cost/price_*.c (and FACTS.md 2.2, which
 * names the look-alike rows to drop: RegionalNatGateway, ExtendedSupport,
 * ShieldProtected, Outposts and Local Zone load balancers). Rules may be a
 * little wider than one lookup (every RDS PostgreSQL instance class, both
 * deployment options) so that a scenario change never needs a refetch.
 *
 * A usage pattern is a '|'-separated list of usage-type suffixes matched
 * like catalog.c's usage_type_matches(); a trailing '*' matches any rest
 * ("InstanceUsage:*" keeps InstanceUsage:db.t3.micro and
 * EU-InstanceUsage:db.r6g.large). Attribute values are '|'-separated too; an
 * empty alternative accepts an empty or missing column.
 */
#include "pricing/filter.h"

#include <stdlib.h>
#include <string.h>

#include "pricing/catalog.h"
#include "util/error.h"

#define RULE_ATTRS 3

struct rule {
	const char *offer;
	const char *family; /* NULL: any */
	const char *usage;  /* NULL: any */
	const char *attrs[RULE_ATTRS][2];
	const char *exclude; /* usage types containing this are dropped */
};

static const struct rule RULES[] = {
	/* price_compute.c: Fargate */
	{"AmazonECS", "Compute",
	 "Fargate-vCPU-Hours:perCPU|Fargate-GB-Hours|Fargate-ARM-vCPU-Hours:perCPU|"
	 "Fargate-ARM-GB-Hours|Fargate-EphemeralStorage-GB-Hours",
	 {{NULL}}, NULL},
	/* price_network.c: NAT gateway (AmazonEC2), public IPv4 and endpoints (AmazonVPC) */
	{"AmazonEC2", "NAT Gateway", "NatGateway-Hours|NatGateway-Bytes", {{NULL}}, NULL},
	{"AmazonVPC", NULL, "PublicIPv4:InUseAddress|PublicIPv4:IdleAddress", {{NULL}}, NULL},
	{"AmazonVPC", "VpcEndpoint", "VpcEndpoint-Hours|VpcEndpoint-Bytes", {{NULL}}, NULL},
	{"AWSELB", "Load Balancer-Application", "LoadBalancerUsage|LCUUsage",
	 {{"Location Type", "AWS Region|"}}, NULL},
	{"AWSDataTransfer", "Data Transfer", "DataTransfer-Out-Bytes",
	 {{"Transfer Type", "AWS Outbound"}}, NULL},
	{"AWSDataTransfer", "Data Transfer", "DataTransfer-Regional-Bytes",
	 {{"Transfer Type", "IntraRegion"}}, NULL},
	/* price_data.c: RDS PostgreSQL */
	{"AmazonRDS", "Database Instance", "InstanceUsage:*|Multi-AZUsage:*",
	 {{"Database Engine", "PostgreSQL"}, {"Deployment Option", "Single-AZ|Multi-AZ"}},
	 "ExtendedSupport"},
	{"AmazonRDS", "Database Storage",
	 "RDS:GP2-Storage|RDS:Multi-AZ-GP2-Storage|RDS:GP3-Storage|RDS:Multi-AZ-GP3-Storage",
	 {{"Database Engine", "Any|PostgreSQL|"}}, NULL},
	{"AmazonRDS", "Provisioned IOPS", "RDS:GP3-PIOPS|RDS:Multi-AZ-GP3-PIOPS",
	 {{"Database Engine", "Any|PostgreSQL|"}}, NULL},
	{"AmazonRDS", "Storage Snapshot", "RDS:ChargedBackupUsage", {{NULL}}, NULL},
	{"AmazonRDS", "CPU Credits", "CPUCredits:*", {{NULL}}, NULL},
	/* price_data.c: ElastiCache, S3, ECR */
	{"AmazonElastiCache", "Cache Instance", "NodeUsage:*",
	 {{"Cache Engine", "Redis|Valkey"}, {"Location Type", "AWS Region|"}}, "ExtendedSupport"},
	{"AmazonElastiCache", "Storage Snapshot", "BackupUsage", {{NULL}}, NULL},
	{"AmazonS3", "Storage", "TimedStorage-ByteHrs", {{"Volume Type", "Standard"}}, NULL},
	{"AmazonS3", "API Request", "Requests-Tier1|Requests-Tier2", {{NULL}}, NULL},
	{"AmazonECR", "EC2 Container Registry", "TimedStorage-ByteHrs", {{NULL}}, NULL},
	/* price_observability.c: CloudWatch */
	{"AmazonCloudWatch", "Data Payload",
	 "DataProcessing-Bytes|DataProcessing-IA-Bytes|DataScanned-Bytes", {{NULL}}, NULL},
	{"AmazonCloudWatch", "Storage Snapshot", "TimedStorage-ByteHrs", {{NULL}}, NULL},
	{"AmazonCloudWatch", "Dashboard", "DashboardsUsageHour", {{NULL}}, NULL},
	/* custom metrics (tiered): in the shipped snapshot, for metric pricing */
	{"AmazonCloudWatch", "Metric", "CW:MetricMonitorUsage", {{NULL}}, NULL},
	{"AmazonCloudWatch", "Alarm", "AlarmMonitorUsage",
	 {{"Alarm Type", "Standard|High Resolution"}}, NULL},
	/* price_security.c: Secrets Manager, WAF, Parameter Store */
	{"AWSSecretsManager", "Secret", NULL, {{NULL}}, NULL},
	{"AWSSecretsManager", "API Request", NULL, {{NULL}}, NULL},
	{"awswaf", "Web Application Firewall", "WebACLV2|RuleV2|RequestV2-Tier1", {{NULL}},
	 "ShieldProtected"},
	{"AWSSystemsManager", NULL, "PS-Advanced-Param-Tier1|PS-Param-Processed-Tier2", {{NULL}},
	 NULL},
};
#define NRULES (sizeof(RULES) / sizeof(RULES[0]))

/*
 * Shorter needles where one literal covers several usage types of a big
 * file (one memmem pass instead of several).
 */
static const char *const NEEDLE_OVERRIDE[][2] = {
	{"AmazonEC2", "NatGateway-"},
};

#define MAX_NEEDLES 32

struct price_filter {
	char *offer;
	char *region;
	const struct rule *rules[NRULES];
	size_t nrules;
	const char *needles[MAX_NEEDLES + 1];
	char *needle_store; /* the split usage literals */
	/* bound columns */
	int c_term, c_family, c_usage, c_region, c_currency;
	int c_attr[NRULES][RULE_ATTRS];
};

bool price_filter_known_offer(const char *offer)
{
	for (int i = 0; CATALOG_OFFERS[i]; i++)
		if (strcmp(CATALOG_OFFERS[i], offer) == 0)
			return true;
	return false;
}

static void add_needle(struct price_filter *f, size_t *n, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(f->needles[i], s) == 0)
			return;
	if (*n < MAX_NEEDLES)
		f->needles[(*n)++] = s;
}

struct price_filter *price_filter_new(const char *offer, const char *region)
{
	struct price_filter *f;
	size_t store = 0, nn = 0;

	if (!price_filter_known_offer(offer))
		return NULL;
	f = xcalloc(1, sizeof(*f));
	f->offer = xstrdup(offer);
	f->region = region ? xstrdup(region) : NULL;
	for (size_t i = 0; i < NRULES; i++)
		if (strcmp(RULES[i].offer, offer) == 0) {
			f->rules[f->nrules++] = &RULES[i];
			store += (RULES[i].usage ? strlen(RULES[i].usage) : 0) + 1;
		}
	for (size_t i = 0; i < sizeof(NEEDLE_OVERRIDE) / sizeof(NEEDLE_OVERRIDE[0]); i++)
		if (strcmp(NEEDLE_OVERRIDE[i][0], offer) == 0) {
			f->needles[0] = NEEDLE_OVERRIDE[i][1];
			return f;
		}
	/* needles: every usage literal (without '*'), or the family when a rule has none */
	char *p = f->needle_store = xmalloc(store + 1);
	for (size_t i = 0; i < f->nrules; i++) {
		const struct rule *r = f->rules[i];
		if (!r->usage) {
			add_needle(f, &nn, r->family);
			continue;
		}
		const char *s = r->usage;
		while (*s) {
			size_t len = strcspn(s, "|");
			memcpy(p, s, len);
			p[len] = '\0';
			if (len && p[len - 1] == '*')
				p[len - 1] = '\0';
			add_needle(f, &nn, p);
			p += len + 1;
			s += len;
			if (*s == '|')
				s++;
		}
	}
	f->needles[nn] = NULL;
	return f;
}

void price_filter_free(struct price_filter *f)
{
	if (!f)
		return;
	free(f->offer);
	free(f->region);
	free(f->needle_store);
	free(f);
}

const char *const *price_filter_needles(const struct price_filter *f)
{
	return f->needles;
}

int price_filter_bind(struct price_filter *f, const struct offer_header *hdr,
		      const char **missing)
{
	f->c_term = offer_header_find(hdr, "TermType");
	f->c_family = offer_header_find(hdr, "Product Family");
	f->c_usage = offer_header_find(hdr, "usageType");
	f->c_region = offer_header_find(hdr, "Region Code");
	f->c_currency = offer_header_find(hdr, "Currency");
	for (size_t i = 0; i < f->nrules; i++)
		for (int k = 0; k < RULE_ATTRS; k++)
			f->c_attr[i][k] = f->rules[i]->attrs[k][0]
						  ? offer_header_find(hdr, f->rules[i]->attrs[k][0])
						  : -1;
	*missing = f->c_term < 0 ? "TermType" : f->c_family < 0 ? "Product Family"
					      : f->c_usage < 0 ? "usageType" : NULL;
	return *missing ? -1 : 0;
}

/* Is v one of the '|'-separated alternatives in list? */
static bool one_of(const char *v, const char *list)
{
	size_t n = strlen(v);
	for (const char *s = list;;) {
		size_t len = strcspn(s, "|");
		if (len == n && strncmp(s, v, n) == 0)
			return true;
		if (!s[len])
			return false;
		s += len + 1;
	}
}

/* ut matches lit (a suffix, or a prefix when star) after an optional "PREFIX-". */
static bool usage_one(const char *ut, const char *lit, size_t len, bool star)
{
	const char *rest = ut;
	for (int pass = 0; pass < 2; pass++) {
		if (star ? strncmp(rest, lit, len) == 0
			 : (strlen(rest) == len && strncmp(rest, lit, len) == 0))
			return true;
		/* skip a billing prefix [A-Z0-9]+- once */
		const char *q = ut;
		while ((*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9'))
			q++;
		if (q == ut || *q != '-')
			return false;
		rest = q + 1;
	}
	return false;
}

static bool usage_matches(const char *ut, const char *pattern)
{
	for (const char *s = pattern;;) {
		size_t len = strcspn(s, "|");
		bool star = len && s[len - 1] == '*';
		if (usage_one(ut, s, star ? len - 1 : len, star))
			return true;
		if (!s[len])
			return false;
		s += len + 1;
	}
}

const char *price_filter_row_region(const struct price_filter *f, const struct offer_row *row)
{
	return f->c_region >= 0 ? row->fields[f->c_region] : "";
}

bool price_filter_row(const struct price_filter *f, const struct offer_row *row)
{
	if (strcmp(row->fields[f->c_term], "OnDemand") != 0)
		return false;
	if (f->c_currency >= 0 && row->fields[f->c_currency][0] &&
	    strcmp(row->fields[f->c_currency], "USD") != 0)
		return false;
	if (f->region && f->c_region >= 0 && row->fields[f->c_region][0] &&
	    strcmp(row->fields[f->c_region], f->region) != 0)
		return false;
	const char *fam = row->fields[f->c_family];
	const char *ut = row->fields[f->c_usage];
	for (size_t i = 0; i < f->nrules; i++) {
		const struct rule *r = f->rules[i];
		if (r->family && strcmp(fam, r->family) != 0)
			continue;
		if (r->usage && !usage_matches(ut, r->usage))
			continue;
		if (r->exclude && strstr(ut, r->exclude))
			continue;
		bool ok = true;
		for (int k = 0; ok && k < RULE_ATTRS && r->attrs[k][0]; k++) {
			int c = f->c_attr[i][k];
			ok = one_of(c >= 0 ? row->fields[c] : "", r->attrs[k][1]);
		}
		if (ok)
			return true;
	}
	return false;
}
