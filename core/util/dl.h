/* dl.h: a library loaded when first needed, its functions looked up by name. */
#ifndef VB_UTIL_DL_H
#define VB_UTIL_DL_H

#include <stddef.h>

/* A symbol, and the pointer to fill with its address: a function pointer
 * (copied bytewise, as POSIX allows) or a pointer to a variable. */
struct vb_dl_sym {
	const char *name;
	void *slot;
};

/*
 * dlopen the first of `sonames` (NULL-terminated) that loads, with
 * RTLD_NOW | RTLD_LOCAL, and fill every slot of syms[0..n).  Returns 0, or
 * -1 with a message in err: "cannot load LIB (Debian package PKG): why",
 * or "LIB has no SYMBOL".  The library stays loaded.
 */
int vb_dl_load(const char *const *sonames, const char *lib, const char *package,
	       const struct vb_dl_sym *syms, size_t n, char *err, size_t errlen);

#endif
