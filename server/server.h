/* server.h: the parts of `verbatim serve`: database handles per thread, routes, HTTP. */
#ifndef VB_SERVER_H
#define VB_SERVER_H

/*
 * serve.c parses the options and waits for a signal; http.c is the
 * libmicrohttpd glue (limits, methods, headers, the request log); routes.c
 * turns a path and its parameters into a run function's request and its
 * JSON response into a reply; pool.c keeps one read-only database handle
 * per server thread, since a Xapian database must not be shared between
 * threads; facets.c counts the facets of a search.
 */

#include <stddef.h>

#include <jansson.h>

#include "db.h"
#include "search.h"
#include "util/buf.h"
#include "xapian/xap.h"

/* Limits: what a request may ask.  docs/api.md lists them. */
#define VB_SERVE_MAX_PARAMS 8192   /* bytes of URL parameters; 414 beyond */
#define VB_SERVE_MAX_QUERY 2048    /* bytes of one text parameter (q, text); 414 */
#define VB_SERVE_MAX_BODY 16384    /* bytes of a request body; 413 */
#define VB_SERVE_MAX_LIMIT 100     /* results per request (search, quotes) */
#define VB_SERVE_MAX_LIST 1000     /* speakers, entities per request */
#define VB_SERVE_MAX_OFFSET 10000
#define VB_SERVE_MAX_IDS 100       /* id= parameters of /api/cite */
#define VB_SERVE_FACET_DEPTH 1000  /* passages whose facets are counted */
#define VB_SERVE_FACET_VALUES 20   /* values listed per facet */
#define VB_SERVE_TIMEOUT 10        /* seconds a connection may stay idle */

/* ---- database handles --------------------------------------------------- */

struct vb_db_pool;

/* A pool over `dbs` (copied) for at most `threads` threads. */
struct vb_db_pool *vb_db_pool_new(const struct vb_dbs *dbs, unsigned threads);
/* Close every handle; no thread may use the pool any more. */
void vb_db_pool_free(struct vb_db_pool *pool);
/*
 * The calling thread's database at its latest commit: opened on first use
 * (and again after a failure), else reopened (cheap when nothing changed).
 * With `fresh`, closed and opened anew.  Returns a vb_api_status:
 * VB_API_UNAVAILABLE with a message in `err` when it cannot be opened.
 */
int vb_db_pool_get(struct vb_db_pool *pool, int fresh, xap_db **out,
		   struct vb_buf *err);
/* What to call the databases in responses (stats). */
const struct vb_dbs *vb_db_pool_dbs(const struct vb_db_pool *pool);

/* ---- requests and replies ----------------------------------------------- */

/* The URL parameters of a request, in order (a key may repeat). */
struct vb_param {
	const char *key, *value;
};
struct vb_params {
	struct vb_param *v;
	size_t n, alloc;
};
/* The first value of `key`, or NULL. */
const char *vb_param_get(const struct vb_params *p, const char *key);

struct vb_reply {
	int status;                  /* HTTP status */
	const char *content_type;
	struct vb_buf body;          /* owned; or: */
	const unsigned char *data;   /* static data (an asset), when not NULL */
	size_t data_len;
	char filename[64];           /* Content-Disposition attachment, or "" */
	int page;                    /* HTML: gets the Content-Security-Policy */
};

void vb_reply_init(struct vb_reply *r);
void vb_reply_release(struct vb_reply *r);
/* An error reply: {"error": {"status": N, "message": "..."}}. */
void vb_reply_error(struct vb_reply *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Answer GET `path` with `params` (the method and limits are checked by
 * http.c). */
void vb_route(struct vb_db_pool *pool, const char *path,
	      const struct vb_params *params, struct vb_reply *out);

/* ---- facets ------------------------------------------------------------- */

/*
 * The facets of a search: speakers, organisations, places, years and
 * sources of the first VB_SERVE_FACET_DEPTH passages that match `req`
 * (limit, offset, sort and snippet ignored), each counted once per
 * passage, most frequent first.  The response:
 *   { "total": passages matching (estimated), "counted": passages read,
 *     "facets": { "speaker": [ {"value", "label", "count"} ... ], "org",
 *     "place", "year", "source" } }
 * "value" is what the facet parameter of /api/search takes; "label" is
 * the name as the documents write it, when known (else the value).
 */
int vb_facets_run(const xap_db *db, const struct vb_search_req *req,
		  json_t **out, struct vb_buf *err);

/* ---- HTTP --------------------------------------------------------------- */

struct vb_http_opts {
	const char *host;            /* IPv4 or IPv6 address to listen on */
	unsigned port;               /* 0: any free port */
	unsigned threads;            /* worker threads */
	int quiet;                   /* no request log */
};

struct vb_http;

/* Start listening and serving from `threads` threads.  Returns 0, or -1
 * with a message in `err`. */
int vb_http_start(struct vb_http **out, const struct vb_http_opts *o,
		  struct vb_db_pool *pool, struct vb_buf *err);
/* The port listened on (the one picked when asked for 0). */
unsigned vb_http_port(const struct vb_http *h);
/* Stop: close the listening socket and every connection, join the threads. */
void vb_http_stop(struct vb_http *h);

#endif
