/* extract.c: the extractor handle, the order of the passes over a document, and the results. */
#include "extract/internal.h"
#include "util/strset.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int vb_extractor_new(vb_extractor **out, const struct vb_extractor_config *cfg,
		     struct vb_buf *err)
{
	if (!out) {
		if (err)
			vb_buf_adds(err, "vb_extractor_new: NULL output");
		return VB_EXTRACT_EINVAL;
	}
	vb_extractor *ex = vb_calloc(1, sizeof(*ex));
	strmap_init(&ex->lex);
	strmap_init(&ex->gaz);
	strmap_init(&ex->orgs);
	strmap_init(&ex->org_heads);
	orgs_build(&ex->orgs, &ex->org_heads);
	lexicon_build(&ex->lex);
	const char *dir = cfg && cfg->iso_codes_dir ? cfg->iso_codes_dir : NULL;
	if (!dir)
		dir = getenv("VB_ISO_CODES_DIR");
	if (!dir)
		dir = VB_ISO_CODES_DIR;
	gazetteer_build(&ex->gaz, dir, &ex->lex);
	*out = ex;
	return 0;
}

void vb_extractor_free(vb_extractor *ex)
{
	if (!ex)
		return;
	strmap_release(&ex->lex);
	strmap_release(&ex->gaz);
	strmap_release(&ex->orgs);
	strmap_release(&ex->org_heads);
	free(ex);
}

size_t vb_extractor_gazetteer_size(const vb_extractor *ex)
{
	return ex ? ex->gaz.n : 0;
}

/* ---- aliases ------------------------------------------------------------- */

struct vb_aliases *vb_aliases_new(void)
{
	struct vb_aliases *a = vb_calloc(1, sizeof(*a));
	strmap_init(&a->names);
	return a;
}

void vb_aliases_free(struct vb_aliases *a)
{
	if (!a)
		return;
	strmap_release(&a->names);
	free(a);
}

static int ent_type_of(enum vb_entity_type t)
{
	switch (t) {
	case VB_ENTITY_PERSON: return ET_PERSON;
	case VB_ENTITY_ORGANISATION: return ET_ORG;
	case VB_ENTITY_PLACE: return ET_PLACE;
	default: return ET_NONE;
	}
}

static void alias_put(struct vb_aliases *a, const char *name, size_t len,
		      int type, const char *canonical)
{
	struct vb_buf low = VB_BUF_INIT;
	lower_utf8(name, len, &low);
	struct strmap_entry *e = strmap_put(&a->names, low.buf, low.len, 0, type,
					    canonical);
	e->val = type;
	vb_buf_release(&low);
}

void vb_aliases_add(struct vb_aliases *a, const char *canonical,
		    enum vb_entity_type type, const char *const *aliases,
		    size_t naliases)
{
	int t = ent_type_of(type);
	alias_put(a, canonical, strlen(canonical), t, canonical);
	for (size_t i = 0; i < naliases; i++)
		alias_put(a, aliases[i], strlen(aliases[i]), t, canonical);
}

/* One line of an alias file into `a`; -1 with a message on a bad line. */
static int alias_line(struct vb_aliases *a, char *line, const char *name,
		      size_t lineno, struct vb_buf *err)
{
	char *fields[64];
	size_t nf = 0;
	char *p = line;
	fields[nf++] = p;
	while ((p = strchr(p, '\t')) && nf < 64) {
		*p++ = '\0';
		fields[nf++] = p;
	}
	if (nf < 2 || !*fields[0]) {
		if (err)
			vb_buf_addf(err, "'%s' line %zu: expected canonical name, tab, type",
				    name, lineno);
		return -1;
	}
	enum vb_entity_type type;
	if (!strcmp(fields[1], "person"))
		type = VB_ENTITY_PERSON;
	else if (!strcmp(fields[1], "organisation") ||
		 !strcmp(fields[1], "organization") || !strcmp(fields[1], "org"))
		type = VB_ENTITY_ORGANISATION;
	else if (!strcmp(fields[1], "place"))
		type = VB_ENTITY_PLACE;
	else {
		if (err)
			vb_buf_addf(err, "'%s' line %zu: unknown type '%s'", name, lineno,
				    fields[1]);
		return -1;
	}
	vb_aliases_add(a, fields[0], type, (const char *const *)fields + 2, nf - 2);
	return 0;
}

int vb_aliases_parse(struct vb_aliases *a, const char *text, size_t len,
		     const char *name, struct vb_buf *err)
{
	size_t lineno = 0, i = 0;
	struct vb_buf line = VB_BUF_INIT;
	int rc = 0;
	while (i < len && !rc) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		lineno++;
		vb_buf_reset(&line);
		vb_buf_add(&line, text + i, end - i);
		while (line.len && line.buf[line.len - 1] == '\r')
			vb_buf_truncate(&line, line.len - 1);
		if (line.len && line.buf[0] != '#' &&
		    alias_line(a, line.buf, name, lineno, err) < 0)
			rc = VB_EXTRACT_EFORMAT;
		i = end + 1;
	}
	vb_buf_release(&line);
	return rc;
}

int vb_aliases_read(struct vb_aliases *a, const char *path, struct vb_buf *err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (err)
			vb_buf_addf(err, "cannot open '%s': %s", path, strerror(errno));
		return VB_EXTRACT_EIO;
	}
	struct vb_buf text = VB_BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		vb_buf_add(&text, chunk, n);
	fclose(f);
	int rc = vb_aliases_parse(a, text.buf, text.len, path, err);
	vb_buf_release(&text);
	return rc;
}

int vb_aliases_load(struct vb_aliases **out, const char *path,
		    struct vb_buf *err)
{
	struct vb_aliases *a = vb_aliases_new();
	int rc = vb_aliases_read(a, path, err);
	if (rc) {
		vb_aliases_free(a);
		return rc;
	}
	*out = a;
	return 0;
}

const char *vb_aliases_lookup(const struct vb_aliases *a, const char *name,
			      size_t len, enum vb_entity_type *type)
{
	struct vb_buf low = VB_BUF_INIT;
	lower_utf8(name, len, &low);
	const struct strmap_entry *e = strmap_get(&a->names, low.buf, low.len);
	vb_buf_release(&low);
	if (!e)
		return NULL;
	if (type)
		*type = e->val == ET_PERSON ? VB_ENTITY_PERSON
			: e->val == ET_PLACE ? VB_ENTITY_PLACE
					     : VB_ENTITY_ORGANISATION;
	return e->aux;
}

/* ---- names of enums ------------------------------------------------------ */

const char *vb_quote_kind_name(enum vb_quote_kind k)
{
	switch (k) {
	case VB_QUOTE_DIRECT: return "direct";
	case VB_QUOTE_PARTIAL: return "partial";
	case VB_QUOTE_INDIRECT: return "indirect";
	}
	return "direct";
}

const char *vb_speaker_type_name(enum vb_speaker_type t)
{
	switch (t) {
	case VB_SPEAKER_PERSON: return "person";
	case VB_SPEAKER_ORGANISATION: return "organisation";
	default: return "unknown";
	}
}

const char *vb_entity_type_name(enum vb_entity_type t)
{
	switch (t) {
	case VB_ENTITY_PERSON: return "person";
	case VB_ENTITY_ORGANISATION: return "organisation";
	case VB_ENTITY_PLACE: return "place";
	case VB_ENTITY_MONEY: return "money";
	case VB_ENTITY_PERCENT: return "percent";
	}
	return "person";
}

const char *vb_date_granularity_name(enum vb_date_granularity g)
{
	switch (g) {
	case VB_DATE_DAY: return "day";
	case VB_DATE_WEEK: return "week";
	case VB_DATE_MONTH: return "month";
	case VB_DATE_QUARTER: return "quarter";
	case VB_DATE_YEAR: return "year";
	case VB_DATE_DECADE: return "decade";
	}
	return "day";
}

/* ---- quote ids ------------------------------------------------------------- */

/*
 * FNV-1a over the document id, a NUL, and the quote text with white space
 * collapsed: stable across re-indexing as long as the words stay the same.
 */
void quote_id(const char *doc_id, const char *text, char out[17])
{
	uint64_t h = 1469598103934665603ull;
	const char *p = doc_id ? doc_id : "";

	for (; *p; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ull;
	}
	h ^= 0;
	h *= 1099511628211ull;
	bool sp = false;
	for (p = text; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			sp = true;
			continue;
		}
		if (sp) {
			h ^= ' ';
			h *= 1099511628211ull;
			sp = false;
		}
		h ^= c;
		h *= 1099511628211ull;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* ---- the passes ------------------------------------------------------------ */

static int cmp_quote(const void *a, const void *b)
{
	const struct xquote *x = a, *y = b;
	if (x->spans[0].start != y->spans[0].start)
		return x->spans[0].start < y->spans[0].start ? -1 : 1;
	return x->kind - y->kind;
}

static int cmp_entity(const void *a, const void *b)
{
	const struct vb_entity *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

static int cmp_date(const void *a, const void *b)
{
	const struct vb_date *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

static char *join_spans(const struct xdoc *d, const struct xquote *q)
{
	struct vb_buf b = VB_BUF_INIT;

	for (size_t i = 0; i < q->nspans; i++) {
		char *t = text_dup_clean(d, q->spans[i].start, q->spans[i].end);
		if (i && *t)
			vb_buf_addch(&b, ' ');
		vb_buf_adds(&b, t);
		free(t);
	}
	return vb_buf_detach(&b, NULL);
}

static enum vb_speaker_type speaker_type(int et)
{
	return et == ET_PERSON ? VB_SPEAKER_PERSON :
	       et == ET_ORG ? VB_SPEAKER_ORGANISATION : VB_SPEAKER_UNKNOWN;
}

static void quotes_out(struct xdoc *d)
{
	struct vb_extraction *x = d->out;
	size_t n = 0;

	struct vb_strset ids = { 0 };

	x->quotes = vb_calloc(d->nq ? d->nq : 1, sizeof(*x->quotes));
	for (size_t i = 0; i < d->nq; i++) {
		const struct xquote *q = &d->q[i];
		if (q->dead || !q->nspans)
			continue;
		/* The same text twice (a reported clause that is a quote): keep one. */
		if (n && x->quotes[n - 1].start == q->spans[0].start &&
		    x->quotes[n - 1].end == q->spans[q->nspans - 1].end)
			continue;
		struct vb_quote *o = &x->quotes[n++];
		o->text = join_spans(d, q);
		o->start = q->spans[0].start;
		o->end = q->spans[q->nspans - 1].end;
		o->kind = (enum vb_quote_kind)q->kind;
		quote_id(d->opts ? d->opts->doc_id : NULL, o->text, o->id);
		/* The same words quoted again in the document (a lead repeated,
		 * two speakers saying one thing): the second is "TEXT#2", so
		 * that every quote has its own id and the first keeps its.
		 * Counted per id, so that the thousandth repeat is one hash. */
		unsigned seen = vb_strset_count_add(&ids, o->id, 1);
		for (unsigned again = seen + 1; seen > 1; again++) {
			struct vb_buf b = VB_BUF_INIT;
			vb_buf_addf(&b, "%s#%u", o->text, again - 1);
			quote_id(d->opts ? d->opts->doc_id : NULL, b.buf, o->id);
			vb_buf_release(&b);
			if (vb_strset_count_add(&ids, o->id, 1) == 1)
				break;   /* a fresh id ("TEXT#3" of another text is rare) */
		}
		/* Chinese runs hold the speaker and the verb: the verb. */
		const char *zh = q->cue_tok != SIZE_MAX ? zh_cue_of(d, q->cue_tok) : NULL;
		if (zh) {
			o->cue = vb_strdup(zh);
		} else if (q->cue_tok != SIZE_MAX) {
			lower_utf8(d->s + d->t[q->cue_tok].start,
				   tok_len(d, q->cue_tok), &d->tmp);
			o->cue = vb_strdup(d->tmp.buf);
		}
		o->spans = vb_calloc(q->nspans, sizeof(*o->spans));
		o->nspans = q->nspans;
		memcpy(o->spans, q->spans, q->nspans * sizeof(*o->spans));
		const struct xspeaker *sp = &q->sp;
		if (sp->how != SP_NONE && sp->name) {
			o->has_speaker = true;
			o->speaker.name = vb_strdup(sp->name);
			o->speaker.canonical = vb_strdup(
				sp->ent >= 0 ? d->ents[sp->ent].canonical : sp->name);
			o->speaker.role = sp->role ? vb_strdup(sp->role) : NULL;
			o->speaker.org = sp->org ? vb_strdup(sp->org) : NULL;
			o->speaker.type = speaker_type(sp->type);
			o->speaker.anonymous = sp->anonymous;
			if (sp->t1 > sp->t0) {
				o->speaker.start = d->t[sp->name_t0].start;
				o->speaker.end = tok_stem_end(d, sp->name_t1 - 1);
				o->speaker.mention = text_dup_clean(d, o->speaker.start,
								    o->speaker.end);
			}
		}
	}
	x->nquotes = n;
	vb_strset_release(&ids);
}

int vb_extract(vb_extractor *ex, const char *body, size_t len,
	       const struct vb_extract_opts *opts, struct vb_extraction *out,
	       struct vb_buf *err)
{
	static const struct vb_extract_opts no_opts;

	if (!out)
		return VB_EXTRACT_EINVAL;
	memset(out, 0, sizeof(*out));
	if (!ex || (!body && len)) {
		if (err)
			vb_buf_adds(err, "vb_extract: NULL extractor or body");
		return VB_EXTRACT_EINVAL;
	}
	if (len > VB_EXTRACT_MAX_LEN) {
		if (err)
			vb_buf_addf(err, "document of %zu bytes too large to extract from (at most %zu)",
				    len, VB_EXTRACT_MAX_LEN);
		return VB_EXTRACT_EINVAL;
	}
	struct xdoc d = { 0 };
	d.ex = ex;
	d.opts = opts ? opts : &no_opts;
	d.s = body ? body : "";
	d.len = len;
	d.out = out;
	strmap_init(&d.midcaps);
	strmap_init(&d.titled);

	scan_tokens(&d);
	boilerplate_mark(&d);
	scan_doc_finish(&d);
	dates_docdate(&d);
	entities_money_percent(&d);
	entities_find(&d);
	zh_names_find(&d);
	quotes_find(&d);
	reported_find(&d);
	if (d.nq)
		qsort(d.q, d.nq, sizeof(*d.q), cmp_quote);
	speakers_resolve(&d);
	dates_find(&d);
	entities_finish(&d);
	zh_names_out(&d);
	quotes_out(&d);
	if (out->nentities)
		qsort(out->entities, out->nentities, sizeof(*out->entities),
		      cmp_entity);
	if (out->ndates)
		qsort(out->dates, out->ndates, sizeof(*out->dates), cmp_date);

	for (size_t i = 0; i < d.nq; i++)
		xspeaker_release(&d.q[i].sp);
	for (size_t i = 0; i < d.nents; i++) {
		free(d.ents[i].canonical);
		free(d.ents[i].key);
		free(d.ents[i].last);
		free(d.ents[i].acronym);
	}
	free(d.ents);
	emap_release(&d.eidx);
	idlist_release(&d.according);
	idlist_release(&d.verbs);
	mindex_release(&d);
	free(d.ms);
	free(d.q);
	zh_names_release(&d);
	free(d.t);
	free(d.p);
	free(d.sn);
	strmap_release(&d.midcaps);
	strmap_release(&d.titled);
	vb_buf_release(&d.tmp);
	return 0;
}

void vb_extraction_release(struct vb_extraction *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nquotes; i++) {
		struct vb_quote *q = &x->quotes[i];
		free(q->text);
		free(q->cue);
		free(q->spans);
		free(q->speaker.name);
		free(q->speaker.canonical);
		free(q->speaker.mention);
		free(q->speaker.role);
		free(q->speaker.org);
	}
	free(x->quotes);
	for (size_t i = 0; i < x->nentities; i++) {
		free(x->entities[i].text);
		free(x->entities[i].canonical);
	}
	free(x->entities);
	for (size_t i = 0; i < x->ndates; i++) {
		free(x->dates[i].text);
		free(x->dates[i].value);
	}
	free(x->dates);
	free(x->dropped);
	memset(x, 0, sizeof(*x));
}
