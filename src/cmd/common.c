/*
 * common.c - the command skeleton (cmd.h): option parsing, output, echoes,
 * and the scenario and upgrade-path loading the commands share.
 */
#include "cmd/cmd.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model/plan.h"
#include "pricing/regions.h"
#include "util/error.h"
#include "util/output.h"
#include "util/paths.h"

#define MAX_OPTIONS 64

static const struct option SCENARIO_OPTS[] = {
	{"region", required_argument, NULL, OPT_REGION},
	{"no-free-tier", no_argument, NULL, OPT_NO_FREE_TIER},
	{"set", required_argument, NULL, OPT_SET},
	{"patch", required_argument, NULL, OPT_PATCH},
	{"scale-usage", required_argument, NULL, OPT_SCALE_USAGE},
	{NULL, 0, NULL, 0},
};

static const struct option SIM_OPTS[] = {
	{"runs", required_argument, NULL, OPT_RUNS},
	{"months", required_argument, NULL, OPT_MONTHS},
	{"seed", required_argument, NULL, OPT_SEED},
	{"threads", required_argument, NULL, OPT_THREADS},
	{"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
	{NULL, 0, NULL, 0},
};

static const struct option STEP_OPTS[] = {
	{"steps", required_argument, NULL, OPT_STEPS},
	{"assume", required_argument, NULL, OPT_ASSUME},
	{NULL, 0, NULL, 0},
};

static const struct option TF_OPTS[] = {
	{"var", required_argument, NULL, OPT_VAR},
	{"var-file", required_argument, NULL, OPT_VAR_FILE},
	{"usage", required_argument, NULL, OPT_USAGE_FILE},
	{NULL, 0, NULL, 0},
};

static const struct option OUTPUT_OPTS[] = {
	{"format", required_argument, NULL, OPT_FORMAT},
	{"output", required_argument, NULL, 'o'},
	{NULL, 0, NULL, 0},
};

static void add_options(struct option *all, size_t *n, const struct option *some)
{
	for (const struct option *o = some; o && o->name && *n < MAX_OPTIONS; o++)
		all[(*n)++] = *o;
}

int cmd_parse_long(const char *opt, const char *arg, long lo, long hi, long *out)
{
	char *end, buf[64];
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < lo || v > hi)
		return cp_error(CP_EXIT_USAGE, "%s '%s': give a whole number from %ld to %ld", opt,
				cp_sanitize(arg, buf, sizeof(buf)), lo, hi);
	*out = v;
	return 0;
}

int cmd_parse_amount(const char *opt, const char *arg, dec *out)
{
	char buf[64];
	if (dec_parse(arg, out) != 0 || dec_cmp(*out, dec_zero()) < 0)
		return cp_error(CP_EXIT_USAGE, "%s '%s' is not an amount (like 50 or 12.5)", opt,
				cp_sanitize(arg, buf, sizeof(buf)));
	return 0;
}

static int scenario_option(struct scenario_opts *o, int opt, const char *arg)
{
	char buf[64];
	switch (opt) {
	case OPT_REGION:
		if (!aws_region_code_shaped(arg))
			return cp_error(CP_EXIT_USAGE,
					"--region '%s' is not a region code (like us-east-1)",
					cp_sanitize(arg, buf, sizeof(buf)));
		o->region = arg;
		return 0;
	case OPT_NO_FREE_TIER:
		o->no_free_tier = true;
		return 0;
	case OPT_SCALE_USAGE: {
		char *end;
		errno = 0;
		double f = strtod(arg, &end);
		if (errno || end == arg || *end || !(f > 0) || f > 1e6)
			return cp_error(CP_EXIT_USAGE,
					"--scale-usage '%s': give a factor above 0 and at most "
					"1000000, e.g. 2 or 0.5",
					cp_sanitize(arg, buf, sizeof(buf)));
		o->scale_usage = f;
		return 0;
	}
	default: /* OPT_SET, OPT_PATCH */
		if (o->nov >= SCENARIO_MAX_OVERLAYS)
			return cp_error(CP_EXIT_USAGE, "more than %d --set/--patch options",
					SCENARIO_MAX_OVERLAYS);
		o->ov[o->nov].kind = opt == OPT_SET ? OVERLAY_SET : OVERLAY_PATCH;
		o->ov[o->nov].arg = arg;
		o->nov++;
		return 0;
	}
}

static int sim_option(struct sim_options *so, int opt, const char *arg)
{
	long v;
	int rc = 0;
	switch (opt) {
	case OPT_RUNS:
		if ((rc = cmd_parse_long("--runs", arg, 1, MC_MAX_RUNS, &v)) == 0)
			so->mc.runs = v;
		return rc;
	case OPT_MONTHS:
		if ((rc = cmd_parse_long("--months", arg, 1, MC_MAX_MONTHS, &v)) == 0)
			so->mc.months = (int)v;
		return rc;
	case OPT_SEED: {
		char *end, buf[64];
		errno = 0;
		unsigned long long s = strtoull(arg, &end, 10);
		if (errno || end == arg || *end || arg[0] == '-')
			return cp_error(CP_EXIT_USAGE,
					"--seed '%s': give a whole number from 0 to 18446744073709551615",
					cp_sanitize(arg, buf, sizeof(buf)));
		so->mc.seed = s;
		return 0;
	}
	case OPT_THREADS:
		if ((rc = cmd_parse_long("--threads", arg, 1, MC_MAX_THREADS, &v)) == 0)
			so->mc.threads = (int)v;
		return rc;
	default: /* OPT_NO_PROGRESS */
		so->no_progress = true;
		return 0;
	}
}

static unsigned format_mask(const struct cmd *c)
{
	unsigned m = 0;
	for (const struct cmd_format *f = c->formats; f && f->write; f++)
		m |= 1u << f->fmt;
	return m;
}

/* `pricing list ...`: run the subcommand argv[1] names. */
static int dispatch(const struct cmd *c, int argc, char **argv, struct cp_ctx *ctx)
{
	char buf[64];
	size_t n = strlen(c->name);
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(c->usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? CP_EXIT_USAGE : 0;
	}
	for (const struct cmd *const *s = c->subcommands; *s; s++)
		if (strcmp((*s)->name + n + 1, argv[1]) == 0)
			return cmd_main(*s, argc - 1, argv + 1, ctx);
	return cp_error(CP_EXIT_USAGE, "'%s %s' is not a command; see `costplan %s --help`",
			c->name, cp_sanitize(argv[1], buf, sizeof(buf)), c->name);
}

int cmd_main(const struct cmd *c, int argc, char **argv, struct cp_ctx *ctx)
{
	struct option opts[MAX_OPTIONS + 2];
	size_t n = 0;
	struct cmd_args a;
	int opt, rc;

	if (c->subcommands)
		return dispatch(c, argc, argv, ctx);
	memset(&a, 0, sizeof(a));
	a.ctx = ctx;
	a.cmd = c;
	a.fmt = c->formats ? c->formats[0].fmt : FMT_TABLE;
	a.sim.mc.runs = 100;
	a.sim.mc.months = c->sim_months ? c->sim_months : 12;
	a.sim.mc.seed = 1;
	a.sim.mc.threads = mc_default_threads();
	if (c->formats)
		add_options(opts, &n, OUTPUT_OPTS);
	if (c->flags & CMD_SCENARIO)
		add_options(opts, &n, SCENARIO_OPTS);
	if (c->flags & CMD_SIMULATION)
		add_options(opts, &n, SIM_OPTS);
	if (c->flags & CMD_STEPS)
		add_options(opts, &n, STEP_OPTS);
	if (c->flags & CMD_TERRAFORM)
		add_options(opts, &n, TF_OPTS);
	add_options(opts, &n, c->options);
	opts[n++] = (struct option){"help", no_argument, NULL, 'h'};
	opts[n] = (struct option){NULL, 0, NULL, 0};

	optind = 1;
	opterr = 1;
	while ((opt = getopt_long(argc, argv, c->formats ? "ho:" : "h", opts, NULL)) != -1) {
		rc = 0;
		switch (opt) {
		case 'h':
			fputs(c->usage, stdout);
			return 0;
		case 'o':
			a.output = optarg;
			break;
		case OPT_FORMAT:
			rc = report_format_parse(optarg, format_mask(c), &a.fmt);
			a.fmt_given = true;
			break;
		case OPT_REGION:
		case OPT_NO_FREE_TIER:
		case OPT_SET:
		case OPT_PATCH:
		case OPT_SCALE_USAGE:
			rc = scenario_option(&a.so, opt, optarg);
			break;
		case OPT_RUNS:
		case OPT_MONTHS:
		case OPT_SEED:
		case OPT_THREADS:
		case OPT_NO_PROGRESS:
			rc = sim_option(&a.sim, opt, optarg);
			a.sim_given = true;
			break;
		case OPT_STEPS:
			a.steps = optarg;
			break;
		case OPT_ASSUME:
			if (a.nassume >= CMD_MAX_ASSUME)
				return cp_error(CP_EXIT_USAGE, "more than %d --assume options",
						CMD_MAX_ASSUME);
			a.assume[a.nassume++] = optarg;
			break;
		case OPT_VAR:
		case OPT_VAR_FILE:
			rc = tf_var_opts_add(&a.tfv, opt == OPT_VAR ? TF_VAR_ASSIGN : TF_VAR_FILE,
					     optarg);
			break;
		case OPT_USAGE_FILE:
			a.so.usage_path = optarg;
			break;
		default: {
			int r = c->option && opt != '?' ? c->option(&a, opt, optarg) : 0;
			if (r < 0)
				return -r;
			if (r == 0)
				return cp_error(CP_EXIT_USAGE, "see `costplan %s --help`", c->name);
		}
		}
		if (rc)
			return rc;
	}
	a.argc = argc - optind;
	a.argv = argv + optind;
	if (c->flags & CMD_TERRAFORM)
		a.so.tf_vars = &a.tfv;
	return c->run(&a);
}

int cmd_too_many(const struct cmd_args *a, const char *what)
{
	return cp_error(CP_EXIT_USAGE, "%s takes %s; see `costplan %s --help`", a->cmd->name, what,
			a->cmd->name);
}

int cmd_write(const struct cmd_args *a, const void *data)
{
	struct out_file out;
	const struct cmd_format *f = a->cmd->formats;
	int rc;
	while (f->write && f->fmt != a->fmt)
		f++;
	if (!f->write)
		return cp_error(CP_EXIT_INTERNAL, "%s: no renderer for --format %s", a->cmd->name,
				report_format_name(a->fmt));
	if ((rc = out_open(&out, a->output)))
		return rc;
	struct report_style st = {a->ctx->color && !a->output, 80};
	rc = f->write(out.f, data, &st);
	int rc2 = out_close(&out, rc == 0);
	return rc ? rc : rc2;
}

void cmd_echo_whatif(char *const *notes, size_t n)
{
	/* the what-if overrides applied (the scenario's own notes are
	 * documentation, not worth a message on every run) */
	for (size_t i = 0; i < n && !cp_quiet; i++)
		if (strncmp(notes[i], "what-if:", 8) == 0)
			fprintf(stderr, "costplan: %s\n", notes[i]);
}

void cmd_echo_warnings(char *const *warnings, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cp_warn("%s", warnings[i]);
}

/* How to read the input when it is a plan or a directory (model/input.h),
 * with the --usage file loaded into u. 0 or an exit code. */
static int plan_opts_open(const struct scenario_opts *o, struct usage_file *u,
			  struct plan_opts *po)
{
	*po = (struct plan_opts){o->region, NULL, o->tf_vars};
	if (!o->usage_path)
		return 0;
	int rc = usage_load(o->usage_path, u);
	if (rc == 0)
		po->usage = u;
	return rc;
}

/* After loading (rc its result): the usage file's unused entries, said. */
static void plan_opts_close(struct plan_opts *po, int rc)
{
	if (!po->usage)
		return;
	if (rc == 0)
		usage_warn_unused(po->usage);
	usage_release(po->usage);
}

int scenario_opts_load(const struct scenario_opts *o, struct scenario *out)
{
	memset(out, 0, sizeof(*out));
	if (!o->path && paths_require_default(DEFAULT_SCENARIO, "scenario"))
		return CP_EXIT_IO;
	char *path = paths_scenario(o->path ? o->path : DEFAULT_SCENARIO);
	struct whatif w = scenario_whatif(o);
	struct usage_file u;
	struct plan_opts po;
	int rc = plan_opts_open(o, &u, &po);
	if (rc == 0)
		rc = scenario_load_overlaid(path, &po, &w, out);
	plan_opts_close(&po, rc);
	free(path);
	if (rc == 0 && o->region) {
		free(out->region);
		out->region = xstrdup(o->region);
	}
	return rc;
}

int scenario_opts_doc(const struct scenario_opts *o, json_t **doc, char **path, char ***notes,
		      size_t *nnotes)
{
	*doc = NULL;
	*path = NULL;
	*notes = NULL;
	*nnotes = 0;
	if (!o->path && paths_require_default(DEFAULT_SCENARIO, "scenario"))
		return CP_EXIT_IO;
	*path = paths_scenario(o->path ? o->path : DEFAULT_SCENARIO);
	struct whatif w = scenario_whatif(o);
	struct usage_file u;
	struct plan_opts po;
	int rc = plan_opts_open(o, &u, &po);
	if (rc == 0)
		rc = doc_load_overlaid(*path, &po, &w, doc, notes, nnotes);
	plan_opts_close(&po, rc);
	if (rc) {
		free(*path);
		*path = NULL;
	}
	return rc;
}

void scenario_opts_cost(const struct scenario_opts *o, struct cost_options *co)
{
	memset(co, 0, sizeof(*co));
	co->region = o->region;
	co->no_free_tier = o->no_free_tier;
}

int cmd_upgrade_path_optional(const struct cmd_args *a, struct upgrade_set *set,
			      struct upgrade_path *path, char **why)
{
	cp_error_capture_begin();
	int rc = cmd_upgrade_path(a, set, path);
	char *msg = cp_error_capture_end();
	*why = NULL;
	if (rc == CP_EXIT_DATA)
		*why = msg ? msg : xstrdup("the steps could not be priced on it");
	else if (rc)
		cp_error(rc, "%s", msg ? msg : "the upgrade path could not be priced");
	if (rc != CP_EXIT_DATA)
		free(msg);
	return rc;
}

int cmd_upgrade_path(const struct cmd_args *a, struct upgrade_set *set, struct upgrade_path *path)
{
	json_t *doc = NULL;
	char *file = NULL, **notes = NULL;
	size_t nnotes = 0;
	struct cost_options co;
	memset(set, 0, sizeof(*set));
	if (!a->steps && paths_require_default(DEFAULT_STEPS, "upgrade steps folder"))
		return CP_EXIT_IO;
	char *dir = paths_scenario(a->steps ? a->steps : DEFAULT_STEPS);
	int rc = upgrades_load(dir, set);
	free(dir);
	if (rc)
		return rc;
	for (size_t i = 0; i < a->nassume && rc == 0; i++)
		rc = upgrades_assume(set, a->assume[i]);
	if (rc == 0)
		rc = scenario_opts_doc(&a->so, &doc, &file, &notes, &nnotes);
	if (rc == 0) {
		scenario_opts_cost(&a->so, &co);
		rc = upgrade_path_price(doc, file, set, a->ctx->cat, &co, path);
	}
	json_decref(doc);
	free(file);
	if (rc) {
		for (size_t i = 0; i < nnotes; i++)
			free(notes[i]);
		free(notes);
		upgrades_release(set);
		return rc;
	}
	/* the overrides go where every renderer shows notes */
	struct breakdown *b = &path->baseline.b;
	for (size_t i = 0; i < nnotes; i++) {
		b->notes = xrealloc(b->notes, (b->nnotes + 1) * sizeof(char *));
		b->notes[b->nnotes++] = notes[i];
	}
	free(notes);
	for (size_t i = 0; i < a->nassume; i++) {
		b->notes = xrealloc(b->notes, (b->nnotes + 1) * sizeof(char *));
		b->notes[b->nnotes++] = xasprintf("what-if: --assume %s applied", a->assume[i]);
	}
	return 0;
}
