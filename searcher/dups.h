/* dups.h: results that repeat an earlier result's text. */
#ifndef VB_DUPS_H
#define VB_DUPS_H

#include <jansson.h>
#include <stddef.h>

/*
 * News is syndicated and press releases are posted in several places, so
 * one paragraph or quote often comes back from several documents.  Each
 * item of `items` (an array of search results or quotes, in rank order)
 * whose "text" says the same as an earlier item's, to case, spacing and
 * punctuation (vb_text_fingerprint), gets "duplicate_of": that item's
 * "id".  With `same_speaker`, quotes count as the same only when their
 * speakers' keys are equal too.  Nothing is removed or reordered: ranks
 * and pages stay what the ranking made them, and a program reading the
 * JSON sees every document; the text output prints a copy on one line.
 */
void vb_mark_duplicates(json_t *items, int same_speaker);

/*
 * For each item of `items`, the index of the item its "duplicate_of"
 * names, or SIZE_MAX when it has none or names no item of `items`.  The
 * ids are mapped once, so printing a page of 100,000 results does not
 * search the page for each copy.  Free with free().
 */
size_t *vb_duplicate_origins(json_t *items);

#endif
