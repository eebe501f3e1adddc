import Columnar
import KQLEngine

/// A page of Sandpiper's documentation, as `sandpiper help TOPIC` prints it.
public struct HelpTopic: Sendable, Equatable {
    /// The page's file name without `.md` (`limits` for `docs/limits.md`): what `help` takes.
    public var name: String
    /// The page's first heading.
    public var title: String
    /// The page's markdown.
    public var text: String
}

/// The pages of `docs/` compiled into the binary, since a user with only the binary has no `docs/` folder.
/// The hand-written pages come from `HelpPages+Generated.swift`, which `DocumentationTests` writes from
/// `docs/` (and fails on when it is stale); the generated pages (`support`, `errors`) are made from their
/// sources, the function registry and the error catalogue, so they cannot go stale.
public enum HelpTopics {
    /// The pages `docs/` holds that are generated from code rather than written, and so not compiled in.
    public static let generatedFiles: Set<String> = ["errors.md", "support.md"]

    /// Every topic, in name order.
    public static var all: [HelpTopic] {
        var pages = HelpPages.written.map { topic(file: $0.file, text: $0.text) }
        pages.append(topic(file: "errors.md", text: ErrorCode.markdownCatalogue()))
        pages.append(topic(file: "support.md", text: FunctionRegistry.markdownSupportTable()))
        return pages.sorted { $0.name < $1.name }
    }

    /// The topic called `name` (case does not matter; a trailing `.md` is allowed), or nil.
    public static func named(_ name: String) -> HelpTopic? {
        let wanted = (name.hasSuffix(".md") ? String(name.dropLast(3)) : name).lowercased()
        return all.first { $0.name.lowercased() == wanted }
    }

    /// The topic whose name is closest to a misspelt one, if one is close enough to suggest.
    public static func closest(to name: String) -> String? {
        NameSuggestion.closest(to: name, among: all.map(\.name))
    }

    /// What `sandpiper help` prints: the topics with their titles, and how to read one.
    public static func listing() -> String {
        let width = all.map(\.name.count).max() ?? 0
        var out =
            "Documentation topics (`sandpiper help TOPIC` prints one; `sandpiper COMMAND --help` shows a command's options):\n\n"
        for t in all {
            out += "  " + t.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + t.title + "\n"
        }
        return out
    }

    /// The source of `HelpPages+Generated.swift` for the written pages `pages` (file name and markdown),
    /// each a raw multi-line string literal indented as swift-format lays it out, so the file reads like the
    /// pages. Nil when a page holds the literal's closing delimiter or an escape of its raw form.
    public static func pagesSource(_ pages: [(file: String, text: String)]) -> String? {
        let delimiter = "\"\"\"###"
        var out = """
            // Generated from docs/*.md by DocumentationTests — do not edit by hand. Regenerate with
            // `SANDPIPER_REGENERATE=1 swift test --filter DocumentationTests`.

            /// The hand-written pages of docs/, compiled in for `sandpiper help TOPIC`.
            enum HelpPages {
                static let written: [(file: String, text: String)] = [

            """
        for page in pages.sorted(by: { $0.file < $1.file }) where !generatedFiles.contains(page.file) {
            guard !page.text.contains(delimiter), !page.text.contains("\\###") else { return nil }
            out += "        (\n            \"\(page.file)\",\n            ###\"\"\"\n"
            for line in page.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(
                page.text.hasSuffix("\n") ? 1 : 0)
            {
                out += line.isEmpty ? "\n" : "            " + line + "\n"
            }
            out += "            " + delimiter + "\n        ),\n"
        }
        return out + "    ]\n}\n"
    }

    private static func topic(file: String, text: String) -> HelpTopic {
        let name = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        let heading = text.split(separator: "\n").first { $0.hasPrefix("# ") }
        return HelpTopic(name: name, title: heading.map { String($0.dropFirst(2)) } ?? name, text: text)
    }
}
