/*
 * usage.c - see usage.h.
 */
#include "sim/usage.h"

#include <jansson.h>
#include <string.h>

#include "sim/run.h"
#include "sim/setup.h"

double alb_hour_lcu(double new_connections, double active_connections_avg, double bytes,
		    double rule_evaluations)
{
	double nc = new_connections / 3600.0 / 25.0;
	double ac = active_connections_avg / 3000.0;
	double gb = bytes / SIM_GB;
	double re = rule_evaluations / 3600.0 / 1000.0;
	double m = nc;
	if (ac > m)
		m = ac;
	if (gb > m)
		m = gb;
	if (re > m)
		m = re;
	return m;
}

void db_credits_init(struct db_credits *c, double earn_per_hour, double max_balance)
{
	memset(c, 0, sizeof(*c));
	c->earn_per_hour = earn_per_hour;
	c->max_balance = max_balance;
	c->balance = max_balance;
}

void db_credits_hour(struct db_credits *c, double cpu_vcpu)
{
	c->balance += c->earn_per_hour - cpu_vcpu * 60.0;
	if (c->balance > c->max_balance)
		c->balance = c->max_balance;
	if (c->balance < 0) {
		c->surplus += -c->balance;
		c->balance = 0;
		c->exhausted = true;
	}
}

/* The simulated figure of r, under the usage key its type names for it
 * (type_spec.sim_usage). */
static void set(const struct resource *r, double v)
{
	const char *key = r->spec->sim_usage;
	if (!key)
		return;
	/* usage figures are validated to [0, 1e12]; keep simulated ones there too */
	if (!(v >= 0))
		v = 0;
	if (v > 1e12)
		v = 1e12;
	json_object_set_new(r->usage, key, json_real(v));
}

void usage_apply(struct scenario *s, const struct sim_setup *u, const struct run_result *r,
		 int month)
{
	(void)s;
	const struct run_month *rm = &r->month[month];
	for (size_t i = 0; i < u->nsvc; i++) {
		const struct svc_month *sm = &r->svc[(size_t)month * r->nsvc + i];
		set(u->svc[i].res, sm->task_seconds / 3600.0);
	}
	for (size_t j = 0; j < u->nlb; j++)
		set(u->lbs[j].res, r->lcu_hours[(size_t)month * r->nlb + j]);
	/* log groups: the sum of the services writing to each */
	for (size_t i = 0; i < u->nsvc; i++) {
		int lg = u->svc[i].log_group;
		if (lg < 0)
			continue;
		double gb = 0;
		for (size_t k = 0; k < u->nsvc; k++)
			if (u->svc[k].log_group == lg)
				gb += r->svc[(size_t)month * r->nsvc + k].log_bytes / SIM_GB;
		set(&s->res[lg], gb);
	}
	if (u->nat)
		set(u->nat, rm->nat_bytes / SIM_GB);
	if (u->dt)
		set(u->dt, rm->dt_out_bytes / SIM_GB);
	if (u->db.res && u->db.burstable)
		set(u->db.res, rm->db_surplus_credits / 60.0);
}
