import CPython
import CPythonSupport

// CPythonSupport's C passes Python objects as `void *` (its header must not include Python.h, which
// the CPython module maps); these give them back their type, under the names the host calls them by.

/// A new str from `n` bytes of UTF-8 (invalid sequences become U+FFFD), or nil with a Python error set.
@inline(__always)
func sp_str_from_utf8(_ p: UnsafePointer<CChar>?, _ n: Int) -> PyPtr! {
    cps_str_from_utf8(p, n)?.assumingMemoryBound(to: PyObject.self)
}

/// Installs pymalloc's huge-page arena allocator before Python starts; 1 if installed, 0 if too late.
func sp_install_arena_allocator() -> Int32 { cps_install_arena_allocator() }

/// A new numpy "mem_handler" capsule whose big blocks are huge-page mappings.
func sp_np_hugepage_handler() -> PyPtr! { cps_np_hugepage_handler()?.assumingMemoryBound(to: PyObject.self) }

/// numpy's PyDataMem_SetHandler through its C-API table: the previous handler (new reference), or nil with an error.
func sp_np_set_handler(_ api: UnsafeMutableRawPointer, _ handler: PyPtr?) -> PyPtr! {
    cps_np_set_handler(api, handler.map { UnsafeMutableRawPointer($0) })?.assumingMemoryBound(to: PyObject.self)
}
