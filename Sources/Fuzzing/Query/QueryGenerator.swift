import Columnar

/// Writes a KQL script from fuzzer bytes: `let` statements, then a pipeline whose sources, operators,
/// functions and literals come from the catalogue (`FuzzCatalog`, `LiteralCatalog`), typed so most
/// scripts bind and run, with a share of near misses (a wrong column, an unsupported operator) so the
/// errors run too. It tracks the columns each stage yields, approximately: a wrong guess costs a
/// binding error, which is a fine outcome.
///
/// Every recursion here is bounded by `maxDepth` and every node spends `budget`, so a script stays
/// small whatever the bytes say.
struct QueryGenerator {
    var input: FuzzInput
    let catalog: FuzzCatalog
    /// Nodes (expressions and operators) left to write.
    var budget = 120
    private var fresh = 0
    /// Scalars bound by `let`, usable as names in expressions.
    var scalarLets: [Field] = []
    /// Tables and tabular `let`s with their columns.
    var tables: [(name: String, fields: [Field])] = FuzzDatabase.schemas
    /// User functions bound by `let f = (a:t, ...) { expr }`.
    var userFunctions: [(name: String, parameters: [ScalarType], result: ScalarType)] = []
    /// Tabular functions for `invoke` (`let g = (T:(*)) { T | ... }`).
    var tabularFunctions: [String] = []

    static let maxDepth = 4

    init(_ bytes: [UInt8], catalog: FuzzCatalog = .shared) {
        self.input = FuzzInput(bytes)
        self.catalog = catalog
    }

    /// The whole script.
    mutating func script() -> String {
        var statements: [String] = []
        for _ in 0..<input.choose(4) { statements.append(letStatement()) }
        statements.append(tabular(depth: 0).text)
        if input.chance(15) { statements.append(tabular(depth: 1).text) }
        if input.chance(8) { statements.append(command()) }
        return statements.joined(separator: ";\n")
    }

    // MARK: - Names

    /// A new column or `let` name: usually plain, sometimes one that needs `['...']`.
    mutating func freshName(_ prefix: String = "c") -> String {
        fresh += 1
        if input.chance(4) { return input.pick(["a b", "ünï", "1st", "x-y", "where", "T"]) + String(fresh) }
        return prefix + String(fresh)
    }

    /// `name` as a query refers to it.
    static func reference(_ name: String) -> String {
        let plain =
            name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } ?? false
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let reserved: Set<String> = [
            "where", "and", "or", "by", "on", "with", "let", "true", "false", "null", "to", "from", "step", "kind",
            "of", "in", "has", "contains", "between", "asc", "desc", "nulls", "first", "last", "typeof", "T",
        ]
        if plain && !reserved.contains(name) { return name }
        return "['" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            + "']"
    }

    /// A column of `scope` (of `type` when given), or nil.
    mutating func column(_ scope: [Field], _ type: ScalarType? = nil) -> Field? {
        let candidates = type.map { t in scope.filter { $0.type == t } } ?? scope
        return candidates.isEmpty ? nil : input.pick(candidates)
    }

    /// A literal of `type`: ordinary ones mostly, the catalogue's edges sometimes.
    mutating func literal(_ type: ScalarType) -> String {
        let all = LiteralCatalog.literals(type)
        return input.chance(80) ? input.pick(Array(all.prefix(LiteralCatalog.ordinaryCount))) : input.pick(all)
    }

    /// A small count for `take`, `top`, `sample`.
    mutating func count() -> String {
        input.chance(90)
            ? String(input.choose(6))
            : input.pick(["0", "-1", "100000", "9223372036854775807", "long(null)", "2.5", "\"3\""])
    }

    // MARK: - Statements

    mutating func letStatement() -> String {
        budget -= 1
        let name = freshName("v")
        switch input.choose(5) {
        case 0, 1:
            let (text, type) = expression(nil, [], depth: 1)
            scalarLets.append(Field(name, type))
            return "let \(Self.reference(name)) = \(text)"
        case 2:
            let (text, fields) = tabular(depth: 1)
            tables.append((name, fields))
            return "let \(Self.reference(name)) = \(text)"
        case 3:
            let parameters = (0..<input.choose(3)).map { _ in Field(freshName("p"), input.pick(ScalarType.allCases)) }
            let (body, type) = expression(nil, parameters, depth: 1)
            userFunctions.append((name, parameters.map(\.type), type))
            let list = parameters.map { "\(Self.reference($0.name)):\($0.type.rawValue)" }.joined(separator: ", ")
            return "let \(Self.reference(name)) = (\(list)) { \(body) }"
        default:
            // A tabular function over any input, for `invoke`.
            let inner = pipeOperator([], depth: 2).text
            tabularFunctions.append(name)
            let parameter = input.chance(50) ? "T:(*)" : "T:(k:string)"
            return "let \(Self.reference(name)) = (\(parameter)) { T | \(inner) }"
        }
    }

    /// A management command (the engine's copy of the database takes it).
    mutating func command() -> String {
        let name = freshName("Tab")
        switch input.choose(5) {
        case 0: return ".create table \(Self.reference(name)) (a:long, b:string)"
        case 1: return ".set-or-append \(Self.reference(name)) <| \(tabular(depth: 2).text)"
        case 2: return ".ingest inline into table T <| \(input.pick(["a,true,1", "x", "", "\"q\"\"\",,,,,,,,,,"]))"
        case 3: return ".drop table \(input.pick(["T", "U", name]))"
        default: return input.pick([".show tables", ".show table T schema as json", ".show table U cslschema"])
        }
    }

    // MARK: - Tabular expressions

    /// A source followed by a few operators.
    mutating func tabular(depth: Int) -> (text: String, fields: [Field]) {
        var (text, fields) = source(depth: depth)
        for _ in 0..<input.choose(depth == 0 ? 7 : 3) where budget > 0 {
            let next = pipeOperator(fields, depth: depth)
            text += "\n| " + next.text
            fields = next.fields
        }
        return (text, fields)
    }

    mutating func source(depth: Int) -> (text: String, fields: [Field]) {
        budget -= 1
        switch depth >= Self.maxDepth ? 0 : input.choose(10) {
        case 0, 1, 2:
            let table = input.pick(tables)
            return (Self.reference(table.name), table.fields)
        case 3: return range()
        case 4:
            var items: [String] = [], fields: [Field] = []
            for _ in 0...input.choose(3) {
                let name = freshName()
                let (text, type) = expression(nil, [], depth: depth + 1)
                items.append("\(Self.reference(name)) = \(text)")
                fields.append(Field(name, type))
            }
            return ("print " + items.joined(separator: ", "), fields)
        case 5: return datatable()
        case 6:
            let left = tabular(depth: depth + 1), right = tabular(depth: depth + 1)
            let kind = input.pick(["", "kind=outer ", "kind=inner ", "withsource=src "])
            return ("union \(kind)(\(left.text)), (\(right.text))", left.fields)
        case 7:
            let inner = tabular(depth: depth + 1)
            return ("(\(inner.text))", inner.fields)
        default:
            let table = input.pick(FuzzDatabase.schemas)
            return (table.0, table.1)
        }
    }

    /// `range`: small bounds of one type mostly; the catalogue's edges sometimes.
    mutating func range() -> (text: String, fields: [Field]) {
        let name = freshName("x")
        let type: ScalarType = input.pick([.long, .long, .long, .real, .datetime, .timespan, .int])
        var bounds: [String]
        if input.chance(90) {
            switch type {
            case .real: bounds = ["0.5", String(input.choose(10)) + ".5", "0.5"]
            case .datetime:
                bounds = [
                    "datetime(2024-01-01)", "datetime(2024-01-0\(1 + input.choose(4)))",
                    input.pick(["6h", "1d", "12h"]),
                ]
            case .timespan: bounds = ["0s", "\(input.choose(10))m", "1m"]
            case .int: bounds = ["int(1)", "int(\(input.choose(12)))", "int(1)"]
            default: bounds = [String(input.choose(5)), String(input.choose(20)), String(1 + input.choose(3))]
            }
        } else {
            bounds = [
                literal(type), literal(type),
                input.chance(50) ? literal(type) : literal(input.pick(ScalarType.allCases)),
            ]
        }
        return (
            "range \(Self.reference(name)) from \(bounds[0]) to \(bounds[1]) step \(bounds[2])", [Field(name, type)]
        )
    }

    /// `datatable(a:t, ...) [values]` with literals of each column's type (now and then a wrong one).
    mutating func datatable() -> (text: String, fields: [Field]) {
        let fields = (0...input.choose(3)).map { _ in Field(freshName(), input.pick(ScalarType.allCases)) }
        var cells: [String] = []
        for _ in 0..<input.choose(5) {
            for f in fields {
                cells.append(input.chance(95) ? literal(f.type) : literal(input.pick(ScalarType.allCases)))
            }
        }
        let columns = fields.map { "\(Self.reference($0.name)):\($0.type.rawValue)" }.joined(separator: ", ")
        return ("datatable(\(columns)) [\(cells.joined(separator: ", "))]", fields)
    }
}
