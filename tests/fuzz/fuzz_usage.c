/*
 * fuzz_usage.c - libFuzzer harness for usage files (Infracost's usage-file
 * format in JSON; src/model/usage.c): the bytes are a --usage file. It is
 * loaded (scenario_read_json limits, schema checks of every key and
 * figure), queried for exact, wildcard ("[*]") and default addresses, and
 * applied to a fixed multi-resource plan (tests/data/plans/guide-change.json)
 * which is then priced and rendered.
 */
#define FUZZ_WITH_SIDES
#include "cost/side.h"
#include "report/report.h"

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const addrs[][2] = {
		{"aws_nat_gateway.main", "aws_nat_gateway"},
		{"aws_nat_gateway.main[1]", "aws_nat_gateway"},
		{"module.app.aws_lb.this[0]", "aws_lb"},
		{"aws_s3_bucket.files", "aws_s3_bucket"},
		{"aws_cloudwatch_log_group.api", "aws_cloudwatch_log_group"},
	};
	char path[700];
	struct usage_file u;

	snprintf(path, sizeof(path), "%s/usage.json", fuzz_snapshot_dir());
	fuzz_write_file(path, data, size);
	if (usage_load(path, &u) != 0)
		return 0;
	for (size_t i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++)
		json_decref(usage_for(&u, addrs[i][0], addrs[i][1]));
	const char *plan = getenv("FUZZ_USAGE_PLAN");
	fuzz_price_input(plan && plan[0] ? plan : "tests/data/plans/guide-change.json", &u);
	usage_release(&u);
	return 0;
}
