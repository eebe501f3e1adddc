import Columnar

/// The hash family: hashes and digests of values.
enum HashFunctions {
    static let all = FunctionFamily(
        "hash",
        [
            .scalar(
                HashFunction(), "The xxhash64 of a value as a long, optionally reduced modulo a number.",
                example: "print hash('World')"),
            .scalar(
                HashFunction(name: "hash_xxhash64"), "The xxhash64 of a value as a long, optionally modulo a number.",
                example: "print hash_xxhash64('World', 100)"),
            .scalar(
                HashCombineFunction.combine, "Several hash values combined into one long, in order.",
                example: "print hash_combine(hash('Hello'), hash('World'))"),
            .scalar(
                HashCombineFunction.many,
                "The hashes of several values combined into one long (hash_combine of their hash()).",
                example: "print hash_many('Hello', 'World')"),
            .scalar(
                HashSha256Function(), "The SHA-256 digest of a value, as hex text.",
                example: "print hash_sha256('World')"),
            .scalar(
                HashDigestFunction.md5, "The MD5 digest of a value, as hex text.", example: "print hash_md5('World')"),
            .scalar(
                HashDigestFunction.sha1, "The SHA-1 digest of a value, as hex text.",
                example: "print hash_sha1('World')"),
        ])
}
