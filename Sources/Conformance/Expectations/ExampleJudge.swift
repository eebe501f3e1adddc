import Foundation

/// Runs one example and decides its status from the outcome, the document's tables and the expectation.
public enum ExampleJudge {
    /// Runs `example` in `sandbox` with `runner` unless the expectation skips it, and judges the outcome.
    public static func judge(
        _ example: DocumentExample, sandbox: String?, expectation: Expectation?,
        runner: any ExampleRunner
    ) -> ExampleResult {
        var result = ExampleResult(example: example, sandbox: sandbox, status: .ran, reason: expectation?.reason)
        result.expectationOrigin = expectation?.origin
        if let expectation, expectation.kind == .skip {
            result.status = .skipped
            return result
        }
        if let problem = example.problem {
            result.status = .error
            result.messages.append(problem)
            return result
        }
        let start = DispatchTime.now().uptimeNanoseconds
        // The query's first line is the one after the opening fence.
        let place = ExamplePlace(document: example.document, firstLine: example.line + 1)
        let outcome = runner.run(example.runnableQuery, sandbox: sandbox, at: place)
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return judge(outcome, into: result, expectation: expectation)
    }

    /// The verdict for an outcome already obtained.
    public static func judge(_ outcome: ExampleOutcome, into result: ExampleResult, expectation: Expectation?)
        -> ExampleResult
    {
        var result = result
        let example = result.example
        let expectsFailure = expectation?.kind == .fail
        switch outcome {
        case .error(let error):
            result.error = error
            if let expectation, expectsFailure {
                if expectation.expects(code: error.code, message: error.message) {
                    result.status = .expectedFail
                } else {
                    result.status = .fail
                    result.messages.append(
                        "expected to fail with \(expectation.error ?? "a wrong result")"
                            + (expectation.message.map { " (message containing \"\($0)\")" } ?? "")
                            + ", but failed with \(error.code)")
                }
            } else {
                result.status = .error
            }
        case .tables(let tables):
            result.tables = tables.map(\.table)
            result.pythonOutput = tables.flatMap(\.pythonOutput)
            let options = expectation?.options ?? .strict
            var ordered = RowOrder.orderedResults(example.runnableQuery)
            if ordered.count != tables.count { ordered = [Bool](repeating: false, count: tables.count) }
            if let ignore = options.ignoreOrder { ordered = ordered.map { _ in !ignore } }
            result.ordered = ordered
            var messages: [String] = []
            if example.expected.count > tables.count {
                messages.append(
                    "the document shows \(example.expected.count) table\(example.expected.count == 1 ? "" : "s"), "
                        + "the query produced \(tables.count)")
            }
            for i in 0..<min(example.expected.count, tables.count) {
                let diff = TableComparer.compare(
                    expected: example.expected[i], actual: tables[i].table, ordered: ordered[i], options: options)
                if !diff.isMatch { result.diffs.append((i, diff)) }
            }
            let matched = messages.isEmpty && result.diffs.isEmpty
            if expectsFailure {
                if let e = expectation?.error {
                    result.status = .fail
                    messages.append(
                        "expected to fail with \(e), but it ran" + (matched ? " and matched the document" : ""))
                } else if matched {
                    result.status = .fail
                    messages.append(
                        "expected a result that differs from the document, but it matched: remove the expectation")
                } else {
                    result.status = .expectedFail
                }
            } else {
                result.status = !matched ? .fail : example.expected.isEmpty ? .ran : .matched
            }
            result.messages += messages
        }
        return result
    }
}
