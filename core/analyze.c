/* analyze.c: normalization plus cached stemming of word tokens into index terms. */
#include "analyze.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "xapian/xap.h"

/*
 * The stem cache is an open-addressing table of (normalized word -> stem),
 * with both strings in one arena.  When it fills up it is simply emptied:
 * word frequencies are Zipfian, so the common words come back at once and
 * memory stays bounded whatever the corpus size.
 */
/* The table starts small and grows 4x at a time up to its bound, so that
 * a query (a handful of words, three analyzers) does not pay for zeroing
 * and faulting in the indexer's megabyte. */
#define CACHE_SLOTS_MIN 1024u       /* powers of two */
#define CACHE_SLOTS 65536u
#define CACHE_MAX_ENTRIES 40000u    /* at most 61% of CACHE_SLOTS */
#define CACHE_ARENA (4u << 20)

struct cache_entry {
	uint32_t hash;
	uint32_t word;      /* arena offset + 1; 0: empty slot */
	uint16_t word_len;
	uint16_t stem_len;
	uint32_t stem;
};

struct vb_analyzer {
	xap_stem *stem;              /* NULL: no stemming */
	const char *stemmer_name;
	struct vb_buf norm;
	struct cache_entry *slots;
	uint32_t nslots;
	size_t entries;
	char *arena;
	size_t arena_used;
};

static uint32_t hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

int vb_analyzer_new(struct vb_analyzer **out, const char *lang,
		    struct vb_buf *err)
{
	struct vb_analyzer *a = vb_calloc(1, sizeof(*a));
	const char *name = lang ? vb_stemmer_for_lang(lang) : NULL;
	vb_buf_init(&a->norm);
	a->stemmer_name = "none";
	if (name) {
		xap_error xe;
		if (xap_stem_new(&a->stem, name, &xe) != XAP_OK) {
			if (err)
				vb_buf_addf(err, "cannot create stemmer '%s': %s",
					    name, xe.message);
			vb_buf_release(&a->norm);
			free(a);
			return -1;
		}
		a->stemmer_name = name;
		a->nslots = CACHE_SLOTS_MIN;
		a->slots = vb_calloc(a->nslots, sizeof(*a->slots));
		a->arena = vb_malloc(CACHE_ARENA);
	}
	*out = a;
	return 0;
}

void vb_analyzer_free(struct vb_analyzer *a)
{
	if (!a)
		return;
	xap_stem_free(a->stem);
	vb_buf_release(&a->norm);
	free(a->slots);
	free(a->arena);
	free(a);
}

const char *vb_analyzer_stemmer(const struct vb_analyzer *a)
{
	return a->stemmer_name;
}

/*
 * Snowball stemmers that change only the end of a word, and letters outside
 * ASCII (German ä -> a, Spanish á -> a, Dutch ë -> e in their preludes
 * and postludes), so an ASCII first letter survives: checked against each
 * algorithm's definition (snowballstem.org), and by test_analyze on words
 * of every one.  Not here: indonesian and irish, which strip prefixes
 * ("mem-", initial mutations "bh", "t-"), and the stemmers for other
 * scripts, whose words start outside ASCII anyway.
 */
static const char *const suffix_stemmers[] = {
	"danish", "dutch", "english", "finnish", "french", "german", "italian",
	"norwegian", "portuguese", "spanish", "swedish", NULL
};

bool vb_analyzer_keeps_ascii_initial(const struct vb_analyzer *a)
{
	if (!a->stem)
		return true;
	for (size_t i = 0; suffix_stemmers[i]; i++)
		if (!strcmp(a->stemmer_name, suffix_stemmers[i]))
			return true;
	return false;
}

void vb_lang_primary(const char *tag, char out[16])
{
	size_t i = 0;
	if (tag) {
		for (; tag[i] && tag[i] != '-' && tag[i] != '_' && i < 15; i++)
			out[i] = (char)tolower((unsigned char)tag[i]);
	}
	out[i] = '\0';
}

/* Acronyms: "u.s" / "u.s.a" -> "us" / "usa", as Xapian's parser does. */
static void drop_acronym_dots(struct vb_buf *w)
{
	size_t i;
	if (w->len < 3)
		return;
	for (i = 0; i < w->len; i++) {
		unsigned char c = (unsigned char)w->buf[i];
		if (i % 2 == 0 ? !(c >= 'a' && c <= 'z') : c != '.')
			return;
	}
	size_t j = 0;
	for (i = 0; i < w->len; i += 2)
		w->buf[j++] = w->buf[i];
	vb_buf_truncate(w, j);
}

size_t vb_analyzer_word(struct vb_analyzer *a, const char *word, size_t len,
			struct vb_buf *out)
{
	(void)a;
	if (len > 4 * VB_MAX_WORD)
		return 0;
	if (!vb_term_from_word(word, len, out))
		return 0;
	drop_acronym_dots(out);
	if (out->len > VB_MAX_WORD)
		return 0;
	return out->len;
}

static size_t stem_uncached(struct vb_analyzer *a, const char *norm, size_t len,
			    struct vb_buf *out)
{
	char tmp[VB_MAX_TERM];
	size_t n = xap_stem_word(a->stem, norm, len, tmp, sizeof(tmp));
	if (n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	vb_buf_add(out, tmp, n);
	return n;
}

static void cache_clear(struct vb_analyzer *a)
{
	memset(a->slots, 0, a->nslots * sizeof(*a->slots));
	a->entries = 0;
	a->arena_used = 0;
}

/* Four times the slots, the entries moved to their new places. */
static void grow(struct vb_analyzer *a)
{
	uint32_t n = a->nslots * 4, mask = n - 1;
	struct cache_entry *slots = vb_calloc(n, sizeof(*slots));
	for (uint32_t k = 0; k < a->nslots; k++) {
		if (!a->slots[k].word)
			continue;
		uint32_t i = a->slots[k].hash & mask;
		while (slots[i].word)
			i = (i + 1) & mask;
		slots[i] = a->slots[k];
	}
	free(a->slots);
	a->slots = slots;
	a->nslots = n;
}

size_t vb_analyzer_stem_normalized(struct vb_analyzer *a, const char *norm,
				   size_t len, enum vb_token_kind kind,
				   struct vb_buf *out)
{
	vb_buf_reset(out);
	if (!len)
		return 0;
	vb_buf_add(out, VB_PREFIX_STEM, 1);
	if (!a->stem || kind == VB_TOK_NUMBER || kind == VB_TOK_IDEO) {
		vb_buf_add(out, norm, len);
		return out->len;
	}

	uint32_t h = hash_bytes(norm, len);
	uint32_t mask = a->nslots - 1, i = h & mask;
	for (;;) {
		struct cache_entry *e = &a->slots[i];
		if (!e->word)
			break;
		if (e->hash == h && e->word_len == len &&
		    !memcmp(a->arena + e->word - 1, norm, len)) {
			vb_buf_add(out, a->arena + e->stem, e->stem_len);
			return out->len;
		}
		i = (i + 1) & mask;
	}

	size_t start = out->len;
	size_t n = stem_uncached(a, norm, len, out);
	if (a->entries >= CACHE_MAX_ENTRIES ||
	    a->arena_used + len + n > CACHE_ARENA) {
		cache_clear(a);
		i = h & mask;
	} else if (a->nslots < CACHE_SLOTS && (a->entries + 1) * 2 > a->nslots) {
		grow(a);
		mask = a->nslots - 1;
		for (i = h & mask; a->slots[i].word; i = (i + 1) & mask)
			;
	}
	struct cache_entry *e = &a->slots[i];
	memcpy(a->arena + a->arena_used, norm, len);
	e->hash = h;
	e->word = (uint32_t)a->arena_used + 1;
	e->word_len = (uint16_t)len;
	a->arena_used += len;
	memcpy(a->arena + a->arena_used, out->buf + start, n);
	e->stem = (uint32_t)a->arena_used;
	e->stem_len = (uint16_t)n;
	a->arena_used += n;
	a->entries++;
	return out->len;
}

size_t vb_analyzer_term(struct vb_analyzer *a, const char *word, size_t len,
			enum vb_token_kind kind, struct vb_buf *out)
{
	if (!vb_analyzer_word(a, word, len, &a->norm))
		return 0;
	return vb_analyzer_stem_normalized(a, a->norm.buf, a->norm.len, kind,
					   out);
}
