/* boilerplate.c: lines of scraped pages and wire copy that are not the story: banners, notices, sign-offs. */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * A line is boilerplate when, lowercased and trimmed, it is short and
 * contains one of these phrases (a notice), or is exactly one of the exact
 * lines, or is a navigation line (several short items separated by | > »
 * • ·), or a short label ending in a colon with no verb ("Key Points:").
 * Long lines are never dropped for a phrase: a sentence of the story may
 * mention cookies or subscriptions.
 */
struct phrase {
	const char *text;
	const char *reason;
	size_t max_line;       /* longest line this phrase condemns */
};

static const struct phrase phrases[] = {
	{ "an error occurred", "error-banner", 160 },
	{ "please try again", "error-banner", 160 },
	{ "something went wrong", "error-banner", 160 },
	{ "javascript is disabled", "error-banner", 200 },
	{ "enable javascript", "error-banner", 200 },
	{ "your browser", "error-banner", 120 },
	{ "we use cookies", "cookie-notice", 400 },
	{ "uses cookies", "cookie-notice", 400 },
	{ "cookie policy", "cookie-notice", 300 },
	{ "accept cookies", "cookie-notice", 300 },
	{ "accept all cookies", "cookie-notice", 300 },
	{ "cookie settings", "cookie-notice", 300 },
	{ "share this article", "share", 120 },
	{ "share this story", "share", 120 },
	{ "share this page", "share", 120 },
	{ "share on facebook", "share", 160 },
	{ "share on twitter", "share", 160 },
	{ "share via email", "share", 120 },
	{ "click here", "click-here", 160 },
	{ "subscribe", "subscribe", 100 },
	{ "sign up for our", "subscribe", 160 },
	{ "newsletter", "subscribe", 80 },
	{ "all rights reserved", "copyright", 240 },
	{ "copyright ©", "copyright", 200 },
	{ "© copyright", "copyright", 200 },
	{ "(c) copyright", "copyright", 200 },
	{ "follow us on", "social", 160 },
	{ "read more", "navigation", 80 },
	{ "related articles", "navigation", 80 },
	{ "related stories", "navigation", 80 },
	{ "skip to content", "navigation", 80 },
	{ "skip to main content", "navigation", 80 },
	{ "back to top", "navigation", 60 },
	{ "print this page", "navigation", 80 },
	{ "email this", "navigation", 60 },
	{ "advertisement", "advertisement", 40 },
	{ "terms of use", "navigation", 120 },
	{ "privacy policy", "navigation", 120 },
	{ "log in", "navigation", 40 },
	{ "sign in", "navigation", 40 },
	{ "loading...", "error-banner", 40 },
};

static const char *const exact_lines[][2] = {
	{ "reuter", "signoff" },
	{ "reuters", "signoff" },
	{ "ends", "signoff" },
	{ "- ends -", "signoff" },
	{ "-ends-", "signoff" },
	{ "end", "signoff" },
	{ "- end -", "signoff" },
	{ "-end-", "signoff" },
	{ "###", "signoff" },
	{ "# # #", "signoff" },
	{ "-30-", "signoff" },
	{ "home", "navigation" },
	{ "menu", "navigation" },
	{ "search", "navigation" },
	{ "share", "share" },
	{ "tweet", "share" },
	{ "print", "navigation" },
	{ "close", "navigation" },
	{ "next", "navigation" },
	{ "previous", "navigation" },
	{ "more", "navigation" },
	{ "top", "navigation" },
	{ "comments", "navigation" },
};

static bool contains_ci(const char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle);

	if (m > n)
		return false;
	for (size_t i = 0; i + m <= n; i++)
		if (!strncasecmp(hay + i, needle, m))
			return true;
	return false;
}

/* A navigation line: three or more short items between separators. */
static bool navigation_line(const char *s, size_t n)
{
	size_t seps = 0, item = 0, longest = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool sep = c == '|' || c == '>';
		/* » • · › as UTF-8 */
		if (c == 0xC2 && i + 1 < n &&
		    ((unsigned char)s[i + 1] == 0xBB ||
		     (unsigned char)s[i + 1] == 0xB7)) {
			sep = true;
			i++;
		} else if (c == 0xE2 && i + 2 < n &&
			   (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0xA2 ||
			    (unsigned char)s[i + 2] == 0xBA)) {
			sep = true;
			i += 2;
		}
		if (sep) {
			seps++;
			if (item > longest)
				longest = item;
			item = 0;
		} else {
			item++;
		}
	}
	if (item > longest)
		longest = item;
	return seps >= 2 && longest <= 30;
}

/* "Key Points:", "Related:", "Media contact:": a label with nothing after. */
static bool label_line(const char *s, size_t n)
{
	if (n < 2 || s[n - 1] != ':' || n > 40)
		return false;
	size_t words = 1;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == ' ')
			words++;
	if (words > 4)
		return false;
	/* "He said:" introduces a quote: not a label. */
	static const char *const verbs[] = { "said", "says", "added", "told",
		"explains", "explained", "stated", "wrote", "warned" };
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (contains_ci(s, n, verbs[i]))
			return false;
	return (s[0] >= 'A' && s[0] <= 'Z');
}

static const char *line_reason(const char *s, size_t n, bool last_line)
{
	for (size_t i = 0; i < sizeof(exact_lines) / sizeof(exact_lines[0]); i++) {
		size_t m = strlen(exact_lines[i][0]);
		if (m == n && !strncasecmp(s, exact_lines[i][0], n)) {
			/* "Reuter" is the sign-off only as the last line. */
			if (!strcmp(exact_lines[i][1], "signoff") &&
			    exact_lines[i][0][0] == 'r' && !last_line)
				continue;
			return exact_lines[i][1];
		}
	}
	/* Lowercase once, then plain substring search: this runs on every line. */
	char low[512];
	if (n < sizeof(low)) {
		for (size_t i = 0; i < n; i++) {
			char c = s[i];
			low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
		}
		low[n] = '\0';
		for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++)
			if (n <= phrases[i].max_line && strstr(low, phrases[i].text))
				return phrases[i].reason;
		/* "Related: Halden Direct adds mobile downloads | Sharespan
		 * files ...": headlines of other pages after a label. */
		static const char *const heads[] = {
			"related:", "see also:", "read more:", "also read:", "read also:",
			"more:", "recommended:", "most read:", "latest:", "more stories:",
		};
		for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
			if (!strncmp(low, heads[i], strlen(heads[i])))
				return "navigation";
	}
	if (navigation_line(s, n))
		return "navigation";
	if (label_line(s, n))
		return "label";
	return NULL;
}

typedef void (*line_fn)(void *ctx, size_t start, size_t end,
			const char *reason);

static void each_boilerplate_line(const char *s, size_t len, line_fn fn,
				  void *ctx)
{
	size_t i = 0;

	/* Find the last non-blank line first: the sign-off must be last. */
	size_t last_start = len;
	{
		size_t e = len;
		while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n' ||
				 s[e - 1] == '\r' || s[e - 1] == '\t'))
			e--;
		size_t b = e;
		while (b > 0 && s[b - 1] != '\n')
			b--;
		last_start = b;
	}
	while (i < len) {
		size_t e = i;
		while (e < len && s[e] != '\n')
			e++;
		size_t a = i, b = e;
		while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
				 s[b - 1] == '\r'))
			b--;
		if (b > a) {
			const char *why = line_reason(s + a, b - a,
						      i >= last_start);
			if (why)
				fn(ctx, a, b, why);
		}
		i = e + 1;
	}
}

static void add_span(void *ctx, size_t start, size_t end, const char *reason)
{
	struct vb_spans *out = ctx;

	(void)reason;
	VB_ALLOC_GROW(out->v, out->n + 1, out->alloc);
	out->v[out->n].start = start;
	out->v[out->n].end = end;
	out->n++;
}

void vb_boilerplate_spans(const char *body, size_t len, struct vb_spans *out)
{
	if (!body || !out)
		return;
	each_boilerplate_line(body, len, add_span, out);
}

static void add_dropped(void *ctx, size_t start, size_t end,
			const char *reason)
{
	struct xdoc *d = ctx;
	struct vb_extraction *x = d->out;

	VB_ALLOC_GROW(x->dropped, x->ndropped + 1, d->aout_dropped);
	x->dropped[x->ndropped].start = start;
	x->dropped[x->ndropped].end = end;
	x->dropped[x->ndropped].reason = reason;
	x->ndropped++;
}

void boilerplate_mark(struct xdoc *d)
{
	struct vb_extraction *x = d->out;

	each_boilerplate_line(d->s, d->len, add_dropped, d);
	if (!x->ndropped)
		return;
	/* Tokens and dropped lines are both in text order: one merge pass. */
	size_t k = 0;
	for (size_t i = 0; i < d->nt && k < x->ndropped; i++) {
		while (k < x->ndropped && x->dropped[k].end <= d->t[i].start)
			k++;
		if (k < x->ndropped && d->t[i].start >= x->dropped[k].start &&
		    d->t[i].end <= x->dropped[k].end)
			d->t[i].flags |= TF_BOILER;
	}
}
