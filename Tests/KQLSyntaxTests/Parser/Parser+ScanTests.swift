import Testing
@testable import KQLSyntax

/// `scan`, `partition`, `fork`, `facet`, `top-nested`, `top-hitters`, `sample-distinct` and `consume`.
@Suite struct ScanParserTests {
    @Test func scan() throws {
        #expect(
            try tree("T | scan declare (c:long=0) with (step s1: true => c = x + s1.c;)")
                == "T | scan declare(c:long=0) with(step s1 output=all: bool(true) => c=(+ x s1.c);)")
        #expect(
            try tree("T | scan with_match_id=m with (step a: x == 1; step b output=none: x > a.x)")
                == "T | scan with_match_id=m with(step a output=all: (== x 1); step b output=none: (> x a.x);)")
        #expect(
            try tree("T | scan declare (a:string, b:real) with (step s output=last: true => a = 'x', b = 1.5;)")
                == "T | scan declare(a:string, b:real) with(step s output=last: bool(true) => a='x', b=real(1.5);)")
    }

    @Test func scanErrors() throws {
        #expect(throws: KQLError.self) { try tree("T | scan with ()") }
        #expect(throws: KQLError.self) { try tree("T | scan with (step s output=some: true;)") }
        #expect(throws: KQLError.self) { try tree("T | scan with (step s: true step t: true)") }
        #expect(throws: KQLError.self) { try tree("T | scan declare (a) with (step s: true;)") }
    }

    @Test func partition() throws {
        #expect(
            try tree("T | partition hint.strategy=native by k (top 1 by x | project x)")
                == "T | partition hint.strategy=native by k (top 1 by x | project x)")
        #expect(try tree("T | partition by k { U | where k == y }") == "T | partition by k {U | where (== k y)}")
        #expect(try tree("T | partition by k (as P | count)") == "T | partition by k (as P | count)")
        #expect(throws: KQLError.self) { try tree("T | partition by k take 1") }
        #expect(throws: KQLError.self) { try tree("T | partition by k { U ") }
    }

    @Test func forkAndFacet() throws {
        #expect(
            try tree("T | fork (where x > 1) b = (count) (take 1 | as c)")
                == "T | fork (where (> x 1)) b=(count) (take 1 | as c)")
        #expect(try tree("T | facet by a, b with (take 5)") == "T | facet by a, b with (take 5)")
        #expect(try tree("T | facet by a") == "T | facet by a")
        #expect(throws: KQLError.self) { try tree("T | fork") }
    }

    @Test func parseKv() throws {
        #expect(
            try tree(
                "T | parse-kv s as (a:long, ['b c']:string) with (pair_delimiter=',', kv_delimiter=':', quote='()', greedy=true)"
            )
                == "T | parse-kv s as (a:long, b c:string) with(pair_delimiter=',', kv_delimiter=':', quote='()', greedy=bool(true))"
        )
        #expect(try tree("T | parse-kv s as (a:long)") == "T | parse-kv s as (a:long)")
        #expect(throws: KQLError.self) { try tree("T | parse-kv s as ()") }
        #expect(throws: KQLError.self) { try tree("T | parse-kv s (a:long)") }
    }

    @Test func reduce() throws {
        #expect(
            try tree("T | reduce by s with threshold=0.001 , characters = 'X'")
                == "T | reduce by s with threshold=real(0.001), characters='X'")
        #expect(try tree("T | reduce kind=source by s") == "T | reduce kind=source by s")
        #expect(throws: KQLError.self) { try tree("T | reduce s") }
        #expect(throws: KQLError.self) { try tree("T | reduce by s with 0.5") }
    }

    @Test func picking() throws {
        #expect(
            try tree("T | top-nested 2 of a by sum(x), top-nested of b with others='o' by n = count() asc")
                == "T | top-nested 2 of a by sum(x), top-nested of b with others='o' by n=count() asc")
        #expect(try tree("T | top-hitters 5 of a by x") == "T | top-hitters 5 of a by x")
        #expect(try tree("T | sample-distinct 3 of a") == "T | sample-distinct 3 of a")
        #expect(try tree("T | consume decodeblocks=true") == "T | consume decodeblocks=bool(true)")
        #expect(throws: KQLError.self) { try tree("T | sample-distinct 3 a") }
        #expect(throws: KQLError.self) { try tree("T | top-nested 2 State by count()") }
    }
}
