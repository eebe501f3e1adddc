import ArgumentParser
import Documentation
import PythonPlugin

/// `sandpiper query`'s options for what python() scripts leave behind: the folder their `outputs/`
/// files are copied into, and how much of a traceback an error shows.
struct PythonOutputOptions: ParsableArguments {
    @Option(name: .customLong("python-output"), help: .doc(.pythonOutput)) var folderOption: String?
    @Flag(help: .doc(.verbose)) var verbose = false

    /// `--python-output DIR`, or `sandpiper-output/<query-id>` in the current folder.
    var folder: String { folderOption ?? PythonOutputFiles.defaultFolder }
}
