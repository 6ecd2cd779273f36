/*
 * cmd_compare.c - `costplan compare A [B ...]`: scenarios side by side.
 *
 * The first argument is the base scenario (default scenarios/baseline.json).
 * Each further argument is a column: a scenario file ({"costplan": 1, ...}),
 * an upgrade step file, or a merge patch applied to the base. --vary
 * 'PATH=VALUE[;PATH=VALUE...]' adds a column of --set changes on the base.
 * --set and --patch apply to every column, before its own change.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/common.h"
#include "cost/upgrade_path.h"
#include "model/overlay.h"
#include "model/upgrades.h"
#include "report/compare.h"
#include "util/error.h"
#include "util/output.h"
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
	"  --vary 'PATH=VALUE[;PATH=VALUE]'\n"
	"                       a column with these --set changes on BASE (repeatable)\n"
	"  --region REGION      price in another region (e.g. eu-west-1)\n"
	"  --no-free-tier       leave out the always-free allowances\n"
	SCENARIO_WHATIF_USAGE
	"                       (--set and --patch apply to every column)\n"
	"  --format FORMAT      table (default), json, csv or markdown\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"  -h, --help           this help\n";

enum { OPT_VARY = OPT_FIRST_COMMAND_SPECIFIC };

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

/* Build the document of one FILE column. */
static int file_doc(const struct scenario_opts *so, const json_t *base, const char *file,
		    json_t **doc, const char **kind)
{
	json_t *root;
	struct json_pos *pos;
	char *path = paths_scenario(file);
	int rc = scenario_read_json(path, &root, &pos);
	if (rc) {
		free(path);
		return rc;
	}
	if (json_is_object(root) && json_object_get(root, "costplan")) {
		/* a whole scenario: with the global overlays */
		struct scenario_opts o = *so;
		char **notes, *p2;
		size_t nn;
		o.path = path;
		*kind = "scenario";
		rc = scenario_opts_doc(&o, doc, &p2, &notes, &nn);
		if (rc == 0) {
			for (size_t i = 0; i < nn; i++)
				free(notes[i]);
			free(notes);
			free(p2);
		}
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

static int vary_doc(const json_t *base, const char *spec, json_t **doc)
{
	char *copy = xstrdup(spec);
	int rc = 0;
	*doc = json_deep_copy(base);
	for (char *save = NULL, *t = strtok_r(copy, ";", &save); t && rc == 0;
	     t = strtok_r(NULL, ";", &save)) {
		while (*t == ' ')
			t++;
		if (!*t)
			continue;
		struct overlay ov = {OVERLAY_SET, t};
		rc = overlay_apply(doc, &ov, NULL);
	}
	free(copy);
	if (rc) {
		json_decref(*doc);
		*doc = NULL;
	}
	return rc;
}

int cmd_compare(int argc, char **argv, struct cp_ctx *ctx)
{
	static const struct option opts[] = {
		SCENARIO_LONGOPTS,
		{"vary", required_argument, NULL, OPT_VARY},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct scenario_opts so = {0};
	enum report_format fmt = FMT_TABLE;
	const char *output = NULL, *vary[MAX_COLUMNS], *files[MAX_COLUMNS];
	size_t nvary = 0, nfiles = 0, ncol = 0, nnotes = 0;
	struct column cols[MAX_COLUMNS + 1];
	struct cost_options co;
	json_t *base = NULL;
	char *basepath = NULL, **notes = NULL;
	int opt, rc;

	optind = 1;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
		int r = scenario_opts_parse(&so, opt, optarg);
		if (r < 0)
			return -r;
		if (r > 0)
			continue;
		switch (opt) {
		case OPT_VARY:
			if (nvary >= MAX_COLUMNS)
				return cp_error(CP_EXIT_USAGE, "at most %d columns", MAX_COLUMNS);
			vary[nvary++] = optarg;
			break;
		case OPT_FORMAT:
			if ((rc = report_format_parse(optarg,
						      FMT_MASK_TEXT,
						      &fmt)))
				return rc;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			fputs(USAGE, stdout);
			return 0;
		default:
			return cmd_bad_option("compare", argv);
		}
	}
	if (optind < argc)
		so.path = argv[optind++];
	while (optind < argc) {
		if (nfiles >= MAX_COLUMNS)
			return cp_error(CP_EXIT_USAGE, "at most %d columns", MAX_COLUMNS);
		files[nfiles++] = argv[optind++];
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
	cols[0].source = xstrdup(basepath);
	cols[0].kind = "scenario";
	rc = upgrade_price_doc(base, basepath, ctx->cat, &co, &cols[0].p);
	ncol = rc ? 0 : 1;
	for (size_t i = 0; rc == 0 && i < nfiles; i++) {
		json_t *doc = NULL;
		struct column *c = &cols[ncol];
		if ((rc = file_doc(&so, base, files[i], &doc, &c->kind)))
			break;
		c->label = base_label(files[i]);
		c->source = xstrdup(files[i]);
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
		struct out_file out;
		for (size_t k = 0; k < ncol; k++) {
			cc[k].label = cols[k].label;
			cc[k].source = cols[k].source;
			cc[k].kind = cols[k].kind;
			cc[k].b = &cols[k].p.b;
		}
		struct compare cmp = {cc, ncol, notes, nnotes};
		if ((rc = out_open(&out, output)) == 0) {
			struct report_style st = {ctx->color && !output, 80};
			switch (fmt) {
			case FMT_JSON:
				report_compare_json(out.f, &cmp);
				break;
			case FMT_CSV:
				report_compare_csv(out.f, &cmp);
				for (size_t i = 0; i < nnotes && !cp_quiet; i++)
					if (strncmp(notes[i], "what-if:", 8) == 0)
						fprintf(stderr, "costplan: %s\n", notes[i]);
				break;
			case FMT_MARKDOWN:
				report_compare_markdown(out.f, &cmp);
				break;
			default:
				report_compare_table(out.f, &cmp, &st);
			}
			rc = out_close(&out, 1);
		}
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
