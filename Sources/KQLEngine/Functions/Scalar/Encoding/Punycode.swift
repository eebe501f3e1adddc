/// Punycode (RFC 3492, Bootstring with the parameters of section 5) for `punycode_from_string()` and
/// `punycode_to_string()`: the whole string is one label, without the `xn--` prefix.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128

    /// The Punycode form of `input`; nil when a number would overflow (inputs beyond any real label).
    static func encode(_ input: String) -> String? {
        let scalars = input.unicodeScalars.map { Int($0.value) }
        var output = scalars.filter { $0 < 0x80 }.map { Character(Unicode.Scalar(UInt8($0))) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = initialN, delta = 0, bias = initialBias
        while handled < scalars.count {
            guard let m = scalars.filter({ $0 >= n }).min() else { break }
            let (step, o1) = (m - n).multipliedReportingOverflow(by: handled + 1)
            let (d, o2) = delta.addingReportingOverflow(step)
            guard !o1, !o2, d < Int(Int32.max) else { return nil }
            delta = d; n = m
            for c in scalars {
                if c < n { delta += 1; guard delta < Int(Int32.max) else { return nil } }
                if c == n {
                    var q = delta, k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1; n += 1
        }
        return String(output)
    }

    /// The string `input` (ASCII Punycode) encodes; nil when it is not valid Punycode.
    static func decode(_ input: String) -> String? {
        guard input.unicodeScalars.allSatisfy({ $0.isASCII }) else { return nil }
        let chars = Array(input.utf8)
        var output: [Int] = []
        var start = 0
        if let dash = chars.lastIndex(of: UInt8(ascii: "-")) {
            output = chars[..<dash].map { Int($0) }
            start = dash + 1
        }
        var n = initialN, i = 0, bias = initialBias, pos = start
        while pos < chars.count {
            let oldI = i
            var w = 1, k = base
            while true {
                guard pos < chars.count, let d = value(chars[pos]) else { return nil }
                pos += 1
                let (dw, o1) = d.multipliedReportingOverflow(by: w)
                let (ni, o2) = i.addingReportingOverflow(dw)
                guard !o1, !o2, ni < Int(Int32.max) else { return nil }
                i = ni
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if d < t { break }
                let (nw, o3) = w.multipliedReportingOverflow(by: base - t)
                guard !o3, nw < Int(Int32.max) else { return nil }
                w = nw
                k += base
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            n += i / (output.count + 1)
            guard n <= 0x10FFFF else { return nil }
            i %= output.count + 1
            output.insert(n, at: i)
            i += 1
        }
        var s = String.UnicodeScalarView()
        for c in output {
            guard let u = Unicode.Scalar(UInt32(c)) else { return nil }
            s.append(u)
        }
        return String(s)
    }

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var d = first ? delta / damp : delta / 2
        d += d / count
        var k = 0
        while d > ((base - tMin) * tMax) / 2 { d /= base - tMin; k += base }
        return k + (base - tMin + 1) * d / (d + skew)
    }

    private static func digit(_ d: Int) -> Character {
        Character(Unicode.Scalar(UInt8(d < 26 ? 0x61 + d : 0x30 + d - 26)))
    }

    private static func value(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c) - 0x30 + 26
        case 0x41...0x5A: return Int(c) - 0x41
        case 0x61...0x7A: return Int(c) - 0x61
        default: return nil
        }
    }
}

extension Punycode {
    /// The label separators of IDNA (RFC 3490 section 3.1): full stop, ideographic full stop, fullwidth full
    /// stop and halfwidth ideographic full stop. An encoded domain separates its labels with a full stop.
    static let labelSeparators: Set<Character> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]

    /// `punycode_domain_to_string()`: each label with a non-ASCII character becomes `xn--` and its Punycode;
    /// ASCII labels are kept as they are. Nil when a label cannot be encoded.
    static func encodeDomain(_ domain: String) -> String? {
        var labels: [String] = []
        for label in domain.split(omittingEmptySubsequences: false, whereSeparator: labelSeparators.contains) {
            if label.unicodeScalars.allSatisfy(\.isASCII) {
                labels.append(String(label))
            } else {
                guard let p = encode(String(label)) else { return nil }
                labels.append("xn--" + p)
            }
        }
        return labels.joined(separator: ".")
    }

    /// `punycode_domain_from_string()`: each label that starts with `xn--` (any case) decoded from Punycode,
    /// the others kept. Nil when a label does not decode.
    static func decodeDomain(_ domain: String) -> String? {
        var labels: [String] = []
        for label in domain.split(separator: ".", omittingEmptySubsequences: false) {
            if label.lowercased().hasPrefix("xn--") {
                guard let d = decode(String(label.dropFirst(4))) else { return nil }
                labels.append(d)
            } else {
                labels.append(String(label))
            }
        }
        return labels.joined(separator: ".")
    }
}
