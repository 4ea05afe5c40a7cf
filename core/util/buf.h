/* buf.h: growable byte buffers that are never NULL and always NUL-terminated. */
#ifndef VB_BUF_H
#define VB_BUF_H

#include <stdarg.h>
#include <stddef.h>

/*
 * A vb_buf owns its memory once it has grown.  `buf` always points at a
 * NUL-terminated string (a static empty string before the first growth), so
 * it can be printed at any time.  `len` excludes the terminator.
 *
 * Life cycle: VB_BUF_INIT or vb_buf_init(), any number of appends,
 * vb_buf_release() to free (the buffer is then empty and reusable), or
 * vb_buf_detach() to take ownership of the malloc'd string.
 * Allocation failure aborts the process with a message: like git, we treat
 * out-of-memory in a buffer as fatal rather than threading it everywhere.
 */
struct vb_buf {
	char *buf;
	size_t len;
	size_t alloc;
};

extern char vb_buf_empty[];
#define VB_BUF_INIT { vb_buf_empty, 0, 0 }

void vb_buf_init(struct vb_buf *b);
void vb_buf_release(struct vb_buf *b);
/* Make room for at least `extra` more bytes plus the terminator. */
void vb_buf_grow(struct vb_buf *b, size_t extra);
/* Drop the content but keep the memory. */
void vb_buf_reset(struct vb_buf *b);
/* Shorten to `len` bytes (must be <= b->len). */
void vb_buf_truncate(struct vb_buf *b, size_t len);
void vb_buf_add(struct vb_buf *b, const void *data, size_t len);
void vb_buf_adds(struct vb_buf *b, const char *s);
void vb_buf_addch(struct vb_buf *b, int c);
void vb_buf_addf(struct vb_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void vb_buf_vaddf(struct vb_buf *b, const char *fmt, va_list ap);
/* Append a Unicode code point as UTF-8. */
void vb_buf_add_utf8(struct vb_buf *b, unsigned cp);
/* Return the malloc'd string (never NULL) and leave `b` empty. */
char *vb_buf_detach(struct vb_buf *b, size_t *len);

/* Allocation helpers that die on failure, for the same reason as above. */
void *vb_malloc(size_t n);
void *vb_calloc(size_t n, size_t size);
void *vb_realloc(void *p, size_t n);
char *vb_strdup(const char *s);
char *vb_strndup(const char *s, size_t n);

/* A growable array grown by doubling: VB_ALLOC_GROW(items, count + 1, alloc). */
#define VB_ALLOC_GROW(x, nr, alloc)                                          \
	do {                                                                 \
		if ((nr) > (alloc)) {                                        \
			size_t vb_new_ = (alloc) ? (alloc) * 2 : 16;         \
			if (vb_new_ < (nr))                                  \
				vb_new_ = (nr);                              \
			(x) = vb_realloc((x), vb_new_ * sizeof(*(x)));       \
			(alloc) = vb_new_;                                   \
		}                                                            \
	} while (0)

#endif
