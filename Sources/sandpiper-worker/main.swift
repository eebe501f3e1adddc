// sandpiper-worker: the sandbox process. Started by the supervisor with its control socket on fd 3:
//   sandpiper-worker serve --site-packages <dir> [--site-packages <dir> ...]
// and, for measurements only:
//   sandpiper-worker bench --site-packages <dir> [--rows N]
import Glibc
import PythonHost

let arguments = WorkerArguments(CommandLine.arguments.dropFirst())
switch arguments.command {
case "serve":
    Zygote(sitePackages: arguments.sitePackages, control: 3).run()
case "bench":
    MarshallingBench(sitePackages: arguments.sitePackages, rows: arguments.rows, workerPath: CommandLine.arguments[0])
        .run()
default:
    print("usage: sandpiper-worker serve|bench --site-packages <dir> [--rows N]")
    exit(2)
}

/// The worker's command line (the supervisor writes it; no user ever types it).
struct WorkerArguments {
    var command = ""
    var sitePackages: [String] = []
    var rows = 10_000_000

    init(_ args: ArraySlice<String>) {
        var it = args.makeIterator()
        command = it.next() ?? ""
        while let a = it.next() {
            switch a {
            case "--site-packages": if let v = it.next() { sitePackages.append(v) }
            case "--rows": if let v = it.next(), let n = Int(v) { rows = n }
            default: break
            }
        }
    }
}
