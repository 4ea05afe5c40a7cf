/* test_encoding.c: files in other encodings than UTF-8 recognised and converted; UTF-8 left alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ingest.h"
#include "ingest_priv.h"
#include "text/text.h"

#define DATA_DIR VB_TEST_DATA "/encoding"

/* What a sink received: notes and other reports, one per line. */
struct heard {
	struct vb_buf notes;
	struct vb_buf problems;
};

static void hear(const struct vb_ingest_report *r, void *ud)
{
	struct heard *h = ud;
	struct vb_buf *to = r->note ? &h->notes : &h->problems;
	vb_buf_addf(to, "%s%s\n", r->skipped ? "skipped: " : "", r->message);
}

static char *slurp(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", DATA_DIR, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *data = malloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return data;
}

/* Decode a fixture; returns ingest_decode's value, the text in out. */
static int decode_file(const char *name, struct vb_buf *out,
		       struct ingest_charset *cs, struct heard *h)
{
	size_t len;
	char *data = slurp(name, &len);
	struct ingest_sink sink = { .path = name, .on_report = hear, .ud = h };
	int rc = ingest_decode(data, len, false, out, cs, &sink);
	if (rc == 0)
		vb_buf_add(out, data, len);
	free(data);
	return rc;
}

static void test_detected_and_converted(void **state)
{
	static const struct {
		const char *file, *charset, *text;
	} cases[] = {
		{ "windows-1252.txt", "windows-1252",
		  "The harbour caf\xC3\xA9\xE2\x80\x99s new menu costs 12 \xE2\x82\xAC a head \xE2\x80\x93 \xE2\x80\x9C" "a bargain" },
		{ "iso-8859-1.txt", "ISO-8859-1",
		  "Die Hafenbeh\xC3\xB6rde von S\xC3\xBC" "derwik" },
		{ "gb18030.txt", "GB18030",
		  "\xE6\xB8\xAF\xE5\x8F\xA3\xE7\xAE\xA1\xE7\x90\x86\xE5\xB1\x80" },     /* 港口管理局 */
		{ "shift-jis.txt", "Shift_JIS",
		  "\xE6\xB8\xAF\xE6\xB9\xBE\xE5\xB1\x80\xE3\x81\xAF" },                 /* 港湾局は */
		{ "utf-16le.txt", "UTF-16LE", "The harbour caf\xC3\xA9\xE2\x80\x99s" },
		{ "utf-16be.txt", "UTF-16BE", "Die Hafenbeh\xC3\xB6rde" },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct heard h = { VB_BUF_INIT, VB_BUF_INIT };
		struct vb_buf out = VB_BUF_INIT;
		struct ingest_charset cs;

		assert_int_equal(decode_file(cases[i].file, &out, &cs, &h), 1);
		if (strcmp(cs.name, cases[i].charset))
			fail_msg("%s: detected %s (%d), expected %s", cases[i].file,
				 cs.name, cs.confidence, cases[i].charset);
		assert_true(vb_utf8_valid(out.buf, out.len));
		if (!strstr(out.buf, cases[i].text))
			fail_msg("%s: '%s' not in:\n%s", cases[i].file, cases[i].text, out.buf);
		/* A BOM is not part of the text. */
		assert_true(strncmp(out.buf, "\xEF\xBB\xBF", 3));
		/* The note says what was found, for --verbose. */
		assert_true(!strncmp(h.notes.buf, cs.name, strlen(cs.name)));
		if (cs.how == INGEST_CHARSET_DETECTED) {
			char want[80];
			snprintf(want, sizeof(want), "%s (confidence %d)\n", cs.name, cs.confidence);
			assert_string_equal(h.notes.buf, want);
		} else {
			assert_int_equal(cs.how, INGEST_CHARSET_BOM);
		}
		vb_buf_release(&out);
		vb_buf_release(&h.notes);
		vb_buf_release(&h.problems);
	}
}

static void test_utf8_left_alone(void **state)
{
	struct heard h = { VB_BUF_INIT, VB_BUF_INIT };
	struct vb_buf out = VB_BUF_INIT;
	struct ingest_charset cs;
	struct ingest_sink sink = { .path = "x", .on_report = hear, .ud = &h };
	(void)state;

	/* Valid UTF-8, with a BOM (the readers skip it), or plain ASCII. */
	assert_int_equal(decode_file("utf-8-bom.txt", &out, &cs, &h), 0);
	assert_string_equal(cs.name, "UTF-8");
	static const char *const texts[] = {
		"plain ASCII", "Caf\xC3\xA9 cr\xC3\xA8me", "\xE6\xB8\xAF\xE5\x8F\xA3",
		/* Broken UTF-8: more good sequences than bad bytes, repaired later. */
		"Caf\xC3\xA9 \xC3\xA9t\xC3\xA9 na\xC3\xAFve \xFF end",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		assert_int_equal(ingest_decode(texts[i], strlen(texts[i]), false,
					       &out, &cs, &sink), 0);
		assert_int_equal(cs.how, INGEST_CHARSET_UTF8);
	}
	/* Nothing to tell. */
	assert_string_equal(h.notes.buf, "");
	assert_string_equal(h.problems.buf, "");
	vb_buf_release(&out);
}

static void test_html_declaration(void **state)
{
	char name[40];
	(void)state;

	assert_true(ingest_html_declared_charset("<head><meta charset=\"Shift_JIS\">", 32,
						 name, sizeof(name)));
	assert_string_equal(name, "Shift_JIS");
	static const char http_equiv[] =
		"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-1'>";
	assert_true(ingest_html_declared_charset(http_equiv, sizeof(http_equiv) - 1,
						 name, sizeof(name)));
	assert_string_equal(name, "ISO-8859-1");
	assert_false(ingest_html_declared_charset("<p>charset=utf-8</p>", 20, name,
						  sizeof(name)));

	/* A page that says ISO-8859-1 is read as windows-1252, as browsers
	 * do: 0x93 and 0x94 are its curly quotes. */
	static const char page[] =
		"<html><head><meta charset=iso-8859-1></head><body><p>\x93Quoted\x94 caf\xE9</p>";
	struct heard h = { VB_BUF_INIT, VB_BUF_INIT };
	struct vb_buf out = VB_BUF_INIT;
	struct ingest_charset cs;
	struct ingest_sink sink = { .path = "p.html", .on_report = hear, .ud = &h };
	assert_int_equal(ingest_decode(page, sizeof(page) - 1, true, &out, &cs, &sink), 1);
	assert_int_equal(cs.how, INGEST_CHARSET_DECLARED);
	assert_string_equal(h.notes.buf, "windows-1252 (declared)\n");
	assert_non_null(strstr(out.buf, "\xE2\x80\x9CQuoted\xE2\x80\x9D caf\xC3\xA9"));
	vb_buf_release(&out);
	vb_buf_release(&h.notes);

	/* A page that claims UTF-8 but is not: the detector decides. */
	static const char liar[] =
		"<html><head><meta charset=utf-8></head><body><p>Le caf\xE9 du port a rouvert "
		"apr\xE8s des travaux, la terrasse donne sur le bassin des p\xEA" "cheurs.</p>";
	assert_int_equal(ingest_decode(liar, sizeof(liar) - 1, true, &out, &cs, &sink), 1);
	assert_int_equal(cs.how, INGEST_CHARSET_DETECTED);
	assert_non_null(strstr(out.buf, "Le caf\xC3\xA9 du port"));
	vb_buf_release(&out);
	vb_buf_release(&h.notes);
	vb_buf_release(&h.problems);
}

/* Through vb_ingest_file: text files converted, UTF-16 JSON Lines too. */
struct docs {
	char *body[4];
	char *title[4];
	int n;
};

static int keep(struct vb_doc *doc, void *ud)
{
	struct docs *d = ud;
	assert_true(d->n < 4);
	d->body[d->n] = doc->body;
	d->title[d->n++] = doc->title;
	doc->body = doc->title = NULL;
	return 0;
}

static void ignore(const struct vb_ingest_report *r, void *ud)
{
	(void)r;
	(void)ud;
}

static void release(struct docs *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->body[i]);
		free(d->title[i]);
	}
	memset(d, 0, sizeof(*d));
}

static void test_files_converted(void **state)
{
	struct docs d = { 0 };
	struct vb_ingest_cb cb = { keep, ignore, &d };
	(void)state;

	assert_int_equal(vb_ingest_file(DATA_DIR "/shift-jis.txt", "sj", NULL, &cb), 0);
	assert_int_equal(d.n, 1);
	/* フェリーターミナル, the first line, is the title. */
	assert_string_equal(d.title[0], "\xE3\x83\x95\xE3\x82\xA7\xE3\x83\xAA\xE3\x83\xBC"
			    "\xE3\x82\xBF\xE3\x83\xBC\xE3\x83\x9F\xE3\x83\x8A\xE3\x83\xAB");
	release(&d);

	char path[] = "/tmp/vb-enc-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	/* {"id":"u","text":"Fähre"} and a second record, in UTF-16LE with a BOM. */
	static const char *const lines[] = {
		"{\"id\":\"u1\",\"text\":\"F\xC3\xA4hre\"}\n", "{\"id\":\"u2\",\"text\":\"Kai\"}\n",
	};
	FILE *f = fdopen(fd, "wb");
	fputs("\xFF\xFE", f);
	for (size_t i = 0; i < 2; i++) {
		struct vb_buf u16 = VB_BUF_INIT;
		for (const char *p = lines[i]; *p; ) {
			size_t at = (size_t)(p - lines[i]);
			unsigned cp = vb_utf8_next(lines[i], strlen(lines[i]), &at);
			p = lines[i] + at;
			vb_buf_addch(&u16, (int)(cp & 0xFF));
			vb_buf_addch(&u16, (int)(cp >> 8));
		}
		fwrite(u16.buf, 1, u16.len, f);
		vb_buf_release(&u16);
	}
	fclose(f);
	char jsonl[64];
	snprintf(jsonl, sizeof(jsonl), "%s.jsonl", path);
	assert_int_equal(rename(path, jsonl), 0);
	int rc = vb_ingest_file(jsonl, "u.jsonl", NULL, &cb);
	unlink(jsonl);
	assert_int_equal(rc, 0);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.body[0], "F\xC3\xA4hre");
	assert_string_equal(d.body[1], "Kai");
	release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detected_and_converted),
		cmocka_unit_test(test_utf8_left_alone),
		cmocka_unit_test(test_html_declaration),
		cmocka_unit_test(test_files_converted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
