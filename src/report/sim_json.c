/*
 * sim_json.c - `costplan simulate --format json`: every statistic, per
 * month, for machines (jq). Money as numbers rounded to cents; simulation
 * statistics with 6 significant digits. Documented in the README.
 */
#include <string.h>

#include "report/jsonw.h"
#include "report/sim_report.h"
#include "sim/usage.h"

static void money(struct jsonw *w, const char *k, int64_t cents)
{
	jw_key(w, k);
	jw_money(w, dec_from_scaled(cents, 2));
}

static void cstat_obj(struct jsonw *w, const struct cstat *c)
{
	money(w, "p5", c->p5);
	money(w, "p50", c->p50);
	money(w, "p95", c->p95);
	money(w, "mean", c->mean);
}

static void dstat_obj(struct jsonw *w, const char *key, const struct dstat *d)
{
	jw_key(w, key);
	jw_obj(w);
	jw_key(w, "p5");
	jw_double(w, d->p5, 6);
	jw_key(w, "p50");
	jw_double(w, d->p50, 6);
	jw_key(w, "p95");
	jw_double(w, d->p95, 6);
	jw_key(w, "mean");
	jw_double(w, d->mean, 6);
	jw_obj_end(w);
}

/* [{ "month": 1, "p5": ..}, ...] */
static void per_month(struct jsonw *w, const char *key, const struct dstat *d, int months)
{
	jw_key(w, key);
	jw_arr(w);
	for (int m = 0; m < months; m++) {
		jw_obj(w);
		jw_key(w, "month");
		jw_int(w, m + 1);
		jw_key(w, "p5");
		jw_double(w, d[m].p5, 6);
		jw_key(w, "p50");
		jw_double(w, d[m].p50, 6);
		jw_key(w, "p95");
		jw_double(w, d[m].p95, 6);
		jw_key(w, "mean");
		jw_double(w, d[m].mean, 6);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

void sim_json_header(struct jsonw *w, const struct sim_view *v)
{
	char buf[64];
	jw_key(w, "version");
	jw_int(w, 1);
	jw_key(w, "scenario");
	jw_str(w, v->s->name);
	jw_key(w, "region");
	jw_str(w, v->b->region);
	jw_key(w, "currency");
	jw_str(w, "USD");
	jw_key(w, "hours_per_month");
	jw_int(w, 730);
	jw_pricing(w, v->b->source, v->b->published_min ? v->b->published_min : "");
	jw_key(w, "simulation");
	jw_obj(w);
	jw_key(w, "runs");
	jw_int(w, v->mc->runs);
	jw_key(w, "months");
	jw_int(w, v->mc->months);
	jw_key(w, "seed");
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)v->o->seed);
	jw_num_text(w, buf);
	jw_key(w, "generator");
	jw_str(w, "gsl_rng_" MC_GENERATOR);
	jw_key(w, "streams");
	jw_str(w, "run k: splitmix64(seed, k), folded to 32 bits");
	jw_key(w, "step_seconds");
	jw_int(w, 60);
	jw_key(w, "traffic_profile");
	jw_str(w, v->u->tp->present ? "scenario" : "defaults");
	jw_obj_end(w);
}

void report_sim_json(FILE *f, const struct sim_view *v)
{
	struct jsonw w;
	const struct bills *b = v->b;
	const struct sim_summary *sum = v->sum;
	int M = v->mc->months;

	jw_init(&w, f);
	jw_obj(&w);
	sim_json_header(&w, v);

	jw_key(&w, "bill");
	jw_arr(&w);
	for (int m = 0; m < M; m++) {
		jw_obj(&w);
		jw_key(&w, "month");
		jw_int(&w, m + 1);
		jw_key(&w, "total");
		jw_obj(&w);
		cstat_obj(&w, &sum->total[m]);
		jw_obj_end(&w);
		jw_key(&w, "components");
		jw_arr(&w);
		for (size_t i = 0; i < b->nitems; i++) {
			jw_obj(&w);
			jw_key(&w, "address");
			jw_str(&w, b->items[i].address);
			jw_key(&w, "category");
			jw_str(&w, category_name(b->items[i].category));
			jw_key(&w, "traffic_driven");
			jw_bool(&w, b->items[i].varies);
			cstat_obj(&w, &sum->items[i * (size_t)M + (size_t)m]);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);

	jw_key(&w, "services");
	jw_arr(&w);
	for (size_t i = 0; i < v->u->nsvc; i++) {
		const struct sim_service *sv = &v->u->svc[i];
		const struct svc_summary *ss = &sum->svc[i];
		jw_obj(&w);
		jw_key(&w, "address");
		jw_str(&w, sv->res->address);
		jw_key(&w, "autoscaling");
		jw_bool(&w, sv->scaler0.autoscaled);
		jw_key(&w, "scaling");
		jw_str(&w, sv->desc);
		dstat_obj(&w, "peak_tasks", &ss->peak_tasks);
		dstat_obj(&w, "minutes_above_100_cpu", &ss->over100);
		jw_key(&w, "cpu_percent");
		jw_obj(&w);
		jw_key(&w, "p50");
		jw_double(&w, ss->cpu_p50, 6);
		jw_key(&w, "p95");
		jw_double(&w, ss->cpu_p95, 6);
		jw_key(&w, "p99");
		jw_double(&w, ss->cpu_p99, 6);
		jw_obj_end(&w);
		per_month(&w, "task_hours", ss->task_hours, M);
		per_month(&w, "launches", ss->launches, M);
		per_month(&w, "requests", ss->requests, M);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);

	jw_key(&w, "usage");
	jw_obj(&w);
	for (size_t j = 0; j < v->u->nlb; j++) {
		char k[300];
		snprintf(k, sizeof(k), "%s.monthly_lcu_hours", v->u->lbs[j].res->address);
		per_month(&w, k, sum->lcu_hours + j * (size_t)M, M);
	}
	per_month(&w, "nat_gb", sum->nat_gb, M);
	per_month(&w, "log_gb", sum->log_gb, M);
	per_month(&w, "data_out_gb", sum->data_out_gb, M);
	jw_obj_end(&w);

	jw_key(&w, "database");
	if (!v->u->db.res) {
		jw_null(&w);
	} else {
		jw_obj(&w);
		jw_key(&w, "address");
		jw_str(&w, v->u->db.res->address);
		jw_key(&w, "burstable");
		jw_bool(&w, v->u->db.burstable);
		dstat_obj(&w, "highest_hourly_cpu_percent", &sum->db_max_hour_cpu);
		dstat_obj(&w, "lowest_credit_balance", &sum->db_min_balance);
		per_month(&w, "surplus_vcpu_hours", sum->db_surplus_vcpu_h, M);
		jw_obj_end(&w);
	}

	jw_key(&w, "signals");
	jw_arr(&w);
	for (size_t i = 0; i < v->sig->n; i++) {
		const struct signal *s = &v->sig->sig[i];
		jw_obj(&w);
		jw_key(&w, "component");
		jw_str(&w, s->component);
		jw_key(&w, "signal");
		jw_str(&w, s->what);
		jw_key(&w, "upgrade");
		jw_str(&w, s->upgrade);
		jw_key(&w, "runs_fired");
		jw_int(&w, s->fired);
		jw_key(&w, "first_month");
		jw_obj(&w);
		const int *mm[3] = {&s->p5, &s->p50, &s->p95};
		const char *names[3] = {"p5", "p50", "p95"};
		for (int q = 0; q < 3; q++) {
			jw_key(&w, names[q]);
			if (*mm[q] > M)
				jw_null(&w);
			else
				jw_int(&w, *mm[q]);
		}
		jw_obj_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);

	jw_strings(&w, "warnings", b->warnings, b->nwarn);
	jw_obj_end(&w);
	jw_end(&w);
}
