import Testing
import SeriesAnalysis

/// The fill functions, with the pages' examples.
@Suite struct SeriesFillTests {
    @Test func backward() {
        let arr = series([111, nil, 36, 41, nil, nil, 16, 61, 33, nil, nil])
        #expect(SeriesFill.backward(arr) == series([111, 36, 36, 41, 16, 16, 16, 61, 33, nil, nil]))
    }

    @Test func forward() {
        let arr = series([nil, nil, 36, 41, nil, nil, 16, 61, 33, nil, nil])
        #expect(SeriesFill.forward(arr) == series([nil, nil, 36, 41, 41, 41, 16, 61, 33, 33, 33]))
    }

    /// The constant is written as given: `0.0` into a long array gives `[111,0.0,36,...]`.
    @Test func constant() {
        let arr = series([111, nil, 36, 41, 23, nil, 16, 61, 33, nil, nil])
        #expect(
            SeriesFill.constant(arr, value: .real(0.0)) == series([111, 0.0, 36, 41, 23, 0.0, 16, 61, 33, 0.0, 0.0]))
        #expect(SeriesFill.constant(arr, value: .long(-1)) == series([111, -1, 36, 41, 23, -1, 16, 61, 33, -1, -1]))
    }

    /// A numeric placeholder marks the elements equal to it as missing.
    @Test func numericPlaceholder() {
        let arr = series([1, -1, 3, -1])
        #expect(SeriesFill.forward(arr, placeholder: .value(-1)) == series([1, 1, 3, 3]))
        #expect(SeriesFill.constant(arr, value: .long(0), placeholder: .value(-1)) == series([1, 0, 3, 0]))
    }

    @Test func linearOverReals() {
        let arr = series([nil, 111.0, nil, 36.0, 41.0, nil, nil, 16.0, 61.0, 33.0, nil, nil])
        let withEdges: [Double?] = [111, 111, 73.5, 36, 41, 32.667, 24.333, 16, 61, 33, 33, 33]
        expectClose(SeriesFillLinear.fill(arr), withEdges, tolerance: 1e-3)
        expectClose(SeriesFillLinear.fill(arr, fillEdges: true), withEdges, tolerance: 1e-3)
        expectClose(
            SeriesFillLinear.fill(arr, fillEdges: false),
            [nil, 111, 73.5, 36, 41, 32.667, 24.333, 16, 61, 33, nil, nil], tolerance: 1e-3)
        expectClose(SeriesFillLinear.fill(arr, fillEdges: true, constant: .real(3.14159)), withEdges, tolerance: 1e-3)
    }

    /// Longs interpolate to longs, the fraction dropped (73.5 → 73, 32.667 → 32).
    @Test func linearOverLongs() {
        let arr = series([nil, 111, nil, 36, 41, nil, nil, 16, 61, 33, nil, nil])
        #expect(SeriesFillLinear.fill(arr) == series([111, 111, 73, 36, 41, 32, 24, 16, 61, 33, 33, 33]))
        #expect(
            SeriesFillLinear.fill(arr, fillEdges: false)
                == series([nil, 111, 73, 36, 41, 32, 24, 16, 61, 33, nil, nil]))
    }

    /// Only placeholders: the constant, 0.0 by default, even without edge filling.
    @Test func linearOverOnlyNulls() {
        let arr = series([nil, nil, nil, nil])
        #expect(SeriesFillLinear.fill(arr) == NumericSeries(reals: [0.0, 0.0, 0.0, 0.0]))
        #expect(SeriesFillLinear.fill(arr, fillEdges: false) == NumericSeries(reals: [0.0, 0.0, 0.0, 0.0]))
        #expect(
            SeriesFillLinear.fill(arr, constant: .real(3.14159))
                == NumericSeries(reals: [3.14159, 3.14159, 3.14159, 3.14159]))
        #expect(SeriesFillLinear.fill(arr, constant: .missing) == arr)
    }
}
