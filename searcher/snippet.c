/* snippet.c: choose the window of a passage richest in query words and mark them. */
#include "snippet.h"

#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "util/strset.h"

#define ELLIPSIS "\xe2\x80\xa6"
#define MAX_ANALYZERS 8

struct vb_highlighter {
	struct vb_strset terms;
	char **wildcards;
	size_t nwildcards;
	vb_tokenizer *tk;
	struct {
		char lang[16];
		struct vb_analyzer *an;
	} analyzers[MAX_ANALYZERS];
	size_t nanalyzers;
	struct vb_tokens tokens;
	struct vb_buf term, word, norm;
	int *match;            /* per token: index of the matched term + 1, or 0 */
	size_t match_alloc;
	/* initial[c]: a term or wildcard starts with "Z" and byte c; a word
	 * whose normalized form starts with another ASCII byte cannot match
	 * under a stemmer that keeps ASCII initials, so it is not stemmed:
	 * most of the words of a passage, and stemming them was a fifth of a
	 * query's time (docs/performance.md). */
	bool initial[256];
};

static void note_initial(struct vb_highlighter *h, const char *term)
{
	if (term[0] != 'Z')
		return;   /* no token's term can equal it */
	if (!term[1])
		memset(h->initial, 1, sizeof(h->initial));   /* "Z*" */
	else
		h->initial[(unsigned char)term[1]] = true;
}

struct vb_highlighter *vb_highlighter_new(char *const *terms, size_t nterms,
					  char *const *wildcards,
					  size_t nwildcards)
{
	struct vb_highlighter *h = vb_calloc(1, sizeof(*h));
	for (size_t i = 0; i < nterms; i++) {
		vb_strset_add(&h->terms, terms[i]);
		note_initial(h, terms[i]);
	}
	if (nwildcards) {
		h->wildcards = vb_calloc(nwildcards, sizeof(char *));
		for (size_t i = 0; i < nwildcards; i++) {
			h->wildcards[i] = vb_strdup(wildcards[i]);
			note_initial(h, wildcards[i]);
		}
	}
	h->nwildcards = nwildcards;
	vb_buf_init(&h->term);
	vb_buf_init(&h->word);
	vb_buf_init(&h->norm);
	return h;
}

void vb_highlighter_free(struct vb_highlighter *h)
{
	if (!h)
		return;
	vb_strset_release(&h->terms);
	for (size_t i = 0; i < h->nwildcards; i++)
		free(h->wildcards[i]);
	free(h->wildcards);
	for (size_t i = 0; i < h->nanalyzers; i++)
		vb_analyzer_free(h->analyzers[i].an);
	vb_tokenizer_free(h->tk);
	vb_tokens_release(&h->tokens);
	vb_buf_release(&h->term);
	vb_buf_release(&h->word);
	vb_buf_release(&h->norm);
	free(h->match);
	free(h);
}

void vb_snippet_init(struct vb_snippet *s)
{
	vb_buf_init(&s->text);
	memset(&s->highlights, 0, sizeof(s->highlights));
}

void vb_snippet_release(struct vb_snippet *s)
{
	vb_buf_release(&s->text);
	vb_spans_release(&s->highlights);
}

static struct vb_analyzer *analyzer_for(struct vb_highlighter *h,
					const char *lang, struct vb_buf *err)
{
	char primary[16];
	vb_lang_primary(lang ? lang : "en", primary);
	for (size_t i = 0; i < h->nanalyzers; i++)
		if (!strcmp(h->analyzers[i].lang, primary))
			return h->analyzers[i].an;
	if (h->nanalyzers == MAX_ANALYZERS)
		vb_analyzer_free(h->analyzers[--h->nanalyzers].an);
	struct vb_analyzer *an;
	if (vb_analyzer_new(&an, primary, err) < 0)
		return NULL;
	memcpy(h->analyzers[h->nanalyzers].lang, primary, sizeof(primary));
	h->analyzers[h->nanalyzers++].an = an;
	return an;
}

/* Does the token (its term in h->term, its "Z" + unstemmed form in
 * h->word) match the query?  Wildcard prefixes may be typed or stemmed
 * forms, so both forms of the token are tried. */
static bool token_matches(struct vb_highlighter *h)
{
	if (vb_strset_has(&h->terms, h->term.buf))
		return true;
	for (size_t i = 0; i < h->nwildcards; i++) {
		size_t n = strlen(h->wildcards[i]);
		if (!strncmp(h->term.buf, h->wildcards[i], n) ||
		    !strncmp(h->word.buf, h->wildcards[i], n))
			return true;
	}
	return false;
}

static void add_span(struct vb_spans *s, size_t start, size_t end)
{
	VB_ALLOC_GROW(s->v, s->n + 1, s->alloc);
	s->v[s->n].start = start;
	s->v[s->n].end = end;
	s->n++;
}

int vb_snippet_make(struct vb_highlighter *h, const char *text, size_t len,
		    const char *lang, size_t max_bytes, struct vb_snippet *out,
		    struct vb_buf *err)
{
	struct vb_analyzer *an;
	size_t n, best_first = 0, best_score = 0, first, last;

	vb_buf_reset(&out->text);
	out->highlights.n = 0;
	if (!h->tk && vb_tokenizer_new(&h->tk, NULL, err) < 0)
		return -1;
	if (!(an = analyzer_for(h, lang, err)))
		return -1;
	h->tokens.n = 0;
	if (vb_words(h->tk, text, len, &h->tokens, err) < 0)
		return -1;
	n = h->tokens.n;
	VB_ALLOC_GROW(h->match, n + 1, h->match_alloc);
	bool by_initial = vb_analyzer_keeps_ascii_initial(an);
	for (size_t i = 0; i < n; i++) {
		const struct vb_token *t = &h->tokens.v[i];
		h->match[i] = 0;
		if (!vb_analyzer_word(an, text + t->start, t->end - t->start,
				      &h->norm))
			continue;
		unsigned char c0 = (unsigned char)h->norm.buf[0];
		if (by_initial && c0 < 0x80 && !h->initial[c0])
			continue;
		vb_analyzer_stem_normalized(an, h->norm.buf, h->norm.len, t->kind,
					    &h->term);
		vb_buf_reset(&h->word);
		vb_buf_adds(&h->word, "Z");
		vb_buf_add(&h->word, h->norm.buf, h->norm.len);
		h->match[i] = token_matches(h);
	}

	/* Slide a window of at most max_bytes over the tokens and keep the
	 * one with the most matches (the earliest on ties). */
	size_t score = 0;
	last = 0;
	for (first = 0; first < n; first++) {
		while (last < n &&
		       h->tokens.v[last].end - h->tokens.v[first].start <= max_bytes) {
			score += (size_t)h->match[last];
			last++;
		}
		if (score > best_score) {
			best_score = score;
			best_first = first;
		}
		if (last > first)
			score -= (size_t)h->match[first];
		else
			last = first + 1;
	}

	size_t start, end;
	if (len <= max_bytes || !n) {
		start = 0;
		end = len;
	} else {
		/* Place the window around the matches of the best window:
		 * a third of the spare room before them, the rest after. */
		size_t fm = best_first, lm = best_first;
		for (size_t i = best_first; i < n; i++) {
			if (h->tokens.v[i].end - h->tokens.v[best_first].start > max_bytes)
				break;
			if (h->match[i]) {
				if (!h->match[fm])
					fm = i;
				lm = i;
			}
		}
		size_t used = h->tokens.v[lm].end - h->tokens.v[fm].start;
		size_t before = used < max_bytes ? (max_bytes - used) / 3 : 0;
		first = fm;
		while (first > 0 && h->tokens.v[fm].start -
					    h->tokens.v[first - 1].start <= before)
			first--;
		start = first == 0 ? 0 : h->tokens.v[first].start;
		end = start;
		for (size_t i = first; i < n; i++) {
			if (h->tokens.v[i].end - start > max_bytes)
				break;
			end = h->tokens.v[i].end;
		}
		if (end <= start)
			end = len < start + max_bytes ? len : start + max_bytes;
		/* Keep sentence punctuation right after the last word. */
		while (end < len && strchr(".!?\"')]", text[end]) && text[end])
			end++;
		if (end > len - 8 && len - end < 8)
			end = len;
	}

	if (start > 0)
		vb_buf_adds(&out->text, ELLIPSIS);
	size_t base = out->text.len;
	vb_buf_add(&out->text, text + start, end - start);
	for (size_t i = 0; i < n; i++) {
		const struct vb_token *t = &h->tokens.v[i];
		if (h->match[i] && t->start >= start && t->end <= end)
			add_span(&out->highlights, base + t->start - start,
				 base + t->end - start);
	}
	if (end < len)
		vb_buf_adds(&out->text, ELLIPSIS);
	return 0;
}
