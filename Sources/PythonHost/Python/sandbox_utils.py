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
    # What the script writes here is copied out after the call (--python-output DIR).
    os.mkdir(os.path.join(_workdir, 'outputs'))
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

# Limits on what one run copies out of outputs/ (docs/python.md); the engine checks them again.
OUTPUT_MAX_FILES = 100
OUTPUT_MAX_BYTES = 32 << 20

def collect_outputs(with_contents):
    """(error message or None, [(path below outputs/, size, bytes or None)]) of the regular files under the
    run's outputs/ folder, walked without following links (an explicit stack: no recursion), in name order.
    With contents, a file past the limits, a link or a special file is an error; without (the engine drops
    the files and only says so), such entries are skipped and at most OUTPUT_MAX_FILES are listed."""
    import os, stat
    if _workdir is None:
        return None, []
    root = os.path.join(_workdir, 'outputs')
    try:
        st = os.lstat(root)
    except FileNotFoundError:
        return None, []
    if not stat.S_ISDIR(st.st_mode):
        return ('outputs is not a folder (the script replaced it); nothing was copied out' if with_contents else None), []
    found, total, pending = [], 0, ['']
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(os.path.join(root, folder) if folder else root), key=lambda e: e.name)
        except OSError as e:
            if with_contents:
                return 'cannot list outputs/%s: %s' % (folder, e.strerror), []
            continue
        for entry in entries:
            path = folder + '/' + entry.name if folder else entry.name
            problem, size, data = _output_problem(root, path, entry), 0, None
            if problem is None and entry.is_dir(follow_symlinks=False):
                pending.append(path)
                continue
            if problem is None and len(found) == OUTPUT_MAX_FILES:
                problem = ('the script wrote more than %d files under outputs/; at most %d are copied out'
                           % (OUTPUT_MAX_FILES, OUTPUT_MAX_FILES))
            if problem is None:
                problem, size, data = _output_read(root, path, OUTPUT_MAX_BYTES - total, with_contents)
            if problem is not None:
                if with_contents:
                    return problem, []
                if len(found) == OUTPUT_MAX_FILES:
                    return None, found
                continue
            total += size
            found.append((path, size, data))
    return None, found

def _output_problem(root, path, entry):
    """Why the entry at outputs/`path` cannot be copied out, or None."""
    try:
        path.encode('utf-8')
    except UnicodeEncodeError:
        return 'outputs/%r: a file name must be UTF-8 text' % path
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        return 'outputs/%r: a file name may not hold control characters' % path
    if entry.is_symlink():
        return 'outputs/%s is a symbolic link; only regular files are copied out' % path
    if not entry.is_dir(follow_symlinks=False) and not entry.is_file(follow_symlinks=False):
        return 'outputs/%s is not a regular file (a pipe, socket or device); only regular files are copied out' % path
    return None

def _output_read(root, path, room, with_contents):
    """(problem or None, size, bytes or None) of the regular file outputs/`path`, opened without following
    a link and read up to `room` bytes (the rest of the limit)."""
    import os, stat
    try:
        fd = os.open(os.path.join(root, path), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError as e:
        return 'cannot open outputs/%s: %s' % (path, e.strerror), 0, None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return 'outputs/%s is not a regular file; only regular files are copied out' % path, 0, None
        too_large = ('the files under outputs/ hold more than %d MiB (at outputs/%s); at most that is copied out'
                     % (OUTPUT_MAX_BYTES >> 20, path))
        if st.st_size > room:
            return too_large, 0, None
        if not with_contents:
            return None, st.st_size, None
        chunks, left = [], room + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b''.join(chunks)
        if len(data) > room:
            return too_large, 0, None
        return None, len(data), data
    finally:
        os.close(fd)

_FIGURES_SOURCE = r'''
"""The matplotlib backend of python() scripts: Agg (no display), and plt.show() saves every open figure into
outputs/ (figure-N.png), from where the engine copies it out."""
import os
from matplotlib.backends.backend_agg import FigureCanvasAgg as FigureCanvas
from matplotlib.backend_bases import FigureManagerBase as FigureManager
from matplotlib import _pylab_helpers


def show(*args, **kwargs):
    os.makedirs('outputs', exist_ok=True)
    for manager in _pylab_helpers.Gcf.get_all_fig_managers():
        base = os.path.join('outputs', 'figure-%s' % manager.num)
        path, k = base + '.png', 2
        while os.path.exists(path):
            path, k = '%s-%d.png' % (base, k), k + 1
        manager.canvas.figure.savefig(path)
    _pylab_helpers.Gcf.destroy_all()
'''

class _FiguresBackend:
    """Finds and loads the module `_sandpiper_figures` (the backend above) when matplotlib asks for it:
    nothing of matplotlib is imported before a script does."""
    def find_spec(self, name, path, target=None):
        if name != '_sandpiper_figures':
            return None
        import importlib.util
        return importlib.util.spec_from_loader(name, self)
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        exec(compile(_FIGURES_SOURCE, '<sandpiper-figures>', 'exec'), module.__dict__)

def _install_figures_backend():
    import os
    _sys.meta_path.append(_FiguresBackend())
    os.environ['MPLBACKEND'] = 'module://_sandpiper_figures'

_install_figures_backend()
