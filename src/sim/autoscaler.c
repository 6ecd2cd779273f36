/*
 * autoscaler.c - see autoscaler.h for the model and its sources.
 */
#include "sim/autoscaler.h"

#include <math.h>
#include <string.h>

#define NEVER (-1e18)

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void scaler_fixed(struct scaler *s, int desired)
{
	memset(s, 0, sizeof(*s));
	s->desired = desired;
	s->min = s->max = desired;
	s->last_out = s->last_in = NEVER;
}

void scaler_auto(struct scaler *s, int min, int max, int desired)
{
	memset(s, 0, sizeof(*s));
	s->autoscaled = true;
	s->min = min;
	s->max = max;
	s->desired = clampi(desired, min, max);
	s->last_out = s->last_in = NEVER;
}

static struct scaling_policy *add(struct scaler *s)
{
	if (s->npol >= SCALER_MAX_POLICIES)
		return NULL;
	struct scaling_policy *p = &s->pol[s->npol++];
	memset(p, 0, sizeof(*p));
	p->out_points = 3;
	p->in_points = 15;
	p->in_factor = 0.9;
	p->out_cooldown = 300;
	p->in_cooldown = 300;
	return p;
}

struct scaling_policy *scaler_add_target(struct scaler *s, enum policy_metric m, double target)
{
	struct scaling_policy *p = add(s);
	if (p) {
		p->kind = POLICY_TARGET;
		p->metric = m;
		p->target = target;
	}
	return p;
}

struct scaling_policy *scaler_add_step(struct scaler *s, double out_thr, double in_thr, int adj)
{
	struct scaling_policy *p = add(s);
	if (p) {
		p->kind = POLICY_STEP;
		p->metric = METRIC_CPU;
		p->out_threshold = out_thr;
		p->in_threshold = in_thr;
		p->adjustment = adj;
	}
	return p;
}

void scaler_add_scheduled(struct scaler *s, const struct sched_cron *c, int min, int max)
{
	if (s->nsched >= SCALER_MAX_SCHEDULED)
		return;
	struct scheduled_action *a = &s->sched[s->nsched++];
	a->cron = *c;
	a->min = min;
	a->max = max;
}

void scaler_schedule(struct scaler *s, long minute)
{
	if (!s->nsched)
		return;
	int mod = (int)(minute % 1440), hour = mod / 60, min = mod % 60;
	int dow = (int)((minute / 1440 + 1) % 7); /* day 0 is a Monday; 0 = Sunday */
	for (int i = 0; i < s->nsched; i++) {
		const struct scheduled_action *a = &s->sched[i];
		if ((a->cron.minute >= 0 && a->cron.minute != min) ||
		    (a->cron.hour >= 0 && a->cron.hour != hour) || !(a->cron.dow_mask & (1u << dow)))
			continue;
		if (a->min >= 0)
			s->min = a->min;
		if (a->max >= 0)
			s->max = a->max;
		if (s->min > s->max)
			s->max = s->min;
		s->desired = clampi(s->desired, s->min, s->max);
	}
}

static double metric(const struct scaling_policy *p, const struct scaler_point *pt)
{
	return p->metric == METRIC_CPU ? pt->cpu : pt->per_target;
}

/* ceil(n x m / T), robust to m / T landing a hair above a whole number */
static int proportional(int n, double m, double target)
{
	double x = (double)n * m / target;
	double r = nearbyint(x);
	if (fabs(x - r) < 1e-9 * (r > 1 ? r : 1))
		return (int)r;
	return x > 1e9 ? 1000000000 : (int)ceil(x);
}

int scaler_tick(struct scaler *s, double now, const struct scaler_point *pt)
{
	int out_new = -1, in_new = -1, in_enabled = 0;
	bool all_in = true;

	if (!s->autoscaled)
		return s->desired;
	for (int i = 0; i < s->npol; i++) {
		struct scaling_policy *p = &s->pol[i];
		if (pt->serving <= 0) {
			/* insufficient data: alarms do not fire, nothing scales */
			p->hi = p->lo = 0;
			all_in = false;
			continue;
		}
		double m = metric(p, pt);
		double out_thr = p->kind == POLICY_TARGET ? p->target : p->out_threshold;
		double in_thr = p->kind == POLICY_TARGET ? p->in_factor * p->target : p->in_threshold;
		p->hi = m > out_thr ? p->hi + 1 : 0;
		p->lo = m < in_thr ? p->lo + 1 : 0;
		if (p->hi >= p->out_points) {
			int want = -1;
			if (p->kind == POLICY_TARGET)
				want = proportional(pt->serving, m, p->target);
			else if (now >= s->last_out + p->out_cooldown)
				want = s->desired + p->adjustment;
			if (want > out_new)
				out_new = want;
		}
		if (p->disable_scale_in)
			continue;
		in_enabled++;
		if (p->lo >= p->in_points && now >= s->last_in + p->in_cooldown) {
			int want = p->kind == POLICY_TARGET ? proportional(pt->serving, m, p->target)
							    : s->desired - p->adjustment;
			if (want > in_new)
				in_new = want;
		} else {
			all_in = false;
		}
	}
	if (out_new >= 0) {
		int n = clampi(out_new, s->min, s->max);
		if (n > s->desired) {
			s->desired = n;
			s->last_out = now;
			s->last_in = NEVER; /* a scale-out ends the scale-in cooldown */
			s->scale_outs++;
			return s->desired;
		}
	}
	if (in_enabled && all_in && in_new >= 0) {
		int n = clampi(in_new, s->min, s->max);
		if (n < s->desired) {
			s->desired = n;
			s->last_in = now;
			s->scale_ins++;
		}
	}
	return s->desired;
}
