// SharedTable: see Sources/README.md.
