/*
 * progress.c - download progress bar. See progress.h.
 */
#include "pricing/progress.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

char *progress_bytes(double b, char *buf, int size)
{
	if (b >= 1024.0 * 1024 * 1024)
		snprintf(buf, (size_t)size, "%.1f GB", b / (1024.0 * 1024 * 1024));
	else if (b >= 1024.0 * 1024)
		snprintf(buf, (size_t)size, "%.1f MB", b / (1024.0 * 1024));
	else if (b >= 1024.0)
		snprintf(buf, (size_t)size, "%.1f kB", b / 1024.0);
	else
		snprintf(buf, (size_t)size, "%.0f B", b);
	return buf;
}

void progress_start(struct progress *p, int enabled, const char *label)
{
	memset(p, 0, sizeof(*p));
	p->enabled = enabled;
	p->label = label;
	p->start = now();
}

void progress_update(struct progress *p, double done, double total)
{
	char a[32], b[32], r[32], bar[24], eta[32];
	double t;
	if (!p->enabled)
		return;
	t = now();
	if (t - p->last < 0.125)
		return;
	p->last = t;
	double el = t - p->start, rate = el > 0 ? done / el : 0;
	int width = (int)sizeof(bar) - 3;
	if (total > 0) {
		int fill = (int)(done / total * width);
		if (fill > width)
			fill = width;
		bar[0] = '[';
		for (int i = 0; i < width; i++)
			bar[1 + i] = i < fill ? '#' : '.';
		bar[width + 1] = ']';
		bar[width + 2] = '\0';
		if (rate > 0) {
			long s = (long)((total - done) / rate);
			snprintf(eta, sizeof(eta), "ETA %ld:%02ld", s / 60, s % 60);
		} else {
			snprintf(eta, sizeof(eta), "ETA -:--");
		}
		fprintf(stderr, "\r%s  %s  %s / %s  %s/s  %s\033[K", p->label, bar,
			progress_bytes(done, a, sizeof(a)), progress_bytes(total, b, sizeof(b)),
			progress_bytes(rate, r, sizeof(r)), eta);
	} else {
		fprintf(stderr, "\r%s  %s  %s/s\033[K", p->label, progress_bytes(done, a, sizeof(a)),
			progress_bytes(rate, r, sizeof(r)));
	}
	p->drawn = 1;
}

void progress_end(struct progress *p)
{
	if (p->enabled && p->drawn)
		fputs("\r\033[K", stderr);
	p->drawn = 0;
}
