import Foundation
import Testing
@testable import Columnar

/// The internals of the one cast table: what each mode refuses, and that the column path keeps the
/// value path's answers. The KQL-visible rules are tested by conformance/engine/functions/casts.kqltest.
@Suite struct CastTests {
    @Test func explicitNeverRefusesAndNullsWhatDoesNotConvert() {
        #expect(Cast.value(.string("abc"), to: .long, mode: .explicit) == .null)
        #expect(Cast.value(.long(3_000_000_000), to: .int, mode: .explicit) == .null)
        #expect(Cast.value(.real(1e300), to: .long, mode: .explicit) == .null)
        #expect(Cast.value(.string(" 1 "), to: .bool, mode: .explicit) == .bool(true))
        #expect(Cast.value(.null, to: .string, mode: .explicit) == .string(""))
    }

    @Test func implicitTakesOnlyLosslessConversions() {
        #expect(Cast.value(.int(3), to: .long, mode: .implicit) == .long(3))
        #expect(Cast.value(.real(2), to: .long, mode: .implicit) == .long(2))
        #expect(Cast.value(.long(7), to: .dynamic, mode: .implicit) == .dynamic(.long(7)))
        #expect(Cast.value(.string("[1]"), to: .dynamic, mode: .implicit) == .dynamic(.string("[1]")))
        #expect(Cast.value(.real(2.5), to: .long, mode: .implicit) == nil)
        #expect(Cast.value(.long(3_000_000_000), to: .int, mode: .implicit) == nil)
        #expect(Cast.value(.string("5"), to: .long, mode: .implicit) == nil)
        #expect(Cast.value(.decimal(1), to: .real, mode: .implicit) == nil)
    }

    @Test func ingestTrimsTextAndRefusesWhatDoesNotParse() {
        #expect(Cast.value(.string(" 1 "), to: .bool, mode: .ingest) == .bool(true))
        #expect(Cast.value(.string(" 12 "), to: .int, mode: .ingest) == .int(12))
        #expect(Cast.value(.string("   "), to: .long, mode: .ingest) == .null)
        #expect(Cast.value(.string(" "), to: .string, mode: .ingest) == .string(" "))
        #expect(Cast.value(.string("1.5"), to: .int, mode: .ingest) == nil)
        #expect(Cast.value(.string("0x1F"), to: .long, mode: .ingest) == nil)
        #expect(Cast.value(.string("abc"), to: .real, mode: .ingest) == nil)
        // JSON values: the column's type or a lossless widening; a JSON string is read as a cell.
        #expect(Cast.value(.dynamic(.long(5)), to: .real, mode: .ingest) == .real(5))
        #expect(Cast.value(.dynamic(.real(1.5)), to: .long, mode: .ingest) == nil)
        #expect(Cast.value(.dynamic(.string("7")), to: .long, mode: .ingest) == .long(7))
        #expect(Cast.value(.dynamic(.bool(true)), to: .string, mode: .ingest) == .string("true"))
    }

    @Test func resultSchemaRefusesWhatExplicitWouldNull() {
        #expect(Cast.value(.string("12"), to: .long, mode: .resultSchema) == .long(12))
        #expect(Cast.value(.string("abc"), to: .long, mode: .resultSchema) == nil)
        #expect(Cast.value(.real(.nan), to: .long, mode: .resultSchema) == nil)
        #expect(Cast.value(.null, to: .long, mode: .resultSchema) == .null)
    }

    @Test func theColumnPathAgreesWithTheValuePath() throws {
        let sources: [Column] = [
            Column(int64s: [0, -5, 3_000_000_000, 7], valid: [true, true, true, false]),
            Column(reals: [0, -1.9, 1e300, .nan, 2.5]),
            Column(int32s: [1, 0, -3]),
            Column(bools: [true, false, true], valid: [true, true, false]),
            Column(type: .datetime, int64s: [0, 1_704_164_645_000_000_000]),
            Column(type: .timespan, int64s: [-10_000_000_00, 1]),
            Column(strings: ["1", " 2 ", "x", nil]),
        ]
        for source in sources {
            for target in ScalarType.allCases {
                let column = Cast.explicit(source, to: target)
                #expect(column.type == target)
                for row in 0..<source.count {
                    let expected = Cast.value(source.value(row), to: target, mode: .explicit)!
                    let got = column.value(row)
                    if Self.isNaN(expected) {
                        #expect(Self.isNaN(got), "\(source.type)→\(target) row \(row): \(got) is not NaN")
                    } else {
                        #expect(
                            got == Cast.null(target) && expected.isNull || got == expected,
                            "\(source.type)→\(target) row \(row): \(got) != \(expected)")
                    }
                }
            }
        }
    }

    /// NaN is not equal to itself, so a NaN (or a dynamic holding one) is compared by kind.
    static func isNaN(_ v: Value) -> Bool {
        switch v {
        case .real(let x), .dynamic(.real(let x)): return x.isNaN
        default: return false
        }
    }

    @Test func aWideningColumnSharesItsSourceValidity() throws {
        let source = Column(int32s: [1, 2, 3], valid: [true, false, true])
        let long = Cast.explicit(source, to: .long)
        #expect(long.validity === source.validity)
        #expect(long.value(1) == .null)
        // A narrowing that makes a new null gets its own bitmap and leaves the source's alone.
        let wide = Column(int64s: [1, 3_000_000_000, 3], valid: [true, true, false])
        let int = Cast.explicit(wide, to: .int)
        #expect(int.validity !== wide.validity)
        #expect(int.boxedValues == [.int(1), .null, .null])
        #expect(wide.value(1) == .long(3_000_000_000))
    }

    @Test func aRefusingModeNamesTheRow() {
        let source = Column(strings: ["1", "2", "x"])
        #expect(throws: CastFailure(row: 2, value: .string("x"), target: .long)) {
            try Cast.column(source, to: .long, mode: .resultSchema)
        }
        let reals = Column(reals: [1, .infinity])
        #expect(throws: CastFailure(row: 1, value: .real(.infinity), target: .long)) {
            try Cast.column(reals, to: .long, mode: .resultSchema)
        }
    }

    @Test func aStringColumnWithNullsBecomesEmptyStrings() {
        let source = Column(strings: ["a", nil])
        #expect(Cast.explicit(source, to: .string).boxedValues == [.string("a"), .string("")])
    }

    @Test func textGrammar() {
        #expect(CastText.long("0x1F") == 31)
        #expect(CastText.long("-0x10") == -16)
        #expect(CastText.long("0xFFFFFFFFFFFFFFFF") == nil)
        #expect(CastText.real("0x1F") == nil)
        #expect(CastText.real("1e") == nil)
        #expect(CastText.real("-.5e1") == -5)
        #expect(CastText.decimal("1e3") == 1000)
        #expect(
            CastText.guid("0123456789abcdef0123456789abcdef tail")?.uuidString == "01234567-89AB-CDEF-0123-456789ABCDEF"
        )
        #expect(CastText.guid("0123456789abcdef0123456789abcdeg") == nil)
        #expect(CastKernel.long(fromDecimal: Decimal(string: "-9.9")!) == -9)
        #expect(CastKernel.long(fromDecimal: Decimal(string: "9223372036854775808")!) == nil)
    }
}
