import Testing
@testable import Conformance

@Suite struct ExpectationTests {
    static let sidecar = """
        [[example]]
        id = "ml-1"
        line = 99
        contains = "predict_proba"
        expect = "fail"
        error = "NotFittedError"
        reason = "predicts with a model it never fitted"

        [[example]]
        line = 3
        ignore_columns = ["Elapsed"]
        ignore_values = "Timestamp"
        tolerance = 0.01
        ignore_order = true
        sandbox = ["py311", "default"]
        """

    @Test func parsesEntries() throws {
        let file = try ExpectationFile.parse(Self.sidecar, path: "x.expect.toml")
        #expect(file.entries.count == 2)
        let fail = file.entries[0]
        #expect(fail.kind == .fail)
        #expect(fail.error == "NotFittedError")
        #expect(fail.origin == "x.expect.toml [[example]] #1")
        let relax = file.entries[1]
        #expect(relax.kind == .pass)
        #expect(
            relax.options
                == ComparisonOptions(
                    ignoreColumns: ["Elapsed"], ignoreValues: ["Timestamp"], tolerance: 0.01, ignoreOrder: true))
        #expect(relax.sandboxes == ["py311", "default"])
    }

    @Test(arguments: [
        ("[[example]]\nid = \"a\"\nexpect = \"skip\"\n", "needs a 'reason'"),
        ("[[example]]\nid = \"a\"\nfoo = 1\n", "unknown key 'foo'"),
        ("[[example]]\nexpect = \"pass\"\n", "says nothing about which example"),
        ("[[example]]\nid = \"a\"\nexpect = \"maybe\"\nreason = \"r\"\n", "must be pass, fail or skip"),
        ("[[example]]\nid = \"a\"\nerror = \"E_X\"\n", "only make sense with expect = \"fail\""),
        (
            "[[example]]\nid = \"a\"\nexpect = \"fail\"\nreason = \"r\"\nerror = \"E_NO_SUCH_CODE\"\n",
            "E_NO_SUCH_CODE, which is not a Sandpiper error code"
        ),
        ("[[example]\n", "x.toml:1:"),
        ("title = \"x\"\n", "unknown top-level key 'title'"),
    ])
    func rejectsMistakes(_ text: String, _ fragment: String) {
        do {
            _ = try ExpectationFile.parse(text, path: "x.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.code == .expectations)
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func appliesByIdThenLineWithTheFragmentAsGuard() {
        let ex = DocumentExample(
            document: "docs/seed.txt", line: 120, id: "ml-1", section: "ML",
            query: "T | python(script='model.predict_proba(X)')")
        #expect(Expectation(id: "ml-1", line: 5).applies(to: ex, sandbox: nil))  // the id wins over a moved line
        #expect(Expectation(line: 120).applies(to: ex, sandbox: nil))
        #expect(!Expectation(line: 121).applies(to: ex, sandbox: nil))
        #expect(!Expectation(id: "ml-1", contains: "fit(").applies(to: ex, sandbox: nil))
        #expect(Expectation(contains: "predict_proba").applies(to: ex, sandbox: nil))
        #expect(Expectation(id: "ml-1", document: "seed.txt").applies(to: ex, sandbox: nil))
        #expect(!Expectation(id: "ml-1", document: "other.md").applies(to: ex, sandbox: nil))
        #expect(!Expectation(id: "ml-1", sandboxes: ["py311"]).applies(to: ex, sandbox: nil))
        #expect(Expectation(id: "ml-1", sandboxes: ["py311"]).applies(to: ex, sandbox: "py311"))
    }

    @Test func expectedErrorsByCodeOrPythonExceptionName() {
        let traceback =
            "E_PYTHON: the script raised an exception\nTraceback (most recent call last):\n  File \"<script>\", line 14\nsklearn.exceptions.NotFittedError: This RandomForestClassifier instance is not fitted yet."
        #expect(Expectation(kind: .fail, error: "NotFittedError").expects(code: "E_PYTHON", message: traceback))
        #expect(Expectation(kind: .fail, error: "E_PYTHON").expects(code: "E_PYTHON", message: traceback))
        #expect(!Expectation(kind: .fail, error: "E_PARSE").expects(code: "E_PYTHON", message: traceback))
        #expect(!Expectation(kind: .fail, error: "FittedError").expects(code: "E_PYTHON", message: traceback))
        #expect(
            !Expectation(kind: .fail, error: "NotFittedError", message: "not a number").expects(
                code: "E_PYTHON", message: traceback))
        #expect(Expectation(kind: .fail).expects(code: "E_TYPE", message: "x"))
        #expect(!Expectation(kind: .pass).expects(code: "E_TYPE", message: "x"))
    }

    @Test func aQueryThatMentionsTheExceptionDoesNotSatisfyTheExpectation() {
        let ex = DocumentExample(
            document: "d.md", line: 1, id: "e-1", section: "E",
            query: "print 1 | evaluate python(typeof(*), 'raise ValueError(1)')")
        let expectation = Expectation(id: "e-1", kind: .fail, error: "ValueError", reason: "demo")
        let unrelated = ExampleError(
            code: "E_UNSUPPORTED", message: "plugin 'python' is not available",
            display:
                "E_UNSUPPORTED: 1:20: plugin 'python' is not available\n  print 1 | evaluate python(typeof(*), 'raise ValueError(1)')"
        )
        let judged = ExampleJudge.judge(
            .error(unrelated), into: ExampleResult(example: ex, sandbox: nil, status: .ran), expectation: expectation)
        #expect(judged.status == .fail)
        let real = ExampleError(code: "E_PYTHON", message: "Traceback (most recent call last):\nValueError: 1")
        #expect(
            ExampleJudge.judge(
                .error(real), into: ExampleResult(example: ex, sandbox: nil, status: .ran), expectation: expectation
            ).status == .expectedFail)
    }
}
