import Foundation
import Testing
@testable import Conformance

@Suite struct ExpectationLookupTests {
    @Test func candidatesFollowTheDocumentedOrder() {
        let lookup = ExpectationLookup(workingDirectory: "/repo/sub")
        let paths = lookup.candidatePaths(for: "/docs/seed.txt")
        #expect(
            paths == [
                "/docs/seed.txt.expect.toml",
                "/docs/seed.expect.toml",
                "/repo/sub/conformance/seed/seed.expect.toml",
                "/repo/conformance/seed/seed.expect.toml",
                "/conformance/seed/seed.expect.toml",
                "/docs/conformance.expect.toml",
            ])
    }

    @Test func aSidecarNamedAfterTheWholeFileNameIsNotRepeated() {
        let paths = ExpectationLookup(workingDirectory: "/").candidatePaths(for: "/d/README")
        #expect(paths.first == "/d/README.expect.toml")
        #expect(paths.filter { $0 == "/d/README.expect.toml" }.count == 1)
    }
}
