import Charts
import Columnar
import KQLSyntax

extension Binder {
    /// `render kind with (...)`: the visualization and its properties as `render` records them on the result.
    ///
    /// The kind and every property are checked here, where their spans are known, by the same rules the
    /// chart is later drawn with (`ChartRequest`): a kind ADX does not have is `E_CHART_KIND`, `3Dchart`
    /// and `plotly` are `E_UNSUPPORTED`, an unknown property or a value it cannot take `E_CHART_PROPERTY`.
    /// Whether the result's columns fit the kind is only known once it ran, so it is checked when drawn.
    func bindRender(kind: NameSyntax, properties: [OptionSyntax], input q: BoundQuery, scope: Scope) throws(KQLError)
        -> Visualization
    {
        do { _ = try ChartKind(name: kind.name) } catch {
            throw KQLError(error.code, error.message, span: kind.span, hint: error.hint)
        }
        var props: [String: String] = [:]
        for p in properties {
            let text: String
            if case .name(let n) = p.value {
                text = ([n] + p.moreNames).map(\.name).joined(separator: ",")
            } else {
                let b = try bindScalar(p.value, schema: Schema([]), scope: scope)
                guard let v = b.constantValue else {
                    throw KQLError(.argument, "render property '\(p.name)' must be a constant", span: p.span)
                }
                text = v.type == .dynamic ? v.asDynamic.jsonText : v.text
            }
            if props[p.name] != nil {
                throw KQLError(
                    .chartProperty, "render property '\(p.name)' is given twice", span: p.span,
                    hint: "give each property once; list several columns as `\(p.name)=a, b`")
            }
            do { _ = try ChartRequest(Visualization(kind: kind.name, properties: [p.name: text])) } catch {
                throw KQLError(error.code, error.message, span: p.span, hint: error.hint)
            }
            props[p.name] = text
        }
        return Visualization(kind: kind.name, properties: props, isQuerySorted: Binder.endsSorted(q))
    }

    /// Whether the rows reach `render` in the order a `sort` or `top` gave them (ADX's `IsQuerySorted`):
    /// walking back over operators that keep row order, the first other one is a sort.
    static func endsSorted(_ q: BoundQuery) -> Bool {
        for op in q.operators.reversed() {
            switch op {
            case .sort, .top: return true
            case .where, .extend, .project, .take: continue
            default: return false
            }
        }
        return false
    }
}
