/*
 * billing.c - see billing.h.
 */
#include "sim/billing.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"

double fargate_billed_seconds(double start, double stop)
{
	double d = stop - start;
	return d < FARGATE_MIN_SECONDS ? FARGATE_MIN_SECONDS : d;
}

void taskset_init(struct taskset *t, int months)
{
	memset(t, 0, sizeof(*t));
	t->months = months;
	t->month_seconds = xcalloc((size_t)months, sizeof(double));
	t->month_launches = xcalloc((size_t)months, sizeof(long));
}

void taskset_free(struct taskset *t)
{
	free(t->start);
	free(t->ready);
	free(t->month_seconds);
	free(t->month_launches);
	memset(t, 0, sizeof(*t));
}

void taskset_reset(struct taskset *t)
{
	t->n = 0;
	t->serving = 0;
	memset(t->month_seconds, 0, (size_t)t->months * sizeof(double));
	memset(t->month_launches, 0, (size_t)t->months * sizeof(long));
}

static void push(struct taskset *t, double start, double ready)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->start = xrealloc(t->start, (size_t)t->cap * sizeof(double));
		t->ready = xrealloc(t->ready, (size_t)t->cap * sizeof(double));
	}
	t->start[t->n] = start;
	t->ready[t->n] = ready;
	t->n++;
}

void taskset_preset(struct taskset *t, int k)
{
	for (int i = 0; i < k; i++)
		push(t, 0, 0);
	t->serving = t->n;
}

static int month_of(const struct taskset *t, double s)
{
	int m = (int)(s / SIM_SECONDS_PER_MONTH);
	return m < 0 ? 0 : m >= t->months ? t->months - 1 : m;
}

void taskset_launch(struct taskset *t, double now, double startup)
{
	push(t, now, now + startup);
	t->month_launches[month_of(t, now)]++;
}

void taskset_bill(struct taskset *t, double start, double stop)
{
	double end = t->months * SIM_SECONDS_PER_MONTH;
	double top_up = fargate_billed_seconds(start, stop) - (stop - start);
	if (stop > end)
		stop = end;
	for (int m = month_of(t, start); m < t->months && start < stop; m++) {
		double mend = (m + 1) * SIM_SECONDS_PER_MONTH;
		double part = (stop < mend ? stop : mend) - start;
		t->month_seconds[m] += part;
		start += part;
	}
	t->month_seconds[month_of(t, stop)] += top_up;
}

void taskset_stop_newest(struct taskset *t, double now, double tail)
{
	if (t->n == 0)
		return;
	t->n--;
	taskset_bill(t, t->start[t->n], now + tail);
	if (t->serving > t->n)
		t->serving = t->n;
}

int taskset_serving(struct taskset *t, double now)
{
	while (t->serving < t->n && t->ready[t->serving] <= now)
		t->serving++;
	return t->serving;
}

void taskset_close(struct taskset *t, double end)
{
	while (t->n > 0) {
		t->n--;
		double stop = end;
		/* a task started less than a minute before the end still bills its minute */
		taskset_bill(t, t->start[t->n], stop);
	}
	t->serving = 0;
}
