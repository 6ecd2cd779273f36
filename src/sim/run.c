/*
 * run.c - see run.h.
 */
#include "sim/run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/signals.h"
#include "sim/usage.h"
#include "util/error.h"

void run_work_init(struct run_work *w, const struct sim_setup *u, int months)
{
	memset(w, 0, sizeof(*w));
	w->u = u;
	w->months = months;
	w->minutes = months * SIM_MINUTES_PER_MONTH;
	w->hours = months * 730L;
	w->gen = xcalloc(u->nsvc ? u->nsvc : 1, sizeof(*w->gen));
	for (size_t i = 0; i < u->nsvc; i++)
		traffic_init(&w->gen[i], u->svc[i].t, w->minutes);
	taskset_init(&w->ts, months);
	w->lb_hour = xcalloc((u->nlb ? u->nlb : 1) * (size_t)w->hours * 4, sizeof(double));
	w->db_queries = xcalloc((size_t)w->hours, sizeof(double));
}

void run_work_free(struct run_work *w)
{
	for (size_t i = 0; w->u && i < w->u->nsvc; i++)
		traffic_free(&w->gen[i]);
	free(w->gen);
	taskset_free(&w->ts);
	free(w->lb_hour);
	free(w->db_queries);
	memset(w, 0, sizeof(*w));
}

void run_result_init(struct run_result *r, const struct sim_setup *u, int months)
{
	memset(r, 0, sizeof(*r));
	r->months = months;
	r->nsvc = u->nsvc;
	r->nlb = u->nlb;
	r->svc = xcalloc((size_t)months * (u->nsvc ? u->nsvc : 1), sizeof(*r->svc));
	r->month = xcalloc((size_t)months, sizeof(*r->month));
	r->lcu_hours = xcalloc((size_t)months * (u->nlb ? u->nlb : 1), sizeof(double));
	r->hist = xcalloc((u->nsvc ? u->nsvc : 1) * SIM_HIST_BINS, sizeof(unsigned));
}

void run_result_free(struct run_result *r)
{
	free(r->svc);
	free(r->month);
	free(r->lcu_hours);
	free(r->hist);
	memset(r, 0, sizeof(*r));
}

static void clear_result(struct run_result *r)
{
	memset(r->svc, 0, (size_t)r->months * r->nsvc * sizeof(*r->svc));
	memset(r->month, 0, (size_t)r->months * sizeof(*r->month));
	memset(r->lcu_hours, 0, (size_t)r->months * r->nlb * sizeof(double));
	memset(r->hist, 0, r->nsvc * SIM_HIST_BINS * sizeof(unsigned));
}

/*
 * Move the task set to the desired count at time now: launches pull the
 * image (through the NAT gateway unless endpoints serve it), stops bill
 * their tail.
 */
static void reconcile(struct run_result *r, const struct sim_service *sv, size_t i,
		      struct taskset *ts, int desired, double now, double startup, double tail)
{
	int m = (int)(now / SIM_SECONDS_PER_MONTH);
	if (m >= r->months)
		m = r->months - 1;
	while (ts->n < desired) {
		taskset_launch(ts, now, startup);
		r->svc[(size_t)m * r->nsvc + i].launches++;
		if (sv->pulls_via_nat)
			r->month[m].nat_bytes += sv->image_gb * SIM_GB;
	}
	while (ts->n > desired)
		taskset_stop_newest(ts, now, tail);
}

static void simulate_service(struct run_work *w, gsl_rng *rng, struct run_result *r, size_t i,
			     const struct run_recorder *rec)
{
	const struct sim_setup *u = w->u;
	const struct sim_service *sv = &u->svc[i];
	const struct svc_traffic *t = sv->t;
	struct traffic_gen *g = &w->gen[i];
	struct taskset *ts = &w->ts;
	struct scaler sc = sv->scaler0;
	double rate[SIM_MINUTES_PER_DAY];
	unsigned *hist = r->hist + i * SIM_HIST_BINS;
	const bool behind_lb = sv->lb >= 0;
	const double startup = t->startup_seconds + (behind_lb ? t->health_check_seconds : 0);
	const double tail = (behind_lb ? t->deregistration_delay_seconds : 0) + t->stop_timeout_seconds;
	const double cpu_per_req = t->cpu_seconds_per_request / 60.0; /* vCPU per request/min */
	const double idle = t->idle_cpu_percent / 100.0 * sv->vcpu;
	const double cap1 = sv->vcpu;
	const double bytes_lb = t->bytes_in_per_request + t->bytes_out_per_request;
	const double out_bytes = t->bytes_out_per_request + t->external_bytes_per_request;
	const double conn_per_req = 1.0 / t->requests_per_connection;
	/* a connection opened at rate c per minute and held s seconds adds c x s / 60
	 * concurrent connections; over an hour of minutes the mean is the sum / 60 */
	const int rules = behind_lb ? u->lbs[sv->lb].rules : 0;
	const double rule_evals = rules > 10 ? rules - 10 : 0;
	double *lbh = behind_lb ? w->lb_hour + (size_t)sv->lb * (size_t)w->hours * 4 : NULL;
	const double queries = t->db_queries_per_request;
	double hour_cpu = 0;
	int hour_n = 0;

	traffic_new_run(g, rng);
	taskset_reset(ts);
	taskset_preset(ts, sc.desired);
	int month = 0, last_serving = -1;
	long month_end = SIM_MINUTES_PER_MONTH;
	struct svc_month *sm = &r->svc[i];
	struct run_month *rm = &r->month[0];
	double inv_cap = 0;
	const double conn_active = conn_per_req * t->connection_seconds / 3600.0;
	for (long d = 0; d < g->days; d++) {
		traffic_day_rates(g, d, rate);
		long m0 = d * SIM_MINUTES_PER_DAY;
		long mend = m0 + SIM_MINUTES_PER_DAY < w->minutes ? SIM_MINUTES_PER_DAY : w->minutes - m0;
		for (long k = 0; k < mend; k++) {
			long tmin = m0 + k;
			long hour = tmin / 60;
			double now = (double)tmin * 60.0;
			if (tmin == month_end) {
				month++;
				month_end += SIM_MINUTES_PER_MONTH;
				sm = &r->svc[(size_t)month * r->nsvc + i];
				rm = &r->month[month];
			}

			if (sc.nsched) {
				scaler_schedule(&sc, tmin);
				if (ts->n != sc.desired)
					reconcile(r, sv, i, ts, sc.desired, now, startup, tail);
			}
			int serving = taskset_serving(ts, now);
			if (serving != last_serving) {
				last_serving = serving;
				inv_cap = serving > 0 ? 100.0 / (serving * cap1) : 0;
			}
			double n = traffic_arrivals(g, rng, rate[k]);
			double demand = n * cpu_per_req + serving * idle;
			double pct = serving > 0 ? demand * inv_cap : (n > 0 ? 1e9 : 0);
			double cpu = pct > 100 ? 100 : pct;
			if (pct > 100)
				sm->over100_minutes++;
			if (serving > 0) {
				hist[(int)(cpu * 2 + 0.5)]++;
				hour_cpu += cpu;
				hour_n++;
			}
			sm->serving_minutes += serving;
			sm->requests += n;
			double alive_logs = ts->n * t->log_bytes_per_task_minute;
			sm->log_bytes += n * t->log_bytes_per_request + alive_logs;
			rm->dt_out_bytes += n * out_bytes;
			if (sv->external_via_nat)
				rm->nat_bytes += n * t->external_bytes_per_request;
			if (sv->logs_via_nat)
				rm->nat_bytes += n * t->log_bytes_per_request + alive_logs;
			w->db_queries[hour] += n * queries;
			if (lbh) {
				double *h = lbh + hour * 4;
				h[0] += n * conn_per_req;
				h[1] += n * conn_active; /* concurrent connections, averaged over the hour */
				h[2] += n * bytes_lb;
				h[3] += n * rule_evals;
			}
			if (k % 60 == 59) {
				if (hour_n) {
					double avg = hour_cpu / hour_n;
					if (avg > sm->max_hour_cpu)
						sm->max_hour_cpu = avg;
					if (avg > SIGNAL_SUSTAINED_CPU)
						sm->hours_above_70++;
				}
				hour_cpu = 0;
				hour_n = 0;
			}

			if (sc.autoscaled) {
				struct scaler_point pt = {serving, cpu, serving ? n / serving : 0};
				scaler_tick(&sc, now + 60, &pt);
				if (sc.desired >= sc.max && sv->target_cpu > 0 && cpu > sv->target_cpu)
					sm->at_max_minutes++;
				if (ts->n != sc.desired)
					reconcile(r, sv, i, ts, sc.desired, now + 60, startup, tail);
			}
			if (sc.desired > sm->peak_tasks)
				sm->peak_tasks = sc.desired;
			if (rec && rec->minute) {
				struct minute_rec mr = {rate[k], n, pct > 1e6 ? 1e6 : pct, sc.desired,
							serving};
				rec->minute(rec->ctx, i, tmin, &mr);
			}
		}
	}
	taskset_close(ts, (double)w->minutes * 60.0);
	for (int m = 0; m < w->months; m++)
		r->svc[(size_t)m * r->nsvc + i].task_seconds = ts->month_seconds[m];
}

static void hourly_models(struct run_work *w, struct run_result *r, const struct run_recorder *rec)
{
	const struct sim_setup *u = w->u;
	for (size_t j = 0; j < u->nlb; j++) {
		const double *lbh = w->lb_hour + j * (size_t)w->hours * 4;
		for (long h = 0; h < w->hours; h++) {
			const double *x = lbh + h * 4;
			int m = (int)(h / 730);
			r->lcu_hours[(size_t)m * r->nlb + j] += alb_hour_lcu(x[0], x[1], x[2], x[3]);
		}
	}
	if (!u->db.res)
		return;
	const struct db_traffic *dbt = &u->tp->db;
	struct db_credits c;
	db_credits_init(&c, u->db.earn_per_hour, u->db.max_balance);
	for (int m = 0; m < w->months; m++)
		r->month[m].db_min_balance = c.max_balance;
	for (long h = 0; h < w->hours; h++) {
		int m = (int)(h / 730);
		struct run_month *rm = &r->month[m];
		double vcpu = dbt->idle_cpu_percent / 100.0 * u->db.vcpus +
			      w->db_queries[h] * dbt->cpu_ms_per_query / 1000.0 / 3600.0;
		double pct = vcpu / u->db.vcpus * 100.0;
		if (pct > 100) {
			pct = 100;
			vcpu = u->db.vcpus;
		}
		if (pct > rm->db_max_hour_cpu)
			rm->db_max_hour_cpu = pct;
		if (pct > SIGNAL_SUSTAINED_CPU)
			rm->db_hours_above_70++;
		if (u->db.burstable) {
			double before = c.surplus;
			c.exhausted = false;
			db_credits_hour(&c, vcpu);
			rm->db_surplus_credits += c.surplus - before;
			if (c.exhausted)
				rm->db_exhausted = true;
			if (c.balance < rm->db_min_balance)
				rm->db_min_balance = c.balance;
		}
		if (rec && rec->db_hour)
			rec->db_hour(rec->ctx, h, pct, u->db.burstable ? c.balance : 0);
	}
}

void run_simulate(struct run_work *w, gsl_rng *rng, struct run_result *r,
		  const struct run_recorder *rec)
{
	clear_result(r);
	memset(w->lb_hour, 0, (w->u->nlb ? w->u->nlb : 1) * (size_t)w->hours * 4 * sizeof(double));
	memset(w->db_queries, 0, (size_t)w->hours * sizeof(double));
	for (size_t i = 0; i < w->u->nsvc; i++)
		simulate_service(w, rng, r, i, rec);
	hourly_models(w, r, rec);
}
