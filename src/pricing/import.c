/*
 * import.c - filter a local offer file into a snapshot. See import.h.
 * read_csv() and the JSON path both end with refresh_finish() (commit or
 * discard).
 *
 * The format is told by the first non-blank byte ('{' = JSON), not by the
 * file name, so `index.json` renamed by a browser still works.
 */
#include "pricing/import.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pricing/csv_scan.h"
#include "pricing/refresh.h"
#include "util/error.h"

static int read_csv(int fd, struct refresh *r, unsigned long long *bytes)
{
	struct offer_csv *c = offer_csv_new(r->source, refresh_meta_cb, refresh_row_cb, r);
	struct csv_scan *s;
	int rc = 0;

	if (!c)
		return cp_error(CP_EXIT_INTERNAL, "cannot initialise the CSV parser");
	s = csv_scan_new(c, NULL);
	r->scan = s;
	for (;;) {
		size_t room;
		char *dst = csv_scan_space(s, &room);
		if (!dst) {
			rc = csv_scan_finish(s); /* returns the stored error */
			break;
		}
		ssize_t n = read(fd, dst, room);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = cp_error(CP_EXIT_IO, "%s: read error: %s", r->source, strerror(errno));
			break;
		}
		if (n == 0) {
			rc = csv_scan_finish(s);
			break;
		}
		if ((rc = csv_scan_commit(s, (size_t)n)) != 0)
			break;
	}
	long recs, passed;
	csv_scan_stats(s, bytes, &recs, &passed);
	rc = refresh_finish(r, rc);
	r->scan = NULL;
	csv_scan_free(s);
	offer_csv_free(c);
	return rc;
}

int import_offer_file(const char *file, const char *region, const char *out_dir,
		      struct import_result *res)
{
	struct refresh r;
	char first = 0;
	int fd, rc;

	memset(res, 0, sizeof(*res));
	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return cp_error(CP_EXIT_IO, "cannot read %s: %s", file, strerror(errno));
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	{
		char peek[512];
		ssize_t n = read(fd, peek, sizeof(peek));
		for (ssize_t i = 0; i < n && !first; i++)
			if (peek[i] != ' ' && peek[i] != '\t' && peek[i] != '\r' && peek[i] != '\n' &&
			    (unsigned char)peek[i] != 0xEF && (unsigned char)peek[i] != 0xBB &&
			    (unsigned char)peek[i] != 0xBF)
				first = peek[i];
		if (n < 0 || lseek(fd, 0, SEEK_SET) != 0) {
			rc = cp_error(CP_EXIT_IO, "cannot read %s: %s", file, strerror(errno));
			close(fd);
			return rc;
		}
	}
	refresh_init(&r);
	r.source = file;
	r.region = region;
	r.out_dir = out_dir;
	if (first == '{') {
		close(fd);
		fd = -1;
		rc = offer_json_stream(file, refresh_product_cb, refresh_meta_cb, refresh_row_cb, &r);
		rc = refresh_finish(&r, rc);
	} else {
		rc = read_csv(fd, &r, &res->bytes);
	}
	if (fd >= 0)
		close(fd);
	if (!rc) {
		res->path = r.path ? xstrdup(r.path) : NULL;
		res->offer = xstrdup(r.offer);
		res->region = xstrdup(r.file_region ? r.file_region : "");
		res->version = xstrdup(r.version ? r.version : "");
	}
	res->rows_seen = r.rows_seen;
	res->products_seen = r.products_seen;
	res->rows_kept = r.rows_kept;
	refresh_release(&r);
	return rc;
}

void import_result_free(struct import_result *res)
{
	free(res->path);
	free(res->offer);
	free(res->region);
	free(res->version);
	memset(res, 0, sizeof(*res));
}
