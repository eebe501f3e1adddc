#if canImport(Glibc)
    import Glibc
    import SystemCalls

    /// Builds a `FilesystemView` in the (already private) mount namespace and `pivot_root`s into it.
    ///
    /// The new root is a small tmpfs mounted over `/tmp` of this namespace (the host's `/tmp` is not
    /// touched). Bind sources are opened with `O_PATH` first and bound through `/proc/self/fd/N`, so a
    /// source that lives under `/tmp` (a test's environment) is still reachable after the tmpfs hides it.
    struct FilesystemBuilder {
        let view: FilesystemView
        let stage = "/tmp"

        private enum MountFlag {
            static let readOnly = 1, noSUID = 2, noDev = 4, noExec = 8, remount = 32, bind = 4096
            static let recursive = 16384, privatePropagation = 1 << 18
        }

        func build() throws(ConfinementError) {
            try mount(nil, "/", nil, MountFlag.recursive | MountFlag.privatePropagation, "making / private")
            var sources: [(FilesystemView.Bind, Source)] = []
            for bind in view.binds {
                guard let source = try open(bind.source, optional: bind.optional) else { continue }
                sources.append((bind, source))
            }
            var devices: [(String, Source)] = []
            for name in view.devices {
                if let source = try open("/dev/" + name, optional: true) { devices.append((name, source)) }
            }
            defer {
                for source in sources.map(\.1) + devices.map(\.1) {
                    switch source {
                    case .descriptor(let fd), .directory(let fd): close(fd)
                    case .link: break
                    }
                }
            }

            try mount(
                "sandpiper", stage, "tmpfs", MountFlag.noSUID | MountFlag.noDev, "the view's root tmpfs",
                data: "size=4m,mode=0755")
            // Scratch first: a bind below a scratch path (an environment under /tmp) then lands on top of
            // the scratch tmpfs instead of being hidden by it.
            for scratch in view.scratch {
                try makeDirectory(scratch.path)
                try mount(
                    "scratch", stage + scratch.path, "tmpfs", MountFlag.noSUID | MountFlag.noDev | MountFlag.noExec,
                    "scratch \(scratch.path)", data: "size=\(scratch.sizeBytes),mode=1777")
            }
            for (bind, source) in sources {
                try place(
                    source, at: bind.target,
                    flags: MountFlag.readOnly | MountFlag.noSUID | MountFlag.noDev)
            }
            for (path, text) in view.generatedFiles.sorted(by: { $0.key < $1.key }) {
                try makeParent(of: path)
                do { try Kernel.createFile(stage + path, text) } catch {
                    throw .setup(.filesystem, "writing \(path)", errno: error.errno)
                }
            }
            try makeDirectory("/dev")
            for (name, source) in devices {
                try place(source, at: "/dev/" + name, flags: MountFlag.noSUID | MountFlag.noExec)
            }
            for (link, target) in [
                ("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"),
                ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2"),
            ] {
                _ = symlink(target, stage + "/dev/" + link)
            }
            if view.mountProc { try mountProc() }
            try makeDirectory(view.workingDirectory)
            try mount(
                nil, stage, nil,
                MountFlag.remount | MountFlag.bind | MountFlag.readOnly | MountFlag.noSUID | MountFlag.noDev,
                "making the view's root read-only")
            try pivot()
            if chdir(view.workingDirectory) != 0 {
                throw .setup(.filesystem, "chdir(\(view.workingDirectory))", errno: errno)
            }
        }

        /// A bind source: an open `O_PATH` descriptor, or a symbolic link to recreate.
        private enum Source { case descriptor(Int32), link(String), directory(Int32) }

        private func open(_ path: String, optional: Bool) throws(ConfinementError) -> Source? {
            guard let type = Kernel.fileType(path) else {
                if optional { return nil }
                throw .setup(.filesystem, "the bind source \(path) does not exist", errno: ENOENT)
            }
            if type == S_IFLNK {
                var buffer = [CChar](repeating: 0, count: 4096)
                let n = readlink(path, &buffer, buffer.count - 1)
                guard n > 0 else { throw .setup(.filesystem, "readlink(\(path))", errno: errno) }
                return .link(String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            let fd = Glibc.open(path, Kernel.openPath | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { throw .setup(.filesystem, "open(\(path), O_PATH)", errno: errno) }
            return type == S_IFDIR ? .directory(fd) : .descriptor(fd)
        }

        /// Creates the mount point (or link) at `target` and binds `source` there with `flags`.
        private func place(_ source: Source, at target: String, flags: Int) throws(ConfinementError) {
            try makeParent(of: target)
            let fd: Int32
            switch source {
            case .link(let text):
                if symlink(text, stage + target) != 0 { throw .setup(.filesystem, "symlink \(target)", errno: errno) }
                return
            case .directory(let d):
                if mkdir(stage + target, 0o755) != 0, errno != EEXIST {
                    throw .setup(.filesystem, "mkdir \(target)", errno: errno)
                }
                fd = d
            case .descriptor(let d):
                do { try Kernel.createFile(stage + target, "") } catch {
                    throw .setup(.filesystem, "creating \(target)", errno: error.errno)
                }
                fd = d
            }
            try mount(
                "/proc/self/fd/\(fd)", stage + target, nil, MountFlag.bind | MountFlag.recursive, "binding \(target)")
            try mount(nil, stage + target, nil, MountFlag.remount | MountFlag.bind | flags, "remounting \(target)")
        }

        private func mountProc() throws(ConfinementError) {
            try makeDirectory("/proc")
            try mount(
                "proc", stage + "/proc", "proc", MountFlag.noSUID | MountFlag.noDev | MountFlag.noExec, "a fresh /proc")
            if view.memfdNoExec {
                do { try Kernel.writeFile(stage + "/proc/sys/vm/memfd_noexec", "2\n") } catch {
                    if error.errno != ENOENT { throw .setup(.filesystem, "vm.memfd_noexec=2", errno: error.errno) }
                }
            }
            let sys = stage + "/proc/sys"
            try mount(sys, sys, nil, MountFlag.bind, "binding /proc/sys")
            try mount(
                nil, sys, nil,
                MountFlag.remount | MountFlag.bind | MountFlag.readOnly | MountFlag.noSUID
                    | MountFlag.noDev | MountFlag.noExec, "making /proc/sys read-only")
        }

        /// `pivot_root(".", ".")` stacks the old root on the new one; detaching it leaves only the view.
        private func pivot() throws(ConfinementError) {
            let oldRoot = Glibc.open("/", O_DIRECTORY | O_RDONLY | O_CLOEXEC)
            guard oldRoot >= 0 else { throw .setup(.filesystem, "open(/)", errno: errno) }
            defer { close(oldRoot) }
            if chdir(stage) != 0 { throw .setup(.filesystem, "chdir(\(stage))", errno: errno) }
            let dot = Kernel.withPath(".") { p in
                Result { () throws(SystemCallError) in try Kernel.call(Kernel.Number.pivotRoot, p, p) }
            }
            if case .failure(let e) = dot { throw .setup(.filesystem, "pivot_root", errno: e.errno) }
            let detached = Kernel.withPath(".") { p in
                Result { () throws(SystemCallError) in try Kernel.call(Kernel.Number.umount2, p, 2 /* MNT_DETACH */) }
            }
            if case .failure(let e) = detached { throw .setup(.filesystem, "detaching the old root", errno: e.errno) }
            if chdir("/") != 0 { throw .setup(.filesystem, "chdir(/)", errno: errno) }
        }

        private func makeParent(of path: String) throws(ConfinementError) {
            let parent = path.split(separator: "/").dropLast().joined(separator: "/")
            if !parent.isEmpty { try makeDirectory("/" + parent) }
        }

        private func makeDirectory(_ path: String) throws(ConfinementError) {
            do { try Kernel.makeDirectories(stage + path) } catch {
                throw .setup(.filesystem, "mkdir \(path)", errno: error.errno)
            }
        }

        private func mount(
            _ source: String?, _ target: String, _ type: String?, _ flags: Int, _ what: String,
            data: String? = nil
        ) throws(ConfinementError) {
            let result = withOptionalCString(source) { s in
                Kernel.withPath(target) { t in
                    withOptionalCString(type) { ty in
                        withOptionalCString(data) { d in
                            Result { () throws(SystemCallError) in
                                try Kernel.call(Kernel.Number.mount, s, t, ty, flags, d)
                            }
                        }
                    }
                }
            }
            if case .failure(let e) = result { throw .setup(.filesystem, what, errno: e.errno) }
        }

        private func withOptionalCString<T>(_ text: String?, _ body: (Int) -> T) -> T {
            guard let text else { return body(0) }
            return text.withCString { body(Int(bitPattern: $0)) }
        }
    }
#endif
