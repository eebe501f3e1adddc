import Foundation
import SystemCalls

/// The child side of the replay driver: runs the sequence of inputs, recording each in the state file.
extension ReplayDriver {
    /// Runs the inputs, then mutations, recording each input in the state file at `statePath` before it
    /// runs; the first `options.skip` inputs of the sequence are generated but not run. Prints the
    /// target's statistics at the end.
    public static func runChild(_ target: any FuzzTarget, options: Options, statePath: String) -> Int32 {
        let map: UnsafeMutableRawPointer
        do {
            let fd = try Descriptors.open(statePath, writable: true)
            defer { Descriptors.close(fd) }
            map = try SharedMemory.map(fd, stateHeader + maxStateInput, writable: true)
        } catch {
            FileHandle.standardError.write(Data("cannot map the state file \(statePath): \(error)\n".utf8))
            return 2
        }
        var index = 0
        func run(_ input: [UInt8]) {
            defer {
                index += 1
                map.storeBytes(of: UInt64(index), toByteOffset: 0, as: UInt64.self)
            }
            guard index >= options.skip else { return }
            let length = min(input.count, maxStateInput)
            input.withUnsafeBytes {
                if let p = $0.baseAddress { (map + stateHeader).copyMemory(from: p, byteCount: length) }
            }
            map.storeBytes(of: Int64(length), toByteOffset: 8, as: Int64.self)
            target.run(input)
            map.storeBytes(of: Int64(-1), toByteOffset: 8, as: Int64.self)
        }
        map.storeBytes(of: UInt64(0), toByteOffset: 0, as: UInt64.self)
        let corpus = loadInputs(options.inputs)
        for input in corpus { run(input) }
        let deadline = options.seconds.map { Date().addingTimeInterval($0) }
        var pool = corpus.isEmpty ? [[]] : corpus
        var mutator = Mutator(
            random: FuzzRandom(seed: options.seed), dictionary: target.dictionary.map { Array($0.utf8) },
            maxLength: options.maxLength)
        var done = 0
        // Mutate until `runs` are done or the deadline passes, whichever comes first.
        while options.runs > 0 || deadline != nil {
            if options.runs > 0 && done >= options.runs { break }
            if let deadline, Date() >= deadline { break }
            let input = mutator.mutate(pool[mutator.below(pool.count)], others: pool)
            run(input)
            // Keep some mutants as bases, so mutations compound a little (there is no coverage to choose by).
            if mutator.below(8) == 0 {
                if pool.count < 512 { pool.append(input) } else { pool[mutator.below(pool.count)] = input }
            }
            done += 1
        }
        if let statistics = target.statistics { print("\(target.name): \(statistics)") }
        return 0
    }

    /// Every file under `paths`, in name order.
    public static func loadInputs(_ paths: [String]) -> [[UInt8]] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue { files.append(path); continue }
            for relative in ((fm.enumerator(atPath: path)?.compactMap { $0 as? String }) ?? []).sorted() {
                var sub: ObjCBool = false
                let full = path + "/" + relative
                let name = (relative as NSString).lastPathComponent
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue, !name.hasPrefix("."),
                    name != "README.md"
                {
                    files.append(full)
                }
            }
        }
        return files.compactMap { fm.contents(atPath: $0).map { [UInt8]($0) } }
    }
}
