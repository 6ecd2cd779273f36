/*
 * setup.c - resolve a scenario into the simulator's services, load
 * balancers and database. See setup.h.
 */
#include "sim/setup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"

static bool has_endpoint(const struct scenario *s, const char *suffix)
{
	size_t n = strlen(suffix);
	for (size_t i = 0; i < s->n; i++) {
		const struct resource *r = &s->res[i];
		if (r->spec->sim_role != SIM_ENDPOINT)
			continue;
		const char *name = res_str(r, "service_name");
		size_t l = strlen(name);
		if (l >= n && strcmp(name + l - n, suffix) == 0)
			return true;
	}
	return false;
}

/* T3/T4g credit figures (AWS "burstable performance instances"). */
static void db_class(struct sim_db *d, const char *cls)
{
	d->vcpus = 2;
	d->burstable = strncmp(cls, "db.t", 4) == 0;
	if (strstr(cls, ".micro")) {
		d->earn_per_hour = 12;
		d->baseline_pct = 10;
	} else if (strstr(cls, ".small")) {
		d->earn_per_hour = 24;
		d->baseline_pct = 20;
	} else { /* medium */
		d->earn_per_hour = 24;
		d->baseline_pct = 20;
	}
	d->max_balance = 24 * d->earn_per_hour;
}

static int add_policies(const struct scenario *s, const struct resource *target,
			struct sim_service *sv)
{
	struct scaler *sc = &sv->scaler0;
	for (size_t i = 0; i < s->n; i++) {
		const struct resource *p = &s->res[i];
		if (p->spec->sim_role != SIM_SCALING_POLICY ||
		    strcmp(res_str(p, "target"), target->name) != 0)
			continue;
		const char *pre = "target_tracking_scaling_policy_configuration.";
		char k[160];
#define TT(name) (snprintf(k, sizeof(k), "%s%s", pre, name), k)
		struct scaling_policy *pol;
		if (strcmp(res_str(p, "policy_type"), "StepScaling") == 0) {
			pol = scaler_add_step(sc, res_num(p, "step_scaling.scale_out_threshold"),
					      res_num(p, "step_scaling.scale_in_threshold"),
					      (int)res_int(p, "step_scaling.adjustment"));
			if (pol && (sv->target_cpu == 0 || pol->out_threshold < sv->target_cpu))
				sv->target_cpu = pol->out_threshold;
		} else {
			const char *mt = res_str(p, TT("predefined_metric_type"));
			if (strcmp(mt, "ECSServiceAverageMemoryUtilization") == 0) {
				cp_warn("%s: memory target tracking is not simulated (memory is constant "
					"in the model); the policy never scales",
					p->address);
				continue;
			}
			enum policy_metric m = strcmp(mt, "ALBRequestCountPerTarget") == 0
						       ? METRIC_REQUESTS_PER_TARGET
						       : METRIC_CPU;
			pol = scaler_add_target(sc, m, res_num(p, TT("target_value")));
			if (pol && m == METRIC_CPU &&
			    (sv->target_cpu == 0 || pol->target < sv->target_cpu))
				sv->target_cpu = pol->target;
		}
		if (!pol)
			return cp_error(CP_EXIT_DATA, "%s: more than %d policies on one target",
					p->address, SCALER_MAX_POLICIES);
		pol->out_cooldown = (double)res_int(p, TT("scale_out_cooldown"));
		pol->in_cooldown = (double)res_int(p, TT("scale_in_cooldown"));
		pol->disable_scale_in = res_bool(p, TT("disable_scale_in"));
#undef TT
	}
	for (size_t i = 0; i < s->n; i++) {
		const struct resource *a = &s->res[i];
		if (a->spec->sim_role != SIM_SCHEDULED_ACTION ||
		    strcmp(res_str(a, "target"), target->name) != 0)
			continue;
		struct sched_cron cr;
		const char *why;
		if (sched_cron_parse(res_str(a, "schedule"), &cr, &why) != 0)
			return cp_error(CP_EXIT_DATA, "%s: %s", a->address, why);
		if (sc->nsched >= SCALER_MAX_SCHEDULED)
			return cp_error(CP_EXIT_DATA, "%s: more than %d scheduled actions on one target",
					a->address, SCALER_MAX_SCHEDULED);
		scaler_add_scheduled(sc, &cr, (int)res_int(a, "scalable_target_action.min_capacity"),
				     (int)res_int(a, "scalable_target_action.max_capacity"));
	}
	return 0;
}

int sim_setup_build(const struct scenario *s, const struct traffic_profile *tp,
		    struct sim_setup *out)
{
	int rc;
	memset(out, 0, sizeof(*out));
	out->s = s;
	out->tp = tp;
	bool ecr_private = has_endpoint(s, ".ecr.dkr") && has_endpoint(s, ".s3");
	bool logs_private = has_endpoint(s, ".logs");
	int rules = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct resource *r = &s->res[i];
		if (r->spec->sim_role == SIM_LB_RULE)
			rules += r->count;
		if (r->spec->sim_role == SIM_LOAD_BALANCER) {
			out->lbs = xrealloc(out->lbs, (out->nlb + 1) * sizeof(*out->lbs));
			out->lbs[out->nlb].res = r;
			out->lbs[out->nlb].rules = 0;
			out->nlb++;
		}
		if (r->spec->sim_role == SIM_NAT && !out->nat)
			out->nat = r;
		if (r->spec->sim_role == SIM_DATA_TRANSFER && !out->dt)
			out->dt = r;
		if (r->spec->sim_role == SIM_DATABASE && !out->db.res) {
			out->db.res = r;
			db_class(&out->db, res_str(r, "instance_class"));
		}
	}
	/* listener rules are not tied to an ALB in the schema: give them to the first */
	if (out->nlb)
		out->lbs[0].rules = rules;

	for (size_t i = 0; i < s->n; i++) {
		const struct resource *r = &s->res[i];
		if (r->spec->sim_role != SIM_SERVICE)
			continue;
		if (!res_ref(s, r, "task_definition")) {
			/* deployment_controller EXTERNAL: its tasks come from task
			 * sets, which the cost engine prices as the scenario states */
			cp_warn("%s: not simulated: its tasks come from its task sets "
				"(deployment_controller EXTERNAL), priced at their scale as "
				"given",
				r->address);
			continue;
		}
		out->svc = xrealloc(out->svc, (out->nsvc + 1) * sizeof(*out->svc));
		struct sim_service *sv = &out->svc[out->nsvc++];
		memset(sv, 0, sizeof(*sv));
		sv->res = r;
		sv->t = traffic_profile_service(tp, r->name);
		const struct resource *td = res_ref(s, r, "task_definition");
		if (!sv->t || !td)
			return cp_error(CP_EXIT_INTERNAL, "%s: not resolved for the simulation",
					r->address);
		sv->vcpu = (double)res_int(td, "cpu") / 1024.0;
		sv->image_gb = res_num(td, "image_size_mb") / 1024.0;
		sv->lb = -1;
		const struct resource *lb = res_ref(s, r, "load_balancer");
		for (size_t j = 0; lb && j < out->nlb; j++)
			if (out->lbs[j].res == lb)
				sv->lb = (int)j;
		sv->log_group = -1;
		for (size_t j = 0; j < s->n; j++)
			if (s->res[j].spec->sim_role == SIM_LOG_GROUP &&
			    strcmp(s->res[j].name, r->name) == 0)
				sv->log_group = (int)j;
		bool public_ip = res_bool(r, "network_configuration.assign_public_ip");
		bool nat = out->nat && !public_ip;
		sv->pulls_via_nat = nat && !ecr_private;
		sv->logs_via_nat = nat && !logs_private;
		sv->external_via_nat = nat;

		const struct resource *target = NULL;
		for (size_t j = 0; j < s->n; j++)
			if (s->res[j].spec->sim_role == SIM_SCALING_TARGET &&
			    strcmp(res_str(&s->res[j], "service"), r->name) == 0)
				target = &s->res[j];
		int desired = (int)res_int(r, "desired_count");
		if (!target) {
			scaler_fixed(&sv->scaler0, desired);
			snprintf(sv->desc, sizeof(sv->desc), "fixed %d", desired);
		} else {
			int mn = (int)res_int(target, "min_capacity"), mx = (int)res_int(target, "max_capacity");
			scaler_auto(&sv->scaler0, mn, mx, desired);
			if ((rc = add_policies(s, target, sv)))
				return rc;
			if (sv->scaler0.npol == 0)
				snprintf(sv->desc, sizeof(sv->desc), "%d-%d, no policy", mn, mx);
			else if (sv->scaler0.pol[0].kind == POLICY_STEP)
				snprintf(sv->desc, sizeof(sv->desc), "step %g/%g%% %d-%d",
					 sv->scaler0.pol[0].out_threshold, sv->scaler0.pol[0].in_threshold,
					 mn, mx);
			else if (sv->scaler0.pol[0].metric == METRIC_CPU)
				snprintf(sv->desc, sizeof(sv->desc), "target %g%% %d-%d",
					 sv->scaler0.pol[0].target, mn, mx);
			else
				snprintf(sv->desc, sizeof(sv->desc), "req/target %d-%d", mn, mx);
		}
	}
	return 0;
}

void sim_setup_release(struct sim_setup *u)
{
	free(u->svc);
	free(u->lbs);
	memset(u, 0, sizeof(*u));
}
