import Foundation
import Testing
@testable import Fuzzing

/// The archive target's check that an extraction kept to its destination.
@Suite struct ArchiveEscapeTests {
    static func scratch() throws -> String {
        let root = NSTemporaryDirectory() + "/archive-escape-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/tree/sub", withIntermediateDirectories: true)
        try #require(FileManager.default.createFile(atPath: root + "/input.archive", contents: Data()))
        return root
    }

    @Test func aTreeWithInsideLinksIsContained() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/tree/sub/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: root + "/tree/dangling", withDestinationPath: "no/such/file")
        #expect(ArchiveFuzzTarget.escape(root: root, expected: ["tree", "input.archive"], tree: root + "/tree") == nil)
    }

    @Test func aLinkLeadingOutIsAnEscape() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/tree/sub/out", withDestinationPath: "../..")
        let escape = ArchiveFuzzTarget.escape(root: root, expected: ["tree", "input.archive"], tree: root + "/tree")
        #expect(escape?.contains("sub/out") == true)
    }

    @Test func aFileBesideTheTreeIsAnEscape() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try #require(FileManager.default.createFile(atPath: root + "/evil", contents: Data("x".utf8)))
        let escape = ArchiveFuzzTarget.escape(root: root, expected: ["tree", "input.archive"], tree: root + "/tree")
        #expect(escape?.contains("evil") == true)
    }
}
