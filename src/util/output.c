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
	/* a device or pipe (/dev/null, /dev/full, a FIFO) is written in place:
	 * a temporary file renamed over it would replace the device */
	struct stat st;
	int fd;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		o->tmp = NULL;
		fd = open(path, O_WRONLY | O_CLOEXEC);
	} else {
		o->tmp = out_temp_path(path);
		fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	}
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
	if (fflush(o->f) != 0 || ferror(o->f)) {
		rc = cp_error(CP_EXIT_IO, "cannot write %s: %s", o->path, strerror(errno));
		commit = 0;
	}
	if (commit && o->tmp && fsync(fileno(o->f)) != 0) {
		rc = cp_error(CP_EXIT_IO, "cannot write %s: %s", o->path, strerror(errno));
		commit = 0;
	}
	if (fclose(o->f) != 0 && commit) {
		rc = cp_error(CP_EXIT_IO, "cannot write %s: %s", o->path, strerror(errno));
		commit = 0;
	}
	if (!o->tmp) {
		/* written in place: nothing to rename or remove */
	} else if (commit) {
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

int out_check_target(const char *path)
{
	struct stat st;
	char *dir;
	const char *slash;
	if (!path || strcmp(path, "-") == 0)
		return 0;
	if (!path[0])
		return cp_error(CP_EXIT_IO, "cannot write an empty file name");
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return cp_error(CP_EXIT_IO, "cannot write %s: it is a folder; name a file", path);
		if (!S_ISREG(st.st_mode))
			return 0; /* a device or pipe: written in place */
	}
	slash = strrchr(path, '/');
	dir = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path)))
		    : xstrdup(".");
	int rc = 0;
	if (stat(dir, &st) != 0)
		rc = cp_error(CP_EXIT_IO, "cannot write %s: folder %s does not exist", path, dir);
	else if (!S_ISDIR(st.st_mode))
		rc = cp_error(CP_EXIT_IO, "cannot write %s: %s is not a folder", path, dir);
	else if (access(dir, W_OK) != 0)
		rc = cp_error(CP_EXIT_IO, "cannot write %s: folder %s is not writable (%s)", path, dir,
			      strerror(errno));
	free(dir);
	return rc;
}

int out_check_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return cp_error(CP_EXIT_IO, "error writing output: %s",
				errno ? strerror(errno) : "write failed");
	return 0;
}
