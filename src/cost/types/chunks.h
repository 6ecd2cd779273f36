/*
 * chunks.h - requests billed per chunk of payload, for the type files that
 * need it: SQS and SNS bill each 64 KB chunk of a request as one request,
 * API Gateway HTTP APIs each 512 KB, WebSocket APIs each 32 KB of a
 * message (their AWS pricing pages).
 *
 * The chunk count is ceil(size / chunk), written as an expression the
 * spreadsheet can recompute: 1 plus one step for each further chunk the
 * payload limit allows ("size is over k x chunk KB": 1, else 0). When no
 * size is given the request is one chunk and the quantity is the count as
 * given.
 */
#ifndef COSTPLAN_TYPES_CHUNKS_H
#define COSTPLAN_TYPES_CHUNKS_H

#include <stdio.h>

#include "cost/types/common.h"

/* count (an expression) x the chunks of usage figure size_key (KB) of r,
 * chunk KB each, up to max_kb. */
static inline const struct qty *q_chunked(struct pricer_ctx *p, const struct resource *r,
					  const struct qty *count, const char *size_key,
					  long chunk, long max_kb)
{
	if (!json_object_get(r->usage, size_key))
		return count;
	const struct qty *size = q_usage(p, r, size_key);
	const struct qty *n = q_int(p, 1);
	for (long k = 1; k * chunk < max_kb; k++) {
		char label[64];
		snprintf(label, sizeof(label), "over %ld KB", k * chunk);
		/* (k x chunk - size) >= 0 ? 0 : 1, i.e. 1 when size > k x chunk */
		n = q_add(p, n, q_step(p, q_sub(p, q_int(p, k * chunk), size), 0, 0, 1,
				       arena_strdup(&p->b->arena, label)));
	}
	return q_mul(p, count, n);
}

#endif
