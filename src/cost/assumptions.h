/*
 * assumptions.h (cost) - a pricer says which named assumption it used
 * (model/assumptions.h), with the value it used: once per breakdown in its
 * notes, which every report shows ("assumption: NAME = VALUE (source;
 * override with --assume NAME=VALUE or the attribute KEY)"), and in a
 * short form for the line's own note.
 */
#ifndef COSTPLAN_COST_ASSUMPTIONS_H
#define COSTPLAN_COST_ASSUMPTIONS_H

#include <stddef.h>

#include "cost/pricer.h"
#include "model/assumptions.h"

/*
 * Note that assumption `name` was used with value v; write
 * "assumption: NAME = VALUE" into buf (size >= 96 is plenty) and return it.
 */
const char *pricer_assumption(struct pricer_ctx *p, const char *name, dec v, char *buf,
			      size_t size);
/* The registry default of `name` as a decimal (0 when unknown). */
dec assumption_default(const char *name);

#endif
