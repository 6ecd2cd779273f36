/*
 * usage.h - turn simulated traffic into the usage figures the cost engine
 * prices, and the two models that need more than a sum:
 *
 *  - ALB capacity units: each hour's LCUs are the maximum of its four
 *    dimensions (new connections/s / 25, active connections / 3,000,
 *    GB processed / 1, rule evaluations/s / 1,000; AWS Elastic Load
 *    Balancing pricing page); the month's
 *    LCU-hours are the sum over hours (not the maximum of monthly averages);
 *  - RDS T3/T4g CPU credits: the balance earns credits every hour (12 for a
 *    t3.micro, baseline 10% per vCPU), spends one credit per vCPU-minute of
 *    use, is capped at 24 hours of earnings and starts full. Unlimited mode
 *    (always on for RDS T3) lets it go below zero: the deficit is surplus
 *    credits, charged as vCPU-hours (credits / 60).
 *
 * usage_apply() writes one run-month's figures into the scenario's
 * resources (monthly_task_hours, monthly_lcu_hours,
 * monthly_data_processed_gb, monthly_data_ingested_gb,
 * monthly_outbound_internet_gb, monthly_cpu_credit_hrs) so the ordinary
 * engine prices them; nothing here knows a price.
 */
#ifndef COSTPLAN_SIM_USAGE_H
#define COSTPLAN_SIM_USAGE_H

#include <stdbool.h>

#include "model/scenario.h"

#define SIM_GB 1073741824.0 /* AWS bills in GB of 2^30 bytes */

struct sim_setup;
struct run_result;

/* LCUs of one hour from the hour's totals. */
double alb_hour_lcu(double new_connections, double active_connections_avg, double bytes,
		    double rule_evaluations);

struct db_credits {
	double balance, max_balance, earn_per_hour;
	double surplus;   /* credits spent below zero (charged) */
	bool exhausted;   /* the balance reached zero */
};
void db_credits_init(struct db_credits *c, double earn_per_hour, double max_balance);
/* One hour at cpu_vcpu average vCPUs in use. */
void db_credits_hour(struct db_credits *c, double cpu_vcpu);

/* Write run-month m's figures into s's resources (replacing earlier ones). */
void usage_apply(struct scenario *s, const struct sim_setup *u, const struct run_result *r,
		 int month);

#endif
