#if canImport(Glibc)
    import Glibc
    import Sandbox
    import Foundation

    /// What a confined process observes about itself: evidence, not the plan's intentions.
    struct SelfCheck {
        var fields: [(String, String)] = []

        static func run() -> SelfCheck {
            var check = SelfCheck()
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            for key in ["Uid", "Gid", "CapEff", "CapPrm", "CapBnd", "NoNewPrivs", "Seccomp", "Threads"] {
                let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") }
                let value = line?.split(separator: ":").last.map {
                    $0.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
                }
                check.fields.append((key, value ?? "?"))
            }
            check.fields.append(("pid", String(getpid())))
            var name = [CChar](repeating: 0, count: 256)
            gethostname(&name, 255)
            check.fields.append(
                ("hostname", String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
            check.fields.append(("socket_inet", attempt { socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0) }))
            check.fields.append(("socket_unix", attempt { socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0) }))
            check.fields.append(("open_etc_shadow", attempt { open("/etc/shadow", O_RDONLY) }))
            check.fields.append(("write_usr", attempt { open("/usr/sandpiper-probe", O_WRONLY | O_CREAT, 0o644) }))
            check.fields.append(("write_tmp", attempt { open("/tmp/sandpiper-probe", O_WRONLY | O_CREAT, 0o644) }))
            check.fields.append(("list_sys", attempt { open("/sys/kernel", O_RDONLY | O_DIRECTORY) }))
            return check
        }

        /// "ok" when the call succeeded (descriptor closed), else the errno's name.
        static func attempt(_ call: () -> Int32) -> String {
            let result = call()
            if result >= 0 { close(result); return "ok" }
            return ErrnoName.describe(errno)
        }

        var json: String {
            "{" + fields.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ", ") + "}"
        }
    }
#endif
