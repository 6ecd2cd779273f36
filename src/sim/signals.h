/*
 * signals.h - when growth pushes a component past its limit, and the
 * upgrade step that answers it (the guide's "signals").
 *
 * For every run, the first month in which each signal fires:
 *  - a fixed service: hourly average CPU above 70% (the guide's scale-out
 *    threshold) for 10 or more hours in the month, so a lone spike does
 *    not count -> ECS auto-scaling; an hour or more at 100% CPU (load not
 *    served) -> the same, now;
 *  - an autoscaled service: an hour or more at max_capacity with CPU above
 *    its target -> raise max_capacity or give tasks more CPU; an hour or
 *    more at 100% CPU -> scale earlier (raise min_capacity, lower target);
 *  - the database (T3/T4g): CPU credits exhausted (surplus charged) -> the
 *    next class; hourly CPU above 70% for 10+ hours -> the next class;
 *  - the NAT gateway: more than 1,000 GB a month -> VPC endpoints (ECR,
 *    S3, logs) [inf: where endpoint-hours start to cost less than NAT GB].
 * The month is reported as percentiles over runs, a run where the signal
 * never fires counting as later than the horizon. Pure; no I/O.
 */
#ifndef COSTPLAN_SIM_SIGNALS_H
#define COSTPLAN_SIM_SIGNALS_H

#include <stddef.h>

#include "sim/montecarlo.h"

#define SIGNAL_SUSTAINED_CPU 70.0
#define SIGNAL_MINUTES 60
#define SIGNAL_HOURS 10 /* hours a month above 70%: sustained, not a spike */
#define SIGNAL_NAT_GB 1000.0

struct signal {
	char component[160]; /* resource address */
	const char *what;
	char upgrade[160];
	long fired;   /* runs in which it fires within the horizon */
	int p5, p50, p95; /* first month (1-based); months + 1 = not within the horizon */
};

struct signals {
	struct signal *sig; /* sorted: earliest p50, then p5 */
	size_t n;
};

void signals_eval(const struct sim_setup *u, const struct mc_result *mc, struct signals *out);
void signals_release(struct signals *s);

#endif
