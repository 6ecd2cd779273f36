/*
 * simulate.h - what `simulate` shares with `breakdown --simulate`:
 * the simulation options and the driver that loads, simulates and prices.
 */
#ifndef COSTPLAN_CMD_SIMULATE_H
#define COSTPLAN_CMD_SIMULATE_H

#include <stdbool.h>

#include "cmd/cmd.h"
#include "report/sim_report.h"
#include "sim/bills.h"
#include "sim/montecarlo.h"
#include "model/profile.h"
#include "sim/setup.h"
#include "sim/signals.h"
#include "sim/summary.h"

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

/* Load, simulate, price, summarise. st is valid (release it) whatever the result. */
int sim_drive(struct sim_options *so, const struct scenario_opts *sco, struct cp_ctx *ctx,
	      struct sim_state *st);
void sim_state_release(struct sim_state *st);

#endif
