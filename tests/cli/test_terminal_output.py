"""What the command line prints never holds a control character a terminal would obey: an
imported name with ESC ]0; is refused, and one already stored is shown escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from coachdesk import vault
from coachdesk.model import Client
from tests.conftest import PASSPHRASE
from tests.services import factories

TITLE_SEQUENCE = "\x1b]0;you have been hacked\x07"
CSI = "\x9b"  # the one-byte C1 form of ESC [


def obeyed(text: str) -> list[str]:
    """The control characters in ``text`` a terminal would act on."""
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]


def test_an_imported_name_with_a_terminal_sequence_is_refused_and_shown_escaped(
    cli, vault_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(f"Name,Email\nZoë{TITLE_SEQUENCE},zoe@example.org\nAnn Lee,ann@example.org\n")
    code, out, err = cli("import", "csv", str(path))
    assert code == 0, err
    assert obeyed(out + err) == []
    assert "\\x1b]0;you have been hacked\\x07" in out
    assert "U+001B" in out
    code, out, _err = cli("client", "list")
    assert "Ann Lee" in out
    assert "hacked" not in out


@pytest.fixture
def stored(vault_dir: Path) -> int:
    """A client whose name holds controls, as a vault restored from an old archive may."""
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.session() as db, db.begin():
        client_id = factories.client(db, "Ann Lee", organisation="Acme")
        db.execute(
            update(Client)
            .where(Client.id == client_id)
            .values(display_name=f"Ann{TITLE_SEQUENCE}", organisation=f"Acme{CSI}2J")
        )
    return client_id


def test_a_stored_control_character_is_printed_escaped(cli, stored: int) -> None:
    for args in (("client", "list"), ("client", "show", str(stored))):
        code, out, err = cli(*args)
        assert code == 0, err
        assert obeyed(out) == [], args
        assert "Ann\\x1b]0;you have been hacked\\x07" in out, args


def test_json_output_escapes_c1_controls_too(cli, stored: int) -> None:
    code, out, err = cli("client", "list", "--json")
    assert code == 0, err
    assert obeyed(out) == []
    rows = json.loads(out)
    assert {row["organisation"] for row in rows} == {f"Acme{CSI}2J"}
