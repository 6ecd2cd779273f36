/*
 * fuzz_overlay.c - libFuzzer harness for what-if overlays (--set and
 * --patch; src/model/overlay.c, merge_patch.c, docpath.c) on the shipped
 * baseline scenario. The bytes are split at the first newline: the first
 * line is a --set argument ("resource.aws_ecs_service.api.desired_count=2"),
 * the rest a JSON merge patch (RFC 7396). The --set goes through
 * overlay_apply_all (merged, then validated), the patch is merged on top
 * and the whole validated once with the overlay layer that locates
 * problems (util/json_pos.h); the result is built into a scenario, priced
 * and rendered.
 */
#include "fuzz_common.h"

#include "cost/engine.h"
#include "model/overlay.h"
#include "report/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static json_t *baseline;
static struct catalog *cat;
static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t err;
	if (!baseline) {
		baseline = json_load_file("scenarios/baseline.json", 0, &err);
		cat = catalog_new("pricing");
		devnull = fopen("/dev/null", "w");
		if (!baseline || !devnull)
			abort(); /* run from the repo root */
	}
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	char *nl = memchr(text, '\n', size);
	const char *patch_text = nl ? nl + 1 : "";
	size_t patch_len = nl ? size - (size_t)(nl + 1 - text) : 0;
	if (nl)
		*nl = '\0';

	json_t *doc = json_deep_copy(baseline);
	char **notes = NULL;
	size_t nn = 0;
	struct overlay set = {OVERLAY_SET, text};
	struct whatif w = {&set, 1, 0};
	int rc = strlen(text) == (nl ? (size_t)(nl - text) : size)
			 ? overlay_apply_all(&doc, "fuzz", NULL, &w, &notes, &nn)
			 : 3;
	for (size_t i = 0; i < nn; i++)
		free(notes[i]);
	free(notes);
	if (rc == 0 && patch_len) {
		json_t *patch = json_loadb(patch_text, patch_len, JSON_REJECT_DUPLICATES, &err);
		struct json_pos *layer = json_pos_layer(NULL);
		if (patch && (rc = overlay_merge(&doc, patch, "fuzz-patch", NULL, false, layer)) == 0)
			rc = overlay_validate(doc, "fuzz", layer);
		json_pos_free(layer);
		json_decref(patch);
	}
	if (rc == 0) {
		struct scenario s;
		if (scenario_from_doc(doc, "fuzz", &s) == 0) {
			struct cost_options co = {NULL, false};
			struct breakdown b;
			if (cost_breakdown(&s, cat, &co, &b) == 0) {
				struct report_style st = {true, 80};
				report_breakdown_table(devnull, &b, &st);
				report_breakdown_json(devnull, &b);
				report_breakdown_csv(devnull, &b);
				report_breakdown_markdown(devnull, &b);
				breakdown_release(&b);
			}
			scenario_release(&s);
		}
	}
	json_decref(doc);
	free(text);
	return 0;
}
