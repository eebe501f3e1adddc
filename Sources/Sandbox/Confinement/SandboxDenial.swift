import Columnar

/// Turns a refusal the script met (an `OSError` with EPERM/EACCES/EROFS/ENOSYS) into
/// `E_SANDBOX_DENIED`, saying what the sandbox refused.
///
/// How the worker uses it: before the user's script runs, the child executes `auditHookSource`,
/// which records the last security-relevant audit event (`socket.__new__`, `socket.connect`,
/// `open`, `subprocess.Popen`, `ctypes.dlopen`, ...) with its first argument. When the script
/// ends with an exception, the worker reads `errno` from the exception (nil if it has none) and
/// `sys._sandpiper_last_event` and calls `SandboxDenial.error(errno:event:argument:)`; a non-nil
/// result replaces `E_PYTHON` (the traceback is kept as the error's detail by the caller). The
/// supervisor never guesses from text: an exception that is not one of these errnos stays `E_PYTHON`.
public enum SandboxDenial {
    /// What kind of operation was refused.
    public enum Kind: String, Sendable, Codable, Hashable {
        case network = "network access"
        case fileRead = "reading files outside the sandbox"
        case fileWrite = "writing outside the scratch space"
        case execute = "starting programs"
        case nativeCode = "loading native code from scratch space"
        case otherProcesses = "access to other processes"
        case kernel = "a kernel interface the sandbox blocks"
    }

    /// The kind of refusal for an audit event or system call name, or nil when it is not one.
    public static func kind(of event: String, errno: Int32?) -> Kind? {
        let permission: Set<Int32> = [1, 13, 30, 38]  // EPERM, EACCES, EROFS, ENOSYS
        if event.hasPrefix("socket.getaddrinfo") || event.hasPrefix("socket.gethostbyname") { return .network }
        guard let errno, permission.contains(errno) else { return nil }
        switch event {
        case "socket", "socket.__new__", "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
            "connect", "bind", "sendto", "sendmsg", "socketpair":
            return .network
        case "open", "os.open", "openat", "os.listdir", "os.scandir":
            return errno == 30 ? .fileWrite : .fileRead
        case "os.mkdir", "os.remove", "os.rename", "os.rmdir", "os.chmod", "os.truncate", "shutil.copyfile",
            "mkdir", "unlink", "rename":
            return .fileWrite
        case "subprocess.Popen", "os.exec", "os.posix_spawn", "os.spawn", "os.system", "execve", "execveat":
            return .execute
        case "ctypes.dlopen", "dlopen", "mmap":
            return .nativeCode
        case "os.kill", "os.killpg", "kill", "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "kcmp":
            return .otherProcesses
        case "mount", "umount2", "unshare", "setns", "bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key",
            "request_key", "personality", "io_uring_setup", "io_uring_enter", "io_uring_register", "clone3",
            "init_module", "finit_module", "kexec_load", "reboot", "ctypes.call_function":
            return .kernel
        default:
            return nil
        }
    }

    /// `E_SANDBOX_DENIED` for a refusal, or nil when `errno`/`event` do not describe one.
    public static func error(errno: Int32?, event: String, argument: String? = nil) -> ConfinementError? {
        guard let kind = kind(of: event, errno: errno) else { return nil }
        let what = argument.map { "\(event)(\($0))" } ?? event
        let reason = errno.map { " (\(ErrnoName.describe($0)))" } ?? ""
        return ConfinementError(
            code: .sandboxDenied,
            message: "the sandbox refused \(kind.rawValue): \(what)\(reason)",
            hint: hint(for: kind), errno: errno)
    }

    private static func hint(for kind: Kind) -> String {
        switch kind {
        case .network: return "python() scripts have no network; pass the data in the input table or kargs"
        case .fileRead:
            return "only the environment (/sandbox/env), /usr and /tmp are visible; pass data in the input table"
        case .fileWrite:
            return "write temporary files under /tmp (a small scratch space that is discarded after the query)"
        case .execute:
            return "python() scripts cannot start programs; use a Python package of the sandbox's environment"
        case .nativeCode: return "native libraries must come from the sandbox's environment, not from /tmp"
        case .otherProcesses, .kernel: return "this operation is not available inside python()"
        }
    }

    /// Python run in the child before the script: keeps the last security-relevant audit event in
    /// `sys._sandpiper_last_event` as `(name, arguments as text)` (a socket's own object left out).
    public static let auditHookSource = """
        import sys as _s
        _s._sandpiper_last_event = None
        def _sandpiper_hook(event, args, _watch=('socket.', 'open', 'os.', 'subprocess.', 'ctypes.dlopen', 'ctypes.call_function', 'shutil.', 'mmap.'),
                            _quiet=('traceback', 'linecache', 'tokenize'), _frame=_s._getframe):
            if not event.startswith(_watch):
                return
            # Formatting the traceback opens source files: those events must not hide the script's own.
            f = _frame(1)
            while f is not None:
                if f.f_globals.get('__name__') in _quiet or f.f_code.co_filename == '<sandpiper-host>':
                    return
                f = f.f_back
            _s._sandpiper_last_event = (event, str(args[1:] if event.startswith('socket.') else args)[:200])
        _s.addaudithook(_sandpiper_hook)
        del _sandpiper_hook
        """
}
