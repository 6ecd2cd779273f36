/*
 * output.c - atomic output files and the final stdout check. See output.h.
 */
#include "util/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.h"

char *out_temp_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash)
		return xasprintf("%.*s/.%s.tmp.%ld", (int)(slash - path), path, slash + 1,
				 (long)getpid());
	return xasprintf(".%s.tmp.%ld", path, (long)getpid());
}

int out_open(struct out_file *o, const char *path)
{
	memset(o, 0, sizeof(*o));
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	o->path = xstrdup(path);
	/*
	 * An existing path that is not a regular file (/dev/stdout, /dev/full,
	 * a FIFO, a terminal) is written in place: there is nothing to replace
	 * atomically, and a rename over it would swap a device node for a file
	 * (as root, `-o /dev/null` would have replaced /dev/null). Write errors
	 * still come out of out_close as CP_EXIT_IO.
	 */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		o->f = fopen(path, "w");
		if (!o->f) {
			int e = errno;
			free(o->path);
			memset(o, 0, sizeof(*o));
			return cp_error(CP_EXIT_IO, "cannot write %s: %s", path, strerror(e));
		}
		return 0;
	}
	o->tmp = out_temp_path(path);
	int fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		cp_error(CP_EXIT_IO, "cannot write %s: %s", path, strerror(e));
		free(o->path);
		free(o->tmp);
		memset(o, 0, sizeof(*o));
		return CP_EXIT_IO;
	}
	return 0;
}

int out_commit_path(const char *tmp, const char *path)
{
	int fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return cp_error(CP_EXIT_IO, "cannot write %s: %s", path, strerror(e));
	}
	return 0;
}

int out_close(struct out_file *o, int commit)
{
	int rc = 0;
	if (!o->f)
		return 0;
	if (!o->path) {
		o->f = NULL;
		return commit ? out_check_stdout() : 0;
	}
	if (!o->tmp) { /* a device or FIFO, written in place */
		int bad = fflush(o->f) != 0 || ferror(o->f);
		int e = errno;
		if (fclose(o->f) != 0 && !bad) {
			bad = 1;
			e = errno;
		}
		if (bad && commit)
			rc = cp_error(CP_EXIT_IO, "cannot write %s: %s", o->path, strerror(e));
		free(o->path);
		memset(o, 0, sizeof(*o));
		return rc;
	}
	if (fflush(o->f) != 0 || ferror(o->f)) {
		rc = cp_error(CP_EXIT_IO, "cannot write %s: %s", o->path, strerror(errno));
		commit = 0;
	}
	if (commit && fsync(fileno(o->f)) != 0) {
		rc = cp_error(CP_EXIT_IO, "cannot write %s: %s", o->path, strerror(errno));
		commit = 0;
	}
	if (fclose(o->f) != 0 && commit) {
		rc = cp_error(CP_EXIT_IO, "cannot write %s: %s", o->path, strerror(errno));
		commit = 0;
	}
	if (commit) {
		if (rename(o->tmp, o->path) != 0) {
			rc = cp_error(CP_EXIT_IO, "cannot write %s: %s", o->path, strerror(errno));
			unlink(o->tmp);
		}
	} else {
		unlink(o->tmp);
	}
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof(*o));
	return rc;
}

int out_check_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return cp_error(CP_EXIT_IO, "error writing output: %s",
				errno ? strerror(errno) : "write failed");
	return 0;
}
