/*
 * signals.c - see signals.h.
 */
#include "sim/signals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/stats.h"
#include "sim/usage.h"
#include "util/error.h"

enum kind { K_FIXED_CPU, K_FIXED_FULL, K_AUTO_MAX, K_AUTO_FULL, K_DB_CREDITS, K_DB_CPU, K_NAT };

static bool fires(enum kind k, const struct run_result *r, int m, size_t i)
{
	const struct svc_month *sm = &r->svc[(size_t)m * r->nsvc + i];
	const struct run_month *rm = &r->month[m];
	switch (k) {
	case K_FIXED_CPU:
		return sm->hours_above_70 >= SIGNAL_HOURS;
	case K_FIXED_FULL:
	case K_AUTO_FULL:
		return sm->over100_minutes >= SIGNAL_MINUTES;
	case K_AUTO_MAX:
		return sm->at_max_minutes >= SIGNAL_MINUTES;
	case K_DB_CREDITS:
		return rm->db_exhausted;
	case K_DB_CPU:
		return rm->db_hours_above_70 >= SIGNAL_HOURS;
	case K_NAT:
		return rm->nat_bytes / SIM_GB > SIGNAL_NAT_GB;
	}
	return false;
}

static const char *next_db_class(const char *cls)
{
	if (strstr(cls, "t3.micro"))
		return "db.t3.small (2x credits)";
	if (strstr(cls, "t4g.micro"))
		return "db.t4g.small (2x credits)";
	if (strstr(cls, ".small"))
		return "db.t3.medium";
	return "non-burstable class (db.m7g)";
}

static void add(struct signals *out, const struct mc_result *mc, enum kind k, size_t i,
		const char *component, const char *what, const char *upgrade)
{
	int *first = xmalloc((size_t)(mc->runs ? mc->runs : 1) * sizeof(int));
	double *f = xmalloc((size_t)(mc->runs ? mc->runs : 1) * sizeof(double));
	long fired = 0;
	for (long r = 0; r < mc->runs; r++) {
		first[r] = mc->months + 1;
		for (int m = 0; m < mc->months; m++)
			if (fires(k, &mc->run[r], m, i)) {
				first[r] = m + 1;
				fired++;
				break;
			}
		f[r] = first[r];
	}
	struct dstat st;
	stat_double(f, (size_t)mc->runs, &st);
	out->sig = xrealloc(out->sig, (out->n + 1) * sizeof(*out->sig));
	struct signal *s = &out->sig[out->n++];
	memset(s, 0, sizeof(*s));
	snprintf(s->component, sizeof(s->component), "%s", component);
	s->what = what;
	snprintf(s->upgrade, sizeof(s->upgrade), "%s", upgrade);
	s->fired = fired;
	s->p5 = (int)st.p5;
	s->p50 = (int)st.p50;
	s->p95 = (int)st.p95;
	free(first);
	free(f);
}

static int cmp(const void *a, const void *b)
{
	const struct signal *x = a, *y = b;
	if (x->p50 != y->p50)
		return x->p50 - y->p50;
	if (x->p5 != y->p5)
		return x->p5 - y->p5;
	return (y->fired > x->fired) - (y->fired < x->fired);
}

void signals_eval(const struct sim_setup *u, const struct mc_result *mc, struct signals *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < u->nsvc; i++) {
		const struct sim_service *sv = &u->svc[i];
		const char *a = sv->res->address;
		if (!sv->scaler0.autoscaled) {
			add(out, mc, K_FIXED_CPU, i, a, "CPU >70% 10+ h/month (fixed count)",
			    "ecs-autoscaling (out 70%, in 40%)");
			add(out, mc, K_FIXED_FULL, i, a, "CPU at 100% 1+ h/month (unserved)",
			    "ecs-autoscaling now, or more tasks");
		} else {
			if (sv->target_cpu > 0)
				add(out, mc, K_AUTO_MAX, i, a,
				    "at max_capacity above target 1+ h",
				    "raise max_capacity or cpu 512");
			add(out, mc, K_AUTO_FULL, i, a, "CPU at 100% 1+ h/month (too slow)",
			    "raise min_capacity / lower target");
		}
	}
	if (u->db.res) {
		const char *cls = res_str(u->db.res, "instance_class");
		char up[160];
		snprintf(up, sizeof(up), "%s", next_db_class(cls));
		if (u->db.burstable)
			add(out, mc, K_DB_CREDITS, 0, u->db.res->address,
			    "CPU credits exhausted (surplus)", up);
		add(out, mc, K_DB_CPU, 0, u->db.res->address, "CPU >70% 10+ h/month", up);
	}
	if (u->nat)
		add(out, mc, K_NAT, 0, u->nat->address, "NAT data >1,000 GB/month",
		    "vpc-endpoints (ECR, S3, Logs)");
	/* insertion sort: stable, so equal keys keep scenario order */
	for (size_t a = 1; a < out->n; a++) {
		struct signal t = out->sig[a];
		size_t b = a;
		while (b > 0 && cmp(&out->sig[b - 1], &t) > 0) {
			out->sig[b] = out->sig[b - 1];
			b--;
		}
		out->sig[b] = t;
	}
}

void signals_release(struct signals *s)
{
	free(s->sig);
	memset(s, 0, sizeof(*s));
}
