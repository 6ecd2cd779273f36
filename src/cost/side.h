/*
 * side.h - one priced side of a cost diff: a scenario, a state, or the
 * before / after of a plan, priced by the one cost engine.
 *
 * A plan side can span several regions; each region's scenario document is
 * priced on its own and the breakdowns are merged into one, whose item
 * addresses are Terraform's (module.app.aws_ecs_service.api[0]) rather
 * than the scenario names the plan reader made up. What could not be
 * priced travels with the side.
 *
 * Ownership: struct side owns what it points to; release it with
 * side_release(). A side borrows price
 * entries from the catalog, which must outlive it.
 */
#ifndef COSTPLAN_SIDE_H
#define COSTPLAN_SIDE_H

#include <jansson.h>

#include "cost/breakdown.h"
#include "cost/engine.h"
#include "model/input.h"
#include "model/usage.h"

enum side_which { SIDE_BEFORE, SIDE_AFTER };

struct side {
	char *label;          /* "plan.json (after)", "scenarios/baseline.json" */
	enum input_kind kind;
	struct breakdown b;   /* merged over regions; Terraform addresses */
	struct unpriced *unpriced; /* copies */
	size_t nunpriced;
	size_t nresources;
};

/*
 * Price one side: a plan's before or after, a state's resources, or a
 * scenario (which ignores `which`). usage (may be NULL) adds figures to a
 * scenario's; a plan's were applied by input_load. co->region applies to
 * scenarios (plans have it folded in). Returns 0 or an exit code.
 */
int side_price(const struct input *in, enum side_which which, struct catalog *cat,
	       const struct cost_options *co, struct usage_file *usage, struct side *out);
void side_release(struct side *s);

/*
 * For `costplan breakdown --plan/--usage`: load path (scenario, plan,
 * state or Terraform directory, with tf_vars: --var/--var-file, may be
 * NULL), price its planned side, and hand over the breakdown with the
 * resources not priced added as warnings. Returns 0 or an exit code.
 */
int side_breakdown(const char *path, const char *usage_path, const char *region,
		   const struct tf_var_opts *tf_vars, struct catalog *cat,
		   const struct cost_options *co, struct breakdown *out);

/* "2 aws_lambda_function, 1 aws_sqs_queue" style summary: types with counts,
 * most first. Caller frees. */
char *side_unpriced_summary(const struct side *s);

#endif
