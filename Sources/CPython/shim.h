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

/// The UTF-8 bytes of a str without copying (cached inside the object), or NULL with an error set.
static inline const char *sp_utf8(PyObject *o, Py_ssize_t *n) { return PyUnicode_AsUTF8AndSize(o, n); }
