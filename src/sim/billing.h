/*
 * billing.h - Fargate task lifetimes and what they bill.
 *
 * Fargate bills each task per second, with a one-minute minimum, from the
 * start of its image pull to its stop (AWS Fargate pricing page): a task that lives 30 s
 * bills 60 s. A task set keeps the tasks of one service in launch order:
 * launch appends (billing starts now, traffic after the start-up delay);
 * a scale-in stops the newest tasks first (ECS's choice is unpublished; for
 * the bill only lifetimes matter) and bills each until its stop tail ends
 * (deregistration delay + stop timeout). Billed seconds are split across
 * the 730-hour months they fall in; the minimum's top-up goes to the month
 * the task stops in. Tasks still running at the end of the horizon are
 * billed up to it. Pure maths, no I/O.
 *
 * Ownership: a task set owns its arrays (taskset_free).
 */
#ifndef COSTPLAN_SIM_BILLING_H
#define COSTPLAN_SIM_BILLING_H

#define SIM_MINUTES_PER_MONTH 43800L /* 730 h */
#define SIM_SECONDS_PER_MONTH (SIM_MINUTES_PER_MONTH * 60.0)
#define FARGATE_MIN_SECONDS 60.0

/* Seconds a task living from start to stop is billed. */
double fargate_billed_seconds(double start, double stop);

struct taskset {
	double *start; /* launch time (s) */
	double *ready; /* when it takes traffic */
	int n, cap;
	int serving; /* tasks[0 .. serving) are ready (ready times rise with index) */
	/* billing, per month of the horizon */
	double *month_seconds;
	long *month_launches;
	int months;
};

void taskset_init(struct taskset *t, int months);
void taskset_free(struct taskset *t);
/* Empty it for a new run (keeps the arrays). */
void taskset_reset(struct taskset *t);
/* k tasks already running at time 0 (no pull, no start-up). */
void taskset_preset(struct taskset *t, int k);
void taskset_launch(struct taskset *t, double now, double startup);
/* Stop the newest task at now; billing runs until now + tail. */
void taskset_stop_newest(struct taskset *t, double now, double tail);
/* Advance to time now: tasks whose ready time has come start serving. */
int taskset_serving(struct taskset *t, double now);
/* Bill every task still alive up to end (the horizon). */
void taskset_close(struct taskset *t, double end);
/* Add a lifetime to the months it covers (exposed for tests). */
void taskset_bill(struct taskset *t, double start, double stop);

#endif
