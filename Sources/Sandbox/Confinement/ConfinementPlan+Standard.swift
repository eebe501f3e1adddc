extension ConfinementPlan {
    /// Where the environment directory appears inside the view.
    public static let environmentMountPoint = "/sandbox/env"

    /// The ELF interpreters the kernel opens (with an execute check) when a program is started.
    public static let dynamicLoaders = ["/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1"]

    /// The plan `python()` uses: every layer on.
    ///
    /// - Parameters:
    ///   - environment: the unpacked environment directory on the host (bound read-only at
    ///     `environmentTarget`), or nil for the system Python only.
    ///   - environmentTarget: where the environment appears in the view: `/sandbox/env` by default; the
    ///     worker passes the host path itself, because its interpreter (forked from a zygote that
    ///     imported numpy and pandas) holds module paths under it.
    ///   - executables: paths inside the view that may be `execve`d (empty for the embedded-CPython
    ///     worker, which never starts a program; `sandpiper-probe` passes the interpreter it execs).
    ///   - keepFileDescriptors: the worker's socket to the zygote and the query's memfd, plus 0-2.
    ///   - cgroupProcsFiles: from `CgroupController.procsFiles`.
    ///   - scratchBytes: the size of `/tmp`.
    public static func standard(
        environment: String? = nil, environmentTarget: String = environmentMountPoint,
        executables: [String] = [],
        keepFileDescriptors: [Int32] = [0, 1, 2], cgroupProcsFiles: [String] = [],
        scratchBytes: UInt64 = 64 << 20, cpuSeconds: UInt64? = nil,
        identity: Identity = Identity()
    ) -> ConfinementPlan {
        var binds = FilesystemView.systemBinds
        var readOnly = ["/usr", "/etc", "/bin", "/lib", "/lib64", "/sbin"]
        if let environment {
            binds.append(FilesystemView.Bind(environment, at: environmentTarget))
            readOnly.append(environmentTarget)
        }
        let scratch = [
            FilesystemView.Scratch(path: "/tmp", sizeBytes: scratchBytes),
            FilesystemView.Scratch(path: "/dev/shm", sizeBytes: min(scratchBytes, 64 << 20)),
        ]
        let view = FilesystemView(
            binds: binds, generatedFiles: FilesystemView.accountFiles(for: identity),
            scratch: scratch)
        return ConfinementPlan(
            keepFileDescriptors: keepFileDescriptors, cgroupProcsFiles: cgroupProcsFiles,
            limits: ResourceLimits(fileSizeBytes: scratchBytes, cpuSeconds: cpuSeconds),
            namespaces: Namespaces(), filesystem: view, identity: identity, noNewPrivileges: true,
            landlock: .standard(
                readOnly: readOnly, scratch: scratch.map(\.path),
                executables: executables.isEmpty ? [] : executables + dynamicLoaders),
            seccomp: .standard(allowExec: !executables.isEmpty))
    }
}
