import Foundation
import Testing

@testable import Documentation

@Suite struct HelpTopicsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The markdown pages of docs/ (not its subfolders of images).
    static func docsPages() throws -> [(file: String, text: String)] {
        let docs = root.appendingPathComponent("docs")
        return try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
            .map { ($0, try String(contentsOf: docs.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// HelpPages+Generated.swift is generated from docs/; run with SANDPIPER_REGENERATE=1 to rewrite it.
    @Test func compiledPagesAreUpToDate() throws {
        let file = Self.root.appendingPathComponent("Sources/Documentation/HelpPages+Generated.swift")
        let generated = try #require(
            HelpTopics.pagesSource(try Self.docsPages()), "a page holds the literal's delimiter")
        if ProcessInfo.processInfo.environment["SANDPIPER_REGENERATE"] == "1" {
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(
            committed == generated,
            "HelpPages+Generated.swift is stale: run SANDPIPER_REGENERATE=1 swift test --filter DocumentationTests")
    }

    /// Every page of docs/ is a topic, with the page's own text (the generated ones too, made from code).
    @Test func everyPageIsATopic() throws {
        let pages = try Self.docsPages()
        #expect(HelpTopics.all.map(\.name) == pages.map { String($0.file.dropLast(3)) })
        for page in pages {
            let topic = try #require(HelpTopics.named(String(page.file.dropLast(3))), "\(page.file)")
            #expect(
                topic.text.trimmingCharacters(in: .newlines) == page.text.trimmingCharacters(in: .newlines),
                "\(page.file) differs from its topic")
        }
    }

    @Test func topicsAreFoundByNameAndSuggested() throws {
        #expect(HelpTopics.named("LIMITS")?.name == "limits")
        #expect(HelpTopics.named("limits.md")?.title == "Limits")
        #expect(HelpTopics.named("nonsense") == nil)
        #expect(HelpTopics.closest(to: "limts") == "limits")
        #expect(HelpTopics.closest(to: "qqqqqqqq") == nil)
        let listing = HelpTopics.listing()
        for t in HelpTopics.all { #expect(listing.contains("  \(t.name)  "), "\(t.name) missing from the listing") }
    }

    @Test func aPageHoldingTheDelimiterIsRefused() {
        #expect(HelpTopics.pagesSource([("x.md", "# X\n\"\"\"###\n")]) == nil)
        #expect(HelpTopics.pagesSource([("x.md", "# X\n\\###(1)\n")]) == nil)
        #expect(HelpTopics.pagesSource([("x.md", "# X\ntext\n")])?.contains("text") == true)
    }
}
