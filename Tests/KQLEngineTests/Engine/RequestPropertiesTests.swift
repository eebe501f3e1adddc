import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct RequestPropertiesTests {
    @Test func defaultsAreADXs() {
        let l = RequestProperties().limits
        #expect(l.truncation == RequestLimits.Truncation(maxRecords: 500_000, maxSize: 67_108_864))
        #expect(l.takeMaxRecords == nil)
        #expect(l.timeoutNanoseconds == 600_000_000_000)
        #expect(l.maxMemoryPerOperator == RequestLimits.defaultMaxMemoryPerOperator)
        #expect(RequestLimits.defaultMaxMemoryPerOperator <= 5 << 30)
    }

    @Test func aLimitGivenTwiceTakesTheLowerValue() throws {
        var p = RequestProperties()
        try p.set("truncationmaxrecords", .long(100))
        try p.set("truncationmaxrecords", .int(1000))
        try p.set("maxmemoryconsumptionperiterator", .long(2048))
        try p.set("maxmemoryconsumptionperiterator", .long(1024))
        try p.set("servertimeout", .timespan(60_000_000_000))
        try p.set("servertimeout", .timespan(120_000_000_000))
        #expect(p.limits.truncation?.maxRecords == 100)
        #expect(p.limits.maxMemoryPerOperator == 1024)
        #expect(p.limits.timeoutNanoseconds == 60_000_000_000)
    }

    @Test func notruncationIsIgnoredOnceALimitIsGiven() throws {
        var p = RequestProperties()
        try p.set("notruncation", .bool(true))
        #expect(p.limits.truncation == nil)
        var q = p
        try q.set("truncationmaxsize", .long(1000))
        #expect(q.limits.truncation == RequestLimits.Truncation(maxRecords: 500_000, maxSize: 1000))
        var r = p
        try r.set("query_take_max_records", .long(5))
        #expect(r.limits.truncation != nil && r.limits.takeMaxRecords == 5)
    }

    @Test func otherOptionsAreNotLimits() throws {
        var p = RequestProperties()
        #expect(try p.set("query_python_debug", .bool(true)) == false)
        #expect(p == RequestProperties())
    }

    @Test func badValuesAreArgumentErrors() {
        var p = RequestProperties()
        for (name, value) in [
            ("truncationmaxrecords", Value.string("x")), ("truncationmaxrecords", .long(0)),
            ("truncationmaxsize", .real(1.5)),
            ("notruncation", .long(1)), ("servertimeout", .long(60)), ("servertimeout", .timespan(-1)),
            ("maxmemoryconsumptionperiterator", .long(Int64.max)), ("query_take_max_records", .long(-1)),
        ] {
            let error = #expect(throws: KQLError.self) { try p.set(name, value) }
            #expect(error?.code == .argument, "\(name) = \(value)")
            #expect(error?.message.contains(name) == true)
        }
    }
}
