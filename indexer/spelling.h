/* spelling.h: which words go into Xapian's spelling table, and when. */
#ifndef VB_SPELLING_H
#define VB_SPELLING_H

#include "util/strset.h"
#include "xapian/xap.h"

/*
 * A word enters the spelling table ("did you mean") once it has been seen
 * twice: a word written once in the whole corpus is as often a typo or
 * a fragment of scraped junk as a word worth suggesting, and it took
 * 30% of the table (docs/performance.md).  Words seen once wait in
 * `once`, across commits, until a second sighting lets them in with both
 * counts; a word the table already holds (from an earlier run) goes in
 * at once.  `once` is bounded: past VB_SPELLING_MAX_ONCE words waiting,
 * new ones go in as before, seen once or not.
 */
struct vb_spelling_once {
	struct vb_strset words;   /* count 1: waiting; 2: gone in since */
};

#define VB_SPELLING_MAX_ONCE 1000000

/* Hand the counts of `counts` (word -> occurrences since the last flush)
 * to db's spelling table as said above, and empty `counts`. */
xap_status vb_spelling_flush(xap_db *db, struct vb_strset *counts,
			     struct vb_spelling_once *once, xap_error *xe);

void vb_spelling_once_release(struct vb_spelling_once *once);

#endif
