import Foundation

/// What a sidecar file says about one example: it is expected to fail (and how), it is skipped, or it
/// passes under relaxed comparison. Documents are never edited to make them pass; this is where the
/// honest reasons live.
public struct Expectation: Sendable, Equatable {
    /// What the example is expected to do.
    public enum Kind: String, Sendable, Equatable {
        /// Run and match, possibly with relaxed `options`.
        case pass
        /// Fail: with `error` when given (an error code such as `E_PYTHON`, or a Python exception name such as
        /// `NotFittedError`), otherwise by a result that differs from the document's table.
        case fail
        /// Not run.
        case skip
    }

    /// Which example: the stable id (`<section-slug>-<n>`) and/or the fence's line. With both, the id wins
    /// and the line only documents where it was.
    public var id: String?
    public var line: Int?
    /// A fragment of the query (or its inline Python) that must be present: guards against an id or line
    /// that now points at a different example.
    public var contains: String?
    /// The document file name the entry applies to (needed in folder-level and `--expectations` files).
    public var document: String?
    /// The sandboxes the entry applies to; nil for all.
    public var sandboxes: [String]?
    public var kind: Kind
    /// For `fail`: the error code or Python exception name expected.
    public var error: String?
    /// For `fail`: text the error message must contain.
    public var message: String?
    /// Why: shown in the report for every expected failure and skip.
    public var reason: String?
    /// Comparison relaxations (for `pass`).
    public var options: ComparisonOptions
    /// Where the entry was written (`file` entry number), for reports about stale entries.
    public var origin: String

    public init(
        id: String? = nil, line: Int? = nil, contains: String? = nil, document: String? = nil,
        sandboxes: [String]? = nil, kind: Kind = .pass, error: String? = nil, message: String? = nil,
        reason: String? = nil, options: ComparisonOptions = .strict, origin: String = ""
    ) {
        self.id = id; self.line = line; self.contains = contains; self.document = document; self.sandboxes = sandboxes
        self.kind = kind; self.error = error; self.message = message; self.reason = reason; self.options = options
        self.origin = origin
    }

    /// Whether this entry designates `example` run in `sandbox` (nil: the default, named `default` in entries).
    public func applies(to example: DocumentExample, sandbox: String?) -> Bool {
        if let sandboxes, !sandboxes.contains(sandbox ?? "default") { return false }
        return designates(example)
    }

    /// Whether this entry names `example`, whatever the sandbox (an entry that names none is stale).
    public func designates(_ example: DocumentExample) -> Bool {
        if let document, !Self.sameDocument(document, example.document) { return false }
        if let id {
            guard id == example.id else { return false }
        } else if let line {
            guard line == example.line else { return false }
        }
        if let contains {
            let text = example.query + "\n" + (example.inlinePython ?? "")
            guard text.contains(contains) else { return false }
        }
        return id != nil || line != nil || contains != nil
    }

    /// Whether an error with `code` and `message` is the one this entry expects.
    public func expects(code: String, message text: String) -> Bool {
        guard kind == .fail else { return false }
        if let error {
            if error.hasPrefix("E_") {
                guard code == error else { return false }
            } else {
                guard Self.mentionsException(error, in: text) else { return false }
            }
        }
        if let message, !text.contains(message) { return false }
        return true
    }

    /// `NotFittedError` as a whole name in a traceback (`sklearn.exceptions.NotFittedError: ...`), not inside another name.
    static func mentionsException(_ name: String, in text: String) -> Bool {
        var search = text[...]
        while let r = search.range(of: name) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            let boundaryBefore = before.map { !($0.isLetter || $0.isNumber || $0 == "_") } ?? true
            let boundaryAfter = after.map { !($0.isLetter || $0.isNumber || $0 == "_") } ?? true
            if boundaryBefore && boundaryAfter { return true }
            search = text[r.upperBound...]
        }
        return false
    }

    /// A document named by its file name (or a path suffix) matches the path the runner was given.
    static func sameDocument(_ name: String, _ path: String) -> Bool {
        path == name || path.hasSuffix("/" + name)
    }
}
