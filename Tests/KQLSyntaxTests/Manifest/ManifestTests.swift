import Testing
@testable import KQLSyntax

@Suite struct ManifestTests {
    @Test func statuses() {
        #expect(KQLManifest.operatorEntry("where")?.status == .implemented)
        #expect(KQLManifest.operatorEntry("filter")?.aliasOf == "where")
        #expect(KQLManifest.operatorEntry("scan")?.status == .implemented)
        #expect(KQLManifest.operatorEntry("reduce")?.status == .implemented)
        #expect(KQLManifest.plugins.first { $0.name == "python" }?.status == .implemented)
        // Functions' statuses are derived from the engine's registry: FunctionRegistryTests checks them.
        #expect(KQLManifest.scalarFunctions.first { $0.name == "iif" }?.aliasOf == "iff")
    }

    @Test func namesAreUnique() {
        for list in [KQLManifest.operators, KQLManifest.plugins] {
            #expect(Set(list.map(\.name)).count == list.count)
        }
        for list in [KQLManifest.scalarFunctions, KQLManifest.aggregateFunctions] {
            #expect(Set(list.map(\.name)).count == list.count)
        }
    }

    /// Every implemented operator in the manifest is one the parser accepts after `|` (or as a source).
    @Test func implementedOperatorsParse() throws {
        let samples: [String: String] = [
            "as": "T | as X", "count": "T | count", "datatable": "datatable(a:long)[1]", "distinct": "T | distinct a",
            "evaluate": "T | evaluate bag_unpack(d)", "extend": "T | extend a = 1", "getschema": "T | getschema",
            "invoke": "T | invoke f()", "join": "T | join U on k", "limit": "T | limit 1",
            "lookup": "T | lookup U on k",
            "mv-expand": "T | mv-expand d", "mvexpand": "T | mvexpand d", "mvapply": "T | mvapply d on (take 1)",
            "order": "T | order by a", "project": "T | project a",
            "project-away": "T | project-away a", "project-keep": "T | project-keep a",
            "project-rename": "T | project-rename b = a",
            "project-reorder": "T | project-reorder a", "print": "print 1", "range": "range x from 1 to 2 step 1",
            "render": "T | render table", "sample": "T | sample 1", "serialize": "T | serialize",
            "sort": "T | sort by a",
            "summarize": "T | summarize count()", "take": "T | take 1", "top": "T | top 1 by a", "union": "T | union U",
            "where": "T | where a", "find": "find where a", "externaldata": "externaldata (a:long) [\"a.csv\"]",
            "search": "T | search \"a\"", "filter": "T | filter a", "parse": "T | parse s with \"a\" x",
            "parse-where": "T | parse-where s with * \"a\" x:long *", "mv-apply": "T | mv-apply d on (take 1)",
            "make-series": "T | make-series count() on t step 1h",
            "scan": "T | scan with (step s: true;)", "partition": "T | partition by k (take 1)",
            "fork": "T | fork (take 1) (count)",
            "facet": "T | facet by a", "consume": "T | consume", "sample-distinct": "T | sample-distinct 1 of a",
            "top-hitters": "T | top-hitters 1 of a", "top-nested": "T | top-nested 1 of a by count()",
            "parse-kv": "T | parse-kv s as (a:long)", "reduce": "T | reduce by s with threshold=0.5",
            "make-graph": "T | make-graph a --> b | graph-to-table nodes",
            "graph-match": "T | make-graph a --> b | graph-match (x)-[e*1..2]->(y) where x.a == 1 project x.a",
            "graph-shortest-paths":
                "T | make-graph a --> b | graph-shortest-paths output=all (x)-[e*1..3]-(y) project x",
            "graph-to-table": "T | make-graph a --> b | graph-to-table nodes as N with_node_id=i, edges as E",
            "graph-mark-components":
                "T | make-graph a --> b | graph-mark-components kind=strong | graph-to-table nodes",
            "macro-expand": "macro-expand entity_group [database('d')] as X (X.T | count)",
            "project-by-names": "T | project-by-names \"a\", dynamic([\"b\"]), \"c*\"",
        ]
        for entry in KQLManifest.operators where entry.status == .implemented {
            let query = try #require(samples[entry.name], "no sample for \(entry.name)")
            _ = try Parser.parse(query)
        }
    }
}
