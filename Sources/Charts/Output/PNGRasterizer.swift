import Foundation

/// Turns an SVG into PNG with `rsvg-convert` (Debian's librsvg2-bin), a rasteriser that reads the SVG
/// Sandpiper writes as browsers do; Sandpiper does not rasterise itself.
enum PNGRasterizer {
    /// Where `rsvg-convert` is: the first match on `PATH`.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/rsvg-convert"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The PNG of `svg`. The SVG goes through a private temporary folder that is removed on every path.
    static func png(svg: String) throws(ChartError) -> Data {
        guard let tool = executable else {
            throw ChartError(
                .chartOutput, "cannot write PNG: rsvg-convert is not installed",
                hint: "install Debian's librsvg2-bin (scripts/install-deps), or write .svg or .html")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandpiper-chart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("chart.svg"), output = folder.appendingPathComponent("chart.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--format", "png", "--output", output.path, input.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o700])
            try Data(svg.utf8).write(to: input)
            try process.run()
        } catch {
            throw ChartError(.chartOutput, "cannot run rsvg-convert: \(error.localizedDescription)")
        }
        // rsvg-convert writes little to stderr; reading it to the end also waits for the process to close it.
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path),
            !data.isEmpty
        else {
            throw ChartError(
                .chartOutput,
                "rsvg-convert could not rasterise the chart (exit status \(process.terminationStatus))"
                    + (message.isEmpty ? "" : ": " + message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return data
    }
}
