/*
 * unpriced.h - a resource that costs money but has no price: the plan
 * reader lists those it cannot map, the engine those whose configuration a
 * pricer cannot price (cost/pricer.h: pricer_not_priced). Never dropped:
 * every report lists them with the reason.
 */
#ifndef COSTPLAN_UNPRICED_H
#define COSTPLAN_UNPRICED_H

struct unpriced {
	char *address; /* Terraform's */
	char *type;
	char *why;
};

#endif
