/* test_html.c: web pages: the article's text kept with its paragraphs, page furniture dropped, metadata read. */
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

#define DATA_DIR VB_TEST_DATA "/html"

/* A test page's bytes, NUL-terminated. */
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

/* Parse a test page; its warnings are left in err. */
static void parse_page(const char *name, struct vb_doc *doc, struct vb_buf *err)
{
	size_t len;
	char *data = slurp(name, &len);
	assert_int_equal(vb_parse_html_doc(data, len, name, NULL, doc, err), 0);
	free(data);
}

static void parse_string(const char *html, struct vb_doc *doc, struct vb_buf *err)
{
	assert_int_equal(vb_parse_html_doc(html, strlen(html), "inline.html",
					   "inline", doc, err), 0);
}

#define assert_has(hay, needle) assert_non_null(strstr((hay), (needle)))
#define assert_lacks(hay, needle) assert_null(strstr((hay), (needle)))

static void test_press_release_furniture_dropped(void **state)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	(void)state;

	parse_page("press-release.html", &doc, &err);
	assert_string_equal(err.buf, "");
	/* The article, paragraph by paragraph, as a text file has it. */
	assert_has(doc.body, "Corvane, 5 March 2024 \xE2\x80\x93 The board of the Corvane Harbour Authority today approved");
	assert_has(doc.body, "for thirty years.\n\nThe terminal will serve the crossing");
	assert_has(doc.body, "48 million crowns.\n\n\xE2\x80\x9CSaltmere Point gives the islands");
	assert_has(doc.body, "said Imelda Brask, chief executive of the Corvane Harbour Authority.");
	assert_has(doc.body, "Notes to editors\n\nThe Corvane Harbour Authority manages");
	/* Cookie banner, skip link, header, navigation, search form,
	 * breadcrumbs, share buttons, sidebar, related, newsletter, footer,
	 * scripts and styles. */
	static const char *const junk[] = {
		"cookie", "Skip to main content", "About the harbour", "Search the site",
		"Home", "Share on Chirper", "Latest news", "Dredging", "Related articles",
		"record in 2023", "newsletter", "Subscribe", "All rights reserved",
		"Privacy notice", "dataLayer", "font-family", "trackConsent",
	};
	for (size_t i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		if (strstr(doc.body, junk[i]))
			fail_msg("'%s' kept in:\n%s", junk[i], doc.body);
	}
	/* og:title before <title>; article:published_time; og:url before the canonical link. */
	assert_string_equal(doc.title, "Harbour board approves Saltmere Point ferry terminal");
	assert_string_equal(doc.date, "2024-03-05");
	assert_string_equal(doc.source, "Corvane Harbour Authority");
	assert_string_equal(doc.url, "https://www.corvaneharbour.example/news/2024/saltmere-terminal");
	assert_string_equal(doc.lang, "en-gb");
	assert_null(doc.type);
	assert_null(doc.author);
	assert_string_equal(doc.extra,
		"{\"description\":\"The board of the Corvane Harbour Authority has approved a tidal ferry terminal at Saltmere Point.\"}");
	/* The id defaults as for text files. */
	assert_string_equal(doc.id, "press-release.html");
	assert_int_equal(doc.body_line, 1);
	assert_int_equal(doc.body_offset, 0);
	vb_doc_release(&doc);
	vb_buf_release(&err);
}

static void test_jsonld_news_article(void **state)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	(void)state;

	parse_page("news-article.html", &doc, &err);
	assert_string_equal(err.buf, "");
	/* JSON-LD (in @graph) wins over og: and <meta>. */
	assert_string_equal(doc.title, "Wind farm cable cut leaves the Oyster Isles running on diesel");
	assert_string_equal(doc.date, "2024-01-18");
	assert_string_equal(doc.author, "Marta Quennell, Owain Trelisk");
	assert_string_equal(doc.source, "The Saltmere Gazette");
	assert_string_equal(doc.url, "https://www.saltmeregazette.example/2024/01/18/cable-cut");
	assert_string_equal(doc.lang, "en-gb");
	assert_string_equal(doc.type, "article");
	assert_has(doc.extra, "An anchor dragged in the January storm");
	/* itemprop=articleBody: the body only, <blockquote> a paragraph. */
	assert_true(!strncmp(doc.body, "The Oyster Isles are running on diesel generators", 49));
	assert_has(doc.body, "the island council said.\n\nEngineers from Brindle Offshore");
	assert_has(doc.body, "repair vessel Kittiwake would not");
	assert_has(doc.body, "two metres.\n\n\xE2\x80\x9CWe have fuel for three weeks");
	assert_has(doc.body, "the bulk carrier Marden Star, anchored");
	static const char *const junk[] = {
		"By Marta Quennell", "47 comments", "Reader from Corvane", "Subscribe",
		"Sport", "Gazette Media", "promise of cheaper power",
	};
	for (size_t i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		if (strstr(doc.body, junk[i]))
			fail_msg("'%s' kept in:\n%s", junk[i], doc.body);
	}
	vb_doc_release(&doc);
	vb_buf_release(&err);
}

static void test_no_structure_scored(void **state)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	(void)state;

	/* A table layout with no <article> or <main>: the scorer finds the text. */
	parse_page("date-in-text.html", &doc, &err);
	assert_string_equal(doc.title, "Statement on the closure of the Dunmarrow Lighthouse Museum");
	/* No date in the markup: the date written in the text is left to
	 * extraction (as `mentioned:`), as for text files. */
	assert_null(doc.date);
	assert_has(doc.body, "Posted on 14 March 2023 by the Trustees\n\nThe trustees of the Dunmarrow");
	assert_has(doc.body, "said Helena Carrow, chair of the trustees.");
	assert_has(doc.body, "as before.");
	assert_lacks(doc.body, "Donate");
	assert_lacks(doc.body, "Opening hours");
	assert_lacks(doc.body, "registered charity");
	vb_doc_release(&doc);
	vb_buf_release(&err);
}

static void test_malformed_page_repaired(void **state)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	(void)state;

	parse_page("malformed.html", &doc, &err);
	/* A warning naming the line; the page is indexed anyway. */
	assert_string_equal(err.buf,
		"malformed HTML at line 16: Unexpected end tag : b (4 errors, repaired by the parser)");
	assert_string_equal(doc.title, "Quayside market to reopen & expand");
	/* Entities decoded; no-break spaces are spaces. */
	assert_has(doc.body, "The Quayside Traders\xE2\x80\x99 Association announced");
	assert_has(doc.body, "until 30 April.");
	assert_has(doc.body, "Bread \xC3\xA9" "clairs and pastries");
	/* Unclosed <p> and <li> end at the next block. */
	assert_has(doc.body, "before the fire.\n\nThe association's secretary");
	assert_has(doc.body, "Fresh produce\n\nFish from the morning boats\n\nBread");
	/* Table rows are lines, cells are separated. */
	assert_has(doc.body, "Small stall 120 crowns a month\nLarge stall 210 crowns a month\n\n");
	/* <pre> keeps its lines and spaces. */
	assert_has(doc.body, "\n\nMill Wharf Market\n  Opening: 7 June\n\nFresh produce");
	assert_lacks(doc.body, "Markets");
	assert_lacks(doc.body, "Copyright");
	vb_doc_release(&doc);
	vb_buf_release(&err);
}

static void test_blocks_inline_and_spaces(void **state)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	(void)state;

	parse_string("<html><body><main>"
		     "<h1>Heading   one</h1>\n"
		     "<p>One <b>bold</b>\n\t word,<br>next <a href=x>line</a>&nbsp;here &amp; there.</p>"
		     "<div>Two <span>spans</span><div>nested block</div>after</div>"
		     "<blockquote>Quoted.</blockquote><ul><li>first<li>second</ul>"
		     "<p>Caf&eacute; &#x4E2D;&#25991; &lt;tag&gt;</p>"
		     "</main></body></html>", &doc, &err);
	assert_string_equal(doc.body,
		"Heading one\n\n"
		"One bold word,\nnext line here & there.\n\n"
		"Two spans\n\nnested block\n\nafter\n\n"
		"Quoted.\n\nfirst\n\nsecond\n\n"
		"Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 <tag>");
	/* No <title>: the first <h1>. */
	assert_string_equal(doc.title, "Heading one");
	assert_string_equal(doc.id, "inline");
	vb_doc_release(&doc);
	vb_buf_release(&err);
}

static void test_header_kept_only_in_articles(void **state)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	(void)state;

	/* <main> with the site's header inside: dropped. */
	parse_string("<html><body><main><header><p>Corvane Harbour Authority, since 1874</p></header>"
		     "<p>The harbour office will be closed on the public holiday, the authority said today.</p>"
		     "<p>Emergency berthing requests go to the harbour master as usual, by radio or phone.</p>"
		     "</main></body></html>", &doc, &err);
	assert_lacks(doc.body, "since 1874");
	assert_has(doc.body, "closed on the public holiday");
	vb_doc_release(&doc);

	/* An <article>'s own header: its headline and standfirst, kept. */
	parse_string("<html><body><header class=masthead>Site masthead</header><article>"
		     "<header class=article-header><h1>Office closed for the holiday</h1></header>"
		     "<p>The harbour office will be closed on the public holiday, the authority said today.</p>"
		     "<p>Emergency berthing requests go to the harbour master as usual, by radio or phone.</p>"
		     "</article></body></html>", &doc, &err);
	assert_true(!strncmp(doc.body, "Office closed for the holiday\n\nThe harbour office", 49));
	assert_lacks(doc.body, "masthead");
	vb_doc_release(&doc);
	vb_buf_release(&err);
}

/* A blockquote's <footer> is the quotation's signature, kept as its own
 * paragraph; the page's <footer> is furniture. */
static void test_blockquote_footer_kept(void **state)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	(void)state;

	parse_string("<html><body><article><p>Vireo Health said on Thursday it would expand "
		     "its trial to forty sites in Europe.</p><blockquote><p>\xe2\x80\x9c" "Expanding "
		     "into Europe lets us enrol patients faster.\xe2\x80\x9d</p><footer>\xe2\x80\x94 "
		     "Dr. Samuel Achebe, Chief Medical Officer</footer></blockquote></article>"
		     "<footer><p>All rights reserved.</p></footer></body></html>", &doc, &err);
	assert_has(doc.body, "faster.\xe2\x80\x9d\n\n\xe2\x80\x94 Dr. Samuel Achebe");
	assert_lacks(doc.body, "All rights reserved");
	vb_doc_release(&doc);
	vb_buf_release(&err);
}

static void test_metadata_precedence(void **state)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	(void)state;

	/* <meta> before <time>; <title> when nothing better. */
	parse_string("<html lang=de><head><title>Seitentitel</title>"
		     "<meta name=date content=2019-02-03></head>"
		     "<body><article><time datetime=2018-01-01>gestern</time>"
		     "<p>Ein Absatz mit genug Text, um als Artikel zu gelten.</p></article></body></html>",
		     &doc, &err);
	assert_string_equal(doc.title, "Seitentitel");
	assert_string_equal(doc.date, "2019-02-03");
	assert_string_equal(doc.lang, "de");
	vb_doc_release(&doc);

	/* <time datetime> alone; an invalid JSON-LD date falls back to it;
	 * a PressRelease with a plain author; a top-level JSON-LD array. */
	parse_string("<html><head><script type='application/ld+json'>"
		     "[{\"@type\":\"Organization\",\"name\":\"Not this\"},"
		     " {\"@type\":[\"PressRelease\"],\"headline\":\"Ferry fares frozen\","
		     "  \"datePublished\":\"last Tuesday\",\"author\":\"Press Office\","
		     "  \"publisher\":\"Corvane Harbour Authority\"}]</script></head>"
		     "<body><p>Posted <time datetime='2021-07-09T10:00:00+02:00'>9 July</time></p>"
		     "<p>Fares on every crossing stay as they are for another year.</p></body></html>",
		     &doc, &err);
	assert_string_equal(doc.title, "Ferry fares frozen");
	assert_string_equal(doc.date, "2021-07-09");
	assert_string_equal(doc.type, "press_release");
	assert_string_equal(doc.author, "Press Office");
	assert_string_equal(doc.source, "Corvane Harbour Authority");
	vb_doc_release(&doc);

	/* Broken JSON-LD is a warning with its line; the page is kept. */
	vb_buf_reset(&err);
	parse_string("<html><head>\n<script type=application/ld+json>{\"@type\": </script>\n"
		     "</head><body><p>Text of a page whose metadata is broken.</p></body></html>",
		     &doc, &err);
	assert_has(err.buf, "invalid JSON-LD at line 2");
	assert_string_equal(doc.body, "Text of a page whose metadata is broken.");
	vb_doc_release(&doc);
	vb_buf_release(&err);
}

/* Parse a page with this <title> and <h1>; the title and source found. */
static void title_and_site(const char *title, const char *h1, const char *want_title,
			   const char *want_source)
{
	struct vb_buf err = VB_BUF_INIT, page = VB_BUF_INIT;
	struct vb_doc doc;
	vb_buf_addf(&page, "<html><head><title>%s</title></head><body><main><h1>%s</h1>"
		    "<p>A paragraph with enough text to be the article of the page.</p>"
		    "</main></body></html>", title, h1);
	parse_string(page.buf, &doc, &err);
	assert_string_equal(doc.title, want_title);
	if (want_source)
		assert_string_equal(doc.source, want_source);
	else
		assert_null(doc.source);
	vb_doc_release(&doc);
	vb_buf_release(&page);
	vb_buf_release(&err);
}

static void test_title_without_site_name(void **state)
{
	(void)state;
	/* The <h1> on one side of a separator: the other side is the site. */
	title_and_site("Ferry fares frozen - Corvane Harbour", "Ferry fares frozen",
		       "Ferry fares frozen", "Corvane Harbour");
	title_and_site("Ferry fares frozen | Corvane Harbour", "Ferry fares frozen",
		       "Ferry fares frozen", "Corvane Harbour");
	title_and_site("Corvane Harbour \u2013 Ferry fares frozen", "Ferry fares frozen",
		       "Ferry fares frozen", "Corvane Harbour");
	/* Not that shape: the <title> as it is. */
	title_and_site("Ferry fares frozen: what it means", "Ferry fares frozen",
		       "Ferry fares frozen: what it means", NULL);
	title_and_site("Ferry fares - frozen", "Ferry fares - frozen", "Ferry fares - frozen", NULL);
	title_and_site("Ferry fares frozen - Corvane Harbour", "Winter timetable",
		       "Ferry fares frozen - Corvane Harbour", NULL);
}

static void test_page_without_text_skipped(void **state)
{
	struct vb_buf err = VB_BUF_INIT;
	struct vb_doc doc;
	const char *page = "<html><head><title>Menu</title><script>var x;</script></head>"
			   "<body><nav><a href=/>Home</a></nav><footer>Contact</footer></body></html>";
	(void)state;

	assert_int_equal(vb_parse_html_doc(page, strlen(page), "empty.html", NULL,
					   &doc, &err), -1);
	assert_string_equal(err.buf, "no article text found in the HTML page, skipped");
	assert_null(doc.body);
	vb_buf_release(&err);
}

static void test_sniffing(void **state)
{
	(void)state;
	static const char *const pages[] = {
		"<!DOCTYPE html>\n<html>", "<!doctype HTML><p>x", "\xEF\xBB\xBF  <html lang=en>",
		"<!-- saved from url -->\n<HTML>", "<?xml version='1.0'?>\n<!DOCTYPE html PUBLIC>",
	};
	static const char *const texts[] = {
		"Hello <html>", "<htmlx>", "<!DOCTYPE svg>", "---\ntitle: x\n---\n<html>", "",
	};
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		assert_true(ingest_looks_like_html(pages[i], strlen(pages[i])));
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		assert_false(ingest_looks_like_html(texts[i], strlen(texts[i])));
}

/* vb_ingest_file: a page in windows-1252 declared by <meta>, by extension and by content. */
struct seen {
	struct vb_doc doc;
	int ndocs;
	char notes[256];
};

static int keep_doc(struct vb_doc *doc, void *ud)
{
	struct seen *s = ud;
	s->doc = *doc;
	memset(doc, 0, sizeof(*doc));
	s->ndocs++;
	return 0;
}

static void keep_note(const struct vb_ingest_report *r, void *ud)
{
	struct seen *s = ud;
	if (r->note)
		snprintf(s->notes, sizeof(s->notes), "%s", r->message);
}

static void test_declared_windows_1252(void **state)
{
	struct seen s = { 0 };
	struct vb_ingest_cb cb = { keep_doc, keep_note, &s };
	(void)state;

	assert_int_equal(vb_ingest_file(DATA_DIR "/windows-1252.html",
					"windows-1252.html", NULL, &cb), 0);
	assert_int_equal(s.ndocs, 1);
	assert_string_equal(s.notes, "windows-1252 (declared)");
	assert_string_equal(s.doc.title, "Le caf\xC3\xA9 du port rouvre ses portes");
	/* From <time datetime>, the only date the page gives. */
	assert_string_equal(s.doc.date, "2022-06-10");
	assert_string_equal(s.doc.lang, "fr");
	assert_int_equal(s.doc.invalid_utf8, 0);
	/* 0x80 is the euro sign and 0x93/0x94 curly quotes in windows-1252. */
	assert_has(s.doc.body, "14 \xE2\x82\xAC, boisson comprise");
	assert_has(s.doc.body, "\xE2\x80\x9C" "march\xC3\xA9 du quai\xE2\x80\x9D");
	assert_lacks(s.doc.body, "Accueil");
	vb_doc_release(&s.doc);
}

static void test_html_by_content(void **state)
{
	char path[] = "/tmp/vb-html-XXXXXX";
	static const char page[] = "<!DOCTYPE html><html><head><title>Sniffed</title></head>"
				   "<body><nav>Menu</nav><p>A page saved without its extension.</p></body></html>";
	struct seen s = { 0 };
	struct vb_ingest_cb cb = { keep_doc, keep_note, &s };
	(void)state;

	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, page, sizeof(page) - 1), (ssize_t)(sizeof(page) - 1));
	close(fd);
	assert_int_equal(vb_ingest_file(path, "saved-page", NULL, &cb), 0);
	unlink(path);
	assert_string_equal(s.doc.title, "Sniffed");
	assert_string_equal(s.doc.body, "A page saved without its extension.");
	vb_doc_release(&s.doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_press_release_furniture_dropped),
		cmocka_unit_test(test_jsonld_news_article),
		cmocka_unit_test(test_no_structure_scored),
		cmocka_unit_test(test_malformed_page_repaired),
		cmocka_unit_test(test_blocks_inline_and_spaces),
		cmocka_unit_test(test_header_kept_only_in_articles),
		cmocka_unit_test(test_blockquote_footer_kept),
		cmocka_unit_test(test_metadata_precedence),
		cmocka_unit_test(test_title_without_site_name),
		cmocka_unit_test(test_page_without_text_skipped),
		cmocka_unit_test(test_sniffing),
		cmocka_unit_test(test_declared_windows_1252),
		cmocka_unit_test(test_html_by_content),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
