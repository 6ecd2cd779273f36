/*
 * filter.c - the rows a price refresh keeps. See filter.h.
 *
 * RULES mirrors the lookups of src/cost/price_*.c and the rows of the shipped
 * snapshot (pricing/README.md has the lookup table per service), dropping
 * the look-alike rows: RegionalNatGateway, ExtendedSupport, ShieldProtected,
 * Outposts and Local Zone load balancers. Rules may be wider than one lookup
 * (every RDS instance class and engine costplan prices, every deployment
 * option) so that a scenario change never needs a refetch.
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
#include "pricing/csv_scan.h"
#include "util/error.h"

#define RULE_ATTRS 4

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
	{"AWSELB", "Load Balancer-Network", "LoadBalancerUsage|LCUUsage",
	 {{"Location Type", "AWS Region|"}}, NULL},
	{"AWSELB", "Load Balancer-Gateway", "LoadBalancerUsage|LCUUsage",
	 {{"Location Type", "AWS Region|"}}, NULL},
	{"AWSELB", "Load Balancer", "LoadBalancerUsage|DataProcessing-Bytes",
	 {{"Location Type", "AWS Region|"}}, NULL},
	{"AWSDataTransfer", "Data Transfer", "DataTransfer-Out-Bytes",
	 {{"Transfer Type", "AWS Outbound"}}, NULL},
	{"AWSDataTransfer", "Data Transfer", "DataTransfer-Regional-Bytes",
	 {{"Transfer Type", "IntraRegion"}}, NULL},
	/* RDS: PostgreSQL, MySQL, MariaDB, Aurora; storage, IOPS, backups, Aurora extras */
	{"AmazonRDS", "Database Instance",
	 "InstanceUsage:*|InstanceUsageIOOptimized:*|Multi-AZUsage:*|Multi-AZClusterUsage:*",
	 {{"Database Engine", "PostgreSQL|MySQL|MariaDB|Aurora PostgreSQL|Aurora MySQL"},
	  {"Deployment Option", "Single-AZ|Multi-AZ|Multi-AZ (readable standbys)"}},
	 "ExtendedSupport"},
	{"AmazonRDS", "Database Storage", "RDS:*|Aurora:*",
	 {{"Database Engine", "Any|PostgreSQL|MySQL|MariaDB|Aurora PostgreSQL|Aurora MySQL|"}},
	 "Mirror"},
	{"AmazonRDS", "Provisioned IOPS", "RDS:*", {{"Database Engine", "Any|PostgreSQL|"}}, "Mirror"},
	{"AmazonRDS", "Provisioned Throughput", "RDS:*", {{"Database Engine", "Any|PostgreSQL|"}},
	 "Mirror"},
	{"AmazonRDS", "System Operation", "RDS:StorageIOUsage|Aurora:StorageIOUsage", {{NULL}}, NULL},
	{"AmazonRDS", "Storage Snapshot", "RDS:ChargedBackupUsage|Aurora:BackupUsage", {{NULL}}, NULL},
	{"AmazonRDS", "ServerlessV2", "Aurora:ServerlessV2*", {{NULL}}, NULL},
	{"AmazonRDS", "Performance Insights", "PI_LTR_*", {{NULL}}, NULL},
	{"AmazonRDS", "CPU Credits", "CPUCredits:*", {{NULL}}, NULL},
	/* ElastiCache, EC2 instances and EBS, S3, ECR */
	{"AmazonElastiCache", "Cache Instance", "NodeUsage:*",
	 {{"Cache Engine", "Redis|Valkey|Memcached"}, {"Location Type", "AWS Region|"}},
	 "ExtendedSupport"},
	{"AmazonElastiCache", "ElastiCache Serverless", "ElastiCache:Serverless*", {{NULL}}, NULL},
	{"AmazonElastiCache", "Storage Snapshot", "BackupUsage", {{NULL}}, NULL},
	{"AmazonEC2", "Compute Instance", "BoxUsage:*",
	 {{"Operating System", "Linux"}, {"Tenancy", "Shared"}, {"Pre Installed S/W", "NA"},
	  {"Capacity Status", "Used"}},
	 NULL},
	{"AmazonEC2", "Storage", "EBS:VolumeUsage*", {{NULL}}, NULL},
	{"AmazonEC2", "System Operation", "EBS:VolumeP-IOPS.*|EBS:VolumeIOUsage", {{NULL}}, NULL},
	{"AmazonEC2", "Provisioned Throughput", "EBS:VolumeP-Throughput.gp3", {{NULL}}, NULL},
	{"AmazonEC2", "Storage Snapshot", "EBS:Snapshot*", {{NULL}}, NULL},
	{"AmazonS3", "Storage", "TimedStorage-*", {{NULL}}, NULL},
	{"AmazonS3", "API Request", "Requests-*", {{NULL}}, NULL},
	{"AmazonS3", "Fee", "Retrieval-*|Standard-Retrieval-Bytes|Bulk-Retrieval-Bytes|"
	 "Expedited-Retrieval-Bytes|Monitoring-Automation-INT", {{NULL}}, NULL},
	{"AmazonS3GlacierDeepArchive", NULL, "TimedStorage-GDA-ByteHrs|Requests-GDA-*|DAA-*", {{NULL}},
	 NULL},
	{"AmazonECR", "EC2 Container Registry", "TimedStorage-ByteHrs", {{NULL}}, NULL},
	/* serverless and edge services the pricers will use (pricing/README.md) */
	{"AWSLambda", "Serverless", "Request*|Lambda-*", {{NULL}}, "Edge"},
	{"AmazonDynamoDB", NULL,
	 "ReadRequestUnits|WriteRequestUnits|IA-ReadRequestUnits|IA-WriteRequestUnits|"
	 "ReplWriteRequestUnits|ReadCapacityUnit-Hrs|WriteCapacityUnit-Hrs|IA-ReadCapacityUnit-Hrs|"
	 "IA-WriteCapacityUnit-Hrs|ReplWriteCapacityUnit-Hrs|TimedStorage-ByteHrs|"
	 "IA-TimedStorage-ByteHrs|TimedPITRStorage-ByteHrs|TimedBackupStorage-ByteHrs|"
	 "RestoreDataSize-Bytes|Streams-Requests",
	 {{NULL}}, NULL},
	{"AmazonCloudFront", NULL,
	 "DataTransfer-Out-Bytes|DataTransfer-Out-OBytes|Requests-Tier1|Requests-Tier2-HTTPS|"
	 "Invalidations",
	 {{NULL}}, NULL},
	{"AmazonRoute53", NULL, "HostedZone|DNS-Queries|LBR-Queries|Geo-Queries", {{NULL}}, NULL},
	{"AWSQueueService", "API Request", "Requests-RBP|Requests-FIFO-RBP", {{NULL}}, NULL},
	{"AmazonSNS", NULL, "Requests-Tier1|DeliveryAttempts-*", {{NULL}}, NULL},
	{"awskms", NULL, "KMS-*", {{NULL}}, NULL},
	{"AmazonApiGateway", NULL,
	 "ApiGatewayRequest|ApiGatewayHttpRequest|ApiGatewayMessage|ApiGatewayMinute", {{NULL}},
	 NULL},
	/* price_observability.c: CloudWatch */
	{"AmazonCloudWatch", "Data Payload",
	 "DataProcessing-Bytes|DataProcessing-IA-Bytes|DataScanned-Bytes|VendedLog-Bytes", {{NULL}},
	 NULL},
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
	{"AWSLambda", "-"}, /* "Request*" would otherwise need every row */
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

/*
 * Add needle s (with companions: literal attribute values the rule needs,
 * csv_scan.h) unless its literal is there. Two rules with one literal share
 * the needle without companions: either rule's rows must pass.
 */
static void add_needle(struct price_filter *f, size_t *n, char *s)
{
	size_t len = strcspn(s, CSV_SCAN_AND);
	for (size_t i = 0; i < *n; i++) {
		const char *o = f->needles[i];
		if (strcspn(o, CSV_SCAN_AND) == len && strncmp(o, s, len) == 0) {
			if (strcmp(o, s) != 0)
				((char *)o)[len] = '\0'; /* our own store: drop the companions */
			return;
		}
	}
	if (*n < MAX_NEEDLES)
		f->needles[(*n)++] = s;
}

/* The companions of rule r: CSV_SCAN_AND then each attribute it requires
 * to be one single non-empty value ("Linux", "Shared"); "" when none.
 * Written to out (size enough: the values' lengths plus one each). */
static void companions(const struct rule *r, char *out)
{
	*out = '\0';
	for (int k = 0; k < RULE_ATTRS && r->attrs[k][0]; k++) {
		const char *v = r->attrs[k][1];
		if (*v && !strchr(v, '|')) {
			strcat(out, CSV_SCAN_AND);
			strcat(out, v);
		}
	}
}

static size_t companions_size(const struct rule *r)
{
	size_t n = 1;
	for (int k = 0; k < RULE_ATTRS && r->attrs[k][0]; k++)
		n += strlen(r->attrs[k][1]) + 1;
	return n;
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
			/* each literal of the usage (or the family), with companions */
			const char *u = RULES[i].usage ? RULES[i].usage : RULES[i].family;
			size_t lits = 1;
			for (const char *c = u; c && *c; c++)
				lits += *c == '|';
			store += (u ? strlen(u) : 0) + lits * companions_size(&RULES[i]) + 1;
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
		char comp[256];
		if (companions_size(r) > sizeof(comp))
			comp[0] = '\0';
		else
			companions(r, comp);
		const char *s = r->usage ? r->usage : r->family;
		while (s && *s) {
			size_t len = strcspn(s, "|");
			memcpy(p, s, len);
			p[len] = '\0';
			if (len && p[len - 1] == '*')
				p[--len] = '\0';
			strcpy(p + len, comp);
			add_needle(f, &nn, p);
			p += strlen(p) + 1;
			s += strcspn(s, "|");
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
		/* skip a billing prefix once ([A-Z0-9]+-, or a region code: AWS KMS) */
		rest = usage_type_strip(ut);
		if (rest == ut)
			return false;
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
