import Columnar
import KQLSyntax

extension Binder {
    /// The columns `project-by-names` keeps, in the order the specifiers name or match them
    /// (project-by-names-operator.md): each specifier is a column name, a dynamic array of names, or a pattern
    /// with `*`, given as a constant (a literal, a `let` or parameter, `column_names_of(T)`). A name no column
    /// has is ignored; a column named twice is kept once, where it was first named.
    func projectByNamesColumns(_ specifiers: [ExpressionSyntax], schema: Schema, scope: Scope) throws(KQLError)
        -> [Int]
    {
        var kept: [Int] = []
        var seen = Set<Int>()
        for s in specifiers {
            for name in try columnNames(s, schema: schema, scope: scope) {
                let hits =
                    name.contains("*")
                    ? schema.fields.indices.filter { Wildcard.matches(name, schema.fields[$0].name) }
                    : schema.index(of: name).map { [$0] } ?? []
                for i in hits where seen.insert(i).inserted { kept.append(i) }
            }
        }
        return kept
    }

    /// The names one specifier gives.
    private func columnNames(_ s: ExpressionSyntax, schema: Schema, scope: Scope) throws(KQLError) -> [String] {
        // A bare column name stands for itself, as in the other project operators.
        if case .name(let n) = s, scope[n.name] == nil { return [n.name] }
        let value = try bindScalar(s, schema: Schema([]), scope: scope).constantValue
        switch value {
        case .string(let name)?:
            return [name]
        case .dynamic(.string(let name))?:
            return [name]
        case .dynamic(.array(let items))?:
            var names: [String] = []
            for item in items {
                guard case .string(let name) = item else {
                    throw KQLError(
                        .argument, "project-by-names: the array must hold column names (strings)", span: s.span)
                }
                names.append(name)
            }
            return names
        default:
            throw KQLError(
                .argument,
                "project-by-names takes column names: strings, dynamic arrays of strings, or patterns with *",
                span: s.span, hint: "for example `project-by-names \"Name\", dynamic([\"City\"]), \"C*\"`")
        }
    }
}
