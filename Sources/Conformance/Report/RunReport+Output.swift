import Foundation
import KQLEngine

/// The report forms of `sandpiper conformance run --format`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned text for a terminal, problems and summary included (`TextReport`).
    case table
    /// One object per example and line (`JSONReport`).
    case json
    /// One page with the charts of render examples (`HTMLReport`).
    case html
}

extension RunReport {
    /// The report in `format` for standard output, and what belongs on standard error: the table form
    /// holds the problems and the summary line itself; the json and html forms leave them to standard error,
    /// so the document on standard output stays well-formed.
    public func rendered(_ format: ReportFormat) -> (stdout: String, stderr: String) {
        switch format {
        case .table: return (DisplayText.forTerminal(TextReport.render(self)), "")
        case .json, .html:
            let problems = self.problems.map { "problem: \($0)\n" }.joined()
            return (
                format == .json ? JSONReport.render(self) : HTMLReport.render(self),
                DisplayText.forTerminal(problems + summaryLine + "\n")
            )
        }
    }

    /// What `conformance run` does with a finished report: prints it in `format` to `out` and `err`, writes
    /// the JUnit report to `junit` and (`--complete`) the completed case files into `completeDir` when they
    /// are given. True when every example went as expected and every file was written.
    public func publish(
        _ format: ReportFormat, junit: String?, completeDir: String?, out: (String) -> Void, err: (String) -> Void
    ) -> Bool {
        let (stdout, stderr) = rendered(format)
        out(stdout)
        err(stderr)
        var ok = succeeded
        if let junit {
            do { try CaseFileWriter.write(JUnitReport.render(self), to: junit) } catch {
                err(DisplayText.forTerminal(error.description) + "\n")
                ok = false
            }
        }
        if let completeDir { ok = writeCompletedCaseFiles(into: completeDir, log: err) && ok }
        return ok
    }

    /// `--complete`: writes one case file per document that has examples nothing pins down, into `folder`
    /// (`CaseFileWriter`), never over the document itself; `log` gets a line per file written or refused.
    /// False when a file could not be written.
    public func writeCompletedCaseFiles(into folder: String, log: (String) -> Void) -> Bool {
        var ok = true
        var documents: [String] = []
        for r in results where !documents.contains(r.example.document) { documents.append(r.example.document) }
        for document in documents {
            let unpinned = results.filter { $0.example.document == document && !$0.isPinned }
            guard !unpinned.isEmpty else { continue }
            let stem = URL(fileURLWithPath: document).deletingPathExtension().lastPathComponent
            let path = folder + "/" + stem + ".kqltest"
            guard URL(fileURLWithPath: path).standardized.path != URL(fileURLWithPath: document).standardized.path
            else {
                log("--complete would overwrite the document \(document); choose another --complete-dir\n")
                ok = false
                continue
            }
            do {
                try CaseFileWriter.write(CaseFileWriter.render(document: document, results: unpinned), to: path)
                log("wrote \(path)\n")
            } catch {
                log(DisplayText.forTerminal(error.description) + "\n")
                ok = false
            }
        }
        return ok
    }
}

extension ConformanceRun {
    /// Where the `external_artifacts` of a path's examples lie: the path itself when it is a folder, else
    /// the folder it is in (as for a query file).
    public static func folder(of path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return path }
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// The names of a comma-separated `--sandbox` list, blanks dropped.
    public static func sandboxNames(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
