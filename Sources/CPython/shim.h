// Embedding CPython: the full API, plus numpy-free helpers live in PythonHost.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
