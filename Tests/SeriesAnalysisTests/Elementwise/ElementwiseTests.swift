import Testing
import SeriesAnalysis

/// The element-wise functions, with the pages' examples.
@Suite struct ElementwiseTests {
    private let s1 = [series([1, 2, 4]), series([2, 4, 8]), series([3, 6, 12])]
    private let s2 = [series([4, 2, 1]), series([8, 4, 2]), series([12, 6, 3])]

    @Test func addSubtractMultiplyKeepLongs() throws {
        let add: [[Int64]] = [[5, 4, 5], [10, 8, 10], [15, 12, 15]]
        let subtract: [[Int64]] = [[-3, 0, 3], [-6, 0, 6], [-9, 0, 9]]
        let multiply: [[Int64]] = [[4, 4, 4], [16, 16, 16], [36, 36, 36]]
        for row in 0..<3 {
            #expect(
                try ArithmeticOperator.add.apply(.series(s1[row]), .series(s2[row])) == NumericSeries(longs: add[row]))
            #expect(
                try ArithmeticOperator.subtract.apply(.series(s1[row]), .series(s2[row]))
                    == NumericSeries(longs: subtract[row]))
            #expect(
                try ArithmeticOperator.multiply.apply(.series(s1[row]), .series(s2[row]))
                    == NumericSeries(longs: multiply[row]))
        }
    }

    @Test func divideGivesReals() throws {
        for row in 0..<3 {
            let q = try ArithmeticOperator.divide.apply(.series(s1[row]), .series(s2[row]))
            #expect(q == NumericSeries(reals: [0.25, 1.0, 4.0]))
        }
        // The page's note: division by zero follows double division.
        let z = try ArithmeticOperator.divide.apply(.series(series([2])), .series(series([0])))
        #expect(z == NumericSeries(reals: [.infinity]))
    }

    @Test func power() throws {
        let p = try ArithmeticOperator.power.apply(.series(series([1, 2, 3, 4])), .series(series([1, 2, 3, 0.5])))
        #expect(p == NumericSeries(reals: [1.0, 4.0, 27.0, 2.0]))
    }

    /// Every page's Returns: non-numeric elements and positions past the shorter array are null.
    @Test func differentLengthsAndNonNumericGiveNull() throws {
        let r = try ArithmeticOperator.add.apply(.series(series([1, "x", 3, 4])), .series(series([10, 20, nil])))
        #expect(r == series([11, nil, nil, nil]))
        let c = try ComparisonOperator.greater.apply(.series(series([1, 5])), .series(series([0])))
        #expect(c == [true, nil])
    }

    /// The anomalies page multiplies a scalar by a series: `series_multiply(10, flags)`.
    @Test func scalarIsBroadcast() throws {
        let r = try ArithmeticOperator.multiply.apply(.scalar(.long(10)), .series(series([1, 0, -1])))
        #expect(r == NumericSeries(longs: [10, 0, -10]))
        #expect(throws: SeriesAnalysisError.self) {
            try ArithmeticOperator.add.apply(.scalar(.long(1)), .scalar(.long(2)))
        }
    }

    @Test func comparisons() throws {
        let a = SeriesOperand.series(series([1, 2, 4])), b = SeriesOperand.series(series([4, 2, 1]))
        #expect(try ComparisonOperator.equals.apply(a, b) == [false, true, false])
        #expect(try ComparisonOperator.notEquals.apply(a, b) == [true, false, true])
        #expect(try ComparisonOperator.greater.apply(a, b) == [false, false, true])
        #expect(try ComparisonOperator.greaterOrEqual.apply(a, b) == [false, true, true])
        #expect(try ComparisonOperator.less.apply(a, b) == [true, false, false])
        #expect(try ComparisonOperator.lessOrEqual.apply(a, b) == [true, true, false])
    }

    @Test func unaryFunctionsFromThePages() {
        #expect(ElementwiseFunction.abs.apply(series([-6.5, 0, 8.2])) == series([6.5, 0, 8.2]))
        #expect(ElementwiseFunction.sign.apply(series([-6, 0, 8])) == series([-1, 0, 1]))
        #expect(ElementwiseFunction.ceiling.apply(series([-1.5, 1, 2.5])) == NumericSeries(reals: [-1.0, 1.0, 3.0]))
        #expect(ElementwiseFunction.floor.apply(series([-1.5, 1, 2.5])) == NumericSeries(reals: [-2.0, 1.0, 2.0]))
        let unit = series([-1, 0, 1])
        expectClose(ElementwiseFunction.acos.apply(unit), [3.1415926535897931, 1.5707963267948966, 0.0])
        expectClose(ElementwiseFunction.asin.apply(unit), [-1.5707963267948966, 0, 1.5707963267948966])
        expectClose(ElementwiseFunction.atan.apply(unit), [-0.78539816339744828, 0.0, 0.78539816339744828])
        expectClose(ElementwiseFunction.cos.apply(unit), [0.54030230586813976, 1.0, 0.54030230586813976])
        expectClose(ElementwiseFunction.sin.apply(unit), [-0.8414709848078965, 0.0, 0.8414709848078965])
        expectClose(ElementwiseFunction.tan.apply(unit), [-1.5574077246549023, 0.0, 1.5574077246549023])
        let s = series([1, 2, 3])
        expectClose(ElementwiseFunction.exp.apply(s), [2.7182818284590451, 7.38905609893065, 20.085536923187668])
        expectClose(ElementwiseFunction.log.apply(s), [0.0, 0.69314718055994529, 1.0986122886681098])
        #expect(ElementwiseFunction.exp.apply(series([1, nil])).isMissing(1))
    }
}
