/*
 * ebs_volume.c - EBS volumes: aws_ebs_volume, and the volume rules that
 * instances, launch templates and auto scaling groups share (compute.h).
 *
 * How AWS bills a volume (Amazon EBS pricing page,
 * https://aws.amazon.com/ebs/pricing/): its provisioned size per GB-month,
 * whatever is written on it, by volume type. gp3 includes 3,000 IOPS and
 * 125 MiB/s; IOPS above that are billed per IOPS-month and throughput
 * above it per MiB/s-month (the price list's unit is GiBps-month, so the
 * quantity is MiBps / 1024). io1 bills every provisioned IOPS; io2 bills
 * them in tiers: up to 32,000, 32,001 to 64,000, and above 64,000. st1 and
 * sc1 bill storage only. Magnetic (standard) volumes add I/O requests
 * (Infracost's usage key monthly_standard_io_requests). Snapshots are
 * billed per GB-month of data stored (incremental), a usage figure here.
 * Sizes and IOPS AWS accepts: Amazon EBS user guide, "Amazon EBS volume
 * types".
 *
 * A volume type the region's snapshot has no price for (io2 in sa-east-1)
 * is reported like an unknown class (offered.h): located in a scenario,
 * not priced in a plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost/choices.h"
#include "cost/types/compute.h"
#include "cost/types/offered.h"
#include "util/strings.h"

const char *const EBS_VOLUME_TYPES[] = {"gp2", "gp3", "io1", "io2", "st1", "sc1", "standard", NULL};

/* The volume fields a block may have; the others are what Terraform also
 * writes and never changes a price. */
static const char *const BLOCK_KEYS[] = {
	"volume_size", "volume_type", "iops", "throughput", "device_name", "encrypted",
	"kms_key_id", "delete_on_termination", "snapshot_id", "tags", "tags_all", "no_device",
	"virtual_name", "volume_id", "outpost_arn", "volume_initialization_rate", NULL};

#define DEFAULT_SIZE 8 /* GB: Infracost's default when a plan leaves it unknown */

static const char *storage_usage(const char *t)
{
	if (!strcmp(t, "standard"))
		return "EBS:VolumeUsage";
	if (!strcmp(t, "io1"))
		return "EBS:VolumeUsage.piops";
	if (!strcmp(t, "gp2"))
		return "EBS:VolumeUsage.gp2";
	if (!strcmp(t, "gp3"))
		return "EBS:VolumeUsage.gp3";
	if (!strcmp(t, "io2"))
		return "EBS:VolumeUsage.io2";
	if (!strcmp(t, "st1"))
		return "EBS:VolumeUsage.st1";
	return "EBS:VolumeUsage.sc1";
}

const char *ebs_volume_problem(const char *t, long size, long iops, long throughput)
{
	static char buf[160];
	long lo = 1, hi = 16384;
	bool known = false;
	for (const char *const *k = EBS_VOLUME_TYPES; *k; k++)
		known = known || !strcmp(*k, t);
	if (!known) {
		const char *near = nearest_word(t, EBS_VOLUME_TYPES);
		snprintf(buf, sizeof(buf), "volume type \"%.40s\" is not an EBS volume type%s%s%s", t,
			 near ? "; did you mean \"" : " (gp2, gp3, io1, io2, st1, sc1, standard)",
			 near ? near : "", near ? "\"?" : "");
		return buf;
	}
	if (!strcmp(t, "gp3") || !strcmp(t, "io2"))
		hi = 65536;
	if (!strcmp(t, "io1") || !strcmp(t, "io2"))
		lo = 4;
	if (!strcmp(t, "st1") || !strcmp(t, "sc1"))
		lo = 125;
	if (!strcmp(t, "standard"))
		hi = 1024;
	if (size < lo || size > hi) {
		snprintf(buf, sizeof(buf), "%s volumes are %ld to %ld GB, not %ld", t, lo, hi, size);
		return buf;
	}
	if ((!strcmp(t, "io1") || !strcmp(t, "io2")) && iops < 100) {
		snprintf(buf, sizeof(buf), "%s volumes need iops (100 or more): set iops", t);
		return buf;
	}
	if (!strcmp(t, "gp3") && iops > 0 && iops < 3000) {
		snprintf(buf, sizeof(buf), "gp3 iops start at the 3,000 included; set 3000 or more");
		return buf;
	}
	if (!strcmp(t, "gp3") && throughput > 0 && throughput < 125) {
		snprintf(buf, sizeof(buf),
			 "gp3 throughput starts at the 125 MiBps included; set 125 or more");
		return buf;
	}
	return NULL;
}

static const struct qty *times(struct pricer_ctx *p, const struct qty *q, const struct qty *copies)
{
	return copies ? q_mul(p, q, copies) : q;
}

/* "Root volume: storage (gp3)", or "Storage (gp3)" for a volume of its own. */
static void line_name(char *buf, size_t size, const struct ebs_volume *v, const char *what,
		      const char *What)
{
	if (v->label)
		snprintf(buf, size, "%s: %s", v->label, what);
	else
		snprintf(buf, size, "%s", What);
}

static bool volume_offered(struct pricer_ctx *p, const struct ebs_volume *v,
			   const struct price_query *q)
{
	static const struct offered_rows rows = {"AmazonEC2", "Storage", "EBS:VolumeUsage",
						 "Volume API Name", NULL, NULL};
	char what[48];
	snprintf(what, sizeof(what), "EBS %s storage", v->type);
	return offered(p, v->r, v->type_attr, v->type, what, q, &rows);
}

bool ebs_price_volume(struct pricer_ctx *p, const struct ebs_volume *v)
{
	struct price_query q;
	char name[160], what[96], What[96];
	const char *t = v->type;

	if (p->rc || p->item->not_priced)
		return false;
	pq_set(&q, "AmazonEC2", "Storage", storage_usage(t));
	pq_attr(&q, "Volume API Name", t);
	if (!volume_offered(p, v, &q))
		return false;
	snprintf(what, sizeof(what), "storage (%s)", t);
	snprintf(What, sizeof(What), "Storage (%s)", t);
	line_name(name, sizeof(name), v, what, What);
	pricer_line(p, name, "GB-months", times(p, v->size, v->copies), &q);

	if (!strcmp(t, "gp3") && dec_cmp(v->iops->v, dec_from_int(3000)) > 0) {
		pq_set(&q, "AmazonEC2", "System Operation", "EBS:VolumeP-IOPS.gp3");
		line_name(name, sizeof(name), v, "IOPS above 3,000 (gp3)",
			  "IOPS above the 3,000 included (gp3)");
		pricer_line(p, name, "IOPS-months",
			    times(p, q_sub(p, v->iops, q_int(p, 3000)), v->copies), &q);
	}
	if (!strcmp(t, "gp3") && dec_cmp(v->throughput->v, dec_from_int(125)) > 0) {
		/* the price is per GiBps-month: MiBps above 125, / 1024 */
		pq_set(&q, "AmazonEC2", "Provisioned Throughput", "EBS:VolumeP-Throughput.gp3");
		line_name(name, sizeof(name), v, "throughput above 125 MiBps (gp3)",
			  "Throughput above the 125 MiBps included (gp3)");
		pricer_line(p, name, "GiBps-mo",
			    times(p,
				  q_div(p, q_sub(p, v->throughput, q_int(p, 125)), q_int(p, 1024)),
				  v->copies),
			    &q);
	}
	if (!strcmp(t, "io1")) {
		pq_set(&q, "AmazonEC2", "System Operation", "EBS:VolumeP-IOPS.piops");
		line_name(name, sizeof(name), v, "IOPS (io1)",
			  "Provisioned IOPS (io1)");
		pricer_line(p, name, "IOPS-months", times(p, v->iops, v->copies), &q);
	}
	if (!strcmp(t, "io2")) {
		pq_set(&q, "AmazonEC2", "System Operation", "EBS:VolumeP-IOPS.io2");
		line_name(name, sizeof(name), v, "IOPS up to 32,000 (io2)",
			  "Provisioned IOPS (io2, up to 32,000)");
		pricer_line(p, name, "IOPS-months",
			    times(p, q_min2(p, v->iops, q_int(p, 32000)), v->copies), &q);
		if (dec_cmp(v->iops->v, dec_from_int(32000)) > 0) {
			pq_set(&q, "AmazonEC2", "System Operation", "EBS:VolumeP-IOPS.io2.tier2");
			line_name(name, sizeof(name), v, "IOPS 32,001 to 64,000 (io2)",
			  "Provisioned IOPS (io2, 32,001 to 64,000)");
			pricer_line(p, name, "IOPS-months",
				    times(p,
					  q_sub(p, q_min2(p, v->iops, q_int(p, 64000)),
						q_int(p, 32000)),
					  v->copies),
				    &q);
		}
		if (dec_cmp(v->iops->v, dec_from_int(64000)) > 0) {
			pq_set(&q, "AmazonEC2", "System Operation", "EBS:VolumeP-IOPS.io2.tier3");
			line_name(name, sizeof(name), v, "IOPS above 64,000 (io2)",
			  "Provisioned IOPS (io2, above 64,000)");
			pricer_line(p, name, "IOPS-months",
				    times(p, q_sub(p, v->iops, q_int(p, 64000)), v->copies), &q);
		}
	}
	return !p->rc;
}

/* ---- volumes written as blocks ------------------------------------------- */

static json_t *block_volume(json_t *block, const char *sub)
{
	return sub ? json_object_get(block, sub) : block;
}

static long field_int(json_t *vol, const char *k, long def)
{
	json_t *v = json_object_get(vol, k);
	return json_is_integer(v) ? (long)json_integer_value(v) : def;
}

static const char *field_str(json_t *vol, const char *k, const char *def)
{
	const char *s = json_string_value(json_object_get(vol, k));
	return s && s[0] ? s : def;
}

void ebs_check_blocks(struct check_ctx *c, const struct resource *r, const char *attr,
		      const char *sub)
{
	size_t i;
	json_t *b;
	char where[96];
	json_array_foreach(json_object_get(r->attrs, attr), i, b) {
		json_t *vol = block_volume(b, sub);
		const char *k;
		json_t *v;
		snprintf(where, sizeof(where), "%s[%zu]%s%s", attr, i, sub ? "." : "", sub ? sub : "");
		if (!vol)
			continue; /* no EBS volume in this mapping (an instance store) */
		if (!json_is_object(vol)) {
			check_fail(c, attr, "%s must be an object", where);
			continue;
		}
		json_object_foreach(vol, k, v) {
			bool known = false;
			for (const char *const *bk = BLOCK_KEYS; *bk; bk++)
				known = known || !strcmp(*bk, k);
			if (!known) {
				const char *near = nearest_word(k, BLOCK_KEYS);
				char kb[64];
				check_fail(c, attr, "%s: \"%s\" is not a volume field%s%s%s", where,
					   cp_sanitize(k, kb, sizeof(kb)),
					   near ? "; did you mean \"" : "", near ? near : "",
					   near ? "\"?" : "");
			} else if ((!strcmp(k, "volume_size") || !strcmp(k, "iops") ||
				    !strcmp(k, "throughput")) &&
				   !json_is_integer(v)) {
				check_fail(c, attr, "%s.%s must be a whole number", where, k);
			} else if (!strcmp(k, "volume_type") && !json_is_string(v)) {
				check_fail(c, attr, "%s.volume_type must be a string", where);
			}
		}
		long size = field_int(vol, "volume_size", DEFAULT_SIZE);
		const char *t = field_str(vol, "volume_type", "gp2");
		const char *why = ebs_volume_problem(t, size, field_int(vol, "iops", 0),
						     field_int(vol, "throughput", 0));
		if (why)
			check_fail(c, attr, "%s: %s", where, why);
	}
}

/* An input for one field of a block: "ebs_block_device[0].volume_size". */
static const struct qty *block_input(struct pricer_ctx *p, const struct resource *r,
				     const char *where, const char *field, long v,
				     const char *unit, const char *doc)
{
	char key[160];
	snprintf(key, sizeof(key), "%s.%s", where, field);
	return qty_input(&p->b->arena, QIN_ATTR, r->address, arena_strdup(&p->b->arena, key),
			 dec_from_int(v), false, unit, doc, NULL);
}

bool ebs_price_blocks(struct pricer_ctx *p, const struct resource *r, const char *attr,
		      const char *sub, const struct qty *copies)
{
	size_t i;
	json_t *b;
	char where[96];
	json_array_foreach(json_object_get(r->attrs, attr), i, b) {
		json_t *vol = block_volume(b, sub);
		if (!json_is_object(vol))
			continue;
		char label[64];
		snprintf(label, sizeof(label), "%s[%zu]", attr, i);
		snprintf(where, sizeof(where), "%s%s%s", label, sub ? "." : "", sub ? sub : "");
		struct ebs_volume v = {
			.label = arena_strdup(&p->b->arena, label),
			.type = field_str(vol, "volume_type", "gp2"),
			.r = r,
			.type_attr = attr,
			.size = block_input(p, r, where, "volume_size",
					    field_int(vol, "volume_size", DEFAULT_SIZE), "GB",
					    "size of the volume (8 when not written)"),
			.iops = block_input(p, r, where, "iops", field_int(vol, "iops", 0), "IOPS",
					    "provisioned IOPS (0 = the type's baseline)"),
			.throughput = block_input(p, r, where, "throughput",
						  field_int(vol, "throughput", 0), "MiBps",
						  "gp3 throughput (0 = the 125 MiBps included)"),
			.copies = copies,
		};
		if (!ebs_price_volume(p, &v))
			return false;
	}
	return true;
}

int ebs_plan_blocks(struct plan_map *m, const char *attr, const char *sub)
{
	static const char *const INTS[] = {"volume_size", "iops", "throughput", NULL};
	size_t i;
	json_t *b;
	char path[128];
	json_t *arr = json_array();
	json_array_foreach(json_object_get(plan_map_values(m), attr), i, b) {
		json_t *vol = block_volume(b, sub);
		if (json_is_array(vol))
			vol = json_array_get(vol, 0); /* a nested block: a list of one */
		if (!json_is_object(vol))
			continue;
		json_t *out = json_object();
		for (const char *const *k = INTS; *k; k++) {
			double d;
			json_t *v = json_object_get(vol, *k);
			if (v && !json_is_null(v) && plan_map_number(m, *k, v, &d) == 0 && d >= 0)
				json_object_set_new(out, *k, json_integer((json_int_t)d));
		}
		if (!json_object_get(out, "volume_size")) {
			snprintf(path, sizeof(path), "%s[%zu].volume_size", attr, i);
			plan_map_assume(m, path, "8 GB");
		}
		const char *t = json_string_value(json_object_get(vol, "volume_type"));
		if (!t || !t[0]) {
			snprintf(path, sizeof(path), "%s[%zu].volume_type", attr, i);
			plan_map_assume(m, path, "gp2");
			t = "gp2";
		}
		json_object_set_new(out, "volume_type", json_string(t));
		const char *why = ebs_volume_problem(t, field_int(out, "volume_size", DEFAULT_SIZE),
						     field_int(out, "iops", 0),
						     field_int(out, "throughput", 0));
		if (why)
			plan_map_not_priced(m, "%s[%zu]: %s", attr, i, why);
		json_array_append_new(arr, sub ? json_pack("{s:o}", sub, out) : out);
	}
	plan_map_set(m, attr, arr);
	return 1;
}

/* ---- aws_ebs_volume ------------------------------------------------------- */

static const struct attr_spec ATTRS[] = {
	COUNT_ATTR,
	{.name = "availability_zone", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "type", .kind = ATTR_ENUM, .def = "gp2", .choices = EBS_VOLUME_TYPES,
	 .doc = "volume type (Terraform's default gp2)"},
	{.name = "size", .kind = ATTR_INT, .def = "8", .min = 1, .max = 65536,
	 .doc = "provisioned GB (a plan without it: 8, Infracost's default)", .unit = "GB"},
	{.name = "iops", .kind = ATTR_INT, .def = "0", .max = 256000,
	 .doc = "provisioned IOPS: io1/io2, and gp3 above the 3,000 included", .unit = "IOPS"},
	{.name = "throughput", .kind = ATTR_INT, .def = "0", .max = 4000,
	 .doc = "gp3 MiBps (above the 125 included is billed)", .unit = "MiBps"},
	{.name = "encrypted", .kind = ATTR_BOOL, .def = "false", .doc = "free", .info = true},
	{.name = "snapshot_id", .kind = ATTR_STRING, .def = "", .doc = "", .info = true},
	{.name = "multi_attach_enabled", .kind = ATTR_BOOL, .def = "false", .doc = "free",
	 .info = true},
	ATTR_END,
};

static const struct usage_spec USAGE[] = {
	{"monthly_standard_io_requests", "requests/month",
	 "I/O requests a month to a magnetic (standard) volume"},
	{"snapshot_storage_gb", "GB",
	 "GB of snapshot data kept for this volume (incremental), a month"},
	USAGE_END,
};

static void check(struct check_ctx *c, const struct resource *r)
{
	const char *why = ebs_volume_problem(res_str(r, "type"), res_int(r, "size"),
					     res_int(r, "iops"), res_int(r, "throughput"));
	if (why)
		check_fail(c, "type", "%s", why);
}

static void plan_check(struct plan_map *m)
{
	json_t *t = json_object_get(plan_map_values(m), "type");
	long size = plan_map_body_int(m, "size");
	/* 0: unknown until apply, the default (8) is assumed */
	const char *why = ebs_volume_problem(json_is_string(t) ? json_string_value(t) : "gp2",
					     size ? size : DEFAULT_SIZE, plan_map_body_int(m, "iops"),
					     plan_map_body_int(m, "throughput"));
	if (why)
		plan_map_not_priced(m, "%s", why);
}

static void price(struct pricer_ctx *p, const struct resource *r)
{
	struct price_query q;
	const char *t = res_str(r, "type");
	struct ebs_volume v = {NULL, t, r, "type", q_attr(p, r, "size"), q_attr(p, r, "iops"),
			       q_attr(p, r, "throughput"), NULL};
	pricer_selects(p, r, "type");
	if (!ebs_price_volume(p, &v))
		return;
	if (!strcmp(t, "standard")) {
		pq_set(&q, "AmazonEC2", "System Operation", "EBS:VolumeIOUsage");
		pricer_line(p, "I/O requests", "requests",
			    q_usage(p, r, "monthly_standard_io_requests"), &q);
	}
	pq_set(&q, "AmazonEC2", "Storage Snapshot", "EBS:SnapshotUsage");
	struct cost_line *l = pricer_line(p, "Snapshots", "GB-months",
					  q_usage(p, r, "snapshot_storage_gb"), &q);
	if (l && !l->has_usage)
		pricer_note(l, "set snapshot_storage_gb if the volume has snapshots");
}

static void choices(struct choice_list *l)
{
	static const char *const COLS[] = {"Volume API Name", "Volume Type", NULL};
	l->heading = "type  volume";
	choices_add_prices(l, "AmazonEC2", "Storage", "EBS:VolumeUsage", COLS);
}

const struct type_spec aws_ebs_volume_type = {
	.type = "aws_ebs_volume",
	.title = "EBS volume",
	.category = CAT_COMPUTE,
	.attrs = ATTRS,
	.usage = USAGE,
	.check = check,
	.plan_check = plan_check,
	.price = price,
	.choices = choices,
};

/* Attaching a volume to an instance costs nothing: the volume is billed. */
const struct type_spec aws_volume_attachment_type = {
	.type = "aws_volume_attachment",
	.title = "EBS volume attachment",
	.category = CAT_FREE,
	.open = true,
	.free_reason = "an attachment; the volume is billed on its aws_ebs_volume",
};
