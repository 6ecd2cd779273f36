/*
 * cmd_common.c - see cmd_common.h.
 */
#include "cmd/common.h"

#include <stdlib.h>
#include <string.h>

#include "pricing/regions.h"
#include "util/error.h"
#include "util/paths.h"

int scenario_opts_parse(struct scenario_opts *o, int opt, const char *arg)
{
	char buf[64];
	switch (opt) {
	case OPT_REGION:
		if (!aws_region_code_shaped(arg))
			return -cp_error(CP_EXIT_USAGE,
					 "--region '%s' is not a region code (like us-east-1)",
					 cp_sanitize(arg, buf, sizeof(buf)));
		o->region = arg;
		return 1;
	case OPT_NO_FREE_TIER:
		o->no_free_tier = true;
		return 1;
	case OPT_SET:
	case OPT_PATCH:
		if (o->nov >= SCENARIO_MAX_OVERLAYS)
			return -cp_error(CP_EXIT_USAGE, "more than %d --set/--patch options",
					 SCENARIO_MAX_OVERLAYS);
		o->ov[o->nov].kind = opt == OPT_SET ? OVERLAY_SET : OVERLAY_PATCH;
		o->ov[o->nov].arg = arg;
		o->nov++;
		return 1;
	}
	return 0;
}

int scenario_opts_load(const struct scenario_opts *o, struct scenario *out)
{
	char *path = paths_scenario(o->path ? o->path : DEFAULT_SCENARIO);
	int rc = scenario_load_overlaid(path, o->ov, o->nov, out);
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
	*path = paths_scenario(o->path ? o->path : DEFAULT_SCENARIO);
	int rc = doc_load_overlaid(*path, o->ov, o->nov, doc, notes, nnotes);
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

int cmd_bad_option(const char *cmd, char **argv)
{
	(void)argv;
	return cp_error(CP_EXIT_USAGE, "see `costplan %s --help`", cmd);
}
