import Columnar
import Foundation
import TOMLKit

/// A sidecar file of expectations, in TOML:
///
/// ```toml
/// [[example]]
/// id = "example-machine-learning-with-scikit-learn-1"   # and/or: line = 120
/// contains = "model.predict_proba"                        # optional guard
/// expect = "fail"                                         # pass | fail | skip
/// error = "NotFittedError"                                # error code or Python exception name
/// reason = "predicts with a model it never fitted"
///
/// [[example]]
/// line = 40
/// expect = "pass"
/// ignore_columns = ["Elapsed"]
/// ignore_values = ["Timestamp"]
/// tolerance = 1e-6
/// ignore_order = true
/// sandbox = ["py311"]                                     # optional: only in these sandboxes
/// document = "python-plugin.md"                           # needed in folder-level files
/// ```
public struct ExpectationFile: Sendable {
    /// Where the file was read from.
    public var path: String
    public var entries: [Expectation]

    public init(path: String, entries: [Expectation]) { self.path = path; self.entries = entries }

    /// Reads and validates a sidecar; a wrong key or value is an error that names the entry, never ignored.
    public static func load(path: String) throws(ConformanceError) -> ExpectationFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConformanceError(
                .expectations, "cannot read the expectations file \(path): \(error.localizedDescription)", cause: error)
        }
        return try parse(text, path: path)
    }

    /// Parses sidecar text (`path` is only used in messages).
    public static func parse(_ text: String, path: String) throws(ConformanceError) -> ExpectationFile {
        let root: TOMLTable
        do { root = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw ConformanceError(
                .expectations, "\(path):\(e.source.begin.line):\(e.source.begin.column): \(e.description)", cause: e)
        } catch {
            throw ConformanceError(.expectations, "\(path): \(error)")
        }
        for key in root.keys where key != "example" {
            throw ConformanceError(
                .expectations, "\(path): unknown top-level key '\(key)'", hint: "entries are [[example]] tables")
        }
        guard let value = root["example"] else { return ExpectationFile(path: path, entries: []) }
        guard let array = value.array else {
            throw ConformanceError(.expectations, "\(path): 'example' must be an array of tables, written [[example]]")
        }
        var entries: [Expectation] = []
        for (n, item) in array.enumerated() {
            let origin = "\(path) [[example]] #\(n + 1)"
            guard let table = item.table else { throw ConformanceError(.expectations, "\(origin): not a table") }
            entries.append(try entry(table, origin: origin))
        }
        return ExpectationFile(path: path, entries: entries)
    }

    static let knownKeys: Set<String> = [
        "id", "line", "contains", "document", "sandbox", "expect", "error", "message", "reason",
        "ignore_columns", "ignore_values", "tolerance", "ignore_order",
    ]

    static func entry(_ t: TOMLTable, origin: String) throws(ConformanceError) -> Expectation {
        for key in t.keys where !knownKeys.contains(key) {
            throw ConformanceError(
                .expectations, "\(origin): unknown key '\(key)'",
                hint: "known keys: \(knownKeys.sorted().joined(separator: ", "))")
        }
        func string(_ key: String) throws(ConformanceError) -> String? {
            guard let v = t[key] else { return nil }
            guard let s = v.string else {
                throw ConformanceError(.expectations, "\(origin): '\(key)' must be a string")
            }
            return s
        }
        func strings(_ key: String) throws(ConformanceError) -> [String]? {
            guard let v = t[key] else { return nil }
            if let s = v.string { return [s] }
            guard let a = v.array else {
                throw ConformanceError(.expectations, "\(origin): '\(key)' must be a string or an array of strings")
            }
            var out: [String] = []
            for item in a {
                guard let s = item.string else {
                    throw ConformanceError(.expectations, "\(origin): '\(key)' must hold strings")
                }
                out.append(s)
            }
            return out
        }
        var e = Expectation(origin: origin)
        e.id = try string("id")
        if let v = t["line"] {
            guard let n = v.int, n > 0 else {
                throw ConformanceError(.expectations, "\(origin): 'line' must be a positive integer")
            }
            e.line = n
        }
        e.contains = try string("contains")
        e.document = try string("document")
        e.sandboxes = try strings("sandbox")
        if let k = try string("expect") {
            guard let kind = Expectation.Kind(rawValue: k) else {
                throw ConformanceError(.expectations, "\(origin): 'expect' must be pass, fail or skip, not '\(k)'")
            }
            e.kind = kind
        }
        e.error = try string("error")
        e.message = try string("message")
        e.reason = try string("reason")
        e.options.ignoreColumns = Set(try strings("ignore_columns") ?? [])
        e.options.ignoreValues = Set(try strings("ignore_values") ?? [])
        if let v = t["tolerance"] {
            guard let d = v.double ?? v.int.map(Double.init), d >= 0 else {
                throw ConformanceError(.expectations, "\(origin): 'tolerance' must be a non-negative number")
            }
            e.options.tolerance = d
        }
        if let v = t["ignore_order"] {
            guard let b = v.bool else {
                throw ConformanceError(.expectations, "\(origin): 'ignore_order' must be true or false")
            }
            e.options.ignoreOrder = b
        }
        if e.id == nil, e.line == nil, e.contains == nil {
            throw ConformanceError(
                .expectations, "\(origin): says nothing about which example it is for",
                hint: "give id, line or contains")
        }
        if e.kind != .pass, e.reason == nil {
            throw ConformanceError(.expectations, "\(origin): an expected failure or skip needs a 'reason'")
        }
        if e.kind != .fail, e.error != nil || e.message != nil {
            throw ConformanceError(
                .expectations, "\(origin): 'error' and 'message' only make sense with expect = \"fail\"")
        }
        if let code = e.error, code.hasPrefix("E_"), ErrorCode.named(code) == nil {
            throw ConformanceError(
                .expectations, "\(origin): 'error' names \(code), which is not a Sandpiper error code",
                hint: "docs/errors.md lists the codes; name a Python exception without the E_ prefix")
        }
        return e
    }
}
