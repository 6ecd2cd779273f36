/*
 * cmd_diff.c - `costplan diff`: what a change does to the monthly bill.
 *
 *   costplan diff --plan plan.json      before vs after within one plan
 *   costplan diff BASE HEAD             each a scenario, plan or state file
 *
 * Each side is priced by the one engine (cost/side.h); the result is a
 * table, JSON or the markdown PR comment, and the guardrails turn a change
 * over budget into exit code 1 with a one-line reason (the report is still
 * written, so CI can post it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd.h"
#include "diff/diff.h"
#include "diff/diff_report.h"
#include "model/input.h"
#include "model/upgrades.h"
#include "model/usage.h"
#include "util/error.h"
#include "util/paths.h"

static const char USAGE[] =
	"usage: costplan diff --plan PLAN.json [options]\n"
	"       costplan diff BASE HEAD [options]\n"
	"\n"
	"The monthly cost change of an infrastructure change. With --plan, the\n"
	"resources before and after a Terraform plan (terraform show -json); with\n"
	"BASE HEAD, two files, each a costplan scenario, a plan (its planned\n"
	"resources) or a state (terraform show -json of a state), told apart by content,\n"
	"or two directories of Terraform configuration (.tf files), read without terraform;\n"
	"HEAD may also be an upgrade step (scenarios/upgrades/*.json): BASE with the\n"
	"step applied, as costplan compare does.\n"
	"\n"
	"  --plan FILE              a Terraform plan in JSON\n"
	"  --usage FILE             usage figures by resource address (an Infracost\n"
	"                           usage file, YAML or JSON)\n"
	"  --var NAME=VALUE         a Terraform input variable for both directories\n"
	"                           (repeatable; with --var-file, applied in order)\n"
	"  --var-file FILE          Terraform variables from a .tfvars file\n"
	"  --region REGION          price every resource in REGION\n"
	"  --no-free-tier           leave out the always-free allowances\n"
	"  --set PATH=VALUE, --patch FILE\n"
	"                           what-if on HEAD when HEAD is a scenario (as for\n"
	"                           costplan breakdown); refused for plans and states\n"
	"  --format FORMAT          table (default), json, csv or markdown (the PR comment)\n"
	"  -o, --output FILE        write to FILE (atomically) instead of stdout\n"
	"  --fail-above-usd X       exit 1 if the monthly cost rises by more than $X\n"
	"  --fail-above-percent P   exit 1 if it rises by more than P percent\n"
	"  --budget B               exit 1 if the new monthly total is above $B\n"
	"  -h, --help               this help\n"
	"\n"
	"Exit codes: 0 ok, 1 a guardrail tripped (the report is still written),\n"
	"2 usage, 3 bad input data, 4 I/O.\n";

enum {
	OPT_PLAN = OPT_OWN,
	OPT_FAIL_USD,
	OPT_FAIL_PCT,
	OPT_BUDGET,
};

static const struct option OPTIONS[] = {
	{"plan", required_argument, NULL, OPT_PLAN},
	{"fail-above-usd", required_argument, NULL, OPT_FAIL_USD},
	{"fail-above-percent", required_argument, NULL, OPT_FAIL_PCT},
	{"budget", required_argument, NULL, OPT_BUDGET},
	{NULL, 0, NULL, 0},
};

static struct {
	const char *plan;
	struct guardrails g;
} opt;

static int option(struct cmd_args *a, int o, const char *arg)
{
	int rc = 0;
	(void)a;
	switch (o) {
	case OPT_PLAN:
		opt.plan = arg;
		return 1;
	case OPT_FAIL_USD:
		rc = cmd_parse_amount("--fail-above-usd", arg, &opt.g.usd);
		opt.g.usd_set = true;
		break;
	case OPT_FAIL_PCT:
		rc = cmd_parse_amount("--fail-above-percent", arg, &opt.g.pct);
		opt.g.pct_set = true;
		break;
	case OPT_BUDGET:
		rc = cmd_parse_amount("--budget", arg, &opt.g.budget);
		opt.g.budget_set = true;
		break;
	default:
		return 0;
	}
	return rc ? -rc : 1;
}

/* What the renderers get: the diff and the tripped guardrail's reason. */
struct diff_out {
	const struct diff *d;
	const char *reason;
};

CMD_RENDERER(w_table, struct diff_out, report_diff_table(f, x->d, st, x->reason))
CMD_RENDERER(w_json, struct diff_out, report_diff_json(f, x->d, x->reason))
CMD_RENDERER(w_markdown, struct diff_out, report_diff_markdown(f, x->d, x->reason))
CMD_RENDERER(w_csv, struct diff_out, report_diff_csv(f, x->d, x->reason))

static const struct cmd_format FORMATS[] = {
	{FMT_TABLE, w_table},
	{FMT_JSON, w_json},
	{FMT_MARKDOWN, w_markdown},
	{FMT_CSV, w_csv},
	{FMT_TABLE, NULL},
};

/* Is path an upgrade step file ({"title": ..., "patch": {...}})? Quietly
 * false when it cannot be read: input_load then says why. */
static bool is_step_file(const char *path)
{
	struct stat st;
	bool step = false;
	char *p = paths_scenario(path);
	/* read quietly (jansson prints nothing); anything odd is input_load's
	 * to report */
	if (strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size <= SCENARIO_MAX_BYTES) {
		json_error_t err;
		json_t *root = json_load_file(p, JSON_REJECT_DUPLICATES, &err);
		step = json_is_object(root) && json_is_object(json_object_get(root, "patch")) &&
		       json_object_get(root, "title");
		json_decref(root);
	}
	free(p);
	return step;
}

/* HEAD an upgrade step: BASE (a scenario) with the step applied, as
 * `costplan compare` does. */
static int step_head(const struct input *base, const char *step_path, struct input *head)
{
	struct upgrade_step st;
	int rc;
	memset(head, 0, sizeof(*head));
	if (base->kind != INPUT_SCENARIO)
		return cp_error(CP_EXIT_USAGE,
				"%s is an upgrade step: it changes a scenario, and %s is a Terraform "
				"%s (diff two scenarios, or a scenario and a step)",
				step_path, base->path, base->kind == INPUT_STATE ? "state" : "plan");
	char *path = paths_scenario(step_path);
	if ((rc = upgrade_step_load(path, &st))) {
		free(path);
		return rc;
	}
	head->kind = INPUT_SCENARIO;
	head->path = path;
	head->doc = json_deep_copy(base->doc);
	rc = upgrade_step_apply(&st, -1, &head->doc);
	upgrade_step_release(&st);
	if (rc)
		input_release(head);
	return rc;
}

/* --set/--patch go to HEAD, which must be a scenario; --scale-usage to
 * both sides (the change itself at that usage). */
static int whatif_sides(const struct cmd_args *a, struct input *in, int n, char ***notes,
			size_t *nnotes)
{
	struct whatif head = {a->so.ov, a->so.nov, 0}, both = {NULL, 0, a->so.scale_usage};
	char **nv = NULL;
	size_t nn = 0;
	int rc = 0;
	*notes = NULL;
	*nnotes = 0;
	if (a->so.nov && in[n - 1].kind != INPUT_SCENARIO)
		return cp_error(CP_EXIT_USAGE,
				"--set and --patch change a scenario; %s is a Terraform %s (change the "
				"configuration, or diff two scenarios)",
				in[n - 1].path, in[n - 1].kind == INPUT_STATE ? "state" : "plan");
	if ((rc = side_whatif(&in[n - 1], &head, notes, nnotes)))
		return rc;
	for (int i = 0; i < n && rc == 0 && a->so.scale_usage > 0; i++) {
		if (in[i].kind != INPUT_SCENARIO)
			continue;
		rc = side_whatif(&in[i], &both, &nv, &nn);
		for (size_t k = 0; k < nn; k++)
			free(nv[k]);
		free(nv);
	}
	if (rc == 0 && a->so.scale_usage > 0) {
		*notes = xrealloc(*notes, (*nnotes + 1) * sizeof(char *));
		(*notes)[(*nnotes)++] = overlay_scale_note(a->so.scale_usage);
	}
	return rc;
}

static int run(struct cmd_args *a)
{
	struct usage_file usage, *up = NULL;
	struct input in[2];
	struct side sd[2];
	int nin = 0, nside = 0, rc = 0;

	memset(in, 0, sizeof(in));
	memset(sd, 0, sizeof(sd));
	if (opt.plan && a->argc != 0)
		return cp_error(CP_EXIT_USAGE, "diff takes --plan FILE or BASE HEAD, not both; see "
					       "`costplan diff --help`");
	if (!opt.plan && a->argc != 2)
		return cp_error(CP_EXIT_USAGE, "diff needs --plan FILE or two files, BASE and HEAD; "
					       "see `costplan diff --help`");
	if (opt.plan && a->so.nov)
		return cp_error(CP_EXIT_USAGE, "--set and --patch change a scenario, not a plan: "
					       "change the configuration, or diff two scenarios");
	if (a->so.usage_path) {
		if ((rc = usage_load(a->so.usage_path, &usage)))
			return rc;
		usage.scale = a->so.scale_usage;
		up = &usage;
	}
	if (a->tfv.n && !(a->argc == 2 && (tf_is_config(a->argv[0]) || tf_is_config(a->argv[1]))))
		return cp_error(CP_EXIT_USAGE,
				"--var and --var-file go with Terraform directories (diff BASE_DIR HEAD_DIR)");
	/* a variable the pull request adds is declared on one side only */
	a->tfv.undeclared_warn = true;
	char **notes = NULL;
	size_t nnotes = 0;
	struct plan_opts po = {a->so.region, up, &a->tfv};
	struct cost_options co;
	scenario_opts_cost(&a->so, &co);
	char *title;
	json_t *actions = NULL;
	if (opt.plan) {
		if ((rc = input_load(opt.plan, &po, &in[0])))
			goto done;
		nin = 1;
		if (in[0].kind != INPUT_PLAN) {
			rc = cp_error(CP_EXIT_USAGE, "%s is a %s, not a plan; use `costplan diff BASE HEAD`",
				      in[0].path, in[0].kind == INPUT_STATE ? "state" : "scenario");
			goto done;
		}
		if ((rc = side_price(&in[0], SIDE_BEFORE, a->ctx->cat, &co, up, &sd[0])))
			goto done;
		nside = 1;
		if ((rc = side_price(&in[0], SIDE_AFTER, a->ctx->cat, &co, up, &sd[1])))
			goto done;
		nside = 2;
		char *p0 = paths_display(in[0].path);
		title = xasprintf("%s (before -> after)", p0);
		free(p0);
		actions = in[0].plan.actions;
		if (a->so.scale_usage > 0 && up) {
			notes = xcalloc(1, sizeof(char *));
			notes[nnotes++] = overlay_scale_note(a->so.scale_usage);
		}
	} else {
		if ((rc = input_load(a->argv[0], &po, &in[0])))
			goto done;
		nin = 1;
		bool step = is_step_file(a->argv[1]);
		if ((rc = step ? step_head(&in[0], a->argv[1], &in[1])
			       : input_load(a->argv[1], &po, &in[1])))
			goto done;
		nin = 2;
		if ((rc = whatif_sides(a, in, 2, &notes, &nnotes)))
			goto done;
		for (int i = 0; i < 2; i++) {
			if ((rc = side_price(&in[i], SIDE_AFTER, a->ctx->cat, &co, up, &sd[i])))
				goto done;
			nside = i + 1;
		}
		char *p0 = paths_display(in[0].path), *p1 = paths_display(in[1].path);
		title = step ? xasprintf("%s -> %s with %s", p0, p0, p1)
			     : xasprintf("%s -> %s", p0, p1);
		free(p0);
		free(p1);
	}

	usage_warn_unused(up);
	struct diff d;
	char reason[1024];
	diff_compute(&sd[0], &sd[1], actions, title, &d);
	free(title);
	int tripped = diff_guardrails(&d, &opt.g, reason, sizeof(reason));
	struct diff_out o = {&d, tripped ? reason : NULL};
	/* the what-ifs applied: the diff's outputs have no notes */
	cmd_echo_whatif(notes, nnotes);
	rc = cmd_write(a, &o);
	diff_release(&d);
	if (!rc && tripped)
		rc = cp_error(CP_EXIT_GUARDRAIL, "guardrail: %s", reason);
done:
	for (size_t i = 0; i < nnotes; i++)
		free(notes[i]);
	free(notes);
	for (int i = 0; i < nside; i++)
		side_release(&sd[i]);
	for (int i = 0; i < nin; i++)
		input_release(&in[i]);
	if (up)
		usage_release(up);
	return rc;
}

const struct cmd CMD_DIFF = {
	.name = "diff",
	.summary = "the monthly cost change of a Terraform plan or between two files",
	.usage = USAGE,
	.flags = CMD_SCENARIO | CMD_TERRAFORM,
	.formats = FORMATS,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
