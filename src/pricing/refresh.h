/*
 * refresh.h - the end of a price refresh: offer rows in, filtered snapshot
 * file out.
 *
 * Both `pricing fetch` (rows from a download) and `pricing import` (rows
 * from a file) drive the offer readers with refresh_meta_cb/refresh_row_cb
 * and a struct refresh as context. The sink checks the offer code, applies
 * the row filter (filter.h), learns the region from the rows when none was
 * given, and writes <out>/aws/<region>/<OfferCode>.csv through a snapshot
 * writer (snapshot.h): nothing is renamed into place before
 * refresh_finish() succeeds.
 *
 * Ownership: the caller owns the strings it sets (borrowed until
 * refresh_release); the sink owns everything else.
 */
#ifndef COSTPLAN_REFRESH_H
#define COSTPLAN_REFRESH_H

#include "pricing/csv_scan.h"
#include "pricing/filter.h"
#include "pricing/offer.h"
#include "pricing/snapshot.h"

struct refresh {
	/* set by the caller */
	const char *source;	  /* file or URL, for messages */
	const char *expect_offer; /* NULL: any offer costplan prices */
	const char *region;	  /* NULL: the file's (only) region */
	const char *out_dir;	  /* snapshot root */
	struct csv_scan *scan;	  /* to hand the needles to, or NULL */
	int fail_code;		  /* exit code for bad content: CP_EXIT_DATA, or CP_EXIT_IO (fetch) */

	/* results */
	char *offer;
	char *file_region;
	char *path; /* the file written */
	char *version;
	char *published;
	long rows_seen, rows_kept;
	long products_seen; /* JSON: products looked at */

	/* internal */
	struct price_filter *filter;
	struct snap_writer w;
	struct offer_meta meta;
	char *meta_store[5];
	const struct offer_header *hdr;
	int opened;
};

void refresh_init(struct refresh *r);
int refresh_meta_cb(const struct offer_meta *m, const struct offer_header *h, void *ctx);
int refresh_row_cb(const struct offer_row *row, void *ctx);
/* offer_json_stream's product pre-filter: 1 keep, 0 drop, -1 error (printed). */
int refresh_product_cb(const char *offer_code, const struct offer_row *product, void *ctx);
/* After the reader returned rc: commit (rc 0) or discard. Returns the final code. */
int refresh_finish(struct refresh *r, int rc);
/* Free everything (discarding an uncommitted temporary). */
void refresh_release(struct refresh *r);

#endif
