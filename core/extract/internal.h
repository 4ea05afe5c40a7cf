/* internal.h: what the files of core/extract share: tokens, word lists, the document being read. */
#ifndef VB_EXTRACT_INTERNAL_H
#define VB_EXTRACT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extract/extract.h"

/* ---- string map --------------------------------------------------------- */

/* An open-addressing hash map from byte strings to flags, a value and text. */
struct strmap_entry {
	char *key;
	size_t klen;
	uint64_t hash;
	uint32_t flags;
	int32_t val;
	char *aux;                 /* owned; e.g. a canonical name */
};

struct strmap {
	struct strmap_entry *v;
	size_t n, cap;
};

uint64_t strmap_hash(const char *s, size_t len);
void strmap_init(struct strmap *m);
void strmap_release(struct strmap *m);
/* Insert or update: flags are OR-ed, val and aux replaced when given (val != 0, aux != NULL). */
struct strmap_entry *strmap_put(struct strmap *m, const char *key, size_t klen,
				uint32_t flags, int32_t val, const char *aux);
const struct strmap_entry *strmap_get(const struct strmap *m, const char *key,
				      size_t klen);

/* Lowercase UTF-8 s[0..len) into out (reset first); Latin diacritics kept. */
void lower_utf8(const char *s, size_t len, struct vb_buf *out);

/* ---- word lists (names.c) ----------------------------------------------- */

enum {
	L_CUE = 1u << 0,        /* speech verb: said, says, added, warned... */
	L_CALL = 1u << 1,       /* calling verb: called, described, termed... */
	L_PRONOUN = 1u << 2,    /* he, she, it, they, I, we */
	L_HONORIFIC = 1u << 3,  /* Mr, Dr, Judge, Minister... before a name */
	L_ORG_SUFFIX = 1u << 4, /* Inc, Ltd, Corp, Co, Plc, GmbH... */
	L_ORG_CUE = 1u << 5,    /* Association, Federation, Ministry, Bank... */
	L_GIVEN = 1u << 6,      /* a common given name */
	L_MONTH = 1u << 7,      /* val = 1..12 */
	L_WEEKDAY = 1u << 8,    /* val = 1 (Monday) .. 7 */
	L_STOP = 1u << 9,       /* function word or usual sentence opener */
	L_NOM_PERSON = 1u << 10,/* spokesman, official, minister... */
	L_NOM_ORG = 1u << 11,   /* company, group, organisation... */
	L_ROLE = 1u << 12,      /* words of job titles: chairman, chief... */
	L_ADV = 1u << 13,       /* may stand between a speaker and the verb: also, has */
	L_NUMWORD = 1u << 14,   /* one, two, ... ; val = the number */
	L_ORDINAL = 1u << 15,   /* first, second, third, fourth; val */
	L_CONNECT = 1u << 16,   /* of, for, de, van, von: inside names */
	L_DET = 1u << 17,       /* the, a, an, its, his, her, their */
	L_ABBREV = 1u << 18,    /* a "." after it does not end a sentence */
	L_PLACE_GENERIC = 1u << 19, /* Central, North...: too vague as a place alone */
	L_UNIT = 1u << 20,      /* shares, employees, dlrs...: a number before is no year */
	L_CURRENCY = 1u << 21,  /* dlrs, dollars, euros, pounds, yen; aux = ISO code */
	L_PERCENT = 1u << 22,   /* pct, percent */
	L_SCALE = 1u << 23,     /* million, mln, bn, billion, m, k, thousand; val = log10 */
	L_PLURAL_NOM = 1u << 24,/* officials, analysts, sources: a group of persons */
	L_COMMON = 1u << 25,    /* common capitalised words that are not names alone */
	L_VERB_NOT_NAME = 1u << 26, /* words that end a name run: is, was... */
	L_DATE_PREP = 1u << 27, /* in, since, by, until, during... before a year */
	L_MALE = 1u << 28,      /* a given name or title of men: john, mr, herr */
	L_FEMALE = 1u << 29,    /* a given name or title of women: mary, ms, frau */
	L_ORG_NAME = 1u << 30,  /* ends a whole name: Hamas, Taliban, Qaeda */
};

const struct strmap_entry *lexicon_get(const struct strmap *lex, const char *w,
				       size_t len);
void lexicon_build(struct strmap *lex);

/* Gazetteer flags (places.c). */
enum {
	G_COUNTRY = 1u << 0,
	G_SUBDIV = 1u << 1,
	G_CITY = 1u << 2,
	G_US_STATE_ABBR = 1u << 3, /* "N.Y.", "Tex.", "Calif." in datelines */
};

/* Load the gazetteer; missing files leave only the built-in names. */
void gazetteer_build(struct strmap *gaz, const char *iso_dir, const struct strmap *lex);

/* Known organisations (orgs.c): lowercase name -> words (val), name
 * (aux); heads: lowercase first word -> the most words of a name. */
void orgs_build(struct strmap *orgs, struct strmap *heads);

/* ---- the extractor ------------------------------------------------------ */

struct vb_extractor {
	struct strmap lex;
	struct strmap gaz;
	struct strmap orgs, org_heads;
};

struct vb_aliases {
	struct strmap names;       /* lowercase alias -> type (val), canonical (aux) */
};

/* ---- tokens ------------------------------------------------------------- */

enum { TK_WORD = 1, TK_NUM = 2, TK_PUNCT = 3 };

enum {
	TF_CAP = 1u << 0,         /* first letter uppercase */
	TF_ALLCAPS = 1u << 1,     /* two or more letters, none lowercase */
	TF_SPACE_BEFORE = 1u << 2,/* white space (or start of text) before */
	TF_NL_BEFORE = 1u << 3,   /* a newline in the white space before */
	TF_PARA_START = 1u << 4,
	TF_SENT_START = 1u << 5,
	TF_BOILER = 1u << 6,      /* inside a boilerplate line */
	TF_POSS = 1u << 7,        /* ends in 's or ’s */
	TF_DOTS = 1u << 8,        /* initialism with dots: "U.S.", "N.Y." */
	TF_INQUOTE = 1u << 9,     /* inside a direct or partial quote */
	TF_USED_DATE = 1u << 10,  /* part of a date already found */
	TF_HAS_DIGIT = 1u << 11,
	TF_HEADLINE = 1u << 12,   /* on a line written all in capitals */
	TF_CUE_USED = 1u << 13,   /* the verb of a direct quote's attribution */
};

/*
 * One token: 32 bytes, the bulk of the extractor's memory (a 50 MB body
 * has about ten million of them).  Offsets fit in 32 bits because
 * vb_extract() refuses bodies longer than VB_EXTRACT_MAX_LEN.
 */
struct xtok {
	uint32_t start, end;      /* bytes */
	uint32_t lex;             /* L_* flags of the lowercased word (possessive stripped) */
	int32_t val;              /* lexicon value */
	uint32_t cp;              /* punctuation: the code point */
	uint32_t para, sent;
	uint16_t flags;           /* TF_* */
	uint8_t kind;
};

struct xpara {
	size_t t0, t1;            /* tokens [t0, t1) */
};

struct xsent {
	size_t t0, t1;
	uint32_t para;
};

/* ---- indexes (index.c) --------------------------------------------------- */

/*
 * Every lookup of the extractor over the document's entities or mentions
 * goes through these, so that a document costs O(n log n) in its size
 * rather than O(quotes x mentions).
 */

/* A sorted set of indices; two are kept inline (a == 0), more on the heap. */
struct idlist {
	uint32_t n, a;
	union {
		uint32_t in[2];
		uint32_t *v;
	} u;
};

static inline const uint32_t *idlist_items(const struct idlist *l)
{
	return l->a ? l->u.v : l->u.in;
}

void idlist_insert(struct idlist *l, uint32_t x);
void idlist_remove(struct idlist *l, uint32_t x);
void idlist_release(struct idlist *l);
/* Position of the first item >= x. */
size_t idlist_lower(const struct idlist *l, uint32_t x);

/*
 * A multimap from 64-bit key hashes to sorted lists of entity indices.  A
 * list may hold entities of colliding keys: readers check the entity.
 */
struct emap_slot {
	uint64_t hash;            /* 0: free */
	struct idlist ids;
};

struct emap {
	struct emap_slot *v;
	size_t n, cap;
};

uint64_t emap_hash(int kind, const char *s, size_t len);
/* The same hash byte by byte: emap_hash_end(add(add(start(kind), s[0]), s[1])). */
static inline uint64_t emap_hash_start(int kind)
{
	return (1469598103934665603ull ^ (unsigned char)kind) * 1099511628211ull;
}

static inline uint64_t emap_hash_add(uint64_t h, char c)
{
	return (h ^ (unsigned char)c) * 1099511628211ull;
}

uint64_t emap_hash_end(uint64_t h);
/* The list of `hash`, created empty when `create` (NULL otherwise when absent). */
struct idlist *emap_list(struct emap *m, uint64_t hash, bool create);
void emap_release(struct emap *m);

/* A set of positions answering "the last one at or before x" in O(log64 n). */
struct bitidx {
	uint64_t *lv[8];
	size_t nlv;
	size_t cap;               /* positions [0, cap) */
};

/* Mentions whose entity has `type` and, when head is set, a key containing it. */
struct mclass {
	int type;
	char *head;
	struct bitidx bits;
};

/*
 * The mentions as the speakers pass sees them.  Those found by
 * entities_find(), [0, ne), are in text order (`sorted` checks it; the
 * slow exhaustive searches are used when it does not hold); those added
 * while speakers are resolved come after and are kept in `late`, ordered
 * by (start, index).
 */
struct mindex {
	bool built, sorted;
	size_t ne;
	uint32_t *late;
	size_t nlate, alate;
	struct idlist *byent;     /* per entity: mentions that have pointed to it */
	size_t nbyent;
	struct mclass *cls;
	size_t ncls, acls;
};

/* ---- the document being read -------------------------------------------- */

enum { ET_NONE = 0, ET_PERSON, ET_ORG, ET_PLACE };

/* A named thing of the document: every mention of it shares the canonical name. */
struct xent {
	int type;
	char *canonical;
	char *key;                /* lowercase canonical */
	char *last;               /* person: lowercase last word */
	char *acronym;            /* lowercase acronym defined in the text, or NULL */
	const char *role, *org;   /* borrowed: the latest role and org of this speaker */
	int gender;               /* person: 0 unknown, 'm' or 'f' (titles, given names) */
	uint64_t chars, pairs;    /* the bytes and byte pairs of key (see char_masks()) */
	bool from_alias;
};

/* One mention of a named thing (or a pending capitalised run). */
struct xmention {
	size_t t0, t1;            /* tokens */
	size_t start, end;        /* bytes, possessive stripped */
	int ent;                  /* index in doc->ents or -1 */
	int type;                 /* ET_* when known */
};

/* A speaker as parsed around a cue, before resolution. */
enum { SP_NONE, SP_NAME, SP_PRONOUN, SP_NOMINAL, SP_OPTION };

struct xspeaker {
	int how;                  /* SP_* */
	size_t t0, t1;            /* the mention (tokens) */
	size_t name_t0, name_t1;  /* the name proper inside the mention */
	int type;                 /* ET_PERSON / ET_ORG / ET_NONE */
	char *role, *org;         /* owned */
	size_t org_t0, org_t1;    /* tokens of org when a name in the text wrote it */
	bool anonymous;
	bool plural;
	bool document;            /* "the statement said": its issuer speaks */
	int ent;                  /* resolved entity, or -1 */
	char *name;               /* owned: resolved name */
};

struct xquote {
	int kind;                 /* VB_QUOTE_* */
	struct vb_range spans[8];
	size_t nspans;
	size_t cue_tok;           /* SIZE_MAX when none */
	struct xspeaker sp;
	bool inherit;             /* speaker to be taken from the context */
	bool dead;
};

/* A name in Chinese text (zh.c): bytes of the body, and what it is. */
struct zh_name {
	size_t start, end;
	int type;                 /* ET_PERSON, ET_ORG or ET_PLACE */
	char *canonical;          /* owned */
	char *role, *org;         /* owned: a person's title and its organisation */
};

struct xdoc {
	const vb_extractor *ex;
	const struct vb_extract_opts *opts;
	const char *s;
	size_t len;
	struct xtok *t;
	size_t nt, at;
	struct xpara *p;
	size_t np, ap;
	struct xsent *sn;
	size_t ns, as;
	struct xent *ents;
	size_t nents, aents;
	struct xmention *ms;
	size_t nms, ams;
	struct xquote *q;
	size_t nq, aq;
	struct zh_name *zh;       /* Chinese names, by start (zh.c) */
	size_t nzh, azh;
	uint8_t *zh_taken;        /* bytes inside them, while they are found */
	struct idlist according;  /* tokens "according" (quotes.c) */
	bool according_done;
	struct idlist verbs;      /* words with L_CUE or L_CALL (quotes.c) */
	bool verbs_done;
	struct emap eidx;         /* entity keys (entities.c) */
	struct mindex mix;        /* mentions, from speakers_resolve() on */
	size_t aout_ents, aout_dates, aout_dropped;  /* capacities in *out */
	struct strmap midcaps;    /* lowercase words seen capitalised inside sentences */
	struct strmap titled;     /* words written after a title ("Mr. Ortiz"), on first use */
	bool titled_done;
	struct vb_buf tmp;
	/* publication date: year, month, day (0 when unknown) */
	int dy, dm, dd;
	struct vb_extraction *out;
};

/* index.c: the mention index */
void mindex_build(struct xdoc *d);
void mindex_release(struct xdoc *d);
/* Mention i was appended, or its entity changed. */
void mindex_added(struct xdoc *d, size_t i);
void mindex_reassigned(struct xdoc *d, size_t i);
/* Entity e changed its type or key. */
void mindex_entity_changed(struct xdoc *d, int e);
/* The last mention (by index) starting before `before` in the class; -1 if none. */
long mindex_last_in_class(struct xdoc *d, int type, const char *head,
			  size_t before);
/* Mentions in text order [*i0, *i1) starting in [lo, hi). */
void mindex_sorted_range(const struct xdoc *d, size_t lo, size_t hi,
			 size_t *i0, size_t *i1);
/* Later mentions starting in [lo, hi), appended to *out in index order. */
void mindex_late_range(const struct xdoc *d, size_t lo, size_t hi,
		       uint32_t **out, size_t *n, size_t *alloc);
/* The mention of tokens [t0, t1) mention_add() would update, or SIZE_MAX. */
size_t mindex_find_range(const struct xdoc *d, size_t t0, size_t t1);

/* scan.c */
void scan_tokens(struct xdoc *d);
/* Sentences, headline lines and the set of capitalised words (after boilerplate). */
void scan_doc_finish(struct xdoc *d);
/* Token i is a word in lower case ending in -ing, of six letters or more:
 * a participle ("representing", "sending", "asking"), most often. */
static inline bool ing_word(const struct xdoc *d, size_t i)
{
	if (i >= d->nt)
		return false;
	const struct xtok *t = &d->t[i];
	return t->kind == TK_WORD && !(t->flags & TF_CAP) && t->end - t->start > 5 &&
	       !memcmp(d->s + t->end - 3, "ing", 3);
}

/* Token i is `lower`, ASCII case-insensitively.  Inline: it is called
 * some thirty times per token, mostly with literals, whose length the
 * compiler then knows (5% of indexing's instructions as a function). */
/* Is the document in language `lang` (a primary subtag: "de", "fr")? */
static inline bool doc_lang(const struct xdoc *d, const char *lang)
{
	return d->opts && d->opts->lang && !strncmp(d->opts->lang, lang, strlen(lang));
}

static inline bool tok_is(const struct xdoc *d, size_t i, const char *lower)
{
	if (i >= d->nt)
		return false;
	size_t n = strlen(lower);
	const struct xtok *t = &d->t[i];
	if (t->end - t->start != n)
		return false;
	const char *s = d->s + t->start;
	for (size_t k = 0; k < n; k++) {
		char c = s[k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != lower[k])
			return false;
	}
	return true;
}
/* Token i is one of `words` (lower case, NULL-terminated). */
static inline bool tok_in(const struct xdoc *d, size_t i, const char *const *words)
{
	for (; *words; words++)
		if (tok_is(d, i, *words))
			return true;
	return false;
}
bool tok_punct(const struct xdoc *d, size_t i, unsigned cp);
bool is_dash_cp(unsigned cp);
size_t tok_len(const struct xdoc *d, size_t i);
/* Byte end of token i without a possessive "'s". */
size_t tok_stem_end(const struct xdoc *d, size_t i);
/* Token i is `lower` once a possessive is set aside: "Today's", "CD's"
 * are "today", "cd"; a token without one is compared as tok_is does. */
bool tok_stem_is(const struct xdoc *d, size_t i, const char *lower);
char *text_dup(const struct xdoc *d, size_t start, size_t end);
/* Copy with runs of white space collapsed to one space. */
char *text_dup_clean(const struct xdoc *d, size_t start, size_t end);
/* text_dup_clean, lowercased (a role as written: "Chief Executive"). */
char *lower_dup(struct xdoc *d, size_t start, size_t end);

/* entities.c: append an entity to the output. */
void ent_out(struct xdoc *d, size_t start, size_t end, enum vb_entity_type type,
	     const char *canonical);

/* zh.c: names in Chinese text (see there); job titles, NULL-terminated. */
extern const char *const zh_roles[];
void zh_names_find(struct xdoc *d);
void zh_names_out(struct xdoc *d);
void zh_names_release(struct xdoc *d);
/* The speaker of a speech verb at byte `to`, named from byte `from` on (or
 * "他"/"她" there, the last person named before); false when none. */
bool zh_speaker_find(struct xdoc *d, size_t from, size_t to, struct xspeaker *sp);
bool tok_adjacent(const struct xdoc *d, size_t i);  /* no space between i-1 and i */
/* The lexicon's aux of word i (a currency code), or NULL. */
const char *tok_aux(const struct xdoc *d, size_t i);

/* boilerplate.c */
void boilerplate_mark(struct xdoc *d);

/* entities.c */
void entities_find(struct xdoc *d);
void entities_money_percent(struct xdoc *d);
int ent_add(struct xdoc *d, int type, const char *name);
/* Entities change type only through this, which keeps the indexes right. */
void ent_set_type(struct xdoc *d, int e, int type);
int ent_find(struct xdoc *d, const char *name, int type_hint);
int ent_match_name(struct xdoc *d, size_t t0, size_t t1, int type_hint);
void entities_finish(struct xdoc *d);
void mention_add(struct xdoc *d, size_t t0, size_t t1, int ent, int type);
/* Type of a capitalised run by its own words: ET_NONE when unsure. */
int run_type(const struct xdoc *d, size_t t0, size_t t1);
/* [t0, t1) is a country's portfolio before a title: "Indonesian Energy". */
bool portfolio(const struct xdoc *d, size_t t0, size_t t1);
/* The first token starting at or after byte pos. */
size_t token_at(const struct xdoc *d, size_t pos);
/* The speech verb ending a run of Han characters ("李明表示" -> "表示"), or NULL. */
const char *zh_cue_of(const struct xdoc *d, size_t t);
/* Is the title word at k (in a run from t0) part of a name instead: after
 * a title and a given name or an unknown word ("Steel Minister Bunu
 * Sheriff Musa")? */
bool inside_name(const struct xdoc *d, size_t k, size_t t0);
size_t name_without_letters(const struct xdoc *d, size_t t0, size_t t1);
size_t title_list_end(const struct xdoc *d, size_t s, size_t limit);
bool part_has(const struct xdoc *d, size_t t0, size_t t1, uint32_t lex);
bool port_of(const struct xdoc *d, size_t i);
bool role_topic(const struct xdoc *d, size_t i);
bool place_noun(const struct xdoc *d, size_t i);
unsigned latin_base(unsigned cp);
/* Token i's word is written capitalised inside a sentence nearby: a name. */
bool capitalised_inside(const struct xdoc *d, size_t i);
/* Word i names a nation's people: "Indonesian", "Iraqi", "French". */
bool demonym_word(const struct xdoc *d, size_t i);
/* "Committee" in "Committee to Protect Journalists" */
bool org_to_word(const struct xdoc *d, size_t i);
/* The definite article of the document's language, when it is Spanish,
 * French or German ("El alcalde", "La SNCF", "Die Bahn"). */
bool foreign_article(const struct xdoc *d, size_t i);
/* The one organisation whose name ends with `name` ("Bank": "World Bank"), or -1. */
int ent_tail(struct xdoc *d, const char *name);
/* A title in capitals from i ("Chief Executive Officer", "President and
 * CEO"): the end of its last title word, or i. */
size_t title_case_role(const struct xdoc *d, size_t i, size_t a1);
/* The entity named by the capitalised words opening at p0, up to t1 and
 * at most max words ("Brackley", "Stadtwerke Kiel"), or -1; *end: its end. */
int opening_name_entity(struct xdoc *d, size_t p0, size_t t1, size_t max, int type,
			size_t *end);
/* Extend a capitalised name run; returns its end token (exclusive). */
size_t name_run_right(const struct xdoc *d, size_t i, size_t limit);
size_t name_run_left(const struct xdoc *d, size_t end, size_t limit);
bool tok_capword(const struct xdoc *d, size_t i);
char *name_text(const struct xdoc *d, size_t t0, size_t t1);

/* quotes.c */
void quotes_find(struct xdoc *d);
void reported_find(struct xdoc *d);

/* speakers.c */
bool speaker_left(struct xdoc *d, size_t cue, size_t limit, struct xspeaker *sp);
bool speaker_right(struct xdoc *d, size_t after, size_t limit, struct xspeaker *sp);
size_t skip_adverbs_left(const struct xdoc *d, size_t i, size_t limit);
size_t skip_adverbials_right(const struct xdoc *d, size_t i, size_t end);
void speakers_resolve(struct xdoc *d);
void xspeaker_release(struct xspeaker *sp);
/* A copy of `from` owning its own strings. */
void xspeaker_dup(struct xspeaker *sp, const struct xspeaker *from);
int edit_distance(const char *a, size_t la, const char *b, size_t lb, int max);

/* dates.c */
void dates_docdate(struct xdoc *d);
void dates_find(struct xdoc *d);

/* json.c helpers shared with extract.c */
void quote_id(const char *doc_id, const char *text, char out[17]);

#endif
