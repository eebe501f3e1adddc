import Columnar
import Foundation
import Testing
@testable import KQLSyntax

/// Names: bracketed, quoted, `$left`/`$right`, and keywords used as names.
@Suite struct ParserPrimaryTests {
    @Test func names() throws {
        #expect(try expr("['a name']") == "a name")
        #expect(try expr(#"["x"] + 1"#) == "(+ x 1)")
        #expect(try expr("$left.a") == "$left.a")
        #expect(try expr("type") == "type")
        #expect(try expr("count + kind") == "(+ count kind)")
    }
}
