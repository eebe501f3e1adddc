import Columnar
import Conformance
import Foundation
import KQLSyntax

/// `conformance run --target URL`: the documents' examples and the case files' records sent to a Kusto
/// endpoint instead of an embedded engine, judged and reported the same way.
///
/// A case file's `now` line travels as the request option `query_now` (ADX's way to fix `now()`); data
/// the endpoint holds is its own, so files that read the sample database expect `sandpiper serve` over it
/// (started with the same `--now` for files that pin the clock), and what one file creates the next sees.
public struct RemoteExampleRunner: ExampleRunner {
    let endpoint: KustoEndpoint

    public init(_ endpoint: KustoEndpoint) { self.endpoint = endpoint }

    /// The sandbox cannot be chosen per request: the endpoint's python() runs in its own default sandbox.
    public func run(_ query: String, sandbox: String?) -> ExampleOutcome {
        do { return .tables(try endpoint.execute(query).map { ExampleTable(table: $0) }) } catch {
            return .error(
                ExampleError(code: error.code.rawValue, message: error.message + (error.hint.map { "\n\($0)" } ?? "")))
        }
    }

    /// The case files' runner over the same endpoint.
    public var caseFiles: KQLTestCaseFiles {
        let endpoint = endpoint
        return KQLTestCaseFiles { fileNow, _ in
            { (text: String, _: Int) throws(KQLError) -> [Table] in try endpoint.execute(text, queryNow: fileNow) }
        }
    }
}
