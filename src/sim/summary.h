/*
 * summary.h - the statistics every simulation report shows, computed once
 * from the runs and their bills: per month the bill's p5/p50/p95/mean in
 * total, per component and per line; per service the task-hours, launches,
 * peak tasks, minutes above 100% CPU and CPU percentiles; the usage the
 * traffic produced (LCU-hours, NAT, logs, data out) and the database's CPU
 * and credits. Pure; no I/O.
 *
 * Ownership: struct sim_summary owns its arrays (sim_summary_release).
 */
#ifndef COSTPLAN_SIM_SUMMARY_H
#define COSTPLAN_SIM_SUMMARY_H

#include "sim/bills.h"
#include "sim/montecarlo.h"
#include "sim/stats.h"

struct svc_summary {
	struct dstat *task_hours; /* [month] */
	struct dstat *launches;   /* [month] */
	struct dstat *requests;   /* [month] */
	struct dstat peak_tasks;  /* highest over the horizon, per run */
	struct dstat over100;     /* minutes above 100% CPU over the horizon, per run */
	double cpu_p50, cpu_p95, cpu_p99; /* minutes of all runs */
};

struct sim_summary {
	int months;
	size_t nsvc, nlb;
	struct svc_summary *svc;
	struct dstat *lcu_hours; /* [lb * months + m] */
	struct dstat *nat_gb, *log_gb, *data_out_gb, *db_surplus_vcpu_h; /* [month] */
	struct dstat db_max_hour_cpu; /* over the horizon, per run */
	struct dstat db_min_balance;
	struct cstat *total;  /* [month] */
	struct cstat *items;  /* [item * months + m] */
	struct cstat *lines;  /* [line * months + m] */
	struct dstat *line_qty;
};

void sim_summarise(const struct sim_setup *u, const struct mc_result *mc, const struct bills *b,
		   struct sim_summary *out);
void sim_summary_release(struct sim_summary *s);

#endif
