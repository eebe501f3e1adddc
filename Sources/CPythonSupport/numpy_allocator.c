// Compiled as its own C file: Python.h is read here only, never through this target's public header.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "CPythonSupport.h"

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
void *cps_np_hugepage_handler(void) {
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
void *cps_np_set_handler(void *api, void *handler) {
    PyObject *(*set)(PyObject *) = (PyObject *(*)(PyObject *))((void **)api)[304];
    return set((PyObject *)handler);
}
