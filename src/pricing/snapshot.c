/*
 * snapshot.c - atomic writes into a snapshot folder. See snapshot.h.
 */
#include "pricing/snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.h"

int snap_mkdirs(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s == '/' || !*s) {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0755) != 0 && errno != EEXIST) {
				rc = cp_error(CP_EXIT_IO, "cannot create folder %s: %s", p, strerror(errno));
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return rc;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

static char *temp_open(const char *path, FILE **f)
{
	const char *slash = strrchr(path, '/');
	char *tmp = slash ? xasprintf("%.*s/.%s.tmp.XXXXXX", (int)(slash - path), path, slash + 1)
			  : xasprintf(".%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp);
	*f = NULL;
	if (fd < 0 || fchmod(fd, 0644) != 0 || !(*f = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		cp_error(CP_EXIT_IO, "cannot write %s: %s", path, strerror(e));
		free(tmp);
		return NULL;
	}
	return tmp;
}

/* fflush + fsync + fclose + rename + fsync(dir); removes tmp on failure. */
static int commit(FILE *f, const char *tmp, const char *path)
{
	int e = 0;
	if (fflush(f) != 0 || ferror(f))
		e = errno ? errno : EIO;
	if (!e && fsync(fileno(f)) != 0)
		e = errno;
	if (fclose(f) != 0 && !e)
		e = errno;
	if (!e && rename(tmp, path) != 0)
		e = errno;
	if (e) {
		unlink(tmp);
		return cp_error(CP_EXIT_IO, "cannot write %s: %s", path, strerror(e));
	}
	char *d = dir_of(path);
	int fd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(d);
	return 0;
}

int snap_open(struct snap_writer *w, const char *path)
{
	memset(w, 0, sizeof(*w));
	char *d = dir_of(path);
	int rc = snap_mkdirs(d);
	free(d);
	if (rc)
		return rc;
	w->tmp = temp_open(path, &w->f);
	if (!w->tmp)
		return CP_EXIT_IO;
	w->path = xstrdup(path);
	return 0;
}

static void put_field(FILE *f, const char *s)
{
	putc('"', f);
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		putc('"', f);
	}
	fputs(s, f);
	putc('"', f);
}

int snap_meta(struct snap_writer *w, const struct offer_meta *m, const struct offer_header *h)
{
	const char *keys[5] = {"FormatVersion", "Disclaimer", "Publication Date", "Version",
			       "OfferCode"};
	const char *vals[5] = {m->format_version, m->disclaimer, m->publication_date, m->version,
			       m->offer_code};
	for (int i = 0; i < 5; i++) {
		put_field(w->f, keys[i]);
		putc(',', w->f);
		put_field(w->f, vals[i] ? vals[i] : "");
		putc('\n', w->f);
	}
	for (size_t i = 0; i < h->n; i++) {
		if (i)
			putc(',', w->f);
		put_field(w->f, h->names[i]);
	}
	putc('\n', w->f);
	return ferror(w->f) ? cp_error(CP_EXIT_IO, "cannot write %s: %s", w->path, strerror(errno))
			    : 0;
}

int snap_row(struct snap_writer *w, const struct offer_row *row)
{
	for (size_t i = 0; i < row->n; i++) {
		if (i)
			putc(',', w->f);
		put_field(w->f, row->fields[i]);
	}
	putc('\n', w->f);
	w->rows++;
	return ferror(w->f) ? cp_error(CP_EXIT_IO, "cannot write %s: %s", w->path, strerror(errno))
			    : 0;
}

int snap_commit(struct snap_writer *w)
{
	int rc = 0;
	if (w->f)
		rc = commit(w->f, w->tmp, w->path);
	free(w->tmp);
	free(w->path);
	memset(w, 0, sizeof(*w));
	return rc;
}

void snap_abort(struct snap_writer *w)
{
	if (w->f) {
		fclose(w->f);
		unlink(w->tmp);
	}
	free(w->tmp);
	free(w->path);
	memset(w, 0, sizeof(*w));
}

static char *validators_path(const char *csv_path)
{
	const char *slash = strrchr(csv_path, '/');
	const char *base = slash ? slash + 1 : csv_path;
	const char *dot = strrchr(base, '.');
	int n = dot ? (int)(dot - base) : (int)strlen(base);
	if (slash)
		return xasprintf("%.*s/.%.*s.http", (int)(slash - csv_path), csv_path, n, base);
	return xasprintf(".%.*s.http", n, base);
}

void snap_validators_read(const char *csv_path, struct snap_validators *v)
{
	char *p = validators_path(csv_path);
	FILE *f = fopen(p, "r");
	char line[2048];
	memset(v, 0, sizeof(*v));
	free(p);
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		char *sp = strchr(line, ' ');
		if (!sp)
			continue;
		*sp++ = '\0';
		char **dst = strcmp(line, "url") == 0		? &v->url
			     : strcmp(line, "etag") == 0	? &v->etag
			     : strcmp(line, "last-modified") == 0 ? &v->last_modified
			     : strcmp(line, "version") == 0	? &v->version
							: NULL;
		if (dst && !*dst && *sp)
			*dst = xstrdup(sp);
	}
	fclose(f);
}

int snap_validators_write(const char *csv_path, const struct snap_validators *v)
{
	char *p = validators_path(csv_path);
	FILE *f;
	char *tmp = temp_open(p, &f);
	int rc = CP_EXIT_IO;
	if (tmp) {
		fprintf(f, "url %s\n", v->url ? v->url : "");
		if (v->etag)
			fprintf(f, "etag %s\n", v->etag);
		if (v->last_modified)
			fprintf(f, "last-modified %s\n", v->last_modified);
		if (v->version)
			fprintf(f, "version %s\n", v->version);
		rc = commit(f, tmp, p);
		free(tmp);
	}
	free(p);
	return rc;
}

void snap_validators_free(struct snap_validators *v)
{
	free(v->url);
	free(v->etag);
	free(v->last_modified);
	free(v->version);
	memset(v, 0, sizeof(*v));
}
