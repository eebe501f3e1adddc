import Columnar
import Foundation
import KQLEngine
import KQLSyntax

/// Checks a corpus of real users' queries (`conformance/corpus/`: published Sentinel and Defender hunting
/// queries) for what Sandpiper can say about them without their data: that each parses, and that it binds up to
/// the first name only the user's workspace has.
///
/// Each query runs on an engine over an empty database, so binding stops with `E_UNKNOWN_NAME` at the first
/// table or function the workspace would define (`SigninLogs`, `_GetWatchlist`). A query that needs no table
/// binds and runs completely. A `.kql` file holds one or more queries, separated by blank lines as Kusto
/// Explorer reads them (`QueryFile`).
public enum QueryCorpus {
    /// What checking one query found.
    public enum Outcome: Sendable, Equatable {
        /// It parsed, bound and ran (it reads no table).
        case ran
        /// It parsed and bound up to a table or function the database lacks.
        case unknownName(String)
        /// It parsed and bound up to a feature Sandpiper refuses by name (a URL in `externaldata`, a plugin that
        /// calls a service).
        case refused(String)
        /// It does not parse: a gap in Sandpiper's grammar, or a mistake in the query.
        case parseError(String)
        /// It parsed but binding failed on something other than an unknown table or function.
        case bindError(String)

        /// True when Sandpiper read the query as far as it can without the workspace.
        public var understood: Bool {
            switch self {
            case .ran, .unknownName, .refused: return true
            case .parseError, .bindError: return false
            }
        }
    }

    /// One query of the corpus and its outcome.
    public struct Entry: Sendable {
        /// The file, relative to the corpus folder, and the line the query starts on.
        public var file: String
        public var line: Int
        public var outcome: Outcome
    }

    /// The `.kql` files under `folder`, sorted by path.
    public static func files(in folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "kql" }.sorted { $0.path < $1.path }
    }

    /// An engine over a database without tables, the clock fixed at 2025-01-01.
    public static func engineWithoutTables() -> Engine {
        Engine(database: InMemoryDatabase(tables: []), now: { 1_735_689_600_000_000_000 })
    }

    /// Checks every query of every `.kql` file under `folder`.
    public static func check(folder: URL) -> [Entry] {
        let engine = engineWithoutTables()
        let base = folder.standardizedFileURL.path + "/"
        var entries: [Entry] = []
        for url in files(in: folder) {
            let relative = url.standardizedFileURL.path.replacingOccurrences(of: base, with: "")
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            for query in queries(in: text) {
                entries.append(Entry(file: relative, line: query.line, outcome: check(query.text, engine: engine)))
            }
        }
        return entries
    }

    /// The queries of a file as Kusto Explorer splits them at blank lines, except that a piece whose first line of
    /// code starts with `|` continues the one before it: no query starts with `|`, and published queries put
    /// blank lines and comments inside a pipeline, which runs when the whole text is selected.
    static func queries(in text: String) -> [QueryFile.Query] {
        var out: [QueryFile.Query] = []
        for piece in QueryFile.split(text) {
            let code = piece.text.split(whereSeparator: \.isNewline).lazy.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            .first { !$0.isEmpty && !$0.hasPrefix("//") }
            if let last = out.last, code?.hasPrefix("|") == true {
                // Both texts are padded with newlines to their first line: drop the padding `last` covers.
                let covered = last.text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
                out[out.count - 1].text = last.text + piece.text.dropFirst(covered)
            } else {
                out.append(piece)
            }
        }
        return out
    }

    /// Checks one query text on `engine` (whose database should hold no tables).
    public static func check(_ text: String, engine: Engine) -> Outcome {
        do {
            _ = try Parser.parse(text)
        } catch {
            return .parseError(error.message)
        }
        do {
            _ = try engine.execute(text, properties: RequestProperties())
            return .ran
        } catch {
            let message = error.message
            if error.code == .unknownName,
                ["unknown table", "unknown function", "unknown database", "unknown cluster"].contains(where: {
                    message.hasPrefix($0)
                })
            {
                return .unknownName(message)
            }
            // A query that searches every table (`search`, `find`) reads the workspace's columns: over a database
            // without tables, a column it names is unknown for the same reason its tables are.
            if error.code == .unknownName, message.hasPrefix("unknown column"),
                text.range(of: #"(?m)(^|\|)\s*(search|find)\b"#, options: .regularExpression) != nil
            {
                return .unknownName(message)
            }
            // `union *` over a database without tables matches none: the workspace's tables are what is missing.
            if error.code == .argument, message.hasPrefix("union needs at least one table") {
                return .unknownName(message)
            }
            // A refusal by design (a network URL, a service plugin) is as far as Sandpiper goes on purpose;
            // an operator or plugin it lacks so far is a gap like a parse error.
            if error.code == .unsupported, !message.contains("not supported yet"), !message.contains("not available") {
                return .refused(message)
            }
            return .bindError(message)
        }
    }
}
