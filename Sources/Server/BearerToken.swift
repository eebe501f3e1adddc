/// The `--token-file` check: `Authorization: Bearer <token>` compared in constant time, so the time an
/// answer takes does not tell how much of a guessed token was right.
struct BearerToken: Sendable {
    let expected: [UInt8]

    init(_ token: String) { expected = Array(token.utf8) }

    /// True when `header` is `Bearer ` followed by exactly the token.
    func accepts(_ header: String?) -> Bool {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
        let given = Array(header.utf8.dropFirst(7))
        // Every byte of the longer of the two is visited whatever matches, and lengths differ as a flag.
        var difference: UInt8 = given.count == expected.count ? 0 : 1
        for i in 0..<max(given.count, expected.count) {
            let a = i < given.count ? given[i] : 0, b = i < expected.count ? expected[i] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
