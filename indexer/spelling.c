/* spelling.c: words into the spelling table once seen twice (spelling.h). */
#include "spelling.h"

#include <string.h>

/* What `once` says of a word; not there: neither seen once nor known to
 * be in the table. */
enum { WAITING = 1, IN_TABLE = 2, NEW = 3 /* waiting from this flush on */ };

xap_status vb_spelling_flush(xap_db *db, struct vb_strset *counts,
			     struct vb_spelling_once *once, xap_error *xe)
{
	size_t it = 0;
	unsigned count;
	const char *word;
	xap_status st = XAP_OK;

	/* First the table's answers for words seen once, before any word
	 * of this flush is added: a lookup makes Xapian write out what is
	 * pending. */
	while (!st && (word = vb_strset_next_count(counts, &it, &count))) {
		unsigned freq = 0;
		if (count != 1 || vb_strset_count(&once->words, word) ||
		    once->words.n >= VB_SPELLING_MAX_ONCE)
			continue;
		st = xap_db_spelling_freq(db, word, strlen(word), &freq, xe);
		if (!st && !freq)
			vb_strset_count_set(&once->words, word, NEW);
	}
	for (it = 0; !st && (word = vb_strset_next_count(counts, &it, &count));) {
		switch (vb_strset_count(&once->words, word)) {
		case NEW:
			vb_strset_count_set(&once->words, word, WAITING);
			continue;
		case WAITING:
			/* The second sighting: in, with the first. */
			vb_strset_count_set(&once->words, word, IN_TABLE);
			count++;
			break;
		}
		st = xap_db_add_spelling(db, word, strlen(word), count, xe);
	}
	vb_strset_release(counts);
	return st;
}

void vb_spelling_once_release(struct vb_spelling_once *once)
{
	vb_strset_release(&once->words);
}
