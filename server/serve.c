/* serve.c: `verbatim serve`: options, start, and a clean stop on SIGINT or SIGTERM. */
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "server.h"
#include "util/usage.h"

static const char serve_usage[] =
	"usage: verbatim serve [options]\n"
	"\n"
	"Serve the search page and the JSON API (docs/api.md) over HTTP: /api/search,\n"
	"/api/facets, /api/quotes, /api/speakers, /api/entities, /api/stats, /api/cite,\n"
	"/api/verify, /api/show/ID, with the parameters and JSON of the commands'\n"
	"--json.  The database is read-only and reopened at each request, so what\n"
	"'verbatim index' commits shows at once.  Ctrl-C (or SIGTERM) stops it.\n"
	"\n"
	"options:\n"
	"  --db PATH          database (default: $VERBATIM_DB, else ./verbatim.db);\n"
	"                     repeat to search several as one\n"
	"  --listen ADDR:PORT address and port (default: 127.0.0.1:8080; port 0 picks\n"
	"                     a free one; [::1]:8080 for IPv6).  Anything but a\n"
	"                     loopback address lets other machines search the index\n"
	"  --threads N        requests answered at once (default: 4, at most 64)\n"
	"  --quiet            no log line per request on stderr\n"
	"  -h, --help         show this help\n";

struct serve_opts {
	struct vb_dbs dbs;
	char host[64];
	unsigned port;
	unsigned threads;
	int quiet;
};

/* ADDR:PORT or [ADDR]:PORT. */
static int parse_listen(const char *arg, struct serve_opts *o)
{
	const char *colon = strrchr(arg, ':');
	const char *host = arg;
	size_t hlen;
	char *end;
	if (!colon)
		return vb_usage_error("--listen takes ADDR:PORT, not '%s'", arg);
	hlen = (size_t)(colon - arg);
	if (*arg == '[') {
		if (hlen < 2 || arg[hlen - 1] != ']')
			return vb_usage_error("--listen takes ADDR:PORT, not '%s'", arg);
		host++;
		hlen -= 2;
	}
	long port = strtol(colon + 1, &end, 10);
	if (!hlen || hlen >= sizeof(o->host) || *end || end == colon + 1 || port < 0 || port > 65535)
		return vb_usage_error("--listen takes ADDR:PORT with a port from 0 to 65535, not '%s'", arg);
	memcpy(o->host, host, hlen);
	o->host[hlen] = '\0';
	o->port = (unsigned)port;
	return 0;
}

/* Say whether the database can be read now; the server starts either way
 * and answers 503 until it can. */
static void check_database(const struct serve_opts *o)
{
	struct vb_buf err = VB_BUF_INIT;
	xap_db *db = NULL;
	if (vb_dbs_open(&db, &o->dbs, &err))
		vb_warning("%s; the API answers 503 until it can be read", err.buf);
	xap_db_free(db);
	vb_buf_release(&err);
}

static int serve(const struct serve_opts *o)
{
	struct vb_http_opts ho = { o->host, o->port, o->threads, o->quiet };
	struct vb_buf err = VB_BUF_INIT;
	struct vb_http *http = NULL;
	sigset_t stop;
	int sig;

	check_database(o);
	/* The server's threads inherit this mask: SIGINT and SIGTERM are
	 * taken by sigwait below, in this thread only. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct vb_db_pool *pool = vb_db_pool_new(&o->dbs, o->threads);
	if (vb_http_start(&http, &ho, pool, &err)) {
		vb_error("%s", err.buf);
		vb_db_pool_free(pool);
		vb_buf_release(&err);
		return VB_EXIT_FAILURE;
	}
	int v6 = strchr(o->host, ':') != NULL;
	printf("listening on http://%s%s%s:%u/\n", v6 ? "[" : "", o->host, v6 ? "]" : "",
	       vb_http_port(http));
	fflush(stdout);
	sigwait(&stop, &sig);
	vb_http_stop(http);
	vb_db_pool_free(pool);
	vb_buf_release(&err);
	if (!o->quiet)
		fprintf(stderr, "stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	return VB_EXIT_OK;
}

int vb_cmd_serve(int argc, char **argv)
{
	static const struct option options[] = {
		VB_DBS_OPTIONS,
		{ "listen", required_argument, NULL, 'l' },
		{ "threads", required_argument, NULL, 't' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct serve_opts o = { .host = "127.0.0.1", .port = 8080, .threads = 4 };
	long n;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		int dr = vb_dbs_option(&o.dbs, c, optarg);
		if (dr > 0)
			return dr;
		if (dr == 0)
			continue;
		switch (c) {
		case 'l':
			if (parse_listen(optarg, &o))
				return VB_EXIT_USAGE;
			break;
		case 't':
			if ((n = vb_parse_count("--threads", optarg, 64)) < 0)
				return VB_EXIT_USAGE;
			if (n == 0)
				return vb_usage_error("--threads takes a number from 1 to 64");
			o.threads = (unsigned)n;
			break;
		case 'q': o.quiet = 1; break;
		case 'h': fputs(serve_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	if (optind != argc)
		return vb_usage_error("serve takes no arguments");
	return serve(&o);
}
