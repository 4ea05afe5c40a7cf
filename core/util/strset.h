/* strset.h: a set of strings (open addressing), for ids and paths seen in a run. */
#ifndef VB_STRSET_H
#define VB_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct vb_strset {
	char **slots;
	unsigned *counts;  /* per slot, for vb_strset_count_add */
	size_t nslots;     /* power of two, or 0 */
	size_t n;
	/* The strings live in blocks freed together: a set filled and
	 * released for every document (the spelling words) made a malloc
	 * and a free per word. */
	char *block;       /* the newest block; each starts with a link to the previous */
	size_t block_used, block_size;
};

#define VB_STRSET_INIT { NULL, NULL, 0, 0, NULL, 0, 0 }

/* Add a copy of `s`; returns true when it was not there before. */
bool vb_strset_add(struct vb_strset *set, const char *s);
bool vb_strset_has(const struct vb_strset *set, const char *s);
void vb_strset_release(struct vb_strset *set);
/* Add `inc` to the count of `s` (added with count 0 if new); returns it. */
unsigned vb_strset_count_add(struct vb_strset *set, const char *s, unsigned inc);
/* Set the count of `s` (added if new). */
void vb_strset_count_set(struct vb_strset *set, const char *s, unsigned n);
/* The count of `s`, 0 when it is not in the set. */
unsigned vb_strset_count(const struct vb_strset *set, const char *s);
/* Iterate: call with *i = 0; returns NULL at the end.  With `count` not
 * NULL, the string's count is stored there. */
const char *vb_strset_next(const struct vb_strset *set, size_t *i);
const char *vb_strset_next_count(const struct vb_strset *set, size_t *i,
				 unsigned *count);

#endif
