// Embedding CPython: the full API, plus small inline helpers for what Swift cannot call
// directly (macros such as Py_INCREF, Py_None, PyUnicode_DATA).
// pyconfig.h defines _GNU_SOURCE/_XOPEN_SOURCE, which changes glibc's declarations (fd_set's
// member is `fds_bits` under XPG4.2). If glibc's headers were first read here, clang would build a
// second, different copy of them and clash with the one Dispatch/Foundation import. Reading them
// through the system modules first, with default macros, keeps a single definition.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <time.h>
#include <wchar.h>
#include <math.h>
#include <assert.h>
#include <stdint.h>
#include <inttypes.h>
#include <sys/mman.h>
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static inline void sp_incref(PyObject *o) { Py_INCREF(o); }
static inline void sp_decref(PyObject *o) { Py_DECREF(o); }
static inline void sp_xdecref(PyObject *o) { Py_XDECREF(o); }
static inline PyObject *sp_none(void) { return Py_None; }
static inline PyObject *sp_true(void) { return Py_True; }
static inline PyObject *sp_false(void) { return Py_False; }
static inline int sp_is_unicode(PyObject *o) { return PyUnicode_Check(o); }
static inline int sp_is_float(PyObject *o) { return PyFloat_Check(o); }
static inline double sp_float_value(PyObject *o) { return PyFloat_AS_DOUBLE(o); }

/// Drops `n` references to None at once (np.empty(n, dtype=object) holds one per slot).
static inline void sp_release_nones(Py_ssize_t n) { Py_SET_REFCNT(Py_None, Py_REFCNT(Py_None) - n); }

/// A str from UTF-8 bytes whose first `ascii` bytes are ASCII, decoded in two passes (validate and
/// measure, then write) straight into a str of the narrowest kind, as CPython builds it. Returns
/// NULL without an error set when the bytes are not valid UTF-8 (overlong forms, surrogates, code
/// points past U+10FFFF, cut sequences): the caller then leaves them to CPython's decoder.
static inline PyObject *sp_str_from_valid_utf8(const unsigned char *p, Py_ssize_t n, Py_ssize_t ascii) {
    Py_ssize_t count = ascii, i = ascii;
    Py_UCS4 maxc = 0;
    while (i < n) {
        unsigned c = p[i];
        Py_UCS4 cp;
        if (c < 0x80) { i++; count++; continue; }
        if (c < 0xC2) return NULL;
        if (c < 0xE0) {
            if (n - i < 2 || (p[i + 1] & 0xC0) != 0x80) return NULL;
            cp = ((Py_UCS4)(c & 0x1F) << 6) | (p[i + 1] & 0x3F);
            i += 2;
        } else if (c < 0xF0) {
            if (n - i < 3) return NULL;
            unsigned b1 = p[i + 1], b2 = p[i + 2];
            if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return NULL;
            if ((c == 0xE0 && b1 < 0xA0) || (c == 0xED && b1 >= 0xA0)) return NULL;
            cp = ((Py_UCS4)(c & 0x0F) << 12) | ((Py_UCS4)(b1 & 0x3F) << 6) | (b2 & 0x3F);
            i += 3;
        } else if (c < 0xF5) {
            if (n - i < 4) return NULL;
            unsigned b1 = p[i + 1], b2 = p[i + 2], b3 = p[i + 3];
            if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b3 & 0xC0) != 0x80) return NULL;
            if ((c == 0xF0 && b1 < 0x90) || (c == 0xF4 && b1 >= 0x90)) return NULL;
            cp = ((Py_UCS4)(c & 0x07) << 18) | ((Py_UCS4)(b1 & 0x3F) << 12) | ((Py_UCS4)(b2 & 0x3F) << 6) | (b3 & 0x3F);
            i += 4;
        } else {
            return NULL;
        }
        if (cp > maxc) maxc = cp;
        count++;
    }
    PyObject *s = PyUnicode_New(count, maxc);
    if (s == NULL) return NULL;
    int kind = PyUnicode_KIND(s);
    void *data = PyUnicode_DATA(s);
    Py_ssize_t k = 0;
    for (i = 0; i < n; k++) {
        unsigned c = p[i];
        Py_UCS4 cp;
        if (c < 0x80) { cp = c; i += 1; }
        else if (c < 0xE0) { cp = ((Py_UCS4)(c & 0x1F) << 6) | (p[i + 1] & 0x3F); i += 2; }
        else if (c < 0xF0) { cp = ((Py_UCS4)(c & 0x0F) << 12) | ((Py_UCS4)(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F); i += 3; }
        else { cp = ((Py_UCS4)(c & 0x07) << 18) | ((Py_UCS4)(p[i + 1] & 0x3F) << 12) | ((Py_UCS4)(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F); i += 4; }
        PyUnicode_WRITE(kind, data, k, cp);
    }
    return s;
}

/// A str from UTF-8 bytes; ASCII (the common case) skips the decoder and copies straight in.
/// Invalid UTF-8 decodes as CPython's "replace" error handler does (U+FFFD per bad sequence).
static inline PyObject *sp_str_from_utf8(const char *p, Py_ssize_t n) {
    Py_ssize_t i = 0;
    int ascii = 1;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL) { ascii = 0; break; }
    }
    if (ascii) for (; i < n; i++) if ((unsigned char)p[i] & 0x80) { ascii = 0; break; }
    if (!ascii) {
        /* i is at (or, from the 8-byte scan, up to 7 bytes before) the first non-ASCII byte. */
        PyObject *s = sp_str_from_valid_utf8((const unsigned char *)p, n, i);
        if (s != NULL || PyErr_Occurred()) return s;
        return PyUnicode_DecodeUTF8(p, n, "replace");
    }
    PyObject *s = PyUnicode_New(n, 127);
    /* A compact ASCII str keeps its characters right after the PyASCIIObject header. Computing
       that address (rather than PyUnicode_DATA reading the new object's state bits back) keeps
       the loop from waiting on the object's cache line, which is fresh memory on its way in. */
    if (s != NULL && n > 0) memcpy((char *)s + sizeof(PyASCIIObject), p, (size_t)n);
    return s;
}

/// The UTF-8 bytes of a str without copying (cached inside the object), or NULL with an error set.
static inline const char *sp_utf8(PyObject *o, Py_ssize_t *n) { return PyUnicode_AsUTF8AndSize(o, n); }

/// pymalloc's arenas carved from 2 MiB-aligned MADV_HUGEPAGE reservations.
///
/// A query child builds millions of small objects (a 10M-row string column is ~640 MB of fresh
/// pymalloc memory). With the default allocator every 1 MiB arena is its own mmap and faults in
/// 256 pages of 4 KiB; carved from huge-page regions (THP runs in `madvise` mode here), the same
/// memory faults in 2 MiB at a time. CPython also takes its frames' data-stack chunks (16 KiB and
/// up) from this allocator, so freed blocks are kept on one free list per size (the sizes that tile
/// 2 MiB are powers of two) for reuse; past a few they are handed back to the kernel
/// (MADV_DONTNEED) but stay reserved. Other sizes go to plain mmap/munmap, as CPython's own
/// allocator does.
typedef struct {
    char *next;            /* next unused byte of the current reservation */
    char *end;             /* end of the current reservation */
    void *free_lists[22];  /* freed blocks by log2 of their size, linked through their first word */
    size_t kept;           /* freed blocks on the lists whose pages are still in memory */
} sp_arena_state;

#define SP_HUGE_PAGE ((size_t)2 << 20)
#define SP_ARENA_RESERVATION ((size_t)64 << 20)
#define SP_ARENA_KEEP_RESIDENT 8

static inline int sp_arena_tiles(size_t size) {
    return size > 0 && size <= SP_HUGE_PAGE && SP_HUGE_PAGE % size == 0 && size % 4096 == 0;
}

static void *sp_arena_alloc(void *ctx, size_t size) {
    sp_arena_state *s = (sp_arena_state *)ctx;
    if (!sp_arena_tiles(size)) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return p == MAP_FAILED ? NULL : p;
    }
    void **list = &s->free_lists[__builtin_ctzl(size)];
    if (*list != NULL) {
        void **p = (void **)*list;
        *list = p[0];
        if (p[1] != NULL) s->kept--;
        return p;
    }
    if (s->next == NULL || (size_t)(s->end - s->next) < size) {
        size_t span = SP_ARENA_RESERVATION + SP_HUGE_PAGE;
        char *raw = (char *)mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (raw == (char *)MAP_FAILED) return NULL;
        char *start = (char *)(((uintptr_t)raw + SP_HUGE_PAGE - 1) & ~(uintptr_t)(SP_HUGE_PAGE - 1));
        if (start > raw) munmap(raw, (size_t)(start - raw));
        char *end = start + SP_ARENA_RESERVATION;
        if (raw + span > end) munmap(end, (size_t)(raw + span - end));
        madvise(start, SP_ARENA_RESERVATION, MADV_HUGEPAGE); /* advice only: without THP it still works */
        s->next = start;
        s->end = end;
    }
    void *p = s->next;
    s->next += size;
    /* Fault the block in with one call, not one trap per page (Linux 5.14+; elsewhere a no-op).
       23 is MADV_POPULATE_WRITE, which older headers lack. */
    madvise(p, size, 23);
    return p;
}

static void sp_arena_free(void *ctx, void *p, size_t size) {
    sp_arena_state *s = (sp_arena_state *)ctx;
    if (!sp_arena_tiles(size)) { munmap(p, size); return; }
    int resident = s->kept < SP_ARENA_KEEP_RESIDENT;
    if (resident) s->kept++;
    else madvise(p, size, MADV_DONTNEED);
    /* The block's first two words: the next free block, and whether this one is still resident. */
    void **list = &s->free_lists[__builtin_ctzl(size)];
    ((void **)p)[0] = *list;
    ((void **)p)[1] = resident ? p : NULL;
    *list = p;
}

/// Installs the huge-page arena allocator; 1 if installed, 0 if Python already runs (too late to
/// switch: arenas from the old allocator would come back to the new one).
static inline int sp_install_arena_allocator(void) {
    if (Py_IsInitialized()) return 0;
    /* On the heap, not a static: Swift does not emit a header's static variables. Lives as long as
       the process, like the arenas it hands out. */
    sp_arena_state *state = (sp_arena_state *)calloc(1, sizeof(sp_arena_state));
    if (state == NULL) return 0;
    PyObjectArenaAllocator a = { state, sp_arena_alloc, sp_arena_free };
    PyObject_SetArenaAllocator(&a);
    return 1;
}

/// numpy's data allocator (PyDataMem_Handler, version 1), declared here because numpy's headers are
/// not part of this module; the layout is numpy's stable ABI since 1.22.
typedef struct {
    void *ctx;
    void *(*malloc)(void *ctx, size_t size);
    void *(*calloc)(void *ctx, size_t nelem, size_t elsize);
    void *(*realloc)(void *ctx, void *ptr, size_t new_size);
    void (*free)(void *ctx, void *ptr, size_t size);
} sp_np_allocator;

typedef struct {
    char name[127];
    uint8_t version;
    sp_np_allocator allocator;
} sp_np_handler;

/// Each block starts with this header; 64 bytes keep numpy's alignment (and a cache line's).
typedef struct { size_t total; int mapped; } sp_np_block;
#define SP_NP_HEADER ((size_t)64)
#define SP_NP_MAPPED_MIN ((size_t)4 << 20)

/// Blocks of 4 MiB and more are their own MADV_HUGEPAGE mapping (zeroed by the kernel, faulted in
/// 2 MiB at a time); smaller ones come from malloc.
static void *sp_np_block_alloc(size_t size, int zero) {
    size_t total = size + SP_NP_HEADER;
    if (total < size) return NULL;
    char *base;
    int mapped = total >= SP_NP_MAPPED_MIN;
    if (mapped) {
        base = (char *)mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (base == (char *)MAP_FAILED) return NULL;
        madvise(base, total, MADV_HUGEPAGE);
    } else {
        base = (char *)(zero ? calloc(1, total) : malloc(total));
        if (base == NULL) return NULL;
    }
    sp_np_block *b = (sp_np_block *)base;
    b->total = total;
    b->mapped = mapped;
    return base + SP_NP_HEADER;
}

static void sp_np_free(void *ctx, void *p, size_t size) {
    (void)ctx; (void)size; /* the header knows the size; numpy's may differ after a resize */
    if (p == NULL) return;
    sp_np_block *b = (sp_np_block *)((char *)p - SP_NP_HEADER);
    if (b->mapped) munmap(b, b->total); else free(b);
}

static void *sp_np_malloc(void *ctx, size_t size) { (void)ctx; return sp_np_block_alloc(size, 0); }

static void *sp_np_calloc(void *ctx, size_t nelem, size_t elsize) {
    (void)ctx;
    if (elsize != 0 && nelem > SIZE_MAX / elsize) return NULL;
    return sp_np_block_alloc(nelem * elsize, 1);
}

static void *sp_np_realloc(void *ctx, void *p, size_t size) {
    if (p == NULL) return sp_np_malloc(ctx, size);
    sp_np_block *b = (sp_np_block *)((char *)p - SP_NP_HEADER);
    size_t old = b->total - SP_NP_HEADER;
    void *q = sp_np_block_alloc(size, 0);
    if (q == NULL) return NULL;
    memcpy(q, p, old < size ? old : size);
    sp_np_free(ctx, p, old);
    return q;
}

static void sp_np_capsule_never_freed(PyObject *capsule) { (void)capsule; }

/// A new "mem_handler" capsule for numpy's PyDataMem_SetHandler whose big blocks are huge-page
/// mappings. The handler lives as long as the process: arrays made with it keep pointing at it.
static inline PyObject *sp_np_hugepage_handler(void) {
    sp_np_handler *h = (sp_np_handler *)calloc(1, sizeof(sp_np_handler));
    if (h == NULL) return PyErr_NoMemory();
    strcpy(h->name, "sandpiper_hugepage");
    h->version = 1;
    h->allocator.ctx = NULL;
    h->allocator.malloc = sp_np_malloc;
    h->allocator.calloc = sp_np_calloc;
    h->allocator.realloc = sp_np_realloc;
    h->allocator.free = sp_np_free;
    return PyCapsule_New(h, "mem_handler", sp_np_capsule_never_freed);
}

/// numpy's PyDataMem_SetHandler (slot 304 of its C-API table since 1.22): makes `handler` (NULL for
/// numpy's default) the current one and returns the previous one (new reference), or NULL with an error.
static inline PyObject *sp_np_set_handler(void *api, PyObject *handler) {
    PyObject *(*set)(PyObject *) = (PyObject *(*)(PyObject *))((void **)api)[304];
    return set(handler);
}
