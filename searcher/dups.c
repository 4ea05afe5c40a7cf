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

void vb_mark_duplicates(json_t *items, int same_speaker)
{
	size_t n = json_array_size(items);
	if (n < 2)
		return;
	uint64_t *fp = malloc(n * sizeof(*fp));
	if (!fp)
		abort();
	for (size_t i = 0; i < n; i++) {
		json_t *item = json_array_get(items, i);
		const char *text = vb_json_str(item, "text");
		fp[i] = item_fingerprint(item, same_speaker);
		if (!*text)
			continue;
		for (size_t j = 0; j < i; j++) {
			json_t *first = json_array_get(items, j);
			if (fp[j] != fp[i] || json_object_get(first, "duplicate_of"))
				continue;
			json_object_set_new(item, "duplicate_of",
					    json_string(vb_json_str(first, "id")));
			break;
		}
	}
	free(fp);
}
