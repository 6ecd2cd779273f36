/*
 * http.c - libcurl GET with classification. See http.h.
 */
#include "pricing/http.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/error.h"

static long env_secs(const char *name, long dflt)
{
	const char *s = getenv(name);
	char *end;
	if (!s || !*s)
		return dflt;
	errno = 0;
	long v = strtol(s, &end, 10);
	return (errno || *end || v < 1 || v > 86400) ? dflt : v;
}

void http_opts_from_env(struct http_opts *o)
{
	o->stall_s = env_secs("COSTPLAN_FETCH_TIMEOUT", 30);
	o->connect_timeout_s = env_secs("COSTPLAN_FETCH_CONNECT_TIMEOUT", 15);
}

const char *http_url_refused(const char *url)
{
	static const char *const local[] = {"127.0.0.1", "localhost", "[::1]", NULL};
	if (strncasecmp(url, "https://", 8) == 0)
		return url[8] ? NULL : "the URL has no host";
	if (strncasecmp(url, "http://", 7) == 0) {
		const char *h = url + 7;
		for (int i = 0; local[i]; i++) {
			size_t n = strlen(local[i]);
			if (strncasecmp(h, local[i], n) == 0 &&
			    (h[n] == '/' || h[n] == ':' || h[n] == '\0'))
				return NULL;
		}
		return "plain http is only allowed to 127.0.0.1 or localhost; use https";
	}
	return "only https:// URLs are fetched";
}

struct xfer {
	struct http_request *r;
	CURL *h;
	int status_checked;
	int pass; /* body goes to on_body */
	long stall_s;
	double last_bytes, last_change; /* stall detection */
	int stalled;
};

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t on_write(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = size * n;
	if (!x->status_checked) {
		long code = 0;
		curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
		x->pass = code == 200;
		x->status_checked = 1;
	}
	if (!x->pass)
		return len;
	x->r->bytes += (double)len;
	if (x->r->on_body) {
		int rc = x->r->on_body(p, len, x->r->ctx);
		if (rc) {
			x->r->abort_rc = rc;
			return 0; /* CURLE_WRITE_ERROR */
		}
	}
	return len;
}

static char *header_value(const char *line, size_t len, const char *name)
{
	size_t n = strlen(name);
	if (len <= n || strncasecmp(line, name, n) != 0 || line[n] != ':')
		return NULL;
	const char *v = line + n + 1, *end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
		end--;
	return xstrndup(v, (size_t)(end - v));
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = size * n;
	char *v;
	if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) { /* a new response (redirect) */
		free(x->r->etag);
		free(x->r->last_modified);
		x->r->etag = x->r->last_modified = NULL;
		x->status_checked = 0;
	} else if ((v = header_value(p, len, "ETag"))) {
		free(x->r->etag);
		x->r->etag = v;
	} else if ((v = header_value(p, len, "Last-Modified"))) {
		free(x->r->last_modified);
		x->r->last_modified = v;
	}
	return len;
}

static int on_progress(void *ud, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
		       curl_off_t ulnow)
{
	struct xfer *x = ud;
	double t = mono();
	(void)ultotal;
	(void)ulnow;
	/*
	 * Our own stall check: curl's LOW_SPEED_* averages over a window of a
	 * few seconds, so a burst followed by silence trips it late.
	 */
	if ((double)dlnow != x->last_bytes) {
		x->last_bytes = (double)dlnow;
		x->last_change = t;
	} else if (t - x->last_change > (double)x->stall_s) {
		x->stalled = 1;
		return 1; /* CURLE_ABORTED_BY_CALLBACK */
	}
	if (x->r->progress && x->r->progress->enabled && x->pass)
		progress_update(x->r->progress, (double)dlnow, dltotal > 0 ? (double)dltotal : -1);
	return 0;
}

static enum http_status classify(CURLcode c)
{
	switch (c) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return HTTP_DNS;
	case CURLE_COULDNT_CONNECT:
		return HTTP_CONNECT;
	case CURLE_OPERATION_TIMEDOUT:
		return HTTP_TIMEOUT;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_USE_SSL_FAILED:
		return HTTP_TLS;
	case CURLE_PARTIAL_FILE:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_BAD_CONTENT_ENCODING:
		return HTTP_DROPPED;
	case CURLE_WRITE_ERROR:
		return HTTP_ABORTED;
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
		return HTTP_REFUSED_URL;
	default:
		return HTTP_FAILED;
	}
}

bool http_retryable(enum http_status s)
{
	return s == HTTP_SERVER_ERROR || s == HTTP_TIMEOUT || s == HTTP_CONNECT ||
	       s == HTTP_DROPPED;
}

enum http_status http_get(struct http_request *r, const struct http_opts *o)
{
	struct xfer x = {r, NULL, 0, 0, o->stall_s, 0, mono(), 0};
	struct curl_slist *hdrs = NULL;
	char errbuf[CURL_ERROR_SIZE] = "";
	const char *refused = http_url_refused(r->url);
	enum http_status st;
	char *h;

	r->code = 0;
	r->length_known = 0;
	r->bytes = 0;
	r->abort_rc = 0;
	r->why[0] = '\0';
	free(r->etag);
	free(r->last_modified);
	r->etag = r->last_modified = NULL;
	if (refused) {
		snprintf(r->why, sizeof(r->why), "%s", refused);
		return HTTP_REFUSED_URL;
	}
	x.h = curl_easy_init();
	if (!x.h) {
		snprintf(r->why, sizeof(r->why), "cannot start libcurl");
		return HTTP_FAILED;
	}
	curl_easy_setopt(x.h, CURLOPT_URL, r->url);
	curl_easy_setopt(x.h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(x.h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	curl_easy_setopt(x.h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(x.h, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(x.h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(x.h, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(x.h, CURLOPT_USERAGENT, "costplan/" COSTPLAN_VERSION);
	curl_easy_setopt(x.h, CURLOPT_CONNECTTIMEOUT, o->connect_timeout_s);
	curl_easy_setopt(x.h, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(x.h, CURLOPT_LOW_SPEED_TIME, o->stall_s);
	curl_easy_setopt(x.h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(x.h, CURLOPT_WRITEFUNCTION, on_write);
	curl_easy_setopt(x.h, CURLOPT_WRITEDATA, &x);
	curl_easy_setopt(x.h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(x.h, CURLOPT_HEADERDATA, &x);
	curl_easy_setopt(x.h, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(x.h, CURLOPT_XFERINFODATA, &x);
	curl_easy_setopt(x.h, CURLOPT_NOPROGRESS, 0L);
	if (r->if_none_match) {
		h = xasprintf("If-None-Match: %s", r->if_none_match);
		hdrs = curl_slist_append(hdrs, h);
		free(h);
	}
	if (r->if_modified_since) {
		h = xasprintf("If-Modified-Since: %s", r->if_modified_since);
		hdrs = curl_slist_append(hdrs, h);
		free(h);
	}
	if (hdrs)
		curl_easy_setopt(x.h, CURLOPT_HTTPHEADER, hdrs);

	CURLcode c = curl_easy_perform(x.h);
	curl_easy_getinfo(x.h, CURLINFO_RESPONSE_CODE, &r->code);
	curl_off_t cl = -1;
	curl_easy_getinfo(x.h, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
	r->length_known = cl >= 0;
	if (r->progress)
		progress_end(r->progress);
	if (c == CURLE_WRITE_ERROR && !r->abort_rc)
		c = CURLE_RECV_ERROR; /* cannot happen: on_write only fails through on_body */
	if (c == CURLE_ABORTED_BY_CALLBACK && x.stalled) {
		c = CURLE_OPERATION_TIMEDOUT;
		snprintf(errbuf, sizeof(errbuf), "no data for %ld s", o->stall_s);
	}
	if (c != CURLE_OK) {
		st = classify(c);
		switch (st) {
		case HTTP_DNS:
			snprintf(r->why, sizeof(r->why),
				 "cannot resolve the host name (%s): check the network, a proxy, or "
				 "--endpoint",
				 errbuf[0] ? errbuf : curl_easy_strerror(c));
			break;
		case HTTP_TLS:
			snprintf(r->why, sizeof(r->why),
				 "TLS error (%s): the server's certificate could not be verified; "
				 "check the system CA certificates or a proxy that intercepts HTTPS",
				 errbuf[0] ? errbuf : curl_easy_strerror(c));
			break;
		case HTTP_TIMEOUT:
			snprintf(r->why, sizeof(r->why), "timed out (%s)",
				 errbuf[0] ? errbuf : curl_easy_strerror(c));
			break;
		case HTTP_DROPPED:
			snprintf(r->why, sizeof(r->why), "the connection broke during the download (%s)",
				 errbuf[0] ? errbuf : curl_easy_strerror(c));
			break;
		case HTTP_CONNECT:
			snprintf(r->why, sizeof(r->why), "cannot connect (%s)",
				 errbuf[0] ? errbuf : curl_easy_strerror(c));
			break;
		case HTTP_ABORTED:
			snprintf(r->why, sizeof(r->why), "the file was rejected");
			break;
		default:
			snprintf(r->why, sizeof(r->why), "%s", errbuf[0] ? errbuf : curl_easy_strerror(c));
		}
	} else if (r->code == 200) {
		st = HTTP_OK;
	} else if (r->code == 304) {
		st = HTTP_NOT_MODIFIED;
	} else if (r->code == 404 || r->code == 410) {
		st = HTTP_NOT_FOUND;
		snprintf(r->why, sizeof(r->why), "HTTP %ld Not Found", r->code);
	} else if (r->code == 429 || r->code >= 500) {
		st = HTTP_SERVER_ERROR;
		snprintf(r->why, sizeof(r->why), "server error HTTP %ld", r->code);
	} else {
		st = HTTP_CLIENT_ERROR;
		snprintf(r->why, sizeof(r->why), "HTTP %ld", r->code);
	}
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(x.h);
	return st;
}

void http_request_free(struct http_request *r)
{
	free(r->etag);
	free(r->last_modified);
	r->etag = r->last_modified = NULL;
}
