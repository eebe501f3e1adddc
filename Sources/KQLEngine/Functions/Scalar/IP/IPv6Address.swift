import Columnar
import Foundation

/// An IPv6 address as KQL's `ipv6_*` functions read it: RFC 4291 text (`fe80::85d:e82c:9446:7994`, with
/// `::` and an optional trailing dotted quad) or IPv4 text, each with an optional IP-prefix suffix.
///
/// IPv4 text is the IPv4-mapped address `::ffff:a.b.c.d`, and its prefix counts IPv4 bits, so `/24`
/// keeps 96 + 24 = 120 bits; an address written with a dotted quad after zeros (`::192.168.1.1`) is
/// read the same way, as the reference's examples compare it equal to `192.168.1.1`.
struct IPv6Address: Equatable {
    var bits: UInt128
    /// The number of leading bits that count, 0 through 128.
    var prefix: Int

    var masked: UInt128 { bits & Self.mask(prefix) }

    /// The mask of `prefix` leading one bits (`prefix` in 0...128).
    static func mask(_ prefix: Int) -> UInt128 {
        prefix <= 0 ? 0 : (prefix >= 128 ? UInt128.max : ~(UInt128.max >> UInt128(prefix)))
    }

    init(bits: UInt128, prefix: Int) { self.bits = bits; self.prefix = prefix }

    /// Parses IPv6 or IPv4 text with an optional `/prefix`; nil for anything else.
    init?(_ text: String) {
        // Longer text is no address; the bound keeps a huge cell from being copied to be trimmed.
        guard text.utf8.count <= 96 else { return nil }
        let t = text.trimmingCharacters(in: .whitespaces)
        if let v4 = IPv4Address(t) {
            self.init(bits: Self.mapped(v4.bits), prefix: 96 + v4.prefix)
            return
        }
        let parts = t.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let (bits, dotted) = Self.address(parts[0]) else { return nil }
        let limit = dotted ? 32 : 128
        var prefix = limit
        if parts.count == 2 {
            guard let p = IPv4Address.decimal(parts[1], maxDigits: 3), p <= limit else { return nil }
            prefix = p
        }
        if dotted && bits >> 32 == 0 {
            self.init(bits: Self.mapped(UInt32(truncatingIfNeeded: bits)), prefix: 96 + prefix)
        } else {
            self.init(bits: bits, prefix: dotted ? 96 + prefix : prefix)
        }
    }

    /// `::ffff:a.b.c.d` for an IPv4 address.
    static func mapped(_ v4: UInt32) -> UInt128 { UInt128(0xFFFF) << 32 | UInt128(v4) }

    /// The 128 bits of RFC 4291 text without a prefix, and whether it ended in a dotted quad.
    private static func address(_ s: Substring) -> (UInt128, Bool)? {
        let halves = s.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        var dotted = false
        func groups(_ h: String, last: Bool) -> [UInt16]? {
            if h.isEmpty { return [] }
            var out: [UInt16] = []
            let items = h.split(separator: ":", omittingEmptySubsequences: false)
            for (i, g) in items.enumerated() {
                if last && i == items.count - 1 && g.contains(".") {
                    guard let q = IPv4Address.quad(g) else { return nil }
                    out += [UInt16(q >> 16), UInt16(q & 0xFFFF)]
                    dotted = true
                } else {
                    guard (1...4).contains(g.utf8.count), let x = UInt16(g, radix: 16) else { return nil }
                    out.append(x)
                }
            }
            return out
        }
        guard let head = groups(halves[0], last: halves.count == 1) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1], last: true), head.count + tail.count <= 7 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return (all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }, dotted)
    }

    /// Eight groups of four lower-case hex digits, the canonical form `parse_ipv6()` returns.
    static func canonical(_ bits: UInt128) -> String {
        (0..<8).map { i -> String in
            let g = String(UInt16(truncatingIfNeeded: bits >> UInt128(16 * (7 - i))), radix: 16)
            return String(repeating: "0", count: 4 - g.count) + g
        }.joined(separator: ":")
    }

    /// The address a string argument holds, or nil.
    static func from(_ v: Value) -> IPv6Address? {
        switch v {
        case .string(let s), .dynamic(.string(let s)): return IPv6Address(s)
        default: return nil
        }
    }
}
