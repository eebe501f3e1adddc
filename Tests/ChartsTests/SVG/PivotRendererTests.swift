@testable import Charts
import Testing

/// The pivot table's column widths: a long header gives way before a short column does.
@Suite struct PivotRendererTests {
    @Test func onlyTheWidestColumnsAreCut() {
        // State, Hail, Thunderstorm Wind, Tornado: the third header alone makes the table too wide.
        let widths = PivotRenderer.fit([70, 40, 130, 60], keeping: [70, 35, 35, 30], into: 250)
        #expect(abs(widths.reduce(0, +) - 250) < 0.01)
        #expect(widths[0] == 70 && widths[1] == 40 && widths[3] == 60)
        #expect(abs(widths[2] - 80) < 0.01)
    }

    @Test func widthsThatFitAreKept() {
        #expect(PivotRenderer.fit([50, 60], keeping: [20, 20], into: 200) == [50, 60])
    }

    @Test func cellsWiderThanTheLimitShrinkInProportion() {
        let widths = PivotRenderer.fit([100, 100], keeping: [100, 100], into: 100)
        #expect(widths.map { ($0 * 100).rounded() / 100 } == [50, 50])
    }
}
