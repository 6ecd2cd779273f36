/*
 * refresh.c - filter rows into a snapshot file. See refresh.h.
 *
 * The output file cannot be opened before the region is known, and without
 * --region the region comes from the first kept row; so the header is kept
 * (borrowed from the reader, valid for the whole read) and the metadata
 * copied, and the file is opened at the first kept row.
 */
#include "pricing/refresh.h"

#include <stdlib.h>
#include <string.h>

#include "pricing/catalog.h"
#include "pricing/regions.h"
#include "util/error.h"

void refresh_init(struct refresh *r)
{
	memset(r, 0, sizeof(*r));
	r->fail_code = CP_EXIT_DATA;
}

int refresh_meta_cb(const struct offer_meta *m, const struct offer_header *h, void *ctx)
{
	struct refresh *r = ctx;
	const char *missing;
	char buf[96];
	const char *code = m->offer_code ? m->offer_code : "";

	if (r->expect_offer && strcmp(code, r->expect_offer) != 0)
		return cp_error(r->fail_code,
				"%s: this file is the '%s' offer, not %s (OfferCode on line 5): the "
				"source sent the wrong file",
				r->source, cp_sanitize(code, buf, sizeof(buf)), r->expect_offer);
	price_filter_free(r->filter); /* refresh_product_cb may have made one */
	r->filter = price_filter_new(code, r->region);
	if (!r->filter)
		return cp_error(r->fail_code,
				"%s: '%s' is not an offer costplan prices (OfferCode on line 5); it "
				"prices AmazonECS, AmazonEC2, AmazonVPC, AWSELB, AmazonRDS, "
				"AmazonElastiCache, AmazonCloudWatch, AWSSecretsManager, AmazonS3, "
				"AmazonECR, awswaf, AWSSystemsManager and AWSDataTransfer",
				r->source, cp_sanitize(code, buf, sizeof(buf)));
	if (price_filter_bind(r->filter, h, &missing) != 0)
		return cp_error(r->fail_code, "%s:6: the header has no \"%s\" column", r->source,
				missing);
	static const char *const need[] = {"PricePerUnit", "Unit", "SKU", "StartingRange",
					   "EndingRange", NULL};
	for (int i = 0; need[i]; i++)
		if (offer_header_find(h, need[i]) < 0)
			return cp_error(r->fail_code, "%s:6: the header has no \"%s\" column",
					r->source, need[i]);
	r->offer = xstrdup(code);
	const char *vals[5] = {m->format_version, m->disclaimer, m->publication_date, m->version,
			       m->offer_code};
	for (int i = 0; i < 5; i++)
		r->meta_store[i] = xstrdup(vals[i] ? vals[i] : "");
	r->meta.format_version = r->meta_store[0];
	r->meta.disclaimer = r->meta_store[1];
	r->meta.publication_date = r->meta_store[2];
	r->meta.version = r->meta_store[3];
	r->meta.offer_code = r->meta_store[4];
	r->version = xstrdup(r->meta_store[3]);
	r->published = xstrdup(r->meta_store[2]);
	r->hdr = h;
	if (r->scan)
		csv_scan_set_needles(r->scan, price_filter_needles(r->filter));
	return 0;
}

int refresh_product_cb(const char *offer_code, const struct offer_row *product, void *ctx)
{
	struct refresh *r = ctx;
	const char *missing;
	char buf[96];
	r->products_seen++;
	if (!r->filter) {
		r->filter = price_filter_new(offer_code, r->region);
		if (!r->filter) {
			cp_error(r->fail_code,
				 "%s: '%s' is not an offer costplan prices (\"offerCode\")", r->source,
				 cp_sanitize(offer_code, buf, sizeof(buf)));
			return -1;
		}
	}
	if (price_filter_bind(r->filter, product->hdr, &missing) != 0)
		return 0; /* a product without a usage type: nothing costplan prices */
	return price_filter_row(r->filter, product) ? 1 : 0;
}

static int open_output(struct refresh *r, const char *region)
{
	int rc;
	r->file_region = xstrdup(region);
	r->path = xasprintf("%s/aws/%s/%s.csv", r->out_dir, region, r->offer);
	if ((rc = snap_open(&r->w, r->path)) != 0)
		return rc;
	r->opened = 1;
	return snap_meta(&r->w, &r->meta, r->hdr);
}

int refresh_row_cb(const struct offer_row *row, void *ctx)
{
	struct refresh *r = ctx;
	char buf[64];
	int rc;

	r->rows_seen++;
	if (!price_filter_row(r->filter, row))
		return 0;
	if (!r->opened) {
		const char *reg = r->region ? r->region : price_filter_row_region(r->filter, row);
		if (!reg[0])
			return cp_error(CP_EXIT_USAGE,
					"%s: the file names no region (no \"Region Code\" column): pass "
					"--region",
					r->source);
		if (!aws_region_code_shaped(reg))
			return cp_error(r->fail_code, "%s:%d: unknown region '%s' in \"Region Code\"",
					r->source, row->line, cp_sanitize(reg, buf, sizeof(buf)));
		if ((rc = open_output(r, reg)) != 0)
			return rc;
	} else if (!r->region) {
		const char *reg = price_filter_row_region(r->filter, row);
		if (reg[0] && strcmp(reg, r->file_region) != 0)
			return cp_error(CP_EXIT_USAGE,
					"%s:%d: the file holds prices for several regions (%s, %s, ...): "
					"pass --region to choose one",
					r->source, row->line, r->file_region,
					cp_sanitize(reg, buf, sizeof(buf)));
	}
	r->rows_kept++;
	return snap_row(&r->w, row);
}

int refresh_finish(struct refresh *r, int rc)
{
	if (r->scan) { /* rows the scanner dropped unparsed were seen too */
		unsigned long long bytes;
		long recs, passed;
		csv_scan_stats(r->scan, &bytes, &recs, &passed);
		if (recs > 6)
			r->rows_seen = recs - 6;
	}
	if (!rc && !r->offer)
		rc = cp_error(r->fail_code, "%s: no offer metadata was read", r->source);
	if (!rc && r->rows_kept == 0)
		rc = cp_error(r->fail_code,
			      "%s: none of its %ld rows is a price costplan uses%s%s: nothing written",
			      r->source, r->rows_seen, r->region ? " in " : "",
			      r->region ? r->region : "");
	if (rc) {
		snap_abort(&r->w);
		r->opened = 0;
		return rc;
	}
	rc = snap_commit(&r->w);
	r->opened = 0;
	return rc;
}

void refresh_release(struct refresh *r)
{
	if (r->opened)
		snap_abort(&r->w);
	price_filter_free(r->filter);
	for (int i = 0; i < 5; i++)
		free(r->meta_store[i]);
	free(r->offer);
	free(r->file_region);
	free(r->path);
	free(r->version);
	free(r->published);
	memset(r, 0, sizeof(*r));
}
