import Columnar

/// Productions for `scan`, `partition`, `fork`, `facet`, `top-nested`, `top-hitters`, `sample-distinct` and `consume`.
extension QueryGenerator {
    mutating func scan(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        let declared = freshName("s")
        let type = input.pick([ScalarType.long, .string, .real])
        let defaultValue = input.chance(50) ? " = \(literal(type))" : ""
        let matchId = input.chance(30) ? freshName("m") : nil
        var steps: [String] = []
        for k in 0..<(1 + input.choose(3)) {
            let output = input.chance(30) ? " output=" + input.pick(["all", "last", "none"]) : ""
            let condition = input.chance(30) ? "true" : expression(.bool, scope, depth: depth + 1).text
            var assign = ""
            if input.chance(60) {
                let previous = k > 0 && input.chance(50) ? "st\(k - 1)." : "st\(k)."
                let value =
                    input.chance(50)
                    ? "\(previous)\(Self.reference(declared))" : expression(type, scope, depth: depth + 1).text
                assign = " => \(Self.reference(declared)) = \(value)"
            }
            steps.append("step st\(k)\(output): \(condition)\(assign);")
        }
        let head = matchId.map { "with_match_id=\(Self.reference($0)) " } ?? ""
        return (
            "scan \(head)declare (\(Self.reference(declared)):\(type.rawValue)\(defaultValue)) with (\(steps.joined(separator: " ")))",
            scope + [Field(declared, type)] + (matchId.map { [Field($0, .long)] } ?? [])
        )
    }

    mutating func partition(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        guard let key = column(scope) else { return ("partition by nosuchcolumn (take 1)", scope) }
        let strategy =
            input.chance(60) ? "hint.strategy=" + input.pick(["native", "shuffle", "legacy", "nosuch"]) + " " : ""
        let sub = input.chance(50) ? summarize(scope, depth: depth + 1) : pipeOperator(scope, depth: depth + 1)
        return ("partition \(strategy)by \(Self.reference(key.name)) (\(sub.text))", sub.fields)
    }

    mutating func topNested(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        var levels: [String] = [], fields: [Field] = []
        for _ in 0...input.choose(2) {
            guard let c = column(scope), !fields.contains(where: { $0.name == c.name }) else { break }
            let (agg, type) = aggregate(scope, depth: depth)
            let n = input.chance(70) ? count() + " " : ""
            let others = input.chance(20) ? " with others=\(literal(c.type))" : ""
            let name = freshName("a")
            levels.append(
                "top-nested \(n)of \(Self.reference(c.name))\(others) by \(Self.reference(name)) = \(agg)\(input.chance(30) ? " asc" : "")"
            )
            fields += [c, Field(name, type)]
        }
        if levels.isEmpty { return ("top-nested 1 of nosuchcolumn by count()", scope) }
        return (levels.joined(separator: ", "), fields)
    }

    mutating func topHitters(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        guard let c = column(scope) else { return ("top-hitters 1 of nosuchcolumn", scope) }
        if let s = column(scope, .long) ?? column(scope, .real), input.chance(40) {
            return (
                "top-hitters \(count()) of \(Self.reference(c.name)) by \(Self.reference(s.name))",
                [c, Field("approximate_sum_\(s.name)", s.type)]
            )
        }
        return (
            "top-hitters \(count()) of \(Self.reference(c.name))", [c, Field("approximate_count_\(c.name)", .long)]
        )
    }

    mutating func sampleDistinct(_ scope: [Field]) -> (text: String, fields: [Field]) {
        guard let c = column(scope) else { return ("sample-distinct 1 of nosuchcolumn", scope) }
        return ("sample-distinct \(count()) of \(Self.reference(c.name))", [c])
    }

    /// `fork` and `facet` end a statement, so most of these are refused where the generator puts them.
    mutating func forkOrFacet(_ name: String, _ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        if name == "facet" {
            let chosen = names(scope, upTo: 2)
            guard !chosen.isEmpty else { return ("facet by nosuchcolumn", scope) }
            return (
                "facet by " + chosen.map { Self.reference($0.name) }.joined(separator: ", ")
                    + (input.chance(30) ? " with (take 1)" : ""), scope
            )
        }
        let a = pipeOperator(scope, depth: depth + 1), b = pipeOperator(scope, depth: depth + 1)
        return ("fork (\(a.text)) (\(b.text))", a.fields)
    }
}

extension QueryGenerator {
    mutating func parseKv(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        let source =
            column(scope, .string).map { Self.reference($0.name) } ?? expression(.string, scope, depth: depth).text
        var keys: [String] = [], fields = scope
        for _ in 0...input.choose(2) {
            let key = freshName("k")
            let type = input.pick([ScalarType.string, .long, .real, .datetime, .bool])
            keys.append("\(Self.reference(key)):\(type.rawValue)")
            fields.removeAll { $0.name == key }
            fields.append(Field(key, type))
        }
        let with = input.pick([
            "", " with (pair_delimiter=',', kv_delimiter='=')", " with (quote='\"', escape='\\\\')",
            " with (pair_delimiter=' ', kv_delimiter=':', greedy=true)", " with (regex=@'(\\w+)=(\\w+)')",
            " with (regex=@'(\\w+)')",
        ])
        return ("parse-kv \(source) as (\(keys.joined(separator: ", ")))\(with)", fields)
    }
}

extension QueryGenerator {
    mutating func reduce(_ scope: [Field], depth: Int) -> (text: String, fields: [Field]) {
        let source =
            column(scope, .string).map { Self.reference($0.name) } ?? expression(.string, scope, depth: depth).text
        let with = input.pick([
            "", " with threshold=0.5", " with characters='-_'", " with threshold=0.01, characters=' '",
            " with threshold=2",
        ])
        if input.chance(30) { return ("reduce kind=source by \(source)\(with)", scope + [Field("Pattern", .string)]) }
        return (
            "reduce by \(source)\(with)",
            [Field("Pattern", .string), Field("Count", .long), Field("Representative", .string)]
        )
    }
}
