// Compiled as its own C file: Python.h is read here only, never through this target's public header.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>
#include "CPythonSupport.h"

/// A str from UTF-8 bytes whose first `ascii` bytes are ASCII, decoded in two passes (validate and
/// measure, then write) straight into a str of the narrowest kind, as CPython builds it. Returns
/// NULL without an error set when the bytes are not valid UTF-8 (overlong forms, surrogates, code
/// points past U+10FFFF, cut sequences): the caller then leaves them to CPython's decoder.
static PyObject *str_from_valid_utf8(const unsigned char *p, Py_ssize_t n, Py_ssize_t ascii) {
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
void *cps_str_from_utf8(const char *p, ptrdiff_t n) {
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
        PyObject *s = str_from_valid_utf8((const unsigned char *)p, n, i);
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
