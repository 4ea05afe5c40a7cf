/* strset.c: open-addressing string set with linear probing. */
#include "strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

static size_t find_slot(char **slots, size_t nslots, const char *s)
{
	size_t i = (size_t)hash_str(s) & (nslots - 1);
	while (slots[i] && strcmp(slots[i], s))
		i = (i + 1) & (nslots - 1);
	return i;
}

static void rehash(struct vb_strset *set, size_t nslots)
{
	char **slots = vb_calloc(nslots, sizeof(*slots));
	for (size_t i = 0; i < set->nslots; i++)
		if (set->slots[i])
			slots[find_slot(slots, nslots, set->slots[i])] =
				set->slots[i];
	free(set->slots);
	set->slots = slots;
	set->nslots = nslots;
}

bool vb_strset_add(struct vb_strset *set, const char *s)
{
	if ((set->n + 1) * 2 > set->nslots)
		rehash(set, set->nslots ? set->nslots * 2 : 64);
	size_t i = find_slot(set->slots, set->nslots, s);
	if (set->slots[i])
		return false;
	set->slots[i] = vb_strdup(s);
	set->n++;
	return true;
}

bool vb_strset_has(const struct vb_strset *set, const char *s)
{
	if (!set->nslots)
		return false;
	return set->slots[find_slot(set->slots, set->nslots, s)] != NULL;
}

void vb_strset_release(struct vb_strset *set)
{
	for (size_t i = 0; i < set->nslots; i++)
		free(set->slots[i]);
	free(set->slots);
	set->slots = NULL;
	set->nslots = set->n = 0;
}

const char *vb_strset_next(const struct vb_strset *set, size_t *i)
{
	while (*i < set->nslots) {
		const char *s = set->slots[(*i)++];
		if (s)
			return s;
	}
	return NULL;
}
