import CPython
import Columnar
import Foundation
import Glibc
import SharedTable
import SystemCalls

/// Runs one query inside a worker child: builds `df`, runs the script, writes `result`.
///
/// Called once per forked child, so nothing it creates outlives the query.
public struct QueryRunner {
    public let python: PythonInterpreter
    public init(python: PythonInterpreter) { self.python = python }

    /// Runs `request` over the table in `input` (whose referenced buffers are in `blocks`, block `k`
    /// at index `k - 1`) and writes the result into `output`. What the script prints also goes, as it
    /// comes, into the `transcript` fd when given (`ScriptTranscript`).
    public func run(
        _ request: WorkerRequest, input: PrivateMapping, blocks: [PrivateMapping] = [], output: SharedRegion,
        transcript: Int32? = nil
    ) -> WorkerResponse {
        var timings: [String: Double] = [:]
        var clock = Clock()
        do {
            let fd = transcript.map { PyLong_FromLong(Int($0))! }
            defer { if let fd { sp_decref(fd) } }
            sp_decref(try python.call("capture", [fd ?? sp_none()]))
        } catch {
            return WorkerResponse(resultBytes: 0, stdout: "", stderr: "", failure: error.failure)
        }
        var failure: WorkerFailure? = nil
        var bytes = 0
        var files: [WorkerOutputFile] = []
        defer { if let r = try? python.call("workdir_leave", []) { sp_decref(r) } }
        do {
            guard let artifacts = Self.artifactList(request.artifacts) else {
                throw PythonHostError.environment(
                    "cannot pass the external artifacts to Python: \(PythonInterpreter.pendingError())")
            }
            defer { sp_decref(artifacts) }
            do { sp_decref(try python.call("workdir_enter", [artifacts])) } catch {
                throw PythonHostError.environment("cannot prepare the script's working folder: \(error.message)")
            }
            let header: SharedTableHeader
            do {
                header = try SharedTableHeader(
                    base: input.base, length: input.length, blockLengths: blocks.map(\.length))
            } catch {
                throw PythonHostError.sharedTable(error)
            }
            let df = try FrameBuilder(python: python).build(header, in: input, blocks: blocks)
            timings["df"] = clock.lap()
            let globals = try globals(df: df, kargs: request.kargsJSON)
            sp_decref(df)
            defer { sp_decref(globals) }
            try execute(request.script, at: request.location, globals)
            timings["script"] = clock.lap()
            let pair = try python.call("check_result", [globals])
            defer { sp_decref(pair) }
            let result = PyTuple_GetItem(pair, 0)!
            if result == sp_none() {
                throw PythonHostError.result(PythonInterpreter.string(PyTuple_GetItem(pair, 1)) ?? "no result")
            }
            bytes = try ResultWriter(python: python).write(
                result, into: output, inputBlocks: blocks,
                inputBuffers: Self.referencedBuffers(header))
            timings["result"] = clock.lap()
            files = try outputFiles(withContents: request.collectOutputs ?? false)
        } catch let e as PythonHostError {
            failure = e.failure
        } catch {
            failure = WorkerFailure(code: .python, message: "\(error)")
        }
        let (out, err) = captured()
        return WorkerResponse(resultBytes: bytes, stdout: out, stderr: err, failure: failure, timings: timings)
            .with(outputFiles: failure == nil ? files : [])
    }

    /// The files the script wrote under `outputs/` (with their bytes when `withContents`), as
    /// `collect_outputs` found them within its limits.
    private func outputFiles(withContents: Bool) throws(PythonHostError) -> [WorkerOutputFile] {
        let flag: PyPtr = withContents ? sp_true() : sp_false()
        let pair = try python.call("collect_outputs", [flag])
        defer { sp_decref(pair) }
        if let message = PyTuple_GetItem(pair, 0).flatMap(PythonInterpreter.string) {
            throw .outputFiles(message)
        }
        guard let list = PyTuple_GetItem(pair, 1) else { return [] }
        var files: [WorkerOutputFile] = []
        for k in 0..<PyList_Size(list) {
            guard let entry = PyList_GetItem(list, k),
                let path = PyTuple_GetItem(entry, 0).flatMap(PythonInterpreter.string),
                let size = PyTuple_GetItem(entry, 1), let data = PyTuple_GetItem(entry, 2)
            else { continue }
            var contents: Data? = nil
            if data != sp_none(), let bytes = PyBytes_AsString(data) {
                contents = Data(bytes: bytes, count: PyBytes_Size(data))
            }
            files.append(WorkerOutputFile(path: path, size: PyLong_AsLong(size), contents: contents))
        }
        return files
    }

    /// The artifacts as a Python list of `(name, bytes)` pairs, what `workdir_enter` writes into the
    /// script's folder; nil (with the Python error set) when memory ran out.
    static func artifactList(_ artifacts: [WorkerArtifact]) -> PyPtr? {
        guard let list = PyList_New(artifacts.count) else { return nil }
        for (k, artifact) in artifacts.enumerated() {
            let name = PythonInterpreter.str(artifact.name)
            let bytes = artifact.contents.withUnsafeBytes { raw in
                PyBytes_FromStringAndSize(raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
            }
            guard let bytes, let pair = PyTuple_New(2) else {
                sp_decref(name); sp_xdecref(bytes); sp_decref(list)
                return nil
            }
            // PyTuple_SetItem and PyList_SetItem take over the reference they are given.
            PyTuple_SetItem(pair, 0, name)
            PyTuple_SetItem(pair, 1, bytes)
            PyList_SetItem(list, k, pair)
        }
        return list
    }

    /// The input buffers that lie in blocks: what a result column may reference.
    static func referencedBuffers(_ header: SharedTableHeader) -> [BufferReference] {
        header.columns.flatMap { e -> [BufferReference] in
            var out: [BufferReference] = []
            if let v = e.validity, e.validityBlock != 0 {
                out.append(BufferReference(block: e.validityBlock, range: v))
            }
            if e.valuesBlock != 0 { out.append(BufferReference(block: e.valuesBlock, range: e.values)) }
            if let d = e.data, e.dataBlock != 0 { out.append(BufferReference(block: e.dataBlock, range: d)) }
            return out
        }
    }

    private func globals(df: PyPtr, kargs: String) throws(PythonHostError) -> PyPtr {
        let g = PyDict_New()!
        PyDict_SetItemString(g, "__builtins__", PyEval_GetBuiltins())
        let main = PythonInterpreter.str("__main__")
        PyDict_SetItemString(g, "__name__", main); sp_decref(main)
        PyDict_SetItemString(g, "np", python.numpy)
        PyDict_SetItemString(g, "pd", python.pandas)
        PyDict_SetItemString(g, "df", df)
        let text = PythonInterpreter.str(kargs.isEmpty ? "{}" : kargs)
        defer { sp_decref(text) }
        guard let k = try? PythonInterpreter.call(python.jsonLoads, [text]) else {
            sp_decref(g)
            throw .result("kargs is not a JSON object: \(kargs)")
        }
        PyDict_SetItemString(g, "kargs", k); sp_decref(k)
        return g
    }

    /// Compiles the script (as the query's file and lines when `location` is known, else as `<script>`; its
    /// lines are registered so tracebacks show them) and runs it.
    private func execute(_ script: String, at location: ScriptLocation?, _ globals: PyPtr) throws(PythonHostError) {
        let name = PythonInterpreter.str(location?.fileName ?? "<script>")
        let line = PyLong_FromLong(max(location?.firstLine ?? 1, 1))!
        let text = PythonInterpreter.str(script)
        defer { sp_decref(name); sp_decref(line); sp_decref(text) }
        // A script that does not compile raises here: the pending SyntaxError is the user's.
        guard let code = python.callRaw("script_enter", [name, line, text]) else { throw .python(pythonFailure()) }
        defer { sp_decref(code) }
        guard let r = PyEval_EvalCode(code, globals, globals) else { throw .python(pythonFailure()) }
        sp_decref(r)
    }

    /// The pending exception as type, message, traceback and script line.
    private func pythonFailure() -> WorkerFailure {
        var type: PyPtr?, value: PyPtr?, tb: PyPtr?
        PyErr_Fetch(&type, &value, &tb)
        PyErr_NormalizeException(&type, &value, &tb)
        defer { sp_xdecref(type); sp_xdecref(value); sp_xdecref(tb) }
        guard let type, let value else {
            return WorkerFailure(code: .python, type: "Exception", message: "unknown error")
        }
        guard let d = try? python.call("describe", [type, value, tb ?? sp_none()]) else {
            return WorkerFailure(code: .python, type: "Exception", message: PythonInterpreter.pendingError())
        }
        defer { sp_decref(d) }
        let line = PyTuple_GetItem(d, 3).flatMap { $0 == sp_none() ? nil : PyLong_AsLong($0) }
        let errno = PyTuple_GetItem(d, 4).flatMap { $0 == sp_none() ? nil : Int32(exactly: PyLong_AsLong($0)) }
        let folded = PythonInterpreter.string(PyTuple_GetItem(d, 2)) ?? ""
        let full = PyTuple_GetItem(d, 5).flatMap(PythonInterpreter.string)
        return WorkerFailure(
            code: .python, type: PythonInterpreter.string(PyTuple_GetItem(d, 0)) ?? "Exception",
            message: PythonInterpreter.string(PyTuple_GetItem(d, 1)) ?? "",
            traceback: folded, line: line, errno: errno, fullTraceback: full == folded ? nil : full)
    }

    private func captured() -> (String, String) {
        guard let pair = try? python.call("captured", []) else { return ("", "") }
        defer { sp_decref(pair) }
        return (
            PythonInterpreter.string(PyTuple_GetItem(pair, 0)) ?? "",
            PythonInterpreter.string(PyTuple_GetItem(pair, 1)) ?? ""
        )
    }
}

/// Milliseconds between laps, from the monotonic clock.
struct Clock {
    private var last = Clock.now()
    static func now() -> Double { Double(MonotonicClock.nanoseconds()) / 1e6 }
    mutating func lap() -> Double {
        let t = Clock.now()
        defer { last = t }
        return t - last
    }
}
