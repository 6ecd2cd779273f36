/*
 * output.h - write a result to stdout or to a file, all or nothing.
 *
 * out_open("-") or NULL gives stdout. For a path, output goes to a
 * temporary file in the same folder, which out_close(commit=1) flushes,
 * fsyncs and renames into place; any failure (full disk, closed pipe,
 * unwritable folder) is reported and returns CP_EXIT_IO, and the temporary
 * file is removed, so no half-written output ever appears under the name
 * the user asked for. An existing device or pipe (/dev/null, /dev/full) is
 * written in place instead, never replaced.
 */
#ifndef COSTPLAN_OUTPUT_H
#define COSTPLAN_OUTPUT_H

#include <stdio.h>

struct out_file {
	FILE *f;
	char *path; /* NULL for stdout */
	char *tmp;
};

/* Returns 0 or CP_EXIT_IO (message printed). */
int out_open(struct out_file *o, const char *path);
/* commit = 0 discards a file. Returns 0 or CP_EXIT_IO. */
int out_close(struct out_file *o, int commit);
/*
 * For writers that need a path of their own (libxlsxwriter): a temporary
 * path beside `path`, and the commit step that renames it. Caller frees
 * the returned string.
 */
char *out_temp_path(const char *path);
int out_commit_path(const char *tmp, const char *path);

/*
 * Check before any work that path can be written: its folder exists, is a
 * folder and is writable, and path is not a folder. A device or pipe
 * (/dev/full) is accepted and written in place by out_open. NULL or "-"
 * (stdout) passes. Returns 0 or CP_EXIT_IO (message printed).
 */
int out_check_target(const char *path);

/* Check stdout at exit: returns CP_EXIT_IO on a write error. */
int out_check_stdout(void);

#endif
