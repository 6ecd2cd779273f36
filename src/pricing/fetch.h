/*
 * fetch.h - `pricing fetch`: refresh a snapshot from the AWS Price List
 * Bulk API.
 *
 * Layout followed (AWS Billing user guide, "Getting price list files
 * manually"): the service index
 * <endpoint>/offers/v1.0/aws/index.json names each offer's
 * currentRegionIndexUrl; that region index names, per region, the
 * currentVersionUrl of the regional file (…/<version>/<region>/index.json),
 * whose .csv twin is downloaded. Each CSV streams through the record
 * scanner, the offer reader and the refresh filter into a temporary file
 * that replaces <out>/aws/<region>/<OfferCode>.csv only when everything
 * went right (refresh.h, snapshot.h).
 *
 * Conditional requests: the ETag and Last-Modified of each file are kept
 * in <out>/aws/<region>/.<OfferCode>.http with its URL; the next fetch of
 * the same URL sends If-None-Match / If-Modified-Since and a 304 leaves the
 * file alone. A new version has a new URL and is always downloaded.
 *
 * Concurrency: a fetch holds an flock on <out>/aws/.fetch.lock while it
 * writes files; a second fetch waits, then finds them fresh (304).
 * Temporary files have unique names anyway. All index lookups happen
 * before anything is created on disk.
 *
 * Ownership: fetch_opts strings and arrays are borrowed.
 */
#ifndef COSTPLAN_FETCH_H
#define COSTPLAN_FETCH_H

#include <stddef.h>

#include "pricing/http.h"
#include "pricing/retry.h"

#define FETCH_DEFAULT_ENDPOINT "https://pricing.us-east-1.amazonaws.com"

struct fetch_opts {
	const char *endpoint; /* no trailing slash needed */
	const char *out_dir;
	const char *const *regions;
	size_t nregions;
	const char *const *offers;
	size_t noffers;
	int quiet;    /* no summary lines, no retry notes */
	int progress; /* draw progress bars */
	struct retry_policy retry;
	struct http_opts http;
};

/*
 * Fetch every (region, offer). Returns 0, or CP_EXIT_IO when any file
 * could not be refreshed (each failure printed; other files still go on).
 */
int fetch_run(const struct fetch_opts *o);

#endif
