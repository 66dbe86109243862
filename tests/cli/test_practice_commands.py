"""The practice subcommands: round trips through a real vault, JSON output, field errors."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from coachdesk import vault
from coachdesk.services.people import clients
from tests.cli.conftest import json_of
from tests.conftest import PASSPHRASE


def test_client_round_trip(cli) -> None:
    added = json_of(
        cli(
            "client",
            "add",
            "--given",
            "Zoë",
            "--family",
            "Łukasz",
            "--email",
            "zoe@example.org",
            "--status",
            "active",
            "--tag",
            "executive",
            "--json",
        )
    )
    assert added == {
        "id": 1,
        "name": "Zoë Łukasz",
        "status": "active",
        "email": "zoe@example.org",
        "organisation": "",
        "next_session": None,
        "last_session": None,
        "open_actions": 0,
        "tags": ["executive"],
        "language": "",
    }
    assert cli("client", "edit", "zoë łukasz", "--phone", "+48 600 000 000")[0] == 0
    shown = json_of(cli("client", "show", "1", "--json"))
    assert shown["client"]["phone"] == "+48 600 000 000"
    assert shown["client"]["tags"] == ["executive"]
    listed = json_of(cli("client", "list", "--tag", "executive", "--json"))
    assert [c["id"] for c in listed] == [1]
    code, out, _ = cli("client", "list")
    assert code == 0
    assert "Zoë Łukasz" in out


def test_invalid_input_exits_1_and_names_the_field(cli) -> None:
    code, _, err = cli("client", "add", "--name", "Sam", "--email", "sam@")
    assert code == 1
    assert err.startswith("coachdesk: email:")
    code, _, err = cli("session", "add", "--client", "Nobody", "--start", "2026-11-28T09:00")
    assert code == 1
    assert "client:" in err
    cli("client", "add", "--name", "Sam")
    code, _, err = cli("session", "add", "--client", "Sam", "--start", "tomorrow at nine")
    assert code == 1
    assert "start:" in err
    code, _, err = cli(
        "engagement",
        "add",
        "--client",
        "Sam",
        "--title",
        "T",
        "--start",
        "2026-12-01",
        "--end",
        "2026-11-01",
        "--fee",
        "-5",
    )
    assert code == 1
    assert "end_date: The end date must not be before the start date." in err
    assert "fee_amount: The amount must be zero or more." in err


def test_engagement_sessions_goals_and_actions(cli) -> None:
    cli("client", "add", "--name", "Aoife Byrne", "--status", "active")
    engagement = json_of(
        cli(
            "engagement",
            "add",
            "--client",
            "Aoife Byrne",
            "--title",
            "Leadership",
            "--start",
            "2026-11-01",
            "--end",
            "2027-03-01",
            "--sessions",
            "8",
            "--cadence",
            "fortnightly",
            "--fee",
            "1200",
            "--currency",
            "eur",
            "--fee-model",
            "package",
            "--json",
        )
    )
    assert engagement["planned"] == 8
    first = json_of(
        cli(
            "session",
            "add",
            "--client",
            "Aoife Byrne",
            "--start",
            "2026-11-20T09:30",
            "--engagement",
            str(engagement["id"]),
            "--status",
            "completed",
            "--notes",
            "Delegation plan",
            "--private-notes",
            "PRIVATE-MARKER",
            "--json",
        )
    )
    assert first["sequence"] == 1
    assert "PRIVATE-MARKER" not in json.dumps(first)
    second = json_of(
        cli(
            "session",
            "add",
            "--client",
            "1",
            "--start",
            "2026-12-04T09:30",
            "--engagement",
            "1",
            "--json",
        )
    )
    assert second["sequence"] == 2
    listed = json_of(
        cli(
            "session",
            "list",
            "--client",
            "1",
            "--from",
            "2026-11-01",
            "--to",
            "2026-12-01",
            "--json",
        )
    )
    assert [s["id"] for s in listed] == [first["id"]]
    usage = json_of(cli("engagement", "show", "1", "--json"))["usage"]
    assert (usage["held"], usage["planned"], usage["remaining"]) == (1, 8, 7)

    goal = json_of(
        cli(
            "goal",
            "add",
            "--client",
            "1",
            "--title",
            "Delegate",
            "--baseline",
            "3",
            "--target",
            "8",
            "--json",
        )
    )
    assert cli("goal", "rate", str(goal["id"]), "6", "--session", str(first["id"]))[0] == 0
    assert json_of(cli("goal", "list", "--client", "1", "--json"))[0]["latest_score"] == 6
    assert cli("goal", "rate", str(goal["id"]), "11")[0] == 1

    action = json_of(
        cli(
            "action",
            "add",
            "--client",
            "1",
            "--text",
            "List three tasks",
            "--due",
            "2026-11-25",
            "--json",
        )
    )
    assert [a["id"] for a in json_of(cli("action", "list", "--overdue", "--json"))] == [
        action["id"]
    ]
    assert cli("action", "done", str(action["id"]))[0] == 0
    assert json_of(cli("action", "list", "--status", "open", "--json")) == []


def test_session_notes_records_and_prints(cli) -> None:
    cli("client", "add", "--name", "Yūko")
    cli("session", "add", "--client", "Yūko", "--start", "2026-11-20T09:30")
    assert (
        cli(
            "session", "notes", "1", "--notes", "Options explored", "--private-notes", "Only for me"
        )[0]
        == 0
    )
    code, out, _ = cli("session", "notes", "1")
    assert code == 0
    assert "Options explored" in out
    assert "Held" in out


def test_profile_show_and_set(cli) -> None:
    assert (
        cli(
            "profile",
            "set",
            "--name",
            "Amélie Laurent",
            "--time-zone",
            "Europe/Paris",
            "--fee",
            "150.00",
            "--currency",
            "chf",
        )[0]
        == 0
    )
    shown = json_of(cli("profile", "show", "--json"))
    assert shown["name"] == "Amélie Laurent"
    assert shown["default_fee"] == "150.00"
    assert shown["default_currency"] == "CHF"
    for zone in ("Nowhere/Atlantis", "Europe", "Europe/", "America/Argentina"):
        code, _, err = cli("profile", "set", "--time-zone", zone)
        assert code == 1, zone
        assert "Unknown time zone" in err, zone
    assert json_of(cli("profile", "show", "--json"))["time_zone"] != "Europe"


def test_erase_needs_yes_without_a_terminal(cli, vault_dir: Path) -> None:
    cli("client", "add", "--name", "Søren")
    code, _, err = cli("client", "erase", "Søren")
    assert code == 1
    assert "--yes" in err
    assert cli("client", "erase", "Søren", "--yes")[0] == 0
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.session() as db:
        assert clients.list_clients(db, include_archived=True) == []


def test_archive_hides_from_the_list(cli) -> None:
    cli("client", "add", "--name", "José", "--status", "lead")
    assert cli("client", "archive", "José")[0] == 0
    assert json_of(cli("client", "list", "--json")) == []
    assert len(json_of(cli("client", "list", "--all", "--json"))) == 1


def test_demo_then_search_and_today(cli) -> None:
    code, out, _ = cli("demo", "--clients", "12", "--seed", "3")
    assert code == 0
    assert "12 clients" in out
    assert cli("demo", "--clients", "2")[0] == 1, "a vault with clients is never filled"
    someone = json_of(cli("client", "list", "--json"))[0]
    family = someone["name"].split()[-1]
    hits = json_of(cli("search", family, "--json"))
    assert someone["id"] in [h["client_id"] for h in hits if h["kind"] == "client"]
    assert {"kind", "ref_id", "client_id", "client_name", "title", "snippet"} <= set(hits[0])
    code, out, _ = cli("search", family)
    assert f"[{family.lower()}]" in out.lower()
    assert json_of(cli("search", '"unbalanced (quote', "--json")) == []
    day = json_of(cli("today", "--json"))
    assert set(day) >= {"today", "sessions_today", "overdue_actions", "follow_ups_due"}


def test_today_says_where_each_session_stands_in_its_programme(cli) -> None:
    cli("client", "add", "--name", "Aoife Byrne", "--status", "active")
    start = (datetime.now() - timedelta(days=20)).date().isoformat()
    args = ("--client", "Aoife Byrne", "--title", "Leadership", "--start", start, "--json")
    engagement = json_of(cli("engagement", "add", *args, "--sessions", "8"))
    for days_ago in (4, 3):
        when = (datetime.now() - timedelta(days=days_ago)).strftime("%Y-%m-%dT09:30")
        cli(
            "session",
            "add",
            "--client",
            "1",
            "--start",
            when,
            "--engagement",
            str(engagement["id"]),
        )
    code, out, _ = cli("today")
    assert code == 0
    lines = out[out.index("Sessions without notes") :].splitlines()
    assert lines[1].split() == ["id", "when", "client", "session"]
    assert lines[2].endswith("Aoife Byrne  2 of 8")
    assert lines[3].endswith("Aoife Byrne  1 of 8")
    missing = json_of(cli("today", "--json"))["notes_missing"]
    assert [(s["sequence"], s["planned"]) for s in missing] == [(2, 8), (1, 8)]
    assert {"id", "client_name", "starts_at", "status", "mode"} <= set(missing[0])


def test_documents_are_written_only_where_asked(cli, tmp_path: Path) -> None:
    cli("client", "add", "--name", "Zoë Łukasiewicz-Дмитриева", "--status", "active")
    cli(
        "engagement",
        "add",
        "--client",
        "1",
        "--title",
        "Leadership",
        "--start",
        "2026-11-01",
        "--sessions",
        "6",
        "--fee",
        "900",
        "--currency",
        "EUR",
        "--fee-model",
        "package",
    )
    cli(
        "session",
        "add",
        "--client",
        "1",
        "--start",
        "2026-11-20T09:30",
        "--engagement",
        "1",
        "--status",
        "completed",
        "--notes",
        "Shared",
        "--private-notes",
        "PRIVATE-MARKER",
    )
    out = tmp_path / "out"
    out.mkdir()
    for args in (
        ("agreement", "pdf", "--client", "1", "--out", str(out / "agreement.pdf")),
        (
            "report",
            "progress",
            "--client",
            "1",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            str(out / "report.pdf"),
        ),
        ("session", "summary", "1", "--out", str(out / "summary.pdf")),
    ):
        assert cli(*args)[0] == 0, args
    sponsor = ("report", "progress", "--client", "1", "--sponsor", "--out", str(out / "s.pdf"))
    code, _out, err = cli(*sponsor)
    assert code == 1, "no sponsor, so no sponsor's version"
    assert "has no sponsor" in err
    assert sorted(p.name for p in out.iterdir()) == ["agreement.pdf", "report.pdf", "summary.pdf"]
    from tests.documents.pdfcheck import text

    for pdf in out.iterdir():
        assert pdf.stat().st_mode & 0o777 == 0o600
        words = text(pdf.read_bytes())
        assert "Zoë Łukasiewicz-Дмитриева" in words
        assert "PRIVATE-MARKER" not in words
    assert cli("agreement", "pdf", "--client", "1", "--out", str(tmp_path / "no" / "a.pdf"))[0] == 1


def test_session_notes_never_silently_replace_a_draft_from_the_app(cli, vault_dir: Path) -> None:
    from coachdesk.services.sessions import notes

    cli("client", "add", "--name", "Yūko")
    cli("session", "add", "--client", "Yūko", "--start", "2026-11-20T09:30")
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.session() as db, db.begin():
        notes.save_draft(db, 1, '{"private": "typed in the app before a crash"}')
    code, _, err = cli("session", "notes", "1", "--notes", "From the terminal")
    assert code == 1
    assert "--discard-draft" in err
    assert cli("session", "notes", "1", "--notes", "From the terminal", "--discard-draft")[0] == 0
