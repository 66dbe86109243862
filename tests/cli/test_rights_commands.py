"""The client's rights on the command line: the access pack and its register, anonymising
(refused without --yes, exit 1), the retention review and keeping, and the profile's years."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.cli.conftest import json_of


def test_access_pack_registers_answers_and_lists_the_request(cli, tmp_path: Path) -> None:
    cli("client", "add", "--name", "Aoife Byrne", "--email", "aoife@example.org")
    cli(
        "session",
        "add",
        "--client",
        "Aoife Byrne",
        "--start",
        "2026-03-02 09:00",
        "--private-notes",
        "Tired today.",
    )
    out_file = tmp_path / "aoife.zip"
    code, out, err = cli(
        "client",
        "access-pack",
        "--client",
        "Aoife Byrne",
        "--out",
        str(out_file),
        "--received",
        "2026-03-10",
    )
    assert code == 0, err
    assert f"Wrote the access pack to {out_file}." in out
    assert "Private notes of 1 session are not included" in out
    with zipfile.ZipFile(out_file) as zf:
        assert "your-personal-data.pdf" in zf.namelist()
    [row] = json_of(cli("client", "access-requests", "--json"))  # type: ignore[misc]
    assert row["client_name"] == "Aoife Byrne"
    assert (row["received_on"], row["due_on"]) == ("2026-03-10", "2026-04-10")
    assert row["answered_on"] is not None
    assert row["private_notes_included"] is False
    code, out, _err = cli("client", "access-requests")
    assert "Aoife Byrne" in out


def test_private_notes_need_a_reason(cli, tmp_path: Path) -> None:
    cli("client", "add", "--name", "Aoife Byrne")
    code, _out, err = cli(
        "client",
        "access-pack",
        "--client",
        "Aoife Byrne",
        "--out",
        str(tmp_path / "a.zip"),
        "--include-private-notes",
    )
    assert code == 1
    assert "reason" in err
    assert not (tmp_path / "a.zip").exists()


def test_anonymise_refuses_without_yes(cli) -> None:
    cli("client", "add", "--name", "Aoife Byrne")
    code, out, err = cli("client", "anonymise", "Aoife Byrne")
    assert code == 1
    assert "Anonymise Aoife Byrne?" in out
    assert "Nothing was changed: add --yes to anonymise." in err
    assert json_of(cli("client", "list", "--json"))[0]["name"] == "Aoife Byrne"  # type: ignore[index]
    code, out, _err = cli("client", "anonymise", "Aoife Byrne", "--yes")
    assert (code, out.strip()) == (0, "Anonymised client 1.")
    names = [c["name"] for c in json_of(cli("client", "list", "--all", "--json"))]  # type: ignore[union-attr]
    assert names == ["Anonymised client 1"]


def test_retention_review_keep_and_the_profile_years(cli) -> None:
    assert cli("profile", "set", "--retention-years", "1")[0] == 0
    assert json_of(cli("profile", "show", "--json"))["retention_years"] == 1  # type: ignore[index]
    cli("client", "add", "--name", "Aoife Byrne")
    cli("session", "add", "--client", "Aoife Byrne", "--start", "2020-03-02 09:00")
    [row] = json_of(cli("retention", "review", "--json"))  # type: ignore[misc]
    assert (row["name"], row["last_activity"], row["review_due"]) == (
        "Aoife Byrne",
        "2020-03-02",
        "2021-03-02",
    )
    code, out, _err = cli("retention", "review")
    assert "Aoife Byrne" in out
    code, out, err = cli(
        "retention",
        "keep",
        "Aoife Byrne",
        "--until",
        "2099-01-01",
        "--reason",
        "A complaint is open.",
    )
    assert code == 0, err
    assert json_of(cli("retention", "review", "--json")) == []
    code, out, _err = cli("retention", "review")
    assert out.strip() == "No client is past the retention period."
    code, _out, err = cli(
        "retention", "keep", "Aoife Byrne", "--until", "2000-01-01", "--reason", "x"
    )
    assert code == 1
    assert "until" in err
    assert cli("profile", "set", "--retention-years", "0")[0] == 1
