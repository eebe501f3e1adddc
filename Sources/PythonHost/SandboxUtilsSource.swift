/// The `sandbox_utils` module the host provides to scripts, and the per-run working folder.
///
/// Every run gets a fresh working folder (under the child's `/tmp`, private once confined) that is the
/// script's current directory. The `external_artifacts` are written under their names into its `Temp`
/// folder, as ADX does (`.\Temp`), and linked into the working folder itself so `open('name')` works
/// too; `sandbox_utils.ARTIFACTS` names the `Temp` folder. `Zipackage.install("x.zip")` installs a zip
/// of wheels (or of package folders) given as an artifact, for this run only.
/// The text is `Python/sandbox_utils.py`, embedded in the worker at build time.
enum SandboxUtilsSource {
    /// Defines `sandbox_utils` in `sys.modules` and the `_workdir_*` helpers in the host module.
    static let text = String(decoding: PackageResources.sandbox_utils_py, as: UTF8.self)
}
