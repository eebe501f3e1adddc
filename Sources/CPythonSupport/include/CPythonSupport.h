// The C the Python host needs beyond libpython's API: a fast UTF-8 → str decoder, pymalloc arenas in
// huge pages, and numpy's data allocator in huge pages. The CPython module maps libpython itself.
//
// Python objects cross this header as `void *` (a `PyObject *`): it must not include Python.h, which
// the CPython module already maps, or the same declarations would come through two modules.
#ifndef CPYTHON_SUPPORT_H
#define CPYTHON_SUPPORT_H

#include <stddef.h>

/// A new str from `n` bytes of UTF-8 at `p` (a `PyObject *`), or NULL with a Python error set. ASCII
/// (the common case) skips the decoder and copies straight in; valid UTF-8 is decoded in two passes
/// straight into a str of the narrowest kind; invalid UTF-8 decodes as CPython's "replace" error
/// handler does (U+FFFD per bad sequence).
void *cps_str_from_utf8(const char *p, ptrdiff_t n);

/// Installs the huge-page arena allocator for pymalloc; 1 if installed, 0 if Python already runs
/// (too late to switch: arenas from the old allocator would come back to the new one).
int cps_install_arena_allocator(void);

/// A new "mem_handler" capsule (a `PyObject *`) for numpy's PyDataMem_SetHandler whose big blocks are
/// huge-page mappings, or NULL with a Python error set.
void *cps_np_hugepage_handler(void);

/// numpy's PyDataMem_SetHandler, found at slot 304 of the C-API table `api`: makes `handler` (NULL for
/// numpy's default) the current one and returns the previous one (a new reference), or NULL with an error.
void *cps_np_set_handler(void *api, void *handler);

#endif
