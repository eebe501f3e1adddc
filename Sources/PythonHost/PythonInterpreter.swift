import CPython
import Glibc
import SharedTable

/// A borrowed or owned `PyObject *`.
public typealias PyPtr = UnsafeMutablePointer<PyObject>

/// The embedded interpreter of a worker: isolated, with only the stdlib and one environment on `sys.path`.
///
/// Started once per worker process (the zygote); numpy, pandas and the host helpers are imported
/// then, so each forked query child starts with them loaded.
public final class PythonInterpreter {
    /// The helper functions of `HostModuleSource`, by name (owned references).
    private var helpers: [String: PyPtr] = [:]
    public let numpy: PyPtr
    public let pandas: PyPtr
    let jsonLoads: PyPtr
    public let versions: (python: String, numpy: String, pandas: String)

    /// Stdlib locations of Debian's libpython3.11.
    public static let standardPaths = ["/usr/lib/python3.11", "/usr/lib/python3.11/lib-dynload"]

    /// Initializes CPython with `sitePackages` (the environment's) after the stdlib, imports numpy and pandas.
    public init(sitePackages: [String]) throws(PythonHostError) {
        var config = PyConfig()
        PyConfig_InitIsolatedConfig(&config)
        defer { PyConfig_Clear(&config) }
        config.site_import = 0
        config.user_site_directory = 0
        config.use_environment = 0
        config.install_signal_handlers = 0
        config.parse_argv = 0
        config.write_bytecode = 0
        config.pathconfig_warnings = 0
        config.module_search_paths_set = 1
        for path in Self.standardPaths + sitePackages {
            var wide = path.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
            let status = PyWideStringList_Append(&config.module_search_paths, &wide)
            if PyStatus_Exception(status) != 0 { throw .environment("cannot set sys.path: \(Self.text(status))") }
        }
        // Before the first arena: the query child's objects then fault in huge pages (see CPythonSupport's arena_allocator.c).
        _ = sp_install_arena_allocator()
        let status = Py_InitializeFromConfig(&config)
        if PyStatus_Exception(status) != 0 { throw .environment("Python failed to start: \(Self.text(status))") }

        guard let np = PyImport_ImportModule("numpy") else {
            throw .environment("cannot import numpy: \(Self.pendingError())")
        }
        guard let pd = PyImport_ImportModule("pandas") else {
            throw .environment("cannot import pandas: \(Self.pendingError())")
        }
        guard let json = PyImport_ImportModule("json"), let loads = PyObject_GetAttrString(json, "loads") else {
            throw .environment("cannot import json: \(Self.pendingError())")
        }
        numpy = np; pandas = pd; jsonLoads = loads
        guard let module = PyModule_New("_sandpiper_host"), let dict = PyModule_GetDict(module),
            PyDict_SetItemString(dict, "__builtins__", PyEval_GetBuiltins()) == 0,
            let code = Py_CompileString(
                HostModuleSource.text + "\n" + SandboxUtilsSource.text, "<sandpiper-host>", Py_file_input),
            let ran = PyEval_EvalCode(code, dict, dict)
        else {
            throw .environment("host helpers failed to load: \(Self.pendingError())")
        }
        sp_decref(ran); sp_decref(code)
        for name in [
            "view", "mask", "masked", "empty_objects", "frame", "capture", "captured", "describe",
            "check_result", "result_columns", "address", "workdir_enter", "workdir_leave", "warm_up",
            "script_enter", "collect_outputs",
        ] {
            guard let f = PyDict_GetItemString(dict, name) else { throw .environment("host helper \(name) missing") }
            sp_incref(f)
            helpers[name] = f
        }
        func version(_ m: PyPtr) -> String {
            guard let v = PyObject_GetAttrString(m, "__version__") else { PyErr_Clear(); return "?" }
            defer { sp_decref(v) }
            return Self.string(v) ?? "?"
        }
        versions = (
            String(cString: Py_GetVersion()).split(separator: " ").first.map(String.init) ?? "?", version(np),
            version(pd)
        )
        // pandas initialises much of itself on first use; done here, every child starts with it done.
        warmUp()
        // Everything imported so far is moved out of the collector's reach: a forked child never
        // traverses (and so never copies) the zygote's heap pages in a collection.
        if PyRun_SimpleString("import gc\ngc.collect()\ngc.freeze()\n") != 0 { PyErr_Clear() }
    }

    /// Builds and drops a small DataFrame of every column kind and reads it back as a result (our own
    /// code, never a script's), so that pandas' lazy initialisation runs once in the zygote rather than
    /// in every child. Failures are ignored: the query itself reports anything real.
    public func warmUp() {
        if let r = try? call("warm_up", []) { sp_decref(r) }
    }

    /// Runs `code` in a scratch namespace holding `bindings` and returns `str(out)` (for measurements
    /// and diagnostics; queries go through `QueryRunner`).
    public func evaluate(_ code: String, bindings: [String: PyPtr] = [:]) throws(PythonHostError) -> String {
        let g = PyDict_New()!
        defer { sp_decref(g) }
        PyDict_SetItemString(g, "__builtins__", PyEval_GetBuiltins())
        PyDict_SetItemString(g, "np", numpy); PyDict_SetItemString(g, "pd", pandas)
        for (k, v) in bindings { PyDict_SetItemString(g, k, v) }
        guard let c = Py_CompileString(code, "<evaluate>", Py_file_input), let r = PyEval_EvalCode(c, g, g) else {
            throw .environment(Self.pendingError())
        }
        sp_decref(r); sp_decref(c)
        guard let out = PyDict_GetItemString(g, "out"), let s = PyObject_Str(out) else { return "" }
        defer { sp_decref(s) }
        return Self.string(s) ?? ""
    }

    /// Calls helper `name` with borrowed `args`; returns a new reference or throws the pending Python error.
    func call(_ name: String, _ args: [PyPtr]) throws(PythonHostError) -> PyPtr {
        guard let f = helpers[name] else { throw .environment("host helper \(name) missing") }
        return try Self.call(f, args)
    }

    /// Calls helper `name` with borrowed `args`; nil leaves the Python exception pending for the caller.
    func callRaw(_ name: String, _ args: [PyPtr]) -> PyPtr? {
        guard let f = helpers[name] else { return nil }
        return args.map { Optional($0) }.withUnsafeBufferPointer { buffer in
            PyObject_Vectorcall(f, buffer.baseAddress, args.count, nil)
        }
    }

    static func call(_ f: PyPtr, _ args: [PyPtr]) throws(PythonHostError) -> PyPtr {
        let r: PyPtr? = args.map { Optional($0) }.withUnsafeBufferPointer { buffer in
            PyObject_Vectorcall(f, buffer.baseAddress, args.count, nil)
        }
        guard let r else { throw .environment("internal Python call failed: \(pendingError())") }
        return r
    }

    /// The pending Python exception as one line (cleared).
    static func pendingError() -> String {
        var type: PyPtr?, value: PyPtr?, tb: PyPtr?
        PyErr_Fetch(&type, &value, &tb)
        defer { sp_xdecref(type); sp_xdecref(value); sp_xdecref(tb) }
        guard let value, let s = PyObject_Str(value) else { return "unknown error" }
        defer { sp_decref(s) }
        let name = type.flatMap { PyObject_GetAttrString($0, "__name__") }
        defer { if let name { sp_decref(name) } }
        return (name.flatMap(string).map { $0 + ": " } ?? "") + (string(s) ?? "")
    }

    /// A Swift string from a Python str (nil when `o` is not a str).
    static func string(_ o: PyPtr) -> String? {
        guard sp_is_unicode(o) != 0 else { return nil }
        var n = 0
        guard let p = sp_utf8(o, &n) else { PyErr_Clear(); return nil }
        return String(decoding: UnsafeRawBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// A new Python str.
    static func str(_ s: String) -> PyPtr {
        var s = s
        return s.withUTF8 { u in
            sp_str_from_utf8(u.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, u.count)
        }
    }

    private static func text(_ status: PyStatus) -> String {
        status.err_msg.map { String(cString: $0) } ?? "unknown error"
    }
}
