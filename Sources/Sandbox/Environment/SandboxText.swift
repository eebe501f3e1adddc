import Foundation

/// The text the `sandpiper sandbox` commands print for people (their `--format json` forms are
/// `SandboxJSON`): the list and show tables, what verify found, a policy line, a build's summary.
public enum SandboxText {
    /// `sandbox list`: one row per sandbox, the default marked with `*`.
    public static func list(_ rows: [SandboxSummary]) -> String {
        guard !rows.isEmpty else {
            return
                "no sandboxes registered; build the default with `sandpiper sandbox build sandboxes/python3.11.7.toml`\n"
        }
        return sandboxTable(
            ["NAME", "STATE", "PACKAGES", "SIZE", "ARCHIVE", "DESCRIPTION"],
            rows.map {
                [
                    $0.name + ($0.isDefault ? " *" : ""), $0.state.rawValue, String($0.packageCount),
                    ProgressReporter.size($0.sizeBytes), String($0.archiveSHA256.prefix(12)), $0.description,
                ]
            })
    }

    /// `sandbox show NAME`: the sandbox's fields, then its packages, then what it could not install.
    public static func details(_ d: SandboxDetails) -> String {
        var text = """
            name         \(d.name)\(d.isDefault ? " (default)" : "")
            description  \(d.description)
            state        \(d.state.rawValue)
            abi          \(d.abi) (\(d.platform))
            source       \(d.source)
            archive      \(d.archiveFile) (\(ProgressReporter.size(d.archiveSizeBytes)))
            environment  \(d.environmentPath) (\(ProgressReporter.size(d.sizeBytes)))
            preload      \(d.preload.joined(separator: ", "))
            policy       \(policyFields(d.policy))


            """
        text += sandboxTable(
            ["PACKAGE", "VERSION", "SIZE"],
            d.packages.map { [$0.name, $0.version, ProgressReporter.size($0.sizeBytes)] })
        for u in d.unavailable { text += "unavailable  \(u.name): \(u.reason)\n" }
        return text
    }

    /// `sandbox verify NAME`: the file check, one row per imported module, and the verdict.
    public static func verify(_ report: VerifyReport) -> String {
        var text =
            report.fileProblems.isEmpty
            ? "files   \(report.filesChecked) files match the manifest\n"
            : "files   \(report.fileProblems.count) problems:\n  "
                + report.fileProblems.prefix(20).joined(separator: "\n  ") + "\n"
        text += sandboxTable(
            ["MODULE", "PACKAGE", "RESULT", "SECONDS"],
            report.imports.map {
                [$0.module, $0.package, $0.ok ? "ok" : "FAILED: \($0.error ?? "")", String(format: "%.3f", $0.seconds)]
            })
        return text + (report.passed ? "verify: passed\n" : "verify: FAILED\n")
    }

    /// `sandbox policy NAME`: `NAME: memory 20480 MB, cpu 50 %, ...`.
    public static func policy(_ name: String, _ policy: SandboxPolicy) -> String {
        "\(name): \(policyFields(policy))\n"
    }

    /// `sandbox build`: what was built and how long it took, and the archive's identity.
    public static func built(_ report: BuildReport, seconds: Double) -> String {
        "built \(report.name): \(report.manifest.packages.count) packages, \(ProgressReporter.size(report.manifest.sizeBytes)) "
            + "in \(String(format: "%.1f", seconds)) s\narchive sha256 \(report.archiveSHA256)\n"
    }

    /// `sandbox default` without a name: the sandbox python() uses when a query names none, and whether it
    /// was chosen or is the built-in one.
    public static func currentDefault(_ registry: SandboxRegistry) throws(SandboxError) -> String {
        let name = try registry.defaultName()
        let chosen = try registry.chosenDefaultName() != nil
        let registered = try registry.entries().contains { $0.name == name }
        return "default sandbox: \(name)"
            + (chosen ? "" : " (built-in; choose another with `sandpiper sandbox default NAME`)")
            + (registered
                ? ""
                : "\nwarning: \(name) is not registered; python() calls that name no sandbox fail until it is built")
            + "\n"
    }

    /// The warning `sandbox remove` prints when the removed sandbox was the default one.
    public static func removedDefault(_ name: String) -> String {
        "warning: \(name) was the default sandbox; python() calls that name no sandbox now look for "
            + "\(SandboxRegistry.builtinDefault): choose another with `sandpiper sandbox default NAME`\n"
    }

    private static func policyFields(_ p: SandboxPolicy) -> String {
        "memory \(p.memoryMB) MB, cpu \(p.cpuPercent) %, timeout \(p.timeoutSeconds) s, pool \(p.poolSize), "
            + "initialize on startup \(p.initializeOnStartup)"
    }
}
