import Columnar
@testable import KQLSyntax

/// A compact S-expression of a syntax tree, so tests can state the expected shape in one line.
func dump(_ e: ExpressionSyntax) -> String {
    switch e {
    case .literal(let v, let t, _):
        if case .null = v { return "\(t.rawValue)(null)" }
        switch v {
        case .string(let s): return "'\(s)'"
        case .dynamic(let d): return "dynamic(\(d.jsonText))"
        case .long(let x): return "\(x)"
        default: return "\(t.rawValue)(\(v.text))"
        }
    case .name(let n): return n.name
    case .star: return "*"
    case .call(let n, let args, _): return "\(n.name)(\(args.map(dump).joined(separator: ", ")))"
    case .unary(let op, let x, _): return "(\(op.rawValue) \(dump(x)))"
    case .binary(let op, let l, let r, _): return "(\(op.rawValue) \(dump(l)) \(dump(r)))"
    case .chain(let first, let links, _):
        // Shown as the nested binary operators it stands for: `a + b + c` is `(+ (+ a b) c)`.
        return links.reduce(dump(first)) { "(\($1.op.rawValue) \($0) \(dump($1.operand)))" }
    case .setMembership(let op, let l, let r, _):
        return "(\(op.rawValue) \(dump(l)) [\(r.map(dump).joined(separator: ", "))])"
    case .between(let v, let lo, let hi, let neg, _):
        return "(\(neg ? "!between" : "between") \(dump(v)) \(dump(lo)) \(dump(hi)))"
    case .member(let b, let n, _): return "\(dump(b)).\(n.name)"
    case .index(let b, let i, _): return "\(dump(b))[\(dump(i))]"
    case .parenthesized(let x, _): return "(\(dump(x)))"
    case .schema(let s): return "typeof(\(dump(s)))"
    case .pipeline(let s, let ops, _): return ([dump(s)] + ops.map(dump)).joined(separator: " | ")
    case .source(let s): return dump(s)
    }
}

func dump(_ a: ArgumentSyntax) -> String { (a.name.map { "\($0.name)=" } ?? "") + dump(a.value) }

func dump(_ a: AssignmentSyntax) -> String {
    switch a.names.count {
    case 0: return dump(a.value)
    case 1: return "\(a.names[0].name)=\(dump(a.value))"
    default: return "(\(a.names.map(\.name).joined(separator: ", ")))=\(dump(a.value))"
    }
}

func dump(_ s: SchemaSyntax) -> String {
    ((s.includesStar ? ["*"] : [])
        + s.columns.map { $0.name.name.isEmpty ? $0.type.rawValue : "\($0.name.name):\($0.type.rawValue)" })
        .joined(separator: ", ")
}

func dump(_ o: OptionSyntax) -> String { "\(o.name)=\(dump(o.value))" }

func dump(_ k: SortKeySyntax) -> String {
    dump(k.value) + (k.ascending.map { $0 ? " asc" : " desc" } ?? "")
        + (k.nullsFirst.map { $0 ? " nulls first" : " nulls last" } ?? "")
}

func dump(_ c: JoinConditionSyntax) -> String {
    switch c {
    case .sameName(let n): return n.name
    case .equality(let l, let r, _): return "$left.\(l.name)==$right.\(r.name)"
    }
}

func opts(_ o: [OptionSyntax]) -> String { o.isEmpty ? "" : " " + o.map(dump).joined(separator: " ") }
func list(_ items: [String]) -> String { items.joined(separator: ", ") }

func dump(_ e: EvaluateSyntax) -> String {
    "evaluate\(e.inlineForm ? "[inline]" : "")\(opts(e.options)) \(e.plugin.name)(\(list(e.arguments.map(dump))))"
        + (e.inlineCode.map { " code=" + dump($0) } ?? "")
}

func dump(_ u: UnionSyntax) -> String { "union\(opts(u.options)) \(list(u.tables.map(dump)))" }

func dump(_ s: SourceSyntax) -> String {
    switch s.kind {
    case .datatable(let cols, let values):
        return "datatable(\(list(cols.map { "\($0.name.name):\($0.type.rawValue)" })))[\(list(values.map(dump)))]"
    case .range(let c, let f, let t, let st): return "range \(c.name) from \(dump(f)) to \(dump(t)) step \(dump(st))"
    case .print(let a): return "print \(list(a.map(dump)))"
    case .union(let u): return dump(u)
    case .evaluate(let e): return dump(e)
    case .find(let f):
        return "find" + (f.sourceColumn.map { " withsource=\($0.name)" } ?? "")
            + (f.tables.map { " in (\(list($0.map(dump))))" } ?? "") + " where \(dump(f.predicate))"
    case .search(let s): return dump(s)
    case .externalData(let x):
        return
            "externaldata(\(list(x.columns.map { "\($0.name.name):\($0.type.rawValue)" })))[\(list(x.uris.map(dump)))]"
    case .macroExpand(let m):
        let group: String
        switch m.group {
        case .inline(let refs, _): group = "entity_group[\(list(refs.map(dump)))]"
        case .named(let n): group = n.name
        }
        return "macro-expand\(opts(m.options)) \(group) as \(m.identifier.name) ("
            + (m.lets.map(dump) + [dump(m.subquery)]).joined(separator: "; ") + ")"
    }
}

func dump(_ s: SearchSyntax) -> String {
    "search" + (s.tables.map { " in (\(list($0.map(dump))))" } ?? "") + " \(dump(s.predicate))"
}

func dump(_ o: OperatorSyntax) -> String {
    switch o.kind {
    case .as(let n, let o): return "as\(opts(o)) \(n.name)"
    case .count(let n): return "count" + (n.map { " \($0.name)" } ?? "")
    case .distinct(let c, let o): return "distinct\(opts(o)) \(list(c.map(dump)))"
    case .evaluate(let e): return dump(e)
    case .extend(let a): return "extend \(list(a.map(dump)))"
    case .getschema: return "getschema"
    case .invoke(let f, let args): return "invoke \(f.name)(\(list(args.map(dump))))"
    case .join(let j): return "join\(opts(j.options)) (\(dump(j.right))) on \(list(j.conditions.map(dump)))"
    case .lookup(let j): return "lookup\(opts(j.options)) (\(dump(j.right))) on \(list(j.conditions.map(dump)))"
    case .mvExpand(let m):
        let items = m.items.map { dump($0.assignment) + ($0.toType.map { " to \($0.rawValue)" } ?? "") }
        return "mv-expand\(opts(m.options)) \(list(items))" + (m.limit.map { " limit \(dump($0))" } ?? "")
    case .makeSeries(let m):
        let aggs = m.aggregates.map { dump($0.assignment) + ($0.defaultValue.map { " default=" + dump($0) } ?? "") }
        return "make-series\(opts(m.options)) \(list(aggs)) on \(dump(m.axis))"
            + (m.from.map { " from \(dump($0))" } ?? "")
            + (m.to.map { " to \(dump($0))" } ?? "") + " step \(dump(m.step))"
            + (m.by.isEmpty ? "" : " by \(list(m.by.map(dump)))")
    case .mvApply(let m):
        let items = m.items.map { dump($0.assignment) + ($0.toType.map { " to \($0.rawValue)" } ?? "") }
        return "mv-apply\(opts(m.options)) \(list(items))" + (m.limit.map { " limit \(dump($0))" } ?? "")
            + " on (\(m.subquery.map(dump).joined(separator: " | ")))"
    case .parse(let p):
        let items = p.items.map { item -> String in
            switch item {
            case .wildcard: return "*"
            case .text(let t, _): return "\"\(t)\""
            case .column(let n, let t): return n.name + (t.map { ":" + $0.rawValue } ?? "")
            }
        }
        return (p.keepsOnlyMatches ? "parse-where" : "parse")
            + "\(opts(p.options)) \(dump(p.source)) with \(items.joined(separator: " "))"
    case .sort(let k, let o): return "sort\(opts(o)) by \(list(k.map(dump)))"
    case .project(let a): return "project \(list(a.map(dump)))"
    case .projectAway(let p): return "project-away \(list(p.map(\.pattern)))"
    case .projectKeep(let p): return "project-keep \(list(p.map(\.pattern)))"
    case .projectByNames(let s): return "project-by-names \(list(s.map(dump)))"
    case .projectRename(let p): return "project-rename \(list(p.map { "\($0.new.name)=\($0.old.name)" }))"
    case .projectReorder(let p):
        return "project-reorder \(list(p.map { $0.pattern + ($0.order.map { " " + $0 } ?? "") }))"
    case .render(let k, let p): return "render \(k.name)" + (p.isEmpty ? "" : " with(\(list(p.map(dump))))")
    case .sample(let c): return "sample \(dump(c))"
    case .search(let s): return dump(s)
    case .serialize(let a): return "serialize" + (a.isEmpty ? "" : " " + list(a.map(dump)))
    case .summarize(let s):
        return "summarize\(opts(s.options)) \(list(s.aggregates.map(dump)))"
            + (s.by.isEmpty ? "" : " by \(list(s.by.map(dump)))")
    case .take(let c): return "take \(dump(c))"
    case .top(let c, let k): return "top \(dump(c)) by \(dump(k))"
    case .union(let u): return dump(u)
    case .where(let e): return "where \(dump(e))"
    case .consume(let o): return "consume\(opts(o))"
    case .sampleDistinct(let c, let n): return "sample-distinct \(dump(c)) of \(n.name)"
    case .topHitters(let t):
        return "top-hitters \(dump(t.count)) of \(dump(t.value))" + (t.summing.map { " by \(dump($0))" } ?? "")
    case .topNested(let t):
        return list(
            t.levels.map { l in
                "top-nested" + (l.count.map { " \(dump($0))" } ?? "") + " of \(dump(l.value))"
                    + (l.others.map { " with others=\(dump($0))" } ?? "")
                    + " by \(dump(l.aggregate))" + (l.ascending ? " asc" : "")
            })
    case .scan(let s): return dump(s)
    case .reduce(let r):
        return "reduce\(opts(r.options)) by \(dump(r.value))"
            + (r.properties.isEmpty ? "" : " with \(list(r.properties.map(dump)))")
    case .parseKv(let p):
        return "parse-kv \(dump(p.source)) as (\(list(p.keys.map { "\($0.name.name):\($0.type.rawValue)" })))"
            + (p.properties.isEmpty ? "" : " with(\(list(p.properties.map(dump))))")
    case .partition(let p):
        let body: String
        switch p.body {
        case .operators(let ops): body = "(\(ops.map(dump).joined(separator: " | ")))"
        case .query(let q): body = "{\(dump(q))}"
        }
        return "partition\(opts(p.options)) by \(p.key.name) \(body)"
    case .fork(let f):
        return "fork "
            + f.branches.map { b in
                (b.name.map { "\($0.name)=" } ?? "") + "(\(b.operators.map(dump).joined(separator: " | ")))"
            }
            .joined(separator: " ")
    case .facet(let f):
        return "facet by \(list(f.columns.map(\.name)))"
            + (f.with.map { " with (\($0.map(dump).joined(separator: " | ")))" } ?? "")
    case .makeGraph(let m):
        let nodes = m.nodes.map { "\(dump($0.table)) on \($0.key.name)" }
        return "make-graph \(m.source.name) --> \(m.target.name)" + (nodes.isEmpty ? "" : " with \(list(nodes))")
            + (m.nodeIdProperty.map { " with_node_id=\($0.name)" } ?? "")
            + (m.partition.map {
                " partitioned-by \($0.column.name) (\($0.operators.map(dump).joined(separator: " | ")))"
            } ?? "")
    case .graphMatch(let g, let shortest):
        let sequences = g.sequences.map { $0.map(dump).joined() }
        return (shortest ? "graph-shortest-paths" : "graph-match") + "\(opts(g.options)) \(list(sequences))"
            + (g.constraint.map { " where \(dump($0))" } ?? "") + " project \(list(g.projection.map(dump)))"
    case .graphToTable(let t):
        func part(_ word: String, _ p: GraphToTableSyntax.Part?) -> String? {
            p.map { word + ($0.alias.map { " as \($0.name)" } ?? "") + opts($0.options) }
        }
        let parts =
            t.nodesFirst
            ? [part("nodes", t.nodes), part("edges", t.edges)] : [part("edges", t.edges), part("nodes", t.nodes)]
        return "graph-to-table \(list(parts.compactMap { $0 }))"
    case .graphMarkComponents(let o): return "graph-mark-components\(opts(o))"
    }
}

func dump(_ e: GraphPatternElementSyntax) -> String {
    switch e {
    case .node(let n, _): return "(\(n?.name ?? ""))"
    case .edge(let e):
        let inside = (e.name?.name ?? "") + (e.length.map { "*\($0.min)..\($0.max)" } ?? "")
        switch e.direction {
        case .leftToRight: return "-[\(inside)]->"
        case .rightToLeft: return "<-[\(inside)]-"
        case .any: return "-[\(inside)]-"
        }
    }
}

func dump(_ s: ScanSyntax) -> String {
    let head =
        (s.matchIdColumn.map { " with_match_id=\($0.name)" } ?? "")
        + (s.declarations.isEmpty
            ? ""
            : " declare(\(list(s.declarations.map { "\($0.name.name):\($0.type.rawValue)" + ($0.defaultValue.map { "=" + dump($0) } ?? "") })))")
    let steps = s.steps.map { st in
        "step \(st.name.name) output=\(st.output.rawValue): \(dump(st.condition))"
            + (st.assignments.isEmpty ? "" : " => \(list(st.assignments.map(dump)))") + ";"
    }
    return "scan\(head) with(\(steps.joined(separator: " ")))"
}

/// Parses a one-statement query and dumps it.
func tree(_ text: String) throws -> String {
    let script = try Parser.parse(text)
    return script.statements.map(dump).joined(separator: "; ")
}

func dump(_ s: StatementSyntax) -> String {
    switch s {
    case .let(let l): return dump(l)
    case .set(let n, let v, _): return "set \(n.name)" + (v.map { "=" + dump($0) } ?? "")
    case .declareQueryParameters(let p, _): return "declare(\(list(p.map(dump))))"
    case .pattern(let p):
        guard p.isDefined else { return "pattern \(p.name.name)" }
        let mappings = p.definitions.map { d in
            "(\(list(d.arguments)))" + (d.path.map { ".[\($0)]" } ?? "") + "={\(dump(d.body))}"
        }
        return "pattern \(p.name.name)=(\(list(p.parameters.map(\.name))))"
            + (p.pathParameter.map { "[\($0.name)]" } ?? "") + "{\(mappings.joined(separator: "; "))}"
    case .aliasDatabase(let a): return "alias \(a.name.name)=\(dump(a.target))"
    case .query(let e): return dump(e)
    case .command(let c): return "command \(c.kind)"
    }
}

func dump(_ l: LetSyntax) -> String {
    switch l.value {
    case .expression(let e): return "let \(l.name.name)=\(dump(e))"
    case .function(let f): return "let \(l.name.name)=\(dump(f))"
    }
}

func dump(_ f: FunctionDefinitionSyntax) -> String {
    "(\(list(f.parameters.map(dump)))){\((f.lets.map(dump) + [dump(f.body)]).joined(separator: "; "))}"
}

func dump(_ p: ParameterSyntax) -> String {
    let type: String
    switch p.kind {
    case .scalar(let t): type = t.rawValue
    case .tabular(let s): type = "(\(dump(s)))"
    }
    return "\(p.name.name):\(type)" + (p.defaultValue.map { "=" + dump($0) } ?? "")
}

/// Parses an expression and dumps it.
func expr(_ text: String) throws -> String { dump(try Parser.parseExpression(text)) }
