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
 * The same reader, push-style, for bytes that arrive in pieces (a download):
 * offer_csv_new() (NULL only if libcsv cannot start), offer_csv_feed() any
 * number of times, offer_csv_finish() once, offer_csv_free(). feed and
 * finish return 0 or the exit code that stopped the reader (printed, or a
 * callback's); after a non-zero return further feeds do nothing. The
 * reader copies what it needs: buf may be reused at once. path is borrowed
 * and must outlive the reader.
 */
struct offer_csv;
struct offer_csv *offer_csv_new(const char *path, offer_meta_cb meta_cb, offer_row_cb row_cb,
				void *ctx);
int offer_csv_feed(struct offer_csv *c, const void *buf, size_t n);
int offer_csv_finish(struct offer_csv *c);
void offer_csv_free(struct offer_csv *c);
/* A caller that drops whole records before feeding keeps line numbers right. */
void offer_csv_skip_lines(struct offer_csv *c, long n);
/* Has the column header (line 6) been read? */
int offer_csv_have_header(const struct offer_csv *c);
/* Tests: on 0, every byte goes to libcsv, none through the fast path for
 * the usual record shape (offer_csv.c); call before the first feed. */
void offer_csv_set_fast(struct offer_csv *c, int on);

/*
 * Read a JSON offer file (products + terms.OnDemand) from path. Only
 * OnDemand terms become rows. Same callbacks and return codes.
 */
int offer_json_read(const char *path, offer_meta_cb meta_cb, offer_row_cb row_cb, void *ctx);

/*
 * The rows of one product's OnDemand terms (terms.OnDemand.<sku>), in the
 * columns of hdr (keys[i]: the JSON attribute behind column i), to row_cb.
 * Shared by both JSON readers. Returns 0, the callback's exit code, or -1
 * with *why saying what is malformed.
 */
struct json_t;
int offer_json_term_rows(const char *sku, struct json_t *product, struct json_t *terms,
			 const struct offer_header *hdr, char *const *keys, offer_row_cb row_cb,
			 void *ctx, const char **why);

/* The CSV column name of a JSON attribute key ("usagetype" -> "usageType",
 * "instanceType" -> "Instance Type"); a new string. */
char *offer_json_csv_name(const char *key);

/*
 * A JSON offer file of any size, in bounded memory (offer_json_stream.c):
 * the file is walked twice without building a document; each product is
 * parsed alone and offered to keep() as a row with columns "SKU",
 * "Product Family", "TermType" ("OnDemand"), "Currency" ("USD") and its
 * attributes under their CSV names; only kept products are held. Then
 * meta_cb (header: the fixed columns plus the kept products' attributes)
 * and row_cb for each OnDemand price dimension of a kept product. keep()
 * gets the offer code (from "offerCode") to decide. Same return codes as
 * offer_json_read.
 */
typedef int (*offer_product_cb)(const char *offer_code, const struct offer_row *product,
				void *ctx);
int offer_json_stream(const char *path, offer_product_cb keep, offer_meta_cb meta_cb,
		      offer_row_cb row_cb, void *ctx);

/* Limits on what an input file may contain. Real rows are under 2 KiB. */
#define OFFER_MAX_FIELD (64 * 1024)
#define OFFER_MAX_ROW (256 * 1024)
#define OFFER_MAX_COLUMNS 512
/* offer_json_read (jansson) holds a whole JSON offer in memory, several
 * times its size: bigger offers go through offer_json_stream or CSV. */
#define OFFER_JSON_MAX_BYTES (256L * 1024 * 1024)

#endif
