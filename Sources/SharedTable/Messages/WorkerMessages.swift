import Columnar
import Foundation

/// What the supervisor asks a worker zygote to run.
///
/// Sent with the fds `[input memfd (read-only), result memfd, reply socket] + extras` (the extras, such
/// as input blocks, reach the child in order). The zygote forks one child per request, or hands the
/// request to a spare child (see `ConfinedRequest` in the Sandbox module). Every option of the call
/// is a typed field: nothing is packed into strings for the other side to parse.
public struct WorkerRequest: Codable, Sendable, Hashable {
    public var script: String
    /// `kargs` as a JSON object text.
    public var kargsJSON: String
    /// Bytes of the input table in its memfd.
    public var inputBytes: Int
    /// The call's `external_artifacts`, read by the engine: the query child writes them into the
    /// script's working folder before the script runs (the child may be confined to a minimal
    /// filesystem, so it cannot read the engine's files itself).
    public var artifacts: [WorkerArtifact]
    /// Where the script stands in the query, so that Python's tracebacks name the query's own file and
    /// lines; nil: `<script>`, counted from the script's first line.
    public var location: ScriptLocation?
    /// Whether the files the script writes under `outputs/` travel back with their contents (false: only
    /// their names and sizes, for a host that drops them).
    public var collectOutputs: Bool?
    /// Whether the last extra fd is the query's transcript memfd (`ScriptTranscript`), which the child
    /// writes the script's print output into as it comes.
    public var transcript: Bool?

    public init(
        script: String, kargsJSON: String = "{}", inputBytes: Int, artifacts: [WorkerArtifact] = [],
        location: ScriptLocation? = nil, collectOutputs: Bool = false, transcript: Bool = false
    ) {
        self.script = script; self.kargsJSON = kargsJSON; self.inputBytes = inputBytes; self.artifacts = artifacts
        self.location = location; self.collectOutputs = collectOutputs; self.transcript = transcript
    }
}

/// Where a `python()` script's first line stands in the query text: the worker compiles the script as
/// file `fileName` with its lines counted from `firstLine`, so a traceback's lines are the query's.
public struct ScriptLocation: Codable, Sendable, Hashable {
    /// The name frames of the script show (the query file's path, or `<query>`).
    public var fileName: String
    /// The query line of the script's line 1 (1-based).
    public var firstLine: Int

    public init(fileName: String, firstLine: Int) { self.fileName = fileName; self.firstLine = firstLine }
}

/// A file the script wrote under `outputs/`, as the query child found it (untrusted: the engine checks
/// the path and the size before writing anything).
public struct WorkerOutputFile: Codable, Sendable, Hashable {
    /// The path below `outputs/`, components separated by `/`.
    public var path: String
    /// The file's size in bytes.
    public var size: Int
    /// Its bytes, when the request asked for them (`collectOutputs`).
    public var contents: Data?

    public init(path: String, size: Int, contents: Data?) {
        self.path = path; self.size = size; self.contents = contents
    }
}

/// One `external_artifacts` file: its name in the script's folder and its bytes.
public struct WorkerArtifact: Codable, Sendable, Hashable {
    /// A plain file name (the engine checked it: no `/`, NUL, `.` or `..`).
    public var name: String
    public var contents: Data

    public init(name: String, contents: Data) { self.name = name; self.contents = contents }
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
    /// What kind of failure: a closed set, so the engine switches on it and never parses a code from text.
    /// A reply with any other value does not decode, and the engine refuses it as a malformed reply.
    public enum Code: Codable, Sendable, Hashable, CaseIterable {
        /// The script raised, or did not compile (`E_PYTHON`).
        case python
        /// `result` is missing, not a DataFrame, or cannot be written (`E_RESULT`).
        case result
        /// The interpreter or the environment could not be set up, e.g. pandas is missing (`E_SANDBOX_ENVIRONMENT`).
        case environment
        /// A confinement layer could not be applied in the child; the script did not run (`E_SANDBOX_SETUP`).
        case setup
        /// A confinement layer the plan requires is missing on this kernel (`E_SANDBOX_UNAVAILABLE`).
        case unavailable
        /// The script failed because the sandbox refused an operation (`E_SANDBOX_DENIED`); the traceback holds the hint.
        case denied
        /// The shared table could not be read or written (`E_SHARED_TABLE`).
        case sharedTable
        /// Shared memory or the child's socket failed (`E_SHARED_MEMORY`).
        case sharedMemory
        /// The child could not run the request it got (`E_SANDBOX_IO`).
        case io
        /// The files under `outputs/` pass the limits, or one is a link or a special file (`E_PYTHON_OUTPUT`).
        case outputFiles

        /// The catalogued error code users see for this failure; on the wire it travels as that code's name.
        public var errorCode: ErrorCode {
            switch self {
            case .python: return .python
            case .result: return .result
            case .environment: return .sandboxEnvironment
            case .setup: return .sandboxSetup
            case .unavailable: return .sandboxUnavailable
            case .denied: return .sandboxDenied
            case .sharedTable: return .sharedTable
            case .sharedMemory: return .sharedMemory
            case .io: return .sandboxIO
            case .outputFiles: return .pythonOutputFiles
            }
        }

        /// The failure whose catalogued code is `code`, if the worker may report it.
        public init?(_ code: ErrorCode) {
            guard let match = Self.allCases.first(where: { $0.errorCode == code }) else { return nil }
            self = match
        }

        public init(from decoder: any Decoder) throws {
            let name = try decoder.singleValueContainer().decode(String.self)
            guard let code = ErrorCode.named(name).flatMap(Code.init) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "\(name) is not a failure a worker reports"))
            }
            self = code
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(errorCode.rawValue)
        }
    }

    public var code: Code
    /// Python exception type (`ZeroDivisionError`), empty for non-Python failures.
    public var type: String
    public var message: String
    /// Formatted traceback, frames inside libraries (pandas, numpy, the standard library) folded into one
    /// line each run; frames of the user's script are shown with their lines, as the query's file and
    /// lines when the request gave the script's location (else `File "<script>", line N`).
    public var traceback: String
    /// The whole traceback, every frame and chained exception shown (`--verbose`); nil when it is `traceback`.
    public var fullTraceback: String?
    /// Line where the error was raised in the script (a query line when the request gave the location), when known.
    public var line: Int?
    /// The errno of the `OSError` the script died of, when it was one (what tells a refused operation).
    public var errno: Int32?

    public init(
        code: Code, type: String = "", message: String, traceback: String = "", line: Int? = nil, errno: Int32? = nil,
        fullTraceback: String? = nil
    ) {
        self.code = code; self.type = type; self.message = message; self.traceback = traceback; self.line = line
        self.errno = errno; self.fullTraceback = fullTraceback
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
    /// The files the script wrote under `outputs/` (nil or empty: none).
    public var outputFiles: [WorkerOutputFile]?

    public init(
        resultBytes: Int, stdout: String, stderr: String, failure: WorkerFailure? = nil, timings: [String: Double] = [:]
    ) {
        self.resultBytes = resultBytes; self.stdout = stdout; self.stderr = stderr; self.failure = failure;
        self.timings = timings
    }

    /// The response with the files found under `outputs/`.
    public func with(outputFiles: [WorkerOutputFile]) -> WorkerResponse {
        var r = self
        r.outputFiles = outputFiles.isEmpty ? nil : outputFiles
        return r
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
    public func receive<T: Decodable>(
        _ type: T.Type, timeoutMilliseconds: Int? = nil,
        maxBytes: Int = MessageChannel.maxFrameBytes
    ) throws(SharedTableError) -> (T, [Int32]) {
        let (payload, fds) = try receive(timeoutMilliseconds: timeoutMilliseconds, maxBytes: maxBytes)
        do {
            return (try JSONDecoder().decode(T.self, from: Data(payload)), fds)
        } catch {
            for f in fds { MessageChannel(fd: f).close() }
            throw SharedTableError(.message, "cannot decode \(T.self): \(error)")
        }
    }
}
