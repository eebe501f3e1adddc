import Foundation

/// Runs the built `sandpiper-fuzz` executable.
struct FuzzBinary {
    struct Output {
        var text: String
        var status: Int32
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The executable next to the test bundle (`swift test` builds both into the same folder), else `.build/debug`.
    static var path: String {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sandpiper-fuzz").path,
            Bundle.main.bundleURL.appendingPathComponent("sandpiper-fuzz").path,
            packageRoot + "/.build/debug/sandpiper-fuzz",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// Runs it to its end with standard output and error together.
    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(text: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
    }

    /// A fresh folder for inputs and artifacts.
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "/sandpiper-fuzz-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/inputs", withIntermediateDirectories: true)
        return path
    }
}
