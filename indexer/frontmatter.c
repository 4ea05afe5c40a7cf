/* frontmatter.c: text documents, with their optional YAML front matter parsed by libyaml. */
#include "ingest.h"
#include "ingest_priv.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <yaml.h>

#include "text/text.h"

/*
 * The closing delimiter must come within this many bytes of the opening
 * one.  Front matter is a few lines of metadata; a file that opens with
 * "---" and has no closing line near the top is reported rather than having
 * its whole text read as YAML.
 */
#define FRONT_MATTER_MAX (64 * 1024)

/*
 * Limits on turning YAML values into JSON for `extra`.  Aliases make the
 * YAML document a graph (an anchor may even contain an alias to itself), so
 * a walk over it must be bounded in depth and in the nodes it visits.
 */
#define YAML_MAX_DEPTH 32
#define YAML_MAX_NODES 10000

#define BOM "\xEF\xBB\xBF"

struct front_matter {
	struct vb_doc *doc;
	const struct ingest_sink *sink;
	yaml_document_t *yaml;
	unsigned first_line;     /* the file line of the YAML's first line */
	size_t budget;           /* nodes left to visit for `extra` */
	bool truncated;          /* a value in `extra` hit a limit */
};

/*
 * Length of a delimiter line at s[0..len) made of `mark` ("---" or "..."),
 * trailing blanks allowed, including its line end; 0 when it is not one.
 */
static size_t delimiter_line(const char *s, size_t len, const char *mark)
{
	size_t i = 3;

	if (len < 3 || memcmp(s, mark, 3))
		return 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < len && s[i] == '\r')
		i++;
	if (i == len)
		return i;
	return s[i] == '\n' ? i + 1 : 0;
}

static unsigned mark_line(const struct front_matter *fm, yaml_mark_t mark)
{
	return fm->first_line + (unsigned)mark.line;
}

/*
 * Report why libyaml gave up, at the line of the file where the user
 * should look.  For an unclosed quote or bracket and a key without its
 * colon, libyaml's problem mark is where it noticed (often the next line,
 * or the end); the context mark is where the construct began, which is
 * where the mistake is.
 */
static void report_yaml_error(const yaml_parser_t *p, const char *yaml,
			      size_t len, unsigned first_line,
			      const struct ingest_sink *sink)
{
	const char *problem = p->problem ? p->problem : "unknown error";
	const char *context = NULL;
	unsigned line = first_line;

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		problem = "out of memory";
		break;
	case YAML_READER_ERROR:
		/* Reader errors carry a byte offset rather than a mark. */
		for (size_t i = 0; i < p->problem_offset && i < len; i++)
			line += yaml[i] == '\n';
		break;
	default:
		line = first_line + (unsigned)p->problem_mark.line;
		if (p->context && (strstr(p->context, "simple key") ||
				   strstr(p->context, "quoted scalar") ||
				   strstr(p->context, "flow"))) {
			context = p->context;
			line = first_line + (unsigned)p->context_mark.line;
		}
		break;
	}
	ingest_report(sink, line, true, "invalid front matter: %s%s%s at line %u",
		      problem, context ? " " : "", context ? context : "", line);
}

static const char *scalar_text(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* YAML 1.2 core schema: the plain scalars that mean "no value". */
static bool scalar_is_null(const yaml_node_t *n)
{
	const char *v = scalar_text(n);

	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return n->data.scalar.length == 0 || !strcmp(v, "~") ||
	       !strcmp(v, "null") || !strcmp(v, "Null") || !strcmp(v, "NULL");
}

/*
 * A scalar for `extra`: plain null, booleans and decimal integers become
 * JSON null, true/false and numbers (YAML 1.2 core schema, so "yes" and
 * "no" stay text); everything else stays text exactly as written, so
 * "1.10" or "2008-02-04" are not reinterpreted.
 */
static json_t *scalar_to_json(struct front_matter *fm, const yaml_node_t *n)
{
	const char *v = scalar_text(n);
	size_t len = n->data.scalar.length;

	if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		if (scalar_is_null(n))
			return json_null();
		if (!strcmp(v, "true") || !strcmp(v, "True") || !strcmp(v, "TRUE"))
			return json_true();
		if (!strcmp(v, "false") || !strcmp(v, "False") || !strcmp(v, "FALSE"))
			return json_false();
		size_t i = (v[0] == '-' || v[0] == '+') ? 1 : 0;
		size_t ndigits = strspn(v + i, "0123456789");
		/* Leading zeros ("007") are identifiers, not numbers. */
		if (ndigits && i + ndigits == len && ndigits <= 18 &&
		    (v[i] != '0' || ndigits == 1))
			return json_integer(strtoll(v, NULL, 10));
	}
	char *text = ingest_text_dup(v, len, &fm->doc->invalid_utf8);
	json_t *j = json_string(text);
	free(text);
	return j ? j : json_null();
}

static json_t *node_to_json(struct front_matter *fm, yaml_node_t *n,
			    unsigned depth)
{
	if (!n)
		return json_null();
	if (depth > YAML_MAX_DEPTH || !fm->budget) {
		fm->truncated = true;
		return json_null();
	}
	fm->budget--;

	switch (n->type) {
	case YAML_SCALAR_NODE:
		return scalar_to_json(fm, n);
	case YAML_SEQUENCE_NODE: {
		json_t *a = json_array();
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++)
			json_array_append_new(a, node_to_json(fm,
				yaml_document_get_node(fm->yaml, *it), depth + 1));
		return a;
	}
	case YAML_MAPPING_NODE: {
		json_t *o = json_object();
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
		     p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(fm->yaml, p->key);
			if (!k || k->type != YAML_SCALAR_NODE) {
				fm->truncated = true;
				continue;
			}
			char *key = ingest_text_dup(scalar_text(k),
						    k->data.scalar.length,
						    &fm->doc->invalid_utf8);
			json_object_set_new(o, key, node_to_json(fm,
				yaml_document_get_node(fm->yaml, p->value),
				depth + 1));
			free(key);
		}
		return o;
	}
	case YAML_NO_NODE:
		break;
	}
	return json_null();
}

/* author: [A, B] -> "A, B"; items that are not plain text are left out. */
static void join_sequence(struct front_matter *fm, const yaml_node_t *n,
			  struct vb_buf *out)
{
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(fm->yaml, *it);
		if (!item || item->type != YAML_SCALAR_NODE || scalar_is_null(item))
			continue;
		if (out->len)
			vb_buf_adds(out, ", ");
		vb_buf_add(out, scalar_text(item), item->data.scalar.length);
	}
}

static void set_known_field(struct front_matter *fm, enum ingest_field f,
			    const char *key, yaml_node_t *value)
{
	unsigned line = mark_line(fm, value->start_mark);

	if (value->type == YAML_SCALAR_NODE) {
		if (!scalar_is_null(value))
			ingest_field_set(fm->doc, f, scalar_text(value),
					 value->data.scalar.length, key, line,
					 fm->sink);
	} else if (value->type == YAML_SEQUENCE_NODE && ingest_field_is_list(f)) {
		struct vb_buf joined = VB_BUF_INIT;
		join_sequence(fm, value, &joined);
		ingest_field_set(fm->doc, f, joined.buf, joined.len, key, line,
				 fm->sink);
		vb_buf_release(&joined);
	} else {
		ingest_report(fm->sink, line, false,
			      "ignored '%s' at line %u: expected a single value",
			      key, line);
	}
}

/* Fill doc from the YAML mapping; returns false (reported) when it is not one. */
static bool read_mapping(struct front_matter *fm, yaml_node_t *root,
			 json_t *extra)
{
	if (!root)
		return true;  /* Only comments, or nothing: no metadata. */
	if (root->type != YAML_MAPPING_NODE) {
		unsigned line = mark_line(fm, root->start_mark);
		ingest_report(fm->sink, line, true,
			      "invalid front matter: expected a mapping of keys at line %u",
			      line);
		return false;
	}
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	     p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(fm->yaml, p->key);
		yaml_node_t *v = yaml_document_get_node(fm->yaml, p->value);
		if (!k || !v)
			continue;
		if (k->type != YAML_SCALAR_NODE) {
			unsigned line = mark_line(fm, k->start_mark);
			ingest_report(fm->sink, line, false,
				      "ignored a key that is not text at line %u",
				      line);
			continue;
		}
		char *key = ingest_text_dup(scalar_text(k), k->data.scalar.length,
					    &fm->doc->invalid_utf8);
		enum ingest_field f = ingest_field_lookup(key);
		if (f != INGEST_FIELD_NONE) {
			set_known_field(fm, f, key, v);
		} else {
			unsigned line = mark_line(fm, k->start_mark);
			if (json_object_get(extra, key))
				ingest_report(fm->sink, line, false,
					      "duplicate key '%s' at line %u, the last value is used",
					      key, line);
			fm->budget = YAML_MAX_NODES;
			fm->truncated = false;
			json_object_set_new(extra, key, node_to_json(fm, v, 0));
			if (fm->truncated)
				ingest_report(fm->sink, line, false,
					      "'%s' at line %u is nested too deeply, partly dropped",
					      key, line);
		}
		free(key);
	}
	return true;
}

/*
 * Parse the front matter yaml[0..len) (already valid UTF-8) into doc.
 * Returns false when the document is to be skipped (reported).
 */
static bool parse_front_matter(struct vb_doc *doc, const char *yaml, size_t len,
			       unsigned first_line,
			       const struct ingest_sink *sink)
{
	yaml_parser_t parser;
	yaml_document_t ydoc;

	if (!yaml_parser_initialize(&parser)) {
		ingest_report(sink, first_line, true,
			      "invalid front matter: out of memory at line %u",
			      first_line);
		return false;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&parser, &ydoc)) {
		report_yaml_error(&parser, yaml, len, first_line, sink);
		yaml_parser_delete(&parser);
		return false;
	}

	struct front_matter fm = {
		.doc = doc,
		.sink = sink,
		.yaml = &ydoc,
		.first_line = first_line,
	};
	json_t *extra = json_object();
	bool ok = read_mapping(&fm, yaml_document_get_root_node(&ydoc), extra);
	yaml_document_delete(&ydoc);

	/* A "--- # comment" line inside starts a second YAML document: not ours. */
	if (ok) {
		if (!yaml_parser_load(&parser, &ydoc)) {
			report_yaml_error(&parser, yaml, len, first_line, sink);
			ok = false;
		} else {
			if (yaml_document_get_root_node(&ydoc)) {
				unsigned line = mark_line(&fm, ydoc.start_mark);
				ingest_report(sink, line, true,
					      "invalid front matter: more than one YAML document at line %u",
					      line);
				ok = false;
			}
			yaml_document_delete(&ydoc);
		}
	}
	if (ok && json_object_size(extra))
		doc->extra = json_dumps(extra, JSON_COMPACT);
	json_decref(extra);
	yaml_parser_delete(&parser);
	return ok;
}

/* The 1-based line, counted from data[0] (line 1), of the first invalid UTF-8 byte. */
static unsigned first_invalid_line(const char *data, size_t len)
{
	unsigned line = 1;
	size_t i = 0;

	/* A newline never falls inside a sequence, valid or not. */
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) : len;
		if (!vb_utf8_valid(data + i, end - i))
			return line;
		i = end + 1;
		line++;
	}
	return 0;
}

int ingest_text_doc(const char *data, size_t len, const char *default_id,
		    struct vb_doc *doc, const struct ingest_sink *sink)
{
	size_t pos = 0, body_start, raw_invalid = 0;
	unsigned body_line = 1;
	bool has_front_matter = false;

	memset(doc, 0, sizeof(*doc));
	doc->path = vb_strdup(sink->path ? sink->path : "");
	if (len >= 3 && !memcmp(data, BOM, 3))
		pos = 3;
	body_start = pos;

	size_t open = delimiter_line(data + pos, len - pos, "---");
	if (open) {
		size_t fm_start = pos + open;
		size_t limit = len - fm_start < FRONT_MATTER_MAX ?
			       len : fm_start + FRONT_MATTER_MAX;
		size_t p = fm_start, close = 0;
		unsigned line = 2;

		while (p < limit) {
			close = delimiter_line(data + p, len - p, "---");
			if (!close)
				close = delimiter_line(data + p, len - p, "...");
			if (close)
				break;
			const char *nl = memchr(data + p, '\n', limit - p);
			if (!nl)
				break;
			p = (size_t)(nl - data) + 1;
			line++;
		}
		if (!close) {
			ingest_report(sink, 1, true,
				      "unterminated front matter: no closing '---' line within %d KB of line 1, skipped",
				      FRONT_MATTER_MAX / 1024);
			goto skip;
		}
		struct vb_buf yaml = VB_BUF_INIT;
		raw_invalid += vb_utf8_repair(data + fm_start, p - fm_start, &yaml);
		bool ok = parse_front_matter(doc, yaml.buf, yaml.len, 2, sink);
		vb_buf_release(&yaml);
		if (!ok)
			goto skip;
		has_front_matter = true;
		body_start = p + close;
		body_line = line + 1;
	}

	struct vb_buf body = VB_BUF_INIT;
	raw_invalid += vb_utf8_repair(data + body_start, len - body_start, &body);
	doc->body = vb_buf_detach(&body, &doc->body_len);
	doc->body_offset = body_start;
	doc->body_line = body_line;
	doc->invalid_utf8 += raw_invalid;
	doc->hash = vb_hash64(data, len, 0);

	if (ingest_is_blank(doc->body, doc->body_len)) {
		if (has_front_matter)
			ingest_report(sink, body_line, true,
				      "empty body after the front matter, skipped");
		else
			ingest_report(sink, 0, true, "empty file, skipped");
		goto skip;
	}
	if (raw_invalid) {
		unsigned line = first_invalid_line(data, len);
		ingest_report(sink, line, false,
			      "invalid UTF-8 at line %u (%zu %s replaced by U+FFFD)",
			      line, raw_invalid,
			      raw_invalid == 1 ? "sequence" : "sequences");
	}
	ingest_default_title(doc);
	if (!doc->id)
		doc->id = vb_strdup(default_id ? default_id : doc->path);
	return 0;

skip:
	vb_doc_release(doc);
	return VB_INGEST_ESKIP;
}

int vb_parse_text_doc(const char *data, size_t len, const char *path,
		      const char *default_id, struct vb_doc *doc,
		      struct vb_buf *err)
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
	return ingest_collect_finish(&c, ingest_text_doc(data, len, default_id,
							 doc, &sink));
}
