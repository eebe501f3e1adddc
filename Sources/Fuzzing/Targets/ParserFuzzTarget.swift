import KQLSyntax

/// The lexer and parser on raw bytes (decoded as UTF-8 the way the CLI decodes a query file), and the
/// caret rendering of the error, which indexes into the same text.
struct ParserFuzzTarget: FuzzTarget {
    let name = "parser"
    let summary = "lexer + parser on raw bytes, and the rendering of their errors"

    func run(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        do {
            _ = try Parser.parse(text, sourceName: "fuzz")
        } catch {
            _ = error.located(in: SourceText(text, name: "fuzz")).description
        }
    }

    var dictionary: [String] { KQLVocabulary.words }
}
