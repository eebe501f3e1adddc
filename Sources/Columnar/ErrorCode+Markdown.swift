import Foundation

extension ErrorCode {
    /// The text of `docs/errors.md`, generated from the catalogue (never edited by hand).
    public static func markdownCatalogue() -> String {
        var out = """
            # Error codes

            Generated from `Sources/Columnar/ErrorCode.swift` — do not edit by hand.
            Regenerate with `SANDPIPER_REGENERATE=1 swift test --filter ColumnarTests.ErrorCodeTests`.

            Every error Sandpiper reports starts with one of these codes (`E_PARSE: 1:7: ...`), then says what
            went wrong and, on a `hint:` line, what to do; an error that wraps another names it on a `cause:`
            line. Query errors give the line:column and a caret under the query text. The codes are stable:
            scripts and expectation files may match on them. The hint below is the general one; each error's
            own hint is more specific.

            | code | meaning | what to do | raised by |
            | --- | --- | --- | --- |

            """
        for code in all {
            let layers = code.raisedBy.map { "`\($0)`" }.joined(separator: ", ")
            out += "| `\(code.rawValue)` | \(cell(code.meaning)) | \(cell(code.hint)) | \(layers) |\n"
        }
        return out
    }

    /// A table cell: a `|` inside would end the cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
