/* index.c: documents into Xapian documents (one per passage, one record per document). */
#include "index.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "index_priv.h"
#include "schema.h"

/* Xapian writes fastest, and holds least memory, with small batches: 2000
 * passages measured 20% faster than 5000 or 20000 (docs/performance.md). */
#define DEFAULT_COMMIT_EVERY 2000
/* Spelling words are counted here and handed to Xapian once per commit:
 * one add_spelling per word occurrence cost more than the rest of
 * indexing together. */
#define MAX_SPELLING_WORDS 200000
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

static struct vb_analyzer *analyzer_for(struct vb_indexer *ix, const char *lang,
					struct vb_buf *err)
{
	char primary[16];
	vb_lang_primary(lang, primary);
	for (size_t i = 0; i < ix->nanalyzers; i++)
		if (!strcmp(ix->analyzers[i].lang, primary))
			return ix->analyzers[i].analyzer;
	if (ix->nanalyzers == MAX_ANALYZERS) {
		/* A corpus in more languages than this is rare: reuse the
		 * last slot rather than grow without bound. */
		vb_analyzer_free(ix->analyzers[--ix->nanalyzers].analyzer);
	}
	struct analyzer_slot *slot = &ix->analyzers[ix->nanalyzers];
	if (vb_analyzer_new(&slot->analyzer, primary, err) < 0)
		return NULL;
	memcpy(slot->lang, primary, sizeof(primary));
	ix->nanalyzers++;
	return slot->analyzer;
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
		if (xap_db_get_metadata(ix->db, VB_META_ALIASES, &stored, &len, &xe)) {
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
		else if (ix->opts.aliases_path &&
			 xap_db_set_metadata(ix->db, VB_META_ALIASES, text.buf, text.len, &xe))
			rc = vb_ix_fail(err, &xe);
	}
	vb_buf_release(&text);
	return rc;
}

int vb_indexer_open(struct vb_indexer **out, const char *path,
		    const struct vb_indexer_opts *opts, struct vb_buf *err)
{
	struct vb_indexer *ix = vb_calloc(1, sizeof(*ix));
	xap_error xe;
	int flags = opts->no_sync ? XAP_DB_NO_SYNC : 0;
	enum xap_open_mode mode = opts->overwrite ? XAP_DB_CREATE_OR_OVERWRITE
						  : XAP_DB_CREATE_OR_OPEN;
	char *version = NULL;
	int rc;

	ix->opts = *opts;
	if (!ix->opts.default_lang)
		ix->opts.default_lang = "en";
	if (!ix->opts.commit_every)
		ix->opts.commit_every = DEFAULT_COMMIT_EVERY;
	ix->path = vb_strdup(path);
	vb_buf_init(&ix->term);
	vb_buf_init(&ix->word);
	vb_buf_init(&ix->scratch);

	if (xap_db_open(&ix->db, path, mode, flags, &xe) != XAP_OK) {
		if (xe.status == XAP_ERR_LOCKED && err)
			vb_buf_addf(err, "database '%s' is locked: another 'verbatim index' "
				    "is writing it; try again when it has finished", path);
		else
			vb_ix_fail(err, &xe);
		rc = xe.status;
		goto fail;
	}
	if (xap_db_get_metadata(ix->db, "verbatim.schema", &version, NULL, &xe)) {
		rc = vb_ix_fail(err, &xe);
		goto fail;
	}
	if (*version && strcmp(version, VB_SCHEMA_VERSION)) {
		if (err)
			vb_buf_addf(err,
				    "database '%s' has schema version %s, this verbatim writes version %s: "
				    "rebuild it with 'verbatim index --overwrite'",
				    path, version, VB_SCHEMA_VERSION);
		rc = XAP_ERR_INVALID;
		goto fail;
	}
	/* A new database says what it is at once, before any document. */
	if (!*version &&
	    (xap_db_set_metadata(ix->db, "verbatim.schema", VB_SCHEMA_VERSION,
				 strlen(VB_SCHEMA_VERSION), &xe) ||
	     xap_db_commit(ix->db, &xe))) {
		rc = vb_ix_fail(err, &xe);
		goto fail;
	}
	free(version);
	version = NULL;

	/* Remember the languages already in the index. */
	char *langs = NULL;
	if (xap_db_get_metadata(ix->db, "verbatim.languages", &langs, NULL, &xe)) {
		rc = vb_ix_fail(err, &xe);
		goto fail;
	}
	for (char *tok = strtok(langs, ","); tok; tok = strtok(NULL, ","))
		vb_strset_add(&ix->languages, tok);
	free(langs);

	if (vb_tokenizer_new(&ix->tokenizer, NULL, err) < 0 ||
	    (ix->opts.extract && vb_extractor_new(&ix->extractor, NULL, err) < 0)) {
		rc = XAP_ERR_OTHER;
		goto fail;
	}
	if ((rc = load_aliases(ix, err)))
		goto fail;
	*out = ix;
	return 0;
fail:
	free(version);
	vb_indexer_abandon(ix);
	return rc;
}

/* Sorted, comma-separated list of the languages seen, for the searcher. */
static int store_languages(struct vb_indexer *ix, struct vb_buf *err)
{
	const char *names[64];
	size_t n = 0, it = 0;
	const char *s;
	xap_error xe;

	while ((s = vb_strset_next(&ix->languages, &it)) && n < 64)
		names[n++] = s;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			const char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	vb_buf_reset(&ix->scratch);
	for (size_t i = 0; i < n; i++) {
		if (i)
			vb_buf_addch(&ix->scratch, ',');
		vb_buf_adds(&ix->scratch, names[i]);
	}
	if (xap_db_set_metadata(ix->db, "verbatim.languages", ix->scratch.buf,
				ix->scratch.len, &xe))
		return vb_ix_fail(err, &xe);
	return 0;
}

static int flush_spelling(struct vb_indexer *ix, struct vb_buf *err)
{
	size_t it = 0;
	unsigned count;
	const char *word;
	xap_error xe;
	while ((word = vb_strset_next_count(&ix->spelling, &it, &count)))
		if (xap_db_add_spelling(ix->db, word, strlen(word), count, &xe))
			return vb_ix_fail(err, &xe);
	vb_strset_release(&ix->spelling);
	return 0;
}

int vb_indexer_commit(struct vb_indexer *ix, struct vb_buf *err)
{
	xap_error xe;
	int rc = store_languages(ix, err);
	if (!rc)
		rc = flush_spelling(ix, err);
	if (rc)
		return rc;
	if (xap_db_commit(ix->db, &xe))
		return vb_ix_fail(err, &xe);
	ix->uncommitted = 0;
	return 0;
}

static void indexer_free(struct vb_indexer *ix)
{
	for (size_t i = 0; i < ix->nanalyzers; i++)
		vb_analyzer_free(ix->analyzers[i].analyzer);
	vb_tokenizer_free(ix->tokenizer);
	vb_strset_release(&ix->seen_ids);
	vb_strset_release(&ix->seen_paths);
	vb_strset_release(&ix->languages);
	vb_strset_release(&ix->spelling);
	vb_buf_release(&ix->term);
	vb_buf_release(&ix->word);
	vb_buf_release(&ix->scratch);
	vb_tokens_release(&ix->tokens);
	vb_passages_release(&ix->passages);
	vb_extraction_release(&ix->extraction);
	vb_strset_release(&ix->quote_ids);
	vb_strset_release(&ix->entity_names);
	vb_order_release(&ix->order);
	vb_extractor_free(ix->extractor);
	vb_aliases_free(ix->aliases);
	vb_spans_release(&ix->skip);
	vb_spans_release(&ix->quoted);
	free(ix->path);
	free(ix);
}

int vb_indexer_close(struct vb_indexer *ix, struct vb_buf *err)
{
	xap_error xe;
	int rc = vb_indexer_commit(ix, err);
	if (!rc && xap_db_close(ix->db, &xe))
		rc = vb_ix_fail(err, &xe);
	xap_db_free(ix->db);
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
	xap_db_free(ix->db);
	indexer_free(ix);
}

/* ---- building Xapian documents ------------------------------------------ */

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

void vb_ix_add_common_terms(struct vb_indexer *ix, struct term_ctx *c,
			    const struct vb_doc *doc, const char *lang,
			    const char *kind)
{
	char ymd[9];
	vb_ix_add_bool(c, &ix->term, VB_PREFIX_KIND, kind);
	vb_ix_add_bool(c, &ix->term, VB_PREFIX_DOC, doc->id);
	vb_ix_add_bool(c, &ix->term, VB_PREFIX_LANG, lang);
	vb_ix_add_bool(c, &ix->term, VB_PREFIX_SOURCE, norm_value(&ix->word, doc->source));
	vb_ix_add_bool(c, &ix->term, VB_PREFIX_TYPE, norm_value(&ix->word, doc->type));
	if (date_value(doc->date, ymd)) {
		/* The year as a term (year:2006); finer dates are ranges over
		 * the value slot, which cost nothing per passage. */
		char year[5];
		memcpy(year, ymd, 4);
		year[4] = '\0';
		vb_ix_add_bool(c, &ix->term, VB_PREFIX_YEAR, year);
		if (!c->failed &&
		    xap_doc_set_value(c->doc, VB_SLOT_DATE, ymd, 8, &c->xe))
			c->failed = 1;
	}
}

int vb_ix_post_text(struct vb_indexer *ix, struct term_ctx *c,
		    struct vb_analyzer *an, const char *text, size_t len,
		    const char *prefix, unsigned *pos, bool spelling,
		    const struct vb_spans *quoted, struct vb_buf *err)
{
	size_t plen = strlen(prefix), q = 0;
	ix->tokens.n = 0;
	if (vb_words(ix->tokenizer, text, len, &ix->tokens, err) < 0)
		return -1;
	for (size_t i = 0; i < ix->tokens.n && !c->failed; i++) {
		const struct vb_token *t = &ix->tokens.v[i];
		if (!vb_analyzer_word(an, text + t->start, t->end - t->start,
				      &ix->word))
			continue;
		vb_analyzer_stem_normalized(an, ix->word.buf, ix->word.len,
					    t->kind, &ix->scratch);
		/* "Z" + field prefix + stem: Xapian's layout for stemmed
		 * terms of a prefixed field. */
		vb_buf_reset(&ix->term);
		vb_buf_add(&ix->term, VB_PREFIX_STEM, 1);
		vb_buf_add(&ix->term, prefix, plen);
		vb_buf_add(&ix->term, ix->scratch.buf + 1, ix->scratch.len - 1);
		xap_status st;
		if (pos)
			st = xap_doc_add_posting(c->doc, ix->term.buf, ix->term.len,
						 ++*pos, 1, &c->xe);
		else
			st = xap_doc_add_term(c->doc, ix->term.buf, ix->term.len, 1,
					      &c->xe);
		/* Words inside quotation marks also go under quote:, without
		 * positions (they are the text's: quote:"a b" is the phrase
		 * in the text with each word under quote:, see query.c). */
		while (quoted && q < quoted->n && quoted->v[q].end <= t->start)
			q++;
		if (!st && quoted && q < quoted->n && quoted->v[q].start <= t->start) {
			vb_buf_reset(&ix->term);
			vb_buf_adds(&ix->term, VB_PREFIX_STEM VB_PREFIX_QUOTE);
			vb_buf_add(&ix->term, ix->scratch.buf + 1, ix->scratch.len - 1);
			st = xap_doc_add_term(c->doc, ix->term.buf, ix->term.len, 1,
					      &c->xe);
		}
		if (st) {
			c->failed = 1;
			break;
		}
		if (spelling && t->kind == VB_TOK_WORD && ix->word.len >= 3 &&
		    ix->spelling.n < MAX_SPELLING_WORDS)
			vb_strset_count_add(&ix->spelling, ix->word.buf, 1);
	}
	return 0;
}

/* Unstemmed title words under S (omega's convention), on the record. */
static void add_title_words(struct vb_indexer *ix, struct term_ctx *c,
			    struct vb_analyzer *an, const char *title)
{
	size_t len = strlen(title);
	ix->tokens.n = 0;
	if (vb_words(ix->tokenizer, title, len, &ix->tokens, NULL) < 0)
		return;
	for (size_t i = 0; i < ix->tokens.n && !c->failed; i++) {
		const struct vb_token *t = &ix->tokens.v[i];
		if (!vb_analyzer_word(an, title + t->start, t->end - t->start,
				      &ix->word))
			continue;
		vb_buf_reset(&ix->term);
		vb_buf_adds(&ix->term, VB_PREFIX_TITLE);
		vb_buf_add(&ix->term, ix->word.buf, ix->word.len);
		if (xap_doc_add_term(c->doc, ix->term.buf, ix->term.len, 1, &c->xe))
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
	char *s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!s) {
		c->failed = 1;
		snprintf(c->xe.message, sizeof(c->xe.message), "cannot write document data");
		c->xe.status = XAP_ERR_NOMEM;
		return;
	}
	if (!c->failed && xap_doc_set_data(c->doc, s, strlen(s), &c->xe))
		c->failed = 1;
	free(s);
}

static int add_passage(struct vb_indexer *ix, const struct vb_doc *doc,
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
	vb_ix_add_common_terms(ix, &c, doc, lang, VB_KIND_PASSAGE);

	vb_buf_reset(&ix->scratch);
	vb_passage_id(&ix->scratch, doc->id, n);
	char *pid = vb_strdup(ix->scratch.buf);
	vb_ix_add_bool(&c, &ix->term, VB_PREFIX_UID, pid);

	vb_quoted_spans(ix, p, &ix->quoted);
	if (vb_ix_post_text(ix, &c, an, doc->body + p->start, p->end - p->start,
			    "", &pos, ix->opts.spelling, &ix->quoted, err) < 0) {
		rc = -1;
		goto out;
	}
	if (doc->title && *doc->title) {
		/* Title words under ZS, for title: and for the title boost
		 * the searcher adds.  Not as plain text terms too: that cost
		 * 20% of indexing time (docs/performance.md).  No positions:
		 * phrases are for the text, and positions are the biggest
		 * part of the index. */
		if (vb_ix_post_text(ix, &c, an, doc->title, strlen(doc->title),
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
	json_object_set_new(data, "text",
			    json_stringn(doc->body + p->start, p->end - p->start));
	/* The rest of the metadata lives once, in the document's record. */
	json_set_str(data, "date", doc->date);
	json_set_str(data, "lang", lang);
	if (vb_annotate_passage(ix, &c, an, p, data, err) < 0) {
		json_decref(data);
		rc = -1;
		goto out;
	}
	vb_ix_set_json_data(&c, data);

	/* The document's old passages were deleted: a plain add is enough. */
	if (!c.failed && xap_db_add_document(ix->db, c.doc, NULL, &c.xe))
		c.failed = 1;
	if (c.failed)
		rc = vb_ix_fail(err, &c.xe);
out:
	free(pid);
	xap_doc_free(c.doc);
	return rc;
}

static int add_record(struct vb_indexer *ix, const struct vb_doc *doc,
		      const char *lang, struct vb_analyzer *an, size_t npassages,
		      struct vb_buf *err)
{
	struct term_ctx c = { 0 };
	char hash[17];
	json_t *data;
	int rc = 0;

	if (xap_doc_new(&c.doc, &c.xe))
		return vb_ix_fail(err, &c.xe);
	vb_ix_add_common_terms(ix, &c, doc, lang, VB_KIND_DOC);
	vb_ix_add_bool(&c, &ix->term, VB_PREFIX_UID, doc->id);
	if (doc->title)
		add_title_words(ix, &c, an, doc->title);
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

	if (!c.failed && xap_db_add_document(ix->db, c.doc, NULL, &c.xe))
		c.failed = 1;
	if (c.failed)
		rc = vb_ix_fail(err, &c.xe);
	xap_doc_free(c.doc);
	return rc;
}

struct hash_lookup {
	struct vb_indexer *ix;
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
	if (xap_db_get_document(h->ix->db, docid, &d, &h->xe)) {
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
static int stored_hash(struct vb_indexer *ix, const char *id, char out[17])
{
	struct hash_lookup h = { ix, out, { 0 }, 0 };
	xap_error xe;
	out[0] = '\0';
	vb_buf_reset(&ix->term);
	vb_id_term(&ix->term, VB_PREFIX_UID, id);
	if (xap_db_postlist(ix->db, ix->term.buf, ix->term.len, take_hash, &h, &xe) < 0)
		return xe.status;
	return h.failed ? h.xe.status : 0;
}

int vb_indexer_add(struct vb_indexer *ix, const struct vb_doc *doc,
		   enum vb_add_result *result, size_t *npassages,
		   struct vb_buf *err)
{
	char old[17], hash[17];
	char lang[16];
	xap_error xe;
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

	rc = stored_hash(ix, doc->id, old);
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
	struct vb_analyzer *an = analyzer_for(ix, lang, err);
	if (!an)
		return XAP_ERR_INVALID;
	vb_strset_add(&ix->languages, lang);

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
		.aliases = ix->aliases,
	};
	vb_extraction_release(&ix->extraction);
	vb_strset_release(&ix->quote_ids);
	if (ix->opts.extract &&
	    vb_extract(ix->extractor, doc->body, doc->body_len, &xo,
		       &ix->extraction, err) < 0)
		return XAP_ERR_OTHER;
	ix->skip.n = 0;
	for (size_t i = 0; i < ix->extraction.ndropped; i++) {
		VB_ALLOC_GROW(ix->skip.v, ix->skip.n + 1, ix->skip.alloc);
		ix->skip.v[ix->skip.n].start = ix->extraction.dropped[i].start;
		ix->skip.v[ix->skip.n].end = ix->extraction.dropped[i].end;
		ix->skip.n++;
	}

	ix->body = doc->body;
	ix->body_offset = doc->body_offset;
	vb_annotation_prepare(ix);

	ix->passages.n = 0;
	if (vb_passages_build(ix->tokenizer, doc->body, doc->body_len, &ix->skip,
			      &ix->passages, err) < 0)
		return XAP_ERR_OTHER;

	/* Also for new documents: a failed run may have left passages
	 * without their record (see vb_indexer_abandon). */
	vb_buf_reset(&ix->term);
	vb_id_term(&ix->term, VB_PREFIX_DOC, doc->id);
	if (xap_db_delete_documents_by_term(ix->db, ix->term.buf, &xe))
		return vb_ix_fail(err, &xe);
	for (size_t i = 0; i < ix->passages.n; i++) {
		rc = add_passage(ix, doc, lang, an, &ix->passages.v[i],
				 (unsigned)i + 1, err);
		if (rc)
			return rc;
	}
	rc = add_record(ix, doc, lang, an, ix->passages.n, err);
	if (rc)
		return rc;
	*npassages = ix->passages.n;
	ix->uncommitted += ix->passages.n + 1;
	if (ix->uncommitted >= ix->opts.commit_every)
		return vb_indexer_commit(ix, err);
	return 0;
}

/* ---- prune -------------------------------------------------------------- */

struct prune_ctx {
	struct vb_indexer *ix;
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

int vb_indexer_prune(struct vb_indexer *ix, unsigned *removed,
		     struct vb_buf *err)
{
	struct prune_ctx p = { ix, NULL, 0, 0 };
	xap_error xe;
	int rc = 0;

	*removed = 0;
	vb_buf_reset(&ix->term);
	vb_buf_adds(&ix->term, VB_PREFIX_KIND VB_KIND_DOC);
	if (xap_db_postlist(ix->db, ix->term.buf, ix->term.len, collect_docid, &p,
			    &xe) < 0)
		return vb_ix_fail(err, &xe);

	for (size_t i = 0; i < p.n && !rc; i++) {
		xap_doc *d;
		char *path = NULL, *id = NULL;
		size_t plen = 0, ilen = 0;
		struct stat st;
		if (xap_db_get_document(ix->db, p.docids[i], &d, &xe)) {
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
			if (xap_db_delete_documents_by_term(ix->db, ix->term.buf, &xe))
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
