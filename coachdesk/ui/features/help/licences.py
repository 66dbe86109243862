"""The libraries CoachDesk is built on, with their versions and licences, for the About dialog.

Names, versions and licences come from the installed packages' metadata where it has them; some
packages do not declare a licence there (sqlcipher3) and some parts are not Python packages at
all (Qt, SQLCipher, PDFium, OpenSSL, the DejaVu fonts), so each entry carries a known fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

from coachdesk.i18n import _

MAX_LICENCE_LENGTH = 60  # longer "License" fields are prose, not a licence name
_REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str
    purpose: str


@dataclass(frozen=True)
class _Entry:
    name: str
    distribution: str | None
    fallback: str
    purpose: Callable[[], str]
    version: Callable[[], str] | None = None


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()


def _sqlcipher_version() -> str:
    import sqlcipher3.dbapi2

    connection = sqlcipher3.dbapi2.connect(":memory:")
    try:
        row = connection.execute("PRAGMA cipher_version").fetchone()
    finally:
        connection.close()
    return str(row[0]).split()[0] if row else ""


def _openssl_version() -> str:
    from cryptography.hazmat.backends.openssl import backend

    return backend.openssl_version_text().removeprefix("OpenSSL ").split()[0]


def _pdfium_version() -> str:
    import pypdfium2.version

    return str(pypdfium2.version.PDFIUM_INFO).split("@")[0]


_ENTRIES = (
    _Entry("Qt", None, "LGPL-3.0-only", lambda: _("Windows, menus and dialogs"), _qt_version),
    _Entry(
        "PySide6 (Qt for Python)",
        "PySide6_Essentials",
        "LGPL-3.0-only",
        lambda: _("Qt for Python"),
    ),
    _Entry("SQLAlchemy", "SQLAlchemy", "MIT", lambda: _("Reading and writing the vault")),
    _Entry("sqlcipher3", "sqlcipher3", "zlib", lambda: _("Python's link to SQLCipher")),
    _Entry(
        "SQLCipher",
        None,
        "BSD-3-Clause",
        lambda: _("The encrypted database (AES-256)"),
        _sqlcipher_version,
    ),
    _Entry(
        "cryptography",
        "cryptography",
        "Apache-2.0 OR BSD-3-Clause",
        lambda: _("Protecting the vault's key"),
    ),
    _Entry("OpenSSL", None, "Apache-2.0", lambda: _("Encryption primitives"), _openssl_version),
    _Entry("keyring", "keyring", "MIT", lambda: _("Remembering the key in the keychain")),
    _Entry("Alembic", "alembic", "MIT", lambda: _("Upgrading the vault to new versions")),
    _Entry("ReportLab", "reportlab", "BSD-3-Clause", lambda: _("Agreements and reports as PDF")),
    _Entry("pypdfium2", "pypdfium2", "Apache-2.0 OR BSD-3-Clause", lambda: _("PDF preview")),
    _Entry("PDFium", None, "BSD-3-Clause", lambda: _("PDF preview and printing"), _pdfium_version),
    _Entry("platformdirs", "platformdirs", "MIT", lambda: _("Finding the right folders")),
    _Entry("filelock", "filelock", "MIT", lambda: _("One CoachDesk at a time per vault")),
    _Entry("icalendar", "icalendar", "BSD-2-Clause", lambda: _("Calendar files")),
    _Entry("vobject", "vobject", "Apache-2.0", lambda: _("Contact cards (vCard)")),
    _Entry(
        "DejaVu fonts",
        None,
        "Bitstream Vera licence (free)",
        lambda: _("Letters of every language in PDFs"),
    ),
)


def licence_from(meta: metadata.PackageMetadata) -> str:
    """The declared licence: an SPDX expression, else a short "License" field, else ""."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= MAX_LICENCE_LENGTH:
        return declared
    return ""


def _classifier_licence(meta: metadata.PackageMetadata) -> str:
    """The licence named in a "License ::" trove classifier (older packages declare only that)."""
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License ::") and classifier.split(" :: ")[-1] != "OSI Approved":
            return classifier.split(" :: ")[-1]
    return ""


def _required(meta: metadata.PackageMetadata) -> list[str]:
    """The distributions ``meta`` needs to run (not its optional extras)."""
    names = []
    for requirement in meta.get_all("Requires-Dist") or []:
        if "extra ==" in requirement.replace("extra==", "extra =="):
            continue
        match = _REQUIREMENT_NAME.match(requirement)
        if match:
            names.append(match.group(0))
    return names


def bundled_dependencies(root: str = "coachdesk") -> list[Library]:
    """Every installed distribution CoachDesk needs, directly or through another library,
    beyond the ones described above: each ships with the app, so each licence is shown."""
    described = {_normal(e.distribution) for e in _ENTRIES if e.distribution}
    seen: set[str] = {_normal(root)}
    queue = [root]
    found = []
    while queue:
        try:
            meta = metadata.metadata(queue.pop())
        except metadata.PackageNotFoundError:
            continue
        for name in _required(meta):
            key = _normal(name)
            if key in seen:
                continue
            seen.add(key)
            queue.append(name)
            if key in described:
                continue
            try:
                needed = metadata.metadata(name)
            except metadata.PackageNotFoundError:  # only for another platform
                continue
            licence = licence_from(needed) or _classifier_licence(needed) or _("see the package")
            found.append(
                Library(
                    needed["Name"], needed.get("Version") or "", licence, _("Used by the above")
                )
            )
    return sorted(found, key=lambda library: library.name.lower())


def _normal(name: str | None) -> str:
    return re.sub(r"[-_.]+", "-", name or "").lower()


def libraries() -> list[Library]:
    """Every library in ``_ENTRIES`` (one that is missing or fails to report is still listed),
    then every other library they bring along."""
    found = []
    for entry in _ENTRIES:
        version, licence = "", ""
        if entry.distribution is not None:
            try:
                meta = metadata.metadata(entry.distribution)
            except metadata.PackageNotFoundError:
                meta = None
            if meta is not None:
                version, licence = meta.get("Version") or "", licence_from(meta)
        if entry.version is not None:
            try:
                version = entry.version()
            except Exception:  # a part that cannot say its version is still listed
                version = ""
        found.append(Library(entry.name, version, licence or entry.fallback, entry.purpose()))
    return found + bundled_dependencies()
