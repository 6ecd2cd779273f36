/*
 * assumptions.c (cost) - see cost/assumptions.h.
 */
#include "cost/assumptions.h"

#include <stdio.h>
#include <stdlib.h>

#include "util/error.h"

const char *pricer_assumption(struct pricer_ctx *p, const char *name, dec v, char *buf,
			      size_t size)
{
	char val[DEC_BUFSZ];
	const struct assumption *a = assumption_find(name);
	dec_format_trim(v, val, sizeof(val));
	snprintf(buf, size, "assumption: %s = %s", name, val);
	if (a && p->b)
		strv_push_unique(&p->b->notes, &p->b->nnotes, assumption_text(a, val));
	return buf;
}

dec assumption_default(const char *name)
{
	const struct assumption *a = assumption_find(name);
	dec d = dec_zero();
	if (!a || dec_parse(a->value, &d) != 0)
		return dec_zero();
	return d;
}
