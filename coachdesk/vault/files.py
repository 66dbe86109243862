"""File handling for the vault folder: private permissions and crash-safe replacement."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) and make it readable by this user only."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty file that only this user can read, so SQLite inherits the mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def temp_path_for(path: Path) -> Path:
    """A temporary name beside ``path`` on the same file system, so ``os.replace`` is atomic."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def partial_path_for(path: Path) -> Path:
    """Where a file for the user is written until it is complete: visible beside ``path``, so
    a crash leaves something the user can see (and the next attempt removes), not a hidden copy.
    """
    return path.with_name(f"{path.name}.partial")


def open_new_private(path: Path) -> int:
    """A descriptor for a brand-new file only this user can read: never an existing file (its
    content or mode), never a symlink's target."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    return os.open(path, flags, FILE_MODE)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new content."""
    tmp = temp_path_for(path)
    tmp.unlink(missing_ok=True)  # left by a crashed process that had the same id
    fd = open_new_private(tmp)
    with removing_on_error(tmp):
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    fsync_dir(path.parent)


def replace_durably(src: Path, dest: Path) -> None:
    """Move a fully written and verified ``src`` over ``dest`` and make the rename durable."""
    fsync_file(src)
    os.replace(src, dest)
    fsync_dir(dest.parent)


@contextlib.contextmanager
def removing_on_error(path: Path) -> Iterator[None]:
    """Delete the half-written ``path`` if the block fails."""
    try:
        yield
    except BaseException:
        path.unlink(missing_ok=True)
        raise
