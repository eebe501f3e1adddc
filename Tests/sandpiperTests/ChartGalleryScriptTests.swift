import Foundation
import Testing

/// `scripts/chart-gallery --chromium`: every chart of the gallery drawn from the sample database as its HTML
/// page, screenshot by headless Chromium. Runs where Debian's `chromium` is installed (the script installs
/// it when asked to; CI leaves it out, it is large).
@Suite(.serialized) struct ChartGalleryScriptTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/local/bin/chromium"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The width and height a PNG's IHDR chunk declares.
    static func pngSize(_ data: Data) -> (Int, Int)? {
        let b = [UInt8](data.prefix(24))
        guard b.count == 24, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            b[12..<16] == [73, 72, 68, 82]
        else { return nil }
        let int = { (i: Int) in b[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test(
        .enabled(
            if: chromium != nil, "Debian's chromium is not installed (scripts/chart-gallery --chromium installs it)"))
    func everyChartIsScreenshotAtItsSize() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chart-gallery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            SandpiperBinary.packageRoot.appendingPathComponent("scripts/chart-gallery").path, "--chromium", dir.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["SANDPIPER"] = SandpiperBinary.path
        process.environment = environment
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let svgs = files.filter { $0.hasSuffix(".svg") }.sorted()
        #expect(svgs.count >= 20 && files.count == 2 * svgs.count, "\(files)")
        for svg in svgs {
            let name = String(svg.dropLast(4))
            let text = try String(contentsOf: dir.appendingPathComponent(svg), encoding: .utf8)
            let header = try #require(text.firstMatch(of: /width="(\d+)" height="(\d+)"/))
            let png = try Data(contentsOf: dir.appendingPathComponent(name + ".png"))
            let size = try #require(Self.pngSize(png), "\(name).png is not a PNG")
            // The window is the chart with the page's margins around it.
            #expect(size.0 == Int(header.1)! + 88 && size.1 == Int(header.2)! + 40, "\(name): \(size)")
            // A blank page compresses to almost nothing; a chart does not.
            #expect(png.count > 4000, "\(name).png has \(png.count) bytes")
        }
    }
}
