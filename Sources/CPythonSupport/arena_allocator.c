// Compiled as its own C file: Python.h is read here only, never through this target's public header.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "CPythonSupport.h"

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

static int sp_arena_tiles(size_t size) {
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
int cps_install_arena_allocator(void) {
    if (Py_IsInitialized()) return 0;
    /* On the heap, not a static: Swift does not emit a header's static variables. Lives as long as
       the process, like the arenas it hands out. */
    sp_arena_state *state = (sp_arena_state *)calloc(1, sizeof(sp_arena_state));
    if (state == NULL) return 0;
    PyObjectArenaAllocator a = { state, sp_arena_alloc, sp_arena_free };
    PyObject_SetArenaAllocator(&a);
    return 1;
}
