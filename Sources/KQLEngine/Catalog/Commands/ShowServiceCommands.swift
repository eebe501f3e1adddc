import Columnar
import Foundation
import KQLSyntax

/// The commands a client sends on connect to learn about the service, answered with ADX's column sets:
/// `.show version`, `.show cluster` (this process is the one node), `.show functions` and
/// `.show materialized-views` (a database here has neither, so both are empty tables of their columns).
enum ShowServiceCommands {
    /// Sandpiper's version as `.show version` and `.show cluster` report it.
    static let productVersion = "Sandpiper 0.1.0"

    /// `BuildVersion, BuildTime, ServiceType, ProductVersion`.
    static func version() -> Table {
        Table([
            ("BuildVersion", Column(strings: ["0.1.0"])),
            ("BuildTime", Column(type: .datetime, values: [.null])),
            ("ServiceType", Column(strings: ["Engine"])),
            ("ProductVersion", Column(strings: [productVersion])),
        ])
    }

    /// `NodeId, Address, Name, StartTime, IsAdmin, MachineTotalMemory, MachineAvailableMemory,
    /// ProcessorCount, ProductVersion`.
    static func cluster() -> Table {
        let host = ProcessInfo.processInfo.hostName
        return Table([
            ("NodeId", Column(strings: [host])),
            ("Address", Column(strings: ["127.0.0.1"])),
            ("Name", Column(strings: [host])),
            ("StartTime", Column(type: .datetime, values: [.datetime(startTime)])),
            ("IsAdmin", Column(type: .bool, values: [.bool(true)])),
            (
                "MachineTotalMemory",
                Column(type: .long, int64s: [Int64(clamping: ProcessInfo.processInfo.physicalMemory)])
            ),
            ("MachineAvailableMemory", Column(type: .long, values: [.null])),
            (
                "ProcessorCount",
                Column(type: .int, values: [.int(Int32(clamping: ProcessInfo.processInfo.activeProcessorCount))])
            ),
            ("ProductVersion", Column(strings: [productVersion])),
        ])
    }

    /// When this process started using the engine (nanoseconds since the epoch).
    private static let startTime = Int64(Date().timeIntervalSince1970 * 1e9)

    /// The columns of ADX's `.show materialized-views`, with no rows.
    static func materializedViews() -> Table {
        Table.empty(
            Schema([
                Field("Name", .string), Field("SourceTable", .string), Field("Query", .string),
                Field("MaterializedTo", .datetime),
                Field("LastRun", .datetime), Field("LastRunResult", .string), Field("IsHealthy", .bool),
                Field("IsEnabled", .bool),
                Field("Folder", .string), Field("DocString", .string), Field("AutoUpdateSchema", .bool),
                Field("EffectiveDateTime", .datetime), Field("Lookback", .timespan),
            ]))
    }
}
