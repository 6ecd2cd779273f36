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

/*
 * The fast path for the usual record shape (offer_csv.c) against libcsv
 * alone: what the callbacks see (metadata, header, each row's line and
 * fields), the return code and the error message must be the same however
 * the bytes are cut into feeds.
 */
static int tr_meta(const struct offer_meta *m, const struct offer_header *h, void *ctx)
{
	FILE *out = ctx;
	fprintf(out, "meta %s|%s|%s|%s|%s hdr", m->format_version, m->disclaimer,
		m->publication_date, m->version, m->offer_code);
	for (size_t i = 0; i < h->n; i++)
		fprintf(out, "|%s", h->names[i]);
	fputc('\n', out);
	return 0;
}

static int tr_row(const struct offer_row *r, void *ctx)
{
	FILE *out = ctx;
	fprintf(out, "row %d:", r->line);
	for (size_t i = 0; i < r->n; i++)
		fprintf(out, "[%s]", r->fields[i]);
	fputc('\n', out);
	/* a callback's stop code ends the read like an error */
	return strcmp(r->fields[0], "STOP") == 0 ? 7 : 0;
}

/* Feed data cut at cuts[0..ncuts) (increasing), finish; the transcript. */
static char *transcript(const char *data, size_t n, int fast, const size_t *cuts, size_t ncuts)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	struct offer_csv *c = offer_csv_new("t.csv", tr_meta, tr_row, out);
	assert_non_null(c);
	offer_csv_set_fast(c, fast);
	cp_error_capture_begin();
	size_t at = 0;
	int rc = 0;
	for (size_t k = 0; k <= ncuts && !rc; k++) {
		size_t to = k < ncuts ? cuts[k] : n;
		rc = offer_csv_feed(c, data + at, to - at);
		at = to;
	}
	if (!rc)
		rc = offer_csv_finish(c);
	char *err = cp_error_capture_end();
	fprintf(out, "rc %d: %s\n", rc, err ? err : "-");
	free(err);
	offer_csv_free(c);
	fclose(out);
	return text;
}

/* Same transcript as libcsv alone, cut in two at every offset and fed one
 * byte at a time; returns libcsv's transcript. */
static char *check_same(const char *data, size_t n)
{
	char *want = transcript(data, n, 0, NULL, 0);
	char *got = transcript(data, n, 1, NULL, 0);
	assert_string_equal(got, want);
	free(got);
	for (size_t k = 0; k <= n; k++) {
		got = transcript(data, n, 1, &k, 1);
		if (strcmp(got, want) != 0)
			fail_msg("cut at %zu of %zu:\n%s\nlibcsv alone:\n%s", k, n, got, want);
		free(got);
	}
	size_t *every = malloc(n * sizeof(*every));
	for (size_t k = 0; k < n; k++)
		every[k] = k + 1;
	got = transcript(data, n, 1, every, n ? n - 1 : 0);
	assert_string_equal(got, want);
	free(got);
	free(every);
	return want;
}

#define ROW(a, last) "\"" a "\",\"OnDemand\",\"0\",\"Inf\",\"1\",\"" last "\""

static void fast_path_matches_libcsv(void **state)
{
	(void)state;
	/* the usual shape, LF and CRLF, and a last record without a newline */
	char *t = check_same(META HEADER ROW("A", "x") "\n" ROW("B", "y") "\r\n" ROW("C", "z"),
			     sizeof(META HEADER ROW("A", "x") "\n" ROW("B", "y") "\r\n" ROW("C", "z")) - 1);
	assert_non_null(strstr(t, "row 7:[A][OnDemand][0][Inf][1][x]\nrow 8:[B][OnDemand][0][Inf][1][y]\n"
				  "row 9:[C][OnDemand][0][Inf][1][z]\nrc 0: -\n"));
	free(t);
	/* records libcsv takes: an embedded newline (lines still counted), a
	 * doubled quote, bare and empty fields, a space before a quote, a
	 * blank line, CRLF inside quotes, non-ASCII text, a stray \r */
	static const char mixed[] = META HEADER ROW("A", "two\nlines") "\n" ROW("B", "say \"\"hi\"\"") "\n"
		"\"C\",OnDemand,,\"Inf\",\"1\",\"\"\n" ROW("D", "") "\n" " " ROW("E", "x") "\n"
		"\n" ROW("F", "a\r\nb") "\r\n" ROW("G", "caf\xc3\xa9") "\n" ROW("H", "x") "\r\r\n"
		ROW("I", "a,b") "\n" ROW("J", "x") ",\n" ROW("K", "x") "\n";
	t = check_same(mixed, sizeof(mixed) - 1);
	assert_non_null(strstr(t, "row 7:[A][OnDemand][0][Inf][1][two\nlines]\n"
				  "row 9:[B][OnDemand][0][Inf][1][say \"hi\"]\n"
				  "row 10:[C][OnDemand][][Inf][1][]\n"
				  "row 11:[D][OnDemand][0][Inf][1][]\n"
				  "row 12:[E][OnDemand][0][Inf][1][x]\n"));
	assert_non_null(strstr(t, "[G][OnDemand][0][Inf][1][caf\xc3\xa9]\n"));
	assert_non_null(strstr(t, "[I][OnDemand][0][Inf][1][a,b]\n"));
	/* "J" ends in a bare empty field: 7 fields */
	assert_non_null(strstr(t, "rc 3: t.csv:"));
	assert_non_null(strstr(t, "row has 7 fields but the header on line 6 has 6"));
	free(t);
	/* a callback stops the read */
	static const char stop[] = META HEADER ROW("A", "x") "\n" ROW("STOP", "x") "\n" ROW("B", "x") "\n";
	t = check_same(stop, sizeof(stop) - 1);
	assert_non_null(strstr(t, "[STOP]"));
	assert_null(strstr(t, "[B]"));
	assert_non_null(strstr(t, "rc 7: -\n"));
	free(t);
}

static void fast_path_errors_match_libcsv(void **state)
{
	(void)state;
	static const char *const bad[] = {
		/* an unterminated quote at the end, after a good record */
		META HEADER ROW("A", "x") "\n\"B\",\"OnDemand\",\"0\",\"Inf\",\"1\",\"x\n",
		/* a stray byte after a closing quote */
		META HEADER ROW("A", "x") "\n" ROW("B", "x") "y\n" ROW("C", "x") "\n",
		/* invalid UTF-8 and a NUL byte in records of the usual shape */
		META HEADER ROW("A", "x") "\n" ROW("B", "\xff") "\n",
		META HEADER ROW("A", "\xc3\xa9") "\n" ROW("B", "ok") ",\"\xe0\x80\"\n",
		/* the wrong metadata, a header with an empty name */
		"\"FormatVersion\",\"v1.0\"\n\"Disclaimer\"\n",
		META "\"SKU\",\"\",\"x\"\n",
		/* a row with too few fields, a blank line before it */
		META HEADER "\r\n\n\"A\",\"OnDemand\"\r\n",
		/* ends before the header */
		META,
		"",
		"\n\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		free(check_same(bad[i], strlen(bad[i])));
	/* a NUL byte (strlen would stop at it) */
	static const char nul[] = META HEADER ROW("A", "x") "\n" ROW("B", "a\0b") "\n";
	char *t = check_same(nul, sizeof(nul) - 1);
	assert_non_null(strstr(t, "t.csv:8: field 6 contains a NUL byte"));
	free(t);
	t = check_same(bad[0], strlen(bad[0]));
	assert_non_null(strstr(t, "rc 3: t.csv:8: malformed CSV:"));
	free(t);
}

/* Records past the fast path's size bound and the reader's limits: a long
 * field, a long row, a field libcsv refuses to buffer, too many columns. */
static void fast_path_limits_match_libcsv(void **state)
{
	(void)state;
	size_t cap = 4 * OFFER_MAX_ROW;
	char *d = malloc(cap);
	/* the last field's length, or every field's (kind 2), and the count */
	static const size_t len[] = {OFFER_MAX_FIELD - 40, OFFER_MAX_FIELD - 8, OFFER_MAX_FIELD + 1,
				     OFFER_MAX_ROW / 5, 3 * OFFER_MAX_FIELD, 1};
	for (int kind = 0; kind < 6; kind++) {
		size_t n = 0;
		n += (size_t)snprintf(d + n, cap - n, "%s%s", META, HEADER);
		int nf = kind == 5 ? OFFER_MAX_COLUMNS + 3 : 6;
		for (int f = 0; f < nf; f++) {
			size_t l = f == 5 || kind == 3 ? len[kind] : 1;
			d[n++] = '"';
			memset(d + n, 'a' + f % 26, l);
			n += l;
			d[n++] = '"';
			d[n++] = f + 1 < nf ? ',' : '\n';
		}
		n += (size_t)snprintf(d + n, cap - n, "%s\n", ROW("Z", "z"));
		char *want = transcript(d, n, 0, NULL, 0);
		size_t cuts[3] = {n / 3, n / 2, n - 30};
		for (size_t k = 0; k <= 3; k++) {
			char *got = transcript(d, n, 1, cuts + (k == 3 ? 0 : k), k == 3 ? 3 : 1);
			if (strcmp(got, want) != 0)
				fail_msg("kind %d, cut %zu:\n%.300s\nlibcsv alone:\n%.300s", kind, k, got, want);
			free(got);
		}
		if (kind < 2)
			assert_non_null(strstr(want, "rc 0: -"));
		else
			assert_non_null(strstr(want, "rc 3: t.csv:7: "));
		free(want);
	}
	free(d);
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
		cmocka_unit_test(fast_path_matches_libcsv),
		cmocka_unit_test(fast_path_errors_match_libcsv),
		cmocka_unit_test(fast_path_limits_match_libcsv),
		cmocka_unit_test(json_offer_fills_same_rows),
		cmocka_unit_test(json_offer_errors),
		cmocka_unit_test(catalog_lookups),
		cmocka_unit_test(catalog_reads_json_offers),
		cmocka_unit_test(usage_type_anchoring),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
