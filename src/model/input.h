/*
 * input.h - a file given on the command line, whatever it is.
 *
 * Every command that reads a stack goes through input_load(): it reads the
 * file once, tells a scenario from a Terraform plan or state by content
 * (input_detect), and builds the plan's scenario documents (model/plan.h)
 * or keeps the scenario document with its line numbers. Pricing what was
 * loaded is the cost layer's job (cost/side.h).
 *
 * Ownership: struct input owns what it points to; release it with
 * input_release().
 */
#ifndef COSTPLAN_INPUT_H
#define COSTPLAN_INPUT_H

#include <jansson.h>

#include "model/input_kind.h"
#include "model/plan.h"
#include "util/json_pos.h"

/* A file given on the command line, detected by content. */
struct input {
	char *path;
	enum input_kind kind;
	struct plan plan; /* INPUT_PLAN / INPUT_STATE */
	json_t *doc;      /* INPUT_SCENARIO: the document */
	struct json_pos *pos;
};

/* What a document is, by content. Returns 0 or CP_EXIT_DATA (message printed). */
int input_detect(json_t *root, const char *path, enum input_kind *kind);

/* Read path and build its plan / scenario document. Scenario paths are
 * looked up like `costplan breakdown` does. Returns 0 or an exit code. */
int input_load(const char *path, const struct plan_opts *o, struct input *in);
void input_release(struct input *in);

/*
 * Any input as one scenario document, for the commands that price a
 * scenario (export, report, compare, upgrades, simulate): a scenario as
 * read, with its position map; a plan's planned resources, a state's
 * resources or a Terraform directory as the scenario of its resources,
 * which must lie in one region (--region, in o, puts them all in one),
 * *pos NULL. Such a document carries "from_plan": the resources the plan
 * reader could not map and its warnings, which the engine reports, and it
 * makes a value the snapshot cannot price "not priced" rather than an
 * error (scenario.from_plan). o->usage (may be NULL) adds a usage file's
 * figures to either. Returns 0 or an exit code (message printed).
 */
int input_scenario_doc(const char *path, const struct plan_opts *o, json_t **doc,
		       struct json_pos **pos);

#endif
