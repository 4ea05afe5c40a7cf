/* dups.c: results that repeat an earlier result's text (dups.h). */
#include "dups.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "text/text.h"

static uint64_t item_fingerprint(json_t *item, int same_speaker)
{
	const char *text = vb_json_str(item, "text");
	uint64_t h = vb_text_fingerprint(text, strlen(text));
	if (same_speaker) {
		const char *key = vb_json_str(json_object_get(item, "speaker"), "key");
		/* Mixed in so that an unknown speaker ("") differs too. */
		h ^= vb_text_fingerprint(key, strlen(key)) * 0x9e3779b97f4a7c15ULL + 1;
	}
	return h;
}

/* A fingerprint and the rank-order index of its item. */
struct fp_at {
	uint64_t fp;
	size_t i;
};

static int by_fp_then_index(const void *a, const void *b)
{
	const struct fp_at *x = a, *y = b;
	if (x->fp != y->fp)
		return x->fp < y->fp ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

void vb_mark_duplicates(json_t *items, int same_speaker)
{
	size_t n = json_array_size(items);
	if (n < 2)
		return;
	/* Sorted by fingerprint, then rank: a page of 100,000 quotes is
	 * n log n, not a walk back over every earlier item. */
	struct fp_at *fp = malloc(n * sizeof(*fp));
	if (!fp)
		abort();
	for (size_t i = 0; i < n; i++)
		fp[i] = (struct fp_at){ item_fingerprint(json_array_get(items, i), same_speaker), i };
	qsort(fp, n, sizeof(*fp), by_fp_then_index);
	/* In each run of equal fingerprints the first in rank order is the
	 * original; the others, if they have text, repeat it. */
	const char *orig = NULL;
	for (size_t k = 0; k < n; k++) {
		json_t *item = json_array_get(items, fp[k].i);
		if (k == 0 || fp[k].fp != fp[k - 1].fp)
			orig = vb_json_str(item, "id");
		else if (*vb_json_str(item, "text"))
			json_object_set_new(item, "duplicate_of", json_string(orig));
	}
	free(fp);
}

size_t *vb_duplicate_origins(json_t *items)
{
	size_t n = json_array_size(items);
	size_t *orig = malloc((n ? n : 1) * sizeof(*orig));
	json_t *first = json_object();   /* id -> index of its first item */
	if (!orig || !first)
		abort();
	for (size_t i = 0; i < n; i++) {
		const char *id = vb_json_str(json_array_get(items, i), "id");
		if (!json_object_get(first, id))
			json_object_set_new(first, id, json_integer((json_int_t)i));
	}
	for (size_t i = 0; i < n; i++) {
		const char *dup = vb_json_str(json_array_get(items, i), "duplicate_of");
		json_t *at = *dup ? json_object_get(first, dup) : NULL;
		orig[i] = at ? (size_t)json_integer_value(at) : SIZE_MAX;
	}
	json_decref(first);
	return orig;
}
