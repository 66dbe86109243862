"""Where a PDF may leave the app: a file the user chose, or a private copy for their viewer.

Client text never lands in a plaintext file unless the user asked for it. **Save as PDF** writes
only the path chosen in the dialog, atomically (a temp file beside it, then ``os.replace``), so a
failed write never leaves half a document. **Open in viewer** is also an explicit request, but
the system viewer needs a file: it gets one in a private folder (0700, a 0600 file), preferably
under ``XDG_RUNTIME_DIR`` (in memory, removed at logout). ``remove_viewer_files`` deletes that
folder; it runs when the app quits (``aboutToQuit`` and ``atexit``), and folders left by a crash
are swept the next time one is made.
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
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return runtime if runtime and os.path.isdir(runtime) else None


def _sweep_stale(root: Path) -> None:
    """Remove viewer folders a crashed run left behind (only ours, and only old ones)."""
    now = time.time()
    for folder in root.glob(f"{VIEWER_PREFIX}*"):
        with contextlib.suppress(OSError):
            info = folder.lstat()
            if (
                folder.is_dir()
                and info.st_uid == os.getuid()
                and now - info.st_mtime > STALE_SECONDS
            ):
                shutil.rmtree(folder, ignore_errors=True)


def viewer_dir() -> Path:
    """This run's private folder for viewer copies, made (0700) on first use."""
    folder = _Viewer.folder
    if folder is None or not folder.is_dir():
        folder = _Viewer.folder = Path(tempfile.mkdtemp(prefix=VIEWER_PREFIX, dir=_temp_root()))
        if hasattr(os, "getuid"):
            _sweep_stale(folder.parent)
    if not _Viewer.exit_hooked:
        atexit.register(remove_viewer_files)
        _Viewer.exit_hooked = True
    app = QCoreApplication.instance()
    if app is not None and not app.property("coachdesk_viewer_cleanup"):
        app.aboutToQuit.connect(remove_viewer_files)
        app.setProperty("coachdesk_viewer_cleanup", True)
    return folder


def write_viewer_copy(pdf_bytes: bytes, title: str) -> Path:
    """A private 0600 copy named after the title (numbered if that name is taken)."""
    folder = viewer_dir()
    name = suggested_file_name(title)
    path = folder / name
    n = 1
    while True:
        try:
            fd = os.open(
                path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
            )
            break
        except FileExistsError:
            n += 1
            path = folder / f"{Path(name).stem} ({n}).pdf"
    with os.fdopen(fd, "wb") as handle:
        handle.write(pdf_bytes)
    return path


def open_in_viewer(pdf_bytes: bytes, title: str) -> Path:
    """Open the PDF in the system's viewer through a private copy; returns that copy's path."""
    path = write_viewer_copy(pdf_bytes, title)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        path.unlink(missing_ok=True)
        raise InvalidInput(_("No PDF viewer could be opened. Use Save as PDF… instead."))
    return path


def remove_viewer_files() -> None:
    """Delete every viewer copy of this run (on quit; a viewer may still show its open file)."""
    if _Viewer.folder is not None:
        shutil.rmtree(_Viewer.folder, ignore_errors=True)
        _Viewer.folder = None
