import ArgumentParser
import Foundation

/// `sandpiper query`'s options for what python() scripts leave behind: the folder their `outputs/`
/// files are copied into, and how much of a traceback an error shows.
struct PythonOutputOptions: ParsableArguments {
    @Option(
        name: .customLong("python-output"),
        help: ArgumentHelp(
            "Copy the files python() scripts write under outputs/ (and plt.show() figures) into this folder (default: ./sandpiper-output/<query-id>/).",
            valueName: "dir"))
    var folderOption: String?

    @Flag(
        help:
            "Show python() tracebacks whole: the frames inside pandas, numpy and the standard library, and chained exceptions."
    )
    var verbose = false

    /// `--python-output DIR`, or `sandpiper-output/<query-id>` in the current folder.
    var folder: String { folderOption ?? "sandpiper-output/" + Self.queryID }

    /// This command's id: its start time (UTC) and process id, so runs never share a folder.
    static let queryID: String = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: Date()) + "-\(ProcessInfo.processInfo.processIdentifier)"
    }()
}
