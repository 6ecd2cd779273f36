/*
 * fuzz_common.h - shared by the libFuzzer harnesses in tests/fuzz/.
 *
 * Each harness feeds one reader the bytes libFuzzer gives it, the way the
 * command line would (same entry points, same limits), and lets ASan/UBSan
 * and libFuzzer's leak, timeout and RSS checks judge the result. Error
 * messages the readers print go to stderr; `tests/fuzz/run` passes
 * -close_fd_mask=2 so they do not flood the log (sanitizer reports still
 * show).
 *
 * Offer readers take a path, so the offer harnesses write the input into a
 * private snapshot folder (fuzz_snapshot_dir) and load it through the
 * catalog, which exercises the price parsing and tier checks as well.
 */
#ifndef COSTPLAN_FUZZ_COMMON_H
#define COSTPLAN_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cost/decimal.h"
#include "pricing/offer.h"

/* A snapshot folder <tmp>/costplan-fuzz.<pid> with aws/us-east-1/ made. */
static const char *fuzz_snapshot_dir(void)
{
	static char dir[512];
	if (!dir[0]) {
		const char *t = getenv("TMPDIR");
		char cmd[700];
		snprintf(dir, sizeof(dir), "%s/costplan-fuzz.%ld", t && t[0] ? t : "/tmp",
			 (long)getpid());
		snprintf(cmd, sizeof(cmd), "mkdir -p '%s/aws/us-east-1'", dir);
		if (system(cmd) != 0)
			abort();
	}
	return dir;
}

/* Write data to path, whole; abort on failure (the harness is broken). */
static void fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
}

/*
 * Callbacks for reading an offer directly (no catalog, so any offer code
 * and region go through): every field is looked up by name and parsed as a
 * price, as the catalog and `pricing` commands would.
 */
static int fuzz_meta_cb(const struct offer_meta *m, const struct offer_header *h, void *ctx)
{
	(void)ctx;
	(void)m;
	(void)offer_header_find(h, "PricePerUnit");
	return 0;
}

static int fuzz_row_cb(const struct offer_row *row, void *ctx)
{
	size_t *rows = ctx;
	dec d;
	for (size_t i = 0; i < row->n; i++)
		(void)dec_parse(row->fields[i], &d);
	(void)offer_row_get(row, "usageType");
	(void)offer_row_get(row, "no such column");
	return ++*rows > 100000 ? 3 : 0;
}

#endif
