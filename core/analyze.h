/* analyze.h: word -> index term, the one function documents and queries share. */
#ifndef VB_ANALYZE_H
#define VB_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>

#include "text/text.h"
#include "util/buf.h"

/*
 * An analyzer turns word tokens into the terms stored in the index:
 * vb_term_from_word() (NFKC case folding, apostrophes, possessives,
 * elisions), dots of acronyms dropped ("u.s" -> "us"), then the language's
 * Snowball stemmer, with the "Z" prefix on every free-text term (Xapian's
 * STEM_ALL_Z convention).  Numbers, Chinese and Japanese words, and words
 * of languages without a stemmer are not stemmed but still get "Z".
 *
 * The searcher builds its query terms with the same analyzer, so a word in
 * a query and the same word in a document always meet.  One analyzer per
 * thread and language; it caches stems (bounded) because stemming dominates
 * the cost of analysis.
 */
struct vb_analyzer;

/* `lang` is a language tag or name; NULL or unknown: no stemming. */
int vb_analyzer_new(struct vb_analyzer **out, const char *lang,
		    struct vb_buf *err);
void vb_analyzer_free(struct vb_analyzer *a);
/* The Snowball name used ("english"), or "none". */
const char *vb_analyzer_stemmer(const struct vb_analyzer *a);
/*
 * True when a word whose normalized form starts with an ASCII byte always
 * gets a term starting with "Z" and that same byte: no stemmer, or one
 * that only rewrites endings.  The highlighter then skips stemming the
 * words whose first letter no query term has.
 */
bool vb_analyzer_keeps_ascii_initial(const struct vb_analyzer *a);

/*
 * The normalized, unstemmed form of a word (no prefix) into `out` (reset
 * first).  Returns its length; 0 when the word yields no term (too long,
 * only apostrophes).
 */
size_t vb_analyzer_word(struct vb_analyzer *a, const char *word, size_t len,
			struct vb_buf *out);
/*
 * The index term of a word token into `out` (reset first): "Z" + stem for
 * words, "Z" + the normalized form for numbers, ideographic words and
 * languages without stemmer.  Returns the length; 0: no term.
 */
size_t vb_analyzer_term(struct vb_analyzer *a, const char *word, size_t len,
			enum vb_token_kind kind, struct vb_buf *out);
/* Stem an already normalized word, with the "Z" prefix (as above). */
size_t vb_analyzer_stem_normalized(struct vb_analyzer *a, const char *norm,
				   size_t len, enum vb_token_kind kind,
				   struct vb_buf *out);

/* The primary language subtag, lowercased, of a tag: "en-GB" -> "en". */
void vb_lang_primary(const char *tag, char out[16]);

#endif
