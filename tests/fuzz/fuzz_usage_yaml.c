/*
 * fuzz_usage_yaml.c - libFuzzer harness for Infracost usage files in YAML
 * (src/util/yaml.c into src/model/usage.c): the bytes are a --usage .yml
 * file. They are read with the limits the CLI uses (depth, values with
 * aliases expanded, scalar length, duplicate keys, one document), checked
 * against the schema, queried for exact, wildcard and default addresses,
 * applied to tests/data/plans/guide-change.json, priced and rendered, and
 * the unused-address warnings are made.
 */
#define FUZZ_WITH_SIDES
#include "cost/side.h"
#include "report/report.h"
#include "util/error.h"

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const addrs[][2] = {
		{"aws_nat_gateway.main", "aws_nat_gateway"},
		{"aws_nat_gateway.main[1]", "aws_nat_gateway"},
		{"module.app.aws_lb.this[0]", "aws_lb"},
		{"aws_s3_bucket.files", "aws_s3_bucket"},
		{"aws_db_instance.main", "aws_db_instance"},
	};
	struct usage_file u;
	/* the reader takes text ending in a NUL, as file_read_all gives it */
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	cp_quiet = 1; /* warnings are expected; keep the log readable */
	int rc = usage_load_text(text, size, "usage.yml", 1, &u);
	free(text);
	if (rc != 0)
		return 0;
	for (size_t i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++)
		json_decref(usage_for(&u, addrs[i][0], addrs[i][1]));
	const char *plan = getenv("FUZZ_USAGE_PLAN");
	fuzz_price_input(plan && plan[0] ? plan : "tests/data/plans/guide-change.json", &u);
	usage_warn_unused(&u);
	usage_release(&u);
	return 0;
}
