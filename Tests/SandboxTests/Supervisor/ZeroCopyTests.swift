import Columnar
import Foundation
import SharedTable
import Testing
@testable import Sandbox

/// Large columns cross to the confined child by reference and, when the script leaves them alone,
/// come back as the engine's own buffers (see `SharedBlocks`, `ResultWriter`).
@Suite(
    .serialized, .enabled(if: PoolFixture.available, PoolFixture.unavailableReason),
    .enabled(if: PoolFixture.canConfine, "confinement needs root and seccomp"))
struct ZeroCopyTests {
    let supervisor = Supervisor()
    var env: [String] { (try? PoolFixture.minimal.get())?.sitePackages ?? [] }
    static let rows = 600_000

    static let input = Table([
        ("x", Column(int64s: (0..<rows).map { Int64($0) })),
        ("r", Column(reals: (0..<rows).map { Double($0) / 2 }, valid: (0..<rows).map { $0 % 5 != 0 })),
        ("s", Column(strings: (0..<rows).map { $0 % 9 == 0 ? nil : "s\($0)" })),
        ("n", Column(int64s: (0..<rows).map { Int64($0 % 11) }, valid: (0..<rows).map { $0 % 3 != 0 })),
    ])

    @Test func anUnmodifiedResultIsTheEnginesOwnBuffers() throws {
        let out = try supervisor.run(Self.input, ScriptRun(script: "result = df", sitePackages: env))
        #expect(out.table.columns[0].values === Self.input.columns[0].values)
        // `r` has nulls (NaN in the child's view): its values are copied on the way in, so they come back copied.
        #expect(out.table.rowCount == Self.rows)
        for i in [0, 1, 5, 77_777, Self.rows - 1] { #expect(out.table.row(i) == Self.input.row(i)) }
        #expect(out.table.columns.map(\.nullCount) == Self.input.columns.map(\.nullCount))
    }

    @Test func aColumnModifiedInPlaceComesBackModifiedAndTheEngineKeepsItsOwn() throws {
        let script = "df['x'] *= 2\ndf.loc[3, 'n'] = 1000\nresult = df[['x', 'n']].assign(y=df['x'].iloc[0:0].sum())"
        let out = try supervisor.run(Self.input, ScriptRun(script: script, sitePackages: env))
        #expect(out.table.columns[0].values !== Self.input.columns[0].values)
        #expect(out.table.columns[0].longs[Self.rows - 1] == Int64(Self.rows - 1) * 2)
        #expect(Self.input.columns[0].longs[Self.rows - 1] == Int64(Self.rows - 1))
        #expect(out.table.columns[1].value(3) == .long(1000))
        #expect(Self.input.columns[3].isNull(3))
        #expect(out.table.columns[1].value(4) == .long(4))
    }

    @Test func aPartitionedCallRoundTripsEachSlice() throws {
        let parts = [0..<300_032, 300_032..<Self.rows]
        let outs = try supervisor.run(
            Self.input, partitions: parts, ScriptRun(script: "result = df", sitePackages: env))
        for (part, out) in zip(parts, outs) {
            #expect(out.table.rowCount == part.count)
            for k in [0, 1, 9, part.count - 1] { #expect(out.table.row(k) == Self.input.row(part.lowerBound + k)) }
            #expect(out.table.columns[0].longs[0] == Int64(part.lowerBound))
        }
    }

    @Test func aResultFedToASecondCallGoesByReferenceToo() throws {
        let first = try supervisor.run(Self.input, ScriptRun(script: "result = df[['x']] * 3", sitePackages: env))
        #expect(first.table.columns[0].values?.sharedLocation() != nil)
        let second = try supervisor.run(first.table, ScriptRun(script: "result = df", sitePackages: env))
        #expect(second.table.columns[0].values === first.table.columns[0].values)
        #expect(second.table.columns[0].longs[Self.rows - 1] == Int64(Self.rows - 1) * 3)
    }
}
