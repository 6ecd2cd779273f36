/*
 * import.h - `pricing import`: filter offer files downloaded by hand into a
 * snapshot folder.
 *
 * CSV files stream through the record scanner and the offer CSV reader;
 * JSON files through the streaming JSON reader (offer_json_stream): both in
 * bounded memory, whatever the size.
 * The result is the same as a fetch: <out>/aws/<region>/<OfferCode>.csv,
 * written atomically.
 */
#ifndef COSTPLAN_IMPORT_H
#define COSTPLAN_IMPORT_H

struct import_result {
	char *path;    /* file written (caller frees) */
	char *offer;   /* caller frees */
	char *region;  /* caller frees */
	char *version; /* caller frees */
	long rows_seen, rows_kept;
	long products_seen; /* JSON input: products looked at (else 0) */
	unsigned long long bytes;
};

/*
 * Import one file. region may be NULL (taken from the file). Returns 0 or
 * an exit code (printed); on failure nothing under out_dir changed.
 */
int import_offer_file(const char *file, const char *region, const char *out_dir,
		      struct import_result *res);
void import_result_free(struct import_result *res);

#endif
