"""Process hardening at start-up: no core dump, and no debugger of the same user, sees secrets.

A crashed or aborted CoachDesk's core file held the data key, the passphrase and decrypted
client text. So, before any vault is opened: the core size limit is set to 0 (Linux, macOS,
the BSDs) and on Linux the process is marked not dumpable (``prctl(PR_SET_DUMPABLE, 0)``, which
also stops other processes of the same user from attaching with ptrace or reading its memory).
On Windows the crash dialog and Windows Error Reporting's prompt are switched off with
``SetErrorMode``; a machine-wide WER ``LocalDumps`` policy set by an administrator can still
collect a dump, which only that administrator can prevent. Each step is best effort: a platform
that refuses one still runs, as it ran before.
"""

from __future__ import annotations

import ctypes
import os
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


def harden_process() -> None:
    """Forbid core dumps of this process (and of the children it starts after this call)."""
    if os.name == "posix":
        _no_core_files()
    if sys.platform.startswith("linux"):
        _not_dumpable()
    elif sys.platform == "win32":
        _no_error_reporting()


def _warn(message: str, *args: object) -> None:
    """Import logging only when a step fails: every ``coachdesk`` call runs this module, and
    importing logging costs a third of a bare ``python -c pass``.
    """
    import logging

    logging.getLogger(__name__).warning(message, *args)


def _no_core_files() -> None:
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (OSError, ValueError):
        _warn("the core file size limit could not be set to 0")


def _not_dumpable() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            _warn("prctl(PR_SET_DUMPABLE) failed (errno %s)", ctypes.get_errno())
    except (OSError, AttributeError):
        _warn("prctl is not available")


def is_dumpable() -> bool:
    """Whether Linux would write a core of this process or let a same-user process attach."""
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def _no_error_reporting() -> None:
    try:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    except (OSError, AttributeError):
        _warn("SetErrorMode is not available")
