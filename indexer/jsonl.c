/* jsonl.c: JSON Lines, one document per line, parsed with jansson. */
#include "ingest.h"
#include "ingest_priv.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "text/text.h"

#define BOM "\xEF\xBB\xBF"

/* A number as field text: ids and years are often written as numbers. */
static bool number_text(const json_t *v, char *out, size_t size)
{
	if (json_is_integer(v)) {
		snprintf(out, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return true;
	}
	if (json_is_real(v)) {
		snprintf(out, size, "%.17g", json_real_value(v));
		return true;
	}
	return false;
}

static void set_from_json(struct vb_doc *doc, enum ingest_field f,
			  const char *key, json_t *v, unsigned lineno,
			  const struct ingest_sink *sink)
{
	char num[64];

	if (json_is_null(v))
		return;
	if (json_is_string(v)) {
		ingest_field_set(doc, f, json_string_value(v), json_string_length(v),
				 key, lineno, sink);
		return;
	}
	if (number_text(v, num, sizeof(num))) {
		ingest_field_set(doc, f, num, strlen(num), key, lineno, sink);
		return;
	}
	if (json_is_array(v) && ingest_field_is_list(f)) {
		struct vb_buf joined = VB_BUF_INIT;
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) {
			if (!json_is_string(item))
				continue;
			if (joined.len)
				vb_buf_adds(&joined, ", ");
			vb_buf_add(&joined, json_string_value(item),
				   json_string_length(item));
		}
		ingest_field_set(doc, f, joined.buf, joined.len, key, lineno, sink);
		vb_buf_release(&joined);
		return;
	}
	ingest_report(sink, lineno, false,
		      "ignored '%s' at line %u: expected a string", key, lineno);
}

int ingest_jsonl_record(const char *line, size_t len, unsigned lineno,
			const char *default_id, struct vb_doc *doc,
			const struct ingest_sink *sink)
{
	struct vb_buf repaired = VB_BUF_INIT;
	const char *json = line;
	size_t json_len = len, invalid = 0;
	json_t *root, *text = NULL, *extra = NULL, *value;
	json_error_t jerr;
	const char *key;
	int ret = VB_INGEST_ESKIP;

	memset(doc, 0, sizeof(*doc));
	/*
	 * jansson refuses invalid UTF-8 outright; repairing first keeps the
	 * record, with a warning, as for text files.
	 */
	if (!vb_utf8_valid(line, len)) {
		invalid = vb_utf8_repair(line, len, &repaired);
		json = repaired.buf;
		json_len = repaired.len;
	}
	/*
	 * "\u0000" is accepted here and becomes U+FFFD in ingest_text_dup();
	 * any value is decoded, so that a record that is valid JSON but not an
	 * object is reported as such.
	 */
	root = json_loadb(json, json_len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &jerr);
	vb_buf_release(&repaired);
	if (!root) {
		ingest_report(sink, lineno, true,
			      "invalid JSON at line %u: %s (column %d), skipped",
			      lineno, jerr.text, jerr.column);
		return ret;
	}
	if (!json_is_object(root)) {
		ingest_report(sink, lineno, true,
			      "not a JSON object at line %u, skipped", lineno);
		goto out;
	}
	json_object_foreach(root, key, value)
		if (!strcasecmp(key, "text"))
			text = value;
	if (!text) {
		ingest_report(sink, lineno, true,
			      "missing 'text' at line %u, skipped", lineno);
		goto out;
	}
	if (!json_is_string(text)) {
		ingest_report(sink, lineno, true,
			      "'text' is not a string at line %u, skipped", lineno);
		goto out;
	}
	if (ingest_is_blank(json_string_value(text), json_string_length(text))) {
		ingest_report(sink, lineno, true,
			      "empty 'text' at line %u, skipped", lineno);
		goto out;
	}

	doc->path = vb_strdup(sink->path ? sink->path : "");
	doc->line = lineno;
	doc->body_line = lineno;
	doc->body = ingest_text_dup(json_string_value(text),
				    json_string_length(text), &doc->invalid_utf8);
	doc->body_len = strlen(doc->body);
	doc->hash = vb_hash64(line, len, 0);

	json_object_foreach(root, key, value) {
		if (value == text)
			continue;
		enum ingest_field f = ingest_field_lookup(key);
		if (f != INGEST_FIELD_NONE) {
			set_from_json(doc, f, key, value, lineno, sink);
			continue;
		}
		if (!extra)
			extra = json_object();
		json_object_set(extra, key, value);
	}
	if (extra)
		doc->extra = json_dumps(extra, JSON_COMPACT);
	if (invalid) {
		doc->invalid_utf8 += invalid;
		ingest_report(sink, lineno, false,
			      "invalid UTF-8 at line %u (%zu %s replaced by U+FFFD)",
			      lineno, invalid,
			      invalid == 1 ? "sequence" : "sequences");
	}
	ingest_default_title(doc);
	if (!doc->id)
		doc->id = vb_strdup(default_id ? default_id : doc->path);
	ret = 0;
out:
	json_decref(extra);
	json_decref(root);
	return ret;
}

int ingest_jsonl_stream(FILE *f, const char *path, const char *id_base,
			const struct vb_ingest_opts *opts,
			const struct vb_ingest_cb *cb)
{
	struct ingest_sink sink = {
		.path = path,
		.on_report = cb ? cb->on_report : NULL,
		.ud = cb ? cb->ud : NULL,
	};
	size_t max = opts ? opts->max_file_size : 0;
	const char *base = id_base ? id_base : path;
	struct vb_buf id = VB_BUF_INIT;
	char *line = NULL;
	size_t cap = 0, records = 0;
	unsigned lineno = 0;
	ssize_t n;
	int ret = 0;

	/* getline() reuses one buffer: memory follows the longest line. */
	errno = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		const char *rec = line;
		size_t len = (size_t)n;
		struct vb_doc doc;

		lineno++;
		if (len && rec[len - 1] == '\n')
			len--;
		if (len && rec[len - 1] == '\r')
			len--;
		if (lineno == 1 && len >= 3 && !memcmp(rec, BOM, 3)) {
			rec += 3;
			len -= 3;
		}
		if (ingest_is_blank(rec, len))
			continue;
		records++;
		/* In a collection of records, the size limit is per record. */
		if (max && len > max) {
			struct vb_buf a = VB_BUF_INIT, b = VB_BUF_INIT;
			ingest_add_size(&a, len);
			ingest_add_size(&b, max);
			ingest_report(&sink, lineno, true,
				      "record too large (%s > %s) at line %u, skipped",
				      a.buf, b.buf, lineno);
			vb_buf_release(&a);
			vb_buf_release(&b);
			continue;
		}
		vb_buf_reset(&id);
		vb_buf_addf(&id, "%s#L%u", base, lineno);
		if (ingest_jsonl_record(rec, len, lineno, id.buf, &doc, &sink))
			continue;
		if (cb && cb->on_doc)
			ret = cb->on_doc(&doc, cb->ud);
		vb_doc_release(&doc);
		if (ret)
			break;
		errno = 0;
	}
	if (!ret && ferror(f)) {
		int e = errno ? errno : EIO;
		ingest_report(&sink, lineno + 1, true, "cannot read at line %u: %s",
			      lineno + 1, strerror(e));
		ret = VB_INGEST_EIO;
	} else if (!ret && !records) {
		ingest_report(&sink, 0, true, "empty file, skipped");
		ret = VB_INGEST_ESKIP;
	}
	free(line);
	vb_buf_release(&id);
	return ret;
}

int vb_parse_jsonl_record(const char *line, size_t len, const char *path,
			  unsigned lineno, const char *default_id,
			  struct vb_doc *doc, struct vb_buf *err)
{
	struct ingest_collect c = {
		.err = err,
		.reason = VB_BUF_INIT,
		.warnings = VB_BUF_INIT,
	};
	struct ingest_sink sink = {
		.path = path,
		.on_report = ingest_collect_report,
		.ud = &c,
	};
	return ingest_collect_finish(&c, ingest_jsonl_record(line, len, lineno,
							     default_id, doc,
							     &sink));
}
