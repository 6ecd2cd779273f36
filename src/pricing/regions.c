/*
 * regions.c - the AWS commercial regions with their price-list names.
 * Location names are the ones the Price List uses in its "Location" column
 * (note "EU (Ireland)", not "Europe (Ireland)").
 */
#include "pricing/regions.h"

#include <ctype.h>
#include <string.h>

static const struct aws_region REGIONS[] = {
	{"us-east-1", "US East (N. Virginia)", "USE1"},
	{"us-east-2", "US East (Ohio)", "USE2"},
	{"us-west-1", "US West (N. California)", "USW1"},
	{"us-west-2", "US West (Oregon)", "USW2"},
	{"af-south-1", "Africa (Cape Town)", "AFS1"},
	{"ap-east-1", "Asia Pacific (Hong Kong)", "APE1"},
	{"ap-south-1", "Asia Pacific (Mumbai)", "APS3"},
	{"ap-south-2", "Asia Pacific (Hyderabad)", "APS5"},
	{"ap-northeast-1", "Asia Pacific (Tokyo)", "APN1"},
	{"ap-northeast-2", "Asia Pacific (Seoul)", "APN2"},
	{"ap-northeast-3", "Asia Pacific (Osaka)", "APN3"},
	{"ap-southeast-1", "Asia Pacific (Singapore)", "APS1"},
	{"ap-southeast-2", "Asia Pacific (Sydney)", "APS2"},
	{"ap-southeast-3", "Asia Pacific (Jakarta)", "APS4"},
	{"ap-southeast-4", "Asia Pacific (Melbourne)", "APS6"},
	{"ca-central-1", "Canada (Central)", "CAN1"},
	{"eu-central-1", "EU (Frankfurt)", "EUC1"},
	{"eu-central-2", "EU (Zurich)", "EUC2"},
	{"eu-west-1", "EU (Ireland)", "EU"},
	{"eu-west-2", "EU (London)", "EUW2"},
	{"eu-west-3", "EU (Paris)", "EUW3"},
	{"eu-south-1", "EU (Milan)", "EUS1"},
	{"eu-south-2", "EU (Spain)", "EUS2"},
	{"eu-north-1", "EU (Stockholm)", "EUN1"},
	{"il-central-1", "Israel (Tel Aviv)", "ILC1"},
	{"me-south-1", "Middle East (Bahrain)", "MES1"},
	{"me-central-1", "Middle East (UAE)", "MEC1"},
	{"sa-east-1", "South America (Sao Paulo)", "SAE1"},
	{NULL, NULL, NULL},
};

const struct aws_region *aws_region_find(const char *code)
{
	for (const struct aws_region *r = REGIONS; code && r->code; r++)
		if (strcmp(r->code, code) == 0)
			return r;
	return NULL;
}

const struct aws_region *aws_regions(void)
{
	return REGIONS;
}

int aws_region_code_shaped(const char *s)
{
	int dashes = 0;
	size_t n = s ? strlen(s) : 0;
	if (n < 5 || n > 32 || !isdigit((unsigned char)s[n - 1]))
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			dashes++;
		else if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]))
			return 0;
	}
	return dashes == 2;
}
