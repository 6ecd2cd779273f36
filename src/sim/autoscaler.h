/*
 * autoscaler.h - ECS Service Auto Scaling, one service, one minute at a time.
 *
 * The model follows the AWS docs "Automatically scale your Amazon ECS
 * service" and Application Auto Scaling's "Target tracking scaling
 * policies", "Step scaling policies" and "Scheduled scaling":
 *  - target tracking: scale-out alarm on 3 of 3 one-minute points above the
 *    target, scale-in alarm on 15 of 15 below 0.9 x target; new capacity
 *    ceil(n x m / T) from the *running* (serving) task count n and the
 *    metric m, clamped to [min, max]; scale-out only when that is above the
 *    desired count (capacity already added counts), scale-in only below it;
 *  - step scaling: alarms at the policy's thresholds (the guide's 70% out,
 *    40% in) with the same 3 and 15 points, +/- adjustment tasks;
 *  - cooldowns (300 s by default): a step policy adds nothing during its
 *    scale-out cooldown; scale-in waits for its cooldown after a scale-in;
 *    a scale-out cancels the scale-in cooldown;
 *  - several policies: out if any wants (largest wins), in only if every
 *    policy with scale-in enabled wants (largest wins); disable_scale_in;
 *  - scheduled actions set min/max at a weekly time and move the desired
 *    count into bounds at once, cooldowns notwithstanding;
 *  - a minute without data (no serving task) never scales.
 * Start-up delays, draining and billing belong to the caller (run.c,
 * billing.c): the scaler only decides the desired count. Pure maths, no
 * I/O, no allocation.
 */
#ifndef COSTPLAN_SIM_AUTOSCALER_H
#define COSTPLAN_SIM_AUTOSCALER_H

#include <stdbool.h>

#include "model/profile.h"

#define SCALER_MAX_POLICIES 8
#define SCALER_MAX_SCHEDULED 16

enum policy_kind { POLICY_TARGET, POLICY_STEP };
enum policy_metric { METRIC_CPU, METRIC_REQUESTS_PER_TARGET };

struct scaling_policy {
	enum policy_kind kind;
	enum policy_metric metric;
	double target;         /* target tracking: metric target */
	double out_threshold;  /* step: alarm above */
	double in_threshold;   /* step: alarm below */
	int adjustment;        /* step: tasks per step */
	double out_cooldown;   /* seconds */
	double in_cooldown;
	bool disable_scale_in;
	int out_points; /* 3 */
	int in_points;  /* 15 */
	double in_factor; /* target tracking: scale-in alarm at in_factor x target (0.9) */
	/* state */
	int hi, lo; /* consecutive points beyond the out / in thresholds */
};

struct scheduled_action {
	struct sched_cron cron;
	int min, max; /* -1 = unchanged */
};

struct scaler {
	bool autoscaled; /* false: desired stays fixed */
	int min, max;
	int desired;
	struct scaling_policy pol[SCALER_MAX_POLICIES];
	int npol;
	struct scheduled_action sched[SCALER_MAX_SCHEDULED];
	int nsched;
	double last_out, last_in; /* time of the last activity (s), -1e18 = never */
	long scale_outs, scale_ins;
};

/* One minute's data point. */
struct scaler_point {
	int serving;        /* tasks taking traffic (the metric's task count) */
	double cpu;         /* average CPU %, capped at 100 */
	double per_target;  /* requests per target in the minute */
};

/* A fixed service (no autoscaling). */
void scaler_fixed(struct scaler *s, int desired);
/* An autoscaled service: min, max, starting desired (clamped); add policies after. */
void scaler_auto(struct scaler *s, int min, int max, int desired);
/* Target tracking with AWS defaults (3/15 points, 0.9, cooldowns 300 s). */
struct scaling_policy *scaler_add_target(struct scaler *s, enum policy_metric m, double target);
/* Step scaling at out/in thresholds, +/- adjustment. */
struct scaling_policy *scaler_add_step(struct scaler *s, double out_thr, double in_thr, int adj);
void scaler_add_scheduled(struct scaler *s, const struct sched_cron *c, int min, int max);

/* Apply scheduled actions due at this minute (minute 0 = Monday 00:00 UTC). */
void scaler_schedule(struct scaler *s, long minute);
/*
 * Feed the data point of the minute that ends at time now (seconds) and
 * decide. Returns the new desired count (s->desired).
 */
int scaler_tick(struct scaler *s, double now, const struct scaler_point *p);

#endif
