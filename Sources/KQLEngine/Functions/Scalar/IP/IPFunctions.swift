import Columnar

/// The IP family: IPv4 and IPv6 addresses written as text with an optional IP-prefix (CIDR) suffix —
/// parsed, masked, compared, range-checked, formatted, and searched for in free text. Addresses are
/// parsed by `IPv4Address` and `IPv6Address`; text search is `IPv4TextSearch`. A comparison combines
/// the prefixes of both addresses and the optional prefix argument, using the shortest.
enum IPFunctions {
    static let all = FunctionFamily("ip", ipv4 + ipv6 + textMatch)

    static let ipv4: [FunctionDeclaration] = [
        .row(
            "parse_ipv4", arity: 1...1, [.string], out: .long, strict: false,
            "An IPv4 address (with an optional /prefix, applied) as a long in network order; null if invalid.",
            example: "print parse_ipv4('192.168.1.1/24')"
        ) { r in
            IPv4Address.from(r[0]).map { Value.long(Int64($0.masked)) } ?? .null
        },
        .row(
            "parse_ipv4_mask", arity: 2...2, [.string, .integer], out: .long, strict: false,
            "An IPv4 address masked to a prefix length, as a long in network order; null if invalid.",
            example: "print parse_ipv4_mask('127.0.0.1', 24)"
        ) { r in
            guard let a = IPv4Address.from(r[0]), let p = IPv4Address.prefixArgument(r, at: 1, limit: 32) else {
                return .null
            }
            return .long(Int64(a.bits & IPv4Address.mask(min(a.prefix, p))))
        },
        .row(
            "format_ipv4", arity: 1...2, [.any, .integer], out: .string, strict: false,
            "An IPv4 address (text or number) masked to a prefix, as dotted-quad text; empty if invalid.",
            example: "print format_ipv4('192.168.1.255', 24)"
        ) { r in
            guard let a = IPv4Address.from(r[0], numbers: true),
                let p = IPv4Address.prefixArgument(r, at: 1, limit: 32)
            else { return .string("") }
            return .string(IPv4Address.text(a.bits & IPv4Address.mask(min(a.prefix, p))))
        },
        .row(
            "format_ipv4_mask", arity: 1...2, [.any, .integer], out: .string, strict: false,
            "An IPv4 address (text or number) masked to a prefix, in CIDR notation; empty if invalid.",
            example: "print format_ipv4_mask('192.168.1.255', 24)"
        ) { r in
            guard let a = IPv4Address.from(r[0], numbers: true),
                let p = IPv4Address.prefixArgument(r, at: 1, limit: 32)
            else { return .string("") }
            let prefix = min(a.prefix, p)
            return .string(IPv4Address.text(a.bits & IPv4Address.mask(prefix)) + "/\(prefix)")
        },
        .row(
            "ipv4_compare", arity: 2...3, [.string, .string, .integer], out: .int, strict: false,
            "-1, 0 or 1 as one IPv4 address is below, equal to or above another under their shortest prefix.",
            example: "print ipv4_compare('192.168.1.1', '192.168.1.255/24')"
        ) { r in
            guard let (x, y) = ipv4Pair(r) else { return .null }
            return .int(x < y ? -1 : (x == y ? 0 : 1))
        },
        .row(
            "ipv4_is_match", arity: 2...3, [.string, .string, .integer], out: .bool, strict: false,
            "Whether two IPv4 addresses are equal under their shortest prefix.",
            example: "print ipv4_is_match('192.168.1.1/24', '192.168.1.255')"
        ) { r in
            guard let (x, y) = ipv4Pair(r) else { return .null }
            return .bool(x == y)
        },
        .row(
            "ipv4_is_in_range", arity: 2...2, [.string, .string], out: .bool, strict: false,
            "Whether an IPv4 address lies in a range written in IP-prefix notation.",
            example: "print ipv4_is_in_range('192.168.1.6', '192.168.1.0/24')"
        ) { r in
            guard let a = IPv4Address.from(r[0]), let range = IPv4Address.from(r[1]) else { return .null }
            return .bool(inRange(a, range))
        },
        .row(
            "ipv4_is_in_any_range", arity: 2...64, [.string, .string], out: .bool, strict: false,
            "Whether an IPv4 address lies in any of several ranges (arguments or a dynamic array).",
            example: "print ipv4_is_in_any_range('10.1.2.3', '192.168.0.0/16', '10.0.0.0/8')"
        ) { r in
            guard let a = IPv4Address.from(r[0]) else { return .null }
            return anyOf(r.dropFirst()) { v in IPv4Address.from(v).map { inRange(a, $0) } }
        },
        .row(
            "ipv4_is_private", arity: 1...1, [.string], out: .bool, strict: false,
            "Whether an IPv4 address (or the whole of its prefix range) is in 10/8, 172.16/12 or 192.168/16.",
            example: "print ipv4_is_private('192.168.1.1')"
        ) { r in
            guard let a = IPv4Address.from(r[0]) else { return .null }
            return .bool(privateRanges.contains { a.prefix >= $0.prefix && inRange(a, $0) })
        },
        .row(
            "ipv4_netmask_suffix", arity: 1...1, [.string], out: .int, strict: false,
            "The prefix length of an IPv4 address in IP-prefix notation (32 when none is written).",
            example: "print ipv4_netmask_suffix('192.168.1.1/24')"
        ) { r in
            IPv4Address.from(r[0]).map { Value.int(Int32($0.prefix)) } ?? .null
        },
        .row(
            "ipv4_range_to_cidr_list", arity: 2...2, [.string, .string], out: .dynamic, strict: false,
            "The fewest CIDR blocks that exactly cover the IPv4 addresses from a start to an end.",
            example: "print ipv4_range_to_cidr_list('1.1.128.0', '1.1.140.255')"
        ) { r in
            guard let s = IPv4Address.from(r[0]), let e = IPv4Address.from(r[1]) else { return .dynamic(.null) }
            return .dynamic(
                .array(
                    cidrList(from: s.masked, to: e.bits | ~IPv4Address.mask(e.prefix))
                        .map { .string($0) }))
        },
    ]

    static let ipv6: [FunctionDeclaration] = [
        .row(
            "parse_ipv6", arity: 1...1, [.string], out: .string, strict: false,
            "An IPv6 or IPv4 address (with an optional /prefix, applied) in canonical IPv6 form; empty if invalid.",
            example: "print parse_ipv6('fe80::85d:e82c:9446:7994')"
        ) { r in
            .string(IPv6Address.from(r[0]).map { IPv6Address.canonical($0.masked) } ?? "")
        },
        .row(
            "parse_ipv6_mask", arity: 2...2, [.string, .integer], out: .string, strict: false,
            "An IPv6 or IPv4 address masked to a prefix length, in canonical IPv6 form; empty if invalid.",
            example: "print parse_ipv6_mask('fe80::85d:e82c:9446:7994', 120)"
        ) { r in
            guard let a = IPv6Address.from(r[0]), let p = IPv4Address.prefixArgument(r, at: 1, limit: 128) else {
                return .string("")
            }
            return .string(IPv6Address.canonical(a.bits & IPv6Address.mask(min(a.prefix, p))))
        },
        .row(
            "ipv6_compare", arity: 2...3, [.string, .string, .integer], out: .int, strict: false,
            "-1, 0 or 1 as one IPv6/IPv4 address is below, equal to or above another under their shortest prefix.",
            example: "print ipv6_compare('fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998')"
        ) { r in
            guard let (x, y) = ipv6Pair(r) else { return .null }
            return .int(x < y ? -1 : (x == y ? 0 : 1))
        },
        .row(
            "ipv6_is_match", arity: 2...3, [.string, .string, .integer], out: .bool, strict: false,
            "Whether two IPv6/IPv4 addresses are equal under their shortest prefix.",
            example: "print ipv6_is_match('192.168.1.1', '::ffff:c0a8:0101')"
        ) { r in
            guard let (x, y) = ipv6Pair(r) else { return .null }
            return .bool(x == y)
        },
        .row(
            "ipv6_is_in_range", arity: 2...2, [.string, .string], out: .bool, strict: false,
            "Whether an IPv6/IPv4 address lies in a range written in IP-prefix notation.",
            example: "print ipv6_is_in_range('fe80::85d:e82c:9446:7994', 'fe80::/64')"
        ) { r in
            guard let a = IPv6Address.from(r[0]), let range = IPv6Address.from(r[1]) else { return .null }
            return .bool(a.masked & IPv6Address.mask(range.prefix) == range.masked)
        },
        .row(
            "ipv6_is_in_any_range", arity: 2...64, [.string, .string], out: .bool, strict: false,
            "Whether an IPv6/IPv4 address lies in any of several ranges (arguments or a dynamic array).",
            example: "print ipv6_is_in_any_range('fe80::1', 'fe80::/64', '2001:db8::/32')"
        ) { r in
            guard let a = IPv6Address.from(r[0]) else { return .null }
            return anyOf(r.dropFirst()) { v in
                IPv6Address.from(v).map { a.masked & IPv6Address.mask($0.prefix) == $0.masked }
            }
        },
    ]

    static let textMatch: [FunctionDeclaration] = [
        .row(
            "has_ipv4", arity: 2...2, [.string, .string], out: .bool, strict: true,
            "Whether a valid IPv4 address appears in a text as a whole word.",
            example: "print has_ipv4('GET from 127.0.0.1 ok', '127.0.0.1')"
        ) { r in
            .bool(IPv4TextSearch.contains(r[0].text, IPv4TextSearch.patterns(r.dropFirst(), prefix: false)))
        },
        .row(
            "has_ipv4_prefix", arity: 2...2, [.string, .string], out: .bool, strict: true,
            "Whether an IPv4 address starting with a prefix (`192.168.`) appears in a text as a whole word.",
            example: "print has_ipv4_prefix('GET from 127.0.0.1 ok', '127.0.')"
        ) { r in
            .bool(IPv4TextSearch.contains(r[0].text, IPv4TextSearch.patterns(r.dropFirst(), prefix: true)))
        },
        .row(
            "has_any_ipv4", arity: 2...64, [.string, .string], out: .bool, strict: true,
            "Whether any of several IPv4 addresses (arguments or a dynamic array) appears in a text.",
            example: "print has_any_ipv4('GET from 127.0.0.1 ok', '10.0.0.1', '127.0.0.1')"
        ) { r in
            .bool(IPv4TextSearch.contains(r[0].text, IPv4TextSearch.patterns(r.dropFirst(), prefix: false)))
        },
        .row(
            "has_any_ipv4_prefix", arity: 2...64, [.string, .string], out: .bool, strict: true,
            "Whether an IPv4 address starting with any of several prefixes appears in a text.",
            example: "print has_any_ipv4_prefix('GET from 127.0.0.1 ok', dynamic(['10.', '127.0.']))"
        ) { r in
            .bool(IPv4TextSearch.contains(r[0].text, IPv4TextSearch.patterns(r.dropFirst(), prefix: true)))
        },
    ]

    /// 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16 (RFC 1918).
    static let privateRanges = [
        IPv4Address(bits: 0x0A00_0000, prefix: 8), IPv4Address(bits: 0xAC10_0000, prefix: 12),
        IPv4Address(bits: 0xC0A8_0000, prefix: 16),
    ]

    /// Whether `a` (masked by its own prefix) lies in `range`.
    static func inRange(_ a: IPv4Address, _ range: IPv4Address) -> Bool {
        a.masked & IPv4Address.mask(range.prefix) == range.masked
    }

    /// Both addresses masked by the shortest of their prefixes and the optional third argument.
    static func ipv4Pair(_ r: [Value]) -> (UInt32, UInt32)? {
        guard let a = IPv4Address.from(r[0]), let b = IPv4Address.from(r[1]),
            let p = IPv4Address.prefixArgument(r, at: 2, limit: 32)
        else { return nil }
        let m = IPv4Address.mask(min(a.prefix, b.prefix, p))
        return (a.bits & m, b.bits & m)
    }

    static func ipv6Pair(_ r: [Value]) -> (UInt128, UInt128)? {
        guard let a = IPv6Address.from(r[0]), let b = IPv6Address.from(r[1]),
            let p = IPv4Address.prefixArgument(r, at: 2, limit: 128)
        else { return nil }
        let m = IPv6Address.mask(min(a.prefix, b.prefix, p))
        return (a.bits & m, b.bits & m)
    }

    /// KQL's `or` over the ranges given as arguments or inside dynamic arrays: true when any test is
    /// true, null when none is and some range could not be parsed, false otherwise.
    static func anyOf(_ ranges: ArraySlice<Value>, _ test: (Value) -> Bool?) -> Value {
        var sawInvalid = false
        for v in ranges {
            let items: [Value]
            if case .dynamic(.array(let a)) = v { items = a.map { .dynamic($0) } } else { items = [v] }
            for item in items {
                switch test(item) {
                case true?: return .bool(true)
                case false?: break
                case nil: sawInvalid = true
                }
            }
        }
        return sawInvalid ? .null : .bool(false)
    }

    /// The CIDR blocks covering `start...end` exactly, largest aligned block first; empty when start > end.
    static func cidrList(from start: UInt32, to end: UInt32) -> [String] {
        var out: [String] = []
        var cur = UInt64(start)
        let last = UInt64(end)
        while cur <= last {
            var size = cur == 0 ? 32 : min(32, cur.trailingZeroBitCount)
            while cur + (UInt64(1) << UInt64(size)) - 1 > last { size -= 1 }
            out.append(IPv4Address.text(UInt32(cur)) + "/\(32 - size)")
            cur += UInt64(1) << UInt64(size)
        }
        return out
    }
}
