import Foundation

/// A target that fails on purpose, so the drivers' handling of failures can be tested: an input
/// starting with `crash` traps, `hang` never returns, `grow` keeps 256 MiB resident. Anything else
/// returns. Not listed among `FuzzTargets.all`; reachable by name.
struct DriverCheckTarget: FuzzTarget {
    let name = "driver-check"
    let summary = "fails on purpose (crash, hang, grow): tests the drivers"

    func run(_ input: [UInt8]) {
        let text = String(decoding: input.prefix(5), as: UTF8.self)
        if text.hasPrefix("crash") { fatalError("driver-check: crash on purpose") }
        if text.hasPrefix("hang") { while true { Thread.sleep(forTimeInterval: 1) } }
        if text.hasPrefix("grow") {
            let size = 256 << 20
            let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 4096)
            memory.initializeMemory(as: UInt8.self, repeating: 1, count: size)
            while true { Thread.sleep(forTimeInterval: 1) }
        }
    }

    func seeds(packageRoot: String) -> [(name: String, bytes: [UInt8])] { [] }
}
