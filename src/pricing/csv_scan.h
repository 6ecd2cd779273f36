/*
 * csv_scan.h - split a CSV byte stream into records and pass on only the
 * ones that may matter.
 *
 * The scanner sits in front of the push-style offer CSV reader (offer.h).
 * It finds record ends (a newline outside quotes: quote parity, 16 bytes at
 * a time with SSE2 where available) and hands the reader the first six
 * records (metadata and header) and every record that contains one of the
 * needle strings (filter.h); the others are dropped unparsed, and the
 * reader is told how many lines it skipped so its messages keep the right
 * line numbers. With needles NULL every record is passed on.
 *
 * A needle may carry companions after CSV_SCAN_AND separators
 * ("BoxUsage:" CSV_SCAN_AND "Linux" CSV_SCAN_AND "Shared"): the record
 * passes on that needle only if it holds every companion too, as a whole
 * field (bounded by quotes, commas or the record's ends). A needle
 * found in most rows of a file (BoxUsage: in AmazonEC2) then stops being a
 * reason to parse them all.
 *
 * Only whole records reach the reader; the unfinished tail waits in a
 * buffer that grows up to CSV_SCAN_MAX_RECORD (a longer record is bad
 * data), so memory is bounded whatever the input size.
 *
 * Ownership: the scanner borrows the reader and the needles (they must
 * outlive it) and owns its buffer.
 */
#ifndef COSTPLAN_CSV_SCAN_H
#define COSTPLAN_CSV_SCAN_H

#include <stddef.h>

#include "pricing/offer.h"

#define CSV_SCAN_CHUNK (1024 * 1024)
#define CSV_SCAN_MAX_RECORD (8 * 1024 * 1024)
/* Separates a needle from its companions (ASCII unit separator). */
#define CSV_SCAN_AND "\x1f"

struct csv_scan;

struct csv_scan *csv_scan_new(struct offer_csv *reader, const char *const *needles);
void csv_scan_free(struct csv_scan *s);

/*
 * Change the needles (from the reader's metadata callback, once the offer
 * is known: the header record is handed on before any data record is
 * judged). NULL passes every record.
 */
void csv_scan_set_needles(struct csv_scan *s, const char *const *needles);

/* Copy n bytes in. Returns 0 or an exit code (reader's, or a too-long record). */
int csv_scan_feed(struct csv_scan *s, const void *buf, size_t n);

/*
 * Zero-copy input (for read(2)): csv_scan_space() gives room for at least
 * CSV_SCAN_CHUNK bytes, csv_scan_commit(n) processes the n bytes written
 * there.
 */
char *csv_scan_space(struct csv_scan *s, size_t *room);
int csv_scan_commit(struct csv_scan *s, size_t n);

/* End of input: pass on the last record, finish the reader. */
int csv_scan_finish(struct csv_scan *s);

/* Bytes seen, records seen, records passed to the reader. */
void csv_scan_stats(const struct csv_scan *s, unsigned long long *bytes, long *records,
		    long *passed);

#endif
