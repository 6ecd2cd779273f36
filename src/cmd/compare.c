/*
 * cmd_compare.c - `costplan compare A [B ...]`: scenarios side by side.
 *
 * The first argument is the base scenario (default scenarios/baseline.json).
 * Each further argument is a column: a scenario file ({"costplan": 1, ...}),
 * an upgrade step file, or a merge patch applied to the base. --vary
 * 'PATH=VALUE[;PATH=VALUE...]' adds a column of --set changes on the base.
 * --set and --patch apply to every column, before its own change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd.h"
#include "report/compare.h"
#include "util/error.h"
#include "util/paths.h"

#define MAX_COLUMNS 26

static const char USAGE[] =
	"usage: costplan compare [BASE] [FILE ...] [options]\n"
	"\n"
	"Price scenarios side by side: one column each, one row per resource,\n"
	"deltas against the first column, totals. BASE is a scenario (default\n"
	"scenarios/baseline.json); each FILE is another scenario, an upgrade step\n"
	"(scenarios/upgrades/*.json) or a JSON merge patch applied to BASE.\n"
	"\n"
	"BASE and each FILE may also be a Terraform plan or state (terraform show\n"
	"-json) or a directory of .tf files (read without terraform; --var,\n"
	"--var-file), priced as one scenario in one region.\n"
	"\n"
	"  --vary 'PATH=VALUE[;PATH=VALUE]'\n"
	"                       a column with these --set changes on BASE (repeatable)\n"
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	CMD_WHATIF_USAGE
	CMD_USAGE_FILE_USAGE
	CMD_TFVARS_USAGE
	"                       (--set and --patch apply to every column)\n"
	"  --format FORMAT      table (default), json, csv or markdown\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  -h, --help           this help\n";

enum { OPT_VARY = OPT_OWN };

static const struct option OPTIONS[] = {
	{"vary", required_argument, NULL, OPT_VARY},
	{NULL, 0, NULL, 0},
};

static struct {
	const char *vary[MAX_COLUMNS];
	size_t nvary;
} opt;

static int option(struct cmd_args *a, int o, const char *arg)
{
	(void)a;
	if (o != OPT_VARY)
		return 0;
	if (opt.nvary >= MAX_COLUMNS)
		return -cp_error(CP_EXIT_USAGE, "at most %d columns", MAX_COLUMNS);
	opt.vary[opt.nvary++] = arg;
	return 1;
}

CMD_RENDERER(w_table, struct compare, report_compare_table(f, x, st))
CMD_RENDERER(w_json, struct compare, report_compare_json(f, x))
CMD_RENDERER(w_csv, struct compare, report_compare_csv(f, x))
CMD_RENDERER(w_markdown, struct compare, report_compare_markdown(f, x))

static const struct cmd_format FORMATS[] = {
	{FMT_TABLE, w_table},
	{FMT_JSON, w_json},
	{FMT_CSV, w_csv},
	{FMT_MARKDOWN, w_markdown},
	{FMT_TABLE, NULL},
};

struct column {
	char *label;
	char *source;
	const char *kind;
	struct priced p;
};

static char *base_label(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	const char *e = strrchr(b, '.');
	return xstrndup(b, e && e != b ? (size_t)(e - b) : strlen(b));
}

/* What a whole input became: "scenario", or the from_plan kind (a static
 * string: the column outlives the document). */
static const char *doc_kind(const json_t *doc)
{
	static const char *const KINDS[] = {"plan", "state", "terraform"};
	const char *k = json_string_value(json_object_get(json_object_get(doc, "from_plan"), "kind"));
	for (size_t i = 0; k && i < sizeof(KINDS) / sizeof(*KINDS); i++)
		if (!strcmp(k, KINDS[i]))
			return KINDS[i];
	return "scenario";
}

/* A whole input (a scenario, a plan, a state, a Terraform directory) as a
 * column, with the global overlays. */
static int whole_doc(const struct scenario_opts *so, const char *path, json_t **doc,
		     const char **kind)
{
	struct scenario_opts o = *so;
	char **notes, *p2;
	size_t nn;
	o.path = path;
	int rc = scenario_opts_doc(&o, doc, &p2, &notes, &nn);
	if (rc == 0) {
		*kind = doc_kind(*doc);
		for (size_t i = 0; i < nn; i++)
			free(notes[i]);
		free(notes);
		free(p2);
	}
	return rc;
}

/* Build the document of one FILE column. */
static int file_doc(const struct scenario_opts *so, const json_t *base, const char *file,
		    json_t **doc, const char **kind)
{
	json_t *root;
	struct json_pos *pos;
	char *path = paths_scenario(file);
	struct stat sb;
	/* a directory, or a file too big for a scenario, step or patch: only a
	 * whole input (a plan or state) can be it, and input_scenario_doc says */
	if (tf_is_config(path) ||
	    (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > SCENARIO_MAX_BYTES)) {
		int rc = whole_doc(so, path, doc, kind);
		free(path);
		return rc;
	}
	int rc = scenario_read_json(path, &root, &pos);
	if (rc) {
		free(path);
		return rc;
	}
	if (json_is_object(root) &&
	    (json_object_get(root, "costplan") || json_object_get(root, "format_version"))) {
		/* a whole scenario, plan or state */
		rc = whole_doc(so, path, doc, kind);
	} else if (json_is_object(root) && json_is_object(json_object_get(root, "patch")) &&
		   json_object_get(root, "title")) {
		struct upgrade_step st;
		*kind = "step";
		*doc = json_deep_copy(base);
		if ((rc = upgrade_step_load(path, &st)) == 0) {
			rc = upgrade_step_apply(&st, -1, doc);
			upgrade_step_release(&st);
		}
	} else {
		*kind = "patch";
		*doc = json_deep_copy(base);
		rc = overlay_apply_patch(doc, root, path, pos);
	}
	if (rc) {
		json_decref(*doc);
		*doc = NULL;
	}
	json_decref(root);
	json_pos_free(pos);
	free(path);
	return rc;
}

/* A --vary column: its ";"-separated --set overlays on the base, validated
 * once after all of them (so "cpu=1024; memory=2048" composes). */
static int vary_doc(const json_t *base, const char *spec, json_t **doc)
{
	char *copy = xstrdup(spec), sbuf[200];
	struct overlay ov[SCENARIO_MAX_OVERLAYS];
	size_t n = 0;
	int rc = 0;
	for (char *save = NULL, *t = strtok_r(copy, ";", &save); t && rc == 0;
	     t = strtok_r(NULL, ";", &save)) {
		while (*t == ' ')
			t++;
		if (!*t)
			continue;
		if (n >= SCENARIO_MAX_OVERLAYS)
			rc = cp_error(CP_EXIT_USAGE, "--vary: more than %d changes in one column",
				      SCENARIO_MAX_OVERLAYS);
		else
			ov[n++] = (struct overlay){OVERLAY_SET, t};
	}
	*doc = json_deep_copy(base);
	if (rc == 0) {
		char *label = xasprintf("--vary %s", cp_sanitize(spec, sbuf, sizeof(sbuf)));
		struct whatif w = {ov, n, 0};
		rc = overlay_apply_all(doc, label, NULL, &w, NULL, NULL);
		free(label);
	}
	free(copy);
	if (rc) {
		json_decref(*doc);
		*doc = NULL;
	}
	return rc;
}

static int run(struct cmd_args *a)
{
	struct scenario_opts so = a->so;
	const char *files[MAX_COLUMNS];
	const char *const *vary = opt.vary;
	size_t nvary = opt.nvary, nfiles = 0, ncol = 0, nnotes = 0;
	struct column cols[MAX_COLUMNS + 1];
	struct cost_options co;
	struct cp_ctx *ctx = a->ctx;
	json_t *base = NULL;
	char *basepath = NULL, **notes = NULL;
	int rc, i0 = 0;

	if (a->argc > 0)
		so.path = a->argv[i0++];
	while (i0 < a->argc) {
		if (nfiles >= MAX_COLUMNS)
			return cp_error(CP_EXIT_USAGE, "at most %d columns", MAX_COLUMNS);
		files[nfiles++] = a->argv[i0++];
	}
	if (nfiles + nvary + 1 > MAX_COLUMNS)
		return cp_error(CP_EXIT_USAGE, "at most %d columns", MAX_COLUMNS);
	if (nfiles + nvary == 0)
		return cp_error(CP_EXIT_USAGE,
				"compare needs something to compare with: another scenario, a patch "
				"or --vary; see `costplan compare --help`");

	if ((rc = scenario_opts_doc(&so, &base, &basepath, &notes, &nnotes)))
		return rc;
	scenario_opts_cost(&so, &co);
	memset(cols, 0, sizeof(cols));
	/* column A: the base */
	cols[0].label = base_label(basepath);
	cols[0].source = paths_display(basepath);
	cols[0].kind = doc_kind(base);
	rc = upgrade_price_doc(base, basepath, ctx->cat, &co, &cols[0].p);
	ncol = rc ? 0 : 1;
	for (size_t i = 0; rc == 0 && i < nfiles; i++) {
		json_t *doc = NULL;
		struct column *c = &cols[ncol];
		if ((rc = file_doc(&so, base, files[i], &doc, &c->kind)))
			break;
		c->label = base_label(files[i]);
		c->source = paths_display(files[i]);
		rc = upgrade_price_doc(doc, files[i], ctx->cat, &co, &c->p);
		json_decref(doc);
		if (rc) {
			free(c->label);
			free(c->source);
			break;
		}
		ncol++;
	}
	for (size_t i = 0; rc == 0 && i < nvary; i++) {
		json_t *doc = NULL;
		struct column *c = &cols[ncol];
		if ((rc = vary_doc(base, vary[i], &doc)))
			break;
		c->label = xasprintf("--vary %s", vary[i]);
		c->source = xstrdup(c->label);
		c->kind = "vary";
		rc = upgrade_price_doc(doc, c->label, ctx->cat, &co, &c->p);
		json_decref(doc);
		if (rc) {
			free(c->label);
			free(c->source);
			break;
		}
		ncol++;
	}
	if (rc == 0) {
		struct compare_column cc[MAX_COLUMNS + 1];
		for (size_t k = 0; k < ncol; k++) {
			cc[k].label = cols[k].label;
			cc[k].source = cols[k].source;
			cc[k].kind = cols[k].kind;
			cc[k].b = &cols[k].p.b;
		}
		struct compare cmp = {cc, ncol, notes, nnotes};
		rc = cmd_write(a, &cmp);
		if (a->fmt == FMT_CSV)
			cmd_echo_whatif(notes, nnotes);
	}
	for (size_t k = 0; k < ncol; k++) {
		free(cols[k].label);
		free(cols[k].source);
		priced_release(&cols[k].p);
	}
	if (ncol == 0) {
		free(cols[0].label);
		free(cols[0].source);
	}
	for (size_t i = 0; i < nnotes; i++)
		free(notes[i]);
	free(notes);
	free(basepath);
	json_decref(base);
	return rc;
}

const struct cmd CMD_COMPARE = {
	.name = "compare",
	.summary = "scenarios side by side: one column each, deltas, totals",
	.usage = USAGE,
	.flags = CMD_SCENARIO | CMD_TERRAFORM,
	.formats = FORMATS,
	.options = OPTIONS,
	.option = option,
	.run = run,
};
