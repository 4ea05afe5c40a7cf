/* xap.cc: the C binding over libxapian declared in xap.h; the only C++ in verbatim. */

/*
 * Every extern "C" function follows one shape: check the C arguments, do the
 * work inside try { } and turn whatever was thrown into an xap_status with
 * fail(), the one classifier.  Nothing here decides anything about
 * verbatim's schema; it mirrors Xapian's own API.
 */

#include "xapian/xap.h"

#include <xapian.h>

#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include <sys/stat.h>

struct xap_db {
	/* Reads go through `db` for every kind of handle; for a writable
	 * handle it shares its internals with `wdb`. */
	Xapian::Database db;
	Xapian::WritableDatabase wdb;
	bool writable = false;
	/* The databases joined by xap_db_add_database, each as it was
	 * opened: Xapian reads metadata from the first shard only, and a
	 * key one database lacks may be in another. */
	std::vector<Xapian::Database> parts;
};

struct xap_doc {
	Xapian::Document doc;
	/* The id the document was read under.  Xapian 1.4's
	 * Document::get_docid() gives the id within the shard, which differs
	 * from the database's id as soon as there are several shards. */
	Xapian::docid docid = 0;
};

struct xap_stem {
	Xapian::Stem stem;
	/* "none" is detected once so that xap_stem_word can copy the word
	 * without going through Xapian at all. */
	bool none = false;
	/* Reused for the input word, so its capacity survives between calls. */
	std::string word;
};

struct xap_query {
	Xapian::Query query;
};

struct xap_termgen {
	Xapian::TermGenerator tg;
};

struct xap_qparser {
	/* The parser holds raw pointers to these, so they are declared first
	 * and therefore destroyed after the parser. */
	std::vector<std::unique_ptr<Xapian::RangeProcessor>> ranges;
	Xapian::QueryParser qp;
};

struct xap_enquire {
	explicit xap_enquire(const Xapian::Database &db) : enquire(db) {}
	Xapian::Enquire enquire;
};

struct xap_mset {
	Xapian::MSet mset;
};

namespace {

/*
 * Copy as much of `text` as fits after err->message[used], never cutting a
 * UTF-8 sequence in half, so that a truncated message is still valid text.
 */
void append_message(xap_error *err, size_t used, const char *text) noexcept
{
	size_t cap = sizeof(err->message);
	if (used >= cap - 1)
		return;
	size_t room = cap - 1 - used;
	size_t n = strlen(text);
	if (n > room) {
		n = room;
		while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
			n--;
	}
	memcpy(err->message + used, text, n);
	err->message[used + n] = '\0';
}

/* Start err->message with the printf-formatted context. */
size_t start_message(xap_error *err, const char *fmt, va_list ap) noexcept
{
	char context[sizeof(err->message)];
	int n = vsnprintf(context, sizeof(context), fmt, ap);
	if (n < 0)
		context[0] = '\0';
	err->message[0] = '\0';
	append_message(err, 0, context);
	return strlen(err->message);
}

/* Record an error that did not come from an exception. */
xap_status report(xap_error *err, xap_status st, const char *fmt, ...) noexcept
	__attribute__((format(printf, 3, 4)));

xap_status report(xap_error *err, xap_status st, const char *fmt, ...) noexcept
{
	if (!err)
		return st;
	va_list ap;
	va_start(ap, fmt);
	start_message(err, fmt, ap);
	va_end(ap);
	err->status = st;
	return st;
}

bool path_is_missing(const char *path) noexcept
{
	struct stat st;
	return path && stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

/*
 * The one classifier: called from inside a catch block, it rethrows the
 * current exception to learn its type, maps it to a status and writes
 * "<context>: <Xapian's description>" into err.  `path` is the database path
 * when opening one: Xapian 1.4 reports some missing paths as a plain
 * DatabaseOpeningError, so the path itself is checked to tell "nothing
 * there" from "something unreadable there".
 */
xap_status fail(xap_error *err, const char *path, const char *fmt, ...) noexcept
	__attribute__((format(printf, 3, 4)));

xap_status fail(xap_error *err, const char *path, const char *fmt, ...) noexcept
{
	xap_status st = XAP_ERR_OTHER;
	const Xapian::Error *xe = nullptr;
	const char *what = "unknown exception";
	try {
		throw;
	} catch (const Xapian::DatabaseLockError &e) {
		st = XAP_ERR_LOCKED, xe = &e;
	} catch (const Xapian::DatabaseNotFoundError &e) {
		st = XAP_ERR_NOT_FOUND, xe = &e;
	} catch (const Xapian::DatabaseVersionError &e) {
		st = XAP_ERR_CORRUPT, xe = &e;
	} catch (const Xapian::DatabaseOpeningError &e) {
		st = path_is_missing(path) ? XAP_ERR_NOT_FOUND : XAP_ERR_OTHER;
		xe = &e;
	} catch (const Xapian::DatabaseModifiedError &e) {
		st = XAP_ERR_MODIFIED, xe = &e;
	} catch (const Xapian::DatabaseCorruptError &e) {
		st = XAP_ERR_CORRUPT, xe = &e;
	} catch (const Xapian::DatabaseClosedError &e) {
		/* Using a handle after xap_db_close() is a caller's mistake. */
		st = XAP_ERR_INVALID, xe = &e;
	} catch (const Xapian::DocNotFoundError &e) {
		st = XAP_ERR_NOT_FOUND, xe = &e;
	} catch (const Xapian::QueryParserError &e) {
		st = XAP_ERR_QUERY, xe = &e;
	} catch (const Xapian::NetworkError &e) {
		/* NetworkTimeoutError derives from NetworkError. */
		st = XAP_ERR_NETWORK, xe = &e;
	} catch (const Xapian::InvalidArgumentError &e) {
		st = XAP_ERR_INVALID, xe = &e;
	} catch (const Xapian::InvalidOperationError &e) {
		st = XAP_ERR_INVALID, xe = &e;
	} catch (const Xapian::UnimplementedError &e) {
		st = XAP_ERR_INVALID, xe = &e;
	} catch (const Xapian::Error &e) {
		st = XAP_ERR_OTHER, xe = &e;
	} catch (const std::bad_alloc &) {
		st = XAP_ERR_NOMEM, what = "out of memory";
	} catch (const std::exception &e) {
		st = XAP_ERR_OTHER, what = e.what();
	} catch (...) {
		st = XAP_ERR_OTHER;
	}
	if (!err)
		return st;

	va_list ap;
	va_start(ap, fmt);
	size_t used = start_message(err, fmt, ap);
	va_end(ap);
	append_message(err, used, ": ");
	used = strlen(err->message);
	if (xe) {
		try {
			append_message(err, used, xe->get_description().c_str());
		} catch (...) {
			/* get_description() builds a string; get_msg() does not. */
			append_message(err, used, xe->get_msg().c_str());
		}
	} else {
		append_message(err, used, what);
	}
	err->status = st;
	return st;
}

/* A malloc'd copy of `s` for the caller; throws so that fail() says NOMEM. */
char *dup_out(const std::string &s, size_t *out_len)
{
	char *p = static_cast<char *>(malloc(s.size() + 1));
	if (!p)
		throw std::bad_alloc();
	memcpy(p, s.data(), s.size());
	p[s.size()] = '\0';
	if (out_len)
		*out_len = s.size();
	return p;
}

std::string str(const char *s, size_t len)
{
	return std::string(s ? s : "", s ? len : 0);
}

std::string str(const char *s)
{
	return std::string(s ? s : "");
}

xap_status need_writable(const xap_db *db, xap_error *err, const char *doing)
{
	if (!db)
		return report(err, XAP_ERR_INVALID, "cannot %s: no database", doing);
	if (!db->writable)
		return report(err, XAP_ERR_INVALID,
			      "cannot %s: database is read-only", doing);
	return XAP_OK;
}

bool map_op(enum xap_op op, Xapian::Query::op *out)
{
	switch (op) {
	case XAP_OP_AND: *out = Xapian::Query::OP_AND; return true;
	case XAP_OP_OR: *out = Xapian::Query::OP_OR; return true;
	case XAP_OP_AND_NOT: *out = Xapian::Query::OP_AND_NOT; return true;
	case XAP_OP_XOR: *out = Xapian::Query::OP_XOR; return true;
	case XAP_OP_AND_MAYBE: *out = Xapian::Query::OP_AND_MAYBE; return true;
	case XAP_OP_FILTER: *out = Xapian::Query::OP_FILTER; return true;
	case XAP_OP_NEAR: *out = Xapian::Query::OP_NEAR; return true;
	case XAP_OP_PHRASE: *out = Xapian::Query::OP_PHRASE; return true;
	case XAP_OP_SYNONYM: *out = Xapian::Query::OP_SYNONYM; return true;
	case XAP_OP_MAX: *out = Xapian::Query::OP_MAX; return true;
	}
	return false;
}

/* Our flag values are our own, so they are mapped one by one. */
unsigned map_qp_flags(unsigned flags)
{
	static const struct {
		unsigned ours;
		unsigned xapian;
	} table[] = {
		{ XAP_QP_BOOLEAN, Xapian::QueryParser::FLAG_BOOLEAN },
		{ XAP_QP_PHRASE, Xapian::QueryParser::FLAG_PHRASE },
		{ XAP_QP_LOVEHATE, Xapian::QueryParser::FLAG_LOVEHATE },
		{ XAP_QP_BOOLEAN_ANY_CASE, Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE },
		{ XAP_QP_WILDCARD, Xapian::QueryParser::FLAG_WILDCARD },
		{ XAP_QP_PURE_NOT, Xapian::QueryParser::FLAG_PURE_NOT },
		{ XAP_QP_PARTIAL, Xapian::QueryParser::FLAG_PARTIAL },
		{ XAP_QP_SPELLING_CORRECTION, Xapian::QueryParser::FLAG_SPELLING_CORRECTION },
		{ XAP_QP_SYNONYM, Xapian::QueryParser::FLAG_SYNONYM },
		{ XAP_QP_AUTO_SYNONYMS, Xapian::QueryParser::FLAG_AUTO_SYNONYMS },
		{ XAP_QP_CJK_NGRAM, Xapian::QueryParser::FLAG_CJK_NGRAM },
	};
	unsigned out = 0;
	for (const auto &f : table)
		if (flags & f.ours)
			out |= f.xapian;
	return out;
}

} // namespace

extern "C" {

/* ---- status ------------------------------------------------------------- */

const char *xap_status_name(xap_status st)
{
	switch (st) {
	case XAP_OK: return "ok";
	case XAP_ERR_NOT_FOUND: return "not found";
	case XAP_ERR_LOCKED: return "locked";
	case XAP_ERR_MODIFIED: return "modified";
	case XAP_ERR_CORRUPT: return "corrupt";
	case XAP_ERR_QUERY: return "bad query";
	case XAP_ERR_NOMEM: return "out of memory";
	case XAP_ERR_NETWORK: return "network";
	case XAP_ERR_INVALID: return "invalid";
	case XAP_ERR_OTHER: return "error";
	default: return "error";
	}
}

const char *xap_version(void)
{
	return Xapian::version_string();
}

/* ---- databases ---------------------------------------------------------- */

xap_status xap_db_open(xap_db **out, const char *path, enum xap_open_mode mode,
		       int flags, xap_error *err)
{
	if (!out || !path)
		return report(err, XAP_ERR_INVALID, "cannot open database: no path");
	*out = nullptr;
	if (flags & ~(XAP_DB_NO_SYNC | XAP_DB_DANGEROUS))
		return report(err, XAP_ERR_INVALID,
			      "cannot open database '%s': unknown flags %#x",
			      path, static_cast<unsigned>(flags));
	int action;
	switch (mode) {
	case XAP_DB_READ: action = -1; break;
	case XAP_DB_CREATE_OR_OPEN: action = Xapian::DB_CREATE_OR_OPEN; break;
	case XAP_DB_CREATE_OR_OVERWRITE: action = Xapian::DB_CREATE_OR_OVERWRITE; break;
	case XAP_DB_OPEN: action = Xapian::DB_OPEN; break;
	default:
		return report(err, XAP_ERR_INVALID,
			      "cannot open database '%s': unknown mode %d",
			      path, static_cast<int>(mode));
	}
	try {
		std::unique_ptr<xap_db> db(new xap_db);
		if (action < 0) {
			db->db = Xapian::Database(path);
		} else {
			if (flags & XAP_DB_NO_SYNC)
				action |= Xapian::DB_NO_SYNC;
			if (flags & XAP_DB_DANGEROUS)
				action |= Xapian::DB_DANGEROUS;
			db->wdb = Xapian::WritableDatabase(path, action);
			db->db = db->wdb;
			db->writable = true;
		}
		*out = db.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, path, "cannot open database '%s'", path);
	}
}

xap_status xap_db_open_inmemory(xap_db **out, xap_error *err)
{
	if (!out)
		return report(err, XAP_ERR_INVALID, "cannot open in-memory database: no handle");
	*out = nullptr;
	try {
		std::unique_ptr<xap_db> db(new xap_db);
		/* What Xapian::InMemory::open() does, without its deprecation
		 * warning. */
		db->wdb = Xapian::WritableDatabase(std::string(),
						   Xapian::DB_BACKEND_INMEMORY);
		db->db = db->wdb;
		db->writable = true;
		*out = db.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot open in-memory database");
	}
}

xap_status xap_db_open_remote(xap_db **out, const char *host, unsigned port,
			      unsigned timeout_ms, xap_error *err)
{
	if (!out || !host)
		return report(err, XAP_ERR_INVALID, "cannot open remote database: no host");
	*out = nullptr;
	try {
		std::unique_ptr<xap_db> db(new xap_db);
		/* Despite the useconds_t type, Xapian takes milliseconds. */
		db->db = Xapian::Remote::open(host, port, timeout_ms, timeout_ms);
		*out = db.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot open remote database '%s:%u'",
			    host, port);
	}
}

xap_status xap_db_add_database(xap_db *db, const xap_db *other, xap_error *err)
{
	if (!db || !other)
		return report(err, XAP_ERR_INVALID, "cannot add database: no database");
	if (db->writable)
		return report(err, XAP_ERR_INVALID,
			      "cannot add database: the target is writable");
	try {
		if (db->parts.empty())
			db->parts.push_back(db->db);
		db->db.add_database(other->db);
		db->parts.push_back(other->db);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot add database");
	}
}

size_t xap_db_shard_count(const xap_db *db)
{
	return db ? db->db.size() : 0;
}

int xap_db_is_writable(const xap_db *db)
{
	return db && db->writable;
}

xap_status xap_db_reopen(xap_db *db, xap_error *err)
{
	if (!db)
		return report(err, XAP_ERR_INVALID, "cannot reopen database: no database");
	try {
		db->db.reopen();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot reopen database");
	}
}

xap_status xap_db_commit(xap_db *db, xap_error *err)
{
	xap_status st = need_writable(db, err, "commit");
	if (st)
		return st;
	try {
		db->wdb.commit();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot commit");
	}
}

xap_status xap_db_begin_transaction(xap_db *db, int flushed, xap_error *err)
{
	xap_status st = need_writable(db, err, "begin transaction");
	if (st)
		return st;
	try {
		db->wdb.begin_transaction(flushed != 0);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot begin transaction");
	}
}

xap_status xap_db_commit_transaction(xap_db *db, xap_error *err)
{
	xap_status st = need_writable(db, err, "commit transaction");
	if (st)
		return st;
	try {
		db->wdb.commit_transaction();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot commit transaction");
	}
}

xap_status xap_db_cancel_transaction(xap_db *db, xap_error *err)
{
	xap_status st = need_writable(db, err, "cancel transaction");
	if (st)
		return st;
	try {
		db->wdb.cancel_transaction();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot cancel transaction");
	}
}

xap_status xap_db_close(xap_db *db, xap_error *err)
{
	if (!db)
		return report(err, XAP_ERR_INVALID, "cannot close database: no database");
	try {
		if (db->writable)
			db->wdb.close();
		else
			db->db.close();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot close database");
	}
}

void xap_db_free(xap_db *db)
{
	delete db;
}

xap_status xap_db_doccount(const xap_db *db, unsigned *out, xap_error *err)
{
	if (!db || !out)
		return report(err, XAP_ERR_INVALID, "cannot count documents: no database");
	try {
		*out = db->db.get_doccount();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot count documents");
	}
}

xap_status xap_db_value_bounds(const xap_db *db, unsigned slot, char **lo, char **hi,
			       xap_error *err)
{
	if (!db || !lo || !hi)
		return report(err, XAP_ERR_INVALID, "cannot read value bounds: no database");
	*lo = *hi = nullptr;
	try {
		std::string l = db->db.get_value_lower_bound(slot);
		std::string h = db->db.get_value_upper_bound(slot);
		*lo = dup_out(l, nullptr);
		*hi = dup_out(h, nullptr);
		return XAP_OK;
	} catch (...) {
		free(*lo);
		*lo = nullptr;
		return fail(err, nullptr, "cannot read the bounds of value slot %u", slot);
	}
}

xap_status xap_compact(const char *const *sources, size_t n, const char *dest,
		       int multipass, xap_error *err)
{
	if (!sources || !n || !dest)
		return report(err, XAP_ERR_INVALID, "cannot compact: no database");
	try {
		Xapian::Database all;
		for (size_t i = 0; i < n; i++)
			all.add_database(Xapian::Database(sources[i]));
		Xapian::Compactor compactor;
		all.compact(dest, multipass ? Xapian::DBCOMPACT_MULTIPASS : 0, 0,
			    compactor);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot compact into '%s'", dest);
	}
}

xap_status xap_db_lastdocid(const xap_db *db, unsigned *out, xap_error *err)
{
	if (!db || !out)
		return report(err, XAP_ERR_INVALID, "cannot get last document id: no database");
	try {
		*out = db->db.get_lastdocid();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get last document id");
	}
}

xap_status xap_db_avlength(const xap_db *db, double *out, xap_error *err)
{
	if (!db || !out)
		return report(err, XAP_ERR_INVALID, "cannot get average length: no database");
	try {
		*out = db->db.get_avlength();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get average length");
	}
}

xap_status xap_db_termfreq(const xap_db *db, const char *term, size_t len,
			   unsigned *out, xap_error *err)
{
	if (!db || !out)
		return report(err, XAP_ERR_INVALID, "cannot get term frequency: no database");
	try {
		*out = db->db.get_termfreq(str(term, len));
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get term frequency");
	}
}

xap_status xap_db_collection_freq(const xap_db *db, const char *term,
				  size_t len, unsigned *out, xap_error *err)
{
	if (!db || !out)
		return report(err, XAP_ERR_INVALID, "cannot get collection frequency: no database");
	try {
		*out = db->db.get_collection_freq(str(term, len));
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get collection frequency");
	}
}

xap_status xap_db_get_metadata(const xap_db *db, const char *key, char **out,
			       size_t *out_len, xap_error *err)
{
	if (!db || !key || !out)
		return report(err, XAP_ERR_INVALID, "cannot get metadata: no database or key");
	*out = nullptr;
	try {
		std::string value;
		if (db->parts.empty())
			value = db->db.get_metadata(key);
		for (const Xapian::Database &part : db->parts) {
			value = part.get_metadata(key);
			if (!value.empty())
				break;
		}
		*out = dup_out(value, out_len);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get metadata '%s'", key);
	}
}

xap_status xap_db_set_metadata(xap_db *db, const char *key, const char *value,
			       size_t len, xap_error *err)
{
	xap_status st = need_writable(db, err, "set metadata");
	if (st)
		return st;
	if (!key)
		return report(err, XAP_ERR_INVALID, "cannot set metadata: no key");
	try {
		db->wdb.set_metadata(key, str(value, len));
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set metadata '%s'", key);
	}
}

xap_status xap_db_allterms(const xap_db *db, const char *prefix, xap_term_fn fn,
			   void *ud, xap_error *err)
{
	if (!db || !fn)
		return report(err, XAP_ERR_INVALID, "cannot list terms: no database or callback");
	try {
		std::string p = str(prefix);
		Xapian::TermIterator end = db->db.allterms_end(p);
		for (Xapian::TermIterator it = db->db.allterms_begin(p); it != end; ++it) {
			const std::string term = *it;
			int rc = fn(term.data(), term.size(), it.get_termfreq(), ud);
			if (rc)
				return static_cast<xap_status>(rc);
		}
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot list terms");
	}
}

xap_status xap_db_postlist(const xap_db *db, const char *term, size_t len,
			   xap_docid_fn fn, void *ud, xap_error *err)
{
	if (!db || !fn)
		return report(err, XAP_ERR_INVALID, "cannot read posting list: no database or callback");
	try {
		std::string t = str(term, len);
		Xapian::PostingIterator end = db->db.postlist_end(t);
		for (Xapian::PostingIterator it = db->db.postlist_begin(t); it != end; ++it) {
			int rc = fn(*it, ud);
			if (rc)
				return static_cast<xap_status>(rc);
		}
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot read posting list");
	}
}

xap_status xap_db_add_spelling(xap_db *db, const char *word, size_t len,
			       unsigned freqinc, xap_error *err)
{
	xap_status st = need_writable(db, err, "add spelling");
	if (st)
		return st;
	try {
		db->wdb.add_spelling(str(word, len), freqinc);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot add spelling");
	}
}

xap_status xap_db_spelling_freq(const xap_db *db, const char *word, size_t len,
				unsigned *out, xap_error *err)
{
	if (!db || !out)
		return report(err, XAP_ERR_INVALID, "cannot get spelling frequency: no database");
	try {
		/* Xapian 1.4 has no direct lookup: the table's word list,
		 * skipped to the word. */
		std::string w = str(word, len);
		Xapian::TermIterator t = db->db.spellings_begin();
		t.skip_to(w);
		*out = t != db->db.spellings_end() && *t == w ? t.get_termfreq() : 0;
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get spelling frequency");
	}
}

xap_status xap_db_spelling_suggestion(const xap_db *db, const char *word,
				      unsigned max_edit_distance, char **out,
				      xap_error *err)
{
	if (!db || !word || !out)
		return report(err, XAP_ERR_INVALID, "cannot suggest spelling: no database or word");
	*out = nullptr;
	try {
		std::string s = db->db.get_spelling_suggestion(word, max_edit_distance);
		if (!s.empty())
			*out = dup_out(s, nullptr);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot suggest spelling for '%s'", word);
	}
}

/* ---- documents ---------------------------------------------------------- */

xap_status xap_doc_new(xap_doc **out, xap_error *err)
{
	if (!out)
		return report(err, XAP_ERR_INVALID, "cannot create document: no handle");
	*out = nullptr;
	try {
		*out = new xap_doc;
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot create document");
	}
}

void xap_doc_free(xap_doc *doc)
{
	delete doc;
}

xap_status xap_doc_add_posting(xap_doc *doc, const char *term, size_t len,
			       unsigned pos, unsigned wdfinc, xap_error *err)
{
	if (!doc)
		return report(err, XAP_ERR_INVALID, "cannot add posting: no document");
	try {
		doc->doc.add_posting(str(term, len), pos, wdfinc);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot add posting");
	}
}

xap_status xap_doc_add_term(xap_doc *doc, const char *term, size_t len,
			    unsigned wdfinc, xap_error *err)
{
	if (!doc)
		return report(err, XAP_ERR_INVALID, "cannot add term: no document");
	try {
		doc->doc.add_term(str(term, len), wdfinc);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot add term");
	}
}

xap_status xap_doc_add_boolean_term(xap_doc *doc, const char *term, size_t len,
				    xap_error *err)
{
	if (!doc)
		return report(err, XAP_ERR_INVALID, "cannot add boolean term: no document");
	try {
		doc->doc.add_boolean_term(str(term, len));
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot add boolean term");
	}
}

xap_status xap_doc_set_value(xap_doc *doc, unsigned slot, const char *value,
			     size_t len, xap_error *err)
{
	if (!doc)
		return report(err, XAP_ERR_INVALID, "cannot set value: no document");
	try {
		doc->doc.add_value(slot, str(value, len));
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set value %u", slot);
	}
}

xap_status xap_doc_get_value(const xap_doc *doc, unsigned slot, char **out,
			     size_t *out_len, xap_error *err)
{
	if (!doc || !out)
		return report(err, XAP_ERR_INVALID, "cannot get value: no document");
	*out = nullptr;
	try {
		*out = dup_out(doc->doc.get_value(slot), out_len);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get value %u", slot);
	}
}

xap_status xap_doc_set_data(xap_doc *doc, const char *data, size_t len,
			    xap_error *err)
{
	if (!doc)
		return report(err, XAP_ERR_INVALID, "cannot set document data: no document");
	try {
		doc->doc.set_data(str(data, len));
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set document data");
	}
}

xap_status xap_doc_get_data(const xap_doc *doc, char **out, size_t *out_len,
			    xap_error *err)
{
	if (!doc || !out)
		return report(err, XAP_ERR_INVALID, "cannot get document data: no document");
	*out = nullptr;
	try {
		*out = dup_out(doc->doc.get_data(), out_len);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get document data");
	}
}

xap_status xap_doc_terms(const xap_doc *doc, xap_doc_term_fn fn, void *ud,
			 xap_error *err)
{
	if (!doc || !fn)
		return report(err, XAP_ERR_INVALID, "cannot list document terms: no document or callback");
	try {
		Xapian::TermIterator end = doc->doc.termlist_end();
		for (Xapian::TermIterator it = doc->doc.termlist_begin(); it != end; ++it) {
			const std::string term = *it;
			int rc = fn(term.data(), term.size(), it.get_wdf(), ud);
			if (rc)
				return static_cast<xap_status>(rc);
		}
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot list document terms");
	}
}

unsigned xap_doc_docid(const xap_doc *doc)
{
	if (!doc)
		return 0;
	return doc->docid ? doc->docid : doc->doc.get_docid();
}

xap_status xap_db_add_document(xap_db *db, const xap_doc *doc, unsigned *docid,
			       xap_error *err)
{
	xap_status st = need_writable(db, err, "add document");
	if (st)
		return st;
	if (!doc)
		return report(err, XAP_ERR_INVALID, "cannot add document: no document");
	try {
		Xapian::docid id = db->wdb.add_document(doc->doc);
		if (docid)
			*docid = id;
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot add document");
	}
}

xap_status xap_db_replace_document_by_term(xap_db *db, const char *term,
					   const xap_doc *doc, unsigned *docid,
					   xap_error *err)
{
	xap_status st = need_writable(db, err, "replace document");
	if (st)
		return st;
	if (!doc || !term)
		return report(err, XAP_ERR_INVALID, "cannot replace document: no document or term");
	try {
		Xapian::docid id = db->wdb.replace_document(term, doc->doc);
		if (docid)
			*docid = id;
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot replace document '%s'", term);
	}
}

xap_status xap_db_delete_documents_by_term(xap_db *db, const char *term,
					   xap_error *err)
{
	xap_status st = need_writable(db, err, "delete documents");
	if (st)
		return st;
	if (!term)
		return report(err, XAP_ERR_INVALID, "cannot delete documents: no term");
	try {
		db->wdb.delete_document(std::string(term));
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot delete documents '%s'", term);
	}
}

xap_status xap_db_delete_document(xap_db *db, unsigned docid, xap_error *err)
{
	xap_status st = need_writable(db, err, "delete document");
	if (st)
		return st;
	try {
		db->wdb.delete_document(docid);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot delete document %u", docid);
	}
}

xap_status xap_db_get_document(const xap_db *db, unsigned docid, xap_doc **out,
			       xap_error *err)
{
	if (!db || !out)
		return report(err, XAP_ERR_INVALID, "cannot get document: no database");
	*out = nullptr;
	try {
		std::unique_ptr<xap_doc> doc(new xap_doc);
		doc->doc = db->db.get_document(docid);
		doc->docid = docid;
		*out = doc.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get document %u", docid);
	}
}

/* ---- stemming ----------------------------------------------------------- */

xap_status xap_stem_new(xap_stem **out, const char *language, xap_error *err)
{
	if (!out || !language)
		return report(err, XAP_ERR_INVALID, "cannot create stemmer: no language");
	*out = nullptr;
	try {
		std::unique_ptr<xap_stem> stem(new xap_stem);
		/* Xapian 1.4 knows the ISO 639 codes ("en", "de") itself. */
		stem->stem = Xapian::Stem(language);
		stem->none = stem->stem.is_none();
		*out = stem.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot create stemmer '%s'", language);
	}
}

void xap_stem_free(xap_stem *stem)
{
	delete stem;
}

size_t xap_stem_word(xap_stem *stem, const char *word, size_t len, char *out,
		     size_t cap)
{
	const char *result = word;
	size_t n = word ? len : 0;
	std::string stemmed;
	if (stem && !stem->none && n > 0) {
		try {
			stem->word.assign(word, len);
			stemmed = stem->stem(stem->word);
			result = stemmed.data();
			n = stemmed.size();
		} catch (...) {
			/* The contract: a stemmer error yields the word. */
			result = word;
			n = len;
		}
	}
	if (out && cap > 0) {
		size_t copy = n < cap ? n : cap - 1;
		if (copy)
			memcpy(out, result, copy);
		out[copy] = '\0';
	}
	return n;
}

const char *xap_stem_languages(void)
{
	try {
		/* Built once; a function-local static is thread-safe to
		 * initialise and is constant afterwards. */
		static const std::string languages = [] {
			/* Xapian separates the names with spaces. */
			std::string s = Xapian::Stem::get_available_languages();
			for (char &c : s)
				if (c == ' ')
					c = ',';
			return s;
		}();
		return languages.c_str();
	} catch (...) {
		return "";
	}
}

/* ---- Xapian's own term generator ----------------------------------------- */

xap_status xap_termgen_new(xap_termgen **out, const char *stem, int strategy,
			   xap_error *err)
{
	if (!out)
		return report(err, XAP_ERR_INVALID, "cannot create term generator: no output");
	*out = nullptr;
	try {
		std::unique_ptr<xap_termgen> tg(new xap_termgen);
		if (stem)
			tg->tg.set_stemmer(Xapian::Stem(stem));
		static const Xapian::TermGenerator::stem_strategy strategies[] = {
			Xapian::TermGenerator::STEM_NONE,
			Xapian::TermGenerator::STEM_SOME,
			Xapian::TermGenerator::STEM_ALL,
			Xapian::TermGenerator::STEM_ALL_Z,
			Xapian::TermGenerator::STEM_SOME_FULL_POS,
		};
		if (strategy < 0 || strategy >= (int)(sizeof(strategies) / sizeof(strategies[0])))
			return report(err, XAP_ERR_INVALID, "unknown stemming strategy %d", strategy);
		tg->tg.set_stemming_strategy(strategies[strategy]);
		*out = tg.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot create term generator");
	}
}

void xap_termgen_free(xap_termgen *tg)
{
	delete tg;
}

xap_status xap_termgen_index_text(xap_termgen *tg, xap_doc *doc, const char *text,
				  size_t len, xap_error *err)
{
	if (!tg || !doc || (!text && len))
		return report(err, XAP_ERR_INVALID, "cannot index text: no generator, document or text");
	try {
		tg->tg.set_document(doc->doc);
		tg->tg.index_text(str(text, len));
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot index text");
	}
}

/* ---- queries ------------------------------------------------------------ */

xap_status xap_query_term(xap_query **out, const char *term, size_t len,
			  unsigned wqf, xap_error *err)
{
	if (!out)
		return report(err, XAP_ERR_INVALID, "cannot build term query: no handle");
	*out = nullptr;
	try {
		std::unique_ptr<xap_query> q(new xap_query);
		q->query = Xapian::Query(str(term, len), wqf);
		*out = q.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot build term query");
	}
}

xap_status xap_query_combine(xap_query **out, enum xap_op op,
			     xap_query *const *subs, size_t n, unsigned window,
			     xap_error *err)
{
	if (!out || (n > 0 && !subs))
		return report(err, XAP_ERR_INVALID, "cannot combine queries: no subqueries");
	*out = nullptr;
	Xapian::Query::op xop;
	if (!map_op(op, &xop))
		return report(err, XAP_ERR_INVALID,
			      "cannot combine queries: unknown operator %d",
			      static_cast<int>(op));
	for (size_t i = 0; i < n; i++)
		if (!subs[i])
			return report(err, XAP_ERR_INVALID,
				      "cannot combine queries: subquery %zu is NULL", i);
	try {
		std::vector<Xapian::Query> v;
		v.reserve(n);
		for (size_t i = 0; i < n; i++)
			v.push_back(subs[i]->query);
		std::unique_ptr<xap_query> q(new xap_query);
		q->query = Xapian::Query(xop, v.begin(), v.end(), window);
		*out = q.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot combine queries");
	}
}

namespace {

bool is_ymd(const std::string &s)
{
	if (s.size() != 8)
		return false;
	for (char c : s)
		if (c < '0' || c > '9')
			return false;
	return true;
}

Xapian::Query date_range(unsigned slot, const std::string &year_prefix,
			 const std::string &lo, const std::string &hi,
			 int first_year, int last_year, int max_years)
{
	if (!is_ymd(lo) || !is_ymd(hi) || first_year > last_year)
		return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
	int ly = std::stoi(lo.substr(0, 4)), hy = std::stoi(hi.substr(0, 4));
	/* Whole years only: a year partly inside would need the value range
	 * for its part, and Xapian then reads the values of every candidate
	 * again (measured no faster than the plain range).  Years before and
	 * after the database's are whole whatever the bound. */
	bool whole = (ly < first_year || lo.compare(4, 4, "0101") == 0) &&
		     (hy > last_year || hi.compare(4, 4, "1231") == 0);
	ly = std::max(ly, first_year);
	hy = std::min(hy, last_year);
	if (lo > hi || ly > hy)
		return Xapian::Query();
	if (!whole || hy - ly + 1 > max_years)
		return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
	std::vector<Xapian::Query> years;
	for (int y = ly; y <= hy; y++) {
		char yyyy[5];
		snprintf(yyyy, sizeof(yyyy), "%04d", y);
		years.push_back(Xapian::Query(year_prefix + yyyy));
	}
	return Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
}

class YearRangeProcessor : public Xapian::RangeProcessor {
	std::string year_prefix;
	int first_year, last_year, max_years;

  public:
	YearRangeProcessor(unsigned slot_, const std::string &prefix,
			   const std::string &year_prefix_, int first, int last, int max)
		: Xapian::RangeProcessor(slot_, prefix), year_prefix(year_prefix_),
		  first_year(first), last_year(last), max_years(max) {}

	Xapian::Query operator()(const std::string &b, const std::string &e) override
	{
		if (!is_ymd(b) || !is_ymd(e))
			return Xapian::RangeProcessor::operator()(b, e);
		return date_range(slot, year_prefix, b, e, first_year, last_year, max_years);
	}
};

} // namespace

xap_status xap_query_date_range(xap_query **out, unsigned slot, const char *year_prefix,
				const char *lo, const char *hi, int first_year,
				int last_year, int max_years, xap_error *err)
{
	if (!out || !year_prefix || !lo || !hi)
		return report(err, XAP_ERR_INVALID, "cannot build date range: missing argument");
	*out = nullptr;
	try {
		std::unique_ptr<xap_query> q(new xap_query);
		q->query = date_range(slot, year_prefix, lo, hi, first_year, last_year,
				      max_years);
		*out = q.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot build date range %s..%s", lo, hi);
	}
}

xap_status xap_query_value_range(xap_query **out, unsigned slot, const char *lo,
				 const char *hi, xap_error *err)
{
	if (!out)
		return report(err, XAP_ERR_INVALID, "cannot build value range: no handle");
	*out = nullptr;
	try {
		std::unique_ptr<xap_query> q(new xap_query);
		if (lo && hi)
			q->query = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
		else if (hi)
			q->query = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
		else
			q->query = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot,
						 lo ? lo : "");
		*out = q.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot build value range on slot %u", slot);
	}
}

xap_status xap_query_scale(xap_query **out, const xap_query *q, double factor,
			   xap_error *err)
{
	if (!out || !q)
		return report(err, XAP_ERR_INVALID, "cannot scale query: no query");
	*out = nullptr;
	try {
		std::unique_ptr<xap_query> r(new xap_query);
		r->query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->query, factor);
		*out = r.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot scale query by %g", factor);
	}
}

namespace {

/* Whether a query of this operator can be rebuilt from its subqueries
 * (the API cannot read back OP_SCALE_WEIGHT's factor, OP_ELITE_SET's size,
 * a value range's bounds, a phrase's window). */
bool rebuildable(Xapian::Query::op op, bool synonym)
{
	switch (op) {
	case Xapian::Query::OP_AND:
	case Xapian::Query::OP_OR:
	case Xapian::Query::OP_AND_NOT:
	case Xapian::Query::OP_XOR:
	case Xapian::Query::OP_AND_MAYBE:
	case Xapian::Query::OP_FILTER:
	case Xapian::Query::OP_MAX:
		return true;
	case Xapian::Query::OP_SYNONYM:
		return synonym;
	default:
		return false;
	}
}

/* `q` with `fn` applied to each of its subqueries. */
Xapian::Query map_subqueries(const Xapian::Query &q,
			     const std::function<Xapian::Query(const Xapian::Query &)> &fn)
{
	std::vector<Xapian::Query> v;
	size_t n = q.get_num_subqueries();
	v.reserve(n);
	for (size_t i = 0; i < n; i++)
		v.push_back(fn(q.get_subquery(i)));
	return Xapian::Query(q.get_type(), v.begin(), v.end());
}

Xapian::Query drop_positional(const Xapian::Query &q)
{
	Xapian::Query::op op = q.get_type();
	if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR)
		return Xapian::Query();
	if (!rebuildable(op, true))
		return q;
	return map_subqueries(q, drop_positional);
}

/* BM25's weight for a term of wdf 1 in a document of average length, as
 * Xapian 1.4's BM25Weight computes it with its default parameters: at
 * normalised length 1 the wdf factor (k1 + 1) wdf / (K + wdf) is 1, so
 * what is left is the idf part, log((N - n + 0.5) / (n + 0.5)), which
 * Xapian raises to x / 2 + 1 under 2 so that it stays positive. */
double flat_term_weight(const Xapian::Database &db, const std::string &term)
{
	double n = db.get_termfreq(term);
	double tw = (db.get_doccount() - n + 0.5) / (n + 0.5);
	if (tw < 2)
		tw = tw * 0.5 + 1;
	return std::log(tw);
}

bool under_prefix(const std::string &term, const std::string &prefix)
{
	if (term.compare(0, prefix.size(), prefix) != 0)
		return false;
	if (term.size() == prefix.size())
		return true;
	unsigned char next = static_cast<unsigned char>(term[prefix.size()]);
	return !(next >= 'A' && next <= 'Z');
}

Xapian::Query flat_weight(const Xapian::Query &q, const Xapian::Database &db,
			  const std::string &prefix)
{
	Xapian::Query::op op = q.get_type();
	if (op == Xapian::Query::LEAF_TERM) {
		std::string term = *q.get_terms_begin();
		if (!under_prefix(term, prefix))
			return q;
		/* release(): the query owns the source and deletes it. */
		Xapian::PostingSource *source = new Xapian::FixedWeightPostingSource(
			flat_term_weight(db, term));
		Xapian::Query fixed(source->release());
		return Xapian::Query(Xapian::Query::OP_FILTER, fixed, q);
	}
	/* Not under OP_SYNONYM, which weighs its terms' wdfs together. */
	if (!rebuildable(op, false))
		return q;
	return map_subqueries(q, [&](const Xapian::Query &sub) {
		return flat_weight(sub, db, prefix);
	});
}

} // namespace

xap_status xap_query_flat_weight(xap_query **out, const xap_query *q,
				 const xap_db *db, const char *prefix,
				 xap_error *err)
{
	if (out)
		*out = nullptr;
	if (!out || !q || !db || !prefix)
		return report(err, XAP_ERR_INVALID, "cannot reweight query: no query or database");
	try {
		std::unique_ptr<xap_query> r(new xap_query);
		r->query = flat_weight(q->query, db->db, prefix);
		*out = r.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot give the query's '%s' terms one weight", prefix);
	}
}

xap_status xap_query_drop_positional(xap_query **out, const xap_query *q,
				     xap_error *err)
{
	if (!out || !q)
		return report(err, XAP_ERR_INVALID, "cannot rewrite query: no query");
	*out = nullptr;
	try {
		std::unique_ptr<xap_query> r(new xap_query);
		r->query = drop_positional(q->query);
		*out = r.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot rewrite query without its phrases");
	}
}

xap_status xap_query_match_all(xap_query **out, xap_error *err)
{
	if (!out)
		return report(err, XAP_ERR_INVALID, "cannot build match-all query: no handle");
	*out = nullptr;
	try {
		std::unique_ptr<xap_query> q(new xap_query);
		q->query = Xapian::Query::MatchAll;
		*out = q.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot build match-all query");
	}
}

xap_status xap_query_copy(xap_query **out, const xap_query *q, xap_error *err)
{
	if (!out || !q)
		return report(err, XAP_ERR_INVALID, "cannot copy query: no query");
	*out = nullptr;
	try {
		*out = new xap_query(*q);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot copy query");
	}
}

int xap_query_empty(const xap_query *q)
{
	return !q || q->query.empty();
}

char *xap_query_description(const xap_query *q)
{
	if (!q)
		return nullptr;
	try {
		return dup_out(q->query.get_description(), nullptr);
	} catch (...) {
		return nullptr;
	}
}

xap_status xap_query_terms(const xap_query *q, xap_term_fn fn, void *ud,
			   xap_error *err)
{
	if (!q || !fn)
		return report(err, XAP_ERR_INVALID, "cannot list query terms: no query or callback");
	try {
		/* get_terms_begin() walks the terms by query position, once
		 * per distinct position; get_unique_terms_begin() would sort
		 * them by name.  The distinct terms are kept in order of first
		 * appearance and counted, and the count is what the callback
		 * sees as `termfreq`. */
		std::vector<std::pair<std::string, unsigned>> terms;
		Xapian::TermIterator end = q->query.get_terms_end();
		for (Xapian::TermIterator it = q->query.get_terms_begin(); it != end; ++it) {
			const std::string term = *it;
			bool seen = false;
			for (auto &t : terms) {
				if (t.first == term) {
					t.second++;
					seen = true;
					break;
				}
			}
			if (!seen)
				terms.emplace_back(term, 1u);
		}
		for (const auto &t : terms) {
			int rc = fn(t.first.data(), t.first.size(), t.second, ud);
			if (rc)
				return static_cast<xap_status>(rc);
		}
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot list query terms");
	}
}

void xap_query_free(xap_query *q)
{
	delete q;
}

/* ---- the query parser --------------------------------------------------- */

xap_status xap_qp_new(xap_qparser **out, xap_error *err)
{
	if (!out)
		return report(err, XAP_ERR_INVALID, "cannot create query parser: no handle");
	*out = nullptr;
	try {
		*out = new xap_qparser;
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot create query parser");
	}
}

void xap_qp_free(xap_qparser *qp)
{
	delete qp;
}

xap_status xap_qp_set_database(xap_qparser *qp, const xap_db *db, xap_error *err)
{
	if (!qp || !db)
		return report(err, XAP_ERR_INVALID, "cannot set parser database: no parser or database");
	try {
		qp->qp.set_database(db->db);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set parser database");
	}
}

xap_status xap_qp_set_stemmer(xap_qparser *qp, const xap_stem *stem,
			      xap_error *err)
{
	if (!qp || !stem)
		return report(err, XAP_ERR_INVALID, "cannot set parser stemmer: no parser or stemmer");
	try {
		qp->qp.set_stemmer(stem->stem);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set parser stemmer");
	}
}

xap_status xap_qp_set_stemming_strategy(xap_qparser *qp,
					enum xap_stem_strategy s,
					xap_error *err)
{
	if (!qp)
		return report(err, XAP_ERR_INVALID, "cannot set stemming strategy: no parser");
	Xapian::QueryParser::stem_strategy xs;
	switch (s) {
	case XAP_STEM_NONE: xs = Xapian::QueryParser::STEM_NONE; break;
	case XAP_STEM_SOME: xs = Xapian::QueryParser::STEM_SOME; break;
	case XAP_STEM_ALL: xs = Xapian::QueryParser::STEM_ALL; break;
	case XAP_STEM_ALL_Z: xs = Xapian::QueryParser::STEM_ALL_Z; break;
	case XAP_STEM_SOME_FULL_POS: xs = Xapian::QueryParser::STEM_SOME_FULL_POS; break;
	default:
		return report(err, XAP_ERR_INVALID,
			      "cannot set stemming strategy: unknown strategy %d",
			      static_cast<int>(s));
	}
	try {
		qp->qp.set_stemming_strategy(xs);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set stemming strategy");
	}
}

xap_status xap_qp_set_default_op(xap_qparser *qp, enum xap_op op, xap_error *err)
{
	if (!qp)
		return report(err, XAP_ERR_INVALID, "cannot set default operator: no parser");
	Xapian::Query::op xop;
	if (!map_op(op, &xop))
		return report(err, XAP_ERR_INVALID,
			      "cannot set default operator: unknown operator %d",
			      static_cast<int>(op));
	try {
		qp->qp.set_default_op(xop);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set default operator");
	}
}

xap_status xap_qp_add_prefix(xap_qparser *qp, const char *field,
			     const char *prefix, xap_error *err)
{
	if (!qp || !field || !prefix)
		return report(err, XAP_ERR_INVALID, "cannot add prefix: no parser, field or prefix");
	try {
		qp->qp.add_prefix(field, prefix);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot add prefix '%s'", field);
	}
}

xap_status xap_qp_add_boolean_prefix(xap_qparser *qp, const char *field,
				     const char *prefix, const char *grouping,
				     xap_error *err)
{
	if (!qp || !field || !prefix)
		return report(err, XAP_ERR_INVALID, "cannot add boolean prefix: no parser, field or prefix");
	try {
		if (grouping) {
			const std::string g(grouping);
			qp->qp.add_boolean_prefix(field, prefix, &g);
		} else {
			qp->qp.add_boolean_prefix(field, prefix, nullptr);
		}
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot add boolean prefix '%s'", field);
	}
}

/* The parser keeps a raw pointer; the handle keeps the object alive. */
static xap_status add_range_processor(xap_qparser *qp,
				      std::unique_ptr<Xapian::RangeProcessor> rp)
{
	qp->ranges.push_back(std::move(rp));
	qp->qp.add_rangeprocessor(qp->ranges.back().get());
	return XAP_OK;
}

xap_status xap_qp_add_range(xap_qparser *qp, unsigned slot, const char *prefix,
			    xap_error *err)
{
	if (!qp)
		return report(err, XAP_ERR_INVALID, "cannot add range: no parser");
	try {
		return add_range_processor(qp,
			std::unique_ptr<Xapian::RangeProcessor>(
				new Xapian::RangeProcessor(slot, str(prefix))));
	} catch (...) {
		return fail(err, nullptr, "cannot add range on slot %u", slot);
	}
}

xap_status xap_qp_add_year_range(xap_qparser *qp, unsigned slot, const char *prefix,
				 const char *year_prefix, int first_year, int last_year,
				 int max_years, xap_error *err)
{
	if (!qp || !year_prefix)
		return report(err, XAP_ERR_INVALID, "cannot add year range: no parser");
	try {
		return add_range_processor(qp,
			std::unique_ptr<Xapian::RangeProcessor>(
				new YearRangeProcessor(slot, str(prefix), year_prefix,
						       first_year, last_year, max_years)));
	} catch (...) {
		return fail(err, nullptr, "cannot add year range on slot %u", slot);
	}
}

xap_status xap_qp_add_date_range(xap_qparser *qp, unsigned slot,
				 const char *prefix, int prefer_mdy,
				 int epoch_year, xap_error *err)
{
	if (!qp)
		return report(err, XAP_ERR_INVALID, "cannot add date range: no parser");
	try {
		unsigned flags = prefer_mdy ? Xapian::RP_DATE_PREFER_MDY : 0;
		return add_range_processor(qp,
			std::unique_ptr<Xapian::RangeProcessor>(
				new Xapian::DateRangeProcessor(slot, str(prefix),
							       flags, epoch_year)));
	} catch (...) {
		return fail(err, nullptr, "cannot add date range on slot %u", slot);
	}
}

xap_status xap_qp_parse(xap_qparser *qp, const char *text, unsigned flags,
			const char *default_prefix, xap_query **out,
			xap_error *err)
{
	if (!qp || !text || !out)
		return report(err, XAP_ERR_INVALID, "cannot parse query: no parser, text or handle");
	*out = nullptr;
	try {
		std::unique_ptr<xap_query> q(new xap_query);
		q->query = qp->qp.parse_query(text, map_qp_flags(flags),
					      str(default_prefix));
		*out = q.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot parse query '%s'", text);
	}
}

char *xap_qp_corrected_query(const xap_qparser *qp)
{
	if (!qp)
		return nullptr;
	try {
		std::string s = qp->qp.get_corrected_query_string();
		return s.empty() ? nullptr : dup_out(s, nullptr);
	} catch (...) {
		return nullptr;
	}
}

/* ---- searching ---------------------------------------------------------- */

xap_status xap_enquire_new(xap_enquire **out, const xap_db *db, xap_error *err)
{
	if (!out || !db)
		return report(err, XAP_ERR_INVALID, "cannot create enquire: no database");
	*out = nullptr;
	try {
		*out = new xap_enquire(db->db);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot create enquire");
	}
}

void xap_enquire_free(xap_enquire *enq)
{
	delete enq;
}

xap_status xap_enquire_set_query(xap_enquire *enq, const xap_query *q,
				 xap_error *err)
{
	if (!enq || !q)
		return report(err, XAP_ERR_INVALID, "cannot set query: no enquire or query");
	try {
		enq->enquire.set_query(q->query);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set query");
	}
}

xap_status xap_enquire_set_bm25(xap_enquire *enq, double k1, double k2,
				double k3, double b, double min_normlen,
				xap_error *err)
{
	if (!enq)
		return report(err, XAP_ERR_INVALID, "cannot set BM25 parameters: no enquire");
	try {
		enq->enquire.set_weighting_scheme(
			Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set BM25 parameters");
	}
}

xap_status xap_enquire_sort_by_relevance(xap_enquire *enq, xap_error *err)
{
	if (!enq)
		return report(err, XAP_ERR_INVALID, "cannot sort by relevance: no enquire");
	try {
		enq->enquire.set_sort_by_relevance();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot sort by relevance");
	}
}

xap_status xap_enquire_sort_by_value(xap_enquire *enq, unsigned slot,
				     int reverse, xap_error *err)
{
	if (!enq)
		return report(err, XAP_ERR_INVALID, "cannot sort by value: no enquire");
	try {
		enq->enquire.set_sort_by_value_then_relevance(slot, reverse != 0);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot sort by value %u", slot);
	}
}

xap_status xap_enquire_set_collapse_key(xap_enquire *enq, unsigned slot,
					unsigned max, xap_error *err)
{
	if (!enq)
		return report(err, XAP_ERR_INVALID, "cannot set collapse key: no enquire");
	try {
		enq->enquire.set_collapse_key(slot, max);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot set collapse key %u", slot);
	}
}

xap_status xap_enquire_get_mset(xap_enquire *enq, unsigned first,
				unsigned maxitems, unsigned checkatleast,
				xap_mset **out, xap_error *err)
{
	if (!enq || !out)
		return report(err, XAP_ERR_INVALID, "cannot search: no enquire or handle");
	*out = nullptr;
	try {
		std::unique_ptr<xap_mset> ms(new xap_mset);
		ms->mset = enq->enquire.get_mset(first, maxitems, checkatleast);
		*out = ms.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot search");
	}
}

void xap_mset_free(xap_mset *ms)
{
	delete ms;
}

unsigned xap_mset_size(const xap_mset *ms)
{
	return ms ? ms->mset.size() : 0;
}

unsigned xap_mset_estimated(const xap_mset *ms)
{
	return ms ? ms->mset.get_matches_estimated() : 0;
}

unsigned xap_mset_docid(const xap_mset *ms, unsigned i)
{
	if (!ms || i >= ms->mset.size())
		return 0;
	try {
		return *ms->mset[i];
	} catch (...) {
		return 0;
	}
}

double xap_mset_weight(const xap_mset *ms, unsigned i)
{
	if (!ms || i >= ms->mset.size())
		return 0.0;
	try {
		return ms->mset[i].get_weight();
	} catch (...) {
		return 0.0;
	}
}

int xap_mset_percent(const xap_mset *ms, unsigned i)
{
	if (!ms || i >= ms->mset.size())
		return 0;
	try {
		return ms->mset[i].get_percent();
	} catch (...) {
		return 0;
	}
}

unsigned xap_mset_collapse_count(const xap_mset *ms, unsigned i)
{
	if (!ms || i >= ms->mset.size())
		return 0;
	try {
		return ms->mset[i].get_collapse_count();
	} catch (...) {
		return 0;
	}
}

xap_status xap_mset_document(const xap_mset *ms, unsigned i, xap_doc **out,
			     xap_error *err)
{
	if (!ms || !out)
		return report(err, XAP_ERR_INVALID, "cannot get result document: no result set");
	*out = nullptr;
	if (i >= ms->mset.size())
		return report(err, XAP_ERR_INVALID,
			      "cannot get result document %u: only %u results",
			      i, static_cast<unsigned>(ms->mset.size()));
	try {
		std::unique_ptr<xap_doc> doc(new xap_doc);
		Xapian::MSetIterator it = ms->mset[i];
		doc->doc = it.get_document();
		doc->docid = *it;
		*out = doc.release();
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot get result document %u", i);
	}
}

xap_status xap_mset_snippet(const xap_mset *ms, const char *text, size_t len,
			    size_t length, const xap_stem *stem,
			    const char *hi_start, const char *hi_end,
			    const char *omit, char **out, xap_error *err)
{
	if (!ms || !out)
		return report(err, XAP_ERR_INVALID, "cannot build snippet: no result set");
	*out = nullptr;
	try {
		std::string s = ms->mset.snippet(
			str(text, len), length,
			stem ? stem->stem : Xapian::Stem(),
			Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
				Xapian::MSet::SNIPPET_EXHAUSTIVE,
			str(hi_start), str(hi_end), str(omit));
		*out = dup_out(s, nullptr);
		return XAP_OK;
	} catch (...) {
		return fail(err, nullptr, "cannot build snippet");
	}
}

} // extern "C"
