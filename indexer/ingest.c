/* ingest.c: reading one source file into documents, and the helpers every reader shares. */
#include "ingest.h"
#include "ingest_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/text.h"

/* Sniffing for binary content looks at this many leading bytes. */
#define SNIFF_BYTES 8192

void vb_doc_release(struct vb_doc *doc)
{
	free(doc->id);
	free(doc->title);
	free(doc->date);
	free(doc->source);
	free(doc->url);
	free(doc->lang);
	free(doc->type);
	free(doc->author);
	free(doc->speaker);
	free(doc->extra);
	free(doc->path);
	free(doc->body);
	memset(doc, 0, sizeof(*doc));
}

uint64_t vb_hash64(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ULL ^ seed;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void ingest_report(const struct ingest_sink *sink, unsigned line, bool skipped,
		   const char *fmt, ...)
{
	struct vb_buf msg = VB_BUF_INIT;
	va_list ap;

	if (!sink || !sink->on_report)
		return;
	va_start(ap, fmt);
	vb_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	struct vb_ingest_report r = {
		.path = sink->path,
		.line = line,
		.skipped = skipped,
		.message = msg.buf,
	};
	sink->on_report(&r, sink->ud);
	vb_buf_release(&msg);
}

void ingest_note(const struct ingest_sink *sink, const char *fmt, ...)
{
	struct vb_buf msg = VB_BUF_INIT;
	va_list ap;

	if (!sink || !sink->on_report)
		return;
	va_start(ap, fmt);
	vb_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	struct vb_ingest_report r = {
		.path = sink->path,
		.note = true,
		.message = msg.buf,
	};
	sink->on_report(&r, sink->ud);
	vb_buf_release(&msg);
}

/* ---- fields ------------------------------------------------------------- */

static const struct {
	const char *key;
	enum ingest_field field;
} field_keys[] = {
	{ "id", INGEST_FIELD_ID },
	{ "title", INGEST_FIELD_TITLE },
	{ "date", INGEST_FIELD_DATE },
	{ "source", INGEST_FIELD_SOURCE },
	{ "url", INGEST_FIELD_URL },
	{ "lang", INGEST_FIELD_LANG },
	{ "language", INGEST_FIELD_LANG },
	{ "type", INGEST_FIELD_TYPE },
	{ "author", INGEST_FIELD_AUTHOR },
	{ "speaker", INGEST_FIELD_SPEAKER },
};

enum ingest_field ingest_field_lookup(const char *key)
{
	for (size_t i = 0; i < sizeof(field_keys) / sizeof(field_keys[0]); i++)
		if (!strcasecmp(key, field_keys[i].key))
			return field_keys[i].field;
	return INGEST_FIELD_NONE;
}

bool ingest_field_is_list(enum ingest_field f)
{
	return f == INGEST_FIELD_AUTHOR || f == INGEST_FIELD_SPEAKER;
}

static char **field_slot(struct vb_doc *doc, enum ingest_field f)
{
	switch (f) {
	case INGEST_FIELD_ID: return &doc->id;
	case INGEST_FIELD_TITLE: return &doc->title;
	case INGEST_FIELD_DATE: return &doc->date;
	case INGEST_FIELD_SOURCE: return &doc->source;
	case INGEST_FIELD_URL: return &doc->url;
	case INGEST_FIELD_LANG: return &doc->lang;
	case INGEST_FIELD_TYPE: return &doc->type;
	case INGEST_FIELD_AUTHOR: return &doc->author;
	case INGEST_FIELD_SPEAKER: return &doc->speaker;
	case INGEST_FIELD_NONE: break;
	}
	return NULL;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Shorten s[0..len) to at most max bytes without splitting a character. */
static size_t cap_utf8(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

void ingest_field_set(struct vb_doc *doc, enum ingest_field f,
		      const char *value, size_t len, const char *key,
		      unsigned line, const struct ingest_sink *sink)
{
	char **slot = field_slot(doc, f);
	if (!slot)
		return;
	while (len && is_space((unsigned char)value[0])) {
		value++;
		len--;
	}
	while (len && is_space((unsigned char)value[len - 1]))
		len--;
	if (!len)
		return;

	char *text = ingest_text_dup(value, len, &doc->invalid_utf8);
	if (f == INGEST_FIELD_DATE) {
		char date[11];
		if (!ingest_normalize_date(text, strlen(text), date)) {
			/* The value is repaired, so capping it keeps it valid. */
			size_t shown = cap_utf8(text, strlen(text), 60);
			ingest_report(sink, line, false,
				      "invalid date '%.*s'%s at line %u (expected YYYY, YYYY-MM or YYYY-MM-DD), dropped",
				      (int)shown, text,
				      shown < strlen(text) ? "..." : "", line);
			free(text);
			return;
		}
		free(text);
		text = vb_strdup(date);
	} else if (f == INGEST_FIELD_LANG) {
		/* Tags compare case-insensitively; "en_US" is the POSIX spelling of "en-us". */
		for (char *p = text; *p; p++) {
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
			else if (*p == '_')
				*p = '-';
		}
	}
	if (*slot) {
		ingest_report(sink, line, false,
			      "duplicate key '%s' at line %u, the last value is used",
			      key, line);
		free(*slot);
	}
	*slot = text;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static unsigned number(const char *s, size_t n)
{
	unsigned v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	return v;
}

static unsigned days_in_month(unsigned year, unsigned month)
{
	static const unsigned days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/* Count leading digits of s[0..len), at most max. */
static size_t span_digits(const char *s, size_t len, size_t max)
{
	size_t n = 0;
	while (n < len && n < max && s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/*
 * The time part of an ISO 8601 or YAML timestamp after the date and its
 * separator: h[h]:mm[:ss[.frac]] then optional spaces and a zone (Z,
 * +hh, +hh:mm, +hhmm).
 */
static bool valid_time(const char *s, size_t len)
{
	size_t i = 0, n;

	n = span_digits(s, len, 2);
	if (!n || number(s, n) > 24)
		return false;
	i += n;
	if (i + 3 > len || s[i] != ':' || !digits(s + i + 1, 2) ||
	    number(s + i + 1, 2) > 59)
		return false;
	i += 3;
	if (i < len && s[i] == ':') {
		if (i + 3 > len || !digits(s + i + 1, 2) ||
		    number(s + i + 1, 2) > 60)
			return false;
		i += 3;
		if (i < len && (s[i] == '.' || s[i] == ',')) {
			n = span_digits(s + i + 1, len - i - 1, (size_t)-1);
			if (!n)
				return false;
			i += 1 + n;
		}
	}
	while (i < len && s[i] == ' ')
		i++;
	if (i == len)
		return true;
	if ((s[i] == 'Z' || s[i] == 'z') && i + 1 == len)
		return true;
	if (s[i] != '+' && s[i] != '-')
		return false;
	i++;
	n = span_digits(s + i, len - i, 2);
	if (!n || number(s + i, n) > 14)
		return false;
	i += n;
	if (i == len)
		return true;
	if (s[i] == ':')
		i++;
	return i + 2 == len && digits(s + i, 2) && number(s + i, 2) <= 59;
}

bool ingest_normalize_date(const char *s, size_t len, char out[11])
{
	while (len && is_space((unsigned char)s[0])) {
		s++;
		len--;
	}
	while (len && is_space((unsigned char)s[len - 1]))
		len--;

	if (len < 4 || !digits(s, 4) || number(s, 4) == 0)
		return false;
	if (len == 4)
		goto ok;
	if (len < 7 || s[4] != '-' || !digits(s + 5, 2))
		return false;
	unsigned month = number(s + 5, 2);
	if (month < 1 || month > 12)
		return false;
	if (len == 7)
		goto ok;
	if (len < 10 || s[7] != '-' || !digits(s + 8, 2))
		return false;
	unsigned day = number(s + 8, 2);
	if (day < 1 || day > days_in_month(number(s, 4), month))
		return false;
	if (len == 10)
		goto ok;
	/* A timestamp: only its date part is kept, as written (local date). */
	if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    !valid_time(s + 11, len - 11))
		return false;
	len = 10;
ok:
	memcpy(out, s, len);
	out[len] = '\0';
	return true;
}

char *ingest_text_dup(const char *s, size_t len, size_t *invalid)
{
	if (vb_utf8_valid(s, len))
		return vb_strndup(s, len);

	struct vb_buf b = VB_BUF_INIT;
	*invalid += vb_utf8_repair(s, len, &b);
	return vb_buf_detach(&b, NULL);
}

char *ingest_title_from_body(const char *body, size_t len, bool *excerpt)
{
	size_t i = 0;

	*excerpt = false;
	/* Leading white space covers blank lines and the line's indentation. */
	while (i < len && is_space((unsigned char)body[i]))
		i++;
	if (i == len)
		return NULL;

	/* Look no further than the cap: a single-line document may be huge. */
	size_t window = len - i < INGEST_TITLE_MAX + 1 ? len - i : INGEST_TITLE_MAX + 1;
	const char *nl = memchr(body + i, '\n', window);
	size_t n = nl ? (size_t)(nl - (body + i)) : window;
	if (n > INGEST_TITLE_MAX) {
		/* Longer than a heading: a paragraph.  Its first words, cut
		 * after a word where there are spaces (not in Chinese). */
		size_t cut = cap_utf8(body + i, n, INGEST_TITLE_EXCERPT);
		size_t at = cut;
		while (at && body[i + at] != ' ')
			at--;
		if (at > INGEST_TITLE_EXCERPT / 2)
			cut = at;
		while (cut && (is_space((unsigned char)body[i + cut - 1]) ||
			       (body[i + cut - 1] && strchr(",;:-", body[i + cut - 1]))))
			cut--;
		char *t = vb_malloc(cut + sizeof("\u2026"));
		memcpy(t, body + i, cut);
		memcpy(t + cut, "\u2026", sizeof("\u2026"));
		*excerpt = true;
		return t;
	}
	while (n && is_space((unsigned char)body[i + n - 1]))
		n--;
	return n ? vb_strndup(body + i, n) : NULL;
}

void ingest_default_title(struct vb_doc *doc)
{
	if (!doc->title)
		doc->title = ingest_title_from_body(doc->body, doc->body_len,
						    &doc->title_excerpt);
}

bool ingest_is_blank(const char *s, size_t len)
{
	size_t i = 0;

	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	for (; i < len; i++)
		if (!is_space((unsigned char)s[i]))
			return false;
	return true;
}

/* ---- files -------------------------------------------------------------- */

static bool has_suffix_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcasecmp(s + n - m, suffix);
}

static enum vb_format detect_format(const char *path, enum vb_format asked)
{
	if (asked != VB_FORMAT_AUTO)
		return asked;
	if (!strcmp(path, "-") || has_suffix_ci(path, ".jsonl") ||
	    has_suffix_ci(path, ".ndjson"))
		return VB_FORMAT_JSONL;
	if (has_suffix_ci(path, ".html") || has_suffix_ci(path, ".htm"))
		return VB_FORMAT_HTML;
	/* Text or HTML: the content decides. */
	return VB_FORMAT_AUTO;
}

/*
 * What the leading bytes of a file say about it.  NUL bytes do not occur in
 * text we can read; many other control characters mean a binary format
 * that merely lacks NULs.  Escape (ANSI colours in logs) is not counted.
 */
enum sniff { SNIFF_TEXT, SNIFF_BINARY, SNIFF_UTF16 };

static enum sniff sniff_bytes(const unsigned char *p, size_t n)
{
	size_t control = 0;

	if (n > SNIFF_BYTES)
		n = SNIFF_BYTES;
	if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) ||
		       (p[0] == 0xFE && p[1] == 0xFF)))
		return SNIFF_UTF16;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c == 0)
			return SNIFF_BINARY;
		if ((c < 0x20 && !is_space(c) && c != 0x1B) || c == 0x7F)
			control++;
	}
	return control * 10 > n ? SNIFF_BINARY : SNIFF_TEXT;
}

/* Report a sniffing verdict; true when the file is to be skipped. */
static bool skip_if_binary(const struct ingest_sink *sink, enum sniff s)
{
	if (s == SNIFF_BINARY) {
		ingest_report(sink, 0, true, "binary file, skipped");
		return true;
	}
	return false;
}

void ingest_add_size(struct vb_buf *b, uint64_t n)
{
	const double mb = 1024.0 * 1024.0;
	if (n < 1024)
		vb_buf_addf(b, "%llu bytes", (unsigned long long)n);
	else if (n < 1024 * 1024)
		vb_buf_addf(b, "%llu KB", (unsigned long long)((n + 512) / 1024));
	else if (n < 10 * 1024 * 1024)
		vb_buf_addf(b, "%.1f MB", (double)n / mb);
	else
		vb_buf_addf(b, "%.0f MB", (double)n / mb);
}

static void report_too_large(const struct ingest_sink *sink, uint64_t size,
			     bool size_known, uint64_t max)
{
	struct vb_buf a = VB_BUF_INIT, b = VB_BUF_INIT;
	if (!size_known)
		vb_buf_adds(&a, "more");
	else
		ingest_add_size(&a, size);
	ingest_add_size(&b, max);
	ingest_report(sink, 0, true, "file too large (%s > %s), skipped",
		      a.buf, b.buf);
	vb_buf_release(&a);
	vb_buf_release(&b);
}

/*
 * Read all of fd into `out`.  Returns 0, an errno value, or -1 when more
 * than `max` bytes (0: no limit) are there.  `hint` is the expected size,
 * so that a regular file is read into one allocation.
 */
static int read_all(int fd, size_t hint, size_t max, struct vb_buf *out)
{
	vb_buf_grow(out, hint + 1);
	for (;;) {
		if (out->alloc - out->len < 4096)
			vb_buf_grow(out, out->alloc);
		size_t room = out->alloc - out->len - 1;
		ssize_t n = read(fd, out->buf + out->len, room);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->buf[out->len] = '\0';
		if (max && out->len > max)
			return -1;
	}
	return 0;
}

/*
 * A text or HTML document from the bytes of a whole file, which it
 * releases: converted to UTF-8 when it is in another encoding, then parsed
 * as `format` (AUTO: HTML when it starts like a page, else text).
 */
static int ingest_document(struct vb_buf *raw, enum vb_format format,
			   const char *id, const struct vb_ingest_cb *cb,
			   const struct ingest_sink *sink)
{
	struct vb_buf utf8 = VB_BUF_INIT;
	const char *data = raw->buf;
	size_t len = raw->len;
	struct ingest_charset cs;
	struct vb_doc doc;
	int ret;

	if (skip_if_binary(sink, sniff_bytes((const unsigned char *)data, len))) {
		vb_buf_release(raw);
		return VB_INGEST_ESKIP;
	}
	bool markup = format == VB_FORMAT_HTML ||
		      (format == VB_FORMAT_AUTO && ingest_looks_like_html(data, len));
	int rc = ingest_decode(data, len, markup, &utf8, &cs, sink);
	if (rc < 0) {
		vb_buf_release(raw);
		return VB_INGEST_ESKIP;
	}
	if (rc > 0) {
		vb_buf_release(raw);
		data = utf8.buf;
		len = utf8.len;
		/* What a BOM hid from the first look. */
		if (format == VB_FORMAT_AUTO)
			markup = ingest_looks_like_html(data, len);
	}
	if (markup)
		ret = ingest_html_doc(data, len, id, &doc, sink);
	else
		ret = ingest_text_doc(data, len, id, &doc, sink);
	/* The body may be a good share of memory: let go of the bytes first. */
	vb_buf_release(raw);
	vb_buf_release(&utf8);
	if (ret)
		return ret;
	if (cb && cb->on_doc)
		ret = cb->on_doc(&doc, cb->ud);
	vb_doc_release(&doc);
	return ret;
}

/*
 * Read a regular file or a pipe whole into `data`, within the size limit.
 * Returns 0 or the reader's status (reported).
 */
static int read_file(int fd, const struct stat *st, size_t max,
		     struct vb_buf *data, const struct ingest_sink *sink)
{
	bool regular = S_ISREG(st->st_mode);

	if (regular && max && (uint64_t)st->st_size > max) {
		report_too_large(sink, (uint64_t)st->st_size, true, max);
		return VB_INGEST_ESKIP;
	}
	int rc = read_all(fd, regular ? (size_t)st->st_size : 0, max, data);
	if (rc == -1) {
		/* It grew while we read it, or it is a pipe. */
		report_too_large(sink, data->len, regular, max);
		return VB_INGEST_ESKIP;
	}
	if (rc) {
		ingest_report(sink, 0, true, "cannot read: %s", strerror(rc));
		return VB_INGEST_EIO;
	}
	return 0;
}

static int ingest_text_fd(int fd, const struct stat *st, const char *path,
			  const char *id_base, enum vb_format format,
			  const struct vb_ingest_opts *opts,
			  const struct vb_ingest_cb *cb,
			  const struct ingest_sink *sink)
{
	struct vb_buf data = VB_BUF_INIT;
	int ret = read_file(fd, st, opts ? opts->max_file_size : 0, &data, sink);

	if (!ret)
		ret = ingest_document(&data, format, id_base ? id_base : path,
				      cb, sink);
	vb_buf_release(&data);
	return ret;
}

/*
 * JSON Lines in UTF-16 (by its BOM): records are lines, and a line of
 * UTF-16 is no line of bytes, so the whole file is converted first and
 * read from memory.
 */
static int ingest_jsonl_utf16(int fd, const struct stat *st, const char *path,
			      const char *id_base,
			      const struct vb_ingest_opts *opts,
			      const struct vb_ingest_cb *cb,
			      const struct ingest_sink *sink)
{
	struct vb_buf data = VB_BUF_INIT, utf8 = VB_BUF_INIT;
	struct ingest_charset cs;
	int ret = read_file(fd, st, opts ? opts->max_file_size : 0, &data, sink);

	if (ret)
		goto out;
	if (ingest_decode(data.buf, data.len, false, &utf8, &cs, sink) <= 0) {
		ret = VB_INGEST_ESKIP;
		goto out;
	}
	vb_buf_release(&data);
	FILE *f = fmemopen(utf8.buf, utf8.len ? utf8.len : 1, "r");
	if (!f) {
		ingest_report(sink, 0, true, "cannot read: %s", strerror(errno));
		ret = VB_INGEST_EIO;
		goto out;
	}
	ret = ingest_jsonl_stream(f, path, id_base, opts, cb);
	fclose(f);
out:
	vb_buf_release(&data);
	vb_buf_release(&utf8);
	return ret;
}

static int ingest_jsonl_fd(int fd, const struct stat *st, const char *path,
			   const char *id_base, const struct vb_ingest_opts *opts,
			   const struct vb_ingest_cb *cb,
			   const struct ingest_sink *sink)
{
	FILE *f = stdin;
	int ret;

	/* Only a regular file can be looked at before it is read. */
	if (S_ISREG(st->st_mode)) {
		unsigned char head[SNIFF_BYTES];
		ssize_t n;
		do
			n = pread(fd, head, sizeof(head), 0);
		while (n < 0 && errno == EINTR);
		if (n < 0) {
			ingest_report(sink, 0, true, "cannot read: %s",
				      strerror(errno));
			ret = VB_INGEST_EIO;
			goto out;
		}
		enum sniff sniff = sniff_bytes(head, (size_t)n);
		if (sniff == SNIFF_UTF16) {
			ret = ingest_jsonl_utf16(fd, st, path, id_base, opts,
						 cb, sink);
			goto out;
		}
		if (skip_if_binary(sink, sniff)) {
			ret = VB_INGEST_ESKIP;
			goto out;
		}
	}
	if (fd != STDIN_FILENO) {
		f = fdopen(fd, "r");
		if (!f) {
			ingest_report(sink, 0, true, "cannot read: %s",
				      strerror(errno));
			ret = VB_INGEST_EIO;
			goto out;
		}
	}
	ret = ingest_jsonl_stream(f, path, id_base, opts, cb);
	if (f != stdin) {
		fclose(f);
		return ret;
	}
out:
	if (fd != STDIN_FILENO)
		close(fd);
	return ret;
}

int vb_ingest_file(const char *path, const char *id_base,
		   const struct vb_ingest_opts *opts,
		   const struct vb_ingest_cb *cb)
{
	struct ingest_sink sink = {
		.path = path,
		.on_report = cb ? cb->on_report : NULL,
		.ud = cb ? cb->ud : NULL,
	};
	bool is_stdin = !strcmp(path, "-");
	enum vb_format format = detect_format(path, opts ? opts->format
						       : VB_FORMAT_AUTO);
	struct stat st;
	int fd, ret;

	if (is_stdin) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			ingest_report(&sink, 0, true, "cannot open: %s",
				      strerror(errno));
			return VB_INGEST_EIO;
		}
	}
	if (fstat(fd, &st) < 0) {
		ingest_report(&sink, 0, true, "cannot read: %s", strerror(errno));
		ret = VB_INGEST_EIO;
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		ingest_report(&sink, 0, true, "cannot read: %s", strerror(EISDIR));
		ret = VB_INGEST_EIO;
		goto out;
	}
	if (format == VB_FORMAT_JSONL) {
		/* It closes fd itself, through the stream it opens on it. */
		return ingest_jsonl_fd(fd, &st, path, id_base, opts, cb, &sink);
	}
	ret = ingest_text_fd(fd, &st, path, id_base, format, opts, cb, &sink);
out:
	if (!is_stdin)
		close(fd);
	return ret;
}

/* ---- error buffers for the public parsers ------------------------------- */

void ingest_collect_report(const struct vb_ingest_report *r, void *ud)
{
	struct ingest_collect *c = ud;
	struct vb_buf *to = r->skipped ? &c->reason : &c->warnings;

	if (to->len)
		vb_buf_addch(to, '\n');
	vb_buf_adds(to, r->message);
}

int ingest_collect_finish(struct ingest_collect *c, int ret)
{
	struct vb_buf *from = ret ? &c->reason : &c->warnings;

	if (c->err)
		vb_buf_add(c->err, from->buf, from->len);
	vb_buf_release(&c->reason);
	vb_buf_release(&c->warnings);
	return ret ? -1 : 0;
}
