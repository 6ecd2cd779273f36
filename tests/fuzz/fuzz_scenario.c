/*
 * fuzz_scenario.c - libFuzzer harness for the scenario reader: the bytes are
 * a scenario file. They go through scenario_parse_text (size and NUL
 * checks, jansson, the json_pos position scanner), scenario_from_json
 * (schema validation, references, cross checks) and, when valid, the cost
 * engine against the shipped price snapshot and all four breakdown
 * renderers (to /dev/null), so hostile numbers and names reach pricing and
 * output code too.
 *
 * The snapshot is ./pricing (run from the repo root) or $COSTPLAN_PRICING;
 * the catalog is loaded once and kept, as the CLI keeps it for one run.
 *
 * Hook for later readers (--set overlays, patches, usage files, plans):
 * they produce a json_t document that goes to scenario_from_json. Add a
 * harness per reader beside this one (see tests/fuzz/README) and list it in
 * FUZZ_TARGETS in the Makefile.
 */
#include "fuzz_common.h"

#include "cost/engine.h"
#include "model/scenario.h"
#include "report/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct catalog *cat;
static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *root;
	struct json_pos *pos;
	struct scenario s;

	if (!cat) {
		const char *p = getenv("COSTPLAN_PRICING");
		cat = catalog_new(p && p[0] ? p : "pricing");
		devnull = fopen("/dev/null", "w");
		if (!devnull)
			abort();
	}
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	int rc = scenario_parse_text(text, size, "fuzz.json", &root, &pos);
	free(text);
	if (rc)
		return 0;
	rc = scenario_from_json(root, "fuzz.json", pos, &s);
	json_decref(root);
	json_pos_free(pos);
	if (rc)
		return 0;
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
	return 0;
}
