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

#include "cost/types/registry.h"
#include "pricing/offer.h"
#include "util/decimal.h"

/* Every harness: the resource types, as main() installs them. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	resource_types_install();
	return 0;
}

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

/*
 * Plans, states and scenarios as the diff-style commands read them
 * (model/input.h, cost/side.h): input_load detects the kind by content, then each side
 * (a plan's before and after) is priced against the shipped snapshot and
 * rendered in every breakdown format to /dev/null. usage may be NULL.
 * The harnesses that use it include cost/side.h and report/report.h.
 */
#ifdef FUZZ_WITH_SIDES
static struct catalog *fuzz_cat;
static FILE *fuzz_null;

static void fuzz_setup_pricing(void)
{
	if (!fuzz_cat) {
		const char *p = getenv("COSTPLAN_PRICING");
		fuzz_cat = catalog_new(p && p[0] ? p : "pricing");
		fuzz_null = fopen("/dev/null", "w");
		if (!fuzz_null)
			abort();
	}
}

static void fuzz_render(const struct breakdown *b)
{
	struct report_style st = {true, 80};
	report_breakdown_table(fuzz_null, b, &st);
	report_breakdown_json(fuzz_null, b);
	report_breakdown_csv(fuzz_null, b);
	report_breakdown_markdown(fuzz_null, b);
}

static void fuzz_price_input(const char *path, struct usage_file *usage)
{
	struct plan_opts o = {NULL, usage, NULL};
	struct input in;
	fuzz_setup_pricing();
	if (input_load(path, &o, &in) != 0)
		return;
	for (int w = 0; w < 2; w++) {
		struct cost_options co = {NULL, false};
		struct side sd;
		if (side_price(&in, w ? SIDE_AFTER : SIDE_BEFORE, fuzz_cat, &co, NULL, &sd) == 0) {
			fuzz_render(&sd.b);
			side_release(&sd);
		}
	}
	input_release(&in);
}
#endif

#endif
