/* querybench.c: in-process query latency of verbatim's searcher, top 10 with snippets. */
#include <errno.h>
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "db.h"
#include "query.h"
#include "snippet.h"
#include "util/buf.h"
#include "xapian/xap.h"

/*
 * The database is opened once; each query then does what `verbatim search`
 * does after opening it (searcher/cmd_search.c), minus the printing:
 * build the query, take the top N from Xapian, load each result's data,
 * add its document's metadata and make its snippet.  Each query is timed
 * with CLOCK_MONOTONIC in three phases (build, match, fetch + snippets), so
 * that a slow figure says where the time goes, and with the thread's CPU
 * clock, which a busy machine does not inflate: when wall time and CPU time
 * differ, the process was waiting (for the disk, or for a core).  The list is read once and
 * run `--repeat` times after `--warmup` untimed passes.
 */

static const char usage[] =
	"usage: querybench [options] DB QUERIES\n"
	"\n"
	"Time verbatim's searcher in-process.  QUERIES holds one query per line\n"
	"(text before the first tab; blank lines and lines starting with '#'\n"
	"are ignored).\n"
	"\n"
	"options:\n"
	"  -r, --repeat N     timed passes over the list (default: 20)\n"
	"  -w, --warmup N     untimed passes first (default: 1)\n"
	"  -n, --limit N      results per query (default: 10)\n"
	"  --snippet N        snippet length in bytes (default: 240, as search)\n"
	"  --raw FILE         write one line per timed query: pass, query index,\n"
	"                     build, match, fetch, total and CPU nanoseconds,\n"
	"                     results, estimated matches (tab-separated)\n"
	"  --per-query        also print each query's median, slowest first\n"
	"  -h, --help         show this help\n";

struct timing {
	long long build, match, fetch, total;
	long long cpu;            /* CPU time of the thread over the query */
	unsigned results, estimated;
};

static long long clock_ns(clockid_t id)
{
	struct timespec t;
	clock_gettime(id, &t);
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static long long now_ns(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

static const char *jstr(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

/* Run one query; returns 0, or -1 with a message in err. */
static int run_query(const xap_db *db, const char *text, unsigned limit,
		     size_t snippet_len, struct timing *t, size_t *checksum,
		     struct vb_buf *err)
{
	struct vb_query_opts qo = { 0 };
	struct vb_parsed_query pq;
	struct vb_snippet snip;
	struct vb_highlighter *hl = NULL;
	struct vb_doc_records recs = { 0 };
	xap_enquire *enq = NULL;
	xap_mset *ms = NULL;
	xap_error xe;
	int rc = -1;

	memset(&pq, 0, sizeof(pq));
	vb_snippet_init(&snip);
	long long c0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
	long long t0 = now_ns();
	if (vb_query_build(db, text, &qo, &pq, err))
		goto out;
	long long t1 = now_ns();
	if (xap_enquire_new(&enq, db, &xe) ||
	    xap_enquire_set_query(enq, pq.query, &xe) ||
	    xap_enquire_get_mset(enq, 0, limit, limit, &ms, &xe)) {
		vb_buf_addf(err, "%s", xe.message);
		goto out;
	}
	long long t2 = now_ns();
	hl = vb_highlighter_new(pq.terms, pq.nterms, pq.wildcards, pq.nwildcards);
	unsigned n = xap_mset_size(ms);
	for (unsigned i = 0; i < n; i++) {
		xap_doc *d = NULL;
		char *data = NULL;
		size_t dlen = 0;
		if (xap_mset_document(ms, i, &d, &xe) ||
		    xap_doc_get_data(d, &data, &dlen, &xe)) {
			xap_doc_free(d);
			vb_buf_addf(err, "%s", xe.message);
			goto out;
		}
		xap_doc_free(d);
		json_t *obj = json_loadb(data, dlen, 0, NULL);
		free(data);
		if (!obj)
			continue;
		vb_db_add_doc_meta(db, obj, &recs);
		const char *ptext = jstr(obj, "text");
		if (vb_snippet_make(hl, ptext, strlen(ptext), jstr(obj, "lang"),
				    snippet_len, &snip, err) < 0) {
			json_decref(obj);
			goto out;
		}
		/* Use the result, so that nothing can be optimized away. */
		*checksum += snip.text.len + snip.highlights.n;
		json_decref(obj);
	}
	long long t3 = now_ns();
	t->cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID) - c0;
	t->build = t1 - t0;
	t->match = t2 - t1;
	t->fetch = t3 - t2;
	t->total = t3 - t0;
	t->results = n;
	t->estimated = xap_mset_estimated(ms);
	rc = 0;
out:
	vb_parsed_query_release(&pq);
	vb_doc_records_release(&recs);
	vb_highlighter_free(hl);
	vb_snippet_release(&snip);
	xap_mset_free(ms);
	xap_enquire_free(enq);
	return rc;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted v[0..n). */
static long long pct(const long long *v, size_t n, double p)
{
	size_t k = (size_t)(p / 100.0 * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

static void summarize(const char *what, const struct timing *t, size_t n,
		      size_t field_off)
{
	long long *v = malloc(n * sizeof(*v));
	double sum = 0;
	if (!v) {
		perror("querybench");
		exit(1);
	}
	for (size_t i = 0; i < n; i++) {
		v[i] = *(const long long *)((const char *)&t[i] + field_off);
		sum += (double)v[i];
	}
	qsort(v, n, sizeof(*v), cmp_ll);
	printf("%-16s %9.3f %9.3f %9.3f %9.3f %9.3f\n", what,
	       (double)pct(v, n, 50) / 1e6, (double)pct(v, n, 95) / 1e6,
	       (double)pct(v, n, 99) / 1e6, (double)v[n - 1] / 1e6,
	       sum / (double)n / 1e6);
	free(v);
}

struct query_median {
	size_t index;
	struct timing med;
};

static int cmp_median(const void *a, const void *b)
{
	const struct query_median *x = a, *y = b;
	return (y->med.total > x->med.total) - (y->med.total < x->med.total);
}

static long long median_of(const struct timing *t, size_t nq, size_t passes,
			   size_t qi, size_t field_off, long long *scratch)
{
	for (size_t p = 0; p < passes; p++)
		scratch[p] = *(const long long *)((const char *)&t[p * nq + qi] +
						  field_off);
	qsort(scratch, passes, sizeof(*scratch), cmp_ll);
	return pct(scratch, passes, 50);
}

/* Each query's median over the passes (timings are stored pass by pass). */
static void print_per_query(const struct timing *t, size_t nq, size_t passes,
			    char **queries)
{
	struct query_median *m = calloc(nq, sizeof(*m));
	long long *scratch = calloc(passes, sizeof(*scratch));
	if (!m || !scratch) {
		perror("querybench");
		exit(1);
	}
	for (size_t i = 0; i < nq; i++) {
		m[i].index = i;
		m[i].med.total = median_of(t, nq, passes, i,
					   offsetof(struct timing, total), scratch);
		m[i].med.build = median_of(t, nq, passes, i,
					   offsetof(struct timing, build), scratch);
		m[i].med.match = median_of(t, nq, passes, i,
					   offsetof(struct timing, match), scratch);
		m[i].med.fetch = median_of(t, nq, passes, i,
					   offsetof(struct timing, fetch), scratch);
		m[i].med.results = t[i].results;
		m[i].med.estimated = t[i].estimated;
	}
	qsort(m, nq, sizeof(*m), cmp_median);
	printf("\nmedian ms per query, slowest first:\n");
	printf("%9s %9s %9s %9s %7s %9s  %s\n", "total", "build", "match",
	       "fetch", "results", "estimated", "query");
	for (size_t i = 0; i < nq; i++)
		printf("%9.3f %9.3f %9.3f %9.3f %7u %9u  %s\n",
		       (double)m[i].med.total / 1e6, (double)m[i].med.build / 1e6,
		       (double)m[i].med.match / 1e6, (double)m[i].med.fetch / 1e6,
		       m[i].med.results, m[i].med.estimated, queries[m[i].index]);
	free(scratch);
	free(m);
}

static int read_queries(const char *path, char ***out, size_t *nout)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, **q = NULL;
	size_t cap = 0, n = 0, alloc = 0;
	ssize_t len;

	if (!f) {
		fprintf(stderr, "querybench: cannot open '%s': %s\n", path,
			strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		char *tab = strchr(line, '\t');
		if (tab)
			*tab = '\0';
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		VB_ALLOC_GROW(q, n + 1, alloc);
		q[n++] = vb_strdup(line);
	}
	free(line);
	fclose(f);
	*out = q;
	*nout = n;
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "repeat", required_argument, NULL, 'r' },
		{ "warmup", required_argument, NULL, 'w' },
		{ "limit", required_argument, NULL, 'n' },
		{ "snippet", required_argument, NULL, 's' },
		{ "raw", required_argument, NULL, 'R' },
		{ "per-query", no_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long repeat = 20, warmup = 1, limit = 10, snippet_len = 240;
	const char *raw_path = NULL;
	int per_query = 0;
	struct vb_buf err = VB_BUF_INIT;
	char **queries = NULL;
	size_t nq = 0, checksum = 0;
	xap_db *db = NULL;
	int c;

	while ((c = getopt_long(argc, argv, "r:w:n:h", options, NULL)) != -1) {
		switch (c) {
		case 'r': repeat = strtol(optarg, NULL, 10); break;
		case 'w': warmup = strtol(optarg, NULL, 10); break;
		case 'n': limit = strtol(optarg, NULL, 10); break;
		case 's': snippet_len = strtol(optarg, NULL, 10); break;
		case 'R': raw_path = optarg; break;
		case 'P': per_query = 1; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	if (argc - optind != 2 || repeat < 1 || warmup < 0 || limit < 1 ||
	    snippet_len < 20) {
		fputs(usage, stderr);
		return 2;
	}
	if (read_queries(argv[optind + 1], &queries, &nq) < 0)
		return 1;
	if (!nq) {
		fprintf(stderr, "querybench: no queries in '%s'\n", argv[optind + 1]);
		return 1;
	}
	if (vb_db_open_read(&db, argv[optind], &err)) {
		fprintf(stderr, "querybench: %s\n", err.buf);
		return 1;
	}

	FILE *raw = NULL;
	if (raw_path && !(raw = fopen(raw_path, "w"))) {
		fprintf(stderr, "querybench: cannot write '%s': %s\n", raw_path,
			strerror(errno));
		return 1;
	}
	size_t total = nq * (size_t)repeat, k = 0;
	struct timing *t = calloc(total, sizeof(*t));
	if (!t) {
		perror("querybench");
		return 1;
	}
	long long started = now_ns();
	for (long pass = -warmup; pass < repeat; pass++) {
		for (size_t i = 0; i < nq; i++) {
			struct timing one;
			vb_buf_reset(&err);
			if (run_query(db, queries[i], (unsigned)limit,
				      (size_t)snippet_len, &one, &checksum, &err)) {
				fprintf(stderr, "querybench: query '%s': %s\n",
					queries[i], err.buf);
				return 1;
			}
			if (pass < 0)
				continue;
			t[k++] = one;
			if (raw)
				fprintf(raw, "%ld\t%zu\t%lld\t%lld\t%lld\t%lld\t%lld\t%u\t%u\n",
					pass, i, one.build, one.match, one.fetch,
					one.total, one.cpu, one.results,
					one.estimated);
		}
	}
	double secs = (double)(now_ns() - started) / 1e9;
	if (raw && fclose(raw)) {
		fprintf(stderr, "querybench: cannot write '%s'\n", raw_path);
		return 1;
	}

	printf("%zu queries x %ld passes (+%ld warm-up) on '%s', top %ld with "
	       "snippets; %.2f s\n", nq, repeat, warmup, argv[optind], limit, secs);
	printf("%-16s %9s %9s %9s %9s %9s\n", "ms", "p50", "p95", "p99", "max",
	       "mean");
	summarize("total", t, total, offsetof(struct timing, total));
	summarize("  build query", t, total, offsetof(struct timing, build));
	summarize("  match top N", t, total, offsetof(struct timing, match));
	summarize("  fetch+snippet", t, total, offsetof(struct timing, fetch));
	summarize("total CPU time", t, total, offsetof(struct timing, cpu));
	printf("(checksum %zu)\n", checksum);
	if (per_query)
		print_per_query(t, nq, (size_t)repeat, queries);

	free(t);
	for (size_t i = 0; i < nq; i++)
		free(queries[i]);
	free(queries);
	xap_db_free(db);
	vb_buf_release(&err);
	return 0;
}
