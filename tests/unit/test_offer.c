/*
 * test_offer.c - the offer readers on the real AWS sample file and on
 * broken files: metadata lines, header on line 6, columns found by name,
 * tiers ending in Inf, prices like 1.0E-4, JSON offers filling the same rows.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/decimal.h"
#include "pricing/catalog.h"
#include "pricing/offer.h"
#include "util/error.h"
#include "cost/types/registry.h"

#define SAMPLE "tests/data/service-comprehend-ap-south-1-20260116160258.csv"

struct counts {
	int rows, ondemand, inf_end;
	char offer[64], published[64], version[64];
	int ncols, usage_col;
	char first_usage[64];
	int last_line;
};

static int count_meta(const struct offer_meta *m, const struct offer_header *h, void *ctx)
{
	struct counts *c = ctx;
	snprintf(c->offer, sizeof(c->offer), "%s", m->offer_code);
	snprintf(c->published, sizeof(c->published), "%s", m->publication_date);
	snprintf(c->version, sizeof(c->version), "%s", m->version);
	c->ncols = (int)h->n;
	c->usage_col = offer_header_find(h, "usageType");
	return 0;
}

static int count_row(const struct offer_row *r, void *ctx)
{
	struct counts *c = ctx;
	if (c->rows++ == 0)
		snprintf(c->first_usage, sizeof(c->first_usage), "%s", offer_row_get(r, "usageType"));
	if (strcmp(offer_row_get(r, "TermType"), "OnDemand") == 0)
		c->ondemand++;
	if (strcmp(offer_row_get(r, "EndingRange"), "Inf") == 0)
		c->inf_end++;
	assert_null(offer_row_get(r, "no such column"));
	c->last_line = r->line;
	return 0;
}

static void real_sample_streams(void **state)
{
	struct counts c;
	(void)state;
	memset(&c, 0, sizeof(c));
	FILE *fp = fopen(SAMPLE, "r");
	assert_non_null(fp);
	assert_int_equal(offer_csv_read(fp, SAMPLE, count_meta, count_row, &c), 0);
	fclose(fp);
	assert_string_equal(c.offer, "comprehend");
	assert_string_equal(c.published, "2026-01-16T16:02:58Z");
	assert_string_equal(c.version, "20260116160258");
	assert_int_equal(c.ncols, 22);
	assert_int_equal(c.usage_col, 17);
	assert_int_equal(c.rows, 40); /* 46 lines: 5 metadata + header + 40 rows */
	assert_int_equal(c.ondemand, 40);
	assert_true(c.inf_end > 0);
	assert_string_equal(c.first_usage, "APS3-DetectPiiEntities");
	assert_int_equal(c.last_line, 46);
}

/* Write text to a temp file and read it; returns the reader's code. */
static int read_text(const char *text, struct counts *c)
{
	char path[] = "/tmp/costplan-test-offer-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *fp = fdopen(fd, "w+");
	fputs(text, fp);
	rewind(fp);
	memset(c, 0, sizeof(*c));
	int rc = offer_csv_read(fp, path, count_meta, count_row, c);
	fclose(fp);
	unlink(path);
	return rc;
}

#define META                                                                             \
	"\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"x\"\n\"Publication Date\",\"2026-01-01T00:00:00Z\"\n" \
	"\"Version\",\"20260101000000\"\n\"OfferCode\",\"AmazonEC2\"\n"
#define HEADER "\"SKU\",\"TermType\",\"StartingRange\",\"EndingRange\",\"PricePerUnit\",\"usageType\"\n"

static void broken_files(void **state)
{
	struct counts c;
	(void)state;
	/* not a price list at all */
	assert_int_equal(read_text("a,b,c\n1,2,3\n", &c), CP_EXIT_DATA);
	/* ends before the header */
	assert_int_equal(read_text("\"FormatVersion\",\"v1.0\"\n", &c), CP_EXIT_DATA);
	/* a row with the wrong number of fields */
	assert_int_equal(read_text(META HEADER "\"A\",\"OnDemand\",\"0\",\"Inf\",\"1\"\n", &c),
			 CP_EXIT_DATA);
	/* an unterminated quote */
	assert_int_equal(read_text(META HEADER "\"A\",\"OnDemand\",\"0\",\"Inf\",\"1\",\"x\n", &c),
			 CP_EXIT_DATA);
	/* a good one: bare empty fields and CRLF line ends are fine */
	assert_int_equal(read_text(META HEADER "\"A\",\"OnDemand\",,\"Inf\",\"1.0E-4\",\"NatGateway-Hours\"\r\n",
				   &c),
			 0);
	assert_int_equal(c.rows, 1);
	assert_string_equal(c.first_usage, "NatGateway-Hours");
}

static void quoted_newlines_keep_line_numbers(void **state)
{
	struct counts c;
	(void)state;
	assert_int_equal(read_text(META HEADER
				   "\"A\",\"OnDemand\",\"0\",\"Inf\",\"1\",\"two\nlines\"\n"
				   "\"B\",\"OnDemand\",\"0\",\"Inf\",\"1\",\"x\"\n",
				   &c),
			 0);
	assert_int_equal(c.rows, 2);
	assert_int_equal(c.last_line, 9); /* row B starts on physical line 9 */
}

static void json_offer_fills_same_rows(void **state)
{
	struct counts c;
	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(offer_json_read("tests/data/offer-vpc-us-east-1.json", count_meta, count_row,
					 &c),
			 0);
	assert_string_equal(c.offer, "AmazonVPC");
	assert_int_equal(c.rows, 4); /* 3 endpoint tiers + 1 IPv4; Reserved terms ignored */
	assert_true(c.usage_col >= 0);
	assert_int_equal(c.inf_end, 2);
}

static void json_offer_errors(void **state)
{
	(void)state;
	struct counts c;
	assert_int_equal(offer_json_read("tests/data/does-not-exist.json", count_meta, count_row, &c),
			 CP_EXIT_IO);
	assert_int_equal(offer_json_read("tests/data/bad-price/aws/us-east-1/AmazonVPC.json",
					 count_meta, count_row, &c),
			 CP_EXIT_DATA);
}

static void catalog_lookups(void **state)
{
	struct catalog *cat = catalog_new("pricing");
	const struct price_entry *e;
	struct price_query q;
	char buf[DEC_BUFSZ];
	dec cost;
	(void)state;

	memset(&q, 0, sizeof(q));
	q.offer = "AmazonEC2";
	q.family = "NAT Gateway";
	q.usage = "NatGateway-Hours";
	assert_int_equal(catalog_find(cat, "us-east-1", &q, &e), 0);
	assert_string_equal(e->usage_type, "NatGateway-Hours"); /* us-east-1: no prefix */
	assert_string_equal(dec_format_trim(price_entry_unit_price(e), buf, sizeof(buf)), "0.045");
	assert_int_equal(catalog_find(cat, "eu-west-1", &q, &e), 0);
	assert_string_equal(e->usage_type, "EU-NatGateway-Hours");
	assert_string_equal(e->published, "2026-09-25"); /* the Price List version that states it */
	assert_non_null(e->source);

	/* tiered: 60 TB of S3 standard = 50 TB at 0.023 + 10 TB at 0.022 */
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonS3";
	q.family = "Storage";
	q.usage = "TimedStorage-ByteHrs";
	assert_int_equal(catalog_find(cat, "us-east-1", &q, &e), 0);
	assert_int_equal(e->ntiers, 3);
	assert_int_equal(price_entry_cost(e, dec_from_int(61440), &cost), 0);
	assert_string_equal(dec_format_trim(cost, buf, sizeof(buf)), "1402.88");

	/* missing: a clear error, and catalog_try is silent */
	q.usage = "NoSuchUsage";
	assert_int_equal(catalog_find(cat, "us-east-1", &q, &e), CP_EXIT_DATA);
	assert_null(catalog_try(cat, "us-east-1", &q));
	q.offer = "AmazonECS";
	assert_int_equal(catalog_find(cat, "eu-central-1", &q, &e), CP_EXIT_DATA);
	catalog_free(cat);
}

static void catalog_reads_json_offers(void **state)
{
	struct catalog *cat = catalog_new("tests/data/json-snapshot/");
	const struct price_entry *e;
	struct price_query q;
	char buf[DEC_BUFSZ];
	dec cost;
	(void)state;
	memset(&q, 0, sizeof(q));
	q.offer = "AmazonVPC";
	q.usage = "PublicIPv4:InUseAddress";
	assert_int_equal(catalog_find(cat, "us-east-1", &q, &e), 0);
	assert_string_equal(dec_format_trim(price_entry_unit_price(e), buf, sizeof(buf)), "0.005");
	assert_string_equal(e->published, "2025-06-17");
	assert_string_equal(e->source, "AWS Price List Bulk API, AmazonVPC");
	assert_string_equal(e->src->path, "tests/data/json-snapshot/aws/us-east-1/AmazonVPC.json");
	/* tiers from JSON dimensions, "1.0E-2" parsed exactly: 2 PB = 1 PB x 0.01 + 1 PB x 0.006 */
	q.usage = "VpcEndpoint-Bytes";
	assert_int_equal(catalog_find(cat, "us-east-1", &q, &e), 0);
	assert_int_equal(e->ntiers, 3);
	assert_int_equal(price_entry_cost(e, dec_from_int(2097152), &cost), 0);
	assert_string_equal(dec_format_trim(cost, buf, sizeof(buf)), "16777.216");
	catalog_free(cat);
}

static void usage_type_anchoring(void **state)
{
	(void)state;
	assert_true(usage_type_matches("NatGateway-Hours", "NatGateway-Hours"));
	assert_true(usage_type_matches("USE1-NatGateway-Hours", "NatGateway-Hours"));
	assert_true(usage_type_matches("EU-NatGateway-Hours", "NatGateway-Hours"));
	/* FACTS.md 2.1: substrings over-match */
	assert_false(usage_type_matches("RegionalNatGateway-Hours", "NatGateway-Hours"));
	assert_false(usage_type_matches("USE1-RegionalNatGateway-Hours", "NatGateway-Hours"));
	assert_false(usage_type_matches("use1-NatGateway-Hours", "NatGateway-Hours"));
	assert_false(usage_type_matches("-NatGateway-Hours", "NatGateway-Hours"));
	assert_false(usage_type_matches("NatGateway-Hours2", "NatGateway-Hours"));
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_sample_streams),
		cmocka_unit_test(broken_files),
		cmocka_unit_test(quoted_newlines_keep_line_numbers),
		cmocka_unit_test(json_offer_fills_same_rows),
		cmocka_unit_test(json_offer_errors),
		cmocka_unit_test(catalog_lookups),
		cmocka_unit_test(catalog_reads_json_offers),
		cmocka_unit_test(usage_type_anchoring),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
