/*
 * plan_region.c - the region a plan resource is priced in: --region, the
 * resource's own region attribute, its provider configuration (aliases,
 * var.* resolved from the plan's variables), the region in its ARN (a
 * state), else the default the caller gives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/plan_internal.h"
#include "pricing/regions.h"
#include "util/error.h"

const char *provider_region(struct side_build *b, const char *key)
{
	json_t *pc = json_object_get(json_object_get(json_object_get(b->root, "configuration"),
						     "provider_config"),
				     key);
	json_t *ex = json_object_get(json_object_get(pc, "expressions"), "region");
	const char *c = json_string_value(json_object_get(ex, "constant_value"));
	if (c)
		return c;
	json_t *refs = json_object_get(ex, "references");
	size_t i;
	json_t *r;
	json_array_foreach(refs, i, r) {
		const char *s = json_string_value(r);
		if (s && !strncmp(s, "var.", 4)) {
			json_t *v = json_object_get(json_object_get(json_object_get(b->root, "variables"),
								    s + 4),
						    "value");
			if (json_is_string(v))
				return json_string_value(v);
		}
	}
	return NULL;
}

static const char *arn_region(json_t *values)
{
	static char buf[64];
	const char *arn = json_string_value(json_object_get(values, "arn"));
	if (!arn || strncmp(arn, "arn:", 4))
		return NULL;
	const char *p = arn;
	for (int i = 0; i < 3 && p; i++) {
		p = strchr(p, ':');
		if (p)
			p++;
	}
	if (!p)
		return NULL;
	size_t len = strcspn(p, ":");
	if (len == 0 || len >= sizeof(buf))
		return NULL;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

char *inst_region(struct side_build *b, struct plan_inst *x, const char *fallback)
{
	if (b->o && b->o->region)
		return xstrdup(b->o->region);
	const char *r = json_string_value(json_object_get(x->values, "region"));
	if (r && r[0])
		return xstrdup(r);
	char names[MAX_MODULE_DEPTH][128];
	int n = module_names(x->module_address, names, MAX_MODULE_DEPTH);
	json_t *rc = n >= 0 ? config_resource(config_module(b->root, names, n), x->type, x->name)
			    : NULL;
	const char *key = json_string_value(json_object_get(rc, "provider_config_key"));
	if (key) {
		r = provider_region(b, key);
		if (!r && strchr(key, ':')) /* "module.x:aws" */
			r = provider_region(b, strchr(key, ':') + 1);
		if (r)
			return xstrdup(r);
	}
	r = arn_region(x->values);
	if (r && aws_region_find(r))
		return xstrdup(r);
	return xstrdup(fallback);
}
