/*
 * fuzz_plan.c - libFuzzer harness for Terraform plan JSON (`terraform show
 * -json` of a plan; src/model/plan.c): the bytes are a file given to a
 * diff-style command. input_load reads it (size cap, jansson), detects the
 * kind, maps resources to scenario documents per region; both sides are
 * validated, priced against the shipped snapshot and rendered.
 * Seeds: the plans in tests/data/plans/ (tests/fuzz/seeds).
 */
#define FUZZ_WITH_SIDES
#include "cost/side.h"
#include "report/report.h"

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[700];
	snprintf(path, sizeof(path), "%s/plan.json", fuzz_snapshot_dir());
	fuzz_write_file(path, data, size);
	fuzz_price_input(path, NULL);
	return 0;
}
