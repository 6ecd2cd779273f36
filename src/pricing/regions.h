/*
 * regions.h - AWS region codes, their price-list location names and billing
 * prefixes (AWS doc "AWS Region billing codes"). Static tables: nothing to free.
 */
#ifndef COSTPLAN_REGIONS_H
#define COSTPLAN_REGIONS_H

struct aws_region {
	const char *code;     /* "eu-west-1" */
	const char *location; /* "EU (Ireland)", the price list's Location */
	const char *prefix;   /* "EU", the usage-type billing prefix */
};

/* NULL when code is not an AWS region we know. */
const struct aws_region *aws_region_find(const char *code);
/* The table, terminated by an entry with code == NULL. */
const struct aws_region *aws_regions(void);
/* Is s shaped like a region code ("xx-name-N")? */
int aws_region_code_shaped(const char *s);

#endif
