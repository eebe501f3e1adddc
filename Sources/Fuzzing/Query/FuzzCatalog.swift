import Columnar
import Foundation
import KQLEngine
import KQLSyntax

/// What the query generator can write, derived from the engine's function registry and KQL's manifest
/// rather than kept by hand: each scalar function, aggregate and operator with the argument types its
/// own `returnType` accepts and the type it returns, and the operators and functions KQL has that
/// Sandpiper does not (to reach the "not supported" errors).
struct FuzzCatalog: Sendable {
    /// A call the binder accepts: `name(arguments...)` of type `result`.
    struct Signature: Sendable {
        var name: String
        var arguments: [ScalarType]
        var result: ScalarType
        /// True when the function takes these types only as constants (a format string, a bin size).
        var needsConstants = false
    }

    /// Scalar function signatures by result type, grouped by function (so that `strcat`, which takes
    /// anything, is picked as often as `strlen`, not a thousand times as often).
    var scalars: [ScalarType: [[Signature]]] = [:]
    /// Aggregate signatures (the type of the first output column as result), grouped by aggregate.
    var aggregates: [[Signature]] = []
    /// Binary operators (`name` is the operator as written) by result type.
    var binary: [ScalarType: [Signature]] = [:]
    /// `in`-family operators: the left type and a list item type that bind.
    var setMembership: [Signature] = []
    /// Types `between` accepts (value and bounds of the same type).
    var betweenTypes: [ScalarType] = []
    /// Types unary minus accepts.
    var negatable: [ScalarType] = []
    /// Implemented scalar functions the registry does not hold (the binder handles them itself:
    /// `toscalar`, `materialize`, ...): written with arguments of any type.
    var specialFunctions: [String] = []
    /// Operator names the manifest marks implemented, and those it does not.
    var implementedOperators: [String] = []
    var unsupportedOperators: [String] = []
    /// Function names KQL has and Sandpiper does not implement yet.
    var unsupportedFunctions: [String] = []

    /// Built once per process: probing every function with every argument list takes a moment.
    static let shared = FuzzCatalog()

    /// A constant of each type, for functions that check their arguments' values when binding.
    static func sample(_ type: ScalarType) -> Value {
        switch type {
        case .bool: return .bool(true)
        case .int: return .int(2)
        case .long: return .long(2)
        case .real: return .real(1.5)
        case .decimal: return .decimal(1.5)
        case .datetime: return .datetime(1_704_067_200_000_000_000)
        case .timespan: return .timespan(3_600_000_000_000)
        case .guid: return .guid(UUID(uuidString: "74be27de-1e4e-49d9-b579-fe0b331d3642")!)
        case .string: return .string("a")
        case .dynamic: return .dynamic(.array([.long(1)]))
        }
    }

    init() {
        let types = ScalarType.allCases
        // Argument lists of up to three types, then variadic tails of up to five for functions that took three.
        var lists: [[ScalarType]] = [[]]
        var frontier: [[ScalarType]] = [[]]
        for _ in 1...3 {
            frontier = frontier.flatMap { list in types.map { list + [$0] } }
            lists += frontier
        }
        func info(_ list: [ScalarType], constant: Bool) -> [ArgumentInfo] {
            list.map { ArgumentInfo(type: $0, constant: constant ? Self.sample($0) : nil) }
        }

        for name in FunctionRegistry.scalarNames {
            guard let function = FunctionRegistry.scalar(named: name) else { continue }
            var accepted: [Signature] = []
            func probe(_ list: [ScalarType]) -> Bool {
                guard let result = try? function.returnType(info(list, constant: true)) else { return false }
                let loose = (try? function.returnType(info(list, constant: false))) != nil
                accepted.append(Signature(name: name, arguments: list, result: result, needsConstants: !loose))
                return true
            }
            var threes: [[ScalarType]] = []
            for list in lists where probe(list) && list.count == 3 { threes.append(list) }
            for list in threes.prefix(8) {
                for a in types where probe(list + [a]) { _ = probe(list + [a, a]) }
            }
            for (result, group) in Dictionary(grouping: accepted, by: \.result) {
                scalars[result, default: []].append(group)
            }
        }

        for name in FunctionRegistry.aggregateNames {
            guard let function = FunctionRegistry.aggregate(named: name) else { continue }
            var accepted: [Signature] = []
            for list in lists {
                let withConstants = list.map { ArgumentInfo(type: $0, constant: Self.sample($0), columnName: "c") }
                guard let fields = try? function.outputColumns(withConstants, star: []), let first = fields.first else {
                    continue
                }
                let loose =
                    (try? function.outputColumns(list.map { ArgumentInfo(type: $0, columnName: "c") }, star: [])) != nil
                accepted.append(Signature(name: name, arguments: list, result: first.type, needsConstants: !loose))
            }
            if !accepted.isEmpty { aggregates.append(accepted) }
        }

        for op in BinaryOperator.allCases {
            let kernel = FunctionRegistry.binary(op)
            for l in types {
                for r in types {
                    guard let result = try? kernel.returnType(info([l, r], constant: false)) else { continue }
                    binary[result, default: []].append(Signature(name: op.rawValue, arguments: [l, r], result: result))
                }
            }
        }
        for op in SetOperator.allCases {
            let kernel = FunctionRegistry.setMembership(op)
            for l in types {
                for r in types where (try? kernel.returnType(info([l, r, r], constant: false))) != nil {
                    setMembership.append(Signature(name: op.rawValue, arguments: [l, r], result: .bool))
                }
            }
        }
        betweenTypes = types.filter {
            (try? FunctionRegistry.between.returnType(info([$0, $0, $0], constant: false))) != nil
        }
        negatable = types.filter { (try? FunctionRegistry.negate.returnType(info([$0], constant: false))) != nil }

        let registered = Set(FunctionRegistry.scalarNames + FunctionRegistry.aggregateNames)
        specialFunctions = FunctionRegistry.scalarCatalogue
            .filter { $0.status == .implemented && !registered.contains($0.name) }.map(\.name)
        unsupportedFunctions = (FunctionRegistry.scalarCatalogue + FunctionRegistry.aggregateCatalogue)
            .filter { $0.status != .implemented }.map(\.name)
        implementedOperators = KQLManifest.operators.filter { $0.status == .implemented }.map(\.name)
        unsupportedOperators = KQLManifest.operators.filter { $0.status != .implemented }.map(\.name)
    }

    /// Signatures of scalar functions whose result is `type`, one group per function.
    func scalars(returning type: ScalarType) -> [[Signature]] { scalars[type] ?? [] }
}
