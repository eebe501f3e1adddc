import Columnar

/// One IANA zone's UTC offsets over time, read from a TZif file (RFC 8536): the recorded transitions,
/// then the file's POSIX TZ footer for instants after the last one.
struct TimeZoneRules: Sendable {
    /// Transition instants, seconds since the epoch, ascending.
    let transitions: [Int64]
    /// The UTC offset (seconds) in effect from each transition on.
    let offsetsAfter: [Int32]
    /// The offset before the first transition (local time type 0, RFC 8536 section 3.2).
    let initialOffset: Int32
    /// The rule for instants after the last transition, when the file has one.
    let footer: PosixTimeZoneRule?

    /// The UTC offset in seconds at `seconds` since the epoch.
    func offset(atUTC seconds: Int64) -> Int32 {
        // Index of the last transition at or before `seconds` (binary search).
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= seconds { lo = mid + 1 } else { hi = mid }
        }
        if lo == 0 { return transitions.isEmpty ? (footer?.offset(atUTC: seconds) ?? initialOffset) : initialOffset }
        if lo == transitions.count, let footer { return footer.offset(atUTC: seconds) }
        return offsetsAfter[lo - 1]
    }

    /// The UTC instant of local wall-clock time `local` (seconds). Around a transition a local time
    /// can have no instant (clocks jump forward) or two (clocks go back); both take the offset in
    /// effect after the transition, which gives the reference's example (Brussels 2022-03-27 02:00,
    /// inside the spring gap, is 00:00 UTC).
    func utc(fromLocal local: Int64) -> Int64 {
        // Transitions are at least days apart in every zone, so the offsets a day before and a day after
        // are the two that can apply.
        let before = Int64(offset(atUTC: local - 86_400)), after = Int64(offset(atUTC: local + 86_400))
        let early = local - before, late = local - after
        if before == after { return early }
        let earlyValid = Int64(offset(atUTC: early)) == before
        let lateValid = Int64(offset(atUTC: late)) == after
        return earlyValid && !lateValid ? early : late
    }
}

extension TimeZoneRules {
    /// Errors reading a TZif file; the caller reports the zone as unknown.
    struct FormatError: Error {}

    /// Parses a TZif file of version 1 to 4. Version 2+ files are read through their 64-bit block and
    /// footer; version 1 files through their 32-bit block.
    init(tzif bytes: [UInt8]) throws(FormatError) {
        var reader = ByteReader(bytes: bytes)
        let first = try Header(&reader)
        guard first.version >= 2 else {
            let block = try Block(&reader, header: first, timeSize: 4)
            self.init(block: block, footer: nil)
            return
        }
        try reader.skip(first.v1DataSize)
        let second = try Header(&reader)
        let block = try Block(&reader, header: second, timeSize: 8)
        // The footer is "\n<POSIX TZ string>\n"; an empty one means no rule.
        var footer: PosixTimeZoneRule?
        if reader.remaining > 1, try reader.byte() == UInt8(ascii: "\n") {
            var text: [UInt8] = []
            while reader.remaining > 0 {
                let b = try reader.byte()
                if b == UInt8(ascii: "\n") { break }
                text.append(b)
            }
            footer = PosixTimeZoneRule(String(decoding: text, as: UTF8.self))
        }
        self.init(block: block, footer: footer)
    }

    private init(block: Block, footer: PosixTimeZoneRule?) {
        transitions = block.times
        offsetsAfter = block.typeIndices.map { block.offsets[Int($0)] }
        initialOffset = block.offsets.first ?? 0
        self.footer = footer
    }

    private struct Header {
        let version: Int
        let isutcnt: Int, isstdcnt: Int, leapcnt: Int, timecnt: Int, typecnt: Int, charcnt: Int

        init(_ r: inout ByteReader) throws(FormatError) {
            guard try r.bytes(4) == Array("TZif".utf8) else { throw FormatError() }
            let v = try r.byte()
            version = v == 0 ? 1 : Int(v) - Int(UInt8(ascii: "0"))
            try r.skip(15)
            isutcnt = Int(try r.uint32()); isstdcnt = Int(try r.uint32()); leapcnt = Int(try r.uint32())
            timecnt = Int(try r.uint32()); typecnt = Int(try r.uint32()); charcnt = Int(try r.uint32())
            guard typecnt > 0, version >= 1 else { throw FormatError() }
        }

        /// Bytes of the version 1 data block that follows this header.
        var v1DataSize: Int { timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt }
    }

    private struct Block {
        var times: [Int64] = []
        var typeIndices: [UInt8] = []
        var offsets: [Int32] = []

        init(_ r: inout ByteReader, header h: Header, timeSize: Int) throws(FormatError) {
            for _ in 0..<h.timecnt {
                times.append(timeSize == 8 ? try r.int64() : Int64(Int32(bitPattern: try r.uint32())))
            }
            for _ in 0..<h.timecnt {
                let t = try r.byte()
                guard Int(t) < h.typecnt else { throw FormatError() }
                typeIndices.append(t)
            }
            for _ in 0..<h.typecnt {
                offsets.append(Int32(bitPattern: try r.uint32()))
                try r.skip(2)  // isdst, abbreviation index
            }
            try r.skip(h.charcnt + h.leapcnt * (timeSize + 4) + h.isstdcnt + h.isutcnt)
        }
    }
}

/// Big-endian reads from a byte array, failing at the end instead of trapping.
private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var remaining: Int { bytes.count - position }

    mutating func byte() throws(TimeZoneRules.FormatError) -> UInt8 {
        guard position < bytes.count else { throw TimeZoneRules.FormatError() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func bytes(_ n: Int) throws(TimeZoneRules.FormatError) -> [UInt8] {
        guard n >= 0, n <= remaining else { throw TimeZoneRules.FormatError() }
        defer { position += n }
        return Array(bytes[position..<position + n])
    }

    mutating func skip(_ n: Int) throws(TimeZoneRules.FormatError) { _ = try bytes(n) }

    mutating func uint32() throws(TimeZoneRules.FormatError) -> UInt32 {
        try bytes(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func int64() throws(TimeZoneRules.FormatError) -> Int64 {
        Int64(bitPattern: try bytes(8).reduce(0) { $0 << 8 | UInt64($1) })
    }
}
