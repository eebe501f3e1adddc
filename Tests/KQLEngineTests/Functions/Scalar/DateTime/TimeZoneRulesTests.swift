import Columnar
import Testing
@testable import KQLEngine

/// The TZif reader and the POSIX TZ rules behind `datetime_utc_to_local` / `datetime_local_to_utc`, on rules
/// written out here (the case files cover the system database itself).
@Suite struct TimeZoneRulesTests {
    /// Seconds since the epoch of a UTC wall-clock time.
    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> Int64 {
        Int64(DateTimeFormat.days(year: y, month: mo, day: d)) * 86_400 + Int64(h * 3600 + mi * 60)
    }

    @Test func europeanRule() throws {
        let cet = try #require(PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        // 2022: summer time from 2022-03-27 01:00 UTC to 2022-10-30 01:00 UTC.
        #expect(cet.offset(atUTC: Self.utc(2022, 3, 27, 0, 59)) == 3600)
        #expect(cet.offset(atUTC: Self.utc(2022, 3, 27, 1)) == 7200)
        #expect(cet.offset(atUTC: Self.utc(2022, 10, 30, 0, 59)) == 7200)
        #expect(cet.offset(atUTC: Self.utc(2022, 10, 30, 1)) == 3600)
        #expect(cet.offset(atUTC: Self.utc(2150, 7, 1)) == 7200)
    }

    @Test func southernHemisphereRule() throws {
        let sydney = try #require(PosixTimeZoneRule("AEST-10AEDT,M10.1.0,M4.1.0/3"))
        #expect(sydney.offset(atUTC: Self.utc(2023, 1, 15)) == 39_600)
        #expect(sydney.offset(atUTC: Self.utc(2023, 7, 1)) == 36_000)
    }

    @Test func quotedNamesAndMinutes() throws {
        #expect(try #require(PosixTimeZoneRule("<+0330>-3:30")).offset(atUTC: 0) == 12_600)
        #expect(try #require(PosixTimeZoneRule("<-03>3")).offset(atUTC: 0) == -10_800)
        #expect(try #require(PosixTimeZoneRule("UTC0")).offset(atUTC: 0) == 0)
    }

    @Test func malformedRulesAreRejected() {
        for text in ["", "CET", "C-1", "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.5.0", "CET-200", "<+03"] {
            #expect(PosixTimeZoneRule(text) == nil, "\(text)")
        }
    }

    /// Local times in the spring gap and the autumn overlap take the offset after the transition.
    @Test func localTimesAroundTransitions() throws {
        let zone = TimeZoneRules(
            transitions: [], offsetsAfter: [], initialOffset: 3600,
            footer: PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(zone.utc(fromLocal: Self.utc(2022, 3, 27, 1, 30)) == Self.utc(2022, 3, 27, 0, 30))
        #expect(zone.utc(fromLocal: Self.utc(2022, 3, 27, 2, 30)) == Self.utc(2022, 3, 27, 0, 30))
        #expect(zone.utc(fromLocal: Self.utc(2022, 3, 27, 3, 30)) == Self.utc(2022, 3, 27, 1, 30))
        #expect(zone.utc(fromLocal: Self.utc(2022, 10, 30, 2, 30)) == Self.utc(2022, 10, 30, 1, 30))
        #expect(zone.utc(fromLocal: Self.utc(2022, 7, 1, 12)) == Self.utc(2022, 7, 1, 10))
    }

    /// A version 2 file: one transition to +02:00 at t = 1000, then the footer's fixed +03:00.
    static func tzif(footer: String) -> [UInt8] {
        func be32(_ v: Int32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }
        func be64(_ v: Int64) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }
        func header(timecnt: Int32) -> [UInt8] {
            Array("TZif2".utf8) + [UInt8](repeating: 0, count: 15) + [0, 0, 0, timecnt, 2, 4].flatMap { be32($0) }
        }
        let types: [UInt8] = be32(3600) + [0, 0] + be32(7200) + [1, 0]
        let chars = Array("AB\0\0".utf8)
        let v1 = header(timecnt: 1) + be32(1000) + [1] + types + chars
        let v2 = header(timecnt: 1) + be64(1000) + [1] + types + chars
        return v1 + v2 + Array("\n\(footer)\n".utf8)
    }

    @Test func readsTransitionsThenTheFooter() throws {
        let zone = try TimeZoneRules(tzif: Self.tzif(footer: "<+03>-3"))
        #expect(zone.offset(atUTC: 999) == 3600)
        #expect(zone.offset(atUTC: -50_000) == 3600)
        #expect(zone.offset(atUTC: 5000) == 10_800)
        // Without a footer rule the last transition's offset stays.
        let plain = try TimeZoneRules(tzif: Self.tzif(footer: ""))
        #expect(plain.offset(atUTC: 5000) == 7200)
    }

    @Test func truncatedOrForeignFilesAreErrors() {
        let good = Self.tzif(footer: "<+03>-3")
        #expect(throws: TimeZoneRules.FormatError.self) { try TimeZoneRules(tzif: Array(good.prefix(60))) }
        #expect(throws: TimeZoneRules.FormatError.self) {
            try TimeZoneRules(tzif: Array("not a tz file at all, no".utf8))
        }
        #expect(throws: TimeZoneRules.FormatError.self) { try TimeZoneRules(tzif: []) }
    }

    @Test func zoneNamesCannotLeaveTheDatabase() {
        for name in ["../etc/passwd", "/etc/localtime", "Europe/../../x", "", "Europe//Paris", ".hidden"] {
            #expect(!TimeZoneDatabase.isZoneName(name), "\(name)")
        }
        #expect(TimeZoneDatabase.isZoneName("America/Argentina/Buenos_Aires"))
        #expect(TimeZoneDatabase.isZoneName("Etc/GMT+5"))
    }
}
