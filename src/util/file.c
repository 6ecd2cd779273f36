/*
 * file.c - see file.h. The buffer grows geometrically from the file's size
 * (when the file has one) so a pipe of unknown length costs O(n) copies.
 */
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/error.h"

static int too_big(const char *path, const struct file_read_opts *o)
{
	return cp_error(CP_EXIT_DATA, "%s: larger than %zu MiB%s", path,
			o->max_bytes / (1024 * 1024), o->too_big ? o->too_big : "");
}

int file_read_all(const char *path, const struct file_read_opts *o, char **text, size_t *n)
{
	struct stat st;
	FILE *fp;
	size_t len = 0, cap = 65536;
	char *buf;

	*text = NULL;
	*n = 0;
	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!fp)
		return cp_error(CP_EXIT_IO, "%s: %s", path, strerror(errno));
	if (fp != stdin && fstat(fileno(fp), &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			fclose(fp);
			return cp_error(CP_EXIT_IO, "%s: is a directory, not a %s", path, o->what);
		}
		if (S_ISREG(st.st_mode)) {
			if ((unsigned long long)st.st_size > o->max_bytes) {
				fclose(fp);
				return too_big(path, o);
			}
			if ((size_t)st.st_size + 1 > cap)
				cap = (size_t)st.st_size + 1;
		}
	}
	buf = xmalloc(cap);
	for (;;) {
		if (len + 1 >= cap) {
			if (len > o->max_bytes)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		size_t got = fread(buf + len, 1, cap - len - 1, fp);
		len += got;
		if (got == 0)
			break;
	}
	int rerr = ferror(fp);
	if (fp != stdin)
		fclose(fp);
	if (rerr) {
		free(buf);
		return cp_error(CP_EXIT_IO, "%s: read error", path);
	}
	if (len > o->max_bytes) {
		free(buf);
		return too_big(path, o);
	}
	buf[len] = '\0';
	if (memchr(buf, '\0', len)) {
		free(buf);
		return cp_error(CP_EXIT_DATA, "%s: contains a NUL byte; not a JSON text", path);
	}
	*text = buf;
	*n = len;
	return 0;
}
