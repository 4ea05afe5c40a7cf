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
	unsigned *counts = vb_calloc(nslots, sizeof(*counts));
	for (size_t i = 0; i < set->nslots; i++) {
		if (!set->slots[i])
			continue;
		size_t j = find_slot(slots, nslots, set->slots[i]);
		slots[j] = set->slots[i];
		counts[j] = set->counts[i];
	}
	free(set->slots);
	free(set->counts);
	set->slots = slots;
	set->counts = counts;
	set->nslots = nslots;
}

/* The slot of `s`, inserting it when missing (*added says so). */
static size_t insert(struct vb_strset *set, const char *s, bool *added)
{
	if ((set->n + 1) * 2 > set->nslots)
		rehash(set, set->nslots ? set->nslots * 2 : 64);
	size_t i = find_slot(set->slots, set->nslots, s);
	*added = !set->slots[i];
	if (*added) {
		set->slots[i] = vb_strdup(s);
		set->counts[i] = 0;
		set->n++;
	}
	return i;
}

bool vb_strset_add(struct vb_strset *set, const char *s)
{
	bool added;
	insert(set, s, &added);
	return added;
}

unsigned vb_strset_count_add(struct vb_strset *set, const char *s, unsigned inc)
{
	bool added;
	size_t i = insert(set, s, &added);
	set->counts[i] += inc;
	return set->counts[i];
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
	free(set->counts);
	set->slots = NULL;
	set->counts = NULL;
	set->nslots = set->n = 0;
}

const char *vb_strset_next_count(const struct vb_strset *set, size_t *i,
				 unsigned *count)
{
	while (*i < set->nslots) {
		size_t k = (*i)++;
		if (set->slots[k]) {
			if (count)
				*count = set->counts[k];
			return set->slots[k];
		}
	}
	return NULL;
}

const char *vb_strset_next(const struct vb_strset *set, size_t *i)
{
	return vb_strset_next_count(set, i, NULL);
}
