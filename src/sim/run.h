/*
 * run.h - one Monte Carlo run: every service minute by minute over the
 * horizon, then the hourly models (ALB LCUs, database CPU and credits).
 *
 * Per minute and service: the traffic's mean rate, the arrivals, the CPU
 * the serving tasks need (CPU-seconds per request plus idle CPU per task)
 * against what they have (capped at 100%: the excess is unserved load),
 * the autoscaler's decision (launches take traffic after the start-up
 * delay and, behind an ALB, a health check; stops bill their tail), and
 * the bytes that become NAT, log, ALB and data-transfer usage. Services
 * are simulated one after the other with one random stream per run, so a
 * run is a pure function of (setup, months, stream). No I/O: the optional
 * recorder receives the time series (series.c writes it).
 */
#ifndef COSTPLAN_SIM_RUN_H
#define COSTPLAN_SIM_RUN_H

#include <gsl/gsl_rng.h>
#include <stdbool.h>
#include <stddef.h>

#include "sim/billing.h"
#include "sim/setup.h"
#include "sim/traffic.h"

#define SIM_HIST_BINS 201 /* CPU % in half-percent bins, 0..100 */

struct svc_month {
	double task_seconds;  /* billed (per second, one-minute minimum) */
	double serving_minutes; /* task-minutes taking traffic */
	long launches;
	int peak_tasks;       /* highest desired count */
	long over100_minutes; /* demand above the serving tasks' CPU */
	long at_max_minutes;  /* autoscaled: at max_capacity with CPU above target */
	double requests;
	double log_bytes;
	double max_hour_cpu;  /* highest hourly average CPU % */
	int hours_above_70;   /* hours whose average CPU is above 70% */
};

struct run_month {
	double nat_bytes;
	double dt_out_bytes;
	double db_surplus_credits;
	double db_max_hour_cpu; /* % of the instance */
	int db_hours_above_70;
	bool db_exhausted;
	double db_min_balance;
};

struct run_result {
	int months;
	size_t nsvc, nlb;
	struct svc_month *svc;   /* [month * nsvc + i] */
	struct run_month *month; /* [month] */
	double *lcu_hours;       /* [month * nlb + j] */
	unsigned *hist;          /* [i * SIM_HIST_BINS + bin], whole horizon */
};

/* One minute of one service, for the series. */
struct minute_rec {
	double rate, arrivals, cpu_demand_pct;
	int desired, serving;
};

struct run_recorder {
	void *ctx;
	void (*minute)(void *ctx, size_t svc, long minute, const struct minute_rec *m);
	void (*db_hour)(void *ctx, long hour, double cpu_pct, double balance);
};

/* Scratch space of one thread, reused from run to run. */
struct run_work {
	const struct sim_setup *u;
	int months;
	long minutes, hours;
	struct traffic_gen *gen; /* per service */
	struct taskset ts;
	double *lb_hour;  /* [(j * hours + h) * 4 + dim] */
	double *db_queries; /* [hour] */
};

void run_work_init(struct run_work *w, const struct sim_setup *u, int months);
void run_work_free(struct run_work *w);

void run_result_init(struct run_result *r, const struct sim_setup *u, int months);
void run_result_free(struct run_result *r);

/* Simulate one run into r (cleared first). rec may be NULL. */
void run_simulate(struct run_work *w, gsl_rng *rng, struct run_result *r,
		  const struct run_recorder *rec);

#endif
