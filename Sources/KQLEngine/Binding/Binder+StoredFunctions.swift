import Columnar
import Foundation
import KQLSyntax

/// Identifies a function definition across texts: its span, and the name of the text it was parsed from
/// (a stored function's spans point into its own text, so a span alone could match a `let` of the query).
struct DefinitionKey: Hashable {
    var source: String?
    var span: SourceSpan
}

extension FunctionDefinitionSyntax {
    var key: DefinitionKey { DefinitionKey(source: source?.name, span: span) }
}

extension Binder {
    /// What `name` stands for: a binding of the query (a `let`, a parameter, a function defined in the
    /// query), else a stored function of the database, which sees no names of the query. Names in the
    /// query shadow stored functions. A stored function being expanded does not see itself, so calling
    /// itself is reported as recursion, as for a `let` function.
    func entry(_ name: String, in scope: Scope) -> Scope.Entry? {
        if let e = scope[name] { return e }
        guard !expansions.active.contains(name), let f = database.function(named: name) else { return nil }
        return .function(f.definition, Scope())
    }

    /// The error of a stored function by this name whose file cannot be read, or nil.
    func unavailableFunction(_ name: NameSyntax) -> KQLError? { database.unavailableReason(forFunction: name.name) }

    /// Names a call may have meant: the query's and the stored functions.
    func functionCandidates(_ scope: Scope) -> [String] { Array(scope.entries.keys) + database.functionNames }

    /// Binds a function's definition as `.create function` does before storing it (unless
    /// `skipvalidation=true`): names, columns and types must resolve. Scalar parameters stand for a
    /// constant of their type, tabular ones for an empty table of their declared columns; a body over a
    /// table parameter declared `(*)` is checked when it is called, since its columns are unknown.
    func validateStoredFunction(_ definition: FunctionDefinitionSyntax, name: String) throws(KQLError) {
        var s = Scope()
        for p in definition.parameters {
            switch p.kind {
            case .scalar(let type):
                s[p.name.name] = .scalar(.constant(Self.placeholder(type), type))
            case .tabular(let schema):
                guard !schema.includesStar else { return }
                let fields = Schema(schema.columns.map { Field($0.name.name, $0.type) })
                s[p.name.name] = .tabular(BoundQuery(source: .rows(Table.empty(fields)), schema: fields))
            }
        }
        expansions.active.append(name)
        defer { expansions.active.removeLast() }
        do throws(KQLError) {
            for l in definition.lets { try bindLet(l, scope: &s) }
            if isTabular(definition.body, scope: s) {
                _ = try bindTabular(definition.body, scope: s)
            } else {
                _ = try bindScalar(definition.body, schema: Schema([]), scope: s)
            }
        } catch {
            throw definition.source.map { error.located(in: $0) } ?? error
        }
    }

    /// A value of each type for a parameter being validated: not null, so functions that need a
    /// non-null constant (`take n`, `range`) bind as they will when called.
    private static func placeholder(_ type: ScalarType) -> Value {
        switch type {
        case .bool: return .bool(false)
        case .int: return .int(1)
        case .long: return .long(1)
        case .real: return .real(1)
        case .decimal: return .decimal(1)
        case .datetime: return .datetime(0)
        case .timespan: return .timespan(1_000_000_000)
        case .guid: return .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        case .string: return .string("")
        case .dynamic: return .dynamic(.null)
        }
    }
}
