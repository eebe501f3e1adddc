import ArgumentParser
import Columnar
import Documentation
import Foundation
import KQLEngine
import KQLSyntax

/// `--db`, `--skip-bad-rows` and `--now`: the database a command's queries read and the time they see.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: .doc(.database)) var path: String?
    @Flag(help: .doc(.skipBadRows)) var skipBadRows = false
    @Option(help: .doc(.now)) var now: String?

    func validate() throws {
        if let now, DateTimeFormat.parse(now) == nil {
            throw ValidationError(
                "--now '\(now)' is not a datetime from 1677-09-21T00:12:44Z to 2262-04-11T23:47:16Z; write e.g. 2024-01-01T00:00:00Z"
            )
        }
    }

    /// `--now` in nanoseconds since the epoch; nil: the real clock.
    var fixedNow: Int64? { now.flatMap(DateTimeFormat.parse) }

    /// `now()` for an engine: the `--now` time, or nil for the real clock.
    var clock: (@Sendable () -> Int64)? { fixedNow.map { t in { @Sendable in t } } }

    /// The `--db` folder (or file), else the embedded sample database with its times around `--now`.
    func open() throws(KQLError) -> any Database {
        if let path { return try FolderDatabase(path: path, skipBadRows: skipBadRows) }
        return SampleDatabase.make(now: fixedNow ?? Int64(Date().timeIntervalSince1970 * 1e9))
    }
}
