/*
 * http.h - one HTTP GET with libcurl, classified for the retry loop.
 *
 * Only https:// URLs are fetched, except plain http:// to 127.0.0.1,
 * localhost or [::1] (the test server); redirects may only go to https.
 * The body is handed to on_body only for a 200 response (an error page is
 * never mistaken for data). A stalled transfer (under 1 byte/s for the
 * stall time) and a slow connect are timeouts. Figures come from the
 * environment so tests stay fast:
 *
 *   COSTPLAN_FETCH_TIMEOUT          stall time, s (default 30)
 *   COSTPLAN_FETCH_CONNECT_TIMEOUT  connect time, s (default 15)
 *
 * Ownership: the request's strings are borrowed; etag/last_modified in the
 * result are owned by the request until http_request_free().
 */
#ifndef COSTPLAN_HTTP_H
#define COSTPLAN_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "pricing/progress.h"

enum http_status {
	HTTP_OK,
	HTTP_NOT_MODIFIED, /* 304 */
	HTTP_NOT_FOUND,	   /* 404, 410 */
	HTTP_CLIENT_ERROR, /* other 4xx (not retried) */
	HTTP_SERVER_ERROR, /* 5xx, 429 (retried) */
	HTTP_TIMEOUT,	   /* connect or stall timeout (retried) */
	HTTP_DNS,	   /* host name does not resolve */
	HTTP_CONNECT,	   /* connection refused or unreachable (retried) */
	HTTP_TLS,	   /* certificate or handshake failure */
	HTTP_DROPPED,	   /* connection dropped, body shorter than announced (retried) */
	HTTP_ABORTED,	   /* on_body returned an error */
	HTTP_REFUSED_URL,  /* not https, or malformed */
	HTTP_FAILED,	   /* anything else */
};

struct http_opts {
	long connect_timeout_s;
	long stall_s;
};

struct http_request {
	const char *url;
	const char *if_none_match;     /* ETag to send, or NULL */
	const char *if_modified_since; /* Last-Modified to send, or NULL */
	/* body bytes of a 200 response; return 0, or an exit code to abort */
	int (*on_body)(const char *buf, size_t n, void *ctx);
	void *ctx;
	struct progress *progress; /* or NULL */

	/* results */
	long code;
	int length_known; /* the server announced a Content-Length (curl checked it) */
	char *etag;
	char *last_modified;
	double bytes;
	int abort_rc;	/* on_body's code when HTTP_ABORTED */
	char why[512];	/* human text for failures */
};

void http_opts_from_env(struct http_opts *o);
/* NULL if the URL may be fetched, else why not (static text). */
const char *http_url_refused(const char *url);
enum http_status http_get(struct http_request *r, const struct http_opts *o);
bool http_retryable(enum http_status s);
void http_request_free(struct http_request *r);

#endif
