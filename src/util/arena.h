/*
 * arena.h - many small allocations released together.
 *
 * A breakdown's quantity expressions (cost/quantity.h) are hundreds of
 * small nodes that live exactly as long as the breakdown: an arena hands
 * them out from large blocks and frees them all at once. Arenas can be
 * joined (arena_adopt) when one result absorbs another's items, as a plan
 * side merges the breakdowns of its regions.
 *
 * Memory from an arena is zeroed and aligned for any type.
 */
#ifndef COSTPLAN_ARENA_H
#define COSTPLAN_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head; /* newest block first */
};

/* n zeroed bytes; never NULL (exits like xmalloc when memory runs out). */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Move every block of src into dst; src is left empty. */
void arena_adopt(struct arena *dst, struct arena *src);
void arena_release(struct arena *a);

#endif
