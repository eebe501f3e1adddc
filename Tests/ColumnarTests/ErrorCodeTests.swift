import Foundation
import Testing
@testable import Columnar

/// The error catalogue is closed and complete: every code declared once, listed, documented and raised.
@Suite struct ErrorCodeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `(constant name, code)` for every `public static let NAME = ErrorCode("E_...", ...)` in the catalogue file.
    static func declarations() throws -> [(name: String, code: String)] {
        let text = try String(
            contentsOf: root.appendingPathComponent("Sources/Columnar/ErrorCode.swift"), encoding: .utf8)
        let pattern = try Regex(#"public static let (\w+) = ErrorCode\(\s*"(E_[A-Z0-9_]+)""#)
        return text.matches(of: pattern).map { m in
            (String(m.output[1].substring ?? ""), String(m.output[2].substring ?? ""))
        }
    }

    /// Every Swift file under `Sources/<target>`, except the catalogue's own files and the docs/ pages compiled
    /// in for `sandpiper help` (which quote codes as the pages do).
    static func sources(of target: String) throws -> [(path: String, text: String)] {
        let folder = root.appendingPathComponent("Sources/\(target)")
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        var out: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            if url.path.hasSuffix("Columnar/ErrorCode.swift") || url.path.hasSuffix("Columnar/ErrorCode+Markdown.swift")
                || url.path.hasSuffix("Documentation/HelpPages+Generated.swift")
            {
                continue
            }
            out.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        return out
    }

    /// docs/errors.md is generated; run with SANDPIPER_REGENERATE=1 to rewrite it.
    @Test func errorsDocumentIsUpToDate() throws {
        let file = Self.root.appendingPathComponent("docs/errors.md")
        let generated = ErrorCode.markdownCatalogue()
        if ProcessInfo.processInfo.environment["SANDPIPER_REGENERATE"] == "1" {
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(
            committed == generated,
            "docs/errors.md is stale: run SANDPIPER_REGENERATE=1 swift test --filter ColumnarTests.ErrorCodeTests")
    }

    @Test func everyDeclaredCodeIsListedOnce() throws {
        let declared = try Self.declarations()
        #expect(declared.count >= 40, "the catalogue file was not read as expected")
        #expect(
            Set(declared.map(\.code)).count == declared.count,
            "two constants share a code: \(declared.map(\.code).sorted())")
        #expect(Set(declared.map(\.name)).count == declared.count)
        #expect(
            ErrorCode.all.map(\.rawValue).sorted() == declared.map(\.code).sorted(),
            "ErrorCode.all and the declarations differ")
        #expect(Set(ErrorCode.all).count == ErrorCode.all.count)
        for code in ErrorCode.all {
            #expect(!code.meaning.isEmpty && !code.hint.isEmpty && !code.raisedBy.isEmpty, "\(code)")
            #expect(
                !code.meaning.contains("\n") && !code.hint.contains("\n"), "\(code): meaning and hint are one line each"
            )
        }
    }

    /// Each code is used by every target its entry names, in a position where it is a code
    /// (`KQLError(.parse, ...`, `code: .sandboxSetup`, `return .python`, `ErrorCode.python`).
    @Test func everyCodeIsRaisedByTheTargetsItNames() throws {
        var cache: [String: [(path: String, text: String)]] = [:]
        for (name, code) in try Self.declarations() {
            let entry = try #require(ErrorCode.named(code))
            let use = try Regex(#"(ErrorCode\.|[({,:=?]\s*\.|return\s+\.|case\s+\.)"# + name + #"\b(?!\s*[:=(])"#)
            for target in entry.raisedBy {
                if cache[target] == nil { cache[target] = try Self.sources(of: target) }
                let files = try #require(cache[target])
                #expect(!files.isEmpty, "\(code) names \(target), which has no sources")
                #expect(
                    files.contains { $0.text.contains(use) }, "\(code) (.\(name)) is not raised in Sources/\(target)")
            }
        }
    }

    /// No source spells a code as a string: producers name a constant, readers go through `named(_:)`.
    @Test func noInlineCodeLiterals() throws {
        let targets = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("Sources").path)
        let literal = try Regex(#""E_[A-Z][A-Z0-9_]*""#)
        var offenders: [String] = []
        for target in targets.sorted() {
            for (path, text) in try Self.sources(of: target) {
                for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
                {
                    if line.contains(literal) {
                        offenders.append("\(path): \(line.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        #expect(offenders.isEmpty, "inline error codes:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func namedFindsOnlyCataloguedCodes() {
        #expect(ErrorCode.named("E_PARSE") == .parse)
        #expect(ErrorCode.named("E_SANDBOX_KICKOUT") == .sandboxKickout)
        #expect(ErrorCode.named("E_NOT_A_CODE") == nil)
        #expect(ErrorCode.named("e_parse") == nil)
        #expect(ErrorCode.named("") == nil)
    }

    struct Wrapping: CodedError {
        var code: ErrorCode { .io }
        var message: String { "cannot read the data" }
        var hint: String? { nil }
        var cause: (any Error & Sendable)?
    }

    @Test func aWrappedErrorIsPrintedOnACauseLine() {
        #expect(throws: JSONParseError.self) { try Dynamic.parseJSON("[1,\n 2") }
        do {
            _ = try Dynamic.parseJSON("[1,\n 2")
        } catch {
            #expect(error.code == .json && error.line == 2 && error.column == 3, "\(error)")
            let wrapped = Wrapping(cause: error)
            #expect(
                wrapped.description
                    == "E_IO: cannot read the data\ncause: E_JSON: invalid JSON at 2:3: unterminated array")
        }
        #expect(Wrapping(cause: nil).description == "E_IO: cannot read the data")
        #expect(
            Wrapping(cause: CocoaError(.fileNoSuchFile)).description.hasPrefix("E_IO: cannot read the data\ncause: "))
        #expect(!Wrapping(cause: CocoaError(.fileNoSuchFile)).description.contains("Error Domain="))
    }
}
