/*
 * progress.h - a one-line download progress bar on stderr.
 *
 *   AmazonEC2 eu-central-1  [#########.........]  212.4 MB / 441.4 MB  48.1 MB/s  ETA 0:05
 *
 * Drawn at most 8 times a second, only when enabled (the caller decides:
 * stderr is a terminal and --quiet was not given), and erased when done so
 * the terminal keeps only the summary lines.
 */
#ifndef COSTPLAN_PROGRESS_H
#define COSTPLAN_PROGRESS_H

struct progress {
	int enabled;
	const char *label;
	double start, last;
	int drawn;
};

void progress_start(struct progress *p, int enabled, const char *label);
/* total < 0 when unknown. */
void progress_update(struct progress *p, double done, double total);
void progress_end(struct progress *p);

/* Format bytes as "12.3 MB"; returns buf. */
char *progress_bytes(double b, char *buf, int size);

#endif
