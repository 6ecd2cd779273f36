/*
 * input.c - see input.h.
 */
#include "model/input.h"

#include <stdlib.h>
#include <string.h>

#include "model/scenario.h"
#include "model/terraform/tf_load.h"
#include "util/error.h"
#include "util/paths.h"

int input_detect(json_t *root, const char *path, enum input_kind *kind)
{
	if (!json_is_object(root))
		return cp_error(CP_EXIT_DATA,
				"%s: not a scenario, a Terraform plan or a state: the document must be "
				"a JSON object",
				path);
	if (json_object_get(root, "format_version")) {
		if (json_object_get(root, "resource_changes") || json_object_get(root, "planned_values") ||
		    json_object_get(root, "configuration"))
			*kind = INPUT_PLAN;
		else
			*kind = INPUT_STATE;
		return 0;
	}
	if (json_object_get(root, "resource") || json_object_get(root, "costplan")) {
		*kind = INPUT_SCENARIO;
		return 0;
	}
	if (json_object_get(root, "resources") && json_object_get(root, "version"))
		return cp_error(CP_EXIT_DATA,
				"%s: this is a raw terraform.tfstate; convert it with `terraform show "
				"-json > state.json`",
				path);
	return cp_error(CP_EXIT_DATA,
			"%s: not a scenario, a Terraform plan or a state; make plans with `terraform "
			"show -json plan.tfplan > plan.json`",
			path);
}

int input_load(const char *path, const struct plan_opts *o, struct input *in)
{
	json_t *root;
	int rc;
	memset(in, 0, sizeof(*in));
	in->path = paths_scenario(path);
	if (tf_is_config(in->path)) { /* Terraform configuration: read without terraform */
		in->kind = INPUT_PLAN;
		if ((rc = tf_plan_load(in->path, o ? o->tf_vars : NULL, o, &in->plan)))
			goto fail;
		return 0;
	}
	if ((rc = plan_read_json(in->path, &root)))
		goto fail;
	rc = input_detect(root, in->path, &in->kind);
	if (rc) {
		json_decref(root);
		goto fail;
	}
	if (in->kind == INPUT_SCENARIO) {
		/* again through the scenario reader: size cap and line numbers */
		json_decref(root);
		if ((rc = scenario_read_json(in->path, &in->doc, &in->pos)))
			goto fail;
		return 0;
	}
	rc = plan_from_json(root, in->path, o, &in->plan);
	json_decref(root);
	if (rc)
		goto fail;
	return 0;
fail:
	free(in->path);
	memset(in, 0, sizeof(*in));
	return rc;
}

void input_release(struct input *in)
{
	if (in->kind != INPUT_SCENARIO)
		plan_release(&in->plan);
	json_decref(in->doc);
	json_pos_free(in->pos);
	free(in->path);
	memset(in, 0, sizeof(*in));
}
