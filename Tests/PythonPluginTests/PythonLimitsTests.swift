import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import Testing
@testable import PythonPlugin

/// The query limits reach `python()`: a script never outlives its query's time limit, and its result is
/// charged to the memory budget before the engine copies it.
extension PythonSuites {
    @Suite
    struct PythonLimitsTests {
        func engine() -> Engine {
            Engine(database: InMemoryDatabase(), plugins: [PythonTestEnvironment.plugin(timeoutMilliseconds: 60_000)])
        }

        @Test func aScriptStopsWhenTheQuerysTimeRunsOut() throws {
            let start = Date()
            let error = #expect(throws: KQLError.self) {
                try engine().execute(
                    """
                    set servertimeout = 2s;
                    range x from 1 to 3 step 1
                    | evaluate python(typeof(x:long), 'import time\\ntime.sleep(30)\\nresult = df')
                    """)
            }
            #expect(error?.code == .queryTimeout, "\(String(describing: error))")
            #expect(error?.message.contains("00:00:02") == true)
            // The script sleeps 30 s: it was stopped by the query's limit (starting the worker counts too).
            #expect(Date().timeIntervalSince(start) < 28, "the script ran past the query's limit")
        }

        @Test func aLargeResultIsChargedToTheBudget() throws {
            let error = #expect(throws: KQLError.self) {
                try engine().execute(
                    """
                    set maxmemoryconsumptionperiterator = 1000000;
                    print x = 1
                    | evaluate python(typeof(y:long), 'result = pd.DataFrame({"y": np.arange(1000000, dtype=np.int64)})')
                    """)
            }
            #expect(error?.code == .queryMemory, "\(String(describing: error))")
            #expect(
                error?.message.hasPrefix("operator 'python' needs about 7.6 MB") == true, "\(String(describing: error))"
            )
            // The same result within the budget.
            let ok = try engine().execute(
                """
                print x = 1
                | evaluate python(typeof(y:long), 'result = pd.DataFrame({"y": np.arange(1000000, dtype=np.int64)})')
                | count
                """)
            #expect(ok.tables[0].table.row(0) == [.long(1_000_000)])
        }
    }
}
