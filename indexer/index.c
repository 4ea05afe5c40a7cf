/* index.c: documents into Xapian documents: analysed by workers, written in input order. */
#include "index.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "index_priv.h"
#include "schema.h"
#include "spelling.h"

/*
 * How the work is shared (docs/scaling.md).  The thread that calls
 * vb_indexer_add reads, checks content hashes and writes every Xapian
 * database; worker threads turn documents into Xapian documents (words,
 * stems, extraction, passage data), which is most of the CPU time.
 * Documents are written in the order they were added, so the index is
 * the same whatever the number of workers.  With one job there is no
 * thread at all: the same functions run in the caller's.
 */

/* Xapian writes fastest, and holds least memory, with small batches: 2000
 * passages measured 20% faster than 5000 or 20000 (docs/performance.md). */
#define DEFAULT_COMMIT_EVERY 2000
/* Spelling words are counted here and handed to Xapian once per commit:
 * one add_spelling per word occurrence cost more than the rest of
 * indexing together. */
#define MAX_SPELLING_WORDS 200000

/* Add the word counts of `from` to `to`, up to MAX_SPELLING_WORDS words. */
static void add_spelling_counts(struct vb_strset *to, const struct vb_strset *from)
{
	size_t it = 0;
	unsigned count;
	const char *word;
	while ((word = vb_strset_next_count(from, &it, &count)))
		if (to->n < MAX_SPELLING_WORDS)
			vb_strset_count_add(to, word, count);
}
/* Documents in flight between reading and writing: enough to keep the
 * workers busy while the writer commits, few enough that memory stays
 * bounded whatever the corpus (a document over the byte bound still goes,
 * alone). */
#define QUEUE_PER_WORKER 16
#define QUEUE_BYTES ((size_t)8 << 20)
/* An analysed document takes some 15 times its text in memory (Xapian's
 * Document holds every term and position): bigger ones are analysed and
 * written passage by passage in the caller's thread, as with one job. */
#define STREAM_BYTES ((size_t)4 << 20)
#define MAX_JOBS 64
#define MAX_SHARDS 256
/* The stub file that makes a directory of shards one database. */
#define STUB_NAME "XAPIANDB"
#define SHARD_FORMAT "shard-%u"
/* Documents go to shards by a hash of their id, so that a changed
 * document replaces its old version in the same shard. */
#define SHARD_SEED 0x5348415244ULL

int vb_ix_fail(struct vb_buf *err, const xap_error *xe)
{
	if (err)
		vb_buf_adds(err, xe->message);
	return xe->status;
}

void vb_id_term(struct vb_buf *out, const char *prefix, const char *id)
{
	size_t plen = strlen(prefix), ilen = strlen(id);
	if (plen + ilen <= VB_MAX_TERM) {
		vb_buf_adds(out, prefix);
		vb_buf_add(out, id, ilen);
		return;
	}
	/* Keep a readable head, and make the whole unique with a hash. */
	vb_buf_adds(out, prefix);
	vb_buf_addf(out, "h:%016" PRIx64 ":", vb_hash64(id, ilen, 0));
	vb_buf_add(out, id, VB_MAX_TERM - out->len < 64 ? VB_MAX_TERM - out->len : 64);
	while (out->len && ((unsigned char)out->buf[out->len - 1] & 0xC0) == 0x80)
		vb_buf_truncate(out, out->len - 1);
	while (out->len && ((unsigned char)out->buf[out->len - 1] & 0xC0) == 0xC0)
		vb_buf_truncate(out, out->len - 1);
}

void vb_passage_id(struct vb_buf *out, const char *doc_id, unsigned n)
{
	vb_buf_addf(out, "%s#%u", doc_id, n);
}

/* ---- workers: building Xapian documents --------------------------------- */

static struct vb_analyzer *analyzer_for(struct vb_worker *w, const char *lang,
					struct vb_buf *err)
{
	char primary[16];
	vb_lang_primary(lang, primary);
	for (size_t i = 0; i < w->nanalyzers; i++)
		if (!strcmp(w->analyzers[i].lang, primary))
			return w->analyzers[i].analyzer;
	if (w->nanalyzers == MAX_ANALYZERS) {
		/* A corpus in more languages than this is rare: reuse the
		 * last slot rather than grow without bound. */
		vb_analyzer_free(w->analyzers[--w->nanalyzers].analyzer);
	}
	struct analyzer_slot *slot = &w->analyzers[w->nanalyzers];
	if (vb_analyzer_new(&slot->analyzer, primary, err) < 0)
		return NULL;
	memcpy(slot->lang, primary, sizeof(primary));
	w->nanalyzers++;
	return slot->analyzer;
}

int vb_worker_init(struct vb_worker *w, const struct vb_indexer_opts *opts,
		   const struct vb_aliases *aliases, struct vb_buf *err)
{
	memset(w, 0, sizeof(*w));
	w->opts = opts;
	w->aliases = aliases;
	vb_buf_init(&w->term);
	vb_buf_init(&w->word);
	vb_buf_init(&w->scratch);
	if (vb_tokenizer_new(&w->tokenizer, NULL, err) < 0 ||
	    (opts->extract && vb_extractor_new(&w->extractor, NULL, err) < 0))
		return -1;
	return 0;
}

void vb_worker_release(struct vb_worker *w)
{
	for (size_t i = 0; i < w->nanalyzers; i++)
		vb_analyzer_free(w->analyzers[i].analyzer);
	vb_tokenizer_free(w->tokenizer);
	vb_buf_release(&w->term);
	vb_buf_release(&w->word);
	vb_buf_release(&w->scratch);
	vb_tokens_release(&w->tokens);
	vb_passages_release(&w->passages);
	vb_extraction_release(&w->extraction);
	vb_strset_release(&w->quote_ids);
	vb_strset_release(&w->entities);
	vb_order_release(&w->order);
	vb_extractor_free(w->extractor);
	vb_spans_release(&w->skip);
	vb_spans_release(&w->quoted);
	memset(w, 0, sizeof(*w));
}

void vb_built_release(struct vb_built *b)
{
	for (size_t i = 0; i < b->ndocs; i++)
		xap_doc_free(b->docs[i]);
	free(b->docs);
	vb_strset_release(&b->spelling);
	vb_buf_release(&b->entity_names);
	vb_buf_release(&b->doc_term);
	memset(b, 0, sizeof(*b));
	vb_buf_init(&b->entity_names);
	vb_buf_init(&b->doc_term);
}

/* Hand a finished Xapian document to the built list (or free it). */
static int keep_doc(struct vb_worker *w, struct term_ctx *c, int rc,
		    struct vb_buf *err)
{
	struct vb_built *b = w->out;
	if (!rc && b->sink) {
		if (xap_db_add_document(b->sink, c->doc, NULL, &c->xe))
			rc = vb_ix_fail(err, &c->xe);
		xap_doc_free(c->doc);
		b->made += !rc;
		return rc;
	}
	if (rc) {
		xap_doc_free(c->doc);
		return rc;
	}
	b->made++;
	VB_ALLOC_GROW(b->docs, b->ndocs + 1, b->alloc);
	b->docs[b->ndocs++] = c->doc;
	return 0;
}

void vb_ix_add_bool(struct term_ctx *c, struct vb_buf *term, const char *prefix,
		    const char *value)
{
	if (c->failed || !value || !*value)
		return;
	vb_buf_reset(term);
	vb_id_term(term, prefix, value);
	if (xap_doc_add_boolean_term(c->doc, term->buf, term->len, &c->xe))
		c->failed = 1;
}

/* Lowercased (normalized) form of a metadata value, for boolean terms. */
static const char *norm_value(struct vb_buf *scratch, const char *value)
{
	vb_buf_reset(scratch);
	if (!value)
		return NULL;
	if (vb_normalize(value, strlen(value), scratch, NULL) < 0)
		return value;
	return scratch->buf;
}

/* YYYY, YYYY-MM or YYYY-MM-DD into YYYYMMDD (missing parts as 01). */
static int date_value(const char *date, char out[9])
{
	if (!date || strlen(date) < 4)
		return 0;
	memcpy(out, date, 4);
	if (strlen(date) >= 7) {
		out[4] = date[5];
		out[5] = date[6];
	} else {
		out[4] = '0';
		out[5] = '1';
	}
	if (strlen(date) >= 10) {
		out[6] = date[8];
		out[7] = date[9];
	} else {
		out[6] = '0';
		out[7] = '1';
	}
	out[8] = '\0';
	return 1;
}

void vb_ix_add_common_terms(struct vb_worker *w, struct term_ctx *c,
			    const struct vb_doc *doc, const char *lang,
			    const char *kind)
{
	char ymd[9];
	vb_ix_add_bool(c, &w->term, VB_PREFIX_KIND, kind);
	vb_ix_add_bool(c, &w->term, VB_PREFIX_DOC, doc->id);
	vb_ix_add_bool(c, &w->term, VB_PREFIX_LANG, lang);
	vb_ix_add_bool(c, &w->term, VB_PREFIX_SOURCE, norm_value(&w->word, doc->source));
	vb_ix_add_bool(c, &w->term, VB_PREFIX_TYPE, norm_value(&w->word, doc->type));
	if (date_value(doc->date, ymd)) {
		/* The year as a term (year:2006); finer dates are ranges over
		 * the value slot, which cost nothing per passage. */
		char year[5];
		memcpy(year, ymd, 4);
		year[4] = '\0';
		vb_ix_add_bool(c, &w->term, VB_PREFIX_YEAR, year);
		if (!c->failed &&
		    xap_doc_set_value(c->doc, VB_SLOT_DATE, ymd, 8, &c->xe))
			c->failed = 1;
	}
}

int vb_ix_post_text(struct vb_worker *w, struct term_ctx *c,
		    struct vb_analyzer *an, const char *text, size_t len,
		    const char *prefix, unsigned *pos, bool spelling,
		    const struct vb_spans *quoted, struct vb_buf *err)
{
	size_t plen = strlen(prefix), q = 0;
	w->tokens.n = 0;
	if (vb_words(w->tokenizer, text, len, &w->tokens, err) < 0)
		return -1;
	for (size_t i = 0; i < w->tokens.n && !c->failed; i++) {
		const struct vb_token *t = &w->tokens.v[i];
		if (!vb_analyzer_word(an, text + t->start, t->end - t->start,
				      &w->word))
			continue;
		vb_analyzer_stem_normalized(an, w->word.buf, w->word.len,
					    t->kind, &w->scratch);
		/* "Z" + field prefix + stem: Xapian's layout for stemmed
		 * terms of a prefixed field. */
		vb_buf_reset(&w->term);
		vb_buf_add(&w->term, VB_PREFIX_STEM, 1);
		vb_buf_add(&w->term, prefix, plen);
		vb_buf_add(&w->term, w->scratch.buf + 1, w->scratch.len - 1);
		xap_status st;
		/* Function words take no position, but keep their place:
		 * the words around them stay as far apart (schema.h). */
		if (pos && t->kind == VB_TOK_WORD &&
		    vb_schema_unpositioned(w->word.buf, w->word.len)) {
			++*pos;
			st = xap_doc_add_term(c->doc, w->term.buf, w->term.len, 1,
					      &c->xe);
		} else if (pos)
			st = xap_doc_add_posting(c->doc, w->term.buf, w->term.len,
						 ++*pos, 1, &c->xe);
		else
			st = xap_doc_add_term(c->doc, w->term.buf, w->term.len, 1,
					      &c->xe);
		/* Words inside quotation marks also go under quote:, without
		 * positions (they are the text's: quote:"a b" is the phrase
		 * in the text with each word under quote:, see query.c). */
		while (quoted && q < quoted->n && quoted->v[q].end <= t->start)
			q++;
		if (!st && quoted && q < quoted->n && quoted->v[q].start <= t->start) {
			vb_buf_reset(&w->term);
			vb_buf_adds(&w->term, VB_PREFIX_STEM VB_PREFIX_QUOTE);
			vb_buf_add(&w->term, w->scratch.buf + 1, w->scratch.len - 1);
			st = xap_doc_add_term(c->doc, w->term.buf, w->term.len, 1,
					      &c->xe);
		}
		if (st) {
			c->failed = 1;
			break;
		}
		if (spelling && t->kind == VB_TOK_WORD && w->word.len >= 3)
			vb_strset_count_add(&w->out->spelling, w->word.buf, 1);
	}
	return 0;
}

/* Unstemmed title words under S (omega's convention), on the record. */
static void add_title_words(struct vb_worker *w, struct term_ctx *c,
			    struct vb_analyzer *an, const char *title)
{
	size_t len = strlen(title);
	w->tokens.n = 0;
	if (vb_words(w->tokenizer, title, len, &w->tokens, NULL) < 0)
		return;
	for (size_t i = 0; i < w->tokens.n && !c->failed; i++) {
		const struct vb_token *t = &w->tokens.v[i];
		if (!vb_analyzer_word(an, title + t->start, t->end - t->start,
				      &w->word))
			continue;
		vb_buf_reset(&w->term);
		vb_buf_adds(&w->term, VB_PREFIX_TITLE);
		vb_buf_add(&w->term, w->word.buf, w->word.len);
		if (xap_doc_add_term(c->doc, w->term.buf, w->term.len, 1, &c->xe))
			c->failed = 1;
	}
}

static void json_set_str(json_t *o, const char *key, const char *value)
{
	if (value)
		json_object_set_new(o, key, json_string(value));
}

static void json_doc_meta(json_t *o, const struct vb_doc *doc, const char *lang)
{
	json_set_str(o, "title", doc->title);
	json_set_str(o, "date", doc->date);
	json_set_str(o, "source", doc->source);
	json_set_str(o, "url", doc->url);
	json_set_str(o, "lang", lang);
	json_set_str(o, "type", doc->type);
}

void vb_ix_set_json_data(struct term_ctx *c, json_t *o)
{
	vb_ix_set_data_text(c, o, NULL, 0);
}

/* The data of a passage: its metadata as compact JSON, which holds no raw
 * newline, then a newline and the text as it is (docs/schema.md).  JSON
 * escaping and parsing the text character by character was a third of a
 * search's time (docs/performance.md). */
void vb_ix_set_data_text(struct term_ctx *c, json_t *o, const char *text, size_t len)
{
	char *s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!s) {
		c->failed = 1;
		snprintf(c->xe.message, sizeof(c->xe.message), "cannot write document data");
		c->xe.status = XAP_ERR_NOMEM;
		return;
	}
	size_t n = strlen(s);
	if (text) {
		s = vb_realloc(s, n + 1 + len);   /* jansson's malloc'd string */
		s[n] = '\n';
		memcpy(s + n + 1, text, len);
		n += 1 + len;
	}
	if (!c->failed && xap_doc_set_data(c->doc, s, n, &c->xe))
		c->failed = 1;
	free(s);
}

static int add_passage(struct vb_worker *w, const struct vb_doc *doc,
		       const char *lang, struct vb_analyzer *an,
		       const struct vb_passage *p, unsigned n, struct vb_buf *err)
{
	struct term_ctx c = { 0 };
	unsigned pos = 0;
	char ordinal[16];
	json_t *data;
	int rc = 0;

	if (xap_doc_new(&c.doc, &c.xe))
		return vb_ix_fail(err, &c.xe);
	vb_ix_add_common_terms(w, &c, doc, lang, VB_KIND_PASSAGE);

	vb_buf_reset(&w->scratch);
	vb_passage_id(&w->scratch, doc->id, n);
	char *pid = vb_strdup(w->scratch.buf);
	vb_ix_add_bool(&c, &w->term, VB_PREFIX_UID, pid);

	vb_quoted_spans(w, p, &w->quoted);
	if (vb_ix_post_text(w, &c, an, doc->body + p->start, p->end - p->start,
			    "", &pos, w->opts->spelling, &w->quoted, err) < 0) {
		rc = -1;
		goto out;
	}
	if (doc->title && *doc->title && !doc->title_excerpt) {
		/* Title words under ZS, for title: and for the title boost
		 * the searcher adds.  Not as plain text terms too: that cost
		 * 20% of indexing time (docs/performance.md).  No positions:
		 * phrases are for the text, and positions are the biggest
		 * part of the index. */
		if (vb_ix_post_text(w, &c, an, doc->title, strlen(doc->title),
				    VB_PREFIX_TITLE, NULL, false, NULL, err) < 0) {
			rc = -1;
			goto out;
		}
	}

	if (!c.failed)
		c.failed = xap_doc_set_value(c.doc, VB_SLOT_DOC, doc->id,
					     strlen(doc->id), &c.xe) != XAP_OK;
	snprintf(ordinal, sizeof(ordinal), "%06u", n);
	if (!c.failed)
		c.failed = xap_doc_set_value(c.doc, VB_SLOT_ORDINAL, ordinal,
					     strlen(ordinal), &c.xe) != XAP_OK;

	data = json_object();
	json_set_str(data, "kind", VB_KIND_PASSAGE);
	json_set_str(data, "id", pid);
	json_set_str(data, "doc", doc->id);
	json_object_set_new(data, "n", json_integer(n));
	json_object_set_new(data, "paragraph", json_integer(p->paragraph));
	json_object_set_new(data, "start", json_integer((json_int_t)(p->start + doc->body_offset)));
	json_object_set_new(data, "end", json_integer((json_int_t)(p->end + doc->body_offset)));
	/* The rest of the metadata lives once, in the document's record. */
	json_set_str(data, "date", doc->date);
	json_set_str(data, "lang", lang);
	if (vb_annotate_passage(w, &c, an, p, data, err) < 0) {
		json_decref(data);
		rc = -1;
		goto out;
	}
	vb_ix_set_data_text(&c, data, doc->body + p->start, p->end - p->start);

	if (c.failed)
		rc = vb_ix_fail(err, &c.xe);
out:
	free(pid);
	return keep_doc(w, &c, rc, err);
}

static int add_record(struct vb_worker *w, const struct vb_doc *doc,
		      const char *lang, struct vb_analyzer *an, size_t npassages,
		      struct vb_buf *err)
{
	struct term_ctx c = { 0 };
	char hash[17];
	json_t *data;
	int rc = 0;

	if (xap_doc_new(&c.doc, &c.xe))
		return vb_ix_fail(err, &c.xe);
	vb_ix_add_common_terms(w, &c, doc, lang, VB_KIND_DOC);
	vb_ix_add_bool(&c, &w->term, VB_PREFIX_UID, doc->id);
	if (doc->title && !doc->title_excerpt)
		add_title_words(w, &c, an, doc->title);
	snprintf(hash, sizeof(hash), "%016" PRIx64, doc->hash);
	if (!c.failed)
		c.failed = xap_doc_set_value(c.doc, VB_SLOT_HASH, hash, 16, &c.xe) != XAP_OK;
	if (!c.failed && doc->path)
		c.failed = xap_doc_set_value(c.doc, VB_SLOT_PATH, doc->path,
					     strlen(doc->path), &c.xe) != XAP_OK;
	if (!c.failed)
		c.failed = xap_doc_set_value(c.doc, VB_SLOT_DOC, doc->id,
					     strlen(doc->id), &c.xe) != XAP_OK;

	data = json_object();
	json_set_str(data, "kind", VB_KIND_DOC);
	json_set_str(data, "id", doc->id);
	json_doc_meta(data, doc, lang);
	json_set_str(data, "author", doc->author);
	json_set_str(data, "speaker", doc->speaker);
	json_set_str(data, "path", doc->path);
	if (doc->line)
		json_object_set_new(data, "line", json_integer(doc->line));
	json_object_set_new(data, "passages", json_integer((json_int_t)npassages));
	json_object_set_new(data, "bytes", json_integer((json_int_t)doc->body_len));
	json_object_set_new(data, "body_offset", json_integer((json_int_t)doc->body_offset));
	if (doc->invalid_utf8)
		json_object_set_new(data, "invalid_utf8",
				    json_integer((json_int_t)doc->invalid_utf8));
	if (doc->extra) {
		json_t *extra = json_loads(doc->extra, 0, NULL);
		if (extra)
			json_object_set_new(data, "extra", extra);
	}
	vb_ix_set_json_data(&c, data);
	if (c.failed)
		rc = vb_ix_fail(err, &c.xe);
	return keep_doc(w, &c, rc, err);
}

/* "2007-01-09": a date with its year, month and day. */
static bool full_date(const char *s)
{
	return strlen(s) == 10 && isdigit((unsigned char)s[0]) && s[4] == '-' &&
	       s[7] == '-';
}

int vb_worker_build(struct vb_worker *w, const struct vb_doc *doc,
		    const char *lang, struct vb_built *out, struct vb_buf *err)
{
	int rc;

	w->out = out;
	memcpy(out->lang, lang, sizeof(out->lang));
	vb_buf_reset(&out->doc_term);
	vb_id_term(&out->doc_term, VB_PREFIX_DOC, doc->id);
	struct vb_analyzer *an = analyzer_for(w, lang, err);
	if (!an)
		return XAP_ERR_INVALID;

	/* Quotes, entities and dates of the whole document first: quotes
	 * and pronouns reach across paragraphs, and boilerplate lines must
	 * be known before passages are cut. */
	struct vb_extract_opts xo = {
		.doc_id = doc->id,
		.doc_date = doc->date,
		.lang = lang,
		.source_org = vb_issuing_org(doc),
		.speaker = doc->speaker,
		.doc_type = doc->type,
		.aliases = w->aliases,
	};
	vb_extraction_release(&w->extraction);
	vb_strset_release(&w->quote_ids);
	vb_strset_release(&w->entities);
	if (w->opts->extract &&
	    vb_extract(w->extractor, doc->body, doc->body_len, &xo,
		       &w->extraction, err) < 0)
		return XAP_ERR_OTHER;
	/* A document the input gave no date takes its dateline's ("PORT
	 * SELWYN, 9 January 2007 -") when that names the year: the date the
	 * extractor resolved relative dates against.  A copy of the struct,
	 * not of its strings: the date lives in the extraction until the
	 * next document. */
	struct vb_doc dated;
	if (!doc->date && w->opts->extract && full_date(w->extraction.doc_date)) {
		dated = *doc;
		dated.date = w->extraction.doc_date;
		doc = &dated;
	}
	w->skip.n = 0;
	for (size_t i = 0; i < w->extraction.ndropped; i++) {
		VB_ALLOC_GROW(w->skip.v, w->skip.n + 1, w->skip.alloc);
		w->skip.v[w->skip.n].start = w->extraction.dropped[i].start;
		w->skip.v[w->skip.n].end = w->extraction.dropped[i].end;
		w->skip.n++;
	}

	w->body = doc->body;
	w->body_offset = doc->body_offset;
	vb_annotation_prepare(w);

	w->passages.n = 0;
	if (vb_passages_build(w->tokenizer, doc->body, doc->body_len, &w->skip,
			      &w->passages, err) < 0)
		return XAP_ERR_OTHER;
	for (size_t i = 0; i < w->passages.n; i++) {
		rc = add_passage(w, doc, lang, an, &w->passages.v[i],
				 (unsigned)i + 1, err);
		if (rc)
			return rc;
	}
	out->passages = w->passages.n;
	/* The record comes last: a document whose record was written has
	 * all its passages (see vb_indexer_abandon). */
	return add_record(w, doc, lang, an, w->passages.n, err);
}

/* ---- the database side: shards, metadata, commits ----------------------- */

struct shard {
	xap_db *db;
	struct vb_strset spelling;  /* word -> occurrences since last commit */
	struct vb_spelling_once once;   /* spelling words seen once */
	size_t uncommitted;         /* Xapian documents added since then */
};

enum job_state { JOB_FREE, JOB_QUEUED, JOB_BUSY, JOB_DONE };

/* A document on its way from vb_indexer_add to its database. */
struct job {
	enum job_state state;
	struct vb_doc doc;          /* a copy: the caller's goes on */
	char lang[16];
	unsigned shard;
	struct vb_built built;
	int rc;
	struct vb_buf err;
};

/*
 * Jobs in a ring, by sequence number: the caller queues at `queued`,
 * workers take at `taken`, the caller writes at `written`, in that order.
 * Only the caller's thread moves `queued`, `written` and `bytes`; workers
 * move `taken` and job states, under the lock.
 */
struct pipeline {
	pthread_mutex_t lock;
	pthread_cond_t work;        /* a job was queued, or stop */
	pthread_cond_t done;        /* a job was analysed */
	struct job *jobs;
	size_t cap;
	size_t queued, taken, written;
	size_t bytes;               /* body bytes queued and not written */
	bool stop;
	bool failed;                /* a write failed: drop the rest */
	struct vb_worker *workers;
	pthread_t *threads;
	unsigned nthreads;
	struct worker_arg {
		struct pipeline *p;
		struct vb_worker *w;
	} *args;
};

struct segmenter;

struct vb_indexer {
	char *path;
	struct vb_indexer_opts opts;
	struct shard *shards;
	unsigned nshards;
	struct vb_aliases *aliases;
	struct vb_strset seen_ids;
	struct vb_strset seen_paths;
	struct vb_strset languages;
	struct vb_strset entity_names; /* entity terms named this run */
	size_t passages;               /* passages written this run */
	/* One job: documents are analysed here, in the caller's thread. */
	struct vb_worker worker;
	struct vb_built built;
	struct pipeline *pipe;         /* several jobs */
	/* Several jobs on a fresh database: several writers (segments). */
	struct segmenter *seg;
	size_t nsegments;
	struct vb_buf seg_names;       /* entity names to write at the merge */
	struct vb_buf term, scratch;
};

/* Set `key` on every shard: each holds the metadata the searcher needs,
 * since Xapian reads a stub database's metadata from its first shard. */
static int set_metadata_all(struct vb_indexer *ix, const char *key,
			    const char *value, size_t len, struct vb_buf *err)
{
	xap_error xe;
	for (unsigned s = 0; s < ix->nshards; s++)
		if (xap_db_set_metadata(ix->shards[s].db, key, value, len, &xe))
			return vb_ix_fail(err, &xe);
	return 0;
}

/*
 * The alias file given, which the database then keeps (as text, in its
 * metadata) so that later runs and the searcher use the same names; with
 * no file given, the one the database kept.
 */
static int load_aliases(struct vb_indexer *ix, struct vb_buf *err)
{
	struct vb_buf text = VB_BUF_INIT;
	const char *name = ix->opts.aliases_path;
	xap_error xe;
	int rc = 0;
	if (name) {
		FILE *f = fopen(name, "r");
		char chunk[8192];
		size_t n;
		if (!f) {
			if (err)
				vb_buf_addf(err, "cannot open aliases '%s': %s", name,
					    strerror(errno));
			return XAP_ERR_INVALID;
		}
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			vb_buf_add(&text, chunk, n);
		fclose(f);
	} else {
		char *stored = NULL;
		size_t len = 0;
		if (xap_db_get_metadata(ix->shards[0].db, VB_META_ALIASES, &stored,
					&len, &xe)) {
			free(stored);
			return vb_ix_fail(err, &xe);
		}
		vb_buf_add(&text, stored, len);
		free(stored);
		name = "aliases in the database";
	}
	if (text.len) {
		ix->aliases = vb_aliases_new();
		if (vb_aliases_parse(ix->aliases, text.buf, text.len, name, err) < 0)
			rc = XAP_ERR_INVALID;
		else if (ix->opts.aliases_path)
			rc = set_metadata_all(ix, VB_META_ALIASES, text.buf, text.len, err);
	}
	vb_buf_release(&text);
	return rc;
}

/* Check (or, for a new shard, write) the schema version; remember the
 * languages the shard holds. */
static int check_shard(struct vb_indexer *ix, xap_db *db, struct vb_buf *err)
{
	char *version = NULL, *langs = NULL;
	xap_error xe;
	int rc = 0;

	if (xap_db_get_metadata(db, "verbatim.schema", &version, NULL, &xe)) {
		free(version);
		return vb_ix_fail(err, &xe);
	}
	if (*version && strcmp(version, VB_SCHEMA_VERSION)) {
		if (err)
			vb_buf_addf(err,
				    "database '%s' has schema version %s, this verbatim writes version %s: "
				    "rebuild it with 'verbatim index --overwrite'",
				    ix->path, version, VB_SCHEMA_VERSION);
		free(version);
		return XAP_ERR_INVALID;
	}
	/* A new database says what it is at once, before any document. */
	if (!*version &&
	    (xap_db_set_metadata(db, "verbatim.schema", VB_SCHEMA_VERSION,
				 strlen(VB_SCHEMA_VERSION), &xe) ||
	     xap_db_commit(db, &xe)))
		rc = vb_ix_fail(err, &xe);
	free(version);
	if (rc)
		return rc;
	if (xap_db_get_metadata(db, "verbatim.languages", &langs, NULL, &xe)) {
		free(langs);
		return vb_ix_fail(err, &xe);
	}
	char *save = NULL;
	for (char *tok = strtok_r(langs, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		vb_strset_add(&ix->languages, tok);
	free(langs);
	return 0;
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/*
 * How many shards the database at `path` has: K for a directory whose
 * stub file lists shard-0 .. shard-(K-1) (what --shards makes), 1 for a
 * plain database, 0 when there is none yet.
 */
static int existing_shards(const char *path, unsigned *out, struct vb_buf *err)
{
	struct vb_buf name = VB_BUF_INIT;
	char line[256];
	unsigned k = 0;
	int rc = 0;

	*out = 0;
	vb_buf_addf(&name, "%s/" STUB_NAME, path);
	FILE *f = fopen(name.buf, "r");
	if (!f) {
		vb_buf_reset(&name);
		vb_buf_addf(&name, "%s/iamglass", path);
		*out = file_exists(name.buf) ? 1 : 0;
		vb_buf_release(&name);
		return 0;
	}
	while (fgets(line, sizeof(line), f)) {
		char want[64];
		snprintf(want, sizeof(want), "auto " SHARD_FORMAT "\n", k);
		if (strcmp(line, want)) {
			if (err)
				vb_buf_addf(err, "'%s' is a stub database that 'verbatim index --shards' "
					    "did not make: index into each of its databases instead",
					    path);
			rc = XAP_ERR_INVALID;
			break;
		}
		k++;
	}
	fclose(f);
	vb_buf_release(&name);
	*out = k;
	return rc;
}

/* The stub file, written once the shards exist, atomically. */
static int write_stub(const char *path, unsigned k, struct vb_buf *err)
{
	struct vb_buf name = VB_BUF_INIT, tmp = VB_BUF_INIT;
	int rc = 0;
	vb_buf_addf(&name, "%s/" STUB_NAME, path);
	vb_buf_addf(&tmp, "%s.tmp", name.buf);
	FILE *f = fopen(tmp.buf, "w");
	if (f) {
		for (unsigned s = 0; s < k; s++)
			fprintf(f, "auto " SHARD_FORMAT "\n", s);
		if (fclose(f) || rename(tmp.buf, name.buf))
			f = NULL;
	}
	if (!f) {
		if (err)
			vb_buf_addf(err, "cannot write '%s': %s", name.buf, strerror(errno));
		rc = XAP_ERR_OTHER;
	}
	vb_buf_release(&name);
	vb_buf_release(&tmp);
	return rc;
}

/* Decide the layout and open every shard for writing. */
static int open_shards(struct vb_indexer *ix, struct vb_buf *err)
{
	int flags = ix->opts.no_sync ? XAP_DB_NO_SYNC : 0;
	enum xap_open_mode mode = ix->opts.overwrite ? XAP_DB_CREATE_OR_OVERWRITE
						     : XAP_DB_CREATE_OR_OPEN;
	unsigned have, want = ix->opts.shards;
	int rc = existing_shards(ix->path, &have, err);
	if (rc)
		return rc;
	if (have && want && want != have) {
		if (err)
			vb_buf_addf(err, "database '%s' has %u shard%s, not %u: the number of "
				    "shards is chosen when a database is created",
				    ix->path, have, have == 1 ? "" : "s", want);
		return XAP_ERR_INVALID;
	}
	ix->nshards = have ? have : want ? want : 1;
	if (ix->nshards > 1 && !have && mkdir(ix->path, 0777) < 0 && errno != EEXIST) {
		if (err)
			vb_buf_addf(err, "cannot create '%s': %s", ix->path, strerror(errno));
		return XAP_ERR_OTHER;
	}
	ix->shards = vb_calloc(ix->nshards, sizeof(*ix->shards));
	for (unsigned s = 0; s < ix->nshards; s++) {
		struct vb_buf dir = VB_BUF_INIT;
		xap_error xe;
		if (ix->nshards > 1)
			vb_buf_addf(&dir, "%s/" SHARD_FORMAT, ix->path, s);
		else
			vb_buf_adds(&dir, ix->path);
		rc = xap_db_open(&ix->shards[s].db, dir.buf, mode, flags, &xe);
		if (rc == XAP_ERR_LOCKED && err)
			vb_buf_addf(err, "database '%s' is locked: another 'verbatim index' "
				    "is writing it; try again when it has finished", ix->path);
		else if (rc)
			vb_ix_fail(err, &xe);
		vb_buf_release(&dir);
		if (!rc)
			rc = check_shard(ix, ix->shards[s].db, err);
		if (rc)
			return rc;
	}
	if (ix->nshards > 1 && !have)
		return write_stub(ix->path, ix->nshards, err);
	return 0;
}

static unsigned shard_of(const struct vb_indexer *ix, const char *id)
{
	if (ix->nshards == 1)
		return 0;
	return (unsigned)(vb_hash64(id, strlen(id), SHARD_SEED) % ix->nshards);
}

/* Sorted, comma-separated list of the languages in `set`, for the
 * searcher; `scratch` is overwritten. */
static int store_language_set(const struct vb_strset *set, struct vb_buf *scratch,
			      xap_db *db, struct vb_buf *err)
{
	const char *names[64];
	size_t n = 0, it = 0;
	const char *s;
	xap_error xe;

	while ((s = vb_strset_next(set, &it)) && n < 64)
		names[n++] = s;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			const char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	vb_buf_reset(scratch);
	for (size_t i = 0; i < n; i++) {
		if (i)
			vb_buf_addch(scratch, ',');
		vb_buf_adds(scratch, names[i]);
	}
	if (xap_db_set_metadata(db, "verbatim.languages", scratch->buf,
				scratch->len, &xe))
		return vb_ix_fail(err, &xe);
	return 0;
}

static int store_languages(struct vb_indexer *ix, xap_db *db, struct vb_buf *err)
{
	return store_language_set(&ix->languages, &ix->scratch, db, err);
}

/* Spelling counts into db (spelling.h); `once` is the words seen once
 * of the shard db belongs to. */
static int flush_spelling(xap_db *db, struct vb_strset *counts,
			  struct vb_spelling_once *once, struct vb_buf *err)
{
	xap_error xe;
	if (vb_spelling_flush(db, counts, once, &xe))
		return vb_ix_fail(err, &xe);
	return 0;
}

static int commit_shard(struct vb_indexer *ix, struct shard *sh, struct vb_buf *err)
{
	xap_error xe;
	int rc = store_languages(ix, sh->db, err);
	if (!rc)
		rc = flush_spelling(sh->db, &sh->spelling, &sh->once, err);
	if (rc)
		return rc;
	if (xap_db_commit(sh->db, &xe))
		return vb_ix_fail(err, &xe);
	sh->uncommitted = 0;
	return 0;
}

/* Delete the old version of a document (its XDOC: term), before its new
 * Xapian documents are added.  Also for new documents: a failed run may
 * have left passages without their record (see vb_indexer_abandon). */
static int write_begin(struct shard *sh, const char *doc_term, struct vb_buf *err)
{
	xap_error xe;
	if (xap_db_delete_documents_by_term(sh->db, doc_term, &xe))
		return vb_ix_fail(err, &xe);
	return 0;
}

/* What the database keeps besides the document's Xapian documents:
 * languages, spelling, entity names; then commit if it is time. */
static int write_finish(struct vb_indexer *ix, struct shard *sh,
			struct vb_built *b, struct vb_buf *err)
{
	int rc;

	vb_strset_add(&ix->languages, b->lang);

	add_spelling_counts(&sh->spelling, &b->spelling);

	/* Entity names as written, once per run, for `verbatim entities`. */
	for (size_t at = 0; at < b->entity_names.len;) {
		const char *term = b->entity_names.buf + at;
		const char *name = term + strlen(term) + 1;
		at = (size_t)(name - b->entity_names.buf) + strlen(name) + 1;
		if (!vb_strset_add(&ix->entity_names, term))
			continue;
		vb_buf_reset(&ix->term);
		vb_buf_adds(&ix->term, VB_META_ENTITY_NAME);
		vb_buf_adds(&ix->term, term);
		if ((rc = set_metadata_all(ix, ix->term.buf, name, strlen(name), err)))
			return rc;
	}

	ix->passages += b->passages;
	sh->uncommitted += b->made;
	if (sh->uncommitted >= ix->opts.commit_every)
		return commit_shard(ix, sh, err);
	return 0;
}

/* Write a document analysed by a worker into its shard, in place of its
 * old version. */
static int write_built(struct vb_indexer *ix, unsigned s, struct vb_built *b,
		       struct vb_buf *err)
{
	struct shard *sh = &ix->shards[s];
	xap_error xe;
	int rc = write_begin(sh, b->doc_term.buf, err);
	for (size_t i = 0; !rc && i < b->ndocs; i++)
		if (xap_db_add_document(sh->db, b->docs[i], NULL, &xe))
			rc = vb_ix_fail(err, &xe);
	return rc ? rc : write_finish(ix, sh, b, err);
}

/* Analyse and write a document in this thread, each Xapian document
 * written as soon as it is made: memory stays that of one passage. */
static int write_streaming(struct vb_indexer *ix, unsigned s,
			   const struct vb_doc *doc, const char *lang,
			   struct vb_buf *err)
{
	struct shard *sh = &ix->shards[s];
	struct vb_built *b = &ix->built;
	int rc;

	vb_built_release(b);
	vb_id_term(&b->doc_term, VB_PREFIX_DOC, doc->id);
	if ((rc = write_begin(sh, b->doc_term.buf, err)))
		return rc;
	b->sink = sh->db;
	rc = vb_worker_build(&ix->worker, doc, lang, b, err);
	if (!rc)
		rc = write_finish(ix, sh, b, err);
	vb_built_release(b);
	return rc;
}

/* ---- the pipeline: workers analyse, the caller writes in order ---------- */

static void *worker_main(void *arg)
{
	struct worker_arg *a = arg;
	struct pipeline *p = a->p;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->stop && p->taken == p->queued)
			pthread_cond_wait(&p->work, &p->lock);
		if (p->stop)
			break;
		struct job *job = &p->jobs[p->taken++ % p->cap];
		job->state = JOB_BUSY;
		pthread_mutex_unlock(&p->lock);
		job->rc = vb_worker_build(a->w, &job->doc, job->lang, &job->built,
					  &job->err);
		pthread_mutex_lock(&p->lock);
		job->state = JOB_DONE;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

static char *dup_or_null(const char *s)
{
	return s ? vb_strdup(s) : NULL;
}

static void doc_copy(struct vb_doc *to, const struct vb_doc *from)
{
	*to = *from;
	to->id = dup_or_null(from->id);
	to->title = dup_or_null(from->title);
	to->date = dup_or_null(from->date);
	to->source = dup_or_null(from->source);
	to->url = dup_or_null(from->url);
	to->lang = dup_or_null(from->lang);
	to->type = dup_or_null(from->type);
	to->author = dup_or_null(from->author);
	to->speaker = dup_or_null(from->speaker);
	to->extra = dup_or_null(from->extra);
	to->path = dup_or_null(from->path);
	to->body = vb_malloc(from->body_len + 1);
	memcpy(to->body, from->body, from->body_len);
	to->body[from->body_len] = '\0';
}

/* Stop and join the workers (they finish the document in hand). */
static void pipeline_free(struct pipeline *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (unsigned i = 0; i < p->nthreads; i++)
		pthread_join(p->threads[i], NULL);
	for (size_t i = 0; i < p->cap; i++) {
		struct job *job = &p->jobs[i];
		vb_doc_release(&job->doc);
		vb_built_release(&job->built);
		vb_buf_release(&job->err);
	}
	for (unsigned i = 0; i < p->nthreads; i++)
		vb_worker_release(&p->workers[i]);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	free(p->jobs);
	free(p->workers);
	free(p->threads);
	free(p->args);
	free(p);
}

static int pipeline_start(struct vb_indexer *ix, unsigned jobs, struct vb_buf *err)
{
	struct pipeline *p = vb_calloc(1, sizeof(*p));
	sigset_t all, old;
	int rc = 0;

	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	p->cap = (size_t)jobs * QUEUE_PER_WORKER;
	if (p->cap > MAX_JOBS)
		p->cap = MAX_JOBS;
	p->jobs = vb_calloc(p->cap, sizeof(*p->jobs));
	for (size_t i = 0; i < p->cap; i++) {
		vb_buf_init(&p->jobs[i].err);
		vb_built_release(&p->jobs[i].built);
	}
	p->workers = vb_calloc(jobs, sizeof(*p->workers));
	p->threads = vb_calloc(jobs, sizeof(*p->threads));
	p->args = vb_calloc(jobs, sizeof(*p->args));
	ix->pipe = p;

	/* Signals stay with the caller's thread (Ctrl-C stops reading). */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (unsigned i = 0; i < jobs && !rc; i++) {
		if (vb_worker_init(&p->workers[i], &ix->opts, ix->aliases, err) < 0) {
			vb_worker_release(&p->workers[i]);
			rc = XAP_ERR_OTHER;
			break;
		}
		p->args[i].p = p;
		p->args[i].w = &p->workers[i];
		int e = pthread_create(&p->threads[i], NULL, worker_main, &p->args[i]);
		if (e) {
			vb_worker_release(&p->workers[i]);
			if (err)
				vb_buf_addf(err, "cannot start a worker thread: %s", strerror(e));
			rc = XAP_ERR_OTHER;
			break;
		}
		p->nthreads++;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/*
 * Write analysed documents in order: every one ready, and at least until
 * `until` documents have been written (waiting for the workers).  Returns
 * the first error, naming its document.
 */
static int write_ready(struct vb_indexer *ix, size_t until, struct vb_buf *err)
{
	struct pipeline *p = ix->pipe;
	int rc = 0;

	pthread_mutex_lock(&p->lock);
	while (!rc && p->written < p->queued) {
		struct job *job = &p->jobs[p->written % p->cap];
		if (job->state != JOB_DONE) {
			if (p->written >= until)
				break;
			pthread_cond_wait(&p->done, &p->lock);
			continue;
		}
		pthread_mutex_unlock(&p->lock);
		rc = p->failed ? 0 : job->rc;
		if (!rc && !p->failed)
			rc = write_built(ix, job->shard, &job->built, &job->err);
		if (rc)
			p->failed = true;
		if (rc && err)
			vb_buf_addf(err, "'%s'%s%.0u: %s", job->doc.path ? job->doc.path : "-",
				    job->doc.line ? " line " : "", job->doc.line,
				    job->err.buf);
		p->bytes -= job->doc.body_len;
		vb_doc_release(&job->doc);
		vb_built_release(&job->built);
		vb_buf_reset(&job->err);
		pthread_mutex_lock(&p->lock);
		job->state = JOB_FREE;
		p->written++;
	}
	pthread_mutex_unlock(&p->lock);
	return rc;
}

static int enqueue(struct vb_indexer *ix, const struct vb_doc *doc,
		   const char *lang, unsigned shard, struct vb_buf *err)
{
	struct pipeline *p = ix->pipe;
	int rc;

	/* Room for it: a free slot, and the byte bound unless the queue is
	 * empty.  The counters moved here are only moved by this thread. */
	while (p->queued - p->written == p->cap ||
	       (p->queued > p->written && p->bytes + doc->body_len > QUEUE_BYTES))
		if ((rc = write_ready(ix, p->written + 1, err)))
			return rc;
	struct job *job = &p->jobs[p->queued % p->cap];
	doc_copy(&job->doc, doc);
	memcpy(job->lang, lang, sizeof(job->lang));
	job->shard = shard;
	job->rc = 0;
	p->bytes += doc->body_len;
	pthread_mutex_lock(&p->lock);
	job->state = JOB_QUEUED;
	p->queued++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->lock);
	return write_ready(ix, 0, err);
}

/* ---- segments: several writers for a fresh build ------------------------ */

/*
 * Writing is most of the work (Xapian's term lists, zlib), and one
 * database has one writer.  So a fresh build with several jobs writes
 * consecutive runs of documents ("segments"), in input order, the first
 * into the target itself, the others into temporary databases next to it
 * (DB.seg-1, DB.seg-2, ...), each by a thread that both analyses and
 * writes, and merges them at the end, in segment order, with Xapian's
 * compactor into DB.merged, whose files then replace the target's
 * (docs/scaling.md).  A run stopped mid-way leaves segment 0's commits
 * in the target, whole documents, like one writer.  Each
 * segment's docids run from 1, and compaction renumbers them
 * consecutively in source order: the docids, and so the index, are a
 * single writer's.  Spelling words of segments after the first are not
 * written by their writers: each hands its counts to the caller, which
 * adds them to the target once segment 0 is written (a word added to 13
 * segments paid Xapian's cost of a new word 13 times, and the merge summed
 * them again: a sixth of the CPU time of a -j 2 build, docs/performance.md).  Entity display
 * names are the run's first of each term, kept by the caller and written
 * into the merged database (the compactor keeps one value of a key several
 * sources set, not reliably the first's).  The target stays open, and
 * locked, all the while, but for the instant its handle is reopened on
 * the merged files (only when the run prunes afterwards).
 */
/* A segment ends at this much text, or at half a commit's worth of
 * documents (each gives at least two Xapian documents): small enough that
 * the reading thread is never far ahead of the writers (a stopped run
 * writes what it has read), big enough that merging costs little.  1 MB
 * measured as fast as 2 MB, with 35 MB less memory (docs/performance.md). */
#define SEGMENT_BYTES ((size_t)1 << 20)
/* The caller adds the segments' spelling words to the target, and
 * commits it, when it holds this many. */
#define SEGMENT_SPELLING_FLUSH 20000
/* Segments read ahead of the oldest one being written: one filling, and
 * one more than the writers, so that none waits for the reader. */
#define SEGMENTS_AHEAD 2
#define SEGMENT_FORMAT "%s.seg-%zu"
#define MERGED_FORMAT "%s.merged"

enum seg_state { SEG_FREE, SEG_QUEUED, SEG_BUSY, SEG_DONE };

struct segment {
	enum seg_state state;
	size_t index;               /* DB.seg-<index> */
	struct vb_doc *docs;        /* copies, in input order */
	char (*langs)[16];
	size_t ndocs, alloc, alloc_langs;
	size_t bytes;               /* body bytes */
	bool borrowed;              /* docs[0] is the caller's: do not free */
	/* Set by the writer. */
	size_t passages;
	struct vb_strset languages;
	/* Entity names, first of each term in the segment: "term\0name\0". */
	struct vb_buf names;
	struct vb_strset spelling;  /* word -> occurrences in the segment */
	int rc;
	struct vb_buf err;
};

/*
 * Segments in a ring, by sequence number: the caller fills the one at
 * `queued` and queues it, writers take at `taken`, the caller collects at
 * `collected`.  Only the caller moves `queued` and `collected`.
 */
struct segmenter {
	pthread_mutex_t lock;
	pthread_cond_t work, done;
	struct segment *ring;
	size_t cap;
	size_t queued, taken, collected;
	size_t segment_bytes, segment_docs;
	bool stop, failed;
	const char *path;
	/* Segment 0 is written straight into the target, through its
	 * handle: a run stopped mid-way leaves its commits there, as one
	 * writer does. */
	xap_db *target;
	/* The target shard's words seen once: segment 0 writes spelling
	 * into the target (the only segment that does), and the caller
	 * takes them over once segment 0 is written. */
	struct vb_spelling_once *once;
	unsigned commit_every;
	struct vb_worker *workers;
	pthread_t *threads;
	unsigned nthreads;
	struct seg_arg {
		struct segmenter *g;
		struct vb_worker *w;
	} *args;
};

static void segment_name(struct vb_buf *out, const char *path, size_t index)
{
	vb_buf_reset(out);
	vb_buf_addf(out, SEGMENT_FORMAT, path, index);
}

/* Is this a name Xapian gives the files of a glass database? */
static bool xapian_file(const char *n)
{
	static const char *const prefixes[] = {
		"iamglass", "flintlock", "postlist.", "termlist.", "position.",
		"docdata.", "spelling.", "synonym.", "record.", "changes", NULL,
	};
	for (size_t k = 0; prefixes[k]; k++)
		if (!strncmp(n, prefixes[k], strlen(prefixes[k])))
			return true;
	return false;
}

/*
 * Remove a database directory (its files, then itself).  A directory
 * holding anything but Xapian's files is left alone: DB.seg-1 may be a
 * name somebody chose for something else.
 */
static void remove_db_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct vb_buf name = VB_BUF_INIT;
	if (!d)
		return;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    !xapian_file(e->d_name)) {
			closedir(d);
			return;
		}
	rewinddir(d);
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		vb_buf_reset(&name);
		vb_buf_addf(&name, "%s/%s", dir, e->d_name);
		unlink(name.buf);
	}
	closedir(d);
	rmdir(dir);
	vb_buf_release(&name);
}

static void segment_clear(struct segment *seg)
{
	for (size_t i = seg->borrowed ? 1 : 0; i < seg->ndocs; i++)
		vb_doc_release(&seg->docs[i]);
	seg->ndocs = 0;
	seg->bytes = 0;
	seg->borrowed = false;
	seg->passages = 0;
	seg->rc = 0;
	vb_strset_release(&seg->languages);
	vb_strset_release(&seg->spelling);
	vb_buf_release(&seg->names);
	vb_buf_reset(&seg->err);
}

static bool segmenter_stopping(struct segmenter *g)
{
	pthread_mutex_lock(&g->lock);
	bool stop = g->stop || g->failed;
	pthread_mutex_unlock(&g->lock);
	return stop;
}

/* Analyse the segment's documents and write them into DB.seg-<index>,
 * doing what write_finish does for the target: entity names, commits
 * every commit_every Xapian documents, spelling (but for segments after
 * the first, whose counts go to the caller in seg->spelling). */
static int write_segment(struct segmenter *g, struct vb_worker *w,
			 struct segment *seg)
{
	struct vb_buf name = VB_BUF_INIT, e = VB_BUF_INIT;
	struct vb_strset entities = { 0 };
	struct vb_built b;
	xap_db *db = NULL;
	xap_error xe;
	size_t uncommitted = 0, i = 0;
	int rc;

	memset(&b, 0, sizeof(b));
	vb_built_release(&b);
	if (seg->index == 0) {
		db = g->target;
		rc = 0;
	} else {
		segment_name(&name, g->path, seg->index);
		rc = xap_db_open(&db, name.buf, XAP_DB_CREATE_OR_OVERWRITE,
				 XAP_DB_NO_SYNC, &xe);
		if (rc)
			vb_ix_fail(&e, &xe);
	}
	for (; !rc && i < seg->ndocs; i++) {
		if (segmenter_stopping(g)) {
			rc = XAP_ERR_OTHER;
			vb_buf_adds(&e, "stopped");
			break;
		}
		vb_built_release(&b);
		b.sink = db;
		rc = vb_worker_build(w, &seg->docs[i], seg->langs[i], &b, &e);
		if (rc)
			break;
		vb_strset_add(&seg->languages, b.lang);
		add_spelling_counts(&seg->spelling, &b.spelling);
		/* Entity names go to the caller, which keeps the run's
		 * first of each, as one writer does, and writes them into
		 * the merged database. */
		for (size_t at = 0; at < b.entity_names.len;) {
			const char *term = b.entity_names.buf + at;
			const char *ename = term + strlen(term) + 1;
			at = (size_t)(ename - b.entity_names.buf) + strlen(ename) + 1;
			if (!vb_strset_add(&entities, term))
				continue;
			vb_buf_add(&seg->names, term, (size_t)(b.entity_names.buf + at - term));
			if (seg->index)
				continue;
			/* The target: its names are the run's first. */
			vb_buf_reset(&name);
			vb_buf_adds(&name, VB_META_ENTITY_NAME);
			vb_buf_adds(&name, term);
			if (!rc && xap_db_set_metadata(db, name.buf, ename, strlen(ename), &xe))
				rc = vb_ix_fail(&e, &xe);
		}
		seg->passages += b.passages;
		uncommitted += b.made;
		if (!rc && uncommitted >= g->commit_every) {
			if (!seg->index)
				rc = flush_spelling(db, &seg->spelling, g->once, &e);
			if (!rc && !seg->index)
				rc = store_language_set(&seg->languages, &name, db, &e);
			if (!rc && xap_db_commit(db, &xe))
				rc = vb_ix_fail(&e, &xe);
			uncommitted = 0;
		}
	}
	if (seg->index == 0) {
		if (!rc)
			rc = flush_spelling(db, &seg->spelling, g->once, &e);
		if (!rc)
			rc = store_language_set(&seg->languages, &name, db, &e);
		if (!rc && xap_db_commit(db, &xe))
			rc = vb_ix_fail(&e, &xe);
	} else {
		if (!rc && xap_db_close(db, &xe))
			rc = vb_ix_fail(&e, &xe);
		xap_db_free(db);
	}
	if (rc) {
		const struct vb_doc *doc = i < seg->ndocs ? &seg->docs[i] : NULL;
		if (doc)
			vb_buf_addf(&seg->err, "'%s'%s%.0u: %s", doc->path ? doc->path : "-",
				    doc->line ? " line " : "", doc->line, e.buf);
		else
			vb_buf_addf(&seg->err, "segment %zu: %s", seg->index, e.buf);
	}
	vb_built_release(&b);
	vb_buf_release(&b.entity_names);
	vb_buf_release(&b.doc_term);
	vb_strset_release(&entities);
	vb_buf_release(&name);
	vb_buf_release(&e);
	return rc;
}

static void *segment_main(void *arg)
{
	struct seg_arg *a = arg;
	struct segmenter *g = a->g;

	pthread_mutex_lock(&g->lock);
	for (;;) {
		while (!g->stop && g->taken == g->queued)
			pthread_cond_wait(&g->work, &g->lock);
		if (g->stop)
			break;
		struct segment *seg = &g->ring[g->taken++ % g->cap];
		seg->state = SEG_BUSY;
		pthread_mutex_unlock(&g->lock);
		int rc = write_segment(g, a->w, seg);
		pthread_mutex_lock(&g->lock);
		seg->rc = rc;
		seg->state = SEG_DONE;
		pthread_cond_broadcast(&g->done);
	}
	pthread_mutex_unlock(&g->lock);
	return NULL;
}

/* Stop and join the writers; remove the segment databases. */
static void segmenter_free(struct segmenter *g)
{
	struct vb_buf name = VB_BUF_INIT;
	if (!g)
		return;
	pthread_mutex_lock(&g->lock);
	g->stop = true;
	pthread_cond_broadcast(&g->work);
	pthread_mutex_unlock(&g->lock);
	for (unsigned i = 0; i < g->nthreads; i++)
		pthread_join(g->threads[i], NULL);
	for (size_t i = 0; i < g->cap; i++) {
		segment_clear(&g->ring[i]);
		free(g->ring[i].docs);
		free(g->ring[i].langs);
		vb_buf_release(&g->ring[i].err);
	}
	for (size_t i = 1; i < g->queued; i++) {
		segment_name(&name, g->path, i);
		remove_db_dir(name.buf);
	}
	vb_buf_release(&name);
	for (unsigned i = 0; i < g->nthreads; i++)
		vb_worker_release(&g->workers[i]);
	pthread_mutex_destroy(&g->lock);
	pthread_cond_destroy(&g->work);
	pthread_cond_destroy(&g->done);
	free(g->ring);
	free(g->workers);
	free(g->threads);
	free(g->args);
	free(g);
}

static int segmenter_start(struct segmenter **out, const char *path, xap_db *target,
			   struct vb_spelling_once *once,
			   const struct vb_indexer_opts *opts,
			   const struct vb_aliases *aliases, struct vb_buf *err)
{
	struct segmenter *g = vb_calloc(1, sizeof(*g));
	unsigned jobs = opts->jobs;
	sigset_t all, old;
	int rc = 0;

	pthread_mutex_init(&g->lock, NULL);
	pthread_cond_init(&g->work, NULL);
	pthread_cond_init(&g->done, NULL);
	g->path = path;
	g->target = target;
	g->once = once;
	g->commit_every = opts->commit_every;
	g->segment_bytes = SEGMENT_BYTES;
	/* For tests: smaller segments, to have several of a small corpus. */
	const char *env = getenv("VERBATIM_SEGMENT_BYTES");
	if (env && strtoul(env, NULL, 10) > 0)
		g->segment_bytes = strtoul(env, NULL, 10);
	g->segment_docs = opts->commit_every / 2 ? opts->commit_every / 2 : 1;
	g->cap = (size_t)jobs + SEGMENTS_AHEAD;
	g->ring = vb_calloc(g->cap, sizeof(*g->ring));
	for (size_t i = 0; i < g->cap; i++) {
		vb_buf_init(&g->ring[i].err);
		vb_buf_init(&g->ring[i].names);
	}
	g->workers = vb_calloc(jobs, sizeof(*g->workers));
	g->threads = vb_calloc(jobs, sizeof(*g->threads));
	g->args = vb_calloc(jobs, sizeof(*g->args));
	*out = g;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (unsigned i = 0; i < jobs && !rc; i++) {
		if (vb_worker_init(&g->workers[i], opts, aliases, err) < 0) {
			vb_worker_release(&g->workers[i]);
			rc = XAP_ERR_OTHER;
			break;
		}
		g->args[i].g = g;
		g->args[i].w = &g->workers[i];
		int e = pthread_create(&g->threads[i], NULL, segment_main, &g->args[i]);
		if (e) {
			vb_worker_release(&g->workers[i]);
			if (err)
				vb_buf_addf(err, "cannot start a writer thread: %s", strerror(e));
			rc = XAP_ERR_OTHER;
			break;
		}
		g->nthreads++;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/*
 * Collect written segments in order: every one done, and at least until
 * `until` have been collected (waiting for the writers).  Returns the
 * first error, naming its document.
 */
static int seg_collect(struct vb_indexer *ix, size_t until, struct vb_buf *err)
{
	struct segmenter *g = ix->seg;
	int rc = 0;

	pthread_mutex_lock(&g->lock);
	while (g->collected < g->queued) {
		struct segment *seg = &g->ring[g->collected % g->cap];
		if (seg->state != SEG_DONE) {
			if (g->collected >= until)
				break;
			pthread_cond_wait(&g->done, &g->lock);
			continue;
		}
		if (seg->rc && !g->failed) {
			g->failed = true;
			rc = seg->rc;
			if (err)
				vb_buf_adds(err, seg->err.buf);
		}
		pthread_mutex_unlock(&g->lock);
		ix->passages += seg->passages;
		for (size_t at = 0; at < seg->names.len;) {
			const char *term = seg->names.buf + at;
			const char *ename = term + strlen(term) + 1;
			at = (size_t)(ename - seg->names.buf) + strlen(ename) + 1;
			if (vb_strset_add(&ix->entity_names, term))
				vb_buf_add(&ix->seg_names, term,
					   (size_t)(seg->names.buf + at - term));
		}
		size_t it = 0;
		const char *lang;
		while ((lang = vb_strset_next(&seg->languages, &it)))
			vb_strset_add(&ix->languages, lang);
		/* Segments are collected in order: segment 0 is written, and
		 * no writer uses the target any more. */
		struct shard *sh = &ix->shards[0];
		add_spelling_counts(&sh->spelling, &seg->spelling);
		bool failed = false;
		if (!rc && !seg->rc && sh->spelling.n >= SEGMENT_SPELLING_FLUSH &&
		    (rc = commit_shard(ix, sh, err)))
			failed = true;   /* reported: the writers stop */
		segment_clear(seg);
		pthread_mutex_lock(&g->lock);
		g->failed = g->failed || failed;
		seg->state = SEG_FREE;
		g->collected++;
	}
	pthread_mutex_unlock(&g->lock);
	return rc;
}

/* Hand the segment being filled to the writers. */
static void seg_queue(struct vb_indexer *ix)
{
	struct segmenter *g = ix->seg;
	struct segment *seg = &g->ring[g->queued % g->cap];
	/* A full ring: that slot is a queued segment's, none is filled. */
	if (g->queued - g->collected >= g->cap || !seg->ndocs)
		return;
	seg->index = g->queued;
	pthread_mutex_lock(&g->lock);
	seg->state = SEG_QUEUED;
	g->queued++;
	pthread_cond_signal(&g->work);
	pthread_mutex_unlock(&g->lock);
}

/* The segment being filled, once its slot is free. */
static int seg_filling(struct vb_indexer *ix, struct segment **out,
		       struct vb_buf *err)
{
	struct segmenter *g = ix->seg;
	int rc;
	while (g->queued - g->collected >= g->cap)
		if ((rc = seg_collect(ix, g->collected + 1, err)))
			return rc;
	*out = &g->ring[g->queued % g->cap];
	return 0;
}

static int seg_add(struct vb_indexer *ix, const struct vb_doc *doc,
		   const char *lang, struct vb_buf *err)
{
	struct segmenter *g = ix->seg;
	struct segment *seg;
	int rc;

	if (doc->body_len > STREAM_BYTES) {
		/* Too big to copy: alone in a segment, written here once
		 * every earlier segment is (Xapian documents go into it as
		 * they are made). */
		seg_queue(ix);
		if ((rc = seg_collect(ix, g->queued, err)) ||
		    (rc = seg_filling(ix, &seg, err)))
			return rc;
		VB_ALLOC_GROW(seg->docs, 1, seg->alloc);
		VB_ALLOC_GROW(seg->langs, 1, seg->alloc_langs);
		seg->docs[0] = *doc;
		seg->borrowed = true;
		memcpy(seg->langs[0], lang, sizeof(seg->langs[0]));
		seg->ndocs = 1;
		seg->index = g->queued;
		rc = write_segment(g, &ix->worker, seg);
		pthread_mutex_lock(&g->lock);
		seg->rc = rc;
		seg->state = SEG_DONE;
		/* Every earlier one was taken: the writers skip this one. */
		g->queued++;
		g->taken++;
		pthread_mutex_unlock(&g->lock);
		return seg_collect(ix, g->queued, err);
	}
	if ((rc = seg_filling(ix, &seg, err)))
		return rc;
	VB_ALLOC_GROW(seg->docs, seg->ndocs + 1, seg->alloc);
	VB_ALLOC_GROW(seg->langs, seg->ndocs + 1, seg->alloc_langs);
	doc_copy(&seg->docs[seg->ndocs], doc);
	memcpy(seg->langs[seg->ndocs], lang, sizeof(seg->langs[0]));
	seg->ndocs++;
	seg->bytes += doc->body_len;
	/* Segments grow, doubling every 8 up to 16 times the first, so
	 * that a large corpus makes tens of them, not thousands: each is a
	 * database of its own, and the merge opens them all at once. */
	unsigned grow = seg->index / 8 < 4 ? (unsigned)(seg->index / 8) : 4;
	if (seg->bytes >= g->segment_bytes << grow || seg->ndocs >= g->segment_docs << grow)
		seg_queue(ix);
	return seg_collect(ix, 0, err);
}

/* Write every document added so far into segments. */
static int seg_drain(struct vb_indexer *ix, struct vb_buf *err)
{
	seg_queue(ix);
	return seg_collect(ix, ix->seg->queued, err);
}

/* Move the merged database's files into the target's directory, in
 * place of the target's (glass tables, then its version file last). */
static int swap_in(const char *merged, const char *target, struct vb_buf *err)
{
	static const char *const tables[] = {
		"postlist.glass", "termlist.glass", "position.glass", "docdata.glass",
		"spelling.glass", "synonym.glass", "iamglass",
	};
	struct vb_buf from = VB_BUF_INIT, to = VB_BUF_INIT;
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof(tables) / sizeof(tables[0]); i++) {
		vb_buf_reset(&from);
		vb_buf_reset(&to);
		vb_buf_addf(&from, "%s/%s", merged, tables[i]);
		vb_buf_addf(&to, "%s/%s", target, tables[i]);
		if (file_exists(from.buf) ? rename(from.buf, to.buf) < 0
					  : unlink(to.buf) < 0 && errno != ENOENT) {
			if (err)
				vb_buf_addf(err, "cannot move '%s' to '%s': %s", from.buf,
					    to.buf, strerror(errno));
			rc = XAP_ERR_OTHER;
		}
	}
	vb_buf_release(&from);
	vb_buf_release(&to);
	return rc;
}

/* Copy metadata key `key` of `from` into `to`, when set. */
static int copy_metadata(xap_db *from, xap_db *to, const char *key, struct vb_buf *err)
{
	char *v = NULL;
	size_t len = 0;
	xap_error xe;
	int rc = 0;
	if (xap_db_get_metadata(from, key, &v, &len, &xe))
		rc = vb_ix_fail(err, &xe);
	else if (len && xap_db_set_metadata(to, key, v, len, &xe))
		rc = vb_ix_fail(err, &xe);
	free(v);
	return rc;
}

/*
 * Write what is left, merge the segments into the target and leave
 * segment mode.  The target's handle, which holds its lock, is replaced
 * by one on the merged files; with `reopen` false it is just closed (the
 * end of the run).
 */
static int seg_finish(struct vb_indexer *ix, bool reopen, struct vb_buf *err)
{
	struct segmenter *g = ix->seg;
	struct shard *sh = &ix->shards[0];
	struct vb_buf merged = VB_BUF_INIT;
	char **names = NULL;
	xap_db *db = NULL;
	xap_error xe;
	int rc = seg_drain(ix, err);
	size_t n = g->queued;

	/* After a writer's error (reported then) the segments are not
	 * merged: later ones may hold part of a document. */
	if (!rc && g->failed) {
		if (err)
			vb_buf_adds(err, "segments not merged after an error");
		rc = XAP_ERR_OTHER;
	}
	ix->nsegments = n;
	/* The spelling words of the segments, when segment 0 was all. */
	if (!rc && n <= 1 && sh->spelling.n)
		rc = commit_shard(ix, sh, err);
	if (!rc && n > 1) {
		/* The target, which holds segment 0, is committed first:
		 * it is the first source, and its handle must have nothing
		 * left to write once its files are replaced. */
		rc = commit_shard(ix, sh, err);
		vb_buf_addf(&merged, MERGED_FORMAT, ix->path);
		remove_db_dir(merged.buf);
		names = vb_calloc(n, sizeof(*names));
		names[0] = vb_strdup(ix->path);
		for (size_t i = 1; i < n; i++) {
			struct vb_buf name = VB_BUF_INIT;
			segment_name(&name, ix->path, i);
			names[i] = vb_strdup(name.buf);
			vb_buf_release(&name);
		}
		if (!rc && xap_compact((const char *const *)names, n, merged.buf,
				       0, &xe))
			rc = vb_ix_fail(err, &xe);
		if (!rc && xap_db_open(&db, merged.buf, XAP_DB_OPEN,
				       ix->opts.no_sync ? XAP_DB_NO_SYNC : 0, &xe))
			rc = vb_ix_fail(err, &xe);
		if (!rc)
			rc = copy_metadata(sh->db, db, "verbatim.schema", err);
		if (!rc)
			rc = copy_metadata(sh->db, db, VB_META_ALIASES, err);
		if (!rc)
			rc = store_languages(ix, db, err);
		for (size_t at = 0; !rc && at < ix->seg_names.len;) {
			const char *term = ix->seg_names.buf + at;
			const char *ename = term + strlen(term) + 1;
			at = (size_t)(ename - ix->seg_names.buf) + strlen(ename) + 1;
			vb_buf_reset(&ix->term);
			vb_buf_adds(&ix->term, VB_META_ENTITY_NAME);
			vb_buf_adds(&ix->term, term);
			if (xap_db_set_metadata(db, ix->term.buf, ename, strlen(ename), &xe))
				rc = vb_ix_fail(err, &xe);
		}
		vb_buf_release(&ix->seg_names);
		if (!rc && xap_db_close(db, &xe))
			rc = vb_ix_fail(err, &xe);
		xap_db_free(db);
		if (!rc)
			rc = swap_in(merged.buf, ix->path, err);
		remove_db_dir(merged.buf);
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
	}
	vb_buf_release(&ix->seg_names);
	segmenter_free(g);
	ix->seg = NULL;
	if (!rc && n > 1) {
		/* The old handle has nothing to write: closing it leaves the
		 * new files alone. */
		xap_db_free(sh->db);
		sh->db = NULL;
		if (reopen) {
			rc = xap_db_open(&sh->db, ix->path, XAP_DB_CREATE_OR_OPEN,
					 ix->opts.no_sync ? XAP_DB_NO_SYNC : 0, &xe);
			if (rc)
				vb_ix_fail(err, &xe);
		}
	}
	vb_buf_release(&merged);
	return rc;
}

/* ---- the indexer -------------------------------------------------------- */

static void indexer_free(struct vb_indexer *ix)
{
	pipeline_free(ix->pipe);
	segmenter_free(ix->seg);
	for (unsigned s = 0; ix->shards && s < ix->nshards; s++) {
		xap_db_free(ix->shards[s].db);
		vb_strset_release(&ix->shards[s].spelling);
		vb_spelling_once_release(&ix->shards[s].once);
	}
	free(ix->shards);
	vb_worker_release(&ix->worker);
	vb_built_release(&ix->built);
	vb_buf_release(&ix->built.entity_names);
	vb_buf_release(&ix->built.doc_term);
	vb_strset_release(&ix->seen_ids);
	vb_strset_release(&ix->seen_paths);
	vb_strset_release(&ix->languages);
	vb_strset_release(&ix->entity_names);
	vb_aliases_free(ix->aliases);
	vb_buf_release(&ix->term);
	vb_buf_release(&ix->scratch);
	vb_buf_release(&ix->seg_names);
	free(ix->path);
	free(ix);
}

int vb_indexer_open(struct vb_indexer **out, const char *path,
		    const struct vb_indexer_opts *opts, struct vb_buf *err)
{
	struct vb_indexer *ix = vb_calloc(1, sizeof(*ix));
	int rc;

	*out = NULL;
	ix->opts = *opts;
	if (!ix->opts.default_lang)
		ix->opts.default_lang = "en";
	if (!ix->opts.commit_every)
		ix->opts.commit_every = DEFAULT_COMMIT_EVERY;
	if (!ix->opts.jobs)
		ix->opts.jobs = 1;
	if (ix->opts.shards > MAX_SHARDS) {
		if (err)
			vb_buf_addf(err, "at most %d shards", MAX_SHARDS);
		rc = XAP_ERR_INVALID;
		goto fail;
	}
	ix->path = vb_strdup(path);
	vb_buf_init(&ix->term);
	vb_buf_init(&ix->scratch);
	vb_buf_init(&ix->seg_names);
	vb_built_release(&ix->built);

	if ((rc = open_shards(ix, err)) || (rc = load_aliases(ix, err)))
		goto fail;
	if (vb_worker_init(&ix->worker, &ix->opts, ix->aliases, err) < 0) {
		rc = XAP_ERR_OTHER;
		goto fail;
	}
	/* A fresh plain database (no document ever added) is written by
	 * several writers, in segments; otherwise documents are written
	 * here, by the one writer. */
	unsigned last = 1;
	xap_error xe;
	if (ix->nshards == 1) {
		/* Segments a killed run left (the lock is ours now). */
		struct vb_buf name = VB_BUF_INIT;
		for (size_t i = 1;; i++) {
			segment_name(&name, ix->path, i);
			if (!file_exists(name.buf))
				break;
			remove_db_dir(name.buf);
		}
		vb_buf_reset(&name);
		vb_buf_addf(&name, MERGED_FORMAT, ix->path);
		remove_db_dir(name.buf);
		vb_buf_release(&name);
	}
	if (ix->opts.jobs > 1 && ix->nshards == 1 &&
	    !xap_db_lastdocid(ix->shards[0].db, &last, &xe) && last == 0) {
		if ((rc = segmenter_start(&ix->seg, ix->path, ix->shards[0].db,
					  &ix->shards[0].once, &ix->opts, ix->aliases, err)))
			goto fail;
	} else if (ix->opts.jobs > 1 && (rc = pipeline_start(ix, ix->opts.jobs, err))) {
		goto fail;
	}
	*out = ix;
	return 0;
fail:
	vb_indexer_abandon(ix);
	return rc;
}

/* Write every document added so far. */
static int drain(struct vb_indexer *ix, struct vb_buf *err)
{
	if (ix->seg)
		return seg_drain(ix, err);
	return ix->pipe ? write_ready(ix, ix->pipe->queued, err) : 0;
}

int vb_indexer_drain(struct vb_indexer *ix, struct vb_buf *err)
{
	return drain(ix, err);
}

size_t vb_indexer_passages(const struct vb_indexer *ix)
{
	return ix->passages;
}

unsigned vb_indexer_shards(const struct vb_indexer *ix)
{
	return ix->nshards;
}

size_t vb_indexer_segments(const struct vb_indexer *ix)
{
	return ix->seg ? ix->seg->queued : ix->nsegments;
}

int vb_indexer_commit(struct vb_indexer *ix, struct vb_buf *err)
{
	int rc = ix->seg ? seg_finish(ix, true, err) : 0;
	if (!rc)
		rc = drain(ix, err);
	for (unsigned s = 0; !rc && s < ix->nshards; s++)
		rc = commit_shard(ix, &ix->shards[s], err);
	return rc;
}

int vb_indexer_close(struct vb_indexer *ix, struct vb_buf *err)
{
	xap_error xe;
	int rc = ix->seg ? seg_finish(ix, false, err) : 0;
	/* Merged segments: the target was closed with them. */
	if (!rc && ix->shards[0].db)
		rc = vb_indexer_commit(ix, err);
	for (unsigned s = 0; !rc && s < ix->nshards && ix->shards[s].db; s++)
		if (xap_db_close(ix->shards[s].db, &xe))
			rc = vb_ix_fail(err, &xe);
	indexer_free(ix);
	return rc;
}

void vb_indexer_abandon(struct vb_indexer *ix)
{
	if (!ix)
		return;
	/*
	 * Xapian commits pending changes when the last handle goes, so a
	 * failed run may leave a document half written.  That is why each
	 * document's record is written after its passages: a document
	 * without record is seen as new by the next run, which first deletes
	 * everything under its id.
	 */
	indexer_free(ix);
}

struct hash_lookup {
	xap_db *db;
	char *out;
	xap_error xe;
	int failed;
};

/* Of the documents with the id's Q term, the record is the one with a
 * content hash: a passage id (DOC#N) may equal another document's id. */
static int take_hash(unsigned docid, void *ud)
{
	struct hash_lookup *h = ud;
	xap_doc *d;
	char *v = NULL;
	size_t vlen = 0;
	if (xap_db_get_document(h->db, docid, &d, &h->xe)) {
		h->failed = 1;
		return 1;
	}
	if (!xap_doc_get_value(d, VB_SLOT_HASH, &v, &vlen, &h->xe) && vlen == 16) {
		memcpy(h->out, v, 16);
		h->out[16] = '\0';
	}
	free(v);
	xap_doc_free(d);
	return h->out[0] != '\0';
}

/* The stored content hash of document `id`, or "" when it is not indexed. */
static int stored_hash(struct vb_indexer *ix, xap_db *db, const char *id,
		       char out[17], struct vb_buf *err)
{
	struct hash_lookup h = { db, out, { 0 }, 0 };
	xap_error xe;
	out[0] = '\0';
	vb_buf_reset(&ix->term);
	vb_id_term(&ix->term, VB_PREFIX_UID, id);
	if (xap_db_postlist(db, ix->term.buf, ix->term.len, take_hash, &h, &xe) < 0)
		return vb_ix_fail(err, &xe);
	return h.failed ? vb_ix_fail(err, &h.xe) : 0;
}

int vb_indexer_add(struct vb_indexer *ix, const struct vb_doc *doc,
		   enum vb_add_result *result, size_t *npassages,
		   struct vb_buf *err)
{
	char old[17], hash[17];
	char lang[16];
	int rc;

	*npassages = 0;
	if (doc->path)
		vb_strset_add(&ix->seen_paths, doc->path);
	/* The first of several documents with one id wins, so that runs
	 * settle: the same input always gives the same index. */
	if (!vb_strset_add(&ix->seen_ids, doc->id)) {
		*result = VB_ADD_DUPLICATE;
		return 0;
	}

	unsigned s = shard_of(ix, doc->id);
	/* The hash is read in this thread, which alone uses the databases;
	 * documents queued but not written have other ids (seen_ids). */
	/* In segments the database had no document (and its handle is a
	 * writer's): nothing is stored. */
	old[0] = '\0';
	rc = ix->seg ? 0 : stored_hash(ix, ix->shards[s].db, doc->id, old, err);
	if (rc)
		return rc;
	snprintf(hash, sizeof(hash), "%016" PRIx64, doc->hash);
	if (*old && !strcmp(old, hash)) {
		*result = VB_ADD_UNCHANGED;
		return 0;
	}
	*result = *old ? VB_ADD_UPDATED : VB_ADD_NEW;

	vb_lang_primary(doc->lang && *doc->lang ? doc->lang : ix->opts.default_lang,
			lang);
	if (ix->seg)
		return seg_add(ix, doc, lang, err);
	if (ix->pipe && doc->body_len <= STREAM_BYTES)
		return enqueue(ix, doc, lang, s, err);
	/* One job, or a document too big to hold analysed in memory: here,
	 * after those queued before it. */
	if ((rc = drain(ix, err)))
		return rc;
	size_t before = ix->passages;
	rc = write_streaming(ix, s, doc, lang, err);
	*npassages = ix->passages - before;
	return rc;
}

/* ---- prune -------------------------------------------------------------- */

struct prune_ctx {
	unsigned *docids;
	size_t n, alloc;
};

static int collect_docid(unsigned docid, void *ud)
{
	struct prune_ctx *p = ud;
	VB_ALLOC_GROW(p->docids, p->n + 1, p->alloc);
	p->docids[p->n++] = docid;
	return 0;
}

static int prune_shard(struct vb_indexer *ix, xap_db *db, unsigned *removed,
		       struct vb_buf *err)
{
	struct prune_ctx p = { NULL, 0, 0 };
	xap_error xe;
	int rc = 0;

	vb_buf_reset(&ix->term);
	vb_buf_adds(&ix->term, VB_PREFIX_KIND VB_KIND_DOC);
	if (xap_db_postlist(db, ix->term.buf, ix->term.len, collect_docid, &p,
			    &xe) < 0)
		return vb_ix_fail(err, &xe);

	for (size_t i = 0; i < p.n && !rc; i++) {
		xap_doc *d;
		char *path = NULL, *id = NULL;
		size_t plen = 0, ilen = 0;
		struct stat st;
		if (xap_db_get_document(db, p.docids[i], &d, &xe)) {
			rc = vb_ix_fail(err, &xe);
			break;
		}
		xap_doc_get_value(d, VB_SLOT_PATH, &path, &plen, &xe);
		xap_doc_get_value(d, VB_SLOT_DOC, &id, &ilen, &xe);
		xap_doc_free(d);
		bool gone = false;
		if (path && *path && strcmp(path, "-")) {
			if (stat(path, &st) < 0)
				gone = true;
			else if (vb_strset_has(&ix->seen_paths, path) &&
				 id && !vb_strset_has(&ix->seen_ids, id))
				gone = true;
		}
		if (gone && id && *id) {
			vb_buf_reset(&ix->term);
			vb_id_term(&ix->term, VB_PREFIX_DOC, id);
			if (xap_db_delete_documents_by_term(db, ix->term.buf, &xe))
				rc = vb_ix_fail(err, &xe);
			else
				(*removed)++;
		}
		free(path);
		free(id);
	}
	free(p.docids);
	return rc;
}

int vb_indexer_prune(struct vb_indexer *ix, unsigned *removed,
		     struct vb_buf *err)
{
	int rc = ix->seg ? seg_finish(ix, true, err) : 0;
	*removed = 0;
	if (!rc)
		rc = drain(ix, err);
	for (unsigned s = 0; !rc && s < ix->nshards; s++)
		rc = prune_shard(ix, ix->shards[s].db, removed, err);
	return rc;
}
