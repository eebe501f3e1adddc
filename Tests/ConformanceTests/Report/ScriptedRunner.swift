import Columnar
import Synchronization
@testable import Conformance

/// A runner that answers from a closure and records what it was asked (query, sandbox).
final class ScriptedRunner: ExampleRunner {
    let answer: @Sendable (String, String?) -> ExampleOutcome
    private let log = Mutex<[(query: String, sandbox: String?)]>([])

    init(_ answer: @escaping @Sendable (String, String?) -> ExampleOutcome) { self.answer = answer }

    var calls: [(query: String, sandbox: String?)] { log.withLock { $0 } }

    func run(_ query: String, sandbox: String?) -> ExampleOutcome {
        log.withLock { $0.append((query, sandbox)) }
        return answer(query, sandbox)
    }

    static func longs(_ name: String, _ values: [Int64]) -> ExampleOutcome {
        .tables([ExampleTable(table: Table([(name, Column(type: .long, int64s: values))]))])
    }

    static func error(_ code: String, _ message: String) -> ExampleOutcome {
        .error(ExampleError(code: code, message: message))
    }
}
