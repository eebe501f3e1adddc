/// The verdict on one `.kqltest` record.
public struct KQLTestOutcome: Sendable {
    public var path: String
    /// 1-based line of the record's header.
    public var line: Int
    public var passed: Bool
    /// True when the record states a result (tables or an error) that was compared; false for `statement ok`,
    /// which only has to run.
    public var compared: Bool
    /// Why it failed (a diff or the unexpected error); nil when it passed.
    public var detail: String?

    public init(path: String, line: Int, passed: Bool, compared: Bool = true, detail: String?) {
        self.path = path; self.line = line; self.passed = passed; self.compared = compared; self.detail = detail
    }

    func judged(_ failure: String?) -> KQLTestOutcome {
        var o = self
        o.passed = failure == nil
        o.detail = failure
        return o
    }

    /// `path:line: FAIL` and the detail, or `path:line: ok`.
    public var description: String {
        passed
            ? "\(path):\(line): ok"
            : "\(path):\(line): FAIL\n"
                + (detail ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(
                    separator: "\n")
    }
}

/// The outcome of a run over `.kqltest` files.
public struct KQLTestReport: Sendable {
    public var outcomes: [KQLTestOutcome]
    public init(outcomes: [KQLTestOutcome]) { self.outcomes = outcomes }

    public var passed: Int { outcomes.filter(\.passed).count }
    public var failed: Int { outcomes.count - passed }
    public var failures: [KQLTestOutcome] { outcomes.filter { !$0.passed } }

    /// Every failure with its diff, then `N passed, N failed`.
    public var summary: String {
        (failures.map(\.description) + ["\(passed) passed, \(failed) failed"]).joined(separator: "\n")
    }
}
