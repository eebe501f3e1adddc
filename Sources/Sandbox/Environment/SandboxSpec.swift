import Crypto
import Foundation
import TOMLKit

/// A pinned requirement of a spec: `name==version`, optionally with extras (`name[extra]==version`).
public struct PinnedRequirement: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The distribution name as written.
    public var name: String
    /// The exact version.
    public var version: String
    /// Extras, as written inside the brackets.
    public var extras: [String]

    /// The requirement as pip reads it.
    public var description: String {
        name + (extras.isEmpty ? "" : "[" + extras.joined(separator: ",") + "]") + "==" + version
    }

    /// Parses `name==version` or `name[a,b]==version`; anything looser is `E_SPEC`.
    public init(parsing text: String) throws(SandboxError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.components(separatedBy: "==")
        func fail() -> SandboxError {
            .spec(
                "requirement '\(text)' is not pinned to one exact version",
                hint:
                    "write it as name==version (for example numpy==1.26.4); ranges, wildcards and URLs are not allowed")
        }
        guard parts.count == 2, !parts[1].isEmpty,
            parts[1].allSatisfy({ $0.isLetter || $0.isNumber || ".+!_-".contains($0) }),
            !parts[1].hasPrefix("=")
        else { throw fail() }
        var head = parts[0]
        var extras: [String] = []
        if let open = head.firstIndex(of: "[") {
            guard head.hasSuffix("]") else { throw fail() }
            extras = head[head.index(after: open)..<head.index(before: head.endIndex)]
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            head = String(head[..<open])
        }
        guard Self.isDistributionName(head), extras.allSatisfy(Self.isDistributionName) else { throw fail() }
        self.name = head; self.version = parts[1]; self.extras = extras
    }

    /// PEP 508 names: letters, digits, `.`, `_`, `-`, starting and ending with a letter or digit.
    static func isDistributionName(_ s: String) -> Bool {
        guard let f = s.first, let l = s.last, f.isASCII, (f.isLetter || f.isNumber), (l.isLetter || l.isNumber) else {
            return false
        }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}

/// A package a spec would like but deliberately leaves out, with the reason `show` reports.
public struct UnavailablePackage: Sendable, Hashable, Codable {
    /// The distribution name.
    public var name: String
    /// Why it is not in the environment.
    public var reason: String
}

/// A sandbox spec: one small TOML file in `sandboxes/` describing one environment.
public struct SandboxSpec: Sendable, Hashable {
    /// The sandbox's name; also the default registered name.
    public var name: String
    /// One line for `list` and `show`.
    public var description: String
    /// The interpreter ABI tag the wheels must fit, e.g. `cp311`.
    public var abi: String
    /// The newest manylinux tag accepted, e.g. `manylinux_2_28_x86_64`.
    public var platform: String
    /// Pinned top-level requirements; their dependencies are resolved into the lock.
    public var requirements: [PinnedRequirement]
    /// Modules the warm worker imports before forking.
    public var preload: [String]
    /// The default policy of sandboxes registered from this spec.
    public var policy: SandboxPolicy
    /// Packages deliberately left out, with reasons.
    public var unavailable: [UnavailablePackage]
    /// SHA-256 of the spec file's bytes.
    public var sha256: String

    static let topKeys: Set<String> = [
        "name", "description", "abi", "platform", "requirements", "preload", "policy", "unavailable",
    ]
    static let policyKeys: Set<String> = [
        "memory-mb", "cpu-percent", "timeout-seconds", "pool-size", "initialize-on-startup",
    ]

    /// Reads and checks a spec file.
    public init(contentsOf url: URL) throws(SandboxError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .spec("cannot read spec \(url.path): \(error.localizedDescription)", cause: error)
        }
        try self.init(data: data, source: url.lastPathComponent)
    }

    /// Parses spec text; `source` names the file in errors.
    public init(data: Data, source: String) throws(SandboxError) {
        guard let text = String(data: data, encoding: .utf8) else { throw .spec("\(source) is not UTF-8 text") }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw .spec(
                "\(source): \(error.description) at line \(error.source.begin.line), column \(error.source.begin.column)",
                cause: error)
        } catch { throw .spec("\(source): \(error)", cause: error) }

        for key in table.keys where !Self.topKeys.contains(key) {
            throw .spec(
                "\(source): unknown key '\(key)'",
                hint: "allowed keys: \(Self.topKeys.sorted().joined(separator: ", "))")
        }
        func string(_ key: String, required: Bool = true, default value: String = "") throws(SandboxError) -> String {
            guard let v = table[key] else {
                if required { throw .spec("\(source): missing key '\(key)'") }
                return value
            }
            guard let s = v.string else { throw .spec("\(source): '\(key)' must be a string") }
            return s
        }
        func strings(_ key: String) throws(SandboxError) -> [String] {
            guard let v = table[key] else { return [] }
            guard let array = v.array else { throw .spec("\(source): '\(key)' must be an array of strings") }
            var out: [String] = []
            for item in array {
                guard let s = item.string else { throw .spec("\(source): '\(key)' must be an array of strings") }
                out.append(s)
            }
            return out
        }

        name = try string("name")
        guard SandboxName.isValid(name) else { throw .spec("\(source): name '\(name)' " + SandboxName.rule) }
        description = try string("description", required: false)
        abi = try string("abi")
        guard abi == PythonTarget.embedded.abi else {
            throw .spec(
                "\(source): abi '\(abi)' does not match the embedded interpreter (\(PythonTarget.embedded.abi))",
                hint:
                    "the worker embeds CPython \(PythonTarget.embedded.version); set abi = \"\(PythonTarget.embedded.abi)\""
            )
        }
        platform = try string("platform", required: false, default: "manylinux_2_28_x86_64")
        guard let glibc = WheelTags.manylinuxVersion(platform),
            platform.hasSuffix("_" + PythonTarget.embedded.architecture), glibc.major == 2
        else {
            throw .spec(
                "\(source): platform '\(platform)' is not a manylinux tag for \(PythonTarget.embedded.architecture)",
                hint: "write it as manylinux_2_N_x86_64, the newest glibc the environment may require")
        }
        var reqs: [PinnedRequirement] = []
        for r in try strings("requirements") { reqs.append(try PinnedRequirement(parsing: r)) }
        guard !reqs.isEmpty else { throw .spec("\(source): 'requirements' is empty") }
        requirements = reqs
        preload = try strings("preload")
        for module in preload
        where !module.split(separator: ".").allSatisfy({
            $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !$0.isEmpty
        }) {
            throw .spec("\(source): preload entry '\(module)' is not a module name")
        }
        policy = try Self.parsePolicy(table["policy"], source: source)
        unavailable = try Self.parseUnavailable(table["unavailable"], source: source)
        sha256 = SHA256.hash(data: data).hex
    }

    static func parsePolicy(_ value: (any TOMLValueConvertible)?, source: String) throws(SandboxError) -> SandboxPolicy
    {
        var policy = SandboxPolicy.forThisMachine
        guard let value else { return policy }
        guard let t = value.table else { throw .spec("\(source): 'policy' must be a table") }
        for key in t.keys {
            guard policyKeys.contains(key) else {
                throw .spec(
                    "\(source): unknown key 'policy.\(key)'",
                    hint: "allowed keys: \(policyKeys.sorted().joined(separator: ", "))")
            }
            if key == "initialize-on-startup" {
                guard let b = t[key]?.bool else { throw .spec("\(source): 'policy.\(key)' must be true or false") }
                policy.initializeOnStartup = b
                continue
            }
            guard let n = t[key]?.int else { throw .spec("\(source): 'policy.\(key)' must be an integer") }
            switch key {
            case "memory-mb": policy.memoryMB = n
            case "cpu-percent": policy.cpuPercent = n
            case "timeout-seconds": policy.timeoutSeconds = n
            default: policy.poolSize = n
            }
        }
        do { try policy.validate() } catch { throw .spec("\(source): policy \(error.message)", hint: error.hint) }
        return policy
    }

    static func parseUnavailable(_ value: (any TOMLValueConvertible)?, source: String) throws(SandboxError)
        -> [UnavailablePackage]
    {
        guard let value else { return [] }
        guard let array = value.array else { throw .spec("\(source): 'unavailable' must be an array of tables") }
        var out: [UnavailablePackage] = []
        for item in array {
            guard let t = item.table, let name = t["name"]?.string, let reason = t["reason"]?.string,
                Set(t.keys).isSubset(of: ["name", "reason"])
            else {
                throw .spec("\(source): each [[unavailable]] entry needs exactly a 'name' and a 'reason' string")
            }
            out.append(UnavailablePackage(name: name, reason: reason))
        }
        return out
    }

    /// What the lock's resolution depends on: ABI, platform and requirements, not the description or policy.
    public var resolutionKey: String {
        let text = ([abi, platform] + requirements.map(\.description)).joined(separator: "\n")
        return SHA256.hash(data: Data(text.utf8)).hex
    }
}

/// The rule for sandbox names, which become registry keys and file names.
public enum SandboxName {
    /// Letters, digits, `.`, `_`, `-`; starts with a letter or digit; at most 64 characters.
    public static func isValid(_ name: String) -> Bool {
        guard let f = name.first, f.isASCII, f.isLetter || f.isNumber, name.count <= 64 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
    static let rule = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
}

extension Digest {
    /// Lower-case hexadecimal form of the digest.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
