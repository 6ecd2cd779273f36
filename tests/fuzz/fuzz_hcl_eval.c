/*
 * fuzz_hcl_eval.c - libFuzzer harness for Terraform evaluation
 * (src/model/terraform/tf_*.c, hcl_eval.c, hcl_funcs_*.c): the bytes are a
 * configuration directory given to `costplan breakdown DIR`. Up to a line
 * "#--- module" they are main.tf; after it, modules/m/main.tf, so module
 * calls with source "./modules/m" reach a second module. tf_plan_load
 * evaluates everything (variables, locals, count/for_each, modules,
 * functions, unknowns) under the step, depth, collection, string, arena
 * and instance limits, writes the plan document, and the plan reader maps
 * it; the result is priced and rendered like any plan.
 * Seeds: the Terraform in tests/data/tf and tests/data/guide.
 */
#define FUZZ_WITH_SIDES
#include "cost/side.h"
#include "model/terraform/tf_load.h"
#include "report/report.h"

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char MARK[] = "\n#--- module\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[600], mod[700];
	char path[800];
	if (!dir[0]) {
		char cmd[1600];
		snprintf(dir, sizeof(dir), "%s/tf", fuzz_snapshot_dir());
		snprintf(mod, sizeof(mod), "%s/modules/m", dir);
		snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", mod);
		if (system(cmd) != 0)
			abort();
		setenv("TF_VAR_from_env", "env", 1);
	}
	size_t split = size;
	for (size_t i = 0; i + sizeof(MARK) - 1 <= size; i++)
		if (!memcmp(data + i, MARK, sizeof(MARK) - 1)) {
			split = i;
			break;
		}
	snprintf(path, sizeof(path), "%s/main.tf", dir);
	fuzz_write_file(path, data, split);
	snprintf(path, sizeof(path), "%s/main.tf", mod);
	if (split < size)
		fuzz_write_file(path, data + split + sizeof(MARK) - 1, size - split - (sizeof(MARK) - 1));
	else
		fuzz_write_file(path, (const uint8_t *)"", 0);
	fuzz_price_input(dir, NULL);
	return 0;
}
