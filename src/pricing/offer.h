/*
 * offer.h - AWS Price List offer files, read one row at a time.
 *
 * Both readers (bulk CSV with libcsv, JSON with jansson) turn an offer file
 * into the same stream: one call of meta_cb with the file's metadata and
 * column header, then one call of row_cb per price row. Rows from the JSON
 * reader carry the CSV column names ("usageType", "Instance Type", ...), so
 * the catalog and the refresh filter handle both formats through one path.
 *
 * The CSV reader holds one row in memory at a time, whatever the file size.
 *
 * Ownership: everything passed to a callback is borrowed and valid only
 * during that call; copy what you keep. A callback returns 0 to go on, or
 * an exit code (enum cp_exit) to stop; the reader then returns that code.
 */
#ifndef COSTPLAN_OFFER_H
#define COSTPLAN_OFFER_H

#include <stddef.h>
#include <stdio.h>

/* The five metadata lines of a bulk CSV ("FormatVersion" ... "OfferCode"). */
struct offer_meta {
	const char *format_version;
	const char *disclaimer;
	const char *publication_date; /* "2026-01-16T16:02:58Z" */
	const char *version;          /* "20260116160258" */
	const char *offer_code;       /* "AmazonECS" */
};

struct offer_header {
	char **names;
	size_t n;
};

struct offer_row {
	const struct offer_header *hdr;
	char **fields; /* hdr->n fields, NUL-terminated */
	size_t n;
	int line; /* physical line where the row starts (CSV) or 0 */
};

typedef int (*offer_meta_cb)(const struct offer_meta *meta, const struct offer_header *hdr,
			     void *ctx);
typedef int (*offer_row_cb)(const struct offer_row *row, void *ctx);

/* Column index by exact header name, or -1. */
int offer_header_find(const struct offer_header *hdr, const char *name);
/* Field by column name: "" when empty, NULL when the file has no such column. */
const char *offer_row_get(const struct offer_row *row, const char *column);

/*
 * Read a bulk CSV offer file from fp. path names it in messages. Errors
 * (printed, with path:line) return CP_EXIT_DATA for bad content and
 * CP_EXIT_IO for read failures.
 */
int offer_csv_read(FILE *fp, const char *path, offer_meta_cb meta_cb, offer_row_cb row_cb,
		   void *ctx);

/*
 * Read a JSON offer file (products + terms.OnDemand) from path. Only
 * OnDemand terms become rows. Same callbacks and return codes.
 */
int offer_json_read(const char *path, offer_meta_cb meta_cb, offer_row_cb row_cb, void *ctx);

/* Limits on what an input file may contain. Real rows are under 2 KiB. */
#define OFFER_MAX_FIELD (64 * 1024)
#define OFFER_MAX_ROW (256 * 1024)
#define OFFER_MAX_COLUMNS 512
/* jansson holds a whole JSON offer in memory (several times its size):
 * bigger offers must be fetched as CSV, which streams. */
#define OFFER_JSON_MAX_BYTES (256L * 1024 * 1024)

#endif
