# The `sandbox_utils` module the host provides to scripts, and the per-run working folder helpers
# (sandpiper-worker embeds this file at build time; it runs in module _sandpiper_host after host_module.py).
import sys as _sys, types as _types

_SANDBOX_UTILS = r'''
"""Helpers for python() scripts, provided by the sandpiper host (as in Azure Data Explorer)."""
import os, sys, zipfile, importlib

ARTIFACTS = None  # the run's Temp folder, where external_artifacts are written


def _find(name):
    folder = ARTIFACTS or os.getcwd()
    path = os.path.join(folder, name)
    if os.path.isfile(path):
        return path
    lowered = name.lower()
    for entry in os.listdir(folder):
        if entry.lower() == lowered and os.path.isfile(os.path.join(folder, entry)):
            return os.path.join(folder, entry)
    raise FileNotFoundError("no external artifact named %r; pass it with external_artifacts=bag_pack(%r, '/local/path')" % (name, name))


def _safe_extract(archive, target):
    root = os.path.realpath(target)
    for member in archive.namelist():
        dest = os.path.realpath(os.path.join(root, member))
        if dest != root and not dest.startswith(root + os.sep):
            raise ValueError("unsafe path %r in %s" % (member, archive.filename))
    archive.extractall(root)


class Zipackage:
    """Installs a zip of wheels (or of package folders) given as an external artifact, for this run."""

    @staticmethod
    def install(name):
        source = _find(name)
        base = os.path.join(ARTIFACTS or os.getcwd(), '.zipackage')
        unpacked = os.path.join(base, os.path.basename(source) + '.d')
        site = os.path.join(base, 'site')
        os.makedirs(unpacked, exist_ok=True)
        os.makedirs(site, exist_ok=True)
        with zipfile.ZipFile(source) as z:
            _safe_extract(z, unpacked)
        wheels = []
        for folder, _, files in os.walk(unpacked):
            wheels += [os.path.join(folder, f) for f in files if f.endswith('.whl')]
        for wheel in sorted(wheels):
            with zipfile.ZipFile(wheel) as z:
                _safe_extract(z, site)
        for path in ([site] if wheels else []) + ([unpacked] if not wheels else []):
            if path not in sys.path:
                sys.path.insert(0, path)
        importlib.invalidate_caches()
        return sorted(os.path.basename(w) for w in wheels)
'''

def _make_sandbox_utils():
    m = _types.ModuleType('sandbox_utils')
    m.__file__ = '<sandbox_utils>'
    exec(compile(_SANDBOX_UTILS, '<sandbox_utils>', 'exec'), m.__dict__)
    _sys.modules['sandbox_utils'] = m
    return m

_sandbox_utils = _make_sandbox_utils()
_workdir = None

def workdir_enter(artifacts):
    """Makes the run's working folder, writes the artifacts into it and makes it the current directory."""
    global _workdir
    import os
    # One run per process: a name from the pid is unique, and os.mkdir refuses one that exists (a
    # leftover, or a link planted in a shared /tmp without the sandbox), falling back to mkdtemp.
    # That saves tempfile's probing of candidate folders on every call.
    try:
        _workdir = os.path.join(os.environ.get('TMPDIR') or '/tmp', 'sandpiper-run-%d' % os.getpid())
        os.mkdir(_workdir, 0o700)
    except OSError:
        import tempfile
        _workdir = tempfile.mkdtemp(prefix='sandpiper-run-')
    temp = os.path.join(_workdir, 'Temp')
    os.mkdir(temp)
    for name, data in artifacts:
        if not name or name in ('.', '..', 'Temp') or '/' in name or '\x00' in name:
            raise ValueError('bad artifact name %r' % name)
        with open(os.path.join(temp, name), 'wb') as f:
            f.write(data)
        os.symlink(os.path.join('Temp', name), os.path.join(_workdir, name))
    os.chdir(_workdir)
    _sandbox_utils.ARTIFACTS = temp
    return _workdir

def workdir_leave():
    """Leaves and removes the run's working folder."""
    global _workdir
    import os, shutil
    if _workdir is None:
        return None
    try:
        os.chdir('/')
    except OSError:
        pass
    shutil.rmtree(_workdir, ignore_errors=True)
    _workdir = None
    return None
