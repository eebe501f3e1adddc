import Columnar
import Foundation

/// An IPv4 address as KQL's IP functions read it: dotted-quad text with an optional IP-prefix (CIDR)
/// suffix, `192.168.1.1/24`. The address keeps its host bits; `masked` applies the prefix.
struct IPv4Address: Equatable {
    /// The 32 bits in network (big-endian) order, as `parse_ipv4()` shows them.
    var bits: UInt32
    /// The number of leading bits that count, 0 through 32 (32 when the text has no suffix).
    var prefix: Int

    /// The value with the bits beyond `prefix` cleared.
    var masked: UInt32 { bits & Self.mask(prefix) }

    /// The mask of `prefix` leading one bits (`prefix` in 0...32).
    static func mask(_ prefix: Int) -> UInt32 {
        prefix <= 0 ? 0 : (prefix >= 32 ? UInt32.max : ~(UInt32.max >> UInt32(prefix)))
    }

    /// Parses `a.b.c.d` or `a.b.c.d/p` (four decimal octets of at most three digits, each at most 255;
    /// `p` from 0 to 32), ignoring surrounding spaces. Nil for anything else.
    init?(_ text: String) {
        // Longer text is no address; the bound keeps a huge cell from being copied to be trimmed.
        let t = text.utf8.count > 64 ? "" : text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let bits = Self.quad(parts[0]) else { return nil }
        var prefix = 32
        if parts.count == 2 {
            guard let p = Self.decimal(parts[1], maxDigits: 2), p <= 32 else { return nil }
            prefix = p
        }
        self.bits = bits; self.prefix = prefix
    }

    init(bits: UInt32, prefix: Int) { self.bits = bits; self.prefix = prefix }

    /// Four dot-separated decimal octets, or nil.
    static func quad(_ s: Substring) -> UInt32? {
        let octets = s.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var v: UInt32 = 0
        for o in octets {
            guard let x = decimal(o, maxDigits: 3), x <= 255 else { return nil }
            v = v << 8 | UInt32(x)
        }
        return v
    }

    /// A run of 1 to `maxDigits` ASCII digits as a number, or nil.
    static func decimal(_ s: Substring, maxDigits: Int) -> Int? {
        guard !s.isEmpty, s.utf8.count <= maxDigits else { return nil }
        var v = 0
        for b in s.utf8 {
            guard b >= 0x30, b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    /// Dotted-quad text of `bits`.
    static func text(_ bits: UInt32) -> String {
        "\(bits >> 24).\(bits >> 16 & 0xFF).\(bits >> 8 & 0xFF).\(bits & 0xFF)"
    }

    /// The address an argument names: IPv4 text, or (where `numbers` is set, as `format_ipv4()` allows)
    /// a number holding the 32 bits. Nil for null, bad text and numbers outside 0...2^32-1.
    static func from(_ v: Value, numbers: Bool = false) -> IPv4Address? {
        switch v {
        case .string(let s), .dynamic(.string(let s)): return IPv4Address(s)
        case .int, .long, .real, .decimal, .dynamic(.long), .dynamic(.real):
            guard numbers, let n = Numeric.long(v), let b = UInt32(exactly: n) else { return nil }
            return IPv4Address(bits: b, prefix: 32)
        default: return nil
        }
    }

    /// The optional prefix argument `r[i]`: `limit` when absent, nil when null or outside `0...limit`.
    static func prefixArgument(_ r: [Value], at i: Int, limit: Int) -> Int? {
        guard i < r.count else { return limit }
        guard let p = Numeric.long(r[i]), p >= 0, p <= Int64(limit) else { return nil }
        return Int(p)
    }
}
