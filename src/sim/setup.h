/*
 * setup.h - what the simulator needs from a scenario, resolved once.
 *
 * For each aws_ecs_service: its traffic, task size and image size (task
 * definition), its autoscaling (aws_appautoscaling_target naming it, the
 * aws_appautoscaling_policy resources on that target, the scheduled
 * actions) or its fixed desired_count, the ALB it sits behind, its log
 * group (the aws_cloudwatch_log_group of the same name), and which of its
 * traffic crosses the NAT gateway (image pulls unless ECR and S3 endpoints
 * exist, logs unless a logs endpoint exists, third-party calls; nothing
 * when the task has a public IP). For the database: the first
 * aws_db_instance and its T3/T4g credit figures.
 *
 * Ownership: struct sim_setup owns its arrays and borrows the scenario
 * and profile, which must outlive it.
 */
#ifndef COSTPLAN_SIM_SETUP_H
#define COSTPLAN_SIM_SETUP_H

#include <stdbool.h>
#include <stddef.h>

#include "model/scenario.h"
#include "sim/autoscaler.h"
#include "model/profile.h"

struct sim_service {
	const struct resource *res;
	const struct svc_traffic *t;
	double vcpu;      /* task size */
	double image_gb;  /* pulled at every launch */
	struct scaler scaler0; /* initial state and configuration */
	int lb;           /* index into sim_setup.lbs, or -1 */
	int log_group;    /* resource index, or -1 */
	bool pulls_via_nat, logs_via_nat, external_via_nat;
	double target_cpu; /* lowest CPU target of its policies (signals), 0 = none */
	char desc[96]; /* "fixed 1", "target 70% CPU, 1-4" */
};

struct sim_lb {
	const struct resource *res;
	int rules; /* listener rules (the first 10 are free of LCU charge) */
};

struct sim_db {
	const struct resource *res; /* NULL: no database */
	double vcpus;
	double earn_per_hour; /* credits (vCPU-minutes) */
	double baseline_pct;  /* per vCPU */
	double max_balance;
	bool burstable;
};

struct sim_setup {
	const struct scenario *s;
	const struct traffic_profile *tp;
	struct sim_service *svc;
	size_t nsvc;
	struct sim_lb *lbs;
	size_t nlb;
	struct sim_db db;
	const struct resource *nat; /* first NAT gateway, or NULL */
	const struct resource *dt;  /* first aws_data_transfer, or NULL */
};

/* Returns 0 or an exit code (message printed). */
int sim_setup_build(const struct scenario *s, const struct traffic_profile *tp,
		    struct sim_setup *out);
void sim_setup_release(struct sim_setup *u);

#endif
