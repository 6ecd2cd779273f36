/*
 * fetch.c - the Bulk API walk, retries and atomic replacement. See fetch.h.
 *
 * Every failure of a file's refresh (network, HTTP status, bad content,
 * disk) ends as CP_EXIT_IO for the command, with the first message saying
 * what went wrong and a last one saying the snapshot file was left as it
 * was. Transient failures (5xx, timeouts, dropped connections) are retried
 * with backoff (retry.h); each retry restarts the file from scratch with a
 * fresh temporary, so a half-received body never mixes with a new one.
 */
#include "pricing/fetch.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pricing/csv_scan.h"
#include "pricing/refresh.h"
#include "pricing/snapshot.h"
#include "util/error.h"

#define INDEX_MAX (64 * 1024 * 1024)

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- small JSON documents (the indexes), with retries ---- */

struct membuf {
	char *p;
	size_t n;
};

static int mem_body(const char *buf, size_t n, void *ctx)
{
	struct membuf *m = ctx;
	if (m->n + n > INDEX_MAX)
		return cp_error(CP_EXIT_IO, "an index file larger than %d MB: not an AWS price index",
				INDEX_MAX / (1024 * 1024));
	m->p = xrealloc(m->p, m->n + n + 1);
	memcpy(m->p + m->n, buf, n);
	m->n += n;
	m->p[m->n] = '\0';
	return 0;
}

struct get_ctx {
	const struct fetch_opts *o;
	struct http_request *req;
	enum http_status st;
	struct membuf *mem;
	const char *what;
};

static enum retry_verdict get_attempt(void *vctx, int n)
{
	struct get_ctx *g = vctx;
	(void)n;
	g->mem->n = 0;
	g->st = http_get(g->req, &g->o->http);
	return http_retryable(g->st) ? RETRY_AGAIN : RETRY_DONE;
}

static void retry_note(const struct fetch_opts *o, const char *url, const char *why,
		       int next, long delay)
{
	if (!o->quiet)
		cp_warn("%s: %s; retrying in %.1f s (attempt %d of %d)", url, why,
			(double)delay / 1000.0, next, o->retry.max_attempts);
}

static void get_notify(void *vctx, int next, long delay)
{
	struct get_ctx *g = vctx;
	retry_note(g->o, g->req->url, g->req->why, next, delay);
}

/* GET a JSON index. Returns the document or NULL (error printed). */
static json_t *get_json(const struct fetch_opts *o, const char *url, const char *what)
{
	struct membuf mem = {NULL, 0};
	struct http_request req;
	struct get_ctx g = {o, &req, HTTP_FAILED, &mem, what};
	json_t *doc = NULL;
	json_error_t err;
	int exhausted;

	memset(&req, 0, sizeof(req));
	req.url = url;
	req.on_body = mem_body;
	req.ctx = &mem;
	int tries = retry_run(&o->retry, get_attempt, get_notify, NULL, NULL, &g, &exhausted);
	if (g.st == HTTP_OK) {
		doc = json_loadb(mem.p ? mem.p : "", mem.n, 0, &err);
		if (!doc || !json_is_object(doc)) {
			cp_error(CP_EXIT_IO, "%s: the %s is not valid JSON (line %d: %s)", url, what,
				 err.line, err.text);
			json_decref(doc);
			doc = NULL;
		}
	} else if (g.st == HTTP_NOT_FOUND) {
		cp_error(CP_EXIT_IO, "%s: %s: there is no %s here%s", url, req.why, what,
			 strstr(what, "service") ? "; check --endpoint" : "");
	} else if (g.st != HTTP_ABORTED) {
		cp_error(CP_EXIT_IO, "%s: cannot download the %s: %s", url, what, req.why);
		if (exhausted)
			cp_error(CP_EXIT_IO, "gave up after %d attempts", tries);
	}
	free(mem.p);
	http_request_free(&req);
	return doc;
}

/* endpoint + path (or the URL itself when absolute). */
static char *join_url(const char *endpoint, const char *path)
{
	size_t n = strlen(endpoint);
	if (strncmp(path, "https://", 8) == 0 || strncmp(path, "http://", 7) == 0)
		return xstrdup(path);
	while (n && endpoint[n - 1] == '/')
		n--;
	return xasprintf("%.*s%s%s", (int)n, endpoint, path[0] == '/' ? "" : "/", path);
}

/* ---- one offer file ---- */

struct file_ctx {
	const struct fetch_opts *o;
	const char *region, *offer, *url;
	char *target;
	struct snap_validators old;
	int conditional;

	/* per attempt */
	struct refresh ref;
	struct offer_csv *reader;
	struct csv_scan *scan;
	struct http_request req;
	struct progress prog;
	char label[128];
	enum http_status st;
	int rc;	      /* final exit code of the attempt (0 = committed or unchanged) */
	int unchanged;
	char last;    /* last body byte */
};

static int file_body(const char *buf, size_t n, void *vctx)
{
	struct file_ctx *f = vctx;
	if (n)
		f->last = buf[n - 1];
	return csv_scan_feed(f->scan, buf, n);
}

static void attempt_cleanup(struct file_ctx *f)
{
	csv_scan_free(f->scan);
	offer_csv_free(f->reader);
	f->scan = NULL;
	f->reader = NULL;
}

static enum retry_verdict file_attempt(void *vctx, int n)
{
	struct file_ctx *f = vctx;
	(void)n;
	refresh_release(&f->ref);
	refresh_init(&f->ref);
	f->ref.source = f->url;
	f->ref.expect_offer = f->offer;
	f->ref.region = f->region;
	f->ref.out_dir = f->o->out_dir;
	f->ref.fail_code = CP_EXIT_IO;
	f->reader = offer_csv_new(f->url, refresh_meta_cb, refresh_row_cb, &f->ref);
	if (!f->reader) {
		f->rc = cp_error(CP_EXIT_INTERNAL, "cannot initialise the CSV parser");
		return RETRY_DONE;
	}
	f->scan = csv_scan_new(f->reader, NULL);
	f->ref.scan = f->scan;
	f->last = '\n';
	f->req.url = f->url;
	f->req.if_none_match = f->conditional ? f->old.etag : NULL;
	f->req.if_modified_since = f->conditional ? f->old.last_modified : NULL;
	f->req.on_body = file_body;
	f->req.ctx = f;
	progress_start(&f->prog, f->o->progress, f->label);
	f->req.progress = &f->prog;

	f->st = http_get(&f->req, &f->o->http);
	f->rc = 0;
	f->unchanged = 0;
	/*
	 * AWS files end with a newline. Without a Content-Length (chunked, or
	 * ended by closing the connection) a missing one means a cut transfer.
	 */
	if (f->st == HTTP_OK && !f->req.length_known && f->req.bytes > 0 && f->last != '\n') {
		f->st = HTTP_DROPPED;
		snprintf(f->req.why, sizeof(f->req.why),
			 "the file ends in the middle of a line (a truncated download)");
	}
	if (f->st == HTTP_OK) {
		int rc = csv_scan_finish(f->scan);
		rc = refresh_finish(&f->ref, rc);
		f->ref.scan = NULL;
		attempt_cleanup(f);
		f->rc = rc ? CP_EXIT_IO : 0;
		return RETRY_DONE;
	}
	f->ref.scan = NULL;
	attempt_cleanup(f);
	refresh_finish(&f->ref, CP_EXIT_IO); /* discards the temporary */
	if (f->st == HTTP_NOT_MODIFIED) {
		f->unchanged = 1;
		return RETRY_DONE;
	}
	f->rc = CP_EXIT_IO;
	return http_retryable(f->st) ? RETRY_AGAIN : RETRY_DONE;
}

static void file_notify(void *vctx, int next, long delay)
{
	struct file_ctx *f = vctx;
	retry_note(f->o, f->url, f->req.why, next, delay);
}

static int fetch_file(const struct fetch_opts *o, const char *region, const char *offer,
		      const char *url)
{
	struct file_ctx f;
	struct stat st;
	int exhausted, tries;
	double t0 = now_s();

	memset(&f, 0, sizeof(f));
	f.o = o;
	f.region = region;
	f.offer = offer;
	f.url = url;
	f.target = xasprintf("%s/aws/%s/%s.csv", o->out_dir, region, offer);
	snprintf(f.label, sizeof(f.label), "%s %s", offer, region);
	snap_validators_read(f.target, &f.old);
	f.conditional = stat(f.target, &st) == 0 && f.old.url && strcmp(f.old.url, url) == 0 &&
			(f.old.etag || f.old.last_modified);
	refresh_init(&f.ref);

	tries = retry_run(&o->retry, file_attempt, file_notify, NULL, NULL, &f, &exhausted);

	if (f.unchanged) {
		if (!o->quiet)
			printf("%s %s: unchanged (version %s, not modified since the last fetch)\n",
			       offer, region, f.old.version ? f.old.version : "?");
	} else if (f.rc == 0 && f.st == HTTP_OK) {
		struct snap_validators v = {(char *)url, f.req.etag, f.req.last_modified,
					    f.ref.version};
		if (snap_validators_write(f.target, &v) != 0)
			cp_warn("%s %s: updated, but the validators file could not be written: the "
				"next fetch downloads it again",
				offer, region);
		if (!o->quiet) {
			char b[32];
			printf("%s %s: version %s, kept %ld of %ld rows (%s in %.1f s) -> %s\n", offer,
			       region, f.ref.version, f.ref.rows_kept, f.ref.rows_seen,
			       progress_bytes(f.req.bytes, b, sizeof(b)), now_s() - t0, f.target);
		}
	} else {
		switch (f.st) {
		case HTTP_OK:
		case HTTP_ABORTED:
			break; /* the reader or the writer said what was wrong */
		case HTTP_NOT_FOUND:
			cp_error(CP_EXIT_IO,
				 "%s: %s: AWS has no %s file for %s there (unknown offer or region)",
				 url, f.req.why, offer, region);
			break;
		default:
			cp_error(CP_EXIT_IO, "%s: %s", url, f.req.why);
			if (exhausted)
				cp_error(CP_EXIT_IO, "%s %s: gave up after %d attempts", offer, region,
					 tries);
		}
		cp_error(CP_EXIT_IO, "%s %s: not updated; %s is unchanged", offer, region, f.target);
	}
	int rc = f.unchanged ? 0 : f.rc;
	refresh_release(&f.ref);
	http_request_free(&f.req);
	snap_validators_free(&f.old);
	free(f.target);
	return rc;
}

/* ---- the walk ---- */

static int lock_folder(const struct fetch_opts *o, int *fd)
{
	char *dir = xasprintf("%s/aws", o->out_dir);
	char *path = xasprintf("%s/.fetch.lock", dir);
	int rc = snap_mkdirs(dir);
	*fd = -1;
	if (!rc) {
		*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
		if (*fd < 0) {
			rc = cp_error(CP_EXIT_IO, "cannot create %s: %s", path, strerror(errno));
		} else if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
			if (!o->quiet)
				cp_warn("another costplan fetch is writing %s: waiting for it", dir);
			while (flock(*fd, LOCK_EX) != 0 && errno == EINTR)
				;
		}
	}
	free(dir);
	free(path);
	return rc;
}

/* The CSV URL of (offer k, region), or NULL (printed). */
static char *csv_url(const struct fetch_opts *o, json_t *regidx, const char *ri_url,
		     const char *offer, const char *region)
{
	char buf[128];
	json_t *regs = json_object_get(regidx, "regions");
	if (!json_is_object(regs)) {
		cp_error(CP_EXIT_IO, "%s: not a region index (no \"regions\" object)", ri_url);
		return NULL;
	}
	const char *cv = json_string_value(
		json_object_get(json_object_get(regs, region), "currentVersionUrl"));
	if (!cv) {
		cp_error(CP_EXIT_IO,
			 "AWS publishes no %s prices for region %s (it is not in %s, which lists "
			 "%zu regions): check the region code",
			 offer, region, ri_url, json_object_size(regs));
		return NULL;
	}
	size_t n = strlen(cv);
	if (n < 5 || strcmp(cv + n - 5, ".json") != 0) {
		cp_error(CP_EXIT_IO, "%s: unexpected currentVersionUrl '%s' for %s", ri_url,
			 cp_sanitize(cv, buf, sizeof(buf)), region);
		return NULL;
	}
	char *path = xasprintf("%.*s.csv", (int)(n - 5), cv);
	char *url = join_url(o->endpoint, path);
	free(path);
	return url;
}

int fetch_run(const struct fetch_opts *o)
{
	char *index_url = join_url(o->endpoint, "/offers/v1.0/aws/index.json");
	json_t *index = get_json(o, index_url, "service index");
	size_t nurls = o->noffers * o->nregions;
	char **urls = xcalloc(nurls ? nurls : 1, sizeof(char *));
	int rc = 0, lockfd = -1, any = 0;

	if (!index) {
		cp_error(CP_EXIT_IO, "nothing fetched; the snapshot in %s is unchanged", o->out_dir);
		rc = CP_EXIT_IO;
		goto out;
	}
	/* 1. resolve every file's URL: nothing is touched on disk before this */
	json_t *offers = json_object_get(index, "offers");
	for (size_t k = 0; k < o->noffers; k++) {
		json_t *e = json_object_get(offers, o->offers[k]);
		const char *ri = json_string_value(json_object_get(e, "currentRegionIndexUrl"));
		if (!ri) {
			cp_error(CP_EXIT_IO,
				 "%s: the service index has no offer '%s' (unknown OfferCode); "
				 "nothing fetched for it",
				 index_url, o->offers[k]);
			rc = CP_EXIT_IO;
			continue;
		}
		char *ri_url = join_url(o->endpoint, ri);
		json_t *regidx = get_json(o, ri_url, "region index");
		if (!regidx) {
			cp_error(CP_EXIT_IO, "%s: not updated in any region", o->offers[k]);
			rc = CP_EXIT_IO;
		}
		for (size_t r = 0; regidx && r < o->nregions; r++) {
			urls[k * o->nregions + r] =
				csv_url(o, regidx, ri_url, o->offers[k], o->regions[r]);
			if (!urls[k * o->nregions + r])
				rc = CP_EXIT_IO;
			else
				any = 1;
		}
		json_decref(regidx);
		free(ri_url);
	}
	if (!any)
		goto out;
	/* 2. the files, under the folder lock */
	if (lock_folder(o, &lockfd) != 0) {
		rc = CP_EXIT_IO;
		goto out;
	}
	for (size_t r = 0; r < o->nregions; r++)
		for (size_t k = 0; k < o->noffers; k++) {
			const char *url = urls[k * o->nregions + r];
			if (url && fetch_file(o, o->regions[r], o->offers[k], url) != 0)
				rc = CP_EXIT_IO;
		}
	close(lockfd); /* releases the lock */
out:
	for (size_t i = 0; i < nurls; i++)
		free(urls[i]);
	free(urls);
	json_decref(index);
	free(index_url);
	return rc;
}
