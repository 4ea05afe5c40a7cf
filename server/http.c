/* http.c: the libmicrohttpd glue: listening, limits, methods, headers and the request log. */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <pthread.h>

#include <microhttpd.h>

#include "text/text.h"
#include "util/dl.h"

/*
 * libmicrohttpd is loaded when a server starts, not when verbatim does:
 * Debian builds it with GnuTLS, which brings eight more libraries whose
 * loading and relocation cost every `verbatim search` process some 1.3 ms
 * (a quarter of a small query's whole process) for a server it never
 * runs.  The header still gives the types; these are the functions used.
 */
#define MHD_SONAME "libmicrohttpd.so.12"   /* Debian's libmicrohttpd12 */

static struct {
	__typeof__(&MHD_start_daemon) start_daemon;
	__typeof__(&MHD_stop_daemon) stop_daemon;
	__typeof__(&MHD_get_daemon_info) get_daemon_info;
	__typeof__(&MHD_create_response_from_buffer) create_response_from_buffer;
	__typeof__(&MHD_add_response_header) add_response_header;
	__typeof__(&MHD_queue_response) queue_response;
	__typeof__(&MHD_destroy_response) destroy_response;
	__typeof__(&MHD_get_connection_values) get_connection_values;
	__typeof__(&MHD_lookup_connection_value) lookup_connection_value;
} mhd;
static pthread_once_t mhd_once = PTHREAD_ONCE_INIT;
static char mhd_error[256];

#define MHD_start_daemon mhd.start_daemon
#define MHD_stop_daemon mhd.stop_daemon
#define MHD_get_daemon_info mhd.get_daemon_info
#define MHD_create_response_from_buffer mhd.create_response_from_buffer
#define MHD_add_response_header mhd.add_response_header
#define MHD_queue_response mhd.queue_response
#define MHD_destroy_response mhd.destroy_response
#define MHD_get_connection_values mhd.get_connection_values
#define MHD_lookup_connection_value mhd.lookup_connection_value

static void mhd_load(void)
{
	static const char *const sonames[] = { MHD_SONAME, "libmicrohttpd.so", NULL };
	const struct vb_dl_sym syms[] = {
		{ "MHD_start_daemon", &mhd.start_daemon },
		{ "MHD_stop_daemon", &mhd.stop_daemon },
		{ "MHD_get_daemon_info", &mhd.get_daemon_info },
		{ "MHD_create_response_from_buffer", &mhd.create_response_from_buffer },
		{ "MHD_add_response_header", &mhd.add_response_header },
		{ "MHD_queue_response", &mhd.queue_response },
		{ "MHD_destroy_response", &mhd.destroy_response },
		{ "MHD_get_connection_values", &mhd.get_connection_values },
		{ "MHD_lookup_connection_value", &mhd.lookup_connection_value },
	};
	vb_dl_load(sonames, "libmicrohttpd", "libmicrohttpd12", syms,
		   sizeof(syms) / sizeof(syms[0]), mhd_error, sizeof(mhd_error));
}

struct vb_http {
	struct MHD_Daemon *daemon;
	struct vb_db_pool *pool;
	unsigned port;
	int quiet;
};

/* What libmicrohttpd keeps for us between the calls of one request. */
struct request {
	struct timespec start;
	size_t body;                 /* bytes of body received (and thrown away) */
};

/* Also on errors and files: the page's scripts, styles and data come
 * from this server only, and nothing frames it. */
static const char csp[] = "default-src 'self'; base-uri 'none'; form-action 'self'; "
			  "frame-ancestors 'none'";

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static enum MHD_Result send_reply(struct vb_http *h, struct MHD_Connection *conn,
				  struct request *rq, const char *method, const char *url,
				  struct vb_reply *r)
{
	struct MHD_Response *resp;
	if (r->data)
		resp = MHD_create_response_from_buffer(r->data_len, (void *)r->data,
						       MHD_RESPMEM_PERSISTENT);
	else
		resp = MHD_create_response_from_buffer(r->body.len, r->body.buf,
						       MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Content-Security-Policy", csp);
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	/* Answers change as the index does; the page is built in, so cheap. */
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
				r->data ? "no-cache" : "no-store");
	if (r->status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	if (r->filename[0]) {
		char disp[128];
		snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", r->filename);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, disp);
	}
	enum MHD_Result ok = MHD_queue_response(conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	if (!h->quiet)
		fprintf(stderr, "%s %s %d %.1f ms\n", method, url, r->status, ms_since(&rq->start));
	return ok;
}

static enum MHD_Result send_error(struct vb_http *h, struct MHD_Connection *conn,
				  struct request *rq, const char *method, const char *url,
				  int status, const char *message)
{
	struct vb_reply r;
	vb_reply_init(&r);
	vb_reply_error(&r, status, "%s", message);
	enum MHD_Result ok = send_reply(h, conn, rq, method, url, &r);
	vb_reply_release(&r);
	return ok;
}

struct collect {
	struct vb_params *params;
	size_t bytes;
};

static enum MHD_Result add_param(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *value)
{
	struct collect *c = cls;
	(void)kind;
	VB_ALLOC_GROW(c->params->v, c->params->n + 1, c->params->alloc);
	c->params->v[c->params->n].key = key;
	c->params->v[c->params->n++].value = value ? value : "";
	c->bytes += strlen(key) + (value ? strlen(value) : 0) + 2;
	return MHD_YES;
}

/* Check the parameters of a request: 0, or an HTTP status with a message. */
static int check_params(const struct collect *c, struct vb_buf *msg)
{
	if (c->bytes > VB_SERVE_MAX_PARAMS) {
		vb_buf_addf(msg, "the parameters take %zu bytes; at most %d", c->bytes,
			    VB_SERVE_MAX_PARAMS);
		return MHD_HTTP_URI_TOO_LONG;
	}
	for (size_t i = 0; i < c->params->n; i++) {
		const struct vb_param *p = &c->params->v[i];
		if (!vb_utf8_valid(p->key, strlen(p->key)) ||
		    !vb_utf8_valid(p->value, strlen(p->value))) {
			vb_buf_adds(msg, "a parameter is not valid UTF-8");
			return MHD_HTTP_BAD_REQUEST;
		}
		if ((!strcmp(p->key, "q") || !strcmp(p->key, "text")) &&
		    strlen(p->value) > VB_SERVE_MAX_QUERY) {
			vb_buf_addf(msg, "'%s' is %zu bytes long; at most %d", p->key,
				    strlen(p->value), VB_SERVE_MAX_QUERY);
			return MHD_HTTP_URI_TOO_LONG;
		}
	}
	return 0;
}

/* The whole request is in: answer it. */
static enum MHD_Result answer(struct vb_http *h, struct MHD_Connection *conn,
			      struct request *rq, const char *method, const char *url)
{
	struct vb_params params = { 0 };
	struct collect c = { &params, 0 };
	struct vb_buf msg = VB_BUF_INIT;
	struct vb_reply r;
	enum MHD_Result ok;

	if (rq->body > VB_SERVE_MAX_BODY)
		return send_error(h, conn, rq, method, url, MHD_HTTP_CONTENT_TOO_LARGE,
				  "the request body is too large");
	vb_reply_init(&r);
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_param, &c);
	int status = check_params(&c, &msg);
	if (status)
		vb_reply_error(&r, status, "%s", msg.buf);
	else if (!vb_utf8_valid(url, strlen(url)))
		vb_reply_error(&r, MHD_HTTP_NOT_FOUND, "no such page or endpoint");
	else
		vb_route(h->pool, url, &params, &r);
	ok = send_reply(h, conn, rq, method, url, &r);
	vb_reply_release(&r);
	vb_buf_release(&msg);
	free(params.v);
	return ok;
}

/*
 * libmicrohttpd calls this first with the headers (*con_cls NULL), then
 * with each piece of the body, then once more with none.  Requests are
 * refused as early as possible: a body announced too large, a method
 * other than GET and HEAD.
 */
static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
			      const char *method, const char *version,
			      const char *upload_data, size_t *upload_data_size,
			      void **con_cls)
{
	struct vb_http *h = cls;
	struct request *rq = *con_cls;
	(void)version;
	(void)upload_data;

	if (!rq) {
		rq = vb_calloc(1, sizeof(*rq));
		clock_gettime(CLOCK_MONOTONIC, &rq->start);
		*con_cls = rq;
		const char *len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							      MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (len && strtoull(len, NULL, 10) > VB_SERVE_MAX_BODY)
			return send_error(h, conn, rq, method, url, MHD_HTTP_CONTENT_TOO_LARGE,
					  "the request body is too large");
		if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
			return send_error(h, conn, rq, method, url, MHD_HTTP_METHOD_NOT_ALLOWED,
					  "only GET and HEAD are allowed");
		return MHD_YES;
	}
	if (*upload_data_size) {
		/* A body nobody asked for: counted and dropped; a stream that
		 * goes on and on is cut. */
		rq->body += *upload_data_size;
		*upload_data_size = 0;
		return rq->body > 64 * (size_t)VB_SERVE_MAX_BODY ? MHD_NO : MHD_YES;
	}
	return answer(h, conn, rq, method, url);
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)conn;
	(void)toe;
	free(*con_cls);
	*con_cls = NULL;
}

/* host and port as a socket address; -1 when host is not an IP address. */
static int make_address(const char *host, unsigned port, struct sockaddr_storage *ss,
			int *v6)
{
	memset(ss, 0, sizeof(*ss));
	struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
	*v6 = 0;
	if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		return 0;
	}
	if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		*v6 = 1;
		return 0;
	}
	return -1;
}

int vb_http_start(struct vb_http **out, const struct vb_http_opts *o,
		  struct vb_db_pool *pool, struct vb_buf *err)
{
	struct sockaddr_storage addr;
	int v6;

	*out = NULL;
	pthread_once(&mhd_once, mhd_load);
	if (mhd_error[0]) {
		vb_buf_adds(err, mhd_error);
		return -1;
	}
	if (make_address(o->host, o->port, &addr, &v6)) {
		vb_buf_addf(err, "cannot listen on '%s': not an IP address", o->host);
		return -1;
	}
	struct vb_http *h = vb_calloc(1, sizeof(*h));
	h->pool = pool;
	h->quiet = o->quiet;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
			 (v6 ? MHD_USE_IPv6 : 0);
	/* One thread is the polling thread itself: libmicrohttpd takes no
	 * pool of one. */
	struct MHD_OptionItem pool_opts[] = {
		{ o->threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END,
		  (intptr_t)o->threads, NULL },
		{ MHD_OPTION_END, 0, NULL },
	};
	errno = 0;
	h->daemon = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, handle, h,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)VB_SERVE_TIMEOUT,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)128,
		MHD_OPTION_NOTIFY_COMPLETED, completed, h,
		MHD_OPTION_ARRAY, pool_opts,
		MHD_OPTION_END);
	if (!h->daemon) {
		vb_buf_addf(err, "cannot listen on %s:%u: %s", o->host, o->port,
			    errno ? strerror(errno) : "libmicrohttpd refused to start");
		free(h);
		return -1;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(h->daemon,
							      MHD_DAEMON_INFO_BIND_PORT);
	h->port = info && info->port ? info->port : o->port;
	*out = h;
	return 0;
}

unsigned vb_http_port(const struct vb_http *h)
{
	return h->port;
}

void vb_http_stop(struct vb_http *h)
{
	if (!h)
		return;
	MHD_stop_daemon(h->daemon);
	free(h);
}
