/// An IP address with the prefix length that masks it (`10.0.0.0/8`, `2001:db8::/32`), as ADX's IP
/// functions and lookup plugins read text: IPv4 in dotted decimal, IPv6 in RFC 4291 text form (`::`
/// and a trailing dotted IPv4 allowed), either with an optional `/prefix`.
///
/// Both families live in one 128-bit space: an IPv4 address is its IPv4-mapped IPv6 address
/// (`::ffff:a.b.c.d`, RFC 4291 §2.5.5.2) with its prefix counted from bit 96, so IPv6 lookups accept
/// IPv4 text as ADX's IPv6 functions do.
struct IPNetwork: Hashable {
    /// The address with the bits past the prefix cleared.
    var address: UInt128
    /// How many leading bits count, 0...128.
    var prefix: Int

    /// The first and last addresses of the network.
    var range: ClosedRange<UInt128> { address...(address | IPNetwork.hostMask(prefix)) }

    /// Reads `text`; nil when it is not an address of the family asked for (`ipv4Only`) or not an address.
    init?(_ text: String, ipv4Only: Bool) {
        var body = Substring(text.trimmingCharacters(in: [" ", "\t"]))
        var written: Int?
        if let slash = body.firstIndex(of: "/") {
            guard let p = Int(body[body.index(after: slash)...]), p >= 0 else { return nil }
            written = p
            body = body[..<slash]
        }
        if let v4 = IPNetwork.ipv4(body) {
            let p = written ?? 32
            guard p <= 32 else { return nil }
            self.init(masking: 0xFFFF_0000_0000 | UInt128(v4), prefix: 96 + p)
            return
        }
        guard !ipv4Only, let v6 = IPNetwork.ipv6(body) else { return nil }
        let p = written ?? 128
        guard p <= 128 else { return nil }
        self.init(masking: v6, prefix: p)
    }

    init(masking address: UInt128, prefix: Int) {
        self.address = address & ~IPNetwork.hostMask(prefix)
        self.prefix = prefix
    }

    /// The bits past a prefix of `length`.
    static func hostMask(_ length: Int) -> UInt128 { length >= 128 ? 0 : (UInt128.max >> UInt128(length)) }

    /// Dotted-decimal IPv4: four numbers 0...255.
    static func ipv4(_ s: Substring) -> UInt32? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var v: UInt32 = 0
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCII), let n = UInt32(p), n <= 255 else { return nil }
            v = v << 8 | n
        }
        return v
    }

    /// RFC 4291 §2.2 text: eight groups of up to four hex digits, one `::` standing for a run of zero groups,
    /// and optionally a dotted IPv4 address as the last 32 bits.
    static func ipv6(_ s: Substring) -> UInt128? {
        guard s.contains(":"), s.count <= 45 else { return nil }
        var head: [UInt16] = [], tail: [UInt16] = []
        let halves = s.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ text: String, allowV4: Bool) -> [UInt16]? {
            if text.isEmpty { return [] }
            var out: [UInt16] = []
            let items = text.split(separator: ":", omittingEmptySubsequences: false)
            for (i, item) in items.enumerated() {
                if allowV4, i == items.count - 1, item.contains("."), let v4 = ipv4(item) {
                    out.append(UInt16(v4 >> 16)); out.append(UInt16(v4 & 0xFFFF))
                    continue
                }
                guard (1...4).contains(item.count), let g = UInt16(item, radix: 16) else { return nil }
                out.append(g)
            }
            return out
        }
        if halves.count == 2 {
            guard let h = groups(halves[0], allowV4: false), let t = groups(halves[1], allowV4: true),
                h.count + t.count <= 7
            else { return nil }
            head = h; tail = t
        } else {
            guard let all = groups(halves[0], allowV4: true), all.count == 8 else { return nil }
            head = all
        }
        let all = head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        var v: UInt128 = 0
        for g in all { v = v << 16 | UInt128(g) }
        return v
    }
}
