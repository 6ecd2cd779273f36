/*
 * snapshot.h - write one filtered offer file into a snapshot folder,
 * all or nothing.
 *
 * The file is written in the AWS bulk CSV format it came from: the five
 * metadata lines with their original values, the original header, then the
 * kept rows, every field double-quoted (AWS's style). It goes to a
 * uniquely named temporary file beside the target (mkstemp), so two
 * writers never share a temporary; snap_commit() flushes, fsyncs, renames
 * it over the target and fsyncs the folder. snap_abort() (or any failure)
 * removes the temporary: the previous file stays byte-identical.
 *
 * Also here: the small "validators" file (ETag, Last-Modified, URL) kept
 * beside each fetched offer as .<OfferCode>.http, written the same way.
 *
 * Ownership: a snap_writer owns its paths and FILE until commit or abort.
 */
#ifndef COSTPLAN_SNAPSHOT_H
#define COSTPLAN_SNAPSHOT_H

#include <stdio.h>

#include "pricing/offer.h"

struct snap_writer {
	char *path;
	char *tmp;
	FILE *f;
	long rows;
};

/* Create the folder (mkdir -p) and the temporary. 0 or CP_EXIT_IO. */
int snap_open(struct snap_writer *w, const char *path);
int snap_meta(struct snap_writer *w, const struct offer_meta *m, const struct offer_header *h);
int snap_row(struct snap_writer *w, const struct offer_row *row);
/* 0 or CP_EXIT_IO (then the temporary is gone and the target untouched). */
int snap_commit(struct snap_writer *w);
void snap_abort(struct snap_writer *w);

/* mkdir -p. 0 or CP_EXIT_IO (printed). */
int snap_mkdirs(const char *dir);

struct snap_validators {
	char *url;
	char *etag;
	char *last_modified;
	char *version;
};
/* Read validators for an offer file path (missing file: all NULL). */
void snap_validators_read(const char *csv_path, struct snap_validators *v);
int snap_validators_write(const char *csv_path, const struct snap_validators *v);
void snap_validators_free(struct snap_validators *v);

#endif
