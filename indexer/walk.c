/* walk.c: walking a directory tree in a stable order, following symbolic links without looping. */
#include "ingest.h"
#include "ingest_priv.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/*
 * The directories already walked, by device and inode: a set, so that a
 * tree reachable twice through symbolic links is walked once and a link
 * to an ancestor does not loop.  Open addressing keeps it linear in the
 * number of directories.
 */
struct dir_id {
	dev_t dev;
	ino_t ino;
	bool used;
};

struct dir_set {
	struct dir_id *v;
	size_t n, cap;       /* cap is 0 or a power of two */
};

static size_t dir_slot(const struct dir_set *s, dev_t dev, ino_t ino)
{
	uint64_t h = vb_hash64(&ino, sizeof(ino), (uint64_t)dev);
	size_t i = (size_t)h & (s->cap - 1);

	while (s->v[i].used && (s->v[i].dev != dev || s->v[i].ino != ino))
		i = (i + 1) & (s->cap - 1);
	return i;
}

/* Add a directory; false when it was there already. */
static bool dir_set_add(struct dir_set *s, dev_t dev, ino_t ino)
{
	if ((s->n + 1) * 2 > s->cap) {
		struct dir_set bigger = { .cap = s->cap ? s->cap * 2 : 64 };
		bigger.v = vb_calloc(bigger.cap, sizeof(*bigger.v));
		for (size_t i = 0; i < s->cap; i++)
			if (s->v[i].used)
				bigger.v[dir_slot(&bigger, s->v[i].dev,
						  s->v[i].ino)] = s->v[i];
		bigger.n = s->n;
		free(s->v);
		*s = bigger;
	}
	size_t i = dir_slot(s, dev, ino);
	if (s->v[i].used)
		return false;
	s->v[i] = (struct dir_id){ .dev = dev, .ino = ino, .used = true };
	s->n++;
	return true;
}

struct walker {
	vb_walk_fn fn;
	void (*on_report)(const struct vb_ingest_report *r, void *ud);
	void *ud;
	const struct vb_ingest_opts *opts;   /* include/exclude; may be NULL */
	struct dir_set seen;
	struct vb_buf path;   /* the current path, as given plus names */
	struct vb_buf rel;    /* the same relative to the root */
};

/* Report a problem with the current path; the walk goes on without it. */
static void walk_report(struct walker *w, const char *message, int errnum)
{
	struct ingest_sink sink = {
		.path = w->path.buf,
		.on_report = w->on_report,
		.ud = w->ud,
	};
	if (errnum)
		ingest_report(&sink, 0, true, "%s: %s", message, strerror(errnum));
	else
		ingest_report(&sink, 0, true, "%s", message);
}

/* A note on the current path (--verbose): not a problem, nothing failed. */
static void walk_note(struct walker *w, const char *message)
{
	struct ingest_sink sink = {
		.path = w->path.buf,
		.on_report = w->on_report,
		.ud = w->ud,
	};
	ingest_note(&sink, "%s", message);
}

int vb_ingest_add_glob(struct vb_ingest_opts *opts, bool include,
		       const char *glob)
{
	const char **v = include ? opts->include : opts->exclude;
	size_t *n = include ? &opts->n_include : &opts->n_exclude;

	if (*n >= VB_INGEST_MAX_GLOBS)
		return -1;
	v[(*n)++] = glob;
	return 0;
}

/* True when a pattern matches the path relative to the root or its base name. */
static bool matches_any(const char *const *patterns, size_t n, const char *rel)
{
	const char *slash = strrchr(rel, '/');
	const char *base = slash ? slash + 1 : rel;

	for (size_t i = 0; i < n; i++)
		if (!fnmatch(patterns[i], rel, 0) || !fnmatch(patterns[i], base, 0))
			return true;
	return false;
}

/* Whether --include and --exclude let the current entry through. */
static bool wanted(const struct walker *w, bool is_dir)
{
	const struct vb_ingest_opts *o = w->opts;

	if (!o)
		return true;
	if (matches_any(o->exclude, o->n_exclude, w->rel.buf))
		return false;
	/* Includes name files: directories are entered to look for them. */
	return is_dir || !o->n_include ||
	       matches_any(o->include, o->n_include, w->rel.buf);
}

static const char *file_kind(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "a named pipe";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	return "not a regular file";
}

static int compare_names(const void *a, const void *b)
{
	/* strcmp compares as unsigned char: a bytewise order. */
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_dir(struct walker *w);

/* Visit w->path (already stat'ed into st). */
static int walk_entry(struct walker *w, const struct stat *st)
{
	if (!wanted(w, S_ISDIR(st->st_mode)))
		return 0;
	if (S_ISDIR(st->st_mode)) {
		if (!dir_set_add(&w->seen, st->st_dev, st->st_ino)) {
			walk_note(w, "directory already walked (symbolic link loop?), skipped");
			return 0;
		}
		return walk_dir(w);
	}
	/* Devices, sockets and pipes are not documents (and a pipe may block). */
	if (!S_ISREG(st->st_mode)) {
		struct vb_buf msg = VB_BUF_INIT;
		vb_buf_addf(&msg, "%s, not a regular file, skipped",
			    file_kind(st->st_mode));
		walk_report(w, msg.buf, 0);
		vb_buf_release(&msg);
		return 0;
	}
	return w->fn(w->path.buf, w->rel.buf, w->ud);
}

static int walk_dir(struct walker *w)
{
	char **names = NULL;
	size_t n = 0, alloc = 0;
	struct dirent *de;
	int ret = 0;

	DIR *dir = opendir(w->path.buf);
	if (!dir) {
		walk_report(w, "cannot open directory", errno);
		return 0;
	}
	for (;;) {
		errno = 0;
		de = readdir(dir);
		if (!de)
			break;
		/* Hidden names, and with them "." and "..". */
		if (de->d_name[0] == '.')
			continue;
		VB_ALLOC_GROW(names, n + 1, alloc);
		names[n++] = vb_strdup(de->d_name);
	}
	if (errno)
		walk_report(w, "cannot read directory", errno);
	closedir(dir);
	if (n > 1)
		qsort(names, n, sizeof(*names), compare_names);

	size_t path_len = w->path.len, rel_len = w->rel.len;
	for (size_t i = 0; i < n && !ret; i++) {
		struct stat st;

		if (path_len && w->path.buf[path_len - 1] != '/')
			vb_buf_addch(&w->path, '/');
		vb_buf_adds(&w->path, names[i]);
		if (rel_len)
			vb_buf_addch(&w->rel, '/');
		vb_buf_adds(&w->rel, names[i]);

		/* stat, not lstat: symbolic links are followed. */
		if (stat(w->path.buf, &st) < 0)
			walk_report(w, "cannot access", errno);
		else
			ret = walk_entry(w, &st);

		vb_buf_truncate(&w->path, path_len);
		vb_buf_truncate(&w->rel, rel_len);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ret;
}

int vb_walk(const char *root, vb_walk_fn fn,
	    void (*on_report)(const struct vb_ingest_report *r, void *ud),
	    void *ud)
{
	return vb_walk_filtered(root, NULL, fn, on_report, ud);
}

int vb_walk_filtered(const char *root, const struct vb_ingest_opts *opts,
		     vb_walk_fn fn,
		     void (*on_report)(const struct vb_ingest_report *r, void *ud),
		     void *ud)
{
	struct walker w = {
		.fn = fn,
		.opts = opts,
		.on_report = on_report,
		.ud = ud,
		.path = VB_BUF_INIT,
		.rel = VB_BUF_INIT,
	};
	struct stat st;
	int ret;

	vb_buf_adds(&w.path, root);
	if (stat(root, &st) < 0) {
		walk_report(&w, "cannot access", errno);
		ret = VB_INGEST_EIO;
	} else if (S_ISDIR(st.st_mode)) {
		dir_set_add(&w.seen, st.st_dev, st.st_ino);
		ret = walk_dir(&w);
	} else if (S_ISREG(st.st_mode)) {
		const char *slash = strrchr(root, '/');
		vb_buf_adds(&w.rel, slash ? slash + 1 : root);
		ret = fn(root, w.rel.buf, ud);
	} else {
		walk_report(&w, "not a regular file or directory, skipped", 0);
		ret = VB_INGEST_ESKIP;
	}
	vb_buf_release(&w.path);
	vb_buf_release(&w.rel);
	free(w.seen.v);
	return ret;
}
