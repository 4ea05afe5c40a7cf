/* strset.h: a set of strings (open addressing), for ids and paths seen in a run. */
#ifndef VB_STRSET_H
#define VB_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct vb_strset {
	char **slots;
	size_t nslots;   /* power of two, or 0 */
	size_t n;
};

#define VB_STRSET_INIT { NULL, 0, 0 }

/* Add a copy of `s`; returns true when it was not there before. */
bool vb_strset_add(struct vb_strset *set, const char *s);
bool vb_strset_has(const struct vb_strset *set, const char *s);
void vb_strset_release(struct vb_strset *set);
/* Iterate: call with *i = 0; returns NULL at the end. */
const char *vb_strset_next(const struct vb_strset *set, size_t *i);

#endif
