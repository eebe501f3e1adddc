import CLibEdit
import Foundation
import Synchronization

/// Where the shell's lines come from: a terminal with line editing, or a stream (a pipe, a file).
public protocol LineSource: AnyObject {
    /// Whether a person types the lines (prompts are shown, errors do not end the session).
    var isInteractive: Bool { get }
    /// The next line without its line break; nil at the end of input (Ctrl-D).
    func readLine(prompt: String, context: String) -> String?
    /// Records a finished statement in the history.
    func remember(_ entry: String)
}

/// Lines of standard input read as they come, without prompts: `sandpiper shell < queries.kql`.
public final class StreamLineSource: LineSource {
    public init() {}
    public var isInteractive: Bool { false }
    public func readLine(prompt: String, context: String) -> String? { Swift.readLine(strippingNewline: true) }
    public func remember(_ entry: String) {}
}

/// A terminal's lines through libedit: editing keys, a history kept in a file across sessions, and Tab
/// completion from a `ShellCompletion` the shell replaces when the database changes.
public final class TerminalLineSource: LineSource {
    private let historyFile: String?
    /// The completion Tab uses; libedit calls a C function, which reads it from here.
    static let completion = Mutex<ShellCompletion?>(nil)
    /// Entries the history file keeps.
    static let historyLimit = 2000

    /// Line editing on the terminal, with history loaded from and saved to `historyFile` (nil: none).
    public init(historyFile: String?) {
        self.historyFile = historyFile
        sp_edit_setup("sandpiper", TerminalLineSource.candidates)
        if let historyFile { _ = sp_edit_read_history(historyFile, Int32(Self.historyLimit)) }
    }

    /// Sets what Tab completes from.
    public func complete(from completion: ShellCompletion) { Self.completion.withLock { $0 = completion } }

    public var isInteractive: Bool { true }

    public func readLine(prompt: String, context: String) -> String? {
        sp_edit_set_context(context)
        guard let line = sp_edit_readline(prompt) else { return nil }
        defer { free(line) }
        return String(cString: line)
    }

    public func remember(_ entry: String) {
        sp_edit_add_history(entry)
        if let historyFile { _ = sp_edit_write_history(historyFile) }
    }

    /// The C completer: the candidates as one malloc'd string, a newline after each.
    private static let candidates: sp_edit_candidates = { word, before in
        let w = word.map { String(cString: $0) } ?? "", b = before.map { String(cString: $0) } ?? ""
        let found = completion.withLock { $0?.candidates(for: w, before: b) } ?? []
        guard !found.isEmpty else { return nil }
        return strdup(found.map { $0 + "\n" }.joined())
    }
}

extension TerminalLineSource {
    /// `$SANDPIPER_HISTORY`, else `~/.sandpiper_history`; nil when neither can be named.
    public static var defaultHistoryFile: String? {
        let environment = ProcessInfo.processInfo.environment
        if let file = environment["SANDPIPER_HISTORY"] { return file.isEmpty ? nil : file }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".sandpiper_history")
    }
}
