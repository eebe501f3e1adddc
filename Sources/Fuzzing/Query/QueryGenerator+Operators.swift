import Columnar

/// The pipe operators: one production per operator the manifest marks implemented, chosen by name so
/// an operator implemented later is noticed (`QueryGeneratorTests` fails until it has a production).
extension QueryGenerator {
    /// Operators the manifest lists that only start a pipeline (they have no `| name` form).
    static let sourceOnlyOperators: Set<String> = [
        "datatable", "print", "range", "find", "externaldata", "macro-expand",
    ]

    /// The operators with a production below (`order`, `limit`, `filter` are written as their aliases).
    static let productions: Set<String> = [
        "as", "count", "distinct", "evaluate", "extend", "getschema", "invoke", "join", "limit", "lookup",
        "make-series", "mv-apply", "mv-expand", "order", "parse", "parse-where", "project", "project-away",
        "project-keep", "project-rename", "project-reorder", "render", "sample", "serialize", "sort", "summarize",
        "take", "top", "union", "where", "filter", "search", "mvexpand", "mvapply",
        "consume", "facet", "fork", "parse-kv", "partition", "reduce", "sample-distinct", "scan", "top-hitters",
        "top-nested",
        "make-graph", "graph-match", "graph-shortest-paths", "graph-to-table", "graph-mark-components",
        "project-by-names",
    ]

    /// One operator after `| `, and the columns it yields.
    mutating func pipeOperator(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        budget -= 1
        if input.chance(2), !catalog.unsupportedOperators.isEmpty {
            return (
                input.pick(catalog.unsupportedOperators) + " " + expression(nil, scope, depth: depth + 2).text, scope
            )
        }
        let available = catalog.implementedOperators.filter { !Self.sourceOnlyOperators.contains($0) }
        // `where`, `extend`, `project` and `summarize` carry most of the language: weigh them up.
        let name =
            input.chance(40)
            ? input.pick(["where", "extend", "summarize", "project", "sort", "take"]) : input.pick(available)
        let d = depth + 1
        switch name {
        case "where", "filter":
            return ("\(name) " + expression(.bool, scope, depth: d).text, scope)
        case "extend", "serialize":
            var items: [String] = [], fields = scope
            for _ in 0..<(name == "serialize" ? input.choose(2) : 1 + input.choose(3)) {
                let target = freshName()
                let (text, type) =
                    input.chance(10) && name == "serialize"
                    ? ("row_number()", ScalarType.long) : expression(nil, scope, depth: d)
                items.append("\(Self.reference(target)) = \(text)")
                fields.removeAll { $0.name == target }
                fields.append(Field(target, type))
            }
            return (([name] + [items.joined(separator: ", ")]).joined(separator: " "), fields)
        case "project":
            var items: [String] = [], fields: [Field] = []
            for _ in 0...input.choose(3) {
                if let c = column(scope), input.chance(60) {
                    items.append(Self.reference(c.name)); fields.append(c)
                } else {
                    let target = freshName()
                    let (text, type) = expression(nil, scope, depth: d)
                    items.append("\(Self.reference(target)) = \(text)"); fields.append(Field(target, type))
                }
            }
            return ("project " + items.joined(separator: ", "), fields)
        case "project-away", "project-keep":
            let chosen = names(scope, upTo: 2)
            let wildcard = input.chance(10) ? ["c*"] : []
            let list = (chosen.map { Self.reference($0.name) } + wildcard).joined(separator: ", ")
            let kept =
                name == "project-away"
                ? scope.filter { c in !chosen.contains { $0.name == c.name } }
                : scope.filter { c in chosen.contains { $0.name == c.name } }
            return ("\(name) \(list.isEmpty ? "nosuchcolumn" : list)", kept)
        case "project-by-names":
            // Bare names stand for themselves; a name no column has is ignored, so the output is `chosen`.
            let chosen = names(scope, upTo: 2)
            let list = chosen.map { Self.reference($0.name) } + (input.chance(10) ? ["\"nosuchcolumn\""] : [])
            return ("project-by-names " + (list.isEmpty ? "\"nosuchcolumn\"" : list.joined(separator: ", ")), chosen)
        case "project-rename":
            guard let c = column(scope) else { return ("project-rename a = nosuchcolumn", scope) }
            let target = freshName()
            return (
                "project-rename \(Self.reference(target)) = \(Self.reference(c.name))",
                scope.map { $0.name == c.name ? Field(target, $0.type) : $0 }
            )
        case "project-reorder":
            let chosen = names(scope, upTo: 3)
            let order = input.chance(20) ? " " + input.pick(["asc", "desc", "granny-asc"]) : ""
            return (
                "project-reorder \(chosen.map { Self.reference($0.name) }.joined(separator: ", "))\(order)",
                chosen + scope.filter { c in !chosen.contains { $0.name == c.name } }
            )
        case "summarize": return summarize(scope, depth: d)
        case "sort", "order":
            let keys = (0...input.choose(2)).map { _ in
                expression(nil, scope, depth: d).text
                    + input.pick(["", " asc", " desc", " asc nulls last", " desc nulls first"])
            }
            return ("\(name) by " + keys.joined(separator: ", "), scope)
        case "take", "limit", "sample":
            return ("\(name) \(count())", scope)
        case "top":
            let key = expression(nil, scope, depth: d).text
            return ("top \(count()) by \(key)" + input.pick(["", " asc", " desc", " asc nulls first"]), scope)
        case "distinct":
            let chosen = names(scope, upTo: 3)
            if chosen.isEmpty || input.chance(20) { return ("distinct *", scope) }
            return ("distinct " + chosen.map { Self.reference($0.name) }.joined(separator: ", "), chosen)
        case "count": return ("count", [Field("Count", .long)])
        case "getschema":
            return (
                "getschema",
                [
                    Field("ColumnName", .string), Field("ColumnOrdinal", .int), Field("DataType", .string),
                    Field("ColumnType", .string),
                ]
            )
        case "as": return ("as " + Self.reference(freshName("N")), scope)
        case "render":
            return (
                "render "
                    + input.pick([
                        "table", "timechart", "barchart", "piechart", "scatterchart", "linechart", "areachart",
                        "columnchart", "anomalychart", "nosuchchart",
                    ]), scope
            )
        case "join", "lookup": return join(name, scope, depth: d)
        case "union":
            let other = tabular(depth: d)
            return (
                "union " + input.pick(["", "kind=outer ", "kind=inner ", "withsource=src ", "isfuzzy=true "])
                    + "(\(other.text))", scope
            )
        case "mv-expand": return mvExpand(scope)
        case "mv-apply": return mvApply(scope, depth: d)
        // The older names write the same operators.
        case "mvexpand", "mvapply":
            let (text, fields) = name == "mvexpand" ? mvExpand(scope) : mvApply(scope, depth: d)
            return (name + text.drop { $0 != " " }, fields)
        case "parse", "parse-where": return parse(name, scope, depth: d)
        case "make-series": return makeSeries(scope, depth: d)
        case "scan": return scan(scope, depth: d)
        case "parse-kv": return parseKv(scope, depth: d)
        case "reduce": return reduce(scope, depth: d)
        case "partition": return partition(scope, depth: d)
        case "top-nested": return topNested(scope, depth: d)
        case "top-hitters": return topHitters(scope, depth: d)
        case "sample-distinct": return sampleDistinct(scope)
        case "fork", "facet": return forkOrFacet(name, scope, depth: d)
        case "consume": return (input.chance(20) ? "consume decodeblocks=true" : "consume", scope)
        case "make-graph", "graph-match", "graph-shortest-paths", "graph-to-table", "graph-mark-components":
            return graph(name, scope, depth: d)
        case "evaluate":
            if let c = column(scope, .dynamic), input.chance(80) {
                return (
                    "evaluate bag_unpack(\(Self.reference(c.name))\(input.chance(30) ? ", \"p_\"" : ""))",
                    scope.filter { $0.name != c.name }
                )
            }
            return (
                "evaluate "
                    + input.pick([
                        "bag_unpack(d)", "python(typeof(*), 'result = df')", "nosuchplugin()", "bag_unpack()",
                    ]), scope
            )
        case "search":
            // A term over every column, or a condition; the output gains `$table` in front.
            let predicate =
                input.chance(50)
                ? input.pick(["\"a\"", "\"*b\"", "\"a*\"", "\"*a*\"", "\"a*b\"", "*"])
                : expression(.bool, scope, depth: d).text
            return (
                "search " + (input.chance(20) ? "kind=case_sensitive " : "") + predicate,
                [Field("$table", .string)] + scope
            )
        case "invoke":
            let function = tabularFunctions.isEmpty ? "nosuchfunction" : input.pick(tabularFunctions)
            return ("invoke \(Self.reference(function))()", scope)
        default:
            return (name, scope)
        }
    }

    /// Up to `limit` distinct columns of `scope`.
    mutating func names(_ scope: [Field], upTo limit: Int) -> [Field] {
        var chosen: [Field] = []
        for _ in 0..<(1 + input.choose(limit)) {
            if let c = column(scope), !chosen.contains(where: { $0.name == c.name }) { chosen.append(c) }
        }
        return chosen
    }

    /// One aggregate call over `scope`, and its type.
    mutating func aggregate(_ scope: [Field], depth: Int) -> (text: String, type: ScalarType) {
        guard !catalog.aggregates.isEmpty else { return ("count()", .long) }
        let signature = input.pick(input.pick(catalog.aggregates))
        var arguments = signature.arguments.map { type in
            signature.needsConstants || input.chance(15) ? literal(type) : expression(type, scope, depth: depth).text
        }
        if signature.name.hasPrefix("arg_"), input.chance(50) { arguments.append("*") }
        return ("\(signature.name)(\(arguments.joined(separator: ", ")))", signature.result)
    }

    mutating func summarize(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        var items: [String] = [], fields: [Field] = []
        for _ in 0..<input.choose(3) + (input.chance(80) ? 1 : 0) {
            let target = freshName("a")
            let (text, type) = aggregate(scope, depth: depth)
            items.append("\(Self.reference(target)) = \(text)")
            fields.append(Field(target, type))
        }
        var keys: [String] = [], keyFields: [Field] = []
        for _ in 0..<input.choose(3) {
            if let c = column(scope), input.chance(50) {
                if [.long, .int, .real, .datetime, .timespan].contains(c.type), input.chance(50) {
                    let size =
                        c.type == .datetime || c.type == .timespan
                        ? input.pick(["1h", "1d", "0s", "-1d"]) : input.pick(["2", "0.5", "0", "-3"])
                    keys.append("bin(\(Self.reference(c.name)), \(size))")
                } else {
                    keys.append(Self.reference(c.name))
                }
                keyFields.append(c)
            } else {
                let target = freshName("k")
                let (text, type) = expression(nil, scope, depth: depth)
                keys.append("\(Self.reference(target)) = \(text)")
                keyFields.append(Field(target, type))
            }
        }
        let by = keys.isEmpty ? "" : " by " + keys.joined(separator: ", ")
        return ("summarize " + items.joined(separator: ", ") + by, keyFields + fields)
    }

    mutating func join(_ name: String, _ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        let right: (text: String, fields: [Field])
        if input.chance(50) {
            let table = input.pick(tables)
            right = (Self.reference(table.name), table.fields)
        } else {
            right = tabular(depth: depth)
        }
        let kinds =
            name == "join"
            ? [
                "", "kind=inner ", "kind=innerunique ", "kind=leftouter ", "kind=rightouter ", "kind=fullouter ",
                "kind=leftanti ",
                "kind=rightanti ", "kind=leftsemi ", "kind=rightsemi ", "kind=nosuchkind ",
            ]
            : ["", "kind=leftouter ", "kind=inner "]
        let kind = input.pick(kinds)
        let shared = scope.filter { l in right.fields.contains { $0.name == l.name } }
        var condition: String
        if let key = shared.isEmpty ? nil : input.pick(shared), input.chance(70) {
            condition = Self.reference(key.name)
        } else {
            let l = column(scope)?.name ?? "k",
                r = input.chance(80) ? (right.fields.isEmpty ? "k" : input.pick(right.fields).name) : "k"
            condition = "$left.\(Self.reference(l)) == $right.\(Self.reference(r))"
        }
        if input.chance(10) { condition += ", " + condition }
        var fields: [Field]
        switch kind {
        case "kind=leftanti ", "kind=leftsemi ": fields = scope
        case "kind=rightanti ", "kind=rightsemi ": fields = right.fields
        default:
            fields = scope
            for f in right.fields where name == "join" || !fields.contains(where: { $0.name == f.name }) {
                fields.append(fields.contains { $0.name == f.name } ? Field(f.name + "1", f.type) : f)
            }
        }
        return ("\(name) \(kind)(\(right.text)) on \(condition)", fields)
    }

    mutating func mvExpand(_ scope: [Field]) -> (text: String, fields: [Field]) {
        guard let c = column(scope, .dynamic) ?? column(scope) else { return ("mv-expand nosuchcolumn", scope) }
        let options = input.pick(["", "bagexpansion=array ", "bagexpansion=bag ", "with_itemindex=ix "])
        var type = ScalarType.dynamic
        var to = ""
        if input.chance(30) { type = input.pick(ScalarType.allCases); to = " to typeof(\(type.rawValue))" }
        let limit = input.chance(15) ? " limit \(count())" : ""
        var fields = scope.map { $0.name == c.name ? Field(c.name, type) : $0 }
        if options.hasPrefix("with_itemindex") { fields.append(Field("ix", .long)) }
        return ("mv-expand \(options)\(Self.reference(c.name))\(to)\(limit)", fields)
    }

    mutating func mvApply(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        guard let c = column(scope, .dynamic) ?? column(scope) else {
            return ("mv-apply nosuchcolumn on (take 1)", scope)
        }
        let type = input.chance(60) ? input.pick([ScalarType.long, .string, .real, .dynamic]) : nil
        let to = type.map { " to typeof(\($0.rawValue))" } ?? ""
        let element = Field(c.name, type ?? .dynamic)
        let inner = scope.filter { $0.name != c.name } + [element]
        let sub = input.chance(50) ? summarize([element], depth: depth + 1) : pipeOperator(inner, depth: depth + 1)
        return (
            "mv-apply \(Self.reference(c.name))\(to) on (\(sub.text))", scope.filter { $0.name != c.name } + sub.fields
        )
    }

    mutating func parse(_ name: String, _ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        let source =
            column(scope, .string).map { Self.reference($0.name) } ?? expression(.string, scope, depth: depth).text
        var pattern: [String] = [], fields = scope
        if input.chance(40) { pattern.append("*") }
        for _ in 0...input.choose(3) {
            if input.chance(70) {
                pattern.append(input.pick(["\"=\"", "\",\"", "\" \"", "\"key=\"", "\"; \"", "\"a\"", "\"\""]))
            }
            let target = freshName("p")
            let type: ScalarType? = input.chance(40) ? input.pick(ScalarType.allCases) : nil
            pattern.append(Self.reference(target) + (type.map { ":\($0.rawValue)" } ?? ""))
            fields.append(Field(target, type ?? .string))
        }
        if input.chance(30) { pattern.append("*") }
        let kind =
            input.chance(20)
            ? input.pick(["kind=regex ", "kind=relaxed ", "kind=simple ", "kind=regex flags=Ui "]) : ""
        return ("\(name) \(kind)\(source) with \(pattern.joined(separator: " "))", fields)
    }

    /// A graph operator needs a graph before it and makes a table only at the end: each production writes a
    /// whole `make-graph ... | graph-...` run, using two columns of one type as the edges' ends.
    mutating func graph(_ name: String, _ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        guard let a = column(scope), let b = column(scope.filter { $0.type == a.type }) else {
            return ("make-graph nosuch --> nosuch | graph-to-table edges", scope)
        }
        let build = "make-graph \(Self.reference(a.name)) --> \(Self.reference(b.name)) with_node_id=id"
        let length = input.chance(50) ? "*\(input.choose(2))..\(1 + input.choose(3))" : ""
        let arrow = input.pick(["-[e\(length)]->", "<-[e\(length)]-", "-[e\(length)]-"])
        let condition =
            input.chance(50)
            ? " where " + input.pick(["x.id != y.id", "node_degree_out(x) > 0", "isnotempty(y.id)"]) : ""
        let project =
            " project a = x.id, b = y.id"
            + (length.isEmpty ? "" : ", n = array_length(e), m = map(e, \(Self.reference(a.name)))")
        let matchFields =
            [Field("a", a.type), Field("b", a.type)]
            + (length.isEmpty ? [] : [Field("n", .long), Field("m", .dynamic)])
        switch name {
        case "graph-match":
            let cycles = input.pick(["", "cycles=none ", "cycles=all ", "cycles=unique_edges "])
            return ("\(build) | graph-match \(cycles)(x)\(arrow)(y)\(condition)\(project)", matchFields)
        case "graph-shortest-paths":
            let output = input.pick(["", "output=any ", "output=all "])
            return (
                "\(build) | graph-shortest-paths \(output)(x)-[e*1..\(1 + input.choose(3))]->(y)\(condition) project a = x.id, b = y.id",
                [Field("a", a.type), Field("b", a.type)]
            )
        case "graph-mark-components":
            let kind = input.pick(["", "kind=weak ", "kind=strong "])
            return (
                "\(build) | graph-mark-components \(kind)with_component_id=cid | graph-to-table nodes",
                [Field("id", a.type), Field("cid", .long)]
            )
        case "graph-to-table" where input.chance(50):
            return ("\(build) | graph-to-table nodes with_node_id=k", [Field("k", .long), Field("id", a.type)])
        default:
            return ("\(build) | graph-to-table edges with_source_id=src_id", [Field("src_id", .long)] + scope)
        }
    }

    mutating func makeSeries(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        let axes = scope.filter { [.datetime, .long, .int, .real, .timespan].contains($0.type) }
        guard let axis = axes.isEmpty ? nil : input.pick(axes) else {
            return ("make-series n = count() on nosuchcolumn step 1", scope)
        }
        let target = freshName("s")
        let (agg, aggType) = aggregate(scope, depth: depth)
        let defaultValue = input.chance(30) ? " default = \(literal(aggType))" : ""
        let step: String, range: String
        switch axis.type {
        case .datetime:
            step = input.chance(90) ? input.pick(["1d", "1h", "12h"]) : literal(.timespan)
            range = input.chance(70) ? " from datetime(2024-01-01) to datetime(2024-01-0\(2 + input.choose(4)))" : ""
        case .timespan:
            step = input.pick(["1h", "30m", "1d"]); range = input.chance(60) ? " from 0s to 2d" : ""
        default:
            step = input.chance(90) ? input.pick(["1", "2", "0.5", "5"]) : literal(.long)
            range = input.chance(70) ? " from \(input.choose(5)) to \(input.choose(30))" : ""
        }
        var by = "", byFields: [Field] = []
        if let key = column(scope), key.name != axis.name, input.chance(50) {
            by = " by \(Self.reference(key.name))"; byFields = [key]
        }
        let kind = input.chance(15) ? "kind=nonempty " : ""
        return (
            "make-series \(kind)\(Self.reference(target)) = \(agg)\(defaultValue) on \(Self.reference(axis.name))\(range) step \(step)\(by)",
            byFields + [Field(target, .dynamic), Field(axis.name, .dynamic)]
        )
    }
}
