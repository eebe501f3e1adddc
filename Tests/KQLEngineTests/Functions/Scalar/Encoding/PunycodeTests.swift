import Testing
@testable import KQLEngine

/// Punycode against RFC 3492's sample strings (section 7.1) and the reference's examples.
@Suite struct PunycodeTests {
    static let samples: [(String, String)] = [
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
        ("3年B組金八先生", "3B-ww4c5e180e575a65lsy2b"),
        ("académie-française", "acadmie-franaise-npb1a"),
        ("艺术", "cqv902d"),
        ("bücher", "bcher-kva"),
    ]

    @Test(arguments: samples) func roundTrip(_ text: String, _ encoded: String) {
        #expect(Punycode.encode(text) == encoded)
        #expect(Punycode.decode(encoded) == text)
    }

    @Test func invalid() {
        #expect(Punycode.decode("abc!") == nil)
        #expect(Punycode.decode("bücher") == nil)
        #expect(Punycode.decode("99999999999999") == nil)
    }
}
