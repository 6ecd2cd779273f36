/*
 * fuzz_offer_csv.c - libFuzzer harness for the bulk CSV offer reader
 * (src/pricing/offer_csv.c), driven through the catalog exactly as
 * `costplan breakdown` loads AmazonEC2.csv: header checks, price and range
 * parsing, tier ordering. When the file loads, a few lookups and tiered
 * cost computations run on what it produced. First, though, the reader runs
 * alone with callbacks that accept any offer code and region.
 *
 * Before that, a differential check of the reader's fast path for the usual
 * record shape (offer_csv.c): the bytes go through the push interface with
 * libcsv alone and with the fast path, whole and cut into pieces (of a
 * size the last byte picks); what the callbacks see, the return code and
 * the error message must be the same both ways, or the harness aborts.
 */
#include "fuzz_common.h"

#include "util/decimal.h"
#include "util/error.h"
#include "pricing/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int diff_meta(const struct offer_meta *m, const struct offer_header *h, void *ctx)
{
	FILE *out = ctx;
	fprintf(out, "meta %s|%s|%s|%s|%s hdr", m->format_version, m->disclaimer,
		m->publication_date, m->version, m->offer_code);
	for (size_t i = 0; i < h->n; i++)
		fprintf(out, "|%s", h->names[i]);
	fputc('\n', out);
	return 0;
}

static int diff_row(const struct offer_row *r, void *ctx)
{
	FILE *out = ctx;
	fprintf(out, "row %d %zu:", r->line, r->n);
	for (size_t i = 0; i < r->n; i++)
		fprintf(out, "[%s]", r->fields[i]);
	fputc('\n', out);
	/* a row whose first field is "STOP" stops the read, as a callback may */
	return strcmp(r->fields[0], "STOP") == 0 ? 7 : 0;
}

/* What the reader reports for data fed in pieces of `piece` bytes (0: at
 * once), with or without the fast path. */
static char *diff_transcript(const uint8_t *data, size_t size, int fast, size_t piece)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct offer_csv *c = out ? offer_csv_new("f.csv", diff_meta, diff_row, out) : NULL;
	if (!c)
		abort();
	offer_csv_set_fast(c, fast);
	cp_error_capture_begin();
	int rc = 0;
	for (size_t at = 0; at < size && !rc;) {
		size_t n = piece && size - at > piece ? piece : size - at;
		rc = offer_csv_feed(c, data + at, n);
		at += n;
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

static void diff_check(const uint8_t *data, size_t size)
{
	/* the same pieces both ways: a byte-order mark is skipped only when the
	 * first piece holds all of it, fast path or not */
	size_t pieces[2] = {0, size ? 1 + data[size - 1] % 97 : 0};
	for (int i = 0; i < 2; i++) {
		char *want = diff_transcript(data, size, 0, pieces[i]);
		char *got = diff_transcript(data, size, 1, pieces[i]);
		if (strcmp(got, want) != 0) {
			fprintf(stderr, "fast path (pieces of %zu) differs from libcsv alone:\n%s\n"
					"libcsv alone:\n%s\n", pieces[i], got, want);
			abort();
		}
		free(got);
		free(want);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_snapshot_dir();
	char path[700];
	struct offer_source *src;

	snprintf(path, sizeof(path), "%s/aws/us-east-1/AmazonEC2.csv", dir);
	fuzz_write_file(path, data, size);
	/* 0: the fast path against libcsv alone */
	diff_check(data, size);
	/* 1: the reader alone, any offer */
	FILE *fp = fopen(path, "rb");
	if (fp) {
		size_t rows = 0;
		(void)offer_csv_read(fp, path, fuzz_meta_cb, fuzz_row_cb, &rows);
		fclose(fp);
	}
	/* 2: through the catalog, as AmazonEC2 in us-east-1 */
	struct catalog *c = catalog_new(dir);
	if (catalog_offer(c, "us-east-1", "AmazonEC2", &src) == 0) {
		static const char *const usage[] = {"NatGateway-Hours", "NatGateway-Bytes",
						    "DataTransfer-Out-Bytes", NULL};
		dec qty[3] = {dec_from_int(730), dec_from_int(1000000000), dec_from_scaled(5, 1)};
		for (int i = 0; usage[i]; i++) {
			struct price_query q = {"AmazonEC2", NULL, usage[i], {{NULL, NULL}}, NULL};
			const struct price_entry *e = catalog_try(c, "us-east-1", &q);
			dec cost;
			for (int k = 0; e && k < 3; k++)
				(void)price_entry_cost(e, qty[k], &cost);
		}
		for (size_t i = 0; i < src->n; i++) {
			dec cost;
			(void)price_entry_cost(&src->entries[i], dec_from_int(730), &cost);
			(void)price_entry_unit_price(&src->entries[i]);
		}
	}
	catalog_free(c);
	return 0;
}
