/*
 * input.c - see input.h.
 */
#include "model/input.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/scenario.h"
#include "model/terraform/tf_load.h"
#include "model/usage.h"
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

/* The display name of a plan or directory path: its last component,
 * without the file's extension. */
static char *base_name(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	size_t b = n;
	while (b > 0 && path[b - 1] != '/')
		b--;
	/* plan.json -> plan, main.tf -> main: the stack's name, not the file's */
	static const char *const ext[] = {".tf.json", ".json", ".tf"};
	for (size_t i = 0; i < sizeof(ext) / sizeof(*ext); i++) {
		size_t e = strlen(ext[i]);
		if (n - b > e && !strncmp(path + n - e, ext[i], e)) {
			n -= e;
			break;
		}
	}
	return xstrndup(path + b, n - b);
}

int input_scenario_doc(const char *path, const struct plan_opts *o, json_t **doc,
		       struct json_pos **pos)
{
	struct input in;
	json_t *root;
	int rc;
	*doc = NULL;
	*pos = NULL;
	if (tf_is_config(path)) {
		if ((rc = input_load(path, o, &in)))
			return rc;
	} else {
		/* the scenario reader first, as before plans were accepted here:
		 * stdin, a byte-order mark, the size cap, line numbers, messages;
		 * a file above the scenario cap can only be a plan or a state
		 * (up to PLAN_MAX_BYTES; a plan on stdin keeps the scenario cap) */
		struct stat st;
		bool big = strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
			   st.st_size > SCENARIO_MAX_BYTES;
		if (big) {
			cp_error_capture_begin();
			rc = plan_read_json(path, &root);
			free(cp_error_capture_end());
			if (rc || !json_is_object(root) || !json_object_get(root, "format_version")) {
				/* not a plan: the scenario reader says why not */
				json_decref(root);
				return scenario_read_json(path, &root, pos);
			}
		} else if ((rc = scenario_read_json(path, &root, pos))) {
			return rc;
		}
		if (!json_is_object(root) || !json_object_get(root, "format_version")) {
			/* a usage file's figures win over the scenario's own, as for
			 * breakdown; the plan reader applies them to a plan itself */
			*doc = o && o->usage ? usage_apply_doc(root, o->usage) : json_incref(root);
			json_decref(root);
			return 0;
		}
		json_pos_free(*pos);
		*pos = NULL;
		memset(&in, 0, sizeof(in));
		rc = input_detect(root, path, &in.kind);
		if (rc == 0)
			rc = plan_from_json(root, path, o, &in.plan);
		json_decref(root);
		if (rc)
			return rc;
		in.path = xstrdup(path);
	}
	const struct plan_side *ps = &in.plan.after;
	size_t nregions = json_object_size(ps->docs);
	if (nregions > 1) {
		char list[256] = "";
		const char *region;
		json_t *d;
		size_t o_ = 0;
		json_object_foreach(ps->docs, region, d)
			if (o_ < sizeof(list))
				o_ += (size_t)snprintf(list + o_, sizeof(list) - o_, "%s%s",
						       o_ ? ", " : "", region);
		rc = cp_error(CP_EXIT_DATA,
			      "%s: its resources are in %zu regions (%s); this command prices one "
			      "scenario in one region: price them all in one with --region R, or "
			      "each in its own with `costplan breakdown`",
			      in.path, nregions, list);
		input_release(&in);
		return rc;
	}
	json_t *d;
	if (nregions == 1) {
		const char *region;
		json_t *only = NULL;
		json_object_foreach(ps->docs, region, d)
			only = d;
		*doc = json_deep_copy(only);
	} else { /* nothing AWS to price: an empty stack */
		*doc = json_pack("{s:i,s:s,s:{}}", "costplan", 1, "region",
				 o && o->region ? o->region : "us-east-1", "resource");
	}
	char *name = base_name(in.path);
	json_object_set_new(*doc, "name", json_string(name));
	free(name);
	json_t *np = json_array(), *warn = json_array(), *addrs = json_object();
	const char *sa;
	json_t *ta;
	json_object_foreach(ps->addr, sa, ta) /* only the names that differ */
		if (json_is_string(ta) && strcmp(sa, json_string_value(ta)))
			json_object_set(addrs, sa, ta);
	for (size_t i = 0; i < ps->nunpriced; i++)
		json_array_append_new(np, json_pack("{s:s,s:s,s:s}", "address",
						    ps->unpriced[i].address, "type",
						    ps->unpriced[i].type, "reason", ps->unpriced[i].why));
	for (size_t i = 0; i < ps->nwarn; i++)
		json_array_append_new(warn, json_string(ps->warnings[i]));
	json_object_set_new(*doc, "from_plan",
			    json_pack("{s:s,s:o,s:o,s:o}", "kind",
				      in.kind == INPUT_STATE ? "state"
				      : tf_is_config(in.path) ? "terraform"
							      : "plan",
				      "not_priced", np,
				      "warnings", warn, "addresses", addrs));
	input_release(&in);
	return 0;
}
