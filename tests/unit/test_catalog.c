/*
 * test_catalog.c - the catalog's indexed lookups: billing-prefix stripping,
 * family and attribute filters, exclusions, ambiguity, tiers, per-row dates
 * and lazy loading, on small offer files written here and on the shipped
 * snapshot.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/decimal.h"
#include "pricing/catalog.h"
#include "util/error.h"

#define HDR                                                                                        \
	"\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"x\"\n\"Publication Date\","                  \
	"\"2026-01-02T00:00:00Z\"\n\"Version\",\"20260102000000\"\n\"OfferCode\",\"AmazonEC2\"\n" \
	"\"SKU\",\"TermType\",\"StartingRange\",\"EndingRange\",\"Unit\",\"PricePerUnit\","        \
	"\"Currency\",\"Product Family\",\"Instance Type\",\"usageType\",\"Region Code\","         \
	"\"costplanSource\",\"costplanValidDate\"\n"

/* A fixture snapshot: dir/aws/eu-west-1/AmazonEC2.csv with these rows. */
static char *fixture(const char *rows)
{
	char tmpl[] = "/tmp/cp-catalog-XXXXXX";
	char *dir = strdup(mkdtemp(tmpl));
	char path[256];
	snprintf(path, sizeof(path), "%s/aws", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/aws/eu-west-1", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/aws/eu-west-1/AmazonEC2.csv", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(HDR, f);
	fputs(rows, f);
	fclose(f);
	return dir;
}

static void rmfixture(char *dir)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

#define ROW(sku, begin, end, price, fam, it, ut, date)                                            \
	"\"" sku "\",\"OnDemand\",\"" begin "\",\"" end "\",\"Hrs\",\"" price "\",\"USD\",\"" fam  \
	"\",\"" it "\",\"" ut "\",\"eu-west-1\",\"https://aws.amazon.com/x/; capture none\",\"" date \
	"\"\n"

static const char *const ROWS =
	ROW("CPNAT0000000000A", "0", "Inf", "0.0480000000", "NAT Gateway", "", "EU-NatGateway-Hours",
	    "2025-12-06")
	ROW("CPNAT0000000000B", "0", "Inf", "0.0480000000", "NAT Gateway", "",
	    "EU-RegionalNatGateway-Hours", "2025-12-06")
	ROW("CPNAT0000000000C", "0", "Inf", "0.0500000000", "NAT Gateway", "",
	    "EU-NatGateway-Prvd-Hours", "")
	ROW("CPBOX0000000000A", "0", "Inf", "0.0114000000", "Compute Instance", "t3.micro",
	    "EU-BoxUsage:t3.micro", "2025-11-20")
	ROW("CPBOX0000000000B", "0", "Inf", "0.0228000000", "Compute Instance", "t3.small",
	    "EU-BoxUsage:t3.small", "2025-11-20")
	ROW("CPTWO0000000000A", "0", "Inf", "0.1000000000", "Storage", "", "EU-EBS:VolumeUsage.gp2", "")
	ROW("CPTWO0000000000B", "0", "Inf", "0.2000000000", "Storage", "", "EU-EBS:VolumeUsage.gp2", "")
	ROW("CPTIER000000000A", "0", "10", "0.5000000000", "Data Transfer", "", "EU-DataTransfer-Out-Bytes", "")
	ROW("CPTIER000000000A", "10", "Inf", "0.2500000000", "Data Transfer", "",
	    "EU-DataTransfer-Out-Bytes", "")
	ROW("CPKMS0000000000A", "0", "Inf", "1.0000000000", "Encryption Key", "", "eu-west-1-KMS-Keys", "")
	ROW("CPDNS0000000000A", "0", "Inf", "0.0000004000", "DNS Query", "", "DNS-Queries", "");

static void q_init(struct price_query *q, const char *family, const char *usage)
{
	memset(q, 0, sizeof(*q));
	q->offer = "AmazonEC2";
	q->family = family;
	q->usage = usage;
}

static void prefix_stripping(void **state)
{
	(void)state;
	assert_string_equal(usage_type_strip("EU-NatGateway-Hours"), "NatGateway-Hours");
	assert_string_equal(usage_type_strip("APS3-BoxUsage:t3.micro"), "BoxUsage:t3.micro");
	assert_string_equal(usage_type_strip("NatGateway-Hours"), "NatGateway-Hours"); /* us-east-1 */
	assert_string_equal(usage_type_strip("RDS:GP2-Storage"), "RDS:GP2-Storage");
	assert_string_equal(usage_type_strip("us-east-1-KMS-Keys"), "KMS-Keys");
	assert_string_equal(usage_type_strip("USE1-"), "USE1-"); /* nothing after the prefix */
	assert_true(usage_type_matches("EU-NatGateway-Hours", "NatGateway-Hours"));
	assert_true(usage_type_matches("NatGateway-Hours", "NatGateway-Hours"));
	assert_true(usage_type_matches("us-east-1-KMS-Keys", "KMS-Keys"));
	assert_false(usage_type_matches("EU-RegionalNatGateway-Hours", "NatGateway-Hours"));
	assert_false(usage_type_matches("xx-KMS-Keys", "KMS-Keys"));
	assert_false(usage_type_matches("A-B-NatGateway-Hours", "NatGateway-Hours"));
	assert_false(usage_type_matches("-NatGateway-Hours", "NatGateway-Hours"));
	assert_true(catalog_sku_is_placeholder("CPNAT0000000000A"));
	assert_false(catalog_sku_is_placeholder("HY3BZPP2B6K8MSJF"));
}

static void indexed_lookups(void **state)
{
	char *dir = fixture(ROWS);
	struct catalog *c = catalog_new(dir);
	struct price_query q;
	const struct price_entry *e = NULL;
	(void)state;

	/* lazy: nothing is read before the first lookup */
	assert_int_equal((int)c->n, 0);
	q_init(&q, "NAT Gateway", "NatGateway-Hours");
	assert_int_equal(catalog_find(c, "eu-west-1", &q, &e), 0);
	assert_int_equal((int)c->n, 1);
	/* anchored suffix: not RegionalNatGateway-Hours, not the Prvd row */
	assert_string_equal(e->sku, "CPNAT0000000000A");
	/* the row's own date, not the file's publication date */
	assert_string_equal(e->published, "2025-12-06");
	q_init(&q, "NAT Gateway", "NatGateway-Prvd-Hours");
	assert_int_equal(catalog_find(c, "eu-west-1", &q, &e), 0);
	assert_string_equal(e->published, "2026-01-02"); /* no costplanValidDate: the file's */

	/* the family filters the candidates */
	q_init(&q, "Storage", "NatGateway-Hours");
	assert_null(catalog_try(c, "eu-west-1", &q));
	/* attribute filters */
	q_init(&q, "Compute Instance", "BoxUsage:t3.small");
	q.attrs[0][0] = "Instance Type";
	q.attrs[0][1] = "t3.small";
	assert_int_equal(catalog_find(c, "eu-west-1", &q, &e), 0);
	assert_string_equal(e->sku, "CPBOX0000000000B");
	q.attrs[0][1] = "t3.micro"; /* usage type and attribute disagree: nothing */
	assert_null(catalog_try(c, "eu-west-1", &q));
	/* a family-only query (no usage type) goes through the family index */
	q_init(&q, "Compute Instance", NULL);
	q.attrs[0][0] = "Instance Type";
	q.attrs[0][1] = "t3.micro";
	assert_int_equal(catalog_find(c, "eu-west-1", &q, &e), 0);
	assert_string_equal(e->sku, "CPBOX0000000000A");
	/* exclusion: two NAT rows end in ...Gateway-Hours under no usage type */
	q_init(&q, "NAT Gateway", NULL);
	assert_null(catalog_try(c, "eu-west-1", &q)); /* three rows: ambiguous */
	q.exclude = "Regional";
	assert_null(catalog_try(c, "eu-west-1", &q)); /* still two */
	q_init(&q, "NAT Gateway", "Gateway-Hours");   /* a suffix that is not a whole type */
	assert_null(catalog_try(c, "eu-west-1", &q));

	/* two prices for one lookup: an error, and nothing returned */
	q_init(&q, "Storage", "EBS:VolumeUsage.gp2");
	e = NULL;
	assert_int_equal(catalog_find(c, "eu-west-1", &q, &e), CP_EXIT_DATA);
	assert_null(e);

	/* KMS's region-code prefix; and a prefix-looking legacy type */
	q_init(&q, "Encryption Key", "KMS-Keys");
	assert_int_equal(catalog_find(c, "eu-west-1", &q, &e), 0);
	q_init(&q, "DNS Query", "DNS-Queries");
	assert_int_equal(catalog_find(c, "eu-west-1", &q, &e), 0);
	assert_string_equal(e->sku, "CPDNS0000000000A");

	/* tiers: 12 units = 10 x 0.5 + 2 x 0.25 */
	q_init(&q, "Data Transfer", "DataTransfer-Out-Bytes");
	assert_int_equal(catalog_find(c, "eu-west-1", &q, &e), 0);
	assert_int_equal((int)e->ntiers, 2);
	dec cost;
	assert_int_equal(price_entry_cost(e, dec_from_int(12), &cost), 0);
	char buf[64];
	dec_format_trim(cost, buf, sizeof(buf));
	assert_string_equal(buf, "5.5");

	/* another region is another (missing) file: an I/O error, still lazily */
	q_init(&q, "NAT Gateway", "NatGateway-Hours");
	assert_int_equal(catalog_find(c, "eu-west-2", &q, &e), CP_EXIT_IO);
	catalog_free(c);
	rmfixture(dir);
}

/* The shipped snapshot, through the index. */
static void shipped_snapshot(void **state)
{
	struct catalog *c = catalog_new("pricing");
	struct price_query q;
	const struct price_entry *e;
	char buf[64];
	(void)state;

	/* pricing/aws/eu-central-1/AmazonRDS.csv: EUC1-Multi-AZUsage:db.r7g.large, PostgreSQL */
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonRDS";
	q.family = "Database Instance";
	q.usage = "Multi-AZUsage:db.r7g.large";
	q.attrs[0][0] = "Database Engine";
	q.attrs[0][1] = "PostgreSQL";
	q.attrs[1][0] = "Deployment Option";
	q.attrs[1][1] = "Multi-AZ";
	assert_int_equal(catalog_find(c, "eu-central-1", &q, &e), 0);
	assert_string_equal(e->usage_type, "EUC1-Multi-AZUsage:db.r7g.large");
	dec_format_trim(price_entry_unit_price(e), buf, sizeof(buf));
	assert_string_equal(buf, "0.582");
	assert_string_equal(e->published, "2025-12-06");
	assert_non_null(strstr(e->source, "https://aws.amazon.com/rds/postgresql/pricing/"));
	/* us-east-1 KMS keys carry the region code as their prefix */
	memset(&q, 0, sizeof(q));
	q.offer = "awskms";
	q.family = "Encryption Key";
	q.usage = "KMS-Keys";
	assert_int_equal(catalog_find(c, "us-east-1", &q, &e), 0);
	assert_string_equal(e->usage_type, "us-east-1-KMS-Keys");
	/* Aurora I/O-Optimized is not the Standard instance */
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonRDS";
	q.family = "Database Instance";
	q.usage = "InstanceUsage:db.r6g.large";
	q.attrs[0][0] = "Database Engine";
	q.attrs[0][1] = "Aurora PostgreSQL";
	assert_int_equal(catalog_find(c, "us-east-1", &q, &e), 0);
	assert_string_equal(e->usage_type, "InstanceUsage:db.r6g.large");
	catalog_free(c);
}

/* One display convention for units: time spelled out, lower case. */
static void unit_display(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"Hrs", "hours"},
		{"GB", "GB"},
		{"GB-Mo", "GB-months"},
		{"Requests", "requests"},
		{"API Requests", "API requests"},
		{"IOPS-Mo", "IOPS-months"},
		{"Lambda-GB-Second", "Lambda-GB-seconds"},
		{"vCPU-Months", "vCPU-months"},
		{"GB-Hours", "GB-hours"},
		{"ACU-Hr", "ACU-hours"},
		{"NLCU-Hrs", "NLCU-hours"},
		{"GiBps-mo", "GiBps-months"},
		{"Rule-Mo", "rule-months"},
		{"IOs", "I/O requests"},
		{"hours", "hours"},
		{"", ""},
	};
	char buf[64];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(price_unit_display(cases[i][0], buf, sizeof(buf)), cases[i][1]);
	/* a small buffer is cut, never overrun */
	char tiny[6];
	assert_string_equal(price_unit_display("GB-Mo", tiny, sizeof(tiny)), "GB-mo");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(prefix_stripping),
		cmocka_unit_test(indexed_lookups),
		cmocka_unit_test(shipped_snapshot),
		cmocka_unit_test(unit_display),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
