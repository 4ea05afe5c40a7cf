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
 *   xapianpeer [--stem-all-z] [--commit-every N] [--no-sync] DB FILE.jsonl...
 *
 * Defaults are Xapian's (STEM_SOME: unstemmed terms with positions plus Z
 * stems, commit at the end: Xapian flushes by itself every 10000
 * documents, fsync).  --stem-all-z --commit-every 2000 --no-sync is the
 * issue's fastest one-process configuration.  Prints documents, text
 * bytes and seconds on stdout.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xapian/xap.h"

static void die(const char *what, const xap_error *xe)
{
	fprintf(stderr, "xapianpeer: %s: %s\n", what, xe ? xe->message : "");
	exit(1);
}

static void usage(void)
{
	fputs("usage: xapianpeer [--stem-all-z] [--commit-every N] [--no-sync] DB FILE.jsonl...\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	int strategy = XAP_STEM_SOME, flags = 0, i = 1;
	long commit_every = 0;
	while (i < argc && !strncmp(argv[i], "--", 2)) {
		if (!strcmp(argv[i], "--stem-all-z"))
			strategy = XAP_STEM_ALL_Z;
		else if (!strcmp(argv[i], "--no-sync"))
			flags |= XAP_DB_NO_SYNC;
		else if (!strcmp(argv[i], "--commit-every") && i + 1 < argc)
			commit_every = atol(argv[++i]);
		else
			usage();
		i++;
	}
	if (argc - i < 2)
		usage();

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	xap_error xe;
	xap_db *db;
	xap_termgen *tg;
	if (xap_db_open(&db, argv[i], XAP_DB_CREATE_OR_OVERWRITE, flags, &xe))
		die(argv[i], &xe);
	if (xap_termgen_new(&tg, "english", strategy, &xe))
		die("term generator", &xe);

	long docs = 0;
	size_t bytes = 0, cap = 0;
	char *line = NULL, id[32];
	for (i++; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		ssize_t n;
		while ((n = getline(&line, &cap, f)) > 0) {
			json_t *o = json_loadb(line, (size_t)n, 0, NULL);
			const char *text = json_string_value(json_object_get(o, "text"));
			if (!text) {
				json_decref(o);
				continue;
			}
			size_t len = json_string_length(json_object_get(o, "text"));
			bytes += len;
			for (size_t p = 0; p < len;) {
				const char *nl = memchr(text + p, '\n', len - p);
				size_t end = nl ? (size_t)(nl - text) : len;
				if (end > p) {
					xap_doc *d;
					if (xap_doc_new(&d, &xe) ||
					    xap_termgen_index_text(tg, d, text + p, end - p, &xe) ||
					    xap_doc_set_data(d, text + p, end - p, &xe))
						die("document", &xe);
					int k = snprintf(id, sizeof(id), "Q%ld", ++docs);
					if (xap_doc_add_boolean_term(d, id, (size_t)k, &xe) ||
					    xap_db_add_document(db, d, NULL, &xe))
						die("add document", &xe);
					xap_doc_free(d);
					if (commit_every > 0 && docs % commit_every == 0 &&
					    xap_db_commit(db, &xe))
						die("commit", &xe);
				}
				p = end + 1;
			}
			json_decref(o);
		}
		fclose(f);
	}
	if (xap_db_commit(db, &xe))
		die("commit", &xe);
	xap_db_free(db);
	xap_termgen_free(tg);
	free(line);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%ld documents, %zu bytes of text, %.2f s\n", docs, bytes,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
