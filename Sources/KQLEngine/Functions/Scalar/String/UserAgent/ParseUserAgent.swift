import Columnar

/// `parse_user_agent(text, look_for)`: a bag of the browser, operating system and/or device a user-agent
/// string names, as ua-parser's rule set reads it (`UserAgentRules`). `look_for` is `"browser"`, `"os"` or
/// `"device"`, or a dynamic array of them; the bag has `Browser` (Family, MajorVersion, MinorVersion,
/// Patch), `OperatingSystem` (Family, MajorVersion, MinorVersion, Patch, PatchMinor) and `Device` (Family,
/// Brand, Model) for the targets asked for, in that order. A part the text does not give is the empty
/// string, and a family nothing matches is "Other", as the reference's examples print them. Null text or
/// an unknown target gives null.
struct ParseUserAgentFunction: ScalarFunction {
    let name = "parse_user_agent"

    /// The parts `parse_user_agent` can look for.
    enum Target: String, CaseIterable {
        case browser, os, device
    }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .oneOf([.string, .dynamic], "a string or a dynamic array")])
        if let c = args[1].constant, !c.isNull, Self.targets(c) == nil {
            throw FunctionError(
                .argument,
                "parse_user_agent() looks for \"browser\", \"os\" or \"device\", or a dynamic array of them",
                argument: 1)
        }
        return .dynamic
    }

    /// The targets a `look_for` value names, or nil when it names something else.
    static func targets(_ v: Value) -> Set<Target>? {
        func one(_ s: String) -> Target? { Target(rawValue: s.lowercased()) }
        switch v {
        case .string(let s): return one(s).map { [$0] }
        case .dynamic(.string(let s)): return one(s).map { [$0] }
        case .dynamic(.array(let items)):
            var out = Set<Target>()
            for item in items {
                guard case .string(let s) = item, let t = one(s) else { return nil }
                out.insert(t)
            }
            return out.isEmpty ? nil : out
        default: return nil
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .dynamic, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .string(let text) = r[0], let wanted = Self.targets(r[1]) else { return .null }
            return .dynamic(Self.parse(text, wanted))
        }
    }

    /// The bag for `text` with the parts in `wanted`.
    static func parse(_ text: String, _ wanted: Set<Target>) -> Dynamic {
        let rules = UserAgentRules.shipped
        var bag = PropertyBag()
        func part(_ fields: [(String, String?)]) -> Dynamic {
            .bag(PropertyBag(fields.map { ($0.0, .string($0.1 ?? "")) }))
        }
        if wanted.contains(.browser) {
            let m = UserAgentRules.firstMatch(rules.browser, in: text)
            bag["Browser"] = part([
                ("Family", m.map { $0.value("family_replacement", orGroup: 1) ?? "Other" } ?? "Other"),
                ("MajorVersion", m?.value("v1_replacement", orGroup: 2)),
                ("MinorVersion", m?.value("v2_replacement", orGroup: 3)),
                ("Patch", m?.value("v3_replacement", orGroup: 4)),
            ])
        }
        if wanted.contains(.os) {
            let m = UserAgentRules.firstMatch(rules.os, in: text)
            bag["OperatingSystem"] = part([
                ("Family", m.map { $0.value("os_replacement", orGroup: 1) ?? "Other" } ?? "Other"),
                ("MajorVersion", m?.value("os_v1_replacement", orGroup: 2)),
                ("MinorVersion", m?.value("os_v2_replacement", orGroup: 3)),
                ("Patch", m?.value("os_v3_replacement", orGroup: 4)),
                ("PatchMinor", m?.value("os_v4_replacement", orGroup: 5)),
            ])
        }
        if wanted.contains(.device) {
            let m = UserAgentRules.firstMatch(rules.device, in: text)
            bag["Device"] = part([
                ("Family", m.map { $0.value("device_replacement", orGroup: 1) ?? "Other" } ?? "Other"),
                ("Brand", m?.value("brand_replacement", orGroup: nil)),
                ("Model", m?.value("model_replacement", orGroup: 1)),
            ])
        }
        return .bag(bag)
    }
}
