import Columnar
import Foundation

/// The result of running `sandpiper-probe --standard --self-check`.
public struct DoctorVerification: Codable, Sendable {
    /// Each check: what was expected and what the confined process saw.
    public struct Check: Codable, Sendable {
        public var name: String
        public var expected: String
        public var observed: String
        public var passed: Bool
    }

    public var probePath: String
    public var checks: [Check]
    public var error: String?
    public var passed: Bool { error == nil && checks.allSatisfy(\.passed) }

    /// `sandpiper-probe` next to this executable, or `$SANDPIPER_PROBE`.
    public static var probePath: String {
        if let explicit = ProcessInfo.processInfo.environment["SANDPIPER_PROBE"] { return explicit }
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("sandpiper-probe").path
    }

    /// Runs the probe (by default the one beside this executable) under the standard plan and checks what it saw.
    public static func run(probe path: String = probePath) -> DoctorVerification {
        var result = DoctorVerification(probePath: path, checks: [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--standard", "--self-check"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        // Foundation's error for a missing or unrunnable file names NSCocoaErrorDomain; say what to do instead.
        guard FileManager.default.isExecutableFile(atPath: path) else {
            let what = FileManager.default.fileExists(atPath: path) ? "is not executable" : "does not exist"
            result.error = "\(ErrorCode.sandboxProbe): \(path) \(what); \(ErrorCode.sandboxProbe.hint)"
            return result
        }
        do { try process.run() } catch {
            result.error = "\(ErrorCode.sandboxProbe): \(path) could not be started; \(ErrorCode.sandboxProbe.hint)"
            return result
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let seen = try? JSONDecoder().decode([String: String].self, from: output)
        else {
            let detail = errors.trimmingCharacters(in: .whitespacesAndNewlines)
            result.error =
                "\(ErrorCode.sandboxProbe): sandpiper-probe exited with status \(process.terminationStatus) without a report"
                + (detail.isEmpty ? "" : ": \(detail)")
            return result
        }
        let expectations: [(String, String, (String) -> Bool)] = [
            ("Uid", "65534 (nobody)", { $0 == "65534" }),
            ("CapEff", "no capabilities", { $0.allSatisfy { $0 == "0" } }),
            ("CapBnd", "empty bounding set", { $0.allSatisfy { $0 == "0" } }),
            ("NoNewPrivs", "1", { $0 == "1" }),
            ("Seccomp", "2 (filter)", { $0 == "2" }),
            ("pid", "1 (own pid namespace)", { $0 == "1" }),
            ("hostname", "sandpiper (own UTS namespace)", { $0 == "sandpiper" }),
            ("socket_inet", "refused", { $0 != "ok" }),
            ("socket_unix", "ok", { $0 == "ok" }),
            ("open_etc_shadow", "refused", { $0 != "ok" }),
            ("write_usr", "refused", { $0 != "ok" }),
            ("write_tmp", "ok", { $0 == "ok" }),
            ("list_sys", "refused", { $0 != "ok" }),
        ]
        result.checks = expectations.map { name, expected, accept in
            let observed = seen[name] ?? "?"
            return Check(name: name, expected: expected, observed: observed, passed: accept(observed))
        }
        return result
    }
}

/// Renders the doctor's findings.
public enum DoctorReport {
    /// The layers and the self-check as aligned text (`sandpiper sandbox doctor`).
    public static func table(_ probe: KernelProbe, _ verification: DoctorVerification?) -> String {
        var rows = probe.layers.map { [$0.name, $0.active ? "active" : "missing", $0.detail] }
        var text = "Sandbox layers on Linux \(probe.kernelRelease)" + (probe.isRoot ? " (root)" : "") + "\n\n"
        text += render(header: ["LAYER", "STATUS", "DETAIL"], rows: rows)
        if let verification {
            text += "\nConfined self-check (\(verification.probePath)):\n\n"
            if let error = verification.error {
                text += "  failed: \(error)\n"
            } else {
                rows = verification.checks.map {
                    [$0.name, $0.passed ? "ok" : "FAILED", "expected \($0.expected), saw \($0.observed)"]
                }
                text += render(header: ["CHECK", "RESULT", "DETAIL"], rows: rows)
            }
        }
        text +=
            probe.allActive
            ? "\nAll layers python() needs are available.\n"
            : "\nSome layers are missing: python() refuses to run unconfined unless explicitly asked.\n"
        return text
    }

    /// The layers and the self-check as one JSON document (`--format json`).
    public static func json(_ probe: KernelProbe, _ verification: DoctorVerification?) -> String {
        struct Document: Encodable {
            var kernel: String
            var root: Bool
            var allActive: Bool
            var layers: [KernelProbe.Layer]
            var probe: KernelProbe
            var verification: DoctorVerification?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(
            kernel: probe.kernelRelease, root: probe.isRoot, allActive: probe.allActive,
            layers: probe.layers, probe: probe, verification: verification)
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self)
    }

    /// `sandboxTable`'s columns, indented under the report's heading.
    private static func render(header: [String], rows: [[String]]) -> String {
        sandboxTable(header, rows).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
}
