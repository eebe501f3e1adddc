import CPython
import Columnar
import Foundation
import Glibc
import SharedTable
@testable import PythonHost

/// A table laid out in shared memory as the engine hands it to a query child, mapped privately the
/// way the child maps it; the mappings live as long as the value.
struct MappedInput {
    let input: PrivateMapping
    let blocks: [PrivateMapping]
    let header: SharedTableHeader

    init(_ table: Table) throws {
        let region = try SharedRegion.create(capacity: 1 << 20)
        let shared = SharedBlocks()
        let bytes = try SharedTableWriter.write(table, into: region, blocks: shared)
        let readOnly = try region.readOnlyDuplicate()
        defer { close(readOnly) }
        input = try PrivateMapping(fd: readOnly, length: bytes)
        var mapped: [PrivateMapping] = []
        for fd in try shared.readOnlyDescriptors() {
            defer { close(fd) }
            mapped.append(try PrivateMapping(wholeFile: fd))
        }
        blocks = mapped
        header = try SharedTableHeader(base: input.base, length: input.length, blockLengths: mapped.map(\.length))
    }

    /// `df` as the query child builds it (a new reference).
    func frame(_ python: PythonInterpreter) throws -> PyPtr {
        try FrameBuilder(python: python).build(header, in: input, blocks: blocks)
    }
}

extension PythonInterpreter {
    /// Runs `code` with `np`, `pd` and `bindings` in scope and returns its variable `name` (a new reference).
    func value(of name: String, after code: String, bindings: [String: PyPtr] = [:]) throws -> PyPtr {
        let globals = PyDict_New()!
        defer { sp_decref(globals) }
        PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins())
        PyDict_SetItemString(globals, "np", numpy)
        PyDict_SetItemString(globals, "pd", pandas)
        for (k, v) in bindings { PyDict_SetItemString(globals, k, v) }
        guard let compiled = Py_CompileString(code, "<test>", Py_file_input),
            let ran = PyEval_EvalCode(compiled, globals, globals)
        else {
            throw PythonHostError.environment(PythonInterpreter.pendingError())
        }
        sp_decref(ran); sp_decref(compiled)
        guard let v = PyDict_GetItemString(globals, name) else {
            throw PythonHostError.environment("the test code set no '\(name)'")
        }
        sp_incref(v)
        return v
    }
}
