/*
 * fuzz_hcl_parse.c - libFuzzer harness for the HCL syntax readers
 * (src/model/terraform/hcl_parse.c, hcl_json.c): the bytes are a .tf file
 * (native syntax), then the same bytes as a standalone template and as a
 * standalone expression, and, when they start with '{', as a .tf.json
 * file. Every reader must return a tree or one located error, within the
 * nesting, size and arena limits, leaking nothing.
 * Seeds: the Terraform in tests/data/tf and tests/data/guide.
 */
#include "model/terraform/hcl_json.h"
#include "model/terraform/hcl_parse.h"

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void parse_as(int how, const char *text, size_t size)
{
	struct hcl_run r;
	struct hcl_catch c;
	hcl_run_init(&r);
	hcl_catch_push(&r, &c, false);
	if (setjmp(c.jb) == 0) {
		if (how == 0)
			(void)hcl_parse_body(&r, "fuzz.tf", text, size);
		else if (how == 1)
			(void)hcl_parse_template(&r, "fuzz.tpl", text, size, 1, 1);
		else if (how == 2)
			(void)hcl_parse_expr(&r, "fuzz", text, size, 1, 1);
		else
			(void)hcl_json_config(&r, "fuzz.tf.json", text, size);
		hcl_catch_pop(&r, &c);
	} else if (!r.diag.msg[0] || r.diag.code != CP_EXIT_DATA) {
		abort(); /* every failure says what is wrong */
	}
	hcl_run_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1); /* the readers take NUL-terminated text */
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (int how = 0; how < 3; how++)
		parse_as(how, text, size);
	if (size && text[0] == '{')
		parse_as(3, text, size);
	free(text);
	return 0;
}
