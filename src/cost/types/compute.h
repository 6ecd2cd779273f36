/*
 * compute.h - rules the EC2 type files share: EBS volumes (ebs_volume.c),
 * which instances, launch templates and auto scaling groups carry, and the
 * on-demand instance-hour (instance.c).
 *
 * A volume is priced from quantities (sizes, IOPS, throughput) that are
 * expressions over the inputs they come from, so the spreadsheet keeps a
 * formula for each. Volumes written as a list of blocks (an instance's
 * ebs_block_device, a launch template's block_device_mappings) are read
 * from the resource's attributes as written; each block's fields become
 * inputs named "ebs_block_device[0].volume_size".
 */
#ifndef COSTPLAN_TYPES_COMPUTE_H
#define COSTPLAN_TYPES_COMPUTE_H

#include <stdbool.h>

#include "cost/types/common.h"

/* Volume types EBS has (Terraform's volume_type values). */
extern const char *const EBS_VOLUME_TYPES[];

/* One EBS volume to price. */
struct ebs_volume {
	const char *label;        /* line prefix ("Root volume"), or NULL */
	const char *type;         /* "gp3" */
	const struct resource *r; /* where it is written (errors are located there) */
	const char *type_attr;    /* r's attribute that holds the type */
	const struct qty *size;   /* GB */
	const struct qty *iops;   /* provisioned IOPS; 0 when unset */
	const struct qty *throughput; /* MiBps; 0 when unset */
	const struct qty *copies; /* instances that each carry it (an ASG's); NULL: 1 */
};

/* Add a volume's lines (storage, IOPS and throughput above what is
 * included). false after an error or when the resource is not priced. */
bool ebs_price_volume(struct pricer_ctx *p, const struct ebs_volume *v);

/* A volume of type t with size GB, iops and throughput MiBps: what AWS
 * refuses, as text for an error, or NULL. */
const char *ebs_volume_problem(const char *t, long size, long iops, long throughput);

/*
 * Volumes written as the blocks of list attribute attr of r; sub names the
 * object inside each block that holds the volume ("ebs" in a launch
 * template's block_device_mappings), NULL when the block is the volume.
 * check: report a block AWS refuses (check hook). price: add each
 * volume's lines, for copies instances (NULL: 1). plan: copy each
 * block's volume fields from a plan (plan_attr hook; returns 1).
 */
void ebs_check_blocks(struct check_ctx *c, const struct resource *r, const char *attr,
		      const char *sub);
bool ebs_price_blocks(struct pricer_ctx *p, const struct resource *r, const char *attr,
		      const char *sub, const struct qty *copies);
int ebs_plan_blocks(struct plan_map *m, const char *attr, const char *sub);

/*
 * The on-demand Linux, shared-tenancy hourly price of an EC2 instance type
 * (usage type BoxUsage:<type>, written into buf). ec2_instance_offered
 * checks it is priced in the region (reported at attr of r when not).
 */
void pq_ec2_instance(struct price_query *q, char *buf, size_t size, const char *instance_type);
bool ec2_instance_offered(struct pricer_ctx *p, const struct resource *r, const char *attr,
			  const char *instance_type, const struct price_query *q);
/* EC2 instance types with their hourly prices (costplan types). */
void ec2_instance_choices(struct choice_list *l);
/* A note for the instance-hours line of a burstable (T-family) type. */
void ec2_burstable_note(struct cost_line *l, const char *instance_type);

#endif
