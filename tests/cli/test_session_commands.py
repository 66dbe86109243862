"""``session add`` joins the active engagement as the app does; ``session edit`` corrects a
booking; ``session delete`` asks before losing notes. Field errors exit 1 naming the field."""

from __future__ import annotations

import json
from pathlib import Path

from coachdesk import vault
from coachdesk.model import EngagementStatus
from coachdesk.services.engagements import engagements
from tests.cli.conftest import json_of
from tests.conftest import PASSPHRASE


def engagement(cli, vault_dir: Path, title: str, start: str) -> int:  # type: ignore[no-untyped-def]
    """An active engagement of Aoife's (the command line adds drafts; the app activates them)."""
    added = json_of(
        cli(
            "engagement",
            *("add", "--client", "Aoife Byrne", "--title", title, "--start", start),
            *("--sessions", "8", "--json"),
        )
    )
    engagement_id = int(added["id"])  # type: ignore[index]
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.session() as db, db.begin():
        engagements.change_status(db, engagement_id, EngagementStatus.ACTIVE)
    return engagement_id


def add_session(cli, *options: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return json_of(  # type: ignore[return-value]
        cli("session", "add", "--client", "Aoife Byrne", *options, "--json")
    )


def test_add_joins_the_latest_started_active_engagement_unless_told(cli, vault_dir) -> None:
    cli("client", "add", "--name", "Aoife Byrne", "--status", "active")
    alone = add_session(cli, "--start", "2026-11-02T09:30")
    assert alone["engagement_id"] is None

    spring = engagement(cli, vault_dir, "Spring", "2026-03-01")
    autumn = engagement(cli, vault_dir, "Autumn", "2026-10-01")
    code, out, err = cli(
        "session", "add", "--client", "Aoife Byrne", "--start", "2026-11-09T09:30", "--json"
    )
    joined = json.loads(out)
    assert (joined["engagement_id"], joined["sequence"], joined["planned"]) == (autumn, 1, 8)
    assert err == (
        "coachdesk: warning: The client has 2 active engagements: the session joins the latest "
        f"started, Autumn (id {autumn}); name another with --engagement.\n"
    )
    named = add_session(cli, "--start", "2026-11-16T09:30", "--engagement", str(spring))
    assert named["engagement_id"] == spring
    outside = add_session(cli, "--start", "2026-11-23T09:30", "--engagement", "none")
    assert outside["engagement_id"] is None

    code, _, err = cli(
        "session", "add", "--client", "Aoife Byrne", "--start", "2026-11-30T09:30",
        "--engagement", "autumn",
    )  # fmt: skip
    assert code == 1
    assert "engagement: Use an engagement id, or none." in err


def test_edit_attaches_an_early_session_and_corrects_the_booking(cli, vault_dir) -> None:
    cli("client", "add", "--name", "Aoife Byrne", "--status", "active")
    early = add_session(cli, "--start", "2026-11-02T09:30", "--status", "completed")
    autumn = engagement(cli, vault_dir, "Autumn", "2026-11-05")
    later = add_session(cli, "--start", "2026-11-09T09:30")
    assert later["sequence"] == 1
    assert json_of(cli("engagement", "show", str(autumn), "--json"))["usage"]["held"] == 0

    edited = json_of(
        cli(
            "session", "edit", str(early["id"]), "--engagement", str(autumn),
            "--duration", "45", "--mode", "phone", "--location", "Mobile", "--json",
        )
    )  # fmt: skip
    assert (edited["engagement_id"], edited["sequence"], edited["duration"]) == (autumn, 1, 45)
    assert json_of(cli("session", "show", str(later["id"]), "--json"))["sequence"] == 2
    assert json_of(cli("engagement", "show", str(autumn), "--json"))["usage"]["held"] == 1
    shown = json_of(cli("session", "show", str(early["id"]), "--json"))
    assert (shown["mode"], shown["location"]) == ("phone", "Mobile")

    code, out, err = cli(
        "session", "edit", str(later["id"]), "--start", "2026-11-10T14:00", "--status", "cancelled"
    )
    assert (code, out) == (0, f"Saved session {later['id']}.\n"), err
    shown = json_of(cli("session", "show", str(later["id"]), "--json"))
    assert (shown["starts_at"][:16], shown["status"]) == ("2026-11-10T14:00", "cancelled")
    assert (
        json_of(cli("session", "edit", str(later["id"]), "--engagement", "none", "--json"))[
            "engagement_id"
        ]
        is None
    )


def test_edit_refuses_bad_input_naming_the_field_and_changes_nothing(cli) -> None:
    cli("client", "add", "--name", "Aoife Byrne")
    held = add_session(cli, "--start", "2026-11-02T09:30", "--status", "completed")
    before = json_of(cli("session", "show", str(held["id"]), "--json"))
    for options, field in (
        (("--duration", "2"), "duration_minutes:"),
        (("--start", "next monday"), "start:"),
        (("--engagement", "99"), "engagement: That engagement does not exist."),
        (("--status", "scheduled"), "status: A session cannot go from completed"),
        (("--location", "Room 1\nRoom 2", "--duration", "30"), "location:"),
    ):
        code, _, err = cli("session", "edit", str(held["id"]), *options)
        assert code == 1, options
        assert field in err
    assert json_of(cli("session", "show", str(held["id"]), "--json")) == before
    code, _, err = cli("session", "edit", "404", "--duration", "30")
    assert code == 1
    assert "session: There is no session with id 404." in err


def test_delete_asks_when_notes_would_be_lost(cli) -> None:
    cli("client", "add", "--name", "Aoife Byrne")
    empty = add_session(cli, "--start", "2026-11-02T09:30")
    written = add_session(cli, "--start", "2026-11-09T09:30", "--notes", "Career options")

    assert cli("session", "delete", str(empty["id"])) == (
        0,
        f"Deleted session {empty['id']}.\n",
        "",
    )
    code, _, err = cli("session", "delete", str(written["id"]))  # no terminal, no --yes
    assert code == 1
    assert "--yes" in err
    assert json_of(cli("session", "show", str(written["id"]), "--json"))["id"] == written["id"]

    deleted = json_of(cli("session", "delete", str(written["id"]), "--yes", "--json"))
    assert (deleted["id"], deleted["deleted"]) == (written["id"], True)
    assert json_of(cli("session", "list", "--json")) == []
    code, _, err = cli("session", "delete", str(written["id"]), "--yes")
    assert code == 1
    assert f"session: There is no session with id {written['id']}." in err
