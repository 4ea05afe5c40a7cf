/* buf.c: growable byte buffers and allocation helpers that die on failure. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char vb_buf_empty[1];

static void die_nomem(size_t n)
{
	fprintf(stderr, "verbatim: fatal: out of memory allocating %zu bytes\n", n);
	abort();
}

void *vb_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_nomem(n);
	return p;
}

void *vb_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_nomem(n * size);
	return p;
}

void *vb_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die_nomem(n);
	return q;
}

char *vb_strdup(const char *s)
{
	return vb_strndup(s, strlen(s));
}

char *vb_strndup(const char *s, size_t n)
{
	char *p = vb_malloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void vb_buf_init(struct vb_buf *b)
{
	b->buf = vb_buf_empty;
	b->len = 0;
	b->alloc = 0;
}

void vb_buf_release(struct vb_buf *b)
{
	if (b->alloc)
		free(b->buf);
	vb_buf_init(b);
}

void vb_buf_grow(struct vb_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->alloc)
		return;
	size_t n = b->alloc ? b->alloc : 64;
	while (n < need)
		n *= 2;
	if (b->alloc) {
		b->buf = vb_realloc(b->buf, n);
	} else {
		b->buf = vb_malloc(n);
		b->buf[0] = '\0';
	}
	b->alloc = n;
}

void vb_buf_reset(struct vb_buf *b)
{
	vb_buf_truncate(b, 0);
}

void vb_buf_truncate(struct vb_buf *b, size_t len)
{
	if (!b->alloc)
		return;
	b->len = len;
	b->buf[len] = '\0';
}

void vb_buf_add(struct vb_buf *b, const void *data, size_t len)
{
	if (!len)
		return;
	vb_buf_grow(b, len);
	memcpy(b->buf + b->len, data, len);
	b->len += len;
	b->buf[b->len] = '\0';
}

void vb_buf_adds(struct vb_buf *b, const char *s)
{
	vb_buf_add(b, s, strlen(s));
}

void vb_buf_addch(struct vb_buf *b, int c)
{
	vb_buf_grow(b, 1);
	b->buf[b->len++] = (char)c;
	b->buf[b->len] = '\0';
}

void vb_buf_vaddf(struct vb_buf *b, const char *fmt, va_list ap)
{
	/* Most formatted pieces are short: one pass through a stack buffer. */
	char small[256];
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(small, sizeof(small), fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	if ((size_t)n < sizeof(small)) {
		vb_buf_add(b, small, (size_t)n);
		return;
	}
	vb_buf_grow(b, (size_t)n);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void vb_buf_addf(struct vb_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vb_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void vb_buf_add_utf8(struct vb_buf *b, unsigned cp)
{
	char s[4];
	size_t n;
	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	vb_buf_add(b, s, n);
}

char *vb_buf_detach(struct vb_buf *b, size_t *len)
{
	char *s;
	if (len)
		*len = b->len;
	if (b->alloc)
		s = b->buf;
	else
		s = vb_strdup("");
	vb_buf_init(b);
	return s;
}
