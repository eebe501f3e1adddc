// LOCAL ONLY, never committed: stands in for the data branch's .kqltest runner.
import Columnar
import Foundation
import KQLEngine
public struct KQLTestRecord: Sendable { public var line: Int; public var text: String }
public struct KQLTestFile: Sendable {
    public var records: [KQLTestRecord] = []
    public init(parsing text: String, path: String) throws {}
}
public struct KQLTestOutcome: Sendable { public var path: String; public var line: Int; public var passed: Bool; public var detail: String? }
public struct KQLTestReport: Sendable { public var outcomes: [KQLTestOutcome] }
public enum KQLTestRunner {
    public static func run(files: [URL], makeEngine: () -> Engine) -> KQLTestReport { KQLTestReport(outcomes: []) }
}
