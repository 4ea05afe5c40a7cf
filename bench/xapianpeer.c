/*
 * xapianpeer.c: plain libxapian as a benchmark peer.
 *
 * The reference the foundation issue set its indexing targets against:
 * the same text put into Xapian with nothing of verbatim's (no passages,
 * extraction, stored JSON or spelling): one Xapian document per paragraph
 * (a line of the JSON "text" field, empty lines skipped), Xapian's own
 * TermGenerator with English stemming, the paragraph as document data, a
 * Q unique id.  bench/bench.py runs it beside verbatim in the same run, so
 * that verbatim's speed can be read against what libxapian alone does on
 * this machine at this moment.
 *
 *   xapianpeer [--stem-all-z] [--commit-every N] [--no-sync]
 *              [--segments K --jobs J] DB FILE.jsonl...
 *
 * Defaults are Xapian's (STEM_SOME: unstemmed terms with positions plus Z
 * stems, commit at the end: Xapian flushes by itself every 10000
 * documents, fsync).  --stem-all-z --commit-every 2000 --no-sync is the
 * issue's fastest one-process configuration.  --segments 8 --jobs 2 is
 * its fastest end to end: the input cut into 8 runs of consecutive lines
 * of about equal size, built into 8 databases (DB.seg-N) by 2 threads at
 * a time, merged into DB by Xapian's compactor (xapian-compact's code),
 * the segments then removed.  Prints documents, text bytes and seconds on
 * stdout.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "xapian/xap.h"

static void die(const char *what, const xap_error *xe)
{
	fprintf(stderr, "xapianpeer: %s: %s\n", what, xe ? xe->message : "");
	exit(1);
}

static void usage(void)
{
	fputs("usage: xapianpeer [--stem-all-z] [--commit-every N] [--no-sync]\n"
	      "                  [--segments K --jobs J] DB FILE.jsonl...\n", stderr);
	exit(2);
}

/* What every segment is built with. */
struct config {
	int strategy, flags;
	long commit_every;
};

/* One database from lines [first, last) of the input. */
struct segment {
	const struct config *cfg;
	char path[4096];
	char **lines;
	size_t *lens;
	size_t first, last;
	long docs;          /* out */
	size_t bytes;       /* out: bytes of text */
};

/* Index the "text" of each line, one Xapian document per paragraph. */
static void build(struct segment *sg)
{
	xap_error xe;
	xap_db *db;
	xap_termgen *tg;
	char id[48];
	if (xap_db_open(&db, sg->path, XAP_DB_CREATE_OR_OVERWRITE, sg->cfg->flags, &xe))
		die(sg->path, &xe);
	if (xap_termgen_new(&tg, "english", sg->cfg->strategy, &xe))
		die("term generator", &xe);
	for (size_t l = sg->first; l < sg->last; l++) {
		json_t *o = json_loadb(sg->lines[l], sg->lens[l], 0, NULL);
		const char *text = json_string_value(json_object_get(o, "text"));
		if (!text) {
			json_decref(o);
			continue;
		}
		size_t len = json_string_length(json_object_get(o, "text"));
		sg->bytes += len;
		for (size_t p = 0; p < len;) {
			const char *nl = memchr(text + p, '\n', len - p);
			size_t end = nl ? (size_t)(nl - text) : len;
			if (end > p) {
				xap_doc *d;
				if (xap_doc_new(&d, &xe) ||
				    xap_termgen_index_text(tg, d, text + p, end - p, &xe) ||
				    xap_doc_set_data(d, text + p, end - p, &xe))
					die("document", &xe);
				int k = snprintf(id, sizeof(id), "Q%zu-%ld", sg->first, ++sg->docs);
				if (xap_doc_add_boolean_term(d, id, (size_t)k, &xe) ||
				    xap_db_add_document(db, d, NULL, &xe))
					die("add document", &xe);
				xap_doc_free(d);
				if (sg->cfg->commit_every > 0 && sg->docs % sg->cfg->commit_every == 0 &&
				    xap_db_commit(db, &xe))
					die("commit", &xe);
			}
			p = end + 1;
		}
		json_decref(o);
	}
	if (xap_db_commit(db, &xe))
		die("commit", &xe);
	xap_db_free(db);
	xap_termgen_free(tg);
}

/* Segments are taken in order by the threads. */
struct pool {
	struct segment *segs;
	size_t n, next;
	pthread_mutex_t lock;
};

static void *worker(void *arg)
{
	struct pool *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t k = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (k >= p->n)
			return NULL;
		build(&p->segs[k]);
	}
}

static void rm_rf(const char *dir)
{
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "xapianpeer: cannot remove %s\n", dir);
}

int main(int argc, char **argv)
{
	struct config cfg = { XAP_STEM_SOME, 0, 0 };
	long nseg = 1, jobs = 1;
	int i = 1;
	while (i < argc && !strncmp(argv[i], "--", 2)) {
		if (!strcmp(argv[i], "--stem-all-z"))
			cfg.strategy = XAP_STEM_ALL_Z;
		else if (!strcmp(argv[i], "--no-sync"))
			cfg.flags |= XAP_DB_NO_SYNC;
		else if (!strcmp(argv[i], "--commit-every") && i + 1 < argc)
			cfg.commit_every = atol(argv[++i]);
		else if (!strcmp(argv[i], "--segments") && i + 1 < argc)
			nseg = atol(argv[++i]);
		else if (!strcmp(argv[i], "--jobs") && i + 1 < argc)
			jobs = atol(argv[++i]);
		else
			usage();
		i++;
	}
	if (argc - i < 2 || nseg < 1 || nseg > 1000 || jobs < 1 || jobs > 64)
		usage();
	const char *dbpath = argv[i++];

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* The input's lines, read whole: one core reads, and the time counts. */
	char **lines = NULL;
	size_t *lens = NULL, nlines = 0, alloc = 0, total = 0;
	for (; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		while ((n = getline(&line, &cap, f)) > 0) {
			if (nlines == alloc) {
				alloc = alloc ? 2 * alloc : 1024;
				lines = realloc(lines, alloc * sizeof(*lines));
				lens = realloc(lens, alloc * sizeof(*lens));
				if (!lines || !lens)
					die("out of memory", NULL);
			}
			lines[nlines] = line;
			lens[nlines++] = (size_t)n;
			total += (size_t)n;
			line = NULL;
			cap = 0;
		}
		free(line);
		fclose(f);
	}

	struct segment *segs = calloc((size_t)nseg, sizeof(*segs));
	if (!segs)
		die("out of memory", NULL);
	size_t l = 0, acc = 0;
	for (long k = 0; k < nseg; k++) {
		segs[k].cfg = &cfg;
		segs[k].lines = lines;
		segs[k].lens = lens;
		segs[k].first = l;
		/* Up to about (k + 1) / nseg of the bytes. */
		while (l < nlines && (k == nseg - 1 ||
				      acc + lens[l] / 2 <= total / (size_t)nseg * (size_t)(k + 1)))
			acc += lens[l++];
		segs[k].last = l;
		if (nseg == 1)
			snprintf(segs[k].path, sizeof(segs[k].path), "%s", dbpath);
		else
			snprintf(segs[k].path, sizeof(segs[k].path), "%s.seg-%ld", dbpath, k);
	}
	struct pool pool = { segs, (size_t)nseg, 0, PTHREAD_MUTEX_INITIALIZER };
	pthread_t th[64];
	for (long j = 0; j < jobs; j++)
		if (pthread_create(&th[j], NULL, worker, &pool))
			die("cannot start a thread", NULL);
	for (long j = 0; j < jobs; j++)
		pthread_join(th[j], NULL);

	long docs = 0;
	size_t bytes = 0;
	for (long k = 0; k < nseg; k++) {
		docs += segs[k].docs;
		bytes += segs[k].bytes;
	}
	if (nseg > 1) {
		const char **src = calloc((size_t)nseg, sizeof(*src));
		xap_error xe;
		for (long k = 0; k < nseg; k++)
			src[k] = segs[k].path;
		rm_rf(dbpath);
		if (xap_compact(src, (size_t)nseg, dbpath, 0, &xe))
			die("compact", &xe);
		for (long k = 0; k < nseg; k++)
			rm_rf(segs[k].path);
		free(src);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%ld documents, %zu bytes of text, %.2f s\n", docs, bytes,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	for (size_t k = 0; k < nlines; k++)
		free(lines[k]);
	free(lines);
	free(lens);
	free(segs);
	return 0;
}
