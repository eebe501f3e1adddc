import Columnar
import KQLSyntax

extension Binder {
    /// Binds `join` (innerunique by default) or `lookup` (leftouter by default; the right side's key
    /// columns are not repeated in the output). `right` is the right side, bound.
    func bindJoin(
        options: [OptionSyntax], right: BoundQuery, conditions: [JoinConditionSyntax], lookup: Bool,
        left: Schema, span: SourceSpan
    ) throws(KQLError) -> BoundJoin {
        var kind: JoinKind = lookup ? .leftouter : .innerunique
        for o in options where o.name.lowercased() == "kind" {
            let text: String
            switch o.value {
            case .name(let n): text = n.name
            case .literal(.string(let s), _, _): text = s
            default: throw KQLError(.argument, "kind must be a join kind such as inner or leftouter", span: o.span)
            }
            switch text.lowercased() {
            case "anti", "leftanti", "leftantisemi": kind = .leftanti
            case "rightantisemi": kind = .rightanti
            case let k:
                guard let parsed = JoinKind(rawValue: k) else {
                    throw KQLError(
                        .argument, "unknown join kind '\(text)'", span: o.span,
                        hint: "use one of: \(JoinKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kind = parsed
            }
            if lookup, kind != .leftouter, kind != .inner {
                throw KQLError(.argument, "lookup supports kind=leftouter and kind=inner only", span: o.span)
            }
        }
        guard !conditions.isEmpty else {
            throw KQLError(
                .argument, "\(lookup ? "lookup" : "join") needs an `on` clause naming the key columns", span: span)
        }
        var leftKeys: [Int] = [], rightKeys: [Int] = []
        for c in conditions {
            let (l, r): (NameSyntax, NameSyntax)
            switch c {
            case .sameName(let n): (l, r) = (n, n)
            case .equality(let a, let b, _):
                let an = Binder.stripSide(a), bn = Binder.stripSide(b)
                (l, r) = a.name.hasPrefix("$right") || b.name.hasPrefix("$left") ? (bn, an) : (an, bn)
            }
            guard let li = left.index(of: l.name) else { throw unknownColumn(l, left) }
            guard let ri = right.schema.index(of: r.name) else { throw unknownColumn(r, right.schema) }
            let lt = left.fields[li].type, rt = right.schema.fields[ri].type
            guard lt == rt || (lt.isNumeric && rt.isNumeric && lt != .decimal && rt != .decimal) else {
                throw KQLError(
                    .type,
                    "join keys '\(l.name)' (\(lt.rawValue)) and '\(r.name)' (\(rt.rawValue)) have different types",
                    span: r.span)
            }
            leftKeys.append(li); rightKeys.append(ri)
        }
        var outputs: [(side: JoinSide, column: Int)] = []
        var fields: [Field] = []
        switch kind {
        case .leftsemi, .leftanti:
            outputs = left.fields.indices.map { (.left, $0) }
            fields = left.fields
        case .rightsemi, .rightanti:
            outputs = right.schema.fields.indices.map { (.right, $0) }
            fields = right.schema.fields
        default:
            outputs = left.fields.indices.map { (.left, $0) }
            fields = left.fields
            var namer = ColumnNamer(existing: left.names)
            for (i, f) in right.schema.fields.enumerated() {
                if lookup, rightKeys.contains(i) { continue }
                outputs.append((.right, i))
                fields.append(Field(namer.unique(f.name), f.type))
            }
        }
        return BoundJoin(
            kind: kind, right: right, leftKeys: leftKeys, rightKeys: rightKeys, outputs: outputs,
            schema: Schema(fields))
    }

    /// `$left.a` written as one name becomes `a`.
    static func stripSide(_ n: NameSyntax) -> NameSyntax {
        for p in ["$left.", "$right."] where n.name.hasPrefix(p) {
            return NameSyntax(String(n.name.dropFirst(p.count)), span: n.span)
        }
        return n
    }
}
