// PythonHost: see Sources/README.md.
