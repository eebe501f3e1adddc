/// The Python half of the host: per-column helpers called from Swift, defined once in the zygote.
///
/// Everything per row lives in Swift (strings, guids) or in numpy (masks, casts); these functions
/// run once per column or once per call. Defining them runs no library code that starts threads.
/// The text is `Python/host_module.py`, embedded in the worker at build time.
enum HostModuleSource {
    static let text = String(decoding: PackageResources.host_module_py, as: UTF8.self)
}
