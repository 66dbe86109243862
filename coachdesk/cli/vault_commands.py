"""Vault subcommands: init, check, passwd, backup, restore, keychain."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from coachdesk import vault
from coachdesk.cli import secrets
from coachdesk.errors import (
    EXIT_BAD_VAULT,
    EXIT_OK,
    BackupBeforeRekey,
    InvalidInput,
    NotAVault,
    VaultCorrupt,
    WrongPassphrase,
)
from coachdesk.i18n import _, ngettext
from coachdesk.services.backups import automatic_backup, current_choice
from coachdesk.vault import Vault, keychain
from coachdesk.vault.backup_sets import manual_backup_path


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    def add(name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[common])
        sub.set_defaults(handler=handler)
        return sub

    init = add("init", _("create a new vault and print its recovery key once"), cmd_init)
    init.add_argument("--json", action="store_true", help=_("print the result as JSON"))

    check = add("check", _("open the vault, verify its integrity and print counts"), cmd_check)
    check.add_argument("--json", action="store_true", help=_("print the result as JSON"))

    passwd = add("passwd", _("change the vault's passphrase"), cmd_passwd)
    passwd.add_argument(
        "--with-recovery-key",
        action="store_true",
        help=_(
            "prove access with the recovery key instead of the old passphrase "
            "(for a forgotten passphrase; reads COACHDESK_RECOVERY_KEY)"
        ),
    )
    passwd.add_argument(
        "--rekey",
        action="store_true",
        help=_(
            "also put the data under a new key and print a new recovery key: for a passphrase "
            "that may have leaked, so that no old key file opens the current data (old backups "
            "still open with their own passphrase and recovery key)"
        ),
    )

    backup = add("backup", _("write an encrypted backup of the vault"), cmd_backup)
    backup.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help=_("where to write it (default: the vault's backups folder)"),
    )

    restore = add(
        "restore",
        _("replace the vault's data with a backup (the current data is kept as a backup first)"),
        cmd_restore,
    )
    restore.add_argument("file", type=Path, metavar="FILE", help=_("a .cdbackup file"))

    chain = add("keychain", _("remember or forget the vault's key on this computer"), cmd_keychain)
    chain.add_argument("action", choices=["remember", "forget"])


def open_for_command(folder: Path, *, rolling_backup: bool = True) -> Vault:
    """Open with the passphrase when one is given, else the keychain's key, else ask; then take
    the automatic backup if one is due, where and as often as this computer's settings say, as
    the app does (not for ``erase``: that backup would keep the erased client). A failed backup
    closes the vault again.
    """
    opened = None
    if not secrets.passphrase_given() and _remembered(folder):
        try:
            opened = vault.open(folder, use_keychain=True)
        except WrongPassphrase:  # a stale remembered key: the passphrase still opens it
            opened = None
    if opened is None:
        opened = vault.open(folder, passphrase=secrets.passphrase())
    if rolling_backup:
        take_rolling_backup(opened)
    return opened


def take_rolling_backup(opened: Vault) -> None:
    """The automatic backup, if due; a failure (a damaged database) closes the vault."""
    try:
        automatic_backup(opened)
    except BaseException:
        opened.close()
        raise


def cmd_init(args: argparse.Namespace) -> int:
    passphrase = secrets.new_secret(secrets.PASSPHRASE_ENV, _("New passphrase: "))
    created = vault.create(args.vault, passphrase)
    created.vault.close()
    if args.json:
        _print_json(
            {
                "folder": str(args.vault),
                "vault_id": created.vault.vault_id,
                "recovery_key": created.recovery_key,
            }
        )
        return EXIT_OK
    print(_("Created a vault in {path}.").format(path=args.vault))
    print()
    print(_("Recovery key (shown only now; write it down and keep it safe):"))
    print()
    print(f"    {created.recovery_key}")
    print()
    print(_("If you forget your passphrase, this key is the only way back into your data."))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with open_for_command(args.vault, rolling_backup=False) as v:
        problems = v.integrity_problems(quick=False)
        if not problems:  # a damaged database is never backed up: pruning would drop sound ones
            take_rolling_backup(v)
        counts = v.table_counts()
        last = v.last_backup_time(current_choice().folder)
        report = {
            "folder": str(v.folder),
            "vault_id": v.vault_id,
            "schema": v.schema_revision(),
            "integrity": "ok" if not problems else "damaged",
            "problems": len(problems),
            "tables": counts,
            "last_backup": last.isoformat(timespec="seconds") if last else None,
            "remembered_on_this_computer": v.is_remembered(),
        }
    if args.json:
        _print_json(report)
    else:
        print(_("Vault: {path}").format(path=report["folder"]))
        print(_("Schema: {rev}").format(rev=report["schema"]))
        print(_("Integrity: {state}").format(state=report["integrity"]))
        print(_("Last backup: {when}").format(when=report["last_backup"] or _("never")))
        for table, count in counts.items():
            print(f"  {table}: {count}")
    if problems:
        print(
            ngettext(
                "coachdesk: the integrity check found {n} problem.",
                "coachdesk: the integrity check found {n} problems.",
                len(problems),
            ).format(n=len(problems)),
            file=sys.stderr,
        )
        return EXIT_BAD_VAULT
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    if args.rekey:
        return _rekey(args)
    if args.with_recovery_key:
        v = vault.open(args.vault, recovery_key=secrets.recovery_key())
        old = None
    else:
        old = secrets.passphrase()
        v = vault.open(args.vault, passphrase=old)
    with v:
        new = secrets.new_secret(secrets.NEW_PASSPHRASE_ENV, _("New passphrase: "))
        if old is None:
            v.set_passphrase(new)
        else:
            v.change_passphrase(old, new)
    print(_("The passphrase was changed."))
    return EXIT_OK


def _rekey(args: argparse.Namespace) -> int:
    if args.with_recovery_key:
        raise InvalidInput(_("--rekey needs the current passphrase, not the recovery key."))
    old = secrets.passphrase()
    with vault.open(args.vault, passphrase=old) as v:
        new = secrets.new_secret(secrets.NEW_PASSPHRASE_ENV, _("New passphrase: "))
        recovery_key = v.rekey(old, new)
    print(_("The passphrase was changed and the vault re-keyed."))
    print()
    print(_("New recovery key (shown only now; the old one opens only older backups):"))
    print()
    print(f"    {recovery_key}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with open_for_command(args.vault) as v:
        dest = args.out or manual_backup_path(v.layout.backups, v.vault_id)
        if args.out is None:
            v.layout.backups.mkdir(mode=0o700, exist_ok=True)
        path = v.backup(dest)
    print(_("Backup written to {path}").format(path=path))
    return EXIT_OK


def _remembered(folder: Path) -> bool:
    try:
        return keychain.recall(vault.read_key_file(folder).vault_id) is not None
    except (NotAVault, VaultCorrupt):
        return False


def cmd_restore(args: argparse.Namespace) -> int:
    if not secrets.passphrase_given() and _remembered(args.vault):
        unlock: dict[str, Any] = {"use_keychain": True}
    else:
        unlock = {"passphrase": secrets.passphrase()}
    try:
        safety = vault.restore(args.file, args.vault, **unlock)
    except BackupBeforeRekey as exc:
        print(exc, file=sys.stderr)
        safety = vault.restore(
            args.file, args.vault, **unlock, backup_passphrase=secrets.backup_passphrase()
        )
    print(
        _("Restored the vault in {path} from {backup}.").format(path=args.vault, backup=args.file)
    )
    if safety is not None:
        print(_("The data it replaced was saved as {path}").format(path=safety))
    return EXIT_OK


def cmd_keychain(args: argparse.Namespace) -> int:
    if args.action == "forget":
        key_file = vault.read_key_file(args.vault)
        if keychain.forget(key_file.vault_id):
            print(_("This computer no longer remembers the vault's key."))
        else:
            print(_("This computer did not remember the vault's key."))
        return EXIT_OK
    with vault.open(args.vault, passphrase=secrets.passphrase()) as v:
        v.remember_on_this_computer()
    print(_("This computer now remembers the vault's key in its keychain."))
    return EXIT_OK


def _print_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))
