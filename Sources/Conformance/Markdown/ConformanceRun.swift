import Foundation

/// Runs `.kqltest` case files; the case-file runner (`Sources/Conformance/`, outside this area) is plugged in here.
public protocol CaseFileRunner: Sendable {
    /// Runs every record of the case file at `path` whose text or location contains `filter` (all when nil).
    func run(caseFile path: String, filter: String?) -> [ExampleResult]
}

/// One `sandpiper conformance run`: inputs in, results out. Printing is the report's job.
public struct ConformanceRun: Sendable {
    /// Documents and case-file paths, or folders of them.
    public var paths: [String]
    /// Sandboxes for the matrix; empty runs python examples once in the default sandbox.
    public var sandboxes: [String]
    /// Only examples whose location, id or query contains this text (case-insensitive).
    public var filter: String?
    /// Explicit expectations files, consulted first.
    public var expectationFiles: [String]
    /// Where the repository sidecars are searched from.
    public var workingDirectory: String

    public init(
        paths: [String], sandboxes: [String] = [], filter: String? = nil, expectationFiles: [String] = [],
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.paths = paths; self.sandboxes = sandboxes; self.filter = filter
        self.expectationFiles = expectationFiles; self.workingDirectory = workingDirectory
    }

    /// Extensions taken from folders as documents (a file named on the command line is a document whatever its extension).
    public static let documentExtensions: Set<String> = ["md", "markdown", "txt"]
    public static let caseFileExtension = "kqltest"

    /// The files named by `paths`, folders expanded recursively in name order.
    public static func inputs(_ paths: [String]) -> (documents: [String], caseFiles: [String], problems: [String]) {
        var documents: [String] = [], caseFiles: [String] = [], problems: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append("\(path): no such file or folder"); continue
            }
            if !isDir.boolValue {
                if path.hasSuffix("." + caseFileExtension) { caseFiles.append(path) } else { documents.append(path) }
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (fm.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []).sorted()
            for relative in found {
                let full = base + "/" + relative
                var sub: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue else { continue }
                let ext = URL(fileURLWithPath: relative).pathExtension.lowercased()
                if ext == caseFileExtension {
                    caseFiles.append(full)
                } else if documentExtensions.contains(ext) {
                    documents.append(full)
                }
            }
        }
        return (documents, caseFiles, problems)
    }

    /// Runs everything and returns the results; `caseFiles` runs `.kqltest` inputs.
    public func run(runner: any ExampleRunner, caseFiles: (any CaseFileRunner)? = nil) -> RunReport {
        var report = RunReport(sandboxes: sandboxes)
        let (documents, cases, problems) = Self.inputs(paths)
        report.problems += problems
        var explicit: [ExpectationFile] = []
        for path in expectationFiles {
            do { explicit.append(try ExpectationFile.load(path: path)) } catch {
                report.problems.append(error.description)
            }
        }
        let lookup = ExpectationLookup(explicit: explicit, workingDirectory: workingDirectory)
        var used = Set<String>()
        var covered: [String: Bool] = [:]  // origin → whether its document was run unfiltered

        for document in documents {
            let text: String
            do { text = try String(contentsOfFile: document, encoding: .utf8) } catch {
                report.problems.append("\(document): cannot read: \(error.localizedDescription)"); continue
            }
            let files: [ExpectationFile]
            do { files = try lookup.files(for: document) } catch { report.problems.append(error.description); continue }
            let entries = files.flatMap(\.entries)
            for e in entries where e.document.map({ Expectation.sameDocument($0, document) }) ?? true {
                covered[e.origin] = covered[e.origin] ?? false || filter == nil
            }
            let examples = DocumentExamples.extract(from: text, document: document).filter(matchesFilter)
            for example in examples {
                for e in entries where e.designates(example) { used.insert(e.origin) }
                let runs: [String?] = example.usesPython && !sandboxes.isEmpty ? sandboxes.map { $0 } : [nil]
                for sandbox in runs {
                    let expectation = entries.first { $0.applies(to: example, sandbox: sandbox) }
                    report.results.append(
                        ExampleJudge.judge(example, sandbox: sandbox, expectation: expectation, runner: runner))
                }
            }
        }
        for (origin, wasCovered) in covered.sorted(by: { $0.key < $1.key }) where wasCovered && !used.contains(origin) {
            report.problems.append(
                "\(origin): matches no example (stale expectation: the document changed, or the id/line/contains is wrong)"
            )
        }
        if !cases.isEmpty {
            if let caseFiles {
                for path in cases { report.results += caseFiles.run(caseFile: path, filter: filter) }
            } else {
                report.problems.append(
                    "\(cases.count) .kqltest file(s) given, but no case-file runner is wired into this build")
            }
        }
        return report
    }

    func matchesFilter(_ example: DocumentExample) -> Bool {
        guard let filter, !filter.isEmpty else { return true }
        let f = filter.lowercased()
        return example.location.lowercased().contains(f) || example.id.lowercased().contains(f)
            || example.query.lowercased().contains(f)
    }
}

/// The results of a run and the problems with its inputs.
public struct RunReport: Sendable {
    public var results: [ExampleResult] = []
    /// Input problems (missing files, bad or stale sidecars); any of them makes the run fail.
    public var problems: [String] = []
    /// The sandboxes of the matrix (empty: default only).
    public var sandboxes: [String]

    public init(results: [ExampleResult] = [], problems: [String] = [], sandboxes: [String] = []) {
        self.results = results; self.problems = problems; self.sandboxes = sandboxes
    }

    /// Exit status 1 when anything unexpected happened.
    public var succeeded: Bool { problems.isEmpty && !results.contains { $0.status.isUnexpected } }

    public func count(_ status: ExampleStatus) -> Int { results.filter { $0.status == status }.count }

    /// `N passed, N failed` (`, N skipped` when any), then what "passed" was made of: examples compared with
    /// a documented table (matched), examples that only ran because the document shows no table (ran), and
    /// expected failures (what their sidecar says). Errors count as failed.
    public var summaryLine: String {
        let passed = results.filter(\.status.isPassing).count
        let failed = count(.fail) + count(.error)
        let skipped = count(.skipped)
        var breakdown = ["\(count(.matched)) matched", "\(count(.ran)) ran"]
        let expected = count(.expectedFail)
        if expected > 0 { breakdown.append("\(expected) expected failure\(expected == 1 ? "" : "s")") }
        return "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
            + " (" + breakdown.joined(separator: ", ") + ")"
    }
}
