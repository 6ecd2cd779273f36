/*
 * cmd_simulate.h - what `simulate` shares with `breakdown --simulate`:
 * the simulation options and the driver that loads, simulates and prices.
 */
#ifndef COSTPLAN_CMD_SIMULATE_H
#define COSTPLAN_CMD_SIMULATE_H

#include <stdbool.h>

#include "cmd/common.h"
#include "report/sim_report.h"
#include "sim/bills.h"
#include "sim/montecarlo.h"
#include "model/profile.h"
#include "sim/setup.h"
#include "sim/signals.h"
#include "sim/summary.h"

struct sim_options {
	struct mc_options mc;
	bool no_progress;
};

enum {
	SIM_OPT_RUNS = OPT_FIRST_COMMAND_SPECIFIC + 50,
	SIM_OPT_MONTHS,
	SIM_OPT_SEED,
	SIM_OPT_THREADS,
	SIM_OPT_NO_PROGRESS,
};

/* --runs --months --seed --threads --no-progress */
#define SIM_LONGOPTS                                                 \
	{"runs", required_argument, NULL, SIM_OPT_RUNS},              \
	{"months", required_argument, NULL, SIM_OPT_MONTHS},          \
	{"seed", required_argument, NULL, SIM_OPT_SEED},              \
	{"threads", required_argument, NULL, SIM_OPT_THREADS},        \
	{"no-progress", no_argument, NULL, SIM_OPT_NO_PROGRESS}

struct sim_state {
	struct scenario s;
	bool loaded, priced;
	struct traffic_profile tp;
	struct sim_setup u;
	struct mc_result mc;
	struct bills b;
	struct signals sig;
	struct sim_summary sum;
	struct sim_view view;
};

void sim_options_default(struct sim_options *so);
/* 1 handled, 0 not a simulation option, negative exit code on a bad value. */
int sim_parse_option(struct sim_options *so, int opt, const char *arg);
/* Load, simulate, price, summarise. st is valid (release it) whatever the result. */
int sim_drive(struct sim_options *so, const struct scenario_opts *sco, struct cp_ctx *ctx,
	      struct sim_state *st);
void sim_state_release(struct sim_state *st);

#endif
