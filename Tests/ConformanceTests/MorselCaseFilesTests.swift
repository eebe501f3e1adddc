import Columnar
import Foundation
import KQLEngine
import Testing

@testable import Conformance

/// Every case file again with every query over morsels of a few rows (``QueryParallelism`` with no
/// threshold), on one thread and on two: the morsel path must meet the same expected tables.
@Suite struct MorselCaseFilesTests {
    static let configurations = [
        ("one thread, 3-row morsels (copied)", QueryParallelism(threads: 1, morselRows: 3, minimumRows: 1)),
        ("two threads, 8-row morsels (views)", QueryParallelism(threads: 2, morselRows: 8, minimumRows: 1)),
    ]

    @Test(arguments: ConformanceCaseFilesTests.caseFiles)
    func caseFileOverMorsels(_ url: URL) {
        for (label, parallelism) in Self.configurations {
            let now = ConformanceCaseFilesTests.now
            let report = KQLTestRunner.run(files: [url]) { fileNow in
                if let fileNow, fileNow != now {
                    return Engine(
                        database: SampleDatabase.make(now: fileNow), now: { fileNow }, parallelism: parallelism)
                }
                let sample = ConformanceCaseFilesTests.sample
                let copy = InMemoryDatabase(tables: sample.tableNames.map { ($0, sample.table(named: $0)!) })
                return Engine(database: copy, now: { now }, parallelism: parallelism)
            }
            for failure in report.failures {
                Issue.record(Comment(rawValue: "\(label): \(failure.description)"))
            }
        }
    }
}
