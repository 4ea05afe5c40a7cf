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

#define BLOCK_MIN ((size_t)4096 - 64)
#define BLOCK_MAX ((size_t)1 << 20)

/* A copy of s in the set's blocks. */
static char *copy(struct vb_strset *set, const char *s)
{
	size_t n = strlen(s) + 1;
	if (!set->block || set->block_used + n > set->block_size) {
		size_t size = set->block_size ? set->block_size * 2 : BLOCK_MIN;
		if (size > BLOCK_MAX)
			size = BLOCK_MAX;
		if (size < sizeof(char *) + n)
			size = sizeof(char *) + n;
		char *b = vb_malloc(size);
		memcpy(b, &set->block, sizeof(char *));
		set->block = b;
		set->block_size = size;
		set->block_used = sizeof(char *);
	}
	char *p = set->block + set->block_used;
	memcpy(p, s, n);
	set->block_used += n;
	return p;
}

/* The slot of `s`, inserting it when missing (*added says so). */
static size_t insert(struct vb_strset *set, const char *s, bool *added)
{
	if ((set->n + 1) * 2 > set->nslots)
		rehash(set, set->nslots ? set->nslots * 2 : 64);
	size_t i = find_slot(set->slots, set->nslots, s);
	*added = !set->slots[i];
	if (*added) {
		set->slots[i] = copy(set, s);
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

void vb_strset_count_set(struct vb_strset *set, const char *s, unsigned n)
{
	bool added;
	size_t i = insert(set, s, &added);   /* may move set->counts */
	set->counts[i] = n;
}

unsigned vb_strset_count(const struct vb_strset *set, const char *s)
{
	if (!set->nslots)
		return 0;
	size_t i = find_slot(set->slots, set->nslots, s);
	return set->slots[i] ? set->counts[i] : 0;
}

void vb_strset_release(struct vb_strset *set)
{
	while (set->block) {
		char *prev;
		memcpy(&prev, set->block, sizeof(prev));
		free(set->block);
		set->block = prev;
	}
	free(set->slots);
	free(set->counts);
	set->slots = NULL;
	set->counts = NULL;
	set->nslots = set->n = 0;
	set->block_used = set->block_size = 0;
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
