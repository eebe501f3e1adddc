/// The KQL names of operators and sources, as errors (a memory budget passed, ...) name them.
extension BoundOperator {
    var operatorName: String {
        switch self {
        case .where: return "where"
        case .extend: return "extend"
        case .project: return "project"
        case .count: return "count"
        case .distinct: return "distinct"
        case .evaluate(let e): return e.plugin.name
        case .getschema: return "getschema"
        case .invoke: return "invoke"
        case .join, .deferredJoin: return "join"
        case .mvExpand: return "mv-expand"
        case .parse: return "parse"
        case .mvApply: return "mv-apply"
        case .makeSeries: return "make-series"
        case .sort: return "sort"
        case .render: return "render"
        case .sample: return "sample"
        case .summarize: return "summarize"
        case .take: return "take"
        case .top: return "top"
        case .union: return "union"
        case .deferred: return "the operators after a plugin"
        }
    }
}

extension BoundSource {
    var operatorName: String {
        switch self {
        case .table(let name): return name
        case .rows: return "datatable"
        case .range: return "range"
        case .print: return "print"
        case .union: return "union"
        case .evaluate(let e): return e.plugin.name
        case .query, .materialized, .input: return "query"
        }
    }
}
