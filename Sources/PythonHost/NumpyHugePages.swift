import CPython

/// numpy's data allocator switched, around a call, to one whose big blocks fault in huge pages.
///
/// An object column of 10M rows is an 80 MB array that numpy fills with None as soon as it exists;
/// from numpy's default allocator (glibc malloc, fresh 4 KiB pages) that fill is ~20k page faults,
/// about as long as decoding a column of repeated strings. numpy (1.22+) lets a host install a
/// data allocator ("mem handler") per context; arrays made under it remember it and free through
/// it, so only the arrays made inside `around` are affected and they stay ordinary numpy arrays.
enum NumpyHugePages {
    private struct Hooks { let api: UnsafeMutableRawPointer; let handler: PyPtr }
    /// Looked up once per process (under the GIL); `.some(nil)` when numpy has no handler API.
    nonisolated(unsafe) private static var hooks: Hooks?? = nil

    /// `body`'s result, with numpy's huge-page allocator current while it runs (numpy's own otherwise).
    static func around<T>(_ body: () throws(PythonHostError) -> T) throws(PythonHostError) -> T {
        guard let hooks = lookup(), let previous = sp_np_set_handler(hooks.api, hooks.handler) else {
            PyErr_Clear()
            return try body()
        }
        defer {
            if let mine = sp_np_set_handler(hooks.api, previous) { sp_decref(mine) } else { PyErr_Clear() }
            sp_decref(previous)
        }
        return try body()
    }

    private static func lookup() -> Hooks? {
        if let hooks { return hooks }
        var found: Hooks? = nil
        for name in ["numpy._core._multiarray_umath", "numpy.core._multiarray_umath"] {
            let moduleName = PythonInterpreter.str(name)
            defer { sp_decref(moduleName) }
            // Only a numpy already imported (sys.modules): no import, no deprecation warning.
            guard let module = PyImport_GetModule(moduleName) else { continue }
            defer { sp_decref(module) }
            guard PyObject_HasAttrString(module, "get_handler_name") != 0,
                let capsule = PyObject_GetAttrString(module, "_ARRAY_API")
            else { break }
            defer { sp_decref(capsule) }
            guard let api = PyCapsule_GetPointer(capsule, nil), let handler = sp_np_hugepage_handler() else { break }
            found = Hooks(api: api, handler: handler)
            break
        }
        PyErr_Clear()
        hooks = .some(found)
        return found
    }
}
