import Columnar
import Foundation
import KQLEngine
import Testing
@testable import Conformance

/// Engine behaviour: every `conformance/engine/**/*.kqltest` file, each on a fresh engine over the
/// sample database with the clock fixed at 2025-01-01T00:00:00Z.
@Suite struct ConformanceCaseFilesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let now = DateTimeFormat.parse("2025-01-01T00:00:00Z")!
    static let sample = SampleDatabase.make(now: now)

    static var caseFiles: [URL] {
        let root = packageRoot.appendingPathComponent("conformance/engine")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "kqltest" }
            .sorted { $0.path < $1.path }
    }

    @Test func caseFilesExist() {
        #expect(!Self.caseFiles.isEmpty, "no .kqltest files under \(Self.packageRoot.path)/conformance/engine")
    }

    @Test(arguments: caseFiles)
    func caseFile(_ url: URL) {
        let report = KQLTestRunner.run(files: [url]) { fileNow in
            if let fileNow, fileNow != Self.now {
                return Engine(database: SampleDatabase.make(now: fileNow), now: { fileNow })
            }
            let copy = InMemoryDatabase(tables: Self.sample.tableNames.map { ($0, Self.sample.table(named: $0)!) })
            return Engine(database: copy, now: { Self.now })
        }
        for failure in report.failures {
            Issue.record(Comment(rawValue: failure.description))
        }
    }
}
