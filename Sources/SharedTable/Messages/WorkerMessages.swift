import Foundation

/// What the supervisor asks a worker zygote to run.
///
/// Sent with the fds `[input memfd (read-only), result memfd, reply socket] + extras` (the extras, such
/// as input blocks, reach the child in order). The zygote forks one child per request, or hands the
/// request to a spare child (see `ConfinedRequest` in the Sandbox module).
public struct WorkerRequest: Codable, Sendable, Hashable {
    public var script: String
    /// `kargs` as a JSON object text.
    public var kargsJSON: String
    /// Bytes of the input table in its memfd.
    public var inputBytes: Int
    /// Free-form options (for example `"query_python_debug"`), passed to the child as they are.
    public var options: [String: String]

    public init(script: String, kargsJSON: String = "{}", inputBytes: Int, options: [String: String] = [:]) {
        self.script = script; self.kargsJSON = kargsJSON; self.inputBytes = inputBytes; self.options = options
    }
}

extension WorkerRequest {
    /// Option carrying the `external_artifacts`: a JSON object of file name → base64 of the file's bytes.
    /// The query child writes them into the script's working folder before the script runs (the child
    /// may be confined to a minimal filesystem, so it cannot read the engine's files itself).
    public static let artifactsOption = "artifacts"
    /// Option carrying `kickout` (MiB): it lowers the sandbox policy's memory ceiling for this run, never
    /// raises it; the supervisor enforces it through the query's cgroup.
    public static let kickoutOption = "kickout"
}

/// The zygote's immediate answer to a request: the pid of the child that runs it.
public struct WorkerSpawned: Codable, Sendable, Hashable {
    public var pid: Int32
    /// Set instead of `pid` when the zygote could not fork.
    public var error: String?
    public init(pid: Int32, error: String? = nil) { self.pid = pid; self.error = error }
}

/// Sent once by a worker when its interpreter is up and numpy/pandas are imported.
public struct WorkerReady: Codable, Sendable, Hashable {
    public var pid: Int32
    public var python: String
    public var numpy: String
    public var pandas: String
    /// Set when the environment could not be loaded (for example pandas is missing).
    public var error: String?
    public init(pid: Int32, python: String, numpy: String, pandas: String, error: String? = nil) {
        self.pid = pid; self.python = python; self.numpy = numpy; self.pandas = pandas; self.error = error
    }
}

/// Why a script failed, as the child saw it.
public struct WorkerFailure: Codable, Sendable, Hashable {
    /// Stable error code (`E_PYTHON`, `E_RESULT`, ...).
    public var code: String
    /// Python exception type (`ZeroDivisionError`), empty for non-Python failures.
    public var type: String
    public var message: String
    /// Formatted traceback; frames of the user's script are shown as `File "<script>", line N`.
    public var traceback: String
    /// Line in the user's script where the error was raised, when known.
    public var line: Int?

    public init(code: String, type: String = "", message: String, traceback: String = "", line: Int? = nil) {
        self.code = code; self.type = type; self.message = message; self.traceback = traceback; self.line = line
    }
}

/// The child's answer: the result table is in the result memfd the request carried.
public struct WorkerResponse: Codable, Sendable, Hashable {
    public var resultBytes: Int
    public var stdout: String
    public var stderr: String
    public var failure: WorkerFailure?
    /// Milliseconds spent building `df`, running the script and writing the result (for diagnostics).
    public var timings: [String: Double]

    public init(resultBytes: Int, stdout: String, stderr: String, failure: WorkerFailure? = nil, timings: [String: Double] = [:]) {
        self.resultBytes = resultBytes; self.stdout = stdout; self.stderr = stderr; self.failure = failure; self.timings = timings
    }
}

extension MessageChannel {
    /// Sends `message` as JSON with `fds` attached.
    public func send<T: Encodable>(_ message: T, fds: [Int32] = []) throws(SharedTableError) {
        let data: Data
        do { data = try JSONEncoder().encode(message) } catch {
            throw SharedTableError(.message, "cannot encode \(T.self): \(error)")
        }
        try send([UInt8](data), fds: fds)
    }

    /// Receives one JSON message of type `T` (at most `maxBytes` long) and its fds.
    public func receive<T: Decodable>(_ type: T.Type, timeoutMilliseconds: Int? = nil,
                                      maxBytes: Int = MessageChannel.maxFrameBytes) throws(SharedTableError) -> (T, [Int32]) {
        let (payload, fds) = try receive(timeoutMilliseconds: timeoutMilliseconds, maxBytes: maxBytes)
        do {
            return (try JSONDecoder().decode(T.self, from: Data(payload)), fds)
        } catch {
            for f in fds { MessageChannel(fd: f).close() }
            throw SharedTableError(.message, "cannot decode \(T.self): \(error)")
        }
    }
}
