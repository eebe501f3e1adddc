import Columnar
import Foundation
import KQLEngine
import Testing
@testable import PythonPlugin

/// Many calls leave nothing behind: no process, no fd, no memfd, no working folder.
extension PythonSuites {
    @Suite
    struct PythonLifecycleTests {
        /// Open fds of this process, and how many of them are memfds; column buffers' memfds (tables of
        /// other tests, BufferMemory's cache) belong to no query and are not counted.
        static func fds() -> (all: Int, memfds: Int) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            let targets = names.map {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) ?? ""
            }
            .filter { !$0.hasPrefix("/memfd:sandpiper-column") }
            return (targets.count, targets.filter { $0.hasPrefix("/memfd:") }.count)
        }

        /// Processes whose parent is `pid`.
        static func children(of pid: Int32) -> [Int32] {
            let all = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return all.compactMap(Int32.init).filter { p in
                guard let stat = try? String(contentsOfFile: "/proc/\(p)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")")
                else { return false }
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                return fields.count > 2 && Int32(fields[1]) == pid
            }
        }

        static func runFolders() -> Set<String> {
            Set(
                ((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []).filter {
                    $0.hasPrefix("sandpiper-run-")
                })
        }

        @Test func aHundredCallsLeaveNoProcessFdMemfdOrFolderBehind() throws {
            let plugin = PythonTestEnvironment.plugin()
            let t = Table([("x", Column(int64s: [1, 2, 3])), ("s", Column(strings: ["a", "b", nil]))])
            // warm: zygote and pooled regions exist
            _ = try plugin.run(input: t, arguments: Call.seed(script: "result = df"))
            PythonTestEnvironment.supervisor.settle()  // and the spare child for the next call, with its socket
            let before = Self.fds(), folders = Self.runFolders()
            let zygotes = PythonTestEnvironment.supervisor.workerPids
            for i in 0..<100 {
                switch i % 4 {
                case 0: _ = try plugin.run(input: t, arguments: Call.seed(script: "result = df"))
                case 1:
                    _ = errorOf {
                        _ = try plugin.run(input: t, arguments: Call.seed(script: "raise ValueError('boom')"))
                    }
                case 2: _ = errorOf { _ = try plugin.run(input: t, arguments: Call.seed(script: "x = 1")) }
                default:
                    _ = try plugin.run(
                        input: t, arguments: Call.seed(script: "open('scratch.txt', 'w').write('x')\nresult = df"))
                }
            }
            usleep(200_000)  // children exit right after answering
            PythonTestEnvironment.supervisor.settle()  // teardowns finish in the background
            let after = Self.fds()
            // Other suites run in this process at the same time and open pipes, sockets and memfds of their
            // own, so allow a few, and the region pool may have grown to its bound (a call's regions go
            // back only once its teardown is done); a leak per call would show up as 25 to 100 more.
            let pool = PythonTestEnvironment.supervisor.pool.maxIdle
            #expect(after.all <= before.all + 6 + pool, "fds \(before.all) -> \(after.all)")
            #expect(after.memfds <= before.memfds + 3 + pool, "memfds \(before.memfds) -> \(after.memfds)")
            #expect(PythonTestEnvironment.supervisor.workerPids == zygotes)
            // Only the spare child made for the next call remains.
            let spares = PythonTestEnvironment.supervisor.sparePids
            for z in zygotes {
                #expect(Self.children(of: z).filter { !spares.contains($0) }.isEmpty, "zygote \(z) still has children")
            }
            #expect(Self.runFolders().subtracting(folders).isEmpty)
        }
    }
}
