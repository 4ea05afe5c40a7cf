/* cmd_index.c: `verbatim index`: read files and directories into the database. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "extract/extract.h"
#include "index.h"
#include "ingest.h"
#include "util/usage.h"

static const char index_usage[] =
	"usage: verbatim index [options] PATH...\n"
	"\n"
	"Index files and directories (walked recursively) into the database.\n"
	"Text files may start with YAML front matter; *.jsonl files hold one\n"
	"JSON document per line; '-' reads JSON Lines from standard input.\n"
	"Unchanged documents are skipped; changed ones replace their passages.\n"
	"\n"
	"options:\n"
	"  --db PATH          database (default: $VERBATIM_DB, else ./verbatim.db)\n"
	"  --prune            remove documents whose files are gone\n"
	"  --overwrite        start from an empty database\n"
	"  --lang TAG         language of documents that do not say (default: en)\n"
	"  --max-size MB      skip files larger than this (default: 256)\n"
	"  --commit-every N   commit after N passages (default: 2000)\n"
	"  -j, --jobs N       analyse with N threads (default: the number of cores)\n"
	"  --shards K         a new database of K shards, one directory (default: 1)\n"
	"  --no-sync          do not fsync on commit (faster; for fresh builds)\n"
	"  --no-spelling      do not record words for 'did you mean' suggestions\n"
	"  --no-extract       do not extract quotes, speakers, entities and dates\n"
	"  --aliases FILE     known names: canonical<TAB>type<TAB>alias... per line\n"
	"  --include GLOB     in directories, read only files matching GLOB (repeatable)\n"
	"  --exclude GLOB     in directories, skip files and directories matching GLOB\n"
	"                     (repeatable).  A GLOB (fnmatch) matches a file when it\n"
	"                     matches its path relative to the directory given, or its\n"
	"                     base name; --exclude wins; a file named as PATH is\n"
	"                     always read\n"
	"  -q, --quiet        no progress, no warnings\n"
	"  -v, --verbose      name each file as it is read, the encoding of those not\n"
	"                     in UTF-8, and directories skipped as walked already\n"
	"  -h, --help         show this help\n";

/* Set by the signal handler; the process owns it. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

struct run {
	struct vb_indexer *ix;
	struct vb_ingest_opts ingest;
	int quiet, verbose, progress;
	unsigned n_new, n_updated, n_unchanged, n_removed, n_failed, n_files;
	size_t passages;
	size_t bytes_done, bytes_total;
	struct timespec started, last_progress;
	int fatal;               /* a database error: stop */
	struct vb_buf err;
};

static double seconds_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	       (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void show_progress(struct run *r, int final)
{
	if (!r->progress)
		return;
	if (!final && seconds_since(&r->last_progress) < 0.2)
		return;
	clock_gettime(CLOCK_MONOTONIC, &r->last_progress);
	double secs = seconds_since(&r->started);
	double mb = (double)r->bytes_done / 1e6;
	double rate = secs > 0 ? mb / secs : 0;
	unsigned docs = r->n_new + r->n_updated + r->n_unchanged;
	fprintf(stderr, "\rindexing: %u documents, %.1f MB, %.1f MB/s", docs, mb,
		rate);
	if (r->bytes_total && rate > 0 && r->bytes_done < r->bytes_total) {
		double eta = ((double)(r->bytes_total - r->bytes_done) / 1e6) / rate;
		fprintf(stderr, ", %.0f%%, ETA %d:%02d",
			100.0 * (double)r->bytes_done / (double)r->bytes_total,
			(int)eta / 60, (int)eta % 60);
	}
	fputs("\033[K", stderr);
	if (final)
		fputc('\n', stderr);
}

static void on_report(const struct vb_ingest_report *rep, void *ud)
{
	struct run *r = ud;
	if (rep->note) {
		/* What was found out, not a problem: "x.txt: windows-1252 (confidence 62)". */
		if (r->verbose && !r->quiet)
			fprintf(stderr, "%s%s: %s\n", r->progress ? "\r\033[K" : "",
				rep->path, rep->message);
		return;
	}
	if (rep->skipped)
		r->n_failed++;
	if (r->quiet)
		return;
	if (r->progress)
		fputs("\r\033[K", stderr);
	/* Messages name their line themselves ("... at line 4"). */
	vb_warning("'%s': %s", rep->path, rep->message);
}

static int on_doc(struct vb_doc *doc, void *ud)
{
	struct run *r = ud;
	enum vb_add_result res;
	size_t np = 0;

	if (interrupted)
		return 1;
	vb_buf_reset(&r->err);
	int rc = vb_indexer_add(r->ix, doc, &res, &np, &r->err);
	if (rc) {
		if (r->progress)
			fputs("\r\033[K", stderr);
		vb_error("cannot index '%s'%s%.0u: %s", doc->path,
			 doc->line ? " line " : "", doc->line, r->err.buf);
		r->n_failed++;
		/* Database errors are not the document's fault: stop. */
		r->fatal = 1;
		return 1;
	}
	r->bytes_done += doc->body_len;
	show_progress(r, 0);
	switch (res) {
	case VB_ADD_NEW: r->n_new++; break;
	case VB_ADD_UPDATED: r->n_updated++; break;
	case VB_ADD_UNCHANGED: r->n_unchanged++; break;
	case VB_ADD_DUPLICATE:
		r->n_failed++;
		if (!r->quiet) {
			if (r->progress)
				fputs("\r\033[K", stderr);
			if (doc->line)
				vb_warning("'%s': line %u has the id '%s' of an earlier document, skipped",
					   doc->path, doc->line, doc->id);
			else
				vb_warning("'%s' has the id '%s' of an earlier document, skipped",
					   doc->path, doc->id);
		}
		break;
	}
	r->passages += np;
	return 0;
}

static int index_file(const char *path, const char *rel, void *ud)
{
	struct run *r = ud;
	struct vb_ingest_cb cb = { on_doc, on_report, r };
	struct stat st;

	if (interrupted)
		return 1;
	if (r->verbose) {
		if (r->progress)
			fputs("\r\033[K", stderr);
		fprintf(stderr, "reading '%s'\n", path);
	}
	r->n_files++;
	size_t before = r->bytes_done;
	int rc = vb_ingest_file(path, rel, &r->ingest, &cb);
	/* Documents count their text as they go; the file as a whole
	 * counts its bytes, like the total the ETA is measured against. */
	if (rc == 0 && stat(path, &st) == 0 && r->bytes_done < before + (size_t)st.st_size)
		r->bytes_done = before + (size_t)st.st_size;
	show_progress(r, 0);
	if (rc > 0)
		return rc;    /* stopped by on_doc */
	return 0;             /* read errors were reported; go on */
}

static int add_size(const char *path, const char *rel, void *ud)
{
	struct stat st;
	(void)rel;
	if (stat(path, &st) == 0)
		*(size_t *)ud += (size_t)st.st_size;
	return 0;
}

static void ignore_report(const struct vb_ingest_report *rep, void *ud)
{
	(void)rep;
	(void)ud;
}

int vb_cmd_index(int argc, char **argv)
{
	static const struct option options[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "prune", no_argument, NULL, 'p' },
		{ "overwrite", no_argument, NULL, 'O' },
		{ "lang", required_argument, NULL, 'l' },
		{ "max-size", required_argument, NULL, 'm' },
		{ "commit-every", required_argument, NULL, 'c' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "shards", required_argument, NULL, 'K' },
		{ "no-sync", no_argument, NULL, 'S' },
		{ "no-spelling", no_argument, NULL, 's' },
		{ "no-extract", no_argument, NULL, 'X' },
		{ "aliases", required_argument, NULL, 'a' },
		{ "include", required_argument, NULL, 'I' },
		{ "exclude", required_argument, NULL, 'E' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vb_indexer_opts opts = { .default_lang = "en", .spelling = true,
					.extract = true };
	struct run r = { 0 };
	const char *db = NULL;
	int prune = 0, c;
	long n;

	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	opts.jobs = cores > 1 ? (unsigned)(cores < 256 ? cores : 256) : 1;
	r.ingest.max_file_size = (size_t)256 << 20;
	vb_buf_init(&r.err);
	optind = 1;
	while ((c = getopt_long(argc, argv, ":j:qvh", options, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'p': prune = 1; break;
		case 'O': opts.overwrite = true; break;
		case 'l': opts.default_lang = optarg; break;
		case 'm':
			if ((n = vb_parse_count("--max-size", optarg, 1 << 20)) < 0)
				return VB_EXIT_USAGE;
			r.ingest.max_file_size = (size_t)n << 20;
			break;
		case 'c':
			if ((n = vb_parse_count("--commit-every", optarg, 1 << 30)) < 0)
				return VB_EXIT_USAGE;
			opts.commit_every = (unsigned)n;
			break;
		case 'j':
			if ((n = vb_parse_count("--jobs", optarg, 256)) < 0)
				return VB_EXIT_USAGE;
			opts.jobs = (unsigned)n;
			break;
		case 'K':
			if ((n = vb_parse_count("--shards", optarg, 256)) < 0)
				return VB_EXIT_USAGE;
			opts.shards = (unsigned)n;
			break;
		case 'S': opts.no_sync = true; break;
		case 's': opts.spelling = false; break;
		case 'X': opts.extract = false; break;
		case 'a': opts.aliases_path = optarg; break;
		case 'I':
		case 'E':
			if (vb_ingest_add_glob(&r.ingest, c == 'I', optarg))
				return vb_usage_error("too many --%s patterns (at most %d)",
						      c == 'I' ? "include" : "exclude",
						      VB_INGEST_MAX_GLOBS);
			break;
		case 'q': r.quiet = 1; break;
		case 'v': r.verbose = 1; break;
		case 'h': fputs(index_usage, stdout); return VB_EXIT_OK;
		default: return vb_bad_option(c, argv);
		}
	}
	if (optind >= argc)
		return vb_usage_error("nothing to index: give files or directories");
	vb_set_quiet(r.quiet);
	const char *term = getenv("TERM");
	r.progress = !r.quiet && isatty(STDERR_FILENO) && !(term && !strcmp(term, "dumb"));

	/* Check the paths first: a typo must not create an empty database. */
	int missing = 0;
	for (int i = optind; i < argc; i++) {
		struct stat st;
		if (strcmp(argv[i], "-") && stat(argv[i], &st) < 0) {
			vb_error("cannot read '%s': %s", argv[i], strerror(errno));
			missing++;
		}
	}
	if (missing == argc - optind) {
		vb_buf_release(&r.err);
		return VB_EXIT_FAILURE;
	}

	if (opts.aliases_path) {
		struct vb_aliases *check = NULL;
		if (vb_aliases_load(&check, opts.aliases_path, &r.err) < 0) {
			vb_error("%s", r.err.buf);
			vb_buf_release(&r.err);
			return VB_EXIT_FAILURE;
		}
		vb_aliases_free(check);
	}

	db = vb_db_path(db);
	if (vb_indexer_open(&r.ix, db, &opts, &r.err)) {
		vb_error("%s", r.err.buf);
		vb_buf_release(&r.err);
		return VB_EXIT_FAILURE;
	}

	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	if (r.progress)
		for (int i = optind; i < argc; i++)
			if (strcmp(argv[i], "-"))
				vb_walk_filtered(argv[i], &r.ingest, add_size,
						 ignore_report, &r.bytes_total);

	clock_gettime(CLOCK_MONOTONIC, &r.started);
	r.last_progress = r.started;
	for (int i = optind; i < argc && !interrupted && !r.fatal; i++) {
		struct stat st;
		if (!strcmp(argv[i], "-")) {
			index_file("-", "stdin", &r);
			continue;
		}
		if (stat(argv[i], &st) < 0) {
			r.n_failed++;    /* reported above */
			continue;
		}
		/* Documents remember their file by absolute path, so that
		 * --prune from another directory does not take every file
		 * for gone. */
		char *root = realpath(argv[i], NULL);
		vb_walk_filtered(root ? root : argv[i], &r.ingest, index_file,
				 on_report, &r);
		free(root);
	}

	int rc = VB_EXIT_OK;
	vb_buf_reset(&r.err);
	if (!r.fatal && vb_indexer_drain(r.ix, &r.err)) {
		vb_error("cannot index %s", r.err.buf);
		r.fatal = 1;
	}
	r.passages = vb_indexer_passages(r.ix);
	size_t nseg = vb_indexer_segments(r.ix);
	if (r.verbose && !r.quiet && nseg)
		fprintf(stderr, "%zu %s written by %u writers, merged\n", nseg,
			nseg == 1 ? "segment" : "segments", opts.jobs);
	if (prune && !interrupted && !r.fatal) {
		vb_buf_reset(&r.err);
		if (vb_indexer_prune(r.ix, &r.n_removed, &r.err)) {
			vb_error("cannot prune: %s", r.err.buf);
			rc = VB_EXIT_FAILURE;
		}
	}
	show_progress(&r, 1);
	vb_buf_reset(&r.err);
	if (vb_indexer_close(r.ix, &r.err)) {
		vb_error("cannot commit to '%s': %s", db, r.err.buf);
		rc = VB_EXIT_FAILURE;
	}
	double secs = seconds_since(&r.started);
	unsigned changed = r.n_new + r.n_updated + r.n_removed;
	if (!r.quiet || rc) {
		fprintf(stderr,
			"%s%u new, %u updated, %u unchanged, %u removed, %u failed; "
			"%zu passages; %.2f s, %.1f MB/s%s\n",
			interrupted ? "interrupted: " : "", r.n_new, r.n_updated,
			r.n_unchanged, r.n_removed, r.n_failed, r.passages, secs,
			secs > 0 ? (double)r.bytes_done / 1e6 / secs : 0.0,
			changed || interrupted ? "" : " (nothing changed)");
	}
	vb_buf_release(&r.err);
	if (interrupted || r.fatal || missing)
		return VB_EXIT_FAILURE;
	return rc;
}
