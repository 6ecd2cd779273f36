/*
 * test_tf_load.c - Terraform configurations read without terraform
 * (tf_load.h): count and for_each with their addresses, locals in any
 * order and their cycles, modules (local, through modules.json, not
 * installed) with inputs, outputs, count and for_each, variable
 * precedence, types, providers and regions, dynamic blocks, the JSON
 * syntax, the plan document the plan reader consumes, and the limits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <jansson.h>

#include "cost/types/registry.h"
#include "model/plan.h"
#include "model/terraform/tf_load.h"
#include "util/error.h"
#include "test_hcl_util.h"

static struct tf_var_opts novars = {.ignore_env = true};

/* Load dir; on error the test fails with the message. */
static void load_ok(const char *dir, const struct tf_var_opts *vo, struct tf_result *res)
{
	stderr_off();
	int rc = tf_load(dir, vo ? vo : &novars, res);
	stderr_on();
	if (rc)
		fail_msg("tf_load(%s) failed: %s", dir, res->error ? res->error : "?");
}

/* Load dir expecting an error: returns its text ("file:line:col: msg"). */
static const char *load_err(const char *dir, const struct tf_var_opts *vo)
{
	static char msg[800];
	struct tf_result res;
	stderr_off();
	int rc = tf_load(dir, vo ? vo : &novars, &res);
	stderr_on();
	if (rc == 0) {
		tf_result_release(&res);
		fail_msg("tf_load(%s) succeeded, an error was expected", dir);
	}
	assert_int_equal(rc, 3);
	assert_null(res.plan);
	/* drop the directory prefix so tests can compare exactly */
	const char *e = res.error;
	const char *slash = strrchr(dir, '/');
	size_t dl = strlen(dir);
	if (!strncmp(e, dir, dl) && e[dl] == '/')
		e += dl + 1;
	(void)slash;
	snprintf(msg, sizeof(msg), "%s", e);
	tf_result_release(&res);
	return msg;
}

static json_t *change_of(const struct tf_result *res, const char *addr)
{
	size_t i;
	json_t *rc;
	json_array_foreach(json_object_get(res->plan, "resource_changes"), i, rc)
		if (!strcmp(json_string_value(json_object_get(rc, "address")), addr))
			return rc;
	return NULL;
}

static json_t *after(const struct tf_result *res, const char *addr)
{
	json_t *rc = change_of(res, addr);
	if (!rc)
		fail_msg("no resource %s in the plan", addr);
	return json_object_get(json_object_get(rc, "change"), "after");
}

static json_t *after_unknown(const struct tf_result *res, const char *addr)
{
	return json_object_get(json_object_get(change_of(res, addr), "change"), "after_unknown");
}

static const char *jtext(json_t *j)
{
	static char buf[2048];
	char *s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
	snprintf(buf, sizeof(buf), "%s", s ? s : "(null)");
	free(s);
	return buf;
}

static const char *addresses(const struct tf_result *res)
{
	static char buf[4096];
	size_t o = 0, i;
	json_t *rc;
	buf[0] = '\0';
	json_array_foreach(json_object_get(res->plan, "resource_changes"), i, rc)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s", i ? " " : "",
				      json_string_value(json_object_get(rc, "address")));
	return buf;
}

/* ---- expansion -------------------------------------------------------------- */

static void count_and_for_each(void **state)
{
	(void)state;
	struct tf_result res;
	const char *d = tdir("expand");
	twrite(d, "main.tf",
	       "resource \"aws_subnet\" \"s\" {\n"
	       "  count      = 3\n"
	       "  cidr_block = cidrsubnet(\"10.0.0.0/16\", 8, count.index)\n"
	       "}\n"
	       "resource \"aws_ecr_repository\" \"r\" {\n"
	       "  for_each = toset([\"web\", \"api\"])\n"
	       "  name     = \"${each.key}-${each.value}\"\n"
	       "}\n"
	       "resource \"aws_sqs_queue\" \"q\" {\n"
	       "  for_each = { small = 1, big = 10 }\n"
	       "  delay    = each.value\n"
	       "  name     = each.key\n"
	       "}\n"
	       "resource \"aws_eip\" \"none\" {\n"
	       "  count = 0\n"
	       "}\n"
	       "resource \"aws_eip\" \"ref\" {\n"
	       "  tags = { n = length(aws_subnet.s), first = aws_subnet.s[0].cidr_block,\n"
	       "           k = keys(aws_ecr_repository.r), d = aws_sqs_queue.q[\"big\"].delay }\n"
	       "}\n");
	load_ok(d, NULL, &res);
	assert_string_equal(addresses(&res),
			    "aws_ecr_repository.r[\"api\"] aws_ecr_repository.r[\"web\"] aws_eip.ref "
			    "aws_sqs_queue.q[\"big\"] aws_sqs_queue.q[\"small\"] aws_subnet.s[0] "
			    "aws_subnet.s[1] aws_subnet.s[2]");
	assert_string_equal(jtext(after(&res, "aws_subnet.s[2]")), "{\"cidr_block\":\"10.0.2.0/24\"}");
	assert_string_equal(jtext(json_object_get(change_of(&res, "aws_subnet.s[2]"), "index")), "2");
	assert_string_equal(jtext(after(&res, "aws_ecr_repository.r[\"api\"]")), "{\"name\":\"api-api\"}");
	assert_string_equal(jtext(json_object_get(change_of(&res, "aws_sqs_queue.q[\"small\"]"), "index")),
			    "\"small\"");
	assert_string_equal(jtext(after(&res, "aws_sqs_queue.q[\"small\"]")), "{\"delay\":1,\"name\":\"small\"}");
	assert_string_equal(jtext(after(&res, "aws_eip.ref")),
			    "{\"tags\":{\"d\":10,\"first\":\"10.0.0.0/24\",\"k\":[\"api\",\"web\"],\"n\":3}}");
	tf_result_release(&res);
}

static void unknown_expansion(void **state)
{
	(void)state;
	struct tf_result res;
	const char *d = tdir("unknown-expand");
	twrite(d, "main.tf",
	       "data \"aws_availability_zones\" \"az\" {}\n"
	       "resource \"aws_subnet\" \"s\" {\n"
	       "  count = length(data.aws_availability_zones.az.names)\n"
	       "}\n"
	       "resource \"aws_eip\" \"e\" {\n"
	       "  for_each = toset(data.aws_availability_zones.az.names)\n"
	       "}\n"
	       "resource \"aws_eip\" \"f\" {\n"
	       "  tags = { h = md5(\"x\"), i = md5(\"y\") }\n"
	       "}\n");
	load_ok(d, NULL, &res);
	assert_string_equal(addresses(&res), "aws_eip.f aws_subnet.s[0] data.aws_availability_zones.az");
	assert_int_equal(res.nunpriced, 1);
	assert_string_equal(res.unpriced[0].address, "aws_eip.e");
	assert_string_equal(res.unpriced[0].why,
			    "its for_each is known only after apply, so its instances are unknown");
	assert_int_equal(res.nwarn, 2);
	assert_string_equal(res.warnings[0], "aws_subnet.s: count is known only after apply; priced as 1 instance");
	assert_string_equal(res.warnings[1],
			    "function md5() is not supported; its result is taken as known only after apply");
	assert_string_equal(jtext(after_unknown(&res, "aws_eip.f")), "{\"id\":true,\"tags\":{\"h\":true,\"i\":true}}");
	assert_string_equal(jtext(json_object_get(json_object_get(change_of(&res, "data.aws_availability_zones.az"),
								  "change"), "actions")), "[\"read\"]");
	tf_result_release(&res);
}

static void expansion_errors(void **state)
{
	(void)state;
	const char *d = tdir("expand-err");
	twrite(d, "main.tf", "resource \"aws_eip\" \"e\" {\n  for_each = [\"a\", \"b\"]\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:2:14: the for_each of aws_eip.e is a list; it needs a map or a set of "
			    "strings (convert the list with toset())");
	twrite(d, "main.tf", "resource \"aws_eip\" \"e\" {\n  count = -1\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:2:11: the count of aws_eip.e must be a whole number from 0 up, not -1");
	twrite(d, "main.tf", "resource \"aws_eip\" \"e\" {\n  count = 1\n  for_each = {}\n}\n");
	assert_string_equal(load_err(d, NULL), "main.tf:1:1: count and for_each cannot both be set on aws_eip.e");
	twrite(d, "main.tf", "resource \"aws_eip\" \"e\" {\n  name = count.index\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:2:10: count.index is only available in a resource or module that sets count");
	twrite(d, "main.tf", "resource \"aws_eip\" \"e\" {\n  for_each = toset(range(300000))\n}\n");
	assert_non_null(strstr(load_err(d, NULL), "collection limit"));
	twrite(d, "main.tf", "resource \"aws_eip\" \"e\" {\n  count = 500000\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:2:11: instance limit: the count of aws_eip.e is 500000, above 50000");
}

/* ---- locals, references and cycles ------------------------------------------------ */

static void locals_in_any_order(void **state)
{
	(void)state;
	struct tf_result res;
	const char *d = tdir("locals");
	twrite(d, "b.tf", "locals {\n  name = \"${local.prefix}-${local.env}\"\n}\n");
	twrite(d, "a.tf",
	       "locals {\n  prefix = upper(local.env)\n}\nlocals {\n  env = \"dev\"\n}\n"
	       "resource \"aws_s3_bucket\" \"b\" {\n  bucket = local.name\n}\n");
	load_ok(d, NULL, &res);
	assert_string_equal(jtext(after(&res, "aws_s3_bucket.b")), "{\"bucket\":\"DEV-dev\"}");
	tf_result_release(&res);
}

static void cycles(void **state)
{
	(void)state;
	const char *d = tdir("cycle");
	twrite(d, "main.tf", "locals {\n  a = local.b\n  b = \"${local.c}x\"\n  c = local.a\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:2:3: cycle: local.a refers to itself (local.a -> local.b -> local.c -> "
			    "local.a)");
	twrite(d, "main.tf", "locals {\n  a = try(local.a, 1)\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:2:3: cycle: local.a refers to itself (local.a -> local.a)");
	twrite(d, "main.tf",
	       "resource \"aws_eip\" \"x\" {\n  tags = { o = aws_eip.y.id }\n}\n"
	       "resource \"aws_eip\" \"y\" {\n  tags = { o = aws_eip.x.id }\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:1:1: cycle: aws_eip.x refers to itself (aws_eip.x -> aws_eip.y -> "
			    "aws_eip.x)");
}

static void reference_errors(void **state)
{
	(void)state;
	const char *d = tdir("refs");
	twrite(d, "main.tf", "locals {\n  a = var.nope\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:2:11: reference to an undeclared input variable \"nope\"");
	twrite(d, "main.tf", "locals {\n  a = local.b\n}\n");
	assert_string_equal(load_err(d, NULL), "main.tf:2:13: reference to an undeclared local value \"b\"");
	twrite(d, "main.tf", "locals {\n  a = aws_vpc.main.id\n}\n");
	assert_string_equal(load_err(d, NULL), "main.tf:2:7: reference to an undeclared resource aws_vpc.main");
	twrite(d, "main.tf", "locals {\n  a = module.m.x\n}\n");
	assert_string_equal(load_err(d, NULL), "main.tf:2:14: reference to an undeclared module \"m\"");
	twrite(d, "main.tf", "locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n");
	const char *e = load_err(d, NULL);
	assert_true(!strncmp(e, "main.tf:5:3: local a is declared twice (first at /", 50));
	assert_non_null(strstr(e, "/refs/main.tf:2)"));
	/* what Terraform rejects before evaluating, try() does not hide */
	twrite(d, "main.tf", "locals {\n  a = try(var.nope, 1)\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:2:15: reference to an undeclared input variable \"nope\"");
	/* a failure inside try() is remembered, not left half-done */
	twrite(d, "main.tf", "locals {\n  bad = [][0]\n  a = try(local.bad, 1)\n  b = local.bad\n}\n");
	assert_string_equal(load_err(d, NULL), "main.tf:2:11: invalid index: 0 is out of range for a list of 0");
	twrite(d, "main.tf", "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"a\"\n  foo {\n");
	assert_string_equal(load_err(d, NULL), "main.tf:3:7: unclosed block: this { has no matching }");
	twrite(d, "main.tf", "variable \"v\" {}\nwidget \"x\" {}\n");
	assert_non_null(strstr(load_err(d, NULL), "main.tf:2:1: unsupported block type \"widget\""));
	twrite(d, "main.tf", "x = 1\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:1:1: unexpected attribute \"x\" at the top level of a module (only "
			    "blocks go here)");
}

/* ---- variables ---------------------------------------------------------------------- */

static void variable_precedence(void **state)
{
	(void)state;
	struct tf_result res;
	struct tf_var_opts vo = {.ignore_env = true};
	const char *d = tdir("vars");
	twrite(d, "main.tf",
	       "variable \"a\" {\n  default = \"default\"\n}\n"
	       "variable \"b\" {\n  default = \"default\"\n}\n"
	       "variable \"c\" {\n  default = \"default\"\n}\n"
	       "variable \"d\" {\n  default = \"default\"\n}\n"
	       "variable \"e\" {\n  default = \"default\"\n}\n"
	       "variable \"f\" {\n  default = \"default\"\n}\n"
	       "variable \"g\" {\n  default = \"default\"\n}\n"
	       "resource \"aws_s3_bucket\" \"b\" {\n"
	       "  tags = { a = var.a, b = var.b, c = var.c, d = var.d, e = var.e, f = var.f, g = var.g }\n"
	       "}\n");
	twrite(d, "terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\ne = \"tfvars\"\nf = \"tfvars\"\ng = \"tfvars\"\n");
	twrite(d, "terraform.tfvars.json", "{\"c\": \"tfvars.json\", \"d\": \"tfvars.json\", \"e\": \"tfvars.json\", \"f\": \"tfvars.json\", \"g\": \"tfvars.json\"}");
	twrite(d, "a.auto.tfvars", "d = \"a.auto\"\ne = \"a.auto\"\nf = \"a.auto\"\ng = \"a.auto\"\n");
	twrite(d, "b.auto.tfvars.json", "{\"e\": \"b.auto\", \"f\": \"b.auto\", \"g\": \"b.auto\"}");
	twrite(d, "x.tfvars", "f = \"var-file\"\ng = \"var-file\"\n");
	char path[700];
	snprintf(path, sizeof(path), "%s/x.tfvars", d);
	assert_int_equal(tf_var_opts_add(&vo, TF_VAR_ASSIGN, "g=first"), 0);
	assert_int_equal(tf_var_opts_add(&vo, TF_VAR_FILE, path), 0); /* later: wins over g=first */
	load_ok(d, &vo, &res);
	assert_string_equal(jtext(json_object_get(after(&res, "aws_s3_bucket.b"), "tags")),
			    "{\"a\":\"default\",\"b\":\"tfvars\",\"c\":\"tfvars.json\",\"d\":\"a.auto\","
			    "\"e\":\"b.auto\",\"f\":\"var-file\",\"g\":\"var-file\"}");
	tf_result_release(&res);
	/* --var given after the file wins */
	assert_int_equal(tf_var_opts_add(&vo, TF_VAR_ASSIGN, "g=last"), 0);
	load_ok(d, &vo, &res);
	assert_string_equal(jtext(json_object_get(json_object_get(after(&res, "aws_s3_bucket.b"), "tags"), "g")),
			    "\"last\"");
	tf_result_release(&res);
	/* TF_VAR_ sits below the files */
	setenv("TF_VAR_a", "env", 1);
	setenv("TF_VAR_b", "env", 1);
	struct tf_var_opts withenv = {.ignore_env = false};
	load_ok(d, &withenv, &res);
	assert_string_equal(jtext(json_object_get(json_object_get(after(&res, "aws_s3_bucket.b"), "tags"), "a")),
			    "\"env\"");
	assert_string_equal(jtext(json_object_get(json_object_get(after(&res, "aws_s3_bucket.b"), "tags"), "b")),
			    "\"tfvars\"");
	tf_result_release(&res);
	unsetenv("TF_VAR_a");
	unsetenv("TF_VAR_b");
	/* the root variables are in the plan */
	load_ok(d, NULL, &res);
	assert_string_equal(jtext(json_object_get(json_object_get(res.plan, "variables"), "a")),
			    "{\"value\":\"default\"}");
	tf_result_release(&res);
}

static void variable_types_and_errors(void **state)
{
	(void)state;
	struct tf_result res;
	struct tf_var_opts vo = {.ignore_env = true};
	const char *d = tdir("types");
	twrite(d, "main.tf",
	       "variable \"n\" {\n  type = number\n}\n"
	       "variable \"l\" {\n  type = list(string)\n  default = [1, true]\n}\n"
	       "variable \"o\" {\n"
	       "  type = object({ size = number, name = optional(string, \"anon\"), x = optional(bool) })\n"
	       "}\n"
	       "variable \"any\" {\n}\n"
	       "resource \"aws_s3_bucket\" \"b\" {\n  tags = { n = var.n, l = var.l, o = var.o, any = var.any }\n}\n");
	assert_int_equal(tf_var_opts_add(&vo, TF_VAR_ASSIGN, "n=42"), 0);
	assert_int_equal(tf_var_opts_add(&vo, TF_VAR_ASSIGN, "o={size = \"3\", extra = 1}"), 0);
	assert_int_equal(tf_var_opts_add(&vo, TF_VAR_ASSIGN, "any=[not parsed]"), 0);
	load_ok(d, &vo, &res);
	assert_string_equal(jtext(json_object_get(after(&res, "aws_s3_bucket.b"), "tags")),
			    "{\"any\":\"[not parsed]\",\"l\":[\"1\",\"true\"],\"n\":42,"
			    "\"o\":{\"name\":\"anon\",\"size\":3,\"x\":null}}");
	tf_result_release(&res);

	/* required variable with no value: located at its declaration */
	struct tf_var_opts only_n = {.ignore_env = true};
	assert_int_equal(tf_var_opts_add(&only_n, TF_VAR_ASSIGN, "n=1"), 0);
	assert_string_equal(load_err(d, &only_n),
			    "main.tf:8:1: variable \"o\" is required and has no value; set it with --var "
			    "o=VALUE, in terraform.tfvars, or with TF_VAR_o");
	struct tf_var_opts bad = {.ignore_env = true};
	assert_int_equal(tf_var_opts_add(&bad, TF_VAR_ASSIGN, "n=abc"), 0);
	assert_int_equal(tf_var_opts_add(&bad, TF_VAR_ASSIGN, "o={size=1}"), 0);
	assert_int_equal(tf_var_opts_add(&bad, TF_VAR_ASSIGN, "any=1"), 0);
	assert_string_equal(load_err(d, &bad), "--var: variable \"n\": a number is needed, not \"abc\"");
	struct tf_var_opts undeclared = {.ignore_env = true};
	assert_int_equal(tf_var_opts_add(&undeclared, TF_VAR_ASSIGN, "zz=1"), 0);
	char *want = xasprintf("--var: no variable \"zz\" is declared in the root module (%s): "
			       "declare it with a variable block, or drop the --var",
			       d);
	assert_string_equal(load_err(d, &undeclared), want);
	free(want);
	/* diff's setting: the same --var is a warning naming the directory */
	struct tf_var_opts lenient = {.ignore_env = true, .undeclared_warn = true};
	assert_int_equal(tf_var_opts_add(&lenient, TF_VAR_ASSIGN, "zz=1"), 0);
	assert_int_equal(tf_var_opts_add(&lenient, TF_VAR_ASSIGN, "n=1"), 0);
	assert_int_equal(tf_var_opts_add(&lenient, TF_VAR_ASSIGN, "any=1"), 0);
	assert_int_equal(tf_var_opts_add(&lenient, TF_VAR_ASSIGN, "o={size=1}"), 0);
	struct tf_result lr;
	load_ok(d, &lenient, &lr);
	bool said = false;
	for (size_t i = 0; i < lr.nwarn; i++)
		said |= strstr(lr.warnings[i], "--var zz: ") && strstr(lr.warnings[i], d) &&
			strstr(lr.warnings[i], "declares no such variable; ignored there");
	assert_true(said);
	tf_result_release(&lr);
	struct tf_var_opts missing_attr = {.ignore_env = true};
	assert_int_equal(tf_var_opts_add(&missing_attr, TF_VAR_ASSIGN, "n=1"), 0);
	assert_int_equal(tf_var_opts_add(&missing_attr, TF_VAR_ASSIGN, "any=1"), 0);
	assert_int_equal(tf_var_opts_add(&missing_attr, TF_VAR_ASSIGN, "o={name=\"x\"}"), 0);
	assert_string_equal(load_err(d, &missing_attr), "--var: variable \"o\": attribute \"size\" is required");
	/* option syntax */
	stderr_off();
	assert_int_equal(tf_var_opts_add(&vo, TF_VAR_ASSIGN, "novalue"), 2);
	assert_int_equal(tf_var_opts_add(&vo, TF_VAR_ASSIGN, "=x"), 2);
	assert_int_equal(tf_var_opts_add(&vo, TF_VAR_ASSIGN, "1a=x"), 2);
	stderr_on();
}

/* ---- modules --------------------------------------------------------------------------- */

static void local_modules(void **state)
{
	(void)state;
	struct tf_result res;
	const char *d = tdir("modules");
	twrite(d, "main.tf",
	       "module \"svc\" {\n"
	       "  for_each = { api = 2, web = 1 }\n"
	       "  source   = \"./modules/service\"\n"
	       "  name     = each.key\n"
	       "  tasks    = each.value\n"
	       "}\n"
	       "module \"net\" {\n"
	       "  count  = 2\n"
	       "  source = \"./modules/net\"\n"
	       "}\n"
	       "resource \"aws_s3_bucket\" \"b\" {\n"
	       "  tags = { api = module.svc[\"api\"].family, n = length(module.net), all = module.svc.web.family }\n"
	       "}\n");
	twrite(d, "modules/service/main.tf",
	       "variable \"name\" {\n  type = string\n}\n"
	       "variable \"tasks\" {\n  type = number\n  default = 1\n}\n"
	       "resource \"aws_ecs_task_definition\" \"this\" {\n  family = var.name\n  cpu = 256\n  memory = 512\n}\n"
	       "resource \"aws_ecs_service\" \"this\" {\n"
	       "  task_definition = aws_ecs_task_definition.this.arn\n"
	       "  desired_count   = var.tasks\n"
	       "  launch_type     = \"FARGATE\"\n"
	       "}\n"
	       "output \"family\" {\n  value = aws_ecs_task_definition.this.family\n}\n"
	       "output \"arn\" {\n  value = aws_ecs_task_definition.this.arn\n}\n");
	twrite(d, "modules/net/main.tf",
	       "resource \"aws_eip\" \"e\" {\n  domain = \"vpc\"\n  tags = { path = path.module }\n}\n");
	load_ok(d, NULL, &res);
	assert_string_equal(addresses(&res),
			    "aws_s3_bucket.b module.net[0].aws_eip.e module.net[1].aws_eip.e "
			    "module.svc[\"api\"].aws_ecs_service.this "
			    "module.svc[\"api\"].aws_ecs_task_definition.this "
			    "module.svc[\"web\"].aws_ecs_service.this "
			    "module.svc[\"web\"].aws_ecs_task_definition.this");
	assert_string_equal(jtext(json_object_get(after(&res, "aws_s3_bucket.b"), "tags")),
			    "{\"all\":\"web\",\"api\":\"api\",\"n\":2}");
	assert_string_equal(jtext(after(&res, "module.svc[\"api\"].aws_ecs_service.this")),
			    "{\"desired_count\":2,\"launch_type\":\"FARGATE\"}");
	assert_string_equal(jtext(json_object_get(change_of(&res, "module.net[1].aws_eip.e"), "module_address")),
			    "\"module.net[1]\"");
	assert_string_equal(jtext(json_object_get(after(&res, "module.net[0].aws_eip.e"), "tags")),
			    "{\"path\":\"modules/net\"}");
	/* the configuration: module calls with their arguments and outputs */
	json_t *calls = json_object_get(json_object_get(json_object_get(res.plan, "configuration"),
							"root_module"), "module_calls");
	assert_string_equal(jtext(json_object_get(json_object_get(calls, "svc"), "source")), "\"./modules/service\"");
	assert_string_equal(jtext(json_object_get(json_object_get(json_object_get(calls, "svc"), "expressions"), "name")),
			    "{\"references\":[\"each.key\"]}");
	json_t *mod = json_object_get(json_object_get(calls, "svc"), "module");
	assert_string_equal(jtext(json_object_get(json_object_get(json_object_get(mod, "outputs"), "arn"), "expression")),
			    "{\"references\":[\"aws_ecs_task_definition.this.arn\",\"aws_ecs_task_definition.this\"]}");
	/* planned_values: child modules by instance */
	json_t *kids = json_object_get(json_object_get(json_object_get(res.plan, "planned_values"), "root_module"),
				       "child_modules");
	assert_int_equal(json_array_size(kids), 4);
	assert_string_equal(jtext(json_object_get(json_array_get(kids, 0), "address")), "\"module.net[0]\"");
	tf_result_release(&res);

	/* plan reader: the services find their task definitions through the references */
	struct plan p;
	struct plan_opts po = {NULL, NULL, &novars};
	stderr_off();
	int rc = tf_plan_load(d, &novars, &po, &p);
	stderr_on();
	assert_int_equal(rc, 0);
	assert_int_equal(p.after.nunpriced, 0);
	json_t *svc = json_object_get(json_object_get(json_object_get(p.after.docs, "us-east-1"), "resource"),
				      "aws_ecs_service");
	assert_int_equal(json_object_size(svc), 2);
	assert_string_equal(jtext(json_object_get(json_object_get(svc, "module_svc_api_aws_ecs_service_this"),
						   "task_definition")),
			    "\"module_svc_api_aws_ecs_task_definition_this\"");
	plan_release(&p);
}

static void module_errors(void **state)
{
	(void)state;
	const char *d = tdir("module-err");
	twrite(d, "m/main.tf", "variable \"x\" {}\noutput \"o\" {\n  value = var.x\n}\n");
	twrite(d, "main.tf", "module \"a\" {\n  source = \"./m\"\n}\n");
	assert_string_equal(load_err(d, NULL), "main.tf:1:1: module.a: the required variable \"x\" is not set");
	twrite(d, "main.tf", "module \"a\" {\n  source = \"./m\"\n  x = 1\n  y = 2\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:4:3: module.a: unexpected argument \"y\": the module declares no such variable");
	twrite(d, "main.tf", "module \"a\" {\n  source = \"./nowhere\"\n}\n");
	assert_non_null(strstr(load_err(d, NULL), "main.tf:2:3: module source \"./nowhere\": no such directory"));
	twrite(d, "main.tf", "module \"a\" {\n  source = \"./m\"\n  x = 1\n}\nlocals {\n  z = module.a.nope\n}\n");
	assert_string_equal(load_err(d, NULL), "main.tf:6:16: module.a has no output \"nope\"");
	/* a module that calls itself stops at the depth limit */
	twrite(d, "main.tf", "module \"a\" {\n  source = \"./\"\n}\n");
	assert_non_null(strstr(load_err(d, NULL), "module limit: modules nested deeper than 32"));
}

static void installed_and_remote_modules(void **state)
{
	(void)state;
	struct tf_result res;
	const char *d = tdir("remote");
	twrite(d, "main.tf",
	       "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n  version = \"5.0.0\"\n  cidr = \"10.0.0.0/16\"\n}\n"
	       "module \"cache\" {\n  source = \"git::https://example.com/cache.git?ref=v1\"\n}\n"
	       "resource \"aws_eip\" \"nat\" {\n  tags = { vpc = module.vpc.vpc_id, c = module.cache.anything }\n}\n");
	twrite(d, ".terraform/modules/modules.json",
	       "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},"
	       "{\"Key\":\"vpc\",\"Source\":\"registry.terraform.io/terraform-aws-modules/vpc/aws\","
	       "\"Version\":\"5.0.0\",\"Dir\":\".terraform/modules/vpc\"},"
	       "{\"Key\":\"vpc.nat\",\"Source\":\"./modules/nat\",\"Dir\":\".terraform/modules/vpc/modules/nat\"}]}");
	twrite(d, ".terraform/modules/vpc/main.tf",
	       "variable \"cidr\" {}\n"
	       "resource \"aws_vpc\" \"this\" {\n  cidr_block = var.cidr\n}\n"
	       "module \"nat\" {\n  source = \"./modules/nat\"\n}\n"
	       "output \"vpc_id\" {\n  value = aws_vpc.this.id\n}\n");
	twrite(d, ".terraform/modules/vpc/modules/nat/main.tf",
	       "resource \"aws_nat_gateway\" \"this\" {\n  connectivity_type = \"public\"\n}\n");
	load_ok(d, NULL, &res);
	assert_string_equal(addresses(&res),
			    "aws_eip.nat module.vpc.aws_vpc.this module.vpc.module.nat.aws_nat_gateway.this");
	assert_string_equal(jtext(after(&res, "module.vpc.aws_vpc.this")), "{\"cidr_block\":\"10.0.0.0/16\"}");
	assert_string_equal(jtext(after_unknown(&res, "aws_eip.nat")), "{\"id\":true,\"tags\":{\"c\":true,\"vpc\":true}}");
	assert_int_equal(res.nunpriced, 1);
	assert_string_equal(res.unpriced[0].address, "module.cache");
	assert_string_equal(res.unpriced[0].type, "module");
	assert_string_equal(res.unpriced[0].why,
			    "git source git::https://example.com/cache.git?ref=v1: not installed; run "
			    "`terraform init`");
	tf_result_release(&res);
	/* without the manifest, the registry module is not installed either */
	char cmd[800];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s/.terraform'", d);
	assert_int_equal(system(cmd), 0);
	load_ok(d, NULL, &res);
	assert_string_equal(addresses(&res), "aws_eip.nat");
	assert_int_equal(res.nunpriced, 2);
	assert_string_equal(res.unpriced[0].address, "module.vpc");
	assert_string_equal(res.unpriced[0].why,
			    "registry source terraform-aws-modules/vpc/aws: not installed; run `terraform init`");
	tf_result_release(&res);
	/* a broken manifest is an error */
	twrite(d, ".terraform/modules/modules.json", "{\"Modules\": 3}");
	assert_string_equal(load_err(d, NULL),
			    ".terraform/modules/modules.json: \"Modules\" must be a list (run `terraform init` again)");
}

/* ---- providers, dynamic blocks, plan shape ---------------------------------------------- */

static void providers_and_regions(void **state)
{
	(void)state;
	struct tf_result res;
	const char *d = tdir("providers");
	twrite(d, "main.tf",
	       "variable \"region\" {\n  default = \"eu-west-1\"\n}\n"
	       "locals {\n  west = \"us-west-2\"\n}\n"
	       "provider \"aws\" {\n  region = var.region\n}\n"
	       "provider \"aws\" {\n  alias = \"west\"\n  region = local.west\n}\n"
	       "data \"aws_region\" \"here\" {}\n"
	       "resource \"aws_eip\" \"a\" {\n  tags = { r = data.aws_region.here.name }\n}\n"
	       "resource \"aws_eip\" \"b\" {\n  provider = aws.west\n}\n"
	       "module \"m\" {\n  source = \"./m\"\n  providers = { aws = aws.west }\n}\n");
	twrite(d, "m/main.tf", "resource \"aws_eip\" \"c\" {}\n");
	load_ok(d, NULL, &res);
	assert_string_equal(jtext(after(&res, "aws_eip.a")), "{\"region\":\"eu-west-1\",\"tags\":{\"r\":\"eu-west-1\"}}");
	assert_string_equal(jtext(after(&res, "aws_eip.b")), "{\"region\":\"us-west-2\"}");
	assert_string_equal(jtext(after(&res, "module.m.aws_eip.c")), "{\"region\":\"us-west-2\"}");
	json_t *conf = json_object_get(res.plan, "configuration");
	assert_string_equal(jtext(json_object_get(conf, "provider_config")),
			    "{\"aws\":{\"expressions\":{\"region\":{\"references\":[\"var.region\"]}},"
			    "\"full_name\":\"registry.terraform.io/hashicorp/aws\",\"name\":\"aws\"},"
			    "\"aws.west\":{\"alias\":\"west\",\"expressions\":{\"region\":{\"references\":"
			    "[\"local.west\"]}},\"full_name\":\"registry.terraform.io/hashicorp/aws\","
			    "\"name\":\"aws\"}}");
	json_t *mres = json_object_get(json_object_get(json_object_get(json_object_get(json_object_get(
		conf, "root_module"), "module_calls"), "m"), "module"), "resources");
	assert_string_equal(jtext(json_object_get(json_array_get(mres, 0), "provider_config_key")), "\"aws.west\"");
	tf_result_release(&res);
	twrite(d, "main.tf", "resource \"aws_eip\" \"b\" {\n  provider = aws.east\n}\n");
	assert_string_equal(load_err(d, NULL),
			    "main.tf:1:1: provider aws.east is not configured here: declare a provider block "
			    "with that alias");
}

static void dynamic_blocks_and_plan_shape(void **state)
{
	(void)state;
	struct tf_result res;
	const char *d = tdir("dynamic");
	twrite(d, "main.tf",
	       "locals {\n  ports = [80, 443]\n}\n"
	       "resource \"aws_security_group\" \"sg\" {\n"
	       "  name = \"web\"\n"
	       "  dynamic \"ingress\" {\n"
	       "    for_each = local.ports\n"
	       "    iterator = p\n"
	       "    content {\n      from_port = p.value\n      idx = p.key\n    }\n"
	       "  }\n"
	       "  egress {\n    to = aws_vpc.v.id\n  }\n"
	       "  lifecycle {\n    create_before_destroy = true\n  }\n"
	       "}\n"
	       "resource \"aws_vpc\" \"v\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n");
	load_ok(d, NULL, &res);
	assert_string_equal(jtext(after(&res, "aws_security_group.sg")),
			    "{\"egress\":[{}],\"ingress\":[{\"from_port\":80,\"idx\":0},{\"from_port\":443,\"idx\":1}],"
			    "\"name\":\"web\"}");
	assert_string_equal(jtext(after_unknown(&res, "aws_security_group.sg")),
			    "{\"egress\":[{\"to\":true}],\"id\":true}");
	json_t *r0 = json_array_get(json_object_get(json_object_get(json_object_get(res.plan, "configuration"),
								    "root_module"), "resources"), 0);
	assert_string_equal(jtext(json_object_get(r0, "expressions")),
			    "{\"egress\":[{\"to\":{\"references\":[\"aws_vpc.v.id\",\"aws_vpc.v\"]}}],"
			    "\"ingress\":[{\"from_port\":{\"references\":[\"p.value\"]},\"idx\":{\"references\":"
			    "[\"p.key\"]}}],\"name\":{\"constant_value\":\"web\"}}");
	tf_result_release(&res);
}

static void json_syntax_equivalence(void **state)
{
	(void)state;
	struct tf_result a, b;
	const char *d1 = tdir("native");
	twrite(d1, "main.tf",
	       "variable \"n\" {\n  type = number\n  default = 2\n}\n"
	       "locals {\n  names = [for i in range(var.n) : \"svc-${i}\"]\n}\n"
	       "resource \"aws_ecs_cluster\" \"c\" {\n"
	       "  for_each = toset(local.names)\n"
	       "  name     = upper(each.key)\n"
	       "  setting {\n    name  = \"containerInsights\"\n    value = \"enabled\"\n  }\n"
	       "}\n"
	       "output \"n\" {\n  value = length(aws_ecs_cluster.c)\n}\n");
	const char *d2 = tdir("json");
	twrite(d2, "main.tf.json",
	       "{\n"
	       "  \"//\": \"the same configuration in JSON syntax\",\n"
	       "  \"variable\": { \"n\": { \"type\": \"number\", \"default\": 2 } },\n"
	       "  \"locals\": { \"names\": \"${[for i in range(var.n) : \\\"svc-${i}\\\"]}\" },\n"
	       "  \"resource\": { \"aws_ecs_cluster\": { \"c\": {\n"
	       "    \"for_each\": \"${toset(local.names)}\",\n"
	       "    \"name\": \"${upper(each.key)}\",\n"
	       "    \"setting\": [{ \"name\": \"containerInsights\", \"value\": \"enabled\" }]\n"
	       "  } } },\n"
	       "  \"output\": { \"n\": { \"value\": \"${length(aws_ecs_cluster.c)}\" } }\n"
	       "}\n");
	load_ok(d1, NULL, &a);
	load_ok(d2, NULL, &b);
	char x[2048];
	snprintf(x, sizeof(x), "%s", jtext(json_object_get(a.plan, "resource_changes")));
	assert_string_equal(jtext(json_object_get(b.plan, "resource_changes")), x);
	assert_non_null(strstr(x, "\"aws_ecs_cluster.c[\\\"svc-1\\\"]\""));
	assert_non_null(strstr(x, "\"name\":\"SVC-0\""));
	tf_result_release(&a);
	tf_result_release(&b);
	twrite(d2, "main.tf.json", "{\"resource\": {\"aws_eip\": {\"e\": {\"tags\": \"${1 +}\"}}}}\n");
	assert_non_null(strstr(load_err(d2, NULL), "main.tf.json:1:33: invalid expression"));
	twrite(d2, "main.tf.json", "{\"resource\": [1]}\n");
	assert_non_null(strstr(load_err(d2, NULL), "main.tf.json:1:15: a resource block needs 2 labels"));
	twrite(d2, "main.tf.json", "{\"resource\": {\n");
	assert_non_null(strstr(load_err(d2, NULL), "main.tf.json:2:0: not valid JSON"));
}

static void single_files_overrides_and_detection(void **state)
{
	(void)state;
	struct tf_result res;
	const char *d = tdir("files");
	twrite(d, "main.tf", "resource \"aws_eip\" \"a\" {\n  domain = \"vpc\"\n  tags = { x = 1 }\n}\n");
	twrite(d, "other.tf", "resource \"aws_eip\" \"b\" {}\n");
	twrite(d, "main_override.tf", "resource \"aws_eip\" \"a\" {\n  tags = { x = 2 }\n}\n");
	twrite(d, ".hidden.tf", "this is not read\n");
	twrite(d, "backup.tf~", "nor this\n");
	load_ok(d, NULL, &res);
	assert_string_equal(addresses(&res), "aws_eip.a aws_eip.b");
	assert_string_equal(jtext(after(&res, "aws_eip.a")), "{\"domain\":\"vpc\",\"tags\":{\"x\":2}}");
	tf_result_release(&res);
	char path[700];
	snprintf(path, sizeof(path), "%s/other.tf", d);
	load_ok(path, NULL, &res);
	assert_string_equal(addresses(&res), "aws_eip.b");
	tf_result_release(&res);
	assert_true(tf_is_config(d));
	assert_true(tf_is_config(path));
	snprintf(path, sizeof(path), "%s/.hidden.tf", d);
	assert_true(tf_is_config(path));
	assert_false(tf_is_config("scenarios/baseline.json"));
	assert_false(tf_is_config("scenarios"));
	assert_false(tf_is_config("/nonexistent/x.tf"));
	const char *e = tdir("empty");
	assert_false(tf_is_config(e));
	assert_non_null(strstr(load_err(e, NULL),
			       "/empty: no Terraform configuration files (.tf or .tf.json) in this directory"));
	snprintf(path, sizeof(path), "%s/unreadable.tf", d);
	twrite(d, "unreadable.tf", "x");
	chmod(path, 0);
	if (access(path, R_OK) != 0) /* not when tests run as root */
		assert_non_null(strstr(load_err(d, NULL), "unreadable.tf: cannot read"));
	chmod(path, 0644);
}

static void plan_reader_takes_it(void **state)
{
	(void)state;
	struct plan p;
	struct plan_opts po = {NULL, NULL, &novars};
	const char *d = tdir("plan-reader");
	twrite(d, "main.tf",
	       "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n"
	       "resource \"aws_nat_gateway\" \"n\" {\n  count = 2\n  allocation_id = aws_eip.e[count.index].id\n}\n"
	       "resource \"aws_eip\" \"e\" {\n  count = 2\n  domain = \"vpc\"\n}\n"
	       "resource \"aws_sfn_state_machine\" \"f\" {\n  name = \"x\"\n}\n"
	       "module \"gone\" {\n  source = \"org/name/aws\"\n}\n");
	stderr_off();
	int rc = tf_plan_load(d, &novars, &po, &p);
	stderr_on();
	assert_int_equal(rc, 0);
	json_t *doc = json_object_get(p.after.docs, "eu-west-1");
	assert_non_null(doc);
	assert_int_equal(json_object_size(json_object_get(json_object_get(doc, "resource"), "aws_nat_gateway")), 2);
	assert_int_equal(p.after.nunpriced, 2);
	assert_string_equal(p.after.unpriced[0].address, "aws_sfn_state_machine.f");
	assert_string_equal(p.after.unpriced[1].address, "module.gone");
	assert_string_equal(p.after.unpriced[1].why,
			    "registry source org/name/aws: not installed; run `terraform init`");
	plan_release(&p);
}

/* Hostile configurations end with one limit error, quickly. */
static void hostile_inputs(void **state)
{
	(void)state;
	const char *d = tdir("hostile");
	char *big = malloc(9 * 1024 * 1024 + 100);
	size_t o = 0;
	/* values sharing structure: 2^40 as a tree */
	o = (size_t)sprintf(big, "locals {\n  l0 = [1, 2]\n");
	for (int i = 1; i <= 40; i++)
		o += (size_t)sprintf(big + o, "  l%d = [local.l%d, local.l%d]\n", i, i - 1, i - 1);
	sprintf(big + o, "}\nresource \"aws_eip\" \"x\" {\n  tags = { a = local.l40 }\n}\n");
	twrite(d, "main.tf", big);
	assert_string_equal(load_err(d, NULL),
			    "main.tf:44:1: plan limit: the resources' arguments hold more than 500000 "
			    "values in all");
	sprintf(big + o, "  j = jsonencode(local.l40)\n}\n");
	twrite(d, "main.tf", big);
	assert_non_null(strstr(load_err(d, NULL), "main.tf:43:7: value limit"));
	sprintf(big + o, "  j = local.l40 == local.l39\n}\n");
	twrite(d, "main.tf", big);
	assert_non_null(strstr(load_err(d, NULL), "value limit"));
	/* nested for expressions: the step limit */
	twrite(d, "main.tf",
	       "locals {\n  x = [for i in range(100000) : [for j in range(100000) : i + j]]\n}\n");
	assert_non_null(strstr(load_err(d, NULL), "main.tf:2:"));
	assert_non_null(strstr(load_err(d, NULL), "limit"));
	/* a module calling itself twice per level, twenty levels deep */
	twrite(d, "main.tf",
	       "variable \"n\" {\n  default = 0\n}\nmodule \"m\" {\n"
	       "  for_each = var.n < 20 ? toset([\"a\", \"b\"]) : toset([])\n"
	       "  source   = \"./\"\n  n        = var.n + 1\n}\n");
	assert_string_equal(load_err(d, NULL), "main.tf:4:1: module limit: more than 5000 module instances");
	/* locals each wrapping the previous: a value nested far deeper than any
	 * one expression (the recursion of everything that walks it) */
	o = (size_t)sprintf(big, "locals {\n  l0 = 1\n");
	for (int i = 1; i < 40; i++)
		o += (size_t)sprintf(big + o, "  l%d = [[[[[[[[[[[[[[[[[[[[local.l%d]]]]]]]]]]]]]]]]]]]]\n", i, i - 1);
	sprintf(big + o, "}\n");
	twrite(d, "main.tf", big);
	assert_string_equal(load_err(d, NULL),
			    "main.tf:28:35: value limit: a value nested deeper than 500 (lists in lists)");
	/* deep nesting */
	o = (size_t)sprintf(big, "locals {\n  x = ");
	for (int i = 0; i < 5000; i++)
		big[o++] = '(';
	big[o++] = '1';
	for (int i = 0; i < 5000; i++)
		big[o++] = ')';
	sprintf(big + o, "\n}\n");
	twrite(d, "main.tf", big);
	assert_non_null(strstr(load_err(d, NULL), "nesting limit"));
	/* a heredoc of 7 MB is fine; a file of 9 MB is not */
	o = (size_t)sprintf(big, "resource \"aws_s3_bucket\" \"b\" {\n  policy = <<EOT\n");
	memset(big + o, 'x', 7 * 1024 * 1024);
	o += 7 * 1024 * 1024;
	sprintf(big + o, "\nEOT\n}\n");
	twrite(d, "main.tf", big);
	struct tf_result res;
	load_ok(d, NULL, &res);
	assert_int_equal(json_string_length(json_object_get(after(&res, "aws_s3_bucket.b"), "policy")),
			 7 * 1024 * 1024 + 1);
	tf_result_release(&res);
	memset(big + o, 'y', 2 * 1024 * 1024);
	sprintf(big + o + 2 * 1024 * 1024, "\nEOT\n}\n");
	twrite(d, "main.tf", big);
	assert_string_equal(load_err(d, NULL), "main.tf: size limit: the file is larger than 8 MiB");
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(count_and_for_each),
		cmocka_unit_test(unknown_expansion),
		cmocka_unit_test(expansion_errors),
		cmocka_unit_test(locals_in_any_order),
		cmocka_unit_test(cycles),
		cmocka_unit_test(reference_errors),
		cmocka_unit_test(variable_precedence),
		cmocka_unit_test(variable_types_and_errors),
		cmocka_unit_test(local_modules),
		cmocka_unit_test(module_errors),
		cmocka_unit_test(installed_and_remote_modules),
		cmocka_unit_test(providers_and_regions),
		cmocka_unit_test(dynamic_blocks_and_plan_shape),
		cmocka_unit_test(json_syntax_equivalence),
		cmocka_unit_test(single_files_overrides_and_detection),
		cmocka_unit_test(plan_reader_takes_it),
		cmocka_unit_test(hostile_inputs),
	};
	resource_types_install();
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tdir_cleanup();
	return rc;
}
