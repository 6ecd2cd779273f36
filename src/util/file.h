/*
 * file.h - read a whole input file into memory, with the checks every
 * reader of user files makes: "-" is stdin, a folder is refused, a file
 * larger than a limit is refused before it is read, and a NUL byte is
 * refused (no JSON or HCL text holds one).
 *
 * The messages name the file and what it was expected to be
 * ("scenario file", "plan, state or scenario"), so each reader keeps its
 * own wording while sharing one implementation.
 */
#ifndef COSTPLAN_FILE_H
#define COSTPLAN_FILE_H

#include <stddef.h>

struct file_read_opts {
	size_t max_bytes;     /* larger files are refused (CP_EXIT_DATA) */
	const char *what;     /* "scenario file": "is a directory, not a <what>" */
	const char *too_big;  /* appended to "larger than N MiB", e.g. "; is this really a scenario?" */
};

/*
 * Read path (or stdin for "-") into a new NUL-terminated buffer; *n is its
 * length without the NUL. Returns 0, or an exit code after printing why:
 * CP_EXIT_IO for a file that is missing, unreadable or a folder (the
 * exit-code contract: any input file that cannot be read is I/O),
 * CP_EXIT_DATA for a file too large or holding a NUL byte. The
 * caller frees *text.
 */
int file_read_all(const char *path, const struct file_read_opts *o, char **text, size_t *n);

#endif
