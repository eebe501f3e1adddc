import Testing
@testable import KQLSyntax

/// The graph operators' syntax: make-graph's clauses, the pattern notation, graph-to-table's parts.
@Suite struct ParserGraphTests {
    @Test func makeGraphClauses() throws {
        #expect(
            try tree("E | make-graph s --> t with N on id, M on k | graph-to-table nodes")
                == "E | make-graph s --> t with N on id, M on k | graph-to-table nodes")
        #expect(
            try tree(
                "E | make-graph s --> t with_node_id=name | graph-to-table edges with_source_id=S with_target_id=T")
                == "E | make-graph s --> t with_node_id=name | graph-to-table edges with_source_id=S with_target_id=T")
        #expect(
            try tree(
                "E | make-graph s --> t partitioned-by p (graph-mark-components kind=strong | graph-to-table nodes)")
                == "E | make-graph s --> t partitioned-by p (graph-mark-components kind=strong | graph-to-table nodes)")
    }

    @Test func patternNotation() throws {
        #expect(
            try tree("G | graph-match cycles=none (a)-[e*1..3]->(b)<--(), (b)--(c)<-[f]-(d) where a.x == 1 project a.x")
                == "G | graph-match cycles=none (a)-[e*1..3]->(b)<-[]-(), (b)-[]-(c)<-[f]-(d) where (== a.x 1) project a.x"
        )
        #expect(
            try tree("G | graph-shortest-paths output=all (a)-[*2]-(b) project a")
                == "G | graph-shortest-paths output=all (a)-[*2..2]-(b) project a")
    }

    @Test func graphToTableParts() throws {
        #expect(
            try tree("G | graph-to-table edges as E with_source_id=S, nodes as N")
                == "G | graph-to-table edges as E with_source_id=S, nodes as N")
    }

    @Test func mistakesAreParseErrors() {
        for text in [
            "G | graph-match (a)-[e*3..1]->(b) project a", "G | graph-match (a)<-[e]->(b) project a",
            "G | graph-match (a)-->(b)", "E | make-graph s -> t", "G | graph-to-table rows",
            "G | graph-match (a)-[e*x]->(b) project a", "E | make-graph s --> t partitioned-by p (graph-to-table nodes",
        ] {
            #expect(throws: KQLError.self, "\(text)") { try Parser.parse(text) }
        }
    }
}
