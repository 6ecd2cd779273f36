/*
 * test_refresh.c - the price refresh pieces that need no network: the row
 * filter (which rows costplan keeps), the record scanner in front of the
 * CSV reader (same rows as a plain read, right line numbers, any chunking),
 * the retry/backoff arithmetic and loop, and the URL policy.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pricing/csv_scan.h"
#include "pricing/filter.h"
#include "pricing/http.h"
#include "pricing/offer.h"
#include "pricing/retry.h"
#include "cost/types/registry.h"

/* ---- filter ---------------------------------------------------------------- */

static const char *const COLS[] = {"SKU",	"TermType",	  "Currency",	 "Product Family",
				   "usageType", "Region Code",	  "Database Engine",
				   "Deployment Option", "Cache Engine", "Location Type",
				   "Transfer Type", "Volume Type", "Alarm Type", "PricePerUnit",
				   "Unit", "StartingRange", "EndingRange"};
#define NC (sizeof(COLS) / sizeof(COLS[0]))

struct trow {
	const char *v[NC];
};

/* Build a row from "column=value" pairs; defaults: OnDemand, USD. */
static int keep(const char *offer, const char *region, ...)
{
	static struct offer_header hdr = {(char **)COLS, NC};
	char *fields[NC];
	const char *missing;
	va_list ap;
	for (size_t i = 0; i < NC; i++)
		fields[i] = "";
	fields[1] = "OnDemand";
	fields[2] = "USD";
	va_start(ap, region);
	for (const char *kv; (kv = va_arg(ap, const char *));) {
		const char *eq = strchr(kv, '=');
		for (size_t i = 0; i < NC; i++)
			if (strlen(COLS[i]) == (size_t)(eq - kv) && strncmp(COLS[i], kv, (size_t)(eq - kv)) == 0)
				fields[i] = (char *)eq + 1;
	}
	va_end(ap);
	struct price_filter *f = price_filter_new(offer, region);
	assert_non_null(f);
	assert_int_equal(price_filter_bind(f, &hdr, &missing), 0);
	struct offer_row row = {&hdr, fields, NC, 7};
	int k = price_filter_row(f, &row);
	/* every kept row contains a needle literally, and each of that needle's
	 * companions as a whole field (what the scanner relies on) */
	if (k) {
		int found = 0;
		for (const char *const *n = price_filter_needles(f); *n && !found; n++) {
			size_t len = strcspn(*n, CSV_SCAN_AND);
			for (size_t i = 0; i < NC && !found; i++) {
				const char *h = strstr(fields[i], *n);
				found = h && len == strlen(*n);
				if (!found && len < strlen(*n)) {
					char lit[64];
					snprintf(lit, sizeof(lit), "%.*s", (int)len, *n);
					found = strstr(fields[i], lit) != NULL;
				}
			}
			/* the companions: each one whole field of the row */
			for (const char *c = *n + len; found && *c;) {
				c++;
				size_t cl = strcspn(c, CSV_SCAN_AND);
				int whole = 0;
				for (size_t i = 0; i < NC && !whole; i++)
					whole = strlen(fields[i]) == cl && strncmp(fields[i], c, cl) == 0;
				found = whole;
				c += cl;
			}
		}
		assert_true(found);
	}
	price_filter_free(f);
	return k;
}

static void filter_nat(void **state)
{
	(void)state;
	const char *fam = "Product Family=NAT Gateway";
	assert_true(keep("AmazonEC2", "eu-central-1", fam, "usageType=EUC1-NatGateway-Hours",
			 "Region Code=eu-central-1", NULL));
	assert_true(keep("AmazonEC2", "us-east-1", fam, "usageType=NatGateway-Bytes",
			 "Region Code=us-east-1", NULL));
	/* FACTS.md 2.2 look-alikes */
	assert_false(keep("AmazonEC2", "eu-central-1", fam, "usageType=EUC1-RegionalNatGateway-Hours", NULL));
	assert_false(keep("AmazonEC2", "eu-central-1", fam, "usageType=EUC1-NatGateway-Prvd-Hours", NULL));
	/* another region, another term, another currency, another family */
	assert_false(keep("AmazonEC2", "eu-central-1", fam, "usageType=USW2-NatGateway-Hours",
			  "Region Code=us-west-2", NULL));
	assert_false(keep("AmazonEC2", "eu-central-1", fam, "usageType=EUC1-NatGateway-Hours",
			  "TermType=Reserved", NULL));
	assert_false(keep("AmazonEC2", "eu-central-1", fam, "usageType=EUC1-NatGateway-Hours",
			  "Currency=CNY", NULL));
	assert_false(keep("AmazonEC2", "eu-central-1", "Product Family=Compute Instance",
			  "usageType=EUC1-BoxUsage:m5.large", NULL));
	/* region NULL: any region */
	assert_true(keep("AmazonEC2", NULL, fam, "usageType=USW2-NatGateway-Hours",
			 "Region Code=us-west-2", NULL));
}

/* Every engine, deployment and storage configuration the pricers take is
 * kept (MySQL, MariaDB, Aurora, readable standbys, Memcached, S3 classes);
 * Extended Support is not. */
static void filter_rds_cache(void **state)
{
	(void)state;
	const char *inst = "Product Family=Database Instance";
	assert_true(keep("AmazonRDS", "eu-west-1", inst, "usageType=EU-InstanceUsage:db.t3.micro",
			 "Database Engine=PostgreSQL", "Deployment Option=Single-AZ", NULL));
	assert_true(keep("AmazonRDS", "us-east-1", inst, "usageType=Multi-AZUsage:db.r6g.large",
			 "Database Engine=PostgreSQL", "Deployment Option=Multi-AZ", NULL));
	assert_true(keep("AmazonRDS", "us-east-1", inst, "usageType=InstanceUsage:db.t3.micro",
			  "Database Engine=MySQL", "Deployment Option=Single-AZ", NULL));
	assert_true(keep("AmazonRDS", "us-east-1", inst, "usageType=InstanceUsage:db.t3.micro",
			  "Database Engine=PostgreSQL", "Deployment Option=Multi-AZ (readable standbys)", NULL));
	assert_false(keep("AmazonRDS", "us-east-1", inst,
			  "usageType=ExtendedSupport:InstanceUsage:db.t3.micro",
			  "Database Engine=PostgreSQL", "Deployment Option=Single-AZ", NULL));
	assert_true(keep("AmazonRDS", "us-east-1", inst, "usageType=InstanceUsageIOOptimized:db.t3.micro",
			  "Database Engine=PostgreSQL", "Deployment Option=Single-AZ", NULL));
	assert_true(keep("AmazonRDS", "us-east-1", "Product Family=Database Storage",
			 "usageType=RDS:GP2-Storage", "Database Engine=Any", NULL));
	assert_true(keep("AmazonRDS", "us-east-1", "Product Family=CPU Credits",
			 "usageType=CPUCredits:db.t3", NULL));
	const char *ci = "Product Family=Cache Instance";
	assert_true(keep("AmazonElastiCache", "us-east-1", ci, "usageType=NodeUsage:cache.t3.micro",
			 "Cache Engine=Redis", "Location Type=AWS Region", NULL));
	assert_true(keep("AmazonElastiCache", "us-east-1", ci, "usageType=NodeUsage:cache.t3.micro",
			 "Cache Engine=Valkey", NULL));
	assert_true(keep("AmazonElastiCache", "us-east-1", ci, "usageType=NodeUsage:cache.t3.micro",
			  "Cache Engine=Memcached", NULL));
}

static void filter_others(void **state)
{
	(void)state;
	assert_true(keep("AmazonECS", "us-east-1", "Product Family=Compute",
			 "usageType=USE1-Fargate-vCPU-Hours:perCPU", NULL));
	assert_false(keep("AmazonECS", "us-east-1", "Product Family=Compute",
			  "usageType=USE1-Fargate-Windows-vCPU-Hours:perCPU", NULL));
	assert_true(keep("awswaf", "us-east-1", "Product Family=Web Application Firewall",
			 "usageType=USE1-WebACLV2", NULL));
	assert_false(keep("awswaf", "us-east-1", "Product Family=Web Application Firewall",
			  "usageType=USE1-ShieldProtected-WebACLV2", NULL));
	assert_true(keep("AWSELB", "us-east-1", "Product Family=Load Balancer-Application",
			 "usageType=LoadBalancerUsage", "Location Type=AWS Region", NULL));
	assert_false(keep("AWSELB", "us-east-1", "Product Family=Load Balancer-Application",
			  "usageType=LoadBalancerUsage", "Location Type=AWS Outposts", NULL));
	assert_true(keep("AWSSecretsManager", "us-east-1", "Product Family=Secret",
			 "usageType=USE1-AWSSecretsManager-Secrets", NULL));
	assert_true(keep("AWSDataTransfer", "us-east-1", "Product Family=Data Transfer",
			 "usageType=USE1-DataTransfer-Out-Bytes", "Transfer Type=AWS Outbound", NULL));
	assert_false(keep("AWSDataTransfer", "us-east-1", "Product Family=Data Transfer",
			  "usageType=USE1-DataTransfer-Out-Bytes", "Transfer Type=InterRegion Outbound", NULL));
	assert_true(keep("AmazonS3", "us-east-1", "Product Family=Storage",
			 "usageType=TimedStorage-ByteHrs", "Volume Type=Standard", NULL));
	assert_true(keep("AmazonS3", "us-east-1", "Product Family=Storage",
			  "usageType=TimedStorage-GlacierByteHrs", "Volume Type=Amazon Glacier", NULL));
	assert_null(price_filter_new("comprehend", NULL));
	assert_false(price_filter_known_offer("AmazonEC3"));
	/* the 450 MB EC2 file is pre-filtered on the literals of the kept usage
	 * types: NAT, instances, EBS; a row without one is skipped unparsed */
	struct price_filter *f = price_filter_new("AmazonEC2", NULL);
	bool nat = false, box = false, ebs = false;
	size_t n = 0;
	for (const char *const *nd = price_filter_needles(f); *nd; nd++, n++) {
		nat |= strstr(*nd, "NatGateway-") != NULL;
		box |= strstr(*nd, "BoxUsage:") != NULL;
		ebs |= strstr(*nd, "EBS:") != NULL;
	}
	assert_true(nat && box && ebs);
	assert_true(n <= 16);
	/* instances are most of the file: BoxUsage: carries the attribute values
	 * its rule needs as companions, so other operating systems, tenancies
	 * and capacity states are dropped unparsed too */
	bool companions = false;
	for (const char *const *nd = price_filter_needles(f); *nd; nd++)
		if (!strncmp(*nd, "BoxUsage:" CSV_SCAN_AND, 10))
			companions = strstr(*nd, CSV_SCAN_AND "Linux") && strstr(*nd, CSV_SCAN_AND "Shared");
	assert_true(companions);
	price_filter_free(f);
}

static void filter_bind_missing(void **state)
{
	(void)state;
	char *names[] = {"SKU", "TermType", "Product Family"};
	struct offer_header h = {names, 3};
	const char *missing = NULL;
	struct price_filter *f = price_filter_new("AmazonECS", NULL);
	assert_int_equal(price_filter_bind(f, &h, &missing), -1);
	assert_string_equal(missing, "usageType");
	price_filter_free(f);
}

/* ---- scanner ----------------------------------------------------------------- */

struct seen {
	char rows[64][128];
	int lines[64];
	int n;
};

static int on_row(const struct offer_row *row, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 64) {
		snprintf(s->rows[s->n], sizeof(s->rows[0]), "%s|%s", row->fields[0], row->fields[2]);
		s->lines[s->n] = row->line;
	}
	s->n++;
	return 0;
}

static const char CSV[] =
	"\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"d\"\n\"Publication Date\",\"2026-01-01T00:00:00Z\"\n"
	"\"Version\",\"20260101000000\"\n\"OfferCode\",\"AmazonEC2\"\n"
	"\"SKU\",\"Desc\",\"usageType\"\n"
	"\"A\",\"plain\",\"BoxUsage:m5.large\"\n"				/* 7, dropped */
	"\"B\",\"two\nlines, \"\"quoted\"\"\",\"BoxUsage\"\n"		/* 8-9, dropped */
	"\"C\",\"x\",\"EUC1-NatGateway-Hours\"\n"				/* 10 */
	"\"D\",\"y \"\"NatGateway-\"\" q\nz\",\"BoxUsage\"\r\n"		/* 11-12 */
	"\"E\",\"z\",\"NatGateway-Bytes\"";					/* 13, no newline */

static void scan_in_chunks(const char *const *needles, size_t chunk, struct seen *s)
{
	memset(s, 0, sizeof(*s));
	struct offer_csv *c = offer_csv_new("t.csv", NULL, on_row, s);
	struct csv_scan *sc = csv_scan_new(c, needles);
	size_t n = strlen(CSV);
	for (size_t i = 0; i < n; i += chunk)
		assert_int_equal(csv_scan_feed(sc, CSV + i, i + chunk > n ? n - i : chunk), 0);
	assert_int_equal(csv_scan_finish(sc), 0);
	csv_scan_free(sc);
	offer_csv_free(c);
}

static void scanner_same_rows(void **state)
{
	static const char *const needles[] = {"NatGateway-", NULL};
	struct seen all, some;
	(void)state;
	scan_in_chunks(NULL, 1 << 20, &all);
	assert_int_equal(all.n, 5);
	assert_int_equal(all.lines[1], 8);
	assert_int_equal(all.lines[4], 13);
	for (size_t chunk = 1; chunk < 40; chunk += 3) {
		scan_in_chunks(needles, chunk, &some);
		/* A and B (two lines) dropped unparsed; D has the needle inside a quoted
		 * field: passed on, the filter decides */
		assert_int_equal(some.n, 3);
		assert_string_equal(some.rows[0], "C|EUC1-NatGateway-Hours");
		assert_string_equal(some.rows[1], "D|BoxUsage");
		assert_string_equal(some.rows[2], "E|NatGateway-Bytes");
		assert_int_equal(some.lines[0], 10);
		assert_int_equal(some.lines[1], 11);
		assert_int_equal(some.lines[2], 13);
	}
}

/* A needle with companions passes a record only when each companion is a
 * whole field: quoted or not, never a substring of a longer value. */
static void scanner_companions(void **state)
{
	static const char CSV2[] =
		"\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"d\"\n\"Publication Date\",\"x\"\n"
		"\"Version\",\"1\"\n\"OfferCode\",\"AmazonEC2\"\n"
		"\"SKU\",\"OS\",\"Tenancy\",\"usageType\"\n"
		"\"A\",\"Linux\",\"Shared\",\"BoxUsage:m5.large\"\n"   /* passed */
		"\"B\",\"Windows\",\"Shared\",\"BoxUsage:m5.large\"\n" /* dropped */
		"\"C\",\"SUSE Linux\",\"Shared\",\"BoxUsage:m5.large\"\n" /* dropped */
		"D,Linux,Shared,BoxUsage:t3.micro\r\n"                /* passed: unquoted */
		"\"E\",\"Linux\",\"Dedicated\",\"BoxUsage:m5.large\"\n" /* dropped */
		"\"F\",\"Linux\",\"x\",\"NatGateway-Hours\"\n";         /* passed: other needle */
	static const char *const needles[] = {
		"BoxUsage:" CSV_SCAN_AND "Linux" CSV_SCAN_AND "Shared", "NatGateway-", NULL};
	(void)state;
	for (size_t chunk = 1; chunk < 50; chunk += 7) {
		struct seen s;
		memset(&s, 0, sizeof(s));
		struct offer_csv *c = offer_csv_new("t.csv", NULL, on_row, &s);
		struct csv_scan *sc = csv_scan_new(c, needles);
		size_t n = strlen(CSV2);
		for (size_t i = 0; i < n; i += chunk)
			assert_int_equal(csv_scan_feed(sc, CSV2 + i, i + chunk > n ? n - i : chunk), 0);
		assert_int_equal(csv_scan_finish(sc), 0);
		csv_scan_free(sc);
		offer_csv_free(c);
		assert_int_equal(s.n, 3);
		assert_int_equal(s.lines[0], 7);
		assert_int_equal(s.lines[1], 10);
		assert_int_equal(s.lines[2], 12);
	}
}

static void scanner_bad_input(void **state)
{
	(void)state;
	struct seen s;
	memset(&s, 0, sizeof(s));
	struct offer_csv *c = offer_csv_new("bad.csv", NULL, on_row, &s);
	struct csv_scan *sc = csv_scan_new(c, NULL);
	const char *txt = "<html>503 Service Unavailable</html>\n";
	int rc = csv_scan_feed(sc, txt, strlen(txt));
	if (!rc)
		rc = csv_scan_finish(sc);
	assert_int_equal(rc, 3); /* CP_EXIT_DATA, whether seen at feed or at finish */
	csv_scan_free(sc);
	offer_csv_free(c);
}

/* ---- retry ------------------------------------------------------------------- */

static void backoff_bounds(void **state)
{
	struct retry_policy p = {5, 100, 1000};
	(void)state;
	assert_int_equal(retry_delay_ms(&p, 1, 0.0), 50);
	assert_int_equal(retry_delay_ms(&p, 1, 0.999), 99);
	assert_int_equal(retry_delay_ms(&p, 2, 0.0), 100);
	assert_int_equal(retry_delay_ms(&p, 3, 0.5), 300);
	assert_int_equal(retry_delay_ms(&p, 4, 0.0), 400);
	assert_int_equal(retry_delay_ms(&p, 5, 0.0), 500); /* capped at max_ms */
	assert_int_equal(retry_delay_ms(&p, 60, 0.0), 500);
	for (int k = 1; k < 10; k++)
		for (double u = 0; u < 1; u += 0.1) {
			long d = retry_delay_ms(&p, k, u);
			assert_true(d >= 50 && d < 1000);
		}
}

struct fake {
	int fail_first; /* attempts that ask for a retry */
	int calls;
	long slept[16];
	int nsleep;
};
static struct fake *cur;

static enum retry_verdict fake_attempt(void *ctx, int n)
{
	struct fake *f = ctx;
	f->calls++;
	assert_int_equal(n, f->calls);
	return n <= f->fail_first ? RETRY_AGAIN : RETRY_DONE;
}
static void fake_sleep(long ms)
{
	cur->slept[cur->nsleep++] = ms;
}
static double fake_rnd(void)
{
	return 0.5;
}

static void retry_loop(void **state)
{
	struct retry_policy p = {4, 100, 10000};
	struct fake f = {2, 0, {0}, 0};
	int ex;
	(void)state;
	cur = &f;
	assert_int_equal(retry_run(&p, fake_attempt, NULL, fake_sleep, fake_rnd, &f, &ex), 3);
	assert_int_equal(ex, 0);
	assert_int_equal(f.nsleep, 2);
	assert_int_equal(f.slept[0], 75);  /* 100: [50, 100) at u = 0.5 */
	assert_int_equal(f.slept[1], 150); /* 200 */

	struct fake g = {99, 0, {0}, 0};
	cur = &g;
	assert_int_equal(retry_run(&p, fake_attempt, NULL, fake_sleep, fake_rnd, &g, &ex), 4);
	assert_int_equal(ex, 1);
	assert_int_equal(g.nsleep, 3);

	struct fake h = {0, 0, {0}, 0};
	cur = &h;
	assert_int_equal(retry_run(&p, fake_attempt, NULL, fake_sleep, fake_rnd, &h, &ex), 1);
	assert_int_equal(h.nsleep, 0);
}

static void retry_env(void **state)
{
	struct retry_policy p;
	(void)state;
	setenv("COSTPLAN_FETCH_ATTEMPTS", "7", 1);
	setenv("COSTPLAN_FETCH_BACKOFF_MS", "20", 1);
	setenv("COSTPLAN_FETCH_BACKOFF_MAX_MS", "nonsense", 1);
	retry_policy_from_env(&p);
	assert_int_equal(p.max_attempts, 7);
	assert_int_equal(p.base_ms, 20);
	assert_int_equal(p.max_ms, 30000);
	unsetenv("COSTPLAN_FETCH_ATTEMPTS");
	unsetenv("COSTPLAN_FETCH_BACKOFF_MS");
	unsetenv("COSTPLAN_FETCH_BACKOFF_MAX_MS");
}

/* ---- URL policy and classification ------------------------------------------ */

static void url_policy(void **state)
{
	(void)state;
	assert_null(http_url_refused("https://pricing.us-east-1.amazonaws.com"));
	assert_null(http_url_refused("http://127.0.0.1:8080/offers"));
	assert_null(http_url_refused("http://localhost/x"));
	assert_null(http_url_refused("http://[::1]:9/"));
	assert_non_null(http_url_refused("http://pricing.us-east-1.amazonaws.com"));
	assert_non_null(http_url_refused("http://127.0.0.1.evil.example/"));
	assert_non_null(http_url_refused("http://localhost.evil.example/"));
	assert_non_null(http_url_refused("ftp://127.0.0.1/"));
	assert_non_null(http_url_refused("file:///etc/passwd"));
	assert_true(http_retryable(HTTP_SERVER_ERROR));
	assert_true(http_retryable(HTTP_TIMEOUT));
	assert_true(http_retryable(HTTP_DROPPED));
	assert_false(http_retryable(HTTP_NOT_FOUND));
	assert_false(http_retryable(HTTP_TLS));
	assert_false(http_retryable(HTTP_DNS));
	assert_false(http_retryable(HTTP_ABORTED));
}

int main(void)
{
	resource_types_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(filter_nat),	     cmocka_unit_test(filter_rds_cache),
		cmocka_unit_test(filter_others),     cmocka_unit_test(filter_bind_missing),
		cmocka_unit_test(scanner_same_rows), cmocka_unit_test(scanner_companions),
		cmocka_unit_test(scanner_bad_input),
		cmocka_unit_test(backoff_bounds),    cmocka_unit_test(retry_loop),
		cmocka_unit_test(retry_env),	     cmocka_unit_test(url_policy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
