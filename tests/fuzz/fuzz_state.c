/*
 * fuzz_state.c - libFuzzer harness for Terraform state JSON (`terraform show
 * -json` of a state; src/model/plan.c): the bytes are a file given to a
 * diff-style command. input_load reads it (size cap, jansson), detects the
 * kind (a state by its "values" without "resource_changes"), maps resources to scenario documents per region; both sides are
 * validated, priced against the shipped snapshot and rendered.
 * The code path is the plan harness's; the seeds are states (tests/fuzz/seeds),
 * so the fuzzer starts from, and mostly mutates, state documents.
 */
#define FUZZ_WITH_SIDES
#include "cost/side.h"
#include "report/report.h"

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[700];
	snprintf(path, sizeof(path), "%s/state.json", fuzz_snapshot_dir());
	fuzz_write_file(path, data, size);
	fuzz_price_input(path, NULL);
	return 0;
}
