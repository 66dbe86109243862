"""Where a PDF may leave the app: a file the user chose, or a private copy for their viewer.

Client text never lands in a plaintext file unless the user asked for it. **Save as PDF** writes
only the path chosen in the dialog, atomically (a temp file beside it, then ``os.replace``), so a
failed write never leaves half a document. **Open in viewer** is also an explicit request, but
the system viewer needs a file: it gets one in a private folder (0700, a 0600 file) in memory
where the OS has it (``XDG_RUNTIME_DIR``, else ``/dev/shm``), under a neutral name that never
holds a client's name. ``remove_viewer_files`` deletes that folder when the app quits
(``aboutToQuit`` and ``atexit``); folders a crashed run left (its process is gone, or it is
older than ``STALE_SECONDS``) are swept at every start, by ``sweep_stale_viewer_folders``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _
from coachdesk.ui.kit import look

LAST_FOLDER_KEY = "pdf/last_folder"
VIEWER_PREFIX = "coachdesk-view-"
VIEWER_NAME = "document"
MEMORY_TEMP = Path("/dev/shm")
STALE_SECONDS = 12 * 3600


class _Viewer:
    """This run's viewer folder; module state, since the copies outlive any one widget."""

    folder: Path | None = None
    exit_hooked = False


def suggested_file_name(title: str) -> str:
    """A safe file name from a document title: no path separators or characters Windows refuses."""
    name = re.sub(r'[\x00-\x1f<>:"/\\|?*]+', " ", title).strip(" .")
    name = re.sub(r"\s+", " ", name)[:120].strip(" .") or _("Document")
    return name if name.lower().endswith(".pdf") else f"{name}.pdf"


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; the file is private to the user (0600)."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _start_folder() -> Path:
    remembered = look.settings().value(LAST_FOLDER_KEY)
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def save_pdf_as(parent: QWidget | None, pdf_bytes: bytes, title: str) -> Path | None:
    """Ask where to save, then write there; ``None`` if the user cancelled. Raises on failure."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Save as PDF"),
        str(_start_folder() / suggested_file_name(title)),
        _("PDF documents (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".pdf")
    try:
        write_atomically(path, pdf_bytes)
    except OSError as exc:
        raise InvalidInput(
            _("The PDF could not be saved to {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    look.settings().setValue(LAST_FOLDER_KEY, str(path.parent))
    return path


def _temp_root() -> str | None:
    """The memory-backed temp folder of this OS, if any; None means the system temp folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return runtime
    if MEMORY_TEMP.is_dir() and os.access(MEMORY_TEMP, os.W_OK | os.X_OK):
        return str(MEMORY_TEMP)
    return None


def sweep_stale_viewer_folders() -> None:
    """Remove the viewer folders crashed runs left, wherever this or an earlier run put them."""
    if not hasattr(os, "getuid"):
        return
    roots = {Path(root) for root in (_temp_root(), tempfile.gettempdir()) if root}
    if MEMORY_TEMP.is_dir():
        roots.add(MEMORY_TEMP)
    for root in roots:
        for folder in root.glob(f"{VIEWER_PREFIX}*"):
            if folder != _Viewer.folder and _is_stale(folder):
                shutil.rmtree(folder, ignore_errors=True)


def _is_stale(folder: Path) -> bool:
    """Ours (this user's folder), and its run is over: the process named in it is gone, or it
    is old (a folder named by an older version, or a reused process id)."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not folder.is_dir() or folder.is_symlink() or info.st_uid != os.getuid():
        return False
    if time.time() - info.st_mtime > STALE_SECONDS:
        return True
    pid = folder.name[len(VIEWER_PREFIX) :].split("-", 1)[0]
    return pid.isdigit() and not _alive(int(pid))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def viewer_dir() -> Path:
    """This run's private folder for viewer copies, made (0700) on first use; named with this
    process's id, so a later start can tell it was left by a crash."""
    folder = _Viewer.folder
    if folder is None or not folder.is_dir():
        prefix = f"{VIEWER_PREFIX}{os.getpid()}-"
        folder = _Viewer.folder = Path(tempfile.mkdtemp(prefix=prefix, dir=_temp_root()))
    if not _Viewer.exit_hooked:
        atexit.register(remove_viewer_files)
        _Viewer.exit_hooked = True
    app = QCoreApplication.instance()
    if app is not None and not app.property("coachdesk_viewer_cleanup"):
        app.aboutToQuit.connect(remove_viewer_files)
        app.setProperty("coachdesk_viewer_cleanup", True)
    return folder


def write_viewer_copy(pdf_bytes: bytes) -> Path:
    """A private 0600 copy under a neutral numbered name: a viewer's recent-files list or a
    crash must not show whose document it was."""
    folder = viewer_dir()
    n = 1
    while True:
        path = folder / f"{VIEWER_NAME}-{n}.pdf"
        try:
            fd = os.open(
                path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
            )
            break
        except FileExistsError:
            n += 1
    with os.fdopen(fd, "wb") as handle:
        handle.write(pdf_bytes)
    return path


def open_in_viewer(pdf_bytes: bytes) -> Path:
    """Open the PDF in the system's viewer through a private copy; returns that copy's path."""
    path = write_viewer_copy(pdf_bytes)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        path.unlink(missing_ok=True)
        raise InvalidInput(_("No PDF viewer could be opened. Use Save as PDF… instead."))
    return path


def remove_viewer_files() -> None:
    """Delete every viewer copy of this run (on quit; a viewer may still show its open file)."""
    if _Viewer.folder is not None:
        shutil.rmtree(_Viewer.folder, ignore_errors=True)
        _Viewer.folder = None
