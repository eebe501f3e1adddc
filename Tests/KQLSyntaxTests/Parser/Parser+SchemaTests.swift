import Columnar
import Foundation
import Testing
@testable import KQLSyntax

@Suite struct ParserSchemaTests {
    @Test func schemas() throws {
        #expect(try expr("typeof(long)") == "typeof(long)")
        #expect(try expr("typeof(*, a:long, ['b c']:string)") == "typeof(*, a:long, b c:string)")
        #expect(try expr("typeof(x:double)") == "typeof(x:real)")
    }
}
