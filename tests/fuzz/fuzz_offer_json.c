/*
 * fuzz_offer_json.c - libFuzzer harness for the JSON offer reader
 * (src/pricing/offer_json.c, jansson), driven through the catalog exactly as
 * `costplan breakdown` loads AmazonEC2.json: header checks, price and range
 * parsing, tier ordering. When the file loads, a few lookups and tiered
 * cost computations run on what it produced. First, though, the reader runs
 * alone with callbacks that accept any offer code and region.
 */
#include "fuzz_common.h"

#include "util/decimal.h"
#include "pricing/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *dir = fuzz_snapshot_dir();
	char path[700];
	struct offer_source *src;

	snprintf(path, sizeof(path), "%s/aws/us-east-1/AmazonEC2.json", dir);
	fuzz_write_file(path, data, size);
	/* 1: the reader alone, any offer */
	{
		size_t rows = 0;
		(void)offer_json_read(path, fuzz_meta_cb, fuzz_row_cb, &rows);
	}
	/* 2: through the catalog, as AmazonEC2 in us-east-1 */
	struct catalog *c = catalog_new(dir);
	if (catalog_offer(c, "us-east-1", "AmazonEC2", &src) == 0) {
		static const char *const usage[] = {"NatGateway-Hours", "NatGateway-Bytes",
						    "DataTransfer-Out-Bytes", NULL};
		dec qty[3] = {dec_from_int(730), dec_from_int(1000000000), dec_from_scaled(5, 1)};
		for (int i = 0; usage[i]; i++) {
			struct price_query q = {"AmazonEC2", NULL, usage[i], {{NULL, NULL}}, NULL};
			const struct price_entry *e = catalog_try(c, "us-east-1", &q);
			dec cost;
			for (int k = 0; e && k < 3; k++)
				(void)price_entry_cost(e, qty[k], &cost);
		}
		for (size_t i = 0; i < src->n; i++) {
			dec cost;
			(void)price_entry_cost(&src->entries[i], dec_from_int(730), &cost);
			(void)price_entry_unit_price(&src->entries[i]);
		}
	}
	catalog_free(c);
	return 0;
}
