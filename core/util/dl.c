/* dl.c: loading a library on first use (libmicrohttpd, libxml2). */
#include "dl.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int vb_dl_load(const char *const *sonames, const char *lib, const char *package,
	       const struct vb_dl_sym *syms, size_t n, char *err, size_t errlen)
{
	void *h = NULL;
	for (size_t i = 0; sonames[i] && !h; i++)
		h = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		snprintf(err, errlen, "cannot load %s (Debian package %s): %s", lib, package,
			 dlerror());
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		void *sym = dlsym(h, syms[i].name);
		if (!sym) {
			snprintf(err, errlen, "%s has no %s", lib, syms[i].name);
			return -1;
		}
		memcpy(syms[i].slot, &sym, sizeof(sym));
	}
	return 0;
}
