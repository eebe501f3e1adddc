// sandpiper-probe: applies a confinement plan to itself, then runs a program or a built-in self-check.
//
//   sandpiper-probe --plan-json JSON -- /usr/bin/python3 -c CODE
//   sandpiper-probe --plan-file plan.json -- PROGRAM ARGS...
//   sandpiper-probe --standard [--environment DIR] [--cgroup-procs FILE]... -- PROGRAM ARGS...
//   sandpiper-probe --standard --self-check        (prints what is in effect, as JSON; used by doctor)
//   sandpiper-probe --print-plan --standard ...     (prints the plan as JSON and exits)
//
// Exit status: the program's; 120 when confinement failed (the error on stderr, `E_...: message`);
// 121 when the program could not be started; 2 for bad arguments.
import Foundation
import Sandbox

#if canImport(Glibc)
    import Glibc

    func fail(_ status: Int32, _ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(status)
    }

    let options: ProbeOptions
    switch ProbeOptions.parse(Array(CommandLine.arguments.dropFirst())) {
    case .success(let parsed): options = parsed
    case .failure(let error): fail(2, "sandpiper-probe: \(error.message)")
    }
    guard let plan = options.plan else { fail(2, "sandpiper-probe: no plan") }
    if options.printPlan {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: (try? encoder.encode(plan)) ?? Data(), as: UTF8.self))
        exit(0)
    }

    do {
        try Confinement.apply(plan)
    } catch {
        fail(120, error.description)
    }

    if options.selfCheck {
        print(SelfCheck.run().json)
        exit(0)
    }
    let environmentVariables =
        ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "HOME=/tmp", "PYTHONDONTWRITEBYTECODE=1"]
        + options.extraEnvironment
    let argv = options.program.map { strdup($0) } + [nil]
    let envp = environmentVariables.map { strdup($0) } + [nil]
    execve(options.program[0], argv, envp)
    fail(121, "sandpiper-probe: cannot start \(options.program[0]): \(String(cString: strerror(errno)))")
#else
    print("sandpiper-probe: confinement needs Linux")
    exit(120)
#endif
