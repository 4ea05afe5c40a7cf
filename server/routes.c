/* routes.c: from a path and its URL parameters to a run function's request, and its response to a reply. */
#include "server.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "assets.h"
#include "cite.h"
#include "entities.h"
#include "quotes.h"
#include "show.h"
#include "stats.h"
#include "util/date.h"
#include "verify.h"

void vb_reply_init(struct vb_reply *r)
{
	memset(r, 0, sizeof(*r));
	vb_buf_init(&r->body);
	r->status = 200;
}

void vb_reply_release(struct vb_reply *r)
{
	vb_buf_release(&r->body);
}

static void reply_json(struct vb_reply *r, int status, json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	r->status = status;
	r->content_type = "application/json";
	r->data = NULL;
	vb_buf_reset(&r->body);
	vb_buf_adds(&r->body, s ? s : "{}");
	vb_buf_addch(&r->body, '\n');
	free(s);
}

void vb_reply_error(struct vb_reply *r, int status, const char *fmt, ...)
{
	struct vb_buf msg = VB_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	vb_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	/* Messages quote what was asked, which need not be UTF-8 (a path). */
	json_t *m = json_stringn(msg.buf, msg.len);
	json_t *o = json_pack("{s:{s:i, s:o}}", "error", "status", status, "message",
			      m ? m : json_string("(message not UTF-8)"));
	reply_json(r, status, o);
	r->filename[0] = '\0';
	json_decref(o);
	vb_buf_release(&msg);
}

const char *vb_param_get(const struct vb_params *p, const char *key)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->v[i].key, key))
			return p->v[i].value;
	return NULL;
}

/* What a route has to work with. */
struct route_ctx {
	const struct vb_params *params;
	const char *rest;            /* the path after a prefix route ("/api/show/") */
	struct vb_db_pool *pool;
	struct vb_reply *reply;      /* for routes that answer other than JSON */
};

/* A parameter, NULL when absent or empty. */
static const char *param(const struct route_ctx *c, const char *key)
{
	const char *v = vb_param_get(c->params, key);
	return v && *v ? v : NULL;
}

/* A count parameter: `def` when absent; BAD_REQUEST beyond `max`. */
static int count_param(const struct route_ctx *c, const char *key, long def, long max,
		       long *out, struct vb_buf *err)
{
	const char *v = param(c, key);
	char *end;
	*out = def;
	if (!v)
		return VB_API_OK;
	long n = strtol(v, &end, 10);
	if (*end || end == v || n < 0 || n > max) {
		vb_buf_addf(err, "'%s' takes a number from 0 to %ld, not '%s'", key, max, v);
		return VB_API_BAD_REQUEST;
	}
	*out = n;
	return VB_API_OK;
}

/* A yes/no parameter: 1, true, yes or on; 0, false, no, off or empty. */
static int flag_param(const struct route_ctx *c, const char *key, int *out, struct vb_buf *err)
{
	static const char *const yes[] = { "1", "true", "yes", "on", NULL };
	static const char *const no[] = { "0", "false", "no", "off", NULL };
	const char *v = param(c, key);
	*out = 0;
	if (!v)
		return VB_API_OK;
	for (size_t i = 0; yes[i]; i++)
		if (!strcmp(v, yes[i]))
			return *out = 1, VB_API_OK;
	for (size_t i = 0; no[i]; i++)
		if (!strcmp(v, no[i]))
			return VB_API_OK;
	vb_buf_addf(err, "'%s' takes 1 or 0, not '%s'", key, v);
	return VB_API_BAD_REQUEST;
}

/* since/until: YYYY, YYYY-MM or YYYY-MM-DD. */
static int date_param(const struct route_ctx *c, const char *key, int upper,
		      const char **out, struct vb_buf *err)
{
	char ymd[9];
	*out = param(c, key);
	if (*out && vb_date_bound(*out, strlen(*out), upper, ymd)) {
		vb_buf_addf(err, "'%s' takes YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", key, *out);
		return VB_API_BAD_REQUEST;
	}
	return VB_API_OK;
}

/* relevance or date: *by_date 0 or 1, -1 when absent. */
static int sort_param(const struct route_ctx *c, int *by_date, struct vb_buf *err)
{
	const char *v = param(c, "sort");
	*by_date = -1;
	if (!v)
		return VB_API_OK;
	if (!strcmp(v, "relevance") || !strcmp(v, "date")) {
		*by_date = !strcmp(v, "date");
		return VB_API_OK;
	}
	vb_buf_addf(err, "'sort' takes relevance or date, not '%s'", v);
	return VB_API_BAD_REQUEST;
}

/* rank=verbatim (the default) or bm25. */
static int rank_param(const struct route_ctx *c, int *bm25, struct vb_buf *err)
{
	const char *v = param(c, "rank");
	*bm25 = 0;
	if (!v || !strcmp(v, "verbatim"))
		return VB_API_OK;
	if (!strcmp(v, "bm25")) {
		*bm25 = 1;
		return VB_API_OK;
	}
	vb_buf_addf(err, "'rank' takes verbatim or bm25, not '%s'", v);
	return VB_API_BAD_REQUEST;
}

/* ' AND field:"value"' (quotation marks inside the value dropped). */
static void add_filter(struct vb_buf *text, const char *field, const char *value)
{
	if (text->len)
		vb_buf_adds(text, " AND ");
	vb_buf_addf(text, "%s:\"", field);
	for (const char *p = value; *p; p++)
		vb_buf_addch(text, *p == '"' ? ' ' : *p);
	vb_buf_addch(text, '"');
}

/*
 * The query of /api/search and /api/facets: q, narrowed by the facet
 * parameters.  `(q) AND speaker:"…"` rather than `+speaker:"…"`: beside a
 * required term, Xapian makes the other words optional, which would not
 * narrow the results to those matching q.
 */
static int search_text(const struct route_ctx *c, struct vb_buf *text, struct vb_buf *err)
{
	static const char *const names[] = { "speaker", "org", "place", NULL };
	static const char *const filters[] = { "speaker", "org", "place", "source", "year", NULL };
	const char *q = param(c, "q"), *v;
	int filtered = 0;
	for (size_t i = 0; filters[i]; i++)
		filtered |= param(c, filters[i]) != NULL;
	if (q && q[strspn(q, " ")]) {
		/* As typed without filters, so that "query" says what was asked. */
		if (filtered)
			vb_buf_addf(text, "(%s)", q);
		else
			vb_buf_adds(text, q);
	}
	for (size_t i = 0; names[i]; i++)
		if ((v = param(c, names[i])))
			add_filter(text, names[i], v);
	if ((v = param(c, "source")))
		add_filter(text, "source", v);
	if ((v = param(c, "year"))) {
		char ymd[9];
		if (strlen(v) != 4 || vb_date_bound(v, 4, 0, ymd)) {
			vb_buf_addf(err, "'year' takes YYYY, not '%s'", v);
			return VB_API_BAD_REQUEST;
		}
		add_filter(text, "year", v);
	}
	return VB_API_OK;
}

/* The request of /api/search and /api/facets; `text` holds its query. */
static int search_request(const struct route_ctx *c, struct vb_search_req *req,
			  struct vb_buf *text, struct vb_buf *err)
{
	int by_date, st;
	memset(req, 0, sizeof(*req));
	if ((st = search_text(c, text, err)) ||
	    (st = count_param(c, "limit", 10, VB_SERVE_MAX_LIMIT, &req->limit, err)) ||
	    (st = count_param(c, "offset", 0, VB_SERVE_MAX_OFFSET, &req->offset, err)) ||
	    (st = count_param(c, "per_doc", 0, VB_SERVE_MAX_LIST, &req->per_doc, err)) ||
	    (st = count_param(c, "snippet", 240, 2000, &req->snippet, err)) ||
	    (st = sort_param(c, &by_date, err)) ||
	    (st = flag_param(c, "all", &req->q.match_all, err)) ||
	    (st = date_param(c, "since", 0, &req->q.since, err)) ||
	    (st = date_param(c, "until", 1, &req->q.until, err)) ||
	    (st = flag_param(c, "explain", &req->explain, err)) ||
	    (st = flag_param(c, "recent", &req->recent, err)) ||
	    (st = date_param(c, "as_of", 0, &req->as_of, err)) ||
	    (st = rank_param(c, &req->rank_bm25, err)))
		return st;
	if (req->snippet < 20)
		req->snippet = 20;
	req->sort_date = by_date == 1;
	req->q.lang = param(c, "lang");
	req->text = text->buf;
	if (!text->len && !req->q.since && !req->q.until && !req->q.lang) {
		vb_buf_adds(err, "nothing to search for: give q (or a filter)");
		return VB_API_BAD_REQUEST;
	}
	return VB_API_OK;
}

/* "bad query 'TEXT': " before the parser's message, as the CLI says it. */
static void bad_query(struct vb_buf *err, const char *text)
{
	struct vb_buf msg = VB_BUF_INIT;
	vb_buf_addf(&msg, "bad query '%s': %s", text, err->buf);
	vb_buf_reset(err);
	vb_buf_add(err, msg.buf, msg.len);
	vb_buf_release(&msg);
}

static int route_search(struct route_ctx *c, const xap_db *db, json_t **out, struct vb_buf *err)
{
	struct vb_search_req req;
	struct vb_buf text = VB_BUF_INIT;
	int st = search_request(c, &req, &text, err);
	if (!st && (st = vb_search_run(db, &req, out, err)) == VB_API_BAD_REQUEST)
		bad_query(err, text.buf);
	vb_buf_release(&text);
	return st;
}

static int route_facets(struct route_ctx *c, const xap_db *db, json_t **out, struct vb_buf *err)
{
	struct vb_search_req req;
	struct vb_buf text = VB_BUF_INIT;
	int st = search_request(c, &req, &text, err);
	if (!st && (st = vb_facets_run(db, &req, out, err)) == VB_API_BAD_REQUEST)
		bad_query(err, text.buf);
	vb_buf_release(&text);
	return st;
}

static int route_quotes(struct route_ctx *c, const xap_db *db, json_t **out, struct vb_buf *err)
{
	struct vb_quotes_req req = { 0 };
	int by_date, st;
	if ((st = count_param(c, "limit", 20, VB_SERVE_MAX_LIMIT, &req.limit, err)) ||
	    (st = count_param(c, "offset", 0, VB_SERVE_MAX_OFFSET, &req.offset, err)) ||
	    (st = sort_param(c, &by_date, err)) ||
	    (st = date_param(c, "since", 0, &req.q.since, err)) ||
	    (st = date_param(c, "until", 1, &req.q.until, err)))
		return st;
	req.text = param(c, "q");
	req.speaker = param(c, "speaker");
	req.org = param(c, "org");
	req.kind = param(c, "kind");
	req.sort = by_date < 0 ? VB_QUOTES_SORT_AUTO
		   : by_date ? VB_QUOTES_SORT_DATE : VB_QUOTES_SORT_RELEVANCE;
	return vb_quotes_run(db, &req, out, err);
}

static int route_speakers(struct route_ctx *c, const xap_db *db, json_t **out, struct vb_buf *err)
{
	struct vb_speakers_req req = { 0 };
	int all = 0;
	int st = count_param(c, "limit", 100, VB_SERVE_MAX_LIST, &req.limit, err);
	if (!st)
		st = flag_param(c, "all", &all, err);
	if (st)
		return st;
	req.all = all;
	req.name = param(c, "name");
	return vb_speakers_run(db, &req, out, err);
}

static int route_entities(struct route_ctx *c, const xap_db *db, json_t **out, struct vb_buf *err)
{
	struct vb_entities_req req = { 0 };
	int st = count_param(c, "limit", 100, VB_SERVE_MAX_LIST, &req.limit, err);
	if (st)
		return st;
	req.type = param(c, "type");
	req.name = param(c, "name");
	return vb_entities_run(db, &req, out, err);
}

static int route_stats(struct route_ctx *c, const xap_db *db, json_t **out, struct vb_buf *err)
{
	const struct vb_dbs *dbs = vb_db_pool_dbs(c->pool);
	struct vb_buf name = VB_BUF_INIT;
	struct vb_stats_req req;
	req.name = vb_dbs_name(dbs, &name);
	req.path = dbs->n <= 1 ? req.name : NULL;
	int st = vb_stats_run(db, &req, out, err);
	vb_buf_release(&name);
	return st;
}

/* accessed=YYYY-MM-DD (the date a citation says the source was read). */
static int accessed_param(const struct route_ctx *c, const char **out, struct vb_buf *err)
{
	char ymd[9];
	*out = param(c, "accessed");
	if (*out && (strlen(*out) != 10 || vb_date_bound(*out, 10, 0, ymd))) {
		vb_buf_addf(err, "'accessed' takes a date YYYY-MM-DD, not '%s'", *out);
		return VB_API_BAD_REQUEST;
	}
	return VB_API_OK;
}

/* Content-Type and file name extension of each citation format, for download=1. */
static const struct {
	const char *type, *ext;
} cite_types[] = {
	[VB_CITE_CSL_JSON] = { "application/vnd.citationstyles.csl+json", "json" },
	[VB_CITE_BIBLATEX] = { "application/x-bibtex", "bib" },
	[VB_CITE_RIS] = { "application/x-research-info-systems", "ris" },
	[VB_CITE_MARKDOWN] = { "text/markdown; charset=utf-8", "md" },
	[VB_CITE_TEXT] = { "text/plain; charset=utf-8", "txt" },
};

static int route_cite(struct route_ctx *c, const xap_db *db, json_t **out, struct vb_buf *err)
{
	struct vb_cite_req req = { .format = VB_CITE_TEXT };
	const char *ids[VB_SERVE_MAX_IDS], *format = param(c, "format");
	int download, st, f;

	if ((st = count_param(c, "limit", 10, VB_SERVE_MAX_LIMIT, &req.limit, err)) ||
	    (st = flag_param(c, "download", &download, err)) ||
	    (st = accessed_param(c, &req.accessed, err)) ||
	    (st = date_param(c, "since", 0, &req.q.since, err)) ||
	    (st = date_param(c, "until", 1, &req.q.until, err)))
		return st;
	if (format && (f = vb_cite_format_parse(format)) < 0) {
		vb_buf_addf(err, "'format' takes csl-json, biblatex, ris, markdown or text, not '%s'",
			    format);
		return VB_API_BAD_REQUEST;
	}
	if (format)
		req.format = (enum vb_cite_format)f;
	for (size_t i = 0; i < c->params->n; i++) {
		if (strcmp(c->params->v[i].key, "id") || !*c->params->v[i].value)
			continue;
		if (req.nids == VB_SERVE_MAX_IDS) {
			vb_buf_addf(err, "at most %d ids", VB_SERVE_MAX_IDS);
			return VB_API_BAD_REQUEST;
		}
		ids[req.nids++] = c->params->v[i].value;
	}
	req.ids = ids;
	req.text = req.nids ? NULL : param(c, "q");
	req.q.lang = param(c, "lang");
	if (!req.nids && !req.text) {
		vb_buf_adds(err, "nothing to cite: give q or id");
		return VB_API_BAD_REQUEST;
	}
	if (!req.limit)
		req.limit = 10;
	st = vb_cite_run(db, &req, out, err);
	if (st || !download)
		return st;
	/* The bare list, as a file to save. */
	struct vb_reply *r = c->reply;
	vb_buf_reset(&r->body);
	vb_buf_adds(&r->body, vb_json_str(*out, "text"));
	r->status = 200;
	r->content_type = cite_types[req.format].type;
	snprintf(r->filename, sizeof(r->filename), "citations.%s", cite_types[req.format].ext);
	json_decref(*out);
	*out = NULL;
	return VB_API_OK;
}

static int route_verify(struct route_ctx *c, const xap_db *db, json_t **out, struct vb_buf *err)
{
	struct vb_verify_req req = { 0 };
	const char *t = param(c, "threshold");
	int st;
	if ((st = count_param(c, "limit", 5, VB_SERVE_MAX_LIMIT, &req.limit, err)) ||
	    (st = date_param(c, "since", 0, &req.q.since, err)) ||
	    (st = date_param(c, "until", 1, &req.q.until, err)))
		return st;
	if (t) {
		char *end;
		req.threshold = strtod(t, &end);
		if (end == t || *end || !(req.threshold > 0 && req.threshold <= 1)) {
			vb_buf_addf(err, "'threshold' takes a number above 0 and at most 1, not '%s'", t);
			return VB_API_BAD_REQUEST;
		}
	}
	req.text = param(c, "text");
	req.q.lang = param(c, "lang");
	if (!req.text) {
		vb_buf_adds(err, "nothing to verify: give text");
		return VB_API_BAD_REQUEST;
	}
	return vb_verify_run(db, &req, out, err);
}

static int route_show(struct route_ctx *c, const xap_db *db, json_t **out, struct vb_buf *err)
{
	struct vb_show_req req = { .id = c->rest };
	int st;
	if ((st = count_param(c, "context", 1, VB_SERVE_MAX_LIST, &req.context, err)) ||
	    (st = accessed_param(c, &req.accessed, err)))
		return st;
	return vb_show_run(db, &req, out, err);
}

typedef int (*route_fn)(struct route_ctx *c, const xap_db *db, json_t **out,
			struct vb_buf *err);

struct route {
	const char *path;
	int prefix;                  /* path is a prefix: the rest is an argument */
	route_fn fn;
};

static const struct route routes[] = {
	{ "/api/search", 0, route_search },
	{ "/api/facets", 0, route_facets },
	{ "/api/quotes", 0, route_quotes },
	{ "/api/speakers", 0, route_speakers },
	{ "/api/entities", 0, route_entities },
	{ "/api/stats", 0, route_stats },
	{ "/api/cite", 0, route_cite },
	{ "/api/verify", 0, route_verify },
	{ "/api/show/", 1, route_show },
	{ NULL, 0, NULL },
};

/*
 * Run a route against this thread's database.  A database the indexer
 * replaced under us (Xapian's DatabaseModifiedError, or files gone) is
 * opened anew and the request tried once more.
 */
static void run_route(const struct route *r, struct route_ctx *c)
{
	struct vb_buf err = VB_BUF_INIT;
	json_t *res = NULL;
	int st = VB_API_OK;

	for (int attempt = 0; attempt < 2; attempt++) {
		xap_db *db = NULL;
		vb_buf_reset(&err);
		st = vb_db_pool_get(c->pool, attempt, &db, &err);
		if (st == VB_API_OK)
			st = r->fn(c, db, &res, &err);
		if (st != VB_API_UNAVAILABLE)
			break;
		json_decref(res);
		res = NULL;
	}
	if (st == VB_API_OK) {
		/* A route that answered otherwise (a download) leaves res NULL. */
		if (res)
			reply_json(c->reply, 200, res);
	} else {
		vb_reply_error(c->reply, vb_api_http_code(st), "%s", err.buf);
	}
	json_decref(res);
	vb_buf_release(&err);
}

/* The embedded file at `path` ("/" is "/index.html"), or NULL. */
static const struct vb_asset *find_asset(const char *path)
{
	if (!strcmp(path, "/"))
		path = "/index.html";
	for (const struct vb_asset *a = vb_assets; a->path; a++)
		if (!strcmp(a->path, path))
			return a;
	return NULL;
}

void vb_route(struct vb_db_pool *pool, const char *path, const struct vb_params *params,
	      struct vb_reply *out)
{
	struct route_ctx c = { params, NULL, pool, out };

	for (const struct route *r = routes; r->path; r++) {
		size_t len = strlen(r->path);
		if (r->prefix ? strncmp(path, r->path, len) || !path[len] : strcmp(path, r->path))
			continue;
		c.rest = path + len;
		run_route(r, &c);
		return;
	}
	const struct vb_asset *a = strncmp(path, "/api/", 5) ? find_asset(path) : NULL;
	if (!a) {
		vb_reply_error(out, 404, "no such page or endpoint: '%s'", path);
		return;
	}
	out->status = 200;
	out->content_type = a->content_type;
	out->data = a->data;
	out->data_len = a->len;
	out->page = !strncmp(a->content_type, "text/html", 9);
}
